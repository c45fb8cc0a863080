//! Stripe's rules for redeeming a coupon or a promotion code on a Checkout Session, as the
//! emulator applies them when a session is created or updated with a discount, and the count
//! it keeps when a session completes.
//!
//! The rules come from Stripe's documentation of the two objects — a coupon's `redeem_by`,
//! `max_redemptions`, `currency_options` and `applies_to`; a promotion code's `active`,
//! `expires_at`, `max_redemptions`, `customer` and `restrictions` (`first_time_transaction`,
//! `minimum_amount` with its `currency_options`) — not from the client's `TypedCodes` policy,
//! which the tests hold against them. Where the documentation says a limit applies but not
//! what the refusal looks like, the answer is an `invalid_request_error` naming the param.

use crate::catalog::{StoredCoupon, StoredPromotionCode};
use crate::error_answer::ErrorAnswer;

/// What the rules look at in the session a discount is applied to.
#[derive(Clone, Debug, Default)]
pub(crate) struct Cart {
    /// The session's currency, lowercase.
    pub(crate) currency: Option<String>,
    /// The subtotal before discounts.
    pub(crate) subtotal: i64,
    /// The products of its line items.
    pub(crate) products: Vec<String>,
    /// The session's customer.
    pub(crate) customer: Option<String>,
    /// Whether that customer (or email) completed a paid session before.
    pub(crate) returning: bool,
}

/// Refuses a coupon Stripe would not apply to `cart` now.
pub(crate) fn check_coupon(
    coupon: &StoredCoupon,
    cart: &Cart,
    now: i64,
    param: &str,
) -> Result<(), ErrorAnswer> {
    if coupon.redeem_by.is_some_and(|by| by <= now) {
        return Err(ErrorAnswer {
            code: Some("coupon_expired"),
            ..ErrorAnswer::invalid(param, format!("The coupon {} has expired.", coupon.id))
        });
    }
    if coupon
        .max_redemptions
        .is_some_and(|max| coupon.times_redeemed >= max)
    {
        return Err(ErrorAnswer::invalid(
            param,
            format!(
                "The coupon {} has been redeemed the maximum number of times.",
                coupon.id
            ),
        ));
    }
    if coupon.amount_off.is_some() {
        if let Some(currency) = &cart.currency {
            if coupon.amount_in(currency).is_none() {
                return Err(ErrorAnswer::invalid(
                    param,
                    format!(
                        "The coupon's currency ({}) does not match the Checkout Session's \
                         currency ({currency}), and the coupon has no amount in it.",
                        coupon.currency.as_deref().unwrap_or("none")
                    ),
                ));
            }
        }
    }
    if !coupon.products.is_empty()
        && !cart
            .products
            .iter()
            .any(|product| coupon.products.contains(product))
    {
        return Err(ErrorAnswer::invalid(
            param,
            format!(
                "The coupon {} applies to none of the Checkout Session's line items.",
                coupon.id
            ),
        ));
    }
    Ok(())
}

