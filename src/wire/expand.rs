//! Expanded fields: a field that is an id unless the request expands it ([`Expandable`]), the
//! [`Object`] trait of what can be expanded, and [`StripeObject`], the expanded object of a
//! kind this crate does not model. Back to [the flow](crate#the-flow-end-to-end).
//!
//! Which fields to expand is chosen per request (`expand[0]=discounts`) by the param types in
//! the resource modules; this module only decodes either shape. A page of a list is [`List`](crate::List).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};

/// A Stripe object that has an id, so an [`Expandable`] can give its id in both shapes.
pub trait Object {
    /// The object's id.
    fn id(&self) -> &str;
}

/// An expanded object of a kind this crate does not model (an invoice, a payment intent, a
/// subscription, …): its fields as JSON, with the `id` every Stripe object has.
///
/// It is what [`Expandable`] holds for such fields, so [`Expandable::id`] works in both
/// shapes; reading one without a string `id` is an error.
///
/// ```
/// use stripe_checkout_client::expand::{Expandable, StripeObject};
///
/// let invoice: Expandable<StripeObject> =
///     serde_json::from_str(r#"{"id":"in_123","object":"invoice","status":"paid"}"#)?;
/// assert_eq!(invoice.id(), "in_123");
/// let invoice = invoice.into_object().unwrap();
/// assert_eq!(invoice.object(), Some("invoice"));
/// assert_eq!(invoice.get("status"), Some(&serde_json::json!("paid")));
/// assert!(serde_json::from_str::<StripeObject>(r#"{"object":"invoice"}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(transparent)]
pub struct StripeObject {
    /// Every field as Stripe sent it; `id` is a string.
    fields: Map<String, Value>,
}

impl StripeObject {
    /// The object's id.
    pub fn id(&self) -> &str {
        self.fields
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
    }

    /// The object's type (`"invoice"`, `"payment_intent"`, …), when Stripe sent one.
    pub fn object(&self) -> Option<&str> {
        self.fields.get("object").and_then(Value::as_str)
    }

    /// One field's value.
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.fields.get(field)
    }

    /// All the fields.
    pub fn fields(&self) -> &Map<String, Value> {
        &self.fields
    }

    /// All the fields, owned.
    pub fn into_fields(self) -> Map<String, Value> {
        self.fields
    }
}

impl Object for StripeObject {
    fn id(&self) -> &str {
        StripeObject::id(self)
    }
}

impl<'de> Deserialize<'de> for StripeObject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let fields = Map::deserialize(deserializer)?;
        if !fields.get("id").is_some_and(Value::is_string) {
            return Err(de::Error::custom(
                "an expanded object without a string `id`",
            ));
        }
        Ok(Self { fields })
    }
}

/// A field Stripe sends as an id, or as the full object when the request expanded it.
///
/// ```
/// use stripe_checkout_client::coupons::Coupon;
/// use stripe_checkout_client::expand::Expandable;
///
/// let id: Expandable<Coupon> = serde_json::from_str(r#""SUMMER25""#)?;
/// assert_eq!(id.id(), "SUMMER25");
/// assert!(id.as_object().is_none());
///
/// let obj: Expandable<Coupon> = serde_json::from_str(
///     r#"{"id":"SUMMER25","object":"coupon","percent_off":25.0,"duration":"once"}"#,
/// )?;
/// assert_eq!(obj.id(), "SUMMER25");
/// assert_eq!(obj.as_object().and_then(|c| c.percent_off), Some(25.0));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Expandable<T> {
    /// Not expanded: only the id.
    Id(String),
    /// Expanded: the whole object.
    Object(Box<T>),
}

impl<T: Object> Expandable<T> {
    /// The id, whichever shape arrived.
    pub fn id(&self) -> &str {
        match self {
            Expandable::Id(id) => id,
            Expandable::Object(obj) => obj.id(),
        }
    }
}

impl<T> Expandable<T> {
    /// The object, if the field was expanded.
    pub fn as_object(&self) -> Option<&T> {
        match self {
            Expandable::Id(_) => None,
            Expandable::Object(obj) => Some(obj),
        }
    }

    /// The object, if the field was expanded.
    pub fn into_object(self) -> Option<T> {
        match self {
            Expandable::Id(_) => None,
            Expandable::Object(obj) => Some(*obj),
        }
    }

    /// Whether the field was expanded.
    pub fn is_object(&self) -> bool {
        matches!(self, Expandable::Object(_))
    }
}

impl<T> From<T> for Expandable<T> {
    fn from(obj: T) -> Self {
        Expandable::Object(Box::new(obj))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Expandable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A hand-written visitor rather than `#[serde(untagged)]`, so a decoding error inside
        // the object keeps its JSON path and message instead of "did not match any variant".
        struct ExpandableVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for ExpandableVisitor<T> {
            type Value = Expandable<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id string or an expanded object")
            }

            fn visit_str<E: de::Error>(self, id: &str) -> Result<Self::Value, E> {
                Ok(Expandable::Id(id.to_owned()))
            }

            fn visit_string<E: de::Error>(self, id: String) -> Result<Self::Value, E> {
                Ok(Expandable::Id(id))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|obj| Expandable::Object(Box::new(obj)))
            }
        }

        deserializer.deserialize_any(ExpandableVisitor(PhantomData))
    }
}

impl<T: Serialize> Serialize for Expandable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Expandable::Id(id) => serializer.serialize_str(id),
            Expandable::Object(obj) => obj.serialize(serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn an_unmodelled_object_reads_back_what_stripe_sent() {
        let sent = json!({"id": "in_1", "object": "invoice", "status": "paid"});
        let object: StripeObject = serde_json::from_value(sent.clone()).unwrap();
        assert_eq!(object.id(), "in_1");
        assert_eq!(object.object(), Some("invoice"));
        assert_eq!(Value::Object(object.fields().clone()), sent);
        assert_eq!(Value::Object(object.clone().into_fields()), sent);
        let untyped: StripeObject = serde_json::from_value(json!({"id": "x_1"})).unwrap();
        assert_eq!(untyped.object(), None);
    }

    #[test]
    fn either_shape_says_which_it_is() {
        let id: Expandable<StripeObject> = serde_json::from_value(json!("in_1")).unwrap();
        let object: Expandable<StripeObject> =
            serde_json::from_value(json!({"id": "in_1"})).unwrap();
        assert_eq!((id.is_object(), object.is_object()), (false, true));
        assert_eq!((id.id(), object.id()), ("in_1", "in_1"));
    }

    #[test]
    fn a_value_of_neither_shape_is_refused_saying_what_was_expected() {
        let err = serde_json::from_value::<Expandable<StripeObject>>(json!(7)).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("expected an id string or an expanded object"),
            "{err}"
        );
    }
}
