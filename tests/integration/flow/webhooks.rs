//! Webhooks: every recorded verdict of the official Node SDK, the future-timestamp rule, and
//! typed events for each Checkout Session event type, an unknown type and a bad payload.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Deserialize;
use serde_json::{Value, json};
use stripe_checkout_client::webhook::{
    DEFAULT_TOLERANCE, EventData, HeaderProblem, WebhookError, construct_event_at, test_header,
    verify_signature,
};

#[derive(Deserialize)]
struct Vectors {
    secret: String,
    payload: String,
    timestamp: i64,
    tolerance_s: u64,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    header: String,
    now: u64,
    node_result: String,
}

fn vectors() -> Vectors {
    serde_json::from_str(include_str!("../../fixtures/wire_webhooks.json")).unwrap()
}

fn at(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(seconds)
}

/// The variant Node's message corresponds to.
fn expected(node_result: &str) -> Result<(), fn(&WebhookError) -> bool> {
    if node_result == "ok" {
        return Ok(());
    }
    let message = node_result.trim_start_matches("error: ");
    if message.starts_with("Timestamp outside the tolerance zone") {
        Err(|e| matches!(e, WebhookError::OutsideTolerance { .. }))
    } else if message.starts_with("No signatures found matching") {
        Err(|e| matches!(e, WebhookError::NoMatch))
    } else if message.starts_with("No signatures found with expected scheme") {
        Err(|e| matches!(e, WebhookError::NoV1Signature))
    } else if message.starts_with("Unable to extract timestamp and signatures") {
        Err(|e| matches!(e, WebhookError::MalformedHeader(_)))
    } else if message.starts_with("secureCompare must receive two arguments") {
        // Node's comparison throws on an empty `v1`…
        Err(|e| {
            matches!(
                e,
                WebhookError::MalformedHeader(HeaderProblem::EmptySignature)
            )
        })
    } else if message.starts_with("Input buffers must have the same byte length") {
        // …and on one of 64 characters that are not all ASCII.
        Err(|e| {
            matches!(
                e,
                WebhookError::MalformedHeader(HeaderProblem::NonAsciiSignature)
            )
        })
    } else if message.starts_with("No stripe-signature header value was provided") {
        Err(|e| matches!(e, WebhookError::MalformedHeader(HeaderProblem::NoTimestamp)))
    } else {
        panic!("unmapped Node verdict: {node_result}")
    }
}

