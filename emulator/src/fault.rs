//! [`Fault`]: a failure the emulator injects into upcoming requests — an error status, a
//! slow answer or a dropped connection — before or after the request takes effect.
//!
//! The queue of pending faults and the matching live in the store; this file describes one.

use std::time::Duration;

use crate::route::Method;
use crate::route::Route;

/// A failure to inject, queued with [`FakeStripe::inject`](super::FakeStripe::inject).
///
/// By default a fault hits the next request of any method and path, once, *before* it takes
/// effect:
/// nothing changes and no idempotent result is saved, as when Stripe fails early. With
/// [`after_apply`](Self::after_apply) the request takes effect (and its result is saved under
/// its idempotency key) and only the answer is lost — the case retries with one idempotency
/// key exist for.
///
/// ```
/// use std::time::Duration;
/// use stripe_checkout_emulator::Method;
/// use stripe_checkout_emulator::Fault;
///
/// // The next two updates fail with 503 after being applied; Stripe says to retry.
/// let lost_answers = Fault::status(503).should_retry(true).after_apply().on(Method::Post).times(2);
/// // The next request of any kind is answered 2 s late.
/// let slow = Fault::delay(Duration::from_secs(2));
/// // The next line-item list of any session fails; the session reads still work.
/// let no_items = Fault::status(500).path("/v1/checkout/sessions/*/line_items");
/// # let _ = (lost_answers, slow, no_items);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Fault {
    pub(crate) action: FaultAction,
    pub(crate) after_apply: bool,
    pub(crate) route: Route,
    pub(crate) times: usize,
}

/// What a fault does to the answer.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum FaultAction {
    /// Answer this status with a Stripe error body (and `Stripe-Should-Retry` when set).
    Status {
        status: u16,
        should_retry: Option<bool>,
    },
    /// Close the connection without answering.
    Drop,
    /// Answer normally, this much later.
    Delay(Duration),
    /// Answer these bytes as they are (malformed JSON, an HTML page, …).
    Body {
        status: u16,
        content_type: &'static str,
        body: Vec<u8>,
    },
}

impl Fault {
    fn new(action: FaultAction) -> Self {
        Fault {
            action,
            after_apply: false,
            route: Route::any(),
            times: 1,
        }
    }

    /// Answer `status` (e.g. 500, 503, 409, 429) with a Stripe error body.
    pub fn status(status: u16) -> Self {
        Fault::new(FaultAction::Status {
            status,
            should_retry: None,
        })
    }

    /// Close the connection without an answer, as a network failure does.
    pub fn drop_connection() -> Self {
        Fault::new(FaultAction::Drop)
    }

    /// Answer `status` with exactly these bytes — malformed or truncated JSON, JSON of the
    /// wrong shape, an HTML error page from a proxy — to test how a client copes.
    pub fn body(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Fault::new(FaultAction::Body {
            status,
            content_type,
            body: body.into(),
        })
    }

    /// Answer normally but only after `delay`. The request takes effect at once; only the
    /// answer is late, so a client that times out and retries gets the saved result.
    pub fn delay(delay: Duration) -> Self {
        Fault::new(FaultAction::Delay(delay))
    }

    /// Send `Stripe-Should-Retry: true` or `false` with a [`status`](Self::status) fault.
    pub fn should_retry(mut self, retry: bool) -> Self {
        if let FaultAction::Status { should_retry, .. } = &mut self.action {
            *should_retry = Some(retry);
        }
        self
    }

    /// Let the request take effect first, then fail its answer.
    pub fn after_apply(mut self) -> Self {
        self.after_apply = true;
        self
    }

    /// Hit only requests with this method (e.g. only the update, not the retrieve before it).
    pub fn on(mut self, method: impl Into<Method>) -> Self {
        let method = method.into();
        self.route = self.route.with_method(method);
        self
    }

    /// Hit only requests whose path matches `pattern` (see [`Route`]: `*` is one segment,
    /// a final `**` the rest).
    pub fn path(mut self, pattern: impl Into<String>) -> Self {
        self.route = self.route.with_path(pattern);
        self
    }

    /// Hit only the requests of `route`, method and path.
    pub fn route(mut self, route: Route) -> Self {
        self.route = route;
        self
    }

    /// Hit this many matching requests (default 1; 0 hits none).
    pub fn times(mut self, times: usize) -> Self {
        self.times = times;
        self
    }

    pub(crate) fn matches(&self, method: &str, path: &str) -> bool {
        self.route.matches_raw(method, path)
    }
}
