//! How response objects decode: [`FromJson`] for the many small objects inside a response and
//! [`Stream`] for the hot objects every answer holds. The structs are declared with `model!`
//! (`declare::model`), which expands to these; nothing here declares a model.
//!
//! A session carries hundreds of fields in nested objects (payment method options, branding,
//! invoice settings, custom fields, …) that few callers read. Serde's derived `Deserialize`
//! writes a visitor, a field enum and a sequence branch for every struct, each compiled again
//! for every deserializer; for that many structs it costs more build time than the whole
//! crate may (see docs/performance.md). A `model!` struct instead reads its fields in one
//! non-generic function per struct ([`FromJson::from_entries`]), which hands the object's
//! entries to per-field slots behind a `dyn` ([`Entries`], [`Slot`]): straight from the
//! deserializer while JSON text is decoded, so no map is built for it, or from an owned
//! [`serde_json::Value`]. A leaf value is read as a `Value` and converted ([`Slot::fill`], one
//! conversion compiled per field type), so serde_json's decoders are compiled once for all of
//! them. Decoding a session this way is faster than parsing it into a `Value`
//! (docs/performance.md has the figures).
//!
//! The hot objects (session, line item, price, product, coupon, discount, promotion code,
//! customer, totals) are `model! { stream … }` structs: read straight from the deserializer, as
//! serde's derive would, but with one visitor and no sequence branch or field enum; their
//! fields of [`FromJson`] types stream through one shared seed ([`Convert`]), and the fields that
//! hold other stream structs are declared with `model!(direct …)`. Both
//! follow the same rules (see [`CheckoutSession`](crate::checkout::CheckoutSession)):
//! unknown fields are ignored and a repeated known one refused, a missing or `null` `Option` is
//! `None`, lists, maps, flags and amounts read a missing or `null` value as empty, `false` or
//! 0, and unknown enum values are kept as `Unknown(..)`. A value of the wrong shape is an
//! error naming its path.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::map::Entry;
use serde_json::{Map, Value};

use crate::expand::{Expandable, StripeObject};

mod stream;

pub(crate) use stream::{Key, Stream, stream_field, stream_list, stream_option, stream_take};

/// A field of the wrong shape, with the path from the object `from_json` was called on.
#[derive(Debug)]
pub(crate) struct JsonError {
    /// Innermost first (reversed when displayed).
    path: Vec<Segment>,
    problem: Problem,
}

#[derive(Debug)]
enum Segment {
    Field(&'static str),
    Key(String),
    Index(usize),
}

#[derive(Debug)]
enum Problem {
    Expected {
        expected: &'static str,
        found: &'static str,
    },
    Missing,
    Serde(String),
    /// The deserializer refused; its error (with the position) is kept by [`Streamed`] and
    /// replaces this one.
    Deferred,
}

impl JsonError {
    fn expected(expected: &'static str, found: &Value) -> Self {
        let found = match found {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        };
        Self {
            path: Vec::new(),
            problem: Problem::Expected { expected, found },
        }
    }

    fn at(mut self, segment: Segment) -> Self {
        self.path.push(segment);
        self
    }

