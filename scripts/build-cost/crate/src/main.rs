//! Creates the guide's Checkout Session with the crate: prints the form body `create` would
//! send (`form_pairs`), or sends it when `STRIPE_API_BASE` and `STRIPE_SECRET_KEY` are set.

use stripe_checkout_client::checkout::{
    CreateSession, LineItem, PermissionOwner, SessionMode, UiMode,
};
use stripe_checkout_client::{ApiVersion, Client, form};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let params = CreateSession::new(SessionMode::Payment)
        .ui_mode(UiMode::Custom)
        .update_discounts(PermissionOwner::ServerOnly)
        .line_item(LineItem::price("price_123", 1))
        .return_url("https://example.com/return");
    let Ok(base) = std::env::var("STRIPE_API_BASE") else {
        println!("{}", form::encode_pairs(&params.form_pairs(&ApiVersion::default())?));
        return Ok(());
    };
    let client = Client::builder(std::env::var("STRIPE_SECRET_KEY")?)
        .api_base(base)
        .build()?;
    let session = client.checkout_sessions().create(&params).await?;
    println!("{} {:?}", session.id, session.amount_total);
    Ok(())
}
