//! Stripe's bracket-syntax form encoding: [`to_pairs`] flattens any [`Serialize`] value — a
//! typed params struct or a [`serde_json::Value`] — into the ordered `(key, value)` pairs that
//! Stripe's official SDKs send, and [`to_string`] percent-escapes them into an
//! `application/x-www-form-urlencoded` string. Decoding Stripe's JSON responses lives elsewhere,
//! and sending the encoded parameters is the transport's job, not this module's. Back to
//! [the flow](crate#the-flow-end-to-end).
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
mod tests;
