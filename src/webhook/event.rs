//! [`Event`]: a webhook's body, with the Checkout Session events a fulfilment endpoint acts
//! on as typed variants of [`EventData`] and everything else kept as JSON.
//!
//! Verifying that the body came from Stripe is `signature`'s job.

use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::Value;

use super::WebhookError;
use crate::checkout::CheckoutSession;
use crate::json_path;

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
    /// [`WebhookError::BadPayload`] naming the JSON path that failed
    /// (`data.object.amount_total`).
    pub fn from_slice(payload: &[u8]) -> Result<Event, WebhookError> {
        let head: Head = parse(payload)?;
        // The object is decoded by a second pass over the payload, typed by the event type, so
        // a session decodes with the same decoder as an API answer.
        let session = || parse::<Envelope<Box<CheckoutSession>>>(payload).map(|e| e.data.object);
        let data = match head.event_type.as_str() {
            "checkout.session.completed" => EventData::CheckoutSessionCompleted(session()?),
            "checkout.session.expired" => EventData::CheckoutSessionExpired(session()?),
            "checkout.session.async_payment_succeeded" => {
                EventData::CheckoutSessionAsyncPaymentSucceeded(session()?)
            }
            "checkout.session.async_payment_failed" => {
                EventData::CheckoutSessionAsyncPaymentFailed(session()?)
            }
            _ => EventData::Other {
                event_type: head.event_type.clone(),
                object: parse::<Envelope<Value>>(payload)?.data.object,
            },
        };
        Ok(Event {
            id: head.id,
            event_type: head.event_type,
            created: head.created,
            livemode: head.livemode,
            api_version: head.api_version,
            data,
        })
    }
}

fn parse<T: DeserializeOwned>(payload: &[u8]) -> Result<T, WebhookError> {
    serde_json::from_slice(payload).map_err(|source| WebhookError::BadPayload {
        path: json_path::error_path(payload, &source),
        source,
    })
}

/// An event without its object.
#[derive(Deserialize)]
struct Head {
    id: String,
    #[serde(rename = "type")]
    event_type: String,
    created: i64,
    #[serde(default)]
    livemode: bool,
    #[serde(default)]
    api_version: Option<String>,
    #[allow(dead_code)]
    data: IgnoredAny,
}

/// An event's object, typed.
#[derive(Deserialize)]
struct Envelope<T> {
    data: Data<T>,
}

#[derive(Deserialize)]
struct Data<T> {
    object: T,
}
