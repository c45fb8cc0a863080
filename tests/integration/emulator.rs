//! The crate against its own emulator (`testing::FakeStripe`): every typed operation and the
//! discount flow end to end, the recorded wire vectors decoded by the emulator, the discount
//! arithmetic on a table of carts, Stripe's errors, idempotent replay and each fault knob.

use std::time::Duration;

use futures_util::TryStreamExt;
use serde_json::{Value, json};
use stripe_checkout_client::checkout::params::{
    Address, CollectedInformation, Permissions, PriceData, ProductData, ShippingDetails,
};
use stripe_checkout_client::checkout::{
    CreateSession, LineItem, ListLineItems, ListSessions, PaymentStatus, PermissionOwner,
    SessionMode, SessionStatus, UiMode, UpdateSession,
};
use stripe_checkout_client::discounts::policies::CartThreshold;
use stripe_checkout_client::discounts::{
    CouponData, Discount, DiscountRequest, ServerUpdateResponse, UpdateError, policy_fn,
    update_discounts,
};
use stripe_checkout_client::ids::CheckoutSessionId;
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt, Fault};
use stripe_checkout_client::{Client, Error, Method, RequestOptions};

fn custom_session(price: &str, quantity: u64) -> CreateSession {
    CreateSession::new(SessionMode::Payment)
        .ui_mode(UiMode::Custom)
        .line_item(LineItem::price(price, quantity))
        .return_url("https://example.com/return")
        .update_discounts(PermissionOwner::ServerOnly)
}

/// A custom-mode payment session for one jacket, as raw params, with `extra` params added.
fn jacket_session_with(extra: Value) -> Value {
    let mut body = json!({"mode": "payment", "ui_mode": "custom",
                          "line_items": [{"price": "price_jacket", "quantity": 1}]});
    body.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    body
}

async fn fake_with_catalog() -> FakeStripe {
    let fake = FakeStripe::start().await;
    fake.add_product_price("price_jacket", "Jacket", 12_000, "usd")
        .add_price("price_cap", 3_000, "usd")
        .add_price("price_tea", 900, "jpy")
        .add_coupon(
            "TENOFF",
            serde_json::json!({"amount_off": 1_000, "currency": "usd", "name": "Ten off"}),
        )
        .add_coupon("QUARTER", serde_json::json!({"percent_off": 25.0}))
        .add_coupon(
            "EUROS",
            serde_json::json!({"amount_off": 500, "currency": "eur"}),
        )
        .add_customer("cus_gold", Some("gold@example.com"));
    fake
}

fn request_for(id: &CheckoutSessionId) -> DiscountRequest {
    DiscountRequest::new(id.clone())
}

/// Creates a session from `body` as a raw form, bypassing the typed params' local checks, so
/// the emulator's own validation answers.
async fn create_raw(client: &Client, body: &Value) -> Result<Value, Error> {
    client
        .request_raw(Method::Post, "/v1/checkout/sessions", body)
        .await
}

