//! [`CartThreshold`]: a percentage off carts above a minimum subtotal, optionally capped —
//! the rule in Stripe's guide.

use async_trait::async_trait;

use super::reward::{Priced, Reward};
use crate::checkout::CheckoutSession;
use crate::discounts::{Discount, DiscountPolicy, DiscountRequest, Rejection};

/// A percentage off carts whose subtotal is strictly above `min_subtotal`, rounded down and
/// capped at `cap` — the guide's "10% off carts over 100 USD, at most 20 USD".
///
/// The discount is `floor(amount_subtotal × percent_bps / 10000)`, then at most `cap`, then
/// at most the subtotal, sent as an amount-off coupon in the session's currency; a zero
/// discount is no discount. See the [module docs](super) for why the subtotal and integers.
///
/// ```
/// use stripe_checkout_client::checkout::CheckoutSession;
/// use stripe_checkout_client::discounts::{DiscountPolicy, DiscountRequest};
/// use stripe_checkout_client::discounts::policies::CartThreshold;
/// use stripe_checkout_client::ids::CheckoutSessionId;
///
/// let policy = CartThreshold::guide();
/// let request = DiscountRequest::new(CheckoutSessionId::new("cs_test_1")?);
/// let rt = tokio::runtime::Builder::new_current_thread().build()?;
///
/// for (subtotal, expected) in [(12_000, Some(1_200)), (30_000, Some(2_000)), (10_000, None)] {
///     let session: CheckoutSession = serde_json::from_value(serde_json::json!({
///         "id": "cs_test_1", "object": "checkout.session",
///         "currency": "usd", "amount_subtotal": subtotal,
///     }))?;
///     let discounts = rt.block_on(policy.recompute(&request, &session))?;
///     let off = discounts.first().and_then(|d| d.as_coupon_data()?.amount_off);
///     assert_eq!(off, expected, "subtotal {subtotal}");
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CartThreshold {
    /// Carts qualify when `amount_subtotal` is strictly greater than this, in the currency's
    /// smallest unit (`10000` is 100.00 USD, or 10,000 JPY).
    pub min_subtotal: i64,
    /// The percentage off, in basis points (`1000` is 10%).
    pub percent_bps: u32,
    /// The most the discount may be, in the currency's smallest unit; `None` for no cap.
    pub cap: Option<i64>,
    /// The name customers see on the discount (Stripe accepts at most 40 characters).
    pub name: String,
    /// Only sessions in this currency qualify (compared ignoring case); `None` for any
    /// currency, with `min_subtotal` and `cap` read in the session's currency.
    pub currency: Option<String>,
}

impl CartThreshold {
    /// The name used unless [`name`](Self::name) sets another.
    pub const DEFAULT_NAME: &'static str = "Cart discount";

    /// `percent_bps` off carts over `min_subtotal`, uncapped, in any currency, named
    /// [`DEFAULT_NAME`](Self::DEFAULT_NAME).
    ///
    /// ```
    /// use stripe_checkout_client::discounts::policies::CartThreshold;
    ///
    /// // 5% off orders over 50.00, at most 15.00, in euros only.
    /// let policy = CartThreshold::new(5_000, 500).cap(1_500).currency("eur").name("Big basket");
    /// assert_eq!(policy.cap, Some(1_500));
    /// ```
    pub fn new(min_subtotal: i64, percent_bps: u32) -> Self {
        Self {
            min_subtotal,
            percent_bps,
            cap: None,
            name: Self::DEFAULT_NAME.to_owned(),
            currency: None,
        }
    }

    /// The guide's rule: 10% off carts over 100.00 (subtotal `> 10000`), at most 20.00
    /// (`2000`), named "Customer Discount". Like the guide's code, it reads the amounts in the
    /// session's currency, whichever it is; add [`currency("usd")`](Self::currency) to apply it
    /// to dollar carts only.
    ///
    /// ```
    /// use stripe_checkout_client::discounts::policies::CartThreshold;
    ///
    /// let guide = CartThreshold::guide();
    /// assert_eq!((guide.min_subtotal, guide.percent_bps, guide.cap), (10_000, 1_000, Some(2_000)));
    /// assert_eq!(guide.name, "Customer Discount");
    /// assert_eq!(guide.amount_off(12_000), 1_200);
    /// ```
    pub fn guide() -> Self {
        Self::new(10_000, 1_000)
            .cap(2_000)
            .name("Customer Discount")
    }

    /// Caps the discount at `cap`, in the currency's smallest unit.
    pub fn cap(mut self, cap: i64) -> Self {
        self.cap = Some(cap);
        self
    }

    /// Sets the name customers see on the discount.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// Restricts the rule to sessions in `currency` (`"usd"`, any case).
    pub fn currency(mut self, currency: impl Into<String>) -> Self {
        self.currency = Some(currency.into());
        self
    }

