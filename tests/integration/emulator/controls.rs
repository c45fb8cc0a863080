//! The emulator for other languages: a seed document loaded in order with the failing entry
//! named, and the HTTP test controls under `/_fake/` (off unless enabled), driven here with a
//! plain HTTP client as any language would.

use serde_json::{Value, json};
use stripe_checkout_client::checkout::{CreateSession, LineItem, SessionMode, SessionStatus};
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt, Seed, SeedError};

const SEED: &str = include_str!("../../../emulator/src/demo_seed.json");

async fn seeded() -> FakeStripe {
    let fake = FakeStripe::start().await;
    fake.seed(&Seed::from_json(SEED).unwrap()).unwrap();
    fake.enable_controls();
    fake
}

async fn control(
    fake: &FakeStripe,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request =
        reqwest::Client::new().request(method, format!("{}/_fake/{path}", fake.uri()));
    if let Some(body) = body {
        request = request
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let bytes = response.bytes().await.unwrap();
    (status, serde_json::from_slice(&bytes).unwrap())
}

#[tokio::test]
async fn the_demo_seed_loads_its_catalog() {
    let fake = seeded().await;
    let client = fake.client();
    let caps = client
        .coupons()
        .retrieve(&"CAPS".parse().unwrap())
        .expand(["applies_to"])
        .await
        .unwrap();
    assert_eq!(caps.applies_to.unwrap().products, ["prod_demo_cap"]);
    let codes = client
        .promotion_codes()
        .list(&stripe_checkout_client::promotion_codes::ListPromotionCodes::new())
        .await
        .unwrap();
    let mut texts: Vec<String> = codes.data.into_iter().filter_map(|c| c.code).collect();
    texts.sort();
    assert_eq!(texts, ["BIGCART", "CAPS50", "SPRING", "SUMMER25"]);
    let session = client
        .checkout_sessions()
        .create(
            &CreateSession::new(SessionMode::Payment)
                .line_item(LineItem::price("price_demo_cap", 2)),
        )
        .await
        .unwrap();
    assert_eq!(session.amount_subtotal, Some(8_000));
}

#[tokio::test]
async fn a_bad_seed_names_its_entry() {
    let fake = FakeStripe::start().await;
    let seed = Seed::from_json(
        r#"{"coupons": [{"id": "OK", "percent_off": 10}],
            "promotion_codes": [{"promotion": {"type": "coupon", "coupon": "OK"}, "code": "A"},
                                {"promotion": {"type": "coupon", "coupon": "MISSING"}, "code": "B"}]}"#,
    )
    .unwrap();
    let err = fake.seed(&seed).unwrap_err();
    assert!(
        matches!(&err, SeedError::Entry { entry, message } if entry == "promotion_codes[1]" && message.contains("MISSING")),
        "{err}"
    );
    assert!(
        fake.client()
            .coupons()
            .retrieve(&"OK".parse().unwrap())
            .await
            .is_ok(),
        "earlier entries stay"
    );
    let unknown = Seed::from_json(r#"{"products": []}"#).unwrap_err();
    assert!(
        matches!(&unknown, SeedError::Json(m) if m.contains("products")),
        "{unknown}"
    );
    let negative =
        Seed::from_json(r#"{"prices": [{"id": "p", "unit_amount": -1, "currency": "usd"}]}"#)
            .unwrap();
    assert_eq!(
        fake.seed(&negative).unwrap_err(),
        SeedError::Entry {
            entry: "prices[0]".into(),
            message: "`unit_amount` must not be negative".into()
        }
    );
    // A free item is a price like any other.
    let free = Seed::from_json(
        r#"{"prices": [{"id": "price_free", "unit_amount": 0, "currency": "usd"}]}"#,
    )
    .unwrap();
    fake.seed(&free).unwrap();
    let session = fake
        .client()
        .checkout_sessions()
        .create(
            &CreateSession::new(SessionMode::Payment).line_item(LineItem::price("price_free", 1)),
        )
        .await
        .unwrap();
    assert_eq!(session.amount_subtotal, Some(0));
}

#[tokio::test]
async fn controls_answer_only_when_enabled() {
    let fake = FakeStripe::start().await;
    let (status, body) = control(&fake, reqwest::Method::GET, "clock", None).await;
    assert_eq!(status, 401, "an ordinary (unauthenticated) request: {body}");
    fake.clear_journal();
    fake.enable_controls();
    let (status, body) = control(&fake, reqwest::Method::GET, "clock", None).await;
    assert_eq!((status, body["now"].is_i64()), (200, true));
    assert!(fake.journal().is_empty(), "controls are not journaled");
}

#[tokio::test]
async fn the_controls_complete_move_fault_and_read() {
    let fake = seeded().await;
    let client = fake.client_builder().max_retries(0).build().unwrap();
    let sessions = client.checkout_sessions();
    let params =
        CreateSession::new(SessionMode::Payment).line_item(LineItem::price("price_demo_jacket", 1));
    let first = sessions.create(&params).await.unwrap();

    let (status, body) = control(
        &fake,
        reqwest::Method::POST,
        &format!("sessions/{}/complete", first.id),
        None,
    )
    .await;
    assert_eq!((status, body["status"].as_str()), (200, Some("complete")));
    assert_eq!(
        sessions.retrieve(&first.id).await.unwrap().status,
        Some(SessionStatus::Complete)
    );
    let (status, body) = control(
        &fake,
        reqwest::Method::POST,
        &format!("sessions/{}/complete", first.id),
        None,
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let (status, _) = control(
        &fake,
        reqwest::Method::POST,
        "sessions/cs_test_nope/complete",
        None,
    )
    .await;
    assert_eq!(status, 404);

    let (_, set) = control(
        &fake,
        reqwest::Method::POST,
        "clock",
        Some(json!({"time": 1_900_000_000})),
    )
    .await;
    assert_eq!(set["now"], 1_900_000_000);
    assert_eq!(fake.now(), 1_900_000_000);
    let second = sessions.create(&params).await.unwrap();
    let (_, moved) = control(
        &fake,
        reqwest::Method::POST,
        "clock",
        Some(json!({"advance": 86_401})),
    )
    .await;
    assert_eq!(moved["now"], 1_900_086_401);
    assert_eq!(
        sessions.retrieve(&second.id).await.unwrap().status,
        Some(SessionStatus::Expired)
    );
    for bad in [
        json!({}),
        json!({"time": 1, "advance": 1}),
        json!({"advance": -5}),
        json!({"when": 1}),
    ] {
        let (status, body) =
            control(&fake, reqwest::Method::POST, "clock", Some(bad.clone())).await;
        assert_eq!(status, 400, "{bad}: {body}");
    }

    let (status, _) = control(
        &fake,
        reqwest::Method::POST,
        "faults",
        Some(json!({"status": 502, "method": "get", "path": "/v1/coupons/*", "times": 2})),
    )
    .await;
    assert_eq!(status, 200);
    let quarter = "QUARTER".parse().unwrap();
    for _ in 0..2 {
        assert!(client.coupons().retrieve(&quarter).await.is_err());
    }
    assert!(
        client.coupons().retrieve(&quarter).await.is_ok(),
        "two only"
    );
    assert!(sessions.retrieve(&second.id).await.is_ok(), "another route");
    for bad in [
        json!({"status": 503, "drop_connection": true}),
        json!({"status": 42}),
        json!({"delay_ms": 5, "method": "PATCH"}),
        json!({}),
    ] {
        let (status, body) =
            control(&fake, reqwest::Method::POST, "faults", Some(bad.clone())).await;
        assert_eq!(status, 400, "{bad}: {body}");
    }

    let (_, journal) = control(&fake, reqwest::Method::GET, "journal", None).await;
    let entries = journal["data"].as_array().unwrap();
    assert_eq!(entries.len(), fake.journal().len());
    let faulted = entries
        .iter()
        .filter(|e| e["faulted"] == json!(true))
        .count();
    assert_eq!(faulted, 2);
    let (status, _) = control(&fake, reqwest::Method::DELETE, "journal", None).await;
    assert_eq!(status, 200);
    assert!(fake.journal().is_empty());

    let (status, _) = control(
        &fake,
        reqwest::Method::POST,
        "seed",
        Some(json!({"customers": [{"id": "cus_late"}]})),
    )
    .await;
    assert_eq!(status, 200);
    let (status, body) = control(
        &fake,
        reqwest::Method::POST,
        "seed",
        Some(json!({"coupons": [{"id": "QUARTER", "percent_off": 5}]})),
    )
    .await;
    assert_eq!(status, 400, "an id in use: {body}");
    let (status, _) = control(&fake, reqwest::Method::PUT, "clock", None).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn each_kind_of_fault_is_queued_over_http_for_its_method() {
    let fake = seeded().await;
    let client = fake
        .client_builder()
        .max_retries(0)
        .timeout(std::time::Duration::from_millis(300))
        .build()
        .unwrap();
    let coupons = client.coupons();
    let quarter = "QUARTER".parse().unwrap();
    let queue = |spec: Value| {
        let fake = &fake;
        async move {
            let (status, body) = control(fake, reqwest::Method::POST, "faults", Some(spec)).await;
            assert_eq!(status, 200, "{body}");
        }
    };

    queue(json!({"status": 502, "times": 0})).await;
    assert!(coupons.retrieve(&quarter).await.is_ok(), "hits nothing");

    queue(json!({"drop_connection": true, "method": "post", "path": "/v1/coupons"})).await;
    assert!(coupons.retrieve(&quarter).await.is_ok(), "a GET passes");
    let five = stripe_checkout_client::coupons::CreateCoupon::percent_off(5.0);
    match coupons.create(&five).await {
        Err(stripe_checkout_client::Error::Connection { .. }) => {}
        other => panic!("a dropped connection, got {other:?}"),
    }
    assert!(coupons.create(&five).await.is_ok(), "once");

    queue(json!({"delay_ms": 5_000, "method": "DELETE"})).await;
    assert!(coupons.retrieve(&quarter).await.is_ok(), "a GET passes");
    match coupons.delete(&quarter).await {
        Err(stripe_checkout_client::Error::Timeout { .. }) => {}
        other => panic!("a late answer, got {other:?}"),
    }
}

#[tokio::test]
async fn a_session_completed_over_http_is_answered_with_its_discounts() {
    let fake = seeded().await;
    let client = fake.client();
    let session = client
        .checkout_sessions()
        .create(
            &CreateSession::new(SessionMode::Payment)
                .line_item(LineItem::price("price_demo_jacket", 1))
                .discount(stripe_checkout_client::discounts::Discount::Coupon(
                    "QUARTER".parse().unwrap(),
                )),
        )
        .await
        .unwrap();
    let (status, body) = control(
        &fake,
        reqwest::Method::POST,
        &format!("sessions/{}/complete", session.id),
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["discounts"][0]["coupon"], "QUARTER", "{body}");
}
