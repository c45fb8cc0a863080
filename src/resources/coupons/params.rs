//! The params of the coupon endpoints: [`CreateCoupon`] (with [`CouponProducts`] and
//! [`CouponCurrencyAmount`]), [`UpdateCoupon`] and [`ListCoupons`], with their setters and the
//! rules checked before sending.
//!
//! The endpoints that send them are `handler.rs`; the answer is [`Coupon`](super::Coupon).

use std::collections::BTreeMap;

use crate::declare::extra::ExtraParams;
use crate::declare::params::{Param, params};
use crate::error::{Error, Result};
use crate::ids::CouponId;
use crate::metadata::Metadata;
use crate::resources::coupons::CouponDuration;
use crate::resources::discount::{CouponData, check_coupon_name, check_currency};
use crate::sending::paging::{check_cursors, check_limit};
use crate::versions::version_gate::VersionGates;

params! {
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
    pub struct CreateCoupon {
        /// The coupon's id, which you apply it by (`SUMMER25`); Stripe generates one when unset.
        id: CouponId => id,
        /// The name customers see on receipts and the checkout page (at most 40 characters).
        name: String => into,
        /// The amount to take off, in `currency`'s smallest unit.
        amount_off: i64 => constructed,
        /// The three-letter ISO currency code of `amount_off`.
        currency: String => constructed,
        /// The amount off in other currencies, by currency code (amount coupons only).
        currency_options: CouponCurrencyAmount => map,
        /// The percentage to take off, in `(0, 100]`.
        percent_off: f64 => constructed,
        /// How long the discount lasts on a subscription (Stripe's default: once).
        duration: CouponDuration => into,
        /// How many months a repeating discount lasts.
        duration_in_months: i64 => plain,
        /// How many times the coupon can be redeemed in all.
        max_redemptions: u64 => plain,
        /// The last time the coupon can be redeemed, as a Unix timestamp (at most five years
        /// ahead).
        redeem_by: i64 => plain,
        /// Only these products are discounted.
        applies_to: CouponProducts => into,
        /// Metadata stored on the coupon.
        metadata: Metadata => metadata,
        /// Fields of the answer to expand.
        expand: String => expand,
        /// Untyped params sent after the typed ones (`extra_param`, `extra_json`).
        extra: ExtraParams => extra,
    }
    check(create_rules);
    new(empty);
}

params! {
    /// The products a coupon applies to (`applies_to`).
    #[derive(Default, Eq)]
    pub struct CouponProducts {
        /// Product ids (`prod_…`).
        products: String => list,
    }
}

params! {
    /// A coupon's amount off in one more currency (`currency_options[<currency>]`).
    #[derive(Eq)]
    pub struct CouponCurrencyAmount {
        /// The amount off, in that currency's smallest unit.
        amount_off: i64 => required_plain,
    }
}

impl CreateCoupon {
    /// A coupon for a fixed amount off, in `currency`'s smallest unit.
    pub fn amount_off(amount: i64, currency: impl Into<String>) -> Self {
        Self {
            amount_off: Some(amount),
            currency: Some(currency.into()),
            ..Self::empty()
        }
    }

    /// A coupon for a percentage off, in `(0, 100]`.
    pub fn percent_off(percent: f64) -> Self {
        Self {
            percent_off: Some(percent),
            ..Self::empty()
        }
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
            .insert(currency.into(), CouponCurrencyAmount::new(amount_off));
        self
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
}

fn create_rules(coupon: &CreateCoupon, _: Param<'_>) -> Result<()> {
    let mut shared = CouponData::percent_off(0.0);
    shared.name.clone_from(&coupon.name);
    shared.amount_off = coupon.amount_off;
    shared.currency.clone_from(&coupon.currency);
    shared.percent_off = coupon.percent_off;
    shared.duration.clone_from(&coupon.duration);
    shared.duration_in_months = coupon.duration_in_months;
    shared.metadata.clone_from(&coupon.metadata);
    shared.validate("")?;
    if !coupon.currency_options.is_empty() && coupon.amount_off.is_none() {
        return Err(Error::invalid_param(
            "currency_options",
            "is only supported with `amount_off`",
        ));
    }
    check_currency_options(&coupon.currency_options)?;
    if coupon.max_redemptions == Some(0) {
        return Err(Error::invalid_param(
            "max_redemptions",
            "must be at least 1",
        ));
    }
    if coupon.redeem_by.is_some_and(|at| at <= 0) {
        return Err(Error::invalid_param(
            "redeem_by",
            "must be a Unix timestamp in seconds",
        ));
    }
    if let Some(applies_to) = &coupon.applies_to {
        if let Some(i) = applies_to.products.iter().position(String::is_empty) {
            return Err(Error::invalid_param(
                format!("applies_to[products][{i}]"),
                "must be a product id",
            ));
        }
    }
    Ok(())
}

params! {
    /// Parameters for [`Coupons::update`](crate::coupons::Coupons::update)
    /// (`POST /v1/coupons/{id}`): only the name, the metadata and the other currencies'
    /// amounts of a coupon can change.
    #[derive(Default)]
    pub struct UpdateCoupon {
        /// The name customers see.
        name: String => into,
        /// The amount off in other currencies, by currency code.
        currency_options: CouponCurrencyAmount => map,
        /// Metadata to set; [`Metadata::clear`] removes every key.
        metadata: Metadata => metadata_update,
        /// Fields of the answer to expand.
        expand: String => expand,
        /// Untyped params sent after the typed ones (`extra_param`, `extra_json`).
        extra: ExtraParams => extra,
    }
    check(update_rules);
}

impl UpdateCoupon {
    /// The amount off in another currency (`currency_options[<currency>][amount_off]`).
    pub fn currency_option(mut self, currency: impl Into<String>, amount_off: i64) -> Self {
        self.currency_options
            .insert(currency.into(), CouponCurrencyAmount::new(amount_off));
        self
    }
}

fn update_rules(update: &UpdateCoupon, _: Param<'_>) -> Result<()> {
    if let Some(name) = &update.name {
        check_coupon_name("name", name)?;
    }
    check_currency_options(&update.currency_options)
}

params! {
    /// Parameters for [`Coupons::list`](crate::coupons::Coupons::list)
    /// (`GET /v1/coupons`): pagination, newest first.
    #[derive(Default)]
    pub struct ListCoupons {
        /// Page size, 1 to 100 (Stripe's default is 10).
        limit: u32 => plain,
        /// Cursor: the page after this coupon.
        starting_after: CouponId => id,
        /// Cursor: the page before this coupon.
        ending_before: CouponId => id,
        /// Fields of each coupon to expand (prefix them with `data.`).
        expand: String => expand,
        /// Untyped params sent after the typed ones (`extra_param`, `extra_json`).
        extra: ExtraParams => extra,
    }
    check(list_rules);
}

fn list_rules(list: &ListCoupons, _: Param<'_>) -> Result<()> {
    check_limit(list.limit)?;
    check_cursors(list.starting_after.is_some(), list.ending_before.is_some())
}

impl VersionGates for CreateCoupon {}

impl VersionGates for UpdateCoupon {}

impl VersionGates for ListCoupons {}

/// Each other currency is an ISO code with a positive amount.
fn check_currency_options(options: &BTreeMap<String, CouponCurrencyAmount>) -> Result<()> {
    for (currency, option) in options {
        let param = format!("currency_options[{currency}]");
        check_currency(Param::Name(&param), currency)?;
        if option.amount_off <= 0 {
            return Err(Error::invalid_param(
                format!("{param}[amount_off]"),
                "must be a positive amount",
            ));
        }
    }
    Ok(())
}
