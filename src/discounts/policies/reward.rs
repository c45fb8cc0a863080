//! [`Reward`] — a percentage or a fixed amount — and the integer arithmetic that turns it into
//! an amount off a subtotal, shared by every policy in this module.

use serde::{Deserialize, Serialize};

use crate::checkout::CheckoutSession;
use crate::discounts::{CouponData, Discount};

/// Basis points in 100%.
const FULL_BPS: i128 = 10_000;

/// What a tier, region or customer offer is worth: a percentage of the subtotal or a fixed
/// amount, in the session's currency.
///
/// [`amount_off`](Self::amount_off) turns it into an amount for a given subtotal; policies send
/// that amount as an amount-off coupon, so percentages are never sent as floats.
///
/// Serialized as `{"percent_bps": 1500}` or `{"amount_off": 500}`, so tier and region tables
/// can be loaded from configuration.
///
/// ```
/// use stripe_checkout_client::discounts::policies::Reward;
///
/// assert_eq!(Reward::PercentBps(1500).amount_off(12_345), 1851); // 15%, rounded down
/// assert_eq!(Reward::AmountOff(500).amount_off(12_345), 500);
/// assert_eq!(Reward::AmountOff(500).amount_off(300), 300);       // never more than the cart
///
/// let r: Reward = serde_json::from_str(r#"{"percent_bps": 1000}"#)?;
/// assert_eq!(r, Reward::PercentBps(1000));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reward {
    /// A percentage in basis points: `1000` is 10%, `1` is 0.01%. Above `10000` the discount
    /// is still capped at the subtotal.
    PercentBps(u32),
    /// A fixed amount in the currency's smallest unit (cents for `usd`, yen for `jpy`),
    /// capped at the subtotal. Zero or negative gives no discount.
    AmountOff(i64),
}

impl Reward {
    /// The amount this reward takes off `subtotal`, in the same unit: a percentage rounded
    /// down, a fixed amount as is, and either way between `0` and `subtotal` (`0` when the
    /// subtotal is zero or negative). Computed in `i128`, so it never overflows.
    ///
    /// ```
    /// use stripe_checkout_client::discounts::policies::Reward;
    ///
    /// assert_eq!(Reward::PercentBps(1000).amount_off(12_000), 1_200);
    /// assert_eq!(Reward::PercentBps(1000).amount_off(9), 0);         // 0.9 rounds down
    /// assert_eq!(Reward::PercentBps(1000).amount_off(i64::MAX), i64::MAX / 10);
    /// assert_eq!(Reward::PercentBps(25_000).amount_off(800), 800);   // 250% is the whole cart
    /// assert_eq!(Reward::AmountOff(-5).amount_off(800), 0);
    /// ```
    pub fn amount_off(self, subtotal: i64) -> i64 {
        if subtotal <= 0 {
            return 0;
        }
        match self {
            Reward::PercentBps(bps) => percent_of(subtotal, bps),
            Reward::AmountOff(amount) => amount.clamp(0, subtotal),
        }
    }

    /// The reward an inline coupon stands for on a session in `currency`: `percent_off` to
    /// the nearest basis point, `amount_off` only when its currency is `currency` (ignoring
    /// case; a coupon in another currency is worth nothing here). `None` for anything else.
    pub(super) fn of_coupon_data(data: &CouponData, currency: Option<&str>) -> Option<Reward> {
        if let Some(amount) = data.amount_off {
            let same_currency = matches!(
                (data.currency.as_deref(), currency),
                (Some(a), Some(b)) if a.eq_ignore_ascii_case(b)
            );
            return same_currency.then_some(Reward::AmountOff(amount));
        }
        let percent = data.percent_off?;
        if !percent.is_finite() || percent <= 0.0 {
            return None;
        }
        // At most 100% is meaningful; the clamp also keeps the cast in range.
        let bps = (percent * 100.0).round().min(FULL_BPS as f64);
        // `bps` is an integer in (0, 10000] here, so the cast is exact.
        Some(Reward::PercentBps(bps as u32))
    }
}

/// `floor(subtotal × bps / 10000)`, at most `subtotal`, for a positive `subtotal`.
fn percent_of(subtotal: i64, bps: u32) -> i64 {
    let amount = i128::from(subtotal) * i128::from(bps) / FULL_BPS;
    // At most `subtotal`, so it fits in an i64.
    i64::try_from(amount.min(i128::from(subtotal))).unwrap_or(subtotal)
}

/// A session's pre-discount amount and currency: what every policy's arithmetic needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Priced {
    /// `amount_subtotal`: the amount before discounts, in the currency's smallest unit.
    pub(super) subtotal: i64,
    /// `currency`, lowercased.
    pub(super) currency: String,
}

impl Priced {
    /// The session's subtotal and currency, or `None` when either is missing (or the currency
    /// is empty): no amount-off discount can be priced then.
    pub(super) fn of(session: &CheckoutSession) -> Option<Priced> {
        let subtotal = session.amount_subtotal?;
        let currency = session.currency.as_deref().filter(|c| !c.is_empty())?;
        Some(Priced {
            subtotal,
            currency: currency.to_ascii_lowercase(),
        })
    }

