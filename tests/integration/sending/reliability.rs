//! Faults against the emulator, for plain `update` and for `update_discounts`: a change is
//! applied exactly once whatever fails, a failure is never reported as success, and answers
//! that are not what Stripe sends become typed errors. Plus concurrency through one client.

use std::sync::Arc;
use std::time::Duration;

use stripe_checkout_client::checkout::{
    CheckoutSession, CreateSession, LineItem, PermissionOwner, SessionMode, UiMode, UpdateSession,
};
use stripe_checkout_client::discounts::policies::CartThreshold;
use stripe_checkout_client::discounts::{
    CouponData, Discount, DiscountRequest, UpdateError, update_discounts,
};
use stripe_checkout_client::ids::CheckoutSessionId;
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt, Fault};
use stripe_checkout_client::{ApiErrorKind, Client, Error, Method};

/// The two ways a discount reaches a session.
#[derive(Clone, Copy, Debug)]
enum Path {
    /// `client.checkout_sessions().update` with 15.00 off.
    Update,
    /// `update_discounts` with the guide's rule: 12.00 off 120.00.
    Flow,
}

impl Path {
    const BOTH: [Path; 2] = [Path::Update, Path::Flow];

    fn expected_total(self) -> i64 {
        match self {
            Path::Update => 10_500,
            Path::Flow => 10_800,
        }
    }

    async fn run(self, client: &Client, id: &CheckoutSessionId) -> Result<CheckoutSession, Error> {
        match self {
            Path::Update => {
                let update = UpdateSession::new()
                    .discount(Discount::CouponData(CouponData::amount_off(1_500, "usd")))
                    .expand(["discounts.coupon"]);
                client.checkout_sessions().update(id, &update).await
            }
            Path::Flow => {
                let request = DiscountRequest::new(id.clone());
                match update_discounts(client, request, &CartThreshold::guide()).await {
                    Ok(outcome) => Ok(outcome.session),
                    Err(UpdateError::Stripe(err)) => Err(err),
                    Err(other) => panic!("unexpected flow error: {other:?}"),
                }
            }
        }
    }
}

async fn setup() -> (FakeStripe, Client, CheckoutSessionId) {
    let fake = FakeStripe::start().await;
    fake.add_price("price_120", 12_000, "usd");
    let client = fake.client();
    let session = client
        .checkout_sessions()
        .create(
            &CreateSession::new(SessionMode::Payment)
                .ui_mode(UiMode::Custom)
                .line_item(LineItem::price("price_120", 1))
                .return_url("https://example.com/r")
                .update_discounts(PermissionOwner::ServerOnly),
        )
        .await
        .unwrap();
    fake.clear_journal();
    (fake, client, session.id)
}

/// How many requests changed state, per the emulator's journal.
fn applied(fake: &FakeStripe) -> usize {
    fake.journal().iter().filter(|r| r.applied).count()
}

/// The idempotency keys of every POST, which must all be one.
fn post_keys(fake: &FakeStripe) -> Vec<String> {
    fake.journal()
        .iter()
        .filter(|r| r.is_post())
        .map(|r| {
            r.idempotency_key()
                .expect("every POST has a key")
                .to_owned()
        })
        .collect()
}

fn assert_one_key(keys: &[String]) {
    assert!(!keys.is_empty());
    assert!(keys.iter().all(|k| *k == keys[0]), "keys differ: {keys:?}");
}

/// The coupon on the session now, by id: an inline coupon applied twice would get two ids.
fn coupon_id(fake: &FakeStripe, id: &CheckoutSessionId) -> Option<String> {
    let session = fake.checkout_session(id.as_str()).unwrap();
    let discount = session.discounts.unwrap_or_default().into_iter().next()?;
    Some(discount.coupon?.id().to_owned())
}

#[tokio::test]
async fn retryable_failures_before_success_apply_once() {
    for status in [500, 502, 503, 409] {
        for path in Path::BOTH {
            let (fake, client, id) = setup().await;
            fake.inject(Fault::status(status).on(Method::Post).times(2));
            let session = path.run(&client, &id).await.unwrap();
            assert_eq!(
                session.amount_total,
                Some(path.expected_total()),
                "{status} {path:?}"
            );
            let keys = post_keys(&fake);
            assert_eq!(keys.len(), 3, "{status} {path:?}");
            assert_one_key(&keys);
            assert_eq!(applied(&fake), 1, "{status} {path:?}");
            let held = fake.checkout_session(id.as_str()).unwrap();
            assert_eq!(held.amount_total, Some(path.expected_total()));
        }
    }
}

