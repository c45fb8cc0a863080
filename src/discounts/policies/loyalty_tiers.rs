//! [`LoyaltyTiers`]: a reward per loyalty tier, with the tier looked up in your systems
//! through [`TierLookup`].

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use async_trait::async_trait;

use super::customer::CustomerRef;
use super::reward::{Priced, Reward};
use crate::checkout::CheckoutSession;
use crate::discounts::{Discount, DiscountPolicy, DiscountRequest, Rejection};

/// The reward a loyalty tier grants: the shared [`Reward`] under the name the tiers use.
pub type TierReward = Reward;

/// Finds a customer's loyalty tier in your systems (a database, a CRM, a service).
///
/// Implemented for `HashMap<String, String>` (customer id → tier, keyed by
/// [`CustomerRef::as_str`]) and for closures `Fn(&CustomerRef) -> Result<Option<String>,
/// Rejection>`; implement it yourself for lookups that `.await`.
///
/// ```
/// use stripe_checkout_client::discounts::async_trait;
/// use stripe_checkout_client::discounts::Rejection;
/// use stripe_checkout_client::discounts::policies::{CustomerRef, TierLookup};
///
/// /// Tiers from your loyalty service.
/// struct LoyaltyService;
///
/// #[async_trait]
/// impl TierLookup for LoyaltyService {
///     async fn tier(&self, customer: &CustomerRef) -> Result<Option<String>, Rejection> {
///         // e.g. `self.db.query(..).await.map_err(|e| Rejection::new(e.to_string()))?`
///         Ok(customer.as_str().starts_with("cus_").then(|| "silver".to_owned()))
///     }
/// }
///
/// // Closures work too; annotate the argument type.
/// let by_prefix = |c: &CustomerRef| Ok(c.as_str().ends_with("_vip").then(|| "gold".to_owned()));
/// # fn assert_lookup(_: &impl TierLookup) {}
/// # assert_lookup(&LoyaltyService);
/// # assert_lookup(&by_prefix);
/// ```
#[async_trait]
pub trait TierLookup: Send + Sync {
    /// The customer's tier, or `None` when they have none (not a member, unknown customer).
    ///
    /// # Errors
    /// A [`Rejection`] when the tier cannot be found out (e.g. the service is down): the
    /// request fails and the session is left as it is, rather than losing a member's discount.
    async fn tier(&self, customer: &CustomerRef) -> Result<Option<String>, Rejection>;
}

#[async_trait]
impl TierLookup for HashMap<String, String> {
    async fn tier(&self, customer: &CustomerRef) -> Result<Option<String>, Rejection> {
        Ok(self.get(customer.as_str()).cloned())
    }
}

#[async_trait]
impl<F> TierLookup for F
where
    F: Fn(&CustomerRef) -> Result<Option<String>, Rejection> + Send + Sync,
{
    async fn tier(&self, customer: &CustomerRef) -> Result<Option<String>, Rejection> {
        self(customer)
    }
}

/// A reward per loyalty tier: the session's customer ([`CustomerRef`]) is looked up with `L`,
/// and their tier's [`Reward`] is taken off the subtotal as an amount-off coupon.
///
/// No customer on the session, no tier, or a tier without a reward gives no discount. A
/// percentage is rounded down; a fixed amount is capped at the subtotal.
///
/// ```
/// use std::collections::HashMap;
/// use stripe_checkout_client::checkout::CheckoutSession;
/// use stripe_checkout_client::discounts::{DiscountPolicy, DiscountRequest};
/// use stripe_checkout_client::discounts::policies::{LoyaltyTiers, Reward};
/// use stripe_checkout_client::ids::CheckoutSessionId;
///
/// let members = HashMap::from([
///     ("cus_ada".to_owned(), "gold".to_owned()),
///     ("user-7".to_owned(), "silver".to_owned()),
/// ]);
/// let policy = LoyaltyTiers::new(members)
///     .tier("gold", Reward::PercentBps(1500))   // 15%
///     .tier("silver", Reward::AmountOff(500))   // 5.00
///     .name("Member discount");
///
/// let request = DiscountRequest::new(CheckoutSessionId::new("cs_test_1")?);
/// let rt = tokio::runtime::Builder::new_current_thread().build()?;
/// let session: CheckoutSession = serde_json::from_value(serde_json::json!({
///     "id": "cs_test_1", "object": "checkout.session",
///     "currency": "eur", "amount_subtotal": 4_999, "client_reference_id": "user-7",
/// }))?;
/// let discounts = rt.block_on(policy.recompute(&request, &session))?;
/// let coupon = discounts[0].as_coupon_data().unwrap();
/// assert_eq!((coupon.amount_off, coupon.currency.as_deref()), (Some(500), Some("eur")));
/// assert_eq!(coupon.name.as_deref(), Some("Member discount"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct LoyaltyTiers<L> {
    lookup: L,
    tiers: BTreeMap<String, Reward>,
    name: String,
}

