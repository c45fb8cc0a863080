use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::{Value, json};

use super::{EncodeError, encode_pairs, pairs, to_pairs, to_string};
use crate::Clearable;

fn sorted(mut list: Vec<(String, String)>) -> Vec<(String, String)> {
    list.sort();
    list
}

/// One field, so each scalar can be checked at a nested path.
#[derive(Serialize)]
struct One<T> {
    v: T,
}

fn one<T: Serialize>(v: T) -> Result<Vec<(String, String)>, EncodeError> {
    to_pairs(&One { v })
}

#[derive(Serialize)]
struct CouponData {
    name: Option<String>,
    amount_off: Option<i64>,
    percent_off: Option<f64>,
    currency: Option<String>,
}

#[derive(Serialize)]
struct Discount {
    coupon: Option<String>,
    coupon_data: Option<CouponData>,
}

#[derive(Serialize)]
struct UpdateSession {
    discounts: Option<Clearable<Vec<Discount>>>,
    expand: Vec<&'static str>,
}

#[test]
fn nested_struct_omits_none_fields() {
    let params = UpdateSession {
        discounts: Some(Clearable::Set(vec![Discount {
            coupon: None,
            coupon_data: Some(CouponData {
                name: Some("Customer Discount".into()),
                amount_off: Some(2000),
                percent_off: None,
                currency: Some("usd".into()),
            }),
        }])),
        expand: vec![],
    };
    // Stripe vector `update_coupon_data_amount`, in the official SDKs' order.
    assert_eq!(
        to_pairs(&params).unwrap(),
        pairs(&[
            ("discounts[0][coupon_data][name]", "Customer Discount"),
            ("discounts[0][coupon_data][amount_off]", "2000"),
            ("discounts[0][coupon_data][currency]", "usd"),
        ])
    );
}

#[test]
fn vec_of_structs_is_indexed() {
    #[derive(Serialize)]
    struct LineItem {
        price: &'static str,
        quantity: u32,
    }
    #[derive(Serialize)]
    struct Create {
        ui_mode: &'static str,
        line_items: Vec<LineItem>,
        mode: &'static str,
    }
    let params = Create {
        ui_mode: "custom",
        line_items: vec![
            LineItem {
                price: "price_123",
                quantity: 1,
            },
            LineItem {
                price: "price_456",
                quantity: 3,
            },
        ],
        mode: "payment",
    };
    assert_eq!(
        to_pairs(&params).unwrap(),
        pairs(&[
            ("ui_mode", "custom"),
            ("line_items[0][price]", "price_123"),
            ("line_items[0][quantity]", "1"),
            ("line_items[1][price]", "price_456"),
            ("line_items[1][quantity]", "3"),
            ("mode", "payment"),
        ])
    );
}

#[test]
fn expand_list_is_indexed() {
    let params = UpdateSession {
        discounts: None,
        expand: vec!["discounts", "line_items"],
    };
    assert_eq!(
        to_pairs(&params).unwrap(),
        pairs(&[("expand[0]", "discounts"), ("expand[1]", "line_items")])
    );
}

#[test]
fn stripe_vectors_from_json_values() {
    assert_eq!(
        sorted(
            to_pairs(&json!({"discounts": [{"coupon_data": {
                "name": "Customer Discount", "amount_off": 2000, "currency": "usd"
            }}]}))
            .unwrap()
        ),
        sorted(pairs(&[
            ("discounts[0][coupon_data][name]", "Customer Discount"),
            ("discounts[0][coupon_data][amount_off]", "2000"),
            ("discounts[0][coupon_data][currency]", "usd"),
        ]))
    );
    assert_eq!(
        to_pairs(&json!({"discounts": ""})).unwrap(),
        pairs(&[("discounts", "")])
    );
    assert_eq!(
        to_pairs(&json!({"expand": ["discounts", "line_items"]})).unwrap(),
        pairs(&[("expand[0]", "discounts"), ("expand[1]", "line_items")])
    );
}

#[test]
fn bools() {
    assert_eq!(one(true).unwrap(), pairs(&[("v", "true")]));
    assert_eq!(one(false).unwrap(), pairs(&[("v", "false")]));
}

#[test]
fn integers() {
    assert_eq!(one(0u8).unwrap(), pairs(&[("v", "0")]));
    assert_eq!(one(-42i32).unwrap(), pairs(&[("v", "-42")]));
    assert_eq!(
        one(i64::MIN).unwrap(),
        pairs(&[("v", "-9223372036854775808")])
    );
    assert_eq!(
        one(u64::MAX).unwrap(),
        pairs(&[("v", "18446744073709551615")])
    );
    assert_eq!(
        one(u128::MAX).unwrap(),
        pairs(&[("v", "340282366920938463463374607431768211455")])
    );
}

