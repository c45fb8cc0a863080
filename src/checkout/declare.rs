//! `params_struct!`: declares a params struct once — each field with its doc, type and kind —
//! and generates the struct, its `new` (required fields as arguments, the rest unset), its
//! chained setters (one per field, sharing the field's doc) and the local check that walks
//! into nested params; plus [`Check`], the trait that check uses for each field's type.
//!
//! The params themselves live in the files that use this macro, one concept per file.

use std::fmt;

use crate::error::{Error, Result};
use crate::metadata::Metadata;

/// A param's name in Stripe's bracket syntax (`subscription_data[invoice_settings][issuer]`),
/// kept as the path to it and written out only when a check refuses the value: checks run on
/// every request, over every field of every nested params struct, and almost always pass.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Param<'a> {
    /// A top-level name, or a prefix already written out.
    Name(&'a str),
    /// A field of a nested param.
    Field(&'a Param<'a>, &'static str),
    /// An element of a list param.
    Index(&'a Param<'a>, usize),
}

impl<'a> Param<'a> {
    /// The param's field `name`.
    pub(crate) fn field(&'a self, name: &'static str) -> Param<'a> {
        Param::Field(self, name)
    }

    /// The list param's element `index`.
    pub(crate) fn index(&'a self, index: usize) -> Param<'a> {
        Param::Index(self, index)
    }
}

impl fmt::Display for Param<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Param::Name(name) => f.write_str(name),
            Param::Field(parent, name) => write!(f, "{parent}[{name}]"),
            Param::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// A local check of one param value; `param` names it. Scalars and Stripe enums have nothing
/// to check; texts must not be blank (Stripe reads an empty value as "unset"); nested params
/// check their own fields.
pub(crate) trait Check {
    fn check(&self, param: Param<'_>) -> Result<()>;
}

impl Check for String {
    fn check(&self, param: Param<'_>) -> Result<()> {
        if self.trim().is_empty() {
            Err(Error::invalid_param(
                param.to_string(),
                "must not be empty or blank",
            ))
        } else {
            Ok(())
        }
    }
}

impl Check for Metadata {
    fn check(&self, param: Param<'_>) -> Result<()> {
        self.validate(&param.to_string())
    }
}

impl<T: Check> Check for Option<T> {
    fn check(&self, param: Param<'_>) -> Result<()> {
        // A `match`, not `map_or` with a closure: this is compiled for every field type.
        match self {
            Some(value) => value.check(param),
            None => Ok(()),
        }
    }
}

impl<T: Check> Check for Vec<T> {
    fn check(&self, param: Param<'_>) -> Result<()> {
        for (i, item) in self.iter().enumerate() {
            item.check(param.index(i))?;
        }
        Ok(())
    }
}

/// Types with nothing to check locally.
macro_rules! unchecked {
    ($($ty:ty),* $(,)?) => {
        $( impl $crate::checkout::declare::Check for $ty {
            fn check(&self, _: $crate::checkout::declare::Param<'_>) -> $crate::Result<()> {
                Ok(())
            }
        } )*
    };
}

pub(crate) use unchecked;

unchecked!(bool, i64, u32, u64, f64, serde_json::Value);

/// Skips a field that is not set: `None`, or an empty list (which the official SDKs send as
/// nothing, too).
pub(crate) fn is_unset<T: Unset>(value: &T) -> bool {
    value.is_unset()
}

/// What [`is_unset`] asks.
pub(crate) trait Unset {
    fn is_unset(&self) -> bool;
}

impl<T> Unset for Option<T> {
    fn is_unset(&self) -> bool {
        self.is_none()
    }
}

impl<T> Unset for Vec<T> {
    fn is_unset(&self) -> bool {
        self.is_empty()
    }
}

/// The type `new` takes for a required field: `impl Into<T>`, or `T` itself for `plain`
/// (numbers, whose literals would not infer through `Into`).
macro_rules! arg_type {
    (plain ; $ty:ty) => { $ty };
    ( ; $ty:ty) => { impl Into<$ty> };
}

/// The value `new` stores for a required argument.
macro_rules! arg_value {
    (plain ; $arg:ident) => {
        $arg
    };
    ( ; $arg:ident) => {
        $arg.into()
    };
}

/// The stored type of a field of each kind.
macro_rules! field_type {
    (into, $ty:ty) => { Option<$ty> };
    (plain, $ty:ty) => { Option<$ty> };
    (list, $ty:ty) => { Vec<$ty> };
    (metadata, $ty:ty) => { Option<$ty> };
}

/// The setter of a field of each kind; every setter replaces what was set before, except
/// `metadata`, which adds one key.
macro_rules! field_setter {
    (into, $(#[$doc:meta])*, $field:ident, $ty:ty) => {
        $(#[$doc])*
        pub fn $field(mut self, value: impl Into<$ty>) -> Self {
            self.$field = Some(value.into());
            self
        }
    };
    (plain, $(#[$doc:meta])*, $field:ident, $ty:ty) => {
        $(#[$doc])*
        pub fn $field(mut self, value: $ty) -> Self {
            self.$field = Some(value);
            self
        }
    };
    (list, $(#[$doc:meta])*, $field:ident, $ty:ty) => {
        $(#[$doc])*
        pub fn $field<I>(mut self, values: I) -> Self
        where
            I: IntoIterator,
            I::Item: Into<$ty>,
        {
            self.$field = values.into_iter().map(Into::into).collect();
            self
        }
    };
    (metadata, $(#[$doc:meta])*, $field:ident, $ty:ty) => {
        $crate::metadata::metadata_setter!($(#[$doc])* $field);
    };
}

/// Declares a params struct:
///
/// ```text
/// params_struct! {
///     /// What it is (`its_param`).
///     pub struct Name (
///         required_field: Type,           // new()'s arguments, in order: `impl Into<Type>`
///         count: u32 => plain,            // …or the type itself
///     ) {
///         /// What the field is.
///         optional_field: Type => into,   // `Option<Type>`, setter takes `impl Into<Type>`
///         count: u32 => plain,            // `Option<u32>`, setter takes `u32`
///         ids: String => list,            // `Vec<String>`, setter takes an iterator
///         metadata: Metadata => metadata, // `Option<Metadata>`, setter adds one key
///     }
/// }
/// ```
///
/// Fields are sent in the order declared. Required fields come first on the wire too.
macro_rules! params_struct {
    (
        $(#[$sdoc:meta])*
        pub struct $name:ident (
            $( $(#[$rdoc:meta])* $req:ident : $rty:ty $(=> $rkind:ident)? ),* $(,)?
        ) {
            $( $(#[$fdoc:meta])* $field:ident : $fty:ty => $kind:ident ),* $(,)?
        }
    ) => {
        $(#[$sdoc])*
        #[derive(Clone, Debug, PartialEq, ::serde::Serialize)]
        #[cfg_attr(feature = "deserialize-params", derive(::serde::Deserialize))]
        #[serde(deny_unknown_fields)]
        #[non_exhaustive]
        pub struct $name {
            $( $(#[$rdoc])* pub $req: $rty, )*
            $(
                $(#[$fdoc])*
                #[serde(skip_serializing_if = "crate::checkout::declare::is_unset", default)]
                pub $field: $crate::checkout::declare::field_type!($kind, $fty),
            )*
        }

        impl $name {
            /// The params with their required values; everything else unset.
            #[allow(clippy::new_without_default)]
            pub fn new($( $req: $crate::checkout::declare::arg_type!($($rkind)? ; $rty) ),*) -> Self {
                Self {
                    $( $req: $crate::checkout::declare::arg_value!($($rkind)? ; $req), )*
                    $( $field: Default::default(), )*
                }
            }

            $( $crate::checkout::declare::field_setter!($kind, $(#[$fdoc])*, $field, $fty); )*
        }

        impl $crate::wire::encode::Encode for $name {
            fn encode(&self, out: &mut $crate::wire::encode::Writer) {
                $( out.field(
                    const { $crate::wire::encode::wire_name(stringify!($req)) },
                    &self.$req,
                ); )*
                $( if !$crate::wire::encode::Encode::is_unset(&self.$field) {
                    out.field(
                        const { $crate::wire::encode::wire_name(stringify!($field)) },
                        &self.$field,
                    );
                } )*
            }
        }

        impl $crate::checkout::declare::Check for $name {
            fn check(
                &self,
                param: $crate::checkout::declare::Param<'_>,
            ) -> $crate::Result<()> {
                // `type_` stands for Stripe's `type`.
                $( $crate::checkout::declare::Check::check(
                    &self.$req,
                    param.field(const { $crate::wire::encode::wire_name(stringify!($req)) }),
                )?; )*
                $( $crate::checkout::declare::Check::check(
                    &self.$field,
                    param.field(const { $crate::wire::encode::wire_name(stringify!($field)) }),
                )?; )*
                Ok(())
            }
        }
    };
}

pub(crate) use {arg_type, arg_value, field_setter, field_type, params_struct};

#[cfg(test)]
mod tests {
    use crate::checkout::{InvoiceCreation, InvoiceData, SubscriptionData};

    #[test]
    fn unset_fields_are_left_out_of_json_too() {
        // The form encoder drops `None` and empty lists by itself; JSON would write `null`
        // and `[]` without the skip.
        let json =
            serde_json::to_value(InvoiceCreation::new(true).invoice_data(InvoiceData::new()))
                .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"enabled": true, "invoice_data": {}})
        );
        let listed =
            serde_json::to_value(SubscriptionData::new().default_tax_rates(["txr_1"])).unwrap();
        assert_eq!(listed, serde_json::json!({"default_tax_rates": ["txr_1"]}));
    }
}
