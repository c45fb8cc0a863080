//! The documented rules the SDK types do not carry: which numbers take fractions, bounds of
//! amounts, quantities and lengths, currency codes, metadata limits, and the one-of and
//! required-with rules inside a param object. Each rule names the Stripe page it comes from.
//!
//! Stripe documents the rules but not the exact words of every refusal; the messages here are
//! the emulator's own, and the crate docs list them. Rules about the objects a request names
//! (a price that exists, a coupon still valid) are the store's.

use serde_json::{Map, Value};

use crate::error_answer::ErrorAnswer;
use crate::facts::Operation;
use crate::validate::At;

/// The largest unit amount and the largest quantity Stripe takes on a line item (the Prices
/// API's "unit_amount … up to 99999999"; Checkout's quantity "up to 999999").
const MAX_UNIT_AMOUNT: i64 = 99_999_999;
const MAX_QUANTITY: i64 = 999_999;
/// Metadata: "up to 50 keys, with key names up to 40 characters long and values up to 500
/// characters long" (docs.stripe.com/metadata).
const MAX_METADATA_KEYS: usize = 50;
const MAX_METADATA_KEY: usize = 40;
const MAX_METADATA_VALUE: usize = 500;
/// Stripe's OpenAPI spec bounds string params at 5000 characters.
const MAX_STRING: usize = 5_000;
/// A coupon's `name`: "This will be displayed on invoices … up to 40 characters".
const MAX_COUPON_NAME: usize = 40;
/// A statement descriptor: "the 22-character limit" (the SDK's comment on
/// `payment_intent_data[statement_descriptor]`); the suffix is joined to the account's
/// prefix under the same limit, so it cannot be longer either.
const MAX_STATEMENT_DESCRIPTOR: usize = 22;

/// Whether the number at `pattern` may have a fraction: only percentages do (a coupon's
/// `percent_off`, a subscription's `application_fee_percent`). Every other number the served
/// endpoints take is an integer in Stripe's OpenAPI spec (amounts, quantities, timestamps,
/// limits).
pub(crate) fn takes_fractions(pattern: &str) -> bool {
    pattern.ends_with("percent_off") || pattern.ends_with("application_fee_percent")
}

/// Whether the param at `pattern` is a decimal string: `unit_amount_decimal`, which SDKs before
/// 21.0.0 type as a plain string.
pub(crate) fn is_decimal(pattern: &str) -> bool {
    name_of(pattern) == "unit_amount_decimal"
}

/// A decimal string (`unit_amount_decimal`): digits with at most one `.` and at most 12
/// decimal places; no sign, exponent or `NaN`.
pub(crate) fn check_decimal(text: &str, at: &At) -> Result<(), ErrorAnswer> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > 12 {
        return Err(ErrorAnswer::invalid(
            &at.param,
            "Invalid decimal: must be a number with at most 12 decimal places.",
        ));
    }
    Ok(())
}

fn name_of(pattern: &str) -> &str {
    pattern.rsplit('.').next().unwrap_or(pattern)
}

fn at_least(at: &At, min: i64) -> ErrorAnswer {
    ErrorAnswer::invalid(
        &at.param,
        format!("This value must be greater than or equal to {min}."),
    )
}

fn at_most(at: &At, max: i64) -> ErrorAnswer {
    ErrorAnswer::invalid(
        &at.param,
        format!("This value must be less than or equal to {max}."),
    )
}

fn within(at: &At, n: i64, min: i64, max: i64) -> Result<(), ErrorAnswer> {
    if n < min {
        return Err(at_least(at, min));
    }
    if n > max {
        return Err(at_most(at, max));
    }
    Ok(())
}

