//! The emulator's server-update family end to end, over raw HTTP as a merchant's server
//! would send it (form bodies, no client types: the emulator's rules come from Stripe's
//! docs, not from this crate): one update that reorders, changes, adds and removes line items
//! and sets shipping options and details, read back with its totals; the same on the
//! preview with a discount that leaves shipping whole; and each refusal naming its param.

use serde_json::{Value, json};
use stripe_checkout_client::testing::FakeStripe;

const ENDIVE: &str = "2026-10-28.endive";
const PREVIEW: &str = "2026-08-26.preview";

async fn send(
    fake: &FakeStripe,
    version: &str,
    path: &str,
    pairs: Option<&[(&str, &str)]>,
) -> (u16, Value) {
    let http = reqwest::Client::new();
    let url = format!("{}{path}", fake.uri());
    let request = match pairs {
        Some(pairs) => http.post(url).form(pairs),
        None => http.get(url),
    };
    let response = request
        .bearer_auth("sk_test_dynamic_updates")
        .header("stripe-version", version)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (
        status,
        serde_json::from_str(&response.text().await.unwrap()).unwrap(),
    )
}

async fn ok(fake: &FakeStripe, version: &str, path: &str, pairs: Option<&[(&str, &str)]>) -> Value {
    let (status, body) = send(fake, version, path, pairs).await;
    assert_eq!(status, 200, "{body}");
    body
}

async fn catalog() -> FakeStripe {
    let fake = FakeStripe::start().await;
    fake.add_product_price("price_jacket", "Jacket", 12_000, "usd")
        .add_product_price("price_cap", "Cap", 3_000, "usd")
        .add_shipping_rate("shr_standard", "Standard", 500, "usd")
        .add_coupon("QUARTER", json!({"percent_off": 25}));
    fake
}

async fn create(fake: &FakeStripe, version: &str, extra: &[(&str, &str)]) -> (String, Vec<String>) {
    let mut pairs = vec![
        ("mode", "payment"),
        ("ui_mode", "elements"),
        ("return_url", "https://example.com/return"),
        ("line_items[0][price]", "price_jacket"),
        ("line_items[0][quantity]", "1"),
        ("line_items[1][price]", "price_cap"),
        ("line_items[1][quantity]", "1"),
        ("expand[]", "line_items"),
    ];
    pairs.extend_from_slice(extra);
    let session = ok(fake, version, "/v1/checkout/sessions", Some(&pairs)).await;
    let items = session["line_items"]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect();
    (session["id"].as_str().unwrap().to_owned(), items)
}

/// One update on endive: the cap first with two of them, a gift wrap added, the jacket
/// removed, two shipping options and the shipping details; the totals read back include the
/// first option, and the completed session is paid for them.
#[tokio::test]
async fn one_update_reshapes_the_cart_and_its_shipping() {
    let fake = catalog().await;
    let (id, items) = create(
        &fake,
        ENDIVE,
        &[("permissions[update_shipping_details]", "server_only")],
    )
    .await;
    let path = format!("/v1/checkout/sessions/{id}");
    let updated = ok(
        &fake,
        ENDIVE,
        &path,
        Some(&[
            ("line_items[0][id]", &items[1]),
            ("line_items[0][quantity]", "2"),
            ("line_items[1][price_data][currency]", "usd"),
            ("line_items[1][price_data][unit_amount]", "700"),
            ("line_items[1][price_data][product_data][name]", "Gift wrap"),
            ("line_items[1][quantity]", "1"),
            ("shipping_options[0][shipping_rate]", "shr_standard"),
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
            ("collected_information[shipping_details][name]", "Ada"),
            (
                "collected_information[shipping_details][address][line1]",
                "1 Way",
            ),
            (
                "collected_information[shipping_details][address][country]",
                "GB",
            ),
        ]),
    )
    .await;
    assert_eq!(updated["amount_subtotal"], 6_700);
    assert_eq!(updated["total_details"]["amount_shipping"], 500);
    assert_eq!(updated["amount_total"], 7_200);

    let read = ok(
        &fake,
        ENDIVE,
        &format!("{path}?expand[]=line_items&expand[]=shipping_cost.shipping_rate"),
        None,
    )
    .await;
    let lines: Vec<(&str, u64)> = read["line_items"]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["description"].as_str().unwrap(),
                i["quantity"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(lines, [("Cap", 2), ("Gift wrap", 1)]);
    assert_eq!(read["line_items"]["data"][0]["id"], items[1].as_str());
    assert_eq!(
        read["shipping_cost"]["shipping_rate"]["display_name"],
        "Standard"
    );
    assert_eq!(read["shipping_options"][1]["shipping_amount"], 1_500);
    assert_eq!(
        read["collected_information"]["shipping_details"]["address"]["country"],
        "GB"
    );
    let completed = fake.complete_session(&id).await.unwrap();
    assert_eq!(completed["amount_total"], 7_200);
}

/// On the preview, line items need their permission; a discount there takes its share of
/// the items and nothing of the shipping.
#[tokio::test]
async fn on_the_preview_a_discount_leaves_shipping_whole() {
    let fake = catalog().await;
    let (id, items) = create(
        &fake,
        PREVIEW,
        &[
            ("permissions[update_line_items]", "server_only"),
            ("permissions[update_discounts]", "server_only"),
        ],
    )
    .await;
    let updated = ok(
        &fake,
        PREVIEW,
        &format!("/v1/checkout/sessions/{id}"),
        Some(&[
            ("line_items[0][id]", &items[0]),
            ("shipping_options[0][shipping_rate]", "shr_standard"),
            ("discounts[0][coupon]", "QUARTER"),
        ]),
    )
    .await;
    assert_eq!(updated["amount_subtotal"], 12_000);
    assert_eq!(updated["total_details"]["amount_discount"], 3_000);
    assert_eq!(updated["total_details"]["amount_shipping"], 500);
    assert_eq!(updated["amount_total"], 9_500);
}

/// An update refused: its version, the session, the form pairs and the param named.
type Refused<'a> = (&'a str, &'a str, Vec<(&'a str, &'a str)>, &'a str);

