//! The recorded official-SDK vectors (tests/fixtures/wire_checkout_sessions.json): each case's
//! params, sent as a `serde_json::Value` through `request_raw`, must arrive as exactly the
//! recorded method, path and form pairs, in the recorded order.

use serde::Deserialize;
use serde_json::{Value, json};
use stripe_checkout_client::Method;
use wiremock::{Mock, MockServer, ResponseTemplate, matchers::any};

use crate::support::{FormPairs, decode_pairs, header, mock_client, request_pairs};

#[derive(Deserialize)]
struct Vectors {
    api_version: String,
    session_id_used: String,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    params: Value,
    method: String,
    path: String,
    encoded: String,
    pairs: Vec<(String, String)>,
}

fn vectors() -> Vectors {
    serde_json::from_str(include_str!("../../fixtures/wire_checkout_sessions.json")).unwrap()
}

#[test]
fn recorded_encoding_and_pairs_agree() {
    // Guards the fixture itself: the escaped string decodes to the recorded pairs.
    for case in vectors().cases {
        assert_eq!(decode_pairs(&case.encoded), case.pairs, "{}", case.name);
    }
}

#[tokio::test]
async fn every_case_sends_exactly_the_recorded_pairs() {
    let v = vectors();
    assert!(v.cases.len() >= 6);
    for case in &v.cases {
        let server = MockServer::start().await;
        Mock::given(FormPairs(case.pairs.clone()))
            .and(wiremock::matchers::method(case.method.as_str()))
            .and(wiremock::matchers::path(case.path.as_str()))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(json!({"id": v.session_id_used})),
            )
            .expect(1)
            .named(case.name.as_str())
            .mount(&server)
            .await;
        Mock::given(any())
            .respond_with(ResponseTemplate::new(599))
            .with_priority(u8::MAX)
            .mount(&server)
            .await;
        let method = match case.method.as_str() {
            "GET" => Method::Get,
            "POST" => Method::Post,
            "DELETE" => Method::Delete,
            other => panic!("unexpected method {other}"),
        };
        // serde_json's `preserve_order` (a dev-dependency feature) keeps the SDKs' key order.
        let answer: Value = mock_client(&server)
            .request_raw(method, &case.path, &case.params)
            .await
            .unwrap_or_else(|e| panic!("{}: {e:?}", case.name));
        assert_eq!(answer["id"], v.session_id_used.as_str());
        let req = &server.received_requests().await.unwrap()[0];
        assert_eq!(request_pairs(req), case.pairs, "{}", case.name);
        assert_eq!(header(req, "stripe-version"), Some(v.api_version.as_str()));
        server.verify().await;
    }
}

#[derive(Deserialize)]
struct NodeBody {
    params: Value,
    body: String,
}

/// 500 random Stripe-shaped params (nested maps and lists, empty values, special characters,
/// unicode keys and values, integers up to 2^53) and the bodies stripe-node 23.1.0 encodes
/// them to (`scripts/form-vectors/gen.js`): ours carry the same pairs in the same order.
/// Only the spelling differs (`%5B` for `[`, `+` for a space), which Stripe decodes alike.
#[test]
fn random_params_encode_as_stripe_node_does() {
    let text = include_str!("../../fixtures/node_form_bodies.jsonl");
    let mut checked = 0;
    for (i, line) in text.lines().enumerate() {
        let case: NodeBody = serde_json::from_str(line).unwrap();
        let ours = stripe_checkout_client::form::to_pairs(&case.params).unwrap();
        assert_eq!(ours, decode_pairs(&case.body), "case {i}: {}", case.params);
        let body = stripe_checkout_client::form::encode_pairs(&ours);
        assert_eq!(decode_pairs(&body), ours, "case {i}");
        checked += 1;
    }
    assert_eq!(checked, 500);
}
