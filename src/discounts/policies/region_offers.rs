//! [`RegionOffers`]: a reward per country, from the shipping address the customer entered (or
//! else their billing address).

use std::collections::BTreeMap;

use async_trait::async_trait;

use super::reward::{Priced, Reward};
use crate::checkout::CheckoutSession;
use crate::discounts::{Discount, DiscountPolicy, DiscountRequest, Rejection};

/// A reward per country: the session's country is looked up and its [`Reward`] taken off the
/// subtotal as an amount-off coupon.
///
/// The country is the ISO 3166-1 alpha-2 code (`"DE"`, compared ignoring case) of
/// `collected_information.shipping_details.address`, or else of `customer_details.address`.
/// Both are what the customer entered on the checkout page, so the discount follows the
/// address: when the address changes, run the flow again. No address, or a country without an
/// offer, gives no discount.
///
/// ```
/// use stripe_checkout_client::checkout::CheckoutSession;
/// use stripe_checkout_client::discounts::{DiscountPolicy, DiscountRequest};
/// use stripe_checkout_client::discounts::policies::{RegionOffers, Reward};
/// use stripe_checkout_client::ids::CheckoutSessionId;
///
/// let policy = RegionOffers::new()
///     .offer("DE", Reward::PercentBps(1000))
///     .offer("at", Reward::AmountOff(500))
///     .name("Launch offer");
///
/// let request = DiscountRequest::new(CheckoutSessionId::new("cs_test_1")?);
/// let rt = tokio::runtime::Builder::new_current_thread().build()?;
/// let session: CheckoutSession = serde_json::from_value(serde_json::json!({
///     "id": "cs_test_1", "object": "checkout.session",
///     "currency": "eur", "amount_subtotal": 8_000,
///     "collected_information": {"shipping_details": {"name": "Ada", "address": {"country": "de"}}},
/// }))?;
/// let discounts = rt.block_on(policy.recompute(&request, &session))?;
/// assert_eq!(discounts[0].as_coupon_data().unwrap().amount_off, Some(800));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionOffers {
    /// Country code, uppercased → reward.
    offers: BTreeMap<String, Reward>,
    name: String,
}

impl Default for RegionOffers {
    fn default() -> Self {
        Self {
            offers: BTreeMap::new(),
            name: Self::DEFAULT_NAME.to_owned(),
        }
    }
}

impl RegionOffers {
    /// The name used unless [`name`](Self::name) sets another.
    pub const DEFAULT_NAME: &'static str = "Regional discount";

    /// No offers yet; add them with [`offer`](Self::offer).
    pub fn new() -> Self {
        Self::default()
    }

    /// Rewards sessions shipping to (or billed in) `country`, an ISO 3166-1 alpha-2 code in any
    /// case, replacing any earlier reward for it.
    pub fn offer(mut self, country: impl AsRef<str>, reward: Reward) -> Self {
        self.offers
            .insert(country.as_ref().trim().to_ascii_uppercase(), reward);
        self
    }

    /// Sets the name customers see on the discount (Stripe accepts at most 40 characters).
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// The reward for `country` (any case), if it has one.
    ///
    /// ```
    /// use stripe_checkout_client::discounts::policies::{RegionOffers, Reward};
    ///
    /// let offers = RegionOffers::new().offer("fr", Reward::AmountOff(300));
    /// assert_eq!(offers.reward_for("FR"), Some(Reward::AmountOff(300)));
    /// assert_eq!(offers.reward_for("BE"), None);
    /// ```
    pub fn reward_for(&self, country: &str) -> Option<Reward> {
        self.offers
            .get(&country.trim().to_ascii_uppercase())
            .copied()
    }

    /// The country the session's offer is chosen by: the shipping address's, or else the
    /// customer's address's; `None` when neither has one.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::CheckoutSession;
    /// use stripe_checkout_client::discounts::policies::RegionOffers;
    ///
    /// let session: CheckoutSession = serde_json::from_value(serde_json::json!({
    ///     "id": "cs_test_1", "object": "checkout.session",
    ///     "customer_details": {"address": {"country": "NL"}},
    /// }))?;
    /// assert_eq!(RegionOffers::country(&session), Some("NL"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn country(session: &CheckoutSession) -> Option<&str> {
        let shipping = session
            .collected_information
            .as_ref()
            .and_then(|c| c.shipping_details.as_ref())
            .and_then(|s| s.address.as_ref())
            .and_then(|a| a.country.as_deref());
        let billing = session
            .customer_details
            .as_ref()
            .and_then(|c| c.address.as_ref())
            .and_then(|a| a.country.as_deref());
        [shipping, billing]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|c| !c.is_empty())
    }
}

