//! The emulator's form decoder: Stripe's bracket form encoding (`a[b][0][c]=v`) read back into
//! a tree, and a `serde` deserializer over that tree that turns the leaf strings into whatever
//! the parameter type asks for — so the crate's own parameter types parse the bodies.
//!
//! The encoder is [`crate::form`]; the routes that use the decoder live in the server.

use std::fmt;

use serde::de::value::{Error as ValueError, StrDeserializer};
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess,
    Visitor,
};

/// The most pairs one body may carry.
const MAX_PAIRS: usize = 1_000;
/// The deepest nesting of brackets accepted.
const MAX_DEPTH: usize = 8;

/// A parsed form body: leaves are strings; a node maps bracket segments to subtrees, in the
/// order the keys first appeared.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FormTree {
    Leaf(String),
    Node(Vec<(String, FormTree)>),
}

/// A parameter Stripe would refuse, named the way Stripe names it (`line_items[0][quantity]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParamError {
    pub(crate) param: String,
    pub(crate) message: String,
    pub(crate) kind: ParamErrorKind,
}

/// What is wrong with the parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParamErrorKind {
    Unknown,
    Missing,
    Invalid,
    Malformed,
}

impl ParamError {
    fn malformed(param: &str, message: impl Into<String>) -> Self {
        ParamError {
            param: param.to_owned(),
            message: message.into(),
            kind: ParamErrorKind::Malformed,
        }
    }
}

fn is_index(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit())
}

/// Splits `a[b][0]` into `["a", "b", "0"]`; `[]` gives an empty segment (append).
fn segments(key: &str) -> Option<Vec<&str>> {
    let (first, mut rest) = match key.find('[') {
        Some(i) => (&key[..i], &key[i..]),
        None => (key, ""),
    };
    if first.is_empty() || first.contains(']') {
        return None;
    }
    let mut out = vec![first];
    while !rest.is_empty() {
        let inner = rest.strip_prefix('[')?;
        let close = inner.find(']')?;
        let segment = &inner[..close];
        if segment.contains('[') {
            return None;
        }
        out.push(segment);
        rest = &inner[close + 1..];
    }
    Some(out)
}

impl FormTree {
    /// Parses `application/x-www-form-urlencoded` text (a body or a query string without `?`).
    pub(crate) fn parse(text: &str) -> Result<FormTree, ParamError> {
        let mut root = FormTree::Node(Vec::new());
        for (n, (key, value)) in url::form_urlencoded::parse(text.as_bytes()).enumerate() {
            if n == MAX_PAIRS {
                return Err(ParamError::malformed(
                    "",
                    format!("Too many parameters: at most {MAX_PAIRS} are accepted."),
                ));
            }
            let Some(path) = segments(&key) else {
                return Err(ParamError::malformed(
                    &key,
                    format!("Invalid parameter name: {key}"),
                ));
            };
            if path.len() > MAX_DEPTH {
                return Err(ParamError::malformed(
                    &key,
                    format!("Parameters may be nested at most {MAX_DEPTH} levels deep: {key}"),
                ));
            }
            root.insert(&path, value.into_owned(), &key)?;
        }
        Ok(root)
    }

    fn insert(&mut self, path: &[&str], value: String, key: &str) -> Result<(), ParamError> {
        let FormTree::Node(children) = self else {
            return Err(ParamError::malformed(
                key,
                format!("Invalid parameter: {key} is given both as a value and as an object."),
            ));
        };
        let (segment, rest) = path.split_first().expect("segments are never empty");
        let segment = if segment.is_empty() {
            children
                .iter()
                .filter(|(k, _)| is_index(k))
                .count()
                .to_string()
        } else {
            (*segment).to_owned()
        };
        let existing = children.iter().position(|(k, _)| *k == segment);
        if rest.is_empty() {
            if existing.is_some() {
                return Err(ParamError::malformed(
                    key,
                    format!("Invalid parameter: {key} is given more than once."),
                ));
            }
            children.push((segment, FormTree::Leaf(value)));
            return Ok(());
        }
        let i = match existing {
            Some(i) => i,
            None => {
                children.push((segment, FormTree::Node(Vec::new())));
                children.len() - 1
            }
        };
        children[i].1.insert(rest, value, key)
    }

