//! Builds the merchant server's router from `app.rs` with the crate's default features only:
//! the file a merchant copies must not need the `testing` emulator.

#[path = "../../../examples/merchant_server/app.rs"]
#[allow(dead_code)]
mod app;
#[path = "../../../examples/merchant_server/orders.rs"]
#[allow(dead_code)]
mod orders;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = stripe_checkout_client::Client::new("sk_test_outside_app")?;
    let config = app::Config {
        cart: vec![("price_123".to_owned(), 1)],
        return_url: "https://example.com/return".to_owned(),
        publishable_key: None,
        shopper: "shopper".to_owned(),
        members: Default::default(),
        webhook_secret: None,
        demo_payments: false,
        store_path: std::env::temp_dir().join(format!(
            "outside-app-{}.redb",
            std::process::id()
        )),
    };
    let store_path = config.store_path.clone();
    let _router: axum::Router = app::router(app::AppState::new(client, config)?);
    drop(_router);
    std::fs::remove_file(store_path)?;
    println!("app.rs builds its router without the `testing` feature");
    Ok(())
}
