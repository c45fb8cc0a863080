//! Discounts on the emulator: the guide's scenario end to end through `update_discounts`, the
//! discount arithmetic on a table of carts, inline coupons and expanded coupons at their edges.

use serde_json::{Value, json};
use stripe_checkout_client::Method;
use stripe_checkout_client::checkout::UpdateSession;
use stripe_checkout_client::discounts::policies::CartThreshold;
use stripe_checkout_client::discounts::{CouponData, Discount, policy_fn, update_discounts};
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt};

use super::*;

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
