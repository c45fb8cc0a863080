//! Creates a Checkout Session the way Stripe's dynamic-discounts guide does: `ui_mode=custom`
//! and `permissions[update_discounts]=server_only`, so only your server can apply discounts.
//!
//! Offline (no `STRIPE_SECRET_KEY`), it prints the exact form pairs and `Stripe-Version` it
//! would send. With `STRIPE_SECRET_KEY=sk_test_…` and `PRICE_ID=price_…` it creates the
//! session in your sandbox and prints its id.
//!
//! ```text
//! cargo run --example create_session
//! ```

use serde_json::{Value, json};
use stripe_checkout_client::{ApiVersion, Client, Method, form};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let price = std::env::var("PRICE_ID").unwrap_or_else(|_| "price_123".to_owned());
    let params = json!({
        "ui_mode": "custom",
        "permissions": {"update_discounts": "server_only"},
        "line_items": [{"price": price, "quantity": 1}],
        "mode": "payment",
        "return_url": "https://example.com/return",
    });
    let version = ApiVersion::server_update_beta();

    let Ok(key) = std::env::var("STRIPE_SECRET_KEY") else {
        println!("STRIPE_SECRET_KEY is not set: dry run, nothing is sent.\n");
        println!("POST /v1/checkout/sessions");
        println!("Stripe-Version: {version}");
        for (key, value) in form::to_pairs(&params)? {
            println!("  {key}={value}");
        }
        return Ok(());
    };

    let client = Client::builder(key).api_version(version).build()?;
    let session: Value = client
        .request_raw(Method::Post, "/v1/checkout/sessions", &params)
        .await?;
    println!(
        "created {} (client secret starts {:.12}…)",
        session["id"].as_str().unwrap_or("?"),
        session["client_secret"].as_str().unwrap_or("")
    );
    Ok(())
}
