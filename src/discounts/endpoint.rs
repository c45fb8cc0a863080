//! [`handle`]: the whole server side of the guide's discount endpoint in one call, whatever the
//! web framework — the request body in, an HTTP status and the front end's JSON out
//! ([`EndpointResponse`]).
//!
//! Parsing the body is [`DiscountRequest`]'s job, the flow [`update_discounts`]'s and the
//! contract JSON [`ServerUpdateResponse`]'s; this file only strings them together and decides
//! what is logged.
//!
//! [`update_discounts`]: super::update_discounts

use std::fmt;
use std::future::{Future, IntoFuture};
use std::pin::Pin;

use super::update::run;
use super::{BodyError, DiscountPolicy, DiscountRequest};
use crate::sending::client::Client;
use crate::sending::options::{RequestOptions, request_option_setters};
use crate::updates::{EndpointResponse, ServerUpdateResponse};

/// Runs the guide's endpoint for one request body: parse it as a [`DiscountRequest`], run
/// [`update_discounts`](super::update_discounts) with `policy`, and answer in the front end's
/// contract.
///
/// The answer never carries internals: a rejection shows the policy's customer message (or
/// [`INVALID_DISCOUNTS_MESSAGE`](super::INVALID_DISCOUNTS_MESSAGE)), a closed or unknown
/// session [`SESSION_CLOSED_MESSAGE`](super::SESSION_CLOSED_MESSAGE) or
/// [`SESSION_NOT_FOUND_MESSAGE`](super::SESSION_NOT_FOUND_MESSAGE), any other failure
/// [`UPDATE_FAILED_MESSAGE`](super::UPDATE_FAILED_MESSAGE); the reasons, Stripe's messages and
/// request ids go to `tracing`. Request options chain on the returned value as on any request.
///
/// The status is `200` for every answer, the failures included, as in Stripe's guide: the
/// front end's `runServerUpdate` callback reads the JSON, and a non-2xx status would make it
/// treat a shopper's refused code as a network failure. A body that is not a discount request
/// at all (malformed, too large, no valid session id) gets the generic invalid message.
///
/// ```no_run
/// use stripe_checkout_client::Client;
/// use stripe_checkout_client::discounts::{self, policies::CartThreshold};
///
/// // In any framework: hand over the raw body, answer with what comes back.
/// async fn update_discounts_endpoint(client: &Client, body: &[u8]) -> (u16, String) {
///     let answer = discounts::handle(client, body, &CartThreshold::guide()).await;
///     (answer.status, answer.body)
/// }
/// ```
pub fn handle<'a, P>(client: &'a Client, body: &[u8], policy: &'a P) -> PendingEndpointResponse<'a>
where
    P: DiscountPolicy + ?Sized,
{
    PendingEndpointResponse {
        client,
        request: DiscountRequest::from_json(body),
        policy: Box::new(policy),
        options: RequestOptions::default(),
    }
}

/// One endpoint call, not started yet: made by [`handle`]. Chain request options on it, then
/// `.await` it for the [`EndpointResponse`].
#[must_use = "the endpoint runs only when it is awaited"]
pub struct PendingEndpointResponse<'a> {
    client: &'a Client,
    request: Result<DiscountRequest, BodyError>,
    policy: Box<dyn DiscountPolicy + 'a>,
    options: RequestOptions,
}

impl PendingEndpointResponse<'_> {
    request_option_setters!();
}

impl fmt::Debug for PendingEndpointResponse<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingEndpointResponse")
            .field(
                "session",
                &self.request.as_ref().ok().map(|r| &r.checkout_session_id),
            )
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl<'a> IntoFuture for PendingEndpointResponse<'a> {
    type Output = EndpointResponse;
    type IntoFuture = Pin<Box<dyn Future<Output = EndpointResponse> + Send + 'a>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(respond(self))
    }
}

async fn respond(handle: PendingEndpointResponse<'_>) -> EndpointResponse {
    let request = match handle.request {
        Ok(request) => request,
        // The conversion logs what was wrong with the body.
        Err(err) => return EndpointResponse::new(200, ServerUpdateResponse::from(&err)),
    };
    let result = run(
        handle.client,
        &request,
        handle.policy.as_ref(),
        &handle.options,
    )
    .await;
    // Failures are logged by the conversion to the contract answer; successes here.
    if let Ok(outcome) = &result {
        tracing::info!(
            session = %request.checkout_session_id,
            changed = outcome.changed,
            total = ?outcome.session.amount_total,
            "discounts recomputed"
        );
    }
    EndpointResponse::new(200, ServerUpdateResponse::from(&result))
}
