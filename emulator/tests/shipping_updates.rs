//! Shipping options and shipping details, on create and update: at most five options, each a
//! known rate or inline rate data in the session's currency; the first option selected, its
//! amount in the totals and never discounted; payment mode only; shipping details from the
//! server only with their permission, on Elements and embedded sessions.

mod support;

use serde_json::{Value, json};
use support::{ENDIVE, PREVIEW, Pairs, fake, get, post, price_for, session, update};

const EXPRESS: [(&str, &str); 6] = [
    (
        "shipping_options[1][shipping_rate_data][display_name]",
        "Express",
    ),
    (
        "shipping_options[1][shipping_rate_data][fixed_amount][amount]",
        "1500",
    ),
    (
        "shipping_options[1][shipping_rate_data][fixed_amount][currency]",
        "usd",
    ),
    (
        "shipping_options[1][shipping_rate_data][delivery_estimate][maximum][unit]",
        "business_day",
    ),
    (
        "shipping_options[1][shipping_rate_data][delivery_estimate][maximum][value]",
        "2",
    ),
    (
        "shipping_options[1][shipping_rate_data][metadata][speed]",
        "fast",
    ),
];

fn with_standard_first(rest: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut pairs = vec![("shipping_options[0][shipping_rate]", "shr_standard")];
    pairs.extend_from_slice(rest);
    pairs
}

#[tokio::test]
async fn options_render_with_the_first_selected_and_its_amount_in_the_total() {
    let fake = fake().await;
    let id = session(
        &fake,
        ENDIVE,
        "payment",
        "elements",
        &[("price_jacket", 1)],
        &[],
    )
    .await;
    let updated = update(&fake, ENDIVE, &id, &with_standard_first(&EXPRESS))
        .await
        .ok();
    let express = updated["shipping_options"][1]["shipping_rate"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(express.starts_with("shr_"), "{express}");
    assert_eq!(
        updated["shipping_options"],
        json!([
            {"shipping_amount": 500, "shipping_rate": "shr_standard"},
            {"shipping_amount": 1500, "shipping_rate": express},
        ])
    );
    assert_eq!(
        updated["shipping_cost"],
        json!({"amount_subtotal": 500, "amount_tax": 0, "amount_total": 500,
               "shipping_rate": "shr_standard"})
    );
    assert_eq!(updated["total_details"]["amount_shipping"], 500);
    assert_eq!(updated["amount_subtotal"], 12_000);
    assert_eq!(updated["amount_total"], 12_500);

    // The inline rate is a shipping rate of its own, retrievable and expandable.
    let rate = get(&fake, ENDIVE, &format!("/v1/shipping_rates/{express}"))
        .await
        .ok();
    assert_eq!(rate["object"], "shipping_rate");
    assert_eq!(rate["display_name"], "Express");
    assert_eq!(rate["type"], "fixed_amount");
    assert_eq!(
        rate["fixed_amount"],
        json!({"amount": 1500, "currency": "usd"})
    );
    assert_eq!(
        rate["delivery_estimate"],
        json!({"maximum": {"unit": "business_day", "value": 2}, "minimum": null})
    );
    assert_eq!(rate["metadata"], json!({"speed": "fast"}));
    assert_eq!(rate["active"], true);
    let expanded = get(
        &fake,
        ENDIVE,
        &format!(
            "/v1/checkout/sessions/{id}?expand[]=shipping_options.shipping_rate\
             &expand[]=shipping_cost.shipping_rate"
        ),
    )
    .await
    .ok();
    assert_eq!(expanded["shipping_options"][1]["shipping_rate"], rate);
    assert_eq!(
        expanded["shipping_cost"]["shipping_rate"]["id"],
        "shr_standard"
    );
    assert_eq!(
        expanded["shipping_cost"]["shipping_rate"]["display_name"],
        "Standard"
    );
    let missing = get(&fake, ENDIVE, "/v1/shipping_rates/shr_nowhere").await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.body["error"]["code"], "resource_missing");
    assert_eq!(missing.param(), Some("id"));

    // A new list selects its first option again.
    let replaced = update(
        &fake,
        ENDIVE,
        &id,
        &[("shipping_options[0][shipping_rate]", &express)],
    )
    .await
    .ok();
    assert_eq!(replaced["shipping_cost"]["shipping_rate"], express.as_str());
    assert_eq!(replaced["amount_total"], 13_500);

    // Cleared: no options, no cost, no shipping in the totals.
    let cleared = update(&fake, ENDIVE, &id, &[("shipping_options", "")])
        .await
        .ok();
    assert_eq!(cleared["shipping_options"], json!([]));
    assert_eq!(cleared["shipping_cost"], Value::Null);
    assert_eq!(cleared["total_details"]["amount_shipping"], 0);
    assert_eq!(cleared["amount_total"], 12_000);
}

