//! [`Orders`], what the merchant's system does when a session settles: fulfil a paid order,
//! and optionally react to a failed delayed payment or an expired session. The fulfiller that
//! calls it is in `fulfiller.rs`.

use async_trait::async_trait;

use crate::checkout::CheckoutSession;

/// The error a hook returns: the fulfiller releases its claim and answers the webhook with a
/// 5xx, so that Stripe delivers it again and the hook is called again.
pub type HookError = Box<dyn std::error::Error + Send + Sync>;

/// The merchant's side of fulfilment. Each hook is called once per session for its outcome
/// (see [`Fulfiller`](super::Fulfiller) for how, and for the one case where it can be called
/// again: a crash after the hook returned and before the store recorded it).
///
/// The session is the one retrieved from Stripe when the hook runs, with `line_items`
/// expanded (the first page), never the event's payload.
#[async_trait]
pub trait Orders: Send + Sync {
    /// Fulfils a paid session (`payment_status` `paid` or `no_payment_required`): ship the
    /// goods, grant the access, send the receipt.
    async fn fulfil(&self, session: &CheckoutSession) -> Result<(), HookError>;

    /// A delayed payment failed (`checkout.session.async_payment_failed`): tell the shopper,
    /// release held stock. Does nothing unless implemented.
    async fn payment_failed(&self, session: &CheckoutSession) -> Result<(), HookError> {
        let _ = session;
        Ok(())
    }

    /// The session expired unpaid (`checkout.session.expired`): release held stock, follow up
    /// on an abandoned cart. Does nothing unless implemented.
    async fn expired(&self, session: &CheckoutSession) -> Result<(), HookError> {
        let _ = session;
        Ok(())
    }
}
