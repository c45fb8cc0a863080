//! Ready-made [`UpdatePolicy`](super::UpdatePolicy)s for the use cases Stripe's guides list:
//! an add-on, upsell or free gift ([`AddOn`]), quantity changes within limits and stock
//! ([`QuantityLimits`], [`Inventory`]), shipping rates by address ([`ShippingRates`]) and a
//! longer trial on an upgrade ([`UpgradeTrial`]). A discount by shipping region is
//! [`RegionOffers`](crate::discounts::policies::RegionOffers) after [`ShippingRates`] in a
//! [`Compose`](super::Compose): it reads the new address. The discount policies are in
//! [`discounts::policies`](crate::discounts::policies) and join a composition through
//! [`DiscountPolicy::into_update_policy`](crate::discounts::DiscountPolicy::into_update_policy).
//!
//! Each reads the session through the [`SessionView`](super::SessionView), so in a
//! [`Compose`](super::Compose) it builds on the policies before it.

mod add_on;
mod quantity_limits;
mod shipping_rates;
mod upgrade_trial;

pub use add_on::AddOn;
pub use quantity_limits::{Inventory, InventoryFn, QuantityLimits, inventory_fn};
pub use shipping_rates::{NO_SHIPPING_MESSAGE, ShippingRates};
pub use upgrade_trial::UpgradeTrial;
