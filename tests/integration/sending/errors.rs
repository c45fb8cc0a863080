//! Error mapping: Stripe error bodies, request ids, decode failures with their JSON path,
//! non-JSON answers and oversized bodies.

use serde::Deserialize;
use serde_json::{Value, json};
use stripe_checkout_client::{ApiErrorKind, Client, Error, Method};
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{KEY, mock_client, mount_catch_all};

const PATH: &str = "/v1/checkout/sessions/cs_test_123";

async fn answering(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(path(PATH))
        .respond_with(template)
        .mount(&server)
        .await;
    mount_catch_all(&server).await;
    server
}

fn no_retry_client(server: &MockServer) -> Client {
    Client::builder(KEY)
        .api_base(server.uri())
        .max_retries(0)
        .build()
        .unwrap()
}

#[tokio::test]
async fn every_status_maps_to_its_kind_with_all_fields() {
    let cases = [
        (400, "invalid_request_error", ApiErrorKind::InvalidRequest),
        (400, "idempotency_error", ApiErrorKind::Idempotency),
        (401, "invalid_request_error", ApiErrorKind::Authentication),
        (402, "card_error", ApiErrorKind::Card),
        (403, "invalid_request_error", ApiErrorKind::Permission),
        (404, "invalid_request_error", ApiErrorKind::InvalidRequest),
        (409, "invalid_request_error", ApiErrorKind::Api),
        (429, "rate_limit_error", ApiErrorKind::RateLimit),
        (500, "api_error", ApiErrorKind::Api),
    ];
    for (status, ty, kind) in cases {
        let server = answering(
            ResponseTemplate::new(status)
                .insert_header("request-id", "req_abc123")
                .set_body_json(json!({"error": {
                    "type": ty,
                    "code": "resource_missing",
                    "decline_code": "generic_decline",
                    "param": "discounts[0][coupon]",
                    "message": "No such coupon: 'NOPE'",
                    "doc_url": "https://stripe.com/docs/error-codes/resource-missing",
                    "request_log_url": "https://dashboard.stripe.com/test/logs/req_abc123",
                    "some_future_field": {"x": 1}
                }})),
        )
        .await;
        let err = no_retry_client(&server)
            .request_raw::<Value, _>(Method::Post, PATH, &json!({}))
            .await
            .unwrap_err();
        assert_eq!(err.status(), Some(status));
        assert_eq!(err.request_id(), Some("req_abc123"));
        let api = err.as_api().unwrap();
        assert_eq!(api.kind, kind, "{status} {ty}");
        assert_eq!(api.error_type.as_deref(), Some(ty));
        assert_eq!(api.code.as_deref(), Some("resource_missing"));
        assert_eq!(api.decline_code.as_deref(), Some("generic_decline"));
        assert_eq!(api.param.as_deref(), Some("discounts[0][coupon]"));
        assert_eq!(api.message.as_deref(), Some("No such coupon: 'NOPE'"));
        assert_eq!(
            api.doc_url.as_deref(),
            Some("https://stripe.com/docs/error-codes/resource-missing")
        );
        assert_eq!(
            api.request_log_url.as_deref(),
            Some("https://dashboard.stripe.com/test/logs/req_abc123")
        );
        assert!(err.to_string().contains("req_abc123"), "{err}");
    }
}

