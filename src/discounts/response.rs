//! [`ServerUpdateResponse`]: the JSON the front end's `checkout.runServerUpdate` callback
//! expects back from your endpoint.
//!
//! Only customer-safe text ever goes into it; internal details (Stripe's messages, request ids,
//! rejection reasons) are logged with `tracing` when a response is built from an error.

use super::{BodyError, UpdateError, UpdateOutcome};
use crate::updates::ServerUpdateResponse;

/// Shown when a policy rejects a request without a message of its own (the guide's wording).
pub const INVALID_DISCOUNTS_MESSAGE: &str =
    "Your discounts are invalid. Please refresh your session.";
/// Shown for every other failure (the guide's wording).
pub const UPDATE_FAILED_MESSAGE: &str = "We could not update your discounts. Please try again.";

impl From<&UpdateError> for ServerUpdateResponse {
    /// A rejection shows the policy's customer message, or
    /// [`INVALID_DISCOUNTS_MESSAGE`]; a complete or expired session
    /// [`SESSION_CLOSED_MESSAGE`](crate::updates::SESSION_CLOSED_MESSAGE); a session Stripe does
    /// not know [`SESSION_NOT_FOUND_MESSAGE`](crate::updates::SESSION_NOT_FOUND_MESSAGE);
    /// anything else [`UPDATE_FAILED_MESSAGE`]. The details are logged, never returned.
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
                let stripe = match other {
                    UpdateError::Stripe(e) => Some(e),
                    _ => None,
                };
                let not_open = matches!(other, UpdateError::SessionNotOpen { .. });
                Self::error(
                    crate::updates::final_failure(not_open, stripe)
                        .unwrap_or(UPDATE_FAILED_MESSAGE),
                )
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