    /// `reward` on this subtotal as a discount list: one amount-off coupon named `name`, or
    /// nothing when the amount is zero.
    pub(super) fn discount(&self, reward: Reward, name: &str) -> Vec<Discount> {
        self.amount_off_discount(reward.amount_off(self.subtotal), name)
    }

    /// `amount` (already computed for this subtotal) as a discount list: one amount-off coupon
    /// named `name`, or nothing when `amount` is zero or negative.
    pub(super) fn amount_off_discount(&self, amount: i64, name: &str) -> Vec<Discount> {
        if amount <= 0 {
            return Vec::new();
        }
        vec![Discount::CouponData(
            CouponData::amount_off(amount, self.currency.clone()).name(name),
        )]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discounts::policies::test_support::session;
    use serde_json::json;

    #[test]
    fn percent_rounds_down_and_stays_within_the_subtotal() {
        let ten = Reward::PercentBps(1000);
        assert_eq!(ten.amount_off(12_000), 1_200);
        assert_eq!(ten.amount_off(12_009), 1_200);
        assert_eq!(ten.amount_off(12_010), 1_201);
        assert_eq!(ten.amount_off(9), 0);
        assert_eq!(ten.amount_off(10), 1);
        assert_eq!(Reward::PercentBps(2900).amount_off(100), 29); // 0.29 as a float gives 28
        assert_eq!(Reward::PercentBps(1).amount_off(10_000), 1);
        assert_eq!(Reward::PercentBps(0).amount_off(10_000), 0);
        assert_eq!(Reward::PercentBps(10_000).amount_off(777), 777);
        assert_eq!(Reward::PercentBps(10_001).amount_off(777), 777);
        assert_eq!(Reward::PercentBps(u32::MAX).amount_off(i64::MAX), i64::MAX);
        assert_eq!(ten.amount_off(i64::MAX), i64::MAX / 10);
    }

    #[test]
    fn amount_is_capped_at_the_subtotal_and_never_negative() {
        assert_eq!(Reward::AmountOff(500).amount_off(501), 500);
        assert_eq!(Reward::AmountOff(500).amount_off(500), 500);
        assert_eq!(Reward::AmountOff(500).amount_off(499), 499);
        assert_eq!(Reward::AmountOff(0).amount_off(499), 0);
        assert_eq!(Reward::AmountOff(i64::MIN).amount_off(499), 0);
        assert_eq!(Reward::AmountOff(i64::MAX).amount_off(i64::MAX), i64::MAX);
    }

    #[test]
    fn zero_or_negative_subtotal_gives_nothing() {
        for reward in [Reward::PercentBps(5000), Reward::AmountOff(100)] {
            assert_eq!(reward.amount_off(0), 0);
            assert_eq!(reward.amount_off(-100), 0);
            assert_eq!(reward.amount_off(i64::MIN), 0);
        }
    }

    #[test]
    fn coupon_data_maps_to_a_reward_in_the_sessions_currency_only() {
        let usd = Some("usd");
        assert_eq!(
            Reward::of_coupon_data(&CouponData::amount_off(700, "USD"), usd),
            Some(Reward::AmountOff(700))
        );
        assert_eq!(
            Reward::of_coupon_data(&CouponData::amount_off(700, "eur"), usd),
            None
        );
        assert_eq!(
            Reward::of_coupon_data(&CouponData::amount_off(700, "usd"), None),
            None
        );
        assert_eq!(
            Reward::of_coupon_data(&CouponData::percent_off(12.5), usd),
            Some(Reward::PercentBps(1250))
        );
        assert_eq!(
            Reward::of_coupon_data(&CouponData::percent_off(0.29), None),
            Some(Reward::PercentBps(29))
        );
        assert_eq!(
            Reward::of_coupon_data(&CouponData::percent_off(250.0), usd),
            Some(Reward::PercentBps(10_000))
        );
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(
                Reward::of_coupon_data(&CouponData::percent_off(bad), usd),
                None
            );
        }
    }

    #[test]
    fn priced_needs_subtotal_and_currency_and_lowercases() {
        let p = Priced::of(&session(json!({"amount_subtotal": 5, "currency": "JPY"}))).unwrap();
        assert_eq!(
            p,
            Priced {
                subtotal: 5,
                currency: "jpy".into()
            }
        );
        assert_eq!(Priced::of(&session(json!({"amount_subtotal": 5}))), None);
        assert_eq!(Priced::of(&session(json!({"currency": "usd"}))), None);
        assert_eq!(
            Priced::of(&session(json!({"amount_subtotal": 5, "currency": ""}))),
            None
        );
    }

    #[test]
    fn discounts_are_named_amount_off_coupons_or_nothing() {
        let p = Priced {
            subtotal: 1000,
            currency: "usd".into(),
        };
        assert_eq!(
            p.discount(Reward::PercentBps(1000), "Ten"),
            [Discount::CouponData(
                CouponData::amount_off(100, "usd").name("Ten")
            )]
        );
        assert!(p.discount(Reward::PercentBps(9), "Ten").is_empty()); // 0.9 → 0
        assert!(p.amount_off_discount(0, "x").is_empty());
        assert!(p.amount_off_discount(-1, "x").is_empty());
    }
}
