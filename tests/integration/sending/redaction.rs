//! The secret key never shows up in Debug/Display of the client, builder, options, errors, nor
//! in tracing output of failing and retried requests.

use std::time::Duration;

use serde_json::{Value, json};
use stripe_checkout_client::{Client, Error, Method, RequestOptions};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{KEY, Scripted, capture_tracing, client_for, scripted_server};

/// The key, and a distinctive inner part of it, must both be absent.
fn assert_no_key(text: &str) {
    assert!(!text.contains(KEY), "key leaked: {text}");
    assert!(
        !text.contains("SecretKeyMaterial"),
        "key material leaked: {text}"
    );
}

#[test]
fn client_builder_and_options_never_print_the_key() {
    let builder = Client::builder(KEY).api_base("http://127.0.0.1:1");
    let shown = format!("{builder:?}");
    assert_no_key(&shown);
    // What the builder holds is still readable, with the key in its redacted form.
    assert!(shown.contains("sk_test_…QWER"), "{shown}");
    assert!(shown.contains("http://127.0.0.1:1"), "{shown}");
    let client = builder.build().unwrap();
    let debug = format!("{client:?}");
    assert_no_key(&debug);
    assert!(debug.contains("sk_test_…QWER"), "{debug}");
    assert_no_key(&format!("{:?}", RequestOptions::new().idempotency_key("k")));

    // A malformed key is not echoed in the builder or the error either.
    let bad = "pk_test_SecretKeyMaterial";
    let builder = Client::builder(bad);
    let shown = format!("{builder:?}");
    assert!(!shown.contains("SecretKeyMaterial"), "{shown}");
    assert!(shown.contains("<invalid key>"), "{shown}");
    let err = builder.build().unwrap_err();
    assert!(!format!("{err} {err:?}").contains("SecretKeyMaterial"));
}

/// A request shows what it is (method, path, options) and neither the key nor its params,
/// which may hold customer data; the future it becomes shows only its name.
#[test]
fn a_pending_request_shows_its_route_not_its_params() {
    let client = client_for("http://127.0.0.1:1");
    let pending = client
        .request_raw::<Value, _>(
            Method::Post,
            "/v1/customers",
            &json!({"email": "ada@example.com"}),
        )
        .options(&RequestOptions::new().idempotency_key("order-7"));
    let shown = format!("{pending:?}");
    assert_no_key(&shown);
    for part in ["PendingRequest", "Post", "/v1/customers", "order-7"] {
        assert!(shown.contains(part), "{part} in {shown}");
    }
    assert!(!shown.contains("ada@example.com"), "{shown}");
    let future = std::future::IntoFuture::into_future(pending);
    assert_eq!(format!("{future:?}"), "ResponseFuture");
}

/// The endpoint's pending call shows the session it is for and its options, never the body
/// the browser sent nor the key.
#[test]
fn a_pending_endpoint_call_shows_its_session_not_its_body() {
    use stripe_checkout_client::discounts::{self, policies::CartThreshold};
    let client = client_for("http://127.0.0.1:1");
    let policy = CartThreshold::guide();
    let body = br#"{"checkout_session_id":"cs_test_7","discounts":[{"code":"ada@example.com"}]}"#;
    let handle = discounts::handle(&client, body, &policy).idempotency_key("order-7");
    let shown = format!("{handle:?}");
    assert_no_key(&shown);
    for part in ["PendingEndpointResponse", "cs_test_7", "order-7"] {
        assert!(shown.contains(part), "{part} in {shown}");
    }
    assert!(!shown.contains("ada@example.com"), "{shown}");
    let unread = discounts::handle(&client, b"{", &policy);
    assert!(
        format!("{unread:?}").contains("session: None"),
        "{unread:?}"
    );
}

