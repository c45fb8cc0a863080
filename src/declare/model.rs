//! `model!`, the one way an answer model is declared: a struct Stripe answers, one line per
//! field, with its decoder. The decoding machinery it expands to (the `FromJson` reader and
//! the rules it follows) is [`wire::model`](crate::wire::model)'s; params are declared with
//! `params!`.
//!
//! ```text
//! model! {
//!     /// Docs.
//!     pub struct Name {
//!         /// Docs.
//!         pub field: Option<String>,
//!         /// A field whose wire name is a Rust keyword.
//!         pub type_ as "type": Option<Kind>,
//!         /// A value when the field is absent (or `null`).
//!         pub object: String = name_object(),
//!     }
//! }
//! ```
//!
//! A model decodes in one non-generic function that fills its fields in place, each behind a
//! `dyn` (cheap to compile; leaf values pass through a `serde_json::Value`), straight from the
//! deserializer when JSON text is decoded. It ignores unknown fields, refuses a repeated one,
//! reads a missing or `null` `Option` as `None` and a missing list, map, flag or amount as
//! empty, `false` or 0, refuses a missing required field, keeps unknown enum values, and names
//! the path of a value of the wrong shape.

/// Declares an answer model; see the module docs.
macro_rules! model {
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
                let mut read = <Self as $crate::wire::model::Field>::placeholder();
                $( $crate::declare::model::model!(@local $field : $ty $(= $default)?); )*
                entries.fill(&mut [
                    $( $crate::declare::model::model!(
                        @named read ; $field $($wire)? : $ty $(= $default)?
                    ), )*
                ])?;
                $( $crate::declare::model::model!(@finish read ; $field $(= $default)?); )*
                Ok(read)
            }
        }

        impl $crate::wire::model::Field for $name {
            const REQUIRED: bool = true;

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
    // A field with a default is read into a local `Option` first.
    (@local $field:ident : $ty:ty = $default:expr) => {
        let mut $field: Option<$ty> = None;
    };
    (@local $field:ident : $ty:ty) => {};
    (@named $read:ident ; $field:ident $($wire:literal)? : $ty:ty = $default:expr) => {
        $crate::wire::model::Named {
            name: $crate::declare::model::model!(@wire $field $($wire)?),
            slot: &mut $field,
            required: false,
            entries: <$ty as $crate::wire::model::FromJson>::ENTRIES,
            items: <$ty as $crate::wire::model::FromJson>::ITEMS,
            filled: false,
        }
    };
    (@named $read:ident ; $field:ident $($wire:literal)? : $ty:ty) => {
        $crate::wire::model::Named {
            name: $crate::declare::model::model!(@wire $field $($wire)?),
            slot: &mut $read.$field,
            required: <$ty as $crate::wire::model::Field>::REQUIRED,
            entries: <$ty as $crate::wire::model::FromJson>::ENTRIES,
            items: <$ty as $crate::wire::model::FromJson>::ITEMS,
            filled: false,
        }
    };
    (@finish $read:ident ; $field:ident = $default:expr) => {
        $read.$field = $field.unwrap_or_else(|| $default);
    };
    (@finish $read:ident ; $field:ident) => {};
}

pub(crate) use model;
