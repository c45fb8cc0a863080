//! The crate's error type, [`Error`], and Stripe's own error object, [`ApiError`]. Back to
//! [the flow](crate#the-flow-end-to-end).
//!
//! Variants are grouped by how far a request got, because that decides what a caller may do
//! next: nothing was sent ([`Error::Config`], [`Error::InvalidParams`], [`Error::NotInVersion`],
//! [`Error::InvalidId`], [`Error::Encode`]), the
//! request may or may not have reached Stripe ([`Error::Connection`], [`Error::Timeout`]: retry
//! only with the same `Idempotency-Key`), or a response arrived ([`Error::Api`],
//! [`Error::Decode`], [`Error::ResponseTooLarge`]). Webhook and discount-flow errors live in
//! their own modules.

use std::fmt;
use std::time::Duration;

use serde::Deserialize;

use crate::form::EncodeError;
use crate::ids::InvalidId;
pub use crate::versions::version_gate::{VersionError, VersionGap};

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A boxed error from a lower layer (HTTP client, JSON parser), kept out of the public API so
/// that upgrading those crates is not a breaking change.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Everything that can go wrong when talking to Stripe.
///
/// ```
/// use stripe_checkout_client::{ApiErrorKind, Error};
///
/// fn explain(err: &Error) -> &'static str {
///     match err {
///         Error::Api(api) if api.kind == ApiErrorKind::Card => "the card was declined",
///         Error::Api(_) => "stripe refused the request",
///         Error::InvalidParams { .. } => "fix the parameters; nothing was sent",
///         e if e.is_retryable() => "try again later with the same idempotency key",
///         _ => "unexpected failure",
///     }
/// }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The client was configured wrongly (bad key, insecure base URL, …). Nothing was sent.
    #[error("invalid client configuration: {0}")]
    Config(#[from] ConfigError),

    /// A parameter failed local validation. Nothing was sent.
    #[error("invalid parameter `{param}`: {message}")]
    InvalidParams {
        /// The offending parameter, in Stripe's bracket syntax (e.g. `discounts[0][coupon]`).
        param: String,
        /// What is wrong with it.
        message: String,
    },

    /// A parameter the request's API version does not accept (removed, not added yet, or a
    /// preview feature on a generally available version), with the fix. Nothing was sent.
    #[error(transparent)]
    NotInVersion(Box<VersionError>),

    /// A string did not parse as a Stripe id of the expected kind
    /// (`"pi_1".parse::<CheckoutSessionId>()`),
    /// so no request was made with it. Nothing was sent.
    #[error(transparent)]
    InvalidId(#[from] InvalidId),

    /// The parameters could not be form-encoded. Nothing was sent.
    #[error("could not encode parameters: {0}")]
    Encode(#[from] EncodeError),

    /// The connection failed or dropped before a complete response arrived. The request may
    /// have reached Stripe.
    #[error("connection to stripe failed after {attempts} attempt(s)")]
    Connection {
        /// How many attempts were made, retries included.
        attempts: u32,
        /// The underlying transport error.
        #[source]
        source: BoxError,
    },

    /// No complete response arrived within the timeout. The request may have reached Stripe.
    #[error("request to stripe timed out after {attempts} attempt(s) of {timeout:?} each")]
    Timeout {
        /// How many attempts were made, retries included.
        attempts: u32,
        /// The per-attempt timeout.
        timeout: Duration,
    },

    /// Stripe answered with an error status.
    #[error(transparent)]
    Api(Box<ApiError>),

    /// A successful response could not be decoded into the expected type.
    #[error("could not decode stripe response at `{path}`: {source}")]
    Decode {
        /// The JSON path where decoding failed, e.g. `discounts[0].coupon.percent_off`.
        path: String,
        /// At most 512 bytes of the response body, for diagnosis.
        snippet: String,
        /// The HTTP status of the response.
        status: u16,
        /// Stripe's `Request-Id` header, if present.
        request_id: Option<String>,
        /// The underlying JSON error.
        #[source]
        source: BoxError,
    },

    /// The response body exceeded the client's limit and was not read.
    #[error("stripe response exceeds the {limit}-byte limit")]
    ResponseTooLarge {
        /// The configured limit in bytes.
        limit: usize,
        /// The HTTP status of the response.
        status: u16,
        /// Stripe's `Request-Id` header, if present.
        request_id: Option<String>,
    },
}

impl From<VersionError> for Error {
    fn from(e: VersionError) -> Self {
        Error::NotInVersion(Box::new(e))
    }
}

impl Error {
    /// Builds an [`Error::InvalidParams`].
    pub(crate) fn invalid_param(param: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidParams {
            param: param.into(),
            message: message.into(),
        }
    }

    /// Whether repeating the request (with the same idempotency key) may succeed: connection
    /// failures, timeouts, `409`, `429`, `5xx`, and any response carrying
    /// `Stripe-Should-Retry: true`. A response with `Stripe-Should-Retry: false` is not
    /// retryable whatever its status.
    ///
    /// The client retries these itself (except `429`) up to its `max_retries`; this predicate
    /// tells a caller whether trying again later is reasonable.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Connection { .. } | Error::Timeout { .. } => true,
            Error::Api(api) => match api.should_retry {
                Some(forced) => forced,
                None => matches!(api.status, 409 | 429) || api.status >= 500,
            },
            _ => false,
        }
    }

    /// Stripe's request id (`Request-Id` header), when a response arrived.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(api) => api.request_id.as_deref(),
            Error::Decode { request_id, .. } | Error::ResponseTooLarge { request_id, .. } => {
                request_id.as_deref()
            }
            _ => None,
        }
    }

    /// The HTTP status, when a response arrived.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(api) => Some(api.status),
            Error::Decode { status, .. } | Error::ResponseTooLarge { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The Stripe error, if this is [`Error::Api`].
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(api) => Some(api),
            _ => None,
        }
    }
}

