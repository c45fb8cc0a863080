//! The one place that sends requests: headers, idempotency keys, retries with backoff,
//! timeouts, the response size cap, error mapping and JSON decoding.
//!
//! It takes already-encoded params and [`RequestOptions`]; building requests is the job of
//! `request` (the pending request) and of the resource handlers, configuring it the job of
//! `client`. It never logs a body or the key.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap, HeaderValue};
use serde::de::DeserializeOwned;
use tracing::Instrument;

use crate::error::{ApiError, ConfigError, Error, Result, snippet};
use crate::sending::options::RequestOptions;
use crate::sending::random;
use crate::sending::secret::SecretKey;
use crate::version::ApiVersion;
use crate::wire::model::{self, FromJson};
use crate::wire::{form, json_path};

/// Everything the send path needs, fixed when the client is built: the pooled HTTP client,
/// the key, the prepared default headers and the retry policy. [`Client`](crate::Client) is an
/// `Arc` of this.
pub(crate) struct Transport {
    pub(crate) http: reqwest::Client,
    pub(crate) key: SecretKey,
    pub(crate) api_base: String,
    pub(crate) api_version: ApiVersion,
    pub(crate) api_version_header: HeaderValue,
    pub(crate) stripe_account: Option<HeaderValue>,
    pub(crate) max_retries: u32,
    pub(crate) backoff: Backoff,
    pub(crate) timeout: Duration,
    pub(crate) user_agent: HeaderValue,
    pub(crate) client_user_agent: HeaderValue,
    pub(crate) max_response_bytes: usize,
}

/// Exponential backoff between retries: `max(initial, min(initial·2^n, max)·(0.5 + rand/2))`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Backoff {
    pub(crate) initial: Duration,
    pub(crate) max: Duration,
}

impl Backoff {
    /// The delay before retry number `retry` (0 for the first retry), with `jitter` in [0, 1).
    pub(crate) fn delay(&self, retry: u32, jitter: f64) -> Duration {
        let exp = self
            .initial
            .saturating_mul(2u32.saturating_pow(retry.min(31)));
        let capped = exp.min(self.max);
        capped.mul_f64(0.5 + jitter / 2.0).max(self.initial)
    }
}

impl Default for Backoff {
    fn default() -> Self {
        Self {
            initial: Duration::from_millis(500),
            max: Duration::from_secs(5),
        }
    }
}

pub(crate) fn stripe_account_header(
    account: &str,
) -> std::result::Result<HeaderValue, ConfigError> {
    let invalid = ConfigError::InvalidValue {
        name: "stripe_account",
        reason: "must be an `acct_…` id of ascii letters, digits and `_`",
    };
    let ok = account.len() > 5
        && account.starts_with("acct_")
        && account
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if !ok {
        return Err(invalid);
    }
    HeaderValue::try_from(account).map_err(|_| invalid)
}

/// The HTTP methods Stripe's API uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Method {
    /// Reads; parameters go in the query string.
    Get,
    /// Creates and updates; parameters go in the form body, with an `Idempotency-Key`.
    Post,
    /// Deletes; parameters go in the query string.
    Delete,
}

impl Method {
    fn as_reqwest(self) -> reqwest::Method {
        match self {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Delete => reqwest::Method::DELETE,
        }
    }

    /// The method's name as sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

/// Why an attempt failed, and whether another may be made.
enum Failure {
    Connection(reqwest::Error),
    Timeout,
    Api(ApiError),
    Fatal(Error),
}

/// A successful answer, not yet decoded.
pub(crate) struct Answer {
    status: StatusCode,
    request_id: Option<String>,
    body: Vec<u8>,
}

/// [`exchange`], boxed in this non-generic function so that the future's code (and its
/// vtable) is compiled here, once, not in the crate of each generic caller. It owns what it
/// sends, so the future borrows only the transport.
pub(crate) fn exchange_boxed(
    transport: &Transport,
    method: Method,
    path: String,
    pairs: Vec<(String, String)>,
    options: RequestOptions,
) -> Pin<Box<dyn Future<Output = Result<Answer>> + Send + '_>> {
    Box::pin(async move { exchange(transport, method, &path, &pairs, &options).await })
}

