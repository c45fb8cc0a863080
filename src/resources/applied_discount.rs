//! Stripe's discount object as applied to a session, line item, customer or subscription
//! ([`AppliedDiscount`]). The request parameter that asks for a discount is
//! [`Discount`](super::discount_param::Discount), in its own file.

use crate::declare::model::model;
use crate::expand::{Expandable, Object};
use crate::ids::CheckoutSessionId;
use crate::resources::customer::Customer;
use crate::resources::promotion_codes::PromotionCode;
use crate::resources::{Coupon, DiscountSource};

fn discount_object() -> String {
    "discount".to_owned()
}

model! {
    /// A discount applied to a checkout session, customer, invoice or subscription (Stripe's
    /// `"object": "discount"`), as in a session's `total_details.breakdown` and in line item
    /// discounts.
    ///
    /// Named `AppliedDiscount` because [`Discount`](super::Discount) is the request parameter.
    /// A deleted discount has `deleted: true` and an empty `id`. Parses both API shapes: basil's
    /// full `coupon` object, and newer versions' `source: {"type": "coupon", "coupon": <id or
    /// object>}`. [`coupon`](Self::coupon) and [`coupon_id`](Self::coupon_id) resolve whichever
    /// arrived.
    ///
    /// ```
    /// use stripe_checkout_client::discounts::AppliedDiscount;
    ///
    /// let basil: AppliedDiscount = serde_json::from_str(
    ///     r#"{"id":"di_1","object":"discount","coupon":{"id":"SUMMER25","object":"coupon"}}"#,
    /// )?;
    /// let newer: AppliedDiscount = serde_json::from_str(
    ///     r#"{"id":"di_1","object":"discount","source":{"type":"coupon","coupon":"SUMMER25"}}"#,
    /// )?;
    /// assert_eq!(basil.coupon_id(), newer.coupon_id());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct AppliedDiscount {
        /// Unique identifier for the discount (`di_…`); empty when deleted.
        pub id: String,
        /// The object's type: `discount`.
        pub object: String = discount_object(),
        /// The Checkout Session the discount was applied to, if any.
        pub checkout_session: Option<CheckoutSessionId>,
        /// The coupon, as a full object (basil shape); `None` in newer versions, which use
        /// `source`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub coupon: Option<Coupon>,
        /// The customer (`cus_…`), or the [`Customer`] when expanded.
        pub customer: Option<Expandable<Customer>>,
        /// The customer Account (`acct_…`), in newer versions.
        pub customer_account: Option<String>,
        /// `true` when the discount was deleted.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        pub deleted: bool,
        /// When a time-limited discount ends, in seconds since the Unix epoch.
        pub end: Option<i64>,
        /// The invoice the discount applies to (`in_…`), for invoice-level discounts.
        pub invoice: Option<String>,
        /// The invoice item the discount applies to (`ii_…`).
        pub invoice_item: Option<String>,
        /// The promotion code applied (`promo_…`), or the [`PromotionCode`] when expanded.
        pub promotion_code: Option<Expandable<PromotionCode>>,
        /// The discount's coupon (newer shape); `None` in basil, which uses `coupon`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub source: Option<DiscountSource>,
        /// When the discount was applied, in seconds since the Unix epoch.
        pub start: Option<i64>,
        /// The subscription the discount applies to (`sub_…`).
        pub subscription: Option<String>,
        /// The subscription item the discount applies to (`si_…`).
        pub subscription_item: Option<String>,
    }
}

impl AppliedDiscount {
    /// The coupon object: basil's `coupon`, or an expanded `source.coupon`.
    pub fn coupon(&self) -> Option<&Coupon> {
        self.coupon.as_ref().or_else(|| {
            self.source
                .as_ref()
                .and_then(|s| s.coupon.as_ref())
                .and_then(Expandable::as_object)
        })
    }

    /// The coupon's id, whichever shape arrived and whether or not it was expanded.
    pub fn coupon_id(&self) -> Option<&str> {
        match &self.coupon {
            Some(coupon) => Some(coupon.id.as_str()),
            None => self
                .source
                .as_ref()
                .and_then(|s| s.coupon.as_ref())
                .map(Expandable::id),
        }
    }
}

impl Object for AppliedDiscount {
    fn id(&self) -> &str {
        &self.id
    }
}

#[cfg(test)]
mod tests {
    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use serde_json::{Value, json};

    use super::*;
    use crate::coupons::CouponDuration;
    use crate::promotion_codes::PromotionCodeRestrictions;
    use crate::resources::DiscountSourceType;

    const COUPON: &str = include_str!("../../tests/fixtures/coupon.json");
    const PROMOTION_CODE: &str = include_str!("../../tests/fixtures/promotion_code.json");
    const DISCOUNT: &str = include_str!("../../tests/fixtures/discount.json");
    const DELETED_DISCOUNT: &str = include_str!("../../tests/fixtures/deleted_discount.json");

