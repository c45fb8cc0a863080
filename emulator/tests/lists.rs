//! List filters the facts accept, answered as Stripe would: by what the emulator holds, and
//! empty for objects it never makes.

use serde_json::Value;
use stripe_checkout_emulator::{FakeStripe, TEST_SECRET_KEY};

async fn get(fake: &FakeStripe, path: &str) -> Value {
    let response = reqwest::Client::new()
        .get(format!("{}{path}", fake.uri()))
        .bearer_auth(TEST_SECRET_KEY)
        .header("stripe-version", "2026-10-28.endive")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{path}");
    serde_json::from_str(&response.text().await.unwrap()).unwrap()
}

async fn create(fake: &FakeStripe, email: &str) -> String {
    let response = reqwest::Client::new()
        .post(format!("{}/v1/checkout/sessions", fake.uri()))
        .bearer_auth(TEST_SECRET_KEY)
        .form(&[
            ("mode", "payment"),
            ("line_items[0][price]", "price_cap"),
            ("line_items[0][quantity]", "1"),
            ("customer_email", email),
        ])
        .send()
        .await
        .unwrap();
    let session: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    session["id"].as_str().unwrap().to_owned()
}

fn ids(list: &Value) -> Vec<&str> {
    list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn sessions_filter_by_the_collected_email_and_by_objects_never_made() {
    let fake = FakeStripe::start().await;
    fake.add_price("price_cap", 4_000, "usd");
    let ada = create(&fake, "ada@example.com").await;
    let _open = create(&fake, "bob@example.com").await;
    fake.complete_session(&ada).await.unwrap();
    let by_email = get(
        &fake,
        "/v1/checkout/sessions?customer_details[email]=ada@example.com",
    )
    .await;
    assert_eq!(ids(&by_email), [ada.as_str()]);
    // Bob's session is open: nothing was collected yet.
    let bob = get(
        &fake,
        "/v1/checkout/sessions?customer_details[email]=bob@example.com",
    )
    .await;
    assert!(ids(&bob).is_empty());
    for filter in [
        "payment_intent=pi_1",
        "subscription=sub_1",
        "payment_link=plink_1",
    ] {
        let none = get(&fake, &format!("/v1/checkout/sessions?{filter}")).await;
        assert!(ids(&none).is_empty(), "{filter}");
    }
    assert_eq!(ids(&get(&fake, "/v1/checkout/sessions").await).len(), 2);
}

#[tokio::test]
async fn a_deleted_coupon_keeps_the_discounts_it_gave() {
    let fake = FakeStripe::start().await;
    fake.add_price("price_cap", 4_000, "usd");
    fake.add_coupon(
        "TEN",
        serde_json::json!({"amount_off": 1000, "currency": "usd"}),
    );
    let http = reqwest::Client::new();
    let send = |request: reqwest::RequestBuilder| async move {
        let response = request.bearer_auth(TEST_SECRET_KEY).send().await.unwrap();
        let status = response.status().as_u16();
        let body: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
        (status, body)
    };
    let sessions = format!("{}/v1/checkout/sessions", fake.uri());
    let form = [
        ("mode", "payment"),
        ("line_items[0][price]", "price_cap"),
        ("line_items[0][quantity]", "1"),
        ("discounts[0][coupon]", "TEN"),
    ];
    let (_, session) = send(http.post(&sessions).form(&form)).await;
    assert_eq!(session["amount_total"], 3_000);
    let coupon = format!("{}/v1/coupons/TEN", fake.uri());
    assert_eq!(send(http.delete(&coupon)).await.0, 200);
    // Gone for the API and for new discounts; the session keeps its discount.
    assert_eq!(send(http.get(&coupon)).await.0, 404);
    let (status, refused) = send(http.post(&sessions).form(&form)).await;
    assert_eq!(
        (status, refused["error"]["param"].as_str()),
        (400, Some("discounts[0][coupon]"))
    );
    let id = session["id"].as_str().unwrap();
    let (_, read) = send(http.get(format!("{sessions}/{id}"))).await;
    assert_eq!(read["amount_total"], 3_000);
    let done = fake.complete_session(id).await.unwrap();
    assert_eq!(done["amount_total"], 3_000);
}
