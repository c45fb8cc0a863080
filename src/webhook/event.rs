//! [`Event`]: a webhook's body, with the Checkout Session events a fulfilment endpoint acts
//! on as typed variants of [`EventData`] and everything else kept as JSON.
//!
//! Both kinds of event Stripe delivers parse: snapshot events (`checkout.session.completed`,
//! the same on every API version, carrying the session in the endpoint's version) and the
//! event notifications endive added (`v1.checkout.session.completed`, `object:
//! "v2.core.event"`), which only name the session; see [`EventData::Notification`].
//!
//! Verifying that the body came from Stripe is `signature`'s job.

use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::Value;

use super::WebhookError;
use crate::checkout::CheckoutSession;
use crate::declare::model::model;
use crate::wire::json_path;

/// A Stripe event, as delivered to a webhook endpoint.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Event {
    /// The event's id (`evt_…`); use it to ignore redeliveries.
    pub id: String,
    /// The event type, e.g. `checkout.session.completed`.
    pub event_type: String,
    /// When the event happened (Unix seconds; a notification's RFC 3339 time is converted).
    pub created: i64,
    /// Whether it comes from live mode.
    pub livemode: bool,
    /// The API version the object is rendered in (`None` for a notification, which carries
    /// no object).
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
    /// An event notification (`object: "v2.core.event"`, e.g. endive's
    /// `v1.checkout.session.completed`): a thin event that names the object it is about
    /// instead of carrying it. Retrieve the object to act on it; [`Event::session_id`] gives a
    /// Checkout Session's id. The event type stays in [`Event::event_type`].
    Notification(RelatedObject),
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
            EventData::Notification(_) | EventData::Other { .. } => None,
        }
    }

    /// The id of the Checkout Session the event is about: from the session of a
    /// `checkout.session.*` event, or from the related object of a notification about one
    /// (`v1.checkout.session.*`).
    ///
    /// ```
    /// use stripe_checkout_client::webhook::{Event, EventData};
    ///
    /// let notification = br#"{"id":"evt_1","object":"v2.core.event",
    ///     "type":"v1.checkout.session.completed","created":"2026-10-29T12:00:00.000Z",
    ///     "livemode":false,"related_object":{"id":"cs_test_1","type":"checkout.session",
    ///     "url":"/v1/checkout/sessions/cs_test_1"}}"#;
    /// let event = Event::from_slice(notification)?;
    /// assert_eq!(event.event_type, "v1.checkout.session.completed");
    /// assert_eq!(event.session_id(), Some("cs_test_1"));
    /// assert_eq!(event.created, 1_793_275_200);
    /// assert!(matches!(event.data, EventData::Notification(_)));
    /// assert!(event.session().is_none()); // retrieve it to act on it
    /// # Ok::<(), stripe_checkout_client::webhook::WebhookError>(())
    /// ```
    pub fn session_id(&self) -> Option<&str> {
        match &self.data {
            EventData::Notification(related) if related.object_type == "checkout.session" => {
                Some(related.id.as_str())
            }
            _ => self.session().map(|s| s.id.as_str()),
        }
    }

    /// Parses an event body (already verified; see [`construct_event`](super::construct_event)).
    ///
    /// # Errors
    /// [`WebhookError::BadPayload`] naming the JSON path that failed
    /// (`data.object.amount_total`).
    pub fn from_slice(payload: &[u8]) -> Result<Event, WebhookError> {
        let head: Head = parse(payload)?;
        // Each kind of event requires its own field; a missing one is reported at its name,
        // as serde reports any missing field.
        let missing = |field: &'static str| WebhookError::BadPayload {
            path: field.to_owned(),
            source: serde::de::Error::missing_field(field),
        };
        if head.object.as_deref() == Some("v2.core.event") {
            let related = head
                .related_object
                .ok_or_else(|| missing("related_object"))?;
            return Ok(Event {
                id: head.id,
                event_type: head.event_type,
                created: head.created.0,
                livemode: head.livemode,
                api_version: None,
                data: EventData::Notification(related),
            });
        }
        if head.data.is_none() {
            return Err(missing("data"));
        }
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
            created: head.created.0,
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

model! {
    /// The object a notification is about.
    #[derive(Eq)]
    pub struct RelatedObject {
        /// Its id (`cs_…`).
        pub id: String,
        /// Its type (`checkout.session`).
        pub object_type as "type": String,
        /// Where to retrieve it (`/v1/checkout/sessions/cs_…`).
        pub url: String,
    }
}

/// An event without its object.
#[derive(Deserialize)]
struct Head {
    id: String,
    #[serde(default)]
    object: Option<String>,
    #[serde(rename = "type")]
    event_type: String,
    created: Created,
    #[serde(default)]
    livemode: bool,
    #[serde(default)]
    api_version: Option<String>,
    #[serde(default)]
    data: Option<IgnoredAny>,
    /// A notification's object.
    #[serde(default)]
    related_object: Option<RelatedObject>,
}

