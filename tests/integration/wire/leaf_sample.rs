// The facts' samples, in the SDK's shape and cut down to one leaf: shared by the coverage
// test and the crate's unit test of the typed encoder (which `include!`s this file, so it
// has no inner doc comment).

use serde_json::{Map, Value, json};

/// `a.b[].c` → `[("a", false), ("b", true), ("c", false)]` (true: a list, take its first).
pub(crate) fn segments(path: &str) -> Vec<(&str, bool)> {
    path.split('.')
        .map(|s| match s.strip_suffix("[]") {
            Some(name) => (name, true),
            None => (s, false),
        })
        .collect()
}

/// The sample cut down to the leaf at `path`, keeping at each level the fields Stripe
/// requires there.
pub(crate) fn prune(schema: &Value, sample: &Value, path: &[(&str, bool)]) -> Value {
    let Some(((name, is_list), rest)) = path.split_first() else {
        return sample.clone();
    };
    let Some(props) = schema.get("props").and_then(Value::as_object) else {
        return sample.clone();
    };
    let mut out = Map::new();
    for (prop, prop_schema) in props {
        let required = prop_schema.get("optional") == Some(&Value::Bool(false));
        if required && prop != name {
            if let Some(v) = sample.get(prop) {
                out.insert(prop.clone(), v.clone());
            }
        }
    }
    let child_schema = &props[*name];
    let child_sample = &sample[*name];
    let child = if *is_list {
        json!([prune(&child_schema["items"], &child_sample[0], rest)])
    } else {
        prune(child_schema, child_sample, rest)
    };
    out.insert((*name).to_owned(), child);
    Value::Object(out)
}

/// The params value setting only `leaf` of `target` (from `sample`, see [`object_sample`]),
/// with the fields of `base` the endpoint requires added where the leaf does not set them.
pub(crate) fn leaf_params(target: &Value, sample: &Value, leaf: &Value, base: &Value) -> Value {
    let path = leaf["path"].as_str().unwrap();
    let mut value = prune(&target["schema"], sample, &segments(path));
    for (k, v) in base.as_object().unwrap() {
        value.as_object_mut().unwrap().entry(k).or_insert(v.clone());
    }
    value
}

/// Maps whose values are objects in the SDK's types (`{[currency]: Coupon.CurrencyOptions}`
/// and the like), by the object holding them. The facts record every map with string values
/// (`{"zzmapkey": "v"}`), which Stripe never sends for these, so wherever such a map appears
/// (also inside an embedded coupon or price) its sample is replaced by one of the SDK's shape.
pub(crate) const OBJECT_MAPS: [(&str, &str); 4] = [
    ("coupon", r#"{"eur": {"amount_off": 500}}"#),
    (
        "price",
        r#"{"eur": {"custom_unit_amount": null, "tax_behavior": "exclusive",
                    "tiers": [{"flat_amount": null, "flat_amount_decimal": null,
                               "unit_amount": 900, "unit_amount_decimal": "900", "up_to": null}],
                    "unit_amount": 900, "unit_amount_decimal": "900"}}"#,
    ),
    ("restrictions", r#"{"eur": {"minimum_amount": 1000}}"#),
    // A shipping rate's prices per currency, in the create and update params.
    ("fixed_amount", r#"{"eur": {"amount": 1000}}"#),
];

/// `value` with every `currency_options` map in the SDK's shape ([`OBJECT_MAPS`]); `holder`
/// is the `object` of the enclosing object, or the key it is under.
pub(crate) fn fix_object_maps(value: &mut Value, holder: &str) {
    match value {
        Value::Object(map) => {
            let kind = map
                .get("object")
                .and_then(Value::as_str)
                .unwrap_or(holder)
                .to_owned();
            for (key, child) in map.iter_mut() {
                if key == "currency_options" {
                    if let Some((_, sample)) = OBJECT_MAPS.iter().find(|(k, _)| *k == kind) {
                        *child = serde_json::from_str(sample).unwrap();
                        continue;
                    }
                }
                fix_object_maps(child, key);
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| fix_object_maps(item, holder)),
        _ => {}
    }
}

/// The target's sample, with its maps of objects in the SDK's shape.
pub(crate) fn object_sample(name: &str, target: &Value) -> Value {
    let mut sample = target["sample"].clone();
    fix_object_maps(&mut sample, name);
    sample
}
