//! One table of bad inputs across the layers — configuration, session ids, parameter values,
//! the front end's bodies to the example's endpoints — each with the typed error or HTTP
//! answer it must get. Whatever can be refused locally must not reach the server: those rows
//! also check the emulator's journal is empty.

use serde_json::json;
use stripe_checkout_client::checkout::enums::RecurringInterval;
use stripe_checkout_client::checkout::params::{
    AdjustableQuantity, PriceData, ProductData, Recurring, ShippingOption, ShippingRateData,
};
use stripe_checkout_client::checkout::{
    CreateSession, LineItem, ListLineItems, ListSessions, SessionMode, UpdateLineItem,
    UpdateSession,
};
use stripe_checkout_client::discounts::{
    CouponData, Discount, INVALID_DISCOUNTS_MESSAGE, MAX_BODY_BYTES,
};
use stripe_checkout_client::ids::CheckoutSessionId;
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt};
use stripe_checkout_client::{Client, ConfigError, Error};

use crate::flow::merchant_server::Harness;

/// The parameter a local refusal names; anything else is a failure of the row.
fn refused_param(result: Result<impl std::fmt::Debug, Error>) -> String {
    match result {
        Err(Error::InvalidParams { param, .. }) => param,
        other => panic!("expected a local InvalidParams, got {other:?}"),
    }
}

#[tokio::test]
async fn configuration_rows() {
    let rows: [(&str, &str); 6] = [
        ("pk_test_123", "https://api.stripe.com"),
        ("", "https://api.stripe.com"),
        ("sk_test_123", "http://api.stripe.com"),
        ("sk_test_123", "http://10.0.0.1:12111"),
        ("sk_test_123", "ftp://127.0.0.1"),
        ("sk_test_123", "not a url"),
    ];
    for (key, base) in rows {
        let err = Client::builder(key).api_base(base).build().unwrap_err();
        assert!(matches!(err, Error::Config(_)), "{key} {base}: {err:?}");
    }
    // Loopback http is the one exception (emulators and tests).
    assert!(
        Client::builder("sk_test_1")
            .api_base("http://127.0.0.1:9")
            .build()
            .is_ok()
    );
    assert!(matches!(
        Client::builder("sk_test_1")
            .api_base("http://10.0.0.1")
            .build(),
        Err(Error::Config(ConfigError::InsecureApiBase { .. }))
    ));
}

#[tokio::test]
async fn session_id_rows_never_reach_the_server() {
    let fake = FakeStripe::start().await;
    let sessions_client = fake.client();
    let sessions = sessions_client.checkout_sessions();
    let long = format!("cs_test_{}", "a".repeat(300));
    let rows = [
        "",
        "cs_",
        "pi_3MtwBwLkdIwHu7ix28a3tqPa",
        "cs_test_123/../../v1/charges",
        "cs_test_123?expand[]=customer",
        "cs test 123",
        "cs_test_\u{e9}t\u{e9}",
        "cs_test_1%2F..",
        long.as_str(),
    ];
    // Ids are parsed once, up front: none of these can reach an endpoint method.
    for id in rows {
        assert!(id.parse::<CheckoutSessionId>().is_err(), "{id:?}");
    }
    let _ = sessions;
    assert!(fake.journal().is_empty(), "{:?}", fake.journal());
}

