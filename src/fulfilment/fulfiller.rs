//! [`Fulfiller`]: a webhook delivery or a landing-page visit in, the session retrieved from
//! Stripe, and the merchant's [`Orders`] hook for its outcome run once through the
//! [`FulfilmentStore`]; with what it did ([`Handled`]) and why it could not
//! ([`FulfilmentError`]). The store and the hooks are declared beside it.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use super::orders::{HookError, Orders};
use super::store::{Claim, FulfilmentStore, MemoryStore};
use crate::checkout::{CheckoutSession, PaymentStatus, SessionStatus};
use crate::error::Error;
use crate::ids::CheckoutSessionId;
use crate::sending::client::Client;
use crate::webhook::{DEFAULT_TOLERANCE, WebhookError, verify_signature};

/// How long a claim holds by default: longer than a fulfilment takes, short enough that a
/// crash mid-fulfilment is retried by Stripe's next delivery.
pub const DEFAULT_LEASE: Duration = Duration::from_secs(300);

/// What a call of the [`Fulfiller`] did. [`http_status`](Self::http_status) is the answer for
/// Stripe.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Handled {
    /// The session is paid and [`Orders::fulfil`] ran in this call.
    Fulfilled,
    /// The session was fulfilled before (by another delivery, or the landing page).
    AlreadyFulfilled,
    /// Another call holds the session's claim and has not finished: Stripe is answered 409
    /// so that it delivers again, and the landing page may ask again in a moment.
    InProgress,
    /// The session is complete but unpaid: a delayed payment (a bank debit, a voucher) that
    /// `checkout.session.async_payment_succeeded` or `…_failed` settles later. A payment
    /// that failed looks the same from the session (only its event tells), so the landing
    /// page of a failed payment keeps reporting this.
    AwaitingPayment,
    /// The session is still open: the shopper has not paid yet.
    NotComplete,
    /// A delayed payment failed and [`Orders::payment_failed`] ran in this call.
    PaymentFailed,
    /// The session expired and [`Orders::expired`] ran in this call.
    Expired,
    /// The failure or expiry was handled before.
    AlreadyHandled,
    /// The event is not one fulfilment acts on; it is acknowledged.
    Ignored,
}

impl Handled {
    /// The status to answer Stripe with: 409 for [`InProgress`](Self::InProgress) (Stripe
    /// retries it), 200 otherwise.
    pub fn http_status(self) -> u16 {
        match self {
            Handled::InProgress => 409,
            _ => 200,
        }
    }
}

