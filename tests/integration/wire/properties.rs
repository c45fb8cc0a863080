//! Property tests in the normal run: random parameters survive encode → decode unchanged, and
//! no JSON — random, or the session fixture with any field replaced — makes decoding panic.

use proptest::prelude::*;
use serde_json::Value;
use stripe_checkout_client::checkout::params::{PriceData, ProductData};
use stripe_checkout_client::checkout::{
    CheckoutSession, CreateSession, LineItem, SessionMode, UpdateSession,
};
use stripe_checkout_client::discounts::{CouponData, Discount};
use stripe_checkout_client::form;
use stripe_checkout_client::testing::{Method, check_params};

/// `body` read back by the emulator, an independent decoder, as the typed params it sends.
fn decode_form<T: serde::de::DeserializeOwned>(path: &str, body: &str) -> T {
    let version = stripe_checkout_client::ApiVersion::server_update_beta().to_string();
    let typed = check_params(Method::Post, path, &version, body)
        .unwrap_or_else(|e| panic!("{body}: {e} ({:?})", e.param));
    serde_json::from_value(typed).unwrap()
}

/// Text as merchants and customers write it, separators and non-ASCII included.
fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zA-Z0-9 &=%+\\[\\]?#/é漢😀_.-]{1,30}").unwrap()
}

fn metadata_key() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zA-Z0-9_-]{1,40}").unwrap()
}

fn currency() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["usd", "eur", "jpy", "gbp"])
}

fn discount() -> impl Strategy<Value = Discount> {
    prop_oneof![
        "[A-Z0-9_]{1,20}".prop_map(|id| Discount::Coupon(id.parse().unwrap())),
        "promo_[a-zA-Z0-9]{1,20}".prop_map(|id| Discount::PromotionCode(id.parse().unwrap())),
        (1i64..10_000_000, currency(), proptest::option::of(text())).prop_map(
            |(off, cur, name)| {
                let mut data = CouponData::amount_off(off, cur);
                data.name = name;
                Discount::CouponData(data)
            }
        ),
        (1u32..=10_000).prop_map(|hundredths| Discount::CouponData(CouponData::percent_off(
            f64::from(hundredths) / 100.0
        ))),
    ]
}

fn line_item() -> impl Strategy<Value = LineItem> {
    prop_oneof![
        ("price_[a-zA-Z0-9]{1,20}", 1u64..1_000).prop_map(|(id, q)| LineItem::price(id, q)),
        (currency(), 0i64..1_000_000, text(), 1u64..100).prop_map(|(cur, amount, name, q)| {
            LineItem::price_data(PriceData::new(cur, amount, ProductData::new(name)), q)
        }),
    ]
}

fn create_params() -> impl Strategy<Value = CreateSession> {
    (
        proptest::collection::vec(line_item(), 1..6),
        proptest::collection::vec((metadata_key(), text()), 0..5),
        proptest::option::of(text()),
        proptest::option::of(discount()),
    )
        .prop_map(|(items, metadata, reference, discount)| {
            let mut params =
                CreateSession::new(SessionMode::Payment).return_url("https://x.test/r?a=1&b=2");
            for item in items {
                params = params.line_item(item);
            }
            for (k, v) in metadata {
                params = params.metadata(k, v);
            }
            if let Some(reference) = reference {
                params = params.client_reference_id(reference);
            }
            if let Some(discount) = discount {
                params = params.discount(discount);
            }
            params
        })
}

fn update_params() -> impl Strategy<Value = UpdateSession> {
    (
        prop_oneof![
            Just(None),
            Just(Some(None)),
            // Stripe's update takes a coupon or coupon data, never a promotion code.
            discount()
                .prop_filter("no promotion code on update", |d| {
                    !matches!(d, Discount::PromotionCode(_))
                })
                .prop_map(|d| Some(Some(d)))
        ],
        proptest::collection::vec((metadata_key(), proptest::option::of(text())), 0..5),
        proptest::collection::vec("[a-z_.]{1,20}", 0..3),
    )
        .prop_map(|(discount, metadata, expand)| {
            let mut params = UpdateSession::new();
            match discount {
                None => {}
                Some(None) => params = params.clear_discounts(),
                Some(Some(d)) => params = params.discount(d),
            }
            for (k, v) in metadata {
                params = match v {
                    Some(v) => params.metadata(k, v),
                    None => params.unset_metadata(k),
                };
            }
            params.expand(expand)
        })
}

/// Any JSON value, a few levels deep.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,10}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::vec(("[a-z_]{1,12}", inner), 0..8)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// Every path to a value in `v`, as JSON pointers.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, v)| pointers(v, format!("{at}/{k}"), out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn create_params_round_trip(params in create_params()) {
        let body = form::to_string(&params).unwrap();
        let decoded: CreateSession = decode_form("/v1/checkout/sessions", &body);
        prop_assert_eq!(decoded, params);
    }

    #[test]
    fn update_params_round_trip(params in update_params()) {
        let body = form::to_string(&params).unwrap();
        let decoded: UpdateSession = decode_form("/v1/checkout/sessions/cs_test_1", &body);
        prop_assert_eq!(decoded, params);
    }

    #[test]
    fn decoding_any_json_never_panics(value in json()) {
        let _ = serde_json::from_value::<CheckoutSession>(value.clone());
        let _ = serde_json::from_slice::<CheckoutSession>(value.to_string().as_bytes());
    }

    #[test]
    fn decoding_the_fixture_with_any_field_replaced_never_panics(
        pick in any::<prop::sample::Index>(),
        replacement in json(),
    ) {
        let mut session: Value =
            serde_json::from_str(include_str!("../../fixtures/checkout_session.json")).unwrap();
        let mut paths = Vec::new();
        pointers(&session, String::new(), &mut paths);
        let path = pick.get(&paths[1..]).clone();
        *session.pointer_mut(&path).unwrap() = replacement;
        let _ = serde_json::from_value::<CheckoutSession>(session);
    }

    #[test]
    fn decoding_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = serde_json::from_slice::<CheckoutSession>(&bytes);
    }
}
