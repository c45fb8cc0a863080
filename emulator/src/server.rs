//! The emulator's HTTP side: the loopback server, and for each request the order Stripe
//! applies things in — authentication, injected faults, idempotent replay, routing to the
//! store — with the answer's headers and the journal entry.
//!
//! The operations' rules live in the store.

use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::Value;
use tokio::net::TcpListener;

use crate::api_shape::Shape;
use crate::controls;
use crate::error_answer::ErrorAnswer;
use crate::facts::Operation;
use crate::fault::FaultAction;
use crate::form::{FormTree, ParamError};
use crate::id_gen::new_id;
use crate::journal::{RecordedRequest, header_in};
use crate::limits::IDEMPOTENCY_LIFETIME;
use crate::shared::Shared;
use crate::store::{SavedAnswer, Store};
use crate::validate;

/// The largest request body the emulator reads (Stripe's own limit is far below this).
const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Returned by the service to make hyper close the connection without an answer (hyper
/// only needs an error type; the text is never shown).
#[derive(Debug, thiserror::Error)]
#[error("fault injected: connection dropped")]
struct DropConnection;

/// Accepts connections until the task is aborted.
pub(crate) async fn serve(listener: TcpListener, shared: Arc<Shared>) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors and the like: back off instead of spinning.
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        shared.store().connections += 1;
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let service = service_fn(move |req| handle(Arc::clone(&shared), req));
            // A dropped connection is an injected fault or the client going away: both end
            // the connection, and neither is an error of the emulator.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// What one request gets.
struct Answer {
    status: u16,
    body: Value,
    /// Bytes to send instead of `body` (an injected malformed answer), with their type.
    raw: Option<(&'static str, Vec<u8>)>,
    replayed: bool,
    should_retry: Option<bool>,
    /// Headers a responder added.
    headers: Vec<(String, String)>,
}

impl Answer {
    fn ok(body: Value) -> Self {
        Answer {
            status: 200,
            body,
            raw: None,
            replayed: false,
            should_retry: None,
            headers: Vec::new(),
        }
    }

    fn error(err: &ErrorAnswer) -> Self {
        Answer {
            status: err.status,
            ..Answer::ok(err.body())
        }
    }

    /// The answer an injected fault replaces the real one with, if it replaces it.
    fn injected(action: &FaultAction) -> Option<Outcome> {
        match action {
            FaultAction::Status {
                status,
                should_retry,
            } => Some(Outcome::Answer(Answer {
                should_retry: *should_retry,
                ..Answer::error(&ErrorAnswer::injected(*status))
            })),
            FaultAction::Body {
                status,
                content_type,
                body,
            } => Some(Outcome::Answer(Answer {
                status: *status,
                raw: Some((content_type, body.clone())),
                ..Answer::ok(Value::Null)
            })),
            FaultAction::Drop => Some(Outcome::Drop),
            FaultAction::Delay(_) => None,
        }
    }
}

enum Outcome {
    Answer(Answer),
    Drop,
}

/// A request, read in full.
struct ReceivedRequest {
    method: String,
    path: String,
    query: Option<String>,
    headers: Vec<(String, String)>,
    authorization: Option<String>,
    body: String,
}

async fn handle(
    shared: Arc<Shared>,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, DropConnection> {
    let (parts, body) = req.into_parts();
    let Ok(collected) = Limited::new(body, MAX_BODY_BYTES).collect().await else {
        let err = ErrorAnswer::state(None, "The request body is too large.");
        return Ok(respond(
            Answer {
                status: 413,
                ..Answer::error(&err)
            },
            None,
        ));
    };
    let bytes = collected.to_bytes();
    if shared.controls() && parts.uri.path().starts_with(controls::PREFIX) {
        let (status, body) =
            controls::answer(&shared, parts.method.as_str(), parts.uri.path(), &bytes).await;
        return Ok(respond(
            Answer {
                status,
                ..Answer::ok(body)
            },
            None,
        ));
    }
    let body = String::from_utf8_lossy(&bytes).into_owned();
    let mut authorization = None;
    let mut headers = Vec::new();
    for (name, value) in &parts.headers {
        let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
        if name == hyper::header::AUTHORIZATION {
            authorization = Some(value);
        } else {
            headers.push((name.as_str().to_owned(), value));
        }
    }
    let request = ReceivedRequest {
        method: parts.method.as_str().to_owned(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers,
        authorization,
        body,
    };
    let key = header_in(&request.headers, "idempotency-key").map(str::to_owned);
    let (outcome, delay) = process(&mut shared.store(), request);
    if let Some(delay) = delay {
        tokio::time::sleep(delay).await;
    }
    match outcome {
        Outcome::Drop => Err(DropConnection),
        Outcome::Answer(answer) => Ok(respond(answer, key.as_deref())),
    }
}

/// Everything but the waiting, under the store's lock, so concurrent requests apply one at
/// a time as they would on one Stripe object.
fn process(store: &mut Store, request: ReceivedRequest) -> (Outcome, Option<Duration>) {
    let params_text = if request.method == "POST" {
        request.body.as_str()
    } else {
        request.query.as_deref().unwrap_or("")
    };
    let tree = FormTree::parse(params_text);
    let mut delay = None;
    let mut faulted = false;
    let mut applied = false;

    for expectation in &mut store.expectations {
        if expectation
            .route
            .matches_raw(&request.method, &request.path)
        {
            expectation.seen += 1;
        }
    }
    let params = tree.as_ref().map_or(Value::Null, FormTree::to_json);
    let mut replied = false;
    let mut checked_params = None;

    let outcome = 'outcome: {
        // An unauthenticated request is refused before it can use up a queued fault.
        if let Err(err) = authenticate(request.authorization.as_deref()) {
            break 'outcome Outcome::Answer(Answer::error(&err));
        }
        let fault = take_fault(store, &request.method, &request.path);
        if let Some(fault) = &fault {
            faulted = true;
            if let FaultAction::Delay(d) = fault.action {
                delay = Some(d);
            }
            if !fault.after_apply {
                if let Some(injected) = Answer::injected(&fault.action) {
                    break 'outcome injected;
                }
            }
        }
        let answer = match reply(store, &request, &params) {
            Some(answer) => {
                replied = true;
                answer
            }
            None => {
                let (answer, checked) = execute_once(store, &request, params_text, &tree);
                applied = checked.is_some() && request.method == "POST" && answer.status == 200;
                checked_params = checked;
                answer
            }
        };
        match fault.as_ref().and_then(|f| Answer::injected(&f.action)) {
            Some(injected) => injected,
            None => Outcome::Answer(answer),
        }
    };

    store.record(RecordedRequest {
        method: request.method,
        path: request.path,
        query: request.query,
        headers: request.headers,
        body: request.body,
        params,
        checked_params,
        status: match &outcome {
            Outcome::Answer(a) => Some(a.status),
            Outcome::Drop => None,
        },
        replayed: matches!(&outcome, Outcome::Answer(a) if a.replayed),
        faulted,
        applied,
        replied,
    });
    store.prune();
    (outcome, delay)
}

/// Runs the request, or replays the saved answer for its idempotency key. The checked params
/// come back when an operation ran (not a replay, not refused before running).
fn execute_once(
    store: &mut Store,
    request: &ReceivedRequest,
    params_text: &str,
    tree: &Result<FormTree, ParamError>,
) -> (Answer, Option<Value>) {
    let key = (request.method == "POST")
        .then(|| header_in(&request.headers, "idempotency-key"))
        .flatten();
    let Some(key) = key else {
        return execute(store, request, tree);
    };
    let fingerprint = fingerprint(&request.method, &request.path, params_text);
    // A key is forgotten after 24 hours on the emulator's clock, even if no request pruned
    // it since the clock moved.
    let now = store.now();
    if store
        .idempotent
        .get(key)
        .is_some_and(|saved| now.saturating_sub(saved.saved_at) >= IDEMPOTENCY_LIFETIME)
    {
        store.idempotent.remove(key);
    }
    match store.idempotent.get(key) {
        Some(saved) if saved.fingerprint == fingerprint => (
            Answer {
                status: saved.status,
                replayed: true,
                ..Answer::ok(serde_json::from_str(&saved.body).unwrap_or_default())
            },
            None,
        ),
        Some(_) => (Answer::error(&ErrorAnswer::idempotency_mismatch(key)), None),
        None => {
            let (answer, checked) = execute(store, request, tree);
            // Stripe saves the result of any request that began executing, errors included,
            // except server errors, which a retry may get past.
            if checked.is_some() && answer.status < 500 {
                let saved_at = store.now();
                store
                    .idempotency_order
                    .push_back((key.to_owned(), saved_at));
                store.idempotent.insert(
                    key.to_owned(),
                    SavedAnswer {
                        fingerprint,
                        saved_at,
                        status: answer.status,
                        body: answer.body.to_string().into_boxed_str(),
                    },
                );
            }
            (answer, checked)
        }
    }
}

/// The answer of the first responder for this request's route that does not pass.
fn reply(store: &Store, request: &ReceivedRequest, params: &Value) -> Option<Answer> {
    // Most requests have no responder: copy the request for one only when one may answer.
    let mut routed = store
        .responders
        .iter()
        .filter(|r| r.route.matches_raw(&request.method, &request.path))
        .peekable();
    routed.peek()?;
    let seen = RecordedRequest {
        method: request.method.clone(),
        path: request.path.clone(),
        query: request.query.clone(),
        headers: request.headers.clone(),
        body: request.body.clone(),
        params: params.clone(),
        checked_params: None,
        status: None,
        replayed: false,
        faulted: false,
        applied: false,
        replied: false,
    };
    routed
        .find_map(|r| (r.reply)(&seen).answer)
        .map(|own| Answer {
            status: own.status,
            headers: own.headers,
            ..Answer::ok(own.body)
        })
}

/// Takes the first queued fault that matches this request.
fn take_fault(store: &mut Store, method: &str, path: &str) -> Option<crate::Fault> {
    let i = store.faults.iter().position(|f| f.matches(method, path))?;
    let fault = &mut store.faults[i];
    fault.times = fault.times.saturating_sub(1);
    let taken = fault.clone();
    if fault.times == 0 {
        store.faults.remove(i);
    }
    Some(taken)
}

/// The key must look like a test-mode secret or restricted key; the emulator never sees a
/// live key, and says so without echoing it.
fn authenticate(authorization: Option<&str>) -> Result<(), ErrorAnswer> {
    let Some(value) = authorization else {
        return Err(ErrorAnswer::authentication(
            "You did not provide an API key. Provide it in the Authorization header as \
             `Bearer sk_test_…`.",
        ));
    };
    let key = api_key(value).unwrap_or_default();
    if key.starts_with("sk_test_") || key.starts_with("rk_test_") {
        Ok(())
    } else {
        Err(ErrorAnswer::authentication(
            "Invalid API Key provided. FakeStripe accepts test-mode keys (`sk_test_…`) only.",
        ))
    }
}

/// The key an `Authorization` value carries: `Bearer <key>`, as the SDKs send it, or HTTP
/// Basic with the key as the user name, as Stripe's curl examples send it (`curl -u
/// sk_test_…:`); Stripe ignores the password, and so does the emulator.
fn api_key(authorization: &str) -> Option<String> {
    if let Some(key) = authorization.strip_prefix("Bearer ") {
        return Some(key.to_owned());
    }
    let credentials = BASIC_CREDENTIALS
        .decode(authorization.strip_prefix("Basic ")?.trim())
        .ok()?;
    let credentials = String::from_utf8(credentials).ok()?;
    let user = credentials
        .split_once(':')
        .map_or(&*credentials, |(user, _)| user);
    Some(user.to_owned())
}

/// Basic credentials' base64 (RFC 4648's standard alphabet), with or without padding.
const BASIC_CREDENTIALS: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The parameters of a request, independent of their order on the wire.
fn fingerprint(method: &str, path: &str, params: &str) -> String {
    let mut pairs: Vec<(String, String)> = form_urlencoded::parse(params.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    // By key only, and stably: the order of a repeated key's values (`expand[]=a&expand[]=b`)
    // is part of the params.
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    format!("{method} {path} {pairs:?}")
}

/// Routes a request to the store, with its params checked against the facts of its version
/// first. The checked params come back when the operation ran (its result may be saved for
/// idempotent replay); `None` when it was refused before running (parameter errors).
fn execute(
    store: &mut Store,
    request: &ReceivedRequest,
    tree: &Result<FormTree, ParamError>,
) -> (Answer, Option<Value>) {
    let tree = match tree {
        Ok(tree) => tree,
        Err(err) => return (Answer::error(&err.clone().into()), None),
    };
    let segments: Vec<&str> = request.path.trim_start_matches('/').split('/').collect();
    let method = request.method.as_str();
    // An empty segment (`/v1/checkout/sessions/`) is no id: Stripe does not know the URL.
    if segments.iter().any(|s| s.is_empty()) {
        return (
            Answer::error(&ErrorAnswer::unrecognized_url(method, &request.path)),
            None,
        );
    }
    let Some((operation, id)) = route(method, &segments) else {
        return (
            Answer::error(&ErrorAnswer::unrecognized_url(method, &request.path)),
            None,
        );
    };
    match Shape::of_header(header_in(&request.headers, "stripe-version")) {
        Ok(shape) => store.shape = shape,
        Err(err) => return (Answer::error(&err), None),
    }
    let schema = store.shape.facts().params(operation);
    let params = match validate::params(operation, schema, tree) {
        Ok(params) => params,
        Err(err) => return (Answer::error(&err), None),
    };
    let id = id.unwrap_or_default();
    let result = match operation {
        Operation::CreateSession => store.create_session(&params),
        Operation::ListSessions => store.list_sessions(&params),
        Operation::RetrieveSession => store.retrieve_session(id, &params),
        Operation::UpdateSession => store.update_session(id, &params),
        Operation::ExpireSession => store.expire_session(id, &params),
        Operation::ListLineItems => store.list_line_items(id, &params),
        Operation::CreateCoupon => store.create_coupon(&params),
        Operation::ListCoupons => store.list_coupons(&params),
        Operation::UpdateCoupon => store.update_coupon(id, &params),
        Operation::DeleteCoupon => store.delete_coupon(id),
        Operation::RetrieveCoupon => store.retrieve_coupon(id, &params),
        Operation::CreatePromotionCode => store.create_promotion_code(&params),
        Operation::ListPromotionCodes => store.list_promotion_codes(&params),
        Operation::RetrievePromotionCode => store.retrieve_promotion_code(id, &params),
        Operation::UpdatePromotionCode => store.update_promotion_code(id, &params),
        Operation::RetrieveShippingRate => store.retrieve_shipping_rate(id, &params),
        Operation::RetrieveEvent => store.retrieve_event(id, &params),
        Operation::ListEvents => store.list_events(&params),
    };
    let answer = match result {
        Ok(body) => Answer::ok(body),
        Err(err) => Answer::error(&err),
    };
    (answer, Some(params))
}

/// The operation a method and path name, with the object id in the path.
fn route<'p>(method: &str, segments: &[&'p str]) -> Option<(Operation, Option<&'p str>)> {
    use Operation::*;
    Some(match (method, segments) {
        ("POST", ["v1", "checkout", "sessions"]) => (CreateSession, None),
        ("GET", ["v1", "checkout", "sessions"]) => (ListSessions, None),
        ("GET", ["v1", "checkout", "sessions", id]) => (RetrieveSession, Some(*id)),
        ("POST", ["v1", "checkout", "sessions", id]) => (UpdateSession, Some(*id)),
        ("POST", ["v1", "checkout", "sessions", id, "expire"]) => (ExpireSession, Some(*id)),
        ("GET", ["v1", "checkout", "sessions", id, "line_items"]) => (ListLineItems, Some(*id)),
        ("POST", ["v1", "coupons"]) => (CreateCoupon, None),
        ("GET", ["v1", "coupons"]) => (ListCoupons, None),
        ("POST", ["v1", "coupons", id]) => (UpdateCoupon, Some(*id)),
        ("DELETE", ["v1", "coupons", id]) => (DeleteCoupon, Some(*id)),
        ("GET", ["v1", "coupons", id]) => (RetrieveCoupon, Some(*id)),
        ("POST", ["v1", "promotion_codes"]) => (CreatePromotionCode, None),
        ("GET", ["v1", "promotion_codes"]) => (ListPromotionCodes, None),
        ("GET", ["v1", "promotion_codes", id]) => (RetrievePromotionCode, Some(*id)),
        ("POST", ["v1", "promotion_codes", id]) => (UpdatePromotionCode, Some(*id)),
        ("GET", ["v1", "shipping_rates", id]) => (RetrieveShippingRate, Some(*id)),
        ("GET", ["v1", "events"]) => (ListEvents, None),
        ("GET", ["v1", "events", id]) => (RetrieveEvent, Some(*id)),
        _ => return None,
    })
}

fn respond(answer: Answer, idempotency_key: Option<&str>) -> Response<Full<Bytes>> {
    let (content_type, body) = match answer.raw {
        Some((content_type, bytes)) => (content_type, bytes),
        None => (
            "application/json",
            serde_json::to_vec(&answer.body).unwrap_or_default(),
        ),
    };
    let mut response = Response::builder()
        .status(StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
        .header("content-type", content_type);
    if !answer
        .headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("request-id"))
    {
        response = response.header("request-id", new_id("req_", 14));
    }
    // A responder's header that is not valid HTTP is left out, not allowed to lose the
    // answer's status and body.
    for (name, value) in &answer.headers {
        let name = hyper::header::HeaderName::from_bytes(name.as_bytes());
        let value = hyper::header::HeaderValue::from_str(value);
        if let (Ok(name), Ok(value)) = (name, value) {
            response = response.header(name, value);
        }
    }
    if let Some(key) = idempotency_key {
        response = response.header("idempotency-key", key);
    }
    if answer.replayed {
        response = response.header("idempotent-replayed", "true");
    }
    if let Some(retry) = answer.should_retry {
        response = response.header("stripe-should-retry", if retry { "true" } else { "false" });
    }
    response
        .body(Full::new(Bytes::from(body)))
        .unwrap_or_else(|_| Response::new(Full::new(Bytes::new())))
}

/// A request the emulator refuses before running it: Stripe's status, the offending param
/// and the message.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
#[non_exhaustive]
pub struct Refusal {
    /// `400` for bad params, `404` for a route the emulator does not serve.
    pub status: u16,
    /// The offending param in Stripe's bracket form (`line_items[0][quantity]`), if one is.
    pub param: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// Checks a request's params (a form body, or a query string) as the emulator checks them
/// for `method` and `path` in `stripe_version`, without running it, and returns them in the
/// official SDKs' JSON param shape, typed by the facts.
///
/// ```
/// use stripe_checkout_emulator::{check_params, Method};
///
/// let typed = check_params(Method::Post, "/v1/checkout/sessions", "2026-10-28.endive",
///     "mode=payment&line_items[0][price]=price_1&line_items[0][quantity]=2").unwrap();
/// assert_eq!(typed["line_items"][0]["quantity"], 2);
///
/// let refused = check_params(Method::Post, "/v1/checkout/sessions", "2026-10-28.endive",
///     "mode=payment&line_items[0][quantity]=two").unwrap_err();
/// assert_eq!(refused.param.as_deref(), Some("line_items[0][quantity]"));
/// ```
///
/// # Errors
/// [`Refusal`] with the status and param Stripe's error would carry.
pub fn check_params(
    method: crate::Method,
    path: &str,
    stripe_version: &str,
    params: &str,
) -> Result<Value, Refusal> {
    let refusal = |err: ErrorAnswer| Refusal {
        status: err.status,
        param: err.param,
        message: err.message,
    };
    let tree = FormTree::parse(params).map_err(|e| refusal(e.into()))?;
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let (operation, _) = route(method.as_str(), &segments)
        .ok_or_else(|| refusal(ErrorAnswer::unrecognized_url(method.as_str(), path)))?;
    let shape = Shape::of_header(Some(stripe_version)).map_err(refusal)?;
    validate::params(operation, shape.facts().params(operation), &tree).map_err(refusal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_comes_as_bearer_or_as_the_basic_user_name() {
        // `sk_test_123:` and `sk_test_123:ignored`, as `curl -u` encodes them.
        let rows = [
            (Some("Bearer sk_test_123"), true),
            (Some("Basic c2tfdGVzdF8xMjM6"), true),
            (Some("Basic c2tfdGVzdF8xMjM6aWdub3JlZA=="), true),
            (Some("Basic c2tfdGVzdF8xMjM="), true),
            (Some("Basic cmtfdGVzdF8xMjM6"), true),
            // `sk_live_123:`, `:sk_test_123`, and not base64.
            (Some("Basic c2tfbGl2ZV8xMjM6"), false),
            (Some("Basic OnNrX3Rlc3RfMTIz"), false),
            (Some("Basic sk_test_123:"), false),
            (Some("sk_test_123"), false),
            (None, false),
        ];
        for (authorization, accepted) in rows {
            let answer = authenticate(authorization);
            assert_eq!(answer.is_ok(), accepted, "{authorization:?}");
            if let Err(err) = answer {
                assert_eq!(err.status, 401);
            }
        }
    }

    #[tokio::test]
    async fn curl_style_basic_auth_is_taken_over_http() {
        let fake = crate::FakeStripe::start().await;
        let list = |user: &str| {
            reqwest::Client::new()
                .get(format!("{}/v1/checkout/sessions", fake.uri()))
                .basic_auth(user, None::<&str>)
                .send()
        };
        assert_eq!(list(crate::TEST_SECRET_KEY).await.unwrap().status(), 200);
        assert_eq!(list("sk_live_123").await.unwrap().status(), 401);
    }
}
