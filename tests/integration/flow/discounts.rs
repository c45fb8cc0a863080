//! The server-driven discount flow end to end against wiremock: the exact retrieve and update
//! requests, the cases where no update may be sent, and what the browser is told.

use serde_json::{Value, json};
use stripe_checkout_client::discounts::policies::CartThreshold;
use stripe_checkout_client::discounts::{
    self, DiscountRequest, INVALID_DISCOUNTS_MESSAGE, RequestedDiscount, SESSION_CLOSED_MESSAGE,
    SESSION_NOT_FOUND_MESSAGE, ServerUpdateResponse, UpdateError, UpdateOutcome, policy_fn,
    update_discounts,
};
use stripe_checkout_client::ids::CheckoutSessionId;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{mock_client, mount_catch_all, request_pairs};

const ID: &str = "cs_test_flow";
const PATH: &str = "/v1/checkout/sessions/cs_test_flow";

fn session(subtotal: i64, discounts: Value) -> Value {
    let mut s: Value =
        serde_json::from_str(include_str!("../../fixtures/checkout_session.json")).unwrap();
    s["id"] = json!(ID);
    s["status"] = json!("open");
    s["currency"] = json!("usd");
    s["amount_subtotal"] = json!(subtotal);
    s["permissions"] = json!({"update_discounts": "server_only"});
    s["discounts"] = discounts;
    s
}

fn inline_coupon(amount_off: i64) -> Value {
    json!([{
        "coupon": {
            "id": "Xy12inline", "object": "coupon", "amount_off": amount_off, "currency": "usd",
            "percent_off": null, "duration": "once", "name": "Customer Discount", "valid": true
        },
        "promotion_code": null
    }])
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// Mounts the retrieve answering `retrieved` and an update answering `updated`.
async fn mock(retrieved: Value, updated: Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(retrieved))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(updated))
        .mount(&server)
        .await;
    mount_catch_all(&server).await;
    server
}

fn request() -> DiscountRequest {
    DiscountRequest::new(ID.parse::<CheckoutSessionId>().unwrap())
}

/// The guide's policy on [`request`] for the session at [`ID`], through a client for `server`.
async fn guide_update(server: &MockServer) -> Result<UpdateOutcome, UpdateError> {
    update_discounts(&mock_client(server), request(), &CartThreshold::guide()).await
}

async fn posts(server: &MockServer) -> Vec<Vec<(String, String)>> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.method.as_str() == "POST")
        .map(request_pairs)
        .collect()
}

#[tokio::test]
async fn the_guides_scenario_holds_end_to_end() {
    let policy = CartThreshold::guide();
    // 120.00 → 12.00 off; 300.00 → capped at 20.00.
    for (subtotal, off) in [(12000, "1200"), (30000, "2000")] {
        let server = mock(
            session(subtotal, json!([])),
            session(subtotal, inline_coupon(0)),
        )
        .await;
        let client = mock_client(&server);
        let outcome = update_discounts(&client, request(), &policy).await.unwrap();
        assert!(outcome.changed);
        let reqs = server.received_requests().await.unwrap();
        assert_eq!(reqs.len(), 2);
        assert_eq!(reqs[0].method.as_str(), "GET");
        assert_eq!(
            request_pairs(&reqs[0]),
            pairs(&[
                ("expand[0]", "discounts.coupon"),
                ("expand[1]", "discounts.promotion_code")
            ])
        );
        assert_eq!(
            request_pairs(&reqs[1]),
            pairs(&[
                ("discounts[0][coupon_data][name]", "Customer Discount"),
                ("discounts[0][coupon_data][amount_off]", off),
                ("discounts[0][coupon_data][currency]", "usd"),
                ("expand[0]", "discounts"),
            ]),
            "subtotal {subtotal}"
        );
        assert!(reqs[1].headers.contains_key("idempotency-key"));
        assert!(ServerUpdateResponse::from(&Ok(outcome)).is_success());
    }

    // 90.00 with an existing discount → the discount is removed with `discounts=`.
    let server = mock(session(9000, inline_coupon(900)), session(9000, json!([]))).await;
    let outcome = update_discounts(&mock_client(&server), request(), &policy)
        .await
        .unwrap();
    assert!(outcome.changed);
    assert!(outcome.discounts.is_empty());
    assert_eq!(
        posts(&server).await,
        [pairs(&[("discounts", ""), ("expand[0]", "discounts")])]
    );

    // 90.00 without a discount → nothing to change, nothing sent.
    let server = mock(session(9000, json!([])), json!({})).await;
    let outcome = update_discounts(&mock_client(&server), request(), &policy)
        .await
        .unwrap();
    assert!(!outcome.changed);
    assert!(posts(&server).await.is_empty());
}

