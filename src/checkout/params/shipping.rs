//! Shipping in params: a [`ShippingOption`] (an existing rate or an inline
//! [`ShippingRateData`] with its [`FixedAmount`]), and the shipping details a server
//! passes in ([`CollectedInformation`], [`ShippingDetails`], [`Address`]).

use std::collections::BTreeMap;

#[cfg(feature = "deserialize-params")]
use serde::Deserialize;
use serde::Serialize;

use super::checks::*;

use crate::checkout::TaxBehavior;
use crate::checkout::declare::{Check, Param};
use crate::checkout::{CurrencyAmount, DeliveryEstimate};
use crate::error::{Error, Result};
use crate::metadata::{Metadata, metadata_setter};
use crate::resources::check_currency;
use crate::wire::encode::encoded_struct;
use crate::wire::stripe_enum::stripe_enum;

encoded_struct! {
    /// One shipping option: an existing shipping rate (`shr_…`) or one described inline.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{ShippingOption, ShippingRateData};
    /// let standard = ShippingOption::shipping_rate("shr_standard");
    /// let express = ShippingOption::shipping_rate_data(ShippingRateData::fixed_amount("Express", 1500, "usd"));
    /// assert!(express.shipping_rate.is_none());
    /// ```
    #[derive(Clone, Debug, PartialEq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct ShippingOption {
        /// An existing shipping rate (`shr_…`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub shipping_rate: Option<String>,
        /// A shipping rate described inline.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub shipping_rate_data: Option<ShippingRateData>,
    }
}

impl ShippingOption {
    /// An existing shipping rate by id.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::ShippingOption;
    /// assert_eq!(ShippingOption::shipping_rate("shr_1").shipping_rate.as_deref(), Some("shr_1"));
    /// ```
    pub fn shipping_rate(id: impl Into<String>) -> Self {
        Self {
            shipping_rate: Some(id.into()),
            shipping_rate_data: None,
        }
    }

    /// A shipping rate described inline.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{ShippingOption, ShippingRateData};
    /// let o = ShippingOption::shipping_rate_data(ShippingRateData::fixed_amount("Free", 0, "usd"));
    /// assert!(o.shipping_rate_data.is_some());
    /// ```
    pub fn shipping_rate_data(data: ShippingRateData) -> Self {
        Self {
            shipping_rate: None,
            shipping_rate_data: Some(data),
        }
    }

    pub(super) fn validate(&self, prefix: &str) -> Result<()> {
        match (&self.shipping_rate, &self.shipping_rate_data) {
            (Some(id), None) => check_not_empty(&format!("{prefix}[shipping_rate]"), id),
            (None, Some(data)) => data.validate(&format!("{prefix}[shipping_rate_data]")),
            _ => Err(Error::invalid_param(
                prefix,
                "set exactly one of `shipping_rate` or `shipping_rate_data`",
            )),
        }
    }
}

stripe_enum!(
    /// The kind of an inline shipping rate.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::enums::ShippingRateType;
    /// assert_eq!(ShippingRateType::FixedAmount.as_str(), "fixed_amount");
    /// ```
    ShippingRateType {
        /// A fixed amount, whatever the order.
        FixedAmount = "fixed_amount",
    }
);

encoded_struct! {
    /// An inline shipping rate (`shipping_rate_data`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{ShippingOption, ShippingRateData};
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// use stripe_checkout_client::form;
    ///
    /// let params = UpdateSession::new()
    ///     .shipping_option(ShippingOption::shipping_rate_data(ShippingRateData::fixed_amount("Express", 1500, "usd")));
    /// let pairs: Vec<String> = form::to_pairs(&params)?
    ///     .into_iter()
    ///     .map(|(k, v)| format!("{k}={v}"))
    ///     .collect();
    /// assert_eq!(
    ///     pairs,
    ///     [
    ///         "shipping_options[0][shipping_rate_data][display_name]=Express",
    ///         "shipping_options[0][shipping_rate_data][type]=fixed_amount",
    ///         "shipping_options[0][shipping_rate_data][fixed_amount][amount]=1500",
    ///         "shipping_options[0][shipping_rate_data][fixed_amount][currency]=usd",
    ///     ]
    /// );
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    #[derive(Clone, Debug, PartialEq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct ShippingRateData {
        /// The name customers see (`Express`).
        pub display_name: String,
        /// The kind of rate.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub rate_type as "type": Option<ShippingRateType>,
        /// The amount, for a fixed-amount rate.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub fixed_amount: Option<FixedAmount>,
        /// How long delivery takes (`delivery_estimate`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub delivery_estimate: Option<DeliveryEstimate>,
        /// Metadata stored on the shipping rate (`metadata`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub metadata: Option<Metadata>,
        /// Whether the amount includes tax (`tax_behavior`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub tax_behavior: Option<TaxBehavior>,
        /// A Stripe Tax code, `txcd_…` (`tax_code`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub tax_code: Option<String>,
    }
}