#[tokio::test]
async fn a_lost_answer_is_replayed_not_reapplied() {
    let faults = || {
        [
            Fault::status(500).after_apply(),
            Fault::status(503).should_retry(true).after_apply(),
            Fault::drop_connection().after_apply(),
        ]
    };
    for path in Path::BOTH {
        for fault in faults() {
            let (fake, client, id) = setup().await;
            fake.inject(fault.clone().on(Method::Post));
            let session = path.run(&client, &id).await.unwrap();
            let label = format!("{path:?} {fault:?}");
            assert_eq!(session.amount_total, Some(path.expected_total()), "{label}");
            let posts: Vec<_> = fake.journal().into_iter().filter(|r| r.is_post()).collect();
            assert_eq!(posts.len(), 2, "{label}");
            assert!(posts[0].applied && posts[0].faulted, "{label}");
            assert!(posts[1].replayed && !posts[1].applied, "{label}");
            assert_one_key(&post_keys(&fake));
            assert_eq!(applied(&fake), 1, "{label}");
            // The answer the client got names the coupon the session really carries.
            let answered = session.discounts.unwrap()[0]
                .coupon
                .as_ref()
                .unwrap()
                .id()
                .to_owned();
            assert_eq!(
                coupon_id(&fake, &id).as_deref(),
                Some(answered.as_str()),
                "{label}"
            );
        }
    }
}

#[tokio::test]
async fn exhausted_retries_report_the_attempts_and_the_state_is_known() {
    for path in Path::BOTH {
        // Never applied: every attempt fails before the change.
        let (fake, client, id) = setup().await;
        fake.inject(Fault::status(503).on(Method::Post).times(3));
        let err = path.run(&client, &id).await.unwrap_err();
        match &err {
            Error::Api(api) => assert_eq!((api.status, api.attempts), (503, 3), "{path:?}"),
            other => panic!("{other:?}"),
        }
        assert!(
            err.to_string().ends_with(" after 3 attempts"),
            "the message names the attempts: {err}"
        );
        let held = client.checkout_sessions().retrieve(&id).await.unwrap();
        assert_eq!(held.amount_total, Some(12_000), "{path:?}: unchanged");
        assert_eq!(applied(&fake), 0);

        // Applied on the first attempt, every answer lost: changed exactly once.
        let (fake, client, id) = setup().await;
        fake.inject(Fault::status(503).after_apply().on(Method::Post).times(3));
        let err = path.run(&client, &id).await.unwrap_err();
        assert!(
            matches!(&err, Error::Api(api) if api.attempts == 3),
            "{err:?}"
        );
        let held = client.checkout_sessions().retrieve(&id).await.unwrap();
        assert_eq!(
            held.amount_total,
            Some(path.expected_total()),
            "{path:?}: changed once"
        );
        assert_eq!(applied(&fake), 1);
        assert_one_key(&post_keys(&fake));
    }
}

#[tokio::test]
async fn timeouts_should_retry_and_rate_limits() {
    for path in Path::BOTH {
        let (fake, _, id) = setup().await;
        let impatient = fake
            .client_builder()
            .timeout(Duration::from_millis(150))
            .max_retries(1)
            .build()
            .unwrap();
        fake.inject(
            Fault::delay(Duration::from_millis(600))
                .on(Method::Post)
                .times(2),
        );
        let err = path.run(&impatient, &id).await.unwrap_err();
        assert!(
            matches!(err, Error::Timeout { attempts: 2, .. }),
            "{path:?}: {err:?}"
        );
        // A slow answer still applied, once; the retry was a replay.
        assert_eq!(applied(&fake), 1, "{path:?}");
        assert_one_key(&post_keys(&fake));

        let (fake, client, id) = setup().await;
        fake.inject(Fault::status(503).should_retry(false).on(Method::Post));
        let err = path.run(&client, &id).await.unwrap_err();
        assert!(
            matches!(&err, Error::Api(api) if api.attempts == 1 && api.should_retry == Some(false))
        );
        assert_eq!(
            post_keys(&fake).len(),
            1,
            "Stripe-Should-Retry: false is obeyed"
        );

        let (fake, client, id) = setup().await;
        fake.inject(Fault::status(429).on(Method::Post));
        let err = path.run(&client, &id).await.unwrap_err();
        assert!(
            matches!(&err, Error::Api(api) if api.kind == ApiErrorKind::RateLimit && api.attempts == 1),
            "{err:?}"
        );
        assert_eq!(post_keys(&fake).len(), 1, "429 is not retried by default");
        assert_eq!(applied(&fake), 0);
    }
}

