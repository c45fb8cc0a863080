//! Stripe objects that more than one part of the crate works with: the coupon, promotion code,
//! applied-discount and customer models, the [`Discount`] request parameter, and the coupon and
//! promotion code endpoints.
//!
//! They live here, below both [`checkout`](crate::checkout) (whose session carries them) and
//! [`discounts`](crate::discounts) (whose flow computes them), so neither imports the other's
//! models. The module is private: the types are re-exported where users look for them,
//! `discounts::{Coupon, Discount, …}` and `checkout::Customer`.

mod applied_discount;
mod coupon;
mod coupon_params;
mod coupons;
mod customer;
mod discount;
mod promotion_code;
mod promotion_code_params;
mod promotion_codes;

pub use applied_discount::AppliedDiscount;
pub use coupon::{
    Coupon, CouponAppliesTo, CouponCurrencyOption, CouponDuration, CouponScript, CouponType,
    DiscountSource, DiscountSourceType,
};
pub use coupon_params::{
    CouponCurrencyAmount, CouponProducts, CreateCoupon, ListCoupons, UpdateCoupon,
};
pub use coupons::{Coupons, DeletedCoupon};
pub use customer::{Customer, PostalAddress, TaxExempt};
pub(crate) use discount::check_currency;
pub use discount::{CouponData, Discount};
pub use promotion_code::{PromotionCode, PromotionCodeCurrencyOption, PromotionCodeRestrictions};
pub use promotion_code_params::{
    CodeCurrencyMinimum, CodeRestrictions, CreatePromotionCode, ListPromotionCodes, Promotion,
    UpdatePromotionCode,
};
pub use promotion_codes::PromotionCodes;
