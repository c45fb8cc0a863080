//! The emulator's catalog: the prices, coupons, promotion codes and customers a test sets up
//! (or a session creates inline), and how each renders as Stripe's JSON object.
//!
//! Sessions and their arithmetic live in `session_state` and `pricing`.

use serde_json::{Value, json};

use super::api_shape::Shape;

use crate::discounts::{CouponData, CouponDuration};
use crate::metadata::Metadata;

/// A price a line item can name.
#[derive(Clone, Debug)]
pub(crate) struct StoredPrice {
    pub(crate) id: String,
    pub(crate) unit_amount: i64,
    pub(crate) currency: String,
    pub(crate) product_id: String,
    pub(crate) product_name: String,
    pub(crate) created: i64,
}

impl StoredPrice {
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "object": "price",
            "active": true,
            "billing_scheme": "per_unit",
            "created": self.created,
            "currency": self.currency,
            "livemode": false,
            "lookup_key": null,
            "metadata": {},
            "nickname": null,
            "product": self.product_id,
            "recurring": null,
            "tax_behavior": "unspecified",
            "type": "one_time",
            "unit_amount": self.unit_amount,
            "unit_amount_decimal": self.unit_amount.to_string(),
        })
    }
}

/// A coupon, added by a test or created from a session's inline `coupon_data`.
#[derive(Clone, Debug)]
pub(crate) struct StoredCoupon {
    pub(crate) id: String,
    pub(crate) name: Option<String>,
    pub(crate) amount_off: Option<i64>,
    pub(crate) percent_off: Option<f64>,
    pub(crate) currency: Option<String>,
    pub(crate) duration: String,
    pub(crate) duration_in_months: Option<i64>,
    pub(crate) metadata: Vec<(String, String)>,
    pub(crate) created: i64,
    pub(crate) max_redemptions: Option<u64>,
    pub(crate) redeem_by: Option<i64>,
    pub(crate) times_redeemed: u64,
    /// The products it applies to; empty: all.
    pub(crate) products: Vec<String>,
    /// Amounts off in other currencies, by currency code.
    pub(crate) currency_options: Vec<(String, i64)>,
}

impl StoredCoupon {
    pub(crate) fn from_data(id: String, data: &CouponData, created: i64) -> Self {
        StoredCoupon {
            id,
            name: data.name.clone(),
            amount_off: data.amount_off,
            percent_off: data.percent_off,
            currency: data.currency.as_ref().map(|c| c.to_ascii_lowercase()),
            duration: data
                .duration
                .as_ref()
                .unwrap_or(&CouponDuration::Once)
                .as_str()
                .to_owned(),
            duration_in_months: data.duration_in_months,
            metadata: metadata_pairs(data.metadata.as_ref()),
            created,
            max_redemptions: None,
            redeem_by: None,
            times_redeemed: 0,
            products: Vec::new(),
            currency_options: Vec::new(),
        }
    }

    pub(crate) fn to_json(&self) -> Value {
        let metadata: serde_json::Map<String, Value> = self
            .metadata
            .iter()
            .map(|(k, v)| (k.clone(), json!(v)))
            .collect();
        let mut object = json!({
            "id": self.id,
            "object": "coupon",
            "amount_off": self.amount_off,
            "created": self.created,
            "currency": self.currency,
            "duration": self.duration,
            "duration_in_months": self.duration_in_months,
            "livemode": false,
            "max_redemptions": self.max_redemptions,
            "metadata": metadata,
            "name": self.name,
            "percent_off": self.percent_off,
            "redeem_by": self.redeem_by,
            "times_redeemed": self.times_redeemed,
            "valid": true,
        });
        if !self.products.is_empty() {
            object["applies_to"] = json!({"products": self.products});
        }
        if !self.currency_options.is_empty() {
            object["currency_options"] = Value::Object(
                self.currency_options
                    .iter()
                    .map(|(currency, amount)| (currency.clone(), json!({"amount_off": amount})))
                    .collect(),
            );
        }
        object
    }
}

/// The keys a new object's `metadata` param sets (an unset key or a clear sets none).
pub(crate) fn metadata_pairs(metadata: Option<&Metadata>) -> Vec<(String, String)> {
    metadata
        .iter()
        .flat_map(|m| m.iter())
        .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_owned())))
        .collect()
}

/// A customer-facing code for a coupon.
#[derive(Clone, Debug)]
pub(crate) struct StoredPromotionCode {
    pub(crate) id: String,
    pub(crate) code: String,
    pub(crate) coupon_id: String,
    pub(crate) active: bool,
    pub(crate) created: i64,
    pub(crate) customer: Option<String>,
    pub(crate) expires_at: Option<i64>,
    pub(crate) max_redemptions: Option<u64>,
    pub(crate) metadata: Vec<(String, String)>,
    pub(crate) first_time_transaction: bool,
    pub(crate) minimum_amount: Option<(i64, String)>,
}

impl StoredPromotionCode {
    /// The code in the version's shape: basil nests the coupon in full under `coupon`,
    /// clover and later name it under `promotion`, expanded only when asked.
    pub(crate) fn to_json(
        &self,
        coupon: Option<&StoredCoupon>,
        shape: &Shape,
        expand_coupon: bool,
    ) -> Value {
        let mut object = json!({
            "id": self.id,
            "object": "promotion_code",
            "active": self.active,
            "code": self.code,
            "created": self.created,
            "customer": self.customer,
            "expires_at": self.expires_at,
            "livemode": false,
            "max_redemptions": self.max_redemptions,
            "metadata": Value::Object(
                self.metadata.iter().map(|(k, v)| (k.clone(), json!(v))).collect()
            ),
            "restrictions": {
                "first_time_transaction": self.first_time_transaction,
                "minimum_amount": self.minimum_amount.as_ref().map(|(amount, _)| amount),
                "minimum_amount_currency":
                    self.minimum_amount.as_ref().map(|(_, currency)| currency),
            },
            "times_redeemed": 0,
        });
        if shape.coupon_under_source() {
            let named = match coupon {
                Some(coupon) if expand_coupon => coupon.to_json(),
                _ => json!(self.coupon_id),
            };
            object["promotion"] = json!({"type": "coupon", "coupon": named});
            object["customer_account"] = Value::Null;
        } else {
            object["coupon"] = coupon.map_or_else(|| json!(self.coupon_id), StoredCoupon::to_json);
        }
        object
    }
}

/// A customer a session can name.
#[derive(Clone, Debug)]
pub(crate) struct StoredCustomer {
    pub(crate) id: String,
    pub(crate) email: Option<String>,
    pub(crate) created: i64,
}

impl StoredCustomer {
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "object": "customer",
            "created": self.created,
            "email": self.email,
            "livemode": false,
            "metadata": {},
        })
    }
}
