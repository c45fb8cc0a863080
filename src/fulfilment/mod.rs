//! Fulfil orders: each paid Checkout Session fulfilled exactly once, whichever comes first of
//! its webhooks (delivered at least once, in any order) and the shopper's return to the
//! landing page, with delayed payments settled by their own events. Back to [the
//! flow](crate#the-flow-end-to-end).
//!
//! - [`Fulfiller`] takes a webhook delivery ([`Fulfiller::webhook`]) or a landing-page
//!   `session_id` ([`Fulfiller::session`]), retrieves the session from Stripe and calls your
//!   [`Orders`] hook for its outcome once; its table says which hook runs when.
//! - [`FulfilmentStore`] is where "once" is kept, across concurrent deliveries and restarts:
//!   claim, complete, release under a lease. [`MemoryStore`] keeps it in memory (lost on
//!   restart); put a database behind the trait for production.
//!
//! Verifying signatures and typed events alone are in [`webhook`](crate::webhook).
//!
//! # An endpoint and a landing page
//!
//! Answer Stripe with the status the fulfiller gives: 2xx when the event is handled or there
//! is nothing to do, 409 while another delivery is fulfilling the same session, 500 when a
//! hook or the store failed (Stripe delivers again), 400 for a delivery that is not Stripe's.
//!
//! ```
//! use std::sync::Arc;
//! use std::sync::atomic::{AtomicUsize, Ordering};
//! use stripe_checkout_client::checkout::{CheckoutSession, CreateSession, LineItem, SessionMode};
//! use stripe_checkout_client::fulfilment::{Fulfiller, Handled, HookError, Orders};
//! use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt};
//! use stripe_checkout_client::webhook::test_header;
//!
//! #[derive(Default)]
//! struct Shop {
//!     shipped: AtomicUsize,
//! }
//!
//! #[async_trait::async_trait]
//! impl Orders for Shop {
//!     async fn fulfil(&self, session: &CheckoutSession) -> Result<(), HookError> {
//!         // The session as Stripe has it now, with its line items.
//!         assert!(session.line_items.is_some());
//!         self.shipped.fetch_add(1, Ordering::SeqCst);
//!         Ok(())
//!     }
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let fake = FakeStripe::start().await;
//! fake.add_price("price_jacket", 12_000, "usd");
//! let client = fake.client();
//! let session = client
//!     .checkout_sessions()
//!     .create(
//!         &CreateSession::new(SessionMode::Payment)
//!             .line_item(LineItem::price("price_jacket", 1))
//!             .success_url("https://example.com/done?session_id={CHECKOUT_SESSION_ID}"),
//!     )
//!     .await?;
//! let shop = Arc::new(Shop::default());
//! let fulfiller = Fulfiller::new(client, "whsec_test", shop.clone());
//!
//! // Before paying, the landing page finds nothing to do.
//! assert_eq!(fulfiller.session(&session.id).await?, Handled::NotComplete);
//!
//! // Paid: the landing page comes first and fulfils; the webhook, twice, finds it done.
//! fake.complete_session(session.id.as_str()).await?;
//! assert_eq!(fulfiller.session(&session.id).await?, Handled::Fulfilled);
//! let body = format!(
//!     r#"{{"id":"evt_1","object":"event","type":"checkout.session.completed","created":1,
//!         "livemode":false,"data":{{"object":{{"id":"{}","object":"checkout.session"}}}}}}"#,
//!     session.id
//! );
//! let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_secs() as i64;
//! let signature = test_header(body.as_bytes(), "whsec_test", now);
//! for _ in 0..2 {
//!     let handled = fulfiller.webhook(body.as_bytes(), &signature).await?;
//!     assert_eq!((handled, handled.http_status()), (Handled::AlreadyFulfilled, 200));
//! }
//! assert_eq!(shop.shipped.load(Ordering::SeqCst), 1);
//!
//! // A forged delivery is refused with a 400.
//! let forged = fulfiller.webhook(body.as_bytes(), "t=1,v1=00").await.unwrap_err();
//! assert_eq!(forged.http_status(), 400);
//! # Ok(()) }
//! ```

mod fulfiller;
mod orders;
mod store;

pub use fulfiller::{DEFAULT_LEASE, Fulfiller, FulfilmentError, Handled};
pub use orders::{HookError, Orders};
pub use store::{Claim, ClaimToken, FulfilmentStore, MemoryStore, StoreError};
