//! Which update params each API version has, as the official SDKs type them (the table of
//! update params by SDK in the dynamic-updates facts): a param the request's version does
//! not have is refused as unknown, naming it, before anything runs.

mod support;

use stripe_checkout_emulator::{Method, check_params};
use support::{ENDIVE, PREVIEW, fake, session, update};

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