impl From<ApiError> for Error {
    fn from(err: ApiError) -> Self {
        Error::Api(Box::new(err))
    }
}

/// A client configuration mistake, reported by
/// [`ClientBuilder::build`](crate::ClientBuilder::build).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The secret key does not start with `sk_` or `rk_`, or holds characters that cannot be
    /// sent in a header. The key itself is never included.
    #[error("secret key must start with `sk_` or `rk_` and contain only visible ascii")]
    InvalidSecretKey,
    /// The API base URL cannot be parsed or has a query or fragment.
    #[error("invalid api base `{url}`: {reason}")]
    InvalidApiBase {
        /// The rejected URL.
        url: String,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// The API base uses plain `http` for a host that is not loopback.
    #[error("api base `{0}` must use https (http is allowed only for loopback hosts)")]
    InsecureApiBase(String),
    /// A header value (account id, app info) contains characters that cannot be sent.
    #[error("invalid value for `{name}`: {reason}")]
    InvalidValue {
        /// The setting, e.g. `stripe_account`.
        name: &'static str,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// The HTTP client could not be built (e.g. no TLS roots).
    #[error("could not build the http client")]
    HttpClient(#[source] BoxError),
}

/// An error object returned by Stripe, with the HTTP status and request id.
///
/// Fields mirror Stripe's `{"error": {...}}` body; `kind` classifies it as the official SDKs
/// do (by status, with `idempotency_error` singled out).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status code.
    pub status: u16,
    /// The error class, derived from the status and Stripe's `type`.
    pub kind: ApiErrorKind,
    /// Stripe's `type`, e.g. `invalid_request_error`.
    pub error_type: Option<String>,
    /// Stripe's `code`, e.g. `resource_missing`.
    pub code: Option<String>,
    /// For card errors, the issuer's decline code.
    pub decline_code: Option<String>,
    /// The parameter Stripe complains about, e.g. `discounts[0][coupon]`.
    pub param: Option<String>,
    /// Stripe's human-readable message.
    pub message: Option<String>,
    /// A link to Stripe's documentation for `code`.
    pub doc_url: Option<String>,
    /// A link to the request in the Stripe dashboard.
    pub request_log_url: Option<String>,
    /// Stripe's `Request-Id` response header.
    pub request_id: Option<String>,
    /// The `Stripe-Should-Retry` response header, if present.
    pub should_retry: Option<bool>,
    /// How many attempts were made, retries included.
    pub attempts: u32,
    /// Up to 512 bytes of the body when it was not a Stripe error object (an HTML page from a
    /// proxy, say); `None` when the body parsed.
    pub body_snippet: Option<String>,
}

impl ApiError {
    /// Builds an error from a response status, body and headers. A body that is not Stripe's
    /// error shape still yields an `ApiError` classified by status, with a snippet of the body.
    pub(crate) fn from_response(
        status: u16,
        body: &[u8],
        request_id: Option<String>,
        should_retry: Option<bool>,
    ) -> Self {
        #[derive(Deserialize)]
        struct Envelope {
            error: Body,
        }
        #[derive(Deserialize)]
        struct Body {
            #[serde(rename = "type")]
            error_type: Option<String>,
            code: Option<String>,
            decline_code: Option<String>,
            param: Option<String>,
            message: Option<String>,
            doc_url: Option<String>,
            request_log_url: Option<String>,
        }
        let (parsed, body_snippet) = match serde_json::from_slice::<Envelope>(body) {
            Ok(env) => (Some(env.error), None),
            Err(_) => (None, Some(snippet(body))),
        };
        let parsed = parsed.unwrap_or(Body {
            error_type: None,
            code: None,
            decline_code: None,
            param: None,
            message: None,
            doc_url: None,
            request_log_url: None,
        });
        ApiError {
            status,
            kind: ApiErrorKind::classify(status, parsed.error_type.as_deref()),
            error_type: parsed.error_type,
            code: parsed.code,
            decline_code: parsed.decline_code,
            param: parsed.param,
            message: parsed.message,
            doc_url: parsed.doc_url,
            request_log_url: parsed.request_log_url,
            request_id,
            should_retry,
            attempts: 1,
            body_snippet,
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "stripe {} error (status {})", self.kind, self.status)?;
        if let Some(code) = &self.code {
            write!(f, " [{code}]")?;
        }
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        if let Some(param) = &self.param {
            write!(f, " (param `{param}`)")?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " (request {id})")?;
        }
        if self.attempts > 1 {
            write!(f, " after {} attempts", self.attempts)?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// The class of a Stripe API error, as the official SDKs derive it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApiErrorKind {
    /// `400`/`404`: the request was malformed or referred to something missing.
    InvalidRequest,
    /// `400`/`404` with type `idempotency_error`: an idempotency key was reused with
    /// different parameters.
    Idempotency,
    /// `401`: the key is wrong or revoked.
    Authentication,
    /// `402`: a card was declined.
    Card,
    /// `403`: the key lacks permission.
    Permission,
    /// `429`: too many requests.
    RateLimit,
    /// Any other 4xx or 5xx: an error on Stripe's side or an unmodelled case.
    Api,
    /// A status that is not an error status (e.g. an unexpected redirect).
    Unknown,
}

impl ApiErrorKind {
    fn classify(status: u16, error_type: Option<&str>) -> Self {
        match status {
            400 | 404 if error_type == Some("idempotency_error") => Self::Idempotency,
            400 | 404 => Self::InvalidRequest,
            401 => Self::Authentication,
            402 => Self::Card,
            403 => Self::Permission,
            429 => Self::RateLimit,
            400..=599 => Self::Api,
            _ => Self::Unknown,
        }
    }
}

impl fmt::Display for ApiErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::InvalidRequest => "invalid request",
            Self::Idempotency => "idempotency",
            Self::Authentication => "authentication",
            Self::Card => "card",
            Self::Permission => "permission",
            Self::RateLimit => "rate limit",
            Self::Api => "api",
            Self::Unknown => "unknown",
        })
    }
}

