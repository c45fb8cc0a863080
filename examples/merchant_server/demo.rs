//! The offline demo's "Pay" button: `POST /demo/pay` completes the session in the crate's
//! emulator, which then delivers the signed `checkout.session.completed` webhook to
//! `/webhook`, as Stripe would after a payment.
//!
//! Only `main.rs`'s offline start-up merges this router in; it is the one part of the example
//! that needs the crate's `testing` feature, so `app.rs` stays what a merchant would copy.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde::Deserialize;
use serde_json::json;
use stripe_checkout_client::discounts::UPDATE_FAILED_MESSAGE;
use stripe_checkout_client::ids::CheckoutSessionId;
use stripe_checkout_client::testing::FakeStripe;

use super::app::{SESSION_NOT_FOUND_MESSAGE, error};

/// `POST /demo/pay`, over `fake`.
pub fn router(fake: Arc<FakeStripe>) -> Router {
    Router::new()
        .route("/demo/pay", post(demo_pay))
        .with_state(fake)
}

#[derive(Deserialize)]
struct PayRequest {
    checkout_session_id: String,
}

async fn demo_pay(
    State(fake): State<Arc<FakeStripe>>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let body = match body {
        Ok(body) => body,
        Err(rejection) => {
            tracing::warn!(%rejection, "demo payment body refused");
            return error(rejection.status(), SESSION_NOT_FOUND_MESSAGE);
        }
    };
    let request = match serde_json::from_slice::<PayRequest>(&body) {
        Ok(request) => request,
        Err(err) => {
            tracing::warn!(error = %err, "malformed demo payment request");
            return error(StatusCode::OK, SESSION_NOT_FOUND_MESSAGE);
        }
    };
    let Ok(id) = CheckoutSessionId::new(request.checkout_session_id) else {
        tracing::warn!("demo payment without a valid session id");
        return error(StatusCode::OK, SESSION_NOT_FOUND_MESSAGE);
    };
    match fake.complete_session(id.as_str()).await {
        Ok(session) => axum::Json(json!({
            "type": "object",
            "value": {"status": session["status"]},
        }))
        .into_response(),
        Err(err) => {
            tracing::warn!(error = %err, "demo payment refused");
            error(StatusCode::OK, UPDATE_FAILED_MESSAGE)
        }
    }
}
