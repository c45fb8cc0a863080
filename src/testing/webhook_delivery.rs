//! [`WebhookDelivery`]: the emulator sending a signed `checkout.session.completed` event to
//! the endpoint a test configured, as Stripe does when a session completes, and the record of
//! what that endpoint answered.
//!
//! Signing is the [`webhook`](crate::webhook) module's; completing sessions is the handle's.

use serde_json::{Value, json};

use super::id_gen::new_id;
use crate::version::ApiVersion;
use crate::webhook::test_header;

/// Where the emulator sends events, and the secret it signs them with.
#[derive(Clone)]
pub(crate) struct WebhookEndpoint {
    pub(crate) url: String,
    pub(crate) secret: String,
}

impl std::fmt::Debug for WebhookEndpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookEndpoint")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

/// One event the emulator delivered, and how the endpoint answered.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct WebhookDelivery {
    /// The event's id (`evt_…`).
    pub event_id: String,
    /// The event's type, e.g. `checkout.session.completed`.
    pub event_type: String,
    /// The session the event is about.
    pub session_id: String,
    /// The endpoint's status, or `None` when it could not be reached.
    pub status: Option<u16>,
}

/// Builds the event, signs it and posts it; never fails, the outcome is in the record.
/// The event says `version` (its date and release, without beta flags, as Stripe's events
/// do); `session` is already rendered in that version's shape.
pub(crate) async fn deliver(
    endpoint: &WebhookEndpoint,
    version: &ApiVersion,
    event_type: &str,
    session: Value,
    now: i64,
) -> WebhookDelivery {
    let event_id = new_id("evt_test_", 24);
    let session_id = session["id"].as_str().unwrap_or_default().to_owned();
    let event = json!({
        "id": event_id,
        "object": "event",
        "api_version": version.base(),
        "created": now,
        "livemode": false,
        "pending_webhooks": 1,
        "request": {"id": null, "idempotency_key": null},
        "type": event_type,
        "data": {"object": session},
    });
    let body = serde_json::to_vec(&event).unwrap_or_default();
    let signature = test_header(&body, &endpoint.secret, now);
    let status = reqwest::Client::new()
        .post(&endpoint.url)
        .header("content-type", "application/json")
        .header("stripe-signature", signature)
        .body(body)
        .send()
        .await
        .ok()
        .map(|response| response.status().as_u16());
    WebhookDelivery {
        event_id,
        event_type: event_type.to_owned(),
        session_id,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endpoint_shows_its_url_and_never_its_secret() {
        let endpoint = WebhookEndpoint {
            url: "http://127.0.0.1:9/hooks".to_owned(),
            secret: "whsec_never_shown".to_owned(),
        };
        let shown = format!("{endpoint:?}");
        assert!(shown.contains("http://127.0.0.1:9/hooks"), "{shown}");
        assert!(!shown.contains("whsec_never_shown"), "{shown}");
    }
}
