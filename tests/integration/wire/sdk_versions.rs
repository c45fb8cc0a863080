//! The official Node SDK of each tested API version, recorded (tests/fixtures/wire_versions.json,
//! from scripts/version-vectors): `stripe@18.0.0` on the guide's basil version,
//! `stripe@22.7.0-beta.1` on `2026-08-26.preview`, `stripe@23.1.0` on `2026-10-28.endive`.
//!
//! Each call is written once, through the typed API, the way a merchant writes it; sent with a
//! client on a case's version it must arrive as exactly the pairs that SDK sent there. A call
//! the SDK of a version could not make (its types refuse the param) must be refused locally,
//! with nothing sent.

use serde::Deserialize;
use serde_json::Value;
use stripe_checkout_client::checkout::params::UpdatePaymentIntentData;
use stripe_checkout_client::checkout::{
    CreateSession, LineItem, PermissionOwner, SessionMode, UiMode, UpdateSession,
};
use stripe_checkout_client::discounts::{CouponData, Discount};
use stripe_checkout_client::ids::CheckoutSessionId;
use stripe_checkout_client::promotion_codes::CreatePromotionCode;
use stripe_checkout_client::{ApiVersion, Client, Error};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{KEY, header, request_pairs};

#[derive(Deserialize)]
struct Vectors {
    recorded_from: Vec<Value>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    release: String,
    name: String,
    method: String,
    path: String,
    stripe_version: String,
    pairs: Vec<(String, String)>,
}

fn vectors() -> Vectors {
    serde_json::from_str(include_str!("../../fixtures/wire_versions.json")).unwrap()
}

/// Every call the recorder makes, on any version.
const CALLS: [&str; 10] = [
    "create_server_driven",
    "create_payment_method_types",
    "create_allowed_methods",
    "create_hosted_page",
    "update_coupon_data",
    "update_coupon",
    "update_clear_discounts",
    "update_metadata",
    "update_payment_intent_data",
    "promotion_code_create",
];

fn guide_create() -> CreateSession {
    CreateSession::new(SessionMode::Payment)
        .ui_mode(UiMode::Elements)
        .line_item(LineItem::price("price_123", 1))
        .return_url("https://example.com/return")
}

/// The call named `name`, written once for every version, sent through `client`.
async fn send(client: &Client, name: &str) -> Result<(), Error> {
    let sessions = client.checkout_sessions();
    let id: CheckoutSessionId = "cs_test_123".parse().unwrap();
    let create = |params: CreateSession| async move { sessions.create(&params).await.map(drop) };
    let update = |params: UpdateSession| {
        let id = id.clone();
        async move { sessions.update(&id, &params).await.map(drop) }
    };
    let server_driven = || guide_create().update_discounts(PermissionOwner::ServerOnly);
    match name {
        "create_server_driven" => create(server_driven()).await,
        "create_payment_method_types" => {
            create(server_driven().payment_method_types(["card", "link"])).await
        }
        "create_allowed_methods" => {
            create(guide_create().allowed_payment_method_types(["card", "link"])).await
        }
        "create_hosted_page" => {
            create(
                CreateSession::new(SessionMode::Payment)
                    .ui_mode(UiMode::HostedPage)
                    .line_item(LineItem::price("price_123", 2))
                    .success_url("https://example.com/done"),
            )
            .await
        }
        "update_coupon_data" => {
            update(
                UpdateSession::new()
                    .discount(Discount::CouponData(
                        CouponData::amount_off(500, "usd").name("Loyalty"),
                    ))
                    .expand(["discounts"]),
            )
            .await
        }
        "update_coupon" => {
            update(UpdateSession::new().discount(Discount::Coupon("SUMMER25".parse().unwrap())))
                .await
        }
        "update_clear_discounts" => update(UpdateSession::new().clear_discounts()).await,
        "update_metadata" => update(UpdateSession::new().metadata("order", "42")).await,
        "update_payment_intent_data" => {
            update(
                UpdateSession::new().payment_intent_data(
                    UpdatePaymentIntentData::new()
                        .description("Order 42")
                        .metadata("order", "42"),
                ),
            )
            .await
        }
        "promotion_code_create" => client
            .promotion_codes()
            .create(&CreatePromotionCode::new("SUMMER25").code("SUMMER"))
            .await
            .map(drop),
        other => panic!("no typed call for {other}"),
    }
}

async fn answering_server() -> MockServer {
    let server = MockServer::start().await;
    let session: Value =
        serde_json::from_str(include_str!("../../fixtures/checkout_session.json")).unwrap();
    let code: Value =
        serde_json::from_str(include_str!("../../fixtures/promotion_code.json")).unwrap();
    Mock::given(wiremock::matchers::path("/v1/promotion_codes"))
        .respond_with(ResponseTemplate::new(200).set_body_json(code))
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(session))
        .with_priority(u8::MAX)
        .mount(&server)
        .await;
    server
}

#[test]
fn the_vectors_come_from_the_three_sdks_and_cover_every_call() {
    let v = vectors();
    let packages: Vec<&str> = v
        .recorded_from
        .iter()
        .map(|r| r["package"].as_str().unwrap())
        .collect();
    assert_eq!(
        packages,
        ["stripe@18.0.0", "stripe@22.7.0-beta.1", "stripe@23.1.0"]
    );
    for call in CALLS {
        assert!(
            v.cases.iter().any(|c| c.name == call),
            "{call} is recorded on no version"
        );
    }
    assert!(v.cases.iter().all(|c| CALLS.contains(&c.name.as_str())));
}

#[tokio::test]
async fn each_typed_call_sends_what_the_versions_sdk_sent_or_is_refused_locally() {
    let v = vectors();
    let mut checked = 0;
    for release in ["basil", "preview", "endive"] {
        let recorded: Vec<&Case> = v.cases.iter().filter(|c| c.release == release).collect();
        let version: ApiVersion = recorded[0].stripe_version.parse().unwrap();
        for call in CALLS {
            let server = answering_server().await;
            let client = Client::builder(KEY)
                .api_base(server.uri())
                .api_version(version.clone())
                .max_retries(0)
                .build()
                .unwrap();
            let result = send(&client, call).await;
            let received = server.received_requests().await.unwrap();
            match recorded.iter().find(|c| c.name == call) {
                Some(case) => {
                    result.unwrap_or_else(|e| panic!("{release} {call}: {e:?}"));
                    let req = &received[0];
                    assert_eq!(req.method.as_str(), case.method, "{release} {call}");
                    assert_eq!(req.url.path(), case.path, "{release} {call}");
                    assert_eq!(request_pairs(req), case.pairs, "{release} {call}");
                    assert_eq!(
                        header(req, "stripe-version"),
                        Some(case.stripe_version.as_str())
                    );
                    checked += 1;
                }
                None => {
                    assert!(
                        matches!(result, Err(Error::NotInVersion(_))),
                        "{release} {call}: the SDK could not send it, so neither may we: {result:?}"
                    );
                    assert!(received.is_empty(), "{release} {call}: nothing may be sent");
                }
            }
        }
    }
    assert_eq!(checked, v.cases.len());
}