#[tokio::test]
async fn answers_that_are_not_stripe_json_are_typed_errors() {
    let (fake, _, id) = setup().await;
    let small = fake
        .client_builder()
        .max_retries(0)
        .max_response_bytes(4_096)
        .build()
        .unwrap();
    let cases: Vec<(Fault, &str)> = vec![
        (
            Fault::body(200, "application/json", "{\"id\": \"cs_test_1\", \"amount"),
            "truncated",
        ),
        (
            Fault::body(200, "application/json", "not json at all"),
            "malformed",
        ),
        (
            Fault::body(200, "application/json", "{\"id\": 42}"),
            "wrong type",
        ),
        (Fault::body(200, "application/json", "[]"), "wrong shape"),
        (
            Fault::body(
                502,
                "text/html",
                "<html><body><h1>502 Bad Gateway</h1></body></html>",
            ),
            "html",
        ),
        (
            Fault::body(
                200,
                "application/json",
                format!("{{\"pad\": \"{}\"}}", "x".repeat(10_000)),
            ),
            "oversized",
        ),
    ];
    // The plain update, and the discount flow with the bad answer to its retrieve or its update.
    let targets = [
        ("update", Method::Post),
        ("flow retrieve", Method::Get),
        ("flow update", Method::Post),
    ];
    for ((fault, label), (target, on)) in cases
        .iter()
        .flat_map(|case| targets.iter().map(move |target| (case, target)))
    {
        let label = *label;
        fake.inject(fault.clone().on(*on));
        let err = if *target == "update" {
            small
                .checkout_sessions()
                .update(&id, &UpdateSession::new().clear_discounts())
                .await
                .unwrap_err()
        } else {
            let request = DiscountRequest::new(id.clone());
            match update_discounts(&small, request, &CartThreshold::guide()).await {
                Err(UpdateError::Stripe(err)) => err,
                other => panic!("{target} {label}: {other:?}"),
            }
        };
        assert!(
            err.request_id().is_some_and(|r| r.starts_with("req_")),
            "{target} {label}: {err:?}"
        );
        match (label, &err) {
            ("html", Error::Api(api)) => {
                assert_eq!(api.status, 502);
                assert!(api.body_snippet.as_deref().unwrap().contains("Bad Gateway"));
            }
            ("oversized", Error::ResponseTooLarge { limit, .. }) => assert_eq!(*limit, 4_096),
            ("wrong type", Error::Decode { path, snippet, .. }) => {
                assert_eq!(path, "id");
                assert!(snippet.contains("42"));
            }
            (_, Error::Decode { snippet, .. }) if label != "html" && label != "oversized" => {
                assert!(!snippet.is_empty(), "{label}");
            }
            _ => panic!("{label}: unexpected {err:?}"),
        }
    }
    // None of it touched the session.
    assert_eq!(applied(&fake), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_flows_through_one_client() {
    let (fake, client, id) = setup().await;
    let policy = Arc::new(CartThreshold::guide());
    let run = |client: Client, id: CheckoutSessionId, policy: Arc<CartThreshold>| async move {
        let request = DiscountRequest::new(id.clone());
        update_discounts(&client, request, policy.as_ref()).await
    };

    let work = async {
        // 64 flows on one session.
        let tasks: Vec<_> = (0..64)
            .map(|_| tokio::spawn(run(client.clone(), id.clone(), Arc::clone(&policy))))
            .collect();
        for task in tasks {
            task.await.unwrap().unwrap();
        }
        let held = fake.checkout_session(id.as_str()).unwrap();
        assert_eq!(held.discounts.as_ref().unwrap().len(), 1);
        assert_eq!(held.amount_total, Some(10_800));

        // 64 flows on 64 sessions.
        let mut ids = Vec::new();
        for _ in 0..64 {
            let session = client
                .checkout_sessions()
                .create(
                    &CreateSession::new(SessionMode::Payment)
                        .ui_mode(UiMode::Custom)
                        .line_item(LineItem::price("price_120", 1))
                        .return_url("https://example.com/r")
                        .update_discounts(PermissionOwner::ServerOnly),
                )
                .await
                .unwrap();
            ids.push(session.id);
        }
        let tasks: Vec<_> = ids
            .iter()
            .map(|id| tokio::spawn(run(client.clone(), id.clone(), Arc::clone(&policy))))
            .collect();
        for task in tasks {
            assert!(task.await.unwrap().unwrap().changed);
        }
        for id in &ids {
            assert_eq!(
                fake.checkout_session(id.as_str()).unwrap().amount_total,
                Some(10_800)
            );
        }
    };
    tokio::time::timeout(Duration::from_secs(60), work)
        .await
        .expect("no deadlock");

    // A connection per flow in flight at most, and a second one only when a flow's update
    // starts before its retrieve's connection is back in the pool — so at most two per
    // concurrent flow, whatever the number of requests; afterwards the pool is reused.
    let opened = fake.connections_opened();
    let requests = fake.journal().len();
    assert!(
        opened <= 2 * 64 && opened < requests,
        "{opened} connections for {requests} requests, 64 flows in flight"
    );
    for _ in 0..20 {
        client.checkout_sessions().retrieve(&id).await.unwrap();
    }
    assert_eq!(
        fake.connections_opened(),
        opened,
        "sequential requests reuse the pool"
    );
}
