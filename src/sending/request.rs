//! The pending request: what every endpoint method returns. Per-request options chain on it,
//! and awaiting it sends the request ([`PendingRequest`] → [`ResponseFuture`]).
//!
//! What to send (method, path, encoded params) is decided by the endpoint that builds the
//! pending request; sending, retrying and decoding are the transport's. This file only carries
//! the request from one to the other.

use std::fmt;
use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::error::{Error, Result};
use crate::sending::options::{RequestOptions, request_option_setters};
use crate::sending::transport::{Answer, Method, Transport, exchange_boxed};
use crate::versions::version_gate::Gated;

/// A request that has not been sent yet: chain per-request options on it, then `.await` it.
///
/// Every endpoint method returns one — [`CheckoutSessions::create`], `retrieve`, `update`, …
/// and [`Client::request_raw`](crate::Client::request_raw) — so there is one method per
/// operation and options never need a second variant of it. (`list_all` returns a
/// [`SessionStream`](crate::checkout::SessionStream), on which the same options chain.)
///
/// Parameters are checked and encoded when the pending request is made: a broken rule is
/// reported as [`Error::InvalidParams`] when it is awaited, and nothing is sent. Options are
/// checked when it is sent (also before anything goes out), and so are the parameters that
/// depend on the API version, against the version the request goes out with (a per-request
/// [`api_version`](Self::api_version), or the client's): a parameter that version does not
/// take is reported as [`Error::NotInVersion`], and a value Stripe renamed is sent under the
/// version's name (see [`UiMode`](crate::checkout::UiMode)).
///
/// ```no_run
/// use std::time::Duration;
/// use stripe_checkout_client::{Client, RequestOptions};
/// use stripe_checkout_client::ids::CheckoutSessionId;
/// # async fn run() -> stripe_checkout_client::Result<()> {
/// let client = Client::new("sk_test_123")?;
/// let id: CheckoutSessionId = "cs_test_123".parse()?;
/// let session = client
///     .checkout_sessions()
///     .retrieve(&id)
///     .expand(["line_items"])
///     .timeout(Duration::from_secs(5))
///     .await?;
///
/// // A saved set of options, applied to several requests.
/// let connect = RequestOptions::new().stripe_account("acct_1Hx000000000000");
/// let expired = client.checkout_sessions().expire(&session.id).options(&connect).await?;
/// # let _ = expired;
/// # Ok(()) }
/// ```
///
/// [`CheckoutSessions::create`]: crate::checkout::CheckoutSessions::create
#[must_use = "a request is sent only when it is awaited"]
pub struct PendingRequest<'a, T> {
    transport: &'a Transport,
    method: Method,
    path: String,
    params: Result<Gated>,
    options: RequestOptions,
    decode: fn(Answer) -> Result<T>,
}

impl<'a, T> PendingRequest<'a, T> {
    /// A request for `params` (already checked and encoded, with the gates still to resolve
    /// against the request's version), decoded by `decode`.
    ///
    /// Callers pass `Answer::model::<Model>` from non-generic code, so each model's decoder
    /// is compiled once, in this crate.
    pub(crate) fn new(
        transport: &'a Transport,
        method: Method,
        path: String,
        params: Result<Gated>,
        decode: fn(Answer) -> Result<T>,
    ) -> Self {
        PendingRequest {
            transport,
            method,
            path,
            params,
            options: RequestOptions::default(),
            decode,
        }
    }

    request_option_setters!();

    /// Also expands these fields of the answer (`expand[n]=…`, after any the params already
    /// ask for; a field asked for twice is sent once).
    ///
    /// ```no_run
    /// # async fn run(client: stripe_checkout_client::Client, id: stripe_checkout_client::ids::CheckoutSessionId) -> stripe_checkout_client::Result<()> {
    /// let session = client
    ///     .checkout_sessions()
    ///     .retrieve(&id)
    ///     .expand(["discounts.coupon", "line_items"])
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn expand<I>(mut self, fields: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        let fields: Vec<String> = fields.into_iter().map(Into::into).collect();
        if let Ok(gated) = &mut self.params {
            if let Err(e) = append_expand(&mut gated.pairs, fields) {
                self.params = Err(e);
            }
        }
        self
    }

    /// The options set so far.
    pub fn request_options(&self) -> &RequestOptions {
        &self.options
    }
}

/// Appends `expand[n]` pairs for the `fields` not yet asked for.
fn append_expand(pairs: &mut Vec<(String, String)>, fields: Vec<String>) -> Result<()> {
    // After the highest index already there, so an extra `expand[3]` is not sent twice.
    let mut next = pairs
        .iter()
        .filter_map(|(k, _)| {
            k.strip_prefix("expand[")?
                .strip_suffix(']')?
                .parse::<usize>()
                .ok()
        })
        .max()
        .map_or(0, |max| max + 1);
    for field in fields {
        if field.trim().is_empty() {
            return Err(Error::invalid_param(
                format!("expand[{next}]"),
                "must not be empty",
            ));
        }
        if pairs
            .iter()
            .any(|(k, v)| k.starts_with("expand[") && *v == field)
        {
            continue;
        }
        pairs.push((format!("expand[{next}]"), field));
        next += 1;
    }
    Ok(())
}