    /// The children of an index node in index order, or `None` for any other node.
    fn as_list(&self) -> Option<Vec<&FormTree>> {
        let FormTree::Node(children) = self else {
            return None;
        };
        if children.is_empty() || !children.iter().all(|(k, _)| is_index(k)) {
            return None;
        }
        let mut indexed: Vec<(usize, &FormTree)> = children
            .iter()
            .map(|(k, v)| (k.parse().unwrap_or(usize::MAX), v))
            .collect();
        indexed.sort_by_key(|(i, _)| *i);
        Some(indexed.into_iter().map(|(_, v)| v).collect())
    }

    /// Whether this is a node keyed exactly `0`, `1`, … `n-1` (in any order): how lists are
    /// sent. Where no type says what is wanted, only such a node is read as a list, so that a
    /// map whose keys happen to be numbers (`metadata[7]=x`) stays a map.
    fn is_dense_list(&self) -> bool {
        let FormTree::Node(children) = self else {
            return false;
        };
        let mut seen = vec![false; children.len()];
        !children.is_empty()
            && children.iter().all(|(k, _)| {
                is_index(k)
                    && k.parse::<usize>()
                        .ok()
                        .and_then(|i| seen.get_mut(i))
                        .is_some_and(|slot| !std::mem::replace(slot, true))
            })
    }

    /// The whole tree as JSON: leaves are JSON strings, lists (see `is_dense_list`) arrays in
    /// index order, everything else objects.
    pub(crate) fn to_json(&self) -> serde_json::Value {
        self.to_json_under(false)
    }

    fn to_json_under(&self, metadata: bool) -> serde_json::Value {
        match self {
            FormTree::Leaf(s) => serde_json::Value::String(s.clone()),
            FormTree::Node(children) => {
                match self.as_list().filter(|_| !metadata && self.is_dense_list()) {
                    Some(items) => items.into_iter().map(FormTree::to_json).collect(),
                    None => serde_json::Value::Object(
                        children
                            .iter()
                            .map(|(k, v)| (k.clone(), v.to_json_under(k == "metadata")))
                            .collect(),
                    ),
                }
            }
        }
    }

    /// Decodes the tree into a params type, coercing leaf strings to the type asked for.
    pub(crate) fn decode<T: DeserializeOwned>(&self) -> Result<T, ParamError> {
        serde_path_to_error::deserialize(TreeDeserializer::new(self)).map_err(|err| {
            let mut param = String::new();
            for segment in err.path().iter() {
                let name = match segment {
                    serde_path_to_error::Segment::Seq { index } => index.to_string(),
                    serde_path_to_error::Segment::Map { key } => key.clone(),
                    serde_path_to_error::Segment::Enum { variant } => variant.clone(),
                    serde_path_to_error::Segment::Unknown => continue,
                };
                push_segment(&mut param, &name);
            }
            classify(param, &err.into_inner().to_string())
        })
    }
}

fn push_segment(param: &mut String, name: &str) {
    if param.is_empty() {
        param.push_str(name);
    } else {
        param.push('[');
        param.push_str(name);
        param.push(']');
    }
}

/// Turns serde's message into Stripe's kind of error, naming the offending parameter.
fn classify(mut param: String, message: &str) -> ParamError {
    let quoted = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned)
    };
    if let Some(field) = quoted("unknown field `") {
        if !param.ends_with(&format!("[{field}]")) && param != field {
            push_segment(&mut param, &field);
        }
        return ParamError {
            message: format!("Received unknown parameter: {param}"),
            param,
            kind: ParamErrorKind::Unknown,
        };
    }
    if let Some(field) = quoted("missing field `") {
        push_segment(&mut param, &field);
        return ParamError {
            message: format!("Missing required param: {param}."),
            param,
            kind: ParamErrorKind::Missing,
        };
    }
    ParamError {
        message: format!("Invalid value for {param}: {message}"),
        param,
        kind: ParamErrorKind::Invalid,
    }
}

/// A `serde` view of one node. `metadata` is always a map on Stripe, so under that key a
/// node keyed `0`, `1`, … is read as a map even where no type says which is wanted.
struct TreeDeserializer<'a> {
    node: &'a FormTree,
    metadata: bool,
}

