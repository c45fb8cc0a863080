//! [`update_discounts`]: Stripe's guide as one call — retrieve the session, check it, ask the
//! policy, and update the session only when the discounts change — with its
//! [`UpdateOutcome`] and [`UpdateError`].
//!
//! What to answer the browser is [`ServerUpdateResponse`](super::ServerUpdateResponse)'s job;
//! the rules themselves are the [`DiscountPolicy`]'s.

use std::fmt;
use std::future::{Future, IntoFuture};
use std::pin::Pin;

use super::{DiscountPolicy, DiscountRequest, DiscountUpdatePolicy, Rejection};
use crate::checkout::{CheckoutSession, PermissionOwner, SessionStatus};
use crate::error::Error;
use crate::resources::Discount;
use crate::sending::client::Client;
use crate::sending::options::{RequestOptions, request_option_setters};
use crate::updates::{FlowError, NotAllowed, UpdateRequest, run_policy};

/// What [`update_discounts`] did.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct UpdateOutcome {
    /// The session after the flow: the update's answer (with `discounts` expanded) when
    /// something changed, otherwise the session as retrieved.
    pub session: CheckoutSession,
    /// The discounts the policy decided on (empty: none).
    pub discounts: Vec<Discount>,
    /// Whether an update was sent. `false` when the session already carried exactly these
    /// discounts.
    pub changed: bool,
}

/// Why [`update_discounts`] did not apply the policy's discounts.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum UpdateError {
    /// The policy refused the request. Nothing was sent to Stripe after the retrieve.
    #[error("discount request rejected: {0}")]
    Rejected(Rejection),
    /// The session is complete or expired, so its discounts can no longer change.
    #[error("checkout session is not open (status {status:?})")]
    SessionNotOpen {
        /// The session's status, as retrieved.
        status: Option<SessionStatus>,
    },
    /// The session was not created with `permissions[update_discounts]=server_only`, so the
    /// server must not override what the browser controls.
    #[error("checkout session does not let the server update discounts (owner {owner})")]
    NotServerOnly {
        /// Who may update discounts on this session.
        owner: PermissionOwner,
    },
    /// Stripe or the transport failed (or the policy produced parameters Stripe would reject).
    #[error(transparent)]
    Stripe(#[from] Error),
    /// The server-update flow refused for another reason (see [`FlowError`]).
    #[error(transparent)]
    Flow(Box<FlowError>),
}

/// Runs Stripe's dynamic-discount flow for one browser request, for the session the request
/// names:
///
/// 1. retrieve the session (expanding `discounts.coupon`, `discounts.promotion_code` and
///    whatever the policy asks for);
/// 2. refuse a session that is not `open`, or whose `permissions.update_discounts` is set to
///    anything but `server_only`;
/// 3. [`DiscountPolicy::validate`], then [`DiscountPolicy::recompute`];
/// 4. if the result equals the session's current discounts, stop — no update is sent;
/// 5. otherwise update the session with `discounts` (`discounts=` when empty) and
///    `expand[0]=discounts`, so the answer shows what was applied.
///
/// It returns a pending flow: chain request options on it like on any request (they apply to
/// the retrieve and the update; an idempotency key to the update only, so derive it from the
/// browser's request, not from the session alone: apply, remove and apply again are three
/// updates), then await it.
/// Retries reuse one idempotency key, so a retried update is never applied twice. For the
/// whole endpoint, body to answer, see [`handle`](super::handle).
///
/// ```no_run
/// use stripe_checkout_client::Client;
/// use stripe_checkout_client::discounts::{update_discounts, DiscountRequest};
/// use stripe_checkout_client::discounts::policies::CartThreshold;
/// # async fn run(body: &[u8]) -> Result<(), Box<dyn std::error::Error>> {
/// let client = Client::new("sk_test_123")?;
/// let request = DiscountRequest::from_json(body)?;
/// let outcome = update_discounts(&client, request, &CartThreshold::guide())
///     .stripe_account("acct_1Hx000000000000")
///     .await?;
/// println!("changed: {}", outcome.changed);
/// # Ok(()) }
/// ```
///
/// # Errors
/// [`UpdateError`]: a rejection, a closed session, a session the server may not update, or a
/// Stripe/transport error.
pub fn update_discounts<'a, P>(
    client: &'a Client,
    request: DiscountRequest,
    policy: &'a P,
) -> UpdateDiscounts<'a>
where
    P: DiscountPolicy + ?Sized,
{
    UpdateDiscounts {
        client,
        request,
        policy: Box::new(policy),
        options: RequestOptions::default(),
    }
}

