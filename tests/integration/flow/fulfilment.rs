//! Fulfilment against the emulator: each paid session fulfilled once across duplicated,
//! concurrent and failing deliveries and the landing page; the session Stripe holds decides,
//! never the payload; expiry and unknown events; a crashed holder's lease.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use futures_util::future::join_all;
use stripe_checkout_client::checkout::{CheckoutSession, CreateSession, LineItem, SessionMode};
use stripe_checkout_client::fulfilment::{
    Claim, ClaimToken, Fulfiller, FulfilmentError, FulfilmentStore, Handled, HookError,
    MemoryStore, Orders, StoreError,
};
use stripe_checkout_client::ids::CheckoutSessionId;
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt};
use stripe_checkout_client::webhook::test_header;

const SECRET: &str = "whsec_fulfilment_test";

/// Counts each hook's calls; `fail_first` fulfilments fail before one succeeds.
#[derive(Default)]
struct Shop {
    fulfil_calls: AtomicUsize,
    fulfilled: AtomicUsize,
    failed: AtomicUsize,
    expired: AtomicUsize,
    fail_first: AtomicUsize,
    line_items_seen: AtomicUsize,
}

#[async_trait]
impl Orders for Shop {
    async fn fulfil(&self, session: &CheckoutSession) -> Result<(), HookError> {
        self.fulfil_calls.fetch_add(1, Ordering::SeqCst);
        if session
            .line_items
            .as_ref()
            .is_some_and(|l| !l.data.is_empty())
        {
            self.line_items_seen.fetch_add(1, Ordering::SeqCst);
        }
        // Long enough that concurrent deliveries overlap.
        tokio::time::sleep(Duration::from_millis(20)).await;
        if self
            .fail_first
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok()
        {
            return Err("the warehouse is down".into());
        }
        self.fulfilled.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }

    async fn payment_failed(&self, _session: &CheckoutSession) -> Result<(), HookError> {
        self.failed.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }

    async fn expired(&self, _session: &CheckoutSession) -> Result<(), HookError> {
        self.expired.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }
}

async fn open_session(fake: &FakeStripe) -> CheckoutSessionId {
    fake.add_price("price_tee", 2_500, "usd");
    fake.client()
        .checkout_sessions()
        .create(
            &CreateSession::new(SessionMode::Payment)
                .line_item(LineItem::price("price_tee", 2))
                .success_url("https://example.com/done?session_id={CHECKOUT_SESSION_ID}"),
        )
        .await
        .unwrap()
        .id
}

/// A signed delivery of `event_type` for `session`, as Stripe would send it; the payload
/// claims the session is paid whatever Stripe holds.
fn delivery(event_type: &str, session: &CheckoutSessionId) -> (Vec<u8>, String) {
    signed(&serde_json::json!({
        "id": format!("evt_{}", event_type.len()),
        "object": "event",
        "type": event_type,
        "created": 1_767_225_600,
        "livemode": false,
        "data": {"object": {
            "id": session.as_str(), "object": "checkout.session",
            "status": "complete", "payment_status": "paid",
        }},
    }))
}

