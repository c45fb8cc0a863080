//! Events and webhook delivery, driven as any SDK would drive the emulator (raw HTTP and the
//! `/_fake/` controls) against a webhook endpoint of the test's own: every payment outcome
//! recorded and served at `/v1/events`, refused deliveries retried, and the faults on demand.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use stripe_checkout_emulator::{FakeStripe, TEST_SECRET_KEY};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const SECRET: &str = "whsec_events_test";

/// A webhook endpoint that answers each delivery with the next scripted status (200 once the
/// script is used up) and keeps what it received.
#[derive(Clone, Default)]
struct Endpoint {
    script: Arc<Mutex<Vec<u16>>>,
    received: Arc<Mutex<Vec<(String, Value)>>>,
    /// A session whose events are answered only after 400 ms.
    slow: Arc<Mutex<Option<String>>>,
}

impl Endpoint {
    async fn start(script: &[u16]) -> (Self, String) {
        let endpoint = Endpoint {
            script: Arc::new(Mutex::new(script.iter().rev().copied().collect())),
            received: Arc::default(),
            slow: Arc::default(),
        };
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/webhook", listener.local_addr().unwrap());
        let serving = endpoint.clone();
        tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                let endpoint = serving.clone();
                tokio::spawn(async move {
                    let mut buf = Vec::new();
                    let mut chunk = [0u8; 4096];
                    let (head, length) = loop {
                        let n = stream.read(&mut chunk).await.unwrap_or(0);
                        if n == 0 {
                            return;
                        }
                        buf.extend_from_slice(&chunk[..n]);
                        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                            let head = String::from_utf8_lossy(&buf[..i]).to_ascii_lowercase();
                            let length: usize = head
                                .lines()
                                .find_map(|l| l.strip_prefix("content-length:"))
                                .and_then(|v| v.trim().parse().ok())
                                .unwrap_or(0);
                            break (i + 4, length);
                        }
                    };
                    while buf.len() < head + length {
                        let n = stream.read(&mut chunk).await.unwrap_or(0);
                        if n == 0 {
                            return;
                        }
                        buf.extend_from_slice(&chunk[..n]);
                    }
                    let text = String::from_utf8_lossy(&buf[..head]).to_string();
                    let signature = text
                        .lines()
                        .find_map(|l| l.strip_prefix("stripe-signature: "))
                        .unwrap_or_default()
                        .to_owned();
                    let body: Value = serde_json::from_slice(&buf[head..head + length]).unwrap();
                    let slow = endpoint.slow.lock().unwrap().clone();
                    if slow.is_some_and(|s| body["data"]["object"]["id"] == s.as_str()) {
                        tokio::time::sleep(Duration::from_millis(400)).await;
                    }
                    endpoint.received.lock().unwrap().push((signature, body));
                    let status = endpoint.script.lock().unwrap().pop().unwrap_or(200);
                    let reply = format!(
                        "HTTP/1.1 {status} X\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                    );
                    let _ = stream.write_all(reply.as_bytes()).await;
                });
            }
        });
        (endpoint, url)
    }

    /// The types received, in arrival order.
    fn types(&self) -> Vec<String> {
        let received = self.received.lock().unwrap();
        received
            .iter()
            .map(|(_, e)| e["type"].as_str().unwrap().to_owned())
            .collect()
    }
}

