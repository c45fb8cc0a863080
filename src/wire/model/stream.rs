//! The streaming decoder of the hot objects every answer holds (session, line item, price,
//! product, coupon, discount, promotion code, customer, totals), which `model! { stream … }`
//! structs expand to: read straight from the deserializer with one visitor and no sequence
//! branch or field enum. The small objects' decoder, and the rules both follow, are in the
//! parent module.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::{Convert, Field, FromJson, Slot};

/// A field of a `model! { stream … }` struct. Every [`FromJson`] type streams the same way: its
/// value is read as a [`Value`] through one seed shared by every field type (so serde_json's
/// value decoder and `next_value_seed` are compiled once, not once per field type), then
/// converted. A field that holds another `model! { stream … }` struct is read straight from the
/// deserializer instead, declared with `model!(direct …)`.
pub(crate) trait Stream<'de>: Sized {
    /// Reads the value of a field that is present into `slot`, which is empty.
    fn read_into<A: MapAccess<'de>>(
        access: &mut A,
        slot: &mut Option<Self>,
    ) -> Result<(), A::Error>;

    /// The value of an absent field, or `None` when the field is required.
    fn absent() -> Option<Self> {
        None
    }
}

impl<'de, T: FromJson> Stream<'de> for T {
    fn read_into<A: MapAccess<'de>>(
        access: &mut A,
        slot: &mut Option<Self>,
    ) -> Result<(), A::Error> {
        read_slot(access, slot)
    }

    fn absent() -> Option<Self> {
        T::absent()
    }
}

/// Out of line and generic only over the map access, so that the read is compiled once,
/// not once for each field of each `model! { stream … }`.
#[inline(never)]
fn read_slot<'de, A: MapAccess<'de>>(access: &mut A, slot: &mut dyn Slot) -> Result<(), A::Error> {
    access.next_value_seed(Convert {
        expecting: "any value",
        slot,
        trail: None,
    })
}

/// Reads an optional `model! { stream … }` struct straight from the deserializer.
pub(crate) fn stream_option<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    access: &mut A,
) -> Result<Option<T>, A::Error> {
    access.next_value()
}

/// Reads a list of `model! { stream … }` structs straight from the deserializer; `null` is empty.
pub(crate) fn stream_list<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    access: &mut A,
) -> Result<Vec<T>, A::Error> {
    Ok(access.next_value::<Option<Vec<T>>>()?.unwrap_or_default())
}

/// A field name as a `model! { stream … }` visitor reads it: borrowed from the input when it can
/// be, one type for every struct so its decoder is compiled once.
pub(crate) struct Key<'de>(std::borrow::Cow<'de, str>);

impl Key<'_> {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }

            fn visit_borrowed_str<E: serde::de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(key)))
            }

            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(key.to_owned())))
            }
        }

        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// Reads field `name` into its slot, refusing it the second time like serde's derive does.
pub(crate) fn stream_field<'de, A: MapAccess<'de>, T: Stream<'de>>(
    access: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(serde::de::Error::duplicate_field(name));
    }
    T::read_into(access, slot)
}

/// The value read for field `name`, or its [`Stream::absent`]; a missing required field is
/// kept in `missing` (unless one is already) and given a placeholder, so that the struct is
/// built whole (see [`take`]).
pub(crate) fn stream_take<'de, T: Stream<'de> + Field>(
    read: Option<T>,
    name: &'static str,
    missing: &mut Option<&'static str>,
) -> T {
    match read {
        Some(value) => value,
        None => match T::absent() {
            Some(absent) => absent,
            None => {
                missing.get_or_insert(name);
                T::placeholder()
            }
        },
    }
}
