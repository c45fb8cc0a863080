//! Stripe's bracket form encoding (`a[b][0][c]=v`) read into a tree of strings.
//!
//! What the strings mean (numbers, booleans, enum values, lists) is decided by the facts of
//! the request's API version, in `validate`; the routes that use both live in the server.

use std::fmt;

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

/// A body that is not well-formed Stripe form encoding, with the key at fault (empty for
/// the body as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParamError {
    pub(crate) param: String,
    pub(crate) message: String,
}

impl ParamError {
    fn malformed(param: &str, message: impl Into<String>) -> Self {
        ParamError {
            param: param.to_owned(),
            message: message.into(),
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
        for (n, (key, value)) in form_urlencoded::parse(text.as_bytes()).enumerate() {
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

    /// The tree the official SDKs would encode `value` (their JSON param shape) into: numbers
    /// and booleans as their text, lists indexed, `null` as an empty value.
    pub(crate) fn from_json(value: &serde_json::Value) -> FormTree {
        use serde_json::Value;
        match value {
            Value::Object(map) => FormTree::Node(
                map.iter()
                    .map(|(k, v)| (k.clone(), FormTree::from_json(v)))
                    .collect(),
            ),
            Value::Array(items) => FormTree::Node(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (i.to_string(), FormTree::from_json(v)))
                    .collect(),
            ),
            Value::String(s) => FormTree::Leaf(s.clone()),
            Value::Null => FormTree::Leaf(String::new()),
            other => FormTree::Leaf(other.to_string()),
        }
    }

    /// The children of an index node in index order, or `None` for any other node.
    pub(crate) fn as_list(&self) -> Option<Vec<&FormTree>> {
        self.as_indexed_list()
            .map(|items| items.into_iter().map(|(_, v)| v).collect())
    }

    /// [`as_list`](Self::as_list) with each child's index as sent, so an error can name
    /// `line_items[2]` in a list sent as `0` and `2`.
    pub(crate) fn as_indexed_list(&self) -> Option<Vec<(usize, &FormTree)>> {
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
        Some(indexed)
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
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.param)
    }
}