/// The ISO 4217 currency codes in use (and a few recently replaced, which Stripe still lists),
/// lowercase and sorted. Stripe takes currencies as these codes; which of them it supports for
/// an account is not checked.
const CURRENCIES: [&str; 175] = [
    "aed", "afn", "all", "amd", "ang", "aoa", "ars", "aud", "awg", "azn", "bam", "bbd", "bdt",
    "bgn", "bhd", "bif", "bmd", "bnd", "bob", "bov", "brl", "bsd", "btn", "bwp", "byn", "bzd",
    "cad", "cdf", "che", "chf", "chw", "clf", "clp", "cny", "cop", "cou", "crc", "cuc", "cup",
    "cve", "czk", "djf", "dkk", "dop", "dzd", "egp", "ern", "etb", "eur", "fjd", "fkp", "gbp",
    "gel", "ghs", "gip", "gmd", "gnf", "gtq", "gyd", "hkd", "hnl", "hrk", "htg", "huf", "idr",
    "ils", "inr", "iqd", "irr", "isk", "jmd", "jod", "jpy", "kes", "kgs", "khr", "kmf", "kpw",
    "krw", "kwd", "kyd", "kzt", "lak", "lbp", "lkr", "lrd", "lsl", "lyd", "mad", "mdl", "mga",
    "mkd", "mmk", "mnt", "mop", "mro", "mru", "mur", "mvr", "mwk", "mxn", "mxv", "myr", "mzn",
    "nad", "ngn", "nio", "nok", "npr", "nzd", "omr", "pab", "pen", "pgk", "php", "pkr", "pln",
    "pyg", "qar", "ron", "rsd", "rub", "rwf", "sar", "sbd", "scr", "sdg", "sek", "sgd", "shp",
    "sle", "sll", "sos", "srd", "ssp", "std", "stn", "svc", "syp", "szl", "thb", "tjs", "tmt",
    "tnd", "top", "try", "ttd", "twd", "tzs", "uah", "ugx", "usd", "usn", "uyi", "uyu", "uyw",
    "uzs", "ved", "vef", "ves", "vnd", "vuv", "wst", "xaf", "xcd", "xcg", "xdr", "xof", "xpf",
    "xsu", "xua", "yer", "zar", "zmw", "zwl",
];

/// Whether `text` is a currency code as Stripe takes one: an ISO 4217 code, in either case
/// (Stripe lowercases it).
pub(crate) fn is_currency(text: &str) -> bool {
    text.len() == 3
        && CURRENCIES
            .binary_search(&text.to_ascii_lowercase().as_str())
            .is_ok()
}