fn api_error(err: &Error) -> &stripe_checkout_client::ApiError {
    match err {
        Error::Api(api) => api,
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[tokio::test]
async fn typed_operations_round_trip() {
    let fake = fake_with_catalog().await;
    let client = fake.client();
    let sessions = client.checkout_sessions();

    let created = sessions
        .create(
            &custom_session("price_jacket", 2)
                .line_item(LineItem::price("price_cap", 1))
                .client_reference_id("order-7")
                .metadata("cart", "c-1"),
        )
        .await
        .unwrap();
    assert_eq!(created.status, Some(SessionStatus::Open));
    assert_eq!(created.amount_subtotal, Some(27_000));
    assert_eq!(created.amount_total, Some(27_000));
    assert_eq!(created.currency.as_deref(), Some("usd"));
    assert!(
        created
            .client_secret
            .as_deref()
            .unwrap()
            .starts_with(created.id.as_str())
    );
    assert_eq!(
        created.metadata.get("cart").map(String::as_str),
        Some("c-1")
    );
    assert!(created.url.is_none(), "custom sessions have no hosted URL");

    let retrieved = sessions
        .retrieve(&created.id)
        .expand(["line_items"])
        .await
        .unwrap();
    let items = retrieved.line_items.as_ref().unwrap();
    assert_eq!(items.data.len(), 2);
    assert_eq!(items.data[0].description.as_deref(), Some("Jacket"));
    assert_eq!(items.data[0].amount_subtotal, 24_000);

    let updated = sessions
        .update(
            &created.id,
            &UpdateSession::new()
                .discount(Discount::Coupon("TENOFF".parse().unwrap()))
                .metadata("cart", "c-2")
                .expand(["discounts.coupon"]),
        )
        .await
        .unwrap();
    assert_eq!(updated.amount_total, Some(26_000));
    assert_eq!(
        updated.total_details.as_ref().unwrap().amount_discount,
        Some(1_000)
    );
    let coupon = updated.discounts.as_ref().unwrap()[0]
        .coupon
        .as_ref()
        .unwrap();
    assert_eq!(coupon.as_object().unwrap().name.as_deref(), Some("Ten off"));
    assert_eq!(
        updated.metadata.get("cart").map(String::as_str),
        Some("c-2")
    );

    // The discount is spread over the line items and adds up.
    let lines = sessions
        .list_line_items(&created.id, &ListLineItems::new().limit(1))
        .await
        .unwrap();
    assert!(lines.has_more);
    assert_eq!(lines.data[0].amount_discount, 889); // 24000/27000 of 1000, rounded up first
    let rest = sessions
        .list_line_items(
            &created.id,
            &ListLineItems::new().starting_after(lines.data[0].id.clone()),
        )
        .await
        .unwrap();
    assert!(!rest.has_more);
    assert_eq!(
        lines.data[0].amount_discount + rest.data[0].amount_discount,
        1_000
    );

    let expired = sessions.expire(&created.id).await.unwrap();
    assert_eq!(expired.status, Some(SessionStatus::Expired));
    let again = sessions
        .expire(&created.id)
        .options(&RequestOptions::new())
        .await;
    assert_eq!(api_error(&again.unwrap_err()).status, 400);
}

#[tokio::test]
async fn lists_paginate_newest_first_with_filters() {
    let fake = fake_with_catalog().await;
    let client = fake.client();
    let sessions = client.checkout_sessions();
    let mut ids = Vec::new();
    for i in 0..25 {
        let mut params = custom_session("price_cap", 1);
        if i % 5 == 0 {
            params = params.customer("cus_gold");
        }
        ids.push(sessions.create(&params).await.unwrap().id);
    }
    let all: Vec<_> = sessions
        .list_all(ListSessions::new().limit(7))
        .try_collect()
        .await
        .unwrap();
    let listed: Vec<_> = all.iter().map(|s| s.id.clone()).collect();
    let newest_first: Vec<_> = ids.iter().rev().cloned().collect();
    assert_eq!(listed, newest_first);

    // A page that reaches the last session says there is no more.
    for (limit, more) in [(24, true), (25, false), (26, false)] {
        let page = sessions
            .list(&ListSessions::new().limit(limit))
            .await
            .unwrap();
        assert_eq!(page.data.len(), limit.min(25) as usize);
        assert_eq!(page.has_more, more, "limit {limit}");
    }

    let gold = sessions
        .list(&ListSessions::new().customer("cus_gold"))
        .await
        .unwrap();
    assert_eq!(gold.data.len(), 5);

    sessions.expire(&ids[3]).await.unwrap();
    let expired = sessions
        .list(&ListSessions::new().status(SessionStatus::Expired))
        .await
        .unwrap();
    assert_eq!(expired.data.len(), 1);
    assert_eq!(expired.data[0].id, ids[3]);

    let before = sessions
        .list(&ListSessions::new().ending_before(ids[20].clone()).limit(2))
        .await
        .unwrap();
    let got: Vec<_> = before.data.iter().map(|s| s.id.clone()).collect();
    assert_eq!(got, [ids[22].clone(), ids[21].clone()]);
    assert!(before.has_more);
    let first = sessions
        .list(&ListSessions::new().ending_before(ids[23].clone()).limit(2))
        .await
        .unwrap();
    let got: Vec<_> = first.data.iter().map(|s| s.id.clone()).collect();
    assert_eq!(got, [ids[24].clone()]);
    assert!(!first.has_more, "nothing is newer than the newest");
}

#[tokio::test]
async fn an_inline_coupon_whose_metadata_alone_changes_is_updated_once() {
    let fake = fake_with_catalog().await;
    fake.add_price("price_120", 12_000, "usd");
    let client = fake.client();
    let session = client
        .checkout_sessions()
        .create(&custom_session("price_120", 1))
        .await
        .unwrap();
    let tagged = |rule: &'static str| {
        policy_fn(move |_, _| {
            Ok(vec![Discount::CouponData(
                CouponData::percent_off(10.0).metadata("rule", rule),
            )])
        })
    };
    let updates = |fake: &FakeStripe| fake.journal().iter().filter(|r| r.is_post()).count();

    let first = update_discounts(&client, request_for(&session.id), &tagged("cart-over-100"))
        .await
        .unwrap();
    assert!(first.changed);
    fake.clear_journal();
    let again = update_discounts(&client, request_for(&session.id), &tagged("cart-over-100"))
        .await
        .unwrap();
    assert!(
        !again.changed,
        "the same coupon and metadata must not send an update"
    );
    assert_eq!(updates(&fake), 0);
    let retagged = update_discounts(&client, request_for(&session.id), &tagged("cart-over-200"))
        .await
        .unwrap();
    assert!(retagged.changed);
    assert_eq!(updates(&fake), 1);
}

#[tokio::test]
async fn guide_scenario_end_to_end() {
    let fake = fake_with_catalog().await;
    fake.add_price("price_120", 12_000, "usd")
        .add_price("price_300", 30_000, "usd")
        .add_price("price_90", 9_000, "usd");
    let client = fake.client();
    let policy = CartThreshold::guide();

    for (price, want_discount) in [("price_120", 1_200), ("price_300", 2_000)] {
        let session = client
            .checkout_sessions()
            .create(&custom_session(price, 1))
            .await
            .unwrap();
        let outcome = update_discounts(&client, request_for(&session.id), &policy)
            .await
            .unwrap();
        assert!(outcome.changed);
        let held = fake.checkout_session(session.id.as_str()).unwrap();
        assert_eq!(
            held.total_details.unwrap().amount_discount,
            Some(want_discount),
            "{price}"
        );
        assert_eq!(outcome.session.amount_total, held.amount_total);

        let again = update_discounts(&client, request_for(&session.id), &policy)
            .await
            .unwrap();
        assert!(!again.changed, "re-applying must not send an update");
    }

    // Below the threshold, an existing discount is removed.
    let session = client
        .checkout_sessions()
        .create(&custom_session("price_90", 1))
        .await
        .unwrap();
    client
        .checkout_sessions()
        .update(
            &session.id,
            &UpdateSession::new().discount(Discount::Coupon("TENOFF".parse().unwrap())),
        )
        .await
        .unwrap();
    assert_eq!(
        fake.checkout_session(session.id.as_str())
            .unwrap()
            .amount_total,
        Some(8_000)
    );
    fake.clear_journal();
    let outcome = update_discounts(&client, request_for(&session.id), &policy)
        .await
        .unwrap();
    assert!(outcome.changed);
    assert!(outcome.discounts.is_empty());
    let held = fake.checkout_session(session.id.as_str()).unwrap();
    assert_eq!(held.amount_total, Some(9_000));
    assert_eq!(held.discounts.as_deref(), Some(&[][..]));
    let update = fake.journal().into_iter().find(|r| r.is_post()).unwrap();
    assert!(update.body.contains("discounts="), "{}", update.body);
}

#[tokio::test]
async fn discount_math_on_a_table_of_carts() {
    let fake = fake_with_catalog().await;
    fake.add_price("price_999", 999, "usd")
        .add_price("price_333", 333, "usd")
        .add_price("price_small", 400, "usd")
        .add_coupon("TEN_PCT", serde_json::json!({"percent_off": 10.0}))
        .add_coupon("TWELVE_HALF", serde_json::json!({"percent_off": 12.5}))
        .add_coupon(
            "YEN",
            serde_json::json!({"amount_off": 150, "currency": "jpy"}),
        );
    let client = fake.client();
    // (price, quantity, discount, expected amount_discount)
    let rows: Vec<(&str, u64, Discount, i64)> = vec![
        (
            "price_jacket",
            1,
            Discount::Coupon("TENOFF".parse().unwrap()),
            1_000,
        ),
        (
            "price_small",
            1,
            Discount::Coupon("TENOFF".parse().unwrap()),
            400,
        ), // capped at the subtotal
        (
            "price_999",
            1,
            Discount::Coupon("TEN_PCT".parse().unwrap()),
            100,
        ), // 99.9 rounds to 100
        (
            "price_333",
            1,
            Discount::Coupon("TWELVE_HALF".parse().unwrap()),
            42,
        ), // 41.625
        (
            "price_jacket",
            3,
            Discount::Coupon("QUARTER".parse().unwrap()),
            9_000,
        ),
        (
            "price_tea",
            2,
            Discount::Coupon("YEN".parse().unwrap()),
            150,
        ), // zero-decimal currency
        (
            "price_tea",
            1,
            Discount::Coupon("QUARTER".parse().unwrap()),
            225,
        ),
        (
            "price_cap",
            2,
            Discount::CouponData(CouponData::amount_off(2_500, "USD").name("Inline")),
            2_500,
        ),
        (
            "price_cap",
            1,
            Discount::CouponData(CouponData::percent_off(33.33)),
            1_000, // 999.9
        ),
    ];
    for (price, quantity, discount, want) in rows {
        let session = client
            .checkout_sessions()
            .create(&custom_session(price, quantity))
            .await
            .unwrap();
        let updated = client
            .checkout_sessions()
            .update(
                &session.id,
                &UpdateSession::new().discount(discount.clone()),
            )
            .await
            .unwrap_or_else(|e| panic!("{price} {discount:?}: {e}"));
        let subtotal = updated.amount_subtotal.unwrap();
        let details = updated.total_details.unwrap();
        assert_eq!(
            details.amount_discount,
            Some(want),
            "{price} x{quantity} {discount:?}"
        );
        assert_eq!(updated.amount_total, Some(subtotal - want));
        assert!(
            updated.discounts.is_none(),
            "an update omits discounts unless expanded"
        );
    }
}

#[tokio::test]
async fn promotion_codes_and_catalog_objects() {
    let fake = fake_with_catalog().await;
    let promo = fake.add_promotion_code("SPRING", "QUARTER");
    let client = fake.client();
    let session = client
        .checkout_sessions()
        .create(
            &custom_session("price_jacket", 1)
                .discount(Discount::PromotionCode(promo.parse().unwrap())),
        )
        .await
        .unwrap();
    assert_eq!(session.amount_total, Some(9_000));
    let held = fake.checkout_session(session.id.as_str()).unwrap();
    let applied = &held.discounts.as_ref().unwrap()[0];
    assert_eq!(applied.promotion_code.as_ref().unwrap().id(), promo);
    assert_eq!(applied.coupon.as_ref().unwrap().id(), "QUARTER");

    let coupon: Value = client
        .request_raw(Method::Get, "/v1/coupons/QUARTER", &json!({}))
        .await
        .unwrap();
    assert_eq!(coupon["percent_off"], json!(25.0));
    let code: Value = client
        .request_raw(
            Method::Get,
            &format!("/v1/promotion_codes/{promo}"),
            &json!({}),
        )
        .await
        .unwrap();
    assert_eq!(code["code"], "SPRING");
    assert_eq!(code["coupon"]["id"], "QUARTER");
}

#[tokio::test]
async fn an_expanded_customer_and_a_fully_discounted_completion() {
    let fake = fake_with_catalog().await;
    fake.add_coupon("ALL", serde_json::json!({"percent_off": 100.0}));
    let client = fake.client();
    let create = |coupon: &str| {
        custom_session("price_cap", 1)
            .customer("cus_gold")
            .discount(Discount::Coupon(coupon.parse().unwrap()))
    };
    let free = client
        .checkout_sessions()
        .create(&create("ALL"))
        .expand(["customer"])
        .await
        .unwrap();
    let customer = free.customer.as_ref().unwrap().as_object().unwrap();
    assert_eq!(
        (customer.id.as_str(), customer.email.as_deref()),
        ("cus_gold", Some("gold@example.com"))
    );
    let paid = client
        .checkout_sessions()
        .create(&create("TENOFF"))
        .await
        .unwrap();
    fake.complete_session(free.id.as_str()).await.unwrap();
    fake.complete_session(paid.id.as_str()).await.unwrap();
    let free = fake.checkout_session(&free.id).unwrap();
    let paid = fake.checkout_session(&paid.id).unwrap();
    assert_eq!(free.payment_status, Some(PaymentStatus::NoPaymentRequired));
    assert_eq!(paid.payment_status, Some(PaymentStatus::Paid));
}

#[tokio::test]
async fn stripe_errors_name_the_param() {
    let fake = fake_with_catalog().await;
    let client = fake.client();
    let sessions = client.checkout_sessions();
    let cases = [
        (
            json!({"mode": "payment", "line_items": [{"price": "price_nope", "quantity": 1}]}),
            400,
            "line_items[0][price]",
        ),
        (
            json!({"mode": "payment", "line_items": [{"price": "price_cap", "quantity": 1}], "colour": "red"}),
            400,
            "colour",
        ),
        (
            json!({"mode": "payment", "line_items": [{"price": "price_cap", "quantity": "lots"}]}),
            400,
            "line_items[0][quantity]",
        ),
        (json!({"mode": "payment"}), 400, "line_items"),
        (
            json!({"mode": "payment", "ui_mode": "custom", "line_items": [{"price": "price_cap", "quantity": 1}]}),
            400,
            "return_url",
        ),
        (
            json!({"mode": "payment", "line_items": [{"price": "price_cap", "quantity": 1}, {"price": "price_tea", "quantity": 1}]}),
            400,
            "line_items[1]",
        ),
        (
            json!({"mode": "payment", "line_items": [{"price": "price_cap", "quantity": 1}], "discounts": [{"coupon": "EUROS"}]}),
            400,
            "discounts[0][coupon]",
        ),
        (
            json!({"mode": "payment", "line_items": [{"price": "price_cap", "quantity": 1}], "customer": "cus_nobody"}),
            400,
            "customer",
        ),
    ];
    for (body, status, param) in cases {
        let err = create_raw(&client, &body).await.unwrap_err();
        let api = api_error(&err);
        assert_eq!(
            (api.status, api.param.as_deref()),
            (status, Some(param)),
            "{body}"
        );
        assert!(
            api.request_id
                .as_deref()
                .is_some_and(|r| r.starts_with("req_"))
        );
    }

    let unknown = client
        .request_raw::<Value, _>(Method::Get, "/v1/charges", &json!({}))
        .await
        .unwrap_err();
    assert_eq!(api_error(&unknown).status, 404);

    let missing = sessions
        .retrieve(&"cs_test_missing".parse().unwrap())
        .await
        .unwrap_err();
    assert_eq!(api_error(&missing).status, 404);

    // A live key is refused before anything is looked at.
    let live = Client::builder("sk_live_123")
        .api_base(fake.uri())
        .build()
        .unwrap();
    let err = live
        .checkout_sessions()
        .list(&ListSessions::new())
        .await
        .unwrap_err();
    assert_eq!(api_error(&err).status, 401);
    assert!(!format!("{err}").contains("sk_live_123"));
}

#[tokio::test]
async fn session_rules_are_enforced() {
    let fake = fake_with_catalog().await;
    let client = fake.client();
    let sessions = client.checkout_sessions();

    // Without server_only, Stripe refuses a discount update.
    let plain = sessions
        .create(
            &CreateSession::new(SessionMode::Payment)
                .line_item(LineItem::price("price_cap", 1))
                .success_url("https://example.com/ok"),
        )
        .await
        .unwrap();
    assert!(plain.url.is_some());
    let err = sessions
        .update(
            &plain.id,
            &UpdateSession::new().discount(Discount::Coupon("TENOFF".parse().unwrap())),
        )
        .await
        .unwrap_err();
    assert_eq!(api_error(&err).param.as_deref(), Some("discounts"));

    // Client-only sessions are refused by the flow itself, before any update is sent.
    let client_only = sessions
        .create(&custom_session("price_jacket", 1).update_discounts(PermissionOwner::ClientOnly))
        .await
        .unwrap();
    fake.clear_journal();
    let err = update_discounts(
        &client,
        request_for(&client_only.id),
        &CartThreshold::guide(),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, UpdateError::NotServerOnly { .. }), "{err:?}");
    assert!(fake.journal().iter().all(|r| !r.is_post()));

    // A completed session refuses updates; the flow says so and the browser gets the generic message.
    let done = sessions
        .create(&custom_session("price_jacket", 1))
        .await
        .unwrap();
    let completed = fake.complete_session(done.id.as_str()).await.unwrap();
    assert_eq!(completed["status"], "complete");
    let completed = fake.checkout_session(&done.id).unwrap();
    assert_eq!(completed.status, Some(SessionStatus::Complete));
    assert_eq!(
        completed.payment_status,
        Some(stripe_checkout_client::checkout::PaymentStatus::Paid)
    );
    let result = update_discounts(&client, request_for(&done.id), &CartThreshold::guide()).await;
    assert!(
        matches!(result, Err(UpdateError::SessionNotOpen { .. })),
        "{result:?}"
    );
    assert!(!ServerUpdateResponse::from(&result).is_success());
    let err = sessions
        .update(&done.id, &UpdateSession::new().clear_discounts())
        .await
        .unwrap_err();
    assert_eq!(api_error(&err).status, 400);
    assert!(fake.complete_session(done.id.as_str()).await.is_err());

    // Expiry follows the emulator's clock; a session lives 24 hours unless told otherwise.
    let later = sessions
        .create(&custom_session("price_jacket", 1))
        .await
        .unwrap();
    assert_eq!(later.expires_at, Some(fake.now() + 24 * 3600));
    fake.set_time(later.expires_at.unwrap());
    let read = sessions.retrieve(&later.id).await.unwrap();
    assert_eq!(read.status, Some(SessionStatus::Expired));

    // Told, it lives between 30 minutes and 24 hours, both ends included.
    let now = fake.now();
    for (at, taken) in [
        (now + 1_799, false),
        (now + 1_800, true),
        (now + 86_400, true),
        (now + 86_401, false),
    ] {
        let result = sessions
            .create(&custom_session("price_jacket", 1).expires_at(at))
            .await;
        match result {
            Ok(session) => assert!(taken && session.expires_at == Some(at), "{at}"),
            Err(err) => {
                assert!(!taken, "{at}: {err}");
                assert_eq!(api_error(&err).param.as_deref(), Some("expires_at"));
            }
        }
    }

    // Shipping details need their own permission.
    let ship = CollectedInformation::shipping_details(ShippingDetails::new(
        "Ada",
        Address::new("1 Main St", "DE"),
    ));
    let open = sessions
        .create(&custom_session("price_cap", 1))
        .await
        .unwrap();
    let err = sessions
        .update(&open.id, &UpdateSession::new().collected_information(ship))
        .await
        .unwrap_err();
    assert_eq!(
        api_error(&err).param.as_deref(),
        Some("collected_information")
    );

    // With it, the session shows the name and the whole address.
    let allowed =
        sessions
            .create(&custom_session("price_cap", 1).permissions(
                Permissions::new().update_shipping_details(PermissionOwner::ServerOnly),
            ))
            .await
            .unwrap();
    let ship = CollectedInformation::shipping_details(ShippingDetails::new(
        "Ada",
        Address::new("1 Main St", "US")
            .line2("Apt 2")
            .city("Springfield")
            .state("IL")
            .postal_code("62701"),
    ));
    sessions
        .update(
            &allowed.id,
            &UpdateSession::new().collected_information(ship),
        )
        .await
        .unwrap();
    let raw: Value = client
        .request_raw(
            Method::Get,
            &format!("/v1/checkout/sessions/{}", allowed.id),
            &json!({}),
        )
        .await
        .unwrap();
    assert_eq!(
        raw["collected_information"]["shipping_details"],
        json!({"name": "Ada", "address": {
            "line1": "1 Main St", "line2": "Apt 2", "city": "Springfield", "state": "IL",
            "postal_code": "62701", "country": "US",
        }})
    );
}

