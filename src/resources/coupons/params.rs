//! The params of the coupon endpoints: [`CreateCoupon`] (with [`CouponProducts`] and
//! [`CouponCurrencyAmount`]), [`UpdateCoupon`] and [`ListCoupons`], with their setters and the
//! rules checked before sending.
//!
//! The endpoints that send them are `coupons.rs`; the answer is [`Coupon`](super::Coupon).

use std::collections::BTreeMap;

#[cfg(feature = "deserialize-params")]
use serde::Deserialize;
use serde::Serialize;

use crate::declare::extra::{ExtraParams, extra_setters};
use crate::declare::param_checks::{
    check_rejected, check_texts, expand_setter, option_setters, plain_setters,
};
use crate::error::{Error, Result};
use crate::ids::{CouponId, IntoId, RejectedId, take_id};
use crate::metadata::{Metadata, metadata_setter};
use crate::resources::coupons::CouponDuration;
use crate::resources::discount::{CouponData, check_coupon_name, check_currency};
use crate::sending::paging::{check_cursors, check_limit};
use crate::versions::version_gate::VersionGates;
use crate::wire::encode::encoded_struct;

encoded_struct! {
    /// Parameters for [`Coupons::create`](crate::coupons::Coupons::create)
    /// (`POST /v1/coupons`): an amount or a percentage off, and who may redeem it for how
    /// long.
    ///
    /// ```
    /// use stripe_checkout_client::ApiVersion;
    /// use stripe_checkout_client::coupons::CreateCoupon;
    ///
    /// let params = CreateCoupon::amount_off(1_000, "usd")
    ///     .id("TENOFF")
    ///     .name("Ten off")
    ///     .currency_option("eur", 900)
    ///     .max_redemptions(100)
    ///     .applies_to_products(["prod_jacket"]);
    /// let sent: Vec<String> = params
    ///     .form_pairs(&ApiVersion::newest_ga())?
    ///     .into_iter()
    ///     .map(|(k, v)| format!("{k}={v}"))
    ///     .collect();
    /// assert_eq!(
    ///     sent,
    ///     [
    ///         "id=TENOFF",
    ///         "name=Ten off",
    ///         "amount_off=1000",
    ///         "currency=usd",
    ///         "currency_options[eur][amount_off]=900",
    ///         "max_redemptions=100",
    ///         "applies_to[products][0]=prod_jacket",
    ///     ]
    /// );
    /// # Ok::<(), stripe_checkout_client::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct CreateCoupon {
        /// The coupon's id, which you apply it by (`SUMMER25`); Stripe generates one when unset.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub id: Option<CouponId>,
        /// The name customers see on receipts and the checkout page (at most 40 characters).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub name: Option<String>,
        /// The amount to take off, in `currency`'s smallest unit.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub amount_off: Option<i64>,
        /// The three-letter ISO currency code of `amount_off`.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub currency: Option<String>,
        /// The amount off in other currencies, by currency code (amount coupons only).
        #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
        pub currency_options: BTreeMap<String, CouponCurrencyAmount>,
        /// The percentage to take off, in `(0, 100]`.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub percent_off: Option<f64>,
        /// How long the discount lasts on a subscription (Stripe's default: once).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub duration: Option<CouponDuration>,
        /// How many months a repeating discount lasts.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub duration_in_months: Option<i64>,
        /// How many times the coupon can be redeemed in all.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub max_redemptions: Option<u64>,
        /// The last time the coupon can be redeemed, as a Unix timestamp (at most five years
        /// ahead).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub redeem_by: Option<i64>,
        /// Only these products are discounted.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub applies_to: Option<CouponProducts>,
        /// Metadata stored on the coupon.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub metadata: Option<Metadata>,
        /// Fields of the answer to expand.
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub expand: Vec<String>,
        #[serde(skip)]
        rejected_id: Option<RejectedId>,
        #[serde(skip)]
        pub(crate) extra: ExtraParams,
    }
}

encoded_struct! {
    /// The products a coupon applies to (`applies_to`).
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct CouponProducts {
        /// Product ids (`prod_…`).
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub products: Vec<String>,
    }
}