impl<L: TierLookup> LoyaltyTiers<L> {
    /// The name used unless [`name`](Self::name) sets another.
    pub const DEFAULT_NAME: &'static str = "Loyalty discount";

    /// A policy that finds tiers with `lookup` and rewards none yet; add rewards with
    /// [`tier`](Self::tier).
    pub fn new(lookup: L) -> Self {
        Self {
            lookup,
            tiers: BTreeMap::new(),
            name: Self::DEFAULT_NAME.to_owned(),
        }
    }

    /// Rewards customers in tier `tier` (matched exactly, case included) with `reward`,
    /// replacing any earlier reward for that tier.
    pub fn tier(mut self, tier: impl Into<String>, reward: Reward) -> Self {
        self.tiers.insert(tier.into(), reward);
        self
    }

    /// Sets the name customers see on the discount (Stripe accepts at most 40 characters).
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// The reward for `tier`, if it has one.
    ///
    /// ```
    /// use std::collections::HashMap;
    /// use stripe_checkout_client::discounts::policies::{LoyaltyTiers, Reward};
    ///
    /// let policy = LoyaltyTiers::new(HashMap::new()).tier("gold", Reward::PercentBps(1500));
    /// assert_eq!(policy.reward_for("gold"), Some(Reward::PercentBps(1500)));
    /// assert_eq!(policy.reward_for("Gold"), None);
    /// ```
    pub fn reward_for(&self, tier: &str) -> Option<Reward> {
        self.tiers.get(tier).copied()
    }

    /// The lookup the policy uses.
    pub fn lookup(&self) -> &L {
        &self.lookup
    }
}

impl<L> fmt::Debug for LoyaltyTiers<L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoyaltyTiers")
            .field("tiers", &self.tiers)
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