#[tokio::test]
async fn inline_price_data_sets_amounts() {
    let fake = FakeStripe::start().await;
    let client = fake.client();
    let session = client
        .checkout_sessions()
        .create(
            &CreateSession::new(SessionMode::Payment)
                .ui_mode(UiMode::Custom)
                .return_url("https://example.com/r")
                .line_item(LineItem::price_data(
                    PriceData::new("eur", 1_999, ProductData::new("Mug")),
                    3,
                )),
        )
        .await
        .unwrap();
    assert_eq!(session.amount_subtotal, Some(5_997));
    assert_eq!(session.currency.as_deref(), Some("eur"));
}

#[tokio::test]
async fn idempotent_requests_replay_without_applying_twice() {
    let fake = fake_with_catalog().await;
    let client = fake.client();
    let options = RequestOptions::new().idempotency_key("create-order-1");
    let params = custom_session("price_jacket", 1);
    let first = client
        .checkout_sessions()
        .create(&params)
        .options(&options)
        .await
        .unwrap();
    let second = client
        .checkout_sessions()
        .create(&params)
        .options(&options)
        .await
        .unwrap();
    assert_eq!(first.id, second.id);
    let listed = client
        .checkout_sessions()
        .list(&ListSessions::new())
        .await
        .unwrap();
    assert_eq!(listed.data.len(), 1, "the replay created nothing");
    let journal = fake.journal();
    assert!(!journal[0].replayed && journal[1].replayed);

    let different = custom_session("price_cap", 1);
    let err = client
        .checkout_sessions()
        .create(&different)
        .options(&options)
        .await
        .unwrap_err();
    let api = api_error(&err);
    assert_eq!(api.status, 400);
    assert_eq!(api.error_type.as_deref(), Some("idempotency_error"));

    // An operation that ran and failed is saved too: its replay keeps the error's status.
    let options = RequestOptions::new().idempotency_key("update-missing-1");
    for _ in 0..2 {
        let err = client
            .request_raw::<Value, _>(
                Method::Post,
                "/v1/checkout/sessions/cs_test_missing",
                &json!({"metadata": {"k": "v"}}),
            )
            .options(&options)
            .await
            .unwrap_err();
        assert_eq!(api_error(&err).status, 404);
    }
    let journal = fake.journal();
    let last = &journal[journal.len() - 2..];
    assert_eq!(
        last.iter().map(|r| r.status).collect::<Vec<_>>(),
        [Some(404), Some(404)]
    );
    assert!(!last[0].replayed && last[1].replayed);

    // A request refused before it ran (an unknown parameter) saves nothing: sent again
    // under its key, it is refused again, not replayed.
    let options = RequestOptions::new().idempotency_key("refused-1");
    for _ in 0..2 {
        let err = client
            .request_raw::<Value, _>(
                Method::Post,
                "/v1/checkout/sessions",
                &json!({"nonsense": "1"}),
            )
            .options(&options)
            .await
            .unwrap_err();
        assert_eq!(api_error(&err).param.as_deref(), Some("nonsense"));
    }
    let journal = fake.journal();
    assert!(journal[journal.len() - 2..].iter().all(|r| !r.replayed));
}