async fn call(
    fake: &FakeStripe,
    method: &str,
    path: &str,
    body: Value,
    version: &str,
) -> (u16, Value) {
    let client = reqwest::Client::new();
    let url = format!("{}{path}", fake.uri());
    let request = match method {
        "GET" => client.get(url),
        _ if body.is_null() => client.post(url),
        _ => client.post(url).body(body.to_string()),
    };
    let response = request
        .bearer_auth(TEST_SECRET_KEY)
        .header("stripe-version", version)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

async fn control(fake: &FakeStripe, path: &str, body: Value) -> (u16, Value) {
    call(
        fake,
        "POST",
        &format!("/_fake/{path}"),
        body,
        support::ENDIVE,
    )
    .await
}

async fn get(fake: &FakeStripe, path: &str) -> (u16, Value) {
    call(fake, "GET", path, Value::Null, support::ENDIVE).await
}

/// A payment session for one of `price`, open.
async fn open_session(fake: &FakeStripe, price: &str) -> Value {
    support::post(
        fake,
        support::ENDIVE,
        "/v1/checkout/sessions",
        &[
            ("mode", "payment"),
            ("line_items[0][price]", price),
            ("line_items[0][quantity]", "1"),
            ("success_url", "https://example.com/done"),
        ],
    )
    .await
    .ok()
}

/// The id of a session opened for `price`.
async fn open_session_id(fake: &FakeStripe, price: &str) -> String {
    open_session(fake, price).await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The emulator with its controls on, a session open, and webhooks sent to a scripted
/// endpoint.
async fn setup(script: &[u16]) -> (FakeStripe, Endpoint, String) {
    let fake = support::fake().await;
    fake.enable_controls();
    let (endpoint, url) = Endpoint::start(script).await;
    let (status, _) = control(
        &fake,
        "webhooks/endpoint",
        json!({"url": url, "secret": SECRET}),
    )
    .await;
    assert_eq!(status, 200);
    let id = open_session_id(&fake, "price_jacket").await;
    (fake, endpoint, id)
}

/// Each delivery attempt so far: its number, the endpoint's status (none when faulted or
/// unanswered) and whether a fault failed it.
fn attempts(fake: &FakeStripe) -> Vec<(u32, Option<u16>, bool)> {
    fake.webhook_deliveries()
        .iter()
        .map(|d| (d.attempt, d.status, d.faulted))
        .collect()
}

/// Whether `header` signs `payload` under the secret, as Stripe's libraries check it.
fn signed(header: &str, payload: &Value) -> bool {
    let (t, v1) = header.split_once(",v1=").unwrap();
    let t = t.strip_prefix("t=").unwrap();
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, SECRET.as_bytes());
    let expected: Vec<u8> = (0..v1.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&v1[i..i + 2], 16).unwrap())
        .collect();
    // The payload as sent: serde_json keeps the emulator's key order (preserve_order).
    let signed_payload = format!("{t}.{}", serde_json::to_string(payload).unwrap());
    ring::hmac::verify(&key, signed_payload.as_bytes(), &expected).is_ok()
}

