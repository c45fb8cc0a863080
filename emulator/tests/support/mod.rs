//! Raw HTTP against the emulator for its own tests: form bodies as pairs, the answer's status
//! and JSON, and sessions made for the dynamic-updates tests. No client's types: the emulator
//! is driven the way any SDK drives it.

#![allow(dead_code)]

use serde_json::Value;
use stripe_checkout_emulator::{FakeStripe, TEST_SECRET_KEY};

/// The newest GA version, whose Elements sessions take line items and payment intent data.
pub const ENDIVE: &str = "2026-10-28.endive";
/// The preview SDK's version: line items need their permission; discounts, trials.
pub const PREVIEW: &str = "2026-08-26.preview";

/// Form pairs, as sent.
pub type Pairs<'a> = &'a [(&'a str, &'a str)];

/// An answer: its status and body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
}

impl Answer {
    /// The error's `param`, or `None`.
    pub fn param(&self) -> Option<&str> {
        self.body["error"]["param"].as_str()
    }

    /// Asserts a 400 `invalid_request_error` naming `param`.
    #[track_caller]
    pub fn refused(&self, param: &str) {
        assert_eq!(self.status, 400, "{}", self.body);
        assert_eq!(
            self.body["error"]["type"], "invalid_request_error",
            "{}",
            self.body
        );
        assert_eq!(self.param(), Some(param), "{}", self.body);
    }

    /// Asserts a 200 and gives the body.
    #[track_caller]
    pub fn ok(self) -> Value {
        assert_eq!(self.status, 200, "{}", self.body);
        self.body
    }
}

/// The emulator with a small catalog: a jacket (120.00 usd), a cap (30.00 usd), a cap club
/// (30.00 usd a month, for subscription sessions), a tea (900 jpy), a shipping rate (5.00
/// usd) and a quarter-off coupon.
pub async fn fake() -> FakeStripe {
    let fake = FakeStripe::start().await;
    fake.add_product_price("price_jacket", "Jacket", 12_000, "usd")
        .add_product_price("price_cap", "Cap", 3_000, "usd")
        .add_recurring_price("price_club", "Cap club", 3_000, "usd", "month")
        .add_price("price_tea", 900, "jpy")
        .add_shipping_rate("shr_standard", "Standard", 500, "usd")
        .add_coupon("QUARTER", serde_json::json!({"percent_off": 25}))
        .add_coupon(
            "BIG",
            serde_json::json!({"amount_off": 50_000, "currency": "usd"}),
        );
    fake
}

async fn send(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let body = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    Answer { status, body }
}

/// `POST path` with `pairs` as the form body, in `version`.
pub async fn post(fake: &FakeStripe, version: &str, path: &str, pairs: &[(&str, &str)]) -> Answer {
    let request = reqwest::Client::new()
        .post(format!("{}{path}", fake.uri()))
        .bearer_auth(TEST_SECRET_KEY)
        .header("stripe-version", version)
        .form(pairs);
    send(request).await
}

/// `GET path` (with its query) in `version`.
pub async fn get(fake: &FakeStripe, version: &str, path: &str) -> Answer {
    let request = reqwest::Client::new()
        .get(format!("{}{path}", fake.uri()))
        .bearer_auth(TEST_SECRET_KEY)
        .header("stripe-version", version);
    send(request).await
}

/// Updates session `id` with `pairs`.
pub async fn update(fake: &FakeStripe, version: &str, id: &str, pairs: &[(&str, &str)]) -> Answer {
    post(fake, version, &format!("/v1/checkout/sessions/{id}"), pairs).await
}

/// Retrieves session `id` with its line items expanded.
pub async fn retrieve(fake: &FakeStripe, version: &str, id: &str) -> Value {
    get(
        fake,
        version,
        &format!("/v1/checkout/sessions/{id}?expand[]=line_items"),
    )
    .await
    .ok()
}

/// Creates a session of `mode` and `ui_mode` (as `version` names it) with `extra` params and
/// the line items in `items` (price id, quantity); returns its id.
pub async fn session(
    fake: &FakeStripe,
    version: &str,
    mode: &str,
    ui_mode: &str,
    items: &[(&str, u64)],
    extra: &[(&str, &str)],
) -> String {
    let mut pairs: Vec<(String, String)> = vec![
        ("mode".into(), mode.into()),
        ("ui_mode".into(), ui_mode.into()),
    ];
    if !ui_mode.starts_with("hosted") {
        pairs.push(("return_url".into(), "https://example.com/return".into()));
    }
    for (i, (price, quantity)) in items.iter().enumerate() {
        pairs.push((format!("line_items[{i}][price]"), (*price).into()));
        pairs.push((format!("line_items[{i}][quantity]"), quantity.to_string()));
    }
    pairs.extend(extra.iter().map(|(k, v)| ((*k).into(), (*v).into())));
    let refs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let created = post(fake, version, "/v1/checkout/sessions", &refs)
        .await
        .ok();
    created["id"].as_str().unwrap().to_owned()
}

/// A price `mode` takes: the cap club (recurring) in subscription mode, the cap otherwise.
pub fn price_for(mode: &str) -> &'static str {
    if mode == "subscription" {
        "price_club"
    } else {
        "price_cap"
    }
}

/// The ids of a retrieved session's line items, in order.
pub fn item_ids(session: &Value) -> Vec<String> {
    session["line_items"]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}
