//! [`CheckoutSessions`]: the Checkout Session endpoints (create, retrieve, update, expire,
//! list, line items), one method each, each returning a [`PendingRequest`] built here, in
//! non-generic code (the [`ResponseFuture`](crate::ResponseFuture) doc says why), and
//! [`SessionStream`], every page of a list.
//!
//! The handler validates parameters locally, so a malformed request fails with
//! [`Error::InvalidParams`] before anything is sent; encoding and sending are the form encoder's
//! and the transport's job.

use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_util::stream::{self, Stream};

use super::{
    CheckoutSession, CreateSession, ListLineItems, ListSessions, SessionLineItem, UpdateSession,
};
use crate::error::Result;
use crate::ids::CheckoutSessionId;
use crate::sending::client::Client;
use crate::sending::options::{RequestOptions, request_option_setters};
use crate::sending::request::PendingRequest;
use crate::sending::transport::{Answer, Method};
use crate::versions::version_gate::Gated;
use crate::wire::list::List;

const SESSIONS: &str = "/v1/checkout/sessions";

impl Client {
    /// The Checkout Session endpoints.
    ///
    /// ```no_run
    /// use stripe_checkout_client::Client;
    /// use stripe_checkout_client::ids::CheckoutSessionId;
    /// # async fn run() -> stripe_checkout_client::Result<()> {
    /// let client = Client::new("sk_test_123")?;
    /// let id: CheckoutSessionId = "cs_test_123".parse()?;
    /// let session = client.checkout_sessions().retrieve(&id).expand(["discounts"]).await?;
    /// println!("{} discounted by {}", session.id, session.discount_amount());
    /// # Ok(()) }
    /// ```
    pub fn checkout_sessions(&self) -> CheckoutSessions<'_> {
        CheckoutSessions { client: self }
    }
}

/// The Checkout Session endpoints, borrowed from a [`Client`] by
/// [`Client::checkout_sessions`].
///
/// ```no_run
/// use stripe_checkout_client::Client;
/// use stripe_checkout_client::checkout::{
///     CreateSession, LineItem, PermissionOwner, SessionMode, UiMode, UpdateSession,
/// };
/// use stripe_checkout_client::discounts::{CouponData, Discount};
/// # async fn run() -> stripe_checkout_client::Result<()> {
/// let client = Client::new("sk_test_123")?;
/// let sessions = client.checkout_sessions();
/// let created = sessions
///     .create(
///         &CreateSession::new(SessionMode::Payment)
///             .ui_mode(UiMode::Elements)
///             .line_item(LineItem::price("price_123", 1))
///             .return_url("https://example.com/return")
///             .update_discounts(PermissionOwner::ServerOnly),
///     )
///     .await?;
/// let updated = sessions
///     .update(
///         &created.id,
///         &UpdateSession::new()
///             .discounts([Discount::CouponData(CouponData::amount_off(2000, "usd").name("Customer Discount"))])
///             .expand(["discounts"]),
///     )
///     .idempotency_key("order-42-discount")
///     .await?;
/// let cleared = sessions.update(&created.id, &UpdateSession::new().clear_discounts()).await?;
/// # Ok(()) }
/// ```
#[derive(Clone, Copy, Debug)]
pub struct CheckoutSessions<'c> {
    client: &'c Client,
}

