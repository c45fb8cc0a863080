//! [`Metadata`]: the key-value pairs Stripe stores on an object, as request parameters. Back
//! to [the flow](crate#the-flow-end-to-end).
//!
//! Stripe keeps up to 50 keys of at most 40 characters, with values of at most 500
//! characters. A request can set keys (`metadata[k]=v`), unset single keys (`metadata[k]=`) or
//! clear every key (`metadata=`); [`Metadata`] expresses all three and keeps keys in the order
//! they were first added, so the form pairs come out in a predictable order.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::error::{Error, Result};

/// The most keys Stripe stores on one object.
pub const MAX_KEYS: usize = 50;
/// The longest key Stripe accepts, in characters.
pub const MAX_KEY_CHARS: usize = 40;
/// The longest value Stripe accepts, in characters.
pub const MAX_VALUE_CHARS: usize = 500;

/// Metadata to send with a request: keys to set, keys to unset, or "clear everything".
///
/// Keys keep their insertion order (setting an existing key again replaces its value in
/// place). It serializes as a map — `metadata[order_id]=6735` — with unset keys as empty
/// values (`metadata[gone]=`), and [`Metadata::clear`] as the empty string (`metadata=`), which
/// removes every key Stripe holds. An empty `Metadata` sends nothing.
///
/// ```
/// use stripe_checkout_client::form;
/// use stripe_checkout_client::metadata::Metadata;
///
/// let mut metadata = Metadata::new();
/// metadata.insert("order_id", "6735");
/// metadata.unset("campaign");
///
/// #[derive(serde::Serialize)]
/// struct Params {
///     metadata: Metadata,
/// }
/// let pairs = form::to_pairs(&Params { metadata })?;
/// assert_eq!(
///     pairs,
///     [
///         ("metadata[order_id]".to_owned(), "6735".to_owned()),
///         ("metadata[campaign]".to_owned(), String::new()),
///     ]
/// );
/// let pairs = form::to_pairs(&Params { metadata: Metadata::clear() })?;
/// assert_eq!(pairs, [("metadata".to_owned(), String::new())]);
/// # Ok::<(), form::EncodeError>(())
/// ```
///
/// It deserializes from the official SDKs' JSON shape: `{"order_id":"6735","campaign":""}`
/// (an empty value unsets the key) or `""` (clear everything).
///
/// ```
/// use stripe_checkout_client::metadata::Metadata;
///
/// let m: Metadata = serde_json::from_str(r#"{"order_id":"6735","campaign":""}"#)?;
/// assert_eq!(m.get("order_id"), Some("6735"));
/// assert!(m.is_unset("campaign"));
/// assert!(serde_json::from_str::<Metadata>(r#""""#)?.is_clear());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// `(key, Some(value))` sets a key, `(key, None)` unsets it.
    entries: Vec<(String, Option<String>)>,
    /// Clear every key (`metadata=`). Only ever true while `entries` is empty.
    clear: bool,
}

impl Metadata {
    /// Empty metadata: sends nothing.
    ///
    /// ```
    /// use stripe_checkout_client::metadata::Metadata;
    /// assert!(Metadata::new().is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Metadata that clears every key on the object (sent as `metadata=`).
    ///
    /// ```
    /// use stripe_checkout_client::metadata::Metadata;
    /// let m = Metadata::clear();
    /// assert!(m.is_clear());
    /// assert!(m.is_empty());
    /// ```
    pub fn clear() -> Self {
        Self {
            entries: Vec::new(),
            clear: true,
        }
    }

