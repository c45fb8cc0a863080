//! The server-update flow against wiremock: the exact retrieve, paging and update requests of
//! a composed update (cart, shipping, discount in one request), the cases where nothing may be
//! sent, and what the page is told.

use std::collections::HashMap;

use serde_json::{Value, json};
use stripe_checkout_client::checkout::{PermissionOwner, SessionMode, UiMode};
use stripe_checkout_client::discounts::DiscountPolicy;
use stripe_checkout_client::discounts::policies::{CartThreshold, RegionOffers, Reward};
use stripe_checkout_client::updates::policies::{
    AddOn, NO_SHIPPING_MESSAGE, QuantityLimits, ShippingRates, UpgradeTrial,
};
use stripe_checkout_client::updates::{
    self, Changes, Compose, FlowError, INVALID_REQUEST_MESSAGE, NotAllowed, Part, Rejection,
    SessionView, Trial, UpdatePolicy, UpdateRequest, async_trait,
};
use stripe_checkout_client::{ApiVersion, Client, Error};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{mock_client, mount_catch_all, request_pairs};

const ID: &str = "cs_test_updates";
const PATH: &str = "/v1/checkout/sessions/cs_test_updates";

fn line(id: &str, name: &str, unit: i64, quantity: u64) -> Value {
    json!({
        "id": id, "object": "item", "description": name, "quantity": quantity,
        "amount_subtotal": unit * quantity as i64, "amount_total": unit * quantity as i64,
        "currency": "usd",
        "price": {"id": format!("price_{id}"), "object": "price", "unit_amount": unit, "currency": "usd"},
    })
}

/// An open Elements session in payment mode whose cart is `lines` (one page unless
/// `has_more`).
fn session(lines: Vec<Value>, has_more: bool) -> Value {
    let subtotal: i64 = lines
        .iter()
        .map(|l| l["amount_subtotal"].as_i64().unwrap())
        .sum();
    json!({
        "id": ID, "object": "checkout.session", "status": "open", "mode": "payment",
        "ui_mode": "custom", "currency": "usd", "amount_subtotal": subtotal,
        "permissions": {"update_discounts": "server_only", "update_shipping_details": "server_only"},
        "discounts": [], "shipping_options": [],
        "line_items": {"object": "list", "has_more": has_more, "url": format!("{PATH}/line_items"), "data": lines},
    })
}

fn rate(name: &str, amount: i64) -> Value {
    json!({"shipping_amount": amount, "shipping_rate": {
        "id": format!("shr_{name}"), "object": "shipping_rate", "display_name": name, "type": "fixed_amount",
        "fixed_amount": {"amount": amount, "currency": "usd"},
    }})
}

fn shipped_to(mut session: Value, country: &str) -> Value {
    session["collected_information"] = json!({"shipping_details": {
        "name": "Ada Lovelace",
        "address": {"line1": "1 Main St", "line2": null, "city": null, "postal_code": null, "state": null, "country": country},
    }});
    session
}

async fn mock(retrieved: Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(&retrieved))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(&retrieved))
        .mount(&server)
        .await;
    mount_catch_all(&server).await;
    server
}

fn request() -> UpdateRequest {
    UpdateRequest::new(ID.parse().unwrap())
}

fn rates() -> ShippingRates {
    ShippingRates::new()
        .country("US", [("Standard", 500), ("Express", 1_500)])
        .free_over(10_000)
}

fn gift_wrap() -> Compose<'static> {
    Compose::new()
        .then(AddOn::new("Gift wrap", 500))
        .then(rates())
        .then(CartThreshold::guide().into_update_policy())
}

fn owned(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

async fn posts(server: &MockServer) -> Vec<Vec<(String, String)>> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.method.as_str() == "POST")
        .map(request_pairs)
        .collect()
}

