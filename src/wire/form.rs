//! Stripe's bracket-syntax form encoding: [`to_pairs`] flattens any [`Serialize`] value — a
//! typed params struct or a [`serde_json::Value`] — into the ordered `(key, value)` pairs that
//! Stripe's official SDKs send, and [`to_string`] percent-escapes them into an
//! `application/x-www-form-urlencoded` string. Decoding Stripe's JSON responses lives elsewhere,
//! and sending the encoded parameters is the transport's job, not this module's.
//!
//! # Encoding rules
//!
//! | value | encoded as |
//! |---|---|
//! | struct / map (top level) | one pair per leaf, `field=…` |
//! | nested struct / map | `parent[field]=…`, to any depth |
//! | `Vec`, slice, tuple | always indexed: `expand[0]=discounts`, `items[0][price]=…` |
//! | empty `Vec` / empty map | nothing |
//! | `bool` | `true` / `false` |
//! | integers | decimal |
//! | floats | decimal without exponent (`1e21` → `1000000000000000000000`); NaN/∞ are errors |
//! | `None`, `()`, JSON `null` | nothing: the key is omitted (stripe-node sends `key=` for `null`; here clearing is always explicit) |
//! | `""` | `key=` — Stripe's signal to clear a field (see [`Clearable`](crate::Clearable)) |
//! | unit enum variant | its (serde-renamed) name |
//! | newtype / tuple / struct variant | a map under the variant name: `key[Variant]…` |
//! | bytes | an error |
//!
//! Map keys may be strings, chars, integers, unit variants or newtypes of those. Pairs come out
//! in serialization order: struct field order, or the map's own iteration order (a
//! [`serde_json::Map`] without `preserve_order` iterates sorted by key).
//!
//! ```
//! use serde::Serialize;
//! use stripe_checkout_client::form;
//!
//! #[derive(Serialize)]
//! struct LineItem<'a> {
//!     price: &'a str,
//!     quantity: u32,
//! }
//!
//! #[derive(Serialize)]
//! struct CreateSession<'a> {
//!     mode: &'a str,
//!     line_items: Vec<LineItem<'a>>,
//!     customer_email: Option<&'a str>,
//! }
//!
//! let params = CreateSession {
//!     mode: "payment",
//!     line_items: vec![LineItem { price: "price_123", quantity: 1 }],
//!     customer_email: None,
//! };
//! assert_eq!(
//!     form::to_string(&params)?,
//!     "mode=payment&line_items%5B0%5D%5Bprice%5D=price_123&line_items%5B0%5D%5Bquantity%5D=1",
//! );
//! # Ok::<(), form::EncodeError>(())
//! ```

use std::fmt::{self, Write as _};

use serde::Serialize;
use serde::ser::{self, Impossible};

/// Flattens `value` into Stripe's bracket-syntax `(key, value)` pairs, in serialization order.
///
/// The top level must be a struct or map (or `Some` of one); `None`, `()` and JSON `null`
/// encode as no pairs at all.
///
/// ```
/// use serde_json::json;
/// use stripe_checkout_client::form;
///
/// let pairs = form::to_pairs(&json!({
///     "discounts": [{"coupon": "SUMMER25"}],
///     "expand": ["discounts", "line_items"],
/// }))?;
/// assert_eq!(
///     pairs,
///     [
///         ("discounts[0][coupon]".to_owned(), "SUMMER25".to_owned()),
///         ("expand[0]".to_owned(), "discounts".to_owned()),
///         ("expand[1]".to_owned(), "line_items".to_owned()),
///     ]
/// );
/// # Ok::<(), form::EncodeError>(())
/// ```
///
/// # Errors
///
/// See [`EncodeError`]: a top-level scalar or sequence, a map key that is not text, a
/// non-finite float, bytes, or a custom error raised by the value's `Serialize` impl.
pub fn to_pairs<T: Serialize + ?Sized>(value: &T) -> Result<Vec<(String, String)>, EncodeError> {
    let mut enc = Encoder {
        // Stripe keys rarely exceed a few dozen bytes, so one up-front buffer usually never
        // grows.
        key: String::with_capacity(64),
        pairs: Vec::new(),
    };
    value.serialize(ValueSerializer {
        enc: &mut enc,
        top: true,
    })?;
    Ok(enc.pairs)
}

/// Encodes `value` as a percent-escaped form string: [`to_pairs`], then [`encode_pairs`].
///
/// Brackets are escaped (`%5B`, `%5D`) and spaces become `+`; Stripe accepts both.
///
/// ```
/// use serde_json::json;
/// use stripe_checkout_client::form;
///
/// let body = form::to_string(&json!({"discounts": [{"coupon": "SUMMER 25"}]}))?;
/// assert_eq!(body, "discounts%5B0%5D%5Bcoupon%5D=SUMMER+25");
/// # Ok::<(), form::EncodeError>(())
/// ```
///
/// # Errors
///
/// As [`to_pairs`].
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, EncodeError> {
    Ok(encode_pairs(&to_pairs(value)?))
}