#[tokio::test]
async fn fault_knobs() {
    let fake = fake_with_catalog().await;
    let client = fake.client();
    let sessions = client.checkout_sessions();
    let session = sessions
        .create(&custom_session("price_jacket", 1))
        .await
        .unwrap();
    let update = UpdateSession::new().discount(Discount::Coupon("TENOFF".parse().unwrap()));

    // Failures before the change: retried with one key, applied once.
    fake.clear_journal();
    fake.fail_next(2, 503, None);
    sessions.update(&session.id, &update).await.unwrap();
    let journal = fake.journal();
    assert_eq!(
        journal.iter().map(|r| r.status).collect::<Vec<_>>(),
        [Some(503), Some(503), Some(200)]
    );
    let keys: Vec<_> = journal
        .iter()
        .map(|r| r.idempotency_key().unwrap().to_owned())
        .collect();
    assert!(keys.windows(2).all(|w| w[0] == w[1]), "{keys:?}");

    // Applied, then the answer lost: the retry is a replay.
    let remove = UpdateSession::new().clear_discounts();
    fake.clear_journal();
    fake.inject(Fault::status(500).after_apply().on(Method::Post));
    let after = sessions.update(&session.id, &remove).await.unwrap();
    assert_eq!(after.amount_total, Some(12_000));
    let journal = fake.journal();
    assert_eq!(journal.len(), 2);
    assert!(journal[0].faulted && journal[1].replayed);

    // A dropped connection after the change: same.
    fake.clear_journal();
    fake.inject(Fault::drop_connection().after_apply());
    let after = sessions.update(&session.id, &update).await.unwrap();
    assert_eq!(after.amount_total, Some(11_000));
    let journal = fake.journal();
    assert_eq!(journal[0].status, None);
    assert!(journal[1].replayed);

    // Stripe-Should-Retry: false stops retries.
    fake.clear_journal();
    fake.fail_next(1, 503, Some(false));
    let err = sessions.retrieve(&session.id).await.unwrap_err();
    assert_eq!(api_error(&err).status, 503);
    assert_eq!(fake.journal().len(), 1);

    // The journal shows the headers each request carried.
    fake.clear_journal();
    sessions
        .update(&session.id, &update)
        .idempotency_key("update-once")
        .await
        .unwrap();
    let journal = fake.journal();
    assert_eq!(journal[0].idempotency_key(), Some("update-once"));
    assert_eq!(
        journal[0].header("STRIPE-VERSION"),
        Some(client.api_version().to_string().as_str())
    );
    assert_eq!(journal[0].header("x-no-such-header"), None);

    // Injected statuses answer with the error Stripe gives for them.
    for (status, error_type, code) in [
        (409, "invalid_request_error", Some("lock_timeout")),
        (429, "invalid_request_error", Some("rate_limit")),
        (402, "invalid_request_error", None),
        (500, "api_error", None),
    ] {
        fake.fail_next(1, status, Some(false));
        let err = sessions.retrieve(&session.id).await.unwrap_err();
        let api = api_error(&err);
        assert_eq!(
            (api.status, api.error_type.as_deref(), api.code.as_deref()),
            (status, Some(error_type), code)
        );
    }

    // A dropped connection before anything applied, then success.
    fake.clear_journal();
    fake.drop_next_connection();
    sessions.retrieve(&session.id).await.unwrap();
    let statuses: Vec<_> = fake.journal().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [None, Some(200)], "dropped, then retried");

    // A slow answer beyond the client's timeout.
    let impatient = fake
        .client_builder()
        .timeout(Duration::from_millis(100))
        .max_retries(0)
        .build()
        .unwrap();
    fake.delay_next(Duration::from_millis(500));
    let err = impatient
        .checkout_sessions()
        .retrieve(&session.id)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");

    assert!(
        fake.connections_opened() >= 2,
        "each dropped connection is replaced by a new one"
    );
    let shown = format!("{fake:?}");
    assert!(
        shown.contains(&fake.uri()) && shown.contains("sessions: 1"),
        "{shown}"
    );
}