async fn all_error_variants() -> Vec<Error> {
    let mut errors = Vec::new();
    // Api, with a body that even echoes the key back (as a proxy might).
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(401)
                .set_body_json(json!({"error": {"type": "invalid_request_error", "message": "Invalid API Key provided: sk_test_****QWER"}})),
        )
        .mount(&server)
        .await;
    let client = client_for(&server.uri());
    errors.push(
        client
            .request_raw::<Value, _>(Method::Post, "/v1/x", &json!({}))
            .await
            .unwrap_err(),
    );
    // Decode.
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_string("{\"a\": 1}"))
        .mount(&server)
        .await;
    errors.push(
        client_for(&server.uri())
            .request_raw::<Vec<u8>, _>(Method::Get, "/v1/x", &json!({}))
            .await
            .unwrap_err(),
    );
    // Connection.
    let (uri, _) = scripted_server(vec![Scripted::Drop]).await;
    errors.push(
        client_for(&uri)
            .request_raw::<Value, _>(Method::Post, "/v1/x", &json!({}))
            .await
            .unwrap_err(),
    );
    // Timeout.
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_millis(300)))
        .mount(&server)
        .await;
    errors.push(
        client_for(&server.uri())
            .request_raw::<Value, _>(Method::Post, "/v1/x", &json!({}))
            .options(
                &RequestOptions::new()
                    .timeout(Duration::from_millis(20))
                    .max_retries(0),
            )
            .await
            .unwrap_err(),
    );
    // InvalidParams, Encode, Config, ResponseTooLarge.
    errors.push(
        client
            .request_raw::<Value, _>(Method::Get, "no-slash", &json!({}))
            .await
            .unwrap_err(),
    );
    errors.push(
        client
            .request_raw::<Value, _>(Method::Get, "/v1/x", &json!(1))
            .await
            .unwrap_err(),
    );
    errors.push(
        Client::builder(KEY)
            .api_base("http://example.com")
            .build()
            .unwrap_err(),
    );
    errors.push(
        Client::builder(KEY)
            .api_base("https://sk_test_SecretKeyMaterial@x.com")
            .build()
            .unwrap_err(),
    );
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_string("x".repeat(100)))
        .mount(&server)
        .await;
    errors.push(
        Client::builder(KEY)
            .api_base(server.uri())
            .max_response_bytes(10)
            .build()
            .unwrap()
            .request_raw::<Value, _>(Method::Get, "/v1/x", &json!({}))
            .await
            .unwrap_err(),
    );
    errors
}

#[tokio::test]
async fn no_error_variant_prints_the_key() {
    let errors = all_error_variants().await;
    let kinds: Vec<&str> = errors
        .iter()
        .map(|e| match e {
            Error::Api(_) => "api",
            Error::Decode { .. } => "decode",
            Error::Connection { .. } => "connection",
            Error::Timeout { .. } => "timeout",
            Error::InvalidParams { .. } => "invalid_params",
            Error::Encode(_) => "encode",
            Error::Config(_) => "config",
            Error::ResponseTooLarge { .. } => "too_large",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "api",
            "decode",
            "connection",
            "timeout",
            "invalid_params",
            "encode",
            "config",
            "config",
            "too_large"
        ]
    );
    for err in &errors {
        let mut text = format!("{err} {err:?}");
        let mut source = std::error::Error::source(err);
        while let Some(s) = source {
            text.push_str(&format!(" {s} {s:?}"));
            source = s.source();
        }
        assert_no_key(&text);
    }
}

#[tokio::test]
async fn tracing_of_failing_and_retried_requests_never_prints_the_key() {
    let ((), logs) = capture_tracing(async {
        let server = MockServer::start().await;
        Mock::given(any())
            .respond_with(
                ResponseTemplate::new(500)
                    .insert_header("request-id", "req_traced")
                    .set_body_json(json!({"error": {"type": "api_error"}})),
            )
            .mount(&server)
            .await;
        let client = client_for(&server.uri());
        let _ = client
            .request_raw::<Value, _>(
                Method::Post,
                "/v1/checkout/sessions/cs_test_123",
                &json!({"metadata": {"secret_note": "BODY_MARKER"}}),
            )
            .await
            .unwrap_err();
        let (uri, _) = scripted_server(vec![Scripted::Drop]).await;
        let _ = client_for(&uri)
            .request_raw::<Value, _>(Method::Get, "/v1/x", &json!({}))
            .await
            .unwrap_err();
    })
    .await;
    assert!(logs.contains("retrying stripe request"), "{logs}");
    assert!(logs.contains("req_traced"), "request id is traced: {logs}");
    assert!(logs.contains("attempt=3"), "{logs}");
    assert_no_key(&logs);
    assert!(
        !logs.contains("BODY_MARKER"),
        "bodies are never traced: {logs}"
    );
}

