//! Each typed operation against the emulator: create, retrieve, update, list (pages, filters),
//! line items, expire, the catalog objects, idempotent replay, the fault knobs, and the recorded
//! wire vectors decoded by the emulator.

use std::time::Duration;

use futures_util::TryStreamExt;
use serde_json::{Value, json};
use stripe_checkout_client::checkout::params::{Permissions, PriceData, ProductData};
use stripe_checkout_client::checkout::{
    CreateSession, LineItem, ListLineItems, ListSessions, PaymentStatus, PermissionOwner,
    SessionMode, SessionStatus, UiMode, UpdateSession,
};
use stripe_checkout_client::discounts::Discount;
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt, Fault};
use stripe_checkout_client::{Error, Method, RequestOptions};

use super::*;

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
        serde_json::from_str(include_str!("../../fixtures/wire_checkout_sessions.json")).unwrap();
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
