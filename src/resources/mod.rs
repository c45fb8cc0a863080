//! Stripe objects that more than one part of the crate works with: the coupon, promotion code,
//! applied-discount and customer models, the [`Discount`] request parameter, and the coupon and
//! promotion code endpoints.
//!
//! They live here, below both [`checkout`](crate::checkout) (whose session carries them) and
//! [`discounts`](crate::discounts) (whose flow computes them), so neither imports the other's
//! models. The module is private: users reach [`coupons`](crate::coupons) and
//! [`promotion_codes`](crate::promotion_codes) at the crate's root, the discount types in
//! [`discounts`](crate::discounts) and the customer in
//! [`checkout::objects`](crate::checkout::objects).

mod applied_discount;
pub mod coupons;
mod customer;
mod discount;
pub mod promotion_codes;

pub use applied_discount::AppliedDiscount;
pub use coupons::Coupon;
pub use coupons::coupon::{DiscountSource, DiscountSourceType};
pub use customer::{Customer, PostalAddress, TaxExempt};
pub(crate) use discount::check_currency;
pub use discount::{CouponData, Discount};
pub use promotion_codes::PromotionCode;

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