impl ShippingRateData {
    /// A fixed-amount rate: `amount` in `currency`'s smallest unit.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::ShippingRateData;
    /// use stripe_checkout_client::checkout::enums::ShippingRateType;
    /// let r = ShippingRateData::fixed_amount("Express", 1500, "usd");
    /// assert_eq!(r.rate_type, Some(ShippingRateType::FixedAmount));
    /// ```
    pub fn fixed_amount(
        display_name: impl Into<String>,
        amount: i64,
        currency: impl Into<String>,
    ) -> Self {
        Self {
            display_name: display_name.into(),
            rate_type: Some(ShippingRateType::FixedAmount),
            fixed_amount: Some(FixedAmount::new(amount, currency)),
            delivery_estimate: None,
            metadata: None,
            tax_behavior: None,
            tax_code: None,
        }
    }

    option_setters! {
        /// How long delivery takes (`delivery_estimate`).
        delivery_estimate: DeliveryEstimate;
        /// Whether the amount includes tax (`tax_behavior`).
        tax_behavior: TaxBehavior;
        /// The rate's Stripe Tax code (`tax_code`).
        tax_code: String;
    }

    metadata_setter!(
        /// Adds a key to the rate's metadata (`metadata[key]`).
        metadata
    );

    pub(super) fn validate(&self, prefix: &str) -> Result<()> {
        check_not_empty(&format!("{prefix}[display_name]"), &self.display_name)?;
        let param = Param::Name(prefix);
        self.delivery_estimate
            .check(param.field("delivery_estimate"))?;
        self.metadata.check(param.field("metadata"))?;
        self.tax_code.check(param.field("tax_code"))?;
        let fixed_prefix = format!("{prefix}[fixed_amount]");
        match (&self.rate_type, &self.fixed_amount) {
            (None | Some(ShippingRateType::FixedAmount), None) => Err(Error::invalid_param(
                fixed_prefix,
                "is required for a `fixed_amount` rate",
            )),
            (_, Some(fixed)) => fixed.validate(&fixed_prefix),
            (Some(_), None) => Ok(()),
        }
    }
}

encoded_struct! {
    /// The amount of a fixed-amount shipping rate (`fixed_amount`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::FixedAmount;
    /// assert_eq!(FixedAmount::new(500, "usd").amount, 500);
    /// ```
    #[derive(Clone, Debug, PartialEq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct FixedAmount {
        /// The amount in the currency's smallest unit (cents).
        pub amount: i64,
        /// The three-letter ISO currency code (`usd`).
        pub currency: String,
        /// The amount in other currencies, by three-letter code (`currency_options`).
        #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
        pub currency_options: BTreeMap<String, CurrencyAmount>,
    }
}

impl FixedAmount {
    /// Sets the amount in another currency (`currency_options[<currency>]`).
    pub fn currency_option(mut self, currency: impl Into<String>, amount: CurrencyAmount) -> Self {
        self.currency_options.insert(currency.into(), amount);
        self
    }

    /// `amount` in `currency`'s smallest unit.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::FixedAmount;
    /// assert_eq!(FixedAmount::new(0, "eur").currency, "eur");
    /// ```
    pub fn new(amount: i64, currency: impl Into<String>) -> Self {
        Self {
            amount,
            currency: currency.into(),
            currency_options: BTreeMap::new(),
        }
    }

