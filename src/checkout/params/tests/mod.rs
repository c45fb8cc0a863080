//! The params tests: exact pairs for every type, JSON shapes, and the local rules.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::line_items::is_decimal;
use super::*;

use crate::Clearable;
use crate::checkout::*;
use crate::error::{Error, Result};
use crate::form;
use crate::form::pairs;
use crate::resources::CouponData;
use crate::resources::Discount;

/// The local check a request runs before sending, as the tests call it.
trait Validate {
    fn validate(&self) -> Result<()>;
}

impl<T: crate::declare::params::Check> Validate for T {
    fn validate(&self) -> Result<()> {
        self.check(crate::declare::params::Param::Root)
    }
}

/// The pairs the crate sends (the typed encoder), checked against serde's derived
/// `Serialize` through `form::to_pairs`, which the same declaration generates.
fn encode<T: Serialize + crate::wire::encode::Encode>(params: &T) -> Vec<(String, String)> {
    let sent = crate::wire::encode::to_pairs(params).unwrap();
    assert_eq!(
        sent,
        form::to_pairs(params).unwrap(),
        "the two encoders differ"
    );
    sent
}

/// What is sent on the guide's version (the wire vectors' version): the typed pairs with the
/// version gates resolved.
fn sent<T>(params: &T) -> Vec<(String, String)>
where
    T: Serialize + crate::wire::encode::Encode + crate::versions::version_gate::VersionGates,
{
    crate::versions::version_gate::Gated {
        pairs: encode(params),
        gates: params.version_gates(),
    }
    .resolve(&crate::ApiVersion::server_update_beta())
    .unwrap()
}

mod leaf_sample {
    include!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/integration/wire/leaf_sample.rs"
    ));
}