    fn json(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }

    fn parse<T: DeserializeOwned>(value: Value) -> T {
        serde_json::from_value(value).expect("fixture parses")
    }

    fn round_trips<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(value: &T) {
        let back: T = parse(serde_json::to_value(value).unwrap());
        assert_eq!(&back, value);
    }

    #[test]
    fn coupon_fixture_parses_with_its_values() {
        let c: Coupon = parse(json(COUPON));
        assert_eq!(c.id, "Z4OV52SU");
        assert_eq!(Object::id(&c), "Z4OV52SU");
        assert_eq!(c.object, "coupon");
        assert_eq!(c.amount_off, None);
        assert_eq!(c.applies_to, None);
        assert_eq!(c.created, Some(1_234_567_890));
        assert_eq!(c.currency.as_deref(), Some("usd"));
        assert_eq!(c.duration, Some(CouponDuration::Repeating));
        assert_eq!(c.duration_in_months, Some(3));
        assert!(!c.livemode);
        assert_eq!(c.max_redemptions, None);
        assert!(c.metadata.is_empty());
        assert_eq!(c.name.as_deref(), Some("25.5% off"));
        assert_eq!(c.percent_off, Some(25.5));
        assert_eq!(c.redeem_by, Some(1_234_567_890));
        assert_eq!(c.times_redeemed, Some(0));
        assert_eq!(c.valid, Some(true));
        round_trips(&c);
    }

    #[test]
    fn coupon_tolerates_unknowns_nulls_and_minimal_shapes() {
        let mut value = json(COUPON);
        value["duration"] = json!("sometimes");
        value["metadata"] = Value::Null;
        value["brand_new"] = json!({"nested": true});
        value["applies_to"] = json!({"products": ["prod_1"], "categories": []});
        let c: Coupon = parse(value);
        assert_eq!(
            c.duration,
            Some(CouponDuration::Unknown("sometimes".into()))
        );
        assert!(c.metadata.is_empty());
        assert_eq!(c.applies_to.as_ref().unwrap().products, ["prod_1"]);
        round_trips(&c);

        let minimal: Coupon = parse(json!({"id": "SUMMER25", "object": "coupon",
                                           "percent_off": 25.0, "duration": "once"}));
        assert_eq!(minimal.percent_off, Some(25.0));
        assert_eq!(minimal.duration, Some(CouponDuration::Once));
        assert_eq!((minimal.valid, minimal.created), (None, None));
        let out = serde_json::to_value(&minimal).unwrap();
        assert!(out.get("applies_to").is_none());
        assert_eq!(out["amount_off"], Value::Null);
    }

    #[test]
    fn promotion_code_fixture_parses_with_its_values() {
        let p: PromotionCode = parse(json(PROMOTION_CODE));
        assert_eq!(p.id, "promo_1MlLiAJITzLVzkSmAKV6tZ50");
        assert_eq!(p.object, "promotion_code");
        assert_eq!(p.active, Some(false));
        assert_eq!(p.code.as_deref(), Some("FALL20"));
        assert_eq!(p.coupon, None);
        assert_eq!(p.created, Some(1_234_567_890));
        assert!(p.customer.is_none() && p.customer_account.is_none());
        assert_eq!(p.expires_at, Some(1_234_567_890));
        assert!(!p.livemode);
        assert_eq!(p.max_redemptions, None);
        assert!(p.metadata.is_empty());
        let promotion = p.promotion.as_ref().unwrap();
        assert_eq!(promotion.type_, Some(DiscountSourceType::Coupon));
        assert_eq!(promotion.coupon, None);
        assert_eq!(
            p.restrictions,
            Some(PromotionCodeRestrictions {
                first_time_transaction: Some(false),
                minimum_amount: None,
                minimum_amount_currency: None,
                currency_options: std::collections::HashMap::new(),
            })
        );
        assert_eq!(p.times_redeemed, Some(0));
        assert_eq!((p.coupon(), p.coupon_id()), (None, None));
        round_trips(&p);
    }

    #[test]
    fn promotion_code_resolves_its_coupon_in_both_shapes() {
        let mut basil = json(PROMOTION_CODE);
        basil.as_object_mut().unwrap().remove("promotion");
        basil["coupon"] = json(COUPON);
        basil["customer"] = json!("cus_NNNslJKODLsLoG");
        let basil: PromotionCode = parse(basil);

        let mut expanded = json(PROMOTION_CODE);
        expanded["promotion"]["coupon"] = json(COUPON);
        let expanded: PromotionCode = parse(expanded);

        let mut by_id = json(PROMOTION_CODE);
        by_id["promotion"]["coupon"] = json!("Z4OV52SU");
        by_id["promotion"]["type"] = json!("gift_card");
        by_id["restrictions"]["new_rule"] = json!(1);
        let by_id: PromotionCode = parse(by_id);

        for p in [&basil, &expanded, &by_id] {
            assert_eq!(p.coupon_id(), Some("Z4OV52SU"));
            round_trips(p);
        }
        assert_eq!(basil.coupon().unwrap().percent_off, Some(25.5));
        assert_eq!(
            expanded.coupon().unwrap().name.as_deref(),
            Some("25.5% off")
        );
        assert_eq!(by_id.coupon(), None);
        assert_eq!(
            by_id.promotion.as_ref().unwrap().type_,
            Some(DiscountSourceType::Unknown("gift_card".into()))
        );
        assert_eq!(
            basil.customer.as_ref().map(Expandable::id),
            Some("cus_NNNslJKODLsLoG")
        );
        // Only the shape that arrived is written back.
        let out = serde_json::to_value(&basil).unwrap();
        assert!(out.get("promotion").is_none() && out["coupon"].is_object());
        let out = serde_json::to_value(&by_id).unwrap();
        assert!(out.get("coupon").is_none() && out["promotion"]["coupon"] == "Z4OV52SU");
    }

