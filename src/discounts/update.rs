//! [`update_discounts`]: Stripe's guide as one call — retrieve the session, check it, ask the
//! policy, and update the session only when the discounts change — with its
//! [`UpdateOutcome`] and [`UpdateError`].
//!
//! What to answer the browser is [`ServerUpdateResponse`](super::ServerUpdateResponse)'s job;
//! the rules themselves are the [`DiscountPolicy`]'s.

use std::collections::HashMap;
use std::fmt;
use std::future::{Future, IntoFuture};
use std::pin::Pin;

use super::{DiscountPolicy, DiscountRequest, Rejection};
use crate::checkout::{
    CheckoutSession, PermissionOwner, SessionDiscount, SessionStatus, UpdateSession,
};
use crate::error::Error;
use crate::metadata::Metadata;
use crate::resources::{Coupon, CouponData, Discount};
use crate::sending::client::Client;
use crate::sending::options::{RequestOptions, request_option_setters};

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
}

/// The fields always expanded on the retrieve, so current discounts can be compared with
/// the policy's by value (inline `coupon_data` coupons get generated ids).
const EXPAND: [&str; 2] = ["discounts.coupon", "discounts.promotion_code"];

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

/// The flow itself, compiled once here whatever the policy's type.
pub(crate) async fn run(
    client: &Client,
    request: &DiscountRequest,
    policy: &dyn DiscountPolicy,
    options: &RequestOptions,
) -> Result<UpdateOutcome, UpdateError> {
    let session_id = &request.checkout_session_id;
    // The key goes only on the update, but a bad one must stop the flow before the retrieve.
    if let Some(key) = &options.idempotency_key {
        crate::sending::transport::idempotency_header(key)?;
    }
    let sessions = client.checkout_sessions();
    let mut expand: Vec<String> = EXPAND.iter().map(|s| (*s).to_owned()).collect();
    for extra in policy.expand() {
        if !expand.contains(&extra) {
            expand.push(extra);
        }
    }
    // The options go to the retrieve as they are: an idempotency key is only sent on a POST.
    let session = sessions
        .retrieve(session_id)
        .expand(expand)
        .options(options)
        .await?;

    if session.status != Some(SessionStatus::Open) {
        return Err(UpdateError::SessionNotOpen {
            status: session.status.clone(),
        });
    }
    if let Some(owner) = session.update_discounts_permission() {
        if *owner != PermissionOwner::ServerOnly {
            return Err(UpdateError::NotServerOnly {
                owner: owner.clone(),
            });
        }
    }

    policy
        .validate(request, &session)
        .await
        .map_err(UpdateError::Rejected)?;
    let discounts = policy
        .recompute(request, &session)
        .await
        .map_err(UpdateError::Rejected)?;

    let current = session.discounts.as_deref().unwrap_or_default();
    if same_discounts(current, &discounts) {
        tracing::debug!(session = %session_id, "discounts unchanged; no update sent");
        return Ok(UpdateOutcome {
            session,
            discounts,
            changed: false,
        });
    }

    let update = if discounts.is_empty() {
        UpdateSession::new().clear_discounts()
    } else {
        UpdateSession::new().discounts(discounts.iter().cloned())
    }
    .expand(["discounts"]);
    let session = sessions
        .update(session_id, &update)
        .options(options)
        .await?;
    Ok(UpdateOutcome {
        session,
        discounts,
        changed: true,
    })
}

/// Whether the session's current discounts are exactly `wanted`, compared by meaning: a coupon
/// or promotion code by id, inline `coupon_data` by the expanded coupon's values (Stripe gives
/// inline coupons generated ids, so ids cannot match). For inline coupons the amounts and
/// currency always count; `name`, `duration`, `duration_in_months` and `metadata` count when
/// the policy sets them (Stripe gives the inline coupon exactly the metadata keys set).
fn same_discounts(current: &[SessionDiscount], wanted: &[Discount]) -> bool {
    current.len() == wanted.len()
        && current
            .iter()
            .zip(wanted)
            .all(|(have, want)| same_discount(have, want))
}

fn same_discount(have: &SessionDiscount, want: &Discount) -> bool {
    let coupon_id = have.coupon.as_ref().map(|c| c.id());
    let promo_id = have.promotion_code.as_ref().map(|p| p.id());
    match want {
        Discount::PromotionCode(id) => promo_id == Some(id.as_str()),
        _ if promo_id.is_some() => false,
        Discount::Coupon(id) => coupon_id == Some(id.as_str()),
        Discount::CouponData(data) => have
            .coupon
            .as_ref()
            .and_then(|c| c.as_object())
            .is_some_and(|coupon| coupon_matches(coupon, data)),
    }
}

fn coupon_matches(coupon: &Coupon, data: &CouponData) -> bool {
    let same_currency = match (&coupon.currency, &data.currency) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        // A percent-off coupon may carry a currency or not; an amount off always has one.
        _ => data.amount_off.is_none(),
    };
    coupon.amount_off == data.amount_off
        && coupon.percent_off == data.percent_off
        && same_currency
        && data
            .name
            .as_ref()
            .is_none_or(|n| coupon.name.as_ref() == Some(n))
        && data
            .duration
            .as_ref()
            .is_none_or(|d| coupon.duration.as_ref() == Some(d))
        && data
            .duration_in_months
            .is_none_or(|m| coupon.duration_in_months == Some(m))
        && data
            .metadata
            .as_ref()
            .is_none_or(|m| same_metadata(m, &coupon.metadata))
}

