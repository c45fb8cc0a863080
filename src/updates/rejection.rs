//! [`Rejection`]: why a policy refused a browser's request, with the internal reason for your
//! logs and the message, if any, the shopper may read.
//!
//! Every policy of the server-update family answers with it: the discount policies of
//! [`discounts`](crate::discounts) and the [`UpdatePolicy`](super::UpdatePolicy)s of this
//! module. What the browser is then answered is [`ServerUpdateResponse`](super::ServerUpdateResponse)'s job.

use std::fmt;
use std::sync::Arc;

/// Why a policy refused a request: an internal reason for your logs and, optionally, a
/// message that is safe to show the customer.
///
/// ```
/// use stripe_checkout_client::discounts::Rejection;
///
/// let r = Rejection::new("code WELCOME already redeemed by cus_123")
///     .with_customer_message("This code has already been used.");
/// assert_eq!(r.customer_message(), Some("This code has already been used."));
/// assert_eq!(r.to_string(), "code WELCOME already redeemed by cus_123");
/// ```
///
/// A ready-made policy may attach the typed cause, which
/// [`Error::source`](std::error::Error::source) gives back (e.g. a
/// [`CodeRefusal`](crate::discounts::policies::CodeRefusal) from
/// [`TypedCodes`](crate::discounts::policies::TypedCodes)).
/// Two rejections are equal when their reason and message are; the cause is not compared.
#[derive(Clone)]
pub struct Rejection {
    reason: String,
    customer_message: Option<String>,
    cause: Option<Arc<dyn std::error::Error + Send + Sync>>,
}

impl PartialEq for Rejection {
    fn eq(&self, other: &Self) -> bool {
        self.reason == other.reason && self.customer_message == other.customer_message
    }
}

impl Eq for Rejection {}

impl fmt::Debug for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rejection")
            .field("reason", &self.reason)
            .field("customer_message", &self.customer_message)
            .field("cause", &self.cause)
            .finish()
    }
}

impl Rejection {
    /// A rejection with an internal `reason` (logged, never shown to the customer).
    pub fn new(reason: impl Into<String>) -> Self {
        Self {
            reason: reason.into(),
            customer_message: None,
            cause: None,
        }
    }

    /// Attaches the typed cause of the rejection, for callers that match on it through
    /// [`Error::source`](std::error::Error::source).
    pub fn with_cause(mut self, cause: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.cause = Some(Arc::new(cause));
        self
    }

    /// Adds a message the front end may show the customer instead of the generic one.
    pub fn with_customer_message(mut self, message: impl Into<String>) -> Self {
        self.customer_message = Some(message.into());
        self
    }

    /// The internal reason.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// The customer-safe message, if the policy gave one.
    pub fn customer_message(&self) -> Option<&str> {
        self.customer_message.as_deref()
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for Rejection {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause
            .as_deref()
            .map(|cause| cause as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use std::error::Error as _;

    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("the code has expired")]
    struct Expired;

    #[test]
    fn rejections_compare_reason_and_message_but_not_cause() {
        let base = Rejection::new("code WELCOME used").with_customer_message("Already used.");
        assert_eq!(base, base.clone().with_cause(Expired));
        assert_ne!(
            base,
            Rejection::new("code OTHER used").with_customer_message("Already used.")
        );
        assert_ne!(
            base,
            Rejection::new("code WELCOME used").with_customer_message("Expired.")
        );
        assert_ne!(base, Rejection::new("code WELCOME used"));
        assert_eq!(Rejection::new("r"), Rejection::new("r"));
    }

    #[test]
    fn a_rejection_shows_its_reason_and_gives_back_its_cause() {
        let rejection = Rejection::new("code WELCOME used")
            .with_customer_message("Already used.")
            .with_cause(Expired);
        assert_eq!(rejection.to_string(), "code WELCOME used");
        assert_eq!(
            format!("{rejection:?}"),
            r#"Rejection { reason: "code WELCOME used", customer_message: Some("Already used."), cause: Some(Expired) }"#
        );
        let cause = rejection.source().expect("the cause");
        assert!(cause.downcast_ref::<Expired>().is_some());
        assert!(Rejection::new("r").source().is_none());
    }
}
