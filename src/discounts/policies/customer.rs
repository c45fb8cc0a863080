//! [`CustomerRef`]: who a session belongs to, for policies that look the customer up in your
//! own systems.

use std::fmt;

use crate::checkout::CheckoutSession;

/// Who a Checkout Session belongs to, as your systems know them: the session's Stripe
/// `customer`, or else the `client_reference_id` you set when creating it.
///
/// Both come from the session as retrieved from Stripe, never from the browser.
/// [`as_str`](Self::as_str) gives the id either way, which is what the `HashMap` lookups
/// ([`TierLookup`](super::TierLookup), [`OfferLookup`](super::OfferLookup)) key on.
///
/// ```
/// use stripe_checkout_client::checkout::CheckoutSession;
/// use stripe_checkout_client::discounts::policies::CustomerRef;
///
/// let session: CheckoutSession = serde_json::from_value(serde_json::json!({
///     "id": "cs_test_1", "object": "checkout.session", "client_reference_id": "user-42",
/// }))?;
/// let who = CustomerRef::from_session(&session);
/// assert_eq!(who, Some(CustomerRef::ClientReference("user-42".into())));
/// assert_eq!(who.unwrap().as_str(), "user-42");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CustomerRef {
    /// The session's Stripe customer id (`cus_…`).
    Customer(String),
    /// The session's `client_reference_id`, used when it has no Stripe customer.
    ClientReference(String),
}

impl CustomerRef {
    /// The session's customer id, or else its `client_reference_id`; `None` when it has
    /// neither (or they are empty), e.g. a guest checkout without a reference.
    pub fn from_session(session: &CheckoutSession) -> Option<CustomerRef> {
        if let Some(id) = session
            .customer
            .as_ref()
            .map(|c| c.id())
            .filter(|id| !id.is_empty())
        {
            return Some(CustomerRef::Customer(id.to_owned()));
        }
        session
            .client_reference_id
            .as_deref()
            .filter(|id| !id.is_empty())
            .map(|id| CustomerRef::ClientReference(id.to_owned()))
    }

    /// The id, whichever kind it is.
    pub fn as_str(&self) -> &str {
        match self {
            CustomerRef::Customer(id) | CustomerRef::ClientReference(id) => id,
        }
    }
}

impl fmt::Display for CustomerRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discounts::policies::test_support::session;
    use serde_json::json;

    #[test]
    fn customer_id_wins_over_client_reference() {
        let s = session(json!({"customer": "cus_1", "client_reference_id": "user-1"}));
        assert_eq!(
            CustomerRef::from_session(&s),
            Some(CustomerRef::Customer("cus_1".into()))
        );
        let s = session(json!({"customer": {"id": "cus_2", "object": "customer"}}));
        assert_eq!(CustomerRef::from_session(&s).unwrap().as_str(), "cus_2");
    }

    #[test]
    fn a_reference_displays_as_its_id_of_either_kind() {
        assert_eq!(CustomerRef::Customer("cus_1".into()).to_string(), "cus_1");
        assert_eq!(
            CustomerRef::ClientReference("user-1".into()).to_string(),
            "user-1"
        );
    }

    #[test]
    fn falls_back_to_client_reference_then_none() {
        let s = session(json!({"customer": null, "client_reference_id": "user-1"}));
        assert_eq!(
            CustomerRef::from_session(&s),
            Some(CustomerRef::ClientReference("user-1".into()))
        );
        let s = session(json!({"customer": "", "client_reference_id": ""}));
        assert_eq!(CustomerRef::from_session(&s), None);
        assert_eq!(CustomerRef::from_session(&session(json!({}))), None);
    }
}
