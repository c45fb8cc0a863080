//! Exact request headers: version, auth, idempotency, content type, user agents, account.

use serde_json::{Value, json};
use stripe_checkout_client::{ApiVersion, AppInfo, Client, Method, RequestOptions};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{KEY, header, mock_client, mount_catch_all};

async fn ok_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(path("/v1/checkout/sessions/cs_test_123"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "cs_test_123"})))
        .mount(&server)
        .await;
    mount_catch_all(&server).await;
    server
}

#[tokio::test]
async fn post_carries_every_stripe_header() {
    let server = ok_server().await;
    let client = mock_client(&server);
    let _: Value = client
        .request_raw(
            Method::Post,
            "/v1/checkout/sessions/cs_test_123",
            &json!({"discounts": ""}),
        )
        .await
        .unwrap();
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(reqs.len(), 1);
    let req = &reqs[0];
    assert_eq!(req.method.as_str(), "POST");
    assert_eq!(
        header(req, "stripe-version"),
        Some("2025-03-31.basil; checkout_server_update_beta=v1;")
    );
    assert_eq!(
        header(req, "authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );
    assert_eq!(
        header(req, "content-type"),
        Some("application/x-www-form-urlencoded")
    );
    let key = header(req, "idempotency-key").expect("idempotency key on POST");
    let parsed = uuid::Uuid::parse_str(key).expect("idempotency key is a uuid");
    assert_eq!(parsed.get_version_num(), 4);
    let ua = header(req, "user-agent").unwrap();
    assert!(ua.starts_with("stripe-checkout-client/"), "{ua}");
    let client_ua: Value =
        serde_json::from_str(header(req, "x-stripe-client-user-agent").unwrap()).unwrap();
    assert_eq!(client_ua["lang"], "rust");
    assert_eq!(client_ua["publisher"], "stripe-checkout-client");
    assert_eq!(client_ua["bindings_version"], env!("CARGO_PKG_VERSION"));
    assert!(header(req, "stripe-account").is_none());
    assert_eq!(std::str::from_utf8(&req.body).unwrap(), "discounts=");
}

#[tokio::test]
async fn get_sends_params_in_query_and_no_idempotency_key() {
    let server = ok_server().await;
    let client = mock_client(&server);
    let _: Value = client
        .request_raw(
            Method::Get,
            "/v1/checkout/sessions/cs_test_123",
            &json!({"expand": ["discounts", "line_items"]}),
        )
        .await
        .unwrap();
    let req = &server.received_requests().await.unwrap()[0];
    assert_eq!(req.method.as_str(), "GET");
    assert!(header(req, "idempotency-key").is_none());
    assert!(header(req, "content-type").is_none());
    assert!(req.body.is_empty());
    assert_eq!(
        crate::support::decode_pairs(req.url.query().unwrap()),
        [
            ("expand[0]".to_owned(), "discounts".to_owned()),
            ("expand[1]".to_owned(), "line_items".to_owned())
        ]
    );
}

#[tokio::test]
async fn delete_sends_params_in_query() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/v1/coupons/SUMMER25"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"deleted": true})))
        .expect(1)
        .mount(&server)
        .await;
    mount_catch_all(&server).await;
    let client = mock_client(&server);
    let v: Value = client
        .request_raw(Method::Delete, "/v1/coupons/SUMMER25", &json!({}))
        .await
        .unwrap();
    assert_eq!(v["deleted"], true);
    let req = &server.received_requests().await.unwrap()[0];
    assert!(req.url.query().is_none());
    assert!(header(req, "idempotency-key").is_none());
}

#[tokio::test]
async fn caller_options_override_client_defaults() {
    let server = ok_server().await;
    let client = Client::builder(KEY)
        .api_base(server.uri())
        .stripe_account("acct_default000")
        .app_info(
            AppInfo::new("MyShop")
                .version("1.4.0")
                .url("https://shop.example"),
        )
        .build()
        .unwrap();
    let opts = RequestOptions::new()
        .idempotency_key("order-42-discount")
        .stripe_account("acct_override00")
        .api_version(
            ApiVersion::new("2025-03-31.basil")
                .unwrap()
                .with_beta("x_beta", "v2"),
        );
    let _: Value = client
        .request_raw(
            Method::Post,
            "/v1/checkout/sessions/cs_test_123",
            &json!({}),
        )
        .options(&opts)
        .await
        .unwrap();
    // Without options: the client's account and version.
    let _: Value = client
        .request_raw(
            Method::Post,
            "/v1/checkout/sessions/cs_test_123",
            &json!({}),
        )
        .await
        .unwrap();
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(
        header(&reqs[0], "idempotency-key"),
        Some("order-42-discount")
    );
    assert_eq!(header(&reqs[0], "stripe-account"), Some("acct_override00"));
    assert_eq!(
        header(&reqs[0], "stripe-version"),
        Some("2025-03-31.basil; x_beta=v2;")
    );
    assert_eq!(header(&reqs[1], "stripe-account"), Some("acct_default000"));
    assert_eq!(
        header(&reqs[1], "stripe-version"),
        Some("2025-03-31.basil; checkout_server_update_beta=v1;")
    );
    // Each call without a caller key gets a fresh one.
    assert_ne!(
        header(&reqs[1], "idempotency-key"),
        Some("order-42-discount")
    );
    let ua = header(&reqs[0], "user-agent").unwrap();
    assert!(ua.ends_with(" MyShop/1.4.0 (https://shop.example)"), "{ua}");
    let client_ua: Value =
        serde_json::from_str(header(&reqs[0], "x-stripe-client-user-agent").unwrap()).unwrap();
    assert_eq!(client_ua["application"]["name"], "MyShop");
}

#[tokio::test]
async fn path_prefix_of_api_base_is_kept() {
    let server = MockServer::start().await;
    Mock::given(path("/stripe/v1/checkout/sessions/cs_test_123"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "cs_test_123"})))
        .expect(1)
        .mount(&server)
        .await;
    mount_catch_all(&server).await;
    let client = crate::support::client_for(&format!("{}/stripe/", server.uri()));
    let v: Value = client
        .request_raw(Method::Get, "/v1/checkout/sessions/cs_test_123", &json!({}))
        .await
        .unwrap();
    assert_eq!(v["id"], "cs_test_123");
}