encoded_struct! {
    /// A coupon's amount off in one more currency (`currency_options[<currency>]`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct CouponCurrencyAmount {
        /// The amount off, in that currency's smallest unit.
        pub amount_off: i64,
    }
}

impl CreateCoupon {
    /// A coupon for a fixed amount off, in `currency`'s smallest unit.
    pub fn amount_off(amount: i64, currency: impl Into<String>) -> Self {
        Self::from_data(CouponData::amount_off(amount, currency))
    }

    /// A coupon for a percentage off, in `(0, 100]`.
    pub fn percent_off(percent: f64) -> Self {
        Self::from_data(CouponData::percent_off(percent))
    }

    fn from_data(data: CouponData) -> Self {
        Self {
            id: None,
            name: data.name,
            amount_off: data.amount_off,
            currency: data.currency,
            currency_options: BTreeMap::new(),
            percent_off: data.percent_off,
            duration: data.duration,
            duration_in_months: data.duration_in_months,
            max_redemptions: None,
            redeem_by: None,
            applies_to: None,
            metadata: data.metadata,
            expand: Vec::new(),
            rejected_id: None,
            extra: ExtraParams::default(),
        }
    }

    /// The coupon's id (`id`).
    pub fn id(mut self, id: impl IntoId<CouponId>) -> Self {
        self.id = take_id(id, "id", &mut self.rejected_id);
        self
    }

    option_setters! {
        /// The name customers see (`name`).
        name: String;
        /// How long the discount lasts on a subscription (`duration`); see
        /// [`repeating`](Self::repeating) for a number of months.
        duration: CouponDuration;
    }

    /// A discount repeating for `months` months (`duration=repeating`, `duration_in_months`).
    pub fn repeating(mut self, months: i64) -> Self {
        self.duration = Some(CouponDuration::Repeating);
        self.duration_in_months = Some(months);
        self
    }

    /// The amount off in another currency (`currency_options[<currency>][amount_off]`).
    pub fn currency_option(mut self, currency: impl Into<String>, amount_off: i64) -> Self {
        self.currency_options
            .insert(currency.into(), CouponCurrencyAmount { amount_off });
        self
    }

    plain_setters! {
        /// How many times the coupon can be redeemed in all (`max_redemptions`).
        max_redemptions: u64;
        /// The last time it can be redeemed, as a Unix timestamp (`redeem_by`).
        redeem_by: i64;
    }

    /// Only these products are discounted (`applies_to[products]`).
    pub fn applies_to_products<I>(mut self, products: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.applies_to
            .get_or_insert_with(CouponProducts::default)
            .products
            .extend(products.into_iter().map(Into::into));
        self
    }

    metadata_setter! {
        /// Sets one metadata key on the coupon (`metadata[key]`).
        metadata
    }

    expand_setter!();

    extra_setters!();

    /// Checks the rules Stripe documents, before anything is sent.
    pub(crate) fn validate(&self) -> Result<()> {
        check_rejected("", self.rejected_id.as_ref())?;
        let shared = CouponData {
            name: self.name.clone(),
            amount_off: self.amount_off,
            currency: self.currency.clone(),
            percent_off: self.percent_off,
            duration: self.duration.clone(),
            duration_in_months: self.duration_in_months,
            metadata: self.metadata.clone(),
        };
        shared.validate("")?;
        if !self.currency_options.is_empty() && self.amount_off.is_none() {
            return Err(Error::invalid_param(
                "currency_options",
                "is only supported with `amount_off`",
            ));
        }
        check_currency_options(&self.currency_options)?;
        if self.max_redemptions == Some(0) {
            return Err(Error::invalid_param(
                "max_redemptions",
                "must be at least 1",
            ));
        }
        if self.redeem_by.is_some_and(|at| at <= 0) {
            return Err(Error::invalid_param(
                "redeem_by",
                "must be a Unix timestamp in seconds",
            ));
        }
        if let Some(applies_to) = &self.applies_to {
            if let Some(i) = applies_to.products.iter().position(String::is_empty) {
                return Err(Error::invalid_param(
                    format!("applies_to[products][{i}]"),
                    "must be a product id",
                ));
            }
        }
        check_texts("expand", &self.expand)
    }
}

