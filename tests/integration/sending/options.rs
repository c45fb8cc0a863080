//! Every pending request takes every option: the same chained setters on each endpoint method,
//! on `request_raw`, on the discount flow and on the endpoint helper, and `.options(&saved)`
//! applying a saved set in the order it is chained.

use futures_util::TryStreamExt;
use serde_json::{Value, json};
use stripe_checkout_client::checkout::{
    CreateSession, LineItem, ListLineItems, ListSessions, SessionMode, UpdateSession,
};
use stripe_checkout_client::discounts::policies::CartThreshold;
use stripe_checkout_client::discounts::{self, DiscountRequest, update_discounts};
use stripe_checkout_client::ids::CheckoutSessionId;
use stripe_checkout_client::{ApiVersion, Method, RequestOptions};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::support::{header, mock_client, mount_catch_all};

const SESSION: &str = "/v1/checkout/sessions/cs_test_opts";

fn session() -> Value {
    json!({
        "id": "cs_test_opts", "object": "checkout.session", "status": "open",
        "currency": "usd", "amount_subtotal": 12000, "amount_total": 12000,
        "permissions": {"update_discounts": "server_only"}, "discounts": [],
    })
}

async fn server() -> MockServer {
    let server = MockServer::start().await;
    let list = json!({"object": "list", "data": [], "has_more": false, "url": "/v1/x"});
    for (verb, route, body) in [
        ("POST", "/v1/checkout/sessions", session()),
        ("GET", "/v1/checkout/sessions", list.clone()),
        ("GET", SESSION, session()),
        ("POST", SESSION, session()),
        (
            "POST",
            "/v1/checkout/sessions/cs_test_opts/expire",
            session(),
        ),
        (
            "GET",
            "/v1/checkout/sessions/cs_test_opts/line_items",
            list.clone(),
        ),
    ] {
        Mock::given(method(verb))
            .and(path(route))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .mount(&server)
            .await;
    }
    mount_catch_all(&server).await;
    server
}

fn saved() -> RequestOptions {
    RequestOptions::new()
        .stripe_account("acct_saved")
        .api_version(ApiVersion::newest_preview())
}

/// The account, version and (POST only) idempotency key each request carried.
async fn seen(server: &MockServer) -> Vec<(String, String, String, Option<String>)> {
    let view = |r: &Request| {
        (
            format!("{} {}", r.method, r.url.path()),
            header(r, "stripe-account").unwrap_or("-").to_owned(),
            header(r, "stripe-version").unwrap_or("-").to_owned(),
            header(r, "idempotency-key").map(str::to_owned),
        )
    };
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(view)
        .collect()
}

#[tokio::test]
async fn every_pending_request_takes_the_saved_options_and_a_key() {
    let server = server().await;
    let client = mock_client(&server);
    let sessions = client.checkout_sessions();
    let id: CheckoutSessionId = "cs_test_opts".parse().unwrap();
    let saved = saved();
    let create = CreateSession::new(SessionMode::Payment).line_item(LineItem::price("price_1", 1));

    sessions
        .create(&create)
        .options(&saved)
        .idempotency_key("k-create")
        .await
        .unwrap();
    sessions.retrieve(&id).options(&saved).await.unwrap();
    sessions
        .update(&id, &UpdateSession::new().clear_discounts())
        .options(&saved)
        .idempotency_key("k-update")
        .await
        .unwrap();
    sessions
        .expire(&id)
        .options(&saved)
        .idempotency_key("k-expire")
        .await
        .unwrap();
    sessions
        .list(&ListSessions::new())
        .options(&saved)
        .await
        .unwrap();
    sessions
        .list_line_items(&id, &ListLineItems::new())
        .options(&saved)
        .await
        .unwrap();
    let all: Vec<_> = sessions
        .list_all(ListSessions::new())
        .options(&saved)
        .try_collect()
        .await
        .unwrap();
    assert!(all.is_empty());
    let _: Value = client
        .request_raw(Method::Post, SESSION, &json!({"metadata": {"k": "v"}}))
        .options(&saved)
        .idempotency_key("k-raw")
        .await
        .unwrap();

    let preview = "2026-08-26.preview".to_owned();
    let acct = "acct_saved".to_owned();
    let row = |what: &str, key: Option<&str>| {
        (
            what.to_owned(),
            acct.clone(),
            preview.clone(),
            key.map(str::to_owned),
        )
    };
    assert_eq!(
        seen(&server).await,
        [
            row("POST /v1/checkout/sessions", Some("k-create")),
            row("GET /v1/checkout/sessions/cs_test_opts", None),
            row("POST /v1/checkout/sessions/cs_test_opts", Some("k-update")),
            row(
                "POST /v1/checkout/sessions/cs_test_opts/expire",
                Some("k-expire")
            ),
            row("GET /v1/checkout/sessions", None),
            row("GET /v1/checkout/sessions/cs_test_opts/line_items", None),
            row("GET /v1/checkout/sessions", None),
            row("POST /v1/checkout/sessions/cs_test_opts", Some("k-raw")),
        ]
    );
}

