//! What the store reads of a request's params, once `validate` has checked them against the
//! facts and typed them: small structs holding only the params the emulator acts on (the
//! others are kept as JSON where an object echoes them back).
//!
//! Kinds and bounds are the validator's; these types trust them and never refuse anything
//! themselves beyond what serde cannot read.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer, Error as _};
use serde_json::Value;

use crate::error_answer::ErrorAnswer;

/// Reads checked params into `T`. A failure here is a gap between the facts and these types,
/// answered as Stripe's 400 rather than a panic.
pub(crate) fn read<T: DeserializeOwned>(params: &Value) -> Result<T, ErrorAnswer> {
    T::deserialize(params).map_err(|err| {
        ErrorAnswer::state(
            None,
            format!("The emulator could not read the params: {err}"),
        )
    })
}

/// A param that may be cleared by sending it empty (`discounts=`, `metadata=`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Clear<T> {
    Clear,
    Set(T),
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Clear<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::String(s) if s.is_empty() => Ok(Clear::Clear),
            other => T::deserialize(other)
                .map(Clear::Set)
                .map_err(D::Error::custom),
        }
    }
}

/// A metadata update: `metadata=` clears every key, `metadata[k]=` removes `k`.
pub(crate) type Metadata = Clear<BTreeMap<String, String>>;

/// Only `expand`, for the operations that take nothing else the emulator acts on.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Expand {
    #[serde(default)]
    pub(crate) expand: Vec<String>,
}

/// One requested discount.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct DiscountInput {
    pub(crate) coupon: Option<String>,
    pub(crate) promotion_code: Option<String>,
    pub(crate) coupon_data: Option<CouponTerms>,
}

/// A coupon's terms: inline `coupon_data`, or `POST /v1/coupons`.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct CouponTerms {
    pub(crate) id: Option<String>,
    pub(crate) name: Option<String>,
    pub(crate) amount_off: Option<i64>,
    pub(crate) percent_off: Option<f64>,
    pub(crate) currency: Option<String>,
    pub(crate) duration: Option<String>,
    pub(crate) duration_in_months: Option<i64>,
    pub(crate) metadata: Option<Metadata>,
    pub(crate) max_redemptions: Option<u64>,
    pub(crate) redeem_by: Option<i64>,
    pub(crate) applies_to: Option<AppliesTo>,
    #[serde(default)]
    pub(crate) currency_options: BTreeMap<String, CurrencyAmount>,
}

/// `applies_to[products]`.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct AppliesTo {
    #[serde(default)]
    pub(crate) products: Vec<String>,
}

/// `currency_options[xxx][amount_off]`.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct CurrencyAmount {
    pub(crate) amount_off: Option<i64>,
    pub(crate) minimum_amount: Option<i64>,
}

/// Who may change part of a session from the server.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct Permissions {
    pub(crate) update_discounts: Option<String>,
    pub(crate) update_line_items: Option<String>,
    pub(crate) update_shipping_details: Option<String>,
    pub(crate) update: Option<GroupedPermissions>,
}

/// The preview's grouped `permissions[update]`.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct GroupedPermissions {
    pub(crate) line_items: Option<String>,
    pub(crate) shipping_details: Option<String>,
}

impl Permissions {
    /// The permissions with the grouped form folded into the flat one.
    pub(crate) fn flattened(mut self) -> Self {
        if let Some(update) = self.update.take() {
            self.update_line_items = self.update_line_items.or(update.line_items);
            self.update_shipping_details = self.update_shipping_details.or(update.shipping_details);
        }
        self
    }
}

/// A line item of a create.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct LineItemInput {
    pub(crate) price: Option<String>,
    pub(crate) price_data: Option<PriceData>,
    pub(crate) quantity: Option<u64>,
    pub(crate) metadata: Option<Metadata>,
    pub(crate) adjustable_quantity: Option<Value>,
}

/// Inline `price_data`.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct PriceData {
    pub(crate) currency: String,
    pub(crate) unit_amount: Option<i64>,
    pub(crate) unit_amount_decimal: Option<String>,
    pub(crate) product: Option<String>,
    pub(crate) product_data: Option<ProductData>,
    /// Kept as sent: `interval` and `interval_count`.
    pub(crate) recurring: Option<Value>,
    pub(crate) tax_behavior: Option<String>,
}

/// Inline `product_data`: what the new product shows when `price.product` is expanded.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct ProductData {
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    #[serde(default)]
    pub(crate) images: Vec<String>,
    pub(crate) metadata: Option<Metadata>,
    pub(crate) tax_code: Option<String>,
    pub(crate) unit_label: Option<String>,
}

/// One entry of `shipping_options`: a shipping rate by id, or one made inline.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct ShippingOptionInput {
    pub(crate) shipping_rate: Option<String>,
    pub(crate) shipping_rate_data: Option<ShippingRateData>,
}