#[tokio::test]
async fn an_unchanged_discount_sends_no_update() {
    let server = mock(session(12000, inline_coupon(1200)), json!({})).await;
    let outcome = guide_update(&server).await.unwrap();
    assert!(!outcome.changed);
    assert_eq!(outcome.discounts.len(), 1);
    assert!(posts(&server).await.is_empty());

    // A different amount on the session is corrected.
    let server = mock(
        session(12000, inline_coupon(1000)),
        session(12000, inline_coupon(1200)),
    )
    .await;
    let outcome = guide_update(&server).await.unwrap();
    assert!(outcome.changed);
    assert_eq!(posts(&server).await.len(), 1);
}

#[tokio::test]
async fn closed_sessions_and_client_owned_discounts_are_refused_without_update() {
    for status in ["complete", "expired"] {
        let mut s = session(12000, json!([]));
        s["status"] = json!(status);
        let server = mock(s, json!({})).await;
        let result = guide_update(&server).await;
        assert!(
            matches!(result, Err(UpdateError::SessionNotOpen { .. })),
            "{status}: {result:?}"
        );
        assert!(posts(&server).await.is_empty());
        assert_eq!(
            serde_json::to_value(ServerUpdateResponse::from(&result)).unwrap(),
            json!({"type": "error", "message": SESSION_CLOSED_MESSAGE})
        );
    }
    let mut s = session(12000, json!([]));
    s["permissions"] = json!({"update_discounts": "client_only"});
    let server = mock(s, json!({})).await;
    let result = guide_update(&server).await;
    assert!(
        matches!(result, Err(UpdateError::NotServerOnly { .. })),
        "{result:?}"
    );
    assert!(posts(&server).await.is_empty());
}

#[tokio::test]
async fn rejected_requests_send_no_update_and_tell_the_customer_generically() {
    let server = mock(session(12000, json!([])), json!({})).await;
    let two = request().with_discounts([
        RequestedDiscount::Code("A".into()),
        RequestedDiscount::Code("B".into()),
    ]);
    let result = update_discounts(&mock_client(&server), two, &CartThreshold::guide()).await;
    assert!(
        matches!(result, Err(UpdateError::Rejected(_))),
        "{result:?}"
    );
    assert!(posts(&server).await.is_empty());
    assert_eq!(
        serde_json::to_value(ServerUpdateResponse::from(&result)).unwrap(),
        json!({"type": "error", "message": "Your discounts are invalid. Please refresh your session."})
    );

    // A policy's own customer-safe message is passed through; its internal reason is not.
    let policy = policy_fn(|_, _| {
        Err(
            stripe_checkout_client::discounts::Rejection::new("cus_123 is blocked: fraud score 97")
                .with_customer_message("This offer is not available."),
        )
    });
    let result = update_discounts(&mock_client(&server), request(), &policy).await;
    let body = serde_json::to_string(&ServerUpdateResponse::from(&result)).unwrap();
    assert_eq!(
        body,
        r#"{"type":"error","message":"This offer is not available."}"#
    );
}

#[tokio::test]
async fn stripe_errors_reach_the_browser_as_a_generic_message_only() {
    for status in [400, 402, 500] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path(PATH))
            .respond_with(ResponseTemplate::new(200).set_body_json(session(12000, json!([]))))
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .and(path(PATH))
            .respond_with(
                ResponseTemplate::new(status)
                    .insert_header("request-id", "req_internal_42")
                    .set_body_json(json!({"error": {
                        "type": "invalid_request_error",
                        "message": "No such coupon: internal-secret-coupon",
                        "param": "discounts[0][coupon]"
                    }})),
            )
            .mount(&server)
            .await;
        let result = guide_update(&server).await;
        assert!(matches!(result, Err(UpdateError::Stripe(_))), "{result:?}");
        let (answer, logs) =
            crate::support::capture_tracing(async { ServerUpdateResponse::from(&result) }).await;
        let body = serde_json::to_string(&answer).unwrap();
        assert_eq!(
            body,
            r#"{"type":"error","message":"We could not update your discounts. Please try again."}"#
        );
        for secret in ["req_internal_42", "internal-secret-coupon", "discounts[0]"] {
            assert!(!body.contains(secret));
        }
        // What the browser is not told goes to the logs.
        assert!(logs.contains("req_internal_42"), "{logs}");
        assert!(logs.contains("internal-secret-coupon"), "{logs}");
    }
}