#[test]
fn floats_have_no_exponent() {
    assert_eq!(one(12.5f64).unwrap(), pairs(&[("v", "12.5")]));
    assert_eq!(
        one(1e21f64).unwrap(),
        pairs(&[("v", "1000000000000000000000")])
    );
    assert_eq!(one(1e-7f64).unwrap(), pairs(&[("v", "0.0000001")]));
    assert_eq!(one(0.1f32).unwrap(), pairs(&[("v", "0.1")]));
    assert_eq!(one(25.0f64).unwrap(), pairs(&[("v", "25")]));
    assert_eq!(one(-0.0f64).unwrap(), pairs(&[("v", "0")]));
    assert_eq!(one(-0.0f32).unwrap(), pairs(&[("v", "0")]));
    assert_eq!(one(-2.5f64).unwrap(), pairs(&[("v", "-2.5")]));
}

#[test]
fn non_finite_floats_are_errors() {
    for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let err = to_pairs(&One { v: One { v } }).unwrap_err();
        assert!(
            matches!(&err, EncodeError::NonFiniteFloat { key } if key == "v[v]"),
            "{err:?}"
        );
        assert_eq!(err.to_string(), "`v[v]` is not a finite number");
    }
    assert!(matches!(
        one(f32::NAN),
        Err(EncodeError::NonFiniteFloat { .. })
    ));
}

#[test]
fn empty_collections_send_nothing() {
    #[derive(Serialize)]
    struct Params {
        expand: Vec<String>,
        metadata: BTreeMap<String, String>,
        nested: One<Vec<u8>>,
    }
    let params = Params {
        expand: vec![],
        metadata: BTreeMap::new(),
        nested: One { v: vec![] },
    };
    assert_eq!(to_pairs(&params).unwrap(), []);
    assert_eq!(to_pairs(&json!({"a": [], "b": {}})).unwrap(), []);
    assert_eq!(to_string(&json!({})).unwrap(), "");
}

#[test]
fn empty_string_is_sent_as_empty_value() {
    assert_eq!(one("").unwrap(), pairs(&[("v", "")]));
    let mut metadata = BTreeMap::new();
    metadata.insert("k", "");
    assert_eq!(one(metadata).unwrap(), pairs(&[("v[k]", "")]));
}

#[test]
fn clearable_clear_and_set() {
    #[derive(Serialize)]
    struct Params {
        discounts: Clearable<Vec<&'static str>>,
    }
    assert_eq!(
        to_pairs(&Params {
            discounts: Clearable::Clear
        })
        .unwrap(),
        pairs(&[("discounts", "")])
    );
    assert_eq!(
        to_pairs(&Params {
            discounts: Clearable::Set(vec!["a", "b"])
        })
        .unwrap(),
        pairs(&[("discounts[0]", "a"), ("discounts[1]", "b")])
    );
}

#[test]
fn json_value_with_nesting_null_and_empty_string() {
    // Keys already sorted, so the order is the same with or without serde_json's
    // `preserve_order` (which the test build enables).
    let value = json!({
        "a": "",
        "b": {"x": null, "y": [1, {"z": true}]},
        "c": [null, "s", []],
        "d": 1.5,
    });
    assert_eq!(
        to_pairs(&value).unwrap(),
        pairs(&[
            ("a", ""),
            ("b[y][0]", "1"),
            ("b[y][1][z]", "true"),
            ("c[1]", "s"),
            ("d", "1.5"),
        ])
    );
}

#[test]
fn empty_top_levels_encode_as_nothing() {
    assert_eq!(to_pairs(&()).unwrap(), []);
    assert_eq!(to_pairs(&None::<One<u8>>).unwrap(), []);
    assert_eq!(to_pairs(&Value::Null).unwrap(), []);
    #[derive(Serialize)]
    struct Unit;
    assert_eq!(to_pairs(&Unit).unwrap(), []);
    assert_eq!(to_pairs(&Some(One { v: 1 })).unwrap(), pairs(&[("v", "1")]));
}

#[test]
fn top_level_scalars_and_sequences_are_rejected() {
    let cases: Vec<(Result<_, _>, &str)> = vec![
        (to_pairs(&1), "integer"),
        (to_pairs(&"s"), "string"),
        (to_pairs(&true), "bool"),
        (to_pairs(&1.5), "float"),
        (to_pairs(&json!("s")), "string"),
        (to_pairs(&vec![1, 2]), "sequence"),
        (to_pairs(&json!([{"a": 1}])), "sequence"),
        (to_pairs(&(1, 2)), "tuple"),
        (to_pairs(&Vec::<u8>::new()), "sequence"),
    ];
    for (result, want) in cases {
        match result {
            Err(EncodeError::UnsupportedTopLevel { kind }) => assert_eq!(kind, want),
            other => panic!("expected {want}, got {other:?}"),
        }
    }
    assert_eq!(
        to_pairs(&[1]).unwrap_err().to_string(),
        "cannot encode a top-level tuple: parameters must be a struct or map"
    );
}

