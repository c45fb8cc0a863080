//! Stripe's promotion code object ([`PromotionCode`], with [`PromotionCodeRestrictions`]): a
//! code customers type (`FALL20`) for a coupon. Both API shapes are read; see the coupon
//! module for the two.

use std::collections::HashMap;

use crate::declare::model::model;
use crate::expand::{Expandable, Object};
use crate::ids::PromotionCodeId;
use crate::resources::customer::Customer;
use crate::resources::{Coupon, DiscountSource};

fn promotion_code_object() -> String {
    "promotion_code".to_owned()
}

model! {
    /// A promotion code (`"object": "promotion_code"`): a customer-facing code (`FALL20`) for a
    /// coupon.
    ///
    /// Parses both API shapes: basil's full `coupon` object, and newer versions'
    /// `promotion: {"type": "coupon", "coupon": <id or object>}`. [`coupon`](Self::coupon) and
    /// [`coupon_id`](Self::coupon_id) resolve whichever arrived.
    ///
    /// ```
    /// use stripe_checkout_client::promotion_codes::PromotionCode;
    ///
    /// let basil: PromotionCode = serde_json::from_str(
    ///     r#"{"id":"promo_1","object":"promotion_code","code":"FALL20",
    ///         "coupon":{"id":"FALL","object":"coupon","percent_off":20.0}}"#,
    /// )?;
    /// let newer: PromotionCode = serde_json::from_str(
    ///     r#"{"id":"promo_1","object":"promotion_code","code":"FALL20",
    ///         "promotion":{"type":"coupon","coupon":"FALL"}}"#,
    /// )?;
    /// assert_eq!(basil.coupon_id(), Some("FALL"));
    /// assert_eq!(newer.coupon_id(), Some("FALL"));
    /// assert_eq!(basil.coupon().and_then(|c| c.percent_off), Some(20.0));
    /// assert!(newer.coupon().is_none()); // not expanded
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct PromotionCode {
        /// Unique identifier for the promotion code object (`promo_…`).
        pub id: PromotionCodeId,
        /// The object's type: `promotion_code`.
        pub object: String = promotion_code_object(),
        /// Whether the code can currently be redeemed.
        pub active: Option<bool>,
        /// The code customers enter (`FALL20`), unique per customer.
        pub code: Option<String>,
        /// The coupon, as a full object (basil shape); `None` in newer versions, which use
        /// `promotion`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub coupon: Option<Coupon>,
        /// When the code was created, in seconds since the Unix epoch.
        pub created: Option<i64>,
        /// The only customer who may redeem the code (`cus_…`), or the [`Customer`] when
        /// expanded.
        pub customer: Option<Expandable<Customer>>,
        /// The only customer Account (`acct_…`) that may redeem the code, in newer versions.
        pub customer_account: Option<String>,
        /// When the code stops being redeemable, in seconds since the Unix epoch.
        pub expires_at: Option<i64>,
        /// `true` in live mode, `false` in test mode.
        pub livemode: bool,
        /// How many times the code may be redeemed in total.
        pub max_redemptions: Option<i64>,
        /// Your key-value pairs stored on the code (empty when none).
        pub metadata: HashMap<String, String>,
        /// The code's coupon (newer shape); `None` in basil, which uses `coupon`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub promotion: Option<DiscountSource>,
        /// Who may redeem the code and on what orders.
        pub restrictions: Option<PromotionCodeRestrictions>,
        /// How many times the code has been redeemed.
        pub times_redeemed: Option<i64>,
    }
}

impl PromotionCode {
    /// The coupon object: basil's `coupon`, or an expanded `promotion.coupon`.
    pub fn coupon(&self) -> Option<&Coupon> {
        self.coupon.as_ref().or_else(|| {
            self.promotion
                .as_ref()
                .and_then(|p| p.coupon.as_ref())
                .and_then(Expandable::as_object)
        })
    }

    /// The coupon's id, whichever shape arrived and whether or not it was expanded.
    pub fn coupon_id(&self) -> Option<&str> {
        match &self.coupon {
            Some(coupon) => Some(coupon.id.as_str()),
            None => self
                .promotion
                .as_ref()
                .and_then(|p| p.coupon.as_ref())
                .map(Expandable::id),
        }
    }
}

impl Object for PromotionCode {
    fn id(&self) -> &str {
        self.id.as_str()
    }
}

model! {
    /// Who may redeem a promotion code and on what orders (`promotion_code.restrictions`).
    #[derive(Default, Eq)]
    pub struct PromotionCodeRestrictions {
        /// Only customers who never paid before may redeem the code.
        pub first_time_transaction: Option<bool>,
        /// The smallest order total the code applies to, in the currency's smallest unit.
        pub minimum_amount: Option<i64>,
        /// The three-letter ISO currency code of `minimum_amount`.
        pub minimum_amount_currency: Option<String>,
        /// The smallest order total in other currencies, by lowercase currency code.
        pub currency_options: HashMap<String, PromotionCodeCurrencyOption>,
    }
}

model! {
    /// A promotion code's smallest order total in another currency
    /// (`restrictions.currency_options.<currency>`).
    #[derive(Eq)]
    pub struct PromotionCodeCurrencyOption {
        /// The smallest order total, in that currency's smallest unit.
        pub minimum_amount: i64,
    }
}
