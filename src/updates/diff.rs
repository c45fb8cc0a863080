//! What actually changes: each part a policy set, compared with the retrieved session, and
//! the one [`UpdateSession`] that sends only the parts that differ.
//!
//! Comparison is by meaning, not by bytes: inline coupons and shipping rates get ids Stripe
//! generates, so they are compared by the values the policy set.

use std::collections::HashMap;

use serde_json::Value;

use super::{CartLine, Changes, NotAllowed, Part, Trial};
use crate::checkout::objects::SessionShippingOption;
use crate::checkout::params::{ShippingDetails, ShippingOption, UpdateSubscriptionData};
use crate::checkout::{CheckoutSession, SessionDiscount, UpdateSession};
use crate::metadata::Metadata;
use crate::resources::{Coupon, CouponData, Discount};

/// The update that takes `session` to `changes`, with the parts it changes (in
/// [`Part::ALL`]'s order); `None` when nothing differs. `cart` is the session's whole cart as
/// read (for the line items' comparison).
pub(crate) fn update_for(
    session: &CheckoutSession,
    cart: &[CartLine],
    changes: &Changes,
) -> Result<Option<(UpdateSession, Vec<Part>)>, NotAllowed> {
    let mut update = UpdateSession::new();
    let mut parts = Vec::new();
    if let Some(lines) = &changes.line_items {
        if lines.is_empty() {
            return Err(NotAllowed::EmptyCart);
        }
        if cart_changes(cart, lines) {
            for line in lines {
                update = update.line_item(line.to_update());
            }
            parts.push(Part::LineItems);
        }
    }
    if let Some(details) = &changes.shipping_details {
        if !same_shipping_details(session, details) {
            update = update.shipping_details(details.clone());
            parts.push(Part::ShippingDetails);
        }
    }
    if let Some(options) = &changes.shipping_options {
        if !same_shipping_options(&session.shipping_options, options) {
            update = if options.is_empty() {
                update.clear_shipping_options()
            } else {
                update.shipping_options(options.iter().cloned())
            };
            parts.push(Part::ShippingOptions);
        }
    }
    if let Some(discounts) = &changes.discounts {
        let current = session.discounts.as_deref().unwrap_or_default();
        if !same_discounts(current, discounts) {
            update = if discounts.is_empty() {
                update.clear_discounts()
            } else {
                update.discounts(discounts.iter().cloned())
            };
            parts.push(Part::Discounts);
        }
    }
    if let Some(trial) = changes.trial {
        let data = match trial {
            Trial::Days(days) => UpdateSubscriptionData::new().trial_period_days(days),
            Trial::EndsAt(at) => UpdateSubscriptionData::new().trial_end(at),
        };
        update = update.subscription_data(data);
        parts.push(Part::Trial);
    }
    if let Some(data) = &changes.payment_intent_data {
        update = update.payment_intent_data(data.clone());
        parts.push(Part::PaymentIntentData);
    }
    Ok((!parts.is_empty()).then_some((update, parts)))
}

/// Whether `wanted` differs from the session's cart: another order, a line added or removed,
/// a quantity or metadata changed.
fn cart_changes(cart: &[CartLine], wanted: &[CartLine]) -> bool {
    cart.len() != wanted.len()
        || wanted.iter().any(CartLine::changes_session)
        || cart
            .iter()
            .zip(wanted)
            .any(|(have, want)| have.id() != want.id())
}

/// Whether the session already ships to `wanted` (the country compared ignoring case).
fn same_shipping_details(session: &CheckoutSession, wanted: &ShippingDetails) -> bool {
    let Some(have) = session
        .collected_information
        .as_ref()
        .and_then(|info| info.shipping_details.as_ref())
    else {
        return false;
    };
    let Some(address) = &have.address else {
        return false;
    };
    let a = &wanted.address;
    have.name.as_deref() == Some(wanted.name.as_str())
        && address.line1.as_deref() == Some(a.line1.as_str())
        && address.line2 == a.line2
        && address.city == a.city
        && address.postal_code == a.postal_code
        && address.state == a.state
        && address
            .country
            .as_deref()
            .is_some_and(|c| c.eq_ignore_ascii_case(&a.country))
}