/// Rules of one scalar, by where it sits.
pub(crate) fn check_value(operation: Operation, at: &At, value: &Value) -> Result<(), ErrorAnswer> {
    let name = name_of(&at.pattern);
    if let Value::String(text) = value {
        if text.chars().count() > MAX_STRING {
            return Err(ErrorAnswer::invalid(
                &at.param,
                format!("Invalid string: must be at most {MAX_STRING} characters"),
            ));
        }
        let currency = matches!(name, "currency" | "minimum_amount_currency");
        if currency && !text.is_empty() && !is_currency(text) {
            return Err(invalid_currency(at, text));
        }
        let coupon_name = name == "name"
            && matches!(operation, Operation::CreateCoupon | Operation::UpdateCoupon)
            || at.pattern.ends_with("coupon_data.name");
        if coupon_name && text.chars().count() > MAX_COUPON_NAME {
            return Err(ErrorAnswer::invalid(
                &at.param,
                format!("Invalid string: must be at most {MAX_COUPON_NAME} characters"),
            ));
        }
        let descriptor = matches!(name, "statement_descriptor" | "statement_descriptor_suffix");
        if descriptor
            && at.pattern.starts_with("payment_intent_data")
            && text.chars().count() > MAX_STATEMENT_DESCRIPTOR
        {
            return Err(ErrorAnswer::invalid(
                &at.param,
                format!("Invalid string: must be at most {MAX_STATEMENT_DESCRIPTOR} characters"),
            ));
        }
        if name == "unit_amount_decimal" {
            // Its form is checked as a decimal's (`is_decimal`); here, its bound.
            let amount: f64 = text.parse().unwrap_or(f64::MAX);
            if amount > MAX_UNIT_AMOUNT as f64 {
                return Err(at_most(at, MAX_UNIT_AMOUNT));
            }
        }
        return Ok(());
    }
    if let Some(percent) = value.as_f64().filter(|_| takes_fractions(&at.pattern)) {
        // A coupon takes off more than nothing; a fee may be nothing.
        let (low_ok, message) = if name == "percent_off" {
            (
                percent > 0.0,
                "This value must be greater than 0 and less than or equal to 100.",
            )
        } else {
            (
                percent >= 0.0,
                "This value must be greater than or equal to 0 and less than or equal to 100.",
            )
        };
        if !(low_ok && percent <= 100.0) {
            return Err(ErrorAnswer::invalid(&at.param, message));
        }
        return Ok(());
    }
    let Some(n) = value.as_i64() else {
        return Ok(());
    };
    match name {
        "unit_amount" => within(at, n, 0, MAX_UNIT_AMOUNT),
        "quantity" if at.pattern.starts_with("line_items") => within(at, n, 1, MAX_QUANTITY),
        "minimum" | "maximum" if at.pattern.contains("adjustable_quantity") => {
            within(at, n, 0, MAX_QUANTITY)
        }
        "limit" if at.pattern == "limit" => within(at, n, 1, 100),
        "amount_off" | "max_redemptions" | "duration_in_months" => within(at, n, 1, i64::MAX),
        "minimum_amount" => within(at, n, 0, i64::MAX),
        // A shipping rate's amount is "a non-negative integer", its delivery estimate's
        // bounds "must be greater than 0" (SDK types); a trial has "at least 1" day (the
        // trials' `trial_period_days`).
        "amount" if at.pattern.contains("fixed_amount") => within(at, n, 0, i64::MAX),
        "value" if at.pattern.contains("delivery_estimate") => within(at, n, 1, i64::MAX),
        "trial_period_days" => within(at, n, 1, i64::MAX),
        _ => Ok(()),
    }
}

fn invalid_currency(at: &At, text: &str) -> ErrorAnswer {
    ErrorAnswer::invalid(
        &at.param,
        format!(
            "Invalid currency: {text}. A currency is a three-letter ISO 4217 code such as usd."
        ),
    )
}

/// Rules across the params of one object.
pub(crate) fn check_object(
    operation: Operation,
    at: &At,
    object: &Value,
) -> Result<(), ErrorAnswer> {
    let has = |key: &str| object.get(key).is_some_and(|v| v != "");
    let coupon = match operation {
        Operation::CreateCoupon => at.pattern.is_empty(),
        _ => at.pattern.ends_with("coupon_data"),
    };
    if coupon {
        check_coupon_terms(at, object)?;
    }
    if at.pattern == "line_items[]" && operation == Operation::CreateSession {
        match (has("price"), has("price_data")) {
            (true, true) => {
                return Err(ErrorAnswer::state(
                    Some(&at.prop_param("price_data")),
                    "You may only specify one of these parameters: price, price_data.",
                ));
            }
            (false, false) => return Err(ErrorAnswer::missing(at.prop_param("price"))),
            _ => {}
        }
        if let Some(data) = object.get("price_data") {
            if data.get("unit_amount").is_none() && data.get("unit_amount_decimal").is_none() {
                return Err(ErrorAnswer::missing(
                    at.prop_param("price_data") + "[unit_amount]",
                ));
            }
            if data.get("product").is_none() && data.get("product_data").is_none() {
                return Err(ErrorAnswer::missing(
                    at.prop_param("price_data") + "[product_data]",
                ));
            }
        }
    }
    // A promotion code's minimum is an amount in a currency: one without the other means
    // nothing (Promotion codes API, `restrictions`).
    if at.pattern == "restrictions" {
        match (has("minimum_amount"), has("minimum_amount_currency")) {
            (true, false) => {
                return Err(ErrorAnswer::missing(
                    at.prop_param("minimum_amount_currency"),
                ));
            }
            (false, true) => return Err(ErrorAnswer::missing(at.prop_param("minimum_amount"))),
            _ => {}
        }
    }
    if at.pattern.ends_with("adjustable_quantity") {
        let bound = |key| object.get(key).and_then(Value::as_i64);
        if let (Some(min), Some(max)) = (bound("minimum"), bound("maximum")) {
            if min > max {
                return Err(ErrorAnswer::invalid(
                    at.prop_param("minimum"),
                    "The minimum must be less than or equal to the maximum.",
                ));
            }
        }
    }
    Ok(())
}

