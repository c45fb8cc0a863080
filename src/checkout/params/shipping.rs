//! Shipping in params: a [`ShippingOption`] (an existing rate or an inline
//! [`ShippingRateData`] with its [`FixedAmount`]), and the shipping details a server
//! passes in ([`CollectedInformation`], [`ShippingDetails`], [`Address`]).

use super::checks::*;

use crate::checkout::TaxBehavior;
use crate::checkout::{CurrencyAmount, DeliveryEstimate};
use crate::declare::params::{Param, params, unchecked};
use crate::error::{Error, Result};
use crate::metadata::Metadata;
use crate::resources::check_currency;
use crate::wire::stripe_enum::stripe_enum;

unchecked!(ShippingRateType);

params! {
    /// One shipping option: an existing shipping rate (`shr_…`) or one described inline.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{ShippingOption, ShippingRateData};
    /// let standard = ShippingOption::shipping_rate("shr_standard");
    /// let express = ShippingOption::shipping_rate_data(ShippingRateData::fixed_amount("Express", 1500, "usd"));
    /// assert!(express.shipping_rate.is_none());
    /// ```
    pub struct ShippingOption {
        /// An existing shipping rate (`shr_…`).
        shipping_rate: String => constructed,
        /// A shipping rate described inline.
        shipping_rate_data: ShippingRateData => constructed,
    }
    check(shipping_option_rules);
    new(empty);
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
            ..Self::empty()
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
            shipping_rate_data: Some(data),
            ..Self::empty()
        }
    }
}

fn shipping_option_rules(option: &ShippingOption, param: Param<'_>) -> Result<()> {
    match (&option.shipping_rate, &option.shipping_rate_data) {
        (Some(_), None) | (None, Some(_)) => Ok(()),
        _ => Err(param.invalid("set exactly one of `shipping_rate` or `shipping_rate_data`")),
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

params! {
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
    pub struct ShippingRateData {
        /// The name customers see (`Express`).
        display_name: String => required,
        /// The kind of rate.
        rate_type as "type": ShippingRateType => constructed,
        /// The amount, for a fixed-amount rate.
        fixed_amount: FixedAmount => constructed,
        /// How long delivery takes (`delivery_estimate`).
        delivery_estimate: DeliveryEstimate => into,
        /// Metadata stored on the shipping rate (`metadata`).
        metadata: Metadata => metadata,
        /// Whether the amount includes tax (`tax_behavior`).
        tax_behavior: TaxBehavior => into,
        /// A Stripe Tax code, `txcd_…` (`tax_code`).
        tax_code: String => into,
    }
    check(shipping_rate_rules);
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
            rate_type: Some(ShippingRateType::FixedAmount),
            fixed_amount: Some(FixedAmount::new(amount, currency)),
            ..Self::new(display_name)
        }
    }
}

fn shipping_rate_rules(data: &ShippingRateData, param: Param<'_>) -> Result<()> {
    match (&data.rate_type, &data.fixed_amount) {
        (None | Some(ShippingRateType::FixedAmount), None) => Err(param
            .field("fixed_amount")
            .invalid("is required for a `fixed_amount` rate")),
        _ => Ok(()),
    }
}

params! {
    /// The amount of a fixed-amount shipping rate (`fixed_amount`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::FixedAmount;
    /// assert_eq!(FixedAmount::new(500, "usd").amount, 500);
    /// ```
    pub struct FixedAmount {
        /// The amount in the currency's smallest unit (cents).
        amount: i64 => required_plain,
        /// The three-letter ISO currency code (`usd`).
        currency: String => required,
        /// The amount in other currencies, by three-letter code (`currency_options`).
        currency_options: CurrencyAmount => map(currency_option),
    }
    check(fixed_amount_rules);
}

fn fixed_amount_rules(amount: &FixedAmount, param: Param<'_>) -> Result<()> {
    if amount.amount < 0 {
        return Err(param
            .field("amount")
            .invalid(format!("must not be negative, got {}", amount.amount)));
    }
    check_currency(param.field("currency"), &amount.currency)?;
    let options = param.field("currency_options");
    for (currency, option) in &amount.currency_options {
        let named = format!("{options}[{currency}]");
        check_currency(Param::Name(&named), currency)?;
        if option.amount < 0 {
            return Err(Error::invalid_param(
                format!("{named}[amount]"),
                format!("must not be negative, got {}", option.amount),
            ));
        }
    }
    Ok(())
}

params! {
    /// Information collected on your own page and passed to the session
    /// (`collected_information`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{Address, CollectedInformation, ShippingDetails};
    /// let info = CollectedInformation::shipping_details(ShippingDetails::new("Jenny Rosen", Address::new("1 Main St", "US")));
    /// assert!(info.shipping_details.is_some());
    /// ```
    #[derive(Default, Eq)]
    pub struct CollectedInformation {
        /// Where to ship.
        shipping_details: ShippingDetails => constructed,
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
            ..Self::new()
        }
    }
}

params! {
    /// A name and address to ship to (`shipping_details`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{Address, ShippingDetails};
    /// let d = ShippingDetails::new("Jenny Rosen", Address::new("1 Main St", "US").state("CA"));
    /// assert_eq!(d.address.state.as_deref(), Some("CA"));
    /// ```
    #[derive(Eq)]
    pub struct ShippingDetails {
        /// The recipient's name.
        name: String => required,
        /// The address.
        address: Address => required,
    }
}

params! {
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
    #[derive(Eq)]
    pub struct Address {
        /// Street, PO box or company name.
        line1: String => required,
        /// Apartment, suite, unit or building.
        line2: String => into,
        /// City, district, suburb, town or village.
        city: String => into,
        /// State, county, province or region.
        state: String => into,
        /// ZIP or postal code.
        postal_code: String => into,
        /// Two-letter ISO country code (`US`).
        country: String => required,
    }
    check(address_rules);
}

fn address_rules(address: &Address, param: Param<'_>) -> Result<()> {
    check_country(param.field("country"), &address.country)
}