    /// Sets `key` to `value`. An existing key keeps its position; a pending
    /// [`clear`](Self::clear) is dropped, since one request cannot both clear all keys and
    /// set some.
    ///
    /// An empty `value` is sent as `metadata[key]=`, which Stripe reads as unsetting the key.
    ///
    /// ```
    /// use stripe_checkout_client::metadata::Metadata;
    /// let mut m = Metadata::new();
    /// m.insert("a", "1");
    /// m.insert("b", "2");
    /// m.insert("a", "3");
    /// assert_eq!(m.iter().collect::<Vec<_>>(), [("a", Some("3")), ("b", Some("2"))]);
    /// ```
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<String>) {
        self.put(key.into(), Some(value.into()));
    }

    /// Unsets `key` on the object (sent as `metadata[key]=`). Replaces any value set for it
    /// earlier in this `Metadata`, and drops a pending [`clear`](Self::clear).
    ///
    /// ```
    /// use stripe_checkout_client::metadata::Metadata;
    /// let mut m = Metadata::new();
    /// m.unset("campaign");
    /// assert!(m.is_unset("campaign"));
    /// assert_eq!(m.get("campaign"), None);
    /// ```
    pub fn unset(&mut self, key: impl Into<String>) {
        self.put(key.into(), None);
    }

    /// Turns this into a [`clear`](Self::clear) of every key, discarding the keys set or unset
    /// so far.
    ///
    /// ```
    /// use stripe_checkout_client::metadata::Metadata;
    /// let mut m = Metadata::from([("a", "1")]);
    /// m.clear_all();
    /// assert_eq!(m, Metadata::clear());
    /// ```
    pub fn clear_all(&mut self) {
        self.entries.clear();
        self.clear = true;
    }

    fn put(&mut self, key: String, value: Option<String>) {
        self.clear = false;
        match self.entries.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = value,
            None => self.entries.push((key, value)),
        }
    }

    /// The value being set for `key`, if any (`None` for unset or absent keys).
    ///
    /// ```
    /// use stripe_checkout_client::metadata::Metadata;
    /// let m = Metadata::from([("tier", "gold")]);
    /// assert_eq!(m.get("tier"), Some("gold"));
    /// assert_eq!(m.get("nope"), None);
    /// ```
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.as_deref())
    }

    /// Whether `key` is being unset.
    ///
    /// ```
    /// use stripe_checkout_client::metadata::Metadata;
    /// let mut m = Metadata::new();
    /// m.unset("gone");
    /// assert!(m.is_unset("gone"));
    /// assert!(!m.is_unset("other"));
    /// ```
    pub fn is_unset(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, v)| k == key && v.is_none())
    }

    /// Whether this clears every key (`metadata=`).
    ///
    /// ```
    /// use stripe_checkout_client::metadata::Metadata;
    /// assert!(Metadata::clear().is_clear());
    /// assert!(!Metadata::new().is_clear());
    /// ```
    pub fn is_clear(&self) -> bool {
        self.clear
    }

    /// The keys in insertion order, each with its value, or `None` when it is being unset.
    ///
    /// ```
    /// use stripe_checkout_client::metadata::Metadata;
    /// let mut m = Metadata::from([("a", "1")]);
    /// m.unset("b");
    /// assert_eq!(m.iter().collect::<Vec<_>>(), [("a", Some("1")), ("b", None)]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (&str, Option<&str>)> + '_ {
        self.entries.iter().map(|(k, v)| (k.as_str(), v.as_deref()))
    }

    /// How many keys are set or unset (a [`clear`](Self::clear) has none).
    ///
    /// ```
    /// use stripe_checkout_client::metadata::Metadata;
    /// assert_eq!(Metadata::from([("a", "1"), ("b", "2")]).len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no key is set or unset. A [`clear`](Self::clear) is empty too, but still sends
    /// `metadata=`.
    ///
    /// ```
    /// use stripe_checkout_client::metadata::Metadata;
    /// assert!(Metadata::new().is_empty());
    /// assert!(!Metadata::from([("a", "1")]).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Checks Stripe's limits; `param` names the metadata itself (e.g. `metadata` or
    /// `discounts[0][coupon_data][metadata]`). Errors name `param` for the key count and
    /// `param[key]` for a bad key or value.
    pub(crate) fn validate(&self, param: &str) -> Result<()> {
        let set = self.entries.iter().filter(|(_, v)| v.is_some()).count();
        if set > MAX_KEYS {
            return Err(Error::invalid_param(
                param,
                format!("at most {MAX_KEYS} keys can be set, got {set}"),
            ));
        }
        for (key, value) in &self.entries {
            if key.is_empty() {
                return Err(Error::invalid_param(param, "keys must not be empty"));
            }
            if key.contains(['[', ']']) {
                return Err(Error::invalid_param(
                    param,
                    format!("key `{key}` must not contain square brackets"),
                ));
            }
            let entry = format!("{param}[{key}]");
            if key.chars().count() > MAX_KEY_CHARS {
                return Err(Error::invalid_param(
                    entry,
                    format!("keys must be at most {MAX_KEY_CHARS} characters"),
                ));
            }
            if value
                .as_ref()
                .is_some_and(|v| v.chars().count() > MAX_VALUE_CHARS)
            {
                return Err(Error::invalid_param(
                    entry,
                    format!("values must be at most {MAX_VALUE_CHARS} characters"),
                ));
            }
        }
        Ok(())
    }
}

