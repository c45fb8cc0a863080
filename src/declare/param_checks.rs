//! What every params type shares, whatever its resource: the setter macros for `Option`
//! fields, for fields set as they are and for `expand`, and the checks of an id a setter
//! refused and of texts that must not be blank.
//!
//! The paging rules are `paging.rs`'s; each param's own rules live with its params type.

use crate::error::{Error, Result};
use crate::ids::RejectedId;

/// Generates `fn name(mut self, value: impl Into<Ty>) -> Self` setters for `Option` fields.
macro_rules! option_setters {
    ($($(#[$doc:meta])* $name:ident: $ty:ty;)+) => {
        $(
            $(#[$doc])*
            pub fn $name(mut self, value: impl Into<$ty>) -> Self {
                self.$name = Some(value.into());
                self
            }
        )+
    };
}

pub(crate) use option_setters;

/// Generates `fn name(mut self, value: Ty) -> Self` setters for `Option` fields whose type
/// must not go through `Into` (integer literals would not infer).
macro_rules! plain_setters {
    ($($(#[$doc:meta])* $name:ident: $ty:ty;)+) => {
        $(
            $(#[$doc])*
            pub fn $name(mut self, value: $ty) -> Self {
                self.$name = Some(value);
                self
            }
        )+
    };
}

pub(crate) use plain_setters;

/// Generates `expand`, which adds fields of the answer to expand (`expand[n]`).
macro_rules! expand_setter {
    () => {
        /// Also expands these fields of the answer (`expand[n]`; in a list, prefix them with
        /// `data.`).
        pub fn expand<I>(mut self, fields: I) -> Self
        where
            I: IntoIterator,
            I::Item: Into<String>,
        {
            self.expand.extend(fields.into_iter().map(Into::into));
            self
        }
    };
}

pub(crate) use expand_setter;
/// Reports the id a setter refused, as `prefix[field]` (or `field` at the top level).
pub(crate) fn check_rejected(prefix: &str, rejected: Option<&RejectedId>) -> Result<()> {
    match rejected {
        None => Ok(()),
        Some(r) if prefix.is_empty() => Err(Error::invalid_param(r.field, r.error.to_string())),
        Some(r) => Err(Error::invalid_param(
            format!("{prefix}[{}]", r.field),
            r.error.to_string(),
        )),
    }
}

/// Checks that a text is not empty or blank. An empty value would be sent as `key=`, which
/// Stripe reads as "unset" and refuses for these fields.
pub(crate) fn check_not_empty(param: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        Err(Error::invalid_param(param, "must not be empty or blank"))
    } else {
        Ok(())
    }
}

/// [`check_not_empty`] for each entry of a list, named `param[i]`.
pub(crate) fn check_texts(param: &str, values: &[String]) -> Result<()> {
    for (i, value) in values.iter().enumerate() {
        check_not_empty(&format!("{param}[{i}]"), value)?;
    }
    Ok(())
}
