//! The client against the emulator (`testing::FakeStripe`), and the emulator as a test tool:
//! what the client's operations do on it, Stripe's rules it enforces, the discount flow on it,
//! the server-update family over raw HTTP (`dynamic_updates.rs`), its hooks (faults,
//! responders, expectations) and its HTTP controls for other languages.

mod controls;
mod discounts;
mod dynamic_updates;
mod hooks;
mod operations;
mod rules;

use serde_json::{Value, json};
use stripe_checkout_client::checkout::{
    CreateSession, LineItem, PermissionOwner, SessionMode, UiMode,
};
use stripe_checkout_client::discounts::DiscountRequest;
use stripe_checkout_client::ids::CheckoutSessionId;
use stripe_checkout_client::testing::FakeStripe;
use stripe_checkout_client::{Client, Error, Method};

pub(super) fn custom_session(price: &str, quantity: u64) -> CreateSession {
    CreateSession::new(SessionMode::Payment)
        .ui_mode(UiMode::Custom)
        .line_item(LineItem::price(price, quantity))
        .return_url("https://example.com/return")
        .update_discounts(PermissionOwner::ServerOnly)
}

/// A custom-mode payment session for one jacket, as raw params, with `extra` params added.
pub(super) fn jacket_session_with(extra: Value) -> Value {
    let mut body = json!({"mode": "payment", "ui_mode": "custom",
                          "line_items": [{"price": "price_jacket", "quantity": 1}]});
    body.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    body
}

pub(super) async fn fake_with_catalog() -> FakeStripe {
    let fake = FakeStripe::start().await;
    fake.add_product_price("price_jacket", "Jacket", 12_000, "usd")
        .add_price("price_cap", 3_000, "usd")
        .add_price("price_tea", 900, "jpy")
        .add_coupon(
            "TENOFF",
            serde_json::json!({"amount_off": 1_000, "currency": "usd", "name": "Ten off"}),
        )
        .add_coupon("QUARTER", serde_json::json!({"percent_off": 25.0}))
        .add_coupon(
            "EUROS",
            serde_json::json!({"amount_off": 500, "currency": "eur"}),
        )
        .add_customer("cus_gold", Some("gold@example.com"));
    fake
}

pub(super) fn request_for(id: &CheckoutSessionId) -> DiscountRequest {
    DiscountRequest::new(id.clone())
}

/// Creates a session from `body` as a raw form, bypassing the typed params' local checks, so
/// the emulator's own validation answers.
pub(super) async fn create_raw(client: &Client, body: &Value) -> Result<Value, Error> {
    client
        .request_raw(Method::Post, "/v1/checkout/sessions", body)
        .await
}

pub(super) fn api_error(err: &Error) -> &stripe_checkout_client::ApiError {
    match err {
        Error::Api(api) => api,
        other => panic!("expected an API error, got {other:?}"),
    }
}
