//! One merchant's code on each tested API version — the guide's
//! (`2025-03-31.basil; checkout_server_update_beta=v1;`), the newest preview and endive: what
//! the client sends or refuses locally, what the emulator answers and refuses in each
//! version, and the events it signs for an endpoint pinned to one.

use serde_json::{Value, json};
use stripe_checkout_client::checkout::{
    CheckoutSession, CreateSession, LineItem, PermissionOwner, SessionMode, UiMode, UpdateSession,
};
use stripe_checkout_client::discounts::{
    CouponData, Discount, DiscountRequest, policy_fn, update_discounts,
};
use stripe_checkout_client::error::VersionGap;
use stripe_checkout_client::promotion_codes::{CreatePromotionCode, PromotionCode};
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt};
use stripe_checkout_client::{ApiVersion, Client, Error, Method};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn guide() -> ApiVersion {
    ApiVersion::server_update_beta()
}

fn preview() -> ApiVersion {
    ApiVersion::newest_preview()
}

fn endive() -> ApiVersion {
    ApiVersion::newest_ga()
}

async fn fake() -> FakeStripe {
    let fake = FakeStripe::start().await;
    fake.add_product_price("price_jacket", "Jacket", 12_000, "usd")
        .add_coupon(
            "TENOFF",
            serde_json::json!({"amount_off": 1_000, "currency": "usd"}),
        )
        .add_coupon("QUARTER", serde_json::json!({"percent_off": 25.0}));
    fake
}

fn client_on(fake: &FakeStripe, version: ApiVersion) -> Client {
    fake.client_builder().api_version(version).build().unwrap()
}

/// The guide's session: the merchant's own page, discounts only from the server.
fn server_driven() -> CreateSession {
    CreateSession::new(SessionMode::Payment)
        .ui_mode(UiMode::Elements)
        .line_item(LineItem::price("price_jacket", 1))
        .return_url("https://example.com/return")
        .update_discounts(PermissionOwner::ServerOnly)
}

/// A session that uses no preview feature.
fn plain() -> CreateSession {
    CreateSession::new(SessionMode::Payment)
        .ui_mode(UiMode::Elements)
        .line_item(LineItem::price("price_jacket", 1))
        .return_url("https://example.com/return")
}

fn refused(result: Result<CheckoutSession, Error>) -> (String, String, VersionGap) {
    match result {
        Err(Error::NotInVersion(e)) => (e.param.clone(), e.version.to_string(), e.gap.clone()),
        other => panic!("expected a local version refusal, got {other:?}"),
    }
}

/// An object as Stripe's JSON, read in `version`.
async fn raw_get(client: &Client, path: &str, version: &ApiVersion) -> Value {
    client
        .request_raw(Method::Get, path, &json!({}))
        .api_version(version.clone())
        .await
        .unwrap()
}

