//! Create params that set who may change a session and what its page collects:
//! [`Permissions`] (with [`PermissionsUpdate`]), [`PhoneNumberCollection`],
//! [`AutomaticTax`] and [`ShippingAddressCollection`].

#[cfg(feature = "deserialize-params")]
use serde::Deserialize;
use serde::Serialize;

use super::checks::*;

use crate::checkout::InvoiceIssuer;
use crate::checkout::PermissionOwner;
use crate::error::{Error, Result};
use crate::wire::encode::encoded_struct;

encoded_struct! {
    /// Who may update which part of a session (`permissions`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::PermissionOwner;
    /// use stripe_checkout_client::checkout::params::Permissions;
    /// let p = Permissions::new()
    ///     .update_discounts(PermissionOwner::ServerOnly)
    ///     .update_shipping_details(PermissionOwner::ServerOnly);
    /// assert_eq!(p.update_line_items, None);
    /// ```
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct Permissions {
        /// Who may update the discounts.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub update_discounts: Option<PermissionOwner>,
        /// Who may update the line items.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub update_line_items: Option<PermissionOwner>,
        /// Who may update the shipping details.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub update_shipping_details: Option<PermissionOwner>,
        /// The same permissions for line items and shipping details, grouped (`update`; the
        /// preview).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub update: Option<PermissionsUpdate>,
    }
}

encoded_struct! {
    /// Who may update line items and shipping details (`permissions[update]`; the preview).
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct PermissionsUpdate {
        /// Who may update the line items (`line_items`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub line_items: Option<PermissionOwner>,
        /// Who may update the shipping details (`shipping_details`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub shipping_details: Option<PermissionOwner>,
    }
}

impl PermissionsUpdate {
    /// No permission set.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Who may update the line items (`line_items`).
        line_items: PermissionOwner;
        /// Who may update the shipping details (`shipping_details`).
        shipping_details: PermissionOwner;
    }
}

impl Permissions {
    /// No permission set: Stripe's defaults apply.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::Permissions;
    /// assert_eq!(Permissions::new(), Permissions::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// The grouped permissions for line items and shipping details (`update`; the preview).
    pub fn update(mut self, update: PermissionsUpdate) -> Self {
        self.update = Some(update);
        self
    }

    option_setters! {
        /// Who may update the discounts (`permissions[update_discounts]`).
        update_discounts: PermissionOwner;
        /// Who may update the line items (`permissions[update_line_items]`).
        update_line_items: PermissionOwner;
        /// Who may update the shipping details (`permissions[update_shipping_details]`).
        update_shipping_details: PermissionOwner;
    }
}

encoded_struct! {
    /// Whether to collect the customer's phone number (`phone_number_collection[enabled]`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::PhoneNumberCollection;
    /// assert!(PhoneNumberCollection::from(true).enabled);
    /// ```
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct PhoneNumberCollection {
        /// Whether the phone number is collected.
        pub enabled: bool,
    }
}

impl PhoneNumberCollection {
    /// Collects the phone number when `enabled`.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::PhoneNumberCollection;
    /// assert!(!PhoneNumberCollection::new(false).enabled);
    /// ```
    pub fn new(enabled: bool) -> Self {
        Self { enabled }
    }
}

impl From<bool> for PhoneNumberCollection {
    fn from(enabled: bool) -> Self {
        Self::new(enabled)
    }
}

encoded_struct! {
    /// Whether Stripe Tax computes tax automatically (`automatic_tax[enabled]`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::AutomaticTax;
    /// assert!(AutomaticTax::from(true).enabled);
    /// ```
    #[derive(Clone, Debug, PartialEq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct AutomaticTax {
        /// Whether automatic tax is on.
        pub enabled: bool,
        /// The account liable for the tax, for Connect (`liability`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub liability: Option<AutomaticTaxLiability>,
    }
}

/// The account liable for tax (`automatic_tax[liability]`): the same shape as an invoice's
/// issuer.
pub type AutomaticTaxLiability = InvoiceIssuer;

impl AutomaticTax {
    /// Turns automatic tax on or off.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::AutomaticTax;
    /// assert!(AutomaticTax::new(true).enabled);
    /// ```
    pub fn new(enabled: bool) -> Self {
        Self {
            enabled,
            liability: None,
        }
    }

    option_setters! {
        /// The account liable for the tax (`liability`).
        liability: AutomaticTaxLiability;
    }
}

impl From<bool> for AutomaticTax {
    fn from(enabled: bool) -> Self {
        Self::new(enabled)
    }
}

encoded_struct! {
    /// The countries a shipping address may be in (`shipping_address_collection`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::ShippingAddressCollection;
    /// let s = ShippingAddressCollection::new(["US", "CA"]);
    /// assert_eq!(s.allowed_countries, ["US", "CA"]);
    /// ```
    #[derive(Clone, Debug, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct ShippingAddressCollection {
        /// Two-letter ISO country codes (`US`).
        pub allowed_countries: Vec<String>,
    }
}

impl ShippingAddressCollection {
    /// Ships to these two-letter country codes.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::ShippingAddressCollection;
    /// assert_eq!(ShippingAddressCollection::new(["FR"]).allowed_countries, ["FR"]);
    /// ```
    pub fn new(allowed_countries: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            allowed_countries: allowed_countries.into_iter().map(Into::into).collect(),
        }
    }

    pub(super) fn validate(&self, prefix: &str) -> Result<()> {
        if self.allowed_countries.is_empty() {
            return Err(Error::invalid_param(
                format!("{prefix}[allowed_countries]"),
                "must list at least one country",
            ));
        }
        for (i, country) in self.allowed_countries.iter().enumerate() {
            check_country(&format!("{prefix}[allowed_countries][{i}]"), country)?;
        }
        Ok(())
    }
}
