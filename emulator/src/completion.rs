//! Completing a session as a payment would (at once by card, or delayed and settled later),
//! for [`FakeStripe::complete_session`] and the HTTP test controls alike, with
//! [`FakeStripeError`] for a session that cannot be completed or settled.
//!
//! [`FakeStripe::complete_session`]: super::FakeStripe::complete_session

use serde_json::Value;

use crate::api_shape::Shape;
use crate::dispatch::first_attempt;
use crate::session_state::Expansion;
use crate::session_state::SessionStatus;
use crate::shared::Shared;

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
    /// The session has no delayed payment waiting to be settled: it was not completed with
    /// [`Payment::Delayed`], or it was settled already.
    #[error("checkout session {0} has no delayed payment to settle")]
    NoPendingPayment(String),
    /// Not an API version Stripe would take.
    #[error("invalid Stripe API version: {0}")]
    InvalidVersion(String),
}

/// How a completed session was paid, as `POST /_fake/sessions/{id}/complete` takes it
/// (`{"payment": "card"}` or `{"payment": "delayed"}`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Payment {
    /// Paid at once: payment status `paid`.
    #[default]
    Card,
    /// A delayed method (a bank debit, a voucher): the session completes with payment status
    /// `unpaid`, and [`FakeStripe::settle_async_payment`](super::FakeStripe::settle_async_payment)
    /// settles it later.
    Delayed,
}

/// Completes session `id`: status `complete`, payment status `paid` for a card
/// (`no_payment_required` for a zero total) or `unpaid` for a delayed payment, customer
/// details filled in, its discount redeemed; then it records `checkout.session.completed` and,
/// with a webhook endpoint set, waits for its first delivery.
///
/// Returns the completed session rendered in the guide's version with `expand`, as it was
/// when it completed (a session evicted during the delivery is still answered).
pub(crate) async fn complete(
    shared: &Shared,
    id: &str,
    expand: Expansion,
    payment: Payment,
) -> Result<Value, FakeStripeError> {
    let (event, completed) = {
        let mut store = shared.store();
        store.sweep_expired();
        let index = open_session(&store, id)?;
        let session = &store.sessions[index];
        let email = session.customer_email.clone().or_else(|| {
            session
                .customer
                .as_ref()
                .and_then(|c| store.customers.get(c))
                .and_then(|c| c.email.clone())
        });
        let total = session.amount_total(&*store);
        store.redeem_discount(id);
        let session = &mut store.sessions[index];
        session.status = SessionStatus::Complete;
        session.payment_status = match payment {
            _ if total == 0 => "no_payment_required",
            Payment::Card => "paid",
            Payment::Delayed => "unpaid",
        }
        .to_owned();
        session.awaiting_payment = payment == Payment::Delayed && total != 0;
        session.customer_details_email =
            Some(email.unwrap_or_else(|| "customer@example.com".to_owned()));
        let event = store.emit("checkout.session.completed", index);
        let completed = store
            .render_session_in(id, expand, Shape::default())
            .unwrap_or_default();
        (event, completed)
    };
    first_attempt(shared, &event).await;
    Ok(completed)
}

/// Settles the delayed payment of session `id`: `paid` and
/// `checkout.session.async_payment_succeeded`, or still `unpaid` and
/// `checkout.session.async_payment_failed`; then waits for the event's first delivery as
/// [`complete`] does. Returns the session in the guide's version.
pub(crate) async fn settle_async_payment(
    shared: &Shared,
    id: &str,
    succeeded: bool,
) -> Result<Value, FakeStripeError> {
    let (event, settled) = {
        let mut store = shared.store();
        let index = store
            .sessions
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| FakeStripeError::NoSuchSession(id.to_owned()))?;
        let session = &mut store.sessions[index];
        if !session.awaiting_payment {
            return Err(FakeStripeError::NoPendingPayment(id.to_owned()));
        }
        session.awaiting_payment = false;
        let event_type = if succeeded {
            session.payment_status = "paid".to_owned();
            "checkout.session.async_payment_succeeded"
        } else {
            "checkout.session.async_payment_failed"
        };
        let event = store.emit(event_type, index);
        let settled = store
            .render_session_in(id, Expansion::default(), Shape::default())
            .unwrap_or_default();
        (event, settled)
    };
    first_attempt(shared, &event).await;
    Ok(settled)
}

/// The index of open session `id`.
fn open_session(store: &crate::store::Store, id: &str) -> Result<usize, FakeStripeError> {
    let index = store
        .sessions
        .iter()
        .position(|s| s.id == id)
        .ok_or_else(|| FakeStripeError::NoSuchSession(id.to_owned()))?;
    let status = store.sessions[index].status;
    if status != SessionStatus::Open {
        return Err(FakeStripeError::NotOpen {
            id: id.to_owned(),
            status: status.to_string(),
        });
    }
    Ok(index)
}
