//! The escape hatch on the typed params: untyped pairs sent after the typed ones, and keys
//! that collide with what the typed fields send refused before anything is sent.

use serde_json::json;
use stripe_checkout_client::Error;
use stripe_checkout_client::checkout::{
    CreateSession, LineItem, ListLineItems, ListSessions, SessionMode, SessionStatus, UpdateSession,
};
use stripe_checkout_client::ids::CheckoutSessionId;
use stripe_checkout_client::testing::FakeStripeExt;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{mock_client, pairs, request_pairs};

async fn server() -> MockServer {
    let server = MockServer::start().await;
    let body = json!({"id": "cs_test_x", "object": "checkout.session",
                      "data": [], "has_more": false});
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    server
}

async fn sent(server: &MockServer) -> Vec<Vec<(String, String)>> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(request_pairs)
        .collect()
}

#[tokio::test]
async fn extras_are_sent_after_the_typed_params_on_every_params_type() {
    let server = server().await;
    let client = mock_client(&server);
    let sessions = client.checkout_sessions();
    let id: CheckoutSessionId = "cs_test_x".parse().unwrap();

    let create = CreateSession::new(SessionMode::Subscription)
        .line_item(LineItem::price("price_1", 1))
        .extra_param("beta_feature[display_name]", "Shop")
        .extra_param("line_items[0][dynamic_tax_rates][0]", "txr_1")
        .extra_json(json!({"beta_feature": {"button_color": "#000000"}, "beta_flag": true}));
    sessions.create(&create).await.unwrap();
    let update = UpdateSession::new()
        .metadata("order", "42")
        .extra_param("custom_text[submit][message]", "Thanks");
    sessions.update(&id, &update).await.unwrap();
    let list = ListSessions::new()
        .limit(3)
        .extra_param("payment_link", "plink_1");
    let _ = sessions.list(&list).await.unwrap();
    let items = ListLineItems::new().extra_json(json!({"future_filter": "x"}));
    let _ = sessions.list_line_items(&id, &items).await;

    assert_eq!(
        sent(&server).await,
        [
            pairs(&[
                ("line_items[0][price]", "price_1"),
                ("line_items[0][quantity]", "1"),
                ("mode", "subscription"),
                ("beta_feature[display_name]", "Shop"),
                ("line_items[0][dynamic_tax_rates][0]", "txr_1"),
                ("beta_feature[button_color]", "#000000"),
                ("beta_flag", "true"),
            ]),
            pairs(&[
                ("metadata[order]", "42"),
                ("custom_text[submit][message]", "Thanks"),
            ]),
            pairs(&[("limit", "3"), ("payment_link", "plink_1")]),
            pairs(&[("future_filter", "x")]),
        ]
    );
}

#[tokio::test]
async fn colliding_or_malformed_keys_are_refused_naming_the_key_and_nothing_is_sent() {
    let server = server().await;
    let client = mock_client(&server);
    let sessions = client.checkout_sessions();
    let id: CheckoutSessionId = "cs_test_x".parse().unwrap();
    let base = || CreateSession::new(SessionMode::Payment).line_item(LineItem::price("price_1", 1));

    let creates = [
        // Set by the typed params.
        (base().extra_param("mode", "setup"), "mode"),
        (
            base().extra_param("line_items[0][price]", "price_2"),
            "line_items[0][price]",
        ),
        (
            base().extra_json(json!({"line_items": [{"price": "price_2"}]})),
            "line_items[0][price]",
        ),
        // Malformed keys and values.
        (
            base().extra_param("subscription_data[]", "x"),
            "subscription_data[]",
        ),
        (base().extra_param("", "x"), ""),
        (base().extra_json(json!("not an object")), "extra"),
    ];
    for (params, want) in creates {
        match sessions.create(&params).await {
            Err(Error::InvalidParams { param, message }) => {
                assert_eq!(param, want, "{message}");
            }
            other => panic!("{want}: {other:?}"),
        }
    }
    let update = UpdateSession::new()
        .clear_discounts()
        .extra_param("discounts[0][coupon]", "X");
    assert!(matches!(
        sessions.update(&id, &update).await,
        Err(Error::InvalidParams { param, .. }) if param == "discounts[0][coupon]"
    ));
    let list = ListSessions::new()
        .status(SessionStatus::Open)
        .extra_param("status", "complete");
    assert!(matches!(
        sessions.list(&list).await,
        Err(Error::InvalidParams { param, .. }) if param == "status"
    ));
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn the_emulator_answers_an_extra_it_does_not_know_as_stripe_would() {
    let fake = stripe_checkout_client::testing::FakeStripe::start().await;
    fake.add_price("price_1", 1_000, "usd");
    let client = fake.client();
    let params = CreateSession::new(SessionMode::Payment)
        .line_item(LineItem::price("price_1", 1))
        .return_url("https://example.com/return")
        .extra_param("not_a_stripe_param", "x");
    let err = client
        .checkout_sessions()
        .create(&params)
        .await
        .unwrap_err();
    let api = match err {
        Error::Api(api) => api,
        other => panic!("{other:?}"),
    };
    assert_eq!(api.status, 400);
    assert_eq!(api.param.as_deref(), Some("not_a_stripe_param"));
}