/// Whether an inline coupon holds exactly the keys `wanted` sets (a key `wanted` unsets, or
/// a clear, leaves it out, as on a new coupon).
fn same_metadata(wanted: &Metadata, have: &HashMap<String, String>) -> bool {
    let mut set = 0;
    for (key, value) in wanted.iter() {
        if let Some(value) = value {
            set += 1;
            if have.get(key).map(String::as_str) != Some(value) {
                return false;
            }
        }
    }
    set == have.len()
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::coupons::CouponDuration;

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

    fn have(value: Value) -> SessionDiscount {
        serde_json::from_value(value).unwrap()
    }

    fn coupon(fields: Value) -> SessionDiscount {
        let mut object = json!({"id": "GEN123", "object": "coupon"});
        object
            .as_object_mut()
            .unwrap()
            .extend(fields.as_object().unwrap().clone());
        have(json!({"coupon": object}))
    }

    fn promo(id: &str) -> Discount {
        Discount::PromotionCode(id.parse().unwrap())
    }

    fn by_id(id: &str) -> Discount {
        Discount::Coupon(id.parse().unwrap())
    }

    #[test]
    fn ids_are_compared_by_kind_and_value() {
        let applied_promo = have(json!({"coupon": "FALL", "promotion_code": "promo_1"}));
        assert!(same_discount(&applied_promo, &promo("promo_1")));
        assert!(!same_discount(&applied_promo, &promo("promo_2")));
        // The promotion code's coupon is not the same discount as that coupon by id.
        assert!(!same_discount(&applied_promo, &by_id("FALL")));
        let applied_coupon = have(json!({"coupon": "FALL"}));
        assert!(same_discount(&applied_coupon, &by_id("FALL")));
        assert!(!same_discount(&applied_coupon, &by_id("WINTER")));
        assert!(!same_discount(&applied_coupon, &promo("promo_1")));
        // An unexpanded coupon cannot be compared with inline data.
        assert!(!same_discount(
            &applied_coupon,
            &Discount::CouponData(CouponData::percent_off(10.0))
        ));
    }

    #[test]
    fn inline_coupons_are_compared_by_the_values_the_policy_sets() {
        let applied = coupon(json!({
            "amount_off": 2000, "currency": "usd", "name": "Customer Discount",
            "duration": "repeating", "duration_in_months": 3,
        }));
        let data = || CouponData::amount_off(2000, "USD").name("Customer Discount");
        let same = |d: CouponData| same_discount(&applied, &Discount::CouponData(d));
        assert!(same(data()));
        assert!(same(data().repeating(3)));
        assert!(!same(data().repeating(4)));
        assert!(!same(data().duration(CouponDuration::Once)));
        assert!(!same(data().name("Other")));
        assert!(!same(CouponData::amount_off(2000, "eur")));
        assert!(!same(CouponData::amount_off(1999, "usd")));
        assert!(!same(CouponData::percent_off(20.0)));

        let tagged = coupon(json!({
            "percent_off": 10.0, "metadata": {"rule": "cart-over-100", "tier": "gold"},
        }));
        let same = |d: CouponData| same_discount(&tagged, &Discount::CouponData(d));
        let ten = || CouponData::percent_off(10.0);
        assert!(same(ten()));
        assert!(same(
            ten()
                .metadata("tier", "gold")
                .metadata("rule", "cart-over-100")
        ));
        // A rule that changes only the coupon's metadata sends an update.
        assert!(!same(
            ten()
                .metadata("rule", "cart-over-200")
                .metadata("tier", "gold")
        ));
        assert!(!same(ten().metadata("rule", "cart-over-100")));
        assert!(!same(
            ten()
                .metadata("rule", "cart-over-100")
                .metadata("tier", "gold")
                .metadata("new", "key")
        ));
        assert!(!same(ten().metadata_entries([
            ("rule", "cart-over-100"),
            ("tier", "silver")
        ])));
        let mut unset = ten()
            .metadata("rule", "cart-over-100")
            .metadata("tier", "gold")
            .metadata("old", "x");
        unset.metadata.as_mut().unwrap().unset("old");
        assert!(same(unset));

        let percent = coupon(json!({"percent_off": 10.0}));
        let d = Discount::CouponData(CouponData::percent_off(10.0));
        assert!(same_discount(&percent, &d));
        let mut with_currency = CouponData::percent_off(10.0);
        with_currency.currency = Some("usd".into());
        assert!(same_discount(
            &percent,
            &Discount::CouponData(with_currency)
        ));
        // An amount off without a currency on either side is not a coupon Stripe makes.
        let odd = coupon(json!({"amount_off": 500}));
        let mut no_currency = CouponData::amount_off(500, "usd");
        no_currency.currency = None;
        assert!(!same_discount(&odd, &Discount::CouponData(no_currency)));
    }

    #[test]
    fn lists_are_the_same_only_entry_for_entry() {
        let applied = [have(json!({"coupon": "A"}))];
        assert!(same_discounts(&applied, &[by_id("A")]));
        assert!(!same_discounts(&applied, &[]));
        assert!(!same_discounts(&[], &[by_id("A")]));
        assert!(same_discounts(&[], &[]));
        assert!(!same_discounts(&applied, &[by_id("A"), by_id("A")]));
    }
}
