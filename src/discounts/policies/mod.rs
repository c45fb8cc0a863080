//! Ready-made [`DiscountPolicy`](super::DiscountPolicy) implementations for the use cases in
//! Stripe's dynamic-discounts guide — cart value ([`CartThreshold`]), loyalty tier
//! ([`LoyaltyTiers`]), limited-time offers ([`TimeWindow`]), shipping region
//! ([`RegionOffers`]), per-customer offers ([`CustomerOffers`]) and the promotion codes shoppers
//! type ([`TypedCodes`]) — and the combinators
//! [`FirstMatch`] and [`BestForCustomer`] that choose between several policies. Back to
//! [the flow](crate#the-flow-end-to-end).
//!
//! Each policy is plain data plus, where your systems are involved, a small lookup trait
//! ([`TierLookup`], [`OfferLookup`]) implemented for a `HashMap` and for closures, so tests
//! and examples need no database. Hand any of them to
//! [`update_discounts`](super::update_discounts).
//!
//! # How amounts are computed
//!
//! - **From `amount_subtotal`, not `amount_total`.** The guide's example reads
//!   `session.amount_total`, but that is the amount *after* the current discount (and with
//!   tax and shipping added). A policy computed from it discounts its own discount: 120.00
//!   gets 12.00 off, the next refresh sees 108.00 and offers 10.80, and so on, so every
//!   request changes the session again. `amount_subtotal` is the amount before discounts, so
//!   running a policy twice gives the same answer and [`update_discounts`](super::update_discounts)
//!   can see that nothing changed and send no update.
//! - **In integer minor units, never floats.** The guide multiplies by `0.1` and truncates;
//!   binary floats cannot represent most percentages, so for instance `100 * 0.29` is
//!   `28.999999999999996` and truncates to 28 instead of 29. Here percentages are basis
//!   points (`1000` = 10%, `1` = 0.01%), products are taken in `i128` (no overflow for any
//!   `i64` subtotal), and the result is rounded down. Amounts are in the currency's smallest
//!   unit, whatever it is: cents for `usd`, yen for the zero-decimal `jpy`.
//! - **As an amount off, in the session's currency.** Every discount a policy here produces
//!   is inline `coupon_data` with `amount_off` in `session.currency` (lowercased) and a display
//!   name you choose, so the total Stripe shows is exactly what the policy computed. A discount
//!   never exceeds the subtotal and is never negative; a zero discount is no discount (an
//!   empty list).
//!
//! # When a policy gives no discount
//!
//! Every policy answers `Ok(vec![])` — which removes whatever discount the session carried —
//! when:
//!
//! - the browser asked to remove the discounts ([`DiscountRequest::is_removal`](super::DiscountRequest::is_removal));
//! - the session has no `currency` or no `amount_subtotal`. An amount-off coupon needs a
//!   currency, and guessing one (the guide's `session.currency || 'usd'`) would discount a
//!   euro cart in dollars; such a session cannot carry an amount-off discount anyway, so the
//!   answer is "none" rather than an error for the customer;
//! - its own rule does not apply (below the threshold, no customer, unknown tier or country,
//!   outside the time window).
//!
//! Only your lookups ([`TierLookup`], [`OfferLookup`]) and the policies you wrap (in
//! [`TimeWindow`], [`FirstMatch`], [`BestForCustomer`]) can return a
//! [`Rejection`](super::Rejection); it reaches the flow unchanged.
//!
//! Thresholds and amounts are in whatever currency the session is in: with Adaptive Pricing
//! a session may be in the customer's currency, so restrict a rule to one currency (e.g.
//! [`CartThreshold::currency`]) when its numbers only make sense in that currency.
//!
//! # Example
//!
//! Loyalty members get their tier's reward; everyone else gets the guide's cart rule.
//!
//! ```
//! use std::collections::HashMap;
//! use stripe_checkout_client::checkout::CheckoutSession;
//! use stripe_checkout_client::discounts::{DiscountPolicy, DiscountRequest};
//! use stripe_checkout_client::discounts::policies::{CartThreshold, FirstMatch, LoyaltyTiers, Reward};
//! use stripe_checkout_client::ids::CheckoutSessionId;
//!
//! let tiers = HashMap::from([("cus_gold".to_owned(), "gold".to_owned())]);
//! let policy = FirstMatch::new()
//!     .with(LoyaltyTiers::new(tiers).tier("gold", Reward::PercentBps(1500)))
//!     .with(CartThreshold::guide());
//!
//! let session: CheckoutSession = serde_json::from_value(serde_json::json!({
//!     "id": "cs_test_1", "object": "checkout.session",
//!     "currency": "usd", "amount_subtotal": 12000, "customer": "cus_gold",
//! }))?;
//! let request = DiscountRequest::new(CheckoutSessionId::new("cs_test_1")?);
//! let rt = tokio::runtime::Builder::new_current_thread().build()?;
//! let discounts = rt.block_on(policy.recompute(&request, &session))?;
//! let coupon = discounts[0].as_coupon_data().unwrap();
//! assert_eq!(coupon.amount_off, Some(1800)); // 15% of 120.00
//! assert_eq!(coupon.name.as_deref(), Some("Loyalty discount"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cart_threshold;
mod combinators;
mod customer;
mod customer_offers;
mod loyalty_tiers;
mod region_offers;
mod reward;
mod time_window;
mod typed_codes;

pub use cart_threshold::CartThreshold;
pub use combinators::{BestForCustomer, FirstMatch};
pub use customer::CustomerRef;
pub use customer_offers::{CustomerOffers, OfferLookup};
pub use loyalty_tiers::{LoyaltyTiers, TierLookup, TierReward};
pub use region_offers::RegionOffers;
pub use reward::Reward;
pub use time_window::{Clock, FixedClock, SystemClock, TimeWindow};
pub use typed_codes::{CodeRefusal, NoPurchaseHistory, PurchaseHistory, TypedCodes};

#[cfg(test)]
mod test_support;