#[tokio::test]
async fn gift_wrap_moves_shipping_and_the_discount_in_one_update() {
    // 98.00 of shoes shipped to the US: gift wrap lifts the cart to 103.00, over both the
    // free-shipping threshold and the guide's discount threshold (10% off over 100.00).
    let retrieved = shipped_to(
        session(vec![line("li_shoes", "Shoes", 4_900, 2)], false),
        "US",
    );
    let server = mock(retrieved).await;
    let outcome = updates::run(&mock_client(&server), request(), &gift_wrap())
        .await
        .unwrap();
    assert_eq!(
        outcome.changed,
        [Part::LineItems, Part::ShippingOptions, Part::Discounts]
    );
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 2, "one retrieve, one update");
    assert_eq!(
        request_pairs(&received[0]),
        owned(&[
            ("expand[0]", "line_items"),
            ("expand[1]", "shipping_options.shipping_rate"),
            ("expand[2]", "discounts.coupon"),
            ("expand[3]", "discounts.promotion_code"),
        ])
    );
    assert_eq!(
        request_pairs(&received[1]),
        owned(&[
            // The wire order is the update's: discounts, line items, shipping options.
            ("discounts[0][coupon_data][name]", "Customer Discount"),
            ("discounts[0][coupon_data][amount_off]", "1030"),
            ("discounts[0][coupon_data][currency]", "usd"),
            ("line_items[0][id]", "li_shoes"),
            ("line_items[1][price_data][currency]", "usd"),
            ("line_items[1][price_data][product_data][name]", "Gift wrap"),
            ("line_items[1][price_data][unit_amount]", "500"),
            ("line_items[1][quantity]", "1"),
            (
                "shipping_options[0][shipping_rate_data][display_name]",
                "Standard"
            ),
            (
                "shipping_options[0][shipping_rate_data][type]",
                "fixed_amount"
            ),
            (
                "shipping_options[0][shipping_rate_data][fixed_amount][amount]",
                "0"
            ),
            (
                "shipping_options[0][shipping_rate_data][fixed_amount][currency]",
                "usd"
            ),
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
            ("expand[0]", "line_items"),
            ("expand[1]", "discounts"),
        ])
    );
    assert!(received[1].headers.contains_key("idempotency-key"));
}

#[tokio::test]
async fn a_session_that_already_has_everything_gets_no_update() {
    let mut retrieved = shipped_to(
        session(
            vec![
                line("li_shoes", "Shoes", 4_900, 2),
                line("li_wrap", "Gift wrap", 500, 1),
            ],
            false,
        ),
        "US",
    );
    retrieved["shipping_options"] = json!([rate("Standard", 0), rate("Express", 1_500)]);
    retrieved["discounts"] = json!([{"coupon": {
        "id": "GEN1", "object": "coupon", "amount_off": 1030, "currency": "usd", "percent_off": null,
        "duration": "once", "name": "Customer Discount",
    }, "promotion_code": null}]);
    let server = mock(retrieved).await;
    let outcome = updates::run(&mock_client(&server), request(), &gift_wrap())
        .await
        .unwrap();
    assert!(!outcome.was_sent());
    assert!(outcome.changed.is_empty());
    assert!(posts(&server).await.is_empty());
}