/// Stripe discounts line items only: a discount, even one larger than the items, never
/// takes anything off shipping.
#[tokio::test]
async fn a_discount_leaves_shipping_whole() {
    let fake = fake().await;
    let id = session(
        &fake,
        PREVIEW,
        "payment",
        "elements",
        &[("price_jacket", 1)],
        &[("permissions[update_discounts]", "server_only")],
    )
    .await;
    let quarter = update(
        &fake,
        PREVIEW,
        &id,
        &[
            ("shipping_options[0][shipping_rate]", "shr_standard"),
            ("discounts[0][coupon]", "QUARTER"),
        ],
    )
    .await
    .ok();
    assert_eq!(quarter["total_details"]["amount_discount"], 3_000);
    assert_eq!(quarter["total_details"]["amount_shipping"], 500);
    assert_eq!(quarter["amount_total"], 12_000 - 3_000 + 500);
    let big = update(&fake, PREVIEW, &id, &[("discounts[0][coupon]", "BIG")])
        .await
        .ok();
    assert_eq!(big["total_details"]["amount_discount"], 12_000);
    assert_eq!(big["amount_total"], 500);
    // Completed, it is paid for its shipping.
    let completed = fake.complete_session(&id).await.unwrap();
    assert_eq!(completed["amount_total"], 500);
    assert_eq!(completed["payment_status"], "paid");
}

#[tokio::test]
async fn bad_options_are_refused_naming_the_option_and_change_nothing() {
    let fake = fake().await;
    fake.add_shipping_rate("shr_euro", "Euro post", 700, "eur");
    let id = session(
        &fake,
        ENDIVE,
        "payment",
        "elements",
        &[("price_jacket", 1)],
        &[],
    )
    .await;
    update(
        &fake,
        ENDIVE,
        &id,
        &[("shipping_options[0][shipping_rate]", "shr_standard")],
    )
    .await
    .ok();
    let data = |field: &'static str, value: &'static str| {
        vec![
            (
                "shipping_options[0][shipping_rate_data][display_name]",
                "Cargo",
            ),
            (
                "shipping_options[0][shipping_rate_data][fixed_amount][amount]",
                "900",
            ),
            (
                "shipping_options[0][shipping_rate_data][fixed_amount][currency]",
                "usd",
            ),
            (field, value),
        ]
    };
    let six: Vec<(String, String)> = (0..6)
        .map(|i| {
            (
                format!("shipping_options[{i}][shipping_rate]"),
                "shr_standard".to_owned(),
            )
        })
        .collect();
    let six: Vec<(&str, &str)> = six.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (six, "shipping_options"),
        (
            data("shipping_options[0][shipping_rate]", "shr_standard"),
            "shipping_options[0][shipping_rate_data]",
        ),
        (
            vec![(
                "shipping_options[0][shipping_rate_data][display_name]",
                "Cargo",
            )],
            "shipping_options[0][shipping_rate_data][fixed_amount]",
        ),
        (
            vec![
                (
                    "shipping_options[0][shipping_rate_data][fixed_amount][amount]",
                    "900",
                ),
                (
                    "shipping_options[0][shipping_rate_data][fixed_amount][currency]",
                    "usd",
                ),
            ],
            "shipping_options[0][shipping_rate_data][display_name]",
        ),
        (
            vec![("shipping_options[0][shipping_rate]", "shr_unknown")],
            "shipping_options[0][shipping_rate]",
        ),
        (
            vec![("shipping_options[0][shipping_rate]", "shr_euro")],
            "shipping_options[0][shipping_rate]",
        ),
        (
            data(
                "shipping_options[0][shipping_rate_data][fixed_amount][currency]",
                "eur",
            ),
            "shipping_options[0][shipping_rate_data][fixed_amount][currency]",
        ),
        (
            data(
                "shipping_options[0][shipping_rate_data][fixed_amount][amount]",
                "-1",
            ),
            "shipping_options[0][shipping_rate_data][fixed_amount][amount]",
        ),
        (
            data(
                "shipping_options[0][shipping_rate_data][type]",
                "calculated",
            ),
            "shipping_options[0][shipping_rate_data][type]",
        ),
        (
            data(
                "shipping_options[0][shipping_rate_data][delivery_estimate][minimum][value]",
                "0",
            ),
            "shipping_options[0][shipping_rate_data][delivery_estimate][minimum][value]",
        ),
        (
            vec![("shipping_options[0][colour]", "red")],
            "shipping_options[0][colour]",
        ),
    ];
    for (pairs, param) in cases {
        update(&fake, ENDIVE, &id, &pairs).await.refused(param);
    }
    let kept = get(&fake, ENDIVE, &format!("/v1/checkout/sessions/{id}"))
        .await
        .ok();
    assert_eq!(
        kept["shipping_options"],
        json!([{"shipping_amount": 500, "shipping_rate": "shr_standard"}])
    );
    assert_eq!(kept["amount_total"], 12_500);

    // A rate with an amount in the session's currency among its currency options is taken
    // at that amount.
    let euro_with_usd = update(
        &fake,
        ENDIVE,
        &id,
        &[
            ("shipping_options[0][shipping_rate_data][display_name]", "Euro post"),
            ("shipping_options[0][shipping_rate_data][fixed_amount][amount]", "700"),
            ("shipping_options[0][shipping_rate_data][fixed_amount][currency]", "eur"),
            (
                "shipping_options[0][shipping_rate_data][fixed_amount][currency_options][usd][amount]",
                "800",
            ),
        ],
    )
    .await
    .ok();
    assert_eq!(euro_with_usd["shipping_cost"]["amount_total"], 800);
    assert_eq!(euro_with_usd["amount_total"], 12_800);
}

