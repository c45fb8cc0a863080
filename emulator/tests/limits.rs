//! The emulator's memory bounds, driven over HTTP as any SDK drives it: what is over the
//! limits goes, oldest first, and what is kept still works.

use serde_json::Value;
use stripe_checkout_emulator::{FakeStripe, Limits, TEST_SECRET_KEY};

const GUIDE: &str = "2025-03-31.basil; checkout_server_update_beta=v1;";

struct Http {
    base: String,
    client: reqwest::Client,
}

impl Http {
    /// Creates the test's session, under `key` if given.
    async fn create(&self, key: Option<&str>) -> (u16, bool, Value) {
        self.send(
            reqwest::Method::POST,
            "/v1/checkout/sessions",
            &SESSION,
            key,
        )
        .await
    }

    fn new(fake: &FakeStripe) -> Self {
        Http {
            base: fake.uri(),
            client: reqwest::Client::new(),
        }
    }

    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        form: &[(&str, &str)],
        key: Option<&str>,
    ) -> (u16, bool, Value) {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(TEST_SECRET_KEY)
            .header("stripe-version", GUIDE)
            .form(form);
        if let Some(key) = key {
            request = request.header("idempotency-key", key);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let replayed = response.headers().contains_key("idempotent-replayed");
        let body = serde_json::from_str(&response.text().await.unwrap()).unwrap();
        (status, replayed, body)
    }
}

const SESSION: [(&str, &str); 7] = [
    ("mode", "payment"),
    ("ui_mode", "custom"),
    ("return_url", "https://example.com/return"),
    ("line_items[0][price]", "price_jacket"),
    ("line_items[0][quantity]", "1"),
    ("permissions[update_discounts]", "server_only"),
    ("expand[0]", "discounts"),
];

#[tokio::test]
async fn the_oldest_sessions_journal_entries_and_keys_go_first() {
    let fake = FakeStripe::start().await;
    fake.add_price("price_jacket", 8_000, "usd");
    fake.set_limits(
        Limits::default()
            .journal(20)
            .sessions(5)
            .idempotency_keys(3),
    );
    let http = Http::new(&fake);
    let mut ids = Vec::new();
    for n in 0..10 {
        let key = format!("create-{n}");
        let (status, _, session) = http.create(Some(&key)).await;
        assert_eq!(status, 200, "{session}");
        ids.push(session["id"].as_str().unwrap().to_owned());
    }
    let get = |id: &str| format!("/v1/checkout/sessions/{id}");
    let (gone, _, _) = http
        .send(reqwest::Method::GET, &get(&ids[4]), &[], None)
        .await;
    let (kept, _, _) = http
        .send(reqwest::Method::GET, &get(&ids[5]), &[], None)
        .await;
    assert_eq!((gone, kept), (404, 200));
    assert!(fake.journal().len() <= 20, "{}", fake.journal().len());

    // The newest keys replay; an evicted one runs again.
    let (_, replayed, again) = http.create(Some("create-9")).await;
    assert!(replayed);
    assert_eq!(again["id"], ids[9].as_str());
    let (_, replayed, fresh) = http.create(Some("create-0")).await;
    assert!(!replayed);
    assert_ne!(fresh["id"], ids[0].as_str());
}

#[tokio::test]
async fn closed_sessions_go_before_open_ones() {
    let fake = FakeStripe::start().await;
    fake.add_price("price_jacket", 8_000, "usd");
    fake.set_limits(Limits::default().sessions(2));
    let http = Http::new(&fake);
    let mut ids = Vec::new();
    for _ in 0..2 {
        let (_, _, s) = http.create(None).await;
        ids.push(s["id"].as_str().unwrap().to_owned());
    }
    // The newer one completes; a third session then evicts it, not the older open one.
    fake.complete_session(&ids[1]).await.unwrap();
    http.create(None).await;
    assert!(fake.session(&ids[0]).is_some());
    assert!(fake.session(&ids[1]).is_none());
}