/// A coupon's terms (docs.stripe.com/api/coupons/create): exactly one of `amount_off` (with
/// its `currency`) and `percent_off`; `duration_in_months` with `repeating`, and only then.
fn check_coupon_terms(at: &At, object: &Value) -> Result<(), ErrorAnswer> {
    let has = |key: &str| object.get(key).is_some();
    match (has("amount_off"), has("percent_off")) {
        (true, true) => {
            return Err(ErrorAnswer::state(
                Some(&at.prop_param("percent_off")),
                "You may only specify one of these parameters: amount_off, percent_off.",
            ));
        }
        (false, false) => {
            return Err(ErrorAnswer::missing(at.prop_param("percent_off")));
        }
        (true, false) if !has("currency") => {
            return Err(ErrorAnswer::missing(at.prop_param("currency")));
        }
        _ => {}
    }
    let repeating = object.get("duration").and_then(Value::as_str) == Some("repeating");
    match (repeating, has("duration_in_months")) {
        (true, false) => Err(ErrorAnswer::missing(at.prop_param("duration_in_months"))),
        (false, true) => Err(ErrorAnswer::invalid(
            at.prop_param("duration_in_months"),
            "`duration_in_months` may only be set when `duration` is `repeating`.",
        )),
        _ => Ok(()),
    }
}

/// Rules of a map: metadata's limits, `currency_options` keyed by currencies.
pub(crate) fn check_map(at: &At, map: &Value) -> Result<(), ErrorAnswer> {
    let Value::Object(entries) = map else {
        return Ok(());
    };
    let name = name_of(&at.pattern);
    if name == "metadata" {
        check_metadata(at, entries)?;
    }
    if name == "currency_options" {
        if let Some(key) = entries.keys().find(|k| !is_currency(k)) {
            return Err(invalid_currency(
                &At {
                    param: at.key_param(key),
                    ..at.clone()
                },
                key,
            ));
        }
    }
    Ok(())
}

