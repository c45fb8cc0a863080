//! Line-item updates as Stripe's API reference describes them: the whole array is sent; an id
//! alone keeps its item, an id with fields changes them, `price` or `price_data` with a
//! quantity adds an item, an id left out is removed, and the array's order is the items'
//! order. Who may send them: the preview's permission, or GA Elements sessions.

mod support;

use serde_json::json;
use support::{ENDIVE, PREVIEW, fake, get, item_ids, post, retrieve, session, update};

#[tokio::test]
async fn the_whole_array_keeps_changes_adds_removes_and_orders_items() {
    let fake = fake().await;
    let id = session(
        &fake,
        ENDIVE,
        "payment",
        "elements",
        &[("price_jacket", 1), ("price_cap", 2)],
        &[],
    )
    .await;
    let before = item_ids(&retrieve(&fake, ENDIVE, &id).await);
    let (jacket, cap) = (before[0].as_str(), before[1].as_str());

    // The cap first with a new quantity, a gift wrap added from `price_data` with metadata,
    // the jacket left out.
    let updated = update(
        &fake,
        ENDIVE,
        &id,
        &[
            ("line_items[0][id]", cap),
            ("line_items[0][quantity]", "3"),
            ("line_items[1][price_data][currency]", "usd"),
            ("line_items[1][price_data][unit_amount]", "1500"),
            ("line_items[1][price_data][product_data][name]", "Gift wrap"),
            ("line_items[1][quantity]", "1"),
            ("line_items[1][metadata][source]", "upsell"),
            ("expand[]", "line_items"),
        ],
    )
    .await
    .ok();
    assert_eq!(updated["amount_subtotal"], 3 * 3_000 + 1_500);
    assert_eq!(updated["amount_total"], 10_500);
    let items = &updated["line_items"]["data"];
    assert_eq!(items.as_array().unwrap().len(), 2);
    assert_eq!(items[0]["id"], cap);
    assert_eq!(items[0]["quantity"], 3);
    assert_eq!(items[0]["amount_subtotal"], 9_000);
    assert_eq!(items[1]["description"], "Gift wrap");
    assert_eq!(items[1]["price"]["unit_amount"], 1_500);
    assert_eq!(items[1]["metadata"], json!({"source": "upsell"}));
    assert!(items[1]["id"].as_str().unwrap().starts_with("li_"));
    let gift = items[1]["id"].as_str().unwrap().to_owned();
    assert!(!item_ids(&retrieve(&fake, ENDIVE, &id).await).contains(&jacket.to_owned()));

    // Ids alone, in another order: the order changes and nothing else.
    let reordered = update(
        &fake,
        ENDIVE,
        &id,
        &[("line_items[0][id]", &gift), ("line_items[1][id]", cap)],
    )
    .await
    .ok();
    assert_eq!(reordered["amount_subtotal"], 10_500);
    let read = retrieve(&fake, ENDIVE, &id).await;
    assert_eq!(item_ids(&read), [gift.clone(), cap.to_owned()]);
    assert_eq!(read["line_items"]["data"][1]["quantity"], 3);
    assert_eq!(
        read["line_items"]["data"][0]["metadata"],
        json!({"source": "upsell"})
    );

    // An id with metadata changes only its metadata: a key set, a key removed.
    update(
        &fake,
        ENDIVE,
        &id,
        &[
            ("line_items[0][id]", &gift),
            ("line_items[0][metadata][source]", ""),
            ("line_items[0][metadata][colour]", "red"),
            ("line_items[1][id]", cap),
        ],
    )
    .await
    .ok();
    let read = retrieve(&fake, ENDIVE, &id).await;
    assert_eq!(
        read["line_items"]["data"][0]["metadata"],
        json!({"colour": "red"})
    );
    assert_eq!(read["line_items"]["data"][0]["quantity"], 1);

    // An id with a new price keeps its id and takes the price.
    let repriced = update(
        &fake,
        ENDIVE,
        &id,
        &[
            ("line_items[0][id]", cap),
            ("line_items[0][price]", "price_jacket"),
        ],
    )
    .await
    .ok();
    assert_eq!(repriced["amount_subtotal"], 3 * 12_000);
    let read = retrieve(&fake, ENDIVE, &id).await;
    assert_eq!(item_ids(&read), [cap.to_owned()]);
    assert_eq!(read["line_items"]["data"][0]["price"]["id"], "price_jacket");
}