fn sent_ui_mode(fake: &FakeStripe) -> String {
    let create = fake
        .journal()
        .into_iter()
        .rev()
        .find(|r| r.is_post())
        .unwrap();
    create.params["ui_mode"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn the_guide_session_runs_on_the_guide_and_the_preview_and_is_refused_locally_on_endive() {
    let fake = fake().await;
    for (version, wire_name) in [(guide(), "custom"), (preview(), "elements")] {
        let client = client_on(&fake, version.clone());
        let created = client
            .checkout_sessions()
            .create(&server_driven())
            .await
            .unwrap();
        assert_eq!(sent_ui_mode(&fake), wire_name, "{version}");
        assert_eq!(created.ui_mode, Some(UiMode::Elements), "{version}");
        let raw = raw_get(
            &client,
            &format!("/v1/checkout/sessions/{}", created.id),
            &version,
        )
        .await;
        assert_eq!(raw["ui_mode"], wire_name, "{version}");
        // The same update call works on both.
        let updated = client
            .checkout_sessions()
            .update(
                &created.id,
                &UpdateSession::new().discount(Discount::Coupon("TENOFF".parse().unwrap())),
            )
            .await
            .unwrap();
        assert_eq!(updated.amount_total, Some(11_000), "{version}");
    }

    fake.clear_journal();
    let on_endive = client_on(&fake, endive());
    let (param, version, gap) =
        refused(on_endive.checkout_sessions().create(&server_driven()).await);
    assert_eq!(param, "permissions[update_discounts]");
    assert_eq!(version, "2026-10-28.endive");
    assert_eq!(gap, VersionGap::PreviewOnly);
    // A per-request version is the one checked: the guide's client asking for endive.
    let guide_client = client_on(&fake, guide());
    let (param, version, _) = refused(
        guide_client
            .checkout_sessions()
            .create(&server_driven())
            .api_version(endive())
            .await,
    );
    assert_eq!(
        (param.as_str(), version.as_str()),
        ("permissions[update_discounts]", "2026-10-28.endive")
    );
    assert!(fake.journal().is_empty(), "nothing may be sent");

    // Without the preview's permission, the session runs on endive too, named its way.
    let created = on_endive
        .checkout_sessions()
        .create(&plain())
        .await
        .unwrap();
    assert_eq!(sent_ui_mode(&fake), "elements");
    assert_eq!(
        created.ui_mode,
        Some(UiMode::Custom),
        "one value, two names"
    );
}

#[tokio::test]
async fn payment_method_types_follow_endive() {
    let fake = fake().await;
    let old_way = plain().payment_method_types(["card"]);
    let new_way = plain().allowed_payment_method_types(["card"]);
    for version in [guide(), preview()] {
        let client = client_on(&fake, version.clone());
        client.checkout_sessions().create(&old_way).await.unwrap();
        let (param, _, gap) = refused(client.checkout_sessions().create(&new_way).await);
        assert_eq!(param, "allowed_payment_method_types", "{version}");
        assert_eq!(
            gap,
            VersionGap::NotYet {
                since: "2026-09-30.endive",
                in_previews: false
            }
        );
    }
    let client = client_on(&fake, endive());
    let (param, _, gap) = refused(client.checkout_sessions().create(&old_way).await);
    assert_eq!(param, "payment_method_types");
    assert_eq!(
        gap,
        VersionGap::Removed {
            since: "2026-09-30.endive"
        }
    );
    let created = client.checkout_sessions().create(&new_way).await.unwrap();
    let path = format!("/v1/checkout/sessions/{}", created.id);
    let raw = raw_get(&client, &path, &endive()).await;
    assert_eq!(raw["allowed_payment_method_types"], json!(["card"]));
    let on_preview = raw_get(&client, &path, &preview()).await;
    assert!(
        on_preview.get("allowed_payment_method_types").is_none(),
        "a field of endive only: {on_preview}"
    );
}

#[tokio::test]
async fn the_form_ui_mode_needs_dahlia() {
    let fake = fake().await;
    let form = plain().ui_mode(UiMode::Form);
    let (param, _, gap) = refused(
        client_on(&fake, guide())
            .checkout_sessions()
            .create(&form)
            .await,
    );
    assert_eq!(param, "ui_mode");
    assert_eq!(
        gap,
        VersionGap::NotYet {
            since: "2026-03-25.dahlia",
            in_previews: false
        }
    );
    let created = client_on(&fake, endive())
        .checkout_sessions()
        .create(&form)
        .await
        .unwrap();
    assert_eq!(created.ui_mode, Some(UiMode::Form));
}

#[tokio::test]
async fn update_time_features_follow_the_version() {
    let fake = fake().await;
    let on_endive = client_on(&fake, endive());
    let session = on_endive
        .checkout_sessions()
        .create(&plain())
        .await
        .unwrap();
    let sessions = on_endive.checkout_sessions();
    let coupon = UpdateSession::new().discount(Discount::Coupon("TENOFF".parse().unwrap()));
    let err = sessions.update(&session.id, &coupon).await.unwrap_err();
    assert!(
        err.to_string().starts_with(
            "`discounts` is not accepted on API version 2026-10-28.endive: a preview feature"
        ),
        "{err}"
    );
    let intent = UpdateSession::new().payment_intent_data(
        stripe_checkout_client::checkout::params::UpdatePaymentIntentData::new()
            .description("Order 42"),
    );
    let guide_client = client_on(&fake, guide());
    let guide_session = guide_client
        .checkout_sessions()
        .create(&server_driven())
        .await
        .unwrap();
    let (param, _, gap) = refused(
        guide_client
            .checkout_sessions()
            .update(&guide_session.id, &intent)
            .await,
    );
    assert_eq!(param, "payment_intent_data");
    assert_eq!(
        gap,
        VersionGap::NotYet {
            since: "2026-10-28.endive",
            in_previews: false
        }
    );
    // A promotion code is refused on update on every version: the endpoint takes a coupon.
    let promo = fake.add_promotion_code("SPRING", "QUARTER");
    let by_code = UpdateSession::new().discount(Discount::PromotionCode(promo.parse().unwrap()));
    match guide_client
        .checkout_sessions()
        .update(&guide_session.id, &by_code)
        .await
    {
        Err(Error::InvalidParams { param, .. }) => {
            assert_eq!(param, "discounts[0][promotion_code]")
        }
        other => panic!("{other:?}"),
    }
}

/// What the emulator answers to a raw request the client's checks would have stopped.
async fn raw_refusal(
    client: &Client,
    path: &str,
    params: Value,
    version: ApiVersion,
) -> (u16, String, String) {
    let err = client
        .request_raw::<Value, _>(Method::Post, path, &params)
        .api_version(version)
        .await
        .unwrap_err();
    let api = err.as_api().unwrap_or_else(|| panic!("{err:?}"));
    (
        api.status,
        api.param.clone().unwrap_or_default(),
        api.code.clone().unwrap_or_default(),
    )
}

#[tokio::test]
async fn the_emulator_refuses_what_each_version_refuses() {
    let fake = fake().await;
    let client = fake.client();
    let base = json!({
        "mode": "payment", "return_url": "https://example.com/return",
        "line_items": [{"price": "price_jacket", "quantity": 1}],
    });
    let with = |extra: Value| {
        let mut params = base.clone();
        params
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        params
    };
    let sessions = "/v1/checkout/sessions";
    let cases = [
        (
            with(json!({"ui_mode": "custom"})),
            preview(),
            "ui_mode",
            "parameter_invalid",
        ),
        (
            with(json!({"ui_mode": "form"})),
            guide(),
            "ui_mode",
            "parameter_invalid",
        ),
        (
            with(json!({"ui_mode": "elements", "payment_method_types": ["card"]})),
            endive(),
            "payment_method_types",
            "parameter_unknown",
        ),
        (
            with(json!({"ui_mode": "elements", "allowed_payment_method_types": ["card"]})),
            preview(),
            "allowed_payment_method_types",
            "parameter_unknown",
        ),
        (
            with(json!({"ui_mode": "custom", "permissions": {"update_discounts": "server_only"}})),
            ApiVersion::new("2025-03-31.basil").unwrap(),
            "permissions[update_discounts]",
            "parameter_unknown",
        ),
        (
            with(
                json!({"ui_mode": "elements", "discounts": [{"coupon_data": {"percent_off": 5}}]}),
            ),
            endive(),
            "discounts[0][coupon_data]",
            "parameter_unknown",
        ),
    ];
    for (params, version, param, code) in cases {
        assert_eq!(
            raw_refusal(&client, sessions, params.clone(), version.clone()).await,
            (400, param.to_owned(), code.to_owned()),
            "{params} on {version}"
        );
    }

    let session = client_on(&fake, endive())
        .checkout_sessions()
        .create(&plain())
        .await
        .unwrap();
    let path = format!("{sessions}/{}", session.id);
    assert_eq!(
        raw_refusal(
            &client,
            &path,
            json!({"discounts": [{"coupon": "TENOFF"}]}),
            endive()
        )
        .await,
        (400, "discounts".to_owned(), "parameter_unknown".to_owned())
    );
    let guide_session = fake
        .client()
        .checkout_sessions()
        .create(&server_driven())
        .await
        .unwrap();
    let promo = fake.add_promotion_code("SPRING", "QUARTER");
    assert_eq!(
        raw_refusal(
            &client,
            &format!("{sessions}/{}", guide_session.id),
            json!({"discounts": [{"promotion_code": promo}]}),
            guide()
        )
        .await,
        (
            400,
            "discounts[0][promotion_code]".to_owned(),
            "parameter_unknown".to_owned()
        )
    );
    assert!(
        fake.journal()
            .iter()
            .all(|r| !r.applied || r.path == sessions),
        "only the two creates applied"
    );
}

#[tokio::test]
async fn answers_come_in_each_versions_shape_and_parse_to_one_model() {
    let fake = fake().await;
    let promo = fake.add_promotion_code("SPRING", "QUARTER");
    let create = plain().discount(Discount::PromotionCode(promo.parse().unwrap()));
    let created = fake
        .client()
        .checkout_sessions()
        .create(&create)
        .await
        .unwrap();
    let session_path = format!("/v1/checkout/sessions/{}", created.id);
    let expand = json!({"expand": ["total_details.breakdown", "discounts.promotion_code"]});
    for (version, clover) in [(guide(), false), (preview(), true), (endive(), true)] {
        let client = client_on(&fake, version.clone());
        let raw: Value = client
            .request_raw(Method::Get, &session_path, &expand)
            .await
            .unwrap();
        let discount = &raw["total_details"]["breakdown"]["discounts"][0]["discount"];
        let code = &raw["discounts"][0]["promotion_code"];
        if clover {
            assert_eq!(
                discount["source"],
                json!({"type": "coupon", "coupon": "QUARTER"})
            );
            assert!(discount.get("coupon").is_none(), "{discount}");
            assert_eq!(
                code["promotion"],
                json!({"type": "coupon", "coupon": "QUARTER"})
            );
            assert!(code.get("coupon").is_none(), "{code}");
        } else {
            assert_eq!(discount["coupon"]["id"], "QUARTER");
            assert!(discount.get("source").is_none(), "{discount}");
            assert_eq!(code["coupon"]["percent_off"], json!(25.0));
            assert!(code.get("promotion").is_none(), "{code}");
        }

        let typed: CheckoutSession = serde_json::from_value(raw).unwrap();
        let breakdown = typed.total_details.unwrap().breakdown.unwrap();
        assert_eq!(
            breakdown.discounts[0].discount.coupon_id(),
            Some("QUARTER"),
            "{version}"
        );
        assert_eq!(breakdown.discounts[0].amount, 3_000);
        let code = raw_get(&client, &format!("/v1/promotion_codes/{promo}"), &version).await;
        let code: PromotionCode = serde_json::from_value(code).unwrap();
        assert_eq!(code.coupon_id(), Some("QUARTER"), "{version}");
        assert_eq!(
            code.coupon().is_some(),
            !clover,
            "only basil nests the coupon"
        );

        // Expanding the discounts alone leaves their promotion code an id.
        let raw: Value = client
            .request_raw(
                Method::Get,
                &session_path,
                &json!({"expand": ["discounts"]}),
            )
            .await
            .unwrap();
        assert_eq!(
            raw["discounts"][0]["promotion_code"],
            json!(promo),
            "{version}"
        );
    }
}

#[tokio::test]
async fn the_unchanged_rule_holds_in_both_shapes() {
    for version in [guide(), preview()] {
        let fake = fake().await;
        let client = client_on(&fake, version.clone());
        let session = client
            .checkout_sessions()
            .create(&server_driven())
            .await
            .unwrap();
        let ask = || {
            DiscountRequest::from_json(
                format!(r#"{{"checkout_session_id":"{}"}}"#, session.id).as_bytes(),
            )
            .unwrap()
        };
        for discount in [
            Discount::Coupon("TENOFF".parse().unwrap()),
            Discount::CouponData(CouponData::amount_off(700, "usd").name("Loyal")),
        ] {
            let policy = policy_fn(move |_, _| Ok(vec![discount.clone()]));
            let first = update_discounts(&client, ask(), &policy).await.unwrap();
            let again = update_discounts(&client, ask(), &policy).await.unwrap();
            assert!(first.changed && !again.changed, "{version}");
        }
        let updates = fake
            .journal()
            .iter()
            .filter(|r| r.is_post() && r.path.ends_with(session.id.as_str()))
            .count();
        assert_eq!(updates, 2, "one update per policy on {version}");
    }
}

#[tokio::test]
async fn webhook_events_carry_the_endpoint_version_and_its_shape() {
    let endpoint = MockServer::start().await;
    Mock::given(wiremock::matchers::method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&endpoint)
        .await;
    let secret = "whsec_versions";
    for (pinned, api_version, ui_mode) in [
        (None, "2025-03-31.basil", "custom"),
        (Some(endive()), "2026-10-28.endive", "elements"),
    ] {
        let fake = fake().await;
        if let Some(version) = pinned {
            fake.set_webhook_api_version(&version.to_string()).unwrap();
        }
        fake.send_webhooks_to(format!("{}/hook", endpoint.uri()), secret);
        let session = client_on(&fake, endive())
            .checkout_sessions()
            .create(&plain())
            .await
            .unwrap();
        fake.complete_session(session.id.as_str()).await.unwrap();
        let delivered = endpoint.received_requests().await.unwrap().pop().unwrap();
        let header = delivered
            .headers
            .get("stripe-signature")
            .unwrap()
            .to_str()
            .unwrap();
        let event =
            stripe_checkout_client::webhook::construct_event(&delivered.body, header, secret)
                .unwrap();
        assert_eq!(event.api_version.as_deref(), Some(api_version));
        assert_eq!(event.session().unwrap().ui_mode, Some(UiMode::Elements));
        let raw: Value = serde_json::from_slice(&delivered.body).unwrap();
        assert_eq!(raw["data"]["object"]["ui_mode"], ui_mode);
    }
}

#[tokio::test]
async fn promotion_codes_are_created_in_each_versions_shape() {
    let fake = fake().await;
    fake.add_customer("cus_gold", None);
    for (version, code) in [(guide(), "SPRING"), (endive(), "AUTUMN")] {
        let client = client_on(&fake, version.clone());
        let created = client
            .promotion_codes()
            .create(
                &CreatePromotionCode::new("QUARTER")
                    .code(code)
                    .max_redemptions(3)
                    .minimum_amount(5_000, "usd"),
            )
            .await
            .unwrap();
        assert_eq!(created.code.as_deref(), Some(code));
        assert_eq!(created.coupon_id(), Some("QUARTER"), "{version}");
        assert_eq!(created.max_redemptions, Some(3));
        let restrictions = created.restrictions.as_ref().unwrap();
        assert_eq!(restrictions.minimum_amount, Some(5_000));
        let sent = fake.journal().pop().unwrap();
        let basil = version == guide();
        assert_eq!(
            sent.params.get("coupon").is_some(),
            basil,
            "{version}: {}",
            sent.body
        );
        assert_eq!(sent.params.get("promotion").is_some(), !basil, "{version}");
        // Stateful: the code is there to read back, in any version's shape.
        let other = if basil { endive() } else { guide() };
        let read = raw_get(
            &client,
            &format!("/v1/promotion_codes/{}", created.id),
            &other,
        )
        .await;
        assert_eq!(read["code"], code);
        assert_eq!(
            read.get("promotion").is_some(),
            basil,
            "read in the other shape: {read}"
        );
    }

    let client = fake.client();
    let codes = "/v1/promotion_codes";
    let cases = [
        (
            json!({"coupon": "QUARTER", "code": "X1"}),
            endive(),
            400,
            "coupon",
        ),
        (
            json!({"promotion": {"type": "coupon", "coupon": "QUARTER"}, "code": "X2"}),
            guide(),
            400,
            "promotion",
        ),
        (json!({"code": "X3"}), guide(), 400, "coupon"),
        (
            json!({"coupon": "NOPE", "code": "X4"}),
            guide(),
            400,
            "coupon",
        ),
        (
            json!({"promotion": {"type": "coupon", "coupon": "NOPE"}}),
            endive(),
            400,
            "promotion[coupon]",
        ),
        (
            json!({"coupon": "QUARTER", "code": "spring"}),
            guide(),
            400,
            "code",
        ),
    ];
    for (params, version, status, param) in cases {
        let (got_status, got_param, _) = raw_refusal(&client, codes, params.clone(), version).await;
        assert_eq!(
            (got_status, got_param.as_str()),
            (status, param),
            "{params}"
        );
    }
    // The same code for another customer is a different code.
    client
        .promotion_codes()
        .create(
            &CreatePromotionCode::new("QUARTER")
                .code("spring")
                .customer("cus_gold"),
        )
        .await
        .unwrap();
}