/// `shipping_rate_data`: the params of a shipping rate create.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct ShippingRateData {
    pub(crate) display_name: String,
    pub(crate) fixed_amount: Option<FixedAmount>,
    /// Kept as sent: `minimum` and `maximum`, each a `unit` and a `value`.
    pub(crate) delivery_estimate: Option<Value>,
    pub(crate) metadata: Option<Metadata>,
    pub(crate) tax_behavior: Option<String>,
    pub(crate) tax_code: Option<String>,
}

/// A shipping rate's `fixed_amount`.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct FixedAmount {
    pub(crate) amount: i64,
    pub(crate) currency: String,
    #[serde(default)]
    pub(crate) currency_options: BTreeMap<String, ShippingCurrencyOption>,
}

/// `fixed_amount[currency_options][xxx]`.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct ShippingCurrencyOption {
    pub(crate) amount: i64,
    pub(crate) tax_behavior: Option<String>,
}

/// `POST /v1/checkout/sessions`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct CreateSession {
    pub(crate) mode: Option<String>,
    pub(crate) ui_mode: Option<String>,
    pub(crate) success_url: Option<String>,
    pub(crate) return_url: Option<String>,
    pub(crate) cancel_url: Option<String>,
    pub(crate) redirect_on_completion: Option<String>,
    pub(crate) customer: Option<String>,
    pub(crate) customer_email: Option<String>,
    pub(crate) client_reference_id: Option<String>,
    pub(crate) locale: Option<String>,
    pub(crate) allow_promotion_codes: Option<bool>,
    #[serde(default)]
    pub(crate) discounts: Vec<DiscountInput>,
    #[serde(default)]
    pub(crate) line_items: Vec<LineItemInput>,
    pub(crate) expires_at: Option<i64>,
    pub(crate) permissions: Option<Permissions>,
    pub(crate) metadata: Option<Metadata>,
    #[serde(default)]
    pub(crate) shipping_options: Vec<ShippingOptionInput>,
    #[serde(default)]
    pub(crate) expand: Vec<String>,
}

/// A line item of an update: an existing one by `id` (with the fields to change), or a new
/// one by `price` or `price_data`.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct UpdateLineItem {
    pub(crate) id: Option<String>,
    pub(crate) price: Option<String>,
    pub(crate) price_data: Option<PriceData>,
    pub(crate) quantity: Option<u64>,
    pub(crate) metadata: Option<Metadata>,
    pub(crate) tax_rates: Option<Clear<Vec<String>>>,
    pub(crate) adjustable_quantity: Option<Value>,
}

/// `collected_information[shipping_details]`.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct CollectedInformation {
    pub(crate) shipping_details: Option<ShippingDetails>,
}

/// A name and an address, kept as sent.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct ShippingDetails {
    pub(crate) name: String,
    pub(crate) address: BTreeMap<String, String>,
}

/// `POST /v1/checkout/sessions/{id}`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct UpdateSession {
    pub(crate) discounts: Option<Clear<Vec<DiscountInput>>>,
    #[serde(default)]
    pub(crate) line_items: Vec<UpdateLineItem>,
    pub(crate) metadata: Option<Metadata>,
    pub(crate) collected_information: Option<CollectedInformation>,
    pub(crate) shipping_options: Option<Clear<Vec<ShippingOptionInput>>>,
    /// The preview's trial (`trial_end`, `trial_period_days`) and subscription settings, and
    /// `payment_intent_data` (`description`, `metadata`, `setup_future_usage`, the statement
    /// descriptors): kept as sent, for the session's held settings.
    pub(crate) subscription_data: Option<Value>,
    pub(crate) payment_intent_data: Option<Value>,
    /// The preview's Connect liability and issuer settings, kept as sent.
    pub(crate) automatic_tax: Option<Value>,
    pub(crate) invoice_creation: Option<Value>,
    #[serde(default)]
    pub(crate) expand: Vec<String>,
}

/// A `created` filter: a timestamp, or a range.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum Created {
    Exact(i64),
    Range {
        gt: Option<i64>,
        gte: Option<i64>,
        lt: Option<i64>,
        lte: Option<i64>,
    },
}

impl Created {
    pub(crate) fn matches(&self, created: i64) -> bool {
        match self {
            Created::Exact(t) => created == *t,
            Created::Range { gt, gte, lt, lte } => {
                gt.is_none_or(|t| created > t)
                    && gte.is_none_or(|t| created >= t)
                    && lt.is_none_or(|t| created < t)
                    && lte.is_none_or(|t| created <= t)
            }
        }
    }
}

/// The paging params every list takes.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Page {
    pub(crate) limit: Option<u32>,
    pub(crate) starting_after: Option<String>,
    pub(crate) ending_before: Option<String>,
    #[serde(default)]
    pub(crate) expand: Vec<String>,
}

/// `GET /v1/checkout/sessions`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ListSessions {
    #[serde(flatten)]
    pub(crate) page: Page,
    pub(crate) status: Option<String>,
    pub(crate) customer: Option<String>,
    pub(crate) created: Option<Created>,
    pub(crate) customer_details: Option<CustomerDetailsFilter>,
    /// Filters by objects the emulator never makes: set, they match no session.
    pub(crate) payment_intent: Option<String>,
    pub(crate) payment_link: Option<String>,
    pub(crate) subscription: Option<String>,
    pub(crate) customer_account: Option<String>,
}

