use std::collections::HashSet;

use serde_json::{Value, json};

use super::refusal::format_amount;
use super::*;
use crate::coupons::Coupon;
use crate::discounts::policies::test_support::session;

fn code(fields: Value) -> PromotionCode {
    let mut value = json!({
        "id": "promo_1", "object": "promotion_code", "code": "SUMMER", "active": true,
        "coupon": {"id": "PROMO", "object": "coupon", "percent_off": 25.0, "valid": true},
    });
    let (Value::Object(base), Value::Object(extra)) = (&mut value, fields) else {
        panic!("objects")
    };
    base.extend(extra);
    serde_json::from_value(value).unwrap()
}

fn cart(subtotal: i64, currency: &str) -> CheckoutSession {
    session(json!({"amount_subtotal": subtotal, "currency": currency, "customer": "cus_ada"}))
}

#[test]
fn amounts_read_in_the_currency_s_own_unit() {
    let rows = [
        (5_000, "usd", "50.00 USD"),
        (5, "eur", "0.05 EUR"),
        (-150, "usd", "-1.50 USD"),
        (5_000, "JPY", "5000 JPY"),
        (1_234, "kwd", "1.234 KWD"),
        (0, "gbp", "0.00 GBP"),
    ];
    for (amount, currency, want) in rows {
        assert_eq!(format_amount(amount, currency), want);
    }
}

#[test]
fn limits_hold_at_their_edges() {
    let now = 1_000;
    let ok = |c: &PromotionCode| check_code(c, &cart(8_000, "usd"), now).is_ok();
    assert!(ok(&code(json!({"expires_at": now + 1}))));
    assert!(!ok(&code(json!({"expires_at": now}))));
    assert!(ok(&code(
        json!({"max_redemptions": 2, "times_redeemed": 1})
    )));
    assert!(!ok(&code(
        json!({"max_redemptions": 2, "times_redeemed": 2})
    )));
    let coupon = |extra: Value| {
        let mut c = json!({"id": "PROMO", "object": "coupon", "percent_off": 25.0});
        c.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        code(json!({ "coupon": c }))
    };
    assert!(ok(&coupon(json!({"redeem_by": now + 1}))));
    assert_eq!(
        check_code(&coupon(json!({"redeem_by": now})), &cart(1, "usd"), now).unwrap_err(),
        CodeRefusal::CouponExpired { redeem_by: now }
    );
    assert!(ok(&coupon(
        json!({"max_redemptions": 3, "times_redeemed": 2})
    )));
    assert!(!ok(&coupon(
        json!({"max_redemptions": 3, "times_redeemed": 3})
    )));
    assert!(!ok(&coupon(json!({"valid": false}))));
    assert!(ok(&coupon(json!({"valid": true}))));
    let minimum = code(json!({"restrictions": {
        "minimum_amount": 8_000, "minimum_amount_currency": "USD",
    }}));
    assert!(ok(&minimum), "at the minimum, whatever the currency's case");
    assert_eq!(
        check_code(&minimum, &cart(7_999, "usd"), now).unwrap_err(),
        CodeRefusal::BelowMinimum {
            minimum: 8_000,
            currency: "usd".into()
        }
    );
    let no_currency = session(json!({"amount_subtotal": 9_000}));
    assert_eq!(
        check_code(&minimum, &no_currency, now).unwrap_err(),
        CodeRefusal::CurrencyNotSupported { currency: None }
    );
}

#[test]
fn the_coupon_must_be_readable() {
    let bare = code(json!({"coupon": null, "promotion": {"type": "coupon", "coupon": "PROMO"}}));
    assert_eq!(
        check_code(&bare, &cart(1, "usd"), 0).unwrap_err(),
        CodeRefusal::CouponInvalid {
            coupon: "PROMO".into()
        }
    );
}

#[test]
fn the_customer_s_own_code_wins_then_the_one_for_anyone() {
    let mine = code(json!({"id": "promo_mine", "customer": "cus_ada"}));
    let theirs = code(json!({"id": "promo_theirs", "customer": "cus_bob"}));
    let anyone = code(json!({"id": "promo_any"}));
    let off = code(json!({"id": "promo_off", "active": false}));
    let other_text = code(json!({"id": "promo_other", "code": "WINTER"}));
    let pick = |found: Vec<PromotionCode>| {
        choose(found, "summer", &cart(1, "usd")).map(|c| c.id.to_string())
    };
    assert_eq!(
        pick(vec![anyone.clone(), theirs.clone(), mine.clone()]),
        Ok("promo_mine".into())
    );
    assert_eq!(
        pick(vec![theirs.clone(), anyone.clone()]),
        Ok("promo_any".into())
    );
    assert_eq!(
        pick(vec![theirs.clone(), off.clone()]),
        Err(CodeRefusal::OtherCustomer)
    );
    assert_eq!(pick(vec![off]), Err(CodeRefusal::Inactive));
    assert_eq!(pick(vec![other_text]), Err(CodeRefusal::Unknown));
    assert_eq!(pick(Vec::new()), Err(CodeRefusal::Unknown));
    let account = code(json!({"id": "promo_acct", "customer_account": "acct_1"}));
    assert_eq!(pick(vec![account.clone()]), Err(CodeRefusal::OtherCustomer));
    let as_account = session(json!({"customer_account": "acct_1"}));
    assert_eq!(
        choose(vec![account.clone()], "SUMMER", &as_account).map(|c| c.id.to_string()),
        Ok("promo_acct".into())
    );
    let other_account = session(json!({"customer_account": "acct_2"}));
    assert_eq!(
        choose(vec![account], "SUMMER", &other_account).map(|c| c.id.to_string()),
        Err(CodeRefusal::OtherCustomer)
    );
}

