//! [`Route`]: which requests a fault, a responder or an expectation of the emulator applies to
//! — a method, a path pattern, or both — and [`Times`], how many requests an expectation wants.
//!
//! What is done to the requests a route matches is the fault's, the responder's and the
//! expectation's business.

use std::fmt;
use std::ops::{RangeFrom, RangeInclusive};

/// An HTTP method of the Stripe API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Method {
    /// Reads.
    Get,
    /// Creates and updates.
    Post,
    /// Deletes.
    Delete,
}

impl Method {
    /// `GET`, `POST` or `DELETE`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

/// A set of requests: those with a method, a path matching a pattern, or both.
///
/// A pattern is a path whose segments match literally, except `*`, which matches any one
/// segment, and a final `**`, which matches whatever follows (nothing included). The query
/// string is not part of the path.
///
/// ```
/// use stripe_checkout_emulator::{Method, Route};
///
/// let updates = Route::post("/v1/checkout/sessions/*");
/// assert!(updates.matches(Method::Post, "/v1/checkout/sessions/cs_test_1"));
/// assert!(!updates.matches(Method::Post, "/v1/checkout/sessions"));
/// assert!(!updates.matches(Method::Get, "/v1/checkout/sessions/cs_test_1"));
///
/// let anything_of_sessions = Route::path("/v1/checkout/sessions/**");
/// assert!(anything_of_sessions.matches(Method::Get, "/v1/checkout/sessions/cs_1/line_items"));
/// assert!(anything_of_sessions.matches(Method::Post, "/v1/checkout/sessions"));
/// assert_eq!(updates.to_string(), "POST /v1/checkout/sessions/*");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    method: Option<Method>,
    pattern: Option<String>,
}

impl Route {
    /// Every request.
    pub fn any() -> Self {
        Self::default()
    }

    /// Requests with `method`, on any path.
    pub fn method(method: impl Into<Method>) -> Self {
        Self {
            method: Some(method.into()),
            pattern: None,
        }
    }

    /// Requests of any method whose path matches `pattern`.
    pub fn path(pattern: impl Into<String>) -> Self {
        Self {
            method: None,
            pattern: Some(normalized(pattern.into())),
        }
    }

    /// `GET` requests whose path matches `pattern`.
    pub fn get(pattern: impl Into<String>) -> Self {
        Self::path(pattern).with_method(Method::Get)
    }

    /// `POST` requests whose path matches `pattern`.
    pub fn post(pattern: impl Into<String>) -> Self {
        Self::path(pattern).with_method(Method::Post)
    }

    /// `DELETE` requests whose path matches `pattern`.
    pub fn delete(pattern: impl Into<String>) -> Self {
        Self::path(pattern).with_method(Method::Delete)
    }

    /// The same route, for `method` only.
    pub fn with_method(mut self, method: impl Into<Method>) -> Self {
        let method = method.into();
        self.method = Some(method);
        self
    }

    /// The same route, for paths matching `pattern` only.
    pub fn with_path(mut self, pattern: impl Into<String>) -> Self {
        self.pattern = Some(normalized(pattern.into()));
        self
    }

    /// Whether a request with `method` and `path` is one of this route's.
    pub fn matches(&self, method: impl Into<Method>, path: &str) -> bool {
        self.matches_raw(method.into().as_str(), path)
    }

    /// [`matches`](Self::matches) for a method as received (`"POST"`).
    pub(crate) fn matches_raw(&self, method: &str, path: &str) -> bool {
        let method_ok = self
            .method
            .is_none_or(|m| m.as_str().eq_ignore_ascii_case(method));
        method_ok
            && self
                .pattern
                .as_deref()
                .is_none_or(|pattern| pattern_matches(pattern, path))
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let method = self.method.map_or("ANY", Method::as_str);
        write!(f, "{method} {}", self.pattern.as_deref().unwrap_or("/**"))
    }
}

fn normalized(pattern: String) -> String {
    if pattern.starts_with('/') {
        pattern
    } else {
        format!("/{pattern}")
    }
}