#[async_trait]
impl<L: TierLookup> DiscountPolicy for LoyaltyTiers<L> {
    async fn recompute(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<Vec<Discount>, Rejection> {
        if request.is_removal() {
            return Ok(Vec::new());
        }
        let (Some(priced), Some(customer)) =
            (Priced::of(session), CustomerRef::from_session(session))
        else {
            return Ok(Vec::new());
        };
        let reward = self
            .lookup
            .tier(&customer)
            .await?
            .and_then(|tier| self.reward_for(&tier));
        Ok(reward.map_or_else(Vec::new, |reward| priced.discount(reward, &self.name)))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::discounts::policies::test_support::{
        amount_off, block_on, priced_session, recompute, removal, request, session,
    };
    use serde_json::json;

    fn members() -> HashMap<String, String> {
        HashMap::from([
            ("cus_gold".to_owned(), "gold".to_owned()),
            ("cus_silver".to_owned(), "silver".to_owned()),
            ("cus_bronze".to_owned(), "bronze".to_owned()),
            ("user-gold".to_owned(), "gold".to_owned()),
        ])
    }

    fn policy() -> LoyaltyTiers<HashMap<String, String>> {
        LoyaltyTiers::new(members())
            .tier("gold", Reward::PercentBps(1500))
            .tier("silver", Reward::AmountOff(500))
    }

    fn off_for(
        customer: serde_json::Value,
        subtotal: i64,
        currency: &str,
    ) -> Option<(i64, String)> {
        let s = session(json!({
            "customer": customer, "amount_subtotal": subtotal, "currency": currency,
        }));
        amount_off(&recompute(&policy(), &s)).map(|(amount, currency, name)| {
            assert_eq!(name, "Loyalty discount");
            (amount, currency)
        })
    }

    #[test]
    fn percent_tier_rounds_down() {
        assert_eq!(
            off_for(json!("cus_gold"), 12_000, "usd"),
            Some((1_800, "usd".into()))
        );
        assert_eq!(
            off_for(json!("cus_gold"), 12_006, "usd"),
            Some((1_800, "usd".into()))
        );
        assert_eq!(
            off_for(json!("cus_gold"), 12_007, "usd"),
            Some((1_801, "usd".into()))
        );
        assert_eq!(off_for(json!("cus_gold"), 6, "usd"), None); // 0.9 → 0
        assert_eq!(
            off_for(json!("cus_gold"), 7, "usd"),
            Some((1, "usd".into()))
        );
    }

    #[test]
    fn amount_tier_is_capped_at_the_subtotal() {
        assert_eq!(
            off_for(json!("cus_silver"), 501, "usd"),
            Some((500, "usd".into()))
        );
        assert_eq!(
            off_for(json!("cus_silver"), 500, "usd"),
            Some((500, "usd".into()))
        );
        assert_eq!(
            off_for(json!("cus_silver"), 499, "usd"),
            Some((499, "usd".into()))
        );
        assert_eq!(off_for(json!("cus_silver"), 0, "usd"), None);
    }

    #[test]
    fn zero_decimal_currency() {
        assert_eq!(
            off_for(json!("cus_silver"), 10_000, "JPY"),
            Some((500, "jpy".into()))
        );
        assert_eq!(
            off_for(json!("cus_gold"), 10_000, "jpy"),
            Some((1_500, "jpy".into()))
        );
    }

    #[test]
    fn huge_subtotal_does_not_overflow() {
        assert_eq!(
            off_for(json!("cus_gold"), i64::MAX, "usd"),
            Some((
                i64::try_from(i128::from(i64::MAX) * 1_500 / 10_000).unwrap(),
                "usd".into()
            ))
        );
    }

    #[test]
    fn unknown_customer_tier_without_reward_and_no_customer_give_nothing() {
        assert_eq!(off_for(json!("cus_nobody"), 12_000, "usd"), None);
        assert_eq!(off_for(json!("cus_bronze"), 12_000, "usd"), None);
        assert!(recompute(&policy(), &priced_session(12_000, "usd")).is_empty());
    }

    #[test]
    fn client_reference_is_the_fallback() {
        let s = session(json!({
            "client_reference_id": "user-gold", "amount_subtotal": 1_000, "currency": "usd",
        }));
        assert_eq!(amount_off(&recompute(&policy(), &s)).unwrap().0, 150);
    }

    #[test]
    fn no_currency_skips_the_lookup() {
        let calls = AtomicUsize::new(0);
        let counting = LoyaltyTiers::new(|_: &CustomerRef| {
            calls.fetch_add(1, Ordering::SeqCst);
            Ok(Some("gold".to_owned()))
        })
        .tier("gold", Reward::PercentBps(1000));
        let s = session(json!({"customer": "cus_gold", "amount_subtotal": 1_000}));
        assert!(recompute(&counting, &s).is_empty());
        assert_eq!(calls.load(Ordering::SeqCst), 0);
        let s =
            session(json!({"customer": "cus_gold", "amount_subtotal": 1_000, "currency": "usd"}));
        assert_eq!(amount_off(&recompute(&counting, &s)).unwrap().0, 100);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn lookup_failure_is_a_rejection() {
        let down = LoyaltyTiers::new(|_: &CustomerRef| Err(Rejection::new("crm unavailable")))
            .tier("gold", Reward::PercentBps(1000));
        let s =
            session(json!({"customer": "cus_gold", "amount_subtotal": 1_000, "currency": "usd"}));
        let err = block_on(down.recompute(&request(), &s)).unwrap_err();
        assert_eq!(err.reason(), "crm unavailable");
    }

    #[test]
    fn removal_gives_nothing_without_a_lookup() {
        let never = LoyaltyTiers::new(|_: &CustomerRef| -> Result<Option<String>, Rejection> {
            panic!("no lookup on removal")
        });
        let s =
            session(json!({"customer": "cus_gold", "amount_subtotal": 1_000, "currency": "usd"}));
        assert!(
            block_on(never.recompute(&removal(), &s))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn debug_shows_tiers_not_the_lookup() {
        let shown = format!("{:?}", policy().name("Members"));
        assert!(
            shown.contains("gold") && shown.contains("Members"),
            "{shown}"
        );
        assert!(!shown.contains("cus_gold"), "{shown}");
    }
}