/// The discount flow's failures, the emulator's journal and the browser's answer: formatted
/// every way, with tracing captured, the key is nowhere.
#[tokio::test]
async fn discount_flow_failures_and_the_journal_never_print_the_key() {
    use stripe_checkout_client::checkout::{
        CreateSession, LineItem, PermissionOwner, SessionMode, UiMode,
    };
    use stripe_checkout_client::discounts::policies::CartThreshold;
    use stripe_checkout_client::discounts::{
        DiscountRequest, ServerUpdateResponse, update_discounts,
    };
    use stripe_checkout_client::testing::{FakeStripe, Fault};

    let fake = FakeStripe::start().await;
    fake.add_price("price_1", 12_000, "usd");
    let client = Client::builder(KEY)
        .api_base(fake.uri())
        .backoff(Duration::from_millis(1), Duration::from_millis(5))
        .build()
        .unwrap();
    let (texts, logs) = capture_tracing(async {
        let session = client
            .checkout_sessions()
            .create(
                &CreateSession::new(SessionMode::Payment)
                    .ui_mode(UiMode::Custom)
                    .line_item(LineItem::price("price_1", 1))
                    .return_url("https://example.com/r")
                    .update_discounts(PermissionOwner::ServerOnly),
            )
            .await
            .unwrap();
        let mut texts = Vec::new();
        for fault in [
            Fault::status(500).times(3),
            Fault::status(402),
            Fault::drop_connection().times(3),
            Fault::body(200, "text/html", "<h1>proxy</h1>"),
        ] {
            fake.inject(fault);
            let request = DiscountRequest::new(session.id.clone());
            let result = update_discounts(&client, request, &CartThreshold::guide()).await;
            let err = result.as_ref().unwrap_err();
            let answer = ServerUpdateResponse::from(&result);
            texts.push(format!(
                "{err} {err:?} {answer:?} {}",
                serde_json::to_string(&answer).unwrap()
            ));
        }
        texts.push(format!("{:?} {fake:?}", fake.journal()));
        texts
    })
    .await;
    for text in texts {
        assert_no_key(&text);
    }
    assert_no_key(&logs);
    assert!(logs.contains("retrying"), "{logs}");
}

/// Webhook errors never carry the signing secret or the payload.
#[test]
fn webhook_errors_never_print_the_secret() {
    use std::time::{Duration, UNIX_EPOCH};
    use stripe_checkout_client::webhook::{DEFAULT_TOLERANCE, construct_event_at, test_header};

    let secret = "whsec_SecretKeyMaterial";
    let payload = br#"{"id":"evt_1","note":"PAYLOAD_MARKER"}"#;
    let now = UNIX_EPOCH + Duration::from_secs(1_767_225_600);
    let signed = test_header(payload, secret, 1_767_225_600);
    let headers = [
        signed.clone(),
        test_header(payload, secret, 1_767_200_000),
        test_header(payload, "whsec_other", 1_767_225_600),
        "t=1".to_owned(),
        "nonsense".to_owned(),
    ];
    for header in headers {
        let err =
            construct_event_at(payload, &header, &[secret], DEFAULT_TOLERANCE, now).unwrap_err();
        let text = format!("{err} {err:?}");
        assert!(
            !text.contains("SecretKeyMaterial") && !text.contains("PAYLOAD_MARKER"),
            "{text}"
        );
    }
}
