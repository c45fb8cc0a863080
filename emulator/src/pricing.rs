//! The emulator's discount arithmetic, in integer minor units: what a coupon takes off a
//! subtotal, and how a session-level discount is spread over its line items.
//!
//! Stripe rounds a percentage discount to the nearest minor unit and never discounts more than
//! the subtotal; the rules here follow that and nothing else (no tax, no shipping).

/// What a coupon takes off `subtotal`: `amount_off` capped at the subtotal, or `percent_off`
/// kept to two decimals — the precision Stripe stores it with (API changelog 2018-07-27), so
/// `12.345` counts as 12.35% — and the amount rounded half up to the minor unit.
pub(crate) fn discount_amount(
    subtotal: i64,
    amount_off: Option<i64>,
    percent_off: Option<f64>,
) -> i64 {
    let subtotal = subtotal.max(0);
    let amount = match (amount_off, percent_off) {
        (Some(off), _) => off,
        (None, Some(percent)) => {
            // Hundredths of a percent, so 12.5% is exactly 1250 and no float reaches the sum.
            let hundredths = (percent * 100.0).round().clamp(0.0, 10_000.0) as i128;
            ((i128::from(subtotal) * hundredths + 5_000) / 10_000) as i64
        }
        (None, None) => 0,
    };
    amount.clamp(0, subtotal)
}

/// Spreads `discount` over items in proportion to their subtotals, rounding down and giving
/// the remaining minor units to the first items, so the parts add up to `discount` (at most
/// the items' total) and no item is discounted below zero.
pub(crate) fn allocate(discount: i64, subtotals: &[i64]) -> Vec<i64> {
    let total: i128 = subtotals.iter().map(|s| i128::from((*s).max(0))).sum();
    if total == 0 || discount <= 0 {
        return vec![0; subtotals.len()];
    }
    let discount = i128::from(discount).min(total) as i64;
    let mut parts: Vec<i64> = subtotals
        .iter()
        .map(|s| (i128::from((*s).max(0)) * i128::from(discount) / total) as i64)
        .collect();
    let mut rest = discount - parts.iter().sum::<i64>();
    for (part, subtotal) in parts.iter_mut().zip(subtotals) {
        if rest == 0 {
            break;
        }
        if *part < *subtotal {
            *part += 1;
            rest -= 1;
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn discount_table() {
        let rows: [(i64, Option<i64>, Option<f64>, i64); 12] = [
            (12_000, Some(1_200), None, 1_200),
            (1_000, Some(2_000), None, 1_000), // capped at the subtotal
            (0, Some(500), None, 0),
            (12_000, None, Some(10.0), 1_200),
            (999, None, Some(10.0), 100), // 99.9 rounds up
            (994, None, Some(10.0), 99),  // 99.4 rounds down
            (995, None, Some(10.0), 100), // half rounds up
            (100, None, Some(29.0), 29),  // no float truncation error
            (333, None, Some(12.5), 42),  // 41.625
            (5_000, None, Some(100.0), 5_000),
            (5_000, None, Some(0.01), 1), // 0.5 rounds up
            (7, None, None, 0),
        ];
        for (subtotal, amount_off, percent_off, want) in rows {
            assert_eq!(
                discount_amount(subtotal, amount_off, percent_off),
                want,
                "{subtotal} {amount_off:?} {percent_off:?}"
            );
        }
    }

    #[test]
    fn allocation_adds_up() {
        assert_eq!(allocate(1_000, &[3_000, 1_000]), [750, 250]);
        assert_eq!(allocate(100, &[1, 1, 1]), [1, 1, 1]); // never more than the items
        assert_eq!(allocate(10, &[3, 3, 3]), [3, 3, 3]);
        assert_eq!(allocate(5, &[0, 10]), [0, 5]);
        assert_eq!(allocate(0, &[10]), [0]);
        // A negative discount takes nothing off, rather than adding to an item.
        assert_eq!(allocate(-10, &[100, 300]), [0, 0]);
        assert_eq!(allocate(50, &[0, 0]), [0, 0]);
        // The remainder of the rounding never goes to an item with nothing to discount.
        assert_eq!(allocate(1, &[0, 3, 3]), [0, 1, 0]);
    }

    proptest! {
        #[test]
        fn allocation_is_exact_and_bounded(
            subtotals in proptest::collection::vec(0i64..1_000_000, 1..20),
            share in 0.0f64..=1.0,
        ) {
            let total: i64 = subtotals.iter().sum();
            let discount = (total as f64 * share) as i64;
            let parts = allocate(discount, &subtotals);
            prop_assert_eq!(parts.iter().sum::<i64>(), discount);
            for (part, subtotal) in parts.iter().zip(&subtotals) {
                prop_assert!(*part >= 0 && part <= subtotal);
            }
        }

        #[test]
        fn discount_never_exceeds_subtotal(
            subtotal in 0i64..i64::MAX / 2,
            off in proptest::option::of(0i64..i64::MAX),
            percent in proptest::option::of(0.0f64..=100.0),
        ) {
            let d = discount_amount(subtotal, off, percent);
            prop_assert!((0..=subtotal).contains(&d));
        }
    }
}
