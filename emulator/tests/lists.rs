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