/// The first 512 bytes of `body` (cut at a character boundary), lossily decoded.
pub(crate) fn snippet(body: &[u8]) -> String {
    const MAX: usize = 512;
    let mut end = body.len().min(MAX);
    loop {
        match std::str::from_utf8(&body[..end]) {
            Ok(text) => return text.to_owned(),
            // A cut through a multi-byte character: back off to its start.
            Err(e) if e.error_len().is_none() => end = e.valid_up_to(),
            Err(_) => return String::from_utf8_lossy(&body[..end]).into_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_like_the_official_sdks() {
        let cases = [
            (400, None, ApiErrorKind::InvalidRequest),
            (
                404,
                Some("invalid_request_error"),
                ApiErrorKind::InvalidRequest,
            ),
            (400, Some("idempotency_error"), ApiErrorKind::Idempotency),
            (404, Some("idempotency_error"), ApiErrorKind::Idempotency),
            (401, None, ApiErrorKind::Authentication),
            (402, Some("card_error"), ApiErrorKind::Card),
            (403, None, ApiErrorKind::Permission),
            (409, Some("idempotency_error"), ApiErrorKind::Api),
            (429, None, ApiErrorKind::RateLimit),
            (500, Some("api_error"), ApiErrorKind::Api),
            (503, None, ApiErrorKind::Api),
            (302, None, ApiErrorKind::Unknown),
        ];
        for (status, ty, kind) in cases {
            assert_eq!(ApiErrorKind::classify(status, ty), kind, "{status} {ty:?}");
        }
    }

    #[test]
    fn parses_stripe_error_body() {
        let body = br#"{"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds","message":"Your card has insufficient funds.","param":"payment_method","doc_url":"https://stripe.com/docs/error-codes/card-declined","request_log_url":"https://dashboard.stripe.com/logs/req_1","extra":1}}"#;
        let err = ApiError::from_response(402, body, Some("req_1".into()), None);
        assert_eq!(err.kind, ApiErrorKind::Card);
        assert_eq!(err.code.as_deref(), Some("card_declined"));
        assert_eq!(err.decline_code.as_deref(), Some("insufficient_funds"));
        assert_eq!(err.param.as_deref(), Some("payment_method"));
        assert_eq!(err.body_snippet, None);
        assert_eq!(
            err.to_string(),
            "stripe card error (status 402) [card_declined]: Your card has insufficient funds. (param `payment_method`) (request req_1)"
        );
    }

    #[test]
    fn non_json_body_keeps_a_snippet() {
        let body = format!("<html>{}</html>", "x".repeat(1000));
        let err = ApiError::from_response(502, body.as_bytes(), None, None);
        assert_eq!(err.kind, ApiErrorKind::Api);
        assert_eq!(err.message, None);
        let snip = err.body_snippet.unwrap();
        assert!(snip.starts_with("<html>xxx"));
        assert_eq!(snip.len(), 512);
    }

    #[test]
    fn snippet_never_splits_a_character() {
        let body = "é".repeat(400); // 800 bytes, 2 per char
        let s = snippet(body.as_bytes());
        assert_eq!(s.len(), 512);
        let odd = format!("a{}", "é".repeat(400));
        assert_eq!(snippet(odd.as_bytes()).len(), 511);
        // Bytes that are not UTF-8 at all are replaced, and what follows them is kept.
        assert_eq!(snippet(b"bad \xff byte"), "bad \u{fffd} byte");
    }

    #[test]
    fn retryability_follows_status_and_header() {
        let api = |status, should_retry| {
            let mut e = ApiError::from_response(status, b"{}", None, should_retry);
            e.attempts = 1;
            Error::from(e)
        };
        assert!(api(500, None).is_retryable());
        assert!(api(409, None).is_retryable());
        assert!(api(429, None).is_retryable());
        assert!(!api(400, None).is_retryable());
        assert!(api(400, Some(true)).is_retryable());
        assert!(!api(503, Some(false)).is_retryable());
        assert!(!Error::invalid_param("x", "y").is_retryable());
    }
}
