//! Server updates: every change your server makes to an open Checkout Session while the
//! shopper is on the page — the cart, the shipping address and rates, the discount, a trial,
//! the payment's settings — through one flow. Back to [the flow](crate#the-flow-end-to-end).
//!
//! What lives here: the page's request ([`UpdateRequest`]), your rules ([`UpdatePolicy`],
//! [`Changes`], [`Part`], [`SessionView`], [`CartLine`], [`Trial`], [`Rejection`]), how rules
//! combine ([`Compose`]), the flow ([`run`], [`Outcome`], [`FlowError`], [`NotAllowed`]), the
//! whole endpoint ([`handle`], [`EndpointResponse`]), the answer the page expects
//! ([`ServerUpdateResponse`]) and ready-made rules ([`policies`]). The discount member keeps
//! its own face in [`discounts`](crate::discounts) (`update_discounts`, `discounts::handle`),
//! which runs this flow; the params themselves are in
//! [`checkout::params`](crate::checkout::params).
//!
//! # The family
//!
//! Stripe's "dynamic updates" guides all ask the same of your server, whatever the member:
//! the page calls one endpoint of yours per interaction inside `checkout.runServerUpdate`
//! (Stripe.js waits at most 20 seconds), sending only the session id and what the shopper
//! typed; your server retrieves the session from Stripe, validates, recomputes from its own
//! systems, updates the session, and answers the page. Stripe.js then reloads the session.
//!
//! | Member | What it is for | Policy | Sent as | Session needs | API version |
//! |---|---|---|---|---|---|
//! | Line items | add-ons, upsells, free gifts, quantity limits, price changes | [`policies::AddOn`], your own with [`Part::LineItems`] | `line_items` (the whole cart) | Elements (an embedded page only with the beta permission); `permissions[update_line_items]=server_only` where the version has it | `2025-12-15.clover` and later, or a preview |
//! | Shipping details | the address the shopper typed on your page | [`policies::ShippingRates`] | `collected_information[shipping_details]` | payment mode, Elements or an embedded page; `permissions[update_shipping_details]=server_only` | every supported version |
//! | Shipping options | rates for that address, free over a total | [`policies::ShippingRates`] | `shipping_options` (at most 5, the first selected) | payment mode | every supported version |
//! | Discounts | the cart's discount, following the new total | any [`DiscountPolicy`](crate::discounts::DiscountPolicy), via [`into_update_policy`](crate::discounts::DiscountPolicy::into_update_policy) | `discounts` | `permissions[update_discounts]=server_only` | a preview |
//! | Trial | a longer trial on an upgrade | your own with [`Part::Trial`] | `subscription_data[trial_period_days]` or `[trial_end]` | subscription mode | a preview |
//! | Payment details | description, metadata, saving the payment method | your own with [`Part::PaymentIntentData`] | `payment_intent_data` | payment mode, Elements | `2026-10-28.endive` and later |
//!
//! A part the session does not allow is refused before anything is sent, naming the
//! parameter ([`FlowError::NotAllowed`]); a part the request's API version does not have is
//! refused by the version gates ([`Error::NotInVersion`](crate::Error::NotInVersion)), also before
//! sending.
//!
//! ## Line items
//!
//! For add-ons and upsells, a free gift over a total, quantity changes held to stock, price
//! changes. Stripe replaces the cart as a whole: a policy returns every [`CartLine`] in order
//! (an existing line kept by id, a new one by price or inline `price_data`; a line left out is
//! removed). Ready-made: [`policies::AddOn`], [`policies::QuantityLimits`],
//! [`policies::UpgradeTrial`]. Sent as `line_items`
//! ([`UpdateLineItem`](crate::checkout::UpdateLineItem)); needs `2025-12-15.clover` or later, or
//! a preview, whose sessions need `permissions[update_line_items]=server_only`
//! ([`Permissions`](crate::checkout::params::Permissions)).
//!
//! ## Shipping details and options
//!
//! For an address form on your page: set the address the shopper typed
//! ([`UpdateRequest::shipping_details`] checks it), offer the rates of its country, free over
//! a total, and refuse the countries you do not ship to in the shopper's words. Ready-made:
//! [`policies::ShippingRates`]. Sent as `collected_information[shipping_details]`
//! ([`ShippingDetails`](crate::checkout::params::ShippingDetails)) and `shipping_options`
//! ([`ShippingOption`](crate::checkout::params::ShippingOption), at most 5, the first one
//! selected); payment mode only; the details need
//! `permissions[update_shipping_details]=server_only`. Every supported version has both.
//!
//! ## Discounts
//!
//! The discount follows the cart and the address: any
//! [`DiscountPolicy`](crate::discounts::DiscountPolicy) joins a [`Compose`] through
//! [`into_update_policy`](crate::discounts::DiscountPolicy::into_update_policy) and sees the
//! new subtotal and address ([`SessionView::projected_session`]); a region discount is
//! [`RegionOffers`](crate::discounts::policies::RegionOffers) after [`policies::ShippingRates`].
//! Sent as `discounts` (a preview, `permissions[update_discounts]=server_only`). A discount
//! endpoint of its own is [`discounts::handle`](crate::discounts::handle).
//!
//! ## Trials
//!
//! A longer trial on an upgrade, a trial added or removed for a promotion: [`Trial::Days`] or
//! [`Trial::EndsAt`] (at least 48 hours ahead). Ready-made: [`policies::UpgradeTrial`]. Sent
//! as `subscription_data` ([`UpdateSubscriptionData`](crate::checkout::params::UpdateSubscriptionData));
//! subscription mode; a preview.
//!
//! ## Payment details
//!
//! The coming payment's description, metadata, statement descriptor, and whether its card is
//! saved for later (`setup_future_usage`, which Stripe asks you to change inside
//! `runServerUpdate` and await before the shopper pays). Your own policy sets
//! [`Changes::payment_intent_data`]. Sent as `payment_intent_data`
//! ([`UpdatePaymentIntentData`](crate::checkout::params::UpdatePaymentIntentData)); payment mode,
//! Elements; `2026-10-28.endive` or later.
//!
//! ```
//! use stripe_checkout_client::checkout::params::UpdatePaymentIntentData;
//! use stripe_checkout_client::updates::{
//!     async_trait, Changes, Part, Rejection, SessionView, UpdatePolicy, UpdateRequest,
//! };
//!
//! /// `/gift-order`: the payment says it is a gift.
//! struct GiftOrder;
//!
//! #[async_trait]
//! impl UpdatePolicy for GiftOrder {
//!     fn parts(&self) -> Vec<Part> {
//!         vec![Part::PaymentIntentData]
//!     }
//!
//!     async fn changes(&self, _: &UpdateRequest, _: &SessionView) -> Result<Changes, Rejection> {
//!         let data = UpdatePaymentIntentData::new().description("Gift order").metadata("gift", "yes");
//!         Ok(Changes::none().payment_intent_data(data))
//!     }
//! }
//! ```
//!
//! # One update for everything that follows
//!
//! Changes have consequences: gift wrap lifts the cart over a discount threshold and over the
//! free-shipping threshold; a new address changes the rates and a region discount. Two
//! separate updates would show the page an inconsistent session in between, so the policies
//! of one interaction run in a [`Compose`] and their changes go out in one update, under one
//! idempotency key. Put the cart's policies first, then shipping, then discounts: each sees
//! the changes of those before it.
//!
//! ```no_run
//! use stripe_checkout_client::Client;
//! use stripe_checkout_client::discounts::{DiscountPolicy, policies::CartThreshold};
//! use stripe_checkout_client::updates::{self, Compose, policies::{AddOn, ShippingRates}};
//!
//! /// `/add-gift-wrap`: 5.00 of gift wrap; free standard shipping and the cart discount
//! /// follow the new total in the same update.
//! async fn add_gift_wrap(client: &Client, body: &[u8]) -> (u16, String) {
//!     let policy = Compose::new()
//!         .then(AddOn::new("Gift wrap", 500))
//!         .then(ShippingRates::new().country("US", [("Standard", 500), ("Express", 1_500)]).free_over(10_000))
//!         .then(CartThreshold::guide().into_update_policy());
//!     let answer = updates::handle(client, body, &policy).await;
//!     (answer.status, answer.body)
//! }
//! ```
//!
//! # What the flow guarantees
//!
//! - The session is read from Stripe, never from the page; a closed session is refused.
//! - Only what differs from the session is sent; a request that changes nothing sends
//!   nothing. Inline coupons and shipping rates are compared by value. The trial and the
//!   payment settings are not shown on a session, so they are always sent when set.
//! - The cart is read whole (every page) before a policy sees it, since Stripe replaces it
//!   as a whole and a line left out is removed. An empty cart is refused.
//! - One update per request, one idempotency key for its retries.
//! - The page sees only customer-safe text; reasons and Stripe's messages go to `tracing`.