#[tokio::test]
async fn html_error_page_keeps_status_request_id_and_snippet() {
    let server = answering(
        ResponseTemplate::new(502)
            .insert_header("request-id", "req_proxy")
            .set_body_string("<html><body>Bad Gateway</body></html>"),
    )
    .await;
    let err = mock_client(&server)
        .request_raw::<Value, _>(Method::Get, PATH, &json!({}))
        .await
        .unwrap_err();
    let api = err.as_api().unwrap();
    assert_eq!(api.status, 502);
    assert_eq!(api.kind, ApiErrorKind::Api);
    assert_eq!(api.attempts, 3);
    assert_eq!(api.request_id.as_deref(), Some("req_proxy"));
    assert_eq!(
        api.body_snippet.as_deref(),
        Some("<html><body>Bad Gateway</body></html>")
    );
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Session {
    id: String,
    discounts: Vec<SessionDiscount>,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct SessionDiscount {
    coupon: Coupon,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Coupon {
    percent_off: f64,
}

#[tokio::test]
async fn decode_error_names_the_failing_path() {
    let body = json!({"id": "cs_test_123", "discounts": [
        {"coupon": {"percent_off": 10.0}},
        {"coupon": {"percent_off": "ten"}}
    ]});
    let server = answering(
        ResponseTemplate::new(200)
            .insert_header("request-id", "req_decode")
            .set_body_json(&body),
    )
    .await;
    let err = mock_client(&server)
        .request_raw::<Session, _>(Method::Get, PATH, &json!({}))
        .await
        .unwrap_err();
    match &err {
        Error::Decode {
            path,
            snippet,
            status,
            request_id,
            ..
        } => {
            assert_eq!(path, "discounts[1].coupon.percent_off");
            assert_eq!(*status, 200);
            assert_eq!(request_id.as_deref(), Some("req_decode"));
            assert!(
                snippet.starts_with(r#"{"id":"cs_test_123","discounts":"#),
                "{snippet}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(err.request_id(), Some("req_decode"));
    assert!(!err.is_retryable());
    // Decoding failures are not retried: the answer would be the same.
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn malformed_and_wrongly_typed_json_are_decode_errors() {
    for (body, want_path) in [
        // The body ends between two members of the root object: the path names that object.
        ("{\"id\": \"cs_1\", ", "."),
        (
            "{\"id\": \"cs_1\", \"customer_details\": {\"email\": \"a@",
            "customer_details.email",
        ),
        ("not json at all", "."),
        // A struct read from a sequence fails at its first element.
        ("[1, 2, 3]", "[0]"),
        ("{\"id\": \"cs_1\", \"discounts\": []} trailing", "."),
    ] {
        let server = answering(ResponseTemplate::new(200).set_body_string(body)).await;
        let err = mock_client(&server)
            .request_raw::<Session, _>(Method::Get, PATH, &json!({}))
            .await
            .unwrap_err();
        match err {
            Error::Decode { path, snippet, .. } => {
                assert_eq!(path, want_path, "{body}");
                assert_eq!(snippet, body);
            }
            other => panic!("{body}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let big = format!("{{\"id\":\"{}\"}}", "x".repeat(4096));
    let server = answering(ResponseTemplate::new(200).set_body_string(big.clone())).await;
    let client = Client::builder(KEY)
        .api_base(server.uri())
        .max_response_bytes(1024)
        .build()
        .unwrap();
    let err = client
        .request_raw::<Value, _>(Method::Get, PATH, &json!({}))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::ResponseTooLarge {
                limit: 1024,
                status: 200,
                ..
            }
        ),
        "{err:?}"
    );
    // The same body fits under the default limit.
    let v: Value = mock_client(&server)
        .request_raw(Method::Get, PATH, &json!({}))
        .await
        .unwrap();
    assert_eq!(v["id"].as_str().unwrap().len(), 4096);
}

#[tokio::test]
async fn the_default_limit_is_16_mib() {
    let limit = 16 * 1024 * 1024;
    assert_eq!(stripe_checkout_client::DEFAULT_MAX_RESPONSE_BYTES, limit);
    // A valid JSON body of exactly the limit is read; one byte more is refused unread.
    let at_limit = format!("{{\"id\":\"{}\"}}", "x".repeat(limit - 9));
    assert_eq!(at_limit.len(), limit);
    let server = answering(ResponseTemplate::new(200).set_body_string(at_limit)).await;
    let v: Value = no_retry_client(&server)
        .request_raw(Method::Get, PATH, &json!({}))
        .await
        .unwrap();
    assert_eq!(v["id"].as_str().unwrap().len(), limit - 9);
    let over = format!("{{\"id\":\"{}\"}}", "x".repeat(limit - 8));
    let server = answering(ResponseTemplate::new(200).set_body_string(over)).await;
    let err = no_retry_client(&server)
        .request_raw::<Value, _>(Method::Get, PATH, &json!({}))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::ResponseTooLarge { limit: l, .. } if l == limit),
        "{err:?}"
    );
}

#[tokio::test]
async fn redirects_are_not_followed() {
    // A redirect could carry the Authorization header to another host; it is an answer like
    // any other non-2xx one, and the target is never asked.
    let server = MockServer::start().await;
    Mock::given(path(PATH))
        .respond_with(
            ResponseTemplate::new(302)
                .insert_header("location", format!("{}/elsewhere", server.uri())),
        )
        .mount(&server)
        .await;
    Mock::given(path("/elsewhere"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "cs_test_elsewhere"})))
        .expect(0)
        .mount(&server)
        .await;
    let err = no_retry_client(&server)
        .request_raw::<Value, _>(Method::Get, PATH, &json!({}))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(302), "{err:?}");
    let paths: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| r.url.path().to_owned())
        .collect();
    assert_eq!(paths, [PATH]);
}

#[tokio::test]
async fn oversized_chunked_bodies_are_refused_without_content_length() {
    use crate::support::{Scripted, scripted_server};
    // A body that announces nothing and streams past the limit.
    let (uri, _) = scripted_server(vec![Scripted::Unsized("x".repeat(8192))]).await;
    let client = Client::builder(KEY)
        .api_base(uri)
        .max_response_bytes(1024)
        .build()
        .unwrap();
    let err = client
        .request_raw::<Value, _>(Method::Get, PATH, &json!({}))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::ResponseTooLarge { .. }), "{err:?}");
}