/// Sends `pairs` to `path` and returns the successful answer, retrying as the official SDKs
/// do.
async fn exchange(
    inner: &Transport,
    method: Method,
    path: &str,
    pairs: &[(String, String)],
    options: &RequestOptions,
) -> Result<Answer> {
    let headers = request_headers(inner, method, options)?;
    let encoded = form::encode_pairs(pairs);
    let mut url = String::with_capacity(inner.api_base.len() + path.len() + 1 + encoded.len());
    url.push_str(&inner.api_base);
    url.push_str(path);
    let body = match method {
        Method::Post => Some(encoded),
        Method::Get | Method::Delete => {
            if !encoded.is_empty() {
                url.push('?');
                url.push_str(&encoded);
            }
            None
        }
    };
    let timeout = options.timeout.unwrap_or(inner.timeout);
    let max_retries = options.max_retries.unwrap_or(inner.max_retries);

    let span = tracing::debug_span!(
        "stripe_request",
        method = method.as_str(),
        path,
        attempt = tracing::field::Empty,
        status = tracing::field::Empty,
        request_id = tracing::field::Empty,
    );
    async {
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            let span = tracing::Span::current();
            span.record("attempt", attempt);
            let mut request = inner
                .http
                .request(method.as_reqwest(), url.as_str())
                .headers(headers.clone())
                .timeout(timeout);
            if let Some(body) = &body {
                request = request.body(body.clone());
            }
            let failure = match request.send().await {
                Err(e) => classify_transport_error(e),
                Ok(response) => match read_response(response, inner.max_response_bytes).await {
                    Ok((status, request_id, should_retry, bytes)) => {
                        span.record("status", status.as_u16());
                        if let Some(id) = &request_id {
                            span.record("request_id", id.as_str());
                        }
                        if status.is_success() {
                            tracing::debug!("stripe request succeeded");
                            return Ok(Answer {
                                status,
                                request_id,
                                body: bytes,
                            });
                        }
                        let mut err = ApiError::from_response(
                            status.as_u16(),
                            &bytes,
                            request_id,
                            should_retry,
                        );
                        err.attempts = attempt;
                        Failure::Api(err)
                    }
                    Err(failure) => failure,
                },
            };

            let retryable = match &failure {
                Failure::Connection(_) | Failure::Timeout => true,
                Failure::Api(api) => should_retry_status(api.status, api.should_retry),
                Failure::Fatal(_) => false,
            };
            if !retryable || attempt > max_retries {
                return Err(match failure {
                    Failure::Connection(e) => Error::Connection {
                        attempts: attempt,
                        source: Box::new(e),
                    },
                    Failure::Timeout => Error::Timeout {
                        attempts: attempt,
                        timeout,
                    },
                    Failure::Api(api) => Error::from(api),
                    Failure::Fatal(e) => e,
                });
            }
            let delay = inner.backoff.delay(attempt - 1, jitter());
            tracing::warn!(
                attempt,
                reason = failure_reason(&failure),
                delay_ms = delay.as_millis() as u64,
                "retrying stripe request"
            );
            tokio::time::sleep(delay).await;
        }
    }
    .instrument(span)
    .await
}

fn request_headers(
    inner: &Transport,
    method: Method,
    options: &RequestOptions,
) -> Result<HeaderMap> {
    let mut headers = HeaderMap::with_capacity(8);
    headers.insert(header::AUTHORIZATION, inner.key.authorization().clone());
    let version = match &options.api_version {
        Some(v) => HeaderValue::try_from(v.to_string())
            .map_err(|_| Error::invalid_param("api_version", "not a valid header value"))?,
        None => inner.api_version_header.clone(),
    };
    headers.insert("stripe-version", version);
    headers.insert(header::USER_AGENT, inner.user_agent.clone());
    headers.insert(
        "x-stripe-client-user-agent",
        inner.client_user_agent.clone(),
    );
    headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
    let account = match &options.stripe_account {
        Some(a) => Some(
            stripe_account_header(a)
                .map_err(|_| Error::invalid_param("stripe_account", "must be an `acct_…` id"))?,
        ),
        None => inner.stripe_account.clone(),
    };
    if let Some(account) = account {
        headers.insert("stripe-account", account);
    }
    if method == Method::Post {
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/x-www-form-urlencoded"),
        );
        let key = match &options.idempotency_key {
            Some(key) => idempotency_header(key)?,
            None => {
                HeaderValue::try_from(random::uuid_v4()).expect("a uuid is a valid header value")
            }
        };
        headers.insert("idempotency-key", key);
    }
    Ok(headers)
}

pub(crate) fn idempotency_header(key: &str) -> Result<HeaderValue> {
    let invalid = |why| Error::invalid_param("idempotency_key", why);
    if key.is_empty() || key.len() > 255 {
        return Err(invalid("must be 1 to 255 characters"));
    }
    if !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(invalid("must be visible ascii without spaces"));
    }
    HeaderValue::try_from(key).map_err(|_| invalid("not a valid header value"))
}

/// Whether a response with this status (and optional `Stripe-Should-Retry`) is retried.
/// The header wins; otherwise 409 and 5xx are retried and 429 is not, as in the official SDKs.
fn should_retry_status(status: u16, header: Option<bool>) -> bool {
    match header {
        Some(forced) => forced,
        None => status == 409 || status >= 500,
    }
}

fn classify_transport_error(e: reqwest::Error) -> Failure {
    if e.is_timeout() {
        Failure::Timeout
    } else if e.is_builder() {
        Failure::Fatal(Error::invalid_param("path", "does not form a valid url"))
    } else {
        Failure::Connection(e)
    }
}

fn failure_reason(f: &Failure) -> &'static str {
    match f {
        Failure::Connection(_) => "connection",
        Failure::Timeout => "timeout",
        Failure::Api(_) => "status",
        Failure::Fatal(_) => "fatal",
    }
}

