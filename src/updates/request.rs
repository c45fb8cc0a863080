//! [`UpdateRequest`]: the body a server-update endpoint receives from the page, parsed as
//! untrusted input, and [`BodyError`], why a body is refused.
//!
//! Parsing checks shape and size only: the session id is checked for form, the rest of the
//! body is kept as JSON for the policies to read field by field (each with its own bounds).
//! Whether a request is honoured is the policies' decision, and the session is always read
//! from Stripe, never from the body.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::Rejection;
use crate::checkout::params::{Address, ShippingDetails};
use crate::ids::CheckoutSessionId;
use crate::wire::json_path;

/// The largest request body [`UpdateRequest::from_json`] parses.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// The longest name or address line [`UpdateRequest::shipping_details`] accepts.
pub const MAX_ADDRESS_FIELD_LEN: usize = 200;

/// A request from the page to change the session it shows: the session id, and whatever else
/// the endpoint's page sends (`{"checkout_session_id": "cs_…", "shipping_details": {…}}`).
///
/// Stripe's guides send only the session id, plus what the shopper typed or picked; nothing in
/// the body is trusted. The policies read the fields they need with [`field`](Self::field) or
/// [`shipping_details`](Self::shipping_details), which refuse a malformed value with a
/// [`Rejection`].
///
/// ```
/// use stripe_checkout_client::updates::UpdateRequest;
///
/// let request = UpdateRequest::from_json(
///     br#"{"checkout_session_id":"cs_test_1","gift_note":"Happy birthday"}"#,
/// )?;
/// assert_eq!(request.checkout_session_id, "cs_test_1");
/// assert_eq!(request.field::<String>("gift_note")?.as_deref(), Some("Happy birthday"));
/// assert_eq!(request.field::<String>("missing")?, None);
/// assert!(request.field::<u32>("gift_note").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct UpdateRequest {
    /// The session the page is showing.
    pub checkout_session_id: CheckoutSessionId,
    /// The rest of the body, as sent.
    #[serde(flatten)]
    body: Map<String, Value>,
}

impl UpdateRequest {
    /// A request for `session` with nothing else in it, as a button that only names the
    /// session sends (`/add-gift-wrap`).
    pub fn new(session: CheckoutSessionId) -> Self {
        Self {
            checkout_session_id: session,
            body: Map::new(),
        }
    }

    /// The same request with `name` set to `value`, as if the page had sent it.
    pub fn with_field(mut self, name: impl Into<String>, value: Value) -> Self {
        self.body.insert(name.into(), value);
        self
    }

    /// Parses and bounds-checks a request body.
    ///
    /// # Errors
    /// [`BodyError`] for a body over [`MAX_BODY_BYTES`], one that is not a JSON object, or a
    /// missing or malformed `checkout_session_id`.
    pub fn from_json(body: &[u8]) -> Result<Self, BodyError> {
        let sent: Map<String, Value> = read_body(body)?;
        let invalid = |reason| BodyError::InvalidField {
            field: "checkout_session_id".to_owned(),
            reason,
        };
        // Moved into a second map rather than removed: a map's `remove` is compiled for this
        // alone, while moving reuses what reading JSON already compiled.
        let mut body = Map::new();
        let mut id = None;
        for (key, value) in sent {
            if key == "checkout_session_id" {
                id = Some(value);
            } else {
                body.insert(key, value);
            }
        }
        let id = match id {
            Some(Value::String(id)) => id,
            None | Some(Value::Null) => return Err(invalid("is required")),
            Some(_) => return Err(invalid("must be a `cs_…` session id")),
        };
        let checkout_session_id =
            CheckoutSessionId::new(id).map_err(|_| invalid("must be a `cs_…` session id"))?;
        Ok(Self {
            checkout_session_id,
            body,
        })
    }

    /// The body's fields other than the session id, as sent.
    pub fn body(&self) -> &Map<String, Value> {
        &self.body
    }

