//! [`handle`]: a whole server-update endpoint in one call, whatever the web framework — the
//! request body in, an HTTP status and the page's JSON out
//! ([`EndpointResponse`](super::EndpointResponse)).
//!
//! Parsing the body is [`UpdateRequest`]'s job, the flow [`run`](super::run)'s and the
//! contract JSON [`ServerUpdateResponse`]'s; this file strings them together and decides what
//! is logged.

use std::fmt;
use std::future::{Future, IntoFuture};
use std::pin::Pin;

use super::answer::refused_body;
use super::flow::run_policy;
use super::{BodyError, EndpointResponse, ServerUpdateResponse, UpdatePolicy, UpdateRequest};
use crate::sending::client::Client;
use crate::sending::options::{RequestOptions, request_option_setters};

/// Runs one endpoint for a request body: parse it as an [`UpdateRequest`], run
/// [`run`](super::run) with `policy`, and answer in the page's contract.
///
/// Every answer is `200`, failures included, as in Stripe's guides: the page's
/// `runServerUpdate` callback reads the JSON. A rejection shows the policy's customer message
/// (or [`INVALID_REQUEST_MESSAGE`](super::INVALID_REQUEST_MESSAGE)), a closed or unknown
/// session [`SESSION_CLOSED_MESSAGE`](super::SESSION_CLOSED_MESSAGE) or
/// [`SESSION_NOT_FOUND_MESSAGE`](super::SESSION_NOT_FOUND_MESSAGE), any other failure
/// [`UPDATE_FAILED_MESSAGE`](super::UPDATE_FAILED_MESSAGE); reasons, Stripe's messages and
/// request ids go to `tracing`. Request options chain on the returned value.
///
/// ```no_run
/// use stripe_checkout_client::Client;
/// use stripe_checkout_client::updates::{self, policies::ShippingRates};
///
/// // `/update-shipping`: the address the shopper typed, the rates for its country.
/// async fn update_shipping(client: &Client, body: &[u8]) -> (u16, String) {
///     let rates = ShippingRates::new().country("US", [("Standard", 500), ("Express", 1_500)]);
///     let answer = updates::handle(client, body, &rates).await;
///     (answer.status, answer.body)
/// }
/// ```
pub fn handle<'a, P>(client: &'a Client, body: &[u8], policy: &'a P) -> PendingEndpoint<'a>
where
    P: UpdatePolicy + ?Sized,
{
    PendingEndpoint {
        client,
        request: UpdateRequest::from_json(body),
        policy: Box::new(policy),
        options: RequestOptions::default(),
    }
}

/// One endpoint call, not started yet: made by [`handle`]. Chain request options on it, then
/// `.await` it for the [`EndpointResponse`].
#[must_use = "the endpoint runs only when it is awaited"]
pub struct PendingEndpoint<'a> {
    client: &'a Client,
    request: Result<UpdateRequest, BodyError>,
    policy: Box<dyn UpdatePolicy + 'a>,
    options: RequestOptions,
}

impl PendingEndpoint<'_> {
    request_option_setters!();
}

impl fmt::Debug for PendingEndpoint<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingEndpoint")
            .field(
                "session",
                &self.request.as_ref().ok().map(|r| &r.checkout_session_id),
            )
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl<'a> IntoFuture for PendingEndpoint<'a> {
    type Output = EndpointResponse;
    type IntoFuture = Pin<Box<dyn Future<Output = EndpointResponse> + Send + 'a>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(respond(self))
    }
}

async fn respond(pending: PendingEndpoint<'_>) -> EndpointResponse {
    let request = match pending.request {
        Ok(request) => request,
        Err(err) => return EndpointResponse::new(200, refused_body(&err)),
    };
    let result = run_policy(
        pending.client,
        &request,
        pending.policy.as_ref(),
        &pending.options,
    )
    .await;
    if let Ok(outcome) = &result {
        tracing::info!(
            session = %request.checkout_session_id,
            changed = ?outcome.changed,
            total = ?outcome.session.amount_total,
            "session updated"
        );
    }
    EndpointResponse::new(200, ServerUpdateResponse::from(&result))
}
