//! Typed ids for the Stripe objects this crate touches, checked for their prefix. Back to
//! [the flow](crate#the-flow-end-to-end).
//!
//! An id newtype is a string Stripe gave out; parsing only checks its shape (prefix and
//! characters), never that the object exists. Coupon ids are chosen by merchants and have no
//! prefix, so [`CouponId`] accepts any non-empty id that is safe in a URL path.

use std::borrow::Borrow;
use std::fmt;
use std::str::FromStr;

/// Why a string is not a valid id of the expected kind.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InvalidId {
    /// The id does not start with the prefix this kind of object has.
    #[error("{kind} id must start with `{prefix}`")]
    WrongPrefix {
        /// The id kind, e.g. `checkout session`.
        kind: &'static str,
        /// The expected prefix, e.g. `cs_`.
        prefix: &'static str,
    },
    /// The id is empty, too long, or holds characters Stripe never uses in ids.
    #[error("{kind} id must be 1 to 255 ascii letters, digits, `_` or `-`")]
    Malformed {
        /// The id kind.
        kind: &'static str,
    },
}

/// Whether `s` only holds characters Stripe uses in ids; this also keeps ids safe to put in a
/// URL path without escaping.
fn valid_chars(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 255
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// What a params setter accepts where Stripe expects an id of kind `T`: the typed id (owned or
/// borrowed), or a string.
///
/// A string is checked when the setter takes it; a bad one is reported when the request is
/// made, as [`Error::InvalidParams`](crate::Error::InvalidParams) naming the parameter, and
/// nothing is sent. So `LineItem::price("price_123", 1)` stays one expression, and an id
/// parsed earlier is passed as it is.
///
/// ```
/// use stripe_checkout_client::checkout::LineItem;
/// use stripe_checkout_client::ids::PriceId;
///
/// let typed: PriceId = "price_123".parse()?;
/// assert_eq!(LineItem::price(&typed, 1), LineItem::price("price_123", 1));
/// # Ok::<(), stripe_checkout_client::ids::InvalidId>(())
/// ```
pub trait IntoId<T> {
    /// The checked id.
    ///
    /// # Errors
    /// [`InvalidId`] for a string that is not an id of kind `T`.
    fn into_id(self) -> Result<T, InvalidId>;
}

impl<T> IntoId<T> for T {
    fn into_id(self) -> Result<T, InvalidId> {
        Ok(self)
    }
}

/// An id a params setter refused, kept (first one only) until the params are validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RejectedId {
    /// The parameter, relative to its params struct (`customer`, `price`).
    pub(crate) field: &'static str,
    pub(crate) error: InvalidId,
}

/// Writes nothing: a refused id is reported by the params' check, never sent.
impl crate::wire::encode::Encode for RejectedId {
    fn encode(&self, _: &mut crate::wire::encode::Writer) {}

    fn is_unset(&self) -> bool {
        true
    }
}

/// Takes `value` as an id for `field`: `Some(id)`, or records why not in `rejected` (keeping
/// the first refusal) and leaves the field unset.
pub(crate) fn take_id<T>(
    value: impl IntoId<T>,
    field: &'static str,
    rejected: &mut Option<RejectedId>,
) -> Option<T> {
    match value.into_id() {
        Ok(id) => Some(id),
        Err(error) => {
            rejected.get_or_insert(RejectedId { field, error });
            None
        }
    }
}

