//! What the coupon and promotion code params share: the `expand` setter and the checks of a
//! refused id and of the fields to expand.
//!
//! The rules of each param live with its params type.

use crate::error::{Error, Result};
use crate::ids::RejectedId;

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

pub(super) use expand_setter;

/// Reports the id a setter refused.
pub(super) fn check_rejected(rejected: Option<&RejectedId>) -> Result<()> {
    match rejected {
        Some(r) => Err(Error::invalid_param(r.field, r.error.to_string())),
        None => Ok(()),
    }
}

/// Every field to expand is named.
pub(super) fn check_expand(expand: &[String]) -> Result<()> {
    for (i, field) in expand.iter().enumerate() {
        if field.trim().is_empty() {
            return Err(Error::invalid_param(
                format!("expand[{i}]"),
                "must not be empty",
            ));
        }
    }
    Ok(())
}