#[tokio::test]
async fn an_inline_coupon_goes_with_the_last_session_carrying_it() {
    let fake = FakeStripe::start().await;
    fake.add_price("price_jacket", 8_000, "usd");
    fake.add_coupon("KEPT", serde_json::json!({"percent_off": 10}));
    let http = Http::new(&fake);
    let (_, _, session) = http.create(None).await;
    let path = format!("/v1/checkout/sessions/{}", session["id"].as_str().unwrap());
    let inline = [
        ("discounts[0][coupon_data][amount_off]", "500"),
        ("discounts[0][coupon_data][currency]", "usd"),
        ("expand[0]", "discounts"),
    ];
    let (status, _, first) = http.send(reqwest::Method::POST, &path, &inline, None).await;
    assert_eq!(status, 200, "{first}");
    let first_coupon = first["discounts"][0]["coupon"].as_str().unwrap().to_owned();
    let coupon = |id: &str| format!("/v1/coupons/{id}");
    let (found, _, _) = http
        .send(reqwest::Method::GET, &coupon(&first_coupon), &[], None)
        .await;
    assert_eq!(found, 200);
    // Replaced by a catalog coupon: the inline one is no longer carried, and goes.
    let (status, _, _) = http
        .send(
            reqwest::Method::POST,
            &path,
            &[("discounts[0][coupon]", "KEPT")],
            None,
        )
        .await;
    assert_eq!(status, 200);
    let (gone, _, _) = http
        .send(reqwest::Method::GET, &coupon(&first_coupon), &[], None)
        .await;
    let (kept, _, _) = http
        .send(reqwest::Method::GET, &coupon("KEPT"), &[], None)
        .await;
    assert_eq!((gone, kept), (404, 200));
}

#[tokio::test]
async fn large_bodies_are_held_to_the_journals_byte_budget() {
    let fake = FakeStripe::start().await;
    fake.add_price("price_jacket", 8_000, "usd");
    fake.set_limits(Limits::default().journal_bytes(64 * 1024));
    let http = Http::new(&fake);
    let value = "v".repeat(500);
    let keys: Vec<String> = (0..40).map(|i| format!("metadata[k{i}]")).collect();
    let mut form: Vec<(&str, &str)> = SESSION.to_vec();
    form.extend(keys.iter().map(|k| (k.as_str(), value.as_str())));
    for _ in 0..30 {
        let (status, _, _) = http
            .send(reqwest::Method::POST, "/v1/checkout/sessions", &form, None)
            .await;
        assert_eq!(status, 200);
    }
    // Each body is over 20 KiB; counted three times, a few fit in 64 KiB, the newest kept.
    let journal = fake.journal();
    assert!((1..=3).contains(&journal.len()), "{}", journal.len());
    assert!(journal.last().unwrap().body.len() > 20_000);
}

#[tokio::test]
async fn an_idempotency_key_is_forgotten_after_24_hours() {
    let fake = FakeStripe::start().await;
    fake.add_price("price_jacket", 8_000, "usd");
    fake.set_time(1_800_000_000);
    let http = Http::new(&fake);
    let first = [SESSION.as_slice(), &[("metadata[try]", "1")]].concat();
    let second = [SESSION.as_slice(), &[("metadata[try]", "2")]].concat();
    let post = |form: Vec<(&'static str, &'static str)>| {
        let http = &http;
        async move {
            http.send(
                reqwest::Method::POST,
                "/v1/checkout/sessions",
                &form,
                Some("k-1"),
            )
            .await
        }
    };
    assert_eq!(post(first.clone()).await.0, 200);
    // Other params under the same key: refused while the key is remembered.
    let (status, _, body) = post(second.clone()).await;
    assert_eq!(
        (status, body["error"]["type"].as_str()),
        (400, Some("idempotency_error"))
    );
    fake.advance_time(std::time::Duration::from_secs(24 * 60 * 60 - 1));
    assert_eq!(post(second.clone()).await.0, 400);
    fake.advance_time(std::time::Duration::from_secs(1));
    let (status, replayed, session) = post(second).await;
    assert_eq!((status, replayed), (200, false));
    assert_eq!(session["metadata"]["try"], "2");
}

#[tokio::test]
async fn a_limit_lowered_while_running_applies_at_the_next_request() {
    let fake = FakeStripe::start().await;
    fake.add_price("price_jacket", 8_000, "usd");
    let http = Http::new(&fake);
    let mut ids = Vec::new();
    for _ in 0..6 {
        let (status, _, session) = http.create(None).await;
        assert_eq!(status, 200, "{session}");
        ids.push(session["id"].as_str().unwrap().to_owned());
    }
    fake.set_limits(Limits::default().sessions(2));
    let (status, _, newest) = http.create(None).await;
    assert_eq!(status, 200, "{newest}");
    ids.push(newest["id"].as_str().unwrap().to_owned());
    let kept: Vec<&String> = ids.iter().filter(|id| fake.session(id).is_some()).collect();
    assert_eq!(kept, [&ids[5], &ids[6]]);
}
