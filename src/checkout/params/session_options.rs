//! Create params that set who may change a session and what its page collects:
//! [`Permissions`] (with [`PermissionsUpdate`]), [`PhoneNumberCollection`],
//! [`AutomaticTax`] and [`ShippingAddressCollection`].

use super::checks::check_country;

use crate::checkout::InvoiceIssuer;
use crate::checkout::PermissionOwner;
use crate::declare::params::{Param, params};
use crate::error::Result;

params! {
    /// Who may update which part of a session (`permissions`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::PermissionOwner;
    /// use stripe_checkout_client::checkout::params::Permissions;
    /// let p = Permissions::new()
    ///     .update_discounts(PermissionOwner::ServerOnly)
    ///     .update_shipping_details(PermissionOwner::ServerOnly);
    /// assert_eq!(p.update_line_items, None);
    /// assert_eq!(Permissions::new(), Permissions::default());
    /// ```
    #[derive(Default, Eq)]
    pub struct Permissions {
        /// Who may update the discounts (`permissions[update_discounts]`).
        update_discounts: PermissionOwner => into,
        /// Who may update the line items (`permissions[update_line_items]`).
        update_line_items: PermissionOwner => into,
        /// Who may update the shipping details (`permissions[update_shipping_details]`).
        update_shipping_details: PermissionOwner => into,
        /// The same permissions for line items and shipping details, grouped (`update`; the
        /// preview).
        update: PermissionsUpdate => into,
    }
}

params! {
    /// Who may update line items and shipping details (`permissions[update]`; the preview).
    #[derive(Default, Eq)]
    pub struct PermissionsUpdate {
        /// Who may update the line items (`line_items`).
        line_items: PermissionOwner => into,
        /// Who may update the shipping details (`shipping_details`).
        shipping_details: PermissionOwner => into,
    }
}

params! {
    /// Whether to collect the customer's phone number (`phone_number_collection[enabled]`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::PhoneNumberCollection;
    /// assert!(PhoneNumberCollection::from(true).enabled);
    /// assert!(!PhoneNumberCollection::new(false).enabled);
    /// ```
    #[derive(Eq)]
    pub struct PhoneNumberCollection {
        /// Whether the phone number is collected.
        enabled: bool => required_plain,
    }
}

impl From<bool> for PhoneNumberCollection {
    fn from(enabled: bool) -> Self {
        Self::new(enabled)
    }
}

params! {
    /// Whether Stripe Tax computes tax automatically (`automatic_tax[enabled]`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::AutomaticTax;
    /// assert!(AutomaticTax::from(true).enabled);
    /// assert!(!AutomaticTax::new(false).enabled);
    /// ```
    pub struct AutomaticTax {
        /// Whether automatic tax is on.
        enabled: bool => required_plain,
        /// The account liable for the tax, for Connect (`liability`).
        liability: AutomaticTaxLiability => into,
    }
}

/// The account liable for tax (`automatic_tax[liability]`): the same shape as an invoice's
/// issuer.
pub type AutomaticTaxLiability = InvoiceIssuer;

impl From<bool> for AutomaticTax {
    fn from(enabled: bool) -> Self {
        Self::new(enabled)
    }
}

params! {
    /// The countries a shipping address may be in (`shipping_address_collection`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::ShippingAddressCollection;
    /// let s = ShippingAddressCollection::new(["US", "CA"]);
    /// assert_eq!(s.allowed_countries, ["US", "CA"]);
    /// ```
    #[derive(Eq)]
    pub struct ShippingAddressCollection {
        /// Two-letter ISO country codes (`US`), at least one.
        allowed_countries: String => required_list,
    }
    check(countries_allowed);
}

/// The countries as a list, so that `shipping_address_collection(["US", "CA"])` reads as the
/// countries it ships to.
impl<I, S> From<I> for ShippingAddressCollection
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    fn from(countries: I) -> Self {
        Self::new(countries)
    }
}

fn countries_allowed(params: &ShippingAddressCollection, param: Param<'_>) -> Result<()> {
    let countries = param.field("allowed_countries");
    if params.allowed_countries.is_empty() {
        return Err(countries.invalid("must list at least one country"));
    }
    for (i, country) in params.allowed_countries.iter().enumerate() {
        check_country(countries.index(i), country)?;
    }
    Ok(())
}
