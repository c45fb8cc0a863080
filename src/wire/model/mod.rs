//! How response objects decode: [`FromJson`], which every `model!` struct (declared with
//! `declare::model`) and every type its fields hold implements. Nothing here declares a model.
//!
//! A session carries hundreds of fields in nested objects (payment method options, branding,
//! invoice settings, custom fields, …) that few callers read. Serde's derived `Deserialize`
//! writes a visitor, a field enum and a sequence branch for every struct, each compiled again
//! for every deserializer; for that many structs it costs more build time than the whole
//! crate may (see docs/performance.md). A model instead reads itself in one non-generic
//! function ([`FromJson::from_entries`]): it starts from its placeholder (every field absent)
//! and hands the object's entries to its fields in place, each named and behind a `dyn`
//! ([`Entries`], [`Named`], [`Slot`]). The entries come straight from the deserializer while
//! JSON text is decoded, so no map is built for any model, or from an owned
//! [`serde_json::Value`]. A leaf value is read as a `Value` and converted ([`Slot::fill`], one
//! conversion compiled per field type), so serde_json's decoders are compiled once for all of
//! them; a list of models is read item by item ([`Items`]). Decoding a session this way is
//! faster than parsing it into a `Value` (docs/performance.md has the figures).
//!
//! The rules (see [`CheckoutSession`](crate::checkout::CheckoutSession)): unknown fields are
//! ignored and a repeated known one refused, a missing or `null` `Option` is `None`, lists,
//! maps, flags and amounts read a missing or `null` value as empty, `false` or 0, a missing
//! required field is refused, and unknown enum values are kept as `Unknown(..)`. A value of the
//! wrong shape is an error naming its path.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::map::Entry;
use serde_json::{Map, Value};

use crate::expand::{Expandable, StripeObject};
use crate::wire::list::List;

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
    /// The deserializer refused; its error (with the position) is kept by [`Streamed`] or
    /// [`StreamedItems`] and replaces this one.
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

    fn deferred() -> Self {
        Self {
            path: Vec::new(),
            problem: Problem::Deferred,
        }
    }

    fn at(mut self, segment: Segment) -> Self {
        self.path.push(segment);
        self
    }

    /// The same refusal, read from inside the steps of `trail`.
    fn within(mut self, trail: Option<&Trail<'_>>) -> Self {
        let mut next = trail;
        while let Some(trail) = next {
            self.path.push(match trail.step {
                Step::Field(name) => Segment::Field(name),
                Step::Index(index) => Segment::Index(index),
            });
            next = trail.outer;
        }
        self
    }
}

/// The fields and list items a streamed value was reached through, innermost first, from
/// where a model's reading began (the model decoded): kept on the stack while reading, and
/// read only to name the path of a refusal.
struct Trail<'a> {
    step: Step,
    outer: Option<&'a Trail<'a>>,
}