    /// The same refusal, read from inside the fields of `trail`.
    fn within(mut self, trail: Option<&Trail<'_>>) -> Self {
        let mut next = trail;
        while let Some(trail) = next {
            self.path.push(Segment::Field(trail.field));
            next = trail.outer;
        }
        self
    }
}

/// The fields a streamed value was reached through, innermost first, from where a model's
/// reading began (a stream struct's field, or the model decoded): kept on the stack while
/// reading, and read only to name the path of a refusal.
pub(super) struct Trail<'a> {
    field: &'static str,
    outer: Option<&'a Trail<'a>>,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Written like serde_path_to_error's paths: `a.b[0].c`.
        let path = || {
            let mut path = String::new();
            for segment in self.path.iter().rev() {
                match segment {
                    Segment::Index(i) => path.push_str(&format!("[{i}]")),
                    Segment::Field(name) => push_name(&mut path, name),
                    Segment::Key(key) => push_name(&mut path, key),
                }
            }
            path
        };
        // A scalar field refused as a whole has no path inside it: `json_path` names it.
        let here = self.path.is_empty();
        match &self.problem {
            Problem::Expected { expected, found } if here => {
                write!(f, "invalid type: expected {expected}, found {found}")
            }
            Problem::Expected { expected, found } => {
                write!(
                    f,
                    "invalid type at `{}`: expected {expected}, found {found}",
                    path()
                )
            }
            Problem::Missing => write!(f, "missing field `{}`", path()),
            Problem::Serde(message) if here => f.write_str(message),
            Problem::Serde(message) => write!(f, "at `{}`: {message}", path()),
            Problem::Deferred => f.write_str("the JSON text was refused"),
        }
    }
}

fn push_name(path: &mut String, name: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(name);
}

/// A type read from an owned JSON value: the models declared with `model!` and what their
/// fields hold.
pub(crate) trait FromJson: Sized {
    /// Reads a value that is present (possibly `null`).
    fn from_json(value: Value) -> Result<Self, JsonError>;

    /// Whether an object of this type is read entry by entry ([`from_entries`]): models (and
    /// an `Option` or [`Expandable`] of one) are, so that decoding JSON text builds no map for
    /// them; any other type reads an object as a whole `Value`.
    ///
    /// [`from_entries`]: Self::from_entries
    const ENTRIES: bool = false;

    /// Reads an object from its entries; called only when [`ENTRIES`](Self::ENTRIES) is
    /// set. The default is never called.
    fn from_entries(entries: &mut dyn Entries) -> Result<Self, JsonError> {
        let _ = entries;
        Err(not_read_by_entries())
    }

    /// The value of an absent field, or `None` when the field is required.
    fn absent() -> Option<Self> {
        None
    }
}

/// What [`FromJson::from_entries`] gives for a type that reads an object whole (a bug: the
/// decoder asks only types whose `ENTRIES` is set).
#[cold]
#[inline(never)]
fn not_read_by_entries() -> JsonError {
    JsonError {
        path: Vec::new(),
        problem: Problem::Serde("this type is not read entry by entry".to_owned()),
    }
}

/// A type a model's field can hold: it has a placeholder for the struct built before a
/// refusal is reported.
pub(crate) trait Field {
    /// Any value; it is dropped unread when another field refused.
    fn placeholder() -> Self;
}

