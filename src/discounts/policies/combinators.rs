//! Combinators that choose between several policies: [`FirstMatch`] (the first that offers
//! something) and [`BestForCustomer`] (the one worth the most on this cart).

use std::fmt;

use async_trait::async_trait;

use super::reward::Reward;
use crate::checkout::CheckoutSession;
use crate::discounts::{Discount, DiscountPolicy, DiscountRequest, Offer, Rejection};

/// Tries policies in order and answers with the first non-empty list of discounts; no
/// discount when none offers one.
///
/// A [`Rejection`] from any policy tried stops the search and is the answer (policies after
/// it are not asked). [`validate`](DiscountPolicy::validate) is the default rule (at most one
/// requested discount); the inner policies' own `validate` is not called. The fields to
/// [`expand`](DiscountPolicy::expand) are all inner policies' fields, without duplicates.
///
/// ```
/// use std::collections::HashMap;
/// use stripe_checkout_client::checkout::CheckoutSession;
/// use stripe_checkout_client::discounts::{DiscountPolicy, DiscountRequest};
/// use stripe_checkout_client::discounts::policies::{
///     CartThreshold, CustomerOffers, FirstMatch, Reward,
/// };
/// use stripe_checkout_client::ids::CheckoutSessionId;
///
/// // A personal offer if the customer has one, else the guide's cart rule.
/// let offers = HashMap::from([("cus_vip".to_owned(), Reward::AmountOff(2_500))]);
/// let policy = FirstMatch::new()
///     .with(CustomerOffers::new(offers))
///     .with(CartThreshold::guide());
///
/// let request = DiscountRequest::new(CheckoutSessionId::new("cs_test_1")?);
/// let rt = tokio::runtime::Builder::new_current_thread().build()?;
/// for (customer, expected) in [("cus_vip", 2_500), ("cus_other", 1_200)] {
///     let session: CheckoutSession = serde_json::from_value(serde_json::json!({
///         "id": "cs_test_1", "object": "checkout.session",
///         "currency": "usd", "amount_subtotal": 12_000, "customer": customer,
///     }))?;
///     let discounts = rt.block_on(policy.recompute(&request, &session))?;
///     assert_eq!(discounts[0].as_coupon_data().unwrap().amount_off, Some(expected));
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Default)]
pub struct FirstMatch {
    /// The policies, in the order they are tried.
    pub policies: Vec<Box<dyn DiscountPolicy>>,
}

impl FirstMatch {
    /// No policies yet (it offers nothing); add them with [`with`](Self::with).
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `policy` after the ones already there.
    pub fn with(mut self, policy: impl DiscountPolicy + 'static) -> Self {
        self.policies.push(Box::new(policy));
        self
    }
}

impl From<Vec<Box<dyn DiscountPolicy>>> for FirstMatch {
    fn from(policies: Vec<Box<dyn DiscountPolicy>>) -> Self {
        Self { policies }
    }
}

impl fmt::Debug for FirstMatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FirstMatch")
            .field("policies", &self.policies.len())
            .finish()
    }
}

#[async_trait]
impl DiscountPolicy for FirstMatch {
    fn expand(&self) -> Vec<String> {
        union_expand(&self.policies)
    }

