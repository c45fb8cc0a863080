//! The retry matrix: what is retried, how often, and that every attempt of a POST carries the
//! same idempotency key.

use std::time::Duration;

use serde_json::{Value, json};
use stripe_checkout_client::{ApiErrorKind, Client, Error, Method, RequestOptions};
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{
    KEY, Scripted, capture_tracing, header, mock_client, mount_catch_all, scripted_server,
};

const PATH: &str = "/v1/checkout/sessions/cs_test_123";

fn stripe_error(status: u16, ty: &str) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .insert_header("request-id", format!("req_{status}").as_str())
        .set_body_json(json!({"error": {"type": ty, "message": "boom"}}))
}

/// Mounts `failures` answers of `failure` followed by a success, and returns the server.
async fn fail_then_succeed(failure: ResponseTemplate, failures: u64) -> MockServer {
    fail_then_succeed_at(PATH, failure, failures).await
}

/// A server where `at` answers `failure` `failures` times, then a session.
async fn fail_then_succeed_at(at: &str, failure: ResponseTemplate, failures: u64) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(path(at))
        .respond_with(failure)
        .up_to_n_times(failures)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path(at))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "cs_test_123"})))
        .with_priority(2)
        .mount(&server)
        .await;
    mount_catch_all(&server).await;
    server
}

async fn post(client: &Client) -> Result<Value, Error> {
    client
        .request_raw(
            Method::Post,
            PATH,
            &json!({"discounts": [{"coupon": "SUMMER25"}]}),
        )
        .await
}

async fn idempotency_keys(server: &MockServer) -> Vec<String> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| header(r, "idempotency-key").unwrap_or("<none>").to_owned())
        .collect()
}

#[tokio::test]
async fn retryable_statuses_are_retried_with_the_same_key() {
    for status in [409, 500, 502, 503, 504] {
        let server = fail_then_succeed(stripe_error(status, "api_error"), 2).await;
        let client = mock_client(&server);
        let v = post(&client)
            .await
            .unwrap_or_else(|e| panic!("{status}: {e:?}"));
        assert_eq!(v["id"], "cs_test_123");
        let keys = idempotency_keys(&server).await;
        assert_eq!(keys.len(), 3, "{status}: two failures then success");
        assert!(keys.iter().all(|k| *k == keys[0]), "{status}: {keys:?}");
        // The body is identical on every attempt too.
        let reqs = server.received_requests().await.unwrap();
        assert!(reqs.iter().all(|r| r.body == reqs[0].body));
    }
}

#[tokio::test]
async fn caller_key_is_reused_on_every_retry() {
    let server = fail_then_succeed(stripe_error(500, "api_error"), 2).await;
    let client = mock_client(&server);
    let _: Value = client
        .request_raw(Method::Post, PATH, &json!({}))
        .options(&RequestOptions::new().idempotency_key("order-7"))
        .await
        .unwrap();
    assert_eq!(idempotency_keys(&server).await, ["order-7"; 3]);
}

#[tokio::test]
async fn retries_are_bounded_and_the_error_names_the_attempts() {
    let server = fail_then_succeed(stripe_error(503, "api_error"), 10).await;
    let client = mock_client(&server);
    let err = post(&client).await.unwrap_err();
    let api = err.as_api().expect("api error");
    assert_eq!(api.status, 503);
    assert_eq!(api.attempts, 3);
    assert_eq!(api.request_id.as_deref(), Some("req_503"));
    assert!(err.is_retryable());
    assert_eq!(server.received_requests().await.unwrap().len(), 3);

    let server = fail_then_succeed(stripe_error(503, "api_error"), 10).await;
    let client = Client::builder(KEY)
        .api_base(server.uri())
        .max_retries(0)
        .build()
        .unwrap();
    assert!(post(&client).await.is_err());
    assert_eq!(server.received_requests().await.unwrap().len(), 1);

    // A per-request override wins over the client's setting.
    let server = fail_then_succeed(stripe_error(503, "api_error"), 10).await;
    let client = mock_client(&server);
    let _ = client
        .request_raw::<Value, _>(Method::Post, PATH, &json!({}))
        .options(&RequestOptions::new().max_retries(4))
        .await
        .unwrap_err();
    assert_eq!(server.received_requests().await.unwrap().len(), 5);
}