/// Line items in a new currency strand the options kept in the old one: refused, unless the
/// same request replaces the options.
#[tokio::test]
async fn kept_options_must_follow_the_line_items_currency() {
    let fake = fake().await;
    fake.add_shipping_rate("shr_yen", "Yubin", 800, "jpy");
    let id = session(
        &fake,
        ENDIVE,
        "payment",
        "elements",
        &[("price_cap", 1)],
        &[],
    )
    .await;
    update(
        &fake,
        ENDIVE,
        &id,
        &[("shipping_options[0][shipping_rate]", "shr_standard")],
    )
    .await
    .ok();
    let to_yen = [
        ("line_items[0][price]", "price_tea"),
        ("line_items[0][quantity]", "1"),
    ];
    update(&fake, ENDIVE, &id, &to_yen)
        .await
        .refused("line_items");
    let mut and_options = to_yen.to_vec();
    and_options.push(("shipping_options[0][shipping_rate]", "shr_yen"));
    let moved = update(&fake, ENDIVE, &id, &and_options).await.ok();
    assert_eq!(moved["currency"], "jpy");
    assert_eq!(moved["amount_total"], 900 + 800);
}

#[tokio::test]
async fn shipping_is_for_payment_mode_and_not_for_the_hosted_page() {
    let fake = fake().await;
    let subscription = session(
        &fake,
        ENDIVE,
        "subscription",
        "elements",
        &[("price_club", 1)],
        &[],
    )
    .await;
    let hosted = session(
        &fake,
        ENDIVE,
        "payment",
        "hosted_page",
        &[("price_cap", 1)],
        &[],
    )
    .await;
    let option = [("shipping_options[0][shipping_rate]", "shr_standard")];
    update(&fake, ENDIVE, &subscription, &option)
        .await
        .refused("shipping_options");
    update(&fake, ENDIVE, &hosted, &option)
        .await
        .refused("shipping_options");

    // On create too: options in payment mode, refused in subscription mode.
    let create = |mode: &'static str| {
        let fake = &fake;
        async move {
            post(
                fake,
                ENDIVE,
                "/v1/checkout/sessions",
                &[
                    ("mode", mode),
                    ("line_items[0][price]", price_for(mode)),
                    ("line_items[0][quantity]", "1"),
                    ("shipping_options[0][shipping_rate]", "shr_standard"),
                    (
                        "shipping_options[1][shipping_rate_data][display_name]",
                        "Pickup",
                    ),
                    (
                        "shipping_options[1][shipping_rate_data][fixed_amount][amount]",
                        "0",
                    ),
                    (
                        "shipping_options[1][shipping_rate_data][fixed_amount][currency]",
                        "usd",
                    ),
                ],
            )
            .await
        }
    };
    let created = create("payment").await.ok();
    assert_eq!(created["shipping_cost"]["shipping_rate"], "shr_standard");
    assert_eq!(created["shipping_options"][1]["shipping_amount"], 0);
    assert_eq!(created["amount_total"], 3_500);
    create("subscription").await.refused("shipping_options");
}

