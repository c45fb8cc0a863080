//! A request's params checked against the facts of its version, the way Stripe checks them
//! before running an operation: unknown params, the kind of every value (integers, numbers,
//! booleans, enum values, decimals, lists, maps), required params and clearing with `''`,
//! then the documented bounds of `rules`. The result is the params as typed JSON.
//!
//! Errors name the offending leaf in Stripe's bracket form (`line_items[0][quantity]`). What
//! the operations then do with the params is the store's.

use serde_json::{Map, Number, Value};

use crate::error_answer::ErrorAnswer;
use crate::facts::{Kind, Node, Operation};
use crate::form::FormTree;
use crate::rules;

/// Where a value sits: its param in bracket form, and its pattern for `rules` (dotted, `[]`
/// for any list item, `{}` for any map key: `line_items[].price_data.unit_amount`).
#[derive(Clone, Debug, Default)]
pub(crate) struct At {
    pub(crate) param: String,
    pub(crate) pattern: String,
}

impl At {
    fn prop(&self, name: &str) -> At {
        At {
            param: bracket(&self.param, name),
            pattern: if self.pattern.is_empty() {
                name.to_owned()
            } else {
                format!("{}.{name}", self.pattern)
            },
        }
    }

    fn item(&self, index: usize) -> At {
        At {
            param: bracket(&self.param, &index.to_string()),
            pattern: format!("{}[]", self.pattern),
        }
    }

    /// The param of `name` inside this object.
    pub(crate) fn prop_param(&self, name: &str) -> String {
        bracket(&self.param, name)
    }

    /// The param of `key` inside this map.
    pub(crate) fn key_param(&self, key: &str) -> String {
        bracket(&self.param, key)
    }

    fn key(&self, key: &str) -> At {
        At {
            param: bracket(&self.param, key),
            pattern: format!("{}.{{}}", self.pattern),
        }
    }
}

fn bracket(param: &str, name: &str) -> String {
    if param.is_empty() {
        name.to_owned()
    } else {
        format!("{param}[{name}]")
    }
}

/// Checks `tree` against the params of `operation` in `facts` and returns them typed.
///
/// # Errors
/// The first param Stripe would refuse, as Stripe's 400.
pub(crate) fn params(
    operation: Operation,
    schema: &Node,
    tree: &FormTree,
) -> Result<Value, ErrorAnswer> {
    let checker = Checker { operation };
    checker.value(schema, tree, &At::default())
}

struct Checker {
    operation: Operation,
}

impl Checker {
    fn value(&self, node: &Node, tree: &FormTree, at: &At) -> Result<Value, ErrorAnswer> {
        if let FormTree::Leaf(text) = tree {
            if text.is_empty() && !at.param.is_empty() {
                return if node.clearable() {
                    Ok(Value::String(String::new()))
                } else {
                    Err(ErrorAnswer::invalid(
                        &at.param,
                        format!(
                            "You passed an empty string for '{p}'. We assume empty values are an \
                             attempt to unset a parameter; however '{p}' cannot be unset. You \
                             should remove '{p}' from your request or supply a non-empty value.",
                            p = at.param
                        ),
                    ))
                };
            }
        }
        // Stripe reads a decimal param as one even where an older SDK typed it as a string.
        let kind = if node.kind == Kind::String && rules::is_decimal(&at.pattern) {
            Kind::Decimal
        } else {
            node.kind
        };
        let value = match kind {
            Kind::Object => self.object(node, tree, at)?,
            Kind::Array => self.array(node, tree, at)?,
            Kind::Map => self.map(node, tree, at)?,
            Kind::Union => self.union(node, tree, at)?,
            Kind::String => Value::String(leaf(tree, at, "string")?.to_owned()),
            Kind::Boolean => match leaf(tree, at, "boolean")? {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                other => {
                    return Err(ErrorAnswer::invalid(
                        &at.param,
                        format!("Invalid boolean: {other}"),
                    ));
                }
            },
            Kind::Number => number(leaf(tree, at, "number")?, at)?,
            Kind::Decimal => {
                let text = leaf(tree, at, "decimal")?;
                rules::check_decimal(text, at)?;
                Value::String(text.to_owned())
            }
            Kind::Enum => {
                let text = leaf(tree, at, "string")?;
                if !node.values.iter().any(|v| v == text) {
                    return Err(ErrorAnswer::invalid(
                        &at.param,
                        format!(
                            "Invalid {}: must be one of {}",
                            last_name(&at.param),
                            one_of(&node.values)
                        ),
                    ));
                }
                Value::String(text.to_owned())
            }
        };
        rules::check_value(self.operation, at, &value)?;
        Ok(value)
    }