#[derive(Clone, Copy)]
enum Step {
    Field(&'static str),
    Index(usize),
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

/// A type read from JSON: the models declared with `model!` and what their fields hold.
pub(crate) trait FromJson: Sized {
    /// Reads a value that is present (possibly `null`).
    fn from_json(value: Value) -> Result<Self, JsonError>;

    /// Whether an object of this type is read entry by entry ([`from_entries`]): models (and
    /// an `Option`, [`Expandable`] or [`List`] of one) are, so that decoding JSON text builds
    /// no map for them; any other type reads an object as a whole `Value`.
    ///
    /// [`from_entries`]: Self::from_entries
    const ENTRIES: bool = false;

    /// Whether an array of this type is read item by item ([`from_items`]): a list of models
    /// is, for the same reason.
    ///
    /// [`from_items`]: Self::from_items
    const ITEMS: bool = false;

    /// Reads an object from its entries; called only when [`ENTRIES`](Self::ENTRIES) is
    /// set. The default is never called.
    fn from_entries(entries: &mut dyn Entries) -> Result<Self, JsonError> {
        let _ = entries;
        Err(not_read_this_way())
    }

    /// Reads an array from its items; called only when [`ITEMS`](Self::ITEMS) is set. The
    /// default is never called.
    fn from_items(items: &mut dyn Items) -> Result<Self, JsonError> {
        let _ = items;
        Err(not_read_this_way())
    }
}

/// What [`FromJson::from_entries`] or [`FromJson::from_items`] gives for a type that is not
/// read that way (a bug: the decoder asks only types whose flag is set).
#[cold]
#[inline(never)]
fn not_read_this_way() -> JsonError {
    JsonError {
        path: Vec::new(),
        problem: Problem::Serde("this type is not read entry by entry or item by item".to_owned()),
    }
}

/// A type a model's field can hold: what the field reads as when it is absent.
pub(crate) trait Field {
    /// Whether the field must be present: an absent field of any other type keeps its
    /// [`placeholder`](Self::placeholder).
    const REQUIRED: bool;

    /// The value of an absent field (`None`, empty, `false`, 0), or for a required type any
    /// value, which a refusal drops unread. It owns no memory: a field is filled over it
    /// without dropping it ([`Slot::fill`]).
    fn placeholder() -> Self;
}

/// One field of a model being read: its wire name, the field itself (behind a `dyn`, so that
/// each model's reader is compiled once, whatever the source), how its value is read, and
/// whether it was. A model's reader lists its fields in declaration order, which is the order
/// Stripe writes them in, so that a key is usually found at the first look.
pub(crate) struct Named<'a> {
    pub(crate) name: &'static str,
    pub(crate) slot: &'a mut dyn Slot,
    /// [`Field::REQUIRED`] of its type.
    pub(crate) required: bool,
    /// [`FromJson::ENTRIES`] of its type.
    pub(crate) entries: bool,
    /// [`FromJson::ITEMS`] of its type.
    pub(crate) items: bool,
    /// Whether a value was read into it (starts `false`).
    pub(crate) filled: bool,
}

/// The entries of an object a model reads: straight from the deserializer while JSON text is
/// decoded ([`Streamed`]), or from a map already read ([`Owned`]).
pub(crate) trait Entries {
    /// Reads each entry into the field of the same name (other names are skipped), stops at
    /// the first refusal, which it gives back, and then refuses a required field left
    /// unread; a name given twice is refused.
    fn fill(&mut self, fields: &mut [Named<'_>]) -> Result<(), JsonError>;
}

/// The index of the field named `key`, looked for from `from` (the field after the last one
/// found) first.
fn find(fields: &[Named<'_>], key: &str, from: usize) -> Option<usize> {
    let from = from.min(fields.len());
    let (before, after) = fields.split_at(from);
    match after.iter().position(|field| field.name == key) {
        Some(i) => Some(from + i),
        None => before.iter().position(|field| field.name == key),
    }
}

/// The first required field left unread, as the refusal.
fn missing(fields: &[Named<'_>]) -> Result<(), JsonError> {
    match fields.iter().find(|field| field.required && !field.filled) {
        None => Ok(()),
        Some(field) => Err(JsonError {
            path: vec![Segment::Field(field.name)],
            problem: Problem::Missing,
        }),
    }
}

/// The entries of a map already read.
struct Owned(Map<String, Value>);

impl Entries for Owned {
    /// One function for every model: each model only lists its fields.
    fn fill(&mut self, fields: &mut [Named<'_>]) -> Result<(), JsonError> {
        let mut next = 0;
        for (key, value) in std::mem::take(&mut self.0) {
            if let Some(i) = find(fields, &key, next) {
                next = i + 1;
                let field = &mut fields[i];
                if let Err(refusal) = field.slot.fill(Source::Value(value)) {
                    return Err(refusal.at(Segment::Field(field.name)));
                }
                field.filled = true;
            }
        }
        missing(fields)
    }
}

/// The entries of `value`, which must be an object: what a model's `from_json` reads.
pub(crate) fn entries_of(value: Value) -> Result<impl Entries, JsonError> {
    object(value).map(Owned)
}

/// The entries of an object the deserializer is reading. A model's fields are read into it
/// as they come, so no map is built for it. The deserializer's errors carry the position
/// serde_json stamps on them (which `json_path` turns into the path), so the first one is
/// kept here and given back by [`Convert`] in place of the [`Problem::Deferred`] that crossed
/// the model's reader.
struct Streamed<'a, 'de, A: MapAccess<'de>> {
    access: &'a mut A,
    /// The steps the object was reached through.
    trail: Option<&'a Trail<'a>>,
    error: Option<A::Error>,
    input: PhantomData<&'de ()>,
}

impl<'de, A: MapAccess<'de>> Entries for Streamed<'_, 'de, A> {
    fn fill(&mut self, fields: &mut [Named<'_>]) -> Result<(), JsonError> {
        let mut next = 0;
        loop {
            let key = match self.access.next_key::<Key<'de>>() {
                Ok(Some(key)) => key,
                Ok(None) => return missing(fields),
                Err(e) => return Err(defer(&mut self.error, e)),
            };
            let read = match find(fields, key.as_str(), next) {
                // Refused before the value is read, as serde's derived structs do (and where
                // `json_path` looks for it).
                Some(i) if fields[i].filled => Err(serde::de::Error::custom(format_args!(
                    "duplicate field `{}`",
                    fields[i].name
                ))),
                Some(i) => {
                    next = i + 1;
                    let field = &mut fields[i];
                    let read = self.access.next_value_seed(Convert {
                        expecting: "any value",
                        slot: &mut *field.slot,
                        entries: field.entries,
                        items: field.items,
                        trail: Some(&Trail {
                            step: Step::Field(field.name),
                            outer: self.trail,
                        }),
                    });
                    field.filled = true;
                    read
                }
                None => self.access.next_value::<IgnoredAny>().map(drop),
            };
            if let Err(e) = read {
                return Err(defer(&mut self.error, e));
            }
        }
    }
}

/// Keeps the deserializer's first error for [`Convert`] to give back.
fn defer<E>(kept: &mut Option<E>, error: E) -> JsonError {
    if kept.is_none() {
        *kept = Some(error);
    }
    JsonError::deferred()
}

/// The items of an array a list of models reads, straight from the deserializer.
pub(crate) trait Items {
    /// Reads the next item into `slot` (an empty `Option` of the item type, whose
    /// [`FromJson::ENTRIES`] is `entries`); `false` at the end of the array.
    fn next(&mut self, slot: &mut dyn Slot, entries: bool) -> Result<bool, JsonError>;
}

/// The items of an array the deserializer is reading (see [`Streamed`] for the errors).
struct StreamedItems<'a, 'de, A: SeqAccess<'de>> {
    access: &'a mut A,
    /// The steps the array was reached through.
    trail: Option<&'a Trail<'a>>,
    index: usize,
    error: Option<A::Error>,
    input: PhantomData<&'de ()>,
}

impl<'de, A: SeqAccess<'de>> Items for StreamedItems<'_, 'de, A> {
    fn next(&mut self, slot: &mut dyn Slot, entries: bool) -> Result<bool, JsonError> {
        let read = self.access.next_element_seed(Convert {
            expecting: "any value",
            slot,
            entries,
            items: false,
            trail: Some(&Trail {
                step: Step::Index(self.index),
                outer: self.trail,
            }),
        });
        self.index += 1;
        match read {
            Ok(read) => Ok(read.is_some()),
            Err(e) => Err(defer(&mut self.error, e)),
        }
    }
}

/// The object's fields, or an error when `value` is not an object.
pub(crate) fn object(value: Value) -> Result<Map<String, Value>, JsonError> {
    match value {
        Value::Object(map) => Ok(map),
        other => Err(JsonError::expected("an object", &other)),
    }
}

/// `Deserialize` for a [`FromJson`] object: read entry by entry when it is a model.
pub(crate) fn deserialize<'de, D: Deserializer<'de>, T: FromJson>(
    deserializer: D,
) -> Result<T, D::Error> {
    let mut read: Option<T> = None;
    deserializer.deserialize_map(Convert {
        expecting: "an object",
        slot: &mut read,
        entries: T::ENTRIES,
        items: false,
        trail: None,
    })?;
    Ok(read.expect("the visitor converted the object"))
}

/// Reads JSON text holding one object (an answer) as `T`, refusing trailing bytes like
/// `serde_json::from_slice`, through [`read_slice`], which every answer type shares.
pub(crate) fn from_slice<T: FromJson>(json: &[u8]) -> Result<T, serde_json::Error> {
    let mut read: Option<T> = None;
    read_slice(json, &mut read, T::ENTRIES)?;
    Ok(read.expect("the visitor converted the object"))
}

/// Non-generic, so that serde_json's reader of JSON text is compiled once for every answer
/// type rather than once for each (with its own copy of every model's drop glue).
fn read_slice(json: &[u8], slot: &mut dyn Slot, entries: bool) -> Result<(), serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    deserializer.deserialize_map(Convert {
        expecting: "an object",
        slot,
        entries,
        items: false,
        trail: None,
    })?;
    deserializer.end()
}

/// Reads one JSON value into a [`Slot`] (behind a `dyn`), so that serde_json's decoders are
/// compiled once for every model and field type rather than once for each. An object of a
/// model is read entry by entry into the slot ([`Source::Entries`]: its fields are read
/// through this again), and an array of models item by item ([`Source::Items`]); any other
/// value is read as a [`Value`] and converted. The conversion runs inside the visitor, so that
/// serde_json stamps a refusal with the position right after the value (`json_path` turns it
/// into the value's path), and the message names the path from where the model's reading
/// began. A repeated key is refused like serde's derived structs refuse it: with the same
/// message, before the value is read (which is where `json_path` looks for it).
struct Convert<'a> {
    expecting: &'static str,
    slot: &'a mut dyn Slot,
    /// Whether an object is read entry by entry.
    entries: bool,
    /// Whether an array is read item by item.
    items: bool,
    trail: Option<&'a Trail<'a>>,
}

impl Convert<'_> {
    fn done<E: serde::de::Error>(self, value: Value) -> Result<(), E> {
        self.slot
            .fill(Source::Value(value))
            .map_err(|refusal| E::custom(refusal.within(self.trail)))
    }