/// Whether the session offers exactly `wanted`, in order: a rate by id, an inline rate by the
/// expanded rate's name, amount and currency (Stripe gives inline rates generated ids).
fn same_shipping_options(have: &[SessionShippingOption], wanted: &[ShippingOption]) -> bool {
    have.len() == wanted.len()
        && have.iter().zip(wanted).all(|(have, want)| {
            let Some(rate) = &have.shipping_rate else {
                return false;
            };
            match (&want.shipping_rate, &want.shipping_rate_data) {
                (Some(id), _) => rate.id() == id,
                (None, Some(data)) => rate.as_object().is_some_and(|object| {
                    let fixed = object.get("fixed_amount");
                    let amount = fixed.and_then(|f| f.get("amount")).and_then(Value::as_i64);
                    let currency = fixed
                        .and_then(|f| f.get("currency"))
                        .and_then(Value::as_str);
                    object.get("display_name").and_then(Value::as_str)
                        == Some(data.display_name.as_str())
                        && data.fixed_amount.as_ref().is_some_and(|f| {
                            amount == Some(f.amount)
                                && currency.is_some_and(|c| c.eq_ignore_ascii_case(&f.currency))
                        })
                }),
                (None, None) => false,
            }
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
    use serde_json::json;

    use super::*;
    use crate::coupons::CouponDuration;

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

#[cfg(test)]
mod part_tests {
    use serde_json::json;

    use super::*;
    use crate::checkout::SessionLineItem;
    use crate::checkout::params::{Address, ShippingRateData};
    use crate::form;

    fn session(value: serde_json::Value) -> CheckoutSession {
        let mut base = json!({"id": "cs_test_1", "object": "checkout.session"});
        base.as_object_mut()
            .unwrap()
            .extend(value.as_object().unwrap().clone());
        serde_json::from_value(base).unwrap()
    }

    fn item(id: &str, quantity: u64) -> CartLine {
        let item: SessionLineItem = serde_json::from_value(json!({
            "id": id, "object": "item", "quantity": quantity, "amount_subtotal": 100 * quantity,
            "price": {"id": "price_1", "object": "price", "unit_amount": 100},
        }))
        .unwrap();
        CartLine::existing(&item)
    }

    fn keys(update: &UpdateSession) -> Vec<String> {
        form::to_pairs(update)
            .unwrap()
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect()
    }

    #[test]
    fn the_cart_changes_on_order_removal_addition_quantity_and_metadata_only() {
        let cart = [item("li_1", 1), item("li_2", 2)];
        assert!(!cart_changes(&cart, &cart));
        assert!(cart_changes(&cart, &[cart[1].clone(), cart[0].clone()]));
        assert!(cart_changes(&cart, &cart[..1]));
        assert!(cart_changes(
            &cart,
            &[cart[0].clone(), cart[1].clone().with_quantity(3)]
        ));
        assert!(cart_changes(
            &cart,
            &[cart[0].clone(), cart[1].clone().metadata("k", "v")]
        ));
        let mut more = cart.to_vec();
        more.push(CartLine::price("price_2".parse().unwrap(), 1));
        assert!(cart_changes(&cart, &more));
        // The same quantity set again is no change.
        assert!(!cart_changes(
            &cart,
            &[cart[0].clone().with_quantity(1), cart[1].clone()]
        ));
    }

    #[test]
    fn shipping_details_compare_every_field_and_the_country_ignoring_case() {
        let have = session(json!({"collected_information": {"shipping_details": {
            "name": "Ada", "address": {"line1": "1 Main St", "line2": null, "city": "Berlin",
                "postal_code": "10115", "state": null, "country": "DE"},
        }}}));
        let details = |f: &dyn Fn(Address) -> Address, name: &str| {
            let address = Address::new("1 Main St", "de")
                .city("Berlin")
                .postal_code("10115");
            ShippingDetails::new(name, f(address))
        };
        let same = |d: ShippingDetails| same_shipping_details(&have, &d);
        assert!(same(details(&|a| a, "Ada")));
        assert!(!same(details(&|a| a, "Bob")));
        assert!(!same(details(&|a| a.city("Munich"), "Ada")));
        assert!(!same(details(&|a| a.postal_code("10117"), "Ada")));
        assert!(!same(details(&|a| a.line2("Apt 1"), "Ada")));
        assert!(!same(details(&|a| a.state("BE"), "Ada")));
        let mut other_line = details(&|a| a, "Ada");
        other_line.address.line1 = "2 Main St".into();
        assert!(!same(other_line));
        let mut other_country = details(&|a| a, "Ada");
        other_country.address.country = "AT".into();
        assert!(!same(other_country));
        assert!(!same_shipping_details(
            &session(json!({})),
            &details(&|a| a, "Ada")
        ));
        let no_address =
            session(json!({"collected_information": {"shipping_details": {"name": "Ada"}}}));
        assert!(!same_shipping_details(&no_address, &details(&|a| a, "Ada")));
    }

    #[test]
    fn shipping_options_compare_by_id_or_by_the_inline_rate_values_in_order() {
        let have: Vec<SessionShippingOption> = serde_json::from_value(json!([
            {"shipping_amount": 500, "shipping_rate": {"id": "shr_gen1", "object": "shipping_rate",
                "display_name": "Standard", "fixed_amount": {"amount": 500, "currency": "usd"}}},
            {"shipping_amount": 1500, "shipping_rate": "shr_express"},
        ]))
        .unwrap();
        let standard = |amount, currency: &str, name: &str| {
            ShippingOption::shipping_rate_data(ShippingRateData::fixed_amount(
                name, amount, currency,
            ))
        };
        let express = ShippingOption::shipping_rate("shr_express");
        let same = |wanted: &[ShippingOption]| same_shipping_options(&have, wanted);
        assert!(same(&[standard(500, "USD", "Standard"), express.clone()]));
        assert!(!same(&[standard(0, "usd", "Standard"), express.clone()]));
        assert!(!same(&[standard(500, "eur", "Standard"), express.clone()]));
        assert!(!same(&[standard(500, "usd", "Basic"), express.clone()]));
        assert!(!same(&[express.clone(), standard(500, "usd", "Standard")]));
        assert!(!same(&[standard(500, "usd", "Standard")]));
        assert!(!same(&[
            standard(500, "usd", "Standard"),
            ShippingOption::shipping_rate("shr_other")
        ]));
        // An unexpanded inline rate cannot be compared by value: it is sent again.
        assert!(!same_shipping_options(
            &have[1..],
            &[standard(1500, "usd", "Express")]
        ));
        assert!(same_shipping_options(&[], &[]));
    }

    #[test]
    fn the_update_sends_only_the_parts_that_differ_and_clears_explicitly() {
        let have = session(json!({
            "shipping_options": [{"shipping_amount": 0, "shipping_rate": "shr_1"}],
            "discounts": [{"coupon": "SUMMER"}],
        }));
        let cart = [item("li_1", 1)];
        let unchanged = Changes::none()
            .line_items(cart.clone())
            .shipping_options([ShippingOption::shipping_rate("shr_1")])
            .discounts([Discount::Coupon("SUMMER".parse().unwrap())]);
        assert_eq!(update_for(&have, &cart, &unchanged).unwrap(), None);

        let cleared = Changes::none().shipping_options([]).discounts([]);
        let (update, parts) = update_for(&have, &cart, &cleared).unwrap().unwrap();
        assert_eq!(parts, [Part::ShippingOptions, Part::Discounts]);
        assert_eq!(keys(&update), ["discounts=", "shipping_options="]);

        let trial = Changes::none().trial(Trial::EndsAt(1_900_000_000));
        let (update, parts) = update_for(&have, &cart, &trial).unwrap().unwrap();
        assert_eq!(parts, [Part::Trial]);
        assert_eq!(keys(&update), ["subscription_data[trial_end]=1900000000"]);

        let empty = Changes::none().line_items([]);
        assert_eq!(update_for(&have, &cart, &empty), Err(NotAllowed::EmptyCart));
    }
}