/// The last `t=` of a header, read as the SDKs read it (leading digits), if any.
fn header_timestamp(header: &str) -> Option<i64> {
    header
        .split(',')
        .filter_map(|item| item.strip_prefix("t="))
        .next_back()
        .and_then(|t| {
            let digits: String = t.trim().chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
}

#[test]
fn every_recorded_node_verdict_is_ours() {
    let v = vectors();
    assert!(v.cases.len() >= 9);
    for case in &v.cases {
        let ours = construct_event_at(
            v.payload.as_bytes(),
            &case.header,
            &[v.secret.as_str()],
            Duration::from_secs(v.tolerance_s),
            at(case.now),
        );
        // Node refuses only old timestamps; this crate also refuses ones from further in the
        // future than the tolerance (`timestamps_too_far_in_the_future_are_refused_too`).
        let from_the_future = header_timestamp(&case.header)
            .is_some_and(|t| t - case.now as i64 > v.tolerance_s as i64 && v.tolerance_s > 0);
        let want = match expected(&case.node_result) {
            Ok(()) if from_the_future => {
                Err((|e| matches!(e, WebhookError::OutsideTolerance { .. }))
                    as fn(&WebhookError) -> bool)
            }
            other => other,
        };
        match (want, &ours) {
            (Ok(()), Ok(event)) => {
                assert_eq!(event.id, "evt_test_1", "{}", case.name);
                assert!(matches!(event.data, EventData::CheckoutSessionCompleted(_)));
            }
            (Err(is_variant), Err(err)) => assert!(is_variant(err), "{}: {err:?}", case.name),
            _ => panic!(
                "{}: Node said {}, we said {ours:?}",
                case.name, case.node_result
            ),
        }
    }
}

#[test]
fn timestamps_too_far_in_the_future_are_refused_too() {
    let v = vectors();
    let header = test_header(v.payload.as_bytes(), &v.secret, v.timestamp);
    let check = |now: i64| {
        verify_signature(
            v.payload.as_bytes(),
            &header,
            &[v.secret.as_str()],
            DEFAULT_TOLERANCE,
            at(u64::try_from(now).unwrap()),
        )
    };
    assert_eq!(check(v.timestamp - 300), Ok(()));
    assert_eq!(
        check(v.timestamp - 301),
        Err(WebhookError::OutsideTolerance {
            timestamp: v.timestamp,
            now: v.timestamp - 301,
            tolerance: DEFAULT_TOLERANCE
        })
    );
}

#[test]
fn rotation_and_tampering() {
    let v = vectors();
    let payload = v.payload.as_bytes();
    let header = test_header(payload, "whsec_rotated", v.timestamp);
    let now = at(u64::try_from(v.timestamp).unwrap());
    let secrets = [v.secret.as_str(), "whsec_rotated"];
    assert!(construct_event_at(payload, &header, &secrets, DEFAULT_TOLERANCE, now).is_ok());
    let tampered = v.payload.replace("cs_test_123", "cs_test_999");
    assert_eq!(
        verify_signature(
            tampered.as_bytes(),
            &header,
            &secrets,
            DEFAULT_TOLERANCE,
            now
        ),
        Err(WebhookError::NoMatch)
    );
    // Re-serializing the body (as a framework might) breaks the signature as well.
    let reparsed =
        serde_json::to_vec_pretty(&serde_json::from_str::<Value>(&v.payload).unwrap()).unwrap();
    assert_eq!(
        verify_signature(&reparsed, &header, &secrets, DEFAULT_TOLERANCE, now),
        Err(WebhookError::NoMatch)
    );
    assert_eq!(
        verify_signature(payload, "t=1", &secrets, DEFAULT_TOLERANCE, now),
        Err(WebhookError::NoV1Signature)
    );
    assert_eq!(
        verify_signature(payload, "v1=ab", &secrets, DEFAULT_TOLERANCE, now),
        Err(WebhookError::MalformedHeader(HeaderProblem::NoTimestamp))
    );
}

fn event_with(event_type: &str, object: Value) -> Vec<u8> {
    let mut event: Value = serde_json::from_str(include_str!("../../fixtures/event.json")).unwrap();
    event["type"] = json!(event_type);
    event["data"]["object"] = object;
    serde_json::to_vec(&event).unwrap()
}

fn parse(body: &[u8]) -> Result<stripe_checkout_client::webhook::Event, WebhookError> {
    let header = test_header(body, "whsec_events", 1_767_225_600);
    construct_event_at(
        body,
        &header,
        &["whsec_events"],
        DEFAULT_TOLERANCE,
        at(1_767_225_600),
    )
}

#[test]
fn each_checkout_event_type_is_typed_and_others_are_kept() {
    let session: Value =
        serde_json::from_str(include_str!("../../fixtures/checkout_session.json")).unwrap();
    let id = session["id"].as_str().unwrap().to_owned();
    let types = [
        "checkout.session.completed",
        "checkout.session.expired",
        "checkout.session.async_payment_succeeded",
        "checkout.session.async_payment_failed",
    ];
    for event_type in types {
        let event = parse(&event_with(event_type, session.clone())).unwrap();
        assert_eq!(event.event_type, event_type);
        assert_eq!(
            event.session().map(|s| s.id.as_str()),
            Some(id.as_str()),
            "{event_type}"
        );
        let typed = match &event.data {
            EventData::CheckoutSessionCompleted(_) => "checkout.session.completed",
            EventData::CheckoutSessionExpired(_) => "checkout.session.expired",
            EventData::CheckoutSessionAsyncPaymentSucceeded(_) => {
                "checkout.session.async_payment_succeeded"
            }
            EventData::CheckoutSessionAsyncPaymentFailed(_) => {
                "checkout.session.async_payment_failed"
            }
            other => panic!("{event_type}: {other:?}"),
        };
        assert_eq!(typed, event_type);
    }

    // The fixture's own type (a plan event) and a type Stripe may add tomorrow.
    let fixture = include_bytes!("../../fixtures/event.json");
    let plan = parse(fixture).unwrap();
    assert!(
        matches!(&plan.data, EventData::Other { event_type, object } if event_type == "plan.created" && object["object"] == "plan")
    );
    assert!(plan.session().is_none());
    let future = parse(&event_with(
        "checkout.session.teleported",
        json!({"id": "x"}),
    ))
    .unwrap();
    assert!(matches!(future.data, EventData::Other { .. }));

    // A verified body that is not a readable session names where it fails.
    let bad = parse(&event_with("checkout.session.completed", json!({"id": 42}))).unwrap_err();
    assert!(
        matches!(&bad, WebhookError::BadPayload { path, .. } if path == "data.object.id"),
        "{bad:?}"
    );
    let not_event = parse(b"[1,2,3]").unwrap_err();
    assert!(matches!(not_event, WebhookError::BadPayload { .. }));
}

/// An endive event notification, in the shape of stripe-node 23.1.0's `EventNotificationBase`.
fn notification(event_type: &str, related: Value) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "id": "evt_test_65R2Vd",
        "object": "v2.core.event",
        "type": event_type,
        "created": "2026-10-29T12:00:00.123Z",
        "livemode": false,
        "context": null,
        "reason": {"type": "request", "request": {"id": "req_1", "idempotency_key": "k"}},
        "related_object": related,
    }))
    .unwrap()
}

