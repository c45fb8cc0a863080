//! Webhooks: verifying that a request came from Stripe ([`verify_signature`]) and reading it as
//! a typed [`Event`] ([`construct_event`]), plus [`test_header`] for testing your endpoint.
//! Back to [the flow](crate#the-flow-end-to-end).
//!
//! What lives here is the receiving side only; the emulator (the `stripe-checkout-emulator`
//! crate, `testing` here) delivers signed events.
//!
//! # A fulfilment endpoint
//!
//! Verify the **raw** body — the bytes as received, before any JSON parsing — with the
//! endpoint's signing secret, then act on the event. Acknowledge every verified event with a
//! 2xx quickly, and use the event id to ignore redeliveries.
//!
//! ```
//! use stripe_checkout_client::webhook::{construct_event, test_header, EventData, WebhookError};
//!
//! fn handle(body: &[u8], signature: &str, secret: &str) -> Result<String, WebhookError> {
//!     let event = construct_event(body, signature, secret)?;
//!     Ok(match &event.data {
//!         EventData::CheckoutSessionCompleted(session) => format!("fulfil order {}", session.id),
//!         EventData::CheckoutSessionAsyncPaymentSucceeded(session) => format!("fulfil {}", session.id),
//!         other => format!("ignored {}", event.event_type),
//!     })
//! }
//!
//! // In a test: sign a body as Stripe would.
//! let body = br#"{"id":"evt_1","object":"event","type":"checkout.session.completed","created":1767225600,
//!                 "livemode":false,"data":{"object":{"id":"cs_test_1","object":"checkout.session"}}}"#;
//! let now = std::time::SystemTime::now()
//!     .duration_since(std::time::UNIX_EPOCH)?
//!     .as_secs() as i64;
//! let header = test_header(body, "whsec_test", now);
//! assert_eq!(handle(body, &header, "whsec_test")?, "fulfil order cs_test_1");
//! assert!(matches!(handle(body, &header, "whsec_other"), Err(WebhookError::NoMatch)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod event;
mod signature;

use std::time::{Duration, SystemTime};

pub use event::{Event, EventData, RelatedObject};
pub use signature::{DEFAULT_TOLERANCE, HeaderProblem, test_header, verify_signature};

/// Why a webhook was refused. Displays never include a secret or the payload.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// The `Stripe-Signature` header could not be read.
    #[error("malformed Stripe-Signature header: {0}")]
    MalformedHeader(HeaderProblem),
    /// The header has no `v1` signature.
    #[error("no v1 signature in the Stripe-Signature header")]
    NoV1Signature,
    /// No `v1` signature matches the payload under any of the secrets: a wrong secret, a
    /// payload changed in transit (or re-serialized before verifying), or a forgery.
    #[error("no signature matches the payload")]
    NoMatch,
    /// The signature is valid but its timestamp is too far from now: a replay, or a clock
    /// that is off.
    #[error(
        "signature timestamp {timestamp} is outside the tolerance of {tolerance:?} from now ({now})"
    )]
    OutsideTolerance {
        /// The signed timestamp (Unix seconds).
        timestamp: i64,
        /// The time it was checked against (Unix seconds).
        now: i64,
        /// The tolerance allowed either way.
        tolerance: Duration,
    },
    /// The payload is verified but is not an event this crate can read.
    #[error("webhook payload is not a valid event at `{path}`: {source}")]
    BadPayload {
        /// The JSON path that failed (`data.object.amount_total`), empty for the top level.
        path: String,
        /// The JSON error.
        #[source]
        source: serde_json::Error,
    },
}

impl PartialEq for WebhookError {
    /// Equal variants with equal data; payload errors compare by path and message.
    fn eq(&self, other: &Self) -> bool {
        use WebhookError::*;
        match (self, other) {
            (MalformedHeader(a), MalformedHeader(b)) => a == b,
            (NoV1Signature, NoV1Signature) | (NoMatch, NoMatch) => true,
            (
                OutsideTolerance {
                    timestamp,
                    now,
                    tolerance,
                },
                OutsideTolerance {
                    timestamp: t2,
                    now: n2,
                    tolerance: tol2,
                },
            ) => (timestamp, now, tolerance) == (t2, n2, tol2),
            (
                BadPayload { path, source },
                BadPayload {
                    path: p2,
                    source: s2,
                },
            ) => path == p2 && source.to_string() == s2.to_string(),
            _ => false,
        }
    }
}

/// Verifies a webhook with one secret, the default tolerance and the current time, then
/// parses it. See [`construct_event_at`] for several secrets or a fixed clock.
///
/// # Errors
/// As [`verify_signature`], then [`WebhookError::BadPayload`].
pub fn construct_event(payload: &[u8], header: &str, secret: &str) -> Result<Event, WebhookError> {
    construct_event_at(
        payload,
        header,
        &[secret],
        DEFAULT_TOLERANCE,
        SystemTime::now(),
    )
}

/// [`construct_event`] with several secrets (rotation), a tolerance and a clock of your own.
///
/// # Errors
/// As [`verify_signature`], then [`WebhookError::BadPayload`].
pub fn construct_event_at(
    payload: &[u8],
    header: &str,
    secrets: &[&str],
    tolerance: Duration,
    now: SystemTime,
) -> Result<Event, WebhookError> {
    verify_signature(payload, header, secrets, tolerance, now)?;
    Event::from_slice(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload_error(path: &str, json: &str) -> WebhookError {
        WebhookError::BadPayload {
            path: path.to_owned(),
            source: serde_json::from_str::<serde_json::Value>(json).unwrap_err(),
        }
    }

    fn outside(timestamp: i64, now: i64, tolerance: u64) -> WebhookError {
        WebhookError::OutsideTolerance {
            timestamp,
            now,
            tolerance: Duration::from_secs(tolerance),
        }
    }

    /// One of each variant, and each datum changed once; every call builds new values.
    fn samples() -> Vec<WebhookError> {
        use WebhookError::*;
        vec![
            MalformedHeader(HeaderProblem::NoTimestamp),
            MalformedHeader(HeaderProblem::TooLong),
            NoV1Signature,
            NoMatch,
            outside(1, 400, 300),
            outside(2, 400, 300),
            outside(1, 401, 300),
            outside(1, 400, 301),
            payload_error("created", "{"),
            payload_error("id", "{"),
            payload_error("created", "[1,"),
        ]
    }

    #[test]
    fn errors_are_equal_when_their_variant_and_data_are() {
        let (distinct, again) = (samples(), samples());
        for (i, a) in distinct.iter().enumerate() {
            for (j, b) in again.iter().enumerate() {
                assert_eq!(a == b, i == j, "{a:?} == {b:?}");
            }
        }
    }
}
