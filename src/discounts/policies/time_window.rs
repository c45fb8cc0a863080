//! [`TimeWindow`]: a policy that only applies between two instants — limited-time offers that
//! remove themselves once expired — with an injectable [`Clock`].

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use async_trait::async_trait;

use crate::checkout::CheckoutSession;
use crate::discounts::{Discount, DiscountPolicy, DiscountRequest, Rejection};

/// Where a [`TimeWindow`] reads the current time. [`SystemClock`] in production,
/// [`FixedClock`] in tests; implement it to share a clock you can move.
pub trait Clock: Send + Sync {
    /// The current time.
    fn now(&self) -> SystemTime;
}

/// The system's wall clock ([`SystemTime::now`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// A clock stopped at one instant, for tests and examples.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use stripe_checkout_client::discounts::policies::{Clock, FixedClock};
///
/// let clock = FixedClock::from_unix(1_750_000_000);
/// assert_eq!(clock.now(), UNIX_EPOCH + Duration::from_secs(1_750_000_000));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedClock(pub SystemTime);

impl FixedClock {
    /// A clock stopped `secs` seconds after the Unix epoch (Stripe's timestamps).
    pub fn from_unix(secs: u64) -> Self {
        FixedClock(UNIX_EPOCH + Duration::from_secs(secs))
    }
}

impl Clock for FixedClock {
    fn now(&self) -> SystemTime {
        self.0
    }
}

impl<C: Clock + ?Sized> Clock for Arc<C> {
    fn now(&self) -> SystemTime {
        (**self).now()
    }
}

impl<C: Clock + ?Sized> Clock for &C {
    fn now(&self) -> SystemTime {
        (**self).now()
    }
}

/// Applies `inner` from `starts_at` (inclusive) until `ends_at` (exclusive); outside that
/// window it answers no discount, so the next request after an offer ends removes it from the
/// session.
///
/// [`expand`](DiscountPolicy::expand) and [`validate`](DiscountPolicy::validate) are always
/// `inner`'s, inside the window or not. A window whose `ends_at` is not after `starts_at` is
/// never open.
///
/// Stripe does not call your server when the window closes: a session already carrying the
/// offer keeps it until the browser asks for an update again. Give the session an
/// `expires_at` no later than the offer's end if that matters.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use stripe_checkout_client::checkout::CheckoutSession;
/// use stripe_checkout_client::discounts::{DiscountPolicy, DiscountRequest};
/// use stripe_checkout_client::discounts::policies::{CartThreshold, FixedClock, TimeWindow};
/// use stripe_checkout_client::ids::CheckoutSessionId;
///
/// // The guide's cart rule during a weekend sale.
/// let start = UNIX_EPOCH + Duration::from_secs(1_750_000_000);
/// let sale = TimeWindow::new(CartThreshold::guide(), start, start + Duration::from_secs(2 * 86_400));
///
/// let request = DiscountRequest::new(CheckoutSessionId::new("cs_test_1")?);
/// let session: CheckoutSession = serde_json::from_value(serde_json::json!({
///     "id": "cs_test_1", "object": "checkout.session",
///     "currency": "usd", "amount_subtotal": 12_000,
/// }))?;
/// let rt = tokio::runtime::Builder::new_current_thread().build()?;
///
/// let during = sale.clone().with_clock(FixedClock::from_unix(1_750_000_000 + 3_600));
/// assert_eq!(rt.block_on(during.recompute(&request, &session))?.len(), 1);
/// let after = sale.with_clock(FixedClock::from_unix(1_750_000_000 + 2 * 86_400));
/// assert!(rt.block_on(after.recompute(&request, &session))?.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct TimeWindow<P, C = SystemClock> {
    /// The policy that applies inside the window.
    pub inner: P,
    /// The first instant the window is open.
    pub starts_at: SystemTime,
    /// The first instant after the window: it is closed from here on.
    pub ends_at: SystemTime,
    /// Where the current time comes from.
    pub clock: C,
}

impl<P: DiscountPolicy> TimeWindow<P> {
    /// `inner` from `starts_at` (inclusive) until `ends_at` (exclusive), by the system clock.
    pub fn new(inner: P, starts_at: SystemTime, ends_at: SystemTime) -> Self {
        TimeWindow {
            inner,
            starts_at,
            ends_at,
            clock: SystemClock,
        }
    }
}

impl<P: DiscountPolicy, C: Clock> TimeWindow<P, C> {
    /// The same window read from another clock (a [`FixedClock`] in tests).
    pub fn with_clock<C2: Clock>(self, clock: C2) -> TimeWindow<P, C2> {
        TimeWindow {
            inner: self.inner,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            clock,
        }
    }

    /// Whether `at` is inside the window: `starts_at <= at < ends_at`.
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use stripe_checkout_client::discounts::policies::{CartThreshold, TimeWindow};
    ///
    /// let start = UNIX_EPOCH + Duration::from_secs(100);
    /// let w = TimeWindow::new(CartThreshold::guide(), start, start + Duration::from_secs(10));
    /// assert!(w.contains(start));
    /// assert!(!w.contains(start + Duration::from_secs(10)));
    /// ```
    pub fn contains(&self, at: SystemTime) -> bool {
        self.starts_at <= at && at < self.ends_at
    }

    /// Whether the window is open now, by its clock.
    pub fn is_open(&self) -> bool {
        self.contains(self.clock.now())
    }
}

