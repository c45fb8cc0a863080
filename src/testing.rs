//! The Stripe emulator for your tests (feature `testing`): the
//! [`stripe-checkout-emulator`](stripe_checkout_emulator) crate re-exported, with
//! [`FakeStripeExt`] to get a [`Client`] pointed at it in one line. Back to
//! [the flow](crate#the-flow-end-to-end).
//!
//! The emulator shares no code with this crate: it checks every request against the facts of
//! the official SDK of the request's API version, so your tests and this crate's run against
//! an independent reading of Stripe. Enable the feature in your dev-dependencies only.
//!
//! ```toml
//! [dev-dependencies]
//! stripe-checkout-client = { version = "0.1", features = ["testing"] }
//! ```
//!
//! # Testing a policy end to end
//!
//! Create a session the way your server does, run the flow your endpoint runs with your own
//! policy, and look at the result the way your front end would. Back to [the
//! flow](crate::discounts).
//!
//! ```
//! use stripe_checkout_client::checkout::{
//!     CreateSession, LineItem, PermissionOwner, SessionMode, UiMode,
//! };
//! use stripe_checkout_client::discounts::{
//!     policy_fn, update_discounts, CouponData, Discount, DiscountRequest,
//! };
//! use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // Your rule: 15.00 off any cart of 100.00 or more.
//! let policy = policy_fn(|request, session| {
//!     let subtotal = session.amount_subtotal.unwrap_or(0);
//!     if request.is_removal() || subtotal < 10_000 {
//!         return Ok(Vec::new());
//!     }
//!     let currency = session.currency.clone().unwrap_or_default();
//!     Ok(vec![Discount::CouponData(CouponData::amount_off(1_500, currency).name("Big cart"))])
//! });
//!
//! let fake = FakeStripe::start().await;
//! fake.add_price("price_jacket", 12_000, "usd");
//! let client = fake.client();
//! let session = client
//!     .checkout_sessions()
//!     .create(
//!         &CreateSession::new(SessionMode::Payment)
//!             .ui_mode(UiMode::Elements)
//!             .line_item(LineItem::price("price_jacket", 1))
//!             .return_url("https://example.com/return")
//!             .update_discounts(PermissionOwner::ServerOnly),
//!     )
//!     .await?;
//!
//! // The browser asks; the policy applies 15.00 off.
//! let request = DiscountRequest::from_json(format!(r#"{{"checkout_session_id":"{}"}}"#, session.id).as_bytes())?;
//! let outcome = update_discounts(&client, request, &policy).await?;
//! assert!(outcome.changed);
//! assert_eq!(outcome.session.amount_total, Some(10_500));
//!
//! // Asking again changes nothing and sends no update; removing restores the total.
//! let again = DiscountRequest::from_json(format!(r#"{{"checkout_session_id":"{}"}}"#, session.id).as_bytes())?;
//! assert!(!update_discounts(&client, again, &policy).await?.changed);
//! let remove = DiscountRequest::from_json(
//!     format!(r#"{{"checkout_session_id":"{}","discounts":""}}"#, session.id).as_bytes(),
//! )?;
//! update_discounts(&client, remove, &policy).await?;
//! assert_eq!(fake.checkout_session(&session.id).unwrap().amount_total, Some(12_000));
//!
//! // Exactly two updates reached "Stripe" (apply, remove), besides the create.
//! let posts = fake.journal().iter().filter(|r| r.is_post()).count();
//! assert_eq!(posts, 3);
//! # Ok(()) }
//! ```

use std::time::Duration;

pub use stripe_checkout_emulator::*;

use crate::checkout::CheckoutSession;
use crate::sending::client::{Client, ClientBuilder};

/// What this crate adds to [`FakeStripe`]: a [`Client`] pointed at it, and its sessions as
/// this crate's types.
pub trait FakeStripeExt {
    /// A client builder pointed at the emulator with [`TEST_SECRET_KEY`] and millisecond
    /// retry backoff, so retry tests run fast. Adjust it and call `build`.
    fn client_builder(&self) -> ClientBuilder;

    /// A client pointed at the emulator (see [`client_builder`](Self::client_builder)).
    fn client(&self) -> Client;

    /// [`FakeStripe::session`] read as a [`CheckoutSession`].
    fn checkout_session(&self, id: impl AsRef<str>) -> Option<CheckoutSession>;
}

impl FakeStripeExt for FakeStripe {
    fn client_builder(&self) -> ClientBuilder {
        Client::builder(TEST_SECRET_KEY)
            .api_base(self.uri())
            .backoff(Duration::from_millis(1), Duration::from_millis(20))
    }

    /// # Panics
    /// Never in practice: the builder's settings are fixed and valid.
    fn client(&self) -> Client {
        self.client_builder()
            .build()
            .expect("the emulator's client settings are valid")
    }

    /// # Panics
    /// If the emulator renders a session this crate cannot read: a bug of one or the other.
    fn checkout_session(&self, id: impl AsRef<str>) -> Option<CheckoutSession> {
        let json = self.session(id.as_ref())?;
        Some(serde_json::from_value(json).expect("the emulator's sessions parse"))
    }
}

impl From<crate::Method> for Method {
    fn from(method: crate::Method) -> Self {
        match method {
            crate::Method::Get => Method::Get,
            crate::Method::Post => Method::Post,
            crate::Method::Delete => Method::Delete,
        }
    }
}