/// Reads the whole body, refusing to buffer more than `limit` bytes.
async fn read_response(
    mut response: reqwest::Response,
    limit: usize,
) -> std::result::Result<(StatusCode, Option<String>, Option<bool>, Vec<u8>), Failure> {
    let status = response.status();
    let request_id = response
        .headers()
        .get("request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let should_retry = response
        .headers()
        .get("stripe-should-retry")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| match v {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        });
    let too_large = |request_id| {
        Failure::Fatal(Error::ResponseTooLarge {
            limit,
            status: status.as_u16(),
            request_id,
        })
    };
    let declared = response.content_length();
    if declared.is_some_and(|len| len > limit as u64) {
        return Err(too_large(request_id));
    }
    let mut body = Vec::with_capacity(declared.map_or(8 * 1024, |len| len as usize));
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > limit {
                    return Err(too_large(request_id));
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => break,
            Err(e) => return Err(classify_transport_error(e)),
        }
    }
    Ok((status, request_id, should_retry, body))
}

impl Answer {
    /// Decodes the body as `T`.
    ///
    /// Answers are decoded untracked, and only a failure is located (by
    /// [`json_path`](crate::wire::json_path)), because tracking the path while decoding doubled a
    /// 4 KB session's decode and compiled every model's decoder twice. `from_slice` also
    /// refuses trailing bytes, which mean a corrupted or concatenated body.
    pub(crate) fn decode<T: DeserializeOwned>(self) -> Result<T> {
        decode_json(&self.body, self.status.as_u16(), self.request_id)
    }

    /// Decodes the body as the model `T` (an answer of the typed API; see
    /// [`decode_model`]).
    pub(crate) fn model<T: FromJson>(self) -> Result<T> {
        decode_model(&self.body, self.status.as_u16(), self.request_id)
    }

    /// Decodes the body as the model `T` and keeps it: the server-update flow decodes the
    /// session a second time from it when a policy asks for the session as the changes leave
    /// it, which costs one decode at run time instead of compiling a deep copy of the whole
    /// model.
    #[cfg(feature = "updates")]
    pub(crate) fn model_keeping_body<T: FromJson>(self) -> Result<(T, Vec<u8>)> {
        let decoded = decode_model(&self.body, self.status.as_u16(), self.request_id)?;
        Ok((decoded, self.body))
    }
}

/// Decodes an answer's body as the model `T`, locating a failure (see [`Answer::decode`]).
/// Every model goes through one non-generic reader of JSON text
/// ([`model::from_slice`](crate::wire::model::from_slice)), so serde_json's reader is
/// compiled once for all of them.
pub(crate) fn decode_model<T: FromJson>(
    body: &[u8],
    status: u16,
    request_id: Option<String>,
) -> Result<T> {
    model::from_slice(body).map_err(|source| decode_error(body, status, request_id, source))
}

/// Decodes an answer's body as `T`, locating a failure (see [`Answer::decode`]).
pub(crate) fn decode_json<T: DeserializeOwned>(
    body: &[u8],
    status: u16,
    request_id: Option<String>,
) -> Result<T> {
    serde_json::from_slice(body).map_err(|source| decode_error(body, status, request_id, source))
}

/// The [`Error::Decode`] for `body`, located; out of line, so that it is compiled once rather
/// than once for every answer type.
#[cold]
#[inline(never)]
fn decode_error(
    body: &[u8],
    status: u16,
    request_id: Option<String>,
    source: serde_json::Error,
) -> Error {
    Error::Decode {
        path: json_path::error_path(body, &source),
        snippet: snippet(body),
        status,
        request_id,
        source: Box::new(source),
    }
}

/// A number in [0, 1) for backoff jitter.
fn jitter() -> f64 {
    random::unit_interval()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_follows_the_sdk_formula() {
        let b = Backoff::default();
        // With jitter 1.0 (the top of the range) the delay is min(0.5·2^n, 5).
        assert_eq!(b.delay(0, 1.0), Duration::from_millis(500));
        assert_eq!(b.delay(1, 1.0), Duration::from_secs(1));
        assert_eq!(b.delay(2, 1.0), Duration::from_secs(2));
        assert_eq!(b.delay(3, 1.0), Duration::from_secs(4));
        assert_eq!(b.delay(4, 1.0), Duration::from_secs(5));
        assert_eq!(b.delay(40, 1.0), Duration::from_secs(5));
        // The floor is the initial delay, whatever the jitter.
        assert_eq!(b.delay(0, 0.0), Duration::from_millis(500));
        assert_eq!(b.delay(2, 0.0), Duration::from_secs(1));
        assert_eq!(b.delay(4, 0.5), Duration::from_millis(3750));
    }

    #[test]
    fn account_ids_are_checked() {
        assert!(stripe_account_header("acct_1Hx000").is_ok());
        for bad in ["", "acct_", "cus_123", "acct_12\r\n3"] {
            assert!(stripe_account_header(bad).is_err(), "{bad:?}");
        }
    }
}