#[tokio::test]
async fn price_data_on_update_takes_decimals_recurring_prices_and_adjustable_quantities() {
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
    let club = item_ids(&retrieve(&fake, ENDIVE, &id).await)[0].clone();
    let updated = update(
        &fake,
        ENDIVE,
        &id,
        &[
            ("line_items[0][id]", &club),
            ("line_items[0][adjustable_quantity][enabled]", "true"),
            ("line_items[0][adjustable_quantity][maximum]", "5"),
            ("line_items[1][price_data][currency]", "usd"),
            ("line_items[1][price_data][unit_amount_decimal]", "999.5"),
            ("line_items[1][price_data][product]", "prod_plan"),
            ("line_items[1][price_data][recurring][interval]", "month"),
            ("line_items[1][quantity]", "2"),
            ("expand[]", "line_items"),
        ],
    )
    .await
    .ok();
    // 999.5 × 2 = 1999 exactly: the decimal is multiplied before rounding.
    assert_eq!(updated["amount_subtotal"], 3_000 + 1_999);
    let plan = &updated["line_items"]["data"][1];
    assert_eq!(plan["price"]["type"], "recurring");
    assert_eq!(plan["price"]["recurring"]["interval"], "month");
    assert_eq!(plan["price"]["recurring"]["interval_count"], 1);
    assert_eq!(plan["price"]["product"], "prod_plan");
    assert_eq!(plan["price"]["unit_amount_decimal"], "999.5");
    assert_eq!(
        updated["line_items"]["data"][0]["adjustable_quantity"],
        json!({"enabled": true, "maximum": 5})
    );
    assert_eq!(plan["adjustable_quantity"], json!(null));
}

#[tokio::test]
async fn a_bad_array_is_refused_naming_the_item_and_changes_nothing() {
    let fake = fake().await;
    let id = session(
        &fake,
        ENDIVE,
        "payment",
        "elements",
        &[("price_jacket", 1), ("price_cap", 1)],
        &[],
    )
    .await;
    let ids = item_ids(&retrieve(&fake, ENDIVE, &id).await);
    let (jacket, cap) = (ids[0].as_str(), ids[1].as_str());
    let new = |quantity: &'static str| {
        vec![
            ("line_items[1][price_data][currency]", "usd"),
            ("line_items[1][price_data][unit_amount]", "100"),
            ("line_items[1][price_data][product_data][name]", "Pin"),
            ("line_items[1][quantity]", quantity),
        ]
    };
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        // The same item twice.
        (
            vec![("line_items[0][id]", cap), ("line_items[1][id]", cap)],
            "line_items[1][id]",
        ),
        // An item the session does not have.
        (
            vec![("line_items[0][id]", "li_elsewhere")],
            "line_items[0][id]",
        ),
        // A new item needs a quantity, and a price or price_data, not both.
        (
            with(
                vec![("line_items[0][id]", jacket)],
                &[
                    ("line_items[1][price_data][currency]", "usd"),
                    ("line_items[1][price_data][unit_amount]", "100"),
                    ("line_items[1][price_data][product_data][name]", "Pin"),
                ],
            ),
            "line_items[1][quantity]",
        ),
        (
            vec![("line_items[0][quantity]", "1")],
            "line_items[0][price]",
        ),
        (
            with(
                vec![
                    ("line_items[0][id]", jacket),
                    ("line_items[1][price]", "price_cap"),
                ],
                &new("1"),
            ),
            "line_items[1][price_data]",
        ),
        (
            vec![
                ("line_items[0][price_data][currency]", "usd"),
                ("line_items[0][price_data][unit_amount]", "100"),
                ("line_items[0][quantity]", "1"),
            ],
            "line_items[0][price_data][product_data]",
        ),
        (
            vec![
                ("line_items[0][price]", "price_gone"),
                ("line_items[0][quantity]", "1"),
            ],
            "line_items[0][price]",
        ),
        // All items in one currency.
        (
            vec![
                ("line_items[0][id]", jacket),
                ("line_items[1][price]", "price_tea"),
                ("line_items[1][quantity]", "1"),
            ],
            "line_items[1]",
        ),
        // Quantities within Stripe's bounds, checked with the params.
        (
            with(vec![("line_items[0][id]", jacket)], &new("0")),
            "line_items[1][quantity]",
        ),
        // Tax rates are not modelled.
        (
            vec![
                ("line_items[0][id]", jacket),
                ("line_items[0][tax_rates][0]", "txr_1"),
            ],
            "line_items[0][tax_rates]",
        ),
    ];
    for (pairs, param) in cases {
        update(&fake, ENDIVE, &id, &pairs).await.refused(param);
    }
    let read = retrieve(&fake, ENDIVE, &id).await;
    assert_eq!(item_ids(&read), ids);
    assert_eq!(read["amount_total"], 15_000);
    // Clearing the tax rates (none) is taken.
    update(
        &fake,
        ENDIVE,
        &id,
        &[
            ("line_items[0][id]", jacket),
            ("line_items[0][tax_rates]", ""),
        ],
    )
    .await
    .ok();
}

