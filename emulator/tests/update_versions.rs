//! Which update params each API version has, as the official SDKs type them (the table of
//! update params by SDK in the dynamic-updates facts): a param the request's version does
//! not have is refused as unknown, naming it, before anything runs. And what each version's
//! session answer holds: every field its SDK types as present, and its permissions.

mod support;

use serde_json::{Value, json};
use stripe_checkout_emulator::{Method, check_params};
use support::{ENDIVE, PREVIEW, fake, get, post, session, update};

/// The session fields of the reference's three SDKs, present and optional, by version.
const SESSION_TOP_KEYS: &str = include_str!("fixtures/session_top_keys.json");

const PARAMS: [(&str, &str); 6] = [
    ("line_items", "line_items[0][id]=li_1"),
    ("discounts", "discounts[0][coupon]=QUARTER"),
    (
        "subscription_data",
        "subscription_data[trial_period_days]=7",
    ),
    ("payment_intent_data", "payment_intent_data[description]=x"),
    ("automatic_tax", "automatic_tax[liability][type]=self"),
    (
        "invoice_creation",
        "invoice_creation[invoice_data][issuer][type]=self",
    ),
];

#[test]
fn each_version_has_the_update_params_of_its_sdk() {
    // Per version, which of PARAMS it has (in PARAMS' order).
    let rows: [(&str, [bool; 6]); 9] = [
        (
            "2025-03-31.basil",
            [false, false, false, false, false, false],
        ),
        (
            "2025-09-30.clover",
            [false, false, false, false, false, false],
        ),
        (
            "2025-12-15.clover",
            [true, false, false, false, false, false],
        ),
        (
            "2026-03-25.dahlia",
            [true, false, false, false, false, false],
        ),
        (PREVIEW, [true, true, true, false, true, true]),
        (
            "2026-09-30.endive",
            [true, false, false, false, false, false],
        ),
        ("2026-09-30.preview", [true, true, true, true, true, true]),
        (ENDIVE, [true, false, false, true, false, false]),
        (
            "2025-03-31.basil; checkout_server_update_beta=v1",
            [true, true, true, false, true, true],
        ),
    ];
    for (version, has) in rows {
        for ((param, body), has) in PARAMS.iter().zip(has) {
            let checked = check_params(Method::Post, "/v1/checkout/sessions/cs_1", version, body);
            match checked {
                Ok(_) => assert!(has, "{version} has {param}"),
                Err(refusal) => {
                    assert!(!has, "{version} refused {param}: {}", refusal.message);
                    assert_eq!(refusal.status, 400);
                    assert_eq!(refusal.param.as_deref(), Some(*param), "{version}");
                    assert_eq!(
                        refusal.message,
                        format!("Received unknown parameter: {param}")
                    );
                }
            }
        }
    }
}

/// Over HTTP, the version's refusal comes before the session's rules: an endive request with
/// the preview's `subscription_data` is refused as unknown even on a subscription session,
/// and leaves the session as it was.
#[tokio::test]
async fn an_update_param_of_another_version_is_refused_as_unknown() {
    let fake = fake().await;
    let id = session(
        &fake,
        ENDIVE,
        "subscription",
        "elements",
        &[("price_club", 1)],
        &[],
    )
    .await;
    let answer = update(
        &fake,
        ENDIVE,
        &id,
        &[("subscription_data[trial_period_days]", "7")],
    )
    .await;
    answer.refused("subscription_data");
    assert_eq!(answer.body["error"]["code"], "parameter_unknown");
    assert_eq!(
        fake.session_settings(&id).unwrap()["subscription_data"],
        serde_json::json!({})
    );
    // The same update in the preview is taken.
    update(
        &fake,
        PREVIEW,
        &id,
        &[("subscription_data[trial_period_days]", "7")],
    )
    .await
    .ok();
    assert_eq!(
        fake.session_settings(&id).unwrap()["subscription_data"]["trial_period_days"],
        7
    );
}

/// Asserts that `answer` has every field `version`'s SDK types as present, and otherwise only
/// fields it types as optional.
#[track_caller]
fn assert_top_keys(version: &str, answer: &Value) {
    let reference: Value = serde_json::from_str(SESSION_TOP_KEYS).unwrap();
    let names = |list: &str| -> Vec<String> {
        serde_json::from_value(reference[version][list].clone()).unwrap()
    };
    let (present, optional) = (names("present"), names("optional"));
    let keys: Vec<&String> = answer.as_object().unwrap().keys().collect();
    let missing: Vec<&String> = present.iter().filter(|k| !keys.contains(k)).collect();
    let extra: Vec<&&String> = keys
        .iter()
        .filter(|k| !present.contains(k) && !optional.contains(k))
        .collect();
    assert!(missing.is_empty(), "{version} misses {missing:?}");
    assert!(extra.is_empty(), "{version} has untyped {extra:?}");
}

