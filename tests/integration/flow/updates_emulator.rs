//! The server-update flow against the emulator: scenarios whose state only a Stripe can hold
//! (the trial and payment settings a session keeps, the cart after a quantity change), read
//! back from the emulator, which decides on its own reading of Stripe.

use std::collections::HashMap;

use serde_json::json;
use stripe_checkout_client::checkout::params::{Permissions, UpdatePaymentIntentData};
use stripe_checkout_client::checkout::{
    CreateSession, LineItem, PermissionOwner, SessionMode, UiMode,
};
use stripe_checkout_client::ids::CheckoutSessionId;
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt};
use stripe_checkout_client::updates::policies::{QuantityLimits, UpgradeTrial};
use stripe_checkout_client::updates::{
    self, Changes, FlowError, Part, Rejection, SessionView, UpdatePolicy, UpdateRequest,
    async_trait,
};
use stripe_checkout_client::{ApiVersion, Client};

async fn create(client: &Client, params: CreateSession) -> CheckoutSessionId {
    client
        .checkout_sessions()
        .create(&params.return_url("https://example.com/return"))
        .await
        .unwrap()
        .id
}

#[tokio::test]
async fn an_upgrade_on_the_preview_swaps_the_plan_and_the_session_keeps_the_trial() {
    let fake = FakeStripe::start().await;
    fake.add_recurring_price("price_monthly", "Monthly", 900, "usd", "month")
        .add_recurring_price("price_yearly", "Yearly", 9_000, "usd", "year");
    let client = fake
        .client_builder()
        .api_version(ApiVersion::newest_preview())
        .build()
        .unwrap();
    let id = create(
        &client,
        CreateSession::new(SessionMode::Subscription)
            .ui_mode(UiMode::Elements)
            .line_item(LineItem::price("price_monthly", 1))
            .permissions(Permissions::new().update_line_items(PermissionOwner::ServerOnly)),
    )
    .await;
    let upgrade = UpgradeTrial::new(
        "price_monthly".parse().unwrap(),
        "price_yearly".parse().unwrap(),
        14,
    );
    let outcome = updates::run(&client, UpdateRequest::new(id.clone()), &upgrade)
        .await
        .unwrap();
    assert_eq!(outcome.changed, [Part::LineItems, Part::Trial]);
    let session = fake.checkout_session(&id).unwrap();
    assert_eq!(session.amount_subtotal, Some(9_000));
    let settings = fake.session_settings(id.as_str()).unwrap();
    assert_eq!(
        settings["subscription_data"]["trial_period_days"],
        json!(14),
        "{settings}"
    );

    // Asked again: already on the yearly plan, nothing is sent.
    let posts = fake.journal().iter().filter(|r| r.is_post()).count();
    let again = updates::run(&client, UpdateRequest::new(id), &upgrade)
        .await
        .unwrap();
    assert!(!again.was_sent());
    assert_eq!(fake.journal().iter().filter(|r| r.is_post()).count(), posts);
}

/// Saves the shopper's card for later when they tick "remember me".
struct RememberCard;

#[async_trait]
impl UpdatePolicy for RememberCard {
    fn parts(&self) -> Vec<Part> {
        vec![Part::PaymentIntentData]
    }

    async fn changes(
        &self,
        request: &UpdateRequest,
        _: &SessionView,
    ) -> Result<Changes, Rejection> {
        let remember = request.field::<bool>("remember")?.unwrap_or(false);
        let mut data = UpdatePaymentIntentData::new().description("Order 42");
        if remember {
            data = data.setup_future_usage(
                stripe_checkout_client::checkout::enums::SetupFutureUsage::OffSession,
            );
        }
        Ok(Changes::none().payment_intent_data(data))
    }
}

#[tokio::test]
async fn payment_settings_reach_an_elements_payment_session_on_endive_and_only_there() {
    let fake = FakeStripe::start().await;
    fake.add_price("price_cap", 4_000, "usd");
    let client = fake
        .client_builder()
        .api_version(ApiVersion::newest_ga())
        .build()
        .unwrap();
    let id = create(
        &client,
        CreateSession::new(SessionMode::Payment)
            .ui_mode(UiMode::Elements)
            .line_item(LineItem::price("price_cap", 1)),
    )
    .await;
    let request = UpdateRequest::new(id.clone()).with_field("remember", json!(true));
    updates::run(&client, request, &RememberCard).await.unwrap();
    let settings = fake.session_settings(id.as_str()).unwrap();
    assert_eq!(settings["payment_intent_data"]["description"], "Order 42");
    assert_eq!(
        settings["payment_intent_data"]["setup_future_usage"],
        "off_session"
    );

    // An embedded page is refused by the flow itself, before anything is sent.
    let embedded = create(
        &client,
        CreateSession::new(SessionMode::Payment)
            .ui_mode(UiMode::EmbeddedPage)
            .line_item(LineItem::price("price_cap", 1)),
    )
    .await;
    let posts = fake.journal().iter().filter(|r| r.is_post()).count();
    let err = updates::run(&client, UpdateRequest::new(embedded), &RememberCard)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            FlowError::NotAllowed {
                param: "payment_intent_data",
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(fake.journal().iter().filter(|r| r.is_post()).count(), posts);
}

#[tokio::test]
async fn a_quantity_change_on_clover_lands_and_stock_lowers_the_other_line() {
    let fake = FakeStripe::start().await;
    fake.add_price("price_mug", 1_200, "usd")
        .add_price("price_tea", 800, "usd");
    let client = fake
        .client_builder()
        .api_version("2025-12-15.clover".parse::<ApiVersion>().unwrap())
        .build()
        .unwrap();
    let id = create(
        &client,
        CreateSession::new(SessionMode::Payment)
            .ui_mode(UiMode::Elements)
            .line_item(LineItem::price("price_mug", 1))
            .line_item(LineItem::price("price_tea", 5)),
    )
    .await;
    let before = fake.checkout_session(&id).unwrap();
    let sessions = client.checkout_sessions();
    let lines = sessions
        .list_line_items(&id, &Default::default())
        .await
        .unwrap();
    let mug = lines.data[0].id.clone();
    let stock = HashMap::from([("price_mug".to_owned(), 4), ("price_tea".to_owned(), 2)]);
    let request = UpdateRequest::new(id.clone())
        .with_field("line_item", json!(mug))
        .with_field("quantity", json!(3));
    updates::run(&client, request, &QuantityLimits::new(stock))
        .await
        .unwrap();
    let after = fake.checkout_session(&id).unwrap();
    assert_eq!(before.amount_subtotal, Some(1_200 + 4_000));
    assert_eq!(after.amount_subtotal, Some(3 * 1_200 + 2 * 800));
    let lines = sessions
        .list_line_items(&id, &Default::default())
        .await
        .unwrap();
    let quantities: Vec<Option<u64>> = lines.data.iter().map(|l| l.quantity).collect();
    assert_eq!(quantities, [Some(3), Some(2)]);
    assert_eq!(lines.data[0].id, mug, "the line is kept, not replaced");
}
