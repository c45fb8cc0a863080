use serde_json::json;

use super::*;
use crate::declare::model::model;

model! {
    /// A probe.
    pub struct Inner {
        /// A flag.
        pub enabled: bool,
        /// A count.
        pub count: Option<i64>,
    }
}

model! {
    /// A probe holding the other.
    pub struct Outer {
        /// Required.
        pub id: String,
        /// Renamed.
        pub type_ as "type": Option<String>,
        /// Nested.
        pub inner: Option<Inner>,
        /// A list.
        pub items: Vec<Inner>,
        /// A map.
        pub metadata: HashMap<String, String>,
        /// An id or an object.
        pub link: Option<Expandable<StripeObject>>,
    }
}

fn read(value: Value) -> Result<Outer, String> {
    Outer::from_json(value).map_err(|e| e.to_string())
}

#[test]
fn json_text_streams_every_kind_of_value_into_its_field() {
    use crate::checkout::CheckoutSession;
    let session: CheckoutSession =
        serde_json::from_str(r#"{"id": "cs_1", "amount_total": -5, "currency": null}"#).unwrap();
    assert_eq!((session.amount_total, session.currency), (Some(-5), None));
    // A null where a string must be is that, not a missing field.
    let err = serde_json::from_str::<CheckoutSession>(r#"{"id": null}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid type at `id`: expected a string, found null"),
        "{err}"
    );
}

#[test]
fn a_value_refused_where_it_stands_has_no_path_in_its_message() {
    let err = String::from_json(json!(5)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type: expected a string, found a number"
    );
    let err = via_serde::<u8>(json!("x")).unwrap_err();
    let serde = serde_json::from_value::<u8>(json!("x")).unwrap_err();
    assert_eq!(err.to_string(), serde.to_string());
}

#[test]
fn absent_and_null_read_as_empty() {
    for outer in [
        read(json!({"id": "x"})).unwrap(),
        read(
            json!({"id": "x", "type": null, "inner": null, "items": null,
                    "metadata": null, "link": null}),
        )
        .unwrap(),
    ] {
        assert_eq!(outer.type_, None);
        assert_eq!(outer.inner, None);
        assert!(outer.items.is_empty());
        assert!(outer.metadata.is_empty());
        assert_eq!(outer.link, None);
    }
    let inner = Inner::from_json(json!({"enabled": null})).unwrap();
    assert!(!inner.enabled);
}

#[test]
fn fields_read_by_their_wire_names() {
    let outer = read(json!({
        "id": "x", "type": "custom", "inner": {"enabled": true, "count": 3},
        "items": [{"enabled": false}], "metadata": {"k": "v"}, "link": "inv_1",
        "unknown": {"ignored": [1]}
    }))
    .unwrap();
    assert_eq!(outer.type_.as_deref(), Some("custom"));
    assert_eq!(
        outer.inner,
        Some(Inner {
            enabled: true,
            count: Some(3)
        })
    );
    assert_eq!(
        outer.items,
        [Inner {
            enabled: false,
            count: None
        }]
    );
    assert_eq!(outer.metadata["k"], "v");
    assert_eq!(outer.link.as_ref().map(Expandable::id), Some("inv_1"));
    let expanded = read(json!({"id": "x", "link": {"id": "inv_1", "status": "paid"}})).unwrap();
    let link = expanded.link.unwrap().into_object().unwrap();
    assert_eq!(link.get("status"), Some(&json!("paid")));
}

#[test]
fn wrong_shapes_are_errors_naming_the_path() {
    let cases = [
        (json!({}), "missing field `id`"),
        (
            json!({"id": 1}),
            "invalid type at `id`: expected a string, found a number",
        ),
        (
            json!({"id": "x", "inner": {"count": "3"}}),
            "invalid type at `inner.count`: expected an integer, found a string",
        ),
        (
            json!({"id": "x", "inner": {"count": 1.5}}),
            "invalid type at `inner.count`: expected an integer, found a number",
        ),
        (
            json!({"id": "x", "items": [{"enabled": "yes"}]}),
            "invalid type at `items[0].enabled`: expected a boolean, found a string",
        ),
        (
            json!({"id": "x", "items": {}}),
            "invalid type at `items`: expected an array, found an object",
        ),
        (
            json!({"id": "x", "metadata": {"k": 1}}),
            "invalid type at `metadata.k`: expected a string, found a number",
        ),
        (
            json!({"id": "x", "metadata": []}),
            "invalid type at `metadata`: expected an object, found an array",
        ),
        (
            json!({"id": "x", "inner": [true]}),
            "invalid type at `inner`: expected an object, found an array",
        ),
        (
            json!({"id": "x", "link": {"status": "paid"}}),
            "at `link`: an expanded object without a string `id`",
        ),
        (
            json!({"id": "x", "link": 7}),
            "invalid type at `link`: expected an id string or an expanded object, found a number",
        ),
    ];
    for (value, message) in cases {
        assert_eq!(read(value.clone()).unwrap_err(), message, "{value}");
    }
}

model! {
    /// A probe with free-form JSON.
    pub struct Open {
        /// Anything.
        pub settings: Map<String, Value>,
    }
}

#[test]
fn free_form_objects_are_kept_and_refuse_other_shapes() {
    let open = Open::from_json(json!({"settings": {"a": [1, {"b": null}]}})).unwrap();
    assert_eq!(Value::Object(open.settings), json!({"a": [1, {"b": null}]}));
    for empty in [json!({}), json!({"settings": null})] {
        assert!(Open::from_json(empty).unwrap().settings.is_empty());
    }
    let err = Open::from_json(json!({"settings": [1]})).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type at `settings`: expected an object, found an array"
    );
}