fn pattern_matches(pattern: &str, path: &str) -> bool {
    let mut want = pattern.trim_start_matches('/').split('/');
    let mut got = path.trim_start_matches('/').split('/');
    loop {
        match (want.next(), got.next()) {
            (Some("**"), _) => return want.next().is_none(),
            (Some(w), Some(g)) if w == g || (w == "*" && !g.is_empty()) => {}
            (None, None) => return true,
            _ => return false,
        }
    }
}

/// How many requests an expectation wants: an exact number (`1`), a range (`1..=3`) or a
/// lower bound (`1..`).
///
/// ```
/// use stripe_checkout_emulator::Times;
///
/// assert!(Times::from(1).contains(1) && !Times::from(1).contains(2));
/// assert!(Times::from(1..=3).contains(3) && !Times::from(1..=3).contains(0));
/// assert!(Times::from(2..).contains(99));
/// assert_eq!(Times::from(2..=2).to_string(), "exactly 2");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Times {
    min: usize,
    max: Option<usize>,
}

impl Times {
    /// Whether `n` requests satisfy it.
    pub fn contains(self, n: usize) -> bool {
        n >= self.min && self.max.is_none_or(|max| n <= max)
    }
}

impl From<usize> for Times {
    fn from(n: usize) -> Self {
        Self {
            min: n,
            max: Some(n),
        }
    }
}

impl From<RangeInclusive<usize>> for Times {
    fn from(range: RangeInclusive<usize>) -> Self {
        Self {
            min: *range.start(),
            max: Some(*range.end()),
        }
    }
}

impl From<RangeFrom<usize>> for Times {
    fn from(range: RangeFrom<usize>) -> Self {
        Self {
            min: range.start,
            max: None,
        }
    }
}

impl fmt::Display for Times {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.max {
            Some(max) if max == self.min => write!(f, "exactly {max}"),
            Some(max) => write!(f, "{} to {max}", self.min),
            None => write!(f, "at least {}", self.min),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_by_segment() {
        let rows = [
            ("/v1/coupons", "/v1/coupons", true),
            ("/v1/coupons", "/v1/coupons/X", false),
            ("/v1/coupons/*", "/v1/coupons/X", true),
            ("/v1/coupons/*", "/v1/coupons/", false),
            ("/v1/coupons/*", "/v1/coupons", false),
            ("/v1/coupons/*", "/v1/coupons/X/Y", false),
            ("/v1/*/X", "/v1/coupons/X", true),
            ("/v1/**", "/v1", true),
            ("/v1/**", "/v1/coupons/X/Y", true),
            ("/v1/**", "/v2/coupons", false),
            ("v1/coupons", "/v1/coupons", true),
            ("/v1/coupons/**/x", "/v1/coupons/a/x", false),
        ];
        for (pattern, path, want) in rows {
            assert_eq!(
                Route::path(pattern).matches(Method::Get, path),
                want,
                "{pattern} ~ {path}"
            );
        }
    }

    #[test]
    fn method_and_path_both_count() {
        let route = Route::delete("/v1/coupons/*");
        assert!(route.matches_raw("delete", "/v1/coupons/X"));
        assert!(!route.matches_raw("GET", "/v1/coupons/X"));
        assert!(Route::any().matches(Method::Post, "/anything"));
        assert!(Route::method(Method::Get).matches(Method::Get, "/x"));
        assert!(!Route::method(Method::Get).matches(Method::Post, "/x"));
        assert_eq!(Route::any().to_string(), "ANY /**");
        assert_eq!(
            Route::method(Method::Post).with_path("/v1/x").to_string(),
            "POST /v1/x"
        );
    }

    #[test]
    fn times_bounds() {
        assert_eq!(Times::from(1..=3).to_string(), "1 to 3");
        assert_eq!(Times::from(2..).to_string(), "at least 2");
        assert!(!Times::from(2..).contains(1));
        assert!(Times::from(0).contains(0) && !Times::from(0).contains(1));
    }
}