/// The entries of an object a model reads: straight from the deserializer while JSON text is
/// decoded ([`Streamed`]), or from a map already read ([`Owned`]). Behind a `dyn`, so that each
/// model's reader is compiled once, whatever the source.
pub(crate) trait Entries {
    /// Reads each entry into the slot of the same name (other names are skipped), and stops at
    /// the first refusal, which it gives back; a name given twice is refused.
    fn fill(&mut self, slots: &mut [(&'static str, &mut dyn Slot)]) -> Result<(), JsonError>;
}

/// The entries of a map already read.
struct Owned(Map<String, Value>);

impl Entries for Owned {
    /// One function for every model: each model only lists its slots.
    fn fill(&mut self, slots: &mut [(&'static str, &mut dyn Slot)]) -> Result<(), JsonError> {
        for (key, value) in std::mem::take(&mut self.0) {
            if let Some((name, slot)) = slots.iter_mut().find(|(name, _)| *name == key) {
                if let Err(refusal) = slot.fill(value) {
                    return Err(refusal.at(Segment::Field(name)));
                }
            }
        }
        Ok(())
    }
}

/// The entries of `value`, which must be an object: what a model's `from_json` reads.
pub(crate) fn entries_of(value: Value) -> Result<impl Entries, JsonError> {
    object(value).map(Owned)
}

/// The entries of an object the deserializer is reading. A model's fields are read into their
/// slots as they come, so no map is built for it. The deserializer's errors carry the
/// position serde_json stamps on them (which `json_path` turns into the path), so the first
/// one is kept here and given back by [`Convert`] in place of the [`Problem::Deferred`] that
/// crossed the model's reader.
struct Streamed<'a, 'de, A: MapAccess<'de>> {
    access: &'a mut A,
    /// The fields the object was reached through.
    trail: Option<&'a Trail<'a>>,
    error: Option<A::Error>,
    input: PhantomData<&'de ()>,
}

impl<'de, A: MapAccess<'de>> Streamed<'_, 'de, A> {
    fn defer(&mut self, error: A::Error) -> JsonError {
        self.error = Some(error);
        JsonError {
            path: Vec::new(),
            problem: Problem::Deferred,
        }
    }
}

impl<'de, A: MapAccess<'de>> Entries for Streamed<'_, 'de, A> {
    fn fill(&mut self, slots: &mut [(&'static str, &mut dyn Slot)]) -> Result<(), JsonError> {
        loop {
            let key = match self.access.next_key::<Key<'de>>() {
                Ok(Some(key)) => key,
                Ok(None) => return Ok(()),
                Err(e) => return Err(self.defer(e)),
            };
            let read = match slots.iter_mut().find(|(name, _)| *name == key.as_str()) {
                // Refused before the value is read, as serde's derived structs do (and where
                // `json_path` looks for it).
                Some((name, slot)) if slot.is_filled() => Err(serde::de::Error::custom(
                    format_args!("duplicate field `{name}`"),
                )),
                Some((name, slot)) => self.access.next_value_seed(Convert {
                    expecting: "any value",
                    slot: &mut **slot,
                    trail: Some(&Trail {
                        field: name,
                        outer: self.trail,
                    }),
                }),
                None => self.access.next_value::<IgnoredAny>().map(drop),
            };
            if let Err(e) = read {
                return Err(self.defer(e));
            }
        }
    }
}

/// The value read for field `name`, or its value when absent ([`FromJson::absent`]); a
/// missing required field is kept as the error (unless there is one already) and given a
/// placeholder.
///
/// The struct is built whole and dropped once on error, rather than with `?` on each field:
/// with `?`, every field's exit drops the fields before it, and a struct of fifty fields
/// compiled to fifteen thousand lines of IR.
pub(crate) fn take<T: FromJson + Field>(
    read: Option<T>,
    name: &'static str,
    error: &mut Option<JsonError>,
) -> T {
    match read {
        Some(value) => value,
        None => match T::absent() {
            Some(absent) => absent,
            None => {
                keep_first(error, name);
                T::placeholder()
            }
        },
    }
}

/// Out of [`take`], which is compiled once per field type, so that only the happy path is.
#[cold]
fn keep_first(error: &mut Option<JsonError>, name: &'static str) {
    if error.is_none() {
        *error = Some(JsonError {
            path: vec![Segment::Field(name)],
            problem: Problem::Missing,
        });
    }
}

/// The object's fields, or an error when `value` is not an object.
pub(crate) fn object(value: Value) -> Result<Map<String, Value>, JsonError> {
    match value {
        Value::Object(map) => Ok(map),
        other => Err(JsonError::expected("an object", &other)),
    }
}

/// `Deserialize` for a [`FromJson`] object: its fields are read as `Value`s, then converted.
pub(crate) fn deserialize<'de, D: Deserializer<'de>, T: FromJson>(
    deserializer: D,
) -> Result<T, D::Error> {
    let mut read: Option<T> = None;
    deserializer.deserialize_map(Convert {
        expecting: "an object",
        slot: &mut read,
        trail: None,
    })?;
    Ok(read.expect("the visitor converted the object"))
}

/// Reads one JSON value into a [`Slot`] (behind a `dyn`), so that serde_json's decoders are
/// compiled once for every model and field type rather than once for each. An object is read
/// entry by entry into the slot ([`Slot::fill_object`]: a model's fields go straight to its
/// own slots, through this again); any other value is read as a [`Value`] and converted. The
/// conversion runs inside the visitor, so that serde_json stamps a refusal with the position
/// right after the value (`json_path` turns it into the value's path), and the message names
/// the path from where the model's reading began. A repeated key is refused like serde's
/// derived structs refuse it: with the same message, before the value is read (which is
/// where `json_path` looks for it).
pub(super) struct Convert<'a> {
    pub(super) expecting: &'static str,
    pub(super) slot: &'a mut dyn Slot,
    pub(super) trail: Option<&'a Trail<'a>>,
}

impl Convert<'_> {
    fn done<E: serde::de::Error>(self, value: Value) -> Result<(), E> {
        self.slot
            .fill(value)
            .map_err(|refusal| E::custom(refusal.within(self.trail)))
    }
}

/// Where [`Convert`] and [`Entries::fill`] put what they read: an empty `Option` of the type
/// read.
pub(crate) trait Slot {
    /// Reads a value already read as JSON.
    fn fill(&mut self, value: Value) -> Result<(), JsonError>;

    /// Whether an object is read into it entry by entry ([`FromJson::ENTRIES`]).
    fn reads_entries(&self) -> bool;

    /// Reads an object from its entries (when [`reads_entries`](Self::reads_entries)).
    fn fill_object(&mut self, entries: &mut dyn Entries) -> Result<(), JsonError>;

    /// Whether a value was read into it.
    fn is_filled(&self) -> bool;
}

impl<T: FromJson> Slot for Option<T> {
    fn fill(&mut self, value: Value) -> Result<(), JsonError> {
        let read = T::from_json(value)?;
        put(self, read);
        Ok(())
    }

    fn reads_entries(&self) -> bool {
        T::ENTRIES
    }

    fn fill_object(&mut self, entries: &mut dyn Entries) -> Result<(), JsonError> {
        // A branch on a constant: rustc generates only the live one for each `T`, so the
        // types that read an object whole carry no reader of entries.
        if T::ENTRIES {
            let read = T::from_entries(entries)?;
            put(self, read);
            Ok(())
        } else {
            Err(not_read_by_entries())
        }
    }

    fn is_filled(&self) -> bool {
        self.is_some()
    }
}

/// Puts `read` in `slot`, which is empty: a slot is filled once (a repeated key is refused
/// before), so there is nothing to drop, and forgetting the empty old value keeps `T`'s drop
/// glue out of every copy.
#[inline]
fn put<T>(slot: &mut Option<T>, read: T) {
    let old = slot.replace(read);
    debug_assert!(old.is_none(), "a slot is filled once");
    std::mem::forget(old);
}

impl<'de> serde::de::DeserializeSeed<'de> for Convert<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Convert<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<(), E> {
        self.done(Value::Bool(v))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<(), E> {
        self.done(Value::from(v))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<(), E> {
        self.done(Value::from(v))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<(), E> {
        self.done(Value::from(v))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<(), E> {
        self.done(Value::String(v.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<(), E> {
        self.done(Value::String(v))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.done(Value::Null)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        self.done(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let value = Value::deserialize(deserializer)?;
        self.done(value)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut access: A) -> Result<(), A::Error> {
        let mut items = Vec::new();
        while let Some(item) = access.next_element::<Value>()? {
            items.push(item);
        }
        self.done(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<(), A::Error> {
        if !self.slot.reads_entries() {
            return self.visit_whole_map(access);
        }
        let mut entries = Streamed {
            access: &mut access,
            trail: self.trail,
            error: None,
            input: PhantomData,
        };
        match self.slot.fill_object(&mut entries) {
            Ok(()) => Ok(()),
            // The deserializer's own error, or the model's refusal (a missing field)
            // positioned after its object.
            Err(refusal) => Err(entries
                .error
                .take()
                .unwrap_or_else(|| serde::de::Error::custom(refusal.within(self.trail)))),
        }
    }
}

impl Convert<'_> {
    /// Reads an object as a whole `Value` (a map, metadata, JSON kept open), refusing a
    /// repeated key.
    fn visit_whole_map<'de, A: MapAccess<'de>>(self, mut access: A) -> Result<(), A::Error> {
        let mut fields = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            match fields.entry(key) {
                Entry::Vacant(entry) => {
                    entry.insert(access.next_value::<Value>()?);
                }
                Entry::Occupied(entry) => {
                    return Err(serde::de::Error::custom(format_args!(
                        "duplicate field `{}`",
                        entry.key()
                    )));
                }
            }
        }
        self.done(Value::Object(fields))
    }
}

/// [`FromJson`] through serde's `Deserialize`, for a type decoded that way anyway.
pub(crate) fn via_serde<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, JsonError> {
    serde_json::from_value(value).map_err(|e| JsonError {
        path: Vec::new(),
        problem: Problem::Serde(e.to_string()),
    })
}

impl FromJson for String {
    fn from_json(value: Value) -> Result<Self, JsonError> {
        match value {
            Value::String(s) => Ok(s),
            other => Err(JsonError::expected("a string", &other)),
        }
    }
}

macro_rules! placeholder {
    ($($ty:ty),*) => {
        $( impl Field for $ty {
            fn placeholder() -> Self {
                Self::default()
            }
        } )*
    };
}

placeholder!(String, i64, u64, f64, bool, Map<String, Value>);

impl<T> Field for Option<T> {
    fn placeholder() -> Self {
        None
    }
}

impl<T> Field for Vec<T> {
    fn placeholder() -> Self {
        Vec::new()
    }
}

impl<T> Field for HashMap<String, T> {
    fn placeholder() -> Self {
        HashMap::new()
    }
}

/// Amounts Stripe always sends (a tax's or a discount's share) read a missing or `null`
/// value as 0, like the derived models' amounts.
impl FromJson for i64 {
    fn from_json(value: Value) -> Result<Self, JsonError> {
        match &value {
            Value::Null => Ok(0),
            Value::Number(n) => n
                .as_i64()
                .ok_or_else(|| JsonError::expected("an integer", &value)),
            _ => Err(JsonError::expected("an integer", &value)),
        }
    }

    fn absent() -> Option<Self> {
        Some(0)
    }
}

/// Counts (a line item's quantity).
impl FromJson for u64 {
    fn from_json(value: Value) -> Result<Self, JsonError> {
        match &value {
            Value::Number(n) => n
                .as_u64()
                .ok_or_else(|| JsonError::expected("a non-negative integer", &value)),
            _ => Err(JsonError::expected("a non-negative integer", &value)),
        }
    }
}

impl FromJson for f64 {
    fn from_json(value: Value) -> Result<Self, JsonError> {
        match &value {
            Value::Number(n) => n
                .as_f64()
                .ok_or_else(|| JsonError::expected("a number", &value)),
            _ => Err(JsonError::expected("a number", &value)),
        }
    }
}

/// Flags read a missing or `null` value as `false`, like the derived models' flags.
impl FromJson for bool {
    fn from_json(value: Value) -> Result<Self, JsonError> {
        match value {
            Value::Bool(b) => Ok(b),
            Value::Null => Ok(false),
            other => Err(JsonError::expected("a boolean", &other)),
        }
    }

    fn absent() -> Option<Self> {
        Some(false)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: Value) -> Result<Self, JsonError> {
        match value {
            Value::Null => Ok(None),
            value => T::from_json(value).map(Some),
        }
    }

    const ENTRIES: bool = T::ENTRIES;

    fn from_entries(entries: &mut dyn Entries) -> Result<Self, JsonError> {
        if T::ENTRIES {
            T::from_entries(entries).map(Some)
        } else {
            Err(not_read_by_entries())
        }
    }

    fn absent() -> Option<Self> {
        Some(None)
    }
}

/// Lists read a missing or `null` value as empty.
impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Value) -> Result<Self, JsonError> {
        match value {
            Value::Null => Ok(Vec::new()),
            // A loop rather than `collect::<Result<_, _>>()`, whose adapters are compiled
            // again for every item type.
            Value::Array(items) => {
                let mut read = Vec::with_capacity(items.len());
                for (i, item) in items.into_iter().enumerate() {
                    match T::from_json(item) {
                        Ok(item) => read.push(item),
                        Err(e) => return Err(e.at(Segment::Index(i))),
                    }
                }
                Ok(read)
            }
            other => Err(JsonError::expected("an array", &other)),
        }
    }

    fn absent() -> Option<Self> {
        Some(Vec::new())
    }
}

/// Maps (metadata, per-currency options) read a missing or `null` value as empty.
impl<T: FromJson> FromJson for HashMap<String, T> {
    fn from_json(value: Value) -> Result<Self, JsonError> {
        match value {
            Value::Null => Ok(HashMap::new()),
            Value::Object(entries) => {
                let mut read = HashMap::with_capacity(entries.len());
                for (key, value) in entries {
                    match T::from_json(value) {
                        Ok(value) => read.insert(key, value),
                        Err(e) => return Err(e.at(Segment::Key(key))),
                    };
                }
                Ok(read)
            }
            other => Err(JsonError::expected("an object", &other)),
        }
    }

    fn absent() -> Option<Self> {
        Some(HashMap::new())
    }
}

/// JSON kept as it is (a sub-object the models leave open).
impl FromJson for Value {
    fn from_json(value: Value) -> Result<Self, JsonError> {
        Ok(value)
    }
}

/// Free-form JSON objects (a coupon script's configuration) read a missing or `null` value
/// as empty.
impl FromJson for Map<String, Value> {
    fn from_json(value: Value) -> Result<Self, JsonError> {
        match value {
            Value::Null => Ok(Map::new()),
            other => object(other),
        }
    }

    fn absent() -> Option<Self> {
        Some(Map::new())
    }
}

impl<T: FromJson> FromJson for Expandable<T> {
    fn from_json(value: Value) -> Result<Self, JsonError> {
        match value {
            Value::String(id) => Ok(Expandable::Id(id)),
            value @ Value::Object(_) => {
                T::from_json(value).map(|obj| Expandable::Object(obj.into()))
            }
            other => Err(JsonError::expected(
                "an id string or an expanded object",
                &other,
            )),
        }
    }

    const ENTRIES: bool = T::ENTRIES;

    fn from_entries(entries: &mut dyn Entries) -> Result<Self, JsonError> {
        if T::ENTRIES {
            T::from_entries(entries).map(|obj| Expandable::Object(obj.into()))
        } else {
            Err(not_read_by_entries())
        }
    }
}

/// Implements decoding for id types: ids Stripe sends are trusted for their prefix (see their
/// `Deserialize`), so any string is taken.
macro_rules! id_from_json {
    ($($id:ty),* $(,)?) => {
        $( impl $crate::wire::model::FromJson for $id {
            fn from_json(
                value: ::serde_json::Value,
            ) -> ::std::result::Result<Self, $crate::wire::model::JsonError> {
                <String as $crate::wire::model::FromJson>::from_json(value).map(Self::from_stripe)
            }
        }

        impl $crate::wire::model::Field for $id {
            fn placeholder() -> Self {
                Self::from_stripe(String::new())
            }
        } )*
    };
}

pub(crate) use id_from_json;

impl FromJson for StripeObject {
    fn from_json(value: Value) -> Result<Self, JsonError> {
        via_serde(value)
    }
}

#[cfg(test)]
mod tests;
