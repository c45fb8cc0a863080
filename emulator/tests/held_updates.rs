//! Updates the session object does not show: the preview's trial (`subscription_data`) on
//! subscription sessions, and `payment_intent_data` on Elements payment sessions. Both are
//! read back from the emulator's held settings, in Rust and over the HTTP controls.

mod support;

use serde_json::{Value, json};
use support::{ENDIVE, PREVIEW, fake, get, session, update};

#[tokio::test]
async fn a_trial_is_set_replaced_and_cleared_on_a_subscription_session() {
    let fake = fake().await;
    let now = 1_800_000_000;
    fake.set_time(now);
    let id = session(
        &fake,
        PREVIEW,
        "subscription",
        "elements",
        &[("price_club", 1)],
        &[("subscription_data[description]", "Cap club")],
    )
    .await;
    let trial = |fake: &stripe_checkout_emulator::FakeStripe| {
        fake.session_settings(&id).unwrap()["subscription_data"].clone()
    };
    assert_eq!(trial(&fake), json!({"description": "Cap club"}));

    let answer = update(
        &fake,
        PREVIEW,
        &id,
        &[("subscription_data[trial_period_days]", "14")],
    )
    .await
    .ok();
    // Not on the session object.
    assert!(answer.get("subscription_data").is_none());
    assert_eq!(
        trial(&fake),
        json!({"description": "Cap club", "trial_period_days": 14})
    );

    // An end replaces the days; at least 48 hours out.
    let two_days = (now + 48 * 3600).to_string();
    let too_soon = (now + 48 * 3600 - 1).to_string();
    update(
        &fake,
        PREVIEW,
        &id,
        &[("subscription_data[trial_end]", &too_soon)],
    )
    .await
    .refused("subscription_data[trial_end]");
    update(
        &fake,
        PREVIEW,
        &id,
        &[("subscription_data[trial_end]", &two_days)],
    )
    .await
    .ok();
    assert_eq!(
        trial(&fake),
        json!({"description": "Cap club", "trial_end": now + 48 * 3600})
    );

    // Not both at once, and at least one day.
    update(
        &fake,
        PREVIEW,
        &id,
        &[
            ("subscription_data[trial_end]", &two_days),
            ("subscription_data[trial_period_days]", "7"),
        ],
    )
    .await
    .refused("subscription_data[trial_period_days]");
    update(
        &fake,
        PREVIEW,
        &id,
        &[("subscription_data[trial_period_days]", "0")],
    )
    .await
    .refused("subscription_data[trial_period_days]");
    assert_eq!(trial(&fake)["trial_end"], now + 48 * 3600);

    // Days again, then cleared (`trial_period_days=`): no trial.
    update(
        &fake,
        PREVIEW,
        &id,
        &[("subscription_data[trial_period_days]", "7")],
    )
    .await
    .ok();
    update(
        &fake,
        PREVIEW,
        &id,
        &[("subscription_data[trial_period_days]", "")],
    )
    .await
    .ok();
    assert_eq!(trial(&fake), json!({"description": "Cap club"}));

    // The trials guide's version (a preview of basil with the beta flag) takes it too.
    let guide = "2025-03-31.preview; checkout_server_update_beta=v1";
    update(
        &fake,
        guide,
        &id,
        &[("subscription_data[trial_period_days]", "30")],
    )
    .await
    .ok();
    assert_eq!(trial(&fake)["trial_period_days"], 30);
}

#[tokio::test]
async fn a_trial_is_refused_outside_subscription_mode() {
    let fake = fake().await;
    let id = session(
        &fake,
        PREVIEW,
        "payment",
        "elements",
        &[("price_cap", 1)],
        &[],
    )
    .await;
    update(
        &fake,
        PREVIEW,
        &id,
        &[("subscription_data[trial_period_days]", "7")],
    )
    .await
    .refused("subscription_data");
    assert_eq!(
        fake.session_settings(&id).unwrap()["subscription_data"],
        json!({})
    );
}