/// Percent-escapes already-flattened pairs into an `application/x-www-form-urlencoded`
/// string, keeping their order.
///
/// ```
/// use stripe_checkout_client::form;
///
/// let pairs = [("metadata[order]".to_owned(), "42 & up".to_owned())];
/// assert_eq!(form::encode_pairs(&pairs), "metadata%5Border%5D=42+%26+up");
/// ```
pub fn encode_pairs(pairs: &[(String, String)]) -> String {
    // serde_urlencoded only fails on values that are not string-like; a slice of string pairs
    // is always accepted, so this cannot fire.
    serde_urlencoded::to_string(pairs).expect("string pairs always form-encode")
}

/// Why a value could not be form-encoded. Nothing was sent.
///
/// ```
/// use stripe_checkout_client::form::{self, EncodeError};
///
/// let err = form::to_pairs(&vec!["not", "a", "map"]).unwrap_err();
/// assert!(matches!(err, EncodeError::UnsupportedTopLevel { kind: "sequence" }));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EncodeError {
    /// The top level was not a struct or map, so there are no keys to name the values by.
    #[error("cannot encode a top-level {kind}: parameters must be a struct or map")]
    UnsupportedTopLevel {
        /// What was found instead, e.g. `"sequence"` or `"string"`.
        kind: &'static str,
    },

    /// A map key was not a string, char, integer or unit variant, so it cannot become a
    /// bracket segment.
    #[error("map key {} is not a string", At(key))]
    NonStringKey {
        /// The bracket path of the map holding the key (empty at the top level).
        key: String,
    },

    /// A map key was empty: `a[]=x` would be read by Stripe as appending to a list.
    #[error("map key {} is empty", At(key))]
    EmptyKey {
        /// The bracket path of the map holding the key (empty at the top level).
        key: String,
    },

    /// A float was NaN or infinite; Stripe's decimal syntax has no spelling for those.
    #[error("`{key}` is not a finite number")]
    NonFiniteFloat {
        /// The bracket path of the value.
        key: String,
    },

    /// A value has no form representation.
    #[error("cannot form-encode {kind} at `{key}`")]
    UnsupportedValue {
        /// The bracket path of the value.
        key: String,
        /// What the value was, e.g. `"bytes"`.
        kind: &'static str,
    },

    /// The value's `Serialize` impl reported an error of its own.
    #[error("{0}")]
    Custom(String),
}

impl ser::Error for EncodeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        EncodeError::Custom(msg.to_string())
    }
}

/// Names a map's position in error messages; the top level has no path to quote.
struct At<'a>(&'a str);

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("at the top level")
        } else {
            write!(f, "under `{}`", self.0)
        }
    }
}

/// The encoding state. `key` is the single path buffer shared by every level: before pushing
/// an entry's segment, a level truncates the buffer back to its own path, so only the
/// finished pairs allocate and nothing needs undoing when a level ends.
struct Encoder {
    key: String,
    pairs: Vec<(String, String)>,
}

impl Encoder {
    fn emit(&mut self, value: String) {
        self.pairs.push((self.key.clone(), value));
    }

    /// Appends one path segment; top-level names are bare, nested ones bracketed.
    fn push_segment(&mut self, top: bool, segment: &str) {
        if top {
            self.key.push_str(segment);
        } else {
            self.key.push('[');
            self.key.push_str(segment);
            self.key.push(']');
        }
    }
}

/// Serializes one value at the path currently in `enc.key`.
///
/// `top` marks the root, where only map-like values are allowed and keys carry no brackets.
struct ValueSerializer<'a> {
    enc: &'a mut Encoder,
    top: bool,
}

impl<'a> ValueSerializer<'a> {
    /// Emits a scalar, unless it sits at the top level where it would have no key.
    fn scalar(self, kind: &'static str, value: impl FnOnce() -> String) -> Result<(), EncodeError> {
        if self.top {
            return Err(EncodeError::UnsupportedTopLevel { kind });
        }
        self.enc.emit(value());
        Ok(())
    }

    fn float(self, finite: bool, value: impl FnOnce() -> String) -> Result<(), EncodeError> {
        if self.top {
            return Err(EncodeError::UnsupportedTopLevel { kind: "float" });
        }
        if !finite {
            return Err(EncodeError::NonFiniteFloat {
                key: self.enc.key.clone(),
            });
        }
        self.enc.emit(value());
        Ok(())
    }

    fn seq(self, kind: &'static str) -> Result<SeqEncoder<'a>, EncodeError> {
        if self.top {
            return Err(EncodeError::UnsupportedTopLevel { kind });
        }
        let len = self.enc.key.len();
        Ok(SeqEncoder {
            enc: self.enc,
            base: len,
            index: 0,
        })
    }

    fn map(self) -> MapEncoder<'a> {
        let len = self.enc.key.len();
        MapEncoder {
            enc: self.enc,
            top: self.top,
            base: len,
        }
    }

