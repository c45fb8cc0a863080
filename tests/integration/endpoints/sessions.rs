//! The typed Checkout Session API against wiremock: the recorded official-SDK vectors through
//! the param types, local validation before sending, pagination, and the other endpoints.

use futures_util::TryStreamExt;
use serde::Deserialize;
use serde_json::{Value, json};
use stripe_checkout_client::checkout::{
    CreateSession, LineItem, ListLineItems, ListSessions, PermissionOwner, SessionMode,
    SessionStatus, UiMode, UpdateSession,
};
use stripe_checkout_client::discounts::{CouponData, Discount};
use stripe_checkout_client::ids::CheckoutSessionId;
use stripe_checkout_client::{Client, Error};
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{FormPairs, mock_client, mount_catch_all, request_pairs};

const SESSION_FIXTURE: &str = include_str!("../../fixtures/checkout_session.json");

fn session_json(id: &str) -> Value {
    let mut v: Value = serde_json::from_str(SESSION_FIXTURE).unwrap();
    v["id"] = json!(id);
    v
}

#[derive(Deserialize)]
struct Vectors {
    session_id_used: String,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    operation: String,
    params: Value,
    method: String,
    path: String,
    pairs: Vec<(String, String)>,
}

fn sorted(mut pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    pairs.sort();
    pairs
}

/// Each recorded case's JSON params, deserialized into the typed param type and sent through
/// the typed method, reach the server as the recorded method, path and pairs.
///
/// Pairs are compared as a multiset: a typed struct sends its fields in declaration order, while
/// the SDKs follow the caller's key order, and Stripe reads both the same. (The recorded cases
/// also match in order, which the params' own golden tests check.)
#[tokio::test]
async fn recorded_vectors_through_the_typed_methods() {
    let v: Vectors =
        serde_json::from_str(include_str!("../../fixtures/wire_checkout_sessions.json")).unwrap();
    for case in &v.cases {
        let server = MockServer::start().await;
        let answer = if case.operation == "list" {
            json!({"object": "list", "data": [session_json(&v.session_id_used)], "has_more": false, "url": "/v1/checkout/sessions"})
        } else {
            session_json(&v.session_id_used)
        };
        Mock::given(method(case.method.as_str()))
            .and(path(case.path.as_str()))
            .respond_with(ResponseTemplate::new(200).set_body_json(answer))
            .expect(1)
            .named(case.name.as_str())
            .mount(&server)
            .await;
        mount_catch_all(&server).await;
        let client = mock_client(&server);
        let sessions = client.checkout_sessions();
        let id = &v.session_id_used.parse::<CheckoutSessionId>().unwrap();
        let params = case.params.clone();
        let result = match case.operation.as_str() {
            "create" => {
                let p: CreateSession = serde_json::from_value(params).unwrap();
                sessions.create(&p).await.map(|s| s.id.to_string())
            }
            "update" => {
                let p: UpdateSession = serde_json::from_value(params).unwrap();
                sessions.update(id, &p).await.map(|s| s.id.to_string())
            }
            "retrieve" => {
                // A retrieve's only param is `expand`, chained on the pending request.
                let expand: Vec<String> =
                    serde_json::from_value(params["expand"].clone()).unwrap_or_default();
                sessions
                    .retrieve(id)
                    .expand(expand)
                    .await
                    .map(|s| s.id.to_string())
            }
            "expire" => sessions.expire(id).await.map(|s| s.id.to_string()),
            "list" => {
                let p: ListSessions = serde_json::from_value(params).unwrap();
                sessions.list(&p).await.map(|l| l.data[0].id.to_string())
            }
            other => panic!("{}: unknown operation {other}", case.name),
        };
        assert_eq!(
            result.unwrap_or_else(|e| panic!("{}: {e:?}", case.name)),
            id.as_str()
        );
        let req = &server.received_requests().await.unwrap()[0];
        assert_eq!(
            sorted(request_pairs(req)),
            sorted(case.pairs.clone()),
            "{}",
            case.name
        );
        server.verify().await;
    }
}