impl<'c> CheckoutSessions<'c> {
    /// Creates a Checkout Session (`POST /v1/checkout/sessions`).
    ///
    /// # Errors
    /// [`Error::InvalidParams`](crate::Error::InvalidParams) if `params` break a rule Stripe
    /// would reject (nothing is sent); otherwise any [`Error`](crate::Error) from the request.
    pub fn create(&self, params: &CreateSession) -> PendingRequest<'c, CheckoutSession> {
        let params = params.gated_pairs();
        self.request(Method::Post, SESSIONS.to_owned(), params, decode_session)
    }

    /// Retrieves a Checkout Session (`GET /v1/checkout/sessions/{id}`); chain
    /// [`.expand(…)`](PendingRequest::expand) for related objects.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error) from the request (`404` for an unknown session).
    pub fn retrieve(&self, id: &CheckoutSessionId) -> PendingRequest<'c, CheckoutSession> {
        self.request(
            Method::Get,
            session_path(id, ""),
            Ok(Gated::default()),
            decode_session,
        )
    }

    /// [`retrieve`](Self::retrieve), with the answer's JSON kept beside the session: the
    /// server-update flow decodes it again for a projection of the session.
    #[cfg(feature = "updates")]
    pub(crate) fn retrieve_keeping_json(
        &self,
        id: &CheckoutSessionId,
    ) -> PendingRequest<'c, (CheckoutSession, Vec<u8>)> {
        self.request(
            Method::Get,
            session_path(id, ""),
            Ok(Gated::default()),
            Answer::model_keeping_body::<CheckoutSession>,
        )
    }

    /// Updates a Checkout Session (`POST /v1/checkout/sessions/{id}`).
    ///
    /// Stripe omits `discounts` from the answer unless the request expands it; add
    /// `.expand(["discounts"])` to see the applied discounts.
    ///
    /// # Errors
    /// [`Error::InvalidParams`](crate::Error::InvalidParams) for parameters that break a rule
    /// Stripe would reject (nothing is sent); otherwise any [`Error`](crate::Error) from the
    /// request.
    pub fn update(
        &self,
        id: &CheckoutSessionId,
        params: &UpdateSession,
    ) -> PendingRequest<'c, CheckoutSession> {
        let params = params.gated_pairs();
        self.request(Method::Post, session_path(id, ""), params, decode_session)
    }

    /// Expires an open Checkout Session (`POST /v1/checkout/sessions/{id}/expire`), so it
    /// can no longer be paid.
    ///
    /// # Errors
    /// Any [`Error`](crate::Error) from the request (Stripe answers `400` for a session that
    /// is not open).
    pub fn expire(&self, id: &CheckoutSessionId) -> PendingRequest<'c, CheckoutSession> {
        self.request(
            Method::Post,
            session_path(id, "/expire"),
            Ok(Gated::default()),
            decode_session,
        )
    }

    /// Lists one page of Checkout Sessions (`GET /v1/checkout/sessions`), newest first.
    ///
    /// # Errors
    /// [`Error::InvalidParams`](crate::Error::InvalidParams) for parameters that break a rule
    /// Stripe would reject; otherwise any [`Error`](crate::Error) from the request.
    pub fn list(&self, params: &ListSessions) -> PendingRequest<'c, List<CheckoutSession>> {
        let params = params.gated_pairs();
        self.request(
            Method::Get,
            SESSIONS.to_owned(),
            params,
            Answer::model::<List<CheckoutSession>>,
        )
    }

    /// Every Checkout Session matching `params`, fetched page by page as the stream is
    /// consumed: only one page is held in memory. Paging follows `starting_after` (or
    /// `ending_before`, if `params` sets it, walking backwards). Options chained on the
    /// stream apply to every page.
    ///
    /// A failed page ends the stream after yielding its error.
    ///
    /// ```no_run
    /// use futures_util::TryStreamExt;
    /// use stripe_checkout_client::Client;
    /// use stripe_checkout_client::checkout::{ListSessions, SessionStatus};
    /// # async fn run() -> stripe_checkout_client::Result<()> {
    /// let client = Client::new("sk_test_123")?;
    /// let sessions = client.checkout_sessions();
    /// let mut open = sessions
    ///     .list_all(ListSessions::new().status(SessionStatus::Open))
    ///     .stripe_account("acct_1Hx000000000000");
    /// while let Some(session) = open.try_next().await? {
    ///     println!("{}", session.id);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list_all(&self, params: ListSessions) -> SessionStream<'c> {
        SessionStream {
            handler: *self,
            start: Some(params),
            options: RequestOptions::default(),
            pages: None,
        }
    }

    /// Lists the line items of a Checkout Session
    /// (`GET /v1/checkout/sessions/{id}/line_items`).
    ///
    /// # Errors
    /// [`Error::InvalidParams`](crate::Error::InvalidParams) for parameters that break a rule
    /// Stripe would reject; otherwise any [`Error`](crate::Error) from the request.
    pub fn list_line_items(
        &self,
        id: &CheckoutSessionId,
        params: &ListLineItems,
    ) -> PendingRequest<'c, List<SessionLineItem>> {
        let params = params.gated_pairs();
        self.request(
            Method::Get,
            session_path(id, "/line_items"),
            params,
            Answer::model::<List<SessionLineItem>>,
        )
    }

    fn request<T>(
        &self,
        method: Method,
        path: String,
        params: Result<Gated>,
        decode: fn(Answer) -> Result<T>,
    ) -> PendingRequest<'c, T> {
        PendingRequest::new(&self.client.inner, method, path, params, decode)
    }
}