#[test]
fn endive_event_notifications_parse_and_name_their_session() {
    for kind in [
        "completed",
        "expired",
        "async_payment_succeeded",
        "async_payment_failed",
    ] {
        let event_type = format!("v1.checkout.session.{kind}");
        let body = notification(
            &event_type,
            json!({"id": "cs_test_n1", "type": "checkout.session",
                   "url": "/v1/checkout/sessions/cs_test_n1"}),
        );
        let event = parse(&body).unwrap();
        assert_eq!(event.event_type, event_type);
        assert_eq!(event.id, "evt_test_65R2Vd");
        assert_eq!(event.created, 1_793_275_200);
        assert_eq!(event.api_version, None);
        assert_eq!(event.session_id(), Some("cs_test_n1"));
        assert!(
            event.session().is_none(),
            "a notification carries no session"
        );
        match &event.data {
            EventData::Notification(related) => {
                assert_eq!(related.url, "/v1/checkout/sessions/cs_test_n1");
            }
            other => panic!("{other:?}"),
        }
    }
    // About another object: parsed, but no session id.
    let coupon = parse(&notification(
        "v1.coupon.created",
        json!({"id": "SUMMER25", "type": "coupon", "url": "/v1/coupons/SUMMER25"}),
    ))
    .unwrap();
    assert_eq!(coupon.session_id(), None);
    // A snapshot session event names its session too.
    let session: Value =
        serde_json::from_str(include_str!("../../fixtures/checkout_session.json")).unwrap();
    let snapshot = parse(&event_with("checkout.session.completed", session.clone())).unwrap();
    assert_eq!(snapshot.session_id(), session["id"].as_str());

    // What cannot be read is refused with the path that failed.
    let no_related =
        parse(&notification("v1.checkout.session.completed", Value::Null)).unwrap_err();
    assert!(
        matches!(&no_related, WebhookError::BadPayload { path, .. } if path == "related_object"),
        "{no_related:?}"
    );
    let mut bad_time: Value = serde_json::from_slice(&notification(
        "v1.checkout.session.completed",
        json!({"id": "cs_1", "type": "checkout.session", "url": "/x"}),
    ))
    .unwrap();
    bad_time["created"] = json!("yesterday");
    let bad_time = parse(&serde_json::to_vec(&bad_time).unwrap()).unwrap_err();
    assert!(
        matches!(&bad_time, WebhookError::BadPayload { path, .. } if path == "created"),
        "{bad_time:?}"
    );
    let mut not_a_time: Value = serde_json::from_slice(&notification(
        "v1.checkout.session.completed",
        json!({"id": "cs_1", "type": "checkout.session", "url": "/x"}),
    ))
    .unwrap();
    not_a_time["created"] = json!(true);
    let not_a_time = parse(&serde_json::to_vec(&not_a_time).unwrap()).unwrap_err();
    assert!(
        not_a_time
            .to_string()
            .contains("expected Unix seconds or an RFC 3339 time"),
        "{not_a_time}"
    );
    let mut no_data: Value =
        serde_json::from_str(include_str!("../../fixtures/event.json")).unwrap();
    no_data.as_object_mut().unwrap().remove("data");
    let no_data = parse(&serde_json::to_vec(&no_data).unwrap()).unwrap_err();
    assert!(
        matches!(&no_data, WebhookError::BadPayload { .. }),
        "a snapshot event without data: {no_data:?}"
    );
}

#[derive(Deserialize)]
struct DifferentialMeta {
    secret: String,
    payload: String,
    tolerance_s: u64,
}

#[derive(Deserialize)]
struct DifferentialCase {
    header: String,
    now: u64,
    node: String,
}

/// 1,375 headers and receive times (edge cases and random edits of valid headers) whose
/// verdicts were recorded from stripe-node's `constructEvent` (see the file's first line and
/// `scripts/webhook-vectors/gen.js`): every refusal is ours too, for the same reason, and
/// every acceptance is ours unless the timestamp is further in the future than the
/// tolerance, which this crate refuses on purpose.
#[test]
fn every_node_verdict_of_the_differential_set_is_ours() {
    let text = include_str!("../../fixtures/node_webhook_verdicts.jsonl");
    let mut lines = text.lines();
    let meta: DifferentialMeta = serde_json::from_str(lines.next().unwrap()).unwrap();
    let mut checked = 0;
    for line in lines {
        let case: DifferentialCase = serde_json::from_str(line).unwrap();
        let ours = verify_signature(
            meta.payload.as_bytes(),
            &case.header,
            &[meta.secret.as_str()],
            Duration::from_secs(meta.tolerance_s),
            at(case.now),
        );
        let tolerance = meta.tolerance_s as i64;
        let agrees = match (expected(&case.node), &ours) {
            (Ok(()), Ok(())) => true,
            // Refused on purpose: further in the future than the tolerance.
            (Ok(()), Err(WebhookError::OutsideTolerance { timestamp, now, .. })) => {
                timestamp - now > tolerance
            }
            (Err(is_variant), Err(err)) => is_variant(err),
            _ => false,
        };
        assert!(
            agrees,
            "header {:?} at {}: Node said {}, we said {ours:?}",
            case.header, case.now, case.node
        );
        checked += 1;
    }
    assert_eq!(checked, 1_375);
}