#[tokio::test]
async fn parameter_rows_are_refused_locally() {
    let fake = FakeStripe::start().await;
    let client = fake.client();
    let sessions = client.checkout_sessions();
    let base = || CreateSession::new(SessionMode::Payment).line_item(LineItem::price("price_1", 1));
    let price_data = |p: PriceData| base().line_item(LineItem::price_data(p, 1));
    let coupon = |c: CouponData| base().discount(Discount::CouponData(c));
    let long_key = "k".repeat(41);
    // Params read from JSON hold their ids unchecked; validation checks them again.
    let from_json = |v: serde_json::Value| serde_json::from_value::<CreateSession>(v).unwrap();

    let creates: Vec<(CreateSession, String)> = vec![
        (
            base().discounts([
                Discount::Coupon("A".parse().unwrap()),
                Discount::Coupon("B".parse().unwrap()),
            ]),
            "discounts".into(),
        ),
        (
            base()
                .discount(Discount::Coupon("A".parse().unwrap()))
                .allow_promotion_codes(true),
            "allow_promotion_codes".into(),
        ),
        (
            from_json(json!({"mode": "payment", "discounts": [{"promotion_code": "SUMMER"}]})),
            "discounts[0][promotion_code]".into(),
        ),
        (
            from_json(json!({"mode": "payment", "discounts": [{"coupon": "has space"}]})),
            "discounts[0][coupon]".into(),
        ),
        (
            base().line_item(LineItem::price("prod_not_a_price", 1)),
            "line_items[1][price]".into(),
        ),
        (
            from_json(json!({"mode": "payment", "customer": "acct_1"})),
            "customer".into(),
        ),
        (
            from_json(
                json!({"mode": "payment", "line_items": [{"price": "prod_1", "quantity": 1}]}),
            ),
            "line_items[0][price]".into(),
        ),
        (
            from_json(
                json!({"mode": "payment", "line_items": [{"quantity": 1, "price_data": {
                "currency": "usd", "unit_amount": 100, "product": "price_1"}}]}),
            ),
            "line_items[0][price_data][product]".into(),
        ),
        (base().customer("acct_not_a_customer"), "customer".into()),
        (
            coupon(CouponData::amount_off(0, "usd")),
            "discounts[0][coupon_data][amount_off]".into(),
        ),
        (
            coupon(CouponData::amount_off(-100, "usd")),
            "discounts[0][coupon_data][amount_off]".into(),
        ),
        (
            coupon(CouponData::amount_off(100, "dollars")),
            "discounts[0][coupon_data][currency]".into(),
        ),
        (
            coupon(CouponData::percent_off(100.5)),
            "discounts[0][coupon_data][percent_off]".into(),
        ),
        (
            coupon(CouponData::percent_off(f64::NAN)),
            "discounts[0][coupon_data][percent_off]".into(),
        ),
        (
            coupon(CouponData::percent_off(5.0).name("n".repeat(41))),
            "discounts[0][coupon_data][name]".into(),
        ),
        (
            CreateSession::new(SessionMode::Payment).line_item(LineItem::price("price_1", 0)),
            "line_items[0][quantity]".into(),
        ),
        (
            base().line_item(LineItem::price("prod_1", 1)),
            "line_items[1][price]".into(),
        ),
        (
            price_data(PriceData::new("usd!", 100, ProductData::new("x"))),
            "line_items[1][price_data][currency]".into(),
        ),
        (
            price_data(PriceData::new("usd", -1, ProductData::new("x"))),
            "line_items[1][price_data][unit_amount]".into(),
        ),
        (
            price_data(PriceData::new("usd", 1, ProductData::new(""))),
            "line_items[1][price_data][product_data][name]".into(),
        ),
        (
            price_data(PriceData::new(
                "usd",
                1,
                ProductData::new("x").metadata(long_key.as_str(), "v"),
            )),
            format!("line_items[1][price_data][product_data][metadata][{long_key}]"),
        ),
        (
            base().line_item(
                LineItem::price("price_2", 1).adjustable_quantity(AdjustableQuantity::range(5, 2)),
            ),
            "line_items[1][adjustable_quantity][minimum]".into(),
        ),
        (base().metadata("", "v"), "metadata".into()),
        (base().metadata("k", "v".repeat(501)), "metadata[k]".into()),
        // Empty texts would go out as `key=`, which Stripe reads as unset and refuses.
        (base().return_url(""), "return_url".into()),
        (
            base().client_reference_id("  "),
            "client_reference_id".into(),
        ),
        (base().expand(["discounts", ""]), "expand[1]".into()),
        (
            price_data(PriceData::new("usd", 1, ProductData::new("   "))),
            "line_items[1][price_data][product_data][name]".into(),
        ),
        (
            price_data(PriceData::new("usd", 100_000_000, ProductData::new("x"))),
            "line_items[1][price_data][unit_amount]".into(),
        ),
        (
            base().shipping_address_collection(["us"]),
            "shipping_address_collection[allowed_countries][0]".into(),
        ),
        (
            base().line_item(
                LineItem::price("price_2", 1)
                    .adjustable_quantity(AdjustableQuantity::new(true).minimum(5_000_000)),
            ),
            "line_items[1][adjustable_quantity][minimum]".into(),
        ),
        (
            (0..51).fold(base(), |p, i| p.metadata(format!("k{i}"), "v")),
            "metadata".into(),
        ),
        (base().metadata("a[b]", "v"), "metadata".into()),
        (
            price_data(PriceData::new("usd", 0, ProductData::new("x")).unit_amount_decimal("1e3")),
            "line_items[1][price_data][unit_amount_decimal]".into(),
        ),
        (
            price_data(
                PriceData::new("usd", 0, ProductData::new("x")).unit_amount_decimal("99999999.5"),
            ),
            "line_items[1][price_data][unit_amount_decimal]".into(),
        ),
        (
            price_data(
                PriceData::new("usd", 100, ProductData::new("x"))
                    .recurring(Recurring::new(RecurringInterval::Month).interval_count(0)),
            ),
            "line_items[1][price_data][recurring][interval_count]".into(),
        ),
        (
            base().customer("cus_123").customer_email("a@example.com"),
            "customer_email".into(),
        ),
        (
            base().shipping_address_collection(Vec::<String>::new()),
            "shipping_address_collection[allowed_countries]".into(),
        ),
    ];
    for (params, want) in creates {
        assert_eq!(
            refused_param(sessions.create(&params).await),
            want,
            "{params:?}"
        );
    }

    let id: &CheckoutSessionId = &"cs_test_123".parse().unwrap();
    let mut without_quantity = UpdateLineItem::price("price_1", 1);
    without_quantity.quantity = None;
    // An id read from JSON is taken as Stripe sent it; validation checks it again.
    let mut product_as_price = UpdateLineItem::price("price_1", 1);
    product_as_price.price = Some(serde_json::from_value(json!("prod_1")).unwrap());
    let updates: Vec<(UpdateSession, &str)> = vec![
        (
            UpdateSession::new().discounts([
                Discount::Coupon("A".parse().unwrap()),
                Discount::Coupon("B".parse().unwrap()),
            ]),
            "discounts",
        ),
        (
            UpdateSession::new().discount(Discount::CouponData(
                CouponData::amount_off(5, "usd").duration_in_months(3),
            )),
            "discounts[0][coupon_data][duration_in_months]",
        ),
        (
            UpdateSession::new().line_item(UpdateLineItem::existing("")),
            "line_items[0][id]",
        ),
        (
            UpdateSession::new().shipping_options(
                (0..6).map(|i| ShippingOption::shipping_rate(format!("shr_{i}"))),
            ),
            "shipping_options",
        ),
        (
            UpdateSession::new().shipping_options([ShippingOption::shipping_rate_data(
                ShippingRateData::fixed_amount("Express", -1, "usd"),
            )]),
            "shipping_options[0][shipping_rate_data][fixed_amount][amount]",
        ),
        (
            UpdateSession::new().shipping_options([ShippingOption::shipping_rate_data(
                ShippingRateData::fixed_amount(" ", 500, "usd"),
            )]),
            "shipping_options[0][shipping_rate_data][display_name]",
        ),
        (
            UpdateSession::new().line_item(without_quantity.clone()),
            "line_items[0][quantity]",
        ),
        (
            UpdateSession::new().line_item(product_as_price),
            "line_items[0][price]",
        ),
    ];
    for (params, want) in updates {
        assert_eq!(
            refused_param(sessions.update(id, &params).await),
            want,
            "{params:?}"
        );
    }

    assert_eq!(
        refused_param(sessions.list(&ListSessions::new().limit(0)).await),
        "limit"
    );
    for (list, want) in [
        (json!({"customer": "acct_1"}), "customer"),
        (json!({"starting_after": "pi_1"}), "starting_after"),
        (json!({"ending_before": "pi_1"}), "ending_before"),
    ] {
        let params: ListSessions = serde_json::from_value(list).unwrap();
        assert_eq!(refused_param(sessions.list(&params).await), want);
    }
    assert_eq!(
        refused_param(sessions.retrieve(id).expand([""]).await),
        "expand[0]"
    );
    assert_eq!(
        refused_param(sessions.list(&ListSessions::new().limit(101)).await),
        "limit"
    );
    assert_eq!(
        refused_param(
            sessions
                .list_line_items(id, &ListLineItems::new().limit(500))
                .await
        ),
        "limit"
    );
    assert!(fake.journal().is_empty(), "{:?}", fake.journal());
}