#[tokio::test]
async fn wire_vectors_decode_to_their_params() {
    let vectors: Value =
        serde_json::from_str(include_str!("../fixtures/wire_checkout_sessions.json")).unwrap();
    let fake = FakeStripe::start().await;
    let client = fake.client();
    for case in vectors["cases"].as_array().unwrap() {
        let method = match case["method"].as_str().unwrap() {
            "GET" => Method::Get,
            _ => Method::Post,
        };
        fake.clear_journal();
        // The vectors' session does not exist here; what matters is what the emulator decoded.
        let _ = client
            .request_raw::<Value, _>(method, case["path"].as_str().unwrap(), &case["params"])
            .await;
        let journal = fake.journal();
        let want = stringify(&case["params"]);
        assert_eq!(journal[0].params, want, "{}", case["name"]);
        assert!(
            journal[0].checked_params.is_some(),
            "{}: refused before its params were checked: {:?}",
            case["name"],
            journal[0].status
        );
    }
}

/// The params as the form carries them: every scalar a string.
fn stringify(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            Value::Object(m.iter().map(|(k, v)| (k.clone(), stringify(v))).collect())
        }
        Value::Array(a) => Value::Array(a.iter().map(stringify).collect()),
        Value::String(s) => Value::String(s.clone()),
        other => Value::String(other.to_string()),
    }
}

