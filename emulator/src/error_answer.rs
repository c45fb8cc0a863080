//! [`ErrorAnswer`]: an error the emulator answers the way Stripe does — status, `type`,
//! `code`, `param` and message in Stripe's `{"error": {…}}` body.
//!
//! Which requests fail is decided by the store and the router; this file only shapes the
//! answer.

use serde_json::{Value, json};

use crate::form::ParamError;

/// An error response, built where the failure is detected and rendered once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ErrorAnswer {
    pub(crate) status: u16,
    pub(crate) kind: &'static str,
    pub(crate) code: Option<&'static str>,
    pub(crate) param: Option<String>,
    pub(crate) message: String,
}

impl ErrorAnswer {
    /// A 400 `invalid_request_error` about one parameter.
    pub(crate) fn invalid(param: impl Into<String>, message: impl Into<String>) -> Self {
        ErrorAnswer {
            status: 400,
            kind: "invalid_request_error",
            code: Some("parameter_invalid"),
            param: Some(param.into()),
            message: message.into(),
        }
    }

    /// A 400 for a parameter the endpoint (in the request's version) does not know.
    pub(crate) fn unknown(param: impl Into<String>) -> Self {
        let param = param.into();
        ErrorAnswer {
            status: 400,
            kind: "invalid_request_error",
            code: Some("parameter_unknown"),
            message: format!("Received unknown parameter: {param}"),
            param: Some(param),
        }
    }

    /// A 400 for a required parameter that was not sent.
    pub(crate) fn missing(param: impl Into<String>) -> Self {
        let param = param.into();
        ErrorAnswer {
            status: 400,
            kind: "invalid_request_error",
            code: Some("parameter_missing"),
            message: format!("Missing required param: {param}."),
            param: Some(param),
        }
    }

    /// A 400 for a request that is well formed but not allowed in the object's state.
    pub(crate) fn state(param: Option<&str>, message: impl Into<String>) -> Self {
        ErrorAnswer {
            status: 400,
            kind: "invalid_request_error",
            code: None,
            param: param.map(str::to_owned),
            message: message.into(),
        }
    }

    /// A 400 `resource_missing` for an object the params name that does not exist (`No such
    /// price` for `line_items[0][price]`): the request is bad, not its URL.
    pub(crate) fn no_such_in_params(object: &str, id: &str, param: impl Into<String>) -> Self {
        ErrorAnswer {
            status: 400,
            ..ErrorAnswer::no_such(object, id, param)
        }
    }

    /// A 404 `resource_missing` for the object the URL names, when it does not exist.
    pub(crate) fn no_such(object: &str, id: &str, param: impl Into<String>) -> Self {
        ErrorAnswer {
            status: 404,
            kind: "invalid_request_error",
            code: Some("resource_missing"),
            param: Some(param.into()),
            message: format!("No such {object}: '{id}'"),
        }
    }

    /// A 404 for a path no endpoint serves.
    pub(crate) fn unrecognized_url(method: &str, path: &str) -> Self {
        ErrorAnswer {
            status: 404,
            kind: "invalid_request_error",
            code: None,
            param: None,
            message: format!(
                "Unrecognized request URL ({method}: {path}). FakeStripe serves the Checkout \
                 Session, coupon and promotion code endpoints, and retrieves shipping rates, \
                 only."
            ),
        }
    }

    /// A 401 for a missing or malformed key.
    pub(crate) fn authentication(message: impl Into<String>) -> Self {
        ErrorAnswer {
            status: 401,
            kind: "invalid_request_error",
            code: None,
            param: None,
            message: message.into(),
        }
    }

    /// A 400 `idempotency_error`: a key reused with different parameters.
    pub(crate) fn idempotency_mismatch(key: &str) -> Self {
        ErrorAnswer {
            status: 400,
            kind: "idempotency_error",
            code: Some("idempotency_key_in_use"),
            param: None,
            message: format!(
                "Keys for idempotent requests can only be used with the same parameters they \
                 were first used with. Try using a key other than '{key}' if you meant to \
                 execute a different request."
            ),
        }
    }

    /// The answer for an injected fault with this status.
    pub(crate) fn injected(status: u16) -> Self {
        let (kind, code) = match status {
            409 => ("invalid_request_error", Some("lock_timeout")),
            429 => ("invalid_request_error", Some("rate_limit")),
            400..=499 => ("invalid_request_error", None),
            _ => ("api_error", None),
        };
        ErrorAnswer {
            status,
            kind,
            code,
            param: None,
            message: format!("FakeStripe injected a {status} fault."),
        }
    }

    /// Stripe's error body.
    pub(crate) fn body(&self) -> Value {
        let mut error = json!({"type": self.kind, "message": self.message});
        if let Some(code) = self.code {
            error["code"] = json!(code);
        }
        if let Some(param) = &self.param {
            error["param"] = json!(param);
        }
        json!({ "error": error })
    }
}

impl From<ParamError> for ErrorAnswer {
    fn from(err: ParamError) -> Self {
        ErrorAnswer {
            status: 400,
            kind: "invalid_request_error",
            code: Some("parameter_invalid"),
            param: (!err.param.is_empty()).then_some(err.param),
            message: err.message,
        }
    }
}