    pub(super) fn validate(&self, prefix: &str) -> Result<()> {
        if self.amount < 0 {
            return Err(Error::invalid_param(
                format!("{prefix}[amount]"),
                format!("must not be negative, got {}", self.amount),
            ));
        }
        check_currency(&format!("{prefix}[currency]"), &self.currency)?;
        for (currency, option) in &self.currency_options {
            let param = format!("{prefix}[currency_options][{currency}]");
            check_currency(&param, currency)?;
            if option.amount < 0 {
                return Err(Error::invalid_param(
                    format!("{param}[amount]"),
                    format!("must not be negative, got {}", option.amount),
                ));
            }
        }
        Ok(())
    }
}

encoded_struct! {
    /// Information collected on your own page and passed to the session
    /// (`collected_information`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{Address, CollectedInformation, ShippingDetails};
    /// let info = CollectedInformation::shipping_details(ShippingDetails::new("Jenny Rosen", Address::new("1 Main St", "US")));
    /// assert!(info.shipping_details.is_some());
    /// ```
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct CollectedInformation {
        /// Where to ship.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub shipping_details: Option<ShippingDetails>,
    }
}

impl CollectedInformation {
    /// Collected shipping details.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{Address, CollectedInformation, ShippingDetails};
    /// let details = ShippingDetails::new("Jenny Rosen", Address::new("1 Main St", "US"));
    /// assert_eq!(CollectedInformation::shipping_details(details.clone()).shipping_details, Some(details));
    /// ```
    pub fn shipping_details(details: ShippingDetails) -> Self {
        Self {
            shipping_details: Some(details),
        }
    }

    pub(super) fn validate(&self, prefix: &str) -> Result<()> {
        match &self.shipping_details {
            Some(details) => details.validate(&format!("{prefix}[shipping_details]")),
            None => Ok(()),
        }
    }
}

encoded_struct! {
    /// A name and address to ship to (`shipping_details`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{Address, ShippingDetails};
    /// let d = ShippingDetails::new("Jenny Rosen", Address::new("1 Main St", "US").state("CA"));
    /// assert_eq!(d.address.state.as_deref(), Some("CA"));
    /// ```
    #[derive(Clone, Debug, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct ShippingDetails {
        /// The recipient's name.
        pub name: String,
        /// The address.
        pub address: Address,
    }
}

impl ShippingDetails {
    /// Ship to `name` at `address`.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{Address, ShippingDetails};
    /// assert_eq!(ShippingDetails::new("Jenny", Address::new("1 Main St", "US")).name, "Jenny");
    /// ```
    pub fn new(name: impl Into<String>, address: Address) -> Self {
        Self {
            name: name.into(),
            address,
        }
    }

    pub(super) fn validate(&self, prefix: &str) -> Result<()> {
        check_not_empty(&format!("{prefix}[name]"), &self.name)?;
        self.address.validate(&format!("{prefix}[address]"))
    }
}

encoded_struct! {
    /// A postal address; `line1` and `country` are required.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::Address;
    /// let a = Address::new("1 Main St", "US")
    ///     .line2("Apt 2")
    ///     .city("Springfield")
    ///     .state("IL")
    ///     .postal_code("62701");
    /// assert_eq!(a.country, "US");
    /// ```
    #[derive(Clone, Debug, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct Address {
        /// Street, PO box or company name.
        pub line1: String,
        /// Apartment, suite, unit or building.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub line2: Option<String>,
        /// City, district, suburb, town or village.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub city: Option<String>,
        /// State, county, province or region.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub state: Option<String>,
        /// ZIP or postal code.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub postal_code: Option<String>,
        /// Two-letter ISO country code (`US`).
        pub country: String,
    }
}

impl Address {
    /// An address at `line1` in `country` (two-letter ISO code).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::Address;
    /// assert_eq!(Address::new("1 Main St", "US").line1, "1 Main St");
    /// ```
    pub fn new(line1: impl Into<String>, country: impl Into<String>) -> Self {
        Self {
            line1: line1.into(),
            line2: None,
            city: None,
            state: None,
            postal_code: None,
            country: country.into(),
        }
    }

    option_setters! {
        /// Apartment, suite, unit or building (`line2`).
        line2: String;
        /// City, district, suburb, town or village (`city`).
        city: String;
        /// State, county, province or region (`state`).
        state: String;
        /// ZIP or postal code (`postal_code`).
        postal_code: String;
    }

    pub(super) fn validate(&self, prefix: &str) -> Result<()> {
        check_not_empty(&format!("{prefix}[line1]"), &self.line1)?;
        check_country(&format!("{prefix}[country]"), &self.country)
    }
}