    /// Opens the single-key map that serde's externally tagged enums amount to.
    fn variant(self, variant: &str) -> ValueSerializer<'a> {
        self.enc.push_segment(self.top, variant);
        ValueSerializer {
            enc: self.enc,
            top: false,
        }
    }
}

macro_rules! display_scalars {
    ($($method:ident: $ty:ty => $kind:literal),* $(,)?) => {
        $(
            fn $method(self, v: $ty) -> Result<(), EncodeError> {
                self.scalar($kind, || v.to_string())
            }
        )*
    };
}

impl<'a> ser::Serializer for ValueSerializer<'a> {
    type Ok = ();
    type Error = EncodeError;
    type SerializeSeq = SeqEncoder<'a>;
    type SerializeTuple = SeqEncoder<'a>;
    type SerializeTupleStruct = SeqEncoder<'a>;
    type SerializeTupleVariant = SeqEncoder<'a>;
    type SerializeMap = MapEncoder<'a>;
    type SerializeStruct = MapEncoder<'a>;
    type SerializeStructVariant = MapEncoder<'a>;

    display_scalars! {
        serialize_bool: bool => "bool",
        serialize_i8: i8 => "integer",
        serialize_i16: i16 => "integer",
        serialize_i32: i32 => "integer",
        serialize_i64: i64 => "integer",
        serialize_i128: i128 => "integer",
        serialize_u8: u8 => "integer",
        serialize_u16: u16 => "integer",
        serialize_u32: u32 => "integer",
        serialize_u64: u64 => "integer",
        serialize_u128: u128 => "integer",
        serialize_char: char => "char",
    }

    // `Display` for floats never uses exponent notation, which is what Stripe expects; f32 is
    // formatted as itself so that 0.1f32 stays `0.1` instead of widening to 0.10000000149….
    // `+ 0.0` turns -0 into 0, which is how the official SDKs write it.
    fn serialize_f32(self, v: f32) -> Result<(), EncodeError> {
        self.float(v.is_finite(), || (v + 0.0).to_string())
    }

    fn serialize_f64(self, v: f64) -> Result<(), EncodeError> {
        self.float(v.is_finite(), || (v + 0.0).to_string())
    }

    fn serialize_str(self, v: &str) -> Result<(), EncodeError> {
        self.scalar("string", || v.to_owned())
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), EncodeError> {
        if self.top {
            return Err(EncodeError::UnsupportedTopLevel { kind: "bytes" });
        }
        Err(EncodeError::UnsupportedValue {
            key: self.enc.key.clone(),
            kind: "bytes",
        })
    }

    // Absent values are omitted rather than sent empty: an empty value would clear the field.
    fn serialize_none(self) -> Result<(), EncodeError> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), EncodeError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), EncodeError> {
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), EncodeError> {
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), EncodeError> {
        self.scalar("unit variant", || variant.to_owned())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), EncodeError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), EncodeError> {
        value.serialize(self.variant(variant))
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<SeqEncoder<'a>, EncodeError> {
        self.seq("sequence")
    }

    fn serialize_tuple(self, _: usize) -> Result<SeqEncoder<'a>, EncodeError> {
        self.seq("tuple")
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<SeqEncoder<'a>, EncodeError> {
        self.seq("tuple struct")
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<SeqEncoder<'a>, EncodeError> {
        let inner = self.variant(variant);
        let base = inner.enc.key.len();
        Ok(SeqEncoder {
            enc: inner.enc,
            base,
            index: 0,
        })
    }

    fn serialize_map(self, _: Option<usize>) -> Result<MapEncoder<'a>, EncodeError> {
        Ok(self.map())
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<MapEncoder<'a>, EncodeError> {
        Ok(self.map())
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<MapEncoder<'a>, EncodeError> {
        let inner = self.variant(variant);
        let base = inner.enc.key.len();
        Ok(MapEncoder {
            enc: inner.enc,
            top: false,
            base,
        })
    }
}

/// Sequences, tuples and tuple variants: every element gets an explicit `[i]`, as the
/// official SDKs send arrays (an unindexed `a[]` form is ambiguous for arrays of objects).
struct SeqEncoder<'a> {
    enc: &'a mut Encoder,
    /// Path length of the sequence itself; each element's index is pushed after it.
    base: usize,
    index: usize,
}

impl SeqEncoder<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EncodeError> {
        // Truncating before pushing is what keeps the path right: a finished element, or
        // one whose error a caller swallowed, leaves its segments behind.
        self.enc.key.truncate(self.base);
        // Writing into a String cannot fail.
        let _ = write!(self.enc.key, "[{}]", self.index);
        self.index += 1;
        value.serialize(ValueSerializer {
            enc: &mut *self.enc,
            top: false,
        })
    }
}

impl ser::SerializeSeq for SeqEncoder<'_> {
    type Ok = ();
    type Error = EncodeError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EncodeError> {
        self.element(value)
    }

    fn end(self) -> Result<(), EncodeError> {
        Ok(())
    }
}

