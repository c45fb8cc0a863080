//! [`CheckoutSessions`]: the Checkout Session endpoints (create, retrieve, update, expire,
//! list, line items), each with a `_with` form taking [`RequestOptions`].
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
use crate::transport::{self, Method};
use crate::{RequestOptions, form};

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
    pub async fn create(&self, params: &CreateSession) -> Result<CheckoutSession> {
        self.create_with(params, &RequestOptions::default()).await
    }

    /// [`create`](Self::create) with per-request options (e.g. your own idempotency key).
    ///
    /// # Errors
    /// As [`create`](Self::create).
    pub async fn create_with(
        &self,
        params: &CreateSession,
        options: &RequestOptions,
    ) -> Result<CheckoutSession> {
        params.validate()?;
        self.send(Method::Post, SESSIONS, params, options).await
    }

    /// Retrieves a Checkout Session (`GET /v1/checkout/sessions/{id}`), expanding what
    /// `params` asks for.
    ///
    /// # Errors
    /// [`Error::InvalidParams`] (param `id`) for a malformed session id; otherwise any
    /// [`Error`] from the request.
    pub async fn retrieve(
        &self,
        id: impl AsRef<str>,
        params: &RetrieveSession,
    ) -> Result<CheckoutSession> {
        self.retrieve_with(id, params, &RequestOptions::default())
            .await
    }

    /// [`retrieve`](Self::retrieve) with per-request options.
    ///
    /// # Errors
    /// As [`retrieve`](Self::retrieve).
    pub async fn retrieve_with(
        &self,
        id: impl AsRef<str>,
        params: &RetrieveSession,
        options: &RequestOptions,
    ) -> Result<CheckoutSession> {
        let path = session_path(id.as_ref(), "")?;
        self.send(Method::Get, &path, params, options).await
    }

    /// Updates a Checkout Session (`POST /v1/checkout/sessions/{id}`).
    ///
    /// Stripe omits `discounts` from the answer unless the request expands it; add
    /// `.expand(["discounts"])` to see the applied discounts.
    ///
    /// # Errors
    /// [`Error::InvalidParams`] for a malformed session id or parameters that break a rule
    /// Stripe would reject (nothing is sent); otherwise any [`Error`] from the request.
    pub async fn update(
        &self,
        id: impl AsRef<str>,
        params: &UpdateSession,
    ) -> Result<CheckoutSession> {
        self.update_with(id, params, &RequestOptions::default())
            .await
    }

    /// [`update`](Self::update) with per-request options.
    ///
    /// # Errors
    /// As [`update`](Self::update).
    pub async fn update_with(
        &self,
        id: impl AsRef<str>,
        params: &UpdateSession,
        options: &RequestOptions,
    ) -> Result<CheckoutSession> {
        let path = session_path(id.as_ref(), "")?;
        params.validate()?;
        self.send(Method::Post, &path, params, options).await
    }

    /// Expires an open Checkout Session (`POST /v1/checkout/sessions/{id}/expire`), so it
    /// can no longer be paid.
    ///
    /// # Errors
    /// [`Error::InvalidParams`] for a malformed session id; otherwise any [`Error`] from the
    /// request (Stripe answers `400` for a session that is not open).
    pub async fn expire(&self, id: impl AsRef<str>) -> Result<CheckoutSession> {
        self.expire_with(id, &RequestOptions::default()).await
    }

    /// [`expire`](Self::expire) with per-request options.
    ///
    /// # Errors
    /// As [`expire`](Self::expire).
    pub async fn expire_with(
        &self,
        id: impl AsRef<str>,
        options: &RequestOptions,
    ) -> Result<CheckoutSession> {
        let path = session_path(id.as_ref(), "/expire")?;
        self.send(Method::Post, &path, &ExpireSession::new(), options)
            .await
    }

    /// Lists one page of Checkout Sessions (`GET /v1/checkout/sessions`), newest first.
    ///
    /// # Errors
    /// [`Error::InvalidParams`] for parameters that break a rule Stripe would reject;
    /// otherwise any [`Error`] from the request.
    pub async fn list(&self, params: &ListSessions) -> Result<List<CheckoutSession>> {
        self.list_with(params, &RequestOptions::default()).await
    }

    /// [`list`](Self::list) with per-request options.
    ///
    /// # Errors
    /// As [`list`](Self::list).
    pub async fn list_with(
        &self,
        params: &ListSessions,
        options: &RequestOptions,
    ) -> Result<List<CheckoutSession>> {
        params.validate()?;
        self.send(Method::Get, SESSIONS, params, options).await
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
    pub async fn list_line_items(
        &self,
        id: impl AsRef<str>,
        params: &ListLineItems,
    ) -> Result<List<SessionLineItem>> {
        self.list_line_items_with(id, params, &RequestOptions::default())
            .await
    }

    /// [`list_line_items`](Self::list_line_items) with per-request options.
    ///
    /// # Errors
    /// As [`list_line_items`](Self::list_line_items).
    pub async fn list_line_items_with(
        &self,
        id: impl AsRef<str>,
        params: &ListLineItems,
        options: &RequestOptions,
    ) -> Result<List<SessionLineItem>> {
        let path = session_path(id.as_ref(), "/line_items")?;
        params.validate()?;
        self.send(Method::Get, &path, params, options).await
    }

    async fn send<P, T>(
        &self,
        method: Method,
        path: &str,
        params: &P,
        options: &RequestOptions,
    ) -> Result<T>
    where
        P: serde::Serialize + ?Sized,
        T: serde::de::DeserializeOwned,
    {
        let pairs = form::to_pairs(params)?;
        transport::send(self.client, method, path, &pairs, options).await
    }
}

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