#[tokio::test]
async fn front_end_body_rows_get_the_contract() {
    let h = Harness::start().await;
    let id = h.create().await;
    h.fake.clear_journal();
    let invalid = json!({"type": "error", "message": INVALID_DISCOUNTS_MESSAGE});
    let rows: Vec<(String, u16)> = vec![
        (String::new(), 200),
        ("null".into(), 200),
        ("[]".into(), 200),
        ("\"cs_test_1\"".into(), 200),
        (json!({}).to_string(), 200),
        (json!({"checkout_session_id": null}).to_string(), 200),
        (json!({"checkout_session_id": 123}).to_string(), 200),
        (
            json!({"checkout_session_id": ["cs_test_1"]}).to_string(),
            200,
        ),
        (
            json!({"checkout_session_id": "cs_test_1' OR '1'='1"}).to_string(),
            200,
        ),
        (
            json!({"checkout_session_id": "<script>alert(1)</script>"}).to_string(),
            200,
        ),
        (
            json!({"checkout_session_id": "cs_test_\u{1F600}"}).to_string(),
            200,
        ),
        (
            json!({"checkout_session_id": "cs_test_1/../../v1/charges"}).to_string(),
            200,
        ),
        (
            json!({"checkout_session_id": id, "discounts": 5}).to_string(),
            200,
        ),
        (
            json!({"checkout_session_id": id, "discounts": {"coupon": "A"}}).to_string(),
            200,
        ),
        (
            json!({"checkout_session_id": id, "discounts": [{"coupon": 5}]}).to_string(),
            200,
        ),
        (
            json!({"checkout_session_id": id, "discounts": [{"hack": "x"}]}).to_string(),
            200,
        ),
        (
            json!({"checkout_session_id": id, "discounts": [{"code": "x".repeat(201)}]})
                .to_string(),
            200,
        ),
        (
            json!({"checkout_session_id": id, "discounts": vec![json!({"code": "A"}); 11]})
                .to_string(),
            200,
        ),
        (format!("{}{}", "[".repeat(2_000), "]".repeat(2_000)), 200),
        (
            json!({"checkout_session_id": id, "pad": "x".repeat(MAX_BODY_BYTES)}).to_string(),
            413,
        ),
        ("x".repeat(1024 * 1024), 413),
    ];
    for (body, status) in rows {
        let label: String = body.chars().take(60).collect();
        for path in ["/update-discounts", "/apply-customer-discount"] {
            assert_eq!(
                h.post(path, body.clone()).await,
                (status, invalid.clone()),
                "{path} {label}"
            );
        }
    }
    assert!(h.fake.journal().is_empty(), "nothing may reach Stripe");
}

