//! [`WebhookDelivery`]: the emulator posting a signed event to the endpoint a test
//! configured, as Stripe does, and the record of what that endpoint answered.
//!
//! Which events are sent when, retries and faults are `dispatch`'s; recording events is
//! `events`'.

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use std::time::Duration;

use tokio::net::TcpStream;

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
    /// The endpoint's status, or `None` when it could not be reached (or the attempt was
    /// failed on purpose, see `faulted`).
    pub status: Option<u16>,
    /// 1 for the first attempt, then each retry's number; a repeat of a delivered event
    /// (`WebhookFaults::duplicate`) has the number of the attempt it repeats.
    pub attempt: u32,
    /// Whether [`WebhookFaults`](crate::WebhookFaults) failed this attempt without sending it.
    pub faulted: bool,
}

/// Signs `body` (an event) at time `now` with the endpoint's secret and posts it; returns the
/// endpoint's status, or `None` when it could not be reached.
pub(crate) async fn post_signed(
    endpoint: &WebhookEndpoint,
    body: Vec<u8>,
    now: i64,
) -> Option<u16> {
    let signature = signature_header(&body, &endpoint.secret, now);
    post(&endpoint.url, &signature, body).await
}

/// `Stripe-Signature` as Stripe writes it: `t=<unix>,v1=<hex>`, the HMAC-SHA256 of
/// `"{t}.{payload}"` under the endpoint's secret.
pub(crate) fn signature_header(payload: &[u8], secret: &str, t: i64) -> String {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret.as_bytes());
    let mut signed = format!("{t}.").into_bytes();
    signed.extend_from_slice(payload);
    let tag = ring::hmac::sign(&key, &signed);
    let hex: String = tag.as_ref().iter().map(|b| format!("{b:02x}")).collect();
    format!("t={t},v1={hex}")
}

/// How long a delivery may take, connection and answer together: Stripe waits about as
/// long before it counts a delivery as failed.
pub(crate) const DELIVERY_TIMEOUT: Duration = Duration::from_secs(10);

/// Posts the event over plain HTTP/1.1 (webhook endpoints under test listen on loopback) and
/// returns the endpoint's status, or `None` when it could not be reached, did not answer in
/// [`DELIVERY_TIMEOUT`], or is not an `http://` URL.
async fn post(url: &str, signature: &str, body: Vec<u8>) -> Option<u16> {
    tokio::time::timeout(DELIVERY_TIMEOUT, post_once(url, signature, body))
        .await
        .ok()
        .flatten()
}

async fn post_once(url: &str, signature: &str, body: Vec<u8>) -> Option<u16> {
    let uri: hyper::Uri = url.parse().ok()?;
    if uri.scheme_str() != Some("http") {
        return None;
    }
    let host = uri
        .host()?
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_owned();
    let port = uri.port_u16().unwrap_or(80);
    let stream = TcpStream::connect((host.as_str(), port)).await.ok()?;
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .ok()?;
    let driver = tokio::spawn(connection);
    let authority = uri.authority()?.as_str().to_owned();
    let path = uri.path_and_query().map_or("/", |p| p.as_str()).to_owned();
    let request = hyper::Request::post(path)
        .header("host", authority)
        .header("content-type", "application/json")
        .header("stripe-signature", signature)
        .header(
            "user-agent",
            "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        )
        .body(Full::new(Bytes::from(body)))
        .ok()?;
    let status = match sender.send_request(request).await {
        Ok(response) => {
            let status = response.status().as_u16();
            // Read the answer (within the timeout) so the connection closes cleanly; its
            // content is not needed.
            let _ = response.into_body().collect().await;
            Some(status)
        }
        Err(_) => None,
    };
    driver.abort();
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_stripes_hmac_of_time_and_payload() {
        // HMAC-SHA256("whsec_test", "1700000000.{}") computed independently (Python hmac).
        let header = signature_header(b"{}", "whsec_test", 1_700_000_000);
        assert_eq!(
            header,
            "t=1700000000,v1=35495024f4ef3f94e5a93e22221544c4b75e9a42300cd965ab81cb85cd994e91"
        );
    }

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
