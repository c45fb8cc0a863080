//! The emulator's catalog: the prices, coupons, promotion codes and customers a test sets up
//! (or a session creates inline), and how each renders as Stripe's JSON object.
//!
//! Sessions and their arithmetic live in `session_state` and `pricing`.

use serde_json::{Value, json};

use crate::api_shape::Shape;

use crate::input::{Clear, CouponTerms, Metadata};

/// The intervals a recurring price bills on (the SDK's `recurring.interval` enum).
pub(crate) const INTERVALS: [&str; 4] = ["day", "week", "month", "year"];

/// A price a line item can name.
#[derive(Clone, Debug)]
pub(crate) struct StoredPrice {
    pub(crate) id: String,
    pub(crate) unit_amount: i64,
    pub(crate) currency: String,
    pub(crate) product_id: String,
    pub(crate) product_name: String,
    pub(crate) created: i64,
    /// `day`, `week`, `month` or `year` for a recurring price; `None` for a one-time one.
    pub(crate) interval: Option<String>,
}

impl StoredPrice {
    pub(crate) fn to_json(&self) -> Value {
        let mut json = json!({
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
        });
        if let Some(interval) = &self.interval {
            json["type"] = Value::from("recurring");
            json["recurring"] = recurring(Value::from(interval.as_str()), Value::from(1));
        }
        json
    }

    /// The product this price is of, as `price.product` expands to.
    pub(crate) fn product_json(&self) -> Value {
        product_json(&self.product_id, &self.product_name, self.created)
    }
}

/// A product as the official SDK's `Product` types it. The emulator knows products only
/// through prices and inline `product_data`, so the rest is what Stripe shows for a product
/// that set nothing more: no default price, description or images, and type `service`, what
/// a create without `type` makes.
pub(crate) fn product_json(id: &str, name: &str, created: i64) -> Value {
    json!({
        "id": id,
        "object": "product",
        "active": true,
        "created": created,
        "default_price": null,
        "description": null,
        "images": [],
        "livemode": false,
        "marketing_features": [],
        "metadata": {},
        "name": name,
        "package_dimensions": null,
        "shippable": null,
        "statement_descriptor": null,
        "tax_code": null,
        "type": "service",
        "unit_label": null,
        "updated": created,
        "url": null,
    })
}

/// A recurring price's `recurring` object. Prices the emulator knows are licensed per unit:
/// neither the catalog nor `price_data` has a usage type.
pub(crate) fn recurring(interval: Value, interval_count: Value) -> Value {
    json!({
        "interval": interval,
        "interval_count": interval_count,
        "meter": null,
        "usage_type": "licensed",
    })
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
    /// Made from a session's `coupon_data`: forgotten with the last session carrying it.
    pub(crate) inline: bool,
}

impl StoredCoupon {
    /// A coupon of checked `terms` (inline `coupon_data` or a coupon create).
    pub(crate) fn from_terms(id: String, terms: &CouponTerms, created: i64) -> Self {
        StoredCoupon {
            id,
            name: terms.name.clone(),
            amount_off: terms.amount_off,
            percent_off: terms.percent_off,
            currency: terms.currency.as_ref().map(|c| c.to_ascii_lowercase()),
            duration: terms.duration.clone().unwrap_or_else(|| "once".to_owned()),
            duration_in_months: terms.duration_in_months,
            metadata: metadata_pairs(terms.metadata.as_ref()),
            created,
            max_redemptions: terms.max_redemptions,
            redeem_by: terms.redeem_by,
            times_redeemed: 0,
            products: terms
                .applies_to
                .iter()
                .flat_map(|a| a.products.clone())
                .collect(),
            currency_options: terms
                .currency_options
                .iter()
                .filter_map(|(c, o)| Some((c.to_ascii_lowercase(), o.amount_off?)))
                .collect(),
            inline: false,
        }
    }

    /// The coupon without its includable fields, as Stripe answers unless asked.
    pub(crate) fn to_json(&self, now: i64) -> Value {
        self.to_json_including(CouponIncludes::default(), now)
    }

    /// Whether it may still be applied: before `redeem_by`, and not redeemed
    /// `max_redemptions` times yet.
    pub(crate) fn valid(&self, now: i64) -> bool {
        self.redeem_by.is_none_or(|by| by > now)
            && self
                .max_redemptions
                .is_none_or(|max| self.times_redeemed < max)
    }

