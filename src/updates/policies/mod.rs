//! Ready-made [`UpdatePolicy`](super::UpdatePolicy)s for the use cases Stripe's guides list:
//! an add-on, upsell or free gift ([`AddOn`]) and shipping rates by address
//! ([`ShippingRates`]). The discount policies are in
//! [`discounts::policies`](crate::discounts::policies) and join a composition through
//! [`DiscountPolicy::into_update_policy`](crate::discounts::DiscountPolicy::into_update_policy).
//!
//! Each reads the session through the [`SessionView`](super::SessionView), so in a
//! [`Compose`](super::Compose) it builds on the policies before it.

mod add_on;
mod shipping_rates;

pub use add_on::AddOn;
pub use shipping_rates::{NO_SHIPPING_MESSAGE, ShippingRates};