    async fn recompute(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<Vec<Discount>, Rejection> {
        Ok(self.offer(request, session).await?.discounts)
    }

    /// The first non-empty offer, with the worth its policy gave it, so a `FirstMatch`
    /// inside a [`BestForCustomer`] is compared at its real value.
    async fn offer(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<Offer, Rejection> {
        if request.is_removal() {
            return Ok(Offer::none());
        }
        for policy in &self.policies {
            let offer = policy.offer(request, session).await?;
            if !offer.discounts.is_empty() {
                return Ok(offer);
            }
        }
        Ok(Offer::none())
    }
}

/// Asks every policy and answers with the list worth the most on this session: the largest
/// amount off its `amount_subtotal`. On a tie the earlier policy wins; no discount when none
/// offers one.
///
/// A list's worth is what its policy says it is ([`DiscountPolicy::offer`]; [`TypedCodes`](super::TypedCodes)
/// prices the coupon a code applies). Otherwise it is the sum of its discounts' amounts off the
/// subtotal, at most the subtotal:
/// an inline amount-off coupon counts its `amount_off` when its currency is the session's (and
/// nothing otherwise — Stripe would refuse it); an inline percent-off coupon counts the
/// percentage of the subtotal rounded down, as [`Reward::PercentBps`] would. A coupon or
/// promotion code given by id counts as nothing, since its value is not known without asking
/// Stripe, but still beats no discount at all.
///
/// Policies are asked one after the other, in order. A [`Rejection`] from any of them is the
/// answer. [`validate`](DiscountPolicy::validate) is the default rule (at most one requested
/// discount); the inner policies' own `validate` is not called. The fields to
/// [`expand`](DiscountPolicy::expand) are all inner policies' fields, without duplicates.
///
/// ```
/// use std::collections::HashMap;
/// use stripe_checkout_client::checkout::CheckoutSession;
/// use stripe_checkout_client::discounts::{DiscountPolicy, DiscountRequest};
/// use stripe_checkout_client::discounts::policies::{
///     BestForCustomer, CartThreshold, LoyaltyTiers, Reward,
/// };
/// use stripe_checkout_client::ids::CheckoutSessionId;
///
/// // Silver members get 15.00 off, or the cart rule's 10% (at most 20.00) if that is more.
/// let members = HashMap::from([("cus_ada".to_owned(), "silver".to_owned())]);
/// let policy = BestForCustomer::new()
///     .with(LoyaltyTiers::new(members).tier("silver", Reward::AmountOff(1_500)))
///     .with(CartThreshold::guide());
///
/// let request = DiscountRequest::new(CheckoutSessionId::new("cs_test_1")?);
/// let rt = tokio::runtime::Builder::new_current_thread().build()?;
/// for (subtotal, expected) in [(12_000, 1_500), (19_000, 1_900), (40_000, 2_000)] {
///     let session: CheckoutSession = serde_json::from_value(serde_json::json!({
///         "id": "cs_test_1", "object": "checkout.session",
///         "currency": "usd", "amount_subtotal": subtotal, "customer": "cus_ada",
///     }))?;
///     let discounts = rt.block_on(policy.recompute(&request, &session))?;
///     assert_eq!(discounts[0].as_coupon_data().unwrap().amount_off, Some(expected));
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Default)]
pub struct BestForCustomer {
    /// The policies, in the order they are asked (and win ties).
    pub policies: Vec<Box<dyn DiscountPolicy>>,
}

impl BestForCustomer {
    /// No policies yet (it offers nothing); add them with [`with`](Self::with).
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `policy` after the ones already there.
    pub fn with(mut self, policy: impl DiscountPolicy + 'static) -> Self {
        self.policies.push(Box::new(policy));
        self
    }
}

impl From<Vec<Box<dyn DiscountPolicy>>> for BestForCustomer {
    fn from(policies: Vec<Box<dyn DiscountPolicy>>) -> Self {
        Self { policies }
    }
}

impl fmt::Debug for BestForCustomer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BestForCustomer")
            .field("policies", &self.policies.len())
            .finish()
    }
}

#[async_trait]
impl DiscountPolicy for BestForCustomer {
    fn expand(&self) -> Vec<String> {
        union_expand(&self.policies)
    }