    /// The field `name`, read as a `T`; `None` when the page did not send it (or sent `null`).
    ///
    /// # Errors
    /// A [`Rejection`] naming the field when its value is not a `T`.
    pub fn field<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, Rejection> {
        match self.body.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => T::deserialize(value)
                .map(Some)
                .map_err(|e| Rejection::new(format!("request field `{name}` is malformed: {e}"))),
        }
    }

    /// The `shipping_details` the page sent (`{"name", "address": {"line1", "line2", "city",
    /// "postal_code", "state", "country"}}`, as Stripe's Address Element gives them), checked:
    /// a name and `line1` are required, every field is at most
    /// [`MAX_ADDRESS_FIELD_LEN`] printable characters, and `country` is a two-letter code
    /// (uppercased here).
    ///
    /// ```
    /// use stripe_checkout_client::updates::UpdateRequest;
    ///
    /// let request = UpdateRequest::from_json(br#"{"checkout_session_id":"cs_test_1",
    ///     "shipping_details":{"name":"Ada Lovelace",
    ///         "address":{"line1":"1 Main St","city":"Berlin","country":"de"}}}"#)?;
    /// let details = request.shipping_details()?.expect("sent");
    /// assert_eq!(details.address.country, "DE");
    /// assert_eq!(details.address.city.as_deref(), Some("Berlin"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// A [`Rejection`] naming the field that is missing or malformed. Its customer message asks
    /// the shopper to check their address.
    pub fn shipping_details(&self) -> Result<Option<ShippingDetails>, Rejection> {
        let Some(sent) = self.body.get("shipping_details").filter(|v| !v.is_null()) else {
            return Ok(None);
        };
        let details = object(sent, "shipping_details", &["name", "address"])?;
        let address = match details.get("address").filter(|v| !v.is_null()) {
            Some(address) => Some(object(
                address,
                "shipping_details.address",
                &ADDRESS_FIELDS,
            )?),
            None => None,
        };
        let part = |field: &str| match address {
            Some(address) => string(address, "shipping_details.address", field),
            None => Ok(None),
        };
        let refuse = |field: &str, reason: &str| {
            Rejection::new(format!("shipping_details.{field} {reason}"))
                .with_customer_message(CHECK_ADDRESS_MESSAGE)
        };
        let text = |field: &str, value: Option<String>, required: bool| {
            let value = value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
            match value {
                None if required => Err(refuse(field, "is required")),
                Some(v)
                    if v.chars().count() > MAX_ADDRESS_FIELD_LEN || v.chars().any(invisible) =>
                {
                    Err(refuse(field, "must be 1 to 200 printable characters"))
                }
                other => Ok(other),
            }
        };
        let name = string(details, "shipping_details", "name")?;
        let name = text("name", name, true)?.unwrap_or_default();
        let country = text("address.country", part("country")?, true)?.unwrap_or_default();
        if country.len() != 2 || !country.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(refuse(
                "address.country",
                "must be a two-letter country code",
            ));
        }
        let line1 = text("address.line1", part("line1")?, true)?.unwrap_or_default();
        let mut address = Address::new(line1, country.to_ascii_uppercase());
        address.line2 = text("address.line2", part("line2")?, false)?;
        address.city = text("address.city", part("city")?, false)?;
        address.postal_code = text("address.postal_code", part("postal_code")?, false)?;
        address.state = text("address.state", part("state")?, false)?;
        Ok(Some(ShippingDetails::new(name, address)))
    }
}

/// Reads a page's body as a `T`: at most [`MAX_BODY_BYTES`], JSON, with the path of what is
/// malformed. Every server-update request, the discount face's included, is read here.
pub(crate) fn read_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, BodyError> {
    if body.len() > MAX_BODY_BYTES {
        return Err(BodyError::TooLarge {
            limit: MAX_BODY_BYTES,
        });
    }
    serde_json::from_slice(body).map_err(|e| BodyError::Malformed {
        path: json_path::error_path(body, &e),
        message: e.to_string(),
    })
}

/// What a shopper reads when the address they sent cannot be used as it is.
pub const CHECK_ADDRESS_MESSAGE: &str = "Please check your shipping address.";

/// The fields of an address the page may send, as Stripe's Address Element names them.
const ADDRESS_FIELDS: [&str; 6] = ["line1", "line2", "city", "postal_code", "state", "country"];

/// The page's shipping details were not of the expected shape.
fn malformed(what: &str) -> Rejection {
    Rejection::new(format!(
        "request field `shipping_details` is malformed: {what}"
    ))
}

