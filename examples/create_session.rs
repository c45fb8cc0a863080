//! Creates a Checkout Session the way Stripe's dynamic-discounts guide does: `ui_mode=custom`
//! (`UiMode::Elements`, sent as `elements` from dahlia on) and
//! `permissions[update_discounts]=server_only`, so only your server can apply discounts.
//!
//! Offline (no `STRIPE_SECRET_KEY`) it runs against the crate's in-process emulator
//! (`testing::FakeStripe`) with a demo price. With `STRIPE_SECRET_KEY=sk_test_…` and
//! `PRICE_ID=price_…` it creates the session in your sandbox.
//!
//! ```text
//! cargo run --example create_session
//! ```

use stripe_checkout_client::checkout::{
    CreateSession, LineItem, PermissionOwner, SessionMode, UiMode,
};
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt};
use stripe_checkout_client::{ApiVersion, Client, form};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let price = std::env::var("PRICE_ID").unwrap_or_else(|_| "price_demo_jacket".to_owned());
    let params = CreateSession::new(SessionMode::Payment)
        .ui_mode(UiMode::Elements)
        .update_discounts(PermissionOwner::ServerOnly)
        .line_item(LineItem::price(price.as_str(), 1))
        .return_url("https://example.com/return");

    // Keep the emulator alive for as long as the client talks to it.
    let (client, _fake) = match std::env::var("STRIPE_SECRET_KEY") {
        Ok(key) => (
            Client::builder(key)
                .api_version(ApiVersion::server_update_beta())
                .build()?,
            None,
        ),
        Err(_) => {
            let fake = FakeStripe::start().await;
            fake.add_product_price(&price, "Demo jacket", 12_000, "usd");
            println!(
                "STRIPE_SECRET_KEY is not set: using the local emulator at {}\n",
                fake.uri()
            );
            (fake.client(), Some(fake))
        }
    };

    println!("POST /v1/checkout/sessions");
    println!("Stripe-Version: {}", client.api_version());
    for (key, value) in form::to_pairs(&params)? {
        println!("  {key}={value}");
    }
    let session = client.checkout_sessions().create(&params).await?;
    println!(
        "\ncreated {} — status {}, subtotal {} {}, client secret {:.16}…",
        session.id,
        session.status.map(|s| s.to_string()).unwrap_or_default(),
        session.amount_subtotal.unwrap_or_default(),
        session.currency.as_deref().unwrap_or("?"),
        session.client_secret.as_deref().unwrap_or(""),
    );
    Ok(())
}