/// A signed delivery of `event` (a JSON object), signed now.
fn signed(event: &serde_json::Value) -> (Vec<u8>, String) {
    let body = event.to_string().into_bytes();
    let signature = test_header(&body, SECRET, unix_now());
    (body, signature)
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn fulfiller(fake: &FakeStripe, shop: &Arc<Shop>) -> Fulfiller {
    Fulfiller::new(fake.client(), SECRET, Arc::clone(shop) as Arc<dyn Orders>)
}

/// A session the shopper paid, a shop and its fulfiller.
async fn paid_session(fake: &FakeStripe) -> (CheckoutSessionId, Arc<Shop>, Fulfiller) {
    let id = open_session(fake).await;
    fake.complete_session(id.as_str()).await.unwrap();
    let shop = Arc::new(Shop::default());
    let fulfiller = fulfiller(fake, &shop);
    (id, shop, fulfiller)
}

#[tokio::test]
async fn duplicated_and_concurrent_deliveries_fulfil_a_paid_session_once() {
    let fake = FakeStripe::start().await;
    let id = open_session(&fake).await;
    fake.complete_session(id.as_str()).await.unwrap();
    let shop = Arc::new(Shop::default());
    let fulfiller = Arc::new(fulfiller(&fake, &shop));
    let (body, signature) = delivery("checkout.session.completed", &id);

    let handled: Vec<Handled> = join_all((0..8).map(|_| {
        let fulfiller = Arc::clone(&fulfiller);
        let (body, signature) = (body.clone(), signature.clone());
        tokio::spawn(async move { fulfiller.webhook(&body, &signature).await.unwrap() })
    }))
    .await
    .into_iter()
    .map(Result::unwrap)
    .collect();
    assert_eq!(
        handled.iter().filter(|h| **h == Handled::Fulfilled).count(),
        1,
        "{handled:?}"
    );
    // The others found it being fulfilled (409: Stripe delivers again) or done (200).
    for h in &handled {
        assert!(
            matches!(
                h,
                Handled::Fulfilled | Handled::AlreadyFulfilled | Handled::InProgress
            ),
            "{h:?}"
        );
        assert_eq!(
            h.http_status(),
            if *h == Handled::InProgress { 409 } else { 200 }
        );
    }
    // Redeliveries, the succeeded event of a delayed payment and the landing page: all done.
    let (late, late_signature) = delivery("checkout.session.async_payment_succeeded", &id);
    assert_eq!(
        fulfiller.webhook(&body, &signature).await.unwrap(),
        Handled::AlreadyFulfilled
    );
    assert_eq!(
        fulfiller.webhook(&late, &late_signature).await.unwrap(),
        Handled::AlreadyFulfilled
    );
    assert_eq!(
        fulfiller.session(&id).await.unwrap(),
        Handled::AlreadyFulfilled
    );
    assert_eq!(shop.fulfil_calls.load(Ordering::SeqCst), 1);
    assert_eq!(shop.fulfilled.load(Ordering::SeqCst), 1);
    // The hook saw the session Stripe holds, with its line items.
    assert_eq!(shop.line_items_seen.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn the_session_stripe_holds_decides_not_the_payload() {
    let fake = FakeStripe::start().await;
    let id = open_session(&fake).await;
    let shop = Arc::new(Shop::default());
    let fulfiller = fulfiller(&fake, &shop);
    // The payload says complete and paid; Stripe says open.
    let (body, signature) = delivery("checkout.session.completed", &id);
    let handled = fulfiller.webhook(&body, &signature).await.unwrap();
    assert_eq!(
        (handled, handled.http_status()),
        (Handled::NotComplete, 200)
    );
    assert_eq!(fulfiller.session(&id).await.unwrap(), Handled::NotComplete);
    // A failed-payment event for a session Stripe holds open does not reach the hook either.
    let (failed, failed_signature) = delivery("checkout.session.async_payment_failed", &id);
    assert_eq!(
        fulfiller.webhook(&failed, &failed_signature).await.unwrap(),
        Handled::NotComplete
    );
    assert_eq!(shop.fulfil_calls.load(Ordering::SeqCst), 0);
    assert_eq!(shop.failed.load(Ordering::SeqCst), 0);
    // It retrieved the session each time, with its line items.
    let retrieves = fake
        .journal()
        .iter()
        .filter(|r| !r.is_post() && r.path.ends_with(id.as_str()))
        .count();
    assert_eq!(retrieves, 3);
}

#[tokio::test]
async fn a_failing_hook_is_answered_500_and_the_next_delivery_fulfils() {
    let fake = FakeStripe::start().await;
    let id = open_session(&fake).await;
    fake.complete_session(id.as_str()).await.unwrap();
    let shop = Arc::new(Shop::default());
    shop.fail_first.store(1, Ordering::SeqCst);
    let fulfiller = fulfiller(&fake, &shop);
    let (body, signature) = delivery("checkout.session.completed", &id);

    let err = fulfiller.webhook(&body, &signature).await.unwrap_err();
    assert_eq!(err.http_status(), 500);
    match &err {
        FulfilmentError::Hook { hook, session, .. } => {
            assert_eq!((*hook, session), ("fulfil", &id));
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("the warehouse is down"), "{err}");
    // The claim was released: the redelivery fulfils at once, without waiting for a lease.
    assert_eq!(
        fulfiller.webhook(&body, &signature).await.unwrap(),
        Handled::Fulfilled
    );
    assert_eq!(shop.fulfil_calls.load(Ordering::SeqCst), 2);
    assert_eq!(shop.fulfilled.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_crashed_holder_keeps_the_session_until_its_lease_lapses() {
    let fake = FakeStripe::start().await;
    let id = open_session(&fake).await;
    fake.complete_session(id.as_str()).await.unwrap();
    let shop = Arc::new(Shop::default());
    let store = Arc::new(MemoryStore::new());
    // A process claimed the session and died before completing it.
    let lease = Duration::from_millis(200);
    assert!(matches!(
        store.claim(id.as_str(), lease).await.unwrap(),
        Claim::Acquired(_)
    ));
    let fulfiller = fulfiller(&fake, &shop).store(store).lease(lease);
    let (body, signature) = delivery("checkout.session.completed", &id);
    let handled = fulfiller.webhook(&body, &signature).await.unwrap();
    assert_eq!((handled, handled.http_status()), (Handled::InProgress, 409));
    assert_eq!(shop.fulfil_calls.load(Ordering::SeqCst), 0);
    tokio::time::sleep(lease + Duration::from_millis(50)).await;
    assert_eq!(
        fulfiller.webhook(&body, &signature).await.unwrap(),
        Handled::Fulfilled
    );
    assert_eq!(shop.fulfilled.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn an_expired_session_reaches_its_hook_once() {
    let fake = FakeStripe::start().await;
    let id = open_session(&fake).await;
    fake.client().checkout_sessions().expire(&id).await.unwrap();
    let shop = Arc::new(Shop::default());
    let fulfiller = fulfiller(&fake, &shop);
    let (body, signature) = delivery("checkout.session.expired", &id);
    assert_eq!(
        fulfiller.webhook(&body, &signature).await.unwrap(),
        Handled::Expired
    );
    assert_eq!(
        fulfiller.webhook(&body, &signature).await.unwrap(),
        Handled::AlreadyHandled
    );
    // A completed event that arrives late for it fulfils nothing.
    let (late, late_signature) = delivery("checkout.session.completed", &id);
    assert_eq!(
        fulfiller.webhook(&late, &late_signature).await.unwrap(),
        Handled::AlreadyHandled
    );
    assert_eq!(shop.expired.load(Ordering::SeqCst), 1);
    assert_eq!(shop.fulfil_calls.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn other_events_are_acknowledged_without_asking_stripe_and_forgeries_refused() {
    let fake = FakeStripe::start().await;
    let id = open_session(&fake).await;
    let shop = Arc::new(Shop::default());
    let fulfiller = fulfiller(&fake, &shop);
    let before = fake.journal().len();
    let (body, signature) = delivery("customer.created", &id);
    let handled = fulfiller.webhook(&body, &signature).await.unwrap();
    assert_eq!((handled, handled.http_status()), (Handled::Ignored, 200));
    assert_eq!(fake.journal().len(), before);

    let (body, _) = delivery("checkout.session.completed", &id);
    let forged = test_header(&body, "whsec_someone_else", 1_767_225_600);
    let err = fulfiller.webhook(&body, &forged).await.unwrap_err();
    assert!(matches!(err, FulfilmentError::Webhook(_)), "{err:?}");
    assert_eq!(err.http_status(), 400);
    assert_eq!(fake.journal().len(), before);
    // The fulfiller's Debug hides the signing secret.
    let shown = format!("{fulfiller:?}");
    assert!(
        !shown.contains(SECRET) && shown.contains("lease"),
        "{shown}"
    );
    // It says a secret is set, not what it is.
    assert!(shown.contains("secret: Secret(…)"), "{shown}");
}

/// A store whose database is down.
struct DownStore;

#[async_trait]
impl FulfilmentStore for DownStore {
    async fn claim(&self, _key: &str, _lease: Duration) -> Result<Claim, StoreError> {
        Err(StoreError::new("connection refused"))
    }
    async fn complete(&self, _key: &str, _token: &ClaimToken) -> Result<(), StoreError> {
        Err(StoreError::new("connection refused"))
    }
    async fn release(&self, _key: &str, _token: &ClaimToken) -> Result<(), StoreError> {
        Err(StoreError::new("connection refused"))
    }
}

#[tokio::test]
async fn a_store_that_fails_is_answered_500_and_nothing_is_fulfilled() {
    let fake = FakeStripe::start().await;
    let id = open_session(&fake).await;
    fake.complete_session(id.as_str()).await.unwrap();
    let shop = Arc::new(Shop::default());
    let fulfiller = fulfiller(&fake, &shop).store(Arc::new(DownStore));
    let (body, signature) = delivery("checkout.session.completed", &id);
    let err = fulfiller.webhook(&body, &signature).await.unwrap_err();
    assert!(matches!(err, FulfilmentError::Store(_)), "{err:?}");
    assert_eq!(err.http_status(), 500);
    assert_eq!(shop.fulfil_calls.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn a_delayed_payment_awaits_its_settlement_then_fulfils_or_fails_once() {
    use stripe_checkout_client::testing::Payment;
    let fake = FakeStripe::start().await;
    let shop = Arc::new(Shop::default());
    let fulfiller = fulfiller(&fake, &shop);

    let succeeding = open_session(&fake).await;
    fake.complete_session_with(succeeding.as_str(), Payment::Delayed)
        .await
        .unwrap();
    let (completed, completed_signature) = delivery("checkout.session.completed", &succeeding);
    // Complete but unpaid: nothing to fulfil yet, and the webhook is acknowledged.
    let handled = fulfiller
        .webhook(&completed, &completed_signature)
        .await
        .unwrap();
    assert_eq!(
        (handled, handled.http_status()),
        (Handled::AwaitingPayment, 200)
    );
    assert_eq!(
        fulfiller.session(&succeeding).await.unwrap(),
        Handled::AwaitingPayment
    );
    fake.settle_async_payment(succeeding.as_str(), true)
        .await
        .unwrap();
    let (succeeded, succeeded_signature) =
        delivery("checkout.session.async_payment_succeeded", &succeeding);
    assert_eq!(
        fulfiller
            .webhook(&succeeded, &succeeded_signature)
            .await
            .unwrap(),
        Handled::Fulfilled
    );
    // The completed event redelivered late finds it done.
    assert_eq!(
        fulfiller
            .webhook(&completed, &completed_signature)
            .await
            .unwrap(),
        Handled::AlreadyFulfilled
    );

    let failing = open_session(&fake).await;
    fake.complete_session_with(failing.as_str(), Payment::Delayed)
        .await
        .unwrap();
    fake.settle_async_payment(failing.as_str(), false)
        .await
        .unwrap();
    let (failed, failed_signature) = delivery("checkout.session.async_payment_failed", &failing);
    assert_eq!(
        fulfiller.webhook(&failed, &failed_signature).await.unwrap(),
        Handled::PaymentFailed
    );
    assert_eq!(
        fulfiller.webhook(&failed, &failed_signature).await.unwrap(),
        Handled::AlreadyHandled
    );
    // Its completed event, and the landing page, never fulfil it.
    let (completed, completed_signature) = delivery("checkout.session.completed", &failing);
    assert_eq!(
        fulfiller
            .webhook(&completed, &completed_signature)
            .await
            .unwrap(),
        Handled::AwaitingPayment
    );
    assert_eq!(shop.fulfilled.load(Ordering::SeqCst), 1);
    assert_eq!(shop.failed.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_delivery_dropped_mid_hook_still_completes_the_fulfilment() {
    let fake = FakeStripe::start().await;
    let (id, shop, fulfiller) = paid_session(&fake).await;
    let (body, signature) = delivery("checkout.session.completed", &id);
    // The connection drops while the hook (20 ms) runs: the caller's future is cancelled.
    let cancelled = tokio::time::timeout(
        Duration::from_millis(5),
        fulfiller.webhook(&body, &signature),
    )
    .await;
    assert!(cancelled.is_err(), "cancelled mid-hook");
    // The hook ran to its end and the claim was completed, not left held for its lease.
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(shop.fulfilled.load(Ordering::SeqCst), 1);
    assert_eq!(
        fulfiller.webhook(&body, &signature).await.unwrap(),
        Handled::AlreadyFulfilled
    );
}

#[tokio::test]
async fn only_the_events_envelope_is_read_from_the_payload() {
    let fake = FakeStripe::start().await;
    let (id, shop, fulfiller) = paid_session(&fake).await;
    let now = unix_now();
    // A session object the models could not read does not stop the order: it is not read.
    let odd = serde_json::json!({
        "id": "evt_odd", "object": "event", "type": "checkout.session.completed",
        "created": 1, "livemode": false,
        "data": {"object": {"id": id.as_str(), "object": "checkout.session",
                            "amount_total": "a lot", "line_items": 7}},
    })
    .to_string();
    let signature = test_header(odd.as_bytes(), SECRET, now);
    assert_eq!(
        fulfiller.webhook(odd.as_bytes(), &signature).await.unwrap(),
        Handled::Fulfilled
    );
    // A signed body that is not an event is refused, without showing the payload.
    for (body, what) in [
        ("[1, 2]", "no event id"),
        ("not json, secret-ish", "not JSON"),
        (r#"{"id": "evt_1"}"#, "no event type"),
    ] {
        let signature = test_header(body.as_bytes(), SECRET, now);
        let err = fulfiller
            .webhook(body.as_bytes(), &signature)
            .await
            .unwrap_err();
        assert!(
            matches!(err, FulfilmentError::Malformed { what: w } if w == what),
            "{err:?}"
        );
        assert_eq!(err.http_status(), 400);
        assert!(!err.to_string().contains("secret-ish"), "{err}");
    }
    // An event about another object names no session.
    let other = r#"{"id": "evt_2", "type": "checkout.session.completed", "data": {"object": {"id": "in_1", "object": "invoice"}}}"#;
    let signature = test_header(other.as_bytes(), SECRET, now);
    let err = fulfiller
        .webhook(other.as_bytes(), &signature)
        .await
        .unwrap_err();
    assert!(matches!(err, FulfilmentError::NoSession { .. }), "{err:?}");
    assert_eq!(shop.fulfilled.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_connected_accounts_event_is_retrieved_as_that_account() {
    let fake = FakeStripe::start().await;
    let (id, shop, fulfiller) = paid_session(&fake).await;
    fake.clear_journal();
    let (body, signature) = signed(&serde_json::json!({
        "id": "evt_connect", "object": "event", "type": "checkout.session.completed",
        "account": "acct_1Connected", "created": 1, "livemode": false,
        "data": {"object": {"id": id.as_str(), "object": "checkout.session"}},
    }));
    assert_eq!(
        fulfiller.webhook(&body, &signature).await.unwrap(),
        Handled::Fulfilled
    );
    let retrieves: Vec<_> = fake
        .journal()
        .into_iter()
        .filter(|r| r.method == "GET" && r.path.ends_with(id.as_str()))
        .collect();
    assert_eq!(retrieves.len(), 1);
    let account = retrieves[0]
        .headers
        .iter()
        .find(|(name, _)| name == "stripe-account")
        .map(|(_, value)| value.as_str());
    assert_eq!(account, Some("acct_1Connected"));

    // The platform's own events (and the landing page) send no account.
    fake.clear_journal();
    let (body, signature) = delivery("checkout.session.completed", &id);
    assert_eq!(
        fulfiller.webhook(&body, &signature).await.unwrap(),
        Handled::AlreadyFulfilled
    );
    fulfiller.session(&id).await.unwrap();
    for request in fake.journal() {
        assert!(
            request
                .headers
                .iter()
                .all(|(name, _)| name != "stripe-account"),
            "{request:?}"
        );
    }
    assert_eq!(shop.fulfilled.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_session_stripe_does_not_know_is_answered_404_not_500() {
    let fake = FakeStripe::start().await;
    let shop = Arc::new(Shop::default());
    let fulfiller = fulfiller(&fake, &shop);
    let unknown = CheckoutSessionId::new("cs_test_not_this_accounts").unwrap();
    let (body, signature) = delivery("checkout.session.completed", &unknown);
    let err = fulfiller.webhook(&body, &signature).await.unwrap_err();
    assert!(
        matches!(&err, FulfilmentError::UnknownSession { session } if *session == unknown),
        "{err:?}"
    );
    assert_eq!(err.http_status(), 404);
    assert!(
        err.to_string().contains("cs_test_not_this_accounts"),
        "{err}"
    );
    // The landing page given an id that is not Stripe's is told the same.
    let err = fulfiller.session(&unknown).await.unwrap_err();
    assert!(
        matches!(err, FulfilmentError::UnknownSession { .. }),
        "{err:?}"
    );
    // Any other failure to retrieve stays a 500, which Stripe retries.
    let id = open_session(&fake).await;
    fake.fail_next(1, 500, Some(false));
    let err = fulfiller.session(&id).await.unwrap_err();
    assert!(matches!(err, FulfilmentError::Stripe(_)), "{err:?}");
    assert_eq!(err.http_status(), 500);
    assert_eq!(shop.fulfilled.load(Ordering::SeqCst), 0);
}
