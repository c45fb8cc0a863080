//! `params!`, the one way a params struct is declared, and what it generates from: [`Check`],
//! the local check of one value, and [`Param`], the name a refusal reports.
//!
//! Each field is one line in the macro (its doc, name, type and kind), and the macro writes
//! the struct field, `new`'s argument when the field is required, the setters, the form
//! encoding (in declaration order) and the walk of the local checks. The params types
//! themselves live with their resources; how to add a field is in the [module
//! docs](super).

use std::fmt;

use serde::{Serialize, Serializer};

use crate::Clearable;
use crate::declare::metadata::Metadata;
use crate::error::{Error, Result};
use crate::ids::RejectedId;

/// A param's name in Stripe's bracket syntax (`subscription_data[invoice_settings][issuer]`),
/// kept as the path to it and written out only when a check refuses the value: checks run on
/// every request, over every field of every nested params struct, and almost always pass.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Param<'a> {
    /// The params of a request itself: its fields are named as they are (`customer`).
    Root,
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
        match self {
            Param::Root => Param::Name(name),
            _ => Param::Field(self, name),
        }
    }

    /// The list param's element `index`.
    pub(crate) fn index(&'a self, index: usize) -> Param<'a> {
        Param::Index(self, index)
    }

    /// An [`Error::InvalidParams`] naming this param.
    pub(crate) fn invalid(&self, message: impl Into<String>) -> Error {
        Error::invalid_param(self.to_string(), message)
    }
}

impl fmt::Display for Param<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Param::Root => Ok(()),
            Param::Name(name) => f.write_str(name),
            Param::Field(parent, name) => write!(f, "{parent}[{name}]"),
            Param::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// A local check of one param value; `param` names it. Scalars and Stripe enums have nothing
