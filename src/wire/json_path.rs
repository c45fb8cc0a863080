//! Where in a JSON document a `serde_json` error happened, as the dotted path
//! `serde_path_to_error` prints (`line_items.data[0].price.unit_amount`; `.` for the root).
//!
//! Answers and webhook bodies are decoded untracked, and only a failed decode comes here: the
//! error's line and column give a byte offset, and a walk over the JSON text up to that offset
//! names the key or index being read. Tracking the path while decoding (with
//! `serde_path_to_error`) would compile every model's decoder a second time, which was the
//! largest single part of a merchant's release build of this crate (docs/performance.md).
//! The tests check that both name the same path. Decoding itself is `transport`'s and
//! `webhook`'s job.

/// The path to where decoding `json` failed with `err`.
pub(crate) fn error_path(json: &[u8], err: &serde_json::Error) -> String {
    // Two errors stop at the same byte as another that belongs elsewhere, and only serde's
    // message tells them apart.
    let message = err.to_string();
    let refused = Refused {
        sequence: message.starts_with("invalid type: sequence"),
        duplicate_key: message.starts_with("duplicate field"),
    };
    path_at(json, error_offset(json, err.line(), err.column()), refused)
}

/// What the error message says was refused, where the position alone is ambiguous.
#[derive(Clone, Copy, Default)]
struct Refused {
    /// A whole array (`invalid type: sequence`): serde_json stops right after its `[`, where
    /// it also stops in front of a refused first element.
    sequence: bool,
    /// A repeated key (`duplicate field`): the error comes after the key, but it is the
    /// object's.
    duplicate_key: bool,
}

/// The byte offset that serde_json's 1-based `line` and `column` point at. serde_json counts
/// the column in bytes from the start of the line, so the offset is the line's start plus the
/// column.
fn error_offset(json: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match json[start..].iter().position(|&b| b == b'\n') {
            Some(newline) => start += newline + 1,
            None => return json.len(),
        }
    }
    start.saturating_add(column).min(json.len())
}

/// A container the walk is inside.
enum Frame {
    /// An object, with the key whose value is being read (none between members).
    Object { key: Option<String>, in_value: bool },
    /// An array, with the index of the element being read, once it has started.
    Array { index: usize, started: bool },
}

