//! The merchant server example's router, served on loopback against the emulator and driven
//! over HTTP: the guide's scenarios and what the browser is told when things go wrong.

#[path = "../../../examples/merchant_server/app.rs"]
mod app;
#[path = "../../../examples/merchant_server/demo.rs"]
mod demo;
#[path = "../../../examples/merchant_server/orders.rs"]
mod orders;

use std::collections::HashMap;
use std::sync::Arc;

use std::time::Duration;

use futures_util::future::join_all;
use serde_json::{Value, json};
use stripe_checkout_client::discounts::{
    INVALID_DISCOUNTS_MESSAGE, SESSION_CLOSED_MESSAGE, SESSION_NOT_FOUND_MESSAGE,
    UPDATE_FAILED_MESSAGE,
};
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt};

const SHOPPER: &str = "shopper-gold";
const WEBHOOK_SECRET: &str = "whsec_harness";

pub(crate) struct Harness {
    pub(crate) fake: Arc<FakeStripe>,
    base: String,
    http: reqwest::Client,
    config: app::Config,
    server: tokio::task::JoinHandle<()>,
}

/// The example's router on loopback, over the emulator.
impl Harness {
    pub(crate) async fn start() -> Self {
        Self::start_with(Some(WEBHOOK_SECRET)).await
    }

    /// The router with `webhook_secret` as its endpoint secret (none: no secret configured).
    pub(crate) async fn start_with(webhook_secret: Option<&str>) -> Self {
        let cart = [("price_jacket", 1), ("price_cap", 1)];
        Self::start_with_cart(webhook_secret, &cart).await
    }

    /// The router selling `cart` (of `price_jacket` at 80.00, `price_cap` at 40.00,
    /// `price_boots` at 96.00).
    pub(crate) async fn start_with_cart(
        webhook_secret: Option<&str>,
        cart: &[(&str, u64)],
    ) -> Self {
        let fake = FakeStripe::start().await;
        fake.add_price("price_jacket", 8_000, "usd")
            .add_price("price_cap", 4_000, "usd")
            .add_price("price_boots", 9_600, "usd");
        let config = app::Config {
            cart: cart.iter().map(|(p, q)| ((*p).to_owned(), *q)).collect(),
            return_url: "http://localhost:4242/?session_id={CHECKOUT_SESSION_ID}".into(),
            publishable_key: None,
            shopper: SHOPPER.into(),
            members: HashMap::from([(SHOPPER.to_owned(), "gold".to_owned())]),
            webhook_secret: webhook_secret.map(str::to_owned),
            demo_payments: true,
            store_path: fresh_store_path(),
        };
        Self::serve(Arc::new(fake), config).await
    }

    /// The router for `config` on a new loopback port, the emulator's webhooks sent to it.
    async fn serve(fake: Arc<FakeStripe>, config: app::Config) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        fake.send_webhooks_to(format!("{base}/webhook"), WEBHOOK_SECRET);
        // A restarted server opens the database its predecessor's connections may still
        // hold for a moment.
        let mut state = app::AppState::new(fake.client(), config.clone());
        for _ in 0..100 {
            if state.is_ok() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            state = app::AppState::new(fake.client(), config.clone());
        }
        let router = app::router(state.unwrap()).merge(demo::router(Arc::clone(&fake)));
        let server = tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        Harness {
            fake,
            base,
            http: reqwest::Client::new(),
            config,
            server,
        }
    }

    /// Stops the server, leaves it down for `downtime` (deliveries then fail and are
    /// retried), and starts it again on the same emulator and fulfilment database, as a
    /// process restart would.
    pub(crate) async fn restart(self, downtime: Duration) -> Self {
        self.server.abort();
        let _ = self.server.await;
        drop(self.http);
        tokio::time::sleep(downtime).await;
        Self::serve(self.fake, self.config).await
    }

    pub(crate) async fn post(&self, path: &str, body: impl Into<reqwest::Body>) -> (u16, Value) {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (
            status,
            serde_json::from_slice(&response.bytes().await.unwrap()).unwrap(),
        )
    }

    /// Delivers `event` to `/webhook` with `signature` as its `Stripe-Signature` header (none:
    /// no header); the answer's status.
    async fn post_webhook(&self, event: &str, signature: Option<&str>) -> u16 {
        let mut request = self
            .http
            .post(format!("{}/webhook", self.base))
            .body(event.to_owned());
        if let Some(signature) = signature {
            request = request.header("stripe-signature", signature);
        }
        request.send().await.unwrap().status().as_u16()
    }

    pub(crate) async fn create(&self) -> String {
        let (status, body) = self.post("/create-checkout-session", "").await;
        assert_eq!(status, 200);
        assert_eq!(body["type"], "object", "{body}");
        assert!(
            body["value"]["client_secret"]
                .as_str()
                .unwrap()
                .contains("_secret_")
        );
        body["value"]["id"].as_str().unwrap().to_owned()
    }

    pub(crate) async fn status(&self, id: &str) -> Value {
        let response = self
            .http
            .get(format!("{}/session-status", self.base))
            .query(&[("session_id", id)])
            .send()
            .await
            .unwrap();
        serde_json::from_slice(&response.bytes().await.unwrap()).unwrap()
    }

    pub(crate) fn posts_to_stripe(&self) -> usize {
        self.fake.journal().iter().filter(|r| r.is_post()).count()
    }
}

