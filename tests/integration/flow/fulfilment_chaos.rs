//! Fulfilment under the emulator's worst deliveries: dozens of sessions with every payment
//! outcome (card, delayed then succeeded, delayed then failed, expired), each event delivered
//! three times, out of order and failing first, to a webhook endpoint backed by the
//! `Fulfiller`, while the landing page races the webhooks. Each paid session is fulfilled
//! exactly once; no unpaid, failed or expired one is; none is lost.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use futures_util::future::join_all;
use stripe_checkout_client::checkout::{
    CheckoutSession, CreateSession, LineItem, PaymentStatus, SessionMode,
};
use stripe_checkout_client::fulfilment::{Fulfiller, HookError, Orders};
use stripe_checkout_client::ids::CheckoutSessionId;
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt, Payment, WebhookFaults};

const SECRET: &str = "whsec_chaos";

/// Per session, how often each hook ran, and whether `fulfil` ever saw an unpaid session.
#[derive(Default)]
struct Ledger {
    fulfilled: Mutex<HashMap<String, usize>>,
    failed: Mutex<HashMap<String, usize>>,
    expired: Mutex<HashMap<String, usize>>,
    fulfilled_unpaid: Mutex<usize>,
}

fn count(map: &Mutex<HashMap<String, usize>>, id: &str) -> usize {
    map.lock().unwrap().get(id).copied().unwrap_or(0)
}

/// Counts one run of a hook for `session`.
fn bump(map: &Mutex<HashMap<String, usize>>, session: &CheckoutSession) {
    *map.lock()
        .unwrap()
        .entry(session.id.to_string())
        .or_default() += 1;
}

#[async_trait]
impl Orders for Ledger {
    async fn fulfil(&self, session: &CheckoutSession) -> Result<(), HookError> {
        if session.payment_status != Some(PaymentStatus::Paid) {
            *self.fulfilled_unpaid.lock().unwrap() += 1;
        }
        // Slow enough that duplicated deliveries and the landing page overlap it.
        tokio::time::sleep(Duration::from_millis(15)).await;
        bump(&self.fulfilled, session);
        Ok(())
    }

    async fn payment_failed(&self, session: &CheckoutSession) -> Result<(), HookError> {
        bump(&self.failed, session);
        Ok(())
    }

    async fn expired(&self, session: &CheckoutSession) -> Result<(), HookError> {
        bump(&self.expired, session);
        Ok(())
    }
}

async fn webhook(
    State(fulfiller): State<Arc<Fulfiller>>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let signature = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let status = match fulfiller.webhook(&body, signature).await {
        Ok(handled) => handled.http_status(),
        Err(err) => err.http_status(),
    };
    StatusCode::from_u16(status).unwrap()
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Outcome {
    Card,
    DelayedSucceeded,
    DelayedFailed,
    Expired,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_paid_session_is_fulfilled_exactly_once_under_chaotic_delivery() {
    let fake = FakeStripe::start().await;
    fake.add_price("price_mug", 1_800, "usd");
    let ledger = Arc::new(Ledger::default());
    let fulfiller = Arc::new(Fulfiller::new(
        fake.client(),
        SECRET,
        Arc::clone(&ledger) as Arc<dyn Orders>,
    ));
    let router = axum::Router::new()
        .route("/webhook", post(webhook))
        .with_state(Arc::clone(&fulfiller));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/webhook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    fake.send_webhooks_to(url, SECRET);
    fake.set_webhook_faults(
        WebhookFaults::none()
            .duplicate(2)
            .out_of_order()
            .fail_first(1),
    );

    let outcomes = [
        Outcome::Card,
        Outcome::DelayedSucceeded,
        Outcome::DelayedFailed,
        Outcome::Expired,
    ];
    let client = fake.client();
    let mut sessions: Vec<(CheckoutSessionId, Outcome)> = Vec::new();
    for i in 0..32 {
        let session = client
            .checkout_sessions()
            .create(
                &CreateSession::new(SessionMode::Payment)
                    .line_item(LineItem::price("price_mug", 1 + i % 3))
                    .success_url("https://example.com/done?session_id={CHECKOUT_SESSION_ID}"),
            )
            .await
            .unwrap();
        sessions.push((session.id, outcomes[i as usize % outcomes.len()]));
    }
    // Every session settles at once; the shopper's landing page asks while events fly.
    join_all(sessions.iter().map(|(id, outcome)| {
        let (fake, fulfiller, client) = (&fake, &fulfiller, &client);
        async move {
            match outcome {
                Outcome::Card => {
                    fake.complete_session(id.as_str()).await.unwrap();
                }
                Outcome::DelayedSucceeded | Outcome::DelayedFailed => {
                    fake.complete_session_with(id.as_str(), Payment::Delayed)
                        .await
                        .unwrap();
                    fake.settle_async_payment(id.as_str(), *outcome == Outcome::DelayedSucceeded)
                        .await
                        .unwrap();
                }
                Outcome::Expired => {
                    client.checkout_sessions().expire(id).await.unwrap();
                }
            }
            fulfiller.session(id).await.unwrap();
        }
    }))
    .await;
    assert!(
        fake.settle_webhooks(Duration::from_secs(30)).await,
        "deliveries still due"
    );

    for (id, outcome) in &sessions {
        let id = id.as_str();
        let expected = match outcome {
            Outcome::Card | Outcome::DelayedSucceeded => (1, 0, 0),
            Outcome::DelayedFailed => (0, 1, 0),
            Outcome::Expired => (0, 0, 1),
        };
        let seen = (
            count(&ledger.fulfilled, id),
            count(&ledger.failed, id),
            count(&ledger.expired, id),
        );
        assert_eq!(seen, expected, "{id} ({outcome:?})");
    }
    assert_eq!(*ledger.fulfilled_unpaid.lock().unwrap(), 0);
    // The chaos happened: every event was failed first, then delivered three times.
    let deliveries = fake.webhook_deliveries();
    assert!(deliveries.iter().any(|d| d.faulted));
    let events = fake.events().len();
    let answered_2xx = deliveries
        .iter()
        .filter(|d| d.status.is_some_and(|s| (200..300).contains(&s)))
        .count();
    assert!(
        answered_2xx >= 3 * events,
        "{answered_2xx} of {events} events"
    );
}