    /// The amount off in `currency`: its own currency's, or a currency option's.
    pub(crate) fn amount_in(&self, currency: &str) -> Option<i64> {
        if self
            .currency
            .as_deref()
            .is_some_and(|c| c.eq_ignore_ascii_case(currency))
        {
            return self.amount_off;
        }
        self.currency_options
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(currency))
            .map(|(_, amount)| *amount)
    }

    /// The coupon with the includable fields `includes` asks for (`applies_to`,
    /// `currency_options`: Stripe leaves them out unless expanded).
    pub(crate) fn to_json_including(&self, includes: CouponIncludes, now: i64) -> Value {
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
            "valid": self.valid(now),
        });
        if includes.applies_to {
            object["applies_to"] = json!({"products": self.products});
        }
        if includes.currency_options {
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

/// Which of a coupon's includable fields an answer shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct CouponIncludes {
    pub(crate) applies_to: bool,
    pub(crate) currency_options: bool,
}

impl CouponIncludes {
    /// Takes `<at>applies_to` and `<at>currency_options` from `expand`; answers whether the
    /// path was one of them.
    pub(crate) fn take(&mut self, path: &str, at: &str) -> bool {
        match path.strip_prefix(at) {
            Some("applies_to") => self.applies_to = true,
            Some("currency_options") => self.currency_options = true,
            _ => return false,
        }
        true
    }
}

/// The metadata a new object starts with: the keys its `metadata` param sets (an empty value
/// or a clear sets none).
pub(crate) fn metadata_pairs(metadata: Option<&Metadata>) -> Vec<(String, String)> {
    match metadata {
        Some(Clear::Set(entries)) => entries
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        _ => Vec::new(),
    }
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
    /// Minimums in other currencies, by currency code.
    pub(crate) minimum_currency_options: Vec<(String, i64)>,
    pub(crate) times_redeemed: u64,
}

/// What a promotion code answer expands: its coupon (with the coupon's includable fields)
/// and its restrictions' `currency_options`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct CodeExpansion {
    pub(crate) coupon: bool,
    pub(crate) coupon_includes: CouponIncludes,
    pub(crate) minimum_currency_options: bool,
}

impl StoredPromotionCode {
    /// An active code for anyone, without limits or restrictions.
    pub(crate) fn new(id: String, code: &str, coupon_id: &str, created: i64) -> Self {
        StoredPromotionCode {
            id,
            code: code.to_owned(),
            coupon_id: coupon_id.to_owned(),
            active: true,
            created,
            customer: None,
            expires_at: None,
            max_redemptions: None,
            metadata: Vec::new(),
            first_time_transaction: false,
            minimum_amount: None,
            minimum_currency_options: Vec::new(),
            times_redeemed: 0,
        }
    }

    /// The code in the version's shape: basil nests the coupon in full under `coupon`,
    /// clover and later name it under `promotion`, expanded only when asked.
    pub(crate) fn to_json(
        &self,
        coupon: Option<&StoredCoupon>,
        shape: &Shape,
        expand: CodeExpansion,
        now: i64,
    ) -> Value {
        let mut restrictions = json!({
            "first_time_transaction": self.first_time_transaction,
            "minimum_amount": self.minimum_amount.as_ref().map(|(amount, _)| amount),
            "minimum_amount_currency": self.minimum_amount.as_ref().map(|(_, currency)| currency),
        });
        if expand.minimum_currency_options {
            restrictions["currency_options"] = Value::Object(
                self.minimum_currency_options
                    .iter()
                    .map(|(currency, amount)| (currency.clone(), json!({"minimum_amount": amount})))
                    .collect(),
            );
        }
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
            "restrictions": restrictions,
            "times_redeemed": self.times_redeemed,
        });
        let full = |coupon: &StoredCoupon| coupon.to_json_including(expand.coupon_includes, now);
        if shape.coupon_under_source() {
            let named = match coupon {
                Some(coupon) if expand.coupon => full(coupon),
                _ => json!(self.coupon_id),
            };
            object["promotion"] = json!({"type": "coupon", "coupon": named});
            object["customer_account"] = Value::Null;
        } else {
            object["coupon"] = coupon.map_or_else(|| json!(self.coupon_id), full);
        }
        object
    }

    /// The smallest subtotal the code accepts in `currency`: its own minimum's currency, or a
    /// currency option. `Ok(None)` when it has no minimum, `Err(())` when it has one but not in
    /// this currency.
    pub(crate) fn minimum_in(&self, currency: &str) -> Result<Option<i64>, ()> {
        let Some((minimum, own)) = &self.minimum_amount else {
            return Ok(None);
        };
        if own.eq_ignore_ascii_case(currency) {
            return Ok(Some(*minimum));
        }
        self.minimum_currency_options
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(currency))
            .map(|(_, amount)| Some(*amount))
            .ok_or(())
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