/// Why the [`Fulfiller`] could not handle a call. [`http_status`](Self::http_status) is the
/// answer for Stripe: 400 for a delivery that is not Stripe's, 500 when trying again may work.
/// Displays name the session and the hook, never the payload or the secret.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FulfilmentError {
    /// The signature or the payload was refused.
    #[error("webhook refused: {0}")]
    Webhook(#[from] WebhookError),
    /// A verified payload that is not an event (what is missing is named; the payload is
    /// never shown).
    #[error("the webhook payload is not an event: {what}")]
    Malformed {
        /// What is missing or wrong.
        what: &'static str,
    },
    /// A `checkout.session.*` event that names no session.
    #[error("`{event_type}` event names no checkout session")]
    NoSession {
        /// The event's type.
        event_type: String,
    },
    /// Stripe has no such session for this key (404): the event is another account's (a
    /// connected account's event names it, and is retrieved as it), the key is of the other
    /// mode, or a landing page was given an id that is not Stripe's.
    #[error("no checkout session {session} is visible to this key")]
    UnknownSession {
        /// The session asked for.
        session: CheckoutSessionId,
    },
    /// Retrieving the session from Stripe failed.
    #[error("retrieving the session failed: {0}")]
    Stripe(#[from] Error),
    /// The store could not claim, complete or release.
    #[error(transparent)]
    Store(#[from] super::store::StoreError),
    /// The merchant's hook failed; its claim was released, so the next delivery runs it again.
    #[error("`{hook}` failed for {session}: {source}")]
    Hook {
        /// `fulfil`, `payment_failed` or `expired`.
        hook: &'static str,
        /// The session.
        session: CheckoutSessionId,
        /// The hook's error.
        source: HookError,
    },
}

impl FulfilmentError {
    /// 400 for a refused delivery (Stripe does not retry what it did not send), 404 for an
    /// [`UnknownSession`](Self::UnknownSession) (not a 2xx, so Stripe keeps delivering while
    /// a key of the wrong mode or account is put right, and nothing is lost; not a 500, so
    /// monitoring can tell it from an outage), 500 otherwise (Stripe delivers again, with
    /// backoff, for up to three days).
    pub fn http_status(&self) -> u16 {
        match self {
            FulfilmentError::Webhook(_)
            | FulfilmentError::Malformed { .. }
            | FulfilmentError::NoSession { .. } => 400,
            FulfilmentError::UnknownSession { .. } => 404,
            _ => 500,
        }
    }
}

/// The webhook signing secret, kept out of `Debug`.
struct Secret(String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// Fulfils each paid Checkout Session once, whichever of its webhooks (delivered at least
/// once, in any order) or the shopper's return to the landing page comes first.
///
/// Every call retrieves the session from Stripe, with `line_items`, and acts on what Stripe
/// says now, never on the event's payload:
///
/// | the session | the call |
/// |---|---|
/// | complete, `paid` or `no_payment_required` | [`Orders::fulfil`], once |
/// | complete, `unpaid`, after `checkout.session.async_payment_failed` | [`Orders::payment_failed`], once |
/// | complete, `unpaid`, otherwise | nothing: [`Handled::AwaitingPayment`] |
/// | expired | [`Orders::expired`], once |
/// | open | nothing: [`Handled::NotComplete`] |
///
/// "Once" goes through the [`FulfilmentStore`]: a call claims the session's key for a lease,
/// runs the hook, and completes the key; a hook that fails releases it, and the webhook is
/// answered 500 so that Stripe delivers it again. A concurrent call finds the key held and
/// answers 409 (Stripe delivers again later). A caller that goes away mid-hook (a delivery
/// whose connection dropped) does not stop it: the hook runs to its end in a task of its own.
/// A process that crashes inside the hook holds the key until the lease lapses, then the next
/// delivery runs the hook. So a hook can run twice in three cases: a crash after it returned
/// and before the store recorded it, a store that failed to record it, and a hook that ran
/// past its lease while another call took the key over. A hook that must never repeat
/// records its own effect together with the key (the example shop counts its fulfilment and
/// completes the key in one database transaction), and sets a lease longer than it can run.
///
/// An event of a connected account (its `account`) retrieves the session as that account. A
/// session Stripe does not know for this key is [`FulfilmentError::UnknownSession`], answered
/// 404. Events other than the four `checkout.session.*` outcomes (and their `v1.`
/// notifications) are acknowledged and ignored. Logs carry the event id, its type and the session id, never
/// the payload.
pub struct Fulfiller {
    client: Client,
    secret: Secret,
    orders: Arc<dyn Orders>,
    store: Arc<dyn FulfilmentStore>,
    lease: Duration,
}

/// Shows the client and the lease; the secret is hidden.
impl fmt::Debug for Fulfiller {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fulfiller")
            .field("client", &self.client)
            .field("secret", &self.secret)
            .field("lease", &self.lease)
            .finish_non_exhaustive()
    }
}

/// A hook of [`Orders`], and its key in the store beside the session id.
#[derive(Clone, Copy)]
enum Hook {
    Fulfil,
    PaymentFailed,
    Expired,
}

impl Hook {
    fn name(self) -> &'static str {
        match self {
            Hook::Fulfil => "fulfil",
            Hook::PaymentFailed => "payment_failed",
            Hook::Expired => "expired",
        }
    }

    /// What running the hook once came to: it ran now, before, or is running elsewhere.
    fn handled(self, once: Once) -> Handled {
        match (once, self) {
            (Once::Ran, Hook::Fulfil) => Handled::Fulfilled,
            (Once::Ran, Hook::PaymentFailed) => Handled::PaymentFailed,
            (Once::Ran, Hook::Expired) => Handled::Expired,
            (Once::Before, Hook::Fulfil) => Handled::AlreadyFulfilled,
            (Once::Before, _) => Handled::AlreadyHandled,
            (Once::Held, _) => Handled::InProgress,
        }
    }

    /// The session id for fulfilment (what a store's readers look up), `cs_…:<hook>` for the
    /// others.
    fn key(self, session: &CheckoutSessionId) -> String {
        match self {
            Hook::Fulfil => session.to_string(),
            other => format!("{session}:{}", other.name()),
        }
    }
}

/// What fulfilment reads of a verified event: its id and type and the session it names. The
/// rest of the payload is not read: the session is retrieved from Stripe, and a payload the
/// crate's models could not read must not stop an order (Stripe would retry it for days).
struct Envelope {
    id: String,
    kind: String,
    session: Option<String>,
    /// The connected account the event happened on (Connect), whose session is retrieved as
    /// that account.
    account: Option<String>,
}

impl Envelope {
    /// Reads a snapshot event's `data.object.id` (of a `checkout.session`) or a
    /// notification's `related_object.id`.
    fn read(body: &[u8]) -> Result<Self, FulfilmentError> {
        let malformed = |what| FulfilmentError::Malformed { what };
        let event: serde_json::Value =
            serde_json::from_slice(body).map_err(|_| malformed("not JSON"))?;
        let text = |value: &serde_json::Value| value.as_str().map(str::to_owned);
        let id = text(&event["id"]).ok_or(malformed("no event id"))?;
        let kind = text(&event["type"]).ok_or(malformed("no event type"))?;
        let object = &event["data"]["object"];
        let related = &event["related_object"];
        let session = if object["object"] == "checkout.session" {
            text(&object["id"])
        } else if related["type"] == "checkout.session" {
            text(&related["id"])
        } else {
            None
        };
        let account = text(&event["account"]);
        Ok(Self {
            id,
            kind,
            session,
            account,
        })
    }
}

/// The outcome a webhook event reports, as far as fulfilment cares.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Trigger {
    Settled,
    PaymentFailed,
}

