//! Decoding helpers shared by every model: how `null` is read where Stripe documents a
//! nullable map or list.

use serde::{Deserialize, Deserializer};

/// Reads `null` like a missing field: the type's default (empty map or list, `false`).
///
/// Stripe documents some maps and lists as nullable; treating `null` as empty keeps those
/// fields free of an `Option` that carries no extra meaning.
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}
