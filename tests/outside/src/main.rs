//! The design sketch's code, as an outside program would write it, run against the crate's
//! emulator: the guide's flow end to end, with every name the sketch promises.

use serde_json::json;
use stripe_checkout_client::checkout::{
    CheckoutSession, CreateSession, LineItem, PermissionOwner, SessionMode, UiMode, UpdateSession,
};
use stripe_checkout_client::discounts::{
    self, CouponData, Discount, DiscountPolicy, DiscountRequest, Rejection, ServerUpdateResponse,
    UpdateOutcome, async_trait, update_discounts,
};
use stripe_checkout_client::ids::CheckoutSessionId;
use stripe_checkout_client::testing::{FakeStripe, TEST_SECRET_KEY};
use stripe_checkout_client::{ApiVersion, Client, Error, Method, RequestOptions};

/// 20.00 off carts over 100.00, as the guide's "Customer Discount".
struct MyPolicy;

#[async_trait]
impl DiscountPolicy for MyPolicy {
    async fn validate(
        &self,
        request: &DiscountRequest,
        _session: &CheckoutSession,
    ) -> Result<(), Rejection> {
        match &request.discounts {
            Some(list) if list.len() > 1 => Err(Rejection::new("more than one discount")),
            _ => Ok(()),
        }
    }

    async fn recompute(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<Vec<Discount>, Rejection> {
        if request.is_removal() || session.amount_subtotal.unwrap_or(0) <= 10_000 {
            return Ok(Vec::new());
        }
        let currency = session.currency.clone().unwrap_or_else(|| "usd".into());
        Ok(vec![Discount::CouponData(
            CouponData::amount_off(2000, currency).name("Customer Discount"),
        )])
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fake = FakeStripe::start().await;
    fake.add_price("price_123", 12_000, "usd");

    let client = Client::builder(TEST_SECRET_KEY)
        .api_version(ApiVersion::server_update_beta())
        .api_base(fake.uri())
        .max_retries(2)
        .build()?;
    assert!(!format!("{client:?}").contains(TEST_SECRET_KEY));
    let sessions = client.checkout_sessions();

    let created: CheckoutSession = sessions
        .create(
            &CreateSession::new(SessionMode::Payment)
                .ui_mode(UiMode::Custom)
                .line_item(LineItem::price("price_123", 1))
                .return_url("https://example.com/return")
                .update_discounts(PermissionOwner::ServerOnly),
        )
        .idempotency_key("order-42-create")
        .await?;

    let id: CheckoutSessionId = created.id.as_str().parse()?;
    assert_eq!(id, created.id);
    let bad: Result<CheckoutSessionId, _> = "pi_123".parse();
    assert!(matches!(bad.map_err(Error::from), Err(Error::InvalidId(_))));

    let session = sessions
        .retrieve(&created.id)
        .expand(["discounts", "line_items"])
        .await?;
    let updated = sessions
        .update(
            &session.id,
            &UpdateSession::new()
                .discounts([Discount::CouponData(
                    CouponData::amount_off(2000, "usd").name("Customer Discount"),
                )])
                .expand(["discounts"]),
        )
        .stripe_account("acct_123")
        .await?;
    assert_eq!(updated.amount_total, Some(10_000));
    let cleared = sessions
        .update(&session.id, &UpdateSession::new().clear_discounts())
        .await?;
    assert_eq!(cleared.amount_total, Some(12_000));

    // The guide's flow: the request carries the session id.
    let body = format!(r#"{{"checkout_session_id":"{}"}}"#, session.id);
    let request = DiscountRequest::from_json(body.as_bytes())?;
    let outcome: UpdateOutcome = update_discounts(&client, request, &MyPolicy)
        .options(&RequestOptions::new().max_retries(1))
        .await?;
    assert!(outcome.changed);
    assert_eq!(outcome.session.amount_total, Some(10_000));

    // The whole endpoint in one call: asking again changes nothing and sends no update.
    let posts = || fake.journal().iter().filter(|r| r.is_post()).count();
    let before = posts();
    let answer = discounts::handle(&client, body.as_bytes(), &MyPolicy).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.response, ServerUpdateResponse::success());
    assert_eq!(posts(), before);

    // Removal through the endpoint.
    let remove = format!(r#"{{"checkout_session_id":"{}","discounts":""}}"#, session.id);
    let answer = discounts::handle(&client, remove.as_bytes(), &MyPolicy).await;
    assert_eq!(answer.body, r#"{"type":"object","value":{"succeeded":true}}"#);

    // Escape hatch, with the same chained options.
    let raw: serde_json::Value = client
        .request_raw(
            Method::Post,
            &format!("/v1/checkout/sessions/{}", session.id),
            &json!({"metadata": {"k": "v"}}),
        )
        .idempotency_key("k-1")
        .await?;
    assert_eq!(raw["metadata"]["k"], "v");
    assert_eq!(raw["amount_total"], 12_000);

    println!("outside program: the sketch's flow ran on the emulator");
    Ok(())
}