#[tokio::test]
async fn client_errors_and_rate_limits_are_not_retried() {
    for (status, ty, kind) in [
        (400, "invalid_request_error", ApiErrorKind::InvalidRequest),
        (401, "invalid_request_error", ApiErrorKind::Authentication),
        (402, "card_error", ApiErrorKind::Card),
        (403, "invalid_request_error", ApiErrorKind::Permission),
        (404, "invalid_request_error", ApiErrorKind::InvalidRequest),
        (429, "rate_limit_error", ApiErrorKind::RateLimit),
    ] {
        let server = fail_then_succeed(stripe_error(status, ty), 10).await;
        let client = mock_client(&server);
        let err = post(&client).await.unwrap_err();
        let api = err.as_api().expect("api error");
        assert_eq!(api.kind, kind, "{status}");
        assert_eq!(api.attempts, 1);
        assert_eq!(
            server.received_requests().await.unwrap().len(),
            1,
            "{status}"
        );
    }
}

#[tokio::test]
async fn should_retry_header_forces_and_forbids() {
    // `true` makes a 400 retryable.
    let server = fail_then_succeed(
        stripe_error(400, "invalid_request_error").insert_header("stripe-should-retry", "true"),
        1,
    )
    .await;
    let v = post(&mock_client(&server)).await.unwrap();
    assert_eq!(v["id"], "cs_test_123");
    assert_eq!(server.received_requests().await.unwrap().len(), 2);

    // `false` stops a 503 from being retried.
    let server = fail_then_succeed(
        stripe_error(503, "api_error").insert_header("stripe-should-retry", "false"),
        1,
    )
    .await;
    let err = post(&mock_client(&server)).await.unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert!(!err.is_retryable());
    assert_eq!(server.received_requests().await.unwrap().len(), 1);

    // `true` on a 429 makes it retryable too.
    let server = fail_then_succeed(
        stripe_error(429, "rate_limit_error").insert_header("stripe-should-retry", "true"),
        1,
    )
    .await;
    assert!(post(&mock_client(&server)).await.is_ok());
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn timeouts_are_retried_then_reported() {
    let slow = ResponseTemplate::new(200)
        .set_body_json(json!({"id": "slow"}))
        .set_delay(Duration::from_millis(500));
    let server = fail_then_succeed(slow.clone(), 1).await;
    let client = Client::builder(KEY)
        .api_base(server.uri())
        .backoff(Duration::from_millis(1), Duration::from_millis(2))
        .timeout(Duration::from_millis(100))
        .build()
        .unwrap();
    let v = post(&client).await.unwrap();
    assert_eq!(v["id"], "cs_test_123", "the second attempt answers in time");
    let keys = idempotency_keys(&server).await;
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0], keys[1]);

    let server = fail_then_succeed(slow, 10).await;
    let client = Client::builder(KEY)
        .api_base(server.uri())
        .backoff(Duration::from_millis(1), Duration::from_millis(2))
        .timeout(Duration::from_millis(100))
        .max_retries(1)
        .build()
        .unwrap();
    match post(&client).await.unwrap_err() {
        Error::Timeout { attempts, timeout } => {
            assert_eq!(attempts, 2);
            assert_eq!(timeout, Duration::from_millis(100));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn dropped_connections_are_retried() {
    let ok = Scripted::Respond(200, r#"{"id":"cs_test_123"}"#.to_owned());
    let (uri, count) = scripted_server(vec![Scripted::Drop, Scripted::Drop, ok]).await;
    let client = crate::support::client_for(&uri);
    let v = post(&client).await.unwrap();
    assert_eq!(v["id"], "cs_test_123");
    assert_eq!(*count.lock().unwrap(), 3);
}

#[tokio::test]
async fn connection_failures_exhaust_into_a_connection_error() {
    let (uri, count) = scripted_server(vec![Scripted::Drop]).await;
    let client = crate::support::client_for(&uri);
    match post(&client).await.unwrap_err() {
        err @ Error::Connection { attempts: 3, .. } => assert!(err.is_retryable()),
        other => panic!("{other:?}"),
    }
    assert_eq!(*count.lock().unwrap(), 3);

    // Nothing listening at all.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let uri = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let client = crate::support::client_for(&uri);
    assert!(matches!(
        post(&client).await.unwrap_err(),
        Error::Connection { attempts: 3, .. }
    ));
}

#[tokio::test]
async fn truncated_body_is_a_connection_failure_and_retried() {
    let (uri, count) = scripted_server(vec![
        Scripted::Truncated(r#"{"id":"cs_te"#.to_owned()),
        Scripted::Respond(200, r#"{"id":"cs_test_123"}"#.to_owned()),
    ])
    .await;
    let client = crate::support::client_for(&uri);
    let v = post(&client).await.unwrap();
    assert_eq!(v["id"], "cs_test_123");
    assert_eq!(*count.lock().unwrap(), 2);
}

#[tokio::test]
async fn get_requests_are_retried_too() {
    let server = fail_then_succeed(stripe_error(500, "api_error"), 1).await;
    let client = mock_client(&server);
    let v: Value = client
        .request_raw(Method::Get, PATH, &json!({}))
        .await
        .unwrap();
    assert_eq!(v["id"], "cs_test_123");
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(reqs.len(), 2);
    assert!(reqs.iter().all(|r| header(r, "idempotency-key").is_none()));
}

/// The delays (ms) the client waited between attempts at a path that fails `failures` times,
/// and the log lines that said so.
async fn retry_delays(
    path_of_test: &str,
    failures: u64,
    initial: Duration,
    max: Duration,
) -> (Vec<u64>, Vec<String>) {
    let server = fail_then_succeed_at(path_of_test, stripe_error(500, "api_error"), failures).await;
    let client = Client::builder(KEY)
        .api_base(server.uri())
        .backoff(initial, max)
        .max_retries(failures as u32)
        .build()
        .unwrap();
    let request = client.request_raw::<Value, _>(Method::Post, path_of_test, &json!({}));
    let (answer, log) = capture_tracing(std::future::IntoFuture::into_future(request)).await;
    answer.unwrap();
    let lines: Vec<String> = log
        .lines()
        .filter(|l| l.contains(path_of_test) && l.contains("retrying stripe request"))
        .map(str::to_owned)
        .collect();
    let delays = lines
        .iter()
        .map(|l| {
            let at = l.find("delay_ms=").expect(l) + "delay_ms=".len();
            let digits: String = l[at..].chars().take_while(char::is_ascii_digit).collect();
            digits.parse().unwrap()
        })
        .collect();
    (delays, lines)
}

/// The first retry waits the initial delay; each later one waits about twice the one before
/// (jittered down by up to half, never below the initial delay). Each retry says why.
#[tokio::test]
async fn retries_back_off_from_the_initial_delay_doubling() {
    let (delays, lines) = retry_delays(
        "/v1/checkout/sessions/cs_test_backoff",
        3,
        Duration::from_millis(10),
        Duration::from_secs(1),
    )
    .await;
    assert_eq!(delays.len(), 3, "{lines:?}");
    assert!(
        lines.iter().all(|l| l.contains("reason=\"status\"")),
        "{lines:?}"
    );
    assert_eq!(delays[0], 10, "{delays:?}");
    assert!((10..=20).contains(&delays[1]), "{delays:?}");
    assert!((20..=40).contains(&delays[2]), "{delays:?}");
}

/// At the cap, the delays are spread between half the cap and the cap, so that clients
/// that failed together do not retry together.
#[tokio::test]
async fn capped_delays_are_jittered() {
    let (delays, lines) = retry_delays(
        "/v1/checkout/sessions/cs_test_jitter",
        8,
        Duration::from_millis(10),
        Duration::from_millis(20),
    )
    .await;
    assert_eq!(delays.len(), 8, "{lines:?}");
    let capped = &delays[1..];
    assert!(capped.iter().all(|d| (10..=20).contains(d)), "{delays:?}");
    assert!(capped.iter().any(|d| *d != capped[0]), "{delays:?}");
}