/// When an event happened, in Unix seconds: snapshot events say so, notifications give an
/// RFC 3339 time (`2026-10-29T12:00:00.000Z`).
struct Created(i64);

impl<'de> Deserialize<'de> for Created {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor of its own rather than an untagged enum, which would buffer the value
        // through serde's `Content` (and compile that machinery into every merchant's build).
        struct Seconds;
        impl serde::de::Visitor<'_> for Seconds {
            type Value = Created;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("Unix seconds or an RFC 3339 time")
            }

            fn visit_i64<E: serde::de::Error>(self, seconds: i64) -> Result<Created, E> {
                Ok(Created(seconds))
            }

            fn visit_u64<E: serde::de::Error>(self, seconds: u64) -> Result<Created, E> {
                i64::try_from(seconds)
                    .map(Created)
                    .map_err(|_| E::custom("the time is out of range"))
            }

            fn visit_str<E: serde::de::Error>(self, time: &str) -> Result<Created, E> {
                rfc3339_seconds(time)
                    .map(Created)
                    .ok_or_else(|| E::custom(format!("`{time}` is not an RFC 3339 time")))
            }
        }
        d.deserialize_any(Seconds)
    }
}

/// Unix seconds of `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; the fraction is dropped.
fn rfc3339_seconds(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = b.get(range)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0')))
    };
    let separators = [(4, b'-'), (7, b'-'), (13, b':'), (16, b':')];
    if separators.iter().any(|&(i, c)| b.get(i) != Some(&c))
        || !matches!(b.get(10), Some(b'T' | b't'))
    {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let (hour, minute, second) = (digits(11..13)?, digits(14..16)?, digits(17..19)?);
    let mut rest = b.get(19..)?;
    if let [b'.', tail @ ..] = rest {
        let fraction = tail.iter().take_while(|c| c.is_ascii_digit()).count();
        if fraction == 0 {
            return None;
        }
        rest = &tail[fraction..];
    }
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let field = |hi: &u8, lo: &u8| -> Option<i64> {
                (hi.is_ascii_digit() && lo.is_ascii_digit())
                    .then(|| i64::from(hi - b'0') * 10 + i64::from(lo - b'0'))
            };
            let minutes = field(h1, h2)? * 60 + field(m1, m2)?;
            if *sign == b'+' {
                minutes * 60
            } else {
                -minutes * 60
            }
        }
        _ => return None,
    };
    let date = u16::try_from(year)
        .ok()
        .zip(u8::try_from(month).ok())
        .zip(u8::try_from(day).ok());
    let ((y, m), d) = date?;
    crate::version::ApiDate::new(y, m, d)?;
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    // Days from 1970-01-01 to the civil date (Howard Hinnant's algorithm).
    let (y, m) = if month <= 2 {
        (year - 1, month + 9)
    } else {
        (year, month - 3)
    };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * m + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    Some(days * 86_400 + hour * 3_600 + minute * 60 + second - offset)
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

#[cfg(test)]
mod tests {
    use super::rfc3339_seconds;

    #[test]
    fn rfc3339_times_convert_to_unix_seconds() {
        for (text, seconds) in [
            ("2026-10-29T12:00:00Z", Some(1_793_275_200)),
            ("2026-10-29T12:00:00.123456Z", Some(1_793_275_200)),
            ("2026-10-29t12:00:00z", Some(1_793_275_200)),
            ("2026-10-29T14:30:00+02:30", Some(1_793_275_200)),
            ("2026-10-29T09:00:00-03:00", Some(1_793_275_200)),
            ("1970-01-01T00:00:00Z", Some(0)),
            ("1969-12-31T23:59:59Z", Some(-1)),
            ("2000-02-29T23:59:59Z", Some(951_868_799)),
            ("2026-10-29 12:00:00Z", None),
            ("2026-10-29T12:00:00", None),
            ("2026-10-29T12:00:00.Z", None),
            ("2026-02-30T12:00:00Z", None),
            ("2026-10-29T24:00:00Z", None),
            ("2026-10-29T12:60:00Z", None),
            ("2026-10-29T12:00:00+0200", None),
            ("2026-10-29T12:00:00+0a:00", None),
            ("2026-10-29T12:00:00+02:x0", None),
            ("2026-10-29T12:00:60Z", Some(1_793_275_260)),
            ("2026-10-29T12:00:61Z", None),
            ("2026-1a-29T12:00:00Z", None),
            ("2026-10-29T12:00:00Zjunk", None),
            ("", None),
        ] {
            assert_eq!(rfc3339_seconds(text), seconds, "{text}");
        }
    }
}