fn check_metadata(at: &At, entries: &Map<String, Value>) -> Result<(), ErrorAnswer> {
    if entries.len() > MAX_METADATA_KEYS {
        return Err(ErrorAnswer::invalid(
            &at.param,
            format!("Invalid metadata: metadata may have at most {MAX_METADATA_KEYS} keys."),
        ));
    }
    for (key, value) in entries {
        let param = at.key_param(key);
        if key.chars().count() > MAX_METADATA_KEY {
            return Err(ErrorAnswer::invalid(
                param,
                format!("Invalid metadata: keys must be at most {MAX_METADATA_KEY} characters."),
            ));
        }
        if value
            .as_str()
            .is_some_and(|v| v.chars().count() > MAX_METADATA_VALUE)
        {
            return Err(ErrorAnswer::invalid(
                param,
                format!(
                    "Invalid metadata: values must be at most {MAX_METADATA_VALUE} characters."
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn at(param: &str, pattern: &str) -> At {
        At {
            param: param.into(),
            pattern: pattern.into(),
        }
    }

    fn param_of(result: Result<(), ErrorAnswer>) -> Option<String> {
        result.err().map(|e| e.param.unwrap_or_default())
    }

    #[test]
    fn scalar_bounds_hold_at_their_edges() {
        let op = Operation::CreateSession;
        let q = at("line_items[0][quantity]", "line_items[].quantity");
        let fixed = at(
            "shipping_options[0][shipping_rate_data][fixed_amount][amount]",
            "shipping_options[].shipping_rate_data.fixed_amount.amount",
        );
        let estimate = at(
            "e",
            "shipping_options[].shipping_rate_data.delivery_estimate.minimum.value",
        );
        let trial = at(
            "subscription_data[trial_period_days]",
            "subscription_data.trial_period_days",
        );
        let descriptor = at("d", "payment_intent_data.statement_descriptor");
        let suffix = at("s", "payment_intent_data.statement_descriptor_suffix");
        let rows: Vec<(At, Value, bool)> = vec![
            (q.clone(), json!(1), true),
            (q.clone(), json!(999_999), true),
            (q.clone(), json!(0), false),
            (q.clone(), json!(1_000_000), false),
            (
                at("u", "line_items[].price_data.unit_amount"),
                json!(99_999_999),
                true,
            ),
            (
                at("u", "line_items[].price_data.unit_amount"),
                json!(100_000_000),
                false,
            ),
            (
                at("u", "line_items[].price_data.unit_amount"),
                json!(-1),
                false,
            ),
            (
                at("d", "line_items[].price_data.unit_amount_decimal"),
                json!("99999999"),
                true,
            ),
            (
                at("d", "line_items[].price_data.unit_amount_decimal"),
                json!("99999999.5"),
                false,
            ),
            (
                at("m", "line_items[].adjustable_quantity.maximum"),
                json!(999_999),
                true,
            ),
            (
                at("m", "line_items[].adjustable_quantity.maximum"),
                json!(1_000_000),
                false,
            ),
            (
                at("p", "discounts[].coupon_data.percent_off"),
                json!(100.0),
                true,
            ),
            (
                at("p", "discounts[].coupon_data.percent_off"),
                json!(100.5),
                false,
            ),
            (
                at("p", "discounts[].coupon_data.percent_off"),
                json!(0.0),
                false,
            ),
            (at("c", "currency"), json!("usd"), true),
            (at("c", "currency"), json!("dollars"), false),
            (at("c", "currency"), json!("xyz"), false),
            (at("c", "currency"), json!("EUR"), true),
            (at("l", "limit"), json!(100), true),
            (at("l", "limit"), json!(101), false),
            (at("l", "limit"), json!(0), false),
            (at("a", "amount_off"), json!(0), false),
            (at("s", "name"), json!("x".repeat(MAX_STRING + 1)), false),
            (fixed.clone(), json!(0), true),
            (fixed.clone(), json!(-1), false),
            (estimate.clone(), json!(1), true),
            (estimate.clone(), json!(0), false),
            (trial.clone(), json!(1), true),
            (trial.clone(), json!(0), false),
            (descriptor.clone(), json!("x".repeat(22)), true),
            (descriptor.clone(), json!("x".repeat(23)), false),
            (suffix.clone(), json!("x".repeat(23)), false),
            // A descriptor's limit is the PaymentIntent's; a name elsewhere may be longer.
            (at("n", "statement_descriptor"), json!("x".repeat(23)), true),
        ];
        for (at, value, ok) in rows {
            let got = check_value(op, &at, &value);
            assert_eq!(got.is_ok(), ok, "{} = {value}", at.pattern);
            if !ok {
                assert_eq!(got.unwrap_err().param.as_deref(), Some(at.param.as_str()));
            }
        }
        // A decimal's form: at most 12 decimals, digits only (read before its bound).
        let decimal = at("d", "line_items[].price_data.unit_amount_decimal");
        assert!(check_decimal("1.000000000001", &decimal).is_ok());
        assert!(check_decimal("1.0000000000001", &decimal).is_err());
        assert!(check_decimal("-1", &decimal).is_err());
        let name = at("name", "name");
        assert!(check_value(Operation::CreateCoupon, &name, &json!("x".repeat(40))).is_ok());
        assert!(check_value(Operation::CreateCoupon, &name, &json!("x".repeat(41))).is_err());
        assert!(check_value(op, &name, &json!("x".repeat(41))).is_ok());
    }

    #[test]
    fn the_currency_codes_are_sorted_for_the_search() {
        assert!(CURRENCIES.windows(2).all(|w| w[0] < w[1]));
        assert!(
            CURRENCIES
                .iter()
                .all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_lowercase()))
        );
    }

    #[test]
    fn coupon_terms_name_the_param_to_fix() {
        let coupon = at("discounts[0][coupon_data]", "discounts[].coupon_data");
        let rows = [
            (json!({"percent_off": 10.0}), None),
            (json!({"amount_off": 10, "currency": "usd"}), None),
            (
                json!({"amount_off": 10}),
                Some("discounts[0][coupon_data][currency]"),
            ),
            (json!({}), Some("discounts[0][coupon_data][percent_off]")),
            (
                json!({"amount_off": 1, "currency": "usd", "percent_off": 1.0}),
                Some("discounts[0][coupon_data][percent_off]"),
            ),
            (
                json!({"percent_off": 1.0, "duration": "repeating"}),
                Some("discounts[0][coupon_data][duration_in_months]"),
            ),
            (
                json!({"percent_off": 1.0, "duration": "once", "duration_in_months": 3}),
                Some("discounts[0][coupon_data][duration_in_months]"),
            ),
            (
                json!({"percent_off": 1.0, "duration": "repeating", "duration_in_months": 3}),
                None,
            ),
        ];
        for (object, want) in rows {
            let got = param_of(check_object(Operation::CreateSession, &coupon, &object));
            assert_eq!(got.as_deref(), want, "{object}");
        }
        let restrictions = at("restrictions", "restrictions");
        for (object, want) in [
            (
                json!({"minimum_amount": 500}),
                Some("restrictions[minimum_amount_currency]"),
            ),
            (
                json!({"minimum_amount_currency": "usd"}),
                Some("restrictions[minimum_amount]"),
            ),
            (
                json!({"minimum_amount": 500, "minimum_amount_currency": "usd"}),
                None,
            ),
        ] {
            let got = param_of(check_object(
                Operation::CreatePromotionCode,
                &restrictions,
                &object,
            ));
            assert_eq!(got.as_deref(), want, "{object}");
        }
        let top = at("", "");
        let got = param_of(check_object(
            Operation::CreateCoupon,
            &top,
            &json!({"amount_off": 5}),
        ));
        assert_eq!(got.as_deref(), Some("currency"));
    }

    #[test]
    fn metadata_limits_name_the_key() {
        let meta = at("metadata", "metadata");
        let ok = json!({"k": "v".repeat(500), "x".repeat(40): "v"});
        assert!(check_map(&meta, &ok).is_ok());
        let long_key = json!({"x".repeat(41): "v"});
        assert_eq!(
            param_of(check_map(&meta, &long_key)),
            Some(format!("metadata[{}]", "x".repeat(41)))
        );
        let long_value = json!({"k": "v".repeat(501)});
        assert_eq!(
            param_of(check_map(&meta, &long_value)).as_deref(),
            Some("metadata[k]")
        );
        let many: Map<String, Value> = (0..51).map(|i| (format!("k{i}"), json!("v"))).collect();
        assert_eq!(
            param_of(check_map(&meta, &Value::Object(many))).as_deref(),
            Some("metadata")
        );
        let options = at("currency_options", "currency_options");
        assert_eq!(
            param_of(check_map(&options, &json!({"eur": {}, "euro": {}}))).as_deref(),
            Some("currency_options[euro]")
        );
    }
}
