//! The crate's Stripe emulator as a server any language's client can talk to.
//!
//! ```text
//! cargo run --example emulator
//! {"base_url":"http://127.0.0.1:12111","secret_key":"sk_test_FakeStripe…"}
//! ```
//!
//! It listens on loopback (`PORT`, default 12111; `PORT=0` picks a free one), seeds a small
//! catalog (prices `price_demo_jacket` at 80.00 USD and `price_demo_cap` at 40.00 USD,
//! coupons `TENOFF` for 10.00 USD off and `QUARTER` for 25% off), prints its base URL and a
//! key on one JSON line, and serves until it is stopped. It answers in the shape of the
//! `Stripe-Version` each request sends. Point an SDK at it with its host, port and protocol
//! options, as the CI's check with the official Node SDKs does
//! (`tests/outside-sdk/emulator_sdks.mjs`).

use std::net::SocketAddr;

use stripe_checkout_client::discounts::CouponData;
use stripe_checkout_client::testing::{FakeStripe, TEST_SECRET_KEY};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port: u16 = match std::env::var("PORT") {
        Ok(port) => port
            .parse()
            .map_err(|_| format!("PORT must be a port number, got {port:?}"))?,
        Err(_) => 12111,
    };
    let fake = FakeStripe::bind(SocketAddr::from(([127, 0, 0, 1], port))).await?;
    fake.add_product_price("price_demo_jacket", "Trail jacket", 8_000, "usd")
        .add_product_price("price_demo_cap", "Wool cap", 4_000, "usd")
        .add_coupon(
            "TENOFF",
            CouponData::amount_off(1_000, "usd").name("Ten off"),
        )
        .add_coupon("QUARTER", CouponData::percent_off(25.0));
    println!(
        "{}",
        serde_json::json!({"base_url": fake.uri(), "secret_key": TEST_SECRET_KEY})
    );
    // Serves until the process is stopped.
    std::future::pending::<()>().await;
    Ok(())
}
