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
//! overrides 4242. `STRIPE_API_BASE=http://127.0.0.1:12111` uses an emulator running on its
//! own instead (`stripe-checkout-emulator`, which keeps its sessions when this server
//! restarts): the server registers its `/webhook` with the emulator's controls, and sells the
//! demo catalog unless `PRICE_ID` says otherwise.
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

    let api_base = std::env::var("STRIPE_API_BASE")
        .ok()
        .filter(|b| !b.is_empty());
    let (client, cart, fake) = match std::env::var("STRIPE_SECRET_KEY") {
        _ if api_base.is_some() => {
            // A Stripe emulator running on its own (the `stripe-checkout-emulator` binary),
            // which outlives this server's restarts.
            let base = api_base.clone().unwrap_or_default();
            let key = std::env::var("STRIPE_SECRET_KEY")
                .unwrap_or_else(|_| "sk_test_merchant_server".to_owned());
            let client = Client::builder(key)
                .api_base(base.as_str())
                .api_version(version.clone())
                .build()?;
            println!("Using the Stripe emulator at {base} with API version {version}");
            let cart = match std::env::var("PRICE_ID") {
                Ok(price) => vec![(price, 1)],
                Err(_) => demo_cart(),
            };
            (client, cart, None)
        }
        Ok(key) => {
            let price = std::env::var("PRICE_ID")
                .map_err(|_| "set PRICE_ID=price_… (a price over 100.00) with STRIPE_SECRET_KEY")?;
            let client = Client::builder(key).api_version(version.clone()).build()?;
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
            let client = fake.client_builder().api_version(version.clone()).build()?;
            (client, demo_cart(), Some(Arc::new(fake)))
        }
    };
    let webhook_secret = match std::env::var("STRIPE_WEBHOOK_SECRET") {
        Ok(secret) if !secret.is_empty() => Some(secret),
        _ if fake.is_some() || api_base.is_some() => Some(DEMO_WEBHOOK_SECRET.to_owned()),
        _ => {
            println!("STRIPE_WEBHOOK_SECRET is not set: /webhook will refuse every event");
            None
        }
    };
    if let (Some(fake), Some(secret)) = (&fake, &webhook_secret) {
        // The emulator signs with the secret the endpoint checks, whichever it is.
        fake.send_webhooks_to(format!("http://127.0.0.1:{port}/webhook"), secret.as_str());
    }
    if let (Some(base), Some(secret)) = (&api_base, &webhook_secret) {
        // The emulator running on its own is told where to send events, over its controls.
        register_webhook(base, port, secret, &version).await?;
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

/// The offline demo's cart: the emulator's demo catalog.
fn demo_cart() -> Vec<(String, u64)> {
    vec![
        ("price_demo_jacket".to_owned(), 1),
        ("price_demo_cap".to_owned(), 1),
    ]
}

/// Points the emulator at `base` at this server's `/webhook`, signing with `secret`, in
/// `version`'s shape (`POST /_fake/webhooks/endpoint`).
async fn register_webhook(
    base: &str,
    port: u16,
    secret: &str,
    version: &ApiVersion,
) -> Result<(), Box<dyn std::error::Error>> {
    let version = version.to_string();
    let date_and_release = version.split(';').next().unwrap_or_default().trim();
    let answer = reqwest::Client::new()
        .post(format!(
            "{}/_fake/webhooks/endpoint",
            base.trim_end_matches('/')
        ))
        .body(
            serde_json::json!({
                "url": format!("http://127.0.0.1:{port}/webhook"),
                "secret": secret,
                "api_version": date_and_release,
            })
            .to_string(),
        )
        .send()
        .await?;
    if !answer.status().is_success() {
        return Err(format!(
            "the emulator at {base} refused the webhook endpoint: {}",
            answer.text().await.unwrap_or_default()
        )
        .into());
    }
    println!("The emulator sends its events to http://127.0.0.1:{port}/webhook");
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