#[tokio::test]
async fn bad_options_are_rejected_before_sending() {
    let server = ok_server().await;
    let client = mock_client(&server);
    let cases = [
        (RequestOptions::new().idempotency_key(""), "idempotency_key"),
        (
            RequestOptions::new().idempotency_key("a b"),
            "idempotency_key",
        ),
        (
            RequestOptions::new().idempotency_key("k".repeat(256)),
            "idempotency_key",
        ),
        (
            RequestOptions::new().stripe_account("cus_123"),
            "stripe_account",
        ),
    ];
    for (opts, want) in cases {
        let err = client
            .request_raw::<Value, _>(
                Method::Post,
                "/v1/checkout/sessions/cs_test_123",
                &json!({}),
            )
            .options(&opts)
            .await
            .unwrap_err();
        match err {
            stripe_checkout_client::Error::InvalidParams { param, .. } => assert_eq!(param, want),
            other => panic!("{opts:?}: {other:?}"),
        }
    }
    let err = client
        .request_raw::<Value, _>(Method::Get, "v1/no-slash", &json!({}))
        .await
        .unwrap_err();
    assert!(
        matches!(err, stripe_checkout_client::Error::InvalidParams { ref param, .. } if param == "path")
    );
    let err = client
        .request_raw::<Value, _>(Method::Get, "/v1/x", &json!(["top", "level"]))
        .await
        .unwrap_err();
    assert!(
        matches!(err, stripe_checkout_client::Error::Encode(_)),
        "{err:?}"
    );
    assert!(server.received_requests().await.unwrap().is_empty());

    // The ends of the key's range are taken and sent as given.
    for key in ["k".to_owned(), "k".repeat(255)] {
        client
            .request_raw::<Value, _>(
                Method::Post,
                "/v1/checkout/sessions/cs_test_123",
                &json!({}),
            )
            .options(&RequestOptions::new().idempotency_key(key.clone()))
            .await
            .unwrap();
        let sent = server.received_requests().await.unwrap();
        assert_eq!(
            header(sent.last().unwrap(), "idempotency-key"),
            Some(key.as_str())
        );
    }
}
