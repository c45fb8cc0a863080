//! The [`DiscountPolicy`] trait — your rules for which discount a session gets — with
//! [`Rejection`] and the closure adapter [`policy_fn`].
//!
//! Ready-made policies live in [`policies`](super::policies); the flow that calls a policy is
//! [`update_discounts`](super::update_discounts).

use std::fmt;
use std::sync::Arc;

use async_trait::async_trait;

use super::{Discount, DiscountRequest};
use crate::checkout::CheckoutSession;

/// Decides which discounts a Checkout Session carries, from your own systems.
///
/// [`update_discounts`](super::update_discounts) retrieves the session from Stripe (never
/// trusting the browser), then calls [`validate`](Self::validate) and
/// [`recompute`](Self::recompute). `recompute` returns the complete list the session should
/// have: an empty list removes every discount. Stripe accepts at most one.
///
/// Policies should compute from `amount_subtotal` (before discounts), so running one twice
/// gives the same answer and the flow can skip updates that would change nothing.
///
/// ```
/// use stripe_checkout_client::discounts::async_trait;
/// use stripe_checkout_client::checkout::CheckoutSession;
/// use stripe_checkout_client::discounts::{
///     CouponData, Discount, DiscountPolicy, DiscountRequest, Rejection,
/// };
///
/// /// 5.00 off for anyone who asks, in the session's currency.
/// struct FiveOff;
///
/// #[async_trait]
/// impl DiscountPolicy for FiveOff {
///     async fn recompute(&self, request: &DiscountRequest, session: &CheckoutSession)
///         -> Result<Vec<Discount>, Rejection>
///     {
///         if request.is_removal() {
///             return Ok(Vec::new());
///         }
///         let currency = session.currency.clone().unwrap_or_else(|| "usd".into());
///         Ok(vec![Discount::CouponData(CouponData::amount_off(500, currency).name("Five off"))])
///     }
/// }
/// ```
#[async_trait]
pub trait DiscountPolicy: Send + Sync {
    /// Extra fields to expand when the session is retrieved (e.g. `line_items`), besides the
    /// `discounts.coupon` and `discounts.promotion_code` the flow always expands.
    fn expand(&self) -> Vec<String> {
        Vec::new()
    }

    /// Checks that the request is acceptable for this session. The default accepts at most
    /// one requested discount, as Stripe's guide does.
    ///
    /// # Errors
    /// A [`Rejection`] when the request must not be honoured; nothing is sent to Stripe.
    async fn validate(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<(), Rejection> {
        let _ = session;
        match &request.discounts {
            Some(list) if list.len() > 1 => Err(Rejection::new(format!(
                "{} discounts requested, at most one allowed",
                list.len()
            ))),
            _ => Ok(()),
        }
    }

    /// The discounts the session should carry now; empty removes all.
    ///
    /// # Errors
    /// A [`Rejection`] when no answer can be given (e.g. an unknown code); nothing is sent.
    async fn recompute(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<Vec<Discount>, Rejection>;

    /// The discounts of [`recompute`](Self::recompute) together with what they take off this
    /// session, when the policy knows it. Combinators that compare policies
    /// ([`BestForCustomer`](super::policies::BestForCustomer)) ask for this; the default
    /// answers `recompute`'s list with the worth left to the combinator, which can price
    /// inline `coupon_data` but not a coupon given by id. A policy that applies coupons by id
    /// and knows their terms overrides it.
    ///
    /// # Errors
    /// As [`recompute`](Self::recompute).
    async fn offer(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<Offer, Rejection> {
        Ok(Offer::new(self.recompute(request, session).await?))
    }
}

/// What a policy offers a session: its discounts and, when the policy knows it, the amount
/// they take off the subtotal (see [`DiscountPolicy::offer`]).
///
/// ```
/// use stripe_checkout_client::discounts::{Discount, Offer};
///
/// let offer = Offer::new(vec![Discount::Coupon("SUMMER25".parse()?)]).worth(2_500);
/// assert_eq!(offer.amount_off, Some(2_500));
/// assert!(Offer::none().discounts.is_empty());
/// # Ok::<(), stripe_checkout_client::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Offer {
    /// The discounts the session should carry (empty: none).
    pub discounts: Vec<Discount>,
    /// What they take off the session's subtotal, in its currency's smallest unit; `None`
    /// when the policy does not know.
    pub amount_off: Option<i64>,
}

impl Offer {
    /// `discounts`, worth unknown.
    pub fn new(discounts: Vec<Discount>) -> Self {
        Self {
            discounts,
            amount_off: None,
        }
    }

    /// No discount, worth nothing.
    pub fn none() -> Self {
        Self {
            discounts: Vec::new(),
            amount_off: Some(0),
        }
    }

    /// The same offer, known to take `amount_off` off the subtotal.
    pub fn worth(mut self, amount_off: i64) -> Self {
        self.amount_off = Some(amount_off);
        self
    }
}

macro_rules! forward_policy {
    ($($ty:ty),*) => {$(
        #[async_trait]
        impl<P: DiscountPolicy + ?Sized> DiscountPolicy for $ty {
            fn expand(&self) -> Vec<String> {
                (**self).expand()
            }
            async fn validate(
                &self,
                request: &DiscountRequest,
                session: &CheckoutSession,
            ) -> Result<(), Rejection> {
                (**self).validate(request, session).await
            }
            async fn recompute(
                &self,
                request: &DiscountRequest,
                session: &CheckoutSession,
            ) -> Result<Vec<Discount>, Rejection> {
                (**self).recompute(request, session).await
            }
            async fn offer(
                &self,
                request: &DiscountRequest,
                session: &CheckoutSession,
            ) -> Result<Offer, Rejection> {
                (**self).offer(request, session).await
            }
        }
    )*};
}

forward_policy!(Box<P>, Arc<P>, &P);

/// Why a policy refused a request: an internal reason for your logs and, optionally, a
/// message that is safe to show the customer.
///
/// ```
/// use stripe_checkout_client::discounts::Rejection;
///
/// let r = Rejection::new("code WELCOME already redeemed by cus_123")
///     .with_customer_message("This code has already been used.");
/// assert_eq!(r.customer_message(), Some("This code has already been used."));
/// assert_eq!(r.to_string(), "code WELCOME already redeemed by cus_123");
/// ```
///
/// A ready-made policy may attach the typed cause, which
/// [`Error::source`](std::error::Error::source) gives back (e.g. a
/// [`CodeRefusal`](super::policies::CodeRefusal) from [`TypedCodes`](super::policies::TypedCodes)).
/// Two rejections are equal when their reason and message are; the cause is not compared.
#[derive(Clone)]
pub struct Rejection {
    reason: String,
    customer_message: Option<String>,
    cause: Option<Arc<dyn std::error::Error + Send + Sync>>,
}

impl PartialEq for Rejection {
    fn eq(&self, other: &Self) -> bool {
        self.reason == other.reason && self.customer_message == other.customer_message
    }
}

impl Eq for Rejection {}

impl fmt::Debug for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rejection")
            .field("reason", &self.reason)
            .field("customer_message", &self.customer_message)
            .field("cause", &self.cause)
            .finish()
    }
}

