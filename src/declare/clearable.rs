//! [`Clearable`]: a parameter that is either set or explicitly cleared.
//!
//! Stripe clears a field when it receives an empty value (`discounts=`), but an empty list or an
//! absent `Option` sends nothing at all, so clearing needs a value of its own.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};

/// A parameter value that can either be set or explicitly cleared on Stripe.
///
/// `Set(v)` serializes exactly as `v`; `Clear` serializes as the empty string, which
/// [`form`](crate::form) sends as `key=` — Stripe's signal to unset the field. Wrap it in an
/// `Option` to also be able to leave the field untouched: `None` sends nothing.
///
/// ```
/// use serde::Serialize;
/// use stripe_checkout_client::{form, Clearable};
///
/// #[derive(Serialize)]
/// struct Discount {
///     coupon: String,
/// }
///
/// #[derive(Serialize)]
/// struct UpdateSession {
///     discounts: Clearable<Vec<Discount>>,
///     metadata: Option<Clearable<String>>,
/// }
///
/// let clear = UpdateSession { discounts: Clearable::Clear, metadata: None };
/// assert_eq!(form::to_pairs(&clear)?, [("discounts".to_owned(), String::new())]);
///
/// let set = UpdateSession {
///     discounts: Clearable::Set(vec![Discount { coupon: "SUMMER25".into() }]),
///     metadata: Some(Clearable::Clear),
/// };
/// assert_eq!(
///     form::to_pairs(&set)?,
///     [
///         ("discounts[0][coupon]".to_owned(), "SUMMER25".to_owned()),
///         ("metadata".to_owned(), String::new()),
///     ]
/// );
/// # Ok::<(), form::EncodeError>(())
/// ```
///
/// `Set` of a value that itself encodes as `""` (an empty `String`) is indistinguishable from
/// `Clear` on the wire, and deserializes back as `Clear`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Clearable<T> {
    /// Set the field to this value.
    Set(T),
    /// Clear the field (sent as `key=`).
    Clear,
}

impl<T> Clearable<T> {
    /// Whether this is [`Clearable::Clear`].
    ///
    /// ```
    /// use stripe_checkout_client::Clearable;
    ///
    /// assert!(Clearable::<u32>::Clear.is_clear());
    /// assert!(!Clearable::Set(1).is_clear());
    /// ```
    pub fn is_clear(&self) -> bool {
        matches!(self, Clearable::Clear)
    }

    /// The value, if this is [`Clearable::Set`].
    ///
    /// ```
    /// use stripe_checkout_client::Clearable;
    ///
    /// assert_eq!(Clearable::Set(7).as_set(), Some(&7));
    /// assert_eq!(Clearable::<u32>::Clear.as_set(), None);
    /// ```
    pub fn as_set(&self) -> Option<&T> {
        match self {
            Clearable::Set(value) => Some(value),
            Clearable::Clear => None,
        }
    }
}

impl<T> From<T> for Clearable<T> {
    fn from(value: T) -> Self {
        Clearable::Set(value)
    }
}

/// `Clear` is the empty value; a `Set` list with nothing in it is sent as a clear too (an
/// empty list would otherwise send nothing at all). The typed params only clear lists.
impl<T: crate::wire::encode::Encode> crate::wire::encode::Encode for Clearable<Vec<T>> {
    fn encode(&self, out: &mut crate::wire::encode::Writer) {
        match self {
            Clearable::Set(list) if !list.is_empty() => list.encode(out),
            _ => out.text(""),
        }
    }
}

impl<T: Serialize> Serialize for Clearable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Clearable::Set(value) => value.serialize(serializer),
            Clearable::Clear => serializer.serialize_str(""),
        }
    }
}

/// Reads the official SDKs' parameter shape, where `""` means clear.
///
/// The value is handed to `T` through the original deserializer's own sequence and map
/// access, not buffered, so a format that decides types by what is asked for (the emulator's
/// form decoder, where `2000` is a string until an integer is wanted) still works inside.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Clearable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ClearableVisitor(PhantomData))
    }
}

struct ClearableVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ClearableVisitor<T> {
    type Value = Clearable<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value, or \"\" to clear it")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if v.is_empty() {
            return Ok(Clearable::Clear);
        }
        T::deserialize(v.into_deserializer()).map(Clearable::Set)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        if v.is_empty() {
            return Ok(Clearable::Clear);
        }
        T::deserialize(de::value::BorrowedStrDeserializer::new(v)).map(Clearable::Set)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        if v.is_empty() {
            return Ok(Clearable::Clear);
        }
        T::deserialize(v.into_deserializer()).map(Clearable::Set)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        T::deserialize(v.into_deserializer()).map(Clearable::Set)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        T::deserialize(v.into_deserializer()).map(Clearable::Set)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        T::deserialize(v.into_deserializer()).map(Clearable::Set)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        T::deserialize(v.into_deserializer()).map(Clearable::Set)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        T::deserialize(().into_deserializer()).map(Clearable::Set)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        T::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Clearable::Set)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Clearable::Set)
    }
}