impl ser::SerializeTuple for SeqEncoder<'_> {
    type Ok = ();
    type Error = EncodeError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EncodeError> {
        self.element(value)
    }

    fn end(self) -> Result<(), EncodeError> {
        Ok(())
    }
}

impl ser::SerializeTupleStruct for SeqEncoder<'_> {
    type Ok = ();
    type Error = EncodeError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EncodeError> {
        self.element(value)
    }

    fn end(self) -> Result<(), EncodeError> {
        Ok(())
    }
}

impl ser::SerializeTupleVariant for SeqEncoder<'_> {
    type Ok = ();
    type Error = EncodeError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EncodeError> {
        self.element(value)
    }

    fn end(self) -> Result<(), EncodeError> {
        Ok(())
    }
}

/// Maps, structs and struct variants: each entry's key becomes one path segment.
struct MapEncoder<'a> {
    enc: &'a mut Encoder,
    top: bool,
    /// Path length of the map itself; each entry's segment is pushed after it.
    base: usize,
}

impl MapEncoder<'_> {
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EncodeError> {
        value.serialize(ValueSerializer {
            enc: &mut *self.enc,
            top: false,
        })
    }

    fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), EncodeError> {
        self.enc.key.truncate(self.base);
        self.enc.push_segment(self.top, name);
        self.value(value)
    }
}

impl ser::SerializeMap for MapEncoder<'_> {
    type Ok = ();
    type Error = EncodeError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), EncodeError> {
        let key_buf = &mut self.enc.key;
        key_buf.truncate(self.base);
        let path_len = key_buf.len();
        if !self.top {
            key_buf.push('[');
        }
        key.serialize(KeySerializer {
            key: &mut *key_buf,
            path_len,
        })?;
        if !self.top {
            key_buf.push(']');
        }
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EncodeError> {
        self.value(value)
    }

    fn end(self) -> Result<(), EncodeError> {
        Ok(())
    }
}

impl ser::SerializeStruct for MapEncoder<'_> {
    type Ok = ();
    type Error = EncodeError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), EncodeError> {
        self.field(name, value)
    }

    fn end(self) -> Result<(), EncodeError> {
        Ok(())
    }
}

impl ser::SerializeStructVariant for MapEncoder<'_> {
    type Ok = ();
    type Error = EncodeError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), EncodeError> {
        self.field(name, value)
    }

    fn end(self) -> Result<(), EncodeError> {
        Ok(())
    }
}

/// Writes a map key straight into the path buffer as one segment's text.
struct KeySerializer<'a> {
    key: &'a mut String,
    /// Where the enclosing map's path ends, for naming it in errors.
    path_len: usize,
}

impl KeySerializer<'_> {
    fn error(&self) -> EncodeError {
        let path = self.key.get(..self.path_len).unwrap_or_default();
        EncodeError::NonStringKey {
            key: path.to_owned(),
        }
    }

    fn reject(self) -> Result<(), EncodeError> {
        Err(self.error())
    }

    fn text(self, value: impl fmt::Display) -> Result<(), EncodeError> {
        // Writing into a String cannot fail.
        let _ = write!(self.key, "{value}");
        Ok(())
    }
}

macro_rules! reject_keys {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(
            fn $method(self, $(_: $arg),*) -> Result<(), EncodeError> {
                self.reject()
            }
        )*
    };
}

macro_rules! text_keys {
    ($($method:ident: $ty:ty),* $(,)?) => {
        $(
            fn $method(self, v: $ty) -> Result<(), EncodeError> {
                self.text(v)
            }
        )*
    };
}