#[test]
fn worth_is_rounded_down_and_capped() {
    let coupon = |v: Value| -> Coupon {
        let mut c = json!({"id": "C", "object": "coupon"});
        c.as_object_mut()
            .unwrap()
            .extend(v.as_object().unwrap().clone());
        serde_json::from_value(c).unwrap()
    };
    let rows = [
        (json!({"percent_off": 25.0}), Some("usd"), 8_000, 2_000),
        (json!({"percent_off": 12.5}), Some("usd"), 333, 41),
        (json!({"percent_off": 33.33}), Some("usd"), 10_000, 3_333),
        (
            json!({"amount_off": 1_000, "currency": "usd"}),
            Some("USD"),
            8_000,
            1_000,
        ),
        (
            json!({"amount_off": 1_000, "currency": "usd"}),
            Some("usd"),
            600,
            600,
        ),
        (
            json!({"amount_off": 1_000, "currency": "usd", "currency_options": {"eur": {"amount_off": 900}}}),
            Some("eur"),
            8_000,
            900,
        ),
        (
            json!({"amount_off": 1_000, "currency": "usd"}),
            Some("eur"),
            8_000,
            0,
        ),
        (
            json!({"amount_off": 1_000, "currency": "usd"}),
            None,
            8_000,
            0,
        ),
    ];
    for (c, currency, eligible, want) in rows {
        assert_eq!(
            coupon_worth(&coupon(c.clone()), currency, eligible),
            want,
            "{c}"
        );
    }
}

#[test]
fn only_the_coupon_s_products_count() {
    let items: Vec<SessionLineItem> = serde_json::from_value(json!([
        {"id": "li_1", "object": "item", "amount_subtotal": 8_000, "amount_discount": 0,
         "amount_tax": 0, "amount_total": 8_000,
         "price": {"id": "price_j", "object": "price", "product": "prod_jacket"}},
        {"id": "li_2", "object": "item", "amount_subtotal": 4_000, "amount_discount": 0,
         "amount_tax": 0, "amount_total": 4_000,
         "price": {"id": "price_c", "object": "price", "product": "prod_cap"}},
        {"id": "li_3", "object": "item", "amount_subtotal": 1_000, "amount_discount": 0,
         "amount_tax": 0, "amount_total": 1_000,
         "price": {"id": "price_c2", "object": "price", "product": "prod_cap"}},
    ]))
    .unwrap();
    let products = |p: &[&str]| p.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        eligible_subtotal(&items, &products(&["prod_cap"])),
        Some(5_000)
    );
    assert_eq!(
        eligible_subtotal(&items, &products(&["prod_cap", "prod_jacket"])),
        Some(13_000)
    );
    assert_eq!(eligible_subtotal(&items, &products(&["prod_tea"])), None);
}

#[test]
fn histories_say_yes_no_or_cannot_tell() {
    use crate::discounts::policies::test_support::block_on;
    let ada = session(json!({"customer": "cus_ada", "customer_email": "ada@example.com"}));
    let guest = session(json!({}));
    let known: HashSet<String> = HashSet::from(["cus_ada".to_owned()]);
    let ask = |h: &dyn PurchaseHistory, s: &CheckoutSession| block_on(h.has_purchased(s)).unwrap();
    assert_eq!(ask(&known, &ada), Some(true));
    assert_eq!(ask(&HashSet::new(), &ada), Some(false));
    assert_eq!(ask(&known, &guest), None);
    assert_eq!(ask(&NoPurchaseHistory, &ada), None);
    let by_email = |s: &CheckoutSession| s.customer_email.as_ref().map(|e| e == "ada@example.com");
    assert_eq!(ask(&by_email, &ada), Some(true));
    assert_eq!(ask(&by_email, &guest), None);
}

#[test]
fn debug_says_whether_a_history_is_set_and_hides_the_key() {
    let client = Client::new("sk_test_TypedCodesDebug0000000000000001").unwrap();
    let without = format!("{:?}", TypedCodes::new(client.clone()));
    let with = format!(
        "{:?}",
        TypedCodes::new(client).purchase_history(HashSet::<String>::new())
    );
    assert!(
        without.starts_with("TypedCodes {") && without.contains("NoPurchaseHistory"),
        "{without}"
    );
    assert!(with.contains("HashSet"), "{with}");
    assert!(!with.contains("TypedCodesDebug0000000000000001"), "{with}");
}

#[test]
fn refusals_name_their_facts_for_the_logs() {
    assert_eq!(
        CodeRefusal::CurrencyNotSupported { currency: None }.to_string(),
        "the coupon has no amount in the session's (unset) currency"
    );
    assert_eq!(
        CodeRefusal::Expired { expires_at: 5 }.to_string(),
        "the promotion code expired at 5"
    );
    let messages: HashSet<String> = [
        CodeRefusal::Unknown,
        CodeRefusal::Inactive,
        CodeRefusal::Expired { expires_at: 1 },
        CodeRefusal::FullyRedeemed { max_redemptions: 1 },
        CodeRefusal::FirstTimeOnly,
        CodeRefusal::FirstTimeUnverified,
        CodeRefusal::NoMinimumInCurrency {
            currency: "eur".into(),
        },
        CodeRefusal::NotForTheseProducts,
    ]
    .iter()
    .map(CodeRefusal::customer_message)
    .collect();
    assert_eq!(
        messages.len(),
        8,
        "each kind of refusal says something of its own"
    );
}