impl<K: Into<String>, V: Into<String>> Extend<(K, V)> for Metadata {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Metadata {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut m = Metadata::new();
        m.extend(iter);
        m
    }
}

impl<K: Into<String>, V: Into<String>, const N: usize> From<[(K, V); N]> for Metadata {
    fn from(entries: [(K, V); N]) -> Self {
        entries.into_iter().collect()
    }
}

impl crate::wire::encode::Encode for Metadata {
    fn encode(&self, out: &mut crate::wire::encode::Writer) {
        if self.clear {
            out.text("");
            return;
        }
        for (key, value) in &self.entries {
            out.field(key, &value.as_deref().unwrap_or(""));
        }
    }
}

impl Serialize for Metadata {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        if self.clear {
            return serializer.serialize_str("");
        }
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (key, value) in &self.entries {
            map.serialize_entry(key, value.as_deref().unwrap_or(""))?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Metadata {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        deserializer.deserialize_any(MetadataVisitor)
    }
}

struct MetadataVisitor;

impl<'de> Visitor<'de> for MetadataVisitor {
    type Value = Metadata;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map of metadata or \"\" to clear it")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Metadata, E> {
        if v.is_empty() {
            Ok(Metadata::clear())
        } else {
            Err(E::invalid_value(de::Unexpected::Str(v), &self))
        }
    }

    fn visit_map<A: MapAccess<'de>>(
        self,
        mut access: A,
    ) -> std::result::Result<Metadata, A::Error> {
        let mut m = Metadata::new();
        while let Some((key, value)) = access.next_entry::<String, MetadataValue>()? {
            match value.0 {
                Some(v) if !v.is_empty() => m.insert(key, v),
                _ => m.unset(key),
            }
        }
        Ok(m)
    }
}

/// One metadata value as the SDKs accept it: a string, a number or a boolean (sent as text),
/// or `""`/`null` to unset the key.
struct MetadataValue(Option<String>);