#[tokio::test]
async fn payment_intent_data_is_kept_for_elements_payment_sessions() {
    let fake = fake().await;
    let id = session(
        &fake,
        ENDIVE,
        "payment",
        "elements",
        &[("price_cap", 1)],
        &[("payment_intent_data[metadata][channel]", "web")],
    )
    .await;
    update(
        &fake,
        ENDIVE,
        &id,
        &[
            ("payment_intent_data[description]", "Order 42"),
            ("payment_intent_data[metadata][order]", "42"),
            ("payment_intent_data[setup_future_usage]", "off_session"),
            ("payment_intent_data[statement_descriptor_suffix]", "CAPS"),
        ],
    )
    .await
    .ok();
    let held = |fake: &stripe_checkout_emulator::FakeStripe| {
        fake.session_settings(&id).unwrap()["payment_intent_data"].clone()
    };
    assert_eq!(
        held(&fake),
        json!({"metadata": {"channel": "web", "order": "42"}, "description": "Order 42",
               "setup_future_usage": "off_session", "statement_descriptor_suffix": "CAPS"})
    );
    // Empty values clear, a metadata key by key.
    update(
        &fake,
        ENDIVE,
        &id,
        &[
            ("payment_intent_data[description]", ""),
            ("payment_intent_data[setup_future_usage]", ""),
            ("payment_intent_data[metadata][channel]", ""),
        ],
    )
    .await
    .ok();
    assert_eq!(
        held(&fake),
        json!({"metadata": {"order": "42"}, "statement_descriptor_suffix": "CAPS"})
    );

    // Refused: an unknown future usage, a descriptor over 22 characters, another mode, another
    // ui_mode; none changes what is held.
    let before = held(&fake);
    update(
        &fake,
        ENDIVE,
        &id,
        &[("payment_intent_data[setup_future_usage]", "sometimes")],
    )
    .await
    .refused("payment_intent_data[setup_future_usage]");
    update(
        &fake,
        ENDIVE,
        &id,
        &[(
            "payment_intent_data[statement_descriptor]",
            "A DESCRIPTOR TOO LONG!!",
        )],
    )
    .await
    .refused("payment_intent_data[statement_descriptor]");
    assert_eq!(held(&fake), before);
    let subscription = session(
        &fake,
        ENDIVE,
        "subscription",
        "elements",
        &[("price_club", 1)],
        &[],
    )
    .await;
    let embedded = session(
        &fake,
        ENDIVE,
        "payment",
        "embedded_page",
        &[("price_cap", 1)],
        &[],
    )
    .await;
    for other in [&subscription, &embedded] {
        update(
            &fake,
            ENDIVE,
            other,
            &[("payment_intent_data[description]", "x")],
        )
        .await
        .refused("payment_intent_data");
        assert_eq!(
            fake.session_settings(other).unwrap()["payment_intent_data"],
            json!({})
        );
    }

    // First in the 2026-09-30 preview; not in that day's GA release.
    let preview = "2026-09-30.preview";
    update(
        &fake,
        preview,
        &id,
        &[("payment_intent_data[description]", "Preview")],
    )
    .await
    .ok();
    assert_eq!(held(&fake)["description"], "Preview");
    update(
        &fake,
        "2026-09-30.endive",
        &id,
        &[("payment_intent_data[description]", "x")],
    )
    .await
    .refused("payment_intent_data");
}

/// The preview's Connect settings are held as sent; over HTTP the controls answer what a
/// session holds, and 404 for no session.
#[tokio::test]
async fn held_settings_are_read_over_the_http_controls() {
    let fake = fake().await;
    fake.enable_controls();
    let id = session(
        &fake,
        PREVIEW,
        "subscription",
        "elements",
        &[("price_club", 1)],
        &[],
    )
    .await;
    update(
        &fake,
        PREVIEW,
        &id,
        &[
            ("subscription_data[trial_period_days]", "7"),
            ("automatic_tax[liability][type]", "self"),
            ("invoice_creation[invoice_data][issuer][type]", "self"),
        ],
    )
    .await
    .ok();
    let read = |path: String| async move {
        let response = reqwest::get(path).await.unwrap();
        let status = response.status().as_u16();
        let body: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
        (status, body)
    };
    let (status, body) = read(format!("{}/_fake/sessions/{id}/settings", fake.uri())).await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({
            "subscription_data": {"trial_period_days": 7},
            "payment_intent_data": {},
            "automatic_tax": {"liability": {"type": "self"}},
            "invoice_creation": {"invoice_data": {"issuer": {"type": "self"}}},
        })
    );
    let (status, _) = read(format!(
        "{}/_fake/sessions/cs_test_none/settings",
        fake.uri()
    ))
    .await;
    assert_eq!(status, 404);
    // The session object shows none of it.
    let session = get(&fake, PREVIEW, &format!("/v1/checkout/sessions/{id}"))
        .await
        .ok();
    assert!(session.get("subscription_data").is_none());
    assert_eq!(session["automatic_tax"]["liability"], Value::Null);
}