    #[test]
    fn discount_fixture_parses_with_its_values() {
        let d: AppliedDiscount = parse(json(DISCOUNT));
        assert_eq!(d.id, "di_1MlLiAJITzLVzkSmNzEFTVSb");
        assert_eq!(Object::id(&d), "di_1MlLiAJITzLVzkSmNzEFTVSb");
        assert_eq!(d.object, "discount");
        assert_eq!(d.checkout_session, None);
        assert_eq!(d.coupon, None);
        assert_eq!(
            d.customer.as_ref().map(Expandable::id),
            Some("cus_NNNslJKODLsLoG")
        );
        assert_eq!(d.customer_account, None);
        assert!(!d.deleted);
        assert_eq!(d.end, Some(1_234_567_890));
        assert_eq!(
            (d.invoice.as_deref(), d.invoice_item.as_deref()),
            (None, None)
        );
        assert_eq!(d.promotion_code, None);
        let source = d.source.as_ref().unwrap();
        assert_eq!(source.type_, Some(DiscountSourceType::Coupon));
        assert_eq!(source.coupon, None);
        assert_eq!(d.start, Some(1_234_567_890));
        assert_eq!(
            (d.subscription.as_deref(), d.subscription_item.as_deref()),
            (None, None)
        );
        assert_eq!((d.coupon(), d.coupon_id()), (None, None));
        round_trips(&d);
        assert!(serde_json::to_value(&d).unwrap().get("deleted").is_none());
    }

    #[test]
    fn deleted_discount_fixture_parses_with_its_values() {
        let d: AppliedDiscount = parse(json(DELETED_DISCOUNT));
        assert!(d.deleted);
        assert_eq!(d.id, "");
        assert_eq!(d.object, "discount");
        assert!(d.customer.is_none() && d.end.is_none());
        assert_eq!(d.start, Some(1_234_567_890));
        assert_eq!(
            d.source.as_ref().unwrap().type_,
            Some(DiscountSourceType::Coupon)
        );
        round_trips(&d);
        assert_eq!(serde_json::to_value(&d).unwrap()["deleted"], json!(true));
    }

    #[test]
    fn discount_resolves_its_coupon_in_both_shapes() {
        let mut basil = json(DISCOUNT);
        basil.as_object_mut().unwrap().remove("source");
        basil["coupon"] = json(COUPON);
        basil["checkout_session"] = json!("cs_test_1");
        basil["promotion_code"] = json!("promo_1MlLiAJITzLVzkSmAKV6tZ50");
        let basil: AppliedDiscount = parse(basil);

        let mut newer = json(DISCOUNT);
        newer["source"]["coupon"] = json!("Z4OV52SU");
        newer["unexpected"] = json!([]);
        newer["source"]["unexpected"] = json!({});
        let newer: AppliedDiscount = parse(newer);

        let mut expanded = json(DISCOUNT);
        expanded["source"]["coupon"] = json(COUPON);
        let mut code = json(PROMOTION_CODE);
        code["promotion"]["coupon"] = json!("Z4OV52SU");
        expanded["promotion_code"] = code;
        let expanded: AppliedDiscount = parse(expanded);

        for d in [&basil, &newer, &expanded] {
            assert_eq!(d.coupon_id(), Some("Z4OV52SU"));
            round_trips(d);
        }
        assert_eq!(basil.coupon().unwrap().duration_in_months, Some(3));
        assert_eq!(newer.coupon(), None);
        assert_eq!(expanded.coupon().unwrap().percent_off, Some(25.5));
        assert_eq!(basil.checkout_session.as_ref().unwrap(), "cs_test_1");
        assert_eq!(
            basil.promotion_code.as_ref().map(Expandable::id),
            Some("promo_1MlLiAJITzLVzkSmAKV6tZ50")
        );
        let code = expanded
            .promotion_code
            .as_ref()
            .unwrap()
            .as_object()
            .unwrap();
        assert_eq!(code.coupon_id(), Some("Z4OV52SU"));
    }
}