    fn object(&self, node: &Node, tree: &FormTree, at: &At) -> Result<Value, ErrorAnswer> {
        let FormTree::Node(children) = tree else {
            return Err(ErrorAnswer::invalid(&at.param, "Invalid object"));
        };
        let mut out = Map::new();
        for (name, child) in children {
            let Some(prop) = node.props.get(name) else {
                return Err(ErrorAnswer::unknown(at.prop(name).param));
            };
            out.insert(name.clone(), self.value(prop, child, &at.prop(name))?);
        }
        for (name, prop) in &node.props {
            if !prop.optional && !out.contains_key(name) {
                return Err(ErrorAnswer::missing(at.prop(name).param));
            }
        }
        let out = Value::Object(out);
        rules::check_object(self.operation, at, &out)?;
        Ok(out)
    }

    fn array(&self, node: &Node, tree: &FormTree, at: &At) -> Result<Value, ErrorAnswer> {
        let items = tree
            .as_indexed_list()
            .ok_or_else(|| ErrorAnswer::invalid(&at.param, "Invalid array"))?;
        let schema = node
            .items
            .as_deref()
            .expect("the facts give every array its items");
        // Named by the index sent; the list is read in index order, gaps closed.
        items
            .into_iter()
            .map(|(i, item)| self.value(schema, item, &at.item(i)))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array)
    }

    fn map(&self, node: &Node, tree: &FormTree, at: &At) -> Result<Value, ErrorAnswer> {
        let FormTree::Node(children) = tree else {
            return Err(ErrorAnswer::invalid(&at.param, "Invalid object"));
        };
        let mut out = Map::new();
        for (key, child) in children {
            let at = at.key(key);
            let value = match (&node.values_node, child) {
                (Some(schema), _) => self.value(schema, child, &at)?,
                // A plain map's value may be empty: `metadata[key]=` removes the key.
                (None, FormTree::Leaf(text)) => Value::String(text.clone()),
                (None, FormTree::Node(_)) => {
                    return Err(ErrorAnswer::invalid(&at.param, "Invalid string"));
                }
            };
            out.insert(key.clone(), value);
        }
        let out = Value::Object(out);
        rules::check_map(at, &out)?;
        Ok(out)
    }

    fn union(&self, node: &Node, tree: &FormTree, at: &At) -> Result<Value, ErrorAnswer> {
        // The variant of the value's form (a leaf or a node) decides; its errors are the ones
        // to report.
        let wants_node = matches!(tree, FormTree::Node(_));
        let fits =
            |n: &&Node| matches!(n.kind, Kind::Object | Kind::Array | Kind::Map) == wants_node;
        match node.variants.iter().find(fits) {
            Some(variant) => self.value(variant, tree, at),
            None => Err(ErrorAnswer::invalid(&at.param, "Invalid value")),
        }
    }
}

fn leaf<'t>(tree: &'t FormTree, at: &At, what: &str) -> Result<&'t str, ErrorAnswer> {
    match tree {
        FormTree::Leaf(text) => Ok(text),
        FormTree::Node(_) => Err(ErrorAnswer::invalid(&at.param, format!("Invalid {what}"))),
    }
}

/// A number as Stripe reads one: an integer unless `rules` says the param takes fractions.
fn number(text: &str, at: &At) -> Result<Value, ErrorAnswer> {
    if rules::takes_fractions(&at.pattern) {
        let parsed: Option<f64> = text
            .parse()
            .ok()
            .filter(|f: &f64| f.is_finite() && !text.contains(['e', 'E', 'i', 'n', 'N']));
        return parsed
            .and_then(Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| ErrorAnswer::invalid(&at.param, format!("Invalid decimal: {text}")));
    }
    text.parse::<i64>()
        .ok()
        .filter(|_| !text.starts_with('+'))
        .map(Value::from)
        .ok_or_else(|| ErrorAnswer::invalid(&at.param, format!("Invalid integer: {text}")))
}

/// The last bracket segment of a param: `mode`, or `type` for `custom_fields[0][type]`.
fn last_name(param: &str) -> &str {
    param
        .rsplit('[')
        .next()
        .map_or(param, |s| s.trim_end_matches(']'))
}

