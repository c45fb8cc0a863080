//! [`ServerUpdateResponse`]: the JSON the front end's `checkout.runServerUpdate` callback
//! expects back from your endpoint.
//!
//! Only customer-safe text ever goes into it; internal details (Stripe's messages, request ids,
//! rejection reasons) are logged with `tracing` when a response is built from an error.

use serde::{Deserialize, Serialize};

use super::{BodyError, UpdateError, UpdateOutcome};

/// Shown when a policy rejects a request without a message of its own (the guide's wording).
pub const INVALID_DISCOUNTS_MESSAGE: &str =
    "Your discounts are invalid. Please refresh your session.";
/// Shown for every other failure (the guide's wording).
pub const UPDATE_FAILED_MESSAGE: &str = "We could not update your discounts. Please try again.";

/// The body your endpoint answers: `{"type":"object","value":{"succeeded":true}}` or
/// `{"type":"error","message":"…"}`.
///
/// ```
/// use stripe_checkout_client::discounts::ServerUpdateResponse;
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

impl From<&UpdateError> for ServerUpdateResponse {
    /// A rejection shows the policy's customer message, or
    /// [`INVALID_DISCOUNTS_MESSAGE`]; anything else shows [`UPDATE_FAILED_MESSAGE`]. The
    /// details are logged, never returned.
    fn from(err: &UpdateError) -> Self {
        match err {
            UpdateError::Rejected(rejection) => {
                tracing::info!(reason = rejection.reason(), "discount request rejected");
                Self::error(
                    rejection
                        .customer_message()
                        .unwrap_or(INVALID_DISCOUNTS_MESSAGE),
                )
            }
            other => {
                tracing::warn!(
                    error = %other,
                    request_id = match other {
                        UpdateError::Stripe(e) => e.request_id(),
                        _ => None,
                    },
                    "discount update failed"
                );
                Self::error(UPDATE_FAILED_MESSAGE)
            }
        }
    }
}

impl From<&BodyError> for ServerUpdateResponse {
    /// [`INVALID_DISCOUNTS_MESSAGE`] for a body that is not an acceptable
    /// [`DiscountRequest`](super::DiscountRequest); what was wrong with it is logged, never
    /// returned.
    fn from(err: &BodyError) -> Self {
        tracing::info!(error = %err, "discount request refused before reaching Stripe");
        Self::error(INVALID_DISCOUNTS_MESSAGE)
    }
}

impl From<&Result<UpdateOutcome, UpdateError>> for ServerUpdateResponse {
    fn from(result: &Result<UpdateOutcome, UpdateError>) -> Self {
        match result {
            Ok(_) => Self::success(),
            Err(e) => Self::from(e),
        }
    }
}

impl From<Result<UpdateOutcome, UpdateError>> for ServerUpdateResponse {
    fn from(result: Result<UpdateOutcome, UpdateError>) -> Self {
        Self::from(&result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discounts::DiscountRequest;

    #[test]
    fn a_refused_body_answers_the_generic_invalid_message_only() {
        let err = DiscountRequest::from_json(
            br#"{"checkout_session_id":"cs_1","discounts":[{"coupon":"<script>"},{"code":5}]}"#,
        )
        .unwrap_err();
        let json = serde_json::to_string(&ServerUpdateResponse::from(&err)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"type": "error", "message": INVALID_DISCOUNTS_MESSAGE}).to_string()
        );
    }
}