/// The session decoder, instantiated once here for every endpoint that answers a session.
fn decode_session(answer: Answer) -> Result<CheckoutSession> {
    answer.model()
}

/// `/v1/checkout/sessions/{id}{suffix}`; a parsed id cannot smuggle `/`, `?` or `..` in.
fn session_path(id: &CheckoutSessionId, suffix: &str) -> String {
    format!("{SESSIONS}/{id}{suffix}")
}

type Pages<'c> = Pin<Box<dyn Stream<Item = Result<CheckoutSession>> + Send + 'c>>;

/// Every Checkout Session a list matches, page by page: made by
/// [`CheckoutSessions::list_all`]. It is a [`Stream`]; options chained before the first poll
/// apply to every page.
#[must_use = "streams do nothing unless polled"]
pub struct SessionStream<'c> {
    handler: CheckoutSessions<'c>,
    start: Option<ListSessions>,
    options: RequestOptions,
    pages: Option<Pages<'c>>,
}

impl SessionStream<'_> {
    request_option_setters!();
}

impl fmt::Debug for SessionStream<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SessionStream")
            .field("options", &self.options)
            .field("started", &self.pages.is_some())
            .finish_non_exhaustive()
    }
}

impl Stream for SessionStream<'_> {
    type Item = Result<CheckoutSession>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        let pages = match &mut this.pages {
            Some(pages) => pages,
            None => {
                let Some(params) = this.start.take() else {
                    return Poll::Ready(None);
                };
                this.pages
                    .insert(pages(this.handler, params, this.options.clone()))
            }
        };
        pages.as_mut().poll_next(cx)
    }
}

struct Paging {
    params: Option<ListSessions>,
    page: std::vec::IntoIter<CheckoutSession>,
}

fn pages(
    handler: CheckoutSessions<'_>,
    params: ListSessions,
    options: RequestOptions,
) -> Pages<'_> {
    let backwards = params.ending_before.is_some();
    let state = Paging {
        params: Some(params),
        page: Vec::new().into_iter(),
    };
    Box::pin(stream::unfold(state, move |mut state| {
        let options = options.clone();
        async move {
            loop {
                if let Some(session) = state.page.next() {
                    return Some((Ok(session), state));
                }
                let params = state.params.take()?;
                match handler.list(&params).options(&options).await {
                    Err(e) => return Some((Err(e), state)),
                    Ok(page) => {
                        let cursor = if backwards {
                            page.data.first()
                        } else {
                            page.data.last()
                        };
                        if page.has_more {
                            if let Some(cursor) = cursor {
                                let cursor = cursor.id.clone();
                                let mut next = params;
                                if backwards {
                                    next.ending_before = Some(cursor);
                                } else {
                                    next.starting_after = Some(cursor);
                                }
                                state.params = Some(next);
                            }
                        }
                        let mut data = page.data;
                        if backwards {
                            // Stripe returns each page newest first; walking backwards, the
                            // oldest of the page comes next.
                            data.reverse();
                        }
                        state.page = data.into_iter();
                    }
                }
            }
        }
    }))
}