    /// The discount for `subtotal`, in the same unit: zero at or below the threshold, else the
    /// percentage rounded down, at most the cap and the subtotal, never negative. Ignores the
    /// currency restriction.
    ///
    /// ```
    /// use stripe_checkout_client::discounts::policies::CartThreshold;
    ///
    /// let guide = CartThreshold::guide();
    /// assert_eq!(guide.amount_off(10_000), 0);      // not over 100.00
    /// assert_eq!(guide.amount_off(10_001), 1_000);  // 1000.1 rounded down
    /// assert_eq!(guide.amount_off(20_009), 2_000);  // capped
    /// ```
    pub fn amount_off(&self, subtotal: i64) -> i64 {
        if subtotal <= self.min_subtotal {
            return 0;
        }
        let amount = Reward::PercentBps(self.percent_bps).amount_off(subtotal);
        match self.cap {
            Some(cap) => amount.min(cap).max(0),
            None => amount,
        }
    }

    fn applies_to(&self, priced: &Priced) -> bool {
        self.currency
            .as_deref()
            .is_none_or(|c| c.eq_ignore_ascii_case(&priced.currency))
    }
}

#[async_trait]
impl DiscountPolicy for CartThreshold {
    async fn recompute(
        &self,
        request: &DiscountRequest,
        session: &CheckoutSession,
    ) -> Result<Vec<Discount>, Rejection> {
        if request.is_removal() {
            return Ok(Vec::new());
        }
        Ok(match Priced::of(session) {
            Some(priced) if self.applies_to(&priced) => {
                priced.amount_off_discount(self.amount_off(priced.subtotal), &self.name)
            }
            _ => Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discounts::policies::test_support::{
        amount_off, priced_session, recompute, removal, session,
    };
    use serde_json::json;

    fn off(policy: &CartThreshold, subtotal: i64, currency: &str) -> Option<(i64, String)> {
        let discounts = recompute(policy, &priced_session(subtotal, currency));
        amount_off(&discounts).map(|(amount, currency, name)| {
            assert_eq!(name, policy.name);
            (amount, currency)
        })
    }

    fn usd(policy: &CartThreshold, subtotal: i64) -> Option<i64> {
        off(policy, subtotal, "usd").map(|(amount, currency)| {
            assert_eq!(currency, "usd");
            amount
        })
    }

    #[test]
    fn the_guides_scenario() {
        let guide = CartThreshold::guide();
        assert_eq!(usd(&guide, 12_000), Some(1_200));
        assert_eq!(usd(&guide, 30_000), Some(2_000));
        assert_eq!(usd(&guide, 9_000), None);
        assert_eq!(usd(&guide, 10_000), None);
        let discounts = recompute(&guide, &priced_session(12_000, "usd"));
        assert_eq!(
            discounts,
            [Discount::CouponData(
                crate::discounts::CouponData::amount_off(1_200, "usd").name("Customer Discount")
            )]
        );
    }

    #[test]
    fn threshold_is_strict() {
        let guide = CartThreshold::guide();
        assert_eq!(usd(&guide, 9_999), None);
        assert_eq!(usd(&guide, 10_000), None);
        assert_eq!(usd(&guide, 10_001), Some(1_000)); // 1000.1 rounds down
    }

    #[test]
    fn cap_and_around_it() {
        let guide = CartThreshold::guide();
        assert_eq!(usd(&guide, 19_990), Some(1_999));
        assert_eq!(usd(&guide, 19_999), Some(1_999));
        assert_eq!(usd(&guide, 20_000), Some(2_000));
        assert_eq!(usd(&guide, 20_010), Some(2_000));
        assert_eq!(usd(&guide, 1_000_000), Some(2_000));
        let uncapped = CartThreshold::new(10_000, 1_000);
        assert_eq!(usd(&uncapped, 1_000_000), Some(100_000));
    }

    #[test]
    fn rounds_down() {
        let p = CartThreshold::new(0, 1_000);
        assert_eq!(usd(&p, 9), None); // 0.9 → 0 → no discount
        assert_eq!(usd(&p, 10), Some(1));
        assert_eq!(usd(&p, 19), Some(1));
        assert_eq!(usd(&CartThreshold::new(0, 2_900), 100), Some(29)); // a float gives 28
        assert_eq!(usd(&CartThreshold::new(0, 333), 10_000), Some(333));
        assert_eq!(usd(&CartThreshold::new(0, 1), 9_999), None);
    }

    #[test]
    fn zero_decimal_currency_uses_the_same_minor_unit_numbers() {
        let guide = CartThreshold::guide();
        assert_eq!(off(&guide, 12_000, "jpy"), Some((1_200, "jpy".into())));
        assert_eq!(off(&guide, 10_000, "jpy"), None);
        assert_eq!(off(&guide, 12_000, "JPY"), Some((1_200, "jpy".into())));
    }

    #[test]
    fn currency_restriction() {
        let usd_only = CartThreshold::guide().currency("USD");
        assert_eq!(usd(&usd_only, 12_000), Some(1_200));
        assert_eq!(off(&usd_only, 12_000, "eur"), None);
    }

    #[test]
    fn no_currency_or_subtotal_gives_no_discount() {
        let guide = CartThreshold::guide();
        assert!(recompute(&guide, &session(json!({"amount_subtotal": 12_000}))).is_empty());
        assert!(recompute(&guide, &session(json!({"currency": "usd"}))).is_empty());
    }

    #[test]
    fn zero_and_negative_subtotals_and_thresholds() {
        assert_eq!(usd(&CartThreshold::guide(), 0), None);
        let anything = CartThreshold::new(-1, 5_000);
        assert_eq!(usd(&anything, 0), None);
        assert_eq!(usd(&anything, -50), None);
        assert_eq!(usd(&anything, 3), Some(1));
        assert_eq!(usd(&CartThreshold::new(0, 1_000).cap(0), 50_000), None);
        assert_eq!(usd(&CartThreshold::new(0, 1_000).cap(-10), 50_000), None);
    }

    #[test]
    fn more_than_full_percent_is_capped_at_the_subtotal() {
        assert_eq!(usd(&CartThreshold::new(0, 10_000), 4_321), Some(4_321));
        assert_eq!(usd(&CartThreshold::new(0, u32::MAX), 4_321), Some(4_321));
    }

    #[test]
    fn huge_subtotals_do_not_overflow() {
        assert_eq!(
            usd(&CartThreshold::new(0, 1_000), i64::MAX),
            Some(i64::MAX / 10)
        );
        assert_eq!(
            usd(&CartThreshold::new(0, u32::MAX), i64::MAX),
            Some(i64::MAX)
        );
        assert_eq!(usd(&CartThreshold::guide(), i64::MAX), Some(2_000));
        assert_eq!(usd(&CartThreshold::new(i64::MAX, 1_000), i64::MAX), None);
    }

    #[test]
    fn removal_gives_nothing() {
        assert!(
            crate::discounts::policies::test_support::block_on(
                CartThreshold::guide().recompute(&removal(), &priced_session(50_000, "usd"))
            )
            .unwrap()
            .is_empty()
        );
    }

    #[test]
    fn validation_is_the_default_rule() {
        use crate::discounts::RequestedDiscount;
        use crate::discounts::policies::test_support::{block_on, request};
        let s = priced_session(12_000, "usd");
        let guide = CartThreshold::guide();
        let one = request().with_discounts([RequestedDiscount::Code("A".into())]);
        let two = request().with_discounts([
            RequestedDiscount::Code("A".into()),
            RequestedDiscount::Code("B".into()),
        ]);
        assert!(block_on(guide.validate(&one, &s)).is_ok());
        assert!(block_on(guide.validate(&two, &s)).is_err());
        assert!(guide.expand().is_empty());
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use crate::discounts::policies::test_support::{amount_off, block_on, request, session};
    use proptest::prelude::*;
    use serde_json::json;

    proptest! {
        #[test]
        fn never_exceeds_cap_or_subtotal_never_negative_and_idempotent(
            subtotal in prop_oneof![0i64..100_000_000, any::<i64>()],
            min_subtotal in prop_oneof![0i64..1_000_000, any::<i64>()],
            percent_bps in prop_oneof![0u32..=10_000, any::<u32>()],
            cap in proptest::option::of(prop_oneof![0i64..1_000_000, any::<i64>()]),
            currency in prop_oneof![Just("usd"), Just("jpy"), Just("EUR")],
        ) {
            let mut policy = CartThreshold::new(min_subtotal, percent_bps);
            policy.cap = cap;
            let fresh = session(json!({"amount_subtotal": subtotal, "currency": currency}));
            let first = block_on(policy.recompute(&request(), &fresh)).unwrap();
            prop_assert!(first.len() <= 1);

            if let Some((amount, cur, name)) = amount_off(&first) {
                prop_assert!(amount > 0);
                prop_assert!(amount <= subtotal);
                if let Some(cap) = cap {
                    prop_assert!(amount <= cap);
                }
                prop_assert!(subtotal > min_subtotal);
                prop_assert_eq!(cur, currency.to_ascii_lowercase());
                prop_assert_eq!(name, policy.name.clone());
            }
            prop_assert_eq!(
                policy.amount_off(subtotal),
                amount_off(&first).map_or(0, |(amount, _, _)| amount)
            );

            // The same session after the update: it carries the discount and its total
            // dropped, but its subtotal did not, so the answer is the same.
            let off = amount_off(&first).map_or(0, |(amount, _, _)| amount);
            let discounts = match amount_off(&first) {
                Some((amount, cur, name)) => json!([{"coupon": {
                    "id": "Xy12inline", "object": "coupon", "amount_off": amount,
                    "currency": cur, "duration": "once", "name": name, "valid": true,
                }}]),
                None => json!([]),
            };
            let updated = session(json!({
                "amount_subtotal": subtotal,
                "amount_total": subtotal.saturating_sub(off),
                "currency": currency,
                "discounts": discounts,
            }));
            let again = block_on(policy.recompute(&request(), &updated)).unwrap();
            prop_assert_eq!(again, first);
        }
    }
}