/// Inputs an audit found mishandled: amounts past Stripe's limit (which overflowed the
/// subtotal and dropped the connection), decimal unit amounts, `fail_next(0, …)`, a currency
/// change under a kept amount-off coupon, and an empty id segment.
#[tokio::test]
async fn amounts_decimals_and_routes_at_their_edges() {
    let fake = fake_with_catalog().await;
    fake.add_price("price_eur", 1_000, "eur");
    let client = fake.client();
    let inline = |amount: Value, key: &str, quantity: u64| {
        json!({"mode": "payment", "ui_mode": "custom", "return_url": "https://example.com/r",
               "line_items": [{"quantity": quantity, "price_data": {
                   "currency": "usd", "product_data": {"name": "Mug"}, key: amount}}]})
    };

    // Past the largest unit amount: a 400 naming it, not a dropped connection.
    let err = create_raw(&client, &inline(json!(i64::MAX), "unit_amount", 1))
        .await
        .unwrap_err();
    let api = api_error(&err);
    assert_eq!(api.status, 400);
    assert_eq!(
        api.param.as_deref(),
        Some("line_items[0][price_data][unit_amount]")
    );
    assert!(api.request_id.is_some());

    // A decimal unit amount is multiplied before rounding: 0.5 × 3 = 1.5 → 2.
    let session = create_raw(&client, &inline(json!("0.5"), "unit_amount_decimal", 3))
        .await
        .unwrap();
    assert_eq!(session["amount_subtotal"], 2);
    // The price shows the decimal, and a unit amount only when the decimal is whole.
    for (decimal, unit_amount) in [("0.5", Value::Null), ("5", json!(5))] {
        let session = create_raw(&client, &inline(json!(decimal), "unit_amount_decimal", 1))
            .await
            .unwrap();
        let items: Value = client
            .request_raw(
                Method::Get,
                &format!(
                    "/v1/checkout/sessions/{}/line_items",
                    session["id"].as_str().unwrap()
                ),
                &json!({}),
            )
            .await
            .unwrap();
        let price = &items["data"][0]["price"];
        assert_eq!(price["unit_amount_decimal"], decimal, "{price}");
        assert_eq!(price["unit_amount"], unit_amount, "{price}");
    }
    for bad in ["NaN", "inf", "-1", "1e3", "1.0000000000001", ""] {
        let err = create_raw(&client, &inline(json!(bad), "unit_amount_decimal", 1))
            .await
            .unwrap_err();
        assert_eq!(
            api_error(&err).param.as_deref(),
            Some("line_items[0][price_data][unit_amount_decimal]"),
            "{bad}"
        );
    }

    // Zero failures fail nothing.
    fake.fail_next(0, 500, None);
    client
        .checkout_sessions()
        .list(&ListSessions::new().limit(1))
        .await
        .unwrap();

    // New line items in another currency under a kept coupon: an amount off in usd refuses
    // them and the session is unchanged; a percentage off, in no currency, stays over them.
    let sessions = client.checkout_sessions();
    let to_eur = UpdateSession::new().line_item(
        stripe_checkout_client::checkout::UpdateLineItem::price("price_eur", 1),
    );
    for (coupon, stays) in [
        (CouponData::amount_off(500, "usd"), false),
        (CouponData::percent_off(50.0), true),
    ] {
        let created = sessions
            .create(
                &custom_session("price_cap", 1)
                    .permissions(
                        Permissions::new()
                            .update_discounts(PermissionOwner::ServerOnly)
                            .update_line_items(PermissionOwner::ServerOnly),
                    )
                    .discount(Discount::CouponData(coupon)),
            )
            .await
            .unwrap();
        let result = sessions.update(&created.id, &to_eur).await;
        if stays {
            let moved = result.unwrap();
            assert_eq!(moved.currency.as_deref(), Some("eur"));
            assert_eq!(moved.amount_total, Some(500));
        } else {
            let err = result.unwrap_err();
            assert_eq!(api_error(&err).param.as_deref(), Some("line_items"));
            let kept = fake.checkout_session(created.id.as_str()).unwrap();
            assert_eq!(kept.currency.as_deref(), Some("usd"));
            assert_eq!(kept.amount_total, Some(2_500));
        }
    }

    // An empty id segment is an unknown URL, as on Stripe.
    let err = client
        .request_raw::<Value, _>(Method::Get, "/v1/checkout/sessions/", &json!({}))
        .await
        .unwrap_err();
    let api = api_error(&err);
    assert_eq!(api.status, 404);
    assert!(
        api.message
            .as_deref()
            .unwrap_or("")
            .contains("Unrecognized request URL"),
        "{api:?}"
    );
}

