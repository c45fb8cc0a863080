//! Stripe's rules as the emulator enforces them, reached through the client: each refusal
//! names its param, session rules, amounts and decimals, body size, URLs, promotion codes and
//! line items at their edges.

use serde_json::{Value, json};
use stripe_checkout_client::checkout::params::{
    Address, CollectedInformation, Permissions, ShippingDetails,
};
use stripe_checkout_client::checkout::{
    CreateSession, LineItem, ListSessions, PermissionOwner, SessionMode, SessionStatus,
    UpdateSession,
};
use stripe_checkout_client::discounts::policies::CartThreshold;
use stripe_checkout_client::discounts::{
    CouponData, Discount, ServerUpdateResponse, UpdateError, update_discounts,
};
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt};
use stripe_checkout_client::{Client, Method};

use super::*;

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
