//! `model!`, the one way an answer model is declared: a struct Stripe answers, one line per
//! field, with its decoder. The decoding machinery it expands to (the `FromJson` reader for
//! small objects, the streaming reader for hot ones, the rules both follow) is
//! [`wire::model`](crate::wire::model)'s; params are declared with `params!`.
//!
//! ```text
//! model! {
//!     /// Docs.
//!     pub struct Name {
//!         /// Docs.
//!         pub field: Option<String>,
//!         /// A field whose wire name is a Rust keyword.
//!         pub type_ as "type": Option<Kind>,
//!     }
//! }
//!
//! model! {
//!     stream
//!     /// An object every answer holds: read straight from the deserializer.
//!     pub struct Hot {
//!         pub id: String,
//!         /// A default when the field is absent.
//!         pub object: String = hot_object(),
//!     }
//! }
//!
//! // The field types of stream models that hold other stream models.
//! model!(direct Option<Hot> ; Vec<Hot> ; Hot);
//! ```
//!
//! A small object decodes in one non-generic function that takes its entries behind a `dyn`
//! (cheap to compile; leaf values pass through a `serde_json::Value`); `stream` is for the few objects every answer holds
//! (session, line item, price, product, coupon, discount, promotion code, customer, totals),
//! read with one visitor and no sequence branch or field enum. Both ignore unknown fields,
//! refuse a repeated one, read a missing or `null` `Option` as `None` and a missing list, map,
//! flag or amount as empty, `false` or 0, keep unknown enum values, and name the path of a
//! value of the wrong shape.

/// Declares an answer model; see the module docs.
macro_rules! model {
    (
        stream
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
                                $( $crate::declare::model::model!(@wire $field $($wire)?) => {
                                    $crate::wire::model::stream_field(
                                        &mut access,
                                        &mut $field,
                                        $crate::declare::model::model!(@wire $field $($wire)?),
                                    )?
                                } )*
                                _ => {
                                    access.next_value::<::serde::de::IgnoredAny>()?;
                                }
                            }
                        }
                        let mut missing = None;
                        let read = $name {
                            $( $field: $crate::declare::model::model!(
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
    (direct $(Option<$opt:ty>),* ; $(Vec<$list:ty>),* ; $($required:ty),* $(,)?) => {
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
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident $(as $wire:literal)? : $ty:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, ::serde::Serialize)]
        #[non_exhaustive]
        pub struct $name {
            $( $(#[$fmeta])* $(#[serde(rename = $wire)])? pub $field: $ty, )*
        }

        impl $crate::wire::model::FromJson for $name {
            const ENTRIES: bool = true;

            #[inline(never)]
            fn from_json(
                value: ::serde_json::Value,
            ) -> ::std::result::Result<Self, $crate::wire::model::JsonError> {
                Self::from_entries(&mut $crate::wire::model::entries_of(value)?)
            }

            #[inline(never)]
            fn from_entries(
                entries: &mut dyn $crate::wire::model::Entries,
            ) -> ::std::result::Result<Self, $crate::wire::model::JsonError> {
                $( let mut $field: Option<$ty> = None; )*
                let mut error = entries.fill(&mut [
                    $( (
                        $crate::declare::model::model!(@wire $field $($wire)?),
                        &mut $field as &mut dyn $crate::wire::model::Slot,
                    ), )*
                ]).err();
                let read = Self {
                    $( $field: $crate::wire::model::take(
                        $field,
                        $crate::declare::model::model!(@wire $field $($wire)?),
                        &mut error,
                    ), )*
                };
                match error {
                    None => Ok(read),
                    Some(error) => Err(error),
                }
            }
        }

        impl $crate::wire::model::Field for $name {
            fn placeholder() -> Self {
                Self { $( $field: $crate::wire::model::Field::placeholder(), )* }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::wire::model::deserialize(deserializer)
            }
        }
    };
    (@wire $field:ident) => { stringify!($field) };
    (@wire $field:ident $wire:literal) => { $wire };
    (@take $field:ident $($wire:literal)? ; $missing:ident ; $default:expr) => {
        match $field {
            Some(value) => value,
            None => $default,
        }
    };
    (@take $field:ident $($wire:literal)? ; $missing:ident ; ) => {
        $crate::wire::model::stream_take(
            $field,
            $crate::declare::model::model!(@wire $field $($wire)?),
            &mut $missing,
        )
    };
}

pub(crate) use model;