/// The discount flow for one request, not started yet: made by [`update_discounts`]. Chain
/// request options on it, then `.await` it for the [`UpdateOutcome`].
#[must_use = "the flow runs only when it is awaited"]
pub struct UpdateDiscounts<'a> {
    client: &'a Client,
    request: DiscountRequest,
    policy: Box<dyn DiscountPolicy + 'a>,
    options: RequestOptions,
}

impl UpdateDiscounts<'_> {
    request_option_setters!();
}

impl fmt::Debug for UpdateDiscounts<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UpdateDiscounts")
            .field("session", &self.request.checkout_session_id)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// The future of an awaited [`UpdateDiscounts`].
pub type UpdateFuture<'a> =
    Pin<Box<dyn Future<Output = Result<UpdateOutcome, UpdateError>> + Send + 'a>>;

impl<'a> IntoFuture for UpdateDiscounts<'a> {
    type Output = Result<UpdateOutcome, UpdateError>;
    type IntoFuture = UpdateFuture<'a>;

    fn into_future(self) -> UpdateFuture<'a> {
        Box::pin(async move {
            run(
                self.client,
                &self.request,
                self.policy.as_ref(),
                &self.options,
            )
            .await
        })
    }
}

/// The flow itself: the server-update flow with the policy as its discount member, its
/// answer and errors in the discount face's terms.
pub(crate) async fn run(
    client: &Client,
    request: &DiscountRequest,
    policy: &dyn DiscountPolicy,
    options: &RequestOptions,
) -> Result<UpdateOutcome, UpdateError> {
    let member = DiscountUpdatePolicy::for_request(policy, request.clone());
    let update = UpdateRequest::new(request.checkout_session_id.clone());
    let outcome = run_policy(client, &update, &member, options)
        .await
        .map_err(UpdateError::from)?;
    Ok(UpdateOutcome {
        changed: outcome.was_sent(),
        discounts: outcome.changes.discounts.unwrap_or_default(),
        session: outcome.session,
    })
}

impl From<FlowError> for UpdateError {
    fn from(err: FlowError) -> Self {
        match err {
            FlowError::Rejected(rejection) => UpdateError::Rejected(rejection),
            FlowError::SessionNotOpen { status } => UpdateError::SessionNotOpen { status },
            FlowError::NotAllowed {
                reason: NotAllowed::Permission { owner, .. },
                ..
            } => UpdateError::NotServerOnly { owner },
            FlowError::Stripe(err) => UpdateError::Stripe(err),
            // The discount member changes `discounts` only, whose one refusal is its
            // permission; anything else is the flow's own.
            other => UpdateError::Flow(Box::new(other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pending_flow_shows_its_session_and_options_not_its_policy() {
        let client = Client::new("sk_test_UpdateDiscountsDebug000000000001").unwrap();
        let request = DiscountRequest::new("cs_test_debug".parse().unwrap());
        let policy = crate::discounts::policy_fn(|_, _| Ok(Vec::new()));
        let pending = update_discounts(&client, request, &policy).stripe_account("acct_123");
        let shown = format!("{pending:?}");
        assert!(shown.starts_with("UpdateDiscounts {"), "{shown}");
        assert!(
            shown.contains("cs_test_debug") && shown.contains("acct_123"),
            "{shown}"
        );
        assert!(shown.ends_with(".. }"), "{shown}");
    }
}