/// The path to the value being read at byte `end` of `json`.
fn path_at(json: &[u8], end: usize, refused: Refused) -> String {
    let text = &json[..end.min(json.len())];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if let Some(Frame::Array { started, .. }) = stack.last_mut() {
            if !matches!(text[i], b',' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                *started = true;
            }
        }
        match text[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                in_value: false,
            }),
            b'[' => stack.push(Frame::Array {
                index: 0,
                started: false,
            }),
            b'}' | b']' => {
                stack.pop();
                if stack.is_empty() {
                    // The document is complete; what follows is trailing bytes.
                    break;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                Some(Frame::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b'"' => {
                let close = string_end(text, i + 1);
                if let (Some(close), Some(Frame::Object { key, in_value })) =
                    (close, stack.last_mut())
                {
                    if !*in_value {
                        *key = Some(decode_key(&text[i..=close]));
                    }
                }
                i = close.map_or(text.len(), |close| close + 1);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if refused.duplicate_key {
        if let Some(Frame::Object { key, .. }) = stack.last_mut() {
            *key = None;
        }
    }
    // Written as serde_path_to_error's `Display` writes a path: keys joined by `.`, indexes
    // as `[i]`, the root as `.`.
    let next = json[end.min(json.len())..]
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&key);
            }
            Frame::Object { key: None, .. } => break,
            // Right after `[` or `,`, the error is the element's only if serde_json stopped in
            // front of it, which it does for an object or array it refuses; otherwise the
            // array itself was refused. In front of `[`, both refusals read "invalid type:
            // sequence", so `[[…]]` refused as a whole is named by its first element.
            Frame::Array { started: false, .. }
                if !(next == Some(&b'[') || (next == Some(&b'{') && !refused.sequence)) =>
            {
                break;
            }
            Frame::Array { index, .. } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// The index of the quote closing the string whose contents start at `from`, if it is in
/// `text`.
fn string_end(text: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i < text.len() {
        match text[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// A quoted key with its escapes resolved (by serde_json, which already decodes strings for
/// the models), or its raw text if it is not valid JSON.
fn decode_key(quoted: &[u8]) -> String {
    serde_json::from_slice::<String>(quoted)
        .unwrap_or_else(|_| String::from_utf8_lossy(&quoted[1..quoted.len() - 1]).into_owned())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    use super::*;
    use crate::checkout::CheckoutSession;
    use crate::webhook::Event;

    const SESSION: &str = include_str!("../../tests/fixtures/checkout_session.json");

    /// The path this module names and the one `serde_path_to_error` tracks while decoding, for
    /// a document `T` refuses.
    fn both_paths<T: DeserializeOwned>(json: &[u8]) -> Option<(String, String)> {
        let err = serde_json::from_slice::<T>(json).err()?;
        let tracked = serde_path_to_error::deserialize::<_, T>(
            &mut serde_json::Deserializer::from_slice(json),
        )
        .err()
        .expect("the tracked decode fails too");
        Some((error_path(json, &err), tracked.path().to_string()))
    }

    fn path_of<T: DeserializeOwned>(json: &str) -> String {
        let (ours, tracked) = both_paths::<T>(json.as_bytes()).expect("the document is refused");
        assert_eq!(ours, tracked, "for {json}");
        ours
    }

    #[test]
    fn names_the_field_with_the_wrong_type() {
        let mut session: Value = serde_json::from_str(SESSION).unwrap();
        session["amount_total"] = Value::from("1200");
        let json = serde_json::to_string_pretty(&session).unwrap();
        assert_eq!(path_of::<CheckoutSession>(&json), "amount_total");
    }

    #[test]
    fn names_array_indexes_and_nested_keys() {
        let mut session: Value = serde_json::from_str(SESSION).unwrap();
        session["line_items"] = serde_json::json!({
            "object": "list", "url": "/v1/x", "has_more": false,
            "data": [
                {"id": "li_1", "object": "item", "quantity": 1},
                {"id": "li_2", "object": "item", "quantity": "two"}
            ]
        });
        let json = serde_json::to_string(&session).unwrap();
        assert_eq!(
            path_of::<CheckoutSession>(&json),
            "line_items.data[1].quantity"
        );
    }

    #[test]
    fn a_missing_field_names_the_object_that_lacks_it() {
        assert_eq!(
            path_of::<CheckoutSession>(r#"{"object": "checkout.session"}"#),
            "."
        );
        let mut session: Value = serde_json::from_str(SESSION).unwrap();
        session["line_items"] = serde_json::json!({"object": "list", "has_more": false});
        let json = serde_json::to_string_pretty(&session).unwrap();
        assert_eq!(path_of::<CheckoutSession>(&json), "line_items");
    }

    #[test]
    fn an_object_where_a_number_belongs_names_its_key() {
        let json = r#"{"id": "cs_test_1", "amount_total": {"value": 1}}"#;
        assert_eq!(path_of::<CheckoutSession>(json), "amount_total");
    }

    #[test]
    fn keys_with_escapes_and_strings_with_brackets_do_not_confuse_the_walk() {
        let json = r#"{"id": "cs_\"{[", "metadata": {"a\"b": "}]"}, "amount_total": true}"#;
        assert_eq!(path_of::<CheckoutSession>(json), "amount_total");
    }

    #[test]
    fn truncated_documents_name_the_innermost_open_value() {
        let json = r#"{"id": "cs_test_1", "customer_details": {"email": "a@b.c", "address": {"city": "Par"#;
        let err = serde_json::from_str::<CheckoutSession>(json).unwrap_err();
        assert_eq!(
            error_path(json.as_bytes(), &err),
            "customer_details.address.city"
        );
    }

    #[test]
    fn webhook_paths_run_through_the_envelope() {
        let mut session: Value = serde_json::from_str(SESSION).unwrap();
        session["currency"] = Value::from(978);
        let event = serde_json::json!({
            "id": "evt_1", "object": "event", "type": "checkout.session.completed",
            "created": 1, "livemode": false, "data": {"object": session}
        });
        let payload = serde_json::to_vec_pretty(&event).unwrap();
        let err = Event::from_slice(&payload).unwrap_err();
        assert!(
            matches!(&err, crate::webhook::WebhookError::BadPayload { path, .. } if path == "data.object.currency"),
            "{err:?}"
        );
    }

    #[test]
    fn an_array_refused_whole_is_named_without_an_index() {
        // `customer` is an id or an object: an array is refused whole, even one of objects.
        let json = r#"{"id": "cs_test_1", "customer": [{"k": 1}]}"#;
        assert_eq!(path_of::<CheckoutSession>(json), "customer");
        // A list of strings is read whole, then refuses the object in it: the path names the
        // list and the message the element.
        for (json, element) in [
            (
                r#"{"id": "cs_test_1", "payment_method_types": ["card", {"k": 1}]}"#,
                "[1]",
            ),
            (
                r#"{"id": "cs_test_1", "payment_method_types": [{"k": 1}]}"#,
                "[0]",
            ),
        ] {
            assert_eq!(path_of::<CheckoutSession>(json), "payment_method_types");
            let err = serde_json::from_str::<CheckoutSession>(json).unwrap_err();
            assert!(
                err.to_string().starts_with(&format!(
                    "invalid type at `payment_method_types{element}`: expected a string, found an object"
                )),
                "{err}"
            );
        }
    }

    #[test]
    fn a_repeated_key_names_its_object() {
        assert_eq!(
            path_of::<CheckoutSession>(r#"{"id": "cs_test_1", "id": "cs_test_2"}"#),
            "."
        );
        let json =
            r#"{"id": "cs_test_1", "customer_details": {"email": "a@b.c", "email": "d@e.f"}}"#;
        assert_eq!(path_of::<CheckoutSession>(json), "customer_details");
    }

    #[test]
    fn trailing_bytes_are_named_as_the_root() {
        let json = format!("{SESSION}[{{\"a\": 1}}]");
        let err = serde_json::from_str::<CheckoutSession>(&json).unwrap_err();
        assert_eq!(error_path(json.as_bytes(), &err), ".");
    }

    #[test]
    fn a_key_that_is_not_valid_json_is_named_raw_without_its_quotes() {
        assert_eq!(decode_key(br#""a\qb""#), r"a\qb");
        assert_eq!(decode_key(br#""a\u0041""#), "aA");
    }

    #[test]
    fn offsets_follow_serde_json_lines_and_columns() {
        let json = b"{\n  \"a\": 1,\n  \"b\": x\n}";
        let err = serde_json::from_slice::<Value>(json).unwrap_err();
        // The error is at the peeked `x`, and serde_json reports the byte after a peeked one.
        assert_eq!((err.line(), err.column()), (3, 8));
        assert_eq!(error_offset(json, 3, 8), 20);
        assert_eq!(json[19], b'x');
        assert_eq!(error_offset(json, 9, 1), json.len());
    }

    /// Every value in the fixture session below the root, as a path of keys and indexes.
    fn nodes(value: &Value, path: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
        if !path.is_empty() {
            out.push(path.clone());
        }
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    path.push(Value::from(key.as_str()));
                    nodes(child, path, out);
                    path.pop();
                }
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate() {
                    path.push(Value::from(index));
                    nodes(child, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    fn value_mut<'v>(mut value: &'v mut Value, path: &[Value]) -> &'v mut Value {
        for step in path {
            value = match step {
                Value::String(key) => &mut value[key.as_str()],
                _ => &mut value[step.as_u64().unwrap() as usize],
            };
        }
        value
    }

    /// Replacing each value in a real session with each of eight values of other types, the
    /// walk names the same path as a path-tracking decode, pretty-printed and compact. Every
    /// node, not a sample: the array rules hinge on a few of them.
    #[test]
    fn agrees_with_serde_path_to_error_everywhere() {
        let session: Value = serde_json::from_str(SESSION).unwrap();
        let mut all = Vec::new();
        nodes(&session, &mut Vec::new(), &mut all);
        let replacements = [
            Value::from("text"),
            Value::from(-7),
            Value::from(true),
            serde_json::json!({"k": 1}),
            serde_json::json!([1, "x"]),
            serde_json::json!([{"k": 1}]),
            serde_json::json!([[1]]),
            serde_json::json!([[{"k": 1}], "x"]),
        ];
        let mut refused = 0;
        for path in &all {
            for replacement in &replacements {
                let mut broken = session.clone();
                *value_mut(&mut broken, path) = replacement.clone();
                for json in [
                    serde_json::to_vec_pretty(&broken).unwrap(),
                    serde_json::to_vec(&broken).unwrap(),
                ] {
                    if let Some((ours, tracked)) = both_paths::<CheckoutSession>(&json) {
                        // The one ambiguity (see `path_at`): an array of arrays refused whole
                        // reads, at the same byte, as its first element refused.
                        let nested = replacement[0].is_array();
                        if !(nested && ours == format!("{tracked}[0]")) {
                            assert_eq!(ours, tracked, "{path:?} = {replacement}");
                        }
                        refused += 1;
                    }
                }
            }
        }
        assert!(
            refused > all.len(),
            "most replacements are refused: {refused}"
        );
    }

    proptest! {
        /// The walk never panics, whatever the bytes and offset.
        #[test]
        fn never_panics(json in prop::collection::vec(any::<u8>(), 0..200), line in 0..5usize, column in 0..300usize) {
            let _ = path_at(&json, error_offset(&json, line, column), Refused::default());
        }
    }
}