#[tokio::test]
async fn shipping_details_come_from_the_server_only_with_their_permission() {
    let fake = fake().await;
    let server_only = [("permissions[update_shipping_details]", "server_only")];
    let details = [
        (
            "collected_information[shipping_details][name]",
            "Ada Lovelace",
        ),
        (
            "collected_information[shipping_details][address][line1]",
            "1 Analytical Way",
        ),
        (
            "collected_information[shipping_details][address][country]",
            "GB",
        ),
        (
            "collected_information[shipping_details][address][city]",
            "London",
        ),
        ("shipping_options[0][shipping_rate]", "shr_standard"),
    ];
    let id = session(
        &fake,
        ENDIVE,
        "payment",
        "elements",
        &[("price_cap", 1)],
        &server_only,
    )
    .await;
    let updated = update(&fake, ENDIVE, &id, &details).await.ok();
    assert_eq!(
        updated["collected_information"]["shipping_details"],
        json!({"name": "Ada Lovelace", "address": {
            "city": "London", "country": "GB", "line1": "1 Analytical Way",
            "line2": null, "postal_code": null, "state": null}})
    );
    assert_eq!(updated["amount_total"], 3_500);

    // Refused: without the permission (client_only is the default), on the hosted page, in
    // subscription mode, and without a required part of the address.
    let client_only = [("permissions[update_shipping_details]", "client_only")];
    let rows: [(&str, &str, Pairs); 4] = [
        ("payment", "elements", &[]),
        ("payment", "elements", &client_only),
        ("payment", "hosted_page", &server_only),
        ("subscription", "elements", &server_only),
    ];
    for (mode, ui_mode, permissions) in rows {
        let id = session(
            &fake,
            ENDIVE,
            mode,
            ui_mode,
            &[(price_for(mode), 1)],
            permissions,
        )
        .await;
        update(&fake, ENDIVE, &id, &details[..3])
            .await
            .refused("collected_information");
        let read = get(&fake, ENDIVE, &format!("/v1/checkout/sessions/{id}"))
            .await
            .ok();
        assert_eq!(read["collected_information"], Value::Null);
    }
    let embedded = session(
        &fake,
        ENDIVE,
        "payment",
        "embedded_page",
        &[("price_cap", 1)],
        &server_only,
    )
    .await;
    update(&fake, ENDIVE, &embedded, &details[..3]).await.ok();
    for (missing, param) in [
        (0, "collected_information[shipping_details][name]"),
        (1, "collected_information[shipping_details][address][line1]"),
        (
            2,
            "collected_information[shipping_details][address][country]",
        ),
    ] {
        let pairs: Vec<(&str, &str)> = details[..3]
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != missing)
            .map(|(_, pair)| *pair)
            .collect();
        update(&fake, ENDIVE, &id, &pairs).await.refused(param);
    }
}

/// A seed's shipping rates can be named by id; a negative amount is refused by entry.
#[tokio::test]
async fn a_seed_adds_shipping_rates() {
    use stripe_checkout_emulator::{Seed, SeedError};

    let fake = fake().await;
    let seed = Seed::from_json(
        r#"{"shipping_rates": [{"id": "shr_seeded", "display_name": "Seeded", "amount": 250, "currency": "usd"}]}"#,
    )
    .unwrap();
    fake.seed(&seed).unwrap();
    let id = session(
        &fake,
        ENDIVE,
        "payment",
        "elements",
        &[("price_cap", 1)],
        &[],
    )
    .await;
    let updated = update(
        &fake,
        ENDIVE,
        &id,
        &[("shipping_options[0][shipping_rate]", "shr_seeded")],
    )
    .await
    .ok();
    assert_eq!(updated["amount_total"], 3_250);
    let refused = Seed::from_json(
        r#"{"shipping_rates": [{"id": "shr_bad", "display_name": "Bad", "amount": -1, "currency": "usd"}]}"#,
    )
    .unwrap();
    assert!(matches!(
        fake.seed(&refused),
        Err(SeedError::Entry { entry, .. }) if entry == "shipping_rates[0]"
    ));
}