/// to check; texts must not be blank (Stripe reads an empty value as "unset"); params
/// structs check their own fields, then their own rules.
pub(crate) trait Check {
    fn check(&self, param: Param<'_>) -> Result<()>;
}

impl Check for String {
    fn check(&self, param: Param<'_>) -> Result<()> {
        if self.trim().is_empty() {
            Err(param.invalid("must not be empty or blank"))
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

impl<T: Check> Check for Clearable<T> {
    fn check(&self, param: Param<'_>) -> Result<()> {
        match self {
            Clearable::Set(value) => value.check(param),
            Clearable::Clear => Ok(()),
        }
    }
}

/// Each value, named by its key (`currency_options[eur]`); the name is written out only for
/// a map that is set, which few are.
impl<T: Check> Check for std::collections::BTreeMap<String, T> {
    fn check(&self, param: Param<'_>) -> Result<()> {
        for (key, value) in self {
            let named = format!("{param}[{key}]");
            value.check(Param::Name(&named))?;
        }
        Ok(())
    }
}

/// Types with nothing to check locally.
macro_rules! unchecked {
    ($($ty:ty),* $(,)?) => {
        $( impl $crate::declare::params::Check for $ty {
            fn check(&self, _: $crate::declare::params::Param<'_>) -> $crate::Result<()> {
                Ok(())
            }
        } )*
    };
}

pub(crate) use unchecked;

unchecked!((), bool, i64, u32, u64, f64, serde_json::Value);

/// An id's form, checked again before sending: a setter refuses a malformed one, but params
/// read from JSON (feature `deserialize-params`) take any string.
macro_rules! checked_ids {
    ($($id:ident),*) => {
        $( impl Check for crate::ids::$id {
            fn check(&self, param: Param<'_>) -> Result<()> {
                match crate::ids::$id::new(self.as_str()) {
                    Ok(_) => Ok(()),
                    Err(error) => Err(param.invalid(error.to_string())),
                }
            }
        } )*
    };
}

checked_ids!(
    CheckoutSessionId,
    CouponId,
    CustomerId,
    PriceId,
    ProductId,
    PromotionCodeId
);

/// Checks each field, named by its wire name under `param`, stopping at the first broken
/// rule. Every params type's check walks its fields through this one loop over a table
/// instead of a `?` per field: 6k fewer lines of IR for the compiler to optimize, though the
/// table's entries make the checks' own object code larger (docs/performance.md weighs it).
pub(crate) fn check_fields(param: Param<'_>, fields: &[(&'static str, &dyn Check)]) -> Result<()> {
    for &(wire, value) in fields {
        value.check(param.field(wire))?;
    }
    Ok(())
}

/// Reports the id a setter refused, named as a field of `param`.
pub(crate) fn check_rejected(param: Param<'_>, rejected: Option<&RejectedId>) -> Result<()> {
    match rejected {
        None => Ok(()),
        Some(r) => Err(param.field(r.field).invalid(r.error.to_string())),
    }
}

/// Skips a field that is not set: `None`, or an empty list or map (which the official SDKs
/// send as nothing, too).
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

impl<T> Unset for std::collections::BTreeMap<String, T> {
    fn is_unset(&self) -> bool {
        self.is_empty()
    }
}

/// Serializes a clearable list so that an empty `Set` list still clears (`key=`), instead of
/// sending nothing the way an empty list otherwise would.
pub(crate) fn clearable_list<S: Serializer, T: Serialize>(
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
pub(crate) fn set_or_clear<T>(list: Vec<T>) -> Clearable<Vec<T>> {
    if list.is_empty() {
        Clearable::Clear
    } else {
        Clearable::Set(list)
    }
}

/// Appends to a clearable list, turning a pending clear (or nothing) into a one-entry list.
pub(crate) fn push_clearable<T>(slot: &mut Option<Clearable<Vec<T>>>, item: T) {
    match slot {
        Some(Clearable::Set(list)) => list.push(item),
        _ => *slot = Some(Clearable::Set(vec![item])),
    }
}

/// Declares a params struct, one line per field. See [the module docs](super) for the kinds
/// and an example.
///
/// The entry arm hands the fields to `@field`, which takes one field at a time (the struct
/// field with its serde attributes, `new`'s argument and initializer) and keeps the rest as
/// `{kind [args] field wire type [docs]}`; once no field is left, the last `@field` arm
/// writes the struct, `new`, the setters, the encoding and the check. Taking one field at a
/// time is what lets a required field sit anywhere in the wire order and still be an
/// argument of `new`.
macro_rules! params {
    (
        $(#[$smeta:meta])*
        pub struct $name:ident { $($fields:tt)* }
        $(check($rules:path);)?
        $(new($ctor_vis:vis $ctor:ident);)?
    ) => {
        $crate::declare::params::params!(@field
            [$(#[$smeta])* $name] [$($rules)?] [$($ctor_vis $ctor)?] [] [] [] []
            $($fields)*
        );
    };

    // A required field: an argument of `new`, always sent, no setter.
    (@field $head:tt $rules:tt $ctor:tt [$($sf:tt)*] [$($args:tt)*] [$($init:tt)*] [$($items:tt)*]
        $(#[$fdoc:meta])* $field:ident $(as $wire:literal)? : $ty:ty => required, $($rest:tt)*
    ) => {
        $crate::declare::params::params!(@field $head $rules $ctor
            [$($sf)* $(#[$fdoc])* $(#[serde(rename = $wire)])? pub $field: $ty,]
            [$($args)* $field: impl Into<$ty>,]
            [$($init)* $field: $field.into(),]
            [$($items)* {required [] $field ($crate::declare::params::params!(@wire $field $($wire)?)) $ty []}]
            $($rest)*
        );
    };
    // A required number or flag: `new` takes the type itself, so literals infer.
    (@field $head:tt $rules:tt $ctor:tt [$($sf:tt)*] [$($args:tt)*] [$($init:tt)*] [$($items:tt)*]
        $(#[$fdoc:meta])* $field:ident $(as $wire:literal)? : $ty:ty => required_plain, $($rest:tt)*
    ) => {
        $crate::declare::params::params!(@field $head $rules $ctor
            [$($sf)* $(#[$fdoc])* $(#[serde(rename = $wire)])? pub $field: $ty,]
            [$($args)* $field: $ty,]
            [$($init)* $field,]
            [$($items)* {required [] $field ($crate::declare::params::params!(@wire $field $($wire)?)) $ty []}]
            $($rest)*
        );
    };
    // A required list: `new` takes any iterator of its entries.
    (@field $head:tt $rules:tt $ctor:tt [$($sf:tt)*] [$($args:tt)*] [$($init:tt)*] [$($items:tt)*]
        $(#[$fdoc:meta])* $field:ident $(as $wire:literal)? : $ty:ty => required_list, $($rest:tt)*
    ) => {
        $crate::declare::params::params!(@field $head $rules $ctor
            [$($sf)* $(#[$fdoc])* $(#[serde(rename = $wire)])? pub $field: Vec<$ty>,]
            [$($args)* $field: impl IntoIterator<Item = impl Into<$ty>>,]
            [$($init)* $field: $field.into_iter().map(Into::into).collect(),]
            [$($items)* {required [] $field ($crate::declare::params::params!(@wire $field $($wire)?)) $ty []}]
            $($rest)*
        );
    };
    // Untyped extra params, sent after the typed ones.
    (@field $head:tt $rules:tt $ctor:tt [$($sf:tt)*] [$($args:tt)*] [$($init:tt)*] [$($items:tt)*]
        $(#[$fdoc:meta])* $field:ident : $ty:ty => extra, $($rest:tt)*
    ) => {
        $crate::declare::params::params!(@field $head $rules $ctor
            [$($sf)* $(#[$fdoc])* #[serde(skip)] pub $field: $ty,]
            [$($args)*]
            [$($init)* $field: Default::default(),]
            [$($items)* {extra [] $field ("") $ty []}]
            $($rest)*
        );
    };
    // A list that can also be cleared (`key=`), with its adder and its clear.
    (@field $head:tt $rules:tt $ctor:tt [$($sf:tt)*] [$($args:tt)*] [$($init:tt)*] [$($items:tt)*]
        $(#[$fdoc:meta])* $field:ident $(as $wire:literal)? : $ty:ty => clear_list($add:ident, $clear:ident), $($rest:tt)*
    ) => {
        $crate::declare::params::params!(@field $head $rules $ctor
            [$($sf)* $(#[$fdoc])* $(#[serde(rename = $wire)])?
                #[serde(
                    serialize_with = "crate::declare::params::clearable_list",
                    skip_serializing_if = "Option::is_none",
                    default
                )]
                pub $field: Option<$crate::Clearable<Vec<$ty>>>,]
            [$($args)*]
            [$($init)* $field: None,]
            [$($items)* {clear_list [$add $clear] $field ($crate::declare::params::params!(@wire $field $($wire)?)) $ty [$(#[$fdoc])*]}]
            $($rest)*
        );
    };
    // Every other kind: optional, left out unless set.
    (@field $head:tt $rules:tt $ctor:tt [$($sf:tt)*] [$($args:tt)*] [$($init:tt)*] [$($items:tt)*]
        $(#[$fdoc:meta])* $field:ident $(as $wire:literal)? : $ty:ty => $kind:ident $(($($karg:ident),*))?, $($rest:tt)*
    ) => {
        $crate::declare::params::params!(@field $head $rules $ctor
            [$($sf)* $(#[$fdoc])* $(#[serde(rename = $wire)])?
                #[serde(skip_serializing_if = "crate::declare::params::is_unset", default)]
                pub $field: $crate::declare::params::params!(@stored $kind $ty),]
            [$($args)*]
            [$($init)* $field: Default::default(),]
            [$($items)* {$kind [$($($karg)*)?] $field ($crate::declare::params::params!(@wire $field $($wire)?)) $ty [$(#[$fdoc])*]}]
            $($rest)*
        );
    };

    // Every field taken: the struct and its impls.
    (@field [$(#[$smeta:meta])* $name:ident] [$($rules:path)?] $ctor:tt [$($sf:tt)*] [$($args:tt)*] [$($init:tt)*]
        [$({$kind:ident [$($karg:ident)*] $field:ident ($wire:expr) $ty:ty [$(#[$fdoc:meta])*]})*]
    ) => {
        $(#[$smeta])*
        #[derive(Clone, Debug, PartialEq, ::serde::Serialize)]
        #[cfg_attr(feature = "deserialize-params", derive(::serde::Deserialize))]
        #[serde(deny_unknown_fields)]
        #[non_exhaustive]
        pub struct $name {
            $($sf)*
            /// An id a setter refused, reported by the check before anything is sent.
            #[serde(skip)]
            rejected_id: Option<$crate::ids::RejectedId>,
        }

        impl $name {
            $crate::declare::params::params!(@new $ctor [$($args)*] [$($init)*]);

            $( $crate::declare::params::params!(@setter $kind [$($karg)*] [$(#[$fdoc])*] $field $ty); )*
        }

        impl $crate::wire::encode::Encode for $name {
            fn encode(&self, out: &mut $crate::wire::encode::Writer) {
                $( $crate::declare::params::params!(@encode $kind out self $field ($wire)); )*
            }
        }

        impl $crate::declare::params::Check for $name {
            fn check(&self, param: $crate::declare::params::Param<'_>) -> $crate::Result<()> {
                $crate::declare::params::check_rejected(param, self.rejected_id.as_ref())?;
                $crate::declare::params::check_fields(param, &[
                    $( $crate::declare::params::params!(@check $kind self $field ($wire)), )*
                ])?;
                $( $rules(self, param)?; )?
                Ok(())
            }
        }
    };

    // A field's name on the wire: its Rust name without the `_` of a keyword, or its `as`.
    (@wire $field:ident) => { const { $crate::wire::encode::wire_name(stringify!($field)) } };
    (@wire $field:ident $wire:literal) => { $wire };

    // What an optional field of each kind stores.
    (@stored into $ty:ty) => { Option<$ty> };
    (@stored plain $ty:ty) => { Option<$ty> };
    (@stored list $ty:ty) => { Vec<$ty> };
    (@stored expand $ty:ty) => { Vec<$ty> };
    (@stored map $ty:ty) => { ::std::collections::BTreeMap<String, $ty> };
    (@stored metadata $ty:ty) => { Option<$ty> };
    (@stored metadata_update $ty:ty) => { Option<$ty> };
    (@stored constructed $ty:ty) => { Option<$ty> };
    (@stored id $ty:ty) => { Option<$ty> };

    // The constructor from the required values: `new`, or the name and visibility the
    // declaration gives when a hand-written `new` takes other values.
    (@new [] [$($args:tt)*] [$($init:tt)*]) => {
        /// The params with their required values; everything else unset.
        #[allow(clippy::new_without_default)]
        pub fn new($($args)*) -> Self {
            Self { $($init)* rejected_id: None }
        }
    };
    (@new [$vis:vis $ctor:ident] [$($args:tt)*] [$($init:tt)*]) => {
        /// The params with their required values; everything else unset.
        $vis fn $ctor($($args)*) -> Self {
            Self { $($init)* rejected_id: None }
        }
    };

    (@encode required $out:ident $self:ident $field:ident ($wire:expr)) => {
        $out.field($wire, &$self.$field)
    };
    (@encode extra $out:ident $self:ident $field:ident ($wire:expr)) => {};
    (@encode $kind:ident $out:ident $self:ident $field:ident ($wire:expr)) => {
        if !$crate::wire::encode::Encode::is_unset(&$self.$field) {
            $out.field($wire, &$self.$field)
        }
    };

    // Each field as an entry of the table `check_fields` walks; extra params are checked
    // where they are encoded, so their entry checks nothing.
    (@check extra $self:ident $field:ident ($wire:expr)) => {
        ("", &() as &dyn $crate::declare::params::Check)
    };
    (@check $kind:ident $self:ident $field:ident ($wire:expr)) => {
        ($wire, &$self.$field as &dyn $crate::declare::params::Check)
    };

    // The setters of each kind; each replaces what was set before, except adders, metadata
    // keys and `expand`, which add.
    (@setter required [] [$($doc:tt)*] $field:ident $ty:ty) => {};
    (@setter constructed [] [$($doc:tt)*] $field:ident $ty:ty) => {};
    (@setter into [] [$($doc:tt)*] $field:ident $ty:ty) => {
        $($doc)*
        pub fn $field(mut self, value: impl Into<$ty>) -> Self {
            self.$field = Some(value.into());
            self
        }
    };
    (@setter plain [] [$($doc:tt)*] $field:ident $ty:ty) => {
        $($doc)*
        pub fn $field(mut self, value: $ty) -> Self {
            self.$field = Some(value);
            self
        }
    };
    (@setter id [] [$($doc:tt)*] $field:ident $ty:ty) => {
        $($doc)*
        ///
        /// A string is checked as an id of this kind; a malformed one is reported, naming
        /// this param, before anything is sent.
        pub fn $field(mut self, id: impl $crate::ids::IntoId<$ty>) -> Self {
            self.$field = $crate::ids::take_id(
                id,
                $crate::declare::params::params!(@wire $field),
                &mut self.rejected_id,
            );
            self
        }
    };
    (@setter list [$($add:ident)?] [$($doc:tt)*] $field:ident $ty:ty) => {
        $($doc)*
        pub fn $field<I>(mut self, values: I) -> Self
        where
            I: IntoIterator,
            I::Item: Into<$ty>,
        {
            self.$field = values.into_iter().map(Into::into).collect();
            self
        }

        $(
            #[doc = concat!("Adds one entry to [`", stringify!($field), "`](Self::", stringify!($field), ").")]
            pub fn $add(mut self, value: impl Into<$ty>) -> Self {
                self.$field.push(value.into());
                self
            }
        )?
    };
    (@setter clear_list [$add:ident $clear:ident] [$($doc:tt)*] $field:ident $ty:ty) => {
        $($doc)*
        ///
        #[doc = concat!("An empty list clears them, as [`", stringify!($clear), "`](Self::", stringify!($clear), ") does.")]
        pub fn $field(mut self, values: impl IntoIterator<Item = $ty>) -> Self {
            self.$field = Some($crate::declare::params::set_or_clear(values.into_iter().collect()));
            self
        }

        #[doc = concat!("Adds one entry to [`", stringify!($field), "`](Self::", stringify!($field), "), replacing a pending clear.")]
        pub fn $add(mut self, value: impl Into<$ty>) -> Self {
            $crate::declare::params::push_clearable(&mut self.$field, value.into());
            self
        }

        #[doc = concat!("Clears `", stringify!($field), "` on Stripe (sent as `", stringify!($field), "=`).")]
        pub fn $clear(mut self) -> Self {
            self.$field = Some($crate::Clearable::Clear);
            self
        }
    };
    (@setter expand [] [$($doc:tt)*] $field:ident $ty:ty) => {
        /// Also expands these fields of the answer (`expand[n]`; in a list, prefix them with
        /// `data.`).
        pub fn $field<I>(mut self, fields: I) -> Self
        where
            I: IntoIterator,
            I::Item: Into<String>,
        {
            self.$field.extend(fields.into_iter().map(Into::into));
            self
        }
    };
    (@setter map [$($add:ident)?] [$($doc:tt)*] $field:ident $ty:ty) => {
        $($doc)*
        pub fn $field<K, V>(mut self, entries: impl IntoIterator<Item = (K, V)>) -> Self
        where
            K: Into<String>,
            V: Into<$ty>,
        {
            self.$field = entries.into_iter().map(|(k, v)| (k.into(), v.into())).collect();
            self
        }

        $(
            #[doc = concat!("Adds one entry to [`", stringify!($field), "`](Self::", stringify!($field), ").")]
            pub fn $add(mut self, key: impl Into<String>, value: impl Into<$ty>) -> Self {
                self.$field.insert(key.into(), value.into());
                self
            }
        )?
    };
    (@setter metadata [] [$($doc:tt)*] $field:ident $ty:ty) => {
        $($doc)*
        ///
        /// Sets one key (`metadata[key]`), keeping the others set before.
        pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
            self.metadata
                .get_or_insert_with($crate::metadata::Metadata::new)
                .insert(key, value);
            self
        }

        /// Sets several metadata keys, in order, keeping the others set before.
        pub fn metadata_entries<K, V>(mut self, entries: impl IntoIterator<Item = (K, V)>) -> Self
        where
            K: Into<String>,
            V: Into<String>,
        {
            self.metadata
                .get_or_insert_with($crate::metadata::Metadata::new)
                .extend(entries);
            self
        }
    };
    (@setter metadata_update [] [$($doc:tt)*] $field:ident $ty:ty) => {
        $crate::declare::params::params!(@setter metadata [] [$($doc)*] $field $ty);

        /// Removes one metadata key on Stripe (sent as `metadata[key]=`).
        pub fn unset_metadata(mut self, key: impl Into<String>) -> Self {
            self.metadata
                .get_or_insert_with($crate::metadata::Metadata::new)
                .unset(key);
            self
        }

        /// Removes every metadata key on Stripe (sent as `metadata=`), replacing the keys set
        /// before.
        pub fn clear_metadata(mut self) -> Self {
            self.metadata = Some($crate::metadata::Metadata::clear());
            self
        }
    };
    (@setter extra [] [$($doc:tt)*] $field:ident $ty:ty) => {
        $crate::declare::extra::extra_setters!();
    };
}

pub(crate) use params;
#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::checkout::params::{FixedAmount, InvoiceCreation, InvoiceData, SubscriptionData};

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
        // An empty map too.
        let amount = serde_json::to_value(FixedAmount::new(500, "usd")).unwrap();
        assert_eq!(
            amount,
            serde_json::json!({"amount": 500, "currency": "usd"})
        );
    }

    #[test]
    fn a_map_value_is_checked_under_its_key() {
        let map = BTreeMap::from([
            ("eur".to_owned(), "4".to_owned()),
            ("usd".to_owned(), " ".to_owned()),
        ]);
        let err = map.check(Param::Name("currency_options")).unwrap_err();
        assert!(
            matches!(&err, Error::InvalidParams { param, .. } if param == "currency_options[usd]"),
            "{err:?}"
        );
        assert!(
            BTreeMap::from([("eur".to_owned(), "4".to_owned())])
                .check(Param::Root)
                .is_ok()
        );
    }

    #[test]
    fn a_root_names_its_fields_bare_and_a_name_brackets_them() {
        let root = Param::Root;
        assert_eq!(root.field("customer").to_string(), "customer");
        let named = Param::Name("subscription_data");
        let issuer = named.field("invoice_settings");
        assert_eq!(
            issuer.index(0).to_string(),
            "subscription_data[invoice_settings][0]"
        );
    }
}