impl Rejection {
    /// A rejection with an internal `reason` (logged, never shown to the customer).
    pub fn new(reason: impl Into<String>) -> Self {
        Self {
            reason: reason.into(),
            customer_message: None,
            cause: None,
        }
    }

    /// Attaches the typed cause of the rejection, for callers that match on it through
    /// [`Error::source`](std::error::Error::source).
    pub fn with_cause(mut self, cause: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.cause = Some(Arc::new(cause));
        self
    }

    /// Adds a message the front end may show the customer instead of the generic one.
    pub fn with_customer_message(mut self, message: impl Into<String>) -> Self {
        self.customer_message = Some(message.into());
        self
    }

    /// The internal reason.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// The customer-safe message, if the policy gave one.
    pub fn customer_message(&self) -> Option<&str> {
        self.customer_message.as_deref()
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for Rejection {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause
            .as_deref()
            .map(|cause| cause as &(dyn std::error::Error + 'static))
    }
}

/// A policy from a closure that computes the discounts; validation is the default (at most
/// one requested discount). For policies that need `.await`, implement [`DiscountPolicy`].
///
/// ```
/// use stripe_checkout_client::discounts::{policy_fn, CouponData, Discount, DiscountPolicy};
///
/// let policy = policy_fn(|request, session| {
///     if request.is_removal() || session.amount_subtotal.unwrap_or(0) < 5_000 {
///         return Ok(Vec::new());
///     }
///     Ok(vec![Discount::Coupon("BIGCART".parse().unwrap())])
/// });
/// fn assert_policy(_: &impl DiscountPolicy) {}
/// assert_policy(&policy);
/// ```
pub fn policy_fn<F>(recompute: F) -> PolicyFn<F>
where
    F: Fn(&DiscountRequest, &CheckoutSession) -> Result<Vec<Discount>, Rejection> + Send + Sync,
{
    PolicyFn(recompute)
}

/// The policy made by [`policy_fn`].
#[derive(Clone, Copy)]
pub struct PolicyFn<F>(F);

impl<F> fmt::Debug for PolicyFn<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PolicyFn")
    }
}

#[async_trait]
impl<F> DiscountPolicy for PolicyFn<F>
where
    F: Fn(&DiscountRequest, &CheckoutSession) -> Result<Vec<Discount>, Rejection> + Send + Sync,
{
    async fn recompute(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<Vec<Discount>, Rejection> {
        (self.0)(request, session)
    }
}

#[cfg(test)]
mod tests {
    use std::error::Error as _;

    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("the code has expired")]
    struct Expired;

    #[test]
    fn rejections_compare_reason_and_message_but_not_cause() {
        let base = Rejection::new("code WELCOME used").with_customer_message("Already used.");
        assert_eq!(base, base.clone().with_cause(Expired));
        assert_ne!(
            base,
            Rejection::new("code OTHER used").with_customer_message("Already used.")
        );
        assert_ne!(
            base,
            Rejection::new("code WELCOME used").with_customer_message("Expired.")
        );
        assert_ne!(base, Rejection::new("code WELCOME used"));
        assert_eq!(Rejection::new("r"), Rejection::new("r"));
    }

    #[test]
    fn a_rejection_shows_its_reason_and_gives_back_its_cause() {
        let rejection = Rejection::new("code WELCOME used")
            .with_customer_message("Already used.")
            .with_cause(Expired);
        assert_eq!(rejection.to_string(), "code WELCOME used");
        assert_eq!(
            format!("{rejection:?}"),
            r#"Rejection { reason: "code WELCOME used", customer_message: Some("Already used."), cause: Some(Expired) }"#
        );
        let cause = rejection.source().expect("the cause");
        assert!(cause.downcast_ref::<Expired>().is_some());
        assert!(Rejection::new("r").source().is_none());
    }

    #[test]
    fn a_policy_from_a_closure_shows_its_kind() {
        let policy = policy_fn(|_, _| Ok(Vec::new()));
        assert_eq!(format!("{policy:?}"), "PolicyFn");
    }
}