/// For every param leaf of every vendored version: the sample setting it reads into the
/// typed params, and the typed encoder sends the pairs serde's `Serialize` gives.
#[test]
fn both_encoders_agree_on_every_param_of_every_version() {
    fn agree<T>(target: &Value, sample: &Value, leaf: &Value, base: &Value) -> bool
    where
        T: Serialize + DeserializeOwned + crate::wire::encode::Encode,
    {
        let path = leaf["path"].as_str().unwrap();
        let value = leaf_sample::leaf_params(target, sample, leaf, base);
        let Ok(params) = serde_json::from_value::<T>(value) else {
            return false;
        };
        assert_eq!(
            crate::wire::encode::to_pairs(&params).unwrap(),
            form::to_pairs(&params).unwrap(),
            "{path}"
        );
        true
    }
    let mut read = 0;
    for version in ["basil", "preview", "endive"] {
        let text = std::fs::read_to_string(format!(
            "{}/tests/fixtures/checkout-api/{version}.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let facts: Value = serde_json::from_str(&text).unwrap();
        for (name, target) in facts["targets"].as_object().unwrap() {
            let sample = leaf_sample::object_sample(name, target);
            for leaf in target["leaves"].as_array().unwrap() {
                let none = json!({});
                read += usize::from(match name.as_str() {
                    "create" => {
                        agree::<CreateSession>(target, &sample, leaf, &json!({"mode": "payment"}))
                    }
                    "update" => agree::<UpdateSession>(target, &sample, leaf, &none),
                    "list" => agree::<ListSessions>(target, &sample, leaf, &none),
                    "list_line_items" => agree::<ListLineItems>(target, &sample, leaf, &none),
                    "retrieve" => agree::<RetrieveSession>(target, &sample, leaf, &none),
                    "expire" => agree::<ExpireSession>(target, &sample, leaf, &none),
                    _ => false,
                });
            }
        }
    }
    // The coverage test counts what reads; here it only must not be nothing.
    assert!(read > 1000, "{read} param samples read");
}

/// Deserializes the SDK-shaped JSON, checks it encodes to `want`, equals `built`, and
/// survives a JSON round trip.
fn golden<T>(params: Value, built: &T, want: &[(&str, &str)])
where
    T: Serialize
        + crate::wire::encode::Encode
        + crate::versions::version_gate::VersionGates
        + DeserializeOwned
        + PartialEq
        + std::fmt::Debug,
{
    let parsed: T = serde_json::from_value(params.clone()).unwrap();
    assert_eq!(sent(&parsed), pairs(want), "from json: {params}");
    assert_eq!(sent(built), pairs(want), "built: {built:?}");
    assert_eq!(&parsed, built);
    assert_eq!(serde_json::to_value(&parsed).unwrap(), params);
}

#[test]
fn golden_create_seed() {
    // The params' JSON uses the current `ui_mode` name; the guide's version is sent the one
    // it knows (`custom`), and the SDK-shaped JSON with that name parses to the same params.
    let basil_json: CreateSession = serde_json::from_value(json!({"ui_mode":"custom",
        "permissions":{"update_discounts":"server_only"},
        "line_items":[{"price":"price_123","quantity":1}],"mode":"payment",
        "return_url":"https://example.com/return"}))
    .unwrap();
    assert_eq!(basil_json.ui_mode, Some(UiMode::Elements));
    golden(
        json!({"ui_mode":"elements","permissions":{"update_discounts":"server_only"},
               "line_items":[{"price":"price_123","quantity":1}],"mode":"payment",
               "return_url":"https://example.com/return"}),
        &CreateSession::new(SessionMode::Payment)
            .ui_mode(UiMode::Custom)
            .line_item(LineItem::price("price_123", 1))
            .return_url("https://example.com/return")
            .update_discounts(PermissionOwner::ServerOnly),
        &[
            ("ui_mode", "custom"),
            ("permissions[update_discounts]", "server_only"),
            ("line_items[0][price]", "price_123"),
            ("line_items[0][quantity]", "1"),
            ("mode", "payment"),
            ("return_url", "https://example.com/return"),
        ],
    );
}

#[test]
fn golden_update_coupon_data_amount() {
    golden(
        json!({"discounts":[{"coupon_data":{"name":"Customer Discount","amount_off":2000,"currency":"usd"}}]}),
        &UpdateSession::new().discounts([Discount::CouponData(
            CouponData::amount_off(2000, "usd").name("Customer Discount"),
        )]),
        &[
            ("discounts[0][coupon_data][name]", "Customer Discount"),
            ("discounts[0][coupon_data][amount_off]", "2000"),
            ("discounts[0][coupon_data][currency]", "usd"),
        ],
    );
}

#[test]
fn golden_update_clear_discounts() {
    golden(
        json!({"discounts":""}),
        &UpdateSession::new().clear_discounts(),
        &[("discounts", "")],
    );
}

#[test]
fn golden_update_coupon_id() {
    golden(
        json!({"discounts":[{"coupon":"SUMMER25"}]}),
        &UpdateSession::new().discounts([Discount::Coupon("SUMMER25".parse().unwrap())]),
        &[("discounts[0][coupon]", "SUMMER25")],
    );
}

#[test]
fn golden_retrieve_expand() {
    golden(
        json!({"expand":["discounts","line_items"]}),
        &RetrieveSession::new().expand(["discounts", "line_items"]),
        &[("expand[0]", "discounts"), ("expand[1]", "line_items")],
    );
    assert!(encode(&RetrieveSession::new()).is_empty());
}

#[test]
fn golden_update_with_expand() {
    golden(
        json!({"discounts":[{"coupon_data":{"amount_off":500,"currency":"eur"}}],"expand":["discounts"]}),
        &UpdateSession::new()
            .discounts([Discount::CouponData(CouponData::amount_off(500, "eur"))])
            .expand(["discounts"]),
        &[
            ("discounts[0][coupon_data][amount_off]", "500"),
            ("discounts[0][coupon_data][currency]", "eur"),
            ("expand[0]", "discounts"),
        ],
    );
}

#[test]
fn recorded_vectors_file_matches_in_order() {
    let vectors: Value = serde_json::from_str(include_str!(
        "../../../../tests/fixtures/wire_checkout_sessions.json"
    ))
    .unwrap();
    for case in vectors["cases"].as_array().unwrap() {
        let params = case["params"].clone();
        let got = match case["operation"].as_str().unwrap() {
            "create" => sent(&serde_json::from_value::<CreateSession>(params).unwrap()),
            "update" => sent(&serde_json::from_value::<UpdateSession>(params).unwrap()),
            "retrieve" => sent(&serde_json::from_value::<RetrieveSession>(params).unwrap()),
            other => panic!("unexpected operation {other}"),
        };
        let want: Vec<(String, String)> = serde_json::from_value(case["pairs"].clone()).unwrap();
        assert_eq!(got, want, "{}", case["name"]);
    }
}

#[test]
fn empty_discount_list_clears_instead_of_sending_nothing() {
    let want = pairs(&[("discounts", "")]);
    assert_eq!(encode(&UpdateSession::new().discounts(Vec::new())), want);
    assert_eq!(encode(&UpdateSession::new().discounts([])), want);
    // Even when built by hand or loaded from `[]`, which the official SDKs would drop.
    let mut manual = UpdateSession::new();
    manual.discounts = Some(Clearable::Set(Vec::new()));
    assert_eq!(encode(&manual), want);
    let from_json: UpdateSession = serde_json::from_value(json!({"discounts": []})).unwrap();
    assert_eq!(encode(&from_json), want);
    assert!(from_json.validate().is_ok());
    // Nothing asked for, nothing sent.
    assert!(encode(&UpdateSession::new()).is_empty());
}

#[test]
fn discount_adders_and_clear_interact_predictably() {
    let a = Discount::Coupon("A".parse().unwrap());
    let p = UpdateSession::new().clear_discounts().discount(a.clone());
    assert_eq!(p.discounts, Some(Clearable::Set(vec![a.clone()])));
    let p = UpdateSession::new().discount(a.clone()).clear_discounts();
    assert_eq!(p.discounts, Some(Clearable::Clear));
    // Adders append to a list being set.
    let b = Discount::Coupon("B".parse().unwrap());
    let p = UpdateSession::new().discount(a.clone()).discount(b.clone());
    assert_eq!(p.discounts, Some(Clearable::Set(vec![a.clone(), b])));
    let (one, two) = (
        ShippingOption::shipping_rate("shr_1"),
        ShippingOption::shipping_rate("shr_2"),
    );
    let p = UpdateSession::new()
        .shipping_option(one.clone())
        .shipping_option(two.clone());
    assert_eq!(p.shipping_options, Some(Clearable::Set(vec![one, two])));
    let p = UpdateSession::new()
        .discounts([a.clone()])
        .discounts([Discount::Coupon("B".parse().unwrap())]);
    assert_eq!(
        p.discounts,
        Some(Clearable::Set(vec![Discount::Coupon("B".parse().unwrap())]))
    );
    // A list's setter replaces the list, as every setter replaces; its adder appends.
    let c = CreateSession::new(SessionMode::Payment)
        .discount(a.clone())
        .discounts([Discount::Coupon("B".parse().unwrap())]);
    assert_eq!(c.discounts, [Discount::Coupon("B".parse().unwrap())]);
    let c = c.discount(a.clone());
    assert_eq!(c.discounts, [Discount::Coupon("B".parse().unwrap()), a]);
}

#[test]
fn update_metadata_set_unset_clear() {
    let p = UpdateSession::new()
        .metadata("tier", "gold")
        .unset_metadata("campaign")
        .metadata("cart", "42");
    assert_eq!(
        encode(&p),
        pairs(&[
            ("metadata[tier]", "gold"),
            ("metadata[campaign]", ""),
            ("metadata[cart]", "42"),
        ])
    );
    assert_eq!(
        encode(&UpdateSession::new().metadata("a", "1").clear_metadata()),
        pairs(&[("metadata", "")])
    );
    let from_json: UpdateSession =
        serde_json::from_value(json!({"metadata": {"tier": "gold", "campaign": ""}})).unwrap();
    assert_eq!(
        from_json,
        UpdateSession::new()
            .metadata("tier", "gold")
            .unset_metadata("campaign")
    );
    let cleared: UpdateSession = serde_json::from_value(json!({"metadata": ""})).unwrap();
    assert_eq!(cleared, UpdateSession::new().clear_metadata());
}

#[test]
fn rich_create_encodes_as_stripe_expects() {
    let params = CreateSession::new(SessionMode::Subscription)
        .ui_mode(UiMode::Custom)
        .update_discounts(PermissionOwner::ServerOnly)
        .line_item(
            LineItem::price_data(
                PriceData::new(
                    "usd",
                    1999,
                    ProductData::new("Pro plan")
                        .description("Everything")
                        .images(["https://example.com/a.png", "https://example.com/b.png"])
                        .metadata("sku", "PRO"),
                )
                .recurring(Recurring::new(RecurringInterval::Month).interval_count(3))
                .tax_behavior(TaxBehavior::Exclusive),
                2,
            )
            .adjustable_quantity(AdjustableQuantity::range(1, 10))
            .tax_rate("txr_1"),
        )
        .line_item(LineItem::price("price_addon", 1))
        .return_url("https://example.com/return?session_id={CHECKOUT_SESSION_ID}")
        .redirect_on_completion(RedirectOnCompletion::IfRequired)
        .customer("cus_123")
        .client_reference_id("order-42")
        .currency("usd")
        .locale("auto")
        .expires_at(1_700_003_600)
        .metadata("order_id", "42")
        .payment_method_types(["card", "link"])
        .discount(Discount::CouponData(
            CouponData::percent_off(12.5).name("Launch").repeating(3),
        ))
        .phone_number_collection(true)
        .automatic_tax(false)
        .billing_address_collection(BillingAddressCollection::Required)
        .shipping_address_collection(["US", "CA"])
        .expand(["line_items", "discounts"]);
    assert!(params.validate().is_ok(), "{:?}", params.validate());
    assert_eq!(
        sent(&params),
        pairs(&[
            ("ui_mode", "custom"),
            ("permissions[update_discounts]", "server_only"),
            ("line_items[0][price_data][currency]", "usd"),
            ("line_items[0][price_data][product_data][name]", "Pro plan"),
            (
                "line_items[0][price_data][product_data][description]",
                "Everything"
            ),
            (
                "line_items[0][price_data][product_data][images][0]",
                "https://example.com/a.png"
            ),
            (
                "line_items[0][price_data][product_data][images][1]",
                "https://example.com/b.png"
            ),
            (
                "line_items[0][price_data][product_data][metadata][sku]",
                "PRO"
            ),
            ("line_items[0][price_data][unit_amount]", "1999"),
            ("line_items[0][price_data][recurring][interval]", "month"),
            ("line_items[0][price_data][recurring][interval_count]", "3"),
            ("line_items[0][price_data][tax_behavior]", "exclusive"),
            ("line_items[0][quantity]", "2"),
            ("line_items[0][adjustable_quantity][enabled]", "true"),
            ("line_items[0][adjustable_quantity][minimum]", "1"),
            ("line_items[0][adjustable_quantity][maximum]", "10"),
            ("line_items[0][tax_rates][0]", "txr_1"),
            ("line_items[1][price]", "price_addon"),
            ("line_items[1][quantity]", "1"),
            ("mode", "subscription"),
            (
                "return_url",
                "https://example.com/return?session_id={CHECKOUT_SESSION_ID}"
            ),
            ("redirect_on_completion", "if_required"),
            ("customer", "cus_123"),
            ("client_reference_id", "order-42"),
            ("currency", "usd"),
            ("locale", "auto"),
            ("expires_at", "1700003600"),
            ("metadata[order_id]", "42"),
            ("payment_method_types[0]", "card"),
            ("payment_method_types[1]", "link"),
            ("discounts[0][coupon_data][name]", "Launch"),
            ("discounts[0][coupon_data][percent_off]", "12.5"),
            ("discounts[0][coupon_data][duration]", "repeating"),
            ("discounts[0][coupon_data][duration_in_months]", "3"),
            ("phone_number_collection[enabled]", "true"),
            ("automatic_tax[enabled]", "false"),
            ("billing_address_collection", "required"),
            ("shipping_address_collection[allowed_countries][0]", "US"),
            ("shipping_address_collection[allowed_countries][1]", "CA"),
            ("expand[0]", "line_items"),
            ("expand[1]", "discounts"),
        ])
    );
    // The JSON form round-trips to the same parameters.
    let json = serde_json::to_value(&params).unwrap();
    assert_eq!(
        serde_json::from_value::<CreateSession>(json).unwrap(),
        params
    );
}

#[test]
fn create_other_fields_encode() {
    let params = CreateSession::new(SessionMode::Payment)
        .success_url("https://example.com/ok")
        .cancel_url("https://example.com/cancel")
        .customer_email("jenny@example.com")
        .allow_promotion_codes(true)
        .line_item(
            LineItem::price_data(
                PriceData::for_product("eur", 0, "prod_1").unit_amount_decimal("12.345"),
                1,
            )
            .tax_rates(["txr_1", "txr_2"]),
        )
        .permissions(
            Permissions::new()
                .update_line_items(PermissionOwner::ClientOnly)
                .update_shipping_details(PermissionOwner::ServerOnly),
        );
    assert!(params.validate().is_ok());
    assert_eq!(
        encode(&params),
        pairs(&[
            ("permissions[update_line_items]", "client_only"),
            ("permissions[update_shipping_details]", "server_only"),
            ("line_items[0][price_data][currency]", "eur"),
            ("line_items[0][price_data][product]", "prod_1"),
            ("line_items[0][price_data][unit_amount_decimal]", "12.345"),
            ("line_items[0][quantity]", "1"),
            ("line_items[0][tax_rates][0]", "txr_1"),
            ("line_items[0][tax_rates][1]", "txr_2"),
            ("mode", "payment"),
            ("success_url", "https://example.com/ok"),
            ("cancel_url", "https://example.com/cancel"),
            ("customer_email", "jenny@example.com"),
            ("allow_promotion_codes", "true"),
        ])
    );
}

#[test]
fn create_requires_mode_and_rejects_unknown_fields() {
    assert!(serde_json::from_value::<CreateSession>(json!({"ui_mode": "custom"})).is_err());
    assert!(
        serde_json::from_value::<CreateSession>(json!({"mode": "payment", "modee": 1})).is_err()
    );
    let p: CreateSession = serde_json::from_value(
        json!({"mode": "payment", "allow_promotion_codes": true, "expires_at": 1700000000}),
    )
    .unwrap();
    assert_eq!(p.allow_promotion_codes, Some(true));
    assert_eq!(p.expires_at, Some(1_700_000_000));
    // A future enum value is kept, not rejected.
    let p: CreateSession = serde_json::from_value(json!({"mode": "rental"})).unwrap();
    assert_eq!(p.mode, SessionMode::Unknown("rental".into()));
}

#[test]
fn update_line_items_shipping_and_collected_information_encode() {
    let params = UpdateSession::new()
        .line_items([
            UpdateLineItem::existing("li_1")
                .quantity(2)
                .adjustable_quantity(AdjustableQuantity::new(false))
                .metadata("gift", "yes"),
            UpdateLineItem::price("price_123", 1).tax_rates(["txr_1"]),
        ])
        .shipping_options([
            ShippingOption::shipping_rate("shr_standard"),
            ShippingOption::shipping_rate_data(ShippingRateData::fixed_amount(
                "Express", 1500, "usd",
            )),
        ])
        .shipping_details(ShippingDetails::new(
            "Jenny Rosen",
            Address::new("1 Main St", "US")
                .line2("Apt 2")
                .city("Springfield")
                .state("IL")
                .postal_code("62701"),
        ))
        .expand(["line_items"]);
    assert!(params.validate().is_ok(), "{:?}", params.validate());
    assert_eq!(
        encode(&params),
        pairs(&[
            ("line_items[0][id]", "li_1"),
            ("line_items[0][quantity]", "2"),
            ("line_items[0][adjustable_quantity][enabled]", "false"),
            ("line_items[0][metadata][gift]", "yes"),
            ("line_items[1][price]", "price_123"),
            ("line_items[1][quantity]", "1"),
            ("line_items[1][tax_rates][0]", "txr_1"),
            ("shipping_options[0][shipping_rate]", "shr_standard"),
            (
                "shipping_options[1][shipping_rate_data][display_name]",
                "Express"
            ),
            (
                "shipping_options[1][shipping_rate_data][type]",
                "fixed_amount"
            ),
            (
                "shipping_options[1][shipping_rate_data][fixed_amount][amount]",
                "1500"
            ),
            (
                "shipping_options[1][shipping_rate_data][fixed_amount][currency]",
                "usd"
            ),
            (
                "collected_information[shipping_details][name]",
                "Jenny Rosen"
            ),
            (
                "collected_information[shipping_details][address][line1]",
                "1 Main St"
            ),
            (
                "collected_information[shipping_details][address][line2]",
                "Apt 2"
            ),
            (
                "collected_information[shipping_details][address][city]",
                "Springfield"
            ),
            (
                "collected_information[shipping_details][address][state]",
                "IL"
            ),
            (
                "collected_information[shipping_details][address][postal_code]",
                "62701"
            ),
            (
                "collected_information[shipping_details][address][country]",
                "US"
            ),
            ("expand[0]", "line_items"),
        ])
    );
    let json = serde_json::to_value(&params).unwrap();
    assert_eq!(
        serde_json::from_value::<UpdateSession>(json).unwrap(),
        params
    );

    assert_eq!(
        encode(&UpdateSession::new().clear_shipping_options()),
        pairs(&[("shipping_options", "")])
    );
    assert_eq!(
        encode(&UpdateSession::new().shipping_options([])),
        pairs(&[("shipping_options", "")])
    );
    let cleared: UpdateSession = serde_json::from_value(json!({"shipping_options": ""})).unwrap();
    assert_eq!(cleared, UpdateSession::new().clear_shipping_options());
}

#[test]
fn list_sessions_encode_and_deserialize() {
    let params = ListSessions::new()
        .limit(20)
        .starting_after("cs_test_1")
        .customer("cus_1")
        .payment_intent("pi_1")
        .status(SessionStatus::Complete)
        .created(RangeQuery::new().gt(1).gte(2).lt(3).lte(4))
        .expand(["data.line_items"]);
    assert!(params.validate().is_ok());
    assert_eq!(
        encode(&params),
        pairs(&[
            ("limit", "20"),
            ("starting_after", "cs_test_1"),
            ("customer", "cus_1"),
            ("payment_intent", "pi_1"),
            ("status", "complete"),
            ("created[gt]", "1"),
            ("created[gte]", "2"),
            ("created[lt]", "3"),
            ("created[lte]", "4"),
            ("expand[0]", "data.line_items"),
        ])
    );
    let json = serde_json::to_value(&params).unwrap();
    assert_eq!(
        serde_json::from_value::<ListSessions>(json).unwrap(),
        params
    );

    let exact: ListSessions =
        serde_json::from_value(json!({"created": 1700000000, "ending_before": "cs_test_9"}))
            .unwrap();
    assert_eq!(
        exact,
        ListSessions::new()
            .created(1_700_000_000_i64)
            .ending_before("cs_test_9")
    );
    assert_eq!(
        encode(&exact),
        pairs(&[("ending_before", "cs_test_9"), ("created", "1700000000")])
    );
    assert!(encode(&ListSessions::new()).is_empty());
}

#[test]
fn list_line_items_and_expire_encode() {
    let params = ListLineItems::new()
        .limit(100)
        .ending_before("li_2")
        .expand(["data.price.product"]);
    assert!(params.validate().is_ok());
    assert_eq!(
        encode(&params),
        pairs(&[
            ("limit", "100"),
            ("ending_before", "li_2"),
            ("expand[0]", "data.price.product"),
        ])
    );
    let parsed: ListLineItems = serde_json::from_value(json!({"limit": 5})).unwrap();
    assert_eq!(parsed, ListLineItems::new().limit(5));
    assert!(encode(&ExpireSession::new()).is_empty());
    let expire: ExpireSession = serde_json::from_value(json!({"expand": ["discounts"]})).unwrap();
    assert_eq!(encode(&expire), pairs(&[("expand[0]", "discounts")]));
    // The setter adds to what is there.
    let expire = ExpireSession::new()
        .expand(["discounts"])
        .expand(["line_items"]);
    assert_eq!(
        encode(&expire),
        pairs(&[("expand[0]", "discounts"), ("expand[1]", "line_items")])
    );
}

mod validation;