impl<'de> Deserialize<'de> for MetadataValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = MetadataValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, number, boolean or null")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<MetadataValue, E> {
                Ok(MetadataValue(Some(v.to_owned())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<MetadataValue, E> {
                Ok(MetadataValue(Some(v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<MetadataValue, E> {
                Ok(MetadataValue(Some(v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<MetadataValue, E> {
                Ok(MetadataValue(Some(v.to_string())))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> std::result::Result<MetadataValue, E> {
                Ok(MetadataValue(Some(v.to_string())))
            }
            fn visit_unit<E: de::Error>(self) -> std::result::Result<MetadataValue, E> {
                Ok(MetadataValue(None))
            }
            fn visit_none<E: de::Error>(self) -> std::result::Result<MetadataValue, E> {
                Ok(MetadataValue(None))
            }
        }
        deserializer.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use crate::form::pairs;
    use serde::Serialize;
    use serde_json::json;

    use super::*;
    use crate::form;

    #[derive(Serialize)]
    struct Params {
        #[serde(skip_serializing_if = "Option::is_none")]
        metadata: Option<Metadata>,
    }

    fn pairs_of(metadata: Metadata) -> Vec<(String, String)> {
        form::to_pairs(&Params {
            metadata: Some(metadata),
        })
        .unwrap()
    }

    #[test]
    fn values_of_no_known_shape_are_refused_saying_what_was_expected() {
        let err = serde_json::from_value::<Metadata>(json!(7)).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("expected a map of metadata or \"\" to clear it"),
            "{err}"
        );
        let err = serde_json::from_value::<Metadata>(json!({"k": [1]})).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("expected a string, number, boolean or null"),
            "{err}"
        );
    }

    #[test]
    fn set_unset_and_clear_encode_like_stripe_expects() {
        let mut m = Metadata::new();
        m.insert("zeta", "1");
        m.insert("alpha", "2");
        m.unset("gone");
        assert_eq!(
            pairs_of(m),
            pairs(&[
                ("metadata[zeta]", "1"),
                ("metadata[alpha]", "2"),
                ("metadata[gone]", "")
            ])
        );
        assert_eq!(pairs_of(Metadata::clear()), pairs(&[("metadata", "")]));
        assert!(pairs_of(Metadata::new()).is_empty());
    }

    #[test]
    fn later_operations_replace_earlier_ones() {
        let mut m = Metadata::from([("a", "1"), ("b", "2")]);
        m.unset("a");
        assert_eq!(
            pairs_of(m.clone()),
            pairs(&[("metadata[a]", ""), ("metadata[b]", "2")])
        );
        m.clear_all();
        assert_eq!(pairs_of(m.clone()), pairs(&[("metadata", "")]));
        m.insert("c", "3");
        assert!(!m.is_clear());
        assert_eq!(pairs_of(m), pairs(&[("metadata[c]", "3")]));
    }

    #[test]
    fn json_round_trip_keeps_order_and_meaning() {
        let m: Metadata =
            serde_json::from_value(json!({"b": "1", "a": "", "n": 7, "t": true, "z": null}))
                .unwrap();
        assert_eq!(
            m.iter().collect::<Vec<_>>(),
            [
                ("b", Some("1")),
                ("a", None),
                ("n", Some("7")),
                ("t", Some("true")),
                ("z", None)
            ]
        );
        let back = serde_json::to_value(&m).unwrap();
        assert_eq!(
            back,
            json!({"b": "1", "a": "", "n": "7", "t": "true", "z": ""})
        );
        let clear: Metadata = serde_json::from_value(json!("")).unwrap();
        assert_eq!(clear, Metadata::clear());
        assert_eq!(serde_json::to_value(&clear).unwrap(), json!(""));
        assert!(serde_json::from_value::<Metadata>(json!("x")).is_err());
        assert!(serde_json::from_value::<Metadata>(json!([1])).is_err());
    }

    #[test]
    fn limits_name_the_offending_param() {
        let param = |m: Metadata| match m.validate("metadata") {
            Err(Error::InvalidParams { param, .. }) => param,
            other => panic!("{other:?}"),
        };
        let many: Metadata = (0..51).map(|i| (format!("k{i}"), "v")).collect();
        assert_eq!(param(many), "metadata");
        let long_key = "k".repeat(41);
        assert_eq!(
            param(Metadata::from([(long_key.as_str(), "v")])),
            format!("metadata[{long_key}]")
        );
        assert_eq!(
            param(Metadata::from([("k", "v".repeat(501))])),
            "metadata[k]"
        );
        assert_eq!(param(Metadata::from([("", "v")])), "metadata");
        assert_eq!(param(Metadata::from([("a[b]", "v")])), "metadata");

        let fifty: Metadata = (0..50).map(|i| (format!("k{i}"), "v")).collect();
        assert!(fifty.validate("metadata").is_ok());
        let mut edge = Metadata::from([("k".repeat(40), "é".repeat(500))]);
        edge.unset("u".repeat(40));
        assert!(edge.validate("metadata").is_ok());
        assert!(Metadata::clear().validate("metadata").is_ok());
    }
}