#[test]
fn a_model_where_a_scalar_stands_is_refused_as_not_an_object() {
    let err = serde_json::from_str::<Outer>(r#"[{"id": "x"}]"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid type: sequence, expected an object"),
        "{err}"
    );
}

#[test]
fn deserialize_goes_through_from_json() {
    let outer: Outer = serde_json::from_str(r#"{"id":"x","inner":{"enabled":true}}"#).unwrap();
    assert!(outer.inner.unwrap().enabled);
    let err = serde_json::from_str::<Outer>(r#"{"id":"x","inner":{"enabled":1}}"#).unwrap_err();
    // The path from the model decoded, positioned right after the refused value.
    assert_eq!(
        err.to_string(),
        "invalid type at `inner.enabled`: expected a boolean, found a number \
         at line 1 column 30"
    );
}

#[test]
fn a_model_read_from_json_text_builds_no_map_and_keeps_every_rule() {
    // Nested models are read entry by entry: the same values as read from a `Value`.
    let text = r#"{"id":"x","unknown":{"a":[1,{"b":null}]},"inner":{"enabled":true,"count":3},
                   "items":[{"enabled":false}],"metadata":{"k":"v"},"link":{"id":"o_1","object":"thing"}}"#;
    let streamed: Outer = serde_json::from_str(text).unwrap();
    let owned = read(serde_json::from_str(text).unwrap()).unwrap();
    assert_eq!(streamed, owned);
    assert_eq!(streamed.inner.as_ref().map(|i| i.count), Some(Some(3)));

    // A key repeated inside a nested model, refused where the repeat stands.
    let err =
        serde_json::from_str::<Outer>(r#"{"id":"x","inner":{"count":1,"count":2}}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "duplicate field `count` at line 1 column 36"
    );
    // So is a key repeated in a map read whole.
    let err =
        serde_json::from_str::<Outer>(r#"{"id":"x","metadata":{"k":"a","k":"b"}}"#).unwrap_err();
    assert_eq!(err.to_string(), "duplicate field `k` at line 1 column 33");
    // An unknown key may repeat, as with serde's derive.
    serde_json::from_str::<Outer>(r#"{"id":"x","u":1,"u":2}"#).unwrap();
    // A missing required field, named after the object that lacks it.
    let err = serde_json::from_str::<Outer>(r#"{"type":"t"}"#).unwrap_err();
    assert_eq!(err.to_string(), "missing field `id` at line 1 column 12");
    // Broken JSON inside a nested model is the parser's error, with its position.
    let err = serde_json::from_str::<Outer>(r#"{"id":"x","inner":{"count":}}"#).unwrap_err();
    assert!(err.is_syntax(), "{err}");
    assert_eq!(err.column(), 28);
    // Through `Value`'s deserializer, which has no positions, the message names the path.
    let err =
        serde_json::from_value::<Outer>(json!({"id": "x", "inner": {"count": "3"}})).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type at `inner.count`: expected an integer, found a string"
    );
}

#[test]
fn serializes_in_stripes_shape() {
    let outer = read(json!({"id": "x", "type": "custom"})).unwrap();
    let written = serde_json::to_value(&outer).unwrap();
    assert_eq!(written["type"], "custom");
    assert_eq!(written["inner"], Value::Null);
    assert_eq!(read(written).unwrap(), outer);
}

#[test]
fn a_key_repeated_in_a_small_object_is_refused() {
    let err = serde_json::from_str::<Outer>(r#"{"id":"x","inner":null,"id":"y"}"#).unwrap_err();
    assert!(err.to_string().starts_with("duplicate field `id`"), "{err}");
    // The same keys once each are read.
    let outer: Outer = serde_json::from_str(r#"{"id":"x","inner":{"count":1}}"#).unwrap();
    assert_eq!(
        (outer.id.as_str(), outer.inner.and_then(|i| i.count)),
        ("x", Some(1))
    );
}

fn probe_object() -> String {
    "probe".to_owned()
}

model! {
    /// A probe with a default and a page of models.
    pub struct Paged {
        /// A default when absent.
        pub object: String = probe_object(),
        /// A page of models.
        pub page: Option<List<Inner>>,
        /// Required, declared last.
        pub id: String,
    }
}

#[test]
fn a_list_of_models_read_from_json_text_streams_item_by_item() {
    let text = r#"{"id":"x","items":[{"enabled":true},{"count":2}]}"#;
    let streamed: Outer = serde_json::from_str(text).unwrap();
    assert_eq!(streamed, read(serde_json::from_str(text).unwrap()).unwrap());
    assert_eq!(streamed.items.len(), 2);
    assert_eq!(streamed.items[1].count, Some(2));
    // An item refused is named by its index, positioned right after the refused value.
    let err =
        serde_json::from_str::<Outer>(r#"{"id":"x","items":[{},{"enabled":1}]}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type at `items[1].enabled`: expected a boolean, found a number at line 1 column 34"
    );
    // A `null` item is refused as the model refuses it, from text and from a `Value`.
    let err = serde_json::from_str::<Outer>(r#"{"id":"x","items":[{},null]}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid type at `items[1]`: expected an object, found null"),
        "{err}"
    );
    assert_eq!(
        read(json!({"id": "x", "items": [{}, null]})).unwrap_err(),
        "invalid type at `items[1]`: expected an object, found null"
    );
    // An empty list, and `null` for the list, are empty.
    for text in [r#"{"id":"x","items":[]}"#, r#"{"id":"x","items":null}"#] {
        assert!(
            serde_json::from_str::<Outer>(text)
                .unwrap()
                .items
                .is_empty()
        );
    }
}

#[test]
fn keys_in_any_order_read_the_same_and_a_repeat_is_refused_wherever_it_stands() {
    let forward =
        r#"{"id":"x","type":"t","inner":{"enabled":true,"count":1},"metadata":{"k":"v"}}"#;
    let backward =
        r#"{"metadata":{"k":"v"},"inner":{"count":1,"enabled":true},"type":"t","id":"x"}"#;
    let forward: Outer = serde_json::from_str(forward).unwrap();
    assert_eq!(forward, serde_json::from_str::<Outer>(backward).unwrap());
    assert_eq!(forward.type_.as_deref(), Some("t"));
    // Found again after the look wrapped round to the start.
    let err = serde_json::from_str::<Outer>(r#"{"id":"x","metadata":{},"id":"y"}"#).unwrap_err();
    assert!(err.to_string().starts_with("duplicate field `id`"), "{err}");
}

#[test]
fn a_field_with_a_default_and_a_page_of_models() {
    let text = r#"{"id":"p","page":{"object":"list","data":[{"enabled":true}],"has_more":true,"url":"/v1/x"}}"#;
    let paged: Paged = serde_json::from_str(text).unwrap();
    // Read from a `Value`, the page is the same.
    assert_eq!(
        Paged::from_json(serde_json::from_str(text).unwrap()).unwrap(),
        paged
    );
    assert_eq!(paged.object, "probe");
    let page = paged.page.unwrap();
    assert_eq!(
        page.data,
        [Inner {
            enabled: true,
            count: None
        }]
    );
    assert!(page.has_more);
    assert_eq!(page.url, "/v1/x");
    // A value present is kept; `null` reads as the default.
    for (value, object) in [(json!("other"), "other"), (Value::Null, "probe")] {
        let paged = Paged::from_json(json!({"id": "p", "object": value})).unwrap();
        assert_eq!(paged.object, object);
    }
    // A page's `has_more` and `url` may be absent; its `data` may not.
    let page = Paged::from_json(json!({"id": "p", "page": {"data": []}}))
        .unwrap()
        .page
        .unwrap();
    assert_eq!((page.has_more, page.url.as_str()), (false, ""));
    let err = serde_json::from_str::<Paged>(r#"{"id":"p","page":{"has_more":false}}"#).unwrap_err();
    assert!(
        err.to_string().starts_with("missing field `page.data`"),
        "{err}"
    );
    // A required field declared after the others is still required.
    assert_eq!(
        Paged::from_json(json!({"object": "probe"}))
            .unwrap_err()
            .to_string(),
        "missing field `id`"
    );
}