/// A `checkout.session.completed` event for `session_id`, paid, as a forger would write it.
fn forged_completed_event(session_id: &str) -> String {
    json!({
        "id": "evt_forged", "object": "event", "type": "checkout.session.completed",
        "created": 1, "livemode": false,
        "data": {"object": {"id": session_id, "object": "checkout.session", "payment_status": "paid"}},
    })
    .to_string()
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

pub(crate) fn ok() -> Value {
    json!({"type": "object", "value": {"succeeded": true}})
}

pub(crate) fn failure(message: &str) -> Value {
    json!({"type": "error", "message": message})
}

#[tokio::test]
async fn loyalty_apply_reapply_and_remove() {
    let h = Harness::start().await;
    let id = h.create().await;
    let status = h.status(&id).await;
    assert_eq!(status["value"]["total"], 12_000);
    assert_eq!(status["value"]["subtotal"], 12_000);

    let body = json!({"checkout_session_id": id}).to_string();
    assert_eq!(
        h.post("/apply-customer-discount", body.clone()).await,
        (200, ok())
    );
    let status = h.status(&id).await;
    assert_eq!(status["value"]["discount"], 1_800); // gold: 15%
    assert_eq!(status["value"]["total"], 10_200);
    assert_eq!(
        status["value"]["discount_names"],
        json!(["Loyalty discount"])
    );

    let posts = h.posts_to_stripe();
    assert_eq!(h.post("/apply-customer-discount", body).await, (200, ok()));
    assert_eq!(
        h.posts_to_stripe(),
        posts,
        "re-applying must not update the session"
    );

    let remove = json!({"checkout_session_id": id, "discounts": ""}).to_string();
    assert_eq!(h.post("/update-discounts", remove).await, (200, ok()));
    assert_eq!(h.status(&id).await["value"]["total"], 12_000);

    // The guide's cart rule: 10% of 120.00.
    let apply = json!({"checkout_session_id": id}).to_string();
    assert_eq!(h.post("/update-discounts", apply).await, (200, ok()));
    assert_eq!(h.status(&id).await["value"]["discount"], 1_200);
}

#[tokio::test]
async fn bad_requests_get_the_contract_and_reach_nothing() {
    let h = Harness::start().await;
    let id = h.create().await;
    h.fake.clear_journal();
    let cases = [
        json!({"checkout_session_id": "not-a-session"}).to_string(),
        json!({"discounts": ""}).to_string(),
        json!({"checkout_session_id": 42}).to_string(),
        "{not json".to_owned(),
        String::new(),
    ];
    for body in cases {
        assert_eq!(
            h.post("/update-discounts", body.clone()).await,
            (200, failure(INVALID_DISCOUNTS_MESSAGE)),
            "{body}"
        );
    }
    assert!(h.fake.journal().is_empty(), "nothing may reach Stripe");

    // Two discounts: the policy's default validation refuses after reading the session.
    let two = json!({"checkout_session_id": id, "discounts": [{"coupon": "A"}, {"coupon": "B"}]});
    assert_eq!(
        h.post("/update-discounts", two.to_string()).await,
        (200, failure(INVALID_DISCOUNTS_MESSAGE))
    );
    assert_eq!(h.posts_to_stripe(), 0);

    // A body over the limit is refused before it is parsed.
    let huge = json!({"checkout_session_id": id, "pad": "x".repeat(app::MAX_BODY_BYTES)});
    let (status, body) = h.post("/update-discounts", huge.to_string()).await;
    assert_eq!(status, 413);
    assert_eq!(body, failure(INVALID_DISCOUNTS_MESSAGE));

    let missing = h.status("cs_test_unknown").await;
    assert_eq!(missing, failure(app::SESSION_NOT_FOUND_MESSAGE));
}

#[tokio::test]
async fn a_failed_create_says_the_checkout_could_not_start() {
    let h = Harness::start().await;
    h.fake.fail_next(10, 500, None);
    let (status, body) = h.post("/create-checkout-session", "").await;
    assert_eq!((status, body), (200, failure(app::CREATE_FAILED_MESSAGE)));
}

#[tokio::test]
async fn closed_and_unknown_sessions_say_so_and_stripe_failures_get_the_generic_message() {
    let h = Harness::start().await;
    let id = h.create().await;
    h.fake.complete_session(&id).await.unwrap();
    let body = json!({"checkout_session_id": id}).to_string();
    // A retry cannot help, and the page says so: through the discount face and the family's.
    for path in ["/apply-customer-discount", "/add-gift-wrap"] {
        assert_eq!(
            h.post(path, body.clone()).await,
            (200, failure(SESSION_CLOSED_MESSAGE)),
            "{path}"
        );
    }
    let unknown = json!({"checkout_session_id": "cs_test_unknown"}).to_string();
    for path in ["/update-discounts", "/add-gift-wrap"] {
        assert_eq!(
            h.post(path, unknown.clone()).await,
            (200, failure(SESSION_NOT_FOUND_MESSAGE)),
            "{path}"
        );
    }

    let open = h.create().await;
    // Every attempt fails, retries included.
    h.fake.fail_next(10, 500, None);
    let body = json!({"checkout_session_id": open}).to_string();
    let (status, answer) = h.post("/update-discounts", body).await;
    assert_eq!((status, &answer), (200, &failure(UPDATE_FAILED_MESSAGE)));
    let text = answer.to_string();
    assert!(
        !text.contains("req_") && !text.contains("FakeStripe"),
        "{text}"
    );
}

#[tokio::test]
async fn serves_the_page() {
    let h = Harness::start().await;
    let page = h
        .http
        .get(&h.base)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("id=\"apply-loyalty\"") && page.contains("/app.js"));
    let js = h
        .http
        .get(format!("{}/app.js", h.base))
        .send()
        .await
        .unwrap();
    assert!(
        js.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    let config = h
        .http
        .get(format!("{}/config", h.base))
        .send()
        .await
        .unwrap();
    let config: Value = serde_json::from_slice(&config.bytes().await.unwrap()).unwrap();
    assert_eq!(
        config,
        json!({"type": "object", "value": {
            "publishable_key": null,
            "demo_payments": true,
            "api_version": "2025-03-31.basil; checkout_server_update_beta=v1;",
        }})
    );
}

#[tokio::test]
async fn paying_delivers_a_verified_webhook_that_fulfils_the_order() {
    let h = Harness::start().await;
    let id = h.create().await;
    assert_eq!(h.status(&id).await["value"]["fulfilled"], false);

    let (status, body) = h
        .post("/demo/pay", json!({"checkout_session_id": id}).to_string())
        .await;
    assert_eq!(
        (status, &body["value"]["status"]),
        (200, &json!("complete"))
    );
    let deliveries = h.fake.webhook_deliveries();
    assert_eq!(deliveries.len(), 1);
    assert_eq!(deliveries[0].status, Some(200));
    assert_eq!(deliveries[0].event_type, "checkout.session.completed");
    assert_eq!(deliveries[0].session_id, id);
    let status = h.status(&id).await;
    assert_eq!(
        (
            &status["value"]["fulfilled"],
            &status["value"]["fulfilments"],
            &status["value"]["payment_status"]
        ),
        (&json!(true), &json!(1), &json!("paid")),
        "{status}"
    );

    // Unsigned, wrongly signed and stale events are refused and fulfil nothing.
    let other = h.create().await;
    let event = forged_completed_event(&other);
    let now = unix_now();
    let headers = [
        None,
        Some(stripe_checkout_client::webhook::test_header(
            event.as_bytes(),
            "whsec_wrong",
            now,
        )),
        Some(stripe_checkout_client::webhook::test_header(
            event.as_bytes(),
            WEBHOOK_SECRET,
            now - 3_600,
        )),
        Some("t=1,v1=nothex".to_owned()),
    ];
    for header in headers {
        assert_eq!(
            h.post_webhook(&event, header.as_deref()).await,
            400,
            "{header:?}"
        );
    }
    assert_eq!(h.status(&other).await["value"]["fulfilled"], false);

    // Correctly signed, it is acknowledged, but its payload is not trusted: Stripe says the
    // session is open, so nothing is fulfilled until it is paid.
    let good = stripe_checkout_client::webhook::test_header(event.as_bytes(), WEBHOOK_SECRET, now);
    assert_eq!(h.post_webhook(&event, Some(&good)).await, 200);
    assert_eq!(h.status(&other).await["value"]["fulfilments"], 0);
    h.fake.complete_session(&other).await.unwrap();
    assert_eq!(h.post_webhook(&event, Some(&good)).await, 200);
    assert_eq!(h.status(&other).await["value"]["fulfilments"], 1);
}

#[tokio::test]
async fn an_endive_notification_is_fulfilled_from_the_session_it_names() {
    let h = Harness::start().await;
    let id = h.create().await;
    let notification = |session: &str| {
        json!({
            "id": "evt_test_notified", "object": "v2.core.event",
            "type": "v1.checkout.session.completed", "created": "2026-10-29T12:00:00.000Z",
            "livemode": false,
            "related_object": {"id": session, "type": "checkout.session",
                               "url": format!("/v1/checkout/sessions/{session}")},
        })
        .to_string()
    };
    let signed = |event: &str| {
        stripe_checkout_client::webhook::test_header(event.as_bytes(), WEBHOOK_SECRET, unix_now())
    };
    // The session it names is read from Stripe: still open, so nothing is fulfilled.
    let early = notification(&id);
    assert_eq!(h.post_webhook(&early, Some(&signed(&early))).await, 200);
    assert_eq!(h.status(&id).await["value"]["fulfilled"], false);

    // Paid, with the snapshot event lost on the way: the notification fulfils the order.
    h.fake
        .send_webhooks_to("http://127.0.0.1:9/unreachable", WEBHOOK_SECRET);
    h.fake.complete_session(&id).await.unwrap();
    assert_eq!(h.fake.webhook_deliveries()[0].status, None);
    assert_eq!(h.post_webhook(&early, Some(&signed(&early))).await, 200);
    let status = h.status(&id).await;
    assert_eq!(status["value"]["fulfilments"], 1, "{status}");
    // Delivered again, it finds the order fulfilled.
    assert_eq!(h.post_webhook(&early, Some(&signed(&early))).await, 200);
    assert_eq!(h.status(&id).await["value"]["fulfilments"], 1);

    // A session Stripe cannot find for this key fails the delivery (so Stripe tries again
    // while a key of the wrong mode or account is put right), as a 404, not an outage's 500.
    let missing = notification("cs_test_missing");
    assert_eq!(h.post_webhook(&missing, Some(&signed(&missing))).await, 404);
}

#[tokio::test]
async fn without_a_webhook_secret_every_event_is_refused() {
    // An unset secret must not become the empty key, which anyone can sign with.
    let h = Harness::start_with(None).await;
    let id = h.create().await;
    let event = forged_completed_event(&id);
    let now = unix_now();
    let signed_with_nothing =
        stripe_checkout_client::webhook::test_header(event.as_bytes(), "", now);
    assert_eq!(
        h.post_webhook(&event, Some(&signed_with_nothing)).await,
        400
    );
    assert_eq!(h.status(&id).await["value"]["fulfilled"], false);
}

#[tokio::test]
async fn sessions_are_created_for_server_driven_discounts() {
    let h = Harness::start().await;
    h.create().await;
    let create = h
        .fake
        .journal()
        .into_iter()
        .find(|r| r.is_post() && r.path == "/v1/checkout/sessions")
        .unwrap();
    let params: stripe_checkout_client::checkout::CreateSession = create
        .checked_params
        .clone()
        .map(serde_json::from_value)
        .unwrap()
        .unwrap();
    assert_eq!(
        params.ui_mode,
        Some(stripe_checkout_client::checkout::UiMode::Custom)
    );
    assert_eq!(
        params.permissions.and_then(|p| p.update_discounts),
        Some(stripe_checkout_client::checkout::PermissionOwner::ServerOnly)
    );
    assert_eq!(params.line_items.len(), 2);
}

#[tokio::test]
async fn a_malformed_status_query_gets_the_contract() {
    let h = Harness::start().await;
    let response = h
        .http
        .get(format!(
            "{}/session-status?session_id=a&session_id=b",
            h.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let body: Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    assert_eq!(body, failure(app::SESSION_NOT_FOUND_MESSAGE));
}

/// The code box: `/apply-code` applies the better of the typed code and the shopper's
/// loyalty discount, and refuses a code Stripe would refuse with its reason, sending nothing.
#[tokio::test]
async fn the_code_box_applies_the_better_offer_and_explains_refusals() {
    use stripe_checkout_client::promotion_codes::CreatePromotionCode;

    let h = Harness::start().await;
    h.fake
        .add_coupon(
            "QUARTER",
            serde_json::json!({"percent_off": 25.0, "name": "Quarter off"}),
        )
        .add_coupon(
            "TENPCT",
            serde_json::json!({"percent_off": 10.0, "name": "Ten percent"}),
        );
    let codes = h.fake.client();
    let codes = codes.promotion_codes();
    codes
        .create(&CreatePromotionCode::new("QUARTER").code("SUMMER25"))
        .await
        .unwrap();
    codes
        .create(&CreatePromotionCode::new("TENPCT").code("SMALL"))
        .await
        .unwrap();
    codes
        .create(
            &CreatePromotionCode::new("QUARTER")
                .code("OLD")
                .expires_at(h.fake.now() - 1),
        )
        .await
        .unwrap();
    let id = h.create().await;
    let code = |c: &str| json!({"checkout_session_id": id, "discounts": [{"code": c}]}).to_string();

    let before = h.posts_to_stripe();
    let (status, body) = h.post("/apply-code", code("old")).await;
    assert_eq!(
        (status, &body["message"]),
        (200, &json!("This code has expired."))
    );
    assert_eq!(
        h.posts_to_stripe(),
        before,
        "nothing sent for a refused code"
    );

    // 25% of 120.00 beats the gold tier's 15%.
    let (_, body) = h.post("/apply-code", code("summer25")).await;
    assert_eq!(body["type"], "object", "{body}");
    let status = h.status(&id).await;
    assert_eq!(status["value"]["total"], 9_000);
    assert_eq!(status["value"]["discount_names"], json!(["Quarter off"]));

    // 10% loses to the gold tier's 15%.
    h.post("/apply-code", code("SMALL")).await;
    let status = h.status(&id).await;
    assert_eq!(status["value"]["total"], 10_200);
    assert_eq!(
        status["value"]["discount_names"],
        json!(["Loyalty discount"])
    );
}

/// A fulfilment database file of this test's own, removed when the process ends... or left
/// in the temporary directory, named by process and count so no two tests share one.
pub(crate) fn fresh_store_path() -> std::path::PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    std::env::temp_dir().join(format!(
        "merchant-server-test-{}-{n}.redb",
        std::process::id()
    ))
}

#[tokio::test]
async fn the_landing_page_fulfils_first_and_a_restart_fulfils_nothing_again() {
    let h = Harness::start().await;
    let id = h.create().await;
    // The webhook is lost on the way: the shopper's return fulfils the order.
    h.fake
        .send_webhooks_to("http://127.0.0.1:9/unreachable", WEBHOOK_SECRET);
    h.fake.complete_session(&id).await.unwrap();
    let status = h.status(&id).await;
    assert_eq!(
        (
            &status["value"]["fulfilled"],
            &status["value"]["fulfilments"]
        ),
        (&json!(true), &json!(1)),
        "{status}"
    );
    // After a restart the database remembers: the delivered event and the page fulfil nothing.
    let h = h.restart(Duration::ZERO).await;
    let event = forged_completed_event(&id);
    let signature =
        stripe_checkout_client::webhook::test_header(event.as_bytes(), WEBHOOK_SECRET, unix_now());
    assert_eq!(h.post_webhook(&event, Some(&signature)).await, 200);
    assert_eq!(h.post_webhook(&event, Some(&signature)).await, 200);
    assert_eq!(h.status(&id).await["value"]["fulfilments"], 1);
}

/// The shop under chaotic delivery, restarted mid-run: 24 sessions paid by card, delayed then
/// succeeded, delayed then failed, or expired; every event failed first, delivered three
/// times and out of order; the shopper's page asking throughout. Every paid session reports
/// exactly one fulfilment, every other none.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_shop_fulfils_each_paid_session_once_through_chaos_and_a_restart() {
    use stripe_checkout_client::testing::{Payment, WebhookFaults};
    let mut h = Harness::start().await;
    h.fake.set_webhook_faults(
        WebhookFaults::none()
            .duplicate(2)
            .out_of_order()
            .fail_first(1),
    );
    let mut sessions = Vec::new();
    for i in 0..24 {
        sessions.push((h.create().await, i % 4));
    }
    for (round, chunk) in sessions.chunks(12).enumerate() {
        if round == 1 {
            // Mid-run, with deliveries due: the server goes away and comes back on another
            // port with the same database.
            h = h.restart(Duration::from_millis(400)).await;
        }
        join_all(chunk.iter().map(|(id, outcome)| {
            let h = &h;
            async move {
                match outcome {
                    0 => {
                        h.fake.complete_session(id).await.unwrap();
                    }
                    1 | 2 => {
                        h.fake
                            .complete_session_with(id, Payment::Delayed)
                            .await
                            .unwrap();
                        h.status(id).await;
                        h.fake
                            .settle_async_payment(id, *outcome == 1)
                            .await
                            .unwrap();
                    }
                    _ => {
                        h.fake
                            .client()
                            .checkout_sessions()
                            .expire(&id.parse().unwrap())
                            .await
                            .unwrap();
                    }
                }
                h.status(id).await;
            }
        }))
        .await;
    }
    assert!(h.fake.settle_webhooks(Duration::from_secs(30)).await);
    for (id, outcome) in &sessions {
        let status = h.status(id).await;
        let expected = if *outcome < 2 { 1 } else { 0 };
        assert_eq!(
            status["value"]["fulfilments"], expected,
            "{id} (outcome {outcome}): {status}"
        );
    }
    assert!(
        h.fake
            .webhook_deliveries()
            .iter()
            .any(|d| d.status.is_none() && !d.faulted),
        "some delivery met the restart"
    );
}

#[tokio::test]
async fn a_claim_left_by_a_process_that_died_is_released_when_the_store_reopens() {
    use stripe_checkout_client::fulfilment::{Claim, FulfilmentStore};
    let path = fresh_store_path();
    let lease = Duration::from_secs(300);
    {
        let store = orders::RedbStore::open(&path).unwrap();
        // One hook died mid-run (its claim held for the whole lease), another finished.
        assert!(matches!(
            store.claim("cs_test_died", lease).await.unwrap(),
            Claim::Acquired(_)
        ));
        let Claim::Acquired(token) = store.claim("cs_test_done", lease).await.unwrap() else {
            panic!("a fresh key is free");
        };
        store.complete("cs_test_done", &token).await.unwrap();
        assert!(matches!(
            store.claim("cs_test_died", lease).await.unwrap(),
            Claim::Held
        ));
    }
    // The file is opened by one process at a time, so what it holds now is the dead one's.
    let store = orders::RedbStore::open(&path).unwrap();
    assert!(matches!(
        store.claim("cs_test_died", lease).await.unwrap(),
        Claim::Acquired(_)
    ));
    assert!(matches!(
        store.claim("cs_test_done", lease).await.unwrap(),
        Claim::Done
    ));
    drop(store);
    let _ = std::fs::remove_file(&path);
}