#[tokio::test]
async fn the_design_sketch_sends_what_the_guide_sends() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/checkout/sessions"))
        .and(FormPairs(
            [
                ("ui_mode", "custom"),
                ("permissions[update_discounts]", "server_only"),
                ("line_items[0][price]", "price_123"),
                ("line_items[0][quantity]", "1"),
                ("mode", "payment"),
                ("return_url", "https://example.com/return"),
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .to_vec(),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(session_json("cs_test_new")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/checkout/sessions/cs_test_new"))
        .respond_with(ResponseTemplate::new(200).set_body_json(session_json("cs_test_new")))
        .expect(2)
        .mount(&server)
        .await;
    mount_catch_all(&server).await;
    let client = mock_client(&server);
    let created = client
        .checkout_sessions()
        .create(
            &CreateSession::new(SessionMode::Payment)
                .ui_mode(UiMode::Custom)
                .line_item(LineItem::price("price_123", 1))
                .return_url("https://example.com/return")
                .update_discounts(PermissionOwner::ServerOnly),
        )
        .await
        .unwrap();
    assert_eq!(created.id, "cs_test_new");
    client
        .checkout_sessions()
        .update(
            &created.id,
            &UpdateSession::new()
                .discounts([Discount::CouponData(
                    CouponData::amount_off(2000, "usd").name("Customer Discount"),
                )])
                .expand(["discounts"]),
        )
        .await
        .unwrap();
    client
        .checkout_sessions()
        .update(&created.id, &UpdateSession::new().clear_discounts())
        .await
        .unwrap();
    let reqs = server.received_requests().await.unwrap();
    let pairs = |i: usize| {
        request_pairs(&reqs[i])
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        pairs(1),
        [
            "discounts[0][coupon_data][name]=Customer Discount",
            "discounts[0][coupon_data][amount_off]=2000",
            "discounts[0][coupon_data][currency]=usd",
            "expand[0]=discounts"
        ]
    );
    assert_eq!(pairs(2), ["discounts="]);
    server.verify().await;
}

/// Rows that must fail locally: the error names the parameter and nothing reaches the server.
#[tokio::test]
async fn invalid_params_are_rejected_before_sending() {
    let server = MockServer::start().await;
    mount_catch_all(&server).await;
    let client = mock_client(&server);
    let sessions = client.checkout_sessions();
    let base = || CreateSession::new(SessionMode::Payment).line_item(LineItem::price("price_1", 1));
    let two = [
        Discount::Coupon("A".parse().unwrap()),
        Discount::Coupon("B".parse().unwrap()),
    ];
    let creates: Vec<(CreateSession, &str)> = vec![
        (base().discounts(two.clone()), "discounts"),
        (
            base()
                .discounts([Discount::Coupon("A".parse().unwrap())])
                .allow_promotion_codes(true),
            "allow_promotion_codes",
        ),
        (
            CreateSession::new(SessionMode::Payment).line_item(LineItem::price("price_1", 0)),
            "line_items[0][quantity]",
        ),
        (
            base().discounts([Discount::CouponData(CouponData::amount_off(0, "usd"))]),
            "discounts[0][coupon_data][amount_off]",
        ),
        (
            base().discounts([Discount::CouponData(CouponData::amount_off(100, "dollars"))]),
            "discounts[0][coupon_data][currency]",
        ),
        (
            base().discounts([Discount::CouponData(CouponData::percent_off(100.5))]),
            "discounts[0][coupon_data][percent_off]",
        ),
        (
            base().metadata("k".repeat(41), "v"),
            "metadata[kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk]",
        ),
    ];
    for (params, want) in creates {
        match sessions.create(&params).await {
            Err(Error::InvalidParams { param, .. }) => assert_eq!(param, want),
            other => panic!("{want}: {other:?}"),
        }
    }
    let updates: Vec<(UpdateSession, &str)> = vec![
        (UpdateSession::new().discounts(two), "discounts"),
        (
            UpdateSession::new().discounts([Discount::CouponData(CouponData::percent_off(0.0))]),
            "discounts[0][coupon_data][percent_off]",
        ),
    ];
    for (params, want) in updates {
        match sessions
            .update(&"cs_test_1".parse().unwrap(), &params)
            .await
        {
            Err(Error::InvalidParams { param, .. }) => assert_eq!(param, want),
            other => panic!("{want}: {other:?}"),
        }
    }
    // A bad id never reaches an endpoint: it fails where it is parsed, naming what is wrong.
    for bad_id in [
        "",
        "pi_123",
        "cs_test_1/../../v1/customers",
        "cs_test_1?x=1",
    ] {
        let err = bad_id.parse::<CheckoutSessionId>().unwrap_err();
        assert!(err.to_string().starts_with("checkout session id"), "{err}");
    }
    match sessions.list(&ListSessions::new().limit(101)).await {
        Err(Error::InvalidParams { param, .. }) => assert_eq!(param, "limit"),
        other => panic!("{other:?}"),
    }
    assert!(
        server.received_requests().await.unwrap().is_empty(),
        "nothing may reach the server"
    );
}

fn page(ids: &[&str], has_more: bool) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "object": "list",
        "url": "/v1/checkout/sessions",
        "has_more": has_more,
        "data": ids.iter().map(|id| session_json(id)).collect::<Vec<_>>(),
    }))
}