    /// The deserializer's own error kept by the reader, or the reader's refusal (a missing
    /// field) positioned after its value.
    fn refused<E: serde::de::Error>(
        trail: Option<&Trail<'_>>,
        kept: Option<E>,
        refusal: JsonError,
    ) -> E {
        kept.unwrap_or_else(|| E::custom(refusal.within(trail)))
    }
}

/// What a [`Slot`] is filled from.
pub(crate) enum Source<'a> {
    /// A value already read as JSON.
    Value(Value),
    /// The entries of an object (for a type whose [`FromJson::ENTRIES`] is set).
    Entries(&'a mut dyn Entries),
    /// The items of an array (for a type whose [`FromJson::ITEMS`] is set).
    Items(&'a mut dyn Items),
}

/// A field being read: what [`Convert`] and [`Entries::fill`] put a value in.
pub(crate) trait Slot {
    /// Reads the field's value from `source`. The field holds its placeholder (or `None`), is
    /// filled once, and is left as it was on a refusal.
    fn fill(&mut self, source: Source<'_>) -> Result<(), JsonError>;
}

impl<T: FromJson> Slot for T {
    fn fill(&mut self, source: Source<'_>) -> Result<(), JsonError> {
        // Branches on constants: rustc generates only the live ones for each `T`, so the
        // types that read an object or array whole carry no reader of entries or items.
        let read = match source {
            Source::Value(value) => T::from_json(value)?,
            Source::Entries(entries) if T::ENTRIES => T::from_entries(entries)?,
            Source::Items(items) if T::ITEMS => T::from_items(items)?,
            Source::Entries(_) | Source::Items(_) => return Err(not_read_this_way()),
        };
        // What is replaced is a placeholder (or `None`), which owns no memory: forgetting it
        // keeps `T`'s drop glue out of every copy.
        std::mem::forget(std::mem::replace(self, read));
        Ok(())
    }
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

    fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<(), A::Error> {
        if !self.items {
            let mut items = Vec::new();
            while let Some(item) = access.next_element::<Value>()? {
                items.push(item);
            }
            return self.done(Value::Array(items));
        }
        let mut items = StreamedItems {
            access: &mut access,
            trail: self.trail,
            index: 0,
            error: None,
            input: PhantomData,
        };
        match self.slot.fill(Source::Items(&mut items)) {
            Ok(()) => Ok(()),
            Err(refusal) => Err(Self::refused(self.trail, items.error.take(), refusal)),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<(), A::Error> {
        if !self.entries {
            return self.visit_whole_map(access);
        }
        let mut entries = Streamed {
            access: &mut access,
            trail: self.trail,
            error: None,
            input: PhantomData,
        };
        match self.slot.fill(Source::Entries(&mut entries)) {
            Ok(()) => Ok(()),
            Err(refusal) => Err(Self::refused(self.trail, entries.error.take(), refusal)),
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

/// A field name as a model's reader reads it: borrowed from the input when it can be, one
/// type for every model so its decoder is compiled once.
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

/// Field types with a default: `required` says whether an absent field is refused (the
/// default is then only a placeholder).
macro_rules! field_default {
    ($($ty:ty => $required:literal),* $(,)?) => {
        $( impl Field for $ty {
            const REQUIRED: bool = $required;

            fn placeholder() -> Self {
                Self::default()
            }
        } )*
    };
}

field_default!(
    String => true,
    u64 => true,
    f64 => true,
    i64 => false,
    bool => false,
    Map<String, Value> => false,
);

impl<T> Field for Option<T> {
    const REQUIRED: bool = false;

    fn placeholder() -> Self {
        None
    }
}

impl<T> Field for Vec<T> {
    const REQUIRED: bool = false;

    fn placeholder() -> Self {
        Vec::new()
    }
}

impl<T> Field for HashMap<String, T> {
    const REQUIRED: bool = false;

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
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: Value) -> Result<Self, JsonError> {
        match value {
            Value::Null => Ok(None),
            value => T::from_json(value).map(Some),
        }
    }

    const ENTRIES: bool = T::ENTRIES;
    const ITEMS: bool = T::ITEMS;

    fn from_entries(entries: &mut dyn Entries) -> Result<Self, JsonError> {
        if T::ENTRIES {
            T::from_entries(entries).map(Some)
        } else {
            Err(not_read_this_way())
        }
    }

    fn from_items(items: &mut dyn Items) -> Result<Self, JsonError> {
        if T::ITEMS {
            T::from_items(items).map(Some)
        } else {
            Err(not_read_this_way())
        }
    }
}

/// Lists read a missing or `null` value as empty; a list of models is read item by item.
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

    const ITEMS: bool = T::ENTRIES;

    fn from_items(items: &mut dyn Items) -> Result<Self, JsonError> {
        if !T::ENTRIES {
            return Err(not_read_this_way());
        }
        let mut read = Vec::new();
        loop {
            let mut item: Option<T> = None;
            if !items.next(&mut item, true)? {
                return Ok(read);
            }
            match item {
                Some(item) => read.push(item),
                // A `null` item: refused as the model refuses it.
                None => {
                    let index = read.len();
                    return Err(T::from_json(Value::Null)
                        .err()
                        .unwrap_or_else(not_read_this_way)
                        .at(Segment::Index(index)));
                }
            }
        }
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
            Err(not_read_this_way())
        }
    }
}

/// A page of a list inside an answer (a session's expanded `line_items`): `data` is
/// required, `has_more` and `url` read as `false` and empty when absent.
impl<T: FromJson> FromJson for List<T> {
    fn from_json(value: Value) -> Result<Self, JsonError> {
        Self::from_entries(&mut entries_of(value)?)
    }

    const ENTRIES: bool = true;

    fn from_entries(entries: &mut dyn Entries) -> Result<Self, JsonError> {
        let mut read = List::default();
        entries.fill(&mut [
            Named {
                name: "data",
                slot: &mut read.data,
                required: true,
                entries: false,
                items: <Vec<T>>::ITEMS,
                filled: false,
            },
            Named {
                name: "has_more",
                slot: &mut read.has_more,
                required: false,
                entries: false,
                items: false,
                filled: false,
            },
            Named {
                name: "url",
                slot: &mut read.url,
                required: false,
                entries: false,
                items: false,
                filled: false,
            },
        ])?;
        Ok(read)
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
            const REQUIRED: bool = true;

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
