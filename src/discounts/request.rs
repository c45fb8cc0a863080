//! [`DiscountRequest`]: what the browser asked for, parsed from the body the guide's
//! `/update-discounts` endpoint receives, as untrusted input.
//!
//! Parsing only checks shape and size; whether the request is acceptable is the
//! [`DiscountPolicy`](super::DiscountPolicy)'s decision, and the session itself is always
//! re-read from Stripe rather than taken from the browser.

use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::ids::CheckoutSessionId;
use crate::updates::BodyError;
use crate::updates::request::{invisible, read_body};

/// The most discount entries a request may carry. Stripe allows one discount per session;
/// the bound leaves room for a policy to explain a rejection without accepting unbounded input.
pub const MAX_REQUESTED_DISCOUNTS: usize = 10;
/// The longest coupon id, promotion code id or customer-facing code accepted.
pub const MAX_CODE_LEN: usize = 200;
/// The largest request body [`DiscountRequest::from_json`] parses: the same bound as every
/// server-update request.
pub use crate::updates::MAX_BODY_BYTES;

/// A request from the front end to change a session's discounts.
///
/// The body is `{"checkout_session_id": "cs_…", "discounts": …}` where `discounts` is `""` or
/// `[]` (remove every discount), a list of `{"coupon": …}`, `{"promotion_code": …}` or
/// `{"code": …}` entries, or absent (the endpoint decides what to apply, as the guide's
/// "apply loyalty discount" button does).
///
/// ```
/// use stripe_checkout_client::discounts::{DiscountRequest, RequestedDiscount};
///
/// let req = DiscountRequest::from_json(br#"{"checkout_session_id":"cs_test_1","discounts":[{"code":"WELCOME"}]}"#)?;
/// assert_eq!(req.checkout_session_id, "cs_test_1");
/// assert_eq!(req.discounts, Some(vec![RequestedDiscount::Code("WELCOME".into())]));
///
/// let removal = DiscountRequest::from_json(br#"{"checkout_session_id":"cs_test_1","discounts":""}"#)?;
/// assert!(removal.is_removal());
/// # Ok::<(), stripe_checkout_client::discounts::BodyError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DiscountRequest {
    /// The session the browser is showing.
    pub checkout_session_id: CheckoutSessionId,
    /// What the browser asked for: `None` when it did not say, `Some(empty)` to remove all.
    pub discounts: Option<Vec<RequestedDiscount>>,
}

/// One discount the browser asked for. Nothing here is trusted: a policy decides what, if
/// anything, it maps to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RequestedDiscount {
    /// A coupon id.
    Coupon(String),
    /// A promotion code object id (`promo_…`).
    PromotionCode(String),
    /// A code the customer typed.
    Code(String),
}

impl RequestedDiscount {
    /// The id or code, whichever kind it is.
    pub fn value(&self) -> &str {
        match self {
            Self::Coupon(s) | Self::PromotionCode(s) | Self::Code(s) => s,
        }
    }
}

impl DiscountRequest {
    /// A request for `session` with no discounts specified.
    pub fn new(session: CheckoutSessionId) -> Self {
        Self {
            checkout_session_id: session,
            discounts: None,
        }
    }

    /// The same request asking for `discounts` (empty: remove all).
    pub fn with_discounts(
        mut self,
        discounts: impl IntoIterator<Item = RequestedDiscount>,
    ) -> Self {
        self.discounts = Some(discounts.into_iter().collect());
        self
    }

    /// Parses and bounds-checks a request body.
    ///
    /// # Errors
    /// [`BodyError`] for a body over [`MAX_BODY_BYTES`], malformed JSON, a missing or
    /// malformed session id, more than [`MAX_REQUESTED_DISCOUNTS`] entries, an entry that is
    /// not exactly one of `coupon`/`promotion_code`/`code`, or a code that is empty, longer
    /// than [`MAX_CODE_LEN`] or not printable.
    pub fn from_json(body: &[u8]) -> Result<Self, BodyError> {
        read_body::<RawRequest>(body)?.check()
    }

    /// Whether the browser asked to remove every discount (`""` or `[]`).
    pub fn is_removal(&self) -> bool {
        self.discounts.as_ref().is_some_and(Vec::is_empty)
    }
}

#[derive(Deserialize)]
struct RawRequest {
    checkout_session_id: Option<String>,
    #[serde(default)]
    discounts: Option<RawDiscounts>,
}