#[tokio::test]
async fn list_all_follows_starting_after_across_pages() {
    let server = MockServer::start().await;
    let list = || Mock::given(method("GET")).and(path("/v1/checkout/sessions"));
    list()
        .and(query_param_is_missing("starting_after"))
        .and(query_param("limit", "2"))
        .and(query_param("status", "open"))
        .respond_with(page(&["cs_test_1", "cs_test_2"], true))
        .expect(1)
        .mount(&server)
        .await;
    list()
        .and(query_param("starting_after", "cs_test_2"))
        .and(query_param("status", "open"))
        .respond_with(page(&["cs_test_3", "cs_test_4"], true))
        .expect(1)
        .mount(&server)
        .await;
    list()
        .and(query_param("starting_after", "cs_test_4"))
        .respond_with(page(&["cs_test_5"], false))
        .expect(1)
        .mount(&server)
        .await;
    mount_catch_all(&server).await;
    let client = mock_client(&server);
    let all: Vec<String> = client
        .checkout_sessions()
        .list_all(ListSessions::new().limit(2).status(SessionStatus::Open))
        .map_ok(|s| s.id.to_string())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        all,
        [
            "cs_test_1",
            "cs_test_2",
            "cs_test_3",
            "cs_test_4",
            "cs_test_5"
        ]
    );
    server.verify().await;
}

#[tokio::test]
async fn list_all_is_lazy_and_stops_after_an_error() {
    let server = MockServer::start().await;
    Mock::given(path("/v1/checkout/sessions"))
        .and(query_param_is_missing("starting_after"))
        .respond_with(page(&["cs_test_1"], true))
        .mount(&server)
        .await;
    Mock::given(path("/v1/checkout/sessions"))
        .and(query_param("starting_after", "cs_test_1"))
        .respond_with(ResponseTemplate::new(400).set_body_json(
            json!({"error": {"type": "invalid_request_error", "message": "bad cursor"}}),
        ))
        .mount(&server)
        .await;
    mount_catch_all(&server).await;
    let client = mock_client(&server);
    let sessions = client.checkout_sessions();
    let mut stream = std::pin::pin!(sessions.list_all(ListSessions::new()));
    // Nothing is fetched until the stream is polled.
    assert!(server.received_requests().await.unwrap().is_empty());
    let before = format!("{stream:?}");
    assert!(
        before.starts_with("SessionStream { options: ") && before.contains("started: false"),
        "{before}"
    );
    assert_eq!(stream.try_next().await.unwrap().unwrap().id, "cs_test_1");
    let after = format!("{stream:?}");
    assert!(after.contains("started: true"), "{after}");
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
    let err = stream.try_next().await.unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert!(
        stream.try_next().await.unwrap().is_none(),
        "the stream ends"
    );
}

#[tokio::test]
async fn expire_and_line_items_hit_their_paths() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/checkout/sessions/cs_test_9/expire"))
        .respond_with(ResponseTemplate::new(200).set_body_json({
            let mut s = session_json("cs_test_9");
            s["status"] = json!("expired");
            s
        }))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/checkout/sessions/cs_test_9/line_items"))
        .and(query_param("limit", "5"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "object": "list",
            "url": "/v1/checkout/sessions/cs_test_9/line_items",
            "has_more": false,
            "data": [serde_json::from_str::<Value>(include_str!("../../fixtures/item.json")).unwrap()],
        })))
        .expect(1)
        .mount(&server)
        .await;
    mount_catch_all(&server).await;
    let client: Client = mock_client(&server);
    let expired = client
        .checkout_sessions()
        .expire(&"cs_test_9".parse().unwrap())
        .await
        .unwrap();
    assert_eq!(expired.status, Some(SessionStatus::Expired));
    let items = client
        .checkout_sessions()
        .list_line_items(
            &"cs_test_9".parse().unwrap(),
            &ListLineItems::new().limit(5),
        )
        .await
        .unwrap();
    assert_eq!(items.data.len(), 1);
    assert_eq!(items.data[0].description.as_deref(), Some("T-shirt"));
    let reqs = server.received_requests().await.unwrap();
    assert!(reqs[0].body.is_empty(), "expire sends no parameters");
    server.verify().await;
}