/// What running a hook once through the store came to.
enum Once {
    Ran,
    Before,
    Held,
}

impl Fulfiller {
    /// A fulfiller that verifies webhooks with `webhook_secret` (the endpoint's `whsec_…`),
    /// retrieves sessions with `client` and calls `orders`, with a [`MemoryStore`] (set a
    /// lasting one with [`store`](Self::store)) and a [`DEFAULT_LEASE`].
    pub fn new(client: Client, webhook_secret: impl Into<String>, orders: Arc<dyn Orders>) -> Self {
        Self {
            client,
            secret: Secret(webhook_secret.into()),
            orders,
            store: Arc::new(MemoryStore::new()),
            lease: DEFAULT_LEASE,
        }
    }

    /// Records what was handled in `store`.
    pub fn store(mut self, store: Arc<dyn FulfilmentStore>) -> Self {
        self.store = store;
        self
    }

    /// How long a claim holds before another call may take it over.
    pub fn lease(mut self, lease: Duration) -> Self {
        self.lease = lease;
        self
    }

    /// Handles a webhook delivery: `body` as received (raw bytes) and its `Stripe-Signature`
    /// header. Answer Stripe with the [`Handled::http_status`] or the
    /// [`FulfilmentError::http_status`].
    ///
    /// # Errors
    /// [`FulfilmentError`]: a refused delivery, Stripe or the store failing, a hook failing.
    pub async fn webhook(&self, body: &[u8], signature: &str) -> Result<Handled, FulfilmentError> {
        verify_signature(
            body,
            signature,
            &[self.secret.0.as_str()],
            DEFAULT_TOLERANCE,
            SystemTime::now(),
        )?;
        let event = Envelope::read(body)?;
        // A thin event notification (`v1.checkout.session.completed`) names the same outcome.
        let kind = event.kind.strip_prefix("v1.").unwrap_or(&event.kind);
        let trigger = match kind {
            "checkout.session.completed"
            | "checkout.session.async_payment_succeeded"
            | "checkout.session.expired" => Trigger::Settled,
            "checkout.session.async_payment_failed" => Trigger::PaymentFailed,
            _ => {
                tracing::debug!(event = %event.id, kind = %event.kind, "event ignored");
                return Ok(Handled::Ignored);
            }
        };
        let id = event
            .session
            .and_then(|id| CheckoutSessionId::new(id).ok())
            .ok_or_else(|| FulfilmentError::NoSession {
                event_type: event.kind.clone(),
            })?;
        tracing::info!(event = %event.id, kind = %event.kind, session = %id, "webhook");
        self.settle(&id, trigger, event.account.as_deref()).await
    }