/// `value` as a JSON object with none but the `known` fields; `at` names it.
fn object<'v>(
    value: &'v Value,
    at: &str,
    known: &[&str],
) -> Result<&'v Map<String, Value>, Rejection> {
    let Value::Object(map) = value else {
        return Err(malformed(&format!("`{at}` must be an object")));
    };
    match map.keys().find(|key| !known.contains(&key.as_str())) {
        Some(unknown) => Err(malformed(&format!("unknown field `{at}.{unknown}`"))),
        None => Ok(map),
    }
}

/// The text field `key` of `map` (`None` when absent or `null`); `at` names the map.
fn string(map: &Map<String, Value>, at: &str, key: &str) -> Result<Option<String>, Rejection> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err(malformed(&format!("`{at}.{key}` must be a string"))),
    }
}

/// Why a front-end body is not an acceptable request ([`UpdateRequest`], or a
/// [`DiscountRequest`](crate::discounts::DiscountRequest)). Messages are for logs, not
/// for the browser.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BodyError {
    /// The body is larger than the limit.
    #[error("request body exceeds {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The body is not JSON of the expected shape.
    #[error("malformed request body at `{path}`: {message}")]
    Malformed {
        /// Where in the body, e.g. `discounts[0].coupon` (`.` for the whole body).
        path: String,
        /// What serde_json said, with line and column.
        message: String,
    },
    /// A field is missing or has an invalid value.
    #[error("invalid `{field}`: {reason}")]
    InvalidField {
        /// The field, e.g. `checkout_session_id` or `discounts[0]`.
        field: String,
        /// What is wrong.
        reason: &'static str,
    },
}

