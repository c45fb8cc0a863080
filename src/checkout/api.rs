//! [`CheckoutSessions`]: the Checkout Session endpoints (create, retrieve, update, expire,
//! list, line items), each with a `_with` form taking [`RequestOptions`], each returning a
//! [`ResponseFuture`] built here, in non-generic code (its doc says why).
//!
//! The handler validates parameters locally, so a malformed request fails with
//! [`Error::InvalidParams`] before anything is sent; encoding and sending are the form encoder's
//! and the transport's job.

use futures_util::stream::{self, Stream};

use super::{
    CheckoutSession, CreateSession, ExpireSession, ListLineItems, ListSessions, RetrieveSession,
    SessionLineItem, UpdateSession,
};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::expand::List;
use crate::ids::CheckoutSessionId;
use crate::transport::{Method, send};
use crate::{RequestOptions, ResponseFuture};

const SESSIONS: &str = "/v1/checkout/sessions";

impl Client {
    /// The Checkout Session endpoints.
    ///
    /// ```no_run
    /// use stripe_checkout_client::Client;
    /// use stripe_checkout_client::checkout::RetrieveSession;
    /// # async fn run() -> stripe_checkout_client::Result<()> {
    /// let client = Client::new("sk_test_123")?;
    /// let session = client
    ///     .checkout_sessions()
    ///     .retrieve("cs_test_123", &RetrieveSession::new().expand(["discounts"]))
    ///     .await?;
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
/// use stripe_checkout_client::checkout::{CreateSession, LineItem, PermissionOwner, SessionMode, UiMode, UpdateSession};
/// use stripe_checkout_client::discounts::{CouponData, Discount};
/// # async fn run() -> stripe_checkout_client::Result<()> {
/// let client = Client::new("sk_test_123")?;
/// let sessions = client.checkout_sessions();
/// let created = sessions
///     .create(
///         &CreateSession::new(SessionMode::Payment)
///             .ui_mode(UiMode::Custom)
///             .line_item(LineItem::price("price_123", 1))
///             .return_url("https://example.com/return")
///             .update_discounts(PermissionOwner::ServerOnly),
///     )
///     .await?;
/// let updated = sessions
///     .update(
///         &created.id,
///         &UpdateSession::new()
///             .discounts([Discount::coupon_data(CouponData::amount_off(2000, "usd").name("Customer Discount"))])
///             .expand(["discounts"]),
///     )
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
    /// [`Error::InvalidParams`] if `params` break a rule Stripe would reject (nothing is
    /// sent); otherwise any [`Error`] from the request.
    pub fn create<'a>(&self, params: &'a CreateSession) -> ResponseFuture<'a, CheckoutSession>
    where
        'c: 'a,
    {
        self.create_with(params, &NO_OPTIONS)
    }

    /// [`create`](Self::create) with per-request options (e.g. your own idempotency key).
    ///
    /// # Errors
    /// As [`create`](Self::create).
    pub fn create_with<'a>(
        &self,
        params: &'a CreateSession,
        options: &'a RequestOptions,
    ) -> ResponseFuture<'a, CheckoutSession>
    where
        'c: 'a,
    {
        let client = self.client;
        ResponseFuture::new(async move {
            params.validate()?;
            send(client, Method::Post, SESSIONS, params, options).await
        })
    }

    /// Retrieves a Checkout Session (`GET /v1/checkout/sessions/{id}`), expanding what
    /// `params` asks for.
    ///
    /// # Errors
    /// [`Error::InvalidParams`] (param `id`) for a malformed session id; otherwise any
    /// [`Error`] from the request.
    pub fn retrieve<'a>(
        &self,
        id: impl AsRef<str>,
        params: &'a RetrieveSession,
    ) -> ResponseFuture<'a, CheckoutSession>
    where
        'c: 'a,
    {
        self.retrieve_with(id, params, &NO_OPTIONS)
    }

    /// [`retrieve`](Self::retrieve) with per-request options.
    ///
    /// # Errors
    /// As [`retrieve`](Self::retrieve).
    pub fn retrieve_with<'a>(
        &self,
        id: impl AsRef<str>,
        params: &'a RetrieveSession,
        options: &'a RequestOptions,
    ) -> ResponseFuture<'a, CheckoutSession>
    where
        'c: 'a,
    {
        self.retrieve_at(session_path(id.as_ref(), ""), params, options)
    }

    fn retrieve_at<'a>(
        &self,
        path: Result<String>,
        params: &'a RetrieveSession,
        options: &'a RequestOptions,
    ) -> ResponseFuture<'a, CheckoutSession>
    where
        'c: 'a,
    {
        let client = self.client;
        ResponseFuture::new(async move {
            let path = path?;
            params.validate()?;
            send(client, Method::Get, &path, params, options).await
        })
    }

    /// Updates a Checkout Session (`POST /v1/checkout/sessions/{id}`).
    ///
    /// Stripe omits `discounts` from the answer unless the request expands it; add
    /// `.expand(["discounts"])` to see the applied discounts.
    ///
    /// # Errors
    /// [`Error::InvalidParams`] for a malformed session id or parameters that break a rule
    /// Stripe would reject (nothing is sent); otherwise any [`Error`] from the request.
    pub fn update<'a>(
        &self,
        id: impl AsRef<str>,
        params: &'a UpdateSession,
    ) -> ResponseFuture<'a, CheckoutSession>
    where
        'c: 'a,
    {
        self.update_with(id, params, &NO_OPTIONS)
    }

    /// [`update`](Self::update) with per-request options.
    ///
    /// # Errors
    /// As [`update`](Self::update).
    pub fn update_with<'a>(
        &self,
        id: impl AsRef<str>,
        params: &'a UpdateSession,
        options: &'a RequestOptions,
    ) -> ResponseFuture<'a, CheckoutSession>
    where
        'c: 'a,
    {
        self.update_at(session_path(id.as_ref(), ""), params, options)
    }

    fn update_at<'a>(
        &self,
        path: Result<String>,
        params: &'a UpdateSession,
        options: &'a RequestOptions,
    ) -> ResponseFuture<'a, CheckoutSession>
    where
        'c: 'a,
    {
        let client = self.client;
        ResponseFuture::new(async move {
            let path = path?;
            params.validate()?;
            send(client, Method::Post, &path, params, options).await
        })
    }

    /// Expires an open Checkout Session (`POST /v1/checkout/sessions/{id}/expire`), so it
    /// can no longer be paid.
    ///
    /// # Errors
    /// [`Error::InvalidParams`] for a malformed session id; otherwise any [`Error`] from the
    /// request (Stripe answers `400` for a session that is not open).
    pub fn expire<'a>(&self, id: impl AsRef<str>) -> ResponseFuture<'a, CheckoutSession>
    where
        'c: 'a,
    {
        self.expire_with(id, &NO_OPTIONS)
    }

    /// [`expire`](Self::expire) with per-request options.
    ///
    /// # Errors
    /// As [`expire`](Self::expire).
    pub fn expire_with<'a>(
        &self,
        id: impl AsRef<str>,
        options: &'a RequestOptions,
    ) -> ResponseFuture<'a, CheckoutSession>
    where
        'c: 'a,
    {
        self.expire_at(session_path(id.as_ref(), "/expire"), options)
    }

    fn expire_at<'a>(
        &self,
        path: Result<String>,
        options: &'a RequestOptions,
    ) -> ResponseFuture<'a, CheckoutSession>
    where
        'c: 'a,
    {
        let client = self.client;
        ResponseFuture::new(async move {
            send(client, Method::Post, &path?, &ExpireSession::new(), options).await
        })
    }

    /// Lists one page of Checkout Sessions (`GET /v1/checkout/sessions`), newest first.
    ///
    /// # Errors
    /// [`Error::InvalidParams`] for parameters that break a rule Stripe would reject;
    /// otherwise any [`Error`] from the request.
    pub fn list<'a>(&self, params: &'a ListSessions) -> ResponseFuture<'a, List<CheckoutSession>>
    where
        'c: 'a,
    {
        self.list_with(params, &NO_OPTIONS)
    }

    /// [`list`](Self::list) with per-request options.
    ///
    /// # Errors
    /// As [`list`](Self::list).
    pub fn list_with<'a>(
        &self,
        params: &'a ListSessions,
        options: &'a RequestOptions,
    ) -> ResponseFuture<'a, List<CheckoutSession>>
    where
        'c: 'a,
    {
        let client = self.client;
        ResponseFuture::new(async move {
            params.validate()?;
            send(client, Method::Get, SESSIONS, params, options).await
        })
    }

    /// Every Checkout Session matching `params`, fetched page by page as the stream is
    /// consumed: only one page is held in memory. Paging follows `starting_after` (or
    /// `ending_before`, if `params` sets it, walking backwards).
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
    /// let mut open = std::pin::pin!(sessions.list_all(ListSessions::new().status(SessionStatus::Open)));
    /// while let Some(session) = open.try_next().await? {
    ///     println!("{}", session.id);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn list_all(
        &self,
        params: ListSessions,
    ) -> impl Stream<Item = Result<CheckoutSession>> + 'c {
        self.list_all_with(params, RequestOptions::default())
    }

    /// [`list_all`](Self::list_all) with per-request options, applied to every page.
    pub fn list_all_with(
        &self,
        params: ListSessions,
        options: RequestOptions,
    ) -> impl Stream<Item = Result<CheckoutSession>> + 'c {
        let handler = *self;
        let backwards = params.ending_before.is_some();
        let state = Paging {
            params: Some(params),
            page: Vec::new().into_iter(),
        };
        stream::unfold(state, move |mut state| {
            let options = options.clone();
            async move {
                loop {
                    if let Some(session) = state.page.next() {
                        return Some((Ok(session), state));
                    }
                    let params = state.params.take()?;
                    match handler.list_with(&params, &options).await {
                        Err(e) => return Some((Err(e), state)),
                        Ok(page) => {
                            let cursor = if backwards {
                                page.data.first()
                            } else {
                                page.data.last()
                            };
                            if page.has_more {
                                if let Some(cursor) = cursor {
                                    let cursor = cursor.id.to_string();
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
                                // Stripe returns each page newest first; walking backwards,
                                // the oldest of the page comes next.
                                data.reverse();
                            }
                            state.page = data.into_iter();
                        }
                    }
                }
            }
        })
    }

    /// Lists the line items of a Checkout Session
    /// (`GET /v1/checkout/sessions/{id}/line_items`).
    ///
    /// # Errors
    /// [`Error::InvalidParams`] for a malformed session id or parameters; otherwise any
    /// [`Error`] from the request.
    pub fn list_line_items<'a>(
        &self,
        id: impl AsRef<str>,
        params: &'a ListLineItems,
    ) -> ResponseFuture<'a, List<SessionLineItem>>
    where
        'c: 'a,
    {
        self.list_line_items_with(id, params, &NO_OPTIONS)
    }

    /// [`list_line_items`](Self::list_line_items) with per-request options.
    ///
    /// # Errors
    /// As [`list_line_items`](Self::list_line_items).
    pub fn list_line_items_with<'a>(
        &self,
        id: impl AsRef<str>,
        params: &'a ListLineItems,
        options: &'a RequestOptions,
    ) -> ResponseFuture<'a, List<SessionLineItem>>
    where
        'c: 'a,
    {
        self.line_items_at(session_path(id.as_ref(), "/line_items"), params, options)
    }

    fn line_items_at<'a>(
        &self,
        path: Result<String>,
        params: &'a ListLineItems,
        options: &'a RequestOptions,
    ) -> ResponseFuture<'a, List<SessionLineItem>>
    where
        'c: 'a,
    {
        let client = self.client;
        ResponseFuture::new(async move {
            let path = path?;
            params.validate()?;
            send(client, Method::Get, &path, params, options).await
        })
    }
}

/// No per-request overrides: what the methods without `_with` send.
static NO_OPTIONS: RequestOptions = RequestOptions {
    idempotency_key: None,
    stripe_account: None,
    api_version: None,
    timeout: None,
    max_retries: None,
};

struct Paging {
    params: Option<ListSessions>,
    page: std::vec::IntoIter<CheckoutSession>,
}

/// `/v1/checkout/sessions/{id}{suffix}`, after checking `id` is a session id (which also
/// keeps it from smuggling `/`, `?` or `..` into the path).
fn session_path(id: &str, suffix: &str) -> Result<String> {
    let id = CheckoutSessionId::new(id).map_err(|e| Error::invalid_param("id", e.to_string()))?;
    Ok(format!("{SESSIONS}/{id}{suffix}"))
}
