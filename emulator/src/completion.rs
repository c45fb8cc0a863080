//! Completing a session as a successful payment would, for [`FakeStripe::complete_session`]
//! and the HTTP test controls alike, with [`FakeStripeError`] for a session that cannot be
//! completed.
//!
//! [`FakeStripe::complete_session`]: super::FakeStripe::complete_session

use serde_json::Value;

use crate::api_shape::Shape;
use crate::session_state::Expansion;
use crate::session_state::SessionStatus;
use crate::shared::Shared;
use crate::webhook_delivery::deliver;

/// Why a [`FakeStripe`](super::FakeStripe) helper could not act on a session.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FakeStripeError {
    /// No session has this id.
    #[error("FakeStripe has no checkout session {0}")]
    NoSuchSession(String),
    /// The session is not open, so it cannot be completed.
    #[error("checkout session {id} is {status}, not open")]
    NotOpen {
        /// The session.
        id: String,
        /// Its status (`complete` or `expired`).
        status: String,
    },
    /// Not an API version Stripe would take.
    #[error("invalid Stripe API version: {0}")]
    InvalidVersion(String),
}

/// Completes session `id`: status `complete`, payment status `paid` (`no_payment_required`
/// for a zero total), customer details filled in, its discount redeemed; then, with a webhook
/// endpoint set, delivers the signed `checkout.session.completed` event and waits for the
/// endpoint's answer.
///
/// Returns the completed session rendered in the guide's version with `expand`, as it was
/// when it completed (a session evicted during the delivery is still answered).
pub(crate) async fn complete(
    shared: &Shared,
    id: &str,
    expand: Expansion,
) -> Result<Value, FakeStripeError> {
    let (event_object, endpoint, version, now, completed) = {
        let mut store = shared.store();
        store.sweep_expired();
        let session = store
            .session(id)
            .ok_or_else(|| FakeStripeError::NoSuchSession(id.to_owned()))?;
        if session.status != SessionStatus::Open {
            return Err(FakeStripeError::NotOpen {
                id: id.to_owned(),
                status: session.status.to_string(),
            });
        }
        let email = session.customer_email.clone().or_else(|| {
            session
                .customer
                .as_ref()
                .and_then(|c| store.customers.get(c))
                .and_then(|c| c.email.clone())
        });
        let total = session.amount_total(&*store);
        store.redeem_discount(id);
        let session = store.session_mut(id).expect("checked above");
        session.status = SessionStatus::Complete;
        session.payment_status = if total == 0 {
            "no_payment_required".to_owned()
        } else {
            "paid".to_owned()
        };
        session.customer_details_email =
            Some(email.unwrap_or_else(|| "customer@example.com".to_owned()));
        let version = store.webhook_version.clone();
        let object = store.render_session_in(id, Expansion::default(), version.clone());
        let completed = store
            .render_session_in(id, expand, Shape::default())
            .unwrap_or_default();
        (
            object,
            store.webhook_endpoint.clone(),
            version,
            store.now(),
            completed,
        )
    };
    if let (Some(endpoint), Some(object)) = (endpoint, event_object) {
        let delivery = deliver(
            &endpoint,
            &version,
            "checkout.session.completed",
            object,
            now,
        )
        .await;
        shared.store().deliveries.push(delivery);
    }
    Ok(completed)
}
