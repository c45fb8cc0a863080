//! Open hooks on the emulator, in wiremock's spirit: a responder of your own for a
//! [`Route`] ([`Reply`]), and expectations on how many requests a route receives, checked
//! when the emulator is dropped ([`UnmetExpectations`]).
//!
//! Where the hooks run in the order a request is handled is the server's business; the
//! [`FakeStripe`](super::FakeStripe) methods that install them are in `fake`.

use std::fmt;
use std::sync::Arc;

use serde_json::{Value, json};

use crate::journal::RecordedRequest;
use crate::route::{Route, Times};

/// What a responder answers a request: its own answer, or [`pass`](Self::pass) to let the
/// emulator answer as usual.
///
/// ```
/// use serde_json::json;
/// use stripe_checkout_emulator::Reply;
///
/// let card_declined = Reply::error(402, "card_error", "Your card was declined.")
///     .header("request-id", "req_test_declined");
/// let custom = Reply::json(200, json!({"object": "list", "data": [], "has_more": false}));
/// # let _ = (card_declined, custom, Reply::pass());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Reply {
    pub(crate) answer: Option<ReplyAnswer>,
}

/// A responder's own answer.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ReplyAnswer {
    pub(crate) status: u16,
    pub(crate) body: Value,
    pub(crate) headers: Vec<(String, String)>,
}

impl Reply {
    /// Let the emulator answer (and apply) the request as it would without the responder.
    pub fn pass() -> Self {
        Self { answer: None }
    }

    /// Answer `status` with `body` as JSON. The request does not reach the emulator's state.
    pub fn json(status: u16, body: Value) -> Self {
        Self {
            answer: Some(ReplyAnswer {
                status,
                body,
                headers: Vec::new(),
            }),
        }
    }

    /// Answer `status` with a Stripe error body: `{"error": {"type": …, "message": …}}`.
    pub fn error(status: u16, error_type: &str, message: &str) -> Self {
        Self::json(
            status,
            json!({"error": {"type": error_type, "message": message}}),
        )
    }

    /// Adds a response header (`request-id` replaces the emulator's own). No effect on
    /// [`pass`](Self::pass).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        if let Some(answer) = &mut self.answer {
            answer.headers.push((name.into(), value.into()));
        }
        self
    }
}

/// The function a responder runs, on the request as the journal will record it.
pub(crate) type ReplyFn = dyn Fn(&RecordedRequest) -> Reply + Send + Sync;

/// A responder installed with [`FakeStripe::respond`](super::FakeStripe::respond).
#[derive(Clone)]
pub(crate) struct Responder {
    pub(crate) route: Route,
    pub(crate) reply: Arc<ReplyFn>,
}

impl fmt::Debug for Responder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Responder")
            .field("route", &self.route)
            .finish_non_exhaustive()
    }
}

/// How many requests a route should receive, and how many it has.
#[derive(Clone, Debug)]
pub(crate) struct Expectation {
    pub(crate) route: Route,
    pub(crate) times: Times,
    pub(crate) seen: usize,
}

/// The expectations a [`FakeStripe`](super::FakeStripe) saw unmet, from
/// [`verify`](super::FakeStripe::verify) or when it is dropped (which panics with this
/// message): each route with what it wanted and got, then every request received.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.report())]
pub struct UnmetExpectations {
    /// `(route, wanted, received)` for each unmet expectation, in the order they were made.
    pub unmet: Vec<(Route, Times, usize)>,
    /// `METHOD path -> status` of every request in the journal, oldest first.
    pub received: Vec<String>,
}

impl UnmetExpectations {
    fn report(&self) -> String {
        let mut out = format!("FakeStripe: {} expectation(s) not met", self.unmet.len());
        for (route, times, seen) in &self.unmet {
            out.push_str(&format!(
                "\n  {route}: wanted {times} request(s), received {seen}"
            ));
        }
        out.push_str("\nrequests received:");
        if self.received.is_empty() {
            out.push_str(" none");
        }
        for line in &self.received {
            out.push_str("\n  ");
            out.push_str(line);
        }
        out
    }
}

/// The unmet expectations among `expectations`, with the journal for context; `None` when all
/// are met.
pub(crate) fn unmet(
    expectations: &[Expectation],
    journal: &[RecordedRequest],
) -> Option<UnmetExpectations> {
    let unmet: Vec<(Route, Times, usize)> = expectations
        .iter()
        .filter(|e| !e.times.contains(e.seen))
        .map(|e| (e.route.clone(), e.times, e.seen))
        .collect();
    if unmet.is_empty() {
        return None;
    }
    let received = journal
        .iter()
        .map(|r| {
            let status = r
                .status
                .map_or_else(|| "dropped".to_owned(), |s| s.to_string());
            format!("{} {} -> {status}", r.method, r.path)
        })
        .collect();
    Some(UnmetExpectations { unmet, received })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_responder_shows_its_route_not_its_closure() {
        let responder = Responder {
            route: Route::post("/v1/coupons"),
            reply: Arc::new(|_| Reply::pass()),
        };
        let shown = format!("{responder:?}");
        assert!(shown.starts_with("Responder { route: Route {"), "{shown}");
        assert!(
            shown.contains("/v1/coupons") && shown.ends_with(".. }"),
            "{shown}"
        );
    }

    #[test]
    fn a_header_on_pass_is_ignored() {
        assert_eq!(Reply::pass().header("a", "b"), Reply::pass());
        let answer = Reply::json(201, json!({})).header("a", "b").answer.unwrap();
        assert_eq!(
            (answer.status, answer.headers),
            (201, vec![("a".into(), "b".into())])
        );
    }
}