/// The emulator reads a request body of up to 1 MiB and answers a larger one with a 413
/// before looking at it.
#[tokio::test]
async fn a_body_past_one_mebibyte_is_refused_as_too_large() {
    let fake = FakeStripe::start().await;
    let post = |len: usize| {
        let prefix = "metadata%5Bk%5D=";
        let body = format!("{prefix}{}", "x".repeat(len - prefix.len()));
        assert_eq!(body.len(), len);
        let request = reqwest::Client::new()
            .post(format!("{}/v1/checkout/sessions", fake.uri()))
            .bearer_auth("sk_test_body_limit")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        async move {
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let body: Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
            (status, body)
        }
    };
    // Read, then refused for what it says (a 400 naming a param), not for its size.
    let (status, body) = post(1024 * 1024).await;
    assert_eq!(status, 400, "{body}");
    assert!(body["error"]["param"].is_string(), "{body}");
    let (status, body) = post(1024 * 1024 + 1).await;
    assert_eq!(status, 413, "{body}");
    assert_eq!(
        body["error"]["message"], "The request body is too large.",
        "{body}"
    );
}

/// A session's expanded coupon is judged at the emulator's time: past its `redeem_by` it
/// shows as no longer valid, though the session keeps it.
#[tokio::test]
async fn an_expanded_coupon_is_judged_at_the_emulators_time() {
    let fake = fake_with_catalog().await;
    let client = fake.client();
    let start = fake.now();
    client
        .coupons()
        .create(
            &stripe_checkout_client::coupons::CreateCoupon::percent_off(10.0)
                .id("SOON")
                .redeem_by(start + 60),
        )
        .await
        .unwrap();
    let session = client
        .checkout_sessions()
        .create(
            &custom_session("price_jacket", 1).discount(Discount::Coupon("SOON".parse().unwrap())),
        )
        .await
        .unwrap();
    let path = format!("/v1/checkout/sessions/{}", session.id);
    let expand = json!({"expand": ["discounts.coupon"]});
    for (at, valid) in [(start + 59, true), (start + 120, false)] {
        fake.set_time(at);
        let raw: Value = client
            .request_raw(Method::Get, &path, &expand)
            .await
            .unwrap();
        assert_eq!(raw["discounts"][0]["coupon"]["id"], "SOON");
        assert_eq!(raw["discounts"][0]["coupon"]["valid"], valid, "at {at}");
    }
}

/// An embedded session goes without a `return_url` only when it never redirects, and a
/// session takes promotion codes typed by the customer or discounts, not both.
#[tokio::test]
async fn return_url_and_promotion_code_rules_at_their_edges() {
    let fake = fake_with_catalog().await;
    let client = fake.client();
    create_raw(
        &client,
        &jacket_session_with(json!({"redirect_on_completion": "never"})),
    )
    .await
    .unwrap();
    for redirect in ["always", "if_required"] {
        let err = create_raw(
            &client,
            &jacket_session_with(json!({"redirect_on_completion": redirect})),
        )
        .await
        .unwrap_err();
        assert_eq!(
            api_error(&err).param.as_deref(),
            Some("return_url"),
            "{redirect}"
        );
    }

    let url = "https://example.com/return";
    let typed = create_raw(
        &client,
        &jacket_session_with(json!({"return_url": url, "allow_promotion_codes": true})),
    )
    .await
    .unwrap();
    assert_eq!(typed["allow_promotion_codes"], true);
    let err = create_raw(
        &client,
        &jacket_session_with(json!({"return_url": url, "allow_promotion_codes": true,
                     "discounts": [{"coupon": "TENOFF"}]})),
    )
    .await
    .unwrap_err();
    assert_eq!(api_error(&err).param.as_deref(), Some("discounts"));
}

/// An inline coupon takes an amount off above 0 (with its currency) or a percentage above 0
/// and at most 100, and nothing else.
#[tokio::test]
async fn inline_coupons_at_their_edges() {
    let fake = fake_with_catalog().await;
    let client = fake.client();
    let rows = [
        (json!({"amount_off": 1, "currency": "usd"}), true),
        (json!({"amount_off": 0, "currency": "usd"}), false),
        (json!({"amount_off": 1}), false),
        (json!({"percent_off": 100}), true),
        (json!({"percent_off": 0.5}), true),
        (json!({"percent_off": 0}), false),
        (json!({"percent_off": 100.5}), false),
        (json!({"percent_off": -5}), false),
    ];
    for (coupon, taken) in rows {
        let body = jacket_session_with(json!({"return_url": "https://example.com/r",
                                              "discounts": [{"coupon_data": coupon}]}));
        match create_raw(&client, &body).await {
            Ok(session) => assert!(taken, "{coupon}: {session}"),
            Err(err) => {
                assert!(!taken, "{coupon}: {err}");
                let param = api_error(&err).param.clone().unwrap_or_default();
                assert!(
                    param.starts_with("discounts[0][coupon_data]"),
                    "{coupon}: {param}"
                );
            }
        }
    }
}