#[test]
fn non_string_map_keys_are_rejected() {
    let mut tuple_keys = HashMap::new();
    tuple_keys.insert((1u8, 2u8), "x");
    let err = one(tuple_keys).unwrap_err();
    assert!(
        matches!(&err, EncodeError::NonStringKey { key } if key == "v"),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "map key under `v` is not a string");

    let mut bool_keys = BTreeMap::new();
    bool_keys.insert(true, 1);
    let err = to_pairs(&bool_keys).unwrap_err();
    assert!(
        matches!(&err, EncodeError::NonStringKey { key } if key.is_empty()),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "map key at the top level is not a string");

    #[derive(Serialize, PartialEq, Eq, Hash)]
    struct Key {
        id: u8,
    }
    let mut struct_keys = HashMap::new();
    struct_keys.insert(Key { id: 1 }, 1);
    let err = to_pairs(&One {
        v: vec![One { v: struct_keys }],
    })
    .unwrap_err();
    assert!(
        matches!(&err, EncodeError::NonStringKey { key } if key == "v[0][v]"),
        "{err:?}"
    );

    // An optional key, and a variant carrying data, are no names either.
    let mut optional_keys = BTreeMap::new();
    optional_keys.insert(Some("a"), 1);
    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    enum Tagged {
        Named(u8),
    }
    let mut tagged_keys = BTreeMap::new();
    tagged_keys.insert(Tagged::Named(1), 1);
    for err in [
        one(optional_keys).unwrap_err(),
        one(tagged_keys).unwrap_err(),
    ] {
        assert!(
            matches!(&err, EncodeError::NonStringKey { key } if key == "v"),
            "{err:?}"
        );
    }
}

#[test]
fn empty_map_keys_are_rejected() {
    let err = to_pairs(&serde_json::json!({"a": {"": "x"}})).unwrap_err();
    assert!(
        matches!(&err, EncodeError::EmptyKey { key } if key == "a"),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "map key under `a` is empty");
    let err = to_pairs(&serde_json::json!({"": "x"})).unwrap_err();
    assert!(
        matches!(&err, EncodeError::EmptyKey { key } if key.is_empty()),
        "{err:?}"
    );
}

#[test]
fn integer_char_enum_and_newtype_keys_are_text() {
    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    #[serde(rename_all = "lowercase")]
    enum Currency {
        Usd,
    }
    #[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
    struct Id(String);

    let mut ints = BTreeMap::new();
    ints.insert(-3i32, "a");
    ints.insert(7, "b");
    assert_eq!(one(ints).unwrap(), pairs(&[("v[-3]", "a"), ("v[7]", "b")]));
    let mut chars = BTreeMap::new();
    chars.insert('k', 1);
    assert_eq!(to_pairs(&chars).unwrap(), pairs(&[("k", "1")]));
    let mut enums = BTreeMap::new();
    enums.insert(Currency::Usd, 500);
    assert_eq!(one(enums).unwrap(), pairs(&[("v[usd]", "500")]));
    let mut ids = BTreeMap::new();
    ids.insert(Id("cs_1".into()), "x");
    assert_eq!(one(ids).unwrap(), pairs(&[("v[cs_1]", "x")]));
}

#[test]
fn bytes_are_unsupported() {
    struct Bytes;
    impl Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(b"raw")
        }
    }
    let err = to_pairs(&One {
        v: One { v: Bytes },
    })
    .unwrap_err();
    assert!(
        matches!(&err, EncodeError::UnsupportedValue { key, kind: "bytes" } if key == "v[v]"),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "cannot form-encode bytes at `v[v]`");
    assert!(matches!(
        to_pairs(&Bytes),
        Err(EncodeError::UnsupportedTopLevel { kind: "bytes" })
    ));
}

