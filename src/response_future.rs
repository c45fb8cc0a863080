//! [`ResponseFuture`]: what the typed request methods return, a request in flight.
//!
//! Sending and retrying is `transport`'s job; the endpoints are in
//! [`checkout`](crate::checkout).

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::error::Result;

/// A request to Stripe in flight: await it for the decoded answer.
///
/// The typed request methods, such as
/// [`CheckoutSessions::create`](crate::checkout::CheckoutSessions::create), return this
/// rather than being `async fn`s. An `async fn`'s body is compiled in the crate that awaits
/// it, so every merchant binary would compile the retry loop and the decoder of every model
/// again; behind this box they are compiled once, in this crate (README, "Performance"). The
/// price is one allocation per request.
///
/// Like any future it does nothing until polled. It is `Send`, and it borrows only the client,
/// the params and the options, so requests can be joined or spawned with scoped data.
///
/// ```no_run
/// use stripe_checkout_client::checkout::{RetrieveSession, SessionStatus};
/// use stripe_checkout_client::Client;
/// # async fn run() -> stripe_checkout_client::Result<()> {
/// let client = Client::new("sk_test_123")?;
/// let sessions = client.checkout_sessions();
/// let params = RetrieveSession::new();
/// let (a, b) = tokio::join!(
///     sessions.retrieve("cs_test_a", &params),
///     sessions.retrieve("cs_test_b", &params),
/// );
/// assert_eq!(a?.status, Some(SessionStatus::Open));
/// # let _ = b;
///
/// // The future borrows the client, not the handle that made it.
/// let pending = client.checkout_sessions().expire("cs_test_a");
/// let expired = pending.await?;
/// # let _ = expired;
/// # Ok(()) }
/// ```
#[must_use = "a request is sent only when its future is awaited"]
pub struct ResponseFuture<'a, T> {
    inner: Pin<Box<dyn Future<Output = Result<T>> + Send + 'a>>,
}

impl<'a, T> ResponseFuture<'a, T> {
    /// Boxes `future`. Call it from non-generic code only, so the future's body is compiled
    /// here.
    pub(crate) fn new(future: impl Future<Output = Result<T>> + Send + 'a) -> Self {
        ResponseFuture {
            inner: Box::pin(future),
        }
    }
}

impl<T> Future for ResponseFuture<'_, T> {
    type Output = Result<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<T>> {
        self.inner.as_mut().poll(cx)
    }
}

impl<T> fmt::Debug for ResponseFuture<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ResponseFuture")
    }
}
