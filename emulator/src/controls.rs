//! The emulator's test controls over HTTP, under the reserved path `/_fake/` (Stripe's API
//! never uses it), for clients in any language: complete a session (by card or delayed) and
//! settle its delayed payment, set the webhook endpoint and its faults and read its
//! deliveries, read what a session holds
//! but does not show (its trial, its payment intent data), read or move the clock,
//! queue a fault, read or clear the journal, load more of a seed. JSON in, JSON out.
//!
//! They answer only once [`FakeStripe::enable_controls`](super::FakeStripe::enable_controls)
//! is called (the binary does); the same operations in Rust are `FakeStripe`'s methods.

use std::time::Duration;

use serde::Deserialize;
use serde_json::{Value, json};

use crate::api_shape::Shape;
use crate::completion::{FakeStripeError, Payment, complete, settle_async_payment};
use crate::dispatch::WebhookFaults;
use crate::fault::Fault;
use crate::route::Method;
use crate::route::Route;
use crate::seed::Seed;
use crate::session_state::Expansion;
use crate::shared::Shared;
use crate::webhook_delivery::WebhookEndpoint;

/// The path every control lives under.
pub(crate) const PREFIX: &str = "/_fake/";

/// A fault to queue, as `POST /_fake/faults` takes it: one of `status`, `drop_connection` or
/// `delay_ms`, with the optional route, count, retry header and timing.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FaultSpec {
    status: Option<u16>,
    #[serde(default)]
    drop_connection: bool,
    delay_ms: Option<u64>,
    should_retry: Option<bool>,
    method: Option<String>,
    path: Option<String>,
    times: Option<usize>,
    #[serde(default)]
    after_apply: bool,
}

/// `POST /_fake/sessions/{id}/complete`'s optional body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CompleteSpec {
    #[serde(default)]
    payment: PaymentSpec,
}

#[derive(Default, Deserialize)]
#[serde(rename_all = "snake_case")]
enum PaymentSpec {
    #[default]
    Card,
    Delayed,
}

