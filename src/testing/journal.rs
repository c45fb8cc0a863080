//! [`RecordedRequest`]: one entry of the emulator's request journal, so tests can assert
//! exactly what reached "Stripe" — method, path, headers, decoded parameters — and what it
//! answered.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::form_decode::{FormDecodeError, decode_form};

/// A request the emulator received, with its answer.
///
/// The `Authorization` header is never recorded, so a journal can be printed freely.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// `GET`, `POST`, `DELETE`, …
    pub method: String,
    /// The path, without the query string (`/v1/checkout/sessions/cs_test_…`).
    pub path: String,
    /// The raw query string, if any.
    pub query: Option<String>,
    /// Every header but `Authorization`, names lowercased, in arrival order.
    pub headers: Vec<(String, String)>,
    /// The raw form body (empty for `GET`).
    pub body: String,
    /// The parameters (query for `GET`, body otherwise) decoded into a JSON tree whose leaves
    /// are the strings sent; `Value::Null` when they could not be decoded.
    pub params: Value,
    /// The status answered, or `None` when the connection was dropped without an answer.
    pub status: Option<u16>,
    /// Whether the answer was a replay of an earlier request with the same idempotency key.
    pub replayed: bool,
    /// Whether an injected fault shaped the answer.
    pub faulted: bool,
    /// Whether the request changed state: a `POST` that ran and succeeded (even if its
    /// answer was then lost to a fault), not a replay. Counting these proves a change was
    /// applied exactly once.
    pub applied: bool,
    /// Whether a responder of yours ([`FakeStripe::respond`](super::FakeStripe::respond))
    /// answered it instead of the emulator.
    pub replied: bool,
}

impl RecordedRequest {
    /// The first value of a header (name matched case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        header_in(&self.headers, name)
    }

    /// The `Idempotency-Key` the request carried.
    pub fn idempotency_key(&self) -> Option<&str> {
        self.header("idempotency-key")
    }

    /// Whether this is a `POST`.
    pub fn is_post(&self) -> bool {
        self.method == "POST"
    }

    /// The parameters (the body of a `POST`, the query otherwise) decoded into a parameter
    /// type, to assert on what was sent in the crate's own terms.
    ///
    /// # Errors
    /// [`FormDecodeError`] if they are not valid for `T`.
    pub fn decode_params<T: DeserializeOwned>(&self) -> Result<T, FormDecodeError> {
        if self.is_post() {
            decode_form(&self.body)
        } else {
            decode_form(self.query.as_deref().unwrap_or(""))
        }
    }
}

/// The first value of a header in a request's list (name matched case-insensitively).
pub(crate) fn header_in<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}