mod answer;
mod cart;
mod changes;
mod diff;
mod endpoint;
mod flow;
pub mod policies;
mod policy;
mod refusal;
mod rejection;
pub(crate) mod request;
mod view;

/// The attribute macro for implementing [`UpdatePolicy`], re-exported so that a policy needs
/// no `async-trait` dependency of its own: `#[updates::async_trait]`.
pub use async_trait::async_trait;

pub(crate) use answer::final_failure;
pub use answer::{
    EndpointResponse, INVALID_REQUEST_MESSAGE, SESSION_CLOSED_MESSAGE, SESSION_NOT_FOUND_MESSAGE,
    ServerUpdateResponse, Succeeded, UPDATE_FAILED_MESSAGE,
};
pub use cart::CartLine;
pub use changes::{Changes, Part, Trial};
pub use endpoint::{PendingEndpoint, handle};
pub(crate) use flow::run_policy;
pub use flow::{FlowError, Outcome, PendingUpdate, run};
pub use policy::{Compose, UpdatePolicy};
pub use refusal::NotAllowed;
pub use rejection::Rejection;
pub use request::{
    BodyError, CHECK_ADDRESS_MESSAGE, MAX_ADDRESS_FIELD_LEN, MAX_BODY_BYTES, UpdateRequest,
};
pub use view::SessionView;