impl<'a> TreeDeserializer<'a> {
    fn new(node: &'a FormTree) -> Self {
        TreeDeserializer {
            node,
            metadata: false,
        }
    }

    fn leaf(&self) -> Result<&'a str, ValueError> {
        match self.node {
            FormTree::Leaf(s) => Ok(s),
            FormTree::Node(_) => Err(de::Error::invalid_type(
                de::Unexpected::Map,
                &"a single value",
            )),
        }
    }

    fn parsed<T: std::str::FromStr>(&self, what: &'static str) -> Result<T, ValueError> {
        let text = self.leaf()?;
        text.parse()
            .map_err(|_| de::Error::custom(format!("Invalid {what}: {text}")))
    }
}

macro_rules! parse_number {
    ($($method:ident => $ty:ty, $visit:ident, $what:literal;)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ValueError> {
                visitor.$visit(self.parsed::<$ty>($what)?)
            }
        )*
    };
}

impl<'de> Deserializer<'de> for TreeDeserializer<'_> {
    type Error = ValueError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ValueError> {
        let as_list = !self.metadata && self.node.is_dense_list();
        match self.node {
            FormTree::Leaf(s) => visitor.visit_str(s),
            FormTree::Node(children) => match self.node.as_list().filter(|_| as_list) {
                Some(items) => visitor.visit_seq(ListAccess(items.into_iter())),
                None => visitor.visit_map(NodeAccess {
                    children: children.iter(),
                    value: None,
                }),
            },
        }
    }

    parse_number! {
        deserialize_i8 => i64, visit_i64, "integer";
        deserialize_i16 => i64, visit_i64, "integer";
        deserialize_i32 => i64, visit_i64, "integer";
        deserialize_i64 => i64, visit_i64, "integer";
        deserialize_u8 => u64, visit_u64, "integer";
        deserialize_u16 => u64, visit_u64, "integer";
        deserialize_u32 => u64, visit_u64, "integer";
        deserialize_u64 => u64, visit_u64, "integer";
        deserialize_f32 => f64, visit_f64, "decimal";
        deserialize_f64 => f64, visit_f64, "decimal";
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ValueError> {
        match self.leaf()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            other => Err(de::Error::custom(format!("Invalid boolean: {other}"))),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ValueError> {
        visitor.visit_some(self)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ValueError> {
        match self.leaf()? {
            "" => visitor.visit_unit(),
            other => Err(de::Error::invalid_value(
                de::Unexpected::Str(other),
                &"an empty value",
            )),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ValueError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ValueError> {
        match (self.node, self.node.as_list()) {
            (_, Some(items)) => visitor.visit_seq(ListAccess(items.into_iter())),
            // `key=` sends an empty list (a clear, for the fields that can be cleared).
            (FormTree::Leaf(s), None) if s.is_empty() => {
                visitor.visit_seq(ListAccess(Vec::new().into_iter()))
            }
            (FormTree::Leaf(s), None) => Err(de::Error::invalid_type(
                de::Unexpected::Str(s),
                &"a list (key[0]=…)",
            )),
            (FormTree::Node(_), None) => Err(de::Error::invalid_type(
                de::Unexpected::Map,
                &"a list (key[0]=…)",
            )),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ValueError> {
        match self.node {
            FormTree::Node(children) => visitor.visit_map(NodeAccess {
                children: children.iter(),
                value: None,
            }),
            FormTree::Leaf(s) => Err(de::Error::invalid_type(
                de::Unexpected::Str(s),
                &"an object (key[field]=…)",
            )),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ValueError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ValueError> {
        let name: StrDeserializer<'_, ValueError> = self.leaf()?.into_deserializer();
        visitor.visit_enum(name)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ValueError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ValueError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i128 u128 char str string bytes byte_buf unit_struct tuple_struct identifier
    }
}

struct ListAccess<'a>(std::vec::IntoIter<&'a FormTree>);

impl<'de> SeqAccess<'de> for ListAccess<'_> {
    type Error = ValueError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ValueError> {
        self.0
            .next()
            .map(|item| seed.deserialize(TreeDeserializer::new(item)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct NodeAccess<'a> {
    children: std::slice::Iter<'a, (String, FormTree)>,
    value: Option<(&'a str, &'a FormTree)>,
}

impl<'de> MapAccess<'de> for NodeAccess<'_> {
    type Error = ValueError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ValueError> {
        let Some((key, value)) = self.children.next() else {
            return Ok(None);
        };
        self.value = Some((key.as_str(), value));
        let key: StrDeserializer<'_, ValueError> = key.as_str().into_deserializer();
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, ValueError> {
        let (key, value) = self
            .value
            .take()
            .ok_or_else(|| <ValueError as de::Error>::custom("value requested before its key"))?;
        seed.deserialize(TreeDeserializer {
            node: value,
            metadata: key == "metadata",
        })
    }
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.param)
    }
}

/// A form body that does not decode into the type asked for, with the parameter named the
/// way Stripe names it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
#[non_exhaustive]
pub struct FormDecodeError {
    /// The parameter, in bracket notation (`line_items[0][quantity]`); empty for the body as
    /// a whole.
    pub param: String,
    /// What is wrong, in Stripe's words where Stripe has words for it.
    pub message: String,
}

/// Decodes a Stripe form body or query string (`a[b][0]=v&…`) into a parameter type — the
/// inverse of [`form::to_string`](crate::form::to_string), as the emulator reads requests.
///
/// ```
/// use stripe_checkout_client::checkout::UpdateSession;
/// use stripe_checkout_client::testing::decode_form;
///
/// let update: UpdateSession = decode_form("discounts=&expand[0]=discounts")?;
/// assert_eq!(update, UpdateSession::new().clear_discounts().expand(["discounts"]));
///
/// let err = decode_form::<UpdateSession>("discount=x").unwrap_err();
/// assert_eq!(err.param, "discount");
/// # Ok::<(), stripe_checkout_client::testing::FormDecodeError>(())
/// ```
///
/// # Errors
/// [`FormDecodeError`] for malformed keys, unknown parameters and values of the wrong type.
pub fn decode_form<T: DeserializeOwned>(text: &str) -> Result<T, FormDecodeError> {
    FormTree::parse(text)
        .and_then(|tree| tree.decode())
        .map_err(|err| FormDecodeError {
            param: err.param,
            message: err.message,
        })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{Value, json};

    use super::*;
    use crate::checkout::{
        CreateSession, LineItem, ListSessions, PermissionOwner, PriceData, ProductData,
        RetrieveSession, SessionMode, UiMode, UpdateSession,
    };
    use crate::discounts::{CouponData, Discount};
    use crate::form;

    fn stringify(v: &Value) -> Value {
        match v {
            Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), stringify(v))).collect(),
            Value::Array(a) => a.iter().map(stringify).collect(),
            Value::String(s) => Value::String(s.clone()),
            other => Value::String(other.to_string()),
        }
    }

    fn decode_as(operation: &str, tree: &FormTree, params: &Value) {
        fn same<T: DeserializeOwned + PartialEq + std::fmt::Debug>(
            tree: &FormTree,
            params: &Value,
        ) {
            let decoded: T = tree.decode().unwrap_or_else(|e| panic!("{e}"));
            let want: T = serde_json::from_value(params.clone()).unwrap();
            assert_eq!(decoded, want);
        }
        match operation {
            "create" => same::<CreateSession>(tree, params),
            "update" => same::<UpdateSession>(tree, params),
            "retrieve" => same::<RetrieveSession>(tree, params),
            "list" => same::<ListSessions>(tree, params),
            other => panic!("no params type for {other}"),
        }
    }

    #[test]
    fn wire_vectors_decode_to_their_params() {
        let vectors: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/wire_checkout_sessions.json"
        ))
        .unwrap();
        for case in vectors["cases"].as_array().unwrap() {
            let tree = FormTree::parse(case["encoded"].as_str().unwrap()).unwrap();
            assert_eq!(
                tree.to_json(),
                stringify(&case["params"]),
                "{}",
                case["name"]
            );
            decode_as(case["operation"].as_str().unwrap(), &tree, &case["params"]);
        }
    }

    #[test]
    fn typed_params_round_trip() {
        let create = CreateSession::new(SessionMode::Payment)
            .ui_mode(UiMode::Custom)
            .update_discounts(PermissionOwner::ServerOnly)
            .line_item(LineItem::price("price_1", 2))
            .line_item(LineItem::price_data(
                PriceData::new("usd", 1_999, ProductData::new("Mug & co = 100%")),
                1,
            ))
            .return_url("https://example.com/return?x=1&y=2")
            .metadata("order", "42")
            .discount(Discount::Coupon("SUMMER".parse().unwrap()))
            .expand(["line_items"]);
        let body = form::to_string(&create).unwrap();
        let decoded: CreateSession = FormTree::parse(&body).unwrap().decode().unwrap();
        assert_eq!(decoded, create);

        let update = UpdateSession::new()
            .discount(Discount::CouponData(
                CouponData::percent_off(12.5).name("Twelve and a half"),
            ))
            .expand(["discounts"]);
        let body = form::to_string(&update).unwrap();
        assert_eq!(
            FormTree::parse(&body)
                .unwrap()
                .decode::<UpdateSession>()
                .unwrap(),
            update
        );

        let clear = UpdateSession::new().clear_discounts().clear_metadata();
        let body = form::to_string(&clear).unwrap();
        assert_eq!(
            FormTree::parse(&body)
                .unwrap()
                .decode::<UpdateSession>()
                .unwrap(),
            clear
        );

        let list = ListSessions::new()
            .limit(3)
            .created(crate::checkout::RangeQuery::new().gte(10).lt(20));
        let body = form::to_string(&list).unwrap();
        assert_eq!(
            FormTree::parse(&body)
                .unwrap()
                .decode::<ListSessions>()
                .unwrap(),
            list
        );
        let exact = ListSessions::new().created(1_700_000_000);
        let body = form::to_string(&exact).unwrap();
        assert_eq!(
            FormTree::parse(&body)
                .unwrap()
                .decode::<ListSessions>()
                .unwrap(),
            exact
        );
    }

    #[test]
    fn nesting_and_pair_count_are_bounded_at_their_limits() {
        let key = |depth: usize| format!("a{}", "[b]".repeat(depth - 1));
        assert!(FormTree::parse(&format!("{}=1", key(MAX_DEPTH))).is_ok());
        let err = FormTree::parse(&format!("{}=1", key(MAX_DEPTH + 1))).unwrap_err();
        assert_eq!(err.param, key(MAX_DEPTH + 1));
        let pairs = |n: usize| {
            (0..n)
                .map(|i| format!("k{i}=v"))
                .collect::<Vec<_>>()
                .join("&")
        };
        assert!(FormTree::parse(&pairs(MAX_PAIRS)).is_ok());
        let err = FormTree::parse(&pairs(MAX_PAIRS + 1)).unwrap_err();
        assert!(
            err.message.starts_with("Too many parameters"),
            "{}",
            err.message
        );
    }

    #[test]
    fn an_empty_value_is_an_empty_list_and_any_other_text_is_refused() {
        #[derive(serde::Deserialize, Debug)]
        struct Params {
            expand: Vec<String>,
        }
        let empty = FormTree::parse("expand=").unwrap().decode::<Params>();
        assert!(empty.unwrap().expand.is_empty());
        let text = FormTree::parse("expand=a").unwrap().decode::<Params>();
        let err = text.unwrap_err();
        // Shown as its message with the parameter it names.
        assert_eq!(err.to_string(), format!("{} (expand)", err.message));
    }

    #[test]
    fn a_node_with_any_named_key_is_no_list() {
        #[derive(serde::Deserialize, Debug)]
        struct Params {
            #[allow(dead_code)]
            expand: Vec<String>,
        }
        let mixed = FormTree::parse("expand[0]=a&expand[x]=b").unwrap();
        assert!(mixed.decode::<Params>().is_err());
        assert!(
            FormTree::parse("expand[0]=a")
                .unwrap()
                .decode::<Params>()
                .is_ok()
        );
    }

    #[test]
    fn only_numeric_keys_index_a_list() {
        #[derive(serde::Deserialize, Debug)]
        struct Params {
            #[allow(dead_code)]
            expand: Vec<String>,
        }
        let named = FormTree::parse("expand[a]=x").unwrap();
        assert!(named.decode::<Params>().is_err(), "a named key is no index");
        // `[]` appends after the numbered entries, not after the named ones.
        let mixed = FormTree::parse("m[x]=1&m[]=2").unwrap();
        assert_eq!(mixed.to_json(), json!({"m": {"x": "1", "0": "2"}}));
    }

    #[test]
    fn append_and_sparse_indices_become_lists() {
        let tree = FormTree::parse("expand[]=a&expand[]=b&items[1][x]=1&items[0][x]=2").unwrap();
        assert_eq!(
            tree.to_json(),
            json!({"expand": ["a", "b"], "items": [{"x": "2"}, {"x": "1"}]})
        );
        // Sparse indices are a list only where a list is asked for.
        let sparse = FormTree::parse("expand[5]=b&expand[2]=a&metadata[7]=x").unwrap();
        assert_eq!(
            sparse.to_json(),
            json!({"expand": {"5": "b", "2": "a"}, "metadata": {"7": "x"}})
        );
        let update: UpdateSession = sparse.decode().unwrap();
        assert_eq!(
            update,
            UpdateSession::new().expand(["a", "b"]).metadata("7", "x")
        );
        let numbered: UpdateSession = FormTree::parse("metadata[0]=a&metadata[1]=b")
            .unwrap()
            .decode()
            .unwrap();
        assert_eq!(
            numbered,
            UpdateSession::new().metadata("0", "a").metadata("1", "b")
        );
        assert_eq!(FormTree::parse("").unwrap(), FormTree::Node(Vec::new()));
    }

    fn error_of<T: DeserializeOwned + std::fmt::Debug>(body: &str) -> (String, ParamErrorKind) {
        let err = FormTree::parse(body)
            .and_then(|t| t.decode::<T>())
            .unwrap_err();
        (err.param, err.kind)
    }

    #[test]
    fn errors_name_the_param() {
        use ParamErrorKind::*;
        let base = "mode=payment&line_items[0][price]=p&line_items[0][quantity]=1";
        let rows: Vec<(String, &str, ParamErrorKind)> = vec![
            (
                format!("{base}&line_items[0][prise]=x"),
                "line_items[0][prise]",
                Unknown,
            ),
            (format!("{base}&colour=red"), "colour", Unknown),
            (
                "mode=payment&line_items[0][quantity]=abc".into(),
                "line_items[0][quantity]",
                Invalid,
            ),
            (
                "mode=payment&allow_promotion_codes=yes".into(),
                "allow_promotion_codes",
                Invalid,
            ),
            ("mode=teleport&x".into(), "x", Unknown),
            ("ui_mode=custom".into(), "mode", Missing),
            ("line_items[0=1".into(), "line_items[0", Malformed),
            ("a]=1".into(), "a]", Malformed),
            ("[x]=1".into(), "[x]", Malformed),
            ("mode=payment&mode=setup".into(), "mode", Malformed),
            ("metadata=x&metadata[a]=b".into(), "metadata[a]", Malformed),
            (
                "a[b][c][d][e][f][g][h][i]=1".into(),
                "a[b][c][d][e][f][g][h][i]",
                Malformed,
            ),
        ];
        for (body, param, kind) in rows {
            assert_eq!(
                error_of::<CreateSession>(&body),
                (param.to_owned(), kind),
                "{body}"
            );
        }
        let many: Vec<String> = (0..=MAX_PAIRS).map(|i| format!("k{i}=v")).collect();
        assert_eq!(error_of::<CreateSession>(&many.join("&")).1, Malformed);
    }

    proptest! {
        #[test]
        fn parsing_never_panics(text in ".{0,200}") {
            let _ = FormTree::parse(&text).map(|t| (t.to_json(), t.decode::<CreateSession>()));
        }

        #[test]
        fn bracket_soup_never_panics(
            pairs in proptest::collection::vec(("[a-z0-9\\[\\]]{0,12}", "[a-z0-9]{0,4}"), 0..20)
        ) {
            let body: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
            if let Ok(tree) = FormTree::parse(&body.join("&")) {
                let _ = tree.to_json();
                let _ = tree.decode::<UpdateSession>();
                let _ = tree.decode::<serde_json::Value>();
            }
        }
    }
}
