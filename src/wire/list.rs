//! [`List`]: one page of a Stripe list (`"object": "list"`), what every list endpoint
//! answers. Walking all pages is the handlers' streams' job
//! ([`SessionStream`](crate::checkout::SessionStream)); this file only decodes a page.

use serde::{Deserialize, Serialize};

/// One page of a Stripe list (`"object": "list"`).
///
/// ```
/// use stripe_checkout_client::List;
///
/// let page: List<serde_json::Value> = serde_json::from_str(
///     r#"{"object":"list","data":[{"id":"li_1"}],"has_more":true,"url":"/v1/checkout/sessions/cs_1/line_items"}"#,
/// )?;
/// assert_eq!(page.data.len(), 1);
/// assert!(page.has_more);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct List<T> {
    /// The objects on this page.
    pub data: Vec<T>,
    /// Whether more objects follow this page.
    #[serde(default)]
    pub has_more: bool,
    /// The list's URL path, e.g. `/v1/checkout/sessions`.
    #[serde(default)]
    pub url: String,
}

/// Written out rather than derived: the derive compiles a field visitor, a sequence form and
/// error paths again for every item type, where this reads the three fields by one key type
/// shared by all lists.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Page<T>(std::marker::PhantomData<T>);

        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Page<T> {
            type Value = List<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<List<T>, A::Error> {
                let (mut data, mut has_more, mut url) = (None, false, String::new());
                while let Some(key) = map.next_key::<ListKey>()? {
                    match key {
                        ListKey::Data => data = Some(map.next_value()?),
                        ListKey::HasMore => has_more = map.next_value()?,
                        ListKey::Url => url = map.next_value()?,
                        ListKey::Other => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                let data = data.ok_or_else(|| serde::de::Error::missing_field("data"))?;
                Ok(List {
                    data,
                    has_more,
                    url,
                })
            }
        }

        deserializer.deserialize_map(Page(std::marker::PhantomData))
    }
}

/// The keys of a list object this crate reads.
enum ListKey {
    Data,
    HasMore,
    Url,
    Other,
}

impl<'de> Deserialize<'de> for ListKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Key;

        impl serde::de::Visitor<'_> for Key {
            type Value = ListKey;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a field name")
            }

            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<ListKey, E> {
                Ok(match key {
                    "data" => ListKey::Data,
                    "has_more" => ListKey::HasMore,
                    "url" => ListKey::Url,
                    _ => ListKey::Other,
                })
            }
        }

        deserializer.deserialize_identifier(Key)
    }
}

impl<T> List<T> {
    /// A page holding `data`, for tests and emulators.
    pub fn new(data: Vec<T>, has_more: bool, url: impl Into<String>) -> Self {
        Self {
            data,
            has_more,
            url: url.into(),
        }
    }
}

impl<T> Default for List<T> {
    fn default() -> Self {
        Self::new(Vec::new(), false, String::new())
    }
}

impl<T> IntoIterator for List<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.data.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::{Value, json};

    use super::*;

    #[test]
    fn a_value_that_is_not_a_list_object_is_refused_saying_so() {
        let err = serde_json::from_value::<List<Value>>(json!([])).unwrap_err();
        assert!(err.to_string().ends_with("expected a list object"), "{err}");
    }

    #[test]
    fn a_list_key_that_is_not_a_name_is_refused() {
        use serde::de::value::{Error, U64Deserializer};
        let err = ListKey::deserialize(U64Deserializer::<Error>::new(3))
            .err()
            .unwrap();
        assert!(err.to_string().ends_with("expected a field name"), "{err}");
    }

    #[test]
    fn a_page_iterates_over_its_objects() {
        let page = List::new(vec![1, 2], true, "/v1/x");
        assert_eq!(page.into_iter().collect::<Vec<_>>(), [1, 2]);
    }
}
