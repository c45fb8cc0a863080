//! The crate's Stripe emulator as a server any language's client can talk to.
//!
//! ```text
//! cargo run --example emulator
//! {"base_url":"http://127.0.0.1:12111","secret_key":"sk_test_FakeStripe…","controls":"http://127.0.0.1:12111/_fake/"}
//! SEED=my_catalog.json PORT=0 cargo run --example emulator
//! ```
//!
//! It listens on loopback (`PORT`, default 12111; `PORT=0` picks a free one) and loads a seed
//! (`SEED`, a file holding a `testing::Seed` document: prices, coupons, promotion codes,
//! customers, the clock). Without one it loads `examples/emulator_seed.json`: prices
//! `price_demo_jacket` (80.00 USD) and `price_demo_cap` (40.00 USD), coupons `TENOFF`,
//! `QUARTER` and `CAPS`, and promotion codes `SUMMER25`, `BIGCART` (from 150.00),
//! `SPRING` (expired) and `CAPS50` (caps only).
//!
//! It prints its base URL, a key and the controls' URL on one JSON line, and serves until it
//! is stopped. It answers in the shape of the `Stripe-Version` each request sends. The test
//! controls (complete a session, move the clock, queue a fault, read the journal, seed more)
//! are under `/_fake/`; see `FakeStripe::enable_controls`. The CI drives it with the official
//! Node SDKs (`tests/outside-sdk/emulator_sdks.mjs`).

use std::net::SocketAddr;

use stripe_checkout_client::testing::{FakeStripe, Seed, TEST_SECRET_KEY};

const DEMO_SEED: &str = include_str!("emulator_seed.json");

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port: u16 = match std::env::var("PORT") {
        Ok(port) => port
            .parse()
            .map_err(|_| format!("PORT must be a port number, got {port:?}"))?,
        Err(_) => 12111,
    };
    let seed = match std::env::var("SEED") {
        Ok(path) => std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read the seed file {path}: {e}"))?,
        Err(_) => DEMO_SEED.to_owned(),
    };
    let fake = FakeStripe::bind(SocketAddr::from(([127, 0, 0, 1], port))).await?;
    fake.seed(&Seed::from_json(&seed)?)?;
    fake.enable_controls();
    println!(
        "{}",
        serde_json::json!({
            "base_url": fake.uri(),
            "secret_key": TEST_SECRET_KEY,
            "controls": format!("{}/_fake/", fake.uri()),
        })
    );
    // Serves until the process is stopped.
    std::future::pending::<()>().await;
    Ok(())
}