macro_rules! stripe_id {
    ($(#[$doc:meta])* $name:ident, $kind:literal, $prefix:literal, $example:literal, $bad:literal) => {
        $(#[$doc])*
        ///
        /// ```
        #[doc = concat!("use stripe_checkout_client::ids::", stringify!($name), ";")]
        ///
        #[doc = concat!("let id: ", stringify!($name), " = \"", $example, "\".parse()?;")]
        #[doc = concat!("assert_eq!(id.as_str(), \"", $example, "\");")]
        #[doc = concat!("assert!(\"", $bad, "\".parse::<", stringify!($name), ">().is_err());")]
        /// # Ok::<(), stripe_checkout_client::ids::InvalidId>(())
        /// ```
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The prefix every id of this kind starts with (empty when there is none).
            pub const PREFIX: &'static str = $prefix;

            /// Checks and wraps `id`.
            ///
            /// # Errors
            /// [`InvalidId`] if the prefix is wrong or the id holds characters Stripe never
            /// uses in ids.
            pub fn new(id: impl Into<String>) -> Result<Self, InvalidId> {
                let id = id.into();
                if !id.starts_with($prefix) {
                    return Err(InvalidId::WrongPrefix { kind: $kind, prefix: $prefix });
                }
                if !valid_chars(&id) || id.len() == $prefix.len() {
                    return Err(InvalidId::Malformed { kind: $kind });
                }
                Ok(Self(id))
            }

            /// The id as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The id as an owned string.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl FromStr for $name {
            type Err = InvalidId;
            fn from_str(s: &str) -> Result<Self, InvalidId> {
                Self::new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = InvalidId;
            fn try_from(s: String) -> Result<Self, InvalidId> {
                Self::new(s)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = InvalidId;
            fn try_from(s: &str) -> Result<Self, InvalidId> {
                Self::new(s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl IntoId<$name> for &str {
            fn into_id(self) -> Result<$name, InvalidId> {
                $name::new(self)
            }
        }

        impl IntoId<$name> for String {
            fn into_id(self) -> Result<$name, InvalidId> {
                $name::new(self)
            }
        }

        impl IntoId<$name> for &String {
            fn into_id(self) -> Result<$name, InvalidId> {
                $name::new(self.as_str())
            }
        }

        impl IntoId<$name> for &$name {
            fn into_id(self) -> Result<$name, InvalidId> {
                Ok(self.clone())
            }
        }

        impl crate::wire::encode::Encode for $name {
            fn encode(&self, out: &mut crate::wire::encode::Writer) {
                out.text(&self.0);
            }
        }

        impl $name {
            /// An id as Stripe sent it, trusted for its prefix (see `Deserialize`).
            pub(crate) fn from_stripe(id: String) -> Self {
                Self(id)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            /// Ids that Stripe sends are trusted for their prefix (Stripe may add new id
            /// formats), so decoding only requires a string; parsing user input goes through
            /// [`FromStr`].
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                String::deserialize(d).map(Self::from_stripe)
            }
        }
    };
}

stripe_id!(
    /// The id of a Checkout Session (`cs_…`).
    CheckoutSessionId, "checkout session", "cs_", "cs_test_a1P5YYluaNII2Sw4YvDcqWDVcCaEF88dgjX1R52zahnP5GOEowMj42pzSq", "pi_123"
);
stripe_id!(
    /// The id of a coupon. Merchants choose coupon ids, so there is no prefix.
    CouponId, "coupon", "", "SUMMER25", "not a/valid id"
);
stripe_id!(
    /// The id of a promotion code object (`promo_…`), not the code customers type.
    PromotionCodeId, "promotion code", "promo_", "promo_1MlLiAJITzLVzkSmAKV6tZ50", "FALL20"
);
stripe_id!(
    /// The id of a price (`price_…`).
    PriceId, "price", "price_", "price_1Mcd6YJITzLVzkSmJJsJfga5", "prod_1"
);
stripe_id!(
    /// The id of a product (`prod_…`).
    ProductId, "product", "prod_", "prod_NNNsbcqAqCJrj2", "price_1"
);
stripe_id!(
    /// The id of a customer (`cus_…`).
    CustomerId, "customer", "cus_", "cus_NNNslJKODLsLoG", "acct_1"
);

crate::wire::model::id_from_json!(
    CheckoutSessionId,
    CouponId,
    CustomerId,
    PriceId,
    ProductId,
    PromotionCodeId,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_checked() {
        assert!("cs_test_123".parse::<CheckoutSessionId>().is_ok());
        assert!("cs_live_abc-DEF".parse::<CheckoutSessionId>().is_ok());
        assert_eq!(
            "pi_123".parse::<CheckoutSessionId>(),
            Err(InvalidId::WrongPrefix {
                kind: "checkout session",
                prefix: "cs_"
            })
        );
        assert!(matches!(
            "cs_".parse::<CheckoutSessionId>(),
            Err(InvalidId::Malformed { .. })
        ));
        assert!(matches!(
            "cs_test_1/../../v1/customers".parse::<CheckoutSessionId>(),
            Err(InvalidId::Malformed { .. })
        ));
        assert!(matches!(
            "cs_test_1?expand[]=x".parse::<CheckoutSessionId>(),
            Err(InvalidId::Malformed { .. })
        ));
        assert!("promo_1".parse::<PromotionCodeId>().is_ok());
        assert!("FALL20".parse::<PromotionCodeId>().is_err());
        assert!("price_1".parse::<PriceId>().is_ok());
        assert!("prod_1".parse::<PriceId>().is_err());
        assert!("cus_1".parse::<CustomerId>().is_ok());
        assert!("prod_1".parse::<ProductId>().is_ok());
    }

    #[test]
    fn coupon_ids_are_free_form_but_path_safe() {
        for ok in ["SUMMER25", "Z4OV52SU", "loyalty-gold_10"] {
            assert!(ok.parse::<CouponId>().is_ok(), "{ok}");
        }
        for bad in ["", "a b", "x/y", "ü", &"x".repeat(256)] {
            assert!(
                matches!(bad.parse::<CouponId>(), Err(InvalidId::Malformed { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn serde_is_transparent() {
        let id: CheckoutSessionId = serde_json::from_str("\"cs_test_1\"").unwrap();
        assert_eq!(id, "cs_test_1");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"cs_test_1\"");
    }
}
