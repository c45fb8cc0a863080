//! The local checks the checkout params files share (countries, discounts, quantities, list
//! paging), and the enums of Checkout as a whole marked as having nothing to check. No params
//! type lives here; how they are declared is [`declare`](crate::declare)'s.

use crate::declare::params::Param;
use crate::error::{Error, Result};
use crate::resources::Discount;

pub(super) use crate::sending::paging::{check_cursors, check_limit};

/// Checks a two-letter ISO country code, in capitals as Stripe writes them (`US`).
pub(super) fn check_country(param: Param<'_>, country: &str) -> Result<()> {
    if country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(param.invalid(format!(
            "must be a two-letter iso country code in capitals, got `{country}`"
        )))
    }
}

/// At most one discount (each checks itself).
pub(super) fn validate_discounts(discounts: &[Discount]) -> Result<()> {
    if discounts.len() > 1 {
        return Err(Error::invalid_param(
            "discounts",
            format!(
                "a checkout session takes at most one discount, got {}",
                discounts.len()
            ),
        ));
    }
    Ok(())
}

/// A quantity, if given, is at least 1.
pub(super) fn check_quantity(param: Param<'_>, quantity: Option<u64>) -> Result<()> {
    if quantity == Some(0) {
        return Err(param.field("quantity").invalid("must be at least 1"));
    }
    Ok(())
}

// The enums of Checkout as a whole have nothing to check locally.
crate::declare::params::unchecked!(
    crate::checkout::BillingAddressCollection,
    crate::checkout::PaymentStatus,
    crate::checkout::PermissionOwner,
    crate::checkout::RecurringInterval,
    crate::checkout::RedirectOnCompletion,
    crate::checkout::SessionMode,
    crate::checkout::SessionStatus,
    crate::checkout::UiMode,
);