#[tokio::test]
async fn a_malformed_session_id_is_refused_before_any_request() {
    let server = mock(session(12000, json!([])), json!({})).await;
    let client = mock_client(&server);
    for body in [
        r#"{"checkout_session_id":"pi_123"}"#,
        r#"{"checkout_session_id":"cs_test_1/../../v1/charges"}"#,
        r#"{"checkout_session_id":""}"#,
    ] {
        let answer = discounts::handle(&client, body.as_bytes(), &CartThreshold::guide()).await;
        assert_eq!(answer.status, 200, "{body}");
        assert_eq!(
            answer.response,
            ServerUpdateResponse::error(INVALID_DISCOUNTS_MESSAGE),
            "{body}"
        );
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

/// A policy that expands `line_items` and gives 5.00 off whatever is asked.
struct NeedsLineItems;

#[stripe_checkout_client::discounts::async_trait]
impl stripe_checkout_client::discounts::DiscountPolicy for NeedsLineItems {
    fn expand(&self) -> Vec<String> {
        vec!["line_items".into(), "discounts.coupon".into()]
    }

    async fn recompute(
        &self,
        _: &DiscountRequest,
        _: &stripe_checkout_client::checkout::CheckoutSession,
    ) -> Result<
        Vec<stripe_checkout_client::discounts::Discount>,
        stripe_checkout_client::discounts::Rejection,
    > {
        Ok(vec![
            stripe_checkout_client::discounts::Discount::CouponData(
                stripe_checkout_client::discounts::CouponData::amount_off(500, "usd"),
            ),
        ])
    }
}

#[tokio::test]
async fn a_policys_expansions_reach_the_retrieve_once_each() {
    let server = mock(
        session(12000, json!([])),
        session(12000, inline_coupon(500)),
    )
    .await;
    update_discounts(&mock_client(&server), request(), &NeedsLineItems)
        .await
        .unwrap();
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(
        request_pairs(&reqs[0]),
        pairs(&[
            ("expand[0]", "discounts.coupon"),
            ("expand[1]", "discounts.promotion_code"),
            ("expand[2]", "line_items"),
        ])
    );
}

#[tokio::test]
async fn a_session_without_a_discount_permission_is_updated() {
    // `permissions.update_discounts` absent (not `client_only`): the server may update.
    let mut retrieved = session(12000, json!([]));
    retrieved["permissions"] = json!(null);
    let server = mock(retrieved, session(12000, inline_coupon(1200))).await;
    let outcome = guide_update(&server).await.unwrap();
    assert!(outcome.changed);
    assert_eq!(posts(&server).await.len(), 1);
}

#[tokio::test]
async fn a_policy_fn_rejection_sends_no_update() {
    let server = mock(session(12000, json!([])), json!({})).await;
    let policy = policy_fn(|_, _| {
        Err(stripe_checkout_client::discounts::Rejection::new(
            "not today",
        ))
    });
    let result = update_discounts(&mock_client(&server), request(), &policy).await;
    assert!(
        matches!(result, Err(UpdateError::Rejected(_))),
        "{result:?}"
    );
    assert!(posts(&server).await.is_empty());
}

#[tokio::test]
async fn a_failed_retrieve_reaches_the_browser_as_a_generic_message_only() {
    for status in [404, 500] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path(PATH))
            .respond_with(
                ResponseTemplate::new(status)
                    .insert_header("request-id", "req_internal_7")
                    .insert_header("stripe-should-retry", "false")
                    .set_body_json(json!({"error": {
                        "type": "invalid_request_error",
                        "message": "No such checkout.session: cs_test_flow",
                        "param": "session"
                    }})),
            )
            .mount(&server)
            .await;
        mount_catch_all(&server).await;
        let result = guide_update(&server).await;
        assert!(matches!(result, Err(UpdateError::Stripe(_))), "{result:?}");
        assert!(posts(&server).await.is_empty());
        let body = serde_json::to_string(&ServerUpdateResponse::from(&result)).unwrap();
        // A session Stripe does not know cannot be mended by trying again; a 500 can.
        let message = if status == 404 {
            SESSION_NOT_FOUND_MESSAGE
        } else {
            "We could not update your discounts. Please try again."
        };
        assert_eq!(
            body,
            json!({"type": "error", "message": message}).to_string()
        );
        assert!(!body.contains("req_internal_7") && !body.contains("cs_test_flow"));
    }
}