/// Control characters, and the format characters that change how text around them is shown
/// (bidirectional overrides, zero-width characters, the byte-order mark): a code holding one
/// can be made to look like another in a log or a dashboard.
pub(crate) fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
        )
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn parse(body: &str) -> Result<UpdateRequest, BodyError> {
        UpdateRequest::from_json(body.as_bytes())
    }

    fn with_details(details: Value) -> UpdateRequest {
        UpdateRequest::new("cs_test_1".parse().unwrap()).with_field("shipping_details", details)
    }

    #[test]
    fn a_body_needs_an_object_with_a_session_id_and_a_bounded_size() {
        let r = parse(r#"{"checkout_session_id":"cs_test_1","quantity":2}"#).unwrap();
        assert_eq!(r.checkout_session_id, "cs_test_1");
        assert_eq!(r.body().len(), 1, "the id is not kept twice");
        assert_eq!(r.field::<u64>("quantity").unwrap(), Some(2));
        let invalid = |reason| {
            Err(BodyError::InvalidField {
                field: "checkout_session_id".into(),
                reason,
            })
        };
        assert_eq!(parse("{}"), invalid("is required"));
        assert_eq!(
            parse(r#"{"checkout_session_id":null}"#),
            invalid("is required")
        );
        assert_eq!(
            parse(r#"{"checkout_session_id":5}"#),
            invalid("must be a `cs_…` session id")
        );
        assert_eq!(
            parse(r#"{"checkout_session_id":"pi_123"}"#),
            invalid("must be a `cs_…` session id")
        );
        assert!(matches!(parse("[1]"), Err(BodyError::Malformed { .. })));
        let padding = "x".repeat(MAX_BODY_BYTES);
        let big = format!(r#"{{"checkout_session_id":"cs_test_1","pad":"{padding}"}}"#);
        assert_eq!(
            parse(&big),
            Err(BodyError::TooLarge {
                limit: MAX_BODY_BYTES
            })
        );
        // 16 KiB, the documented bound, is read; one byte more is not.
        let edge = format!(
            r#"{{"checkout_session_id":"cs_test_1","p":"{}"}}"#,
            "x".repeat(16_384 - 42)
        );
        assert_eq!(edge.len(), 16_384);
        assert!(parse(&edge).is_ok());
        let over = format!("{edge} ");
        assert!(matches!(parse(&over), Err(BodyError::TooLarge { .. })));
    }

    #[test]
    fn shipping_details_are_trimmed_bounded_and_uppercased() {
        let details = with_details(json!({"name": " Ada ", "address": {
            "line1": "1 Main St", "line2": "", "city": "Berlin", "postal_code": "10115",
            "state": "BE", "country": "de",
        }}))
        .shipping_details()
        .unwrap()
        .unwrap();
        assert_eq!(details.name, "Ada");
        let a = &details.address;
        assert_eq!((a.line1.as_str(), a.country.as_str()), ("1 Main St", "DE"));
        assert_eq!(a.line2, None, "an empty line is left out");
        assert_eq!(a.city.as_deref(), Some("Berlin"));
        assert_eq!(a.postal_code.as_deref(), Some("10115"));
        assert_eq!(a.state.as_deref(), Some("BE"));
        assert_eq!(
            UpdateRequest::new("cs_test_1".parse().unwrap())
                .shipping_details()
                .unwrap(),
            None
        );
    }

    #[test]
    fn malformed_shipping_details_are_refused_with_the_check_address_message() {
        let long = "x".repeat(MAX_ADDRESS_FIELD_LEN + 1);
        let exactly = "x".repeat(MAX_ADDRESS_FIELD_LEN);
        for (details, reason) in [
            (
                json!({"address": {"line1": "1", "country": "US"}}),
                "shipping_details.name is required",
            ),
            (
                json!({"name": "A", "address": {"country": "US"}}),
                "shipping_details.address.line1 is required",
            ),
            (
                json!({"name": "A"}),
                "shipping_details.address.country is required",
            ),
            (
                json!({"name": "A", "address": {"line1": "1", "country": "USA"}}),
                "shipping_details.address.country must be a two-letter country code",
            ),
            (
                json!({"name": "A", "address": {"line1": "1", "country": "1A"}}),
                "shipping_details.address.country must be a two-letter country code",
            ),
            (
                json!({"name": long, "address": {"line1": "1", "country": "US"}}),
                "shipping_details.name must be 1 to 200 printable characters",
            ),
            (
                json!({"name": "A\u{202E}", "address": {"line1": "1", "country": "US"}}),
                "shipping_details.name must be 1 to 200 printable characters",
            ),
            (
                json!({"name": "A", "address": {"line1": "1", "city": "B\u{0000}", "country": "US"}}),
                "shipping_details.address.city must be 1 to 200 printable characters",
            ),
        ] {
            let refused = with_details(details).shipping_details().unwrap_err();
            assert_eq!(refused.reason(), reason);
            assert_eq!(refused.customer_message(), Some(CHECK_ADDRESS_MESSAGE));
        }
        let edge = json!({"name": exactly, "address": {"line1": "1", "country": "US"}});
        assert!(with_details(edge).shipping_details().is_ok());
        // Unknown fields and wrong types are malformed, with no address message needed.
        let malformed = [
            (
                json!({"name": "A", "phone": "1"}),
                "unknown field `shipping_details.phone`",
            ),
            (
                json!({"name": "A", "address": {"line1": "1", "country": "US", "zip": "1"}}),
                "unknown field `shipping_details.address.zip`",
            ),
            (
                json!("Ada, 1 Main St"),
                "`shipping_details` must be an object",
            ),
            (
                json!({"name": "A", "address": ["1 Main St"]}),
                "`shipping_details.address` must be an object",
            ),
            (
                json!({"name": 7}),
                "`shipping_details.name` must be a string",
            ),
            (
                json!({"name": "A", "address": {"line1": "1", "country": 1}}),
                "`shipping_details.address.country` must be a string",
            ),
        ];
        for (details, why) in malformed {
            let refused = with_details(details).shipping_details().unwrap_err();
            assert_eq!(
                refused.reason(),
                format!("request field `shipping_details` is malformed: {why}")
            );
            assert_eq!(refused.customer_message(), None);
        }
        // `null` is the same as not sent, for the details and for each field.
        assert_eq!(with_details(json!(null)).shipping_details().unwrap(), None);
        let nulls = json!({"name": "A", "address": {"line1": "1", "country": "us", "city": null}});
        let read = with_details(nulls).shipping_details().unwrap().unwrap();
        assert_eq!(
            (read.address.city, read.address.country.as_str()),
            (None, "US")
        );
    }
}
