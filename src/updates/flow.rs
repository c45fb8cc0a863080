//! [`run`]: the server-update flow for one request — retrieve the session, check it, ask the
//! policy, send one update with only what changed — with its [`Outcome`] and [`FlowError`].
//!
//! The rules are the [`UpdatePolicy`]'s; what changed is decided in `diff`; what the page is
//! answered is [`ServerUpdateResponse`](super::ServerUpdateResponse)'s job.

use std::fmt;
use std::future::{Future, IntoFuture};
use std::pin::Pin;

use super::diff::update_for;
use super::refusal::check;
use super::{
    CartLine, Changes, NotAllowed, Part, Rejection, SessionView, UpdatePolicy, UpdateRequest,
};
use crate::checkout::{CheckoutSession, ListLineItems, SessionStatus};
use crate::error::Error;
use crate::sending::client::Client;
use crate::sending::options::{RequestOptions, request_option_setters};

/// What [`run`] did.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Outcome {
    /// The session after the flow: the update's answer when something changed (with the
    /// changed `line_items` and `discounts` expanded), otherwise the session as retrieved.
    pub session: CheckoutSession,
    /// What the policy wanted, part by part.
    pub changes: Changes,
    /// The parts the update changed, in [`Part::ALL`]'s order; empty when nothing was sent.
    pub changed: Vec<Part>,
}

impl Outcome {
    /// Whether an update was sent.
    pub fn was_sent(&self) -> bool {
        !self.changed.is_empty()
    }
}

/// Why [`run`] did not apply the policy's changes. Nothing was sent to Stripe after the
/// retrieve unless the variant is [`Stripe`](Self::Stripe) from the update itself.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FlowError {
    /// The policy refused the request.
    #[error("update request rejected: {0}")]
    Rejected(Rejection),
    /// The session is complete or expired, so it can no longer change.
    #[error("checkout session is not open (status {status:?})")]
    SessionNotOpen {
        /// The session's status, as retrieved.
        status: Option<SessionStatus>,
    },
    /// The session does not let the server change this part.
    #[error("`{param}` cannot be updated on this session: {reason}")]
    NotAllowed {
        /// The update parameter, e.g. `collected_information[shipping_details]`.
        param: &'static str,
        /// Why not.
        reason: NotAllowed,
    },
    /// The policy changed a part it did not declare in [`UpdatePolicy::parts`], so the flow
    /// neither loaded nor checked it: a bug in the policy.
    #[error("the policy changed `{part}` without declaring it in `parts()`")]
    Undeclared {
        /// The undeclared part.
        part: Part,
    },
    /// Stripe or the transport failed, or the changes are parameters Stripe would refuse
    /// (checked before sending, with the parameter named).
    #[error(transparent)]
    Stripe(#[from] Error),
}

/// Runs one server update for the session the request names:
///
/// 1. retrieve the session, expanding what the policy's [parts](UpdatePolicy::parts) need
///    (and every page of the cart for [`Part::LineItems`]);
/// 2. refuse a session that is not `open`, or that does not let the server change a declared
///    part (its permissions, its mode, its UI: [`NotAllowed`]);
/// 3. ask the policy for its [`Changes`];
/// 4. compare them with the session part by part, and stop when nothing differs: no update;
/// 5. otherwise send one update with only the changed parts. Its parameters are checked
///    before sending, against the request's API version too.
///
/// Chain request options on the returned value as on any request; they apply to the
/// retrieve and the update, an idempotency key to the update only (derive it from the page's
/// request). Without one, the update gets one key that every retry reuses, so a change is
/// never applied twice.
///
/// ```no_run
/// use stripe_checkout_client::Client;
/// use stripe_checkout_client::updates::{self, Compose, UpdateRequest};
/// use stripe_checkout_client::updates::policies::{AddOn, ShippingRates};
/// # async fn endpoint(body: &[u8]) -> Result<(), Box<dyn std::error::Error>> {
/// let client = Client::new("sk_test_123")?;
/// let policy = Compose::new()
///     .then(AddOn::new("Gift wrap", 500))
///     .then(ShippingRates::new().country("US", [("Standard", 500)]).free_over(10_000));
/// let outcome = updates::run(&client, UpdateRequest::from_json(body)?, &policy).await?;
/// println!("changed: {:?}", outcome.changed);
/// # Ok(()) }
/// ```
///
/// # Errors
/// [`FlowError`]: a rejection, a closed session, a part the session does not let the server
/// change, or a Stripe/transport error.
pub fn run<'a, P>(client: &'a Client, request: UpdateRequest, policy: &'a P) -> PendingUpdate<'a>
where
    P: UpdatePolicy + ?Sized,
{
    PendingUpdate {
        client,
        request,
        policy: Box::new(policy),
        options: RequestOptions::default(),
    }
}

/// One server update, not started yet: made by [`run`]. Chain request options on it, then
/// `.await` it for the [`Outcome`].
#[must_use = "the flow runs only when it is awaited"]
pub struct PendingUpdate<'a> {
    client: &'a Client,
    request: UpdateRequest,
    policy: Box<dyn UpdatePolicy + 'a>,
    options: RequestOptions,
}

impl PendingUpdate<'_> {
    request_option_setters!();
}

impl fmt::Debug for PendingUpdate<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingUpdate")
            .field("session", &self.request.checkout_session_id)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl<'a> IntoFuture for PendingUpdate<'a> {
    type Output = Result<Outcome, FlowError>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            run_policy(
                self.client,
                &self.request,
                self.policy.as_ref(),
                &self.options,
            )
            .await
        })
    }
}