/// Refuses a promotion code Stripe would not redeem on `cart` now; its coupon is checked
/// separately, with [`check_coupon`].
pub(crate) fn check_code(
    code: &StoredPromotionCode,
    cart: &Cart,
    now: i64,
    param: &str,
) -> Result<(), ErrorAnswer> {
    let refuse = |message: String| Err(ErrorAnswer::invalid(param, message));
    if !code.active {
        return refuse(format!("This promotion code is inactive: '{}'.", code.code));
    }
    if code.expires_at.is_some_and(|at| at <= now) {
        return refuse(format!("This promotion code has expired: '{}'.", code.code));
    }
    if code
        .max_redemptions
        .is_some_and(|max| code.times_redeemed >= max)
    {
        return refuse(format!(
            "This promotion code has been redeemed the maximum number of times: '{}'.",
            code.code
        ));
    }
    if let Some(only) = &code.customer {
        if cart.customer.as_ref() != Some(only) {
            return refuse(format!(
                "This promotion code cannot be redeemed by this customer: '{}'.",
                code.code
            ));
        }
    }
    if code.first_time_transaction && cart.returning {
        return refuse(format!(
            "This promotion code is only for customers without a prior purchase: '{}'.",
            code.code
        ));
    }
    if code.minimum_amount.is_some() {
        let minimum = cart
            .currency
            .as_deref()
            .map_or(Err(()), |currency| code.minimum_in(currency));
        match minimum {
            Err(()) => {
                return refuse(format!(
                    "This promotion code has no minimum amount in the Checkout Session's \
                     currency: '{}'.",
                    code.code
                ));
            }
            Ok(Some(minimum)) if cart.subtotal < minimum => {
                return refuse(format!(
                    "This promotion code requires a minimum order of {minimum} {}: '{}'.",
                    cart.currency.as_deref().unwrap_or_default(),
                    code.code
                ));
            }
            Ok(_) => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coupon() -> StoredCoupon {
        let terms = crate::input::CouponTerms {
            amount_off: Some(1_000),
            currency: Some("usd".into()),
            ..Default::default()
        };
        StoredCoupon::from_terms("TEN".into(), &terms, 0)
    }

    fn code() -> StoredPromotionCode {
        StoredPromotionCode::new("promo_1".into(), "TEN", "TEN", 0)
    }

    fn cart() -> Cart {
        Cart {
            currency: Some("usd".into()),
            subtotal: 5_000,
            products: vec!["prod_a".into()],
            customer: Some("cus_1".into()),
            returning: false,
        }
    }

    fn coupon_ok(coupon: &StoredCoupon, cart: &Cart, now: i64) -> bool {
        check_coupon(coupon, cart, now, "p").is_ok()
    }

    fn code_ok(code: &StoredPromotionCode, cart: &Cart, now: i64) -> bool {
        check_code(code, cart, now, "p").is_ok()
    }

    #[test]
    fn coupon_dates_and_counts_are_limits_at_their_edge() {
        let mut c = coupon();
        c.redeem_by = Some(100);
        assert!(coupon_ok(&c, &cart(), 99));
        assert!(!coupon_ok(&c, &cart(), 100));
        let answer = check_coupon(&c, &cart(), 100, "discounts[0][coupon]").unwrap_err();
        assert_eq!(answer.code, Some("coupon_expired"));
        let mut c = coupon();
        c.max_redemptions = Some(2);
        c.times_redeemed = 1;
        assert!(coupon_ok(&c, &cart(), 0));
        c.times_redeemed = 2;
        assert!(!coupon_ok(&c, &cart(), 0));
    }

    #[test]
    fn coupon_currency_may_come_from_its_options() {
        let c = coupon();
        let eur = Cart {
            currency: Some("eur".into()),
            ..cart()
        };
        assert!(!coupon_ok(&c, &eur, 0));
        let mut c = coupon();
        c.currency_options = vec![("eur".into(), 900)];
        assert!(coupon_ok(&c, &eur, 0));
        let terms = crate::input::CouponTerms {
            percent_off: Some(10.0),
            ..Default::default()
        };
        let percent = StoredCoupon::from_terms("P".into(), &terms, 0);
        assert!(coupon_ok(&percent, &eur, 0));
    }

    #[test]
    fn coupon_for_products_needs_one_in_the_cart() {
        let mut c = coupon();
        c.products = vec!["prod_b".into(), "prod_a".into()];
        assert!(coupon_ok(&c, &cart(), 0));
        c.products = vec!["prod_b".into()];
        assert!(!coupon_ok(&c, &cart(), 0));
    }

    #[test]
    fn code_rules_each_refuse() {
        assert!(code_ok(&code(), &cart(), 0));
        let mut inactive = code();
        inactive.active = false;
        assert!(!code_ok(&inactive, &cart(), 0));
        let mut expiring = code();
        expiring.expires_at = Some(10);
        assert!(code_ok(&expiring, &cart(), 9));
        assert!(!code_ok(&expiring, &cart(), 10));
        let mut counted = code();
        counted.max_redemptions = Some(1);
        assert!(code_ok(&counted, &cart(), 0));
        counted.times_redeemed = 1;
        assert!(!code_ok(&counted, &cart(), 0));
        let mut personal = code();
        personal.customer = Some("cus_1".into());
        assert!(code_ok(&personal, &cart(), 0));
        personal.customer = Some("cus_2".into());
        assert!(!code_ok(&personal, &cart(), 0));
        let guest = Cart {
            customer: None,
            ..cart()
        };
        assert!(!code_ok(&personal, &guest, 0));
        let mut first = code();
        first.first_time_transaction = true;
        assert!(code_ok(&first, &cart(), 0));
        let returning = Cart {
            returning: true,
            ..cart()
        };
        assert!(!code_ok(&first, &returning, 0));
        assert!(code_ok(&code(), &returning, 0));
    }

    #[test]
    fn minimum_is_in_the_session_currency() {
        let mut c = code();
        c.minimum_amount = Some((5_000, "usd".into()));
        assert!(code_ok(&c, &cart(), 0), "equal to the minimum is enough");
        let below = Cart {
            subtotal: 4_999,
            ..cart()
        };
        assert!(!code_ok(&c, &below, 0));
        let eur = Cart {
            currency: Some("eur".into()),
            subtotal: 4_000,
            ..cart()
        };
        assert!(!code_ok(&c, &eur, 0), "no minimum in eur");
        c.minimum_currency_options = vec![("eur".into(), 4_000)];
        assert!(code_ok(&c, &eur, 0));
        let eur_below = Cart {
            subtotal: 3_999,
            ..eur
        };
        assert!(!code_ok(&c, &eur_below, 0));
    }
}
