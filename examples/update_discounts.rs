//! The server side of Stripe's "dynamically update discounts" guide in one run: create a
//! session, let the guide's rule (10% off carts over 100.00, at most 20.00) apply a
//! discount, re-apply it (no update is sent), then remove it — printing what the browser
//! would be told each time, through the crate's one-call endpoint helper.
//!
//! Offline (no `STRIPE_SECRET_KEY`) it runs against the crate's in-process emulator. With
//! `STRIPE_SECRET_KEY=sk_test_…` and `PRICE_ID=price_…` (a price over 100.00) it runs against
//! your sandbox.
//!
//! ```text
//! cargo run --example update_discounts
//! ```

use stripe_checkout_client::checkout::{
    CheckoutSession, CreateSession, LineItem, PermissionOwner, SessionMode, UiMode,
};
use stripe_checkout_client::discounts::{self, policies::CartThreshold};
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt};
use stripe_checkout_client::{ApiVersion, Client};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let price = std::env::var("PRICE_ID").unwrap_or_else(|_| "price_demo_jacket".to_owned());
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

    let session = client
        .checkout_sessions()
        .create(
            &CreateSession::new(SessionMode::Payment)
                .ui_mode(UiMode::Elements)
                .update_discounts(PermissionOwner::ServerOnly)
                .line_item(LineItem::price(price.as_str(), 1))
                .return_url("https://example.com/return"),
        )
        .await?;
    println!("created {}", session.id);
    show("before", &session);

    let policy = CartThreshold::guide();
    let bodies = [
        (
            "apply",
            format!(r#"{{"checkout_session_id":"{}"}}"#, session.id),
        ),
        (
            "apply again",
            format!(r#"{{"checkout_session_id":"{}"}}"#, session.id),
        ),
        (
            "remove",
            format!(
                r#"{{"checkout_session_id":"{}","discounts":""}}"#,
                session.id
            ),
        ),
    ];
    for (step, body) in bodies {
        // Your endpoint: the browser's body in, the status and JSON to answer out.
        let answer = discounts::handle(&client, body.as_bytes(), &policy).await;
        println!("\n{step}: browser gets {} {}", answer.status, answer.body);
        show(
            "after",
            &client.checkout_sessions().retrieve(&session.id).await?,
        );
    }
    Ok(())
}

fn show(label: &str, session: &CheckoutSession) {
    let currency = session.currency.as_deref().unwrap_or("");
    println!(
        "  {label}: subtotal {} {currency}, discount {}, total {}",
        session.amount_subtotal.unwrap_or_default(),
        session
            .total_details
            .as_ref()
            .and_then(|t| t.amount_discount)
            .unwrap_or_default(),
        session.amount_total.unwrap_or_default(),
    );
}
