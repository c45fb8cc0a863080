//! The crate's flagship example: Stripe's dynamic-discounts guide as a Rust server, with a
//! small web page.
//!
//! ```text
//! cargo run --example merchant_server
//! # then open http://localhost:4242
//! ```
//!
//! With no `STRIPE_SECRET_KEY` it starts the Stripe emulator in-process
//! (`testing::FakeStripe`) with the emulator binary's demo catalog (try the codes
//! `SUMMER25`, `BIGCART` and `SPRING`), so it needs no account and no network. Set
//! `STRIPE_SECRET_KEY=sk_test_…` and `PRICE_ID=price_…` to talk to your Stripe sandbox
//! instead, `STRIPE_PUBLISHABLE_KEY=pk_test_…` to load Stripe.js on the page, and
//! `STRIPE_WEBHOOK_SECRET=whsec_…` for `POST /webhook` (e.g. from `stripe listen`). `PORT`
//! overrides 4242.
//!
//! Paid orders are fulfilled once, from the webhook or the landing page's
//! `/session-status?session_id=…` (whichever comes first), through the crate's `Fulfiller`;
//! what was fulfilled is kept in a redb file, `FULFILMENT_DB` (default
//! `merchant-server-<port>.redb` in the temporary directory), so a restart forgets nothing.
//!
//! `STRIPE_API_VERSION` picks the API version (default: the guide's,
//! `2025-03-31.basil; checkout_server_update_beta=v1;`), e.g. `2026-10-28.endive` or
//! `2026-08-26.preview`. Server-side discounts are a preview feature, so a generally available
//! version gets the `checkout_server_update_beta=v1` flag added (the server says so at start).
//! Offline, the emulator answers in that version's shape and the webhook endpoint is pinned
//! to it.

mod app;
mod demo;
mod orders;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt, Seed};
use stripe_checkout_client::version::SERVER_UPDATE_BETA;
use stripe_checkout_client::{ApiVersion, Client};

/// The shopper every demo session belongs to; a gold loyalty member.
const SHOPPER: &str = "demo-shopper-gold";
/// The offline catalog: prices `price_demo_jacket` and `price_demo_cap`, and promotion codes
/// `SUMMER25` (25% off), `BIGCART` (10.00 off from 150.00), `SPRING` (expired) and `CAPS50`.
const DEMO_SEED: &str = include_str!("../../emulator/src/demo_seed.json");
/// The webhook signing secret offline, where the emulator signs the events.
const DEMO_WEBHOOK_SECRET: &str = "whsec_demo_merchant_server";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt().with_target(false).init();

    let port: u16 = match std::env::var("PORT") {
        Ok(port) => port
            .parse()
            .map_err(|_| format!("PORT must be a port number, got {port:?}"))?,
        Err(_) => 4242,
    };
    let members = HashMap::from([(SHOPPER.to_owned(), "gold".to_owned())]);
    let version = api_version()?;

    let (client, cart, fake) = match std::env::var("STRIPE_SECRET_KEY") {
        Ok(key) => {
            let price = std::env::var("PRICE_ID")
                .map_err(|_| "set PRICE_ID=price_… (a price over 100.00) with STRIPE_SECRET_KEY")?;
            let client = Client::builder(key).api_version(version).build()?;
            println!("Using Stripe with API version {}", client.api_version());
            (client, vec![(price, 1)], None)
        }
        Err(_) => {
            let fake = FakeStripe::start().await;
            // The emulator binary's demo catalog: the two prices, and promotion codes to type.
            fake.seed(&Seed::from_json(DEMO_SEED)?)?;
            // Its test controls (complete a session, settle a delayed payment, webhook
            // faults) answer over HTTP, so that a test in any language can drive the shop.
            fake.enable_controls();
            println!(
                "STRIPE_SECRET_KEY is not set: using the local Stripe emulator at {} \
                 (demo catalog, no account needed, API version {version}; test controls at \
                 {}/_fake/)",
                fake.uri(),
                fake.uri()
            );
            fake.set_webhook_api_version(&version.to_string())
                .expect("a valid version");
            let client = fake.client_builder().api_version(version).build()?;
            let cart = vec![
                ("price_demo_jacket".to_owned(), 1),
                ("price_demo_cap".to_owned(), 1),
            ];
            (client, cart, Some(Arc::new(fake)))
        }
    };
    let webhook_secret = match std::env::var("STRIPE_WEBHOOK_SECRET") {
        Ok(secret) if !secret.is_empty() => Some(secret),
        _ if fake.is_some() => Some(DEMO_WEBHOOK_SECRET.to_owned()),
        _ => {
            println!("STRIPE_WEBHOOK_SECRET is not set: /webhook will refuse every event");
            None
        }
    };
    if let (Some(fake), Some(secret)) = (&fake, &webhook_secret) {
        // The emulator signs with the secret the endpoint checks, whichever it is.
        fake.send_webhooks_to(format!("http://127.0.0.1:{port}/webhook"), secret.as_str());
    }

    let config = app::Config {
        demo_payments: fake.is_some(),
        cart,
        return_url: format!("http://localhost:{port}/?session_id={{CHECKOUT_SESSION_ID}}"),
        publishable_key: std::env::var("STRIPE_PUBLISHABLE_KEY").ok(),
        shopper: SHOPPER.to_owned(),
        members,
        webhook_secret,
        store_path: store_path(port),
    };
    tracing::info!(store = %config.store_path.display(), "fulfilment database");
    let mut router = app::router(app::AppState::new(client, config)?);
    if let Some(fake) = fake {
        // Offline only: the emulator's "Pay" button.
        router = router.merge(demo::router(fake));
    }
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let listener = tokio::net::TcpListener::bind(addr).await?;
    println!("Merchant server listening on http://localhost:{port}");
    axum::serve(listener, router).await?;
    Ok(())
}

/// `FULFILMENT_DB`, or `merchant-server-<port>.redb` in the system's temporary directory: a
/// file that outlives a restart on the same port, so an order fulfilled before it is not
/// fulfilled again, and that two servers on different ports do not share.
fn store_path(port: u16) -> std::path::PathBuf {
    std::env::var_os("FULFILMENT_DB").map_or_else(
        || std::env::temp_dir().join(format!("merchant-server-{port}.redb")),
        std::path::PathBuf::from,
    )
}

/// `STRIPE_API_VERSION`, or the guide's version; a version without preview features gets the
/// server-update beta flag, which the discount flow needs.
fn api_version() -> Result<ApiVersion, Box<dyn std::error::Error>> {
    let Ok(text) = std::env::var("STRIPE_API_VERSION") else {
        return Ok(ApiVersion::server_update_beta());
    };
    let version: ApiVersion = text
        .parse()
        .map_err(|e| format!("STRIPE_API_VERSION={text:?}: {e}"))?;
    if version.is_preview() {
        return Ok(version);
    }
    let flagged = version.with_beta(SERVER_UPDATE_BETA.0, SERVER_UPDATE_BETA.1);
    println!("{text} is generally available: sending `{flagged}` for server-side discounts");
    Ok(flagged)
}