/// `a, b, or c`, as Stripe lists allowed values.
fn one_of(values: &[String]) -> String {
    match values {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} or {b}"),
        [init @ .., last] => format!("{}, or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema(value: Value) -> Node {
        serde_json::from_value(value).unwrap()
    }

    fn check(schema: &Node, body: &str) -> Result<Value, (String, String)> {
        params(
            Operation::CreateSession,
            schema,
            &FormTree::parse(body).unwrap(),
        )
        .map_err(|e| (e.param.unwrap_or_default(), e.message))
    }

    fn sample() -> Node {
        schema(json!({"kind": "object", "props": {
            "mode": {"kind": "enum", "values": ["payment", "setup", "subscription"], "optional": true},
            "flag": {"kind": "boolean", "optional": true},
            "name": {"kind": "string", "optional": true},
            "label": {"kind": "string", "optional": true, "nullable": true},
            "metadata": {"kind": "map", "optional": true, "emptyable": true},
            "items": {"kind": "array", "optional": true, "emptyable": true, "items": {
                "kind": "object", "props": {
                    "quantity": {"kind": "number", "optional": false},
                    "note": {"kind": "string", "optional": true}
                }
            }},
            "created": {"kind": "union", "optional": true, "variants": [
                {"kind": "object", "props": {"gt": {"kind": "number", "optional": true}}},
                {"kind": "number"}
            ]}
        }}))
    }

    #[test]
    fn values_come_back_typed() {
        let got = check(
            &sample(),
            "mode=payment&flag=true&name=x&metadata[k]=v&items[0][quantity]=2&created[gt]=5",
        )
        .unwrap();
        assert_eq!(
            got,
            json!({"mode": "payment", "flag": true, "name": "x", "metadata": {"k": "v"},
                   "items": [{"quantity": 2}], "created": {"gt": 5}})
        );
        assert_eq!(
            check(&sample(), "created=7").unwrap(),
            json!({"created": 7})
        );
        assert_eq!(
            check(&sample(), "items=&metadata=").unwrap(),
            json!({"items": "", "metadata": ""})
        );
        // A string the SDK types `Emptyable<string>` (nullable in the facts) is cleared too.
        assert_eq!(check(&sample(), "label=").unwrap(), json!({"label": ""}));
    }

    #[test]
    fn refusals_name_the_leaf() {
        let rows = [
            (
                "mode=barter",
                "mode",
                "Invalid mode: must be one of payment, setup, or subscription",
            ),
            ("flag=yes", "flag", "Invalid boolean: yes"),
            (
                "items[0][quantity]=1.5",
                "items[0][quantity]",
                "Invalid integer: 1.5",
            ),
            (
                "items[0][quantity]=%2B1",
                "items[0][quantity]",
                "Invalid integer: +1",
            ),
            (
                "items[0][note]=x",
                "items[0][quantity]",
                "Missing required param: items[0][quantity].",
            ),
            (
                "items[0][quantity]=1&items[0][colour]=red",
                "items[0][colour]",
                "Received unknown parameter: items[0][colour]",
            ),
            ("colour=red", "colour", "Received unknown parameter: colour"),
            ("items=x", "items", "Invalid array"),
            ("items[a][quantity]=1", "items", "Invalid array"),
            ("name[x]=1", "name", "Invalid string"),
            ("metadata[k][j]=1", "metadata[k]", "Invalid string"),
            ("created=soon", "created", "Invalid integer: soon"),
        ];
        for (body, param, message) in rows {
            assert_eq!(
                check(&sample(), body),
                Err((param.into(), message.into())),
                "{body}"
            );
        }
        let (param, message) = check(&sample(), "name=").unwrap_err();
        assert_eq!(param, "name");
        assert!(
            message.starts_with("You passed an empty string for 'name'"),
            "{message}"
        );
    }

    #[test]
    fn a_decimal_typed_as_a_string_is_read_as_a_decimal() {
        let basil = schema(json!({"kind": "object", "props": {
            "unit_amount_decimal": {"kind": "string", "optional": true}
        }}));
        assert_eq!(
            check(&basil, "unit_amount_decimal=1.5").unwrap(),
            json!({"unit_amount_decimal": "1.5"})
        );
        let (param, message) = check(&basil, "unit_amount_decimal=1.0000000000001").unwrap_err();
        assert_eq!(param, "unit_amount_decimal");
        assert!(message.starts_with("Invalid decimal"), "{message}");
    }

    #[test]
    fn lists_are_read_in_index_order() {
        let got = check(&sample(), "items[1][quantity]=2&items[0][quantity]=1").unwrap();
        assert_eq!(got, json!({"items": [{"quantity": 1}, {"quantity": 2}]}));
        // A gap closes in the value, and an error names the index sent.
        let sparse = check(&sample(), "items[0][quantity]=1&items[2][quantity]=3").unwrap();
        assert_eq!(sparse, json!({"items": [{"quantity": 1}, {"quantity": 3}]}));
        let err = check(&sample(), "items[0][quantity]=1&items[2][quantity]=x").unwrap_err();
        assert_eq!(err.0, "items[2][quantity]");
    }

    #[test]
    fn allowed_values_read_as_stripe_lists_them() {
        let list = |v: &[&str]| one_of(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(list(&["a"]), "a");
        assert_eq!(list(&["a", "b"]), "a or b");
        assert_eq!(list(&["a", "b", "c"]), "a, b, or c");
        assert_eq!(last_name("custom_fields[0][type]"), "type");
        assert_eq!(last_name("mode"), "mode");
    }
}