encoded_struct! {
    /// Parameters for [`Coupons::update`](crate::coupons::Coupons::update)
    /// (`POST /v1/coupons/{id}`): only the name, the metadata and the other currencies'
    /// amounts of a coupon can change.
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct UpdateCoupon {
        /// The name customers see.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub name: Option<String>,
        /// The amount off in other currencies, by currency code.
        #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
        pub currency_options: BTreeMap<String, CouponCurrencyAmount>,
        /// Metadata to set; [`Metadata::clear`] removes every key.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub metadata: Option<Metadata>,
        /// Fields of the answer to expand.
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub expand: Vec<String>,
        #[serde(skip)]
        pub(crate) extra: ExtraParams,
    }
}

impl UpdateCoupon {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// The name customers see (`name`).
        name: String;
    }

    /// The amount off in another currency (`currency_options[<currency>][amount_off]`).
    pub fn currency_option(mut self, currency: impl Into<String>, amount_off: i64) -> Self {
        self.currency_options
            .insert(currency.into(), CouponCurrencyAmount { amount_off });
        self
    }

    metadata_setter! {
        /// Sets one metadata key (`metadata[key]`).
        metadata
    }

    /// Removes every metadata key (`metadata=`).
    pub fn clear_metadata(mut self) -> Self {
        self.metadata = Some(Metadata::clear());
        self
    }

    expand_setter!();

    extra_setters!();

    pub(crate) fn validate(&self) -> Result<()> {
        if let Some(name) = &self.name {
            check_coupon_name("name", name)?;
        }
        check_currency_options(&self.currency_options)?;
        if let Some(metadata) = &self.metadata {
            metadata.validate("metadata")?;
        }
        check_texts("expand", &self.expand)
    }
}

encoded_struct! {
    /// Parameters for [`Coupons::list`](crate::coupons::Coupons::list)
    /// (`GET /v1/coupons`): pagination, newest first.
    #[derive(Clone, Debug, Default, PartialEq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct ListCoupons {
        /// Page size, 1 to 100 (Stripe's default is 10).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub limit: Option<u32>,
        /// Cursor: the page after this coupon.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub starting_after: Option<CouponId>,
        /// Cursor: the page before this coupon.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub ending_before: Option<CouponId>,
        /// Fields of each coupon to expand (prefix them with `data.`).
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub expand: Vec<String>,
        #[serde(skip)]
        rejected_id: Option<RejectedId>,
        #[serde(skip)]
        pub(crate) extra: ExtraParams,
    }
}

impl ListCoupons {
    /// The first page, Stripe's default size.
    pub fn new() -> Self {
        Self::default()
    }

    plain_setters! {
        /// Page size, 1 to 100 (`limit`).
        limit: u32;
    }

    /// The page after this coupon (`starting_after`).
    pub fn starting_after(mut self, id: impl IntoId<CouponId>) -> Self {
        self.starting_after = take_id(id, "starting_after", &mut self.rejected_id);
        self
    }

    /// The page before this coupon (`ending_before`).
    pub fn ending_before(mut self, id: impl IntoId<CouponId>) -> Self {
        self.ending_before = take_id(id, "ending_before", &mut self.rejected_id);
        self
    }

    expand_setter!();

    extra_setters!();

    pub(crate) fn validate(&self) -> Result<()> {
        check_rejected("", self.rejected_id.as_ref())?;
        check_limit(self.limit)?;
        check_cursors(self.starting_after.is_some(), self.ending_before.is_some())?;
        check_texts("expand", &self.expand)
    }
}

impl VersionGates for CreateCoupon {}

impl VersionGates for UpdateCoupon {}

impl VersionGates for ListCoupons {}

/// Each other currency is an ISO code with a positive amount.
fn check_currency_options(options: &BTreeMap<String, CouponCurrencyAmount>) -> Result<()> {
    for (currency, option) in options {
        let param = format!("currency_options[{currency}]");
        check_currency(&param, currency)?;
        if option.amount_off <= 0 {
            return Err(Error::invalid_param(
                format!("{param}[amount_off]"),
                "must be a positive amount",
            ));
        }
    }
    Ok(())
}
