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

#[cfg(test)]
mod tests {
    use serde::de::DeserializeOwned;
    use serde_json::json;

    use super::*;
    use crate::expand::Object;

    fn kind_and_id<T: DeserializeOwned + Object>(
        id: &str,
        object: fn(&T) -> &str,
    ) -> (String, String) {
        let value: T = serde_json::from_value(json!({"id": id})).unwrap();
        (object(&value).to_owned(), value.id().to_owned())
    }

    #[test]
    fn each_resource_read_without_its_object_names_its_kind_and_gives_its_id() {
        assert_eq!(
            kind_and_id::<AppliedDiscount>("di_1", |d| &d.object),
            ("discount".into(), "di_1".into())
        );
        assert_eq!(
            kind_and_id::<Coupon>("SUMMER25", |c| &c.object),
            ("coupon".into(), "SUMMER25".into())
        );
        assert_eq!(
            kind_and_id::<Customer>("cus_1", |c| &c.object),
            ("customer".into(), "cus_1".into())
        );
        assert_eq!(
            kind_and_id::<PromotionCode>("promo_1", |p| &p.object),
            ("promotion_code".into(), "promo_1".into())
        );
    }
}
