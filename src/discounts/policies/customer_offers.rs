//! [`CustomerOffers`]: a personal reward per customer (a segment, a win-back offer, a
//! goodwill credit), looked up in your systems through [`OfferLookup`].

use std::collections::HashMap;
use std::fmt;

use async_trait::async_trait;

use super::customer::CustomerRef;
use super::reward::{Priced, Reward};
use crate::checkout::CheckoutSession;
use crate::discounts::{Discount, DiscountPolicy, DiscountRequest, Rejection};

/// Finds the offer a customer has right now in your systems.
///
/// Implemented for `HashMap<String, Reward>` (customer id → reward, keyed by
/// [`CustomerRef::as_str`]) and for closures `Fn(&CustomerRef) -> Result<Option<Reward>,
/// Rejection>`; implement it yourself for lookups that `.await`.
///
/// ```
/// use stripe_checkout_client::discounts::async_trait;
/// use stripe_checkout_client::discounts::Rejection;
/// use stripe_checkout_client::discounts::policies::{CustomerRef, OfferLookup, Reward};
///
/// /// Offers from your segmentation service.
/// struct Segments;
///
/// #[async_trait]
/// impl OfferLookup for Segments {
///     async fn offer(&self, customer: &CustomerRef) -> Result<Option<Reward>, Rejection> {
///         // e.g. `let segment = self.client.segment(customer.as_str()).await?;`
///         Ok(matches!(customer, CustomerRef::Customer(_)).then_some(Reward::PercentBps(500)))
///     }
/// }
/// # fn assert_lookup(_: &impl OfferLookup) {}
/// # assert_lookup(&Segments);
/// ```
#[async_trait]
pub trait OfferLookup: Send + Sync {
    /// The customer's current offer, or `None` when they have none.
    ///
    /// # Errors
    /// A [`Rejection`] when the offer cannot be found out: the request fails and the session
    /// is left as it is.
    async fn offer(&self, customer: &CustomerRef) -> Result<Option<Reward>, Rejection>;
}

#[async_trait]
impl OfferLookup for HashMap<String, Reward> {
    async fn offer(&self, customer: &CustomerRef) -> Result<Option<Reward>, Rejection> {
        Ok(self.get(customer.as_str()).copied())
    }
}

#[async_trait]
impl<F> OfferLookup for F
where
    F: Fn(&CustomerRef) -> Result<Option<Reward>, Rejection> + Send + Sync,
{
    async fn offer(&self, customer: &CustomerRef) -> Result<Option<Reward>, Rejection> {
        self(customer)
    }
}

/// A personal reward per customer: the session's customer ([`CustomerRef`]) is looked up with
/// `L`, and their [`Reward`] is taken off the subtotal as an amount-off coupon.
///
/// No customer on the session, or no offer for them, gives no discount. A percentage is
/// rounded down; a fixed amount is capped at the subtotal.
///
/// ```
/// use stripe_checkout_client::checkout::CheckoutSession;
/// use stripe_checkout_client::discounts::{DiscountPolicy, DiscountRequest};
/// use stripe_checkout_client::discounts::policies::{CustomerOffers, CustomerRef, Reward};
/// use stripe_checkout_client::ids::CheckoutSessionId;
///
/// // Win back customers who have not ordered for a while (here: a fixed list).
/// let lapsed = ["cus_lapsed"];
/// let policy = CustomerOffers::new(move |c: &CustomerRef| {
///     Ok(lapsed.contains(&c.as_str()).then_some(Reward::AmountOff(1_000)))
/// })
/// .name("Welcome back");
///
/// let request = DiscountRequest::new(CheckoutSessionId::new("cs_test_1")?);
/// let rt = tokio::runtime::Builder::new_current_thread().build()?;
/// let session: CheckoutSession = serde_json::from_value(serde_json::json!({
///     "id": "cs_test_1", "object": "checkout.session",
///     "currency": "usd", "amount_subtotal": 4_500, "customer": "cus_lapsed",
/// }))?;
/// let discounts = rt.block_on(policy.recompute(&request, &session))?;
/// assert_eq!(discounts[0].as_coupon_data().unwrap().amount_off, Some(1_000));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct CustomerOffers<L> {
    lookup: L,
    name: String,
}

impl<L: OfferLookup> CustomerOffers<L> {
    /// The name used unless [`name`](Self::name) sets another.
    pub const DEFAULT_NAME: &'static str = "Your discount";