#[tokio::test]
async fn a_session_answer_has_every_field_its_versions_sdk_types_as_present() {
    let fake = fake().await;
    for version in ["2025-03-31.basil", PREVIEW, ENDIVE] {
        let ui_mode = if version == "2025-03-31.basil" {
            "custom"
        } else {
            "elements"
        };
        let created = post(
            &fake,
            version,
            "/v1/checkout/sessions",
            &[
                ("mode", "payment"),
                ("ui_mode", ui_mode),
                ("return_url", "https://example.com/return"),
                ("line_items[0][price]", "price_cap"),
                ("line_items[0][quantity]", "1"),
                ("permissions[update_shipping_details]", "server_only"),
            ],
        )
        .await
        .ok();
        assert_top_keys(version, &created);
        // The values of a session that set none of them.
        assert_eq!(created["custom_fields"], json!([]));
        assert_eq!(
            created["custom_text"],
            json!({"after_submit": null, "shipping_address": null, "submit": null,
                   "terms_of_service_acceptance": null})
        );
        assert_eq!(created["payment_method_options"], json!({}));
        for key in [
            "subscription",
            "setup_intent",
            "payment_link",
            "consent",
            "submit_type",
        ] {
            assert_eq!(created[key], Value::Null, "{version} {key}");
        }
        let id = created["id"].as_str().unwrap();
        let read = get(
            &fake,
            version,
            &format!("/v1/checkout/sessions/{id}?expand[]=line_items"),
        )
        .await
        .ok();
        assert_top_keys(version, &read);

        // A hosted session that set some of them answers what it set.
        let hosted = post(
            &fake,
            version,
            "/v1/checkout/sessions",
            &[
                ("mode", "payment"),
                ("success_url", "https://example.com/done"),
                ("line_items[0][price]", "price_cap"),
                ("line_items[0][quantity]", "1"),
                ("submit_type", "donate"),
                ("custom_text[submit][message]", "Thanks"),
            ],
        )
        .await
        .ok();
        assert_top_keys(version, &hosted);
        assert_eq!(hosted["submit_type"], "donate");
        assert_eq!(
            hosted["custom_text"]["submit"],
            json!({"message": "Thanks"})
        );
        assert_eq!(hosted["custom_text"]["after_submit"], Value::Null);
    }
}

/// The fields added after basil arrive with the SDK that added their create param: the first
/// clover's SDK has `origin_context` and `wallet_options`, not yet `customer_account`; a
/// session created on endive and read on basil shows none of them.
#[tokio::test]
async fn fields_newer_than_the_version_are_left_out() {
    let fake = fake().await;
    let id = session(
        &fake,
        ENDIVE,
        "payment",
        "hosted_page",
        &[("price_cap", 1)],
        &[],
    )
    .await;
    let path = format!("/v1/checkout/sessions/{id}");
    let clover = get(&fake, "2025-09-30.clover", &path).await.ok();
    assert_eq!(clover["origin_context"], Value::Null);
    assert!(clover.get("wallet_options").is_some());
    assert!(clover.get("customer_account").is_none());
    assert_eq!(
        get(&fake, "2025-12-15.clover", &path).await.ok()["customer_account"],
        Value::Null
    );
    let basil = get(&fake, "2025-03-31.basil", &path).await.ok();
    assert_top_keys("2025-03-31.basil", &basil);
}

/// Generally available versions' sessions show only `update_shipping_details` (the SDKs of
/// basil and endive type nothing else); the preview and a beta-flagged basil show the
/// preview's permissions too, as they were created.
#[tokio::test]
async fn a_sessions_permissions_are_those_of_its_version() {
    let fake = fake().await;
    let beta = "2025-03-31.basil; checkout_server_update_beta=v1";
    let rows: [(&str, &str, &str, Value); 5] = [
        (
            "2025-03-31.basil",
            "custom",
            "permissions[update_shipping_details]",
            json!({"update_shipping_details": "server_only"}),
        ),
        (
            "2026-03-25.dahlia",
            "elements",
            "permissions[update_shipping_details]",
            json!({"update_shipping_details": "server_only"}),
        ),
        (
            ENDIVE,
            "elements",
            "permissions[update_shipping_details]",
            json!({"update_shipping_details": "server_only"}),
        ),
        (
            beta,
            "custom",
            "permissions[update_discounts]",
            json!({"update_discounts": "server_only", "update_line_items": null,
                   "update_shipping_details": null}),
        ),
        (
            PREVIEW,
            "elements",
            "permissions[update_line_items]",
            json!({"update_discounts": null, "update_line_items": "server_only",
                   "update_shipping_details": null}),
        ),
    ];
    for (version, ui_mode, permission, shown) in rows {
        let extra = [(permission, "server_only")];
        let id = session(
            &fake,
            version,
            "payment",
            ui_mode,
            &[("price_cap", 1)],
            &extra,
        )
        .await;
        let read = get(&fake, version, &format!("/v1/checkout/sessions/{id}"))
            .await
            .ok();
        assert_eq!(read["permissions"], shown, "{version}");
    }
    // A session created in the preview, read in endive: endive's permissions only.
    let id = session(
        &fake,
        PREVIEW,
        "payment",
        "elements",
        &[("price_cap", 1)],
        &[("permissions[update_discounts]", "server_only")],
    )
    .await;
    let read = get(&fake, ENDIVE, &format!("/v1/checkout/sessions/{id}"))
        .await
        .ok();
    assert_eq!(
        read["permissions"],
        json!({"update_shipping_details": null})
    );
}
