//! A stateful, in-process emulator of Stripe's Checkout Session API ([`FakeStripe`]), for
//! testing your discount policies and endpoints offline (feature `testing`).
//!
//! Stripe's own `stripe-mock` is stateless (an update does not change what the next retrieve
//! returns) and needs Docker; the sandbox needs a network and an account. `FakeStripe` runs on
//! `127.0.0.1` inside your test, keeps the sessions it creates, computes their amounts and
//! discounts, and answers in Stripe's shapes, including its errors. It is not compiled into
//! normal builds: enable the feature in your dev-dependencies only.
//!
//! ```toml
//! [dev-dependencies]
//! stripe-checkout-client = { version = "0.1", features = ["testing"] }
//! ```
//!
//! # Testing a policy end to end
//!
//! Create a session the way your server does, run the flow your endpoint runs with your own
//! policy, and look at the result the way your front end would.
//!
//! ```
//! use stripe_checkout_client::checkout::{CreateSession, LineItem, PermissionOwner, SessionMode, UiMode};
//! use stripe_checkout_client::discounts::{policy_fn, update_discounts, CouponData, Discount, DiscountRequest};
//! use stripe_checkout_client::testing::FakeStripe;
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
//! assert_eq!(fake.session(session.id.as_str()).unwrap().amount_total, Some(12_000));
//!
//! // Exactly two updates reached "Stripe" (apply, remove), besides the create.
//! let posts = fake.journal().iter().filter(|r| r.is_post()).count();
//! assert_eq!(posts, 3);
//! # Ok(()) }
//! ```
//!
//! # What is modelled
//!
//! - **Endpoints**: create, retrieve, update, expire and list Checkout Sessions (with
//!   `starting_after`/`ending_before` pagination and the `status`, `customer` and `created`
//!   filters), list a session's line items; create, retrieve, update, delete and list
//!   coupons; create, retrieve, update and list promotion codes (by `code`, `active`,
//!   `coupon`, `customer`). Bodies are
//!   real Stripe form encoding, decoded into this crate's parameter types; an unknown
//!   parameter, a bad value or an unknown route gets Stripe's `invalid_request_error` with
//!   `param`, as a 400 or 404.
//! - **Amounts**: `amount_subtotal` from the line items (catalog prices or inline
//!   `price_data`, whose `unit_amount` is at most 99,999,999 minor units and whose
//!   `unit_amount_decimal` has at most 12 decimals and is multiplied by the quantity before
//!   rounding), one discount per session from a coupon id, a promotion code id or inline
//!   `coupon_data` (which gets a generated coupon id); `amount_off` capped at the subtotal,
//!   `percent_off` kept to two decimals (Stripe's precision) and the amount rounded half up to
//!   the minor unit; `total_details.amount_discount`, `amount_total`, and each line item's
//!   share of the discount.
//! - **Rules**: discount updates need `permissions[update_discounts]=server_only` (line items
//!   and shipping details likewise need their permission); complete and expired sessions
//!   refuse updates; coupons must match the session's currency (their own or a
//!   `currency_options` amount), also when new line items change it under a discount that
//!   stays; `expires_at` between 30
//!   minutes and 24 hours; `return_url` for `elements`/`embedded_page` (`custom`/`embedded`
//!   before dahlia), never `success_url`.
//! - **Redemption**: a coupon past `redeem_by` or out of `max_redemptions`, or limited by
//!   `applies_to` to products the cart does not hold, is refused; a promotion code that is
//!   inactive, past `expires_at`, out of redemptions, another customer's, for first orders
//!   when the customer (or the guest's email) completed a session before, or for a larger
//!   order (`restrictions.minimum_amount`, or its `currency_options` amount in the session's
//!   currency) is refused too. A product-limited coupon discounts only its products' items.
//!   A completed session counts one redemption of its coupon, and of its promotion code when
//!   it named one (`times_redeemed`). Coupons' `applies_to` and `currency_options`, and codes'
//!   `restrictions.currency_options`, are shown only when expanded, as Stripe does.
//! - **API versions**: each request is answered in the shape of its `Stripe-Version` (an
//!   unparseable one is refused): `ui_mode` under that version's names, discounts and
//!   promotion codes with basil's nested `coupon` or clover's `source`/`promotion`,
//!   `allowed_payment_method_types` from endive; what a version refuses (`payment_method_types`
//!   on endive's create, the old `ui_mode` names from dahlia, the preview's discount features
//!   on a generally available version without a beta flag, …) is a 400 naming the `param`.
//!   Webhook events carry the version of the endpoint
//!   ([`FakeStripe::set_webhook_api_version`]) and the session in its shape.
//! - **Answers**: an update's answer omits `discounts` unless expanded, as Stripe documents;
//!   `expand` of `discounts`, `discounts.coupon`, `discounts.promotion_code`, `line_items`,
//!   `customer` and `total_details.breakdown`; a `Request-Id` on every answer.
//! - **Idempotency**: a repeated `Idempotency-Key` with the same parameters replays the first
//!   answer (`Idempotent-Replayed: true`) without applying anything again; with different
//!   parameters it is a 400 `idempotency_error`. Answers of 500 and above are not saved.
//! - **Faults, responders, expectations**: [`Fault`] (status, delay, dropped connection;
//!   before or after the change applies, or a malformed body), for any request or those of a
//!   [`Route`] (method and path pattern); [`FakeStripe::respond`] answers a route with your
//!   own [`Reply`] or passes it through; [`FakeStripe::expect`] wants a number of requests on
//!   a route and fails the test that drops the emulator when they did not come
//!   ([`UnmetExpectations`]).
//! - **Inspection**: the request journal ([`RecordedRequest`],
//!   with [`RecordedRequest::decode_params`] to read a request back as typed parameters, and
//!   [`decode_form`] for any body), connection counting, a settable clock,
//!   [`FakeStripe::complete_session`] (which can deliver a signed
//!   `checkout.session.completed` to your endpoint, see [`FakeStripe::send_webhooks_to`]) and
//!   [`FakeStripe::session`].
//!
//! # What is not
//!
//! Payments and PaymentIntents, tax, shipping rates and `shipping_options`, subscriptions and
//! recurring prices, Adaptive Pricing, a customer's payments outside the emulator (a prior
//! purchase is a completed session here), stacking several discounts, webhook events other
//! than `checkout.session.completed` (and retries of failed deliveries), Connect
//! (`Stripe-Account` is recorded but ignored), rate limits (inject a 429 instead) and the exact
//! wording of every Stripe error message. Use Stripe's sandbox before going live.

mod api_shape;
mod catalog;
mod completion;
mod controls;
mod coupon_endpoints;
mod error_answer;
mod fake;
mod fault;
pub(crate) mod form_decode;
mod id_gen;
mod journal;
mod pricing;
mod redemption;
mod responder;
mod route;
mod seed;
mod server;
mod session_state;
mod shared;
mod store;
mod webhook_delivery;

pub use completion::FakeStripeError;
pub use fake::{FakeStripe, TEST_SECRET_KEY};
pub use fault::Fault;
pub use form_decode::{FormDecodeError, decode_form};
pub use journal::RecordedRequest;
pub use responder::{Reply, UnmetExpectations};
pub use route::{Route, Times};
pub use seed::{Seed, SeedCustomer, SeedError, SeedPrice};
pub use webhook_delivery::WebhookDelivery;
