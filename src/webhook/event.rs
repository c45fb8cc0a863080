//! [`Event`]: a webhook's body, with the Checkout Session events a fulfilment endpoint acts
//! on as typed variants of [`EventData`] and everything else kept as JSON.
//!
//! Verifying that the body came from Stripe is `signature`'s job.

use serde::Deserialize;
use serde_json::Value;

use super::WebhookError;
use crate::checkout::CheckoutSession;

/// A Stripe event, as delivered to a webhook endpoint.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Event {
    /// The event's id (`evt_…`); use it to ignore redeliveries.
    pub id: String,
    /// The event type, e.g. `checkout.session.completed`.
    pub event_type: String,
    /// When the event happened (Unix seconds).
    pub created: i64,
    /// Whether it comes from live mode.
    pub livemode: bool,
    /// The API version the object is rendered in.
    pub api_version: Option<String>,
    /// The object the event is about.
    pub data: EventData,
}

/// What an [`Event`] carries. The Checkout Session events are typed; any other type is
/// [`EventData::Other`], never an error, so a new event type from Stripe never breaks an
/// endpoint.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum EventData {
    /// `checkout.session.completed`: the customer finished Checkout; fulfil unless the
    /// payment is still pending (`payment_status` `unpaid`).
    CheckoutSessionCompleted(Box<CheckoutSession>),
    /// `checkout.session.expired`.
    CheckoutSessionExpired(Box<CheckoutSession>),
    /// `checkout.session.async_payment_succeeded`: a delayed payment went through; fulfil.
    CheckoutSessionAsyncPaymentSucceeded(Box<CheckoutSession>),
    /// `checkout.session.async_payment_failed`.
    CheckoutSessionAsyncPaymentFailed(Box<CheckoutSession>),
    /// Any other event type, with its `data.object` as JSON.
    Other {
        /// The event type.
        event_type: String,
        /// The event's `data.object`.
        object: Value,
    },
}

impl Event {
    /// The Checkout Session of a `checkout.session.*` event.
    pub fn session(&self) -> Option<&CheckoutSession> {
        match &self.data {
            EventData::CheckoutSessionCompleted(s)
            | EventData::CheckoutSessionExpired(s)
            | EventData::CheckoutSessionAsyncPaymentSucceeded(s)
            | EventData::CheckoutSessionAsyncPaymentFailed(s) => Some(s),
            EventData::Other { .. } => None,
        }
    }

    /// Parses an event body (already verified; see [`construct_event`](super::construct_event)).
    ///
    /// # Errors
    /// [`WebhookError::BadPayload`] naming the JSON path that failed.
    pub fn from_slice(payload: &[u8]) -> Result<Event, WebhookError> {
        let raw: RawEvent = parse(|| {
            let de = &mut serde_json::Deserializer::from_slice(payload);
            serde_path_to_error::deserialize(de)
        })?;
        let session = |object: Value| -> Result<Box<CheckoutSession>, WebhookError> {
            parse(|| serde_path_to_error::deserialize(object))
                .map(Box::new)
                .map_err(|err| match err {
                    WebhookError::BadPayload { path, source } => WebhookError::BadPayload {
                        path: format!("data.object.{path}")
                            .trim_end_matches('.')
                            .to_owned(),
                        source,
                    },
                    other => other,
                })
        };
        let object = raw.data.object;
        let data = match raw.event_type.as_str() {
            "checkout.session.completed" => EventData::CheckoutSessionCompleted(session(object)?),
            "checkout.session.expired" => EventData::CheckoutSessionExpired(session(object)?),
            "checkout.session.async_payment_succeeded" => {
                EventData::CheckoutSessionAsyncPaymentSucceeded(session(object)?)
            }
            "checkout.session.async_payment_failed" => {
                EventData::CheckoutSessionAsyncPaymentFailed(session(object)?)
            }
            _ => EventData::Other {
                event_type: raw.event_type.clone(),
                object,
            },
        };
        Ok(Event {
            id: raw.id,
            event_type: raw.event_type,
            created: raw.created,
            livemode: raw.livemode,
            api_version: raw.api_version,
            data,
        })
    }
}

fn parse<T>(
    run: impl FnOnce() -> Result<T, serde_path_to_error::Error<serde_json::Error>>,
) -> Result<T, WebhookError> {
    run().map_err(|err| WebhookError::BadPayload {
        path: err.path().to_string(),
        source: err.into_inner(),
    })
}

#[derive(Deserialize)]
struct RawEvent {
    id: String,
    #[serde(rename = "type")]
    event_type: String,
    created: i64,
    #[serde(default)]
    livemode: bool,
    #[serde(default)]
    api_version: Option<String>,
    data: RawData,
}

#[derive(Deserialize)]
struct RawData {
    object: Value,
}