impl ser::Serializer for KeySerializer<'_> {
    type Ok = ();
    type Error = EncodeError;
    type SerializeSeq = Impossible<(), EncodeError>;
    type SerializeTuple = Impossible<(), EncodeError>;
    type SerializeTupleStruct = Impossible<(), EncodeError>;
    type SerializeTupleVariant = Impossible<(), EncodeError>;
    type SerializeMap = Impossible<(), EncodeError>;
    type SerializeStruct = Impossible<(), EncodeError>;
    type SerializeStructVariant = Impossible<(), EncodeError>;

    text_keys! {
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_i128: i128,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_u128: u128,
        serialize_char: char,
    }

    // Booleans and floats are rejected rather than stringified: as keys they are almost
    // certainly a modelling mistake, and Stripe has no parameter named `true` or `1.5`.
    reject_keys! {
        serialize_bool(bool),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
    }

    fn serialize_str(self, v: &str) -> Result<(), EncodeError> {
        if v.is_empty() {
            let path = self.key.get(..self.path_len).unwrap_or_default();
            return Err(EncodeError::EmptyKey {
                key: path.to_owned(),
            });
        }
        self.key.push_str(v);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), EncodeError> {
        self.reject()
    }

    // Enum keys (e.g. a map keyed by a currency enum) read as their names, as in serde_json.
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), EncodeError> {
        self.key.push_str(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), EncodeError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), EncodeError> {
        self.reject()
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, EncodeError> {
        Err(self.error())
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, EncodeError> {
        Err(self.error())
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, EncodeError> {
        Err(self.error())
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, EncodeError> {
        Err(self.error())
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, EncodeError> {
        Err(self.error())
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, EncodeError> {
        Err(self.error())
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, EncodeError> {
        Err(self.error())
    }
}

/// Owned pairs from literals, for the unit tests that compare encoded pairs.
#[cfg(test)]
pub(crate) fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashMap};

    use serde::Serialize;
    use serde_json::{Value, json};

    use super::{EncodeError, encode_pairs, pairs, to_pairs, to_string};
    use crate::Clearable;

    fn sorted(mut list: Vec<(String, String)>) -> Vec<(String, String)> {
        list.sort();
        list
    }

    /// One field, so each scalar can be checked at a nested path.
    #[derive(Serialize)]
    struct One<T> {
        v: T,
    }

    fn one<T: Serialize>(v: T) -> Result<Vec<(String, String)>, EncodeError> {
        to_pairs(&One { v })
    }

    #[derive(Serialize)]
    struct CouponData {
        name: Option<String>,
        amount_off: Option<i64>,
        percent_off: Option<f64>,
        currency: Option<String>,
    }

    #[derive(Serialize)]
    struct Discount {
        coupon: Option<String>,
        coupon_data: Option<CouponData>,
    }

    #[derive(Serialize)]
    struct UpdateSession {
        discounts: Option<Clearable<Vec<Discount>>>,
        expand: Vec<&'static str>,
    }

    #[test]
    fn nested_struct_omits_none_fields() {
        let params = UpdateSession {
            discounts: Some(Clearable::Set(vec![Discount {
                coupon: None,
                coupon_data: Some(CouponData {
                    name: Some("Customer Discount".into()),
                    amount_off: Some(2000),
                    percent_off: None,
                    currency: Some("usd".into()),
                }),
            }])),
            expand: vec![],
        };
        // Stripe vector `update_coupon_data_amount`, in the official SDKs' order.
        assert_eq!(
            to_pairs(&params).unwrap(),
            pairs(&[
                ("discounts[0][coupon_data][name]", "Customer Discount"),
                ("discounts[0][coupon_data][amount_off]", "2000"),
                ("discounts[0][coupon_data][currency]", "usd"),
            ])
        );
    }

    #[test]
    fn vec_of_structs_is_indexed() {
        #[derive(Serialize)]
        struct LineItem {
            price: &'static str,
            quantity: u32,
        }
        #[derive(Serialize)]
        struct Create {
            ui_mode: &'static str,
            line_items: Vec<LineItem>,
            mode: &'static str,
        }
        let params = Create {
            ui_mode: "custom",
            line_items: vec![
                LineItem {
                    price: "price_123",
                    quantity: 1,
                },
                LineItem {
                    price: "price_456",
                    quantity: 3,
                },
            ],
            mode: "payment",
        };
        assert_eq!(
            to_pairs(&params).unwrap(),
            pairs(&[
                ("ui_mode", "custom"),
                ("line_items[0][price]", "price_123"),
                ("line_items[0][quantity]", "1"),
                ("line_items[1][price]", "price_456"),
                ("line_items[1][quantity]", "3"),
                ("mode", "payment"),
            ])
        );
    }

    #[test]
    fn expand_list_is_indexed() {
        let params = UpdateSession {
            discounts: None,
            expand: vec!["discounts", "line_items"],
        };
        assert_eq!(
            to_pairs(&params).unwrap(),
            pairs(&[("expand[0]", "discounts"), ("expand[1]", "line_items")])
        );
    }

    #[test]
    fn stripe_vectors_from_json_values() {
        assert_eq!(
            sorted(
                to_pairs(&json!({"discounts": [{"coupon_data": {
                    "name": "Customer Discount", "amount_off": 2000, "currency": "usd"
                }}]}))
                .unwrap()
            ),
            sorted(pairs(&[
                ("discounts[0][coupon_data][name]", "Customer Discount"),
                ("discounts[0][coupon_data][amount_off]", "2000"),
                ("discounts[0][coupon_data][currency]", "usd"),
            ]))
        );
        assert_eq!(
            to_pairs(&json!({"discounts": ""})).unwrap(),
            pairs(&[("discounts", "")])
        );
        assert_eq!(
            to_pairs(&json!({"expand": ["discounts", "line_items"]})).unwrap(),
            pairs(&[("expand[0]", "discounts"), ("expand[1]", "line_items")])
        );
    }

    #[test]
    fn bools() {
        assert_eq!(one(true).unwrap(), pairs(&[("v", "true")]));
        assert_eq!(one(false).unwrap(), pairs(&[("v", "false")]));
    }

    #[test]
    fn integers() {
        assert_eq!(one(0u8).unwrap(), pairs(&[("v", "0")]));
        assert_eq!(one(-42i32).unwrap(), pairs(&[("v", "-42")]));
        assert_eq!(
            one(i64::MIN).unwrap(),
            pairs(&[("v", "-9223372036854775808")])
        );
        assert_eq!(
            one(u64::MAX).unwrap(),
            pairs(&[("v", "18446744073709551615")])
        );
        assert_eq!(
            one(u128::MAX).unwrap(),
            pairs(&[("v", "340282366920938463463374607431768211455")])
        );
    }

    #[test]
    fn floats_have_no_exponent() {
        assert_eq!(one(12.5f64).unwrap(), pairs(&[("v", "12.5")]));
        assert_eq!(
            one(1e21f64).unwrap(),
            pairs(&[("v", "1000000000000000000000")])
        );
        assert_eq!(one(1e-7f64).unwrap(), pairs(&[("v", "0.0000001")]));
        assert_eq!(one(0.1f32).unwrap(), pairs(&[("v", "0.1")]));
        assert_eq!(one(25.0f64).unwrap(), pairs(&[("v", "25")]));
        assert_eq!(one(-0.0f64).unwrap(), pairs(&[("v", "0")]));
        assert_eq!(one(-0.0f32).unwrap(), pairs(&[("v", "0")]));
        assert_eq!(one(-2.5f64).unwrap(), pairs(&[("v", "-2.5")]));
    }

    #[test]
    fn non_finite_floats_are_errors() {
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let err = to_pairs(&One { v: One { v } }).unwrap_err();
            assert!(
                matches!(&err, EncodeError::NonFiniteFloat { key } if key == "v[v]"),
                "{err:?}"
            );
            assert_eq!(err.to_string(), "`v[v]` is not a finite number");
        }
        assert!(matches!(
            one(f32::NAN),
            Err(EncodeError::NonFiniteFloat { .. })
        ));
    }

    #[test]
    fn empty_collections_send_nothing() {
        #[derive(Serialize)]
        struct Params {
            expand: Vec<String>,
            metadata: BTreeMap<String, String>,
            nested: One<Vec<u8>>,
        }
        let params = Params {
            expand: vec![],
            metadata: BTreeMap::new(),
            nested: One { v: vec![] },
        };
        assert_eq!(to_pairs(&params).unwrap(), []);
        assert_eq!(to_pairs(&json!({"a": [], "b": {}})).unwrap(), []);
        assert_eq!(to_string(&json!({})).unwrap(), "");
    }

    #[test]
    fn empty_string_is_sent_as_empty_value() {
        assert_eq!(one("").unwrap(), pairs(&[("v", "")]));
        let mut metadata = BTreeMap::new();
        metadata.insert("k", "");
        assert_eq!(one(metadata).unwrap(), pairs(&[("v[k]", "")]));
    }

    #[test]
    fn clearable_clear_and_set() {
        #[derive(Serialize)]
        struct Params {
            discounts: Clearable<Vec<&'static str>>,
        }
        assert_eq!(
            to_pairs(&Params {
                discounts: Clearable::Clear
            })
            .unwrap(),
            pairs(&[("discounts", "")])
        );
        assert_eq!(
            to_pairs(&Params {
                discounts: Clearable::Set(vec!["a", "b"])
            })
            .unwrap(),
            pairs(&[("discounts[0]", "a"), ("discounts[1]", "b")])
        );
    }

    #[test]
    fn json_value_with_nesting_null_and_empty_string() {
        // Keys already sorted, so the order is the same with or without serde_json's
        // `preserve_order` (which the test build enables).
        let value = json!({
            "a": "",
            "b": {"x": null, "y": [1, {"z": true}]},
            "c": [null, "s", []],
            "d": 1.5,
        });
        assert_eq!(
            to_pairs(&value).unwrap(),
            pairs(&[
                ("a", ""),
                ("b[y][0]", "1"),
                ("b[y][1][z]", "true"),
                ("c[1]", "s"),
                ("d", "1.5"),
            ])
        );
    }

    #[test]
    fn empty_top_levels_encode_as_nothing() {
        assert_eq!(to_pairs(&()).unwrap(), []);
        assert_eq!(to_pairs(&None::<One<u8>>).unwrap(), []);
        assert_eq!(to_pairs(&Value::Null).unwrap(), []);
        #[derive(Serialize)]
        struct Unit;
        assert_eq!(to_pairs(&Unit).unwrap(), []);
        assert_eq!(to_pairs(&Some(One { v: 1 })).unwrap(), pairs(&[("v", "1")]));
    }

    #[test]
    fn top_level_scalars_and_sequences_are_rejected() {
        let cases: Vec<(Result<_, _>, &str)> = vec![
            (to_pairs(&1), "integer"),
            (to_pairs(&"s"), "string"),
            (to_pairs(&true), "bool"),
            (to_pairs(&1.5), "float"),
            (to_pairs(&json!("s")), "string"),
            (to_pairs(&vec![1, 2]), "sequence"),
            (to_pairs(&json!([{"a": 1}])), "sequence"),
            (to_pairs(&(1, 2)), "tuple"),
            (to_pairs(&Vec::<u8>::new()), "sequence"),
        ];
        for (result, want) in cases {
            match result {
                Err(EncodeError::UnsupportedTopLevel { kind }) => assert_eq!(kind, want),
                other => panic!("expected {want}, got {other:?}"),
            }
        }
        assert_eq!(
            to_pairs(&[1]).unwrap_err().to_string(),
            "cannot encode a top-level tuple: parameters must be a struct or map"
        );
    }

    #[test]
    fn non_string_map_keys_are_rejected() {
        let mut tuple_keys = HashMap::new();
        tuple_keys.insert((1u8, 2u8), "x");
        let err = one(tuple_keys).unwrap_err();
        assert!(
            matches!(&err, EncodeError::NonStringKey { key } if key == "v"),
            "{err:?}"
        );
        assert_eq!(err.to_string(), "map key under `v` is not a string");

        let mut bool_keys = BTreeMap::new();
        bool_keys.insert(true, 1);
        let err = to_pairs(&bool_keys).unwrap_err();
        assert!(
            matches!(&err, EncodeError::NonStringKey { key } if key.is_empty()),
            "{err:?}"
        );
        assert_eq!(err.to_string(), "map key at the top level is not a string");

        #[derive(Serialize, PartialEq, Eq, Hash)]
        struct Key {
            id: u8,
        }
        let mut struct_keys = HashMap::new();
        struct_keys.insert(Key { id: 1 }, 1);
        let err = to_pairs(&One {
            v: vec![One { v: struct_keys }],
        })
        .unwrap_err();
        assert!(
            matches!(&err, EncodeError::NonStringKey { key } if key == "v[0][v]"),
            "{err:?}"
        );

        // An optional key, and a variant carrying data, are no names either.
        let mut optional_keys = BTreeMap::new();
        optional_keys.insert(Some("a"), 1);
        #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
        enum Tagged {
            Named(u8),
        }
        let mut tagged_keys = BTreeMap::new();
        tagged_keys.insert(Tagged::Named(1), 1);
        for err in [
            one(optional_keys).unwrap_err(),
            one(tagged_keys).unwrap_err(),
        ] {
            assert!(
                matches!(&err, EncodeError::NonStringKey { key } if key == "v"),
                "{err:?}"
            );
        }
    }

    #[test]
    fn empty_map_keys_are_rejected() {
        let err = to_pairs(&serde_json::json!({"a": {"": "x"}})).unwrap_err();
        assert!(
            matches!(&err, EncodeError::EmptyKey { key } if key == "a"),
            "{err:?}"
        );
        assert_eq!(err.to_string(), "map key under `a` is empty");
        let err = to_pairs(&serde_json::json!({"": "x"})).unwrap_err();
        assert!(
            matches!(&err, EncodeError::EmptyKey { key } if key.is_empty()),
            "{err:?}"
        );
    }

    #[test]
    fn integer_char_enum_and_newtype_keys_are_text() {
        #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
        #[serde(rename_all = "lowercase")]
        enum Currency {
            Usd,
        }
        #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
        struct Id(String);

        let mut ints = BTreeMap::new();
        ints.insert(-3i32, "a");
        ints.insert(7, "b");
        assert_eq!(one(ints).unwrap(), pairs(&[("v[-3]", "a"), ("v[7]", "b")]));
        let mut chars = BTreeMap::new();
        chars.insert('k', 1);
        assert_eq!(to_pairs(&chars).unwrap(), pairs(&[("k", "1")]));
        let mut enums = BTreeMap::new();
        enums.insert(Currency::Usd, 500);
        assert_eq!(one(enums).unwrap(), pairs(&[("v[usd]", "500")]));
        let mut ids = BTreeMap::new();
        ids.insert(Id("cs_1".into()), "x");
        assert_eq!(one(ids).unwrap(), pairs(&[("v[cs_1]", "x")]));
    }

    #[test]
    fn bytes_are_unsupported() {
        struct Bytes;
        impl Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(b"raw")
            }
        }
        let err = to_pairs(&One {
            v: One { v: Bytes },
        })
        .unwrap_err();
        assert!(
            matches!(&err, EncodeError::UnsupportedValue { key, kind: "bytes" } if key == "v[v]"),
            "{err:?}"
        );
        assert_eq!(err.to_string(), "cannot form-encode bytes at `v[v]`");
        assert!(matches!(
            to_pairs(&Bytes),
            Err(EncodeError::UnsupportedTopLevel { kind: "bytes" })
        ));
    }

    #[test]
    fn enum_variants() {
        #[derive(Serialize)]
        #[serde(rename_all = "snake_case")]
        enum UiMode {
            Custom,
            HostedPage,
        }
        #[derive(Serialize)]
        #[serde(rename_all = "snake_case")]
        enum Discount {
            Coupon(String),
            CouponData { amount_off: u32, currency: String },
            Pair(u8, u8),
        }
        #[derive(Serialize)]
        struct Params {
            ui_mode: UiMode,
            other: UiMode,
            discounts: Vec<Discount>,
        }
        let params = Params {
            ui_mode: UiMode::Custom,
            other: UiMode::HostedPage,
            discounts: vec![
                Discount::Coupon("SUMMER25".into()),
                Discount::CouponData {
                    amount_off: 500,
                    currency: "eur".into(),
                },
                Discount::Pair(1, 2),
            ],
        };
        assert_eq!(
            to_pairs(&params).unwrap(),
            pairs(&[
                ("ui_mode", "custom"),
                ("other", "hosted_page"),
                ("discounts[0][coupon]", "SUMMER25"),
                ("discounts[1][coupon_data][amount_off]", "500"),
                ("discounts[1][coupon_data][currency]", "eur"),
                ("discounts[2][pair][0]", "1"),
                ("discounts[2][pair][1]", "2"),
            ])
        );
    }

    #[test]
    fn top_level_enum_variants_are_single_key_maps() {
        #[derive(Serialize)]
        enum Params {
            Create { mode: &'static str },
            Id(&'static str),
            Unit,
        }
        assert_eq!(
            to_pairs(&Params::Create { mode: "payment" }).unwrap(),
            pairs(&[("Create[mode]", "payment")])
        );
        assert_eq!(to_pairs(&Params::Id("x")).unwrap(), pairs(&[("Id", "x")]));
        assert!(matches!(
            to_pairs(&Params::Unit),
            Err(EncodeError::UnsupportedTopLevel {
                kind: "unit variant"
            })
        ));
    }

    #[test]
    fn newtype_structs_chars_and_units_nested() {
        #[derive(Serialize)]
        struct CouponId(&'static str);
        #[derive(Serialize)]
        struct Marker;
        #[derive(Serialize)]
        struct Params {
            coupon: CouponId,
            initial: char,
            nothing: (),
            marker: Marker,
            after: u8,
        }
        let params = Params {
            coupon: CouponId("SUMMER25"),
            initial: 'é',
            nothing: (),
            marker: Marker,
            after: 1,
        };
        assert_eq!(
            to_pairs(&params).unwrap(),
            pairs(&[("coupon", "SUMMER25"), ("initial", "é"), ("after", "1")])
        );
    }

    #[test]
    fn custom_errors_are_kept() {
        struct Failing;
        impl Serialize for Failing {
            fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
                Err(serde::ser::Error::custom("no can do"))
            }
        }
        let err = one(Failing).unwrap_err();
        assert!(matches!(&err, EncodeError::Custom(m) if m == "no can do"));
        assert_eq!(err.to_string(), "no can do");
    }

    #[test]
    fn path_buffer_is_restored_after_each_level() {
        let value = json!({
            "a": {"b": [{"c": 1}, {"d": {"e": 2}}], "f": 3},
            "g": 4,
        });
        assert_eq!(
            to_pairs(&value).unwrap(),
            pairs(&[
                ("a[b][0][c]", "1"),
                ("a[b][1][d][e]", "2"),
                ("a[f]", "3"),
                ("g", "4"),
            ])
        );
        #[derive(Serialize)]
        enum V {
            T(u8, One<u8>),
            S { x: u8 },
            N(One<u8>),
        }
        assert_eq!(
            to_pairs(&One {
                v: (V::T(1, One { v: 2 }), V::S { x: 3 }, V::N(One { v: 4 }), 5)
            })
            .unwrap(),
            pairs(&[
                ("v[0][T][0]", "1"),
                ("v[0][T][1][v]", "2"),
                ("v[1][S][x]", "3"),
                ("v[2][N][v]", "4"),
                ("v[3]", "5"),
            ])
        );
    }

    #[test]
    fn multibyte_keys_and_values() {
        let value = json!({"métadonnées": {"clé": "välue ✓"}});
        assert_eq!(
            to_pairs(&value).unwrap(),
            pairs(&[("métadonnées[clé]", "välue ✓")])
        );
    }

    #[test]
    fn to_string_percent_escapes() {
        #[derive(Serialize)]
        struct Params {
            return_url: &'static str,
            name: &'static str,
        }
        let params = Params {
            return_url: "https://example.com/return",
            name: "Customer Discount",
        };
        assert_eq!(
            to_string(&params).unwrap(),
            "return_url=https%3A%2F%2Fexample.com%2Freturn&name=Customer+Discount"
        );
        assert_eq!(
            to_string(&json!({"discounts": [{"coupon": "A&B=C"}]})).unwrap(),
            "discounts%5B0%5D%5Bcoupon%5D=A%26B%3DC"
        );
    }

    #[test]
    fn encode_pairs_keeps_order_and_empty_values() {
        assert_eq!(
            encode_pairs(&pairs(&[("z", "1"), ("discounts", ""), ("a[0]", "x y")])),
            "z=1&discounts=&a%5B0%5D=x+y"
        );
        assert_eq!(encode_pairs(&[]), "");
    }
}
