//! Stripe's coupon object ([`Coupon`], with [`CouponDuration`] and [`CouponAppliesTo`]) and
//! the reference to a coupon that newer API versions nest in promotion codes and discounts
//! ([`DiscountSource`]).
//!
//! In the basil API version (`2025-03-31.basil`) a promotion code and a discount carry their
//! coupon as a full object in `coupon`. Newer versions move it under `promotion` (promotion
//! codes) or `source` (discounts) as `{"type": "coupon", "coupon": <id or object>}`. Both
//! fields are modelled, and `coupon()` / `coupon_id()` on those objects resolve whichever
//! arrived; serializing writes back only the shape that was received.
//!
//! Decoding follows the rules documented on
//! [`CheckoutSession`](crate::checkout::CheckoutSession): `Option` for anything Stripe may omit
//! or send as `null`, unknown fields ignored, unknown enum values kept.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::declare::model::model;
use crate::expand::{Expandable, Object};
use crate::ids::CouponId;
use crate::wire::stripe_enum::stripe_enum;

fn coupon_object() -> String {
    "coupon".to_owned()
}

stripe_enum!(
    /// How long a coupon's discount lasts on a subscription; one-off payments are discounted
    /// once whatever the duration.
    ///
    /// ```
    /// use stripe_checkout_client::coupons::CouponDuration;
    /// assert_eq!(CouponDuration::Repeating.as_str(), "repeating");
    /// assert_eq!(CouponDuration::from("sometimes"), CouponDuration::Unknown("sometimes".into()));
    /// ```
    CouponDuration {
        /// Every invoice, forever.
        Forever = "forever",
        /// The first invoice only.
        Once = "once",
        /// Every invoice for `duration_in_months` months.
        Repeating = "repeating",
    }
);

model! {
    /// A coupon (`"object": "coupon"`): a percentage or an amount off.
    ///
    /// ```
    /// use stripe_checkout_client::coupons::{Coupon, CouponDuration};
    ///
    /// let coupon: Coupon = serde_json::from_str(
    ///     r#"{"id":"SUMMER25","object":"coupon","percent_off":25.0,"duration":"once"}"#,
    /// )?;
    /// assert_eq!(coupon.id, "SUMMER25");
    /// assert_eq!(coupon.duration, Some(CouponDuration::Once));
    /// assert_eq!(coupon.amount_off, None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct Coupon {
        /// Unique identifier for the coupon; merchants choose it, or Stripe generates one for
        /// inline `coupon_data`.
        pub id: CouponId,
        /// The object's type: `coupon`.
        pub object: String = coupon_object(),
        /// The amount taken off, in `currency`'s smallest unit; `null` for a percentage coupon.
        pub amount_off: Option<i64>,
        /// The products the coupon applies to, present only when expanded (`applies_to`).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub applies_to: Option<CouponAppliesTo>,
        /// When the coupon was created, in seconds since the Unix epoch.
        pub created: Option<i64>,
        /// Three-letter ISO currency code of `amount_off`, lowercase (`usd`).
        pub currency: Option<String>,
        /// The amount taken off in other currencies, by lowercase currency code; present only
        /// when expanded (`currency_options`).
        #[serde(skip_serializing_if = "HashMap::is_empty")]
        pub currency_options: HashMap<String, CouponCurrencyOption>,
        /// How long the discount lasts on a subscription.
        pub duration: Option<CouponDuration>,
        /// How many months a [`CouponDuration::Repeating`] coupon lasts.
        pub duration_in_months: Option<i64>,
        /// `true` in live mode, `false` in test mode.
        pub livemode: bool,
        /// How many times the coupon may be redeemed in total.
        pub max_redemptions: Option<i64>,
        /// Your key-value pairs stored on the coupon (empty when none).
        pub metadata: HashMap<String, String>,
        /// The name customers see on receipts and invoices.
        pub name: Option<String>,
        /// The percentage taken off (`25.5` is 25.5%); `null` for an amount coupon.
        pub percent_off: Option<f64>,
        /// The last time the coupon can be redeemed, in seconds since the Unix epoch.
        pub redeem_by: Option<i64>,
        /// The script computing the discount, for a `script` coupon (preview only).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub script: Option<CouponScript>,
        /// How many times the coupon has been applied.
        pub times_redeemed: Option<i64>,
        /// What the coupon takes off: an amount, a percentage or a script's result (preview
        /// only).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub type_ as "type": Option<CouponType>,
        /// Whether the coupon can still be applied.
        pub valid: Option<bool>,
    }
}

impl Object for Coupon {
    fn id(&self) -> &str {
        self.id.as_str()
    }
}

model! {
    /// A coupon's amount in another currency (`currency_options.<currency>`).
    #[derive(Eq)]
    pub struct CouponCurrencyOption {
        /// The amount taken off, in that currency's smallest unit.
        pub amount_off: i64,
    }
}

model! {
    /// The script that computes a `script` coupon's discount (`script`, preview only).
    pub struct CouponScript {
        /// The script's settings, as you configured them.
        pub configuration: Map<String, Value>,
        /// The script's name.
        pub display_name: Option<String>,
        /// The script's id.
        pub id: Option<String>,
    }
}

stripe_enum!(
    /// What a coupon takes off (`type`, preview only).
    CouponType {
        /// An amount (`amount_off`).
        AmountOff = "amount_off",
        /// A percentage (`percent_off`).
        PercentOff = "percent_off",
        /// What a script computes (`script`).
        Script = "script",
    }
);

model! {
    /// The products a coupon applies to (`coupon.applies_to`).
    #[derive(Default, Eq)]
    pub struct CouponAppliesTo {
        /// The product ids (`prod_…`).
        pub products: Vec<String>,
    }
}

model! {
    /// Where a promotion code's or a discount's coupon comes from, in API versions after basil
    /// (`promotion_code.promotion`, `discount.source`).
    pub struct DiscountSource {
        /// The kind of source; `coupon` today.
        pub type_ as "type": Option<DiscountSourceType>,
        /// The coupon (its id, or the [`Coupon`] when expanded).
        pub coupon: Option<Expandable<Coupon>>,
    }
}

stripe_enum!(
    /// The kind of a discount's or promotion code's source.
    DiscountSourceType {
        /// A coupon.
        Coupon = "coupon",
    }
);
