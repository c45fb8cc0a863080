//! Coupons: Stripe's reusable discount definitions, and the
//! [`Coupons`] handler from [`Client::coupons`](crate::Client::coupons) that creates,
//! retrieves, updates, lists and deletes them. Back to [the flow](crate#the-flow-end-to-end).
//!
//! A session refers to a coupon by id ([`Discount::Coupon`](crate::discounts::Discount::Coupon))
//! or carries an inline one ([`CouponData`](crate::discounts::CouponData)); this module is for
//! the coupons you keep in your Stripe account. Params are `CreateCoupon`, `UpdateCoupon` and
//! `ListCoupons`; the object Stripe answers is [`Coupon`].
//!
//! ```no_run
//! use stripe_checkout_client::coupons::{CouponDuration, CreateCoupon};
//!
//! # async fn run(client: stripe_checkout_client::Client) -> stripe_checkout_client::Result<()> {
//! let coupon = client
//!     .coupons()
//!     .create(&CreateCoupon::percent_off(25.0).duration(CouponDuration::Once).name("Spring"))
//!     .await?;
//! # let _ = coupon;
//! # Ok(()) }
//! ```

pub(super) mod coupon;
mod handler;
mod params;

pub use coupon::{
    Coupon, CouponAppliesTo, CouponCurrencyOption, CouponDuration, CouponScript, CouponType,
};
pub use handler::{Coupons, DeletedCoupon};
pub use params::{CouponCurrencyAmount, CouponProducts, CreateCoupon, ListCoupons, UpdateCoupon};
