//! Builds the merchant server's router from `app.rs` with the crate's default features only:
//! the file a merchant copies must not need the `testing` emulator.

#[path = "../../../examples/merchant_server/app.rs"]
#[allow(dead_code)]
mod app;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = stripe_checkout_client::Client::new("sk_test_outside_app")?;
    let config = app::Config {
        cart: vec![("price_123".to_owned(), 1)],
        return_url: "https://example.com/return".to_owned(),
        publishable_key: None,
        shopper: "shopper".to_owned(),
        members: Default::default(),
        webhook_secret: None,
        demo_payments: false,
    };
    let _router: axum::Router = app::router(app::AppState::new(client, config));
    println!("app.rs builds its router without the `testing` feature");
    Ok(())
}
