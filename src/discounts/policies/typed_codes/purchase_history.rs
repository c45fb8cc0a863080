//! [`PurchaseHistory`](super::PurchaseHistory): whether a shopper has bought before, which a promotion code restricted
//! to first-time transactions needs and Stripe does not tell; and its implementations.

use std::collections::HashSet;

use async_trait::async_trait;

use crate::checkout::CheckoutSession;
use crate::discounts::Rejection;
use crate::discounts::policies::CustomerRef;

/// Tells whether a session's shopper has bought from you before, for promotion codes
/// restricted to first-time transactions (Stripe counts a successful payment or a paid
/// invoice).
///
/// Implemented for closures over the session and for a `HashSet` of the
/// [`CustomerRef`]s (customer ids or `client_reference_id`s) that have bought.
///
/// ```
/// use std::collections::HashSet;
/// use stripe_checkout_client::checkout::CheckoutSession;
/// use stripe_checkout_client::discounts::policies::PurchaseHistory;
///
/// let returning: HashSet<String> = HashSet::from(["cus_ada".to_owned()]);
/// fn assert_history(_: &impl PurchaseHistory) {}
/// assert_history(&returning);
/// // By email; a session without one cannot tell (`None`), and the code is refused.
/// let buyers = HashSet::from(["ada@example.com".to_owned()]);
/// assert_history(&move |session: &CheckoutSession| {
///     session.customer_email.as_ref().map(|email| buyers.contains(email))
/// });
/// ```
#[async_trait]
pub trait PurchaseHistory: Send + Sync {
    /// Whether the shopper of `session` has paid before: `None` when it cannot tell (a
    /// guest without an email, say), which refuses the code as
    /// [`CodeRefusal::FirstTimeUnverified`](super::CodeRefusal::FirstTimeUnverified).
    ///
    /// # Errors
    /// A [`Rejection`] when your records cannot be read; the code is then not applied.
    async fn has_purchased(&self, session: &CheckoutSession) -> Result<Option<bool>, Rejection>;
}

/// No purchase history, the [`TypedCodes`](super::TypedCodes) default: it can never tell, so a code for
/// first-time transactions is refused ([`CodeRefusal::FirstTimeUnverified`](super::CodeRefusal::FirstTimeUnverified)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoPurchaseHistory;

#[async_trait]
impl PurchaseHistory for NoPurchaseHistory {
    async fn has_purchased(&self, _: &CheckoutSession) -> Result<Option<bool>, Rejection> {
        Ok(None)
    }
}

/// The customers who have bought, by [`CustomerRef`]; a session with neither a customer nor
/// a `client_reference_id` cannot tell.
#[async_trait]
impl PurchaseHistory for HashSet<String> {
    async fn has_purchased(&self, session: &CheckoutSession) -> Result<Option<bool>, Rejection> {
        Ok(CustomerRef::from_session(session).map(|who| self.contains(who.as_str())))
    }
}

#[async_trait]
impl<F> PurchaseHistory for F
where
    F: Fn(&CheckoutSession) -> Option<bool> + Send + Sync,
{
    async fn has_purchased(&self, session: &CheckoutSession) -> Result<Option<bool>, Rejection> {
        Ok(self(session))
    }
}
