//! Discounts: the server side of Stripe's "dynamically update discounts" flow, and the
//! discount types it works with. Back to [the flow](crate#the-flow-end-to-end).
//!
//! What lives here: the browser's request ([`DiscountRequest`]), your rules
//! ([`DiscountPolicy`], [`Rejection`], [`policy_fn`]), the flow that applies them
//! ([`update_discounts`], [`UpdateOutcome`], [`UpdateError`]), the whole endpoint in one call
//! ([`handle`], [`EndpointResponse`]), the answer the front end expects
//! ([`ServerUpdateResponse`]) and ready-made rules ([`policies`]); the parameter that puts a
//! discount on a session ([`Discount`], [`CouponData`]) and the discount a session answers
//! ([`AppliedDiscount`], [`DiscountSource`]). Creating sessions and the other Checkout
//! operations live in [`checkout`](crate::checkout); the coupons and promotion codes in your
//! account in [`coupons`](crate::coupons) and [`promotion_codes`](crate::promotion_codes).
//!
//! # The flow
//!
//! 1. **Create the session** with `ui_mode=custom` and
//!    `permissions[update_discounts]=server_only`
//!    ([`CreateSession::update_discounts`](crate::checkout::CreateSession::update_discounts)),
//!    so the browser cannot apply discounts itself and your server may.
//! 2. **The browser asks.** Stripe.js wraps a `fetch` to your endpoint in
//!    `checkout.runServerUpdate`; the body is `{"checkout_session_id": "cs_…", "discounts": …}`.
//!    Parse it with [`DiscountRequest::from_json`]: it is untrusted, so sizes are bounded and
//!    only the session id and the requested codes are taken from it.
//! 3. **Your endpoint runs [`update_discounts`]** (or the whole endpoint, [`handle`]) with a
//!    [`DiscountPolicy`]. The flow
//!    retrieves the session from Stripe (never the browser's copy of it), refuses a session
//!    that is not open or not `server_only`, asks the policy to
//!    [`validate`](DiscountPolicy::validate) the request and to
//!    [`recompute`](DiscountPolicy::recompute) the discounts the session should carry, and
//!    updates the session only when they differ from what it carries now.
//! 4. **Answer the browser** with [`ServerUpdateResponse`], built from the flow's result:
//!    `{"type":"object","value":{"succeeded":true}}` on success. A rejection shows the
//!    policy's customer-safe message, or the guide's [`INVALID_DISCOUNTS_MESSAGE`] ("Your
//!    discounts are invalid. Please refresh your session."); a complete or expired session
//!    [`SESSION_CLOSED_MESSAGE`], a session Stripe does not know
//!    [`SESSION_NOT_FOUND_MESSAGE`]; every other failure shows [`UPDATE_FAILED_MESSAGE`]
//!    ("We could not update your discounts. Please try again."), and the details go to
//!    `tracing`, never to the browser.
//!
//! Retried updates reuse one idempotency key, so a discount is never applied twice, and a
//! request that changes nothing sends nothing.
//!
//! # Example: a policy and the answer it produces
//!
//! A merchant accepts the code `WELCOME` (10.00 off, in the session's currency) and nothing
//! else, a rule of their own rather than a promotion code on Stripe (for those, with Stripe's
//! restrictions applied, use [`policies::TypedCodes`]). The policy is checked here against a
//! session as Stripe returns it; in your endpoint, [`update_discounts`] does the retrieve and
//! the update around the same two calls.
//!
//! ```
//! use stripe_checkout_client::discounts::async_trait;
//! use stripe_checkout_client::checkout::CheckoutSession;
//! use stripe_checkout_client::discounts::{
//!     CouponData, Discount, DiscountPolicy, DiscountRequest, Rejection, RequestedDiscount,
//!     ServerUpdateResponse, UpdateError,
//! };
//!
//! struct WelcomeCode;
//!
//! #[async_trait]
//! impl DiscountPolicy for WelcomeCode {
//!     async fn validate(&self, request: &DiscountRequest, _: &CheckoutSession) -> Result<(), Rejection> {
//!         match request.discounts.as_deref() {
//!             None | Some([]) | Some([RequestedDiscount::Code(_)]) => Ok(()),
//!             Some(_) => Err(Rejection::new("expected at most one typed code")),
//!         }
//!     }
//!
//!     async fn recompute(&self, request: &DiscountRequest, session: &CheckoutSession)
//!         -> Result<Vec<Discount>, Rejection>
//!     {
//!         let Some([RequestedDiscount::Code(code)]) = request.discounts.as_deref() else {
//!             return Ok(Vec::new()); // removal, or nothing asked: no discount
//!         };
//!         if !code.eq_ignore_ascii_case("WELCOME") {
//!             return Err(Rejection::new(format!("unknown code {code:?}"))
//!                 .with_customer_message("That code is not valid."));
//!         }
//!         let Some(currency) = session.currency.clone() else { return Ok(Vec::new()) };
//!         Ok(vec![Discount::CouponData(CouponData::amount_off(1000, currency).name("Welcome"))])
//!     }
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let session: CheckoutSession = serde_json::from_str(
//!     r#"{"id":"cs_test_1","object":"checkout.session","status":"open",
//!         "currency":"eur","amount_subtotal":4500}"#,
//! )?;
//!
//! // The browser asks for a code.
//! let request = DiscountRequest::from_json(
//!     br#"{"checkout_session_id":"cs_test_1","discounts":[{"code":"welcome"}]}"#,
//! )?;
//! WelcomeCode.validate(&request, &session).await?;
//! let discounts = WelcomeCode.recompute(&request, &session).await?;
//! assert_eq!(discounts, [Discount::CouponData(CouponData::amount_off(1000, "eur").name("Welcome"))]);
//!
//! // An unknown code: the customer sees the policy's message, never its reason.
//! let request = DiscountRequest::from_json(
//!     br#"{"checkout_session_id":"cs_test_1","discounts":[{"code":"FREE"}]}"#,
//! )?;
//! let rejection = WelcomeCode.recompute(&request, &session).await.unwrap_err();
//! let answer = ServerUpdateResponse::from(&UpdateError::Rejected(rejection));
//! assert_eq!(
//!     serde_json::to_string(&answer)?,
//!     r#"{"type":"error","message":"That code is not valid."}"#,
//! );
//!
//! // Two discounts at once are refused before any recompute.
//! let request = DiscountRequest::from_json(
//!     br#"{"checkout_session_id":"cs_test_1","discounts":[{"code":"A"},{"code":"B"}]}"#,
//! )?;
//! assert!(WelcomeCode.validate(&request, &session).await.is_err());
//! # Ok(()) }
//! ```
//!
//! # Example: the endpoint
//!
//! The whole server side of the guide's `/update-discounts`, whatever your web framework:
//! bytes in, status and JSON out. [`handle`] parses the body, runs [`update_discounts`] and
//! logs what the browser must not see.
//!
//! ```no_run
//! use stripe_checkout_client::Client;
//! use stripe_checkout_client::discounts::{self, policies::CartThreshold};
//!
//! async fn update_discounts_endpoint(client: &Client, body: &[u8]) -> (u16, String) {
//!     // 10% off carts over 100.00, at most 20.00, as in Stripe's guide.
//!     let answer = discounts::handle(client, body, &CartThreshold::guide()).await;
//!     (answer.status, answer.body)
//! }
//! ```

// The flow, feature `updates`; the discount types below it are in every build.
#[cfg(feature = "updates")]
mod endpoint;
#[cfg(feature = "updates")]
#[cfg_attr(docsrs, doc(cfg(feature = "updates")))]
pub mod policies;
#[cfg(feature = "updates")]
mod policy;
#[cfg(feature = "updates")]
mod request;
#[cfg(feature = "updates")]
mod response;
#[cfg(feature = "updates")]
mod update;

#[cfg(feature = "updates")]
pub use self::{endpoint::*, policy::*, request::*, response::*, update::*};
pub use crate::resources::{
    AppliedDiscount, CouponData, Discount, DiscountSource, DiscountSourceType,
};
#[cfg(feature = "updates")]
pub use crate::updates::{
    BodyError, EndpointResponse, Rejection, SESSION_CLOSED_MESSAGE, SESSION_NOT_FOUND_MESSAGE,
    ServerUpdateResponse, Succeeded,
};
/// The attribute macro for implementing [`DiscountPolicy`], re-exported so that a policy
/// needs no `async-trait` dependency of its own: `#[discounts::async_trait]`.
#[cfg(feature = "updates")]
pub use async_trait::async_trait;
