//! Discounts: Stripe's coupon, promotion code and discount objects, and the parameters that
//! put a discount on a Checkout Session ([`Discount`], [`CouponData`]).

mod model;
mod params;
pub mod policies;
mod policy;
mod request;
mod response;
mod update;

pub use model::*;
pub use params::*;
pub use policy::*;
pub use request::*;
pub use response::*;
pub use update::*;