#[tokio::test]
async fn the_flow_and_the_endpoint_pass_options_to_both_requests() {
    let server = server().await;
    let client = mock_client(&server);
    let request = DiscountRequest::new("cs_test_opts".parse().unwrap());
    let outcome = update_discounts(&client, request, &CartThreshold::guide())
        .options(&saved())
        .idempotency_key("k-flow")
        .await
        .unwrap();
    assert!(outcome.changed);
    let answer = discounts::handle(
        &client,
        br#"{"checkout_session_id":"cs_test_opts"}"#,
        &CartThreshold::guide(),
    )
    .stripe_account("acct_handle")
    .idempotency_key("k-handle")
    .await;
    assert_eq!(answer.status, 200);

    let seen = seen(&server).await;
    let route: Vec<_> = seen.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(
        route,
        [
            "GET /v1/checkout/sessions/cs_test_opts",
            "POST /v1/checkout/sessions/cs_test_opts",
            "GET /v1/checkout/sessions/cs_test_opts",
            "POST /v1/checkout/sessions/cs_test_opts",
        ]
    );
    // The idempotency key goes on the update only; the account and version on both.
    assert_eq!(seen[0].1, "acct_saved");
    assert_eq!(seen[0].2, "2026-08-26.preview");
    assert_eq!(seen[0].3, None);
    assert_eq!(seen[1].1, "acct_saved");
    assert_eq!(seen[1].3.as_deref(), Some("k-flow"));
    assert_eq!(seen[2].1, "acct_handle");
    assert_eq!(seen[2].3, None);
    assert_eq!(seen[3].1, "acct_handle");
    assert_eq!(seen[3].3.as_deref(), Some("k-handle"));
}

#[tokio::test]
async fn later_options_win_over_earlier_ones() {
    let server = server().await;
    let client = mock_client(&server);
    let id: CheckoutSessionId = "cs_test_opts".parse().unwrap();
    let sessions = client.checkout_sessions();
    sessions
        .retrieve(&id)
        .stripe_account("acct_first")
        .options(&saved())
        .await
        .unwrap();
    sessions
        .retrieve(&id)
        .options(&saved())
        .stripe_account("acct_last")
        .await
        .unwrap();
    // A saved set that leaves the account unset keeps the one chained before it.
    sessions
        .retrieve(&id)
        .stripe_account("acct_kept")
        .options(&RequestOptions::new().max_retries(0))
        .await
        .unwrap();
    let accounts: Vec<_> = seen(&server).await.into_iter().map(|s| s.1).collect();
    assert_eq!(accounts, ["acct_saved", "acct_last", "acct_kept"]);
    let pending = sessions
        .retrieve(&id)
        .max_retries(3)
        .timeout(std::time::Duration::from_secs(2));
    assert_eq!(pending.request_options().max_retries, Some(3));
    assert_eq!(
        pending.request_options().timeout,
        Some(std::time::Duration::from_secs(2))
    );
}

#[test]
fn pending_requests_flows_and_streams_are_send() {
    fn send<T: Send>(_: &T) {}
    let client = stripe_checkout_client::Client::new("sk_test_send").unwrap();
    let id: CheckoutSessionId = "cs_test_send".parse().unwrap();
    let sessions = client.checkout_sessions();
    let pending = sessions.retrieve(&id);
    send(&pending);
    send(&std::future::IntoFuture::into_future(pending));
    send(&sessions.list_all(ListSessions::new()));
    let policy = CartThreshold::guide();
    let flow = update_discounts(&client, DiscountRequest::new(id.clone()), &policy);
    send(&flow);
    send(&std::future::IntoFuture::into_future(flow));
    let endpoint = discounts::handle(&client, b"{}", &policy);
    send(&endpoint);
    send(&std::future::IntoFuture::into_future(endpoint));
}

#[tokio::test]
async fn a_bad_key_stops_the_flow_before_the_retrieve() {
    let server = server().await;
    let client = mock_client(&server);
    let request = DiscountRequest::new("cs_test_opts".parse().unwrap());
    let err = update_discounts(&client, request, &CartThreshold::guide())
        .idempotency_key("has spaces")
        .await
        .unwrap_err();
    match err {
        discounts::UpdateError::Stripe(stripe_checkout_client::Error::InvalidParams {
            param,
            ..
        }) => assert_eq!(param, "idempotency_key"),
        other => panic!("{other:?}"),
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}