/// `customer_details[email]`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct CustomerDetailsFilter {
    pub(crate) email: String,
}

/// `GET /v1/coupons`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ListCoupons {
    #[serde(flatten)]
    pub(crate) page: Page,
    pub(crate) created: Option<Created>,
}

/// `POST /v1/coupons/{id}`: what may change after creation.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct UpdateCoupon {
    pub(crate) name: Option<String>,
    pub(crate) metadata: Option<Metadata>,
    #[serde(default)]
    pub(crate) currency_options: BTreeMap<String, CurrencyAmount>,
    #[serde(default)]
    pub(crate) expand: Vec<String>,
}

/// `promotion[coupon]` (clover on) or `coupon` (basil).
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct Promotion {
    pub(crate) coupon: Option<String>,
}

/// A promotion code's `restrictions`.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct Restrictions {
    pub(crate) first_time_transaction: Option<bool>,
    pub(crate) minimum_amount: Option<i64>,
    pub(crate) minimum_amount_currency: Option<String>,
    #[serde(default)]
    pub(crate) currency_options: BTreeMap<String, CurrencyAmount>,
}

/// `POST /v1/promotion_codes`, in either version's shape.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct CreatePromotionCode {
    pub(crate) coupon: Option<String>,
    pub(crate) promotion: Option<Promotion>,
    pub(crate) code: Option<String>,
    pub(crate) active: Option<bool>,
    pub(crate) customer: Option<String>,
    pub(crate) expires_at: Option<i64>,
    pub(crate) max_redemptions: Option<u64>,
    pub(crate) metadata: Option<Metadata>,
    pub(crate) restrictions: Option<Restrictions>,
    #[serde(default)]
    pub(crate) expand: Vec<String>,
}

impl CreatePromotionCode {
    /// The coupon it promotes, wherever the version puts it.
    pub(crate) fn coupon_id(&self) -> Option<&str> {
        self.coupon
            .as_deref()
            .or_else(|| self.promotion.as_ref()?.coupon.as_deref())
    }
}

/// `POST /v1/promotion_codes/{id}`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct UpdatePromotionCode {
    pub(crate) active: Option<bool>,
    pub(crate) metadata: Option<Metadata>,
    #[serde(default)]
    pub(crate) expand: Vec<String>,
}

/// `GET /v1/promotion_codes`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ListPromotionCodes {
    #[serde(flatten)]
    pub(crate) page: Page,
    pub(crate) code: Option<String>,
    pub(crate) active: Option<bool>,
    pub(crate) coupon: Option<String>,
    pub(crate) customer: Option<String>,
    pub(crate) created: Option<Created>,
    /// The emulator makes no customer accounts: set, it matches no code.
    pub(crate) customer_account: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_empty_value_clears_and_anything_else_sets() {
        let update: UpdateSession =
            read(&json!({"discounts": "", "metadata": {"k": "v", "gone": ""}})).unwrap();
        assert_eq!(
            update.discounts.map(|d| matches!(d, Clear::Clear)),
            Some(true)
        );
        let Some(Clear::Set(metadata)) = update.metadata else {
            panic!("metadata is set");
        };
        assert_eq!(metadata["gone"], "");
        let set: UpdateSession = read(&json!({"discounts": [{"coupon": "C"}]})).unwrap();
        assert!(
            matches!(set.discounts, Some(Clear::Set(ref d)) if d[0].coupon.as_deref() == Some("C"))
        );
    }

    #[test]
    fn created_filters_match_at_their_edges() {
        let exact: Created = serde_json::from_value(json!(10)).unwrap();
        assert!(exact.matches(10) && !exact.matches(11));
        let range: Created = serde_json::from_value(json!({"gte": 10, "lt": 20})).unwrap();
        assert!(range.matches(10) && range.matches(19) && !range.matches(20) && !range.matches(9));
        let open: Created = serde_json::from_value(json!({"gt": 10, "lte": 20})).unwrap();
        assert!(!open.matches(10) && open.matches(20) && !open.matches(21));
    }

    #[test]
    fn grouped_permissions_fold_into_the_flat_ones() {
        let grouped: Permissions = read(&json!({
            "update_discounts": "server_only",
            "update": {"line_items": "server_only", "shipping_details": "client_only"}
        }))
        .unwrap();
        let flat = grouped.flattened();
        assert_eq!(flat.update_line_items.as_deref(), Some("server_only"));
        assert_eq!(flat.update_shipping_details.as_deref(), Some("client_only"));
        assert!(flat.update.is_none());
    }

    #[test]
    fn a_promotion_code_names_its_coupon_in_either_shape() {
        let basil: CreatePromotionCode = read(&json!({"coupon": "C1"})).unwrap();
        let clover: CreatePromotionCode =
            read(&json!({"promotion": {"type": "coupon", "coupon": "C2"}})).unwrap();
        assert_eq!(basil.coupon_id(), Some("C1"));
        assert_eq!(clover.coupon_id(), Some("C2"));
    }
}