/// `first` followed by `rest`.
fn with<'a>(
    mut first: Vec<(&'a str, &'a str)>,
    rest: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    first.extend_from_slice(rest);
    first
}

#[tokio::test]
async fn a_payment_session_takes_at_most_a_hundred_line_items() {
    let fake = fake().await;
    let id = session(
        &fake,
        ENDIVE,
        "payment",
        "elements",
        &[("price_cap", 1)],
        &[],
    )
    .await;
    let pairs_of = |n: usize| -> Vec<(String, String)> {
        (0..n)
            .flat_map(|i| {
                [
                    (format!("line_items[{i}][price]"), "price_cap".to_owned()),
                    (format!("line_items[{i}][quantity]"), "1".to_owned()),
                ]
            })
            .collect()
    };
    for (n, ok) in [(100, true), (101, false)] {
        let pairs = pairs_of(n);
        let refs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let answer = update(&fake, ENDIVE, &id, &refs).await;
        if ok {
            assert_eq!(answer.ok()["amount_subtotal"], 300_000);
        } else {
            answer.refused("line_items");
        }
    }
}

/// Recurring prices belong to `subscription` mode, which needs at least one (the SDK's `mode`
/// comment), on create and when an update replaces the items.
#[tokio::test]
async fn recurring_prices_need_subscription_mode_and_it_needs_one() {
    let fake = fake().await;
    let inline_plan = [
        ("line_items[1][price_data][currency]", "usd"),
        ("line_items[1][price_data][unit_amount]", "900"),
        ("line_items[1][price_data][product_data][name]", "Plan"),
        ("line_items[1][price_data][recurring][interval]", "month"),
        ("line_items[1][quantity]", "1"),
    ];
    let create = |mode: &'static str, first: &'static str, plan: bool| {
        let fake = &fake;
        async move {
            let mut pairs = vec![
                ("mode", mode),
                ("ui_mode", "elements"),
                ("return_url", "https://example.com/return"),
                ("line_items[0][price]", first),
                ("line_items[0][quantity]", "1"),
            ];
            if plan {
                pairs.extend(inline_plan);
            }
            post(fake, ENDIVE, "/v1/checkout/sessions", &pairs).await
        }
    };
    let in_payment = create("payment", "price_club", false).await;
    in_payment.refused("line_items");
    assert_eq!(
        in_payment.body["error"]["message"],
        "You specified `payment` mode but passed a recurring price. Either switch to \
         `subscription` mode or use only one-time prices."
    );
    create("payment", "price_cap", true)
        .await
        .refused("line_items");
    let one_time_only = create("subscription", "price_cap", false).await;
    one_time_only.refused("line_items");
    assert_eq!(
        one_time_only.body["error"]["message"],
        "You must provide at least one recurring price in `subscription` mode when using prices."
    );
    // One-time items ride along with a recurring one.
    let mixed = create("subscription", "price_cap", true).await.ok();
    assert_eq!(mixed["amount_subtotal"], 3_000 + 900);

    // On update: a payment session cannot gain a recurring item, a subscription cannot lose
    // its last one; neither session changes.
    let payment = session(
        &fake,
        ENDIVE,
        "payment",
        "elements",
        &[("price_cap", 1)],
        &[],
    )
    .await;
    let cap = item_ids(&retrieve(&fake, ENDIVE, &payment).await)[0].clone();
    let mut pairs = vec![("line_items[0][id]", cap.as_str())];
    pairs.extend(inline_plan);
    update(&fake, ENDIVE, &payment, &pairs)
        .await
        .refused("line_items");
    assert_eq!(item_ids(&retrieve(&fake, ENDIVE, &payment).await), [cap]);

    let subscription = mixed["id"].as_str().unwrap();
    let before = item_ids(&retrieve(&fake, ENDIVE, subscription).await);
    update(
        &fake,
        ENDIVE,
        subscription,
        &[("line_items[0][id]", &before[0])],
    )
    .await
    .refused("line_items");
    assert_eq!(
        item_ids(&retrieve(&fake, ENDIVE, subscription).await),
        before
    );
    update(
        &fake,
        ENDIVE,
        subscription,
        &[
            ("line_items[0][price]", "price_club"),
            ("line_items[0][quantity]", "2"),
        ],
    )
    .await
    .ok();
}

