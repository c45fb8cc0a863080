// A params sample cut down to one leaf: shared by the coverage test and the crate's unit
// test of the typed encoder (which `include!`s this file, so it has no inner doc comment).

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