#[test]
fn enum_variants() {
    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum UiMode {
        Custom,
        HostedPage,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Discount {
        Coupon(String),
        CouponData { amount_off: u32, currency: String },
        Pair(u8, u8),
    }
    #[derive(Serialize)]
    struct Params {
        ui_mode: UiMode,
        other: UiMode,
        discounts: Vec<Discount>,
    }
    let params = Params {
        ui_mode: UiMode::Custom,
        other: UiMode::HostedPage,
        discounts: vec![
            Discount::Coupon("SUMMER25".into()),
            Discount::CouponData {
                amount_off: 500,
                currency: "eur".into(),
            },
            Discount::Pair(1, 2),
        ],
    };
    assert_eq!(
        to_pairs(&params).unwrap(),
        pairs(&[
            ("ui_mode", "custom"),
            ("other", "hosted_page"),
            ("discounts[0][coupon]", "SUMMER25"),
            ("discounts[1][coupon_data][amount_off]", "500"),
            ("discounts[1][coupon_data][currency]", "eur"),
            ("discounts[2][pair][0]", "1"),
            ("discounts[2][pair][1]", "2"),
        ])
    );
}

#[test]
fn top_level_enum_variants_are_single_key_maps() {
    #[derive(Serialize)]
    enum Params {
        Create { mode: &'static str },
        Id(&'static str),
        Unit,
    }
    assert_eq!(
        to_pairs(&Params::Create { mode: "payment" }).unwrap(),
        pairs(&[("Create[mode]", "payment")])
    );
    assert_eq!(to_pairs(&Params::Id("x")).unwrap(), pairs(&[("Id", "x")]));
    assert!(matches!(
        to_pairs(&Params::Unit),
        Err(EncodeError::UnsupportedTopLevel {
            kind: "unit variant"
        })
    ));
}

#[test]
fn newtype_structs_chars_and_units_nested() {
    #[derive(Serialize)]
    struct CouponId(&'static str);
    #[derive(Serialize)]
    struct Marker;
    #[derive(Serialize)]
    struct Params {
        coupon: CouponId,
        initial: char,
        nothing: (),
        marker: Marker,
        after: u8,
    }
    let params = Params {
        coupon: CouponId("SUMMER25"),
        initial: 'é',
        nothing: (),
        marker: Marker,
        after: 1,
    };
    assert_eq!(
        to_pairs(&params).unwrap(),
        pairs(&[("coupon", "SUMMER25"), ("initial", "é"), ("after", "1")])
    );
}

#[test]
fn custom_errors_are_kept() {
    struct Failing;
    impl Serialize for Failing {
        fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("no can do"))
        }
    }
    let err = one(Failing).unwrap_err();
    assert!(matches!(&err, EncodeError::Custom(m) if m == "no can do"));
    assert_eq!(err.to_string(), "no can do");
}

#[test]
fn path_buffer_is_restored_after_each_level() {
    let value = json!({
        "a": {"b": [{"c": 1}, {"d": {"e": 2}}], "f": 3},
        "g": 4,
    });
    assert_eq!(
        to_pairs(&value).unwrap(),
        pairs(&[
            ("a[b][0][c]", "1"),
            ("a[b][1][d][e]", "2"),
            ("a[f]", "3"),
            ("g", "4"),
        ])
    );
    #[derive(Serialize)]
    enum V {
        T(u8, One<u8>),
        S { x: u8 },
        N(One<u8>),
    }
    assert_eq!(
        to_pairs(&One {
            v: (V::T(1, One { v: 2 }), V::S { x: 3 }, V::N(One { v: 4 }), 5)
        })
        .unwrap(),
        pairs(&[
            ("v[0][T][0]", "1"),
            ("v[0][T][1][v]", "2"),
            ("v[1][S][x]", "3"),
            ("v[2][N][v]", "4"),
            ("v[3]", "5"),
        ])
    );
}

#[test]
fn multibyte_keys_and_values() {
    let value = json!({"métadonnées": {"clé": "välue ✓"}});
    assert_eq!(
        to_pairs(&value).unwrap(),
        pairs(&[("métadonnées[clé]", "välue ✓")])
    );
}

#[test]
fn to_string_percent_escapes() {
    #[derive(Serialize)]
    struct Params {
        return_url: &'static str,
        name: &'static str,
    }
    let params = Params {
        return_url: "https://example.com/return",
        name: "Customer Discount",
    };
    assert_eq!(
        to_string(&params).unwrap(),
        "return_url=https%3A%2F%2Fexample.com%2Freturn&name=Customer+Discount"
    );
    assert_eq!(
        to_string(&json!({"discounts": [{"coupon": "A&B=C"}]})).unwrap(),
        "discounts%5B0%5D%5Bcoupon%5D=A%26B%3DC"
    );
}

#[test]
fn encode_pairs_keeps_order_and_empty_values() {
    assert_eq!(
        encode_pairs(&pairs(&[("z", "1"), ("discounts", ""), ("a[0]", "x y")])),
        "z=1&discounts=&a%5B0%5D=x+y"
    );
    assert_eq!(encode_pairs(&[]), "");
}
