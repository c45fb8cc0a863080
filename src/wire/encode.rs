//! How the typed params reach the wire: the [`Encode`] trait and its [`Writer`], which
//! flatten a params struct into Stripe's bracket-syntax pairs without going through serde
//! (`params!` writes each struct's `Encode`). The encoding rules are [`form`](crate::form)'s;
//! the public, serde-based encoder for any `Serialize` value lives there, and
//! percent-escaping the pairs is the transport's job.
//!
//! The params still derive `Serialize` (JSON, and `form::to_pairs`); what the crate sends
//! goes through `Encode`. Serde's derived `serialize` is compiled per struct with a call per
//! field generic over the field's type, and for the few hundred params fields that was the
//! largest part of the encoder's build cost (docs/performance.md). Here each field is one
//! call through `&dyn Encode`, so a struct's `encode` is a short list of calls. The tests
//! check that both give the same pairs for every param of every version.

use std::fmt::Write;

use crate::form::EncodeError;

/// A value the typed params hold, written as form pairs under the writer's current key.
pub(crate) trait Encode {
    /// Writes the value's pairs; an unset value writes none.
    fn encode(&self, out: &mut Writer);

    /// Whether the value writes nothing at all (`None`, an empty list), so that its field
    /// is skipped without writing its name into the key first: most fields of a params
    /// struct are unset.
    fn is_unset(&self) -> bool {
        false
    }
}

/// Collects the pairs. `key` is one path buffer shared by every level: each level pushes its
/// segment and truncates back, so only the finished pairs allocate. The first error is kept
/// and reported by [`Writer::finish`], so that a field's call needs no `?`.
pub(crate) struct Writer {
    key: String,
    pairs: Vec<(String, String)>,
    error: Option<EncodeError>,
}

impl Writer {
    /// Writes one named field (a top-level param, or a field of a nested one). The macros
    /// skip an unset field before calling this (statically, without the `dyn` call).
    pub(crate) fn field(&mut self, name: &str, value: &dyn Encode) {
        // Only a map's key can be empty: `a[]=x` would read as appending to a list.
        if name.is_empty() {
            let key = self.key.clone();
            self.fail(EncodeError::EmptyKey { key });
            return;
        }
        let restore = self.key.len();
        if restore == 0 {
            self.key.push_str(name);
        } else {
            self.key.push('[');
            self.key.push_str(name);
            self.key.push(']');
        }
        value.encode(self);
        self.key.truncate(restore);
    }

    /// Writes one element of a list, always indexed (`expand[0]`).
    pub(crate) fn element(&mut self, index: usize, value: &dyn Encode) {
        let restore = self.key.len();
        // Writing to a `String` cannot fail.
        let _ = write!(self.key, "[{index}]");
        value.encode(self);
        self.key.truncate(restore);
    }

    /// Writes a value under the current key.
    pub(crate) fn text(&mut self, value: &str) {
        if self.key.is_empty() {
            self.fail(EncodeError::UnsupportedTopLevel { kind: "string" });
            return;
        }
        self.pairs.push((self.key.clone(), value.to_owned()));
    }

    /// Writes a number without exponent notation (Stripe's decimal syntax), -0 as 0.
    pub(crate) fn float(&mut self, value: f64) {
        if !value.is_finite() {
            let key = self.key.clone();
            self.fail(EncodeError::NonFiniteFloat { key });
            return;
        }
        self.text(&(value + 0.0).to_string());
    }

    /// Keeps the first error; the pairs are discarded by [`finish`](Self::finish).
    pub(crate) fn fail(&mut self, error: EncodeError) {
        self.error.get_or_insert(error);
    }

    /// The pairs, or the first error.
    fn finish(self) -> Result<Vec<(String, String)>, EncodeError> {
        match self.error {
            None => Ok(self.pairs),
            Some(error) => Err(error),
        }
    }
}

/// The pairs `params` sends, in declaration order.
pub(crate) fn to_pairs(params: &dyn Encode) -> Result<Vec<(String, String)>, EncodeError> {
    let mut out = Writer {
        // Stripe keys rarely exceed a few dozen bytes, so one up-front buffer usually never
        // grows.
        key: String::with_capacity(64),
        pairs: Vec::new(),
        error: None,
    };
    params.encode(&mut out);
    out.finish()
}

impl Encode for str {
    fn encode(&self, out: &mut Writer) {
        out.text(self);
    }
}

