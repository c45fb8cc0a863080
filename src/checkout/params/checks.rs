//! What the checkout params files share: the setter macro for list fields, the local checks
//! (ids, countries, optional texts, discounts) and the helpers for clearable lists, with the
//! setters and checks every params type shares re-exported from the core. No params type
//! lives here.

use std::fmt::Display;

use serde::{Serialize, Serializer};

use crate::Clearable;
use crate::error::{Error, Result};
use crate::resources::Discount;

/// Generates `fn name(mut self, values: impl IntoIterator<…>) -> Self` setters for list
/// fields; each replaces the list set before.
macro_rules! list_setters {
    ($($(#[$doc:meta])* $name:ident: $ty:ty;)+) => {
        $(
            $(#[$doc])*
            ///
            /// Replaces the list set before.
            pub fn $name(mut self, values: impl IntoIterator<Item = impl Into<$ty>>) -> Self {
                self.$name = values.into_iter().map(Into::into).collect();
                self
            }
        )+
    };
}

pub(super) use list_setters;

/// Maps an id parse error to [`Error::InvalidParams`] naming `param`.
pub(super) fn check_id<T, E: Display>(
    param: &str,
    parsed: std::result::Result<T, E>,
) -> Result<()> {
    parsed
        .map(drop)
        .map_err(|e| Error::invalid_param(param, e.to_string()))
}

pub(super) use crate::declare::param_checks::{
    check_not_empty, check_rejected, check_texts, option_setters, plain_setters,
};
pub(super) use crate::sending::paging::{check_cursors, check_limit};

/// Checks a two-letter ISO country code, in capitals as Stripe writes them (`US`).
pub(super) fn check_country(param: &str, country: &str) -> Result<()> {
    if country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(Error::invalid_param(
            param,
            format!("must be a two-letter iso country code in capitals, got `{country}`"),
        ))
    }
}

/// [`check_not_empty`] for an optional text.
pub(super) fn check_set_text(param: &str, value: Option<&String>) -> Result<()> {
    value.map_or(Ok(()), |v| check_not_empty(param, v))
}

/// Serializes a clearable list so that an empty `Set` list still clears (`key=`), instead of
/// sending nothing the way an empty list otherwise would.
pub(super) fn clearable_list<S: Serializer, T: Serialize>(
    value: &Option<Clearable<Vec<T>>>,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    match value {
        Some(Clearable::Set(list)) if !list.is_empty() => list.serialize(serializer),
        Some(_) => serializer.serialize_str(""),
        None => serializer.serialize_none(),
    }
}

/// `Set(list)` for a non-empty list, `Clear` for an empty one.
pub(super) fn set_or_clear<T>(list: Vec<T>) -> Clearable<Vec<T>> {
    if list.is_empty() {
        Clearable::Clear
    } else {
        Clearable::Set(list)
    }
}

/// Appends to a clearable list, turning a pending clear (or nothing) into a one-entry list.
pub(super) fn push_clearable<T>(slot: &mut Option<Clearable<Vec<T>>>, item: T) {
    match slot {
        Some(Clearable::Set(list)) => list.push(item),
        _ => *slot = Some(Clearable::Set(vec![item])),
    }
}

/// At most one discount, and that one valid.
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
    for (i, discount) in discounts.iter().enumerate() {
        discount.validate(&format!("discounts[{i}]"))?;
    }
    Ok(())
}

/// A quantity, if given, is at least 1.
pub(super) fn check_quantity(prefix: &str, quantity: Option<u64>) -> Result<()> {
    if quantity == Some(0) {
        return Err(Error::invalid_param(
            format!("{prefix}[quantity]"),
            "must be at least 1",
        ));
    }
    Ok(())
}
