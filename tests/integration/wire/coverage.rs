//! How much of Stripe's Checkout Session API the types cover, per API version, measured
//! against the facts vendored in `tests/fixtures/checkout-api/` (every param and field of the
//! official Node SDK's types, with a sample value for each).
//!
//! - A **param leaf** is covered when a JSON params value setting only it (and the fields
//!   Stripe requires around it) reads into the typed params and encodes to the leaf's form
//!   key.
//! - An **object leaf** is typed when the sample object reads into the model and the read
//!   fails once that leaf alone holds a value of the wrong shape (a `Value` field, or an
//!   ignored one, accepts anything); it is dropped when the model, written back, no longer
//!   has it.
//!
//! `tests/fixtures/checkout-api/covered.txt` lists what is covered today; the test fails when
//! a listed leaf is no longer covered (a field was lost), and prints the table. Run it with
//! `UPDATE_COVERAGE=1` to rewrite the list after typing more.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use stripe_checkout_client::checkout::objects::Price;
use stripe_checkout_client::checkout::{
    CheckoutSession, CreateSession, ListLineItems, ListSessions, SessionLineItem, UpdateSession,
};
use stripe_checkout_client::coupons::Coupon;
use stripe_checkout_client::discounts::AppliedDiscount;
use stripe_checkout_client::form;
use stripe_checkout_client::promotion_codes::PromotionCode;

use crate::wire::leaf_sample::{leaf_params, object_sample, prune, segments};

const VERSIONS: [&str; 3] = ["basil", "preview", "endive"];
const COVERED: &str = "tests/fixtures/checkout-api/covered.txt";

fn facts(version: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/checkout-api/{version}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn param_covered<T: DeserializeOwned + Serialize>(
    target: &Value,
    sample: &Value,
    leaf: &Value,
    base: &Value,
) -> bool {
    let value = leaf_params(target, sample, leaf, base);
    let Ok(params) = serde_json::from_value::<T>(value) else {
        return false;
    };
    let Ok(pairs) = form::to_pairs(&params) else {
        return false;
    };
    let key = leaf["key"].as_str().unwrap().replace("[]", "[0]");
    let map = leaf["kind"] == "map";
    pairs
        .iter()
        .any(|(k, _)| *k == key || (map && k.starts_with(&format!("{key}["))))
}

fn at<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    segments(path)
        .into_iter()
        .try_fold(value, |v, (name, list)| {
            let v = v.get(name)?;
            if list { v.get(0) } else { Some(v) }
        })
}

fn at_mut<'v>(value: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    segments(path)
        .into_iter()
        .try_fold(value, |v, (name, list)| {
            let v = v.get_mut(name)?;
            if list { v.get_mut(0) } else { Some(v) }
        })
}

/// `(typed, dropped)` for an object leaf.
fn object_leaf<T: DeserializeOwned + Serialize>(sample: &Value, path: &str) -> (bool, bool) {
    let Ok(model) = serde_json::from_value::<T>(sample.clone()) else {
        return (false, true);
    };
    let written = serde_json::to_value(&model).unwrap();
    let dropped = at(sample, path).is_some() && at(&written, path).is_none();
    let mut wrong = sample.clone();
    let Some(slot) = at_mut(&mut wrong, path) else {
        return (false, dropped);
    };
    *slot = json!({"__probe": [1]});
    let typed = serde_json::from_value::<T>(wrong).is_err();
    (typed, dropped)
}

struct Measured {
    table: String,
    covered: BTreeSet<String>,
}