#[async_trait]
impl DiscountPolicy for RegionOffers {
    async fn recompute(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<Vec<Discount>, Rejection> {
        if request.is_removal() {
            return Ok(Vec::new());
        }
        let reward = Self::country(session).and_then(|c| self.reward_for(c));
        Ok(match (Priced::of(session), reward) {
            (Some(priced), Some(reward)) => priced.discount(reward, &self.name),
            _ => Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discounts::policies::test_support::{
        amount_off, block_on, priced_session, recompute, removal, session,
    };
    use serde_json::{Value, json};

    fn policy() -> RegionOffers {
        RegionOffers::new()
            .offer("de", Reward::PercentBps(1_000))
            .offer("JP", Reward::AmountOff(500))
    }

    fn with_addresses(
        shipping: Value,
        billing: Value,
        subtotal: i64,
        currency: &str,
    ) -> CheckoutSession {
        session(json!({
            "amount_subtotal": subtotal,
            "currency": currency,
            "collected_information": {"shipping_details": {"name": "Ada", "address": {"country": shipping}}},
            "customer_details": {"address": {"country": billing}},
        }))
    }

    fn off(
        shipping: Value,
        billing: Value,
        subtotal: i64,
        currency: &str,
    ) -> Option<(i64, String)> {
        amount_off(&recompute(
            &policy(),
            &with_addresses(shipping, billing, subtotal, currency),
        ))
        .map(|(amount, currency, name)| {
            assert_eq!(name, RegionOffers::DEFAULT_NAME);
            (amount, currency)
        })
    }

    #[test]
    fn shipping_country_wins_over_billing() {
        assert_eq!(
            off(json!("DE"), json!("JP"), 1_000, "eur"),
            Some((100, "eur".into()))
        );
        assert_eq!(
            off(json!("JP"), json!("DE"), 1_000, "jpy"),
            Some((500, "jpy".into()))
        );
        assert_eq!(off(json!("FR"), json!("DE"), 1_000, "eur"), None);
    }

    #[test]
    fn billing_country_is_the_fallback() {
        assert_eq!(
            off(Value::Null, json!("de"), 1_000, "eur"),
            Some((100, "eur".into()))
        );
        assert_eq!(
            off(json!(""), json!("DE"), 1_000, "eur"),
            Some((100, "eur".into()))
        );
        let s = session(json!({
            "amount_subtotal": 1_000, "currency": "eur",
            "customer_details": {"address": {"country": "De"}},
        }));
        assert_eq!(amount_off(&recompute(&policy(), &s)).unwrap().0, 100);
    }

    #[test]
    fn country_is_case_insensitive() {
        for code in ["de", "DE", "dE", " De "] {
            assert_eq!(
                off(json!(code), Value::Null, 1_000, "eur"),
                Some((100, "eur".into())),
                "{code}"
            );
        }
    }

    #[test]
    fn unknown_or_missing_country_gives_nothing() {
        assert_eq!(off(json!("US"), Value::Null, 1_000, "usd"), None);
        assert_eq!(off(Value::Null, Value::Null, 1_000, "usd"), None);
        assert!(recompute(&policy(), &priced_session(1_000, "usd")).is_empty());
        assert_eq!(RegionOffers::country(&priced_session(1_000, "usd")), None);
    }

    #[test]
    fn arithmetic_edges() {
        assert_eq!(off(json!("DE"), Value::Null, 9, "eur"), None); // 0.9 → 0
        assert_eq!(
            off(json!("DE"), Value::Null, 10, "eur"),
            Some((1, "eur".into()))
        );
        assert_eq!(off(json!("DE"), Value::Null, 0, "eur"), None);
        assert_eq!(
            off(json!("DE"), Value::Null, i64::MAX, "eur"),
            Some((i64::MAX / 10, "eur".into()))
        );
        assert_eq!(
            off(json!("JP"), Value::Null, 501, "jpy"),
            Some((500, "jpy".into()))
        );
        assert_eq!(
            off(json!("JP"), Value::Null, 499, "jpy"),
            Some((499, "jpy".into()))
        );
    }

    #[test]
    fn no_currency_and_removal_give_nothing() {
        let s = session(json!({
            "amount_subtotal": 1_000,
            "customer_details": {"address": {"country": "DE"}},
        }));
        assert!(recompute(&policy(), &s).is_empty());
        let s = with_addresses(json!("DE"), Value::Null, 1_000, "eur");
        assert!(
            block_on(policy().recompute(&removal(), &s))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn name_is_configurable() {
        let s = with_addresses(json!("DE"), Value::Null, 1_000, "eur");
        let named = policy().name("Willkommen");
        assert_eq!(amount_off(&recompute(&named, &s)).unwrap().2, "Willkommen");
    }
}