/// An update lists the line items the session keeps: one named by id keeps its price, takes
/// a new quantity if given, and the ones not named go.
#[tokio::test]
async fn an_update_keeps_the_line_items_it_names() {
    let fake = fake_with_catalog().await;
    let client = fake.client();
    let sessions = client.checkout_sessions();
    let created = sessions
        .create(
            &custom_session("price_jacket", 1)
                .line_item(LineItem::price("price_cap", 1))
                .permissions(Permissions::new().update_line_items(PermissionOwner::ServerOnly)),
        )
        .await
        .unwrap();
    let items = |id: &str| fake.checkout_session(id).unwrap().line_items.unwrap().data;
    let before = items(created.id.as_str());
    assert_eq!(before.len(), 2);
    let cap = before[1].id.clone();
    let updated = sessions
        .update(
            &created.id,
            &UpdateSession::new().line_item(
                stripe_checkout_client::checkout::UpdateLineItem::existing(&cap).quantity(2),
            ),
        )
        .await
        .unwrap();
    assert_eq!(updated.amount_subtotal, Some(6_000));
    let after = items(created.id.as_str());
    assert_eq!(
        after
            .iter()
            .map(|i| (i.id.as_str(), i.quantity))
            .collect::<Vec<_>>(),
        [(cap.as_str(), Some(2))]
    );
}

/// The emulator's limits on a line item, each at its edge: a unit amount from 0 to
/// 99,999,999, a decimal one with at most 12 decimal places, a quantity from 1 to 999,999.
#[tokio::test]
async fn line_item_limits_at_their_edges() {
    let fake = fake_with_catalog().await;
    let client = fake.client();
    let item = |price_data: Value, quantity: u64| {
        let mut data = json!({"currency": "usd", "product_data": {"name": "Mug"}});
        data.as_object_mut()
            .unwrap()
            .extend(price_data.as_object().unwrap().clone());
        json!({"mode": "payment", "ui_mode": "custom", "return_url": "https://example.com/r",
               "line_items": [{"quantity": quantity, "price_data": data}]})
    };
    let rows = [
        (json!({"unit_amount": 0}), 1, None),
        (
            json!({"unit_amount": -1}),
            1,
            Some("line_items[0][price_data][unit_amount]"),
        ),
        (json!({"unit_amount": 99_999_999}), 1, None),
        (
            json!({"unit_amount": 100_000_000}),
            1,
            Some("line_items[0][price_data][unit_amount]"),
        ),
        (json!({"unit_amount_decimal": "0.000000000001"}), 1, None),
        (json!({"unit_amount": 5}), 999_999, None),
        (
            json!({"unit_amount": 5}),
            0,
            Some("line_items[0][quantity]"),
        ),
        (
            json!({"unit_amount": 5}),
            1_000_000,
            Some("line_items[0][quantity]"),
        ),
    ];
    for (price, quantity, refused) in rows {
        let result = create_raw(&client, &item(price.clone(), quantity)).await;
        match (result, refused) {
            (Ok(_), None) => {}
            (Err(err), Some(param)) => {
                assert_eq!(api_error(&err).param.as_deref(), Some(param), "{price}")
            }
            (other, _) => panic!("{price} × {quantity}: {other:?}"),
        }
    }

    // Line items list with the expansions Stripe offers there, and no other.
    let session = create_raw(&client, &item(json!({"unit_amount": 5}), 1))
        .await
        .unwrap();
    let path = format!(
        "/v1/checkout/sessions/{}/line_items",
        session["id"].as_str().unwrap()
    );
    let listed: Value = client
        .request_raw(Method::Get, &path, &json!({"expand": ["data.price"]}))
        .await
        .unwrap();
    assert_eq!(listed["data"][0]["price"]["unit_amount"], 5);
    let err = client
        .request_raw::<Value, _>(Method::Get, &path, &json!({"expand": ["data.bogus"]}))
        .await
        .unwrap_err();
    assert_eq!(api_error(&err).param.as_deref(), Some("expand[0]"));
}

/// Updating metadata with an empty value removes that key and keeps the others.
#[tokio::test]
async fn an_empty_metadata_value_removes_only_its_key() {
    let fake = fake_with_catalog().await;
    let client = fake.client();
    let created = client
        .checkout_sessions()
        .create(
            &custom_session("price_cap", 1)
                .metadata("a", "1")
                .metadata("b", "2"),
        )
        .await
        .unwrap();
    let path = format!("/v1/checkout/sessions/{}", created.id);
    let updated: Value = client
        .request_raw(Method::Post, &path, &json!({"metadata": {"a": ""}}))
        .await
        .unwrap();
    assert_eq!(updated["metadata"], json!({"b": "2"}));
}

/// Listing by creation time: an exact time, each bound alone at its edge, and bounds together.
#[tokio::test]
async fn lists_filter_by_creation_time() {
    use stripe_checkout_client::checkout::params::RangeQuery;

    let fake = fake_with_catalog().await;
    let client = fake.client();
    let sessions = client.checkout_sessions();
    let t = fake.now();
    let mut ids = Vec::new();
    for offset in [0, 10, 20] {
        fake.set_time(t + offset);
        ids.push(
            sessions
                .create(&custom_session("price_cap", 1))
                .await
                .unwrap()
                .id,
        );
    }
    let rows: [(ListSessions, [bool; 3]); 7] = [
        (ListSessions::new().created(t + 10), [false, true, false]),
        (
            ListSessions::new().created(RangeQuery::new().gt(t)),
            [false, true, true],
        ),
        (
            ListSessions::new().created(RangeQuery::new().gte(t + 10)),
            [false, true, true],
        ),
        (
            ListSessions::new().created(RangeQuery::new().lt(t + 20)),
            [true, true, false],
        ),
        (
            ListSessions::new().created(RangeQuery::new().lte(t + 10)),
            [true, true, false],
        ),
        (
            ListSessions::new().created(RangeQuery::new().gt(t).lt(t + 20)),
            [false, true, false],
        ),
        (
            ListSessions::new().created(RangeQuery::new().gte(t + 10).lte(t + 10)),
            [false, true, false],
        ),
    ];
    for (params, wanted) in rows {
        let listed = sessions.list(&params).await.unwrap();
        let got: Vec<_> = listed.data.iter().map(|s| s.id.clone()).collect();
        let expected: Vec<_> = ids
            .iter()
            .zip(wanted)
            .filter(|(_, w)| *w)
            .map(|(id, _)| id.clone())
            .rev()
            .collect();
        assert_eq!(got, expected, "{:?}", params.created);
    }
}
