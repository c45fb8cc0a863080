//! Stripe's redemption rules for a promotion code and its coupon, applied to one session:
//! which of the codes with the typed text applies, and what the coupon is worth on the cart.

use std::time::UNIX_EPOCH;

use super::refusal::CodeRefusal;
use crate::checkout::{CheckoutSession, SessionLineItem};
use crate::coupons::Coupon;
use crate::discounts::Rejection;
use crate::discounts::policies::{Clock, Reward};
use crate::expand::Expandable;
use crate::promotion_codes::PromotionCode;

/// Of the codes with the typed text, the one this session may use: an active code for this
/// customer, else an active code for anyone.
pub(super) fn choose(
    found: Vec<PromotionCode>,
    typed: &str,
    session: &CheckoutSession,
) -> Result<PromotionCode, CodeRefusal> {
    let customer = session.customer.as_ref().map(Expandable::id);
    let mut same_text = found.into_iter().filter(|code| {
        code.code
            .as_deref()
            .is_some_and(|text| text.eq_ignore_ascii_case(typed))
    });
    let (mut anyone, mut other, mut inactive) = (None, false, false);
    for code in same_text.by_ref() {
        if code.active != Some(true) {
            inactive = true;
            continue;
        }
        match code.customer.as_ref().map(Expandable::id) {
            Some(only) if Some(only) == customer => return Ok(code),
            Some(_) => other = true,
            None if code.customer_account.is_some() => {
                if session.customer_account.is_some()
                    && code.customer_account == session.customer_account
                {
                    return Ok(code);
                }
                other = true;
            }
            None => {
                anyone.get_or_insert(code);
            }
        }
    }
    match anyone {
        Some(code) => Ok(code),
        None if other => Err(CodeRefusal::OtherCustomer),
        None if inactive => Err(CodeRefusal::Inactive),
        None => Err(CodeRefusal::Unknown),
    }
}

/// The rules of the code and its coupon that need nothing but the two objects: validity,
/// dates, redemption counts, currency and minimum amount. Answers the coupon to apply.
pub(super) fn check_code<'c>(
    code: &'c PromotionCode,
    session: &CheckoutSession,
    now: i64,
) -> Result<&'c Coupon, CodeRefusal> {
    if let Some(expires_at) = code.expires_at.filter(|at| *at <= now) {
        return Err(CodeRefusal::Expired { expires_at });
    }
    if let Some(max) = code.max_redemptions {
        if code.times_redeemed.unwrap_or(0) >= max {
            return Err(CodeRefusal::FullyRedeemed {
                max_redemptions: max,
            });
        }
    }
    let coupon = code.coupon().ok_or_else(|| CodeRefusal::CouponInvalid {
        coupon: code.coupon_id().unwrap_or_default().to_owned(),
    })?;
    if let Some(redeem_by) = coupon.redeem_by.filter(|at| *at <= now) {
        return Err(CodeRefusal::CouponExpired { redeem_by });
    }
    if let Some(max) = coupon.max_redemptions {
        if coupon.times_redeemed.unwrap_or(0) >= max {
            return Err(CodeRefusal::CouponFullyRedeemed {
                max_redemptions: max,
            });
        }
    }
    // After the dates and counts, which say more about why Stripe marked it invalid.
    if coupon.valid == Some(false) {
        return Err(CodeRefusal::CouponInvalid {
            coupon: coupon.id.to_string(),
        });
    }
    let currency = session.currency.as_deref().map(str::to_ascii_lowercase);
    if coupon.amount_off.is_some()
        && currency
            .as_deref()
            .and_then(|c| amount_in(coupon, c))
            .is_none()
    {
        return Err(CodeRefusal::CurrencyNotSupported { currency });
    }
    if let Some(restrictions) = &code.restrictions {
        if let Some(minimum) = restrictions.minimum_amount {
            let Some(currency) = currency else {
                return Err(CodeRefusal::CurrencyNotSupported { currency: None });
            };
            let in_currency = if restrictions
                .minimum_amount_currency
                .as_deref()
                .is_some_and(|c| c.eq_ignore_ascii_case(&currency))
            {
                Some(minimum)
            } else {
                restrictions
                    .currency_options
                    .get(&currency)
                    .map(|option| option.minimum_amount)
            };
            let Some(minimum) = in_currency else {
                return Err(CodeRefusal::NoMinimumInCurrency { currency });
            };
            if session.amount_subtotal.unwrap_or(0) < minimum {
                return Err(CodeRefusal::BelowMinimum { minimum, currency });
            }
        }
    }
    Ok(coupon)
}

/// An amount-off coupon's amount in `currency` (lowercase): its own, or a currency option.
pub(super) fn amount_in(coupon: &Coupon, currency: &str) -> Option<i64> {
    if coupon
        .currency
        .as_deref()
        .is_some_and(|c| c.eq_ignore_ascii_case(currency))
    {
        return coupon.amount_off;
    }
    coupon
        .currency_options
        .get(currency)
        .map(|option| option.amount_off)
}

/// The subtotal of the items whose product is one of `products`; `None` when there is none.
pub(super) fn eligible_subtotal(items: &[SessionLineItem], products: &[String]) -> Option<i64> {
    let mut eligible = items.iter().filter(|item| {
        let product = item
            .price
            .as_ref()
            .and_then(|price| price.product.as_ref())
            .or(item.product.as_ref())
            .map(Expandable::id);
        product.is_some_and(|p| products.iter().any(|allowed| allowed == p))
    });
    let first = eligible.next()?;
    Some(
        eligible
            .fold(first.amount_subtotal, |sum, item| {
                sum.saturating_add(item.amount_subtotal)
            })
            .max(0),
    )
}

/// What `coupon` takes off `eligible` (the subtotal it applies to), rounded down and never
/// more than `eligible`.
pub(super) fn coupon_worth(coupon: &Coupon, currency: Option<&str>, eligible: i64) -> i64 {
    if let Some(percent) = coupon.percent_off {
        // Stripe allows two decimals on a percentage, so basis points hold it exactly.
        let bps = (percent * 100.0).round().clamp(0.0, f64::from(u32::MAX));
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        return Reward::PercentBps(bps as u32).amount_off(eligible);
    }
    let currency = currency.map(str::to_ascii_lowercase).unwrap_or_default();
    amount_in(coupon, &currency)
        .unwrap_or(0)
        .clamp(0, eligible.max(0))
}

pub(super) fn unix_now(clock: &dyn Clock) -> i64 {
    clock
        .now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

pub(super) fn lookup_failed(what: &str, error: crate::Error) -> Rejection {
    Rejection::new(format!("{what} failed: {error}"))
        .with_customer_message("That code could not be checked just now. Please try again.")
        .with_cause(error)
}