/// Each refusal is Stripe's 400 naming the param, and leaves the session as it was.
#[tokio::test]
async fn refused_updates_name_their_param_and_change_nothing() {
    let fake = catalog().await;
    let (elements, items) = create(&fake, ENDIVE, &[]).await;
    let (preview, preview_items) = create(&fake, PREVIEW, &[]).await;
    let hosted = ok(
        &fake,
        ENDIVE,
        "/v1/checkout/sessions",
        Some(&[
            ("mode", "payment"),
            ("line_items[0][price]", "price_cap"),
            ("line_items[0][quantity]", "1"),
        ]),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let rows: Vec<Refused> = vec![
        (
            ENDIVE,
            &elements,
            vec![
                ("line_items[0][id]", &items[0]),
                ("line_items[1][id]", &items[0]),
            ],
            "line_items[1][id]",
        ),
        (
            ENDIVE,
            &elements,
            vec![
                ("line_items[0][price_data][currency]", "usd"),
                ("line_items[0][price_data][unit_amount]", "1"),
                ("line_items[0][price_data][product_data][name]", "X"),
            ],
            "line_items[0][quantity]",
        ),
        (
            ENDIVE,
            &hosted,
            vec![
                ("line_items[0][price]", "price_cap"),
                ("line_items[0][quantity]", "2"),
            ],
            "line_items",
        ),
        (
            ENDIVE,
            &hosted,
            vec![("shipping_options[0][shipping_rate]", "shr_standard")],
            "shipping_options",
        ),
        (
            ENDIVE,
            &elements,
            vec![
                ("collected_information[shipping_details][name]", "Ada"),
                (
                    "collected_information[shipping_details][address][line1]",
                    "1 Way",
                ),
                (
                    "collected_information[shipping_details][address][country]",
                    "GB",
                ),
            ],
            "collected_information",
        ),
        (
            ENDIVE,
            &elements,
            vec![("subscription_data[trial_period_days]", "7")],
            "subscription_data",
        ),
        (
            ENDIVE,
            &elements,
            vec![("discounts[0][coupon]", "QUARTER")],
            "discounts",
        ),
        (
            PREVIEW,
            &preview,
            vec![("line_items[0][id]", &preview_items[0])],
            "line_items",
        ),
        (
            PREVIEW,
            &preview,
            vec![("subscription_data[trial_period_days]", "7")],
            "subscription_data",
        ),
        (
            PREVIEW,
            &preview,
            vec![("payment_intent_data[description]", "x")],
            "payment_intent_data",
        ),
    ];
    for (version, id, pairs, param) in rows {
        let path = format!("/v1/checkout/sessions/{id}");
        let before = ok(&fake, version, &path, None).await;
        let (status, body) = send(&fake, version, &path, Some(&pairs)).await;
        assert_eq!(status, 400, "{version} {param}: {body}");
        assert_eq!(body["error"]["type"], "invalid_request_error");
        assert_eq!(body["error"]["param"], param, "{version}: {body}");
        assert_eq!(ok(&fake, version, &path, None).await, before, "{param}");
    }
}