impl Encode for String {
    fn encode(&self, out: &mut Writer) {
        out.text(self);
    }
}

impl Encode for bool {
    fn encode(&self, out: &mut Writer) {
        out.text(if *self { "true" } else { "false" });
    }
}

macro_rules! integers {
    ($($ty:ty),*) => {
        $( impl Encode for $ty {
            fn encode(&self, out: &mut Writer) {
                out.text(&self.to_string());
            }
        } )*
    };
}

integers!(i64, u32, u64);

impl Encode for f64 {
    fn encode(&self, out: &mut Writer) {
        out.float(*self);
    }
}

/// `None` is left out: an empty value would clear the field.
impl<T: Encode> Encode for Option<T> {
    fn encode(&self, out: &mut Writer) {
        if let Some(value) = self {
            value.encode(out);
        }
    }

    fn is_unset(&self) -> bool {
        self.is_none()
    }
}

/// Lists are always indexed; an empty one writes nothing, as the official SDKs send it.
impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, out: &mut Writer) {
        for (index, item) in self.iter().enumerate() {
            out.element(index, item);
        }
    }

    fn is_unset(&self) -> bool {
        self.is_empty()
    }
}

impl<T: Encode + ?Sized> Encode for &T {
    fn encode(&self, out: &mut Writer) {
        (**self).encode(out);
    }
}

/// Maps by key, in the map's order (sorted, for a `BTreeMap`).
impl<T: Encode> Encode for std::collections::BTreeMap<String, T> {
    fn encode(&self, out: &mut Writer) {
        for (key, value) in self {
            out.field(key, value);
        }
    }
}

/// A field's wire name: its Rust name without the trailing `_` of a keyword (`type_` is
/// `type`). A `const fn`, so that the macros compute every name at compile time rather than
/// on each request.
pub(crate) const fn wire_name(field: &'static str) -> &'static str {
    match field.as_bytes() {
        [head @ .., b'_'] => match std::str::from_utf8(head) {
            Ok(name) => name,
            Err(_) => field,
        },
        _ => field,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A probe: a renamed field, a keyword field, a number and a list of optional numbers.
    #[derive(Default, serde::Serialize)]
    struct Probe {
        #[serde(rename = "type")]
        kind: Option<String>,
        type_: Option<bool>,
        amount: Option<f64>,
        items: Vec<Option<u64>>,
    }

    impl Encode for Probe {
        fn encode(&self, out: &mut Writer) {
            out.field("type", &self.kind);
            out.field(wire_name("type_"), &self.type_);
            if !self.amount.is_unset() {
                out.field("amount", &self.amount);
            }
            out.field("items", &self.items);
        }
    }

    fn pairs(probe: &Probe) -> Result<Vec<(String, String)>, EncodeError> {
        to_pairs(probe)
    }

    #[test]
    fn names_order_indexes_and_unset_values() {
        let probe = Probe {
            kind: Some("card".into()),
            type_: Some(false),
            amount: None,
            items: vec![Some(7), None, Some(9)],
        };
        let got = pairs(&probe).unwrap();
        let want = [
            ("type", "card"),
            ("type", "false"),
            ("items[0]", "7"),
            ("items[2]", "9"),
        ];
        assert_eq!(got.len(), want.len());
        for ((k, v), (wk, wv)) in got.iter().zip(want) {
            assert_eq!((k.as_str(), v.as_str()), (wk, wv));
        }
        assert!(pairs(&Probe::default()).unwrap().is_empty());
    }

    #[test]
    fn floats_have_no_exponent_and_refuse_nan() {
        for (value, text) in [(1e21, "1000000000000000000000"), (-0.0, "0"), (0.5, "0.5")] {
            let probe = Probe {
                amount: Some(value),
                ..Probe::default()
            };
            assert_eq!(pairs(&probe).unwrap()[0].1, text);
        }
        let probe = Probe {
            amount: Some(f64::NAN),
            ..Probe::default()
        };
        assert!(matches!(
            pairs(&probe),
            Err(EncodeError::NonFiniteFloat { key }) if key == "amount"
        ));
    }

    #[test]
    fn a_top_level_scalar_is_refused() {
        assert!(matches!(
            to_pairs(&"x"),
            Err(EncodeError::UnsupportedTopLevel { kind: "string" })
        ));
        assert_eq!(wire_name("type_"), "type");
        assert_eq!(wire_name("mode"), "mode");
    }
}