/// `discounts` as sent: a list of entries, or text (only `""` is accepted, by `check`).
/// Written out rather than `#[serde(untagged)]` so a bad entry fails with its own error
/// (`unknown field`, `invalid type`) at its own path, not "did not match any variant".
enum RawDiscounts {
    List(Vec<RawEntry>),
    Text(String),
}

impl<'de> Deserialize<'de> for RawDiscounts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListOrText;

        impl<'de> Visitor<'de> for ListOrText {
            type Value = RawDiscounts;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of discounts or \"\"")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<RawDiscounts, E> {
                Ok(RawDiscounts::Text(text.to_owned()))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawDiscounts, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = seq.next_element()? {
                    entries.push(entry);
                }
                Ok(RawDiscounts::List(entries))
            }
        }

        deserializer.deserialize_any(ListOrText)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    coupon: Option<String>,
    promotion_code: Option<String>,
    code: Option<String>,
}

impl RawRequest {
    fn check(self) -> Result<DiscountRequest, BodyError> {
        let invalid = |field: &str, reason| BodyError::InvalidField {
            field: field.to_owned(),
            reason,
        };
        let id = self
            .checkout_session_id
            .ok_or_else(|| invalid("checkout_session_id", "is required"))?;
        let checkout_session_id = CheckoutSessionId::new(id)
            .map_err(|_| invalid("checkout_session_id", "must be a `cs_…` session id"))?;
        let discounts = match self.discounts {
            None => None,
            Some(RawDiscounts::Text(s)) if s.is_empty() => Some(Vec::new()),
            Some(RawDiscounts::Text(_)) => {
                return Err(invalid("discounts", "must be a list or \"\""));
            }
            Some(RawDiscounts::List(entries)) => {
                if entries.len() > MAX_REQUESTED_DISCOUNTS {
                    return Err(invalid("discounts", "has too many entries"));
                }
                let mut out = Vec::with_capacity(entries.len());
                for (i, e) in entries.into_iter().enumerate() {
                    let field = format!("discounts[{i}]");
                    let entry = match (e.coupon, e.promotion_code, e.code) {
                        (Some(c), None, None) => RequestedDiscount::Coupon(c),
                        (None, Some(p), None) => RequestedDiscount::PromotionCode(p),
                        (None, None, Some(c)) => RequestedDiscount::Code(c),
                        _ => {
                            return Err(invalid(
                                &field,
                                "must have exactly one of `coupon`, `promotion_code`, `code`",
                            ));
                        }
                    };
                    let value = entry.value();
                    if value.is_empty()
                        || value.chars().count() > MAX_CODE_LEN
                        || value.chars().any(invisible)
                    {
                        return Err(invalid(&field, "must be 1 to 200 printable characters"));
                    }
                    out.push(entry);
                }
                Some(out)
            }
        };
        Ok(DiscountRequest {
            checkout_session_id,
            discounts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &str) -> Result<DiscountRequest, BodyError> {
        DiscountRequest::from_json(body.as_bytes())
    }

    #[test]
    fn accepts_the_shapes_the_front_end_sends() {
        let r = parse(r#"{"checkout_session_id":"cs_test_1"}"#).unwrap();
        assert_eq!(r.discounts, None);
        assert!(!r.is_removal());
        assert!(
            parse(r#"{"checkout_session_id":"cs_test_1","discounts":""}"#)
                .unwrap()
                .is_removal()
        );
        assert!(
            parse(r#"{"checkout_session_id":"cs_test_1","discounts":[]}"#)
                .unwrap()
                .is_removal()
        );
        assert!(
            !parse(r#"{"checkout_session_id":"cs_test_1","discounts":null}"#)
                .unwrap()
                .is_removal()
        );
        let r = parse(
            r#"{"checkout_session_id":"cs_test_1","discounts":[{"coupon":"SUMMER25"},{"promotion_code":"promo_1"},{"code":"WELCOME"}],"extra":true}"#,
        )
        .unwrap();
        assert_eq!(
            r.discounts.unwrap(),
            [
                RequestedDiscount::Coupon("SUMMER25".into()),
                RequestedDiscount::PromotionCode("promo_1".into()),
                RequestedDiscount::Code("WELCOME".into()),
            ]
        );
    }

    #[test]
    fn rejects_bad_bodies_with_the_field() {
        let field = |body: &str| match parse(body) {
            Err(BodyError::InvalidField { field, .. }) => field,
            other => panic!("{body}: {other:?}"),
        };
        assert_eq!(field(r#"{}"#), "checkout_session_id");
        assert_eq!(
            field(r#"{"checkout_session_id":"pi_1"}"#),
            "checkout_session_id"
        );
        assert_eq!(
            field(r#"{"checkout_session_id":"cs_1/../x"}"#),
            "checkout_session_id"
        );
        assert_eq!(
            field(r#"{"checkout_session_id":"cs_1","discounts":"x"}"#),
            "discounts"
        );
        assert_eq!(
            field(r#"{"checkout_session_id":"cs_1","discounts":[{}]}"#),
            "discounts[0]"
        );
        assert_eq!(
            field(
                r#"{"checkout_session_id":"cs_1","discounts":[{"coupon":"a"},{"coupon":"a","code":"b"}]}"#
            ),
            "discounts[1]"
        );
        assert_eq!(
            field(r#"{"checkout_session_id":"cs_1","discounts":[{"code":""}]}"#),
            "discounts[0]"
        );
        let long = format!(
            r#"{{"checkout_session_id":"cs_1","discounts":[{{"code":"{}"}}]}}"#,
            "x".repeat(201)
        );
        assert_eq!(field(&long), "discounts[0]");
        let many = format!(
            r#"{{"checkout_session_id":"cs_1","discounts":[{}]}}"#,
            [r#"{"code":"a"}"#; 11].join(",")
        );
        assert_eq!(field(&many), "discounts");
        let ten = format!(
            r#"{{"checkout_session_id":"cs_1","discounts":[{}]}}"#,
            [r#"{"code":"a"}"#; 10].join(",")
        );
        assert_eq!(parse(&ten).unwrap().discounts.unwrap().len(), 10);
        assert!(matches!(
            parse(
                r#"{"checkout_session_id":"cs_1","discounts":[{"coupon":"a","percent_off":100}]}"#
            ),
            Err(BodyError::Malformed { .. })
        ));
    }

    #[test]
    fn malformed_entries_are_named_by_their_path() {
        let malformed = |body: &str| match parse(body) {
            Err(BodyError::Malformed { path, message }) => (path, message),
            other => panic!("{body}: {other:?}"),
        };
        let (path, message) =
            malformed(r#"{"checkout_session_id":"cs_1","discounts":[{"code":"A"},{"coupon":5}]}"#);
        assert_eq!(path, "discounts[1].coupon");
        assert!(
            message.starts_with("invalid type: integer `5`"),
            "{message}"
        );
        let (path, message) = malformed(
            r#"{"checkout_session_id":"cs_1","discounts":[{"coupon":"a","percent_off":100}]}"#,
        );
        assert_eq!(path, "discounts[0].percent_off");
        assert!(
            message.starts_with("unknown field `percent_off`"),
            "{message}"
        );
        let (path, message) = malformed(r#"{"checkout_session_id":"cs_1","discounts":7}"#);
        assert_eq!(path, "discounts");
        assert!(message.contains("a list of discounts or \"\""), "{message}");
    }

    #[test]
    fn codes_are_measured_in_characters_and_must_be_visible() {
        let body = |code: &str| {
            serde_json::json!({"checkout_session_id": "cs_1", "discounts": [{"code": code}]})
                .to_string()
        };
        // 200 three-byte characters are 200 characters.
        assert!(parse(&body(&"€".repeat(200))).is_ok());
        assert!(parse(&body(&"€".repeat(201))).is_err());
        for hidden in ["A\u{202E}B", "\u{200B}SAVE", "SAVE\u{FEFF}", "A\tB"] {
            match parse(&body(hidden)) {
                Err(BodyError::InvalidField { field, .. }) => assert_eq!(field, "discounts[0]"),
                other => panic!("{hidden:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn rejects_malformed_and_oversized_bodies() {
        for body in ["", "[]", "null", "{", r#"{"checkout_session_id":1}"#] {
            assert!(
                matches!(parse(body), Err(BodyError::Malformed { .. })),
                "{body}"
            );
        }
        // 16 KiB is taken, whitespace and all; one byte more is not. The size is written out
        // rather than read from `MAX_BODY_BYTES`, so a change to the constant shows here.
        let session = br#"{"checkout_session_id":"cs_1"}"#;
        let mut exact = session.to_vec();
        exact.resize(16 * 1024, b' ');
        assert!(DiscountRequest::from_json(&exact).is_ok());
        let big = vec![b' '; MAX_BODY_BYTES + 1];
        assert_eq!(
            DiscountRequest::from_json(&big),
            Err(BodyError::TooLarge {
                limit: MAX_BODY_BYTES
            })
        );
    }
}