    async fn recompute(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<Vec<Discount>, Rejection> {
        Ok(self.offer(request, session).await?.discounts)
    }

    async fn offer(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<Offer, Rejection> {
        if request.is_removal() {
            return Ok(Offer::none());
        }
        let mut best: Option<(i64, Vec<Discount>)> = None;
        for policy in &self.policies {
            let offer = policy.offer(request, session).await?;
            if offer.discounts.is_empty() {
                continue;
            }
            let worth = offer
                .amount_off
                .unwrap_or_else(|| worth(&offer.discounts, session));
            if best
                .as_ref()
                .is_none_or(|(best_worth, _)| worth > *best_worth)
            {
                best = Some((worth, offer.discounts));
            }
        }
        Ok(best.map_or_else(Offer::none, |(worth, discounts)| {
            Offer::new(discounts).worth(worth)
        }))
    }
}

/// What `discounts` take off `session`'s subtotal, as [`BestForCustomer`] documents.
fn worth(discounts: &[Discount], session: &CheckoutSession) -> i64 {
    let subtotal = session.amount_subtotal.unwrap_or(0).max(0);
    let currency = session.currency.as_deref();
    discounts
        .iter()
        .filter_map(|d| match d {
            Discount::CouponData(data) => Some(data),
            _ => None,
        })
        .filter_map(|data| Reward::of_coupon_data(data, currency))
        .fold(0i64, |sum, reward| {
            sum.saturating_add(reward.amount_off(subtotal))
        })
        .min(subtotal)
}

/// Every policy's expand fields, in order, without duplicates.
fn union_expand(policies: &[Box<dyn DiscountPolicy>]) -> Vec<String> {
    let mut fields: Vec<String> = Vec::new();
    for field in policies.iter().flat_map(|p| p.expand()) {
        if !fields.contains(&field) {
            fields.push(field);
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::discounts::policies::CartThreshold;
    use crate::discounts::policies::test_support::{
        block_on, priced_session, recompute, removal, request, session,
    };
    use crate::discounts::{CouponData, RequestedDiscount, policy_fn};
    use serde_json::json;

    /// A policy that always answers `discounts` and counts its calls.
    #[derive(Debug)]
    struct Fixed {
        discounts: Vec<Discount>,
        calls: Arc<AtomicUsize>,
        expand: Vec<String>,
    }

    fn fixed(discounts: Vec<Discount>) -> (Fixed, Arc<AtomicUsize>) {
        let calls = Arc::new(AtomicUsize::new(0));
        let policy = Fixed {
            discounts,
            calls: Arc::clone(&calls),
            expand: Vec::new(),
        };
        (policy, calls)
    }

    #[async_trait]
    impl DiscountPolicy for Fixed {
        fn expand(&self) -> Vec<String> {
            self.expand.clone()
        }
        async fn validate(
            &self,
            _: &DiscountRequest,
            _: &CheckoutSession,
        ) -> Result<(), Rejection> {
            Err(Rejection::new("inner validate must not be called"))
        }
        async fn recompute(
            &self,
            _: &DiscountRequest,
            _: &CheckoutSession,
        ) -> Result<Vec<Discount>, Rejection> {
            self.calls.fetch_add(1, Ordering::SeqCst);
            Ok(self.discounts.clone())
        }
    }

    fn amount(amount: i64, currency: &str, name: &str) -> Discount {
        Discount::CouponData(CouponData::amount_off(amount, currency).name(name))
    }

    fn percent(percent: f64, name: &str) -> Discount {
        Discount::CouponData(CouponData::percent_off(percent).name(name))
    }

    fn failing() -> impl DiscountPolicy {
        policy_fn(|_, _| Err(Rejection::new("boom")))
    }

    #[test]
    fn combinators_built_from_a_list_keep_its_order_and_show_its_length() {
        let list = || -> Vec<Box<dyn DiscountPolicy>> {
            vec![
                Box::new(fixed(vec![]).0),
                Box::new(fixed(vec![amount(100, "usd", "a")]).0),
                Box::new(fixed(vec![amount(900, "usd", "b")]).0),
            ]
        };
        let session = priced_session(1_000, "usd");
        let first = FirstMatch::from(list());
        assert_eq!(format!("{first:?}"), "FirstMatch { policies: 3 }");
        assert_eq!(recompute(&first, &session), [amount(100, "usd", "a")]);
        let best = BestForCustomer::from(list());
        assert_eq!(format!("{best:?}"), "BestForCustomer { policies: 3 }");
        assert_eq!(recompute(&best, &session), [amount(900, "usd", "b")]);
    }

    #[test]
    fn a_first_match_that_finds_nothing_offers_nothing_known_to_be_worth_zero() {
        let nothing = Offer::new(Vec::new()).worth(0);
        let session = priced_session(1_000, "usd");
        let empty = FirstMatch::new().with(fixed(vec![]).0);
        assert_eq!(
            block_on(empty.offer(&request(), &session)),
            Ok(nothing.clone())
        );
        let any = FirstMatch::new().with(fixed(vec![amount(100, "usd", "a")]).0);
        assert_eq!(block_on(any.offer(&removal(), &session)), Ok(nothing));
    }

    #[test]
    fn first_match_takes_the_first_non_empty_list() {
        let (none, none_calls) = fixed(vec![]);
        let (a, a_calls) = fixed(vec![amount(100, "usd", "a")]);
        let (b, b_calls) = fixed(vec![amount(900, "usd", "b")]);
        let policy = FirstMatch::new().with(none).with(a).with(b);
        assert_eq!(
            recompute(&policy, &priced_session(1_000, "usd")),
            [amount(100, "usd", "a")]
        );
        assert_eq!(none_calls.load(Ordering::SeqCst), 1);
        assert_eq!(a_calls.load(Ordering::SeqCst), 1);
        assert_eq!(b_calls.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn first_match_with_real_policies() {
        let policy = FirstMatch::new()
            .with(CartThreshold::new(50_000, 2_000).name("big"))
            .with(CartThreshold::guide());
        let names = |subtotal| {
            recompute(&policy, &priced_session(subtotal, "usd"))
                .into_iter()
                .map(|d| d.as_coupon_data().unwrap().name.clone().unwrap())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(60_000), ["big"]);
        assert_eq!(names(50_000), ["Customer Discount"]);
        assert!(names(5_000).is_empty());
    }

    #[test]
    fn first_match_empty_and_all_empty_give_nothing() {
        assert!(recompute(&FirstMatch::new(), &priced_session(1_000, "usd")).is_empty());
        let (none, _) = fixed(vec![]);
        assert!(recompute(&FirstMatch::new().with(none), &priced_session(1_000, "usd")).is_empty());
    }

    #[test]
    fn first_match_rejection_propagates_and_stops() {
        let (none, _) = fixed(vec![]);
        let (later, later_calls) = fixed(vec![amount(1, "usd", "x")]);
        let policy = FirstMatch::new().with(none).with(failing()).with(later);
        let err =
            block_on(policy.recompute(&request(), &priced_session(1_000, "usd"))).unwrap_err();
        assert_eq!(err.reason(), "boom");
        assert_eq!(later_calls.load(Ordering::SeqCst), 0);
        // A rejection after a match is never reached.
        let (a, _) = fixed(vec![amount(1, "usd", "x")]);
        let policy = FirstMatch::new().with(a).with(failing());
        assert_eq!(recompute(&policy, &priced_session(1_000, "usd")).len(), 1);
    }

    #[test]
    fn best_picks_the_largest_amount_on_this_subtotal() {
        let (small, _) = fixed(vec![amount(100, "usd", "small")]);
        let (pct, _) = fixed(vec![percent(10.0, "pct")]);
        let (big, _) = fixed(vec![amount(250, "usd", "big")]);
        let policy = BestForCustomer::new().with(small).with(pct).with(big);
        // 10% of 3000 = 300 beats 250.
        assert_eq!(
            recompute(&policy, &priced_session(3_000, "usd")),
            [percent(10.0, "pct")]
        );
        // 10% of 2000 = 200 loses to 250.
        assert_eq!(
            recompute(&policy, &priced_session(2_000, "usd")),
            [amount(250, "usd", "big")]
        );
        // On 150 the fixed amounts are capped: 100 vs 15 vs 150.
        assert_eq!(
            recompute(&policy, &priced_session(150, "usd")),
            [amount(250, "usd", "big")]
        );
    }

    #[test]
    fn best_ties_go_to_the_first() {
        let (a, _) = fixed(vec![amount(300, "usd", "a")]);
        let (b, _) = fixed(vec![percent(10.0, "b")]);
        let (c, _) = fixed(vec![amount(300, "usd", "c")]);
        let policy = BestForCustomer::new().with(a).with(b).with(c);
        assert_eq!(
            recompute(&policy, &priced_session(3_000, "usd")),
            [amount(300, "usd", "a")]
        );
        // Both capped at the subtotal: a tie, the first wins.
        let (a, _) = fixed(vec![amount(500, "usd", "a")]);
        let (b, _) = fixed(vec![amount(900, "usd", "b")]);
        let policy = BestForCustomer::new().with(a).with(b);
        assert_eq!(
            recompute(&policy, &priced_session(400, "usd")),
            [amount(500, "usd", "a")]
        );
    }

    #[test]
    fn best_percent_is_floored() {
        // 10% of 1009 = 100.9 → 100, so the fixed 100 (earlier) keeps the tie.
        let (a, _) = fixed(vec![amount(100, "usd", "a")]);
        let (b, _) = fixed(vec![percent(10.0, "b")]);
        let policy = BestForCustomer::new().with(a).with(b);
        assert_eq!(
            recompute(&policy, &priced_session(1_009, "usd")),
            [amount(100, "usd", "a")]
        );
        assert_eq!(
            recompute(&policy, &priced_session(1_010, "usd")),
            [percent(10.0, "b")]
        );
    }

    #[test]
    fn best_values_other_currencies_and_ids_as_nothing_but_above_no_discount() {
        let (eur, _) = fixed(vec![amount(5_000, "eur", "eur")]);
        let (usd, _) = fixed(vec![amount(1, "USD", "usd")]);
        let policy = BestForCustomer::new().with(eur).with(usd);
        assert_eq!(
            recompute(&policy, &priced_session(10_000, "usd")),
            [amount(1, "USD", "usd")]
        );

        let (none, _) = fixed(vec![]);
        let (by_id, _) = fixed(vec![Discount::Coupon("SUMMER".parse().unwrap())]);
        let policy = BestForCustomer::new().with(none).with(by_id);
        assert_eq!(
            recompute(&policy, &priced_session(10_000, "usd")),
            [Discount::Coupon("SUMMER".parse().unwrap())]
        );
        let (none, _) = fixed(vec![]);
        assert!(
            recompute(
                &BestForCustomer::new().with(none),
                &priced_session(1, "usd")
            )
            .is_empty()
        );
        assert!(recompute(&BestForCustomer::new(), &priced_session(1, "usd")).is_empty());
    }

    #[test]
    fn best_asks_everyone_and_propagates_rejections() {
        let (a, a_calls) = fixed(vec![amount(1, "usd", "a")]);
        let (b, b_calls) = fixed(vec![amount(2, "usd", "b")]);
        let policy = BestForCustomer::new().with(a).with(b);
        recompute(&policy, &priced_session(10, "usd"));
        assert_eq!(
            (
                a_calls.load(Ordering::SeqCst),
                b_calls.load(Ordering::SeqCst)
            ),
            (1, 1)
        );
        let (a, _) = fixed(vec![amount(1, "usd", "a")]);
        let policy = BestForCustomer::new().with(a).with(failing());
        assert!(block_on(policy.recompute(&request(), &priced_session(10, "usd"))).is_err());
    }

    #[test]
    fn best_handles_missing_and_huge_subtotals() {
        let (a, _) = fixed(vec![
            amount(i64::MAX, "usd", "a"),
            amount(i64::MAX, "usd", "a2"),
        ]);
        let (b, _) = fixed(vec![percent(100.0, "b")]);
        let policy = BestForCustomer::new().with(a).with(b);
        // Sums saturate and are capped at the subtotal: a tie, the first wins.
        assert_eq!(
            recompute(&policy, &priced_session(i64::MAX, "usd")).len(),
            2
        );
        // Without a subtotal everything is worth nothing: the first non-empty wins.
        let s = session(json!({"currency": "usd"}));
        assert_eq!(recompute(&policy, &s).len(), 2);
    }

    #[test]
    fn removal_short_circuits_both() {
        let (a, a_calls) = fixed(vec![amount(1, "usd", "a")]);
        let first = FirstMatch::new().with(a);
        assert!(
            block_on(first.recompute(&removal(), &priced_session(10, "usd")))
                .unwrap()
                .is_empty()
        );
        let (b, b_calls) = fixed(vec![amount(1, "usd", "b")]);
        let best = BestForCustomer::new().with(b);
        assert!(
            block_on(best.recompute(&removal(), &priced_session(10, "usd")))
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            a_calls.load(Ordering::SeqCst) + b_calls.load(Ordering::SeqCst),
            0
        );
    }

    #[test]
    fn validate_is_the_default_rule_and_expand_is_the_union() {
        let with_expand = |fields: &[&str]| {
            let (mut p, _) = fixed(vec![]);
            p.expand = fields.iter().map(|f| (*f).to_owned()).collect();
            p
        };
        let s = priced_session(10, "usd");
        let one = request().with_discounts([RequestedDiscount::Code("A".into())]);
        let two = request().with_discounts([
            RequestedDiscount::Code("A".into()),
            RequestedDiscount::Code("B".into()),
        ]);

        let first = FirstMatch::new()
            .with(with_expand(&["line_items", "customer"]))
            .with(with_expand(&["customer", "invoice"]));
        assert_eq!(first.expand(), ["line_items", "customer", "invoice"]);
        assert!(block_on(first.validate(&one, &s)).is_ok());
        assert!(block_on(first.validate(&two, &s)).is_err());

        let best = BestForCustomer::from(vec![
            Box::new(with_expand(&["a"])) as Box<dyn DiscountPolicy>,
            Box::new(with_expand(&["a", "b"])),
        ]);
        assert_eq!(best.expand(), ["a", "b"]);
        assert!(block_on(best.validate(&one, &s)).is_ok());
        assert!(block_on(best.validate(&two, &s)).is_err());
        assert_eq!(format!("{best:?}"), "BestForCustomer { policies: 2 }");
    }
}
