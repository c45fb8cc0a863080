//! The guide's Checkout Session by hand: flat form pairs, one POST, a minimal typed answer.

use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error)]
enum Error {
    #[error("encoding: {0}")]
    Encode(#[from] serde_urlencoded::ser::Error),
    #[error("http: {0}")]
    Http(#[from] reqwest::Error),
    #[error("decoding: {0}")]
    Decode(#[from] serde_json::Error),
    #[error("missing {0}")]
    Env(&'static str),
}

#[derive(Serialize)]
struct CreateSession<'a> {
    ui_mode: &'a str,
    #[serde(rename = "permissions[update_discounts]")]
    update_discounts: &'a str,
    #[serde(rename = "line_items[0][price]")]
    price: &'a str,
    #[serde(rename = "line_items[0][quantity]")]
    quantity: u64,
    mode: &'a str,
    return_url: &'a str,
}

#[derive(Deserialize)]
struct Session {
    id: String,
    amount_total: Option<i64>,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    let params = CreateSession {
        ui_mode: "custom",
        update_discounts: "server_only",
        price: "price_123",
        quantity: 1,
        mode: "payment",
        return_url: "https://example.com/return",
    };
    let body = serde_urlencoded::to_string(&params)?;
    let Ok(base) = std::env::var("STRIPE_API_BASE") else {
        println!("{body}");
        return Ok(());
    };
    let key = std::env::var("STRIPE_SECRET_KEY").map_err(|_| Error::Env("STRIPE_SECRET_KEY"))?;
    let bytes = reqwest::Client::new()
        .post(format!("{base}/v1/checkout/sessions"))
        .bearer_auth(key)
        .header("stripe-version", "2025-03-31.basil; checkout_server_update_beta=v1;")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await?
        .bytes()
        .await?;
    let session: Session = serde_json::from_slice(&bytes)?;
    println!("{} {:?}", session.id, session.amount_total);
    Ok(())
}