#[cfg(test)]
mod tests {
    use crate::form::pairs;
    use serde::{Deserialize, Serialize};
    use serde_json::json;

    use super::Clearable;
    use crate::form;

    #[derive(Serialize)]
    struct Update {
        discounts: Clearable<Vec<String>>,
    }

    #[test]
    fn clear_encodes_as_empty_value() {
        let got = form::to_pairs(&Update {
            discounts: Clearable::Clear,
        })
        .unwrap();
        assert_eq!(got, pairs(&[("discounts", "")]));
    }

    #[test]
    fn set_vec_encodes_indexed() {
        let got = form::to_pairs(&Update {
            discounts: Clearable::Set(vec!["a".into(), "b".into()]),
        })
        .unwrap();
        assert_eq!(got, pairs(&[("discounts[0]", "a"), ("discounts[1]", "b")]));
    }

    #[test]
    fn set_empty_vec_sends_nothing_unlike_clear() {
        let got = form::to_pairs(&Update {
            discounts: Clearable::Set(Vec::new()),
        })
        .unwrap();
        assert!(got.is_empty());
    }

    #[test]
    fn nested_clear_and_option() {
        #[derive(Serialize)]
        struct Params {
            metadata: Option<Clearable<std::collections::BTreeMap<String, Clearable<String>>>>,
            description: Option<Clearable<String>>,
        }
        let mut map = std::collections::BTreeMap::new();
        map.insert("k".to_owned(), Clearable::Clear);
        map.insert("n".to_owned(), Clearable::Set("v".to_owned()));
        let got = form::to_pairs(&Params {
            metadata: Some(Clearable::Set(map)),
            description: None,
        })
        .unwrap();
        assert_eq!(got, pairs(&[("metadata[k]", ""), ("metadata[n]", "v")]));
    }

    #[test]
    fn serializes_to_json_as_value_or_empty_string() {
        assert_eq!(
            serde_json::to_value(Clearable::Set(vec![1, 2])).unwrap(),
            json!([1, 2])
        );
        assert_eq!(
            serde_json::to_value(Clearable::<Vec<u8>>::Clear).unwrap(),
            json!("")
        );
    }

    #[test]
    fn deserializes_empty_string_as_clear() {
        let got: Clearable<Vec<u32>> = serde_json::from_str(r#""""#).unwrap();
        assert_eq!(got, Clearable::Clear);
        let got: Clearable<String> = serde_json::from_str(r#""""#).unwrap();
        assert_eq!(got, Clearable::Clear);
    }

    #[test]
    fn deserializes_other_values_as_set() {
        let got: Clearable<Vec<u32>> = serde_json::from_str("[1,2]").unwrap();
        assert_eq!(got, Clearable::Set(vec![1, 2]));
        let got: Clearable<String> = serde_json::from_str(r#""x""#).unwrap();
        assert_eq!(got, Clearable::Set("x".to_owned()));
    }

    #[test]
    fn deserialize_reports_inner_type_errors() {
        let err = serde_json::from_str::<Clearable<u32>>(r#""abc""#).unwrap_err();
        assert!(err.to_string().contains("invalid type"), "{err}");
    }

    #[test]
    fn a_value_of_no_known_shape_is_refused_saying_what_was_expected() {
        use serde::de::value::{BytesDeserializer, Error};
        let err =
            Clearable::<String>::deserialize(BytesDeserializer::<Error>::new(b"x")).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("expected a value, or \"\" to clear it"),
            "{err}"
        );
    }

    #[test]
    fn deserializes_as_struct_field() {
        #[derive(Deserialize, Debug, PartialEq)]
        struct Params {
            discounts: Clearable<Vec<String>>,
            #[serde(default)]
            metadata: Option<Clearable<String>>,
        }
        let got: Params = serde_json::from_value(json!({"discounts": ""})).unwrap();
        assert_eq!(
            got,
            Params {
                discounts: Clearable::Clear,
                metadata: None
            }
        );
        let got: Params =
            serde_json::from_value(json!({"discounts": ["a"], "metadata": "m"})).unwrap();
        assert_eq!(got.discounts, Clearable::Set(vec!["a".to_owned()]));
        assert_eq!(got.metadata, Some(Clearable::Set("m".to_owned())));
    }

    #[test]
    fn accessors_and_from() {
        let set: Clearable<u8> = 3.into();
        assert_eq!(set, Clearable::Set(3));
        assert_eq!(set.as_set(), Some(&3));
        assert!(!set.is_clear());
        let clear = Clearable::<u8>::Clear;
        assert!(clear.is_clear());
        assert_eq!(clear.as_set(), None);
    }
}