    /// A policy that finds each customer's offer with `lookup`.
    pub fn new(lookup: L) -> Self {
        Self {
            lookup,
            name: Self::DEFAULT_NAME.to_owned(),
        }
    }

    /// Sets the name customers see on the discount (Stripe accepts at most 40 characters).
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// The lookup the policy uses.
    pub fn lookup(&self) -> &L {
        &self.lookup
    }
}

impl<L> fmt::Debug for CustomerOffers<L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CustomerOffers")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

#[async_trait]
impl<L: OfferLookup> DiscountPolicy for CustomerOffers<L> {
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
        let offer = self.lookup.offer(&customer).await?;
        Ok(offer.map_or_else(Vec::new, |reward| priced.discount(reward, &self.name)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discounts::policies::test_support::{
        amount_off, block_on, priced_session, recompute, removal, request, session,
    };
    use serde_json::json;

    fn policy() -> CustomerOffers<HashMap<String, Reward>> {
        CustomerOffers::new(HashMap::from([
            ("cus_pct".to_owned(), Reward::PercentBps(2_500)),
            ("cus_fixed".to_owned(), Reward::AmountOff(1_000)),
            ("cus_zero".to_owned(), Reward::AmountOff(0)),
            ("ref-9".to_owned(), Reward::AmountOff(50)),
        ]))
    }

    #[test]
    fn the_policy_shows_its_discount_name_and_not_its_offers() {
        let shown = format!("{:?}", policy().name("Loyal"));
        assert_eq!(shown, r#"CustomerOffers { name: "Loyal", .. }"#);
    }

    fn off(customer: &str, subtotal: i64, currency: &str) -> Option<(i64, String)> {
        let s = session(json!({
            "customer": customer, "amount_subtotal": subtotal, "currency": currency,
        }));
        amount_off(&recompute(&policy(), &s)).map(|(amount, currency, name)| {
            assert_eq!(name, "Your discount");
            (amount, currency)
        })
    }

    #[test]
    fn percent_offer_rounds_down() {
        assert_eq!(off("cus_pct", 1_000, "usd"), Some((250, "usd".into())));
        assert_eq!(off("cus_pct", 1_003, "usd"), Some((250, "usd".into())));
        assert_eq!(off("cus_pct", 1_004, "usd"), Some((251, "usd".into())));
        assert_eq!(off("cus_pct", 3, "usd"), None);
        assert_eq!(off("cus_pct", 4, "usd"), Some((1, "usd".into())));
        assert_eq!(
            off("cus_pct", i64::MAX, "usd"),
            Some((i64::MAX / 4, "usd".into()))
        );
    }

    #[test]
    fn fixed_offer_is_capped_at_the_subtotal() {
        assert_eq!(off("cus_fixed", 1_001, "jpy"), Some((1_000, "jpy".into())));
        assert_eq!(off("cus_fixed", 1_000, "jpy"), Some((1_000, "jpy".into())));
        assert_eq!(off("cus_fixed", 999, "jpy"), Some((999, "jpy".into())));
        assert_eq!(off("cus_fixed", 0, "jpy"), None);
        assert_eq!(off("cus_zero", 1_000, "jpy"), None);
    }

    #[test]
    fn no_offer_no_customer_no_currency_give_nothing() {
        assert_eq!(off("cus_other", 1_000, "usd"), None);
        assert!(recompute(&policy(), &priced_session(1_000, "usd")).is_empty());
        let s = session(json!({"customer": "cus_fixed", "amount_subtotal": 1_000}));
        assert!(recompute(&policy(), &s).is_empty());
        let s = session(
            json!({"client_reference_id": "ref-9", "amount_subtotal": 1_000, "currency": "usd"}),
        );
        assert_eq!(amount_off(&recompute(&policy(), &s)).unwrap().0, 50);
    }

    #[test]
    fn removal_and_lookup_errors() {
        let s =
            session(json!({"customer": "cus_fixed", "amount_subtotal": 1_000, "currency": "usd"}));
        assert!(
            block_on(policy().recompute(&removal(), &s))
                .unwrap()
                .is_empty()
        );
        let failing = CustomerOffers::new(|_: &CustomerRef| Err(Rejection::new("segments down")));
        let err = block_on(failing.recompute(&request(), &s)).unwrap_err();
        assert_eq!(err.reason(), "segments down");
    }
}