/// A seed's prices may recur; an item priced inline with `price_data[product]` shows the named
/// product's name as its description, as Stripe does.
#[tokio::test]
async fn seeded_recurring_prices_and_existing_products_by_name() {
    use stripe_checkout_emulator::{Seed, SeedError};

    let fake = fake().await;
    let seed = Seed::from_json(
        r#"{"prices": [{"id": "price_beans", "product": "prod_beans", "name": "Bean box",
                        "unit_amount": 2000, "currency": "usd", "interval": "week"}]}"#,
    )
    .unwrap();
    fake.seed(&seed).unwrap();
    let id = session(
        &fake,
        ENDIVE,
        "subscription",
        "elements",
        &[("price_beans", 1)],
        &[
            ("line_items[1][price_data][currency]", "usd"),
            ("line_items[1][price_data][unit_amount]", "500"),
            ("line_items[1][price_data][product]", "prod_beans"),
            ("line_items[1][quantity]", "1"),
        ],
    )
    .await;
    let read = retrieve(&fake, ENDIVE, &id).await;
    let items = &read["line_items"]["data"];
    assert_eq!(items[0]["price"]["type"], "recurring");
    assert_eq!(items[0]["price"]["recurring"]["interval"], "week");
    assert_eq!(items[1]["description"], "Bean box");
    assert_eq!(items[1]["price"]["product"], "prod_beans");
    assert_eq!(items[1]["price"]["type"], "one_time");

    let refused = Seed::from_json(
        r#"{"prices": [{"id": "price_x", "unit_amount": 1, "currency": "usd", "interval": "fortnight"}]}"#,
    )
    .unwrap();
    assert!(matches!(
        fake.seed(&refused),
        Err(SeedError::Entry { entry, .. }) if entry == "prices[0]"
    ));
}