impl<'a, T> IntoFuture for PendingRequest<'a, T> {
    type Output = Result<T>;
    type IntoFuture = ResponseFuture<'a, T>;

    fn into_future(self) -> ResponseFuture<'a, T> {
        let PendingRequest {
            transport,
            method,
            path,
            params,
            options,
            decode,
        } = self;
        ResponseFuture {
            state: start(transport, method, path, params, options),
            decode,
        }
    }
}

/// Resolves the params for the request's version and starts the exchange: the part of
/// awaiting a request that does not depend on what the answer decodes into, compiled once.
fn start<'a>(
    transport: &'a Transport,
    method: Method,
    path: String,
    params: Result<Gated>,
    options: RequestOptions,
) -> State<'a> {
    let version = options
        .api_version
        .as_ref()
        .unwrap_or(&transport.api_version);
    match params.and_then(|gated| Ok(gated.resolve(version)?)) {
        Ok(pairs) => State::Sending(exchange_boxed(transport, method, path, pairs, options)),
        Err(e) => State::Failed(Some(e)),
    }
}

impl<T> fmt::Debug for PendingRequest<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Params are not shown: they may hold customer data.
        f.debug_struct("PendingRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// A request to Stripe in flight: what awaiting a [`PendingRequest`] gives. It resolves to
/// the decoded answer or the [`Error`], after the retries the client allows.
///
/// It is `Send` and borrows only the client, so requests can be joined (`tokio::join!`) or
/// spawned with scoped data. Dropping it before it resolves cancels the request; a `POST`
/// that may have reached Stripe is safe to send again with the same idempotency key.
///
/// ```no_run
/// use stripe_checkout_client::Client;
/// use stripe_checkout_client::checkout::SessionStatus;
/// use stripe_checkout_client::ids::CheckoutSessionId;
/// # async fn run() -> stripe_checkout_client::Result<()> {
/// let client = Client::new("sk_test_123")?;
/// let sessions = client.checkout_sessions();
/// let (a, b): (CheckoutSessionId, CheckoutSessionId) = ("cs_test_a".parse()?, "cs_test_b".parse()?);
/// let (a, b) = tokio::join!(sessions.retrieve(&a), sessions.retrieve(&b));
/// assert_eq!(a?.status, Some(SessionStatus::Open));
/// # let _ = b;
/// # Ok(()) }
/// ```
#[must_use = "a request is sent only when its future is awaited"]
pub struct ResponseFuture<'a, T> {
    // One boxed, non-generic exchange (retries, headers, reading the answer) compiled once in
    // this crate, and a decode function chosen per model: a merchant's binary does not compile
    // the retry loop again for each model. The price is one allocation per request.
    state: State<'a>,
    decode: fn(Answer) -> Result<T>,
}

enum State<'a> {
    Sending(Pin<Box<dyn Future<Output = Result<Answer>> + Send + 'a>>),
    /// Refused before sending; the error is handed out once.
    Failed(Option<Error>),
}

impl<T> Future for ResponseFuture<'_, T> {
    type Output = Result<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<T>> {
        let decode = self.decode;
        match &mut self.state {
            State::Sending(exchange) => match exchange.as_mut().poll(cx) {
                Poll::Ready(answer) => Poll::Ready(answer.and_then(decode)),
                Poll::Pending => Poll::Pending,
            },
            State::Failed(error) => Poll::Ready(Err(error
                .take()
                .expect("ResponseFuture polled after it completed"))),
        }
    }
}

impl<T> fmt::Debug for ResponseFuture<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ResponseFuture")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::pairs;

    #[test]
    fn expand_continues_the_params_numbering_and_skips_repeats() {
        let mut p = pairs(&[("limit", "3"), ("expand[0]", "discounts")]);
        append_expand(
            &mut p,
            vec!["line_items".into(), "discounts".into(), "customer".into()],
        )
        .unwrap();
        assert_eq!(
            p,
            pairs(&[
                ("limit", "3"),
                ("expand[0]", "discounts"),
                ("expand[1]", "line_items"),
                ("expand[2]", "customer"),
            ])
        );
        let mut empty = Vec::new();
        append_expand(&mut empty, vec!["a".into()]).unwrap();
        assert_eq!(empty, pairs(&[("expand[0]", "a")]));
        // An extra param may have set a later index.
        let mut sparse = pairs(&[("expand[3]", "x")]);
        append_expand(&mut sparse, vec!["y".into()]).unwrap();
        assert_eq!(sparse, pairs(&[("expand[3]", "x"), ("expand[4]", "y")]));
    }

    #[test]
    fn an_empty_expand_is_named() {
        let mut p = pairs(&[("expand[0]", "discounts")]);
        for blank in ["", " "] {
            match append_expand(&mut p, vec![blank.to_owned()]) {
                Err(Error::InvalidParams { param, .. }) => assert_eq!(param, "expand[1]"),
                other => panic!("{other:?}"),
            }
        }
    }
}