#[async_trait]
impl<P: DiscountPolicy, C: Clock> DiscountPolicy for TimeWindow<P, C> {
    fn expand(&self) -> Vec<String> {
        self.inner.expand()
    }

    async fn validate(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<(), Rejection> {
        self.inner.validate(request, session).await
    }

    async fn recompute(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<Vec<Discount>, Rejection> {
        if request.is_removal() || !self.is_open() {
            return Ok(Vec::new());
        }
        self.inner.recompute(request, session).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discounts::policies::CartThreshold;
    use crate::discounts::policies::test_support::{
        amount_off, block_on, priced_session, recompute, removal, request,
    };
    use crate::discounts::{RequestedDiscount, policy_fn};

    const START: u64 = 1_750_000_000;
    const END: u64 = START + 3_600;

    fn window_at(now: u64) -> TimeWindow<CartThreshold, FixedClock> {
        TimeWindow::new(
            CartThreshold::guide(),
            UNIX_EPOCH + Duration::from_secs(START),
            UNIX_EPOCH + Duration::from_secs(END),
        )
        .with_clock(FixedClock::from_unix(now))
    }

    fn off_at(now: u64) -> Option<i64> {
        amount_off(&recompute(&window_at(now), &priced_session(12_000, "usd"))).map(|d| d.0)
    }

    #[test]
    fn start_is_inclusive_and_end_exclusive() {
        assert_eq!(off_at(START - 1), None);
        assert_eq!(off_at(START), Some(1_200));
        assert_eq!(off_at(END - 1), Some(1_200));
        assert_eq!(off_at(END), None);
        assert_eq!(off_at(0), None);
        assert_eq!(off_at(u64::from(u32::MAX)), None);
    }

    #[test]
    fn sub_second_edges() {
        let start = UNIX_EPOCH + Duration::from_secs(START);
        let w = window_at(START);
        assert!(!w.contains(start - Duration::from_nanos(1)));
        assert!(w.contains(start));
        assert!(w.contains(UNIX_EPOCH + Duration::from_secs(END) - Duration::from_nanos(1)));
    }

    #[test]
    fn empty_or_inverted_window_is_never_open() {
        let at = UNIX_EPOCH + Duration::from_secs(START);
        let empty = TimeWindow::new(CartThreshold::guide(), at, at).with_clock(FixedClock(at));
        assert!(!empty.is_open());
        let inverted = TimeWindow::new(CartThreshold::guide(), at + Duration::from_secs(1), at)
            .with_clock(FixedClock(at));
        assert!(recompute(&inverted, &priced_session(12_000, "usd")).is_empty());
    }

    #[test]
    fn removal_inside_the_window_gives_nothing() {
        let w = window_at(START);
        assert!(
            block_on(w.recompute(&removal(), &priced_session(12_000, "usd")))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn inner_errors_propagate_only_inside_the_window() {
        let failing = |now| {
            TimeWindow::new(
                policy_fn(|_, _| Err(Rejection::new("inner failed"))),
                UNIX_EPOCH + Duration::from_secs(START),
                UNIX_EPOCH + Duration::from_secs(END),
            )
            .with_clock(FixedClock::from_unix(now))
        };
        let s = priced_session(12_000, "usd");
        assert!(block_on(failing(START).recompute(&request(), &s)).is_err());
        assert!(
            block_on(failing(END).recompute(&request(), &s))
                .unwrap()
                .is_empty()
        );
    }

    /// A policy with its own expand list and validation, to see that both are forwarded.
    #[derive(Debug)]
    struct Strict;

    #[async_trait]
    impl DiscountPolicy for Strict {
        fn expand(&self) -> Vec<String> {
            vec!["line_items".to_owned()]
        }
        async fn validate(
            &self,
            request: &DiscountRequest,
            _: &CheckoutSession,
        ) -> Result<(), Rejection> {
            match &request.discounts {
                Some(list) if !list.is_empty() => Err(Rejection::new("no codes accepted")),
                _ => Ok(()),
            }
        }
        async fn recompute(
            &self,
            _: &DiscountRequest,
            _: &CheckoutSession,
        ) -> Result<Vec<Discount>, Rejection> {
            Ok(Vec::new())
        }
    }

    #[test]
    fn expand_and_validate_are_the_inners_inside_and_outside() {
        let s = priced_session(12_000, "usd");
        let code = request().with_discounts([RequestedDiscount::Code("X".into())]);
        for now in [START - 1, START, END] {
            let w = TimeWindow::new(
                Strict,
                UNIX_EPOCH + Duration::from_secs(START),
                UNIX_EPOCH + Duration::from_secs(END),
            )
            .with_clock(FixedClock::from_unix(now));
            assert_eq!(w.expand(), ["line_items"]);
            assert!(block_on(w.validate(&code, &s)).is_err());
            assert!(block_on(w.validate(&request(), &s)).is_ok());
        }
    }

    #[test]
    fn clocks() {
        fn now_of(clock: impl Clock) -> SystemTime {
            clock.now()
        }
        let fixed = FixedClock::from_unix(START);
        assert_eq!(now_of(Arc::new(fixed)), fixed.0);
        let borrowed: &FixedClock = &fixed;
        assert_eq!(now_of(borrowed), fixed.0);
        let before = SystemTime::now();
        assert!(SystemClock.now() >= before);
        // The default clock is the system's: a window around now is open.
        let now = SystemTime::now();
        let w = TimeWindow::new(
            CartThreshold::guide(),
            now - Duration::from_secs(60),
            now + Duration::from_secs(3_600),
        );
        assert!(w.is_open());
    }
}