    /// Handles the shopper's return to the landing page (`session_id` from its URL): fulfils
    /// the session if it is paid and nobody has, so the page can say so at once; otherwise it
    /// reports where the session is.
    ///
    /// # Errors
    /// [`FulfilmentError`]: Stripe or the store failing, a hook failing.
    pub async fn session(&self, id: &CheckoutSessionId) -> Result<Handled, FulfilmentError> {
        self.settle(id, Trigger::Settled, None).await
    }

    async fn settle(
        &self,
        id: &CheckoutSessionId,
        trigger: Trigger,
        account: Option<&str>,
    ) -> Result<Handled, FulfilmentError> {
        let mut retrieve = self
            .client
            .checkout_sessions()
            .retrieve(id)
            .expand(["line_items"]);
        if let Some(account) = account {
            retrieve = retrieve.stripe_account(account);
        }
        let session = match retrieve.await {
            Ok(session) => session,
            Err(e) if e.status() == Some(404) => {
                tracing::warn!(session = %id, account, "session not found");
                return Err(FulfilmentError::UnknownSession {
                    session: id.clone(),
                });
            }
            Err(e) => return Err(e.into()),
        };
        let paid = matches!(
            session.payment_status,
            Some(PaymentStatus::Paid | PaymentStatus::NoPaymentRequired)
        );
        let hook = match session.status {
            Some(SessionStatus::Complete) if paid => Hook::Fulfil,
            Some(SessionStatus::Complete) if trigger == Trigger::PaymentFailed => {
                Hook::PaymentFailed
            }
            Some(SessionStatus::Complete) => return Ok(self.report(id, Handled::AwaitingPayment)),
            Some(SessionStatus::Expired) => Hook::Expired,
            _ => return Ok(self.report(id, Handled::NotComplete)),
        };
        let once = self.once(hook, session).await?;
        Ok(self.report(id, hook.handled(once)))
    }

    fn report(&self, id: &CheckoutSessionId, handled: Handled) -> Handled {
        tracing::info!(session = %id, handled = ?handled, "fulfilment");
        handled
    }

    /// Runs `hook` for `session` unless the store says it was run or is running. Claim, hook
    /// and completion run in a task of their own, so that a caller that goes away (a
    /// delivery whose connection dropped) does not leave the claim held for its lease: the
    /// work finishes, and the next call finds it done.
    async fn once(&self, hook: Hook, session: CheckoutSession) -> Result<Once, FulfilmentError> {
        let (store, orders, lease) = (
            Arc::clone(&self.store),
            Arc::clone(&self.orders),
            self.lease,
        );
        let id = session.id.clone();
        let work = tokio::spawn(async move {
            let key = &hook.key(&session.id);
            let token = match store.claim(key, lease).await? {
                Claim::Acquired(token) => token,
                Claim::Done => return Ok(Once::Before),
                Claim::Held => return Ok(Once::Held),
            };
            let ran = match hook {
                Hook::Fulfil => orders.fulfil(&session).await,
                Hook::PaymentFailed => orders.payment_failed(&session).await,
                Hook::Expired => orders.expired(&session).await,
            };
            match ran {
                Ok(()) => {
                    store.complete(key, &token).await?;
                    Ok(Once::Ran)
                }
                Err(source) => {
                    if let Err(release) = store.release(key, &token).await {
                        // The claim then lapses with its lease; the hook's error is the one
                        // to report.
                        tracing::warn!(session = %session.id, error = %release, "release failed");
                    }
                    Err(FulfilmentError::Hook {
                        hook: hook.name(),
                        session: session.id.clone(),
                        source,
                    })
                }
            }
        });
        // A hook that panicked lost its task, and with it the chance to release: its claim
        // lapses with the lease.
        work.await.unwrap_or_else(|panicked| {
            Err(FulfilmentError::Hook {
                hook: hook.name(),
                session: id,
                source: format!("the hook panicked: {panicked}").into(),
            })
        })
    }
}