#[tokio::test]
async fn the_whole_cart_is_read_before_the_policy_sees_it() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(PATH))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(session(vec![line("li_1", "One", 1_000, 1)], true)),
        )
        .mount(&server)
        .await;
    // Two more pages, the second of them the last.
    Mock::given(method("GET"))
        .and(path(format!("{PATH}/line_items")))
        .and(query_param("starting_after", "li_1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "object": "list", "has_more": true, "url": format!("{PATH}/line_items"),
            "data": [line("li_2", "Two", 2_000, 1)],
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{PATH}/line_items")))
        .and(query_param("starting_after", "li_2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "object": "list", "has_more": false, "url": format!("{PATH}/line_items"),
            "data": [line("li_3", "Three", 3_000, 1)],
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(session(vec![], false)))
        .mount(&server)
        .await;
    mount_catch_all(&server).await;
    updates::run(
        &mock_client(&server),
        request(),
        &AddOn::new("Gift wrap", 500),
    )
    .await
    .unwrap();
    let received = server.received_requests().await.unwrap();
    assert_eq!(
        request_pairs(&received[1]),
        owned(&[("limit", "100"), ("starting_after", "li_1")])
    );
    let sent = posts(&server).await.remove(0);
    let ids: Vec<&str> = sent
        .iter()
        .filter(|(k, _)| k.ends_with("[id]"))
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(ids, ["li_1", "li_2", "li_3"], "every page's lines are kept");
}

#[tokio::test]
async fn a_new_address_sets_details_and_its_rates_and_a_refused_country_sends_nothing() {
    let server = mock(session(vec![line("li_1", "Shoes", 4_900, 1)], false)).await;
    let client = mock_client(&server);
    let body = br#"{"checkout_session_id":"cs_test_updates","shipping_details":
        {"name":"Ada Lovelace","address":{"line1":"1 Main St","city":"Springfield","country":"us"}}}"#;
    let answer = updates::handle(&client, body, &rates()).await;
    assert_eq!(
        (answer.status, answer.body.as_str()),
        (200, r#"{"type":"object","value":{"succeeded":true}}"#)
    );
    let sent = posts(&server).await.remove(0);
    assert_eq!(
        sent[8..],
        owned(&[
            (
                "collected_information[shipping_details][name]",
                "Ada Lovelace"
            ),
            (
                "collected_information[shipping_details][address][line1]",
                "1 Main St"
            ),
            (
                "collected_information[shipping_details][address][city]",
                "Springfield"
            ),
            (
                "collected_information[shipping_details][address][country]",
                "US"
            ),
        ])
    );
    // 49.00 is under the free-shipping threshold: standard costs 5.00.
    assert_eq!(
        sent[..4],
        owned(&[
            (
                "shipping_options[0][shipping_rate_data][display_name]",
                "Standard"
            ),
            (
                "shipping_options[0][shipping_rate_data][type]",
                "fixed_amount"
            ),
            (
                "shipping_options[0][shipping_rate_data][fixed_amount][amount]",
                "500"
            ),
            (
                "shipping_options[0][shipping_rate_data][fixed_amount][currency]",
                "usd"
            ),
        ])
    );

    let server = mock(session(vec![line("li_1", "Shoes", 4_900, 1)], false)).await;
    let body = br#"{"checkout_session_id":"cs_test_updates","shipping_details":
        {"name":"Ada","address":{"line1":"1 Rue","country":"BE"}}}"#;
    let answer = updates::handle(&mock_client(&server), body, &rates()).await;
    assert_eq!(
        answer.body,
        json!({"type": "error", "message": NO_SHIPPING_MESSAGE}).to_string()
    );
    assert!(posts(&server).await.is_empty());

    let answer = updates::handle(&mock_client(&server), b"{\"nope\":1}", &rates()).await;
    assert_eq!(
        answer.body,
        json!({"type": "error", "message": INVALID_REQUEST_MESSAGE}).to_string()
    );
}

/// A policy that sets one part, declaring `declared`.
struct Sets {
    declared: Vec<Part>,
    changes: Changes,
}

#[async_trait]
impl UpdatePolicy for Sets {
    fn parts(&self) -> Vec<Part> {
        self.declared.clone()
    }

    async fn changes(&self, _: &UpdateRequest, _: &SessionView) -> Result<Changes, Rejection> {
        Ok(self.changes.clone())
    }
}

fn sets(part: Part, changes: Changes) -> Sets {
    Sets {
        declared: vec![part],
        changes,
    }
}

async fn refused(retrieved: Value, policy: &Sets) -> FlowError {
    let server = mock(retrieved).await;
    let err = updates::run(&mock_client(&server), request(), policy)
        .await
        .unwrap_err();
    assert!(posts(&server).await.is_empty(), "nothing sent for {err}");
    err
}

#[tokio::test]
async fn parts_the_session_does_not_allow_are_refused_before_sending_naming_the_param() {
    let trial = sets(Part::Trial, Changes::none().trial(Trial::Days(14)));
    match refused(session(vec![], false), &trial).await {
        FlowError::NotAllowed {
            param: "subscription_data",
            reason:
                NotAllowed::Mode {
                    mode: SessionMode::Payment,
                    needs: SessionMode::Subscription,
                },
        } => {}
        other => panic!("{other:?}"),
    }

    let details = rates();
    let mut subscription = session(vec![], false);
    subscription["mode"] = json!("subscription");
    let server = mock(subscription).await;
    let err = updates::run(&mock_client(&server), request(), &details)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            FlowError::NotAllowed {
                param: "collected_information[shipping_details]",
                reason: NotAllowed::Mode { .. }
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("collected_information[shipping_details]"),
        "{err}"
    );

    let mut client_owned = session(vec![], false);
    client_owned["permissions"]["update_shipping_details"] = json!("client_only");
    let server = mock(client_owned).await;
    let err = updates::run(&mock_client(&server), request(), &details)
        .await
        .unwrap_err();
    match err {
        FlowError::NotAllowed {
            reason: NotAllowed::Permission { permission, owner },
            ..
        } => {
            assert_eq!(permission, "update_shipping_details");
            assert_eq!(owner, PermissionOwner::ClientOnly);
        }
        other => panic!("{other:?}"),
    }

    let mut hosted = session(vec![line("li_1", "Shoes", 4_900, 1)], false);
    hosted["ui_mode"] = json!("hosted");
    let err = refused(hosted, &sets(Part::LineItems, Changes::none())).await;
    assert!(
        matches!(
            err,
            FlowError::NotAllowed {
                param: "line_items",
                reason: NotAllowed::UiMode {
                    ui_mode: UiMode::HostedPage
                }
            }
        ),
        "{err:?}"
    );

    let mut closed = session(vec![], false);
    closed["status"] = json!("complete");
    let err = refused(
        closed,
        &sets(Part::Discounts, Changes::none().discounts([])),
    )
    .await;
    assert!(matches!(err, FlowError::SessionNotOpen { .. }), "{err:?}");
}

#[tokio::test]
async fn an_undeclared_change_and_an_empty_cart_are_refused_before_sending() {
    let sneaky = Sets {
        declared: vec![Part::Discounts],
        changes: Changes::none().trial(Trial::Days(3)),
    };
    let err = refused(session(vec![], false), &sneaky).await;
    assert!(
        matches!(err, FlowError::Undeclared { part: Part::Trial }),
        "{err:?}"
    );

    let empty = sets(Part::LineItems, Changes::none().line_items([]));
    let err = refused(session(vec![line("li_1", "A", 100, 1)], false), &empty).await;
    assert!(
        matches!(
            err,
            FlowError::NotAllowed {
                param: "line_items",
                reason: NotAllowed::EmptyCart
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_member_the_version_does_not_have_is_refused_before_sending() {
    let server = mock(session(vec![line("li_1", "Shoes", 4_900, 1)], false)).await;
    let basil = Client::builder(crate::support::KEY)
        .api_base(server.uri())
        .api_version("2025-03-31.basil".parse::<ApiVersion>().unwrap())
        .build()
        .unwrap();
    let err = updates::run(&basil, request(), &AddOn::new("Gift wrap", 500))
        .await
        .unwrap_err();
    match &err {
        FlowError::Stripe(Error::NotInVersion(gap)) => {
            assert!(gap.to_string().contains("line_items"), "{gap}")
        }
        other => panic!("{other:?}"),
    }
    assert!(posts(&server).await.is_empty());
}

#[tokio::test]
async fn an_upgrade_swaps_the_price_and_sets_the_trial_in_one_update() {
    let mut retrieved = session(vec![line("li_monthly", "Plan", 900, 1)], false);
    retrieved["mode"] = json!("subscription");
    retrieved["line_items"]["data"][0]["price"]["id"] = json!("price_monthly");
    let server = mock(retrieved).await;
    let upgrade = UpgradeTrial::new(
        "price_monthly".parse().unwrap(),
        "price_yearly".parse().unwrap(),
        14,
    );
    let outcome = updates::run(&mock_client(&server), request(), &upgrade)
        .await
        .unwrap();
    assert_eq!(outcome.changed, [Part::LineItems, Part::Trial]);
    assert_eq!(
        posts(&server).await.remove(0),
        owned(&[
            ("line_items[0][price]", "price_yearly"),
            ("line_items[0][quantity]", "1"),
            ("expand[0]", "line_items"),
            ("subscription_data[trial_period_days]", "14"),
        ])
    );
}

#[tokio::test]
async fn a_new_address_moves_a_region_discount_in_the_same_update() {
    let server = mock(session(vec![line("li_1", "Shoes", 8_000, 1)], false)).await;
    let policy = Compose::new()
        .then(ShippingRates::new().country("DE", [("International", 1_200)]))
        .then(
            RegionOffers::new()
                .offer("DE", Reward::PercentBps(1_000))
                .into_update_policy(),
        );
    let request = request().with_field(
        "shipping_details",
        json!({"name": "Ada", "address": {"line1": "Unter den Linden 1", "country": "DE"}}),
    );
    let outcome = updates::run(&mock_client(&server), request, &policy)
        .await
        .unwrap();
    assert_eq!(
        outcome.changed,
        [
            Part::ShippingDetails,
            Part::ShippingOptions,
            Part::Discounts
        ]
    );
    let sent = posts(&server).await.remove(0);
    assert!(
        sent.contains(&("discounts[0][coupon_data][amount_off]".into(), "800".into())),
        "{sent:?}"
    );
    assert!(
        sent.contains(&(
            "collected_information[shipping_details][address][country]".into(),
            "DE".into()
        )),
        "{sent:?}"
    );
}

#[tokio::test]
async fn a_quantity_change_is_held_to_stock_and_other_lines_follow_it() {
    let retrieved = session(
        vec![
            line("li_mug", "Mug", 1_200, 1),
            line("li_tea", "Tea", 800, 5),
        ],
        false,
    );
    let stock = HashMap::from([
        ("price_li_mug".to_owned(), 4),
        ("price_li_tea".to_owned(), 2),
    ]);
    let limits = QuantityLimits::new(stock);
    let ask = |quantity: u64| {
        request()
            .with_field("line_item", json!("li_mug"))
            .with_field("quantity", json!(quantity))
    };

    let server = mock(retrieved.clone()).await;
    updates::run(&mock_client(&server), ask(3), &limits)
        .await
        .unwrap();
    assert_eq!(
        posts(&server).await.remove(0),
        owned(&[
            ("line_items[0][id]", "li_mug"),
            ("line_items[0][quantity]", "3"),
            ("line_items[1][id]", "li_tea"),
            ("line_items[1][quantity]", "2"),
            ("expand[0]", "line_items"),
        ])
    );

    let server = mock(retrieved.clone()).await;
    let err = updates::run(&mock_client(&server), ask(5), &limits)
        .await
        .unwrap_err();
    match err {
        FlowError::Rejected(rejection) => {
            assert_eq!(
                rejection.customer_message(),
                Some("Only 4 of Mug are left.")
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(posts(&server).await.is_empty());

    // Zero removes the line; the other one keeps its place.
    let server = mock(retrieved).await;
    updates::run(
        &mock_client(&server),
        ask(0),
        &QuantityLimits::new(HashMap::new()),
    )
    .await
    .unwrap();
    assert_eq!(
        posts(&server).await.remove(0),
        owned(&[("line_items[0][id]", "li_tea"), ("expand[0]", "line_items")])
    );
}