#[tokio::test]
async fn a_delayed_payment_completes_unpaid_then_settles_with_its_events() {
    let (fake, endpoint, id) = setup(&[]).await;
    let (status, completed) = control(
        &fake,
        &format!("sessions/{id}/complete"),
        json!({"payment": "delayed"}),
    )
    .await;
    assert_eq!(status, 200, "{completed}");
    assert_eq!(
        (
            completed["status"].as_str(),
            completed["payment_status"].as_str()
        ),
        (Some("complete"), Some("unpaid"))
    );
    let (_, list) = get(&fake, "/v1/events?type=checkout.session.completed").await;
    assert_eq!(list["data"].as_array().unwrap().len(), 1, "{list}");
    assert_eq!(
        list["data"][0]["data"]["object"]["payment_status"],
        "unpaid"
    );

    let (status, settled) = control(
        &fake,
        &format!("sessions/{id}/async_payment"),
        json!({"succeeded": true}),
    )
    .await;
    assert_eq!(
        (status, settled["payment_status"].as_str()),
        (200, Some("paid")),
        "{settled}"
    );
    // A payment is settled once.
    let (status, again) = control(
        &fake,
        &format!("sessions/{id}/async_payment"),
        json!({"succeeded": true}),
    )
    .await;
    assert_eq!(status, 400, "{again}");

    let (_, all) = get(&fake, "/v1/events").await;
    let types: Vec<&str> = all["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "checkout.session.async_payment_succeeded",
            "checkout.session.completed"
        ]
    );
    let newest = &all["data"][0];
    assert_eq!(newest["data"]["object"]["id"], id.as_str());
    assert_eq!(newest["pending_webhooks"], 0, "delivered");
    let (status, one) = get(
        &fake,
        &format!("/v1/events/{}", newest["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!((status, &one["id"]), (200, &newest["id"]));

    assert!(fake.settle_webhooks(Duration::from_secs(5)).await);
    assert_eq!(
        endpoint.types(),
        [
            "checkout.session.completed",
            "checkout.session.async_payment_succeeded"
        ]
    );
    for (signature, event) in endpoint.received.lock().unwrap().iter() {
        assert!(signed(signature, event), "{signature}");
    }
}

#[tokio::test]
async fn a_failed_delayed_payment_stays_unpaid_and_only_delayed_payments_settle() {
    let (fake, endpoint, id) = setup(&[]).await;
    control(
        &fake,
        &format!("sessions/{id}/complete"),
        json!({"payment": "delayed"}),
    )
    .await;
    let (status, missing) =
        control(&fake, &format!("sessions/{id}/async_payment"), json!({})).await;
    assert_eq!(status, 400, "{missing}");
    let (status, failed) = control(
        &fake,
        &format!("sessions/{id}/async_payment"),
        json!({"succeeded": false}),
    )
    .await;
    assert_eq!(
        (status, failed["payment_status"].as_str()),
        (200, Some("unpaid")),
        "{failed}"
    );
    assert!(fake.settle_webhooks(Duration::from_secs(5)).await);
    assert_eq!(
        endpoint.types(),
        [
            "checkout.session.completed",
            "checkout.session.async_payment_failed"
        ]
    );

    // A card payment has nothing to settle; an unknown session is a 404; a bad payment is refused.
    let (fake, _, card) = setup(&[]).await;
    let (status, paid) = control(&fake, &format!("sessions/{card}/complete"), json!({})).await;
    assert_eq!(
        (status, paid["payment_status"].as_str()),
        (200, Some("paid"))
    );
    let (status, _) = control(
        &fake,
        &format!("sessions/{card}/async_payment"),
        json!({"succeeded": true}),
    )
    .await;
    assert_eq!(status, 400);
    let (status, _) = control(
        &fake,
        "sessions/cs_test_nope/async_payment",
        json!({"succeeded": true}),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = control(
        &fake,
        &format!("sessions/{card}/complete"),
        json!({"payment": "cheque"}),
    )
    .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn expiring_through_the_api_or_by_lapsing_sends_the_expired_event() {
    let (fake, endpoint, id) = setup(&[]).await;
    let (status, _) = call(
        &fake,
        "POST",
        &format!("/v1/checkout/sessions/{id}/expire"),
        Value::Null,
        support::ENDIVE,
    )
    .await;
    assert_eq!(status, 200);
    let lapsing = open_session(&fake, "price_cap").await;
    let (status, _) = control(&fake, "clock", json!({"advance": 25 * 3600})).await;
    assert_eq!(status, 200);
    assert!(fake.settle_webhooks(Duration::from_secs(5)).await);
    assert_eq!(
        endpoint.types(),
        ["checkout.session.expired", "checkout.session.expired"]
    );
    let (_, expired) = get(&fake, "/v1/events?type=checkout.session.expired").await;
    let sessions: Vec<&str> = expired["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["data"]["object"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(sessions, [lapsing["id"].as_str().unwrap(), id.as_str()]);
}

#[tokio::test]
async fn a_refused_delivery_is_retried_with_backoff_until_answered_2xx() {
    let (fake, endpoint, id) = setup(&[500, 503]).await;
    control(&fake, &format!("sessions/{id}/complete"), json!({})).await;
    assert!(fake.settle_webhooks(Duration::from_secs(5)).await);
    assert_eq!(
        attempts(&fake),
        [
            (1, Some(500), false),
            (2, Some(503), false),
            (3, Some(200), false)
        ]
    );
    assert_eq!(endpoint.types().len(), 3);
    let (_, webhooks) = get(&fake, "/_fake/webhooks").await;
    assert_eq!(
        (
            webhooks["data"].as_array().unwrap().len(),
            &webhooks["idle"]
        ),
        (3, &json!(true))
    );
    // The event says when it was delivered: none pending now; before the 2xx it was pending.
    let (_, undelivered) = get(&fake, "/v1/events?delivery_success=false").await;
    assert!(
        undelivered["data"].as_array().unwrap().is_empty(),
        "{undelivered}"
    );
}

#[tokio::test]
async fn faults_duplicate_fail_first_and_reorder_the_next_deliveries() {
    let (fake, endpoint, id) = setup(&[]).await;
    let (status, set) = control(
        &fake,
        "webhooks/faults",
        json!({"duplicate": 2, "fail_first": 1}),
    )
    .await;
    assert_eq!(status, 200, "{set}");
    control(&fake, &format!("sessions/{id}/complete"), json!({})).await;
    assert!(fake.settle_webhooks(Duration::from_secs(5)).await);
    let deliveries = fake.webhook_deliveries();
    let shape = attempts(&fake);
    assert_eq!(
        shape,
        [
            (1, None, true),
            (2, Some(200), false),
            (2, Some(200), false),
            (2, Some(200), false)
        ]
    );
    assert!(
        deliveries
            .iter()
            .all(|d| d.event_id == deliveries[0].event_id)
    );
    assert_eq!(
        endpoint.types().len(),
        3,
        "the faulted attempt never reached it"
    );

    let (fake, endpoint, id) = setup(&[]).await;
    control(&fake, "webhooks/faults", json!({"out_of_order": true})).await;
    control(
        &fake,
        &format!("sessions/{id}/complete"),
        json!({"payment": "delayed"}),
    )
    .await;
    control(
        &fake,
        &format!("sessions/{id}/async_payment"),
        json!({"succeeded": true}),
    )
    .await;
    assert!(fake.settle_webhooks(Duration::from_secs(5)).await);
    assert_eq!(
        endpoint.types(),
        [
            "checkout.session.async_payment_succeeded",
            "checkout.session.completed"
        ]
    );
    let (status, refused) = control(&fake, "webhooks/faults", json!({"duplicates": 1})).await;
    assert_eq!(status, 400, "{refused}");
}

#[tokio::test]
async fn events_are_served_in_the_request_version_and_bad_params_refused() {
    let (fake, _, id) = setup(&[]).await;
    control(&fake, &format!("sessions/{id}/complete"), json!({})).await;
    let (_, list) = get(&fake, "/v1/events").await;
    let event_id = list["data"][0]["id"].as_str().unwrap().to_owned();
    for (version, expected) in [
        (support::ENDIVE, "2026-10-28.endive"),
        ("2025-03-31.basil", "2025-03-31.basil"),
    ] {
        let (status, event) = call(
            &fake,
            "GET",
            &format!("/v1/events/{event_id}"),
            Value::Null,
            version,
        )
        .await;
        assert_eq!(
            (status, event["api_version"].as_str()),
            (200, Some(expected)),
            "{event}"
        );
    }
    let (status, missing) = get(&fake, "/v1/events/evt_test_nope").await;
    assert_eq!(
        (status, missing["error"]["code"].as_str()),
        (404, Some("resource_missing"))
    );
    let (status, both) = get(&fake, "/v1/events?type=a&types[]=b").await;
    assert_eq!(
        (status, both["error"]["param"].as_str()),
        (400, Some("types")),
        "{both}"
    );
    let (status, unknown) = get(&fake, "/v1/events?colour=red").await;
    assert_eq!(status, 400, "{unknown}");
    let (_, wildcard) = get(&fake, "/v1/events?type=checkout.session.*").await;
    assert_eq!(wildcard["data"].as_array().unwrap().len(), 1);
    let (_, none) = get(&fake, "/v1/events?types[]=customer.created").await;
    assert!(none["data"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn a_cursor_pages_whatever_the_filters_and_set_time_expires_at_once() {
    let (fake, _, first) = setup(&[]).await;
    control(&fake, &format!("sessions/{first}/complete"), json!({})).await;
    let second = open_session(&fake, "price_cap").await;
    // Lapsing through the Rust clock sends the expired event at once, no request needed.
    fake.advance_time(Duration::from_secs(25 * 3600));
    assert!(fake.settle_webhooks(Duration::from_secs(5)).await);
    let (_, all) = get(&fake, "/v1/events").await;
    let ids: Vec<&str> = all["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "{all}");
    assert_eq!(all["data"][0]["data"]["object"]["id"], second["id"]);
    // The newest event as a cursor for a filter it does not match.
    let (status, older) = get(
        &fake,
        &format!(
            "/v1/events?type=checkout.session.completed&starting_after={}",
            ids[0]
        ),
    )
    .await;
    assert_eq!(status, 200, "{older}");
    let older: Vec<&str> = older["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(older, [ids[1]]);
    let (_, newer) = get(
        &fake,
        &format!("/v1/events?limit=1&ending_before={}", ids[1]),
    )
    .await;
    assert_eq!(
        (newer["data"][0]["id"].as_str(), &newer["has_more"]),
        (Some(ids[0]), &json!(false))
    );
    let (status, missing) = get(&fake, "/v1/events?starting_after=evt_test_nope").await;
    assert_eq!(
        (status, missing["error"]["param"].as_str()),
        (400, Some("starting_after"))
    );
    // Failing every attempt an event gets is refused.
    let (status, refused) = control(&fake, "webhooks/faults", json!({"fail_first": 10})).await;
    assert_eq!(status, 400, "{refused}");
}

#[tokio::test]
async fn the_rust_api_sets_the_same_faults_and_lists_every_event() {
    use stripe_checkout_emulator::WebhookFaults;
    let (fake, endpoint, id) = setup(&[]).await;
    fake.set_webhook_faults(WebhookFaults::none().fail_first(2).duplicate(1));
    control(&fake, &format!("sessions/{id}/complete"), json!({})).await;
    assert!(fake.settle_webhooks(Duration::from_secs(5)).await);
    let shape = attempts(&fake);
    assert_eq!(
        shape,
        [
            (1, None, true),
            (2, None, true),
            (3, Some(200), false),
            (3, Some(200), false)
        ]
    );
    assert_eq!(endpoint.types().len(), 2);
    // Every event, oldest first, in the shape `GET /v1/events/{id}` answers, delivered.
    let events = fake.events();
    let kinds: Vec<(&str, &Value)> = events
        .iter()
        .map(|e| (e["type"].as_str().unwrap(), &e["pending_webhooks"]))
        .collect();
    assert_eq!(kinds, [("checkout.session.completed", &json!(0))]);
    assert_eq!(events[0]["data"]["object"]["id"], id.as_str());
}

#[tokio::test]
async fn a_completion_returns_once_its_first_delivery_is_recorded_and_pending_until_2xx() {
    let (fake, _endpoint, id) = setup(&[500]).await;
    control(&fake, &format!("sessions/{id}/complete"), json!({})).await;
    // No waiting: the first attempt (refused) is already on record, and the event is owed.
    let deliveries = fake.webhook_deliveries();
    assert_eq!(deliveries.len(), 1, "{deliveries:?}");
    assert_eq!(
        (deliveries[0].attempt, deliveries[0].status),
        (1, Some(500))
    );
    let event_id = deliveries[0].event_id.clone();
    let (_, event) = get(&fake, &format!("/v1/events/{event_id}")).await;
    assert_eq!(event["pending_webhooks"], 1, "{event}");
    assert!(fake.settle_webhooks(Duration::from_secs(5)).await);
    let (_, event) = get(&fake, &format!("/v1/events/{event_id}")).await;
    assert_eq!(event["pending_webhooks"], 0, "{event}");
}

#[tokio::test]
async fn a_delivery_is_attempted_ten_times_then_given_up() {
    // About nine seconds: Stripe's backoff, compressed.
    let (fake, endpoint, id) = setup(&[500; 12]).await;
    control(&fake, &format!("sessions/{id}/complete"), json!({})).await;
    assert!(fake.settle_webhooks(Duration::from_secs(20)).await);
    let attempts: Vec<u32> = fake
        .webhook_deliveries()
        .iter()
        .map(|d| d.attempt)
        .collect();
    assert_eq!(attempts, (1..=10).collect::<Vec<_>>());
    assert_eq!(endpoint.types().len(), 10);
    let (_, undelivered) = get(&fake, "/v1/events?delivery_success=false").await;
    assert_eq!(undelivered["data"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn the_session_named_completes_a_free_one_needs_no_payment_and_events_are_capped() {
    use stripe_checkout_emulator::Limits;
    let (fake, _endpoint, first) = setup(&[]).await;
    fake.set_limits(Limits::default().events(2));
    let second = open_session_id(&fake, "price_cap").await;
    let free = support::post(
        &fake,
        support::ENDIVE,
        "/v1/checkout/sessions",
        &[
            ("mode", "payment"),
            ("line_items[0][price]", "price_jacket"),
            ("line_items[0][quantity]", "1"),
            ("discounts[0][coupon]", "BIG"),
            ("success_url", "https://example.com/done"),
        ],
    )
    .await
    .ok()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // The second of the open sessions, not the first.
    let (status, done) = control(&fake, &format!("sessions/{second}/complete"), json!({})).await;
    assert_eq!((status, &done["id"]), (200, &json!(second)));
    assert_eq!(fake.session(&first).unwrap()["status"], "open");
    assert_eq!(done["payment_status"], "paid");
    // A session the discount brings to 0 completes with nothing to pay, even by bank debit.
    let (_, free_done) = control(
        &fake,
        &format!("sessions/{free}/complete"),
        json!({"payment": "delayed"}),
    )
    .await;
    assert_eq!(free_done["amount_total"], 0, "{free_done}");
    assert_eq!(free_done["payment_status"], "no_payment_required");
    // Three events, two kept: the oldest goes.
    control(&fake, &format!("sessions/{first}/complete"), json!({})).await;
    let kept: Vec<Value> = fake
        .events()
        .iter()
        .map(|e| e["data"]["object"]["id"].clone())
        .collect();
    assert_eq!(kept, [json!(free), json!(first)]);
}

#[tokio::test]
async fn a_page_says_whether_more_events_follow() {
    let (fake, _endpoint, first) = setup(&[]).await;
    let second = open_session_id(&fake, "price_cap").await;
    for id in [&first, &second] {
        control(&fake, &format!("sessions/{id}/complete"), json!({})).await;
    }
    let (_, one) = get(&fake, "/v1/events?limit=1").await;
    assert_eq!(
        (one["data"].as_array().unwrap().len(), &one["has_more"]),
        (1, &json!(true))
    );
    let (_, both) = get(&fake, "/v1/events?limit=2").await;
    assert_eq!(
        (both["data"].as_array().unwrap().len(), &both["has_more"]),
        (2, &json!(false))
    );
}

#[tokio::test]
async fn a_completion_waits_for_its_own_attempt_while_another_event_lands() {
    let (fake, endpoint, slow) = setup(&[]).await;
    let fast = open_session_id(&fake, "price_cap").await;
    *endpoint.slow.lock().unwrap() = Some(slow.clone());
    // The slow session's attempt is under way when the fast one's lands and wakes its waiter.
    let slow_done = async {
        control(&fake, &format!("sessions/{slow}/complete"), json!({})).await;
        fake.webhook_deliveries()
    };
    let fast_done = async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        control(&fake, &format!("sessions/{fast}/complete"), json!({})).await;
        fake.webhook_deliveries()
    };
    let (seen_by_slow, seen_by_fast) = tokio::join!(slow_done, fast_done);
    assert!(
        seen_by_fast.iter().any(|d| d.session_id == fast)
            && !seen_by_fast.iter().any(|d| d.session_id == slow),
        "the fast event landed first: {seen_by_fast:?}"
    );
    assert!(
        seen_by_slow.iter().any(|d| d.session_id == slow),
        "the slow completion returned before its attempt: {seen_by_slow:?}"
    );
}
