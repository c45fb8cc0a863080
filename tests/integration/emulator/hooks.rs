//! The emulator's open hooks: faults matched by method and path, responders of your own that
//! answer a route or pass it through, and expectations checked when the emulator is dropped.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::json;
use stripe_checkout_client::checkout::{
    CreateSession, LineItem, ListLineItems, PermissionOwner, SessionMode, UiMode, UpdateSession,
};
use stripe_checkout_client::discounts::policies::CartThreshold;
use stripe_checkout_client::discounts::{CouponData, Discount, DiscountRequest, update_discounts};
use stripe_checkout_client::ids::CouponId;
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt, Fault, Reply, Route, Times};
use stripe_checkout_client::{Client, Error, Method};

async fn emulator() -> (FakeStripe, Client) {
    let fake = FakeStripe::start().await;
    fake.add_price("price_jacket", 12_000, "usd").add_coupon(
        "TENOFF",
        serde_json::json!({"amount_off": 1_000, "currency": "usd"}),
    );
    let client = fake.client_builder().max_retries(0).build().unwrap();
    (fake, client)
}

fn session() -> CreateSession {
    CreateSession::new(SessionMode::Payment)
        .ui_mode(UiMode::Custom)
        .line_item(LineItem::price("price_jacket", 1))
        .return_url("https://example.com/return")
        .update_discounts(PermissionOwner::ServerOnly)
}

fn status(err: &Error) -> Option<u16> {
    match err {
        Error::Api(api) => Some(api.status),
        _ => None,
    }
}

#[tokio::test]
async fn a_fault_hits_only_its_method_and_path() {
    let (fake, client) = emulator().await;
    let sessions = client.checkout_sessions();
    fake.inject(
        Fault::status(503)
            .on(Method::Post)
            .path("/v1/checkout/sessions/*"),
    );
    fake.inject(Fault::status(500).path("/v1/checkout/sessions/*/line_items"));
    // Neither the create (no id segment) nor the retrieve (a GET) is hit.
    let created = sessions.create(&session()).await.unwrap();
    sessions.retrieve(&created.id).await.unwrap();
    let items = sessions
        .list_line_items(&created.id, &ListLineItems::new())
        .await
        .unwrap_err();
    assert_eq!(status(&items), Some(500));
    let update = UpdateSession::new().metadata("k", "v");
    let err = sessions.update(&created.id, &update).await.unwrap_err();
    assert_eq!(status(&err), Some(503));
    assert!(
        sessions.update(&created.id, &update).await.is_ok(),
        "used up"
    );
    let faulted: Vec<(String, String)> = fake
        .journal()
        .into_iter()
        .filter(|r| r.faulted)
        .map(|r| (r.method, r.path))
        .collect();
    assert_eq!(
        faulted,
        [
            (
                "GET".to_owned(),
                format!("/v1/checkout/sessions/{}/line_items", created.id)
            ),
            (
                "POST".to_owned(),
                format!("/v1/checkout/sessions/{}", created.id)
            ),
        ]
    );
    // The shorthand is the same mechanism, for any route.
    fake.fail_next(1, 500, Some(false));
    assert_eq!(
        status(&sessions.retrieve(&created.id).await.unwrap_err()),
        Some(500)
    );
}

