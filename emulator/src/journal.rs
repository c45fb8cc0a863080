//! [`RecordedRequest`]: one entry of the emulator's request journal, so tests can assert
//! exactly what reached "Stripe" — method, path, headers, decoded parameters — and what it
//! answered.

use serde_json::Value;

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
    /// The parameters as the facts of the request's version typed them (numbers, booleans,
    /// `""` for a cleared param), in the official SDKs' JSON param shape; `None` when the
    /// request was refused before they were checked, or never reached them.
    pub checked_params: Option<Value>,
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
    /// Whether a responder of yours ([`FakeStripe::respond`](crate::FakeStripe::respond))
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
}

impl RecordedRequest {
    /// About how many bytes the entry holds: the params three times (as sent, as a tree of
    /// strings, as typed), the headers, and the entry itself.
    pub(crate) fn weight(&self) -> usize {
        let params = self.body.len() + self.query.as_ref().map_or(0, String::len);
        let headers: usize = self.headers.iter().map(|(n, v)| n.len() + v.len()).sum();
        3 * params + headers + self.path.len() + 256
    }
}

/// The first value of a header in a request's list (name matched case-insensitively).
pub(crate) fn header_in<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}
