//! The example shop's server updates over HTTP against the emulator: `/add-gift-wrap` and
//! `/update-shipping`, with the totals read back through `/session-status` (the emulator
//! computes them on its own reading of Stripe).

use serde_json::{Value, json};
use stripe_checkout_client::promotion_codes::CreatePromotionCode;
use stripe_checkout_client::testing::FakeStripeExt;
use stripe_checkout_client::updates::CHECK_ADDRESS_MESSAGE;
use stripe_checkout_client::updates::policies::NO_SHIPPING_MESSAGE;

use super::merchant_server::{Harness, failure, ok};

fn address(country: &str) -> Value {
    json!({"name": "Ada Lovelace", "address": {"line1": "1 Main St", "city": "Springfield", "country": country}})
}

async fn ship(shop: &Harness, id: &str, details: Value) -> Value {
    let body = json!({"checkout_session_id": id, "shipping_details": details});
    let (status, answer) = shop.post("/update-shipping", body.to_string()).await;
    assert_eq!(status, 200);
    answer
}

async fn gift_wrap(shop: &Harness, id: &str) -> Value {
    let body = json!({"checkout_session_id": id});
    let (status, answer) = shop.post("/add-gift-wrap", body.to_string()).await;
    assert_eq!(status, 200);
    answer
}

/// (subtotal, shipping, discount, total) as the page reads them.
fn totals(status: &Value) -> (i64, i64, i64, i64) {
    let v = &status["value"];
    let n = |k: &str| v[k].as_i64().unwrap_or_else(|| panic!("{k} in {status}"));
    (n("subtotal"), n("shipping"), n("discount"), n("total"))
}

fn item_names(status: &Value) -> Vec<String> {
    status["value"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn gift_wrap_is_added_once_and_the_cart_discount_follows_the_new_total() {
    let shop = Harness::start().await;
    let id = shop.create().await;
    assert_eq!(totals(&shop.status(&id).await), (12_000, 0, 0, 12_000));

    assert_eq!(gift_wrap(&shop, &id).await, ok());
    let status = shop.status(&id).await;
    assert_eq!(item_names(&status).last().unwrap(), "Gift wrap");
    // 125.00 is over the guide's threshold: 10% off, in the same update as the wrap.
    assert_eq!(totals(&status), (12_500, 0, 1_250, 11_250));
    assert_eq!(status["value"]["discount_names"], json!(["Cart discount"]));

    let posts = shop.posts_to_stripe();
    assert_eq!(gift_wrap(&shop, &id).await, ok());
    assert_eq!(shop.posts_to_stripe(), posts, "a second ask sends nothing");
    assert_eq!(item_names(&shop.status(&id).await).len(), 3);
}

#[tokio::test]
async fn gift_wrap_keeps_the_shoppers_loyalty_discount_at_its_rate_and_a_typed_code() {
    let shop = Harness::start().await;
    let id = shop.create().await;
    let body = json!({"checkout_session_id": id}).to_string();
    assert_eq!(shop.post("/apply-customer-discount", body).await.1, ok());
    // The demo shopper is a gold member: 15% of 120.00.
    assert_eq!(totals(&shop.status(&id).await), (12_000, 0, 1_800, 10_200));

    assert_eq!(gift_wrap(&shop, &id).await, ok());
    let status = shop.status(&id).await;
    assert_eq!(
        status["value"]["discount_names"],
        json!(["Loyalty discount"])
    );
    // Still 15%, now of 125.00: the loyalty discount is not swapped for the cart discount.
    assert_eq!(totals(&status), (12_500, 0, 1_875, 10_625));

    shop.fake.add_coupon(
        "QUARTER",
        json!({"percent_off": 25.0, "name": "Quarter off"}),
    );
    shop.fake
        .client()
        .promotion_codes()
        .create(&CreatePromotionCode::new("QUARTER").code("SUMMER25"))
        .await
        .unwrap();
    let coded = shop.create().await;
    // 25% beats the shopper's 15%, so the code box applies the code.
    let body = json!({"checkout_session_id": coded, "discounts": [{"code": "SUMMER25"}]});
    assert_eq!(shop.post("/apply-code", body.to_string()).await.1, ok());
    let before = shop.status(&coded).await["value"]["discount_names"].clone();
    assert_eq!(gift_wrap(&shop, &coded).await, ok());
    let status = shop.status(&coded).await;
    assert_eq!(
        status["value"]["discount_names"], before,
        "the typed code is kept"
    );
    // SUMMER25 is 25% off, which Stripe applies to the new subtotal itself.
    assert_eq!(totals(&status), (12_500, 0, 3_125, 9_375));
}

#[tokio::test]
async fn an_address_gets_its_countrys_rates_and_free_standard_shipping_over_100() {
    let shop = Harness::start_with_cart(None, &[("price_cap", 1)]).await;
    let id = shop.create().await;

    assert_eq!(ship(&shop, &id, address("us")).await, ok());
    let status = shop.status(&id).await;
    assert_eq!(status["value"]["country"], "US");
    assert_eq!(status["value"]["shipping_rate"], "Standard");
    assert_eq!(totals(&status), (4_000, 500, 0, 4_500));

    assert_eq!(ship(&shop, &id, address("GB")).await, ok());
    let status = shop.status(&id).await;
    assert_eq!(status["value"]["shipping_rate"], "International standard");
    assert_eq!(totals(&status), (4_000, 1_200, 0, 5_200));

    let posts = shop.posts_to_stripe();
    assert_eq!(
        ship(&shop, &id, address("BR")).await,
        failure(NO_SHIPPING_MESSAGE)
    );
    let missing_line = json!({"name": "Ada", "address": {"country": "US"}});
    assert_eq!(
        ship(&shop, &id, missing_line).await,
        failure(CHECK_ADDRESS_MESSAGE)
    );
    assert_eq!(
        shop.posts_to_stripe(),
        posts,
        "refused addresses send nothing"
    );
    assert_eq!(shop.status(&id).await["value"]["country"], "GB");
}

#[tokio::test]
async fn gift_wrap_over_the_threshold_frees_shipping_and_adds_the_discount_in_one_update() {
    // 96.00 of boots shipped to the US: 5.00 standard shipping, no discount.
    let shop = Harness::start_with_cart(None, &[("price_boots", 1)]).await;
    let id = shop.create().await;
    assert_eq!(ship(&shop, &id, address("US")).await, ok());
    assert_eq!(totals(&shop.status(&id).await), (9_600, 500, 0, 10_100));

    // Gift wrap lifts the cart to 101.00: standard shipping becomes free and the cart discount
    // (10%) applies, together, in one request to Stripe.
    let posts = shop.posts_to_stripe();
    assert_eq!(gift_wrap(&shop, &id).await, ok());
    assert_eq!(shop.posts_to_stripe(), posts + 1);
    let status = shop.status(&id).await;
    assert_eq!(totals(&status), (10_100, 0, 1_010, 9_090));
    assert_eq!(status["value"]["shipping_rate"], "Standard");
}
