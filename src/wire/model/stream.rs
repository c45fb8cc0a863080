//! The decoder for the hot objects every answer holds (session, line item, price, product,
//! coupon, discount, promotion code, customer, totals): `stream_model!` structs read straight
//! from the deserializer with one visitor and no sequence branch or field enum, and
//! `stream_direct!` for their fields that hold other stream structs. The small objects'
//! decoder, `model!`, and the rules both follow are in the parent module.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::{Convert, Field, FromJson, Slot};

/// A field of a `stream_model!` struct. Every [`FromJson`] type streams the same way: its
/// value is read as a [`Value`] through one seed shared by every field type (so serde_json's
/// value decoder and `next_value_seed` are compiled once, not once per field type), then
/// converted. A field that holds another `stream_model!` struct is read straight from the
/// deserializer instead, declared with [`stream_direct!`].
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
/// not once for each field of each `stream_model!`.
#[inline(never)]
fn read_slot<'de, A: MapAccess<'de>>(access: &mut A, slot: &mut dyn Slot) -> Result<(), A::Error> {
    access.next_value_seed(Convert {
        expecting: "any value",
        slot,
    })
}

/// Reads an optional `stream_model!` struct straight from the deserializer.
pub(crate) fn stream_option<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    access: &mut A,
) -> Result<Option<T>, A::Error> {
    access.next_value()
}

/// Reads a list of `stream_model!` structs straight from the deserializer; `null` is empty.
pub(crate) fn stream_list<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    access: &mut A,
) -> Result<Vec<T>, A::Error> {
    Ok(access.next_value::<Option<Vec<T>>>()?.unwrap_or_default())
}

/// [`Stream`] for the field types that hold `stream_model!` structs (which have no
/// [`FromJson`]): `Option<…>` and `Vec<…>` of them are read straight from the deserializer,
/// a bare one is required.
macro_rules! stream_direct {
    ($(Option<$opt:ty>),* ; $(Vec<$list:ty>),* ; $($required:ty),* $(,)?) => {
        $( impl<'de> $crate::wire::model::Stream<'de> for Option<$opt> {
            fn read_into<A: ::serde::de::MapAccess<'de>>(
                access: &mut A,
                slot: &mut Option<Self>,
            ) -> ::std::result::Result<(), A::Error> {
                *slot = Some($crate::wire::model::stream_option(access)?);
                Ok(())
            }

            fn absent() -> Option<Self> {
                Some(None)
            }
        } )*
        $( impl<'de> $crate::wire::model::Stream<'de> for Vec<$list> {
            fn read_into<A: ::serde::de::MapAccess<'de>>(
                access: &mut A,
                slot: &mut Option<Self>,
            ) -> ::std::result::Result<(), A::Error> {
                *slot = Some($crate::wire::model::stream_list(access)?);
                Ok(())
            }

            fn absent() -> Option<Self> {
                Some(Vec::new())
            }
        } )*
        $( impl<'de> $crate::wire::model::Stream<'de> for $required {
            fn read_into<A: ::serde::de::MapAccess<'de>>(
                access: &mut A,
                slot: &mut Option<Self>,
            ) -> ::std::result::Result<(), A::Error> {
                *slot = Some(access.next_value()?);
                Ok(())
            }
        } )*
    };
}

pub(crate) use stream_direct;

/// A field name as a `stream_model!` visitor reads it: borrowed from the input when it can
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

/// Declares a hot response struct once, like `model!`, but decoded straight from the
/// deserializer (no `Value` in between): for the objects every answer holds (session, line
/// item, price, coupon, discount). Unlike serde's derive it compiles no sequence branch and
/// no field enum (Stripe never sends an object as an array); unknown fields are ignored and a
/// repeated one refused, with serde's messages. A field's default when absent follows
/// [`Stream`], or the expression after `=`.
macro_rules! stream_model {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident $(as $wire:literal)? : $ty:ty $(= $default:expr)?, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, ::serde::Serialize)]
        #[non_exhaustive]
        pub struct $name {
            $( $(#[$fmeta])* $(#[serde(rename = $wire)])? pub $field: $ty, )*
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                struct StreamVisitor;

                impl<'de> ::serde::de::Visitor<'de> for StreamVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("struct ", stringify!($name)))
                    }

                    fn visit_map<A: ::serde::de::MapAccess<'de>>(
                        self,
                        mut access: A,
                    ) -> ::std::result::Result<$name, A::Error> {
                        $( let mut $field: Option<$ty> = None; )*
                        while let Some(key) = access.next_key::<$crate::wire::model::Key<'de>>()? {
                            match key.as_str() {
                                $( $crate::wire::model::model!(@wire $field $($wire)?) => {
                                    $crate::wire::model::stream_field(
                                        &mut access,
                                        &mut $field,
                                        $crate::wire::model::model!(@wire $field $($wire)?),
                                    )?
                                } )*
                                _ => {
                                    access.next_value::<::serde::de::IgnoredAny>()?;
                                }
                            }
                        }
                        let mut missing = None;
                        let read = $name {
                            $( $field: $crate::wire::model::stream_model!(
                                @take $field $($wire)? ; missing ; $($default)?
                            ), )*
                        };
                        match missing {
                            None => Ok(read),
                            Some(name) => Err(::serde::de::Error::missing_field(name)),
                        }
                    }
                }

                deserializer.deserialize_map(StreamVisitor)
            }
        }

        // Inline, so that it is compiled only where a field requires the struct (most hold it
        // in an `Option`, which needs no placeholder).
        impl $crate::wire::model::Field for $name {
            #[inline]
            fn placeholder() -> Self {
                Self { $( $field: $crate::wire::model::Field::placeholder(), )* }
            }
        }
    };
    (@take $field:ident $($wire:literal)? ; $missing:ident ; $default:expr) => {
        match $field {
            Some(value) => value,
            None => $default,
        }
    };
    (@take $field:ident $($wire:literal)? ; $missing:ident ; ) => {
        $crate::wire::model::stream_take(
            $field,
            $crate::wire::model::model!(@wire $field $($wire)?),
            &mut $missing,
        )
    };
}

pub(crate) use stream_model;