#[test]
fn webhook_header_rows() {
    use std::time::{Duration, UNIX_EPOCH};
    use stripe_checkout_client::webhook::{
        DEFAULT_TOLERANCE, HeaderProblem, WebhookError, test_header, verify_signature,
    };

    let payload = br#"{"id":"evt_1"}"#;
    let t = 1_767_225_600;
    let good = test_header(payload, "whsec_rows", t);
    let sig = &good["t=1767225600,v1=".len()..];
    let rows: Vec<(String, WebhookError)> = vec![
        (
            String::new(),
            WebhookError::MalformedHeader(HeaderProblem::NoTimestamp),
        ),
        (
            "garbage".into(),
            WebhookError::MalformedHeader(HeaderProblem::NoTimestamp),
        ),
        (
            format!("v1={sig}"),
            WebhookError::MalformedHeader(HeaderProblem::NoTimestamp),
        ),
        (
            format!("t=soon,v1={sig}"),
            WebhookError::MalformedHeader(HeaderProblem::BadTimestamp),
        ),
        (format!("t={t}"), WebhookError::NoV1Signature),
        (format!("t={t},v0={sig}"), WebhookError::NoV1Signature),
        (format!("t={t},V1={sig}"), WebhookError::NoV1Signature),
        (
            format!("t={t},v1={}", sig.to_uppercase()),
            WebhookError::NoMatch,
        ),
        (format!("t={t},v1={sig}\u{e9}"), WebhookError::NoMatch),
        (
            format!("t={t},v1='; DROP TABLE orders; --"),
            WebhookError::NoMatch,
        ),
        (format!("t={},v1={sig}", t + 1), WebhookError::NoMatch),
        (
            format!("t={t},v1={sig},pad={}", "x".repeat(10_000)),
            WebhookError::MalformedHeader(HeaderProblem::TooLong),
        ),
        (
            format!("t={t},v1={sig},v1="),
            WebhookError::MalformedHeader(HeaderProblem::EmptySignature),
        ),
    ];
    let now = UNIX_EPOCH + Duration::from_secs(t as u64);
    for (header, want) in rows {
        let label: String = header.chars().take(60).collect();
        let got = verify_signature(payload, &header, &["whsec_rows"], DEFAULT_TOLERANCE, now);
        assert_eq!(got, Err(want), "{label}");
    }
    assert_eq!(
        verify_signature(payload, &good, &["whsec_rows"], DEFAULT_TOLERANCE, now),
        Ok(())
    );
}