/// `line_items.data.price.product` (and a line item list's `data.price.product`) expands
/// the price's product, in the version's shape; other paths under a price stay refused.
#[tokio::test]
async fn a_line_items_price_expands_its_product_on_retrieve_update_and_list() {
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
    let product = |item: &serde_json::Value| item["price"]["product"].clone();

    // Retrieve: the catalog price's product, in endive's shape (`tax_details` from stripe@23).
    let read = get(
        &fake,
        ENDIVE,
        &format!("/v1/checkout/sessions/{id}?expand[]=line_items.data.price.product"),
    )
    .await
    .ok();
    let jacket = product(&read["line_items"]["data"][0]);
    assert_eq!(jacket["object"], "product");
    assert_eq!(
        (&jacket["name"], &jacket["active"]),
        (&json!("Jacket"), &json!(true))
    );
    assert!(jacket["id"].as_str().unwrap().starts_with("prod_"));
    assert_eq!(jacket["tax_details"], json!(null));
    for key in [
        "description",
        "images",
        "metadata",
        "default_price",
        "updated",
        "url",
    ] {
        assert!(jacket.get(key).is_some(), "{key} missing from {jacket}");
    }

    // Update: an item from `price_data[product_data]` shows that product as sent.
    let updated = update(
        &fake,
        ENDIVE,
        &id,
        &[
            ("line_items[0][price_data][currency]", "usd"),
            ("line_items[0][price_data][unit_amount]", "1500"),
            ("line_items[0][price_data][product_data][name]", "Gift wrap"),
            (
                "line_items[0][price_data][product_data][description]",
                "Red paper",
            ),
            (
                "line_items[0][price_data][product_data][metadata][kind]",
                "wrap",
            ),
            ("line_items[0][quantity]", "1"),
            ("expand[]", "line_items.data.price.product"),
        ],
    )
    .await
    .ok();
    let wrap = product(&updated["line_items"]["data"][0]);
    assert_eq!(wrap["name"], "Gift wrap");
    assert_eq!(wrap["description"], "Red paper");
    assert_eq!(wrap["metadata"], json!({"kind": "wrap"}));
    let wrap_id = wrap["id"].as_str().unwrap();
    assert_eq!(
        retrieve(&fake, ENDIVE, &id).await["line_items"]["data"][0]["price"]["product"],
        wrap_id
    );

    // List line items: expanded only when asked; basil's product has no `tax_details`.
    let path = format!("/v1/checkout/sessions/{id}/line_items");
    let plain = get(&fake, ENDIVE, &path).await.ok();
    assert_eq!(product(&plain["data"][0]), wrap_id);
    let basil = "2025-03-31.basil";
    let listed = get(&fake, basil, &format!("{path}?expand[]=data.price.product"))
        .await
        .ok();
    let listed = product(&listed["data"][0]);
    assert_eq!(
        (&listed["id"], &listed["name"]),
        (&json!(wrap_id), &json!("Gift wrap"))
    );
    assert!(listed.get("tax_details").is_none());

    // Other paths below the price are still refused.
    get(
        &fake,
        ENDIVE,
        &format!("/v1/checkout/sessions/{id}?expand[]=line_items.data.price.tiers"),
    )
    .await
    .refused("expand[0]");
    get(
        &fake,
        ENDIVE,
        &format!("{path}?expand[]=data.price.product.default_price"),
    )
    .await
    .refused("expand[0]");
}

/// A version, a `ui_mode`, the create's permissions, and the param refused (`None`: taken).
type Row<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)], Option<&'a str>);

/// Generally available versions (from 2025-12-15.clover) update the line items of Elements
/// (`custom`) sessions without a permission, and refuse them for the hosted and embedded
/// pages; the preview needs `permissions[update_line_items]=server_only` (or the grouped
/// `permissions[update][line_items]`), which GA versions do not have.
#[tokio::test]
async fn who_may_update_line_items_depends_on_the_version_and_the_session() {
    let fake = fake().await;
    let change = |item: String| {
        vec![
            ("line_items[0][id]".to_owned(), item),
            ("line_items[0][quantity]".to_owned(), "2".to_owned()),
        ]
    };
    let rows: [Row; 11] = [
        (ENDIVE, "elements", &[], None),
        (ENDIVE, "embedded_page", &[], Some("line_items")),
        (ENDIVE, "hosted_page", &[], Some("line_items")),
        ("2025-12-15.clover", "custom", &[], None),
        ("2025-12-15.clover", "embedded", &[], Some("line_items")),
        (PREVIEW, "elements", &[], Some("line_items")),
        (
            PREVIEW,
            "elements",
            &[("permissions[update_line_items]", "client_only")],
            Some("line_items"),
        ),
        (
            PREVIEW,
            "elements",
            &[("permissions[update_line_items]", "server_only")],
            None,
        ),
        (
            PREVIEW,
            "embedded_page",
            &[("permissions[update][line_items]", "server_only")],
            None,
        ),
        (
            PREVIEW,
            "hosted_page",
            &[("permissions[update_line_items]", "server_only")],
            Some("line_items"),
        ),
        (
            "2025-03-31.basil; checkout_server_update_beta=v1",
            "custom",
            &[("permissions[update_line_items]", "server_only")],
            None,
        ),
    ];
    for (version, ui_mode, permissions, refused) in rows {
        let id = session(
            &fake,
            version,
            "payment",
            ui_mode,
            &[("price_cap", 1)],
            permissions,
        )
        .await;
        let item = item_ids(&retrieve(&fake, version, &id).await)[0].clone();
        let pairs = change(item);
        let refs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let answer = update(&fake, version, &id, &refs).await;
        match refused {
            None => assert_eq!(answer.ok()["amount_subtotal"], 6_000, "{version} {ui_mode}"),
            Some(param) => {
                answer.refused(param);
                assert_eq!(
                    retrieve(&fake, version, &id).await["amount_subtotal"],
                    3_000
                );
            }
        }
    }
    // The refusal names the ui_mode as the version spells it.
    let hosted = session(
        &fake,
        "2025-12-15.clover",
        "payment",
        "hosted",
        &[("price_cap", 1)],
        &[],
    )
    .await;
    let item = item_ids(&retrieve(&fake, "2025-12-15.clover", &hosted).await)[0].clone();
    let answer = update(
        &fake,
        "2025-12-15.clover",
        &hosted,
        &[("line_items[0][id]", &item)],
    )
    .await;
    answer.refused("line_items");
    let message = answer.body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("`ui_mode=custom`") && message.contains("`ui_mode=hosted`"),
        "{message}"
    );

    // GA versions have no line-item permission to create a session with.
    let created = support::post(
        &fake,
        ENDIVE,
        "/v1/checkout/sessions",
        &[
            ("mode", "payment"),
            ("line_items[0][price]", "price_cap"),
            ("line_items[0][quantity]", "1"),
            ("permissions[update_line_items]", "server_only"),
        ],
    )
    .await;
    created.refused("permissions[update_line_items]");
    assert_eq!(created.body["error"]["code"], "parameter_unknown");
}