/// The fields each part needs expanded on the retrieve.
fn expansions(part: Part) -> &'static [&'static str] {
    match part {
        // The whole cart: its first page here, the rest listed when there is more.
        Part::LineItems => &["line_items"],
        // Inline coupons are compared by value, so their objects are needed.
        Part::Discounts => &["discounts.coupon", "discounts.promotion_code"],
        // Inline rates are compared by value too.
        Part::ShippingOptions => &["shipping_options.shipping_rate"],
        Part::ShippingDetails | Part::Trial | Part::PaymentIntentData => &[],
    }
}

/// The future of [`run_policy`], boxed.
pub(crate) type FlowFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Outcome, FlowError>> + Send + 'a>>;

/// The flow itself, compiled once here whatever the policy's type. Its future is boxed so
/// that the flow's state machine, the largest in the crate, is compiled and optimized once:
/// every caller (the pending update, the endpoint, the discount face and its endpoint) awaits
/// it through the box instead of inlining a copy of it.
pub(crate) fn run_policy<'a>(
    client: &'a Client,
    request: &'a UpdateRequest,
    policy: &'a dyn UpdatePolicy,
    options: &'a RequestOptions,
) -> FlowFuture<'a> {
    Box::pin(flow(client, request, policy, options))
}

/// What [`run_policy`] runs.
async fn flow(
    client: &Client,
    request: &UpdateRequest,
    policy: &dyn UpdatePolicy,
    options: &RequestOptions,
) -> Result<Outcome, FlowError> {
    let session_id = &request.checkout_session_id;
    // The key goes only on the update, but a bad one must stop the flow before the retrieve.
    if let Some(key) = &options.idempotency_key {
        crate::sending::transport::idempotency_header(key)?;
    }
    let declared = policy.parts();
    let mut expand: Vec<String> = Vec::new();
    let needed = declared.iter().flat_map(|part| expansions(*part).iter());
    for field in needed.map(|f| (*f).to_owned()).chain(policy.expand()) {
        if !expand.contains(&field) {
            expand.push(field);
        }
    }
    let sessions = client.checkout_sessions();
    // The options go to the retrieve as they are: an idempotency key is only sent on a POST.
    let (session, json) = sessions
        .retrieve_keeping_json(session_id)
        .expand(expand)
        .options(options)
        .await?;

    if session.status != Some(SessionStatus::Open) {
        return Err(FlowError::SessionNotOpen {
            status: session.status.clone(),
        });
    }
    for part in &declared {
        check(*part, &session).map_err(|reason| FlowError::NotAllowed {
            param: part.param(),
            reason,
        })?;
    }
    let cart = if declared.contains(&Part::LineItems) {
        whole_cart(client, &session, options).await?
    } else {
        Vec::new()
    };

    let view = SessionView::with_cart(session, json, cart);
    let changes = policy
        .changes(request, &view)
        .await
        .map_err(FlowError::Rejected)?;
    if let Some(part) = changes.parts().into_iter().find(|p| !declared.contains(p)) {
        return Err(FlowError::Undeclared { part });
    }
    let update = update_for(view.session(), view.line_items(), &changes).map_err(|reason| {
        FlowError::NotAllowed {
            param: Part::LineItems.param(),
            reason,
        }
    })?;
    let Some((update, changed)) = update else {
        tracing::debug!(session = %session_id, "nothing changes; no update sent");
        return Ok(Outcome {
            session: view.into_session()?,
            changes,
            changed: Vec::new(),
        });
    };
    let shown: Vec<&str> = changed
        .iter()
        .filter(|part| matches!(part, Part::Discounts | Part::LineItems))
        .map(|part| part.param())
        .collect();
    let update = if shown.is_empty() {
        update
    } else {
        update.expand(shown)
    };
    let session = sessions
        .update(session_id, &update)
        .options(options)
        .await?;
    Ok(Outcome {
        session,
        changes,
        changed,
    })
}

/// Every line of the session's cart, in order: the expanded first page, then the rest listed
/// page by page (Stripe replaces the line items as a whole, so a line missed here would be
/// removed).
async fn whole_cart(
    client: &Client,
    session: &CheckoutSession,
    options: &RequestOptions,
) -> Result<Vec<CartLine>, Error> {
    let Some(first) = &session.line_items else {
        return Ok(Vec::new());
    };
    let mut cart: Vec<CartLine> = first.data.iter().map(CartLine::existing).collect();
    let mut more = first.has_more;
    while more {
        let mut params = ListLineItems::new().limit(100);
        if let Some(last) = cart.last().and_then(CartLine::id) {
            params = params.starting_after(last);
        }
        let page = client
            .checkout_sessions()
            .list_line_items(&session.id, &params)
            .options(options)
            .await?;
        more = page.has_more && !page.data.is_empty();
        cart.extend(page.data.iter().map(CartLine::existing));
    }
    Ok(cart)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::updates::policies::AddOn;

    #[test]
    fn a_pending_update_shows_its_session_and_options_not_its_policy() {
        let client = Client::new("sk_test_PendingUpdateDebug00000000000001").unwrap();
        let request = UpdateRequest::new("cs_test_debug".parse().unwrap());
        let policy = AddOn::new("Gift wrap", 500);
        let pending = run(&client, request, &policy).stripe_account("acct_123");
        let shown = format!("{pending:?}");
        assert!(shown.starts_with("PendingUpdate {"), "{shown}");
        assert!(
            shown.contains("cs_test_debug") && shown.contains("acct_123"),
            "{shown}"
        );
        assert!(!shown.contains("Gift wrap"), "{shown}");
        assert!(shown.ends_with(".. }"), "{shown}");
    }
}