#[tokio::test]
async fn a_responder_answers_its_route_and_passes_the_rest() {
    let (fake, client) = emulator().await;
    let seen = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&seen);
    // Refuse any update that names coupon TENOFF, as if it had just been deleted on Stripe.
    fake.respond(Route::post("/v1/checkout/sessions/*"), move |request| {
        counter.fetch_add(1, Ordering::SeqCst);
        if request.params["discounts"][0]["coupon"] == json!("TENOFF") {
            Reply::error(400, "invalid_request_error", "No such coupon: 'TENOFF'")
                .header("request-id", "req_from_responder")
        } else {
            Reply::pass()
        }
    });
    let sessions = client.checkout_sessions();
    let created = sessions.create(&session()).await.unwrap();
    let tenoff = Discount::Coupon("TENOFF".parse().unwrap());
    let err = sessions
        .update(&created.id, &UpdateSession::new().discounts([tenoff]))
        .await
        .unwrap_err();
    assert_eq!(status(&err), Some(400));
    assert_eq!(err.request_id(), Some("req_from_responder"));
    assert!(err.to_string().contains("No such coupon"), "{err}");
    let after = fake.checkout_session(&created.id).unwrap();
    assert!(
        after
            .total_details
            .and_then(|t| t.amount_discount)
            .unwrap_or(0)
            == 0,
        "a replied request changes nothing"
    );
    // Anything else passes through to the emulator and takes effect.
    let inline = Discount::CouponData(CouponData::amount_off(500, "usd"));
    sessions
        .update(&created.id, &UpdateSession::new().discounts([inline]))
        .await
        .unwrap();
    assert_eq!(
        fake.checkout_session(&created.id).unwrap().amount_total,
        Some(11_500)
    );
    assert_eq!(
        seen.load(Ordering::SeqCst),
        2,
        "the create is not its route"
    );
    let replied: Vec<bool> = fake.journal().iter().map(|r| r.replied).collect();
    assert_eq!(replied, [false, true, false]);

    // Responders are tried in order; a fault still applies to a replied request.
    fake.respond(Route::get("/v1/coupons/*"), |_| {
        Reply::json(
            200,
            json!({"id": "FIXTURE", "object": "coupon", "percent_off": 5.0}),
        )
    });
    let id: CouponId = "ANY".parse().unwrap();
    assert_eq!(client.coupons().retrieve(&id).await.unwrap().id, "FIXTURE");
    fake.inject(Fault::status(502).path("/v1/coupons/*"));
    assert_eq!(
        status(&client.coupons().retrieve(&id).await.unwrap_err()),
        Some(502)
    );
}

#[tokio::test]
async fn exactly_one_update_reaches_stripe() {
    let (fake, client) = emulator().await;
    let created = client.checkout_sessions().create(&session()).await.unwrap();
    fake.expect(Route::post("/v1/checkout/sessions/*"), 1);
    fake.expect(Route::get("/v1/checkout/sessions/*"), 2);
    let request = || DiscountRequest::new(created.id.clone());
    let policy = CartThreshold::guide();
    assert!(
        update_discounts(&client, request(), &policy)
            .await
            .unwrap()
            .changed
    );
    fake.clear_journal();
    // Unchanged the second time, so only the retrieve goes out.
    assert!(
        !update_discounts(&client, request(), &policy)
            .await
            .unwrap()
            .changed
    );
    fake.verify().unwrap();
}

#[tokio::test]
async fn an_unmet_expectation_fails_the_test_that_drops_the_emulator() {
    let (fake, client) = emulator().await;
    let created = client.checkout_sessions().create(&session()).await.unwrap();
    fake.expect(Route::post("/v1/checkout/sessions/*"), 1);
    fake.expect(Route::method(Method::Get), 1..);
    client
        .checkout_sessions()
        .retrieve(&created.id)
        .await
        .unwrap();
    let panic = catch_unwind(AssertUnwindSafe(|| drop(fake))).unwrap_err();
    let message = panic.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(
        message.contains("POST /v1/checkout/sessions/*: wanted exactly 1 request(s), received 0"),
        "{message}"
    );
    assert!(
        !message.contains("GET /**:"),
        "the met expectation is not listed: {message}"
    );
    assert!(
        message.contains(&format!("GET /v1/checkout/sessions/{} -> 200", created.id)),
        "the requests received are listed: {message}"
    );
}

#[tokio::test]
async fn verify_reports_and_forgets() {
    let (fake, client) = emulator().await;
    fake.expect(Route::path("/v1/coupons/**"), 1..=2);
    fake.expect(Route::delete("/v1/coupons/*"), 0);
    let id: CouponId = "TENOFF".parse().unwrap();
    for _ in 0..3 {
        client.coupons().retrieve(&id).await.unwrap();
    }
    let report = fake.verify().unwrap_err();
    assert_eq!(report.unmet.len(), 1);
    let (route, times, seen) = &report.unmet[0];
    assert_eq!(
        (route, *times, *seen),
        (&Route::path("/v1/coupons/**"), Times::from(1..=2), 3)
    );
    assert_eq!(report.received.len(), 3);
    // Forgotten: dropping the emulator now passes.
    drop(fake);
}