/// The item object shows `metadata` and `adjustable_quantity` in the versions whose updates
/// can set them, and not in basil's.
#[tokio::test]
async fn line_item_metadata_shows_where_the_version_has_it() {
    let fake = fake().await;
    let id = session(
        &fake,
        ENDIVE,
        "payment",
        "elements",
        &[("price_cap", 1)],
        &[("line_items[0][metadata][sku]", "CAP-1")],
    )
    .await;
    let endive = retrieve(&fake, ENDIVE, &id).await;
    assert_eq!(
        endive["line_items"]["data"][0]["metadata"],
        json!({"sku": "CAP-1"})
    );
    assert_eq!(
        endive["line_items"]["data"][0]["adjustable_quantity"],
        json!(null)
    );
    let basil = retrieve(&fake, "2025-03-31.basil", &id).await;
    let item = basil["line_items"]["data"][0].as_object().unwrap();
    assert!(!item.contains_key("metadata") && !item.contains_key("adjustable_quantity"));
    let listed = support::get(
        &fake,
        "2025-12-15.clover",
        &format!("/v1/checkout/sessions/{id}/line_items"),
    )
    .await
    .ok();
    assert_eq!(listed["data"][0]["metadata"], json!({"sku": "CAP-1"}));
}

/// A closed session refuses every update, changing nothing.
#[tokio::test]
async fn complete_and_expired_sessions_refuse_every_update() {
    let fake = fake().await;
    let done = session(
        &fake,
        ENDIVE,
        "payment",
        "elements",
        &[("price_cap", 1)],
        &[],
    )
    .await;
    let item = item_ids(&retrieve(&fake, ENDIVE, &done).await)[0].clone();
    fake.complete_session(&done).await.unwrap();
    let lapsed = session(
        &fake,
        ENDIVE,
        "payment",
        "elements",
        &[("price_cap", 1)],
        &[],
    )
    .await;
    support::post(
        &fake,
        ENDIVE,
        &format!("/v1/checkout/sessions/{lapsed}/expire"),
        &[],
    )
    .await
    .ok();
    let updates: [&[(&str, &str)]; 3] = [
        &[
            ("line_items[0][id]", &item),
            ("line_items[0][quantity]", "2"),
        ],
        &[("shipping_options[0][shipping_rate]", "shr_standard")],
        &[("payment_intent_data[description]", "late")],
    ];
    for id in [&done, &lapsed] {
        for pairs in updates {
            let answer = update(&fake, ENDIVE, id, pairs).await;
            assert_eq!(answer.status, 400, "{}", answer.body);
            let message = answer.body["error"]["message"].as_str().unwrap();
            assert!(message.contains("can no longer be updated"), "{message}");
        }
    }
    assert_eq!(retrieve(&fake, ENDIVE, &done).await["amount_total"], 3_000);
}