fn measure() -> Measured {
    let mut table = String::from("version  target           covered/leaves  dropped\n");
    let mut covered = BTreeSet::new();
    for version in VERSIONS {
        let facts = facts(version);
        let targets = facts["targets"].as_object().unwrap();
        // (covered, leaves) of the params targets and of the object targets.
        let mut params = (0, 0);
        let mut objects = (0, 0);
        for (name, target) in targets {
            let leaves = target["leaves"].as_array().unwrap();
            let sample = object_sample(name, target);
            let mut hit = 0;
            let mut dropped = 0;
            for leaf in leaves {
                let path = leaf["path"].as_str().unwrap();
                let (ok, lost) = match name.as_str() {
                    "create" => {
                        let base = json!({"mode": "payment"});
                        (
                            param_covered::<CreateSession>(target, &sample, leaf, &base),
                            false,
                        )
                    }
                    "update" => (
                        param_covered::<UpdateSession>(target, &sample, leaf, &json!({})),
                        false,
                    ),
                    "list" => (
                        param_covered::<ListSessions>(target, &sample, leaf, &json!({})),
                        false,
                    ),
                    "list_line_items" => (
                        param_covered::<ListLineItems>(target, &sample, leaf, &json!({})),
                        false,
                    ),
                    // Their only param, `expand`, is the pending request's `.expand(…)`
                    // (`sending/options.rs` checks what it sends).
                    "retrieve" | "expire" => (leaf["key"] == "expand[]", false),
                    "session" => object_leaf::<CheckoutSession>(&sample, path),
                    "item" => object_leaf::<SessionLineItem>(&sample, path),
                    "price" => object_leaf::<Price>(&sample, path),
                    "coupon" => object_leaf::<Coupon>(&sample, path),
                    "promotion_code" => object_leaf::<PromotionCode>(&sample, path),
                    "discount" => object_leaf::<AppliedDiscount>(&sample, path),
                    other => panic!("no type for target {other}"),
                };
                if ok {
                    hit += 1;
                    covered.insert(format!("{version} {name} {path}"));
                }
                dropped += usize::from(lost);
            }
            writeln!(
                table,
                "{version:<8} {name:<16} {hit:>4}/{:<4} {:>3}%  {dropped:>7}",
                leaves.len(),
                hit * 100 / leaves.len().max(1)
            )
            .unwrap();
            let sum = if target["kind"] == "param" {
                &mut params
            } else {
                &mut objects
            };
            sum.0 += hit;
            sum.1 += leaves.len();
        }
        for (what, (hit, all)) in [("all params", params), ("all objects", objects)] {
            writeln!(
                table,
                "{version:<8} {what:<16} {hit:>4}/{all:<4} {:>5.1}%",
                hit as f64 * 100.0 / all.max(1) as f64
            )
            .unwrap();
        }
    }
    Measured { table, covered }
}

#[test]
fn no_covered_leaf_is_lost() {
    let measured = measure();
    println!("{}", measured.table);
    let file = format!("{}/{COVERED}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_COVERAGE").is_some() {
        let mut text = String::from(
            "# Leaves the types cover, per API version and target (tests/integration/coverage.rs).\n",
        );
        for line in &measured.covered {
            text.push_str(line);
            text.push('\n');
        }
        std::fs::write(&file, text).unwrap();
        return;
    }
    let listed: BTreeSet<String> = std::fs::read_to_string(&file)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(str::to_owned)
        .collect();
    let lost: Vec<_> = listed.difference(&measured.covered).collect();
    assert!(
        lost.is_empty(),
        "{} covered leaves are no longer covered:\n{}\n\n{}",
        lost.len(),
        lost.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        measured.table
    );
    let gained = measured.covered.difference(&listed).count();
    if gained > 0 {
        println!("{gained} leaves are newly covered: run with UPDATE_COVERAGE=1 to list them");
    }
}

#[test]
fn the_probes_tell_covered_from_not() {
    let schema = json!({"kind": "object", "props": {
        "mode": {"kind": "enum", "optional": false},
        "line_items": {"kind": "array", "optional": true, "items": {"kind": "object", "props": {
            "price": {"kind": "string", "optional": true},
            "metadata": {"kind": "map", "optional": true},
        }}},
        "beta_settings": {"kind": "object", "optional": true, "props": {
            "display_name": {"kind": "string", "optional": true},
        }},
    }});
    let sample = json!({"mode": "payment",
        "line_items": [{"price": "price_1", "metadata": {"k": "v"}}],
        "beta_settings": {"display_name": "Shop"}});
    let target = json!({"schema": schema, "sample": sample});
    let leaf = |path: &str, key: &str, kind: &str| json!({"path": path, "key": key, "kind": kind});
    let base = json!({});
    assert!(param_covered::<CreateSession>(
        &target,
        &sample,
        &leaf("line_items[].price", "line_items[][price]", "string"),
        &base
    ));
    assert!(param_covered::<CreateSession>(
        &target,
        &sample,
        &leaf("mode", "mode", "enum"),
        &base
    ));
    assert!(!param_covered::<CreateSession>(
        &target,
        &sample,
        &leaf(
            "beta_settings.display_name",
            "beta_settings[display_name]",
            "string"
        ),
        &base
    ));
    assert_eq!(
        prune(
            &target["schema"],
            &target["sample"],
            &segments("line_items[].price")
        ),
        json!({"mode": "payment", "line_items": [{"price": "price_1"}]})
    );

    let coupon = json!({"id": "C", "object": "coupon", "percent_off": 5.0, "metadata": {"k": "v"},
                        "future_field": {"x": 1}});
    assert_eq!(object_leaf::<Coupon>(&coupon, "percent_off"), (true, false));
    assert_eq!(object_leaf::<Coupon>(&coupon, "metadata"), (true, false));
    assert_eq!(
        object_leaf::<Coupon>(&coupon, "future_field.x"),
        (false, true)
    );
}
