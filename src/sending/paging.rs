//! The rules every list endpoint shares for its cursor pagination: `limit` between 1 and
//! 100, and at most one of `starting_after` and `ending_before`.
//!
//! The list answer itself is [`List`](crate::List); each list params type holds its
//! own cursors, typed by the id it pages over.

use crate::error::{Error, Result};

/// Checks a page size: 1 to 100, as Stripe allows.
pub(crate) fn check_limit(limit: Option<u32>) -> Result<()> {
    match limit {
        Some(limit) if !(1..=100).contains(&limit) => Err(Error::invalid_param(
            "limit",
            format!("must be between 1 and 100, got {limit}"),
        )),
        _ => Ok(()),
    }
}

/// Checks that at most one pagination cursor is set.
pub(crate) fn check_cursors(starting_after: bool, ending_before: bool) -> Result<()> {
    if starting_after && ending_before {
        return Err(Error::invalid_param(
            "ending_before",
            "cannot be combined with `starting_after`",
        ));
    }
    Ok(())
}