impl From<PaymentSpec> for Payment {
    fn from(spec: PaymentSpec) -> Self {
        match spec {
            PaymentSpec::Card => Payment::Card,
            PaymentSpec::Delayed => Payment::Delayed,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AsyncPaymentSpec {
    succeeded: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EndpointSpec {
    url: String,
    secret: String,
    api_version: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WebhookFaultsSpec {
    duplicate: Option<u32>,
    out_of_order: Option<bool>,
    fail_first: Option<u32>,
}

/// The answer to a completion or a settlement.
fn settled(result: Result<Value, FakeStripeError>) -> (u16, Value) {
    match result {
        Ok(session) => (200, session),
        Err(err @ FakeStripeError::NoSuchSession(_)) => refusal(404, &err.to_string()),
        Err(err) => refusal(400, &err.to_string()),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClockSpec {
    time: Option<i64>,
    advance: Option<i64>,
}

/// Answers a control request: the status and the JSON body.
pub(crate) async fn answer(shared: &Shared, method: &str, path: &str, body: &[u8]) -> (u16, Value) {
    let route = path.strip_prefix(PREFIX).unwrap_or_default();
    let segments: Vec<&str> = route.split('/').collect();
    match (method, segments.as_slice()) {
        ("POST", ["sessions", id, "complete"]) => match parse::<CompleteSpec>(body) {
            Ok(spec) => {
                settled(complete(shared, id, Expansion::default(), spec.payment.into()).await)
            }
            Err(message) => refusal(400, &message),
        },
        ("POST", ["sessions", id, "async_payment"]) => match parse::<AsyncPaymentSpec>(body) {
            Ok(AsyncPaymentSpec {
                succeeded: Some(succeeded),
            }) => settled(settle_async_payment(shared, id, succeeded).await),
            Ok(_) => refusal(400, "give `succeeded`: true or false"),
            Err(message) => refusal(400, &message),
        },
        ("POST", ["webhooks", "endpoint"]) => match parse::<EndpointSpec>(body) {
            Ok(spec) => {
                let mut store = shared.store();
                if let Some(version) = &spec.api_version {
                    match crate::version::ApiVersion::parse(version) {
                        Some(parsed) => store.webhook_version = Shape::new(parsed),
                        None => {
                            return refusal(
                                400,
                                &FakeStripeError::InvalidVersion(version.clone()).to_string(),
                            );
                        }
                    }
                }
                store.webhook_endpoint = Some(WebhookEndpoint {
                    url: spec.url,
                    secret: spec.secret,
                });
                (200, json!({"configured": true}))
            }
            Err(message) => refusal(400, &message),
        },
        ("POST", ["webhooks", "faults"]) => match parse::<WebhookFaultsSpec>(body) {
            Ok(spec) if spec.fail_first.unwrap_or(0) >= crate::dispatch::MAX_ATTEMPTS => refusal(
                400,
                &format!(
                    "`fail_first` must be under {}, the attempts an event gets",
                    crate::dispatch::MAX_ATTEMPTS
                ),
            ),
            Ok(spec) => {
                let faults = WebhookFaults {
                    duplicate: spec.duplicate.unwrap_or(0),
                    out_of_order: spec.out_of_order.unwrap_or(false),
                    fail_first: spec.fail_first.unwrap_or(0),
                };
                shared.store().outbox.faults = faults;
                (
                    200,
                    json!({"duplicate": faults.duplicate, "out_of_order": faults.out_of_order,
                           "fail_first": faults.fail_first}),
                )
            }
            Err(message) => refusal(400, &message),
        },
        ("GET", ["webhooks"]) => {
            let store = shared.store();
            let data: Vec<Value> = store
                .deliveries
                .iter()
                .map(|d| {
                    json!({
                        "event_id": d.event_id, "type": d.event_type, "session": d.session_id,
                        "status": d.status, "attempt": d.attempt, "faulted": d.faulted,
                    })
                })
                .collect();
            (200, json!({"data": data, "idle": store.outbox.is_idle()}))
        }
        ("GET", ["sessions", id, "settings"]) => match shared.store().session(id) {
            Some(session) => (200, session.held.to_json()),
            None => refusal(
                404,
                &FakeStripeError::NoSuchSession((*id).to_owned()).to_string(),
            ),
        },
        ("GET", ["clock"]) => (200, json!({"now": shared.store().now()})),
        ("POST", ["clock"]) => match parse::<ClockSpec>(body) {
            Ok(ClockSpec {
                time: Some(time),
                advance: None,
            }) => {
                let mut store = shared.store();
                store.fixed_now = Some(time);
                store.sweep_expired();
                (200, json!({"now": store.now()}))
            }
            Ok(ClockSpec {
                time: None,
                advance: Some(by),
            }) if by >= 0 => {
                let mut store = shared.store();
                store.fixed_now = Some(store.now().saturating_add(by));
                store.sweep_expired();
                (200, json!({"now": store.now()}))
            }
            Ok(_) => refusal(
                400,
                "give exactly one of `time` (Unix seconds) or `advance` (seconds, not negative)",
            ),
            Err(message) => refusal(400, &message),
        },
        ("POST", ["faults"]) => match parse::<FaultSpec>(body).and_then(fault_of) {
            Ok(fault) => {
                shared.store().queue_fault(fault);
                (200, json!({"queued": true}))
            }
            Err(message) => refusal(400, &message),
        },
        ("GET", ["journal"]) => {
            let store = shared.store();
            let data: Vec<Value> = store
                .journal
                .iter()
                .map(|r| {
                    json!({
                        "method": r.method, "path": r.path, "status": r.status,
                        "params": r.params, "idempotency_key": r.idempotency_key(),
                        "replayed": r.replayed, "faulted": r.faulted, "applied": r.applied,
                    })
                })
                .collect();
            (200, json!({"data": data}))
        }
        ("DELETE", ["journal"]) => {
            shared.store().clear_journal();
            (200, json!({"cleared": true}))
        }
        ("POST", ["seed"]) => {
            let seed = std::str::from_utf8(body)
                .map_err(|e| e.to_string())
                .and_then(|text| Seed::from_json(text).map_err(|e| e.to_string()));
            match seed {
                Ok(seed) => match seed.load(&mut shared.store()) {
                    Ok(()) => (200, json!({"loaded": true})),
                    Err(err) => refusal(400, &err.to_string()),
                },
                Err(message) => refusal(400, &message),
            }
        }
        _ => refusal(
            404,
            &format!("no test control {method} {path}; see FakeStripe::enable_controls"),
        ),
    }
}

fn parse<T: for<'de> Deserialize<'de>>(body: &[u8]) -> Result<T, String> {
    let body = if body.is_empty() {
        b"{}".as_slice()
    } else {
        body
    };
    serde_json::from_slice(body).map_err(|e| format!("malformed control body: {e}"))
}

fn fault_of(spec: FaultSpec) -> Result<Fault, String> {
    let mut fault = match (spec.status, spec.drop_connection, spec.delay_ms) {
        (Some(status), false, None) if (100..=599).contains(&status) => Fault::status(status),
        (None, true, None) => Fault::drop_connection(),
        (None, false, Some(ms)) => Fault::delay(Duration::from_millis(ms)),
        _ => {
            return Err(
                "give exactly one of `status` (100 to 599), `drop_connection` or `delay_ms`"
                    .to_owned(),
            );
        }
    };
    let mut route = Route::any();
    if let Some(method) = &spec.method {
        let method = match method.to_ascii_uppercase().as_str() {
            "GET" => Method::Get,
            "POST" => Method::Post,
            "DELETE" => Method::Delete,
            _ => return Err(format!("unknown `method` {method:?}")),
        };
        route = route.with_method(method);
    }
    if let Some(path) = spec.path {
        route = route.with_path(path);
    }
    fault = fault.route(route);
    if let Some(retry) = spec.should_retry {
        fault = fault.should_retry(retry);
    }
    if spec.after_apply {
        fault = fault.after_apply();
    }
    if let Some(times) = spec.times {
        fault = fault.times(times);
    }
    Ok(fault)
}

fn refusal(status: u16, message: &str) -> (u16, Value) {
    (
        status,
        json!({"error": {"type": "invalid_request_error", "message": message}}),
    )
}
