//! What a server-update endpoint answers the page: the contract JSON the front end's
//! `checkout.runServerUpdate` callback reads ([`ServerUpdateResponse`]), and the same with its
//! HTTP status and serialized body ([`EndpointResponse`]).
//!
//! Only customer-safe text goes into an answer. Which text a failure gets is decided where the
//! failure is known: [`FlowError`](super::FlowError) for the family's flow, the discount face's
//! own errors in [`discounts`](crate::discounts).

use serde::{Deserialize, Serialize};

/// The body your endpoint answers: `{"type":"object","value":{"succeeded":true}}` or
/// `{"type":"error","message":"…"}`.
///
/// ```
/// use stripe_checkout_client::updates::ServerUpdateResponse;
///
/// let ok = serde_json::to_string(&ServerUpdateResponse::success())?;
/// assert_eq!(ok, r#"{"type":"object","value":{"succeeded":true}}"#);
///
/// let err = serde_json::to_string(&ServerUpdateResponse::error("Code expired."))?;
/// assert_eq!(err, r#"{"type":"error","message":"Code expired."}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ServerUpdateResponse {
    /// The update went through (or nothing needed to change).
    Object {
        /// Always `{"succeeded": true}`.
        value: Succeeded,
    },
    /// The update did not go through; `message` is safe to show the customer.
    Error {
        /// A customer-safe message.
        message: String,
    },
}

/// The `value` of a successful [`ServerUpdateResponse`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Succeeded {
    /// Always `true`.
    pub succeeded: bool,
}

impl ServerUpdateResponse {
    /// `{"type":"object","value":{"succeeded":true}}`.
    pub fn success() -> Self {
        Self::Object {
            value: Succeeded { succeeded: true },
        }
    }

    /// `{"type":"error","message":…}`. `message` must be safe to show the customer.
    pub fn error(message: impl Into<String>) -> Self {
        Self::Error {
            message: message.into(),
        }
    }

    /// Whether this is the success answer.
    pub fn is_success(&self) -> bool {
        matches!(self, Self::Object { .. })
    }
}

/// What the endpoint answers: an HTTP status and a JSON body (`Content-Type:
/// application/json`), with the answer also as its type for frameworks that serialize it
/// themselves.
///
/// ```
/// use stripe_checkout_client::updates::{EndpointResponse, ServerUpdateResponse};
///
/// let ok = EndpointResponse::success();
/// assert_eq!((ok.status, ok.body.as_str()), (200, r#"{"type":"object","value":{"succeeded":true}}"#));
/// assert_eq!(ok.response, ServerUpdateResponse::success());
/// assert_eq!(EndpointResponse::CONTENT_TYPE, "application/json");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EndpointResponse {
    /// The HTTP status to answer with.
    pub status: u16,
    /// The JSON body: [`response`](Self::response), serialized.
    pub body: String,
    /// The answer in the front end's contract.
    pub response: ServerUpdateResponse,
}

impl EndpointResponse {
    /// The content type of [`body`](Self::body).
    pub const CONTENT_TYPE: &'static str = "application/json";

    pub(crate) fn new(status: u16, response: ServerUpdateResponse) -> Self {
        EndpointResponse {
            status,
            body: serde_json::to_string(&response).expect("the contract always serializes"),
            response,
        }
    }

    /// `200` with the success answer.
    pub fn success() -> Self {
        Self::new(200, ServerUpdateResponse::success())
    }
}

/// Shown when a policy refuses a request without a message of its own.
pub const INVALID_REQUEST_MESSAGE: &str =
    "We could not apply that change. Please refresh the page.";
/// Shown for every other failure.
pub const UPDATE_FAILED_MESSAGE: &str = "We could not update your order. Please try again.";
/// Shown when the session is complete or expired: trying again cannot help.
pub const SESSION_CLOSED_MESSAGE: &str =
    "This checkout has already been completed or has expired. Please start a new one.";
/// Shown when Stripe has no session with the request's id (`404`): trying again cannot help.
pub const SESSION_NOT_FOUND_MESSAGE: &str =
    "We could not find your checkout session. Please refresh the page.";

/// The message for a failure a retry cannot mend, if it is one: a closed session, or a
/// session Stripe does not know. Shared by the discount face's answers.
pub(crate) fn final_failure(
    session_not_open: bool,
    stripe: Option<&crate::Error>,
) -> Option<&'static str> {
    if session_not_open {
        Some(SESSION_CLOSED_MESSAGE)
    } else if stripe.and_then(crate::Error::status) == Some(404) {
        Some(SESSION_NOT_FOUND_MESSAGE)
    } else {
        None
    }
}

impl From<&super::FlowError> for ServerUpdateResponse {
    /// A rejection shows the policy's customer message, or [`INVALID_REQUEST_MESSAGE`]; a
    /// complete or expired session [`SESSION_CLOSED_MESSAGE`]; a session Stripe does not know
    /// [`SESSION_NOT_FOUND_MESSAGE`]; anything else [`UPDATE_FAILED_MESSAGE`]. The details
    /// are logged, never returned.
    fn from(err: &super::FlowError) -> Self {
        match err {
            super::FlowError::Rejected(rejection) => {
                tracing::info!(reason = rejection.reason(), "update request rejected");
                Self::error(
                    rejection
                        .customer_message()
                        .unwrap_or(INVALID_REQUEST_MESSAGE),
                )
            }
            other => {
                tracing::warn!(
                    error = %other,
                    request_id = match other {
                        super::FlowError::Stripe(e) => e.request_id(),
                        _ => None,
                    },
                    "server update failed"
                );
                let stripe = match other {
                    super::FlowError::Stripe(e) => Some(e),
                    _ => None,
                };
                let not_open = matches!(other, super::FlowError::SessionNotOpen { .. });
                Self::error(final_failure(not_open, stripe).unwrap_or(UPDATE_FAILED_MESSAGE))
            }
        }
    }
}

/// [`INVALID_REQUEST_MESSAGE`] for a body that is not an acceptable request; what was wrong
/// with it is logged, never returned. (`ServerUpdateResponse::from(&BodyError)` is the
/// discount face's answer, with its own wording.)
pub(crate) fn refused_body(err: &super::BodyError) -> ServerUpdateResponse {
    tracing::info!(error = %err, "update request refused before reaching Stripe");
    ServerUpdateResponse::error(INVALID_REQUEST_MESSAGE)
}

impl From<&Result<super::Outcome, super::FlowError>> for ServerUpdateResponse {
    fn from(result: &Result<super::Outcome, super::FlowError>) -> Self {
        match result {
            Ok(_) => Self::success(),
            Err(e) => Self::from(e),
        }
    }
}
