//! The merchant server's routes: the web page, the guide's endpoints and the session status,
//! all answering in the front end's `{"type":"object",…}` / `{"type":"error",…}` contract.
//!
//! It uses only the crate's default features, as a merchant's server would: start-up (keys,
//! the port) lives in `main.rs`, and the offline demo's emulator and its "Pay" button in
//! `demo.rs`, which `main.rs` merges in only when it runs offline. This file is shared with the
//! integration test that drives the router in-process.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Value, json};
use stripe_checkout_client::Client;
use stripe_checkout_client::checkout::params::Permissions;
use stripe_checkout_client::checkout::{
    CreateSession, LineItem, PermissionOwner, SessionMode, SessionStatus, UiMode,
};
use stripe_checkout_client::discounts::policies::{
    BestForCustomer, CartThreshold, LoyaltyTiers, Reward, TypedCodes,
};
use stripe_checkout_client::discounts::{
    self, DiscountPolicy, EndpointResponse, INVALID_DISCOUNTS_MESSAGE, ServerUpdateResponse,
};
use stripe_checkout_client::fulfilment::Fulfiller;
use stripe_checkout_client::ids::CheckoutSessionId;
use stripe_checkout_client::updates::policies::{AddOn, ShippingRates};
use stripe_checkout_client::updates::{
    self, Changes, Compose, Part, Rejection, SessionView, UpdatePolicy, UpdateRequest, async_trait,
};

use super::orders::{RedbStore, ShopOrders};

/// The largest request body any endpoint reads.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// Shown when a checkout session cannot be created; the reason is logged.
pub const CREATE_FAILED_MESSAGE: &str = "We could not start your checkout. Please try again.";

/// Shown when a request names no valid session: the crate's wording for the same case.
pub const SESSION_NOT_FOUND_MESSAGE: &str = updates::SESSION_NOT_FOUND_MESSAGE;

/// What the server sells and to whom.
#[derive(Clone, Debug)]
pub struct Config {
    /// The cart every new session gets: price ids and quantities.
    pub cart: Vec<(String, u64)>,
    /// Where Stripe sends the customer after paying.
    pub return_url: String,
    /// Set when the page should load Stripe.js (live mode).
    pub publishable_key: Option<String>,
    /// The `client_reference_id` sessions are created with: the demo shopper.
    pub shopper: String,
    /// Loyalty members (shopper or customer id → tier).
    pub members: HashMap<String, String>,
    /// The webhook endpoint's signing secret (`whsec_…`); without one, `/webhook` refuses
    /// every event.
    pub webhook_secret: Option<String>,
    /// Whether the page offers the offline demo's "Pay" button (served by `demo.rs`).
    pub demo_payments: bool,
    /// The fulfilment database (a redb file): which sessions were fulfilled, and how often.
    pub store_path: std::path::PathBuf,
}

/// Shared by every request.
#[derive(Clone)]
pub struct AppState {
    client: Client,
    config: Arc<Config>,
    guide: Arc<CartThreshold>,
    loyalty: Arc<LoyaltyTiers<HashMap<String, String>>>,
    /// The code box: the shopper's promotion code, or their loyalty discount if that is
    /// worth more.
    codes: Arc<BestForCustomer>,
    /// `/add-gift-wrap`: the wrap, then shipping and the shop's discount on the new total.
    gift_wrap: Arc<Compose<'static>>,
    /// `/update-shipping`: the address and its rates.
    shipping: Arc<ShippingRates>,
    /// Fulfils paid sessions from `/webhook` and `/session-status` (none without a webhook
    /// secret: `/webhook` then refuses every event).
    fulfiller: Option<Arc<Fulfiller>>,
    /// The fulfilment counts `/session-status` reports.
    store: RedbStore,
}

/// What the gift wrap costs, in cents.
pub const GIFT_WRAP_AMOUNT: i64 = 500;

/// Where the shop ships and at what rates (cents): standard shipping is free over 100.00.
pub fn shipping_rates() -> ShippingRates {
    ShippingRates::new()
        .countries(["US", "CA"], [("Standard", 500), ("Express", 1_500)])
        .countries(
            ["GB", "DE", "FR", "NL", "AT"],
            [
                ("International standard", 1_200),
                ("International express", 2_500),
            ],
        )
        .free_over(10_000)
}

/// The name the shop's cart discount carries (the guide's rule).
const CART_DISCOUNT: &str = "Cart discount";

/// The name the shopper's loyalty discount carries.
const LOYALTY_DISCOUNT: &str = "Loyalty discount";

/// The shop's own discounts follow the cart: the cart discount is recomputed whenever the
/// session carries it or no discount at all, and the loyalty discount whenever the session
/// carries it (a gold member's 15% is of the new total), while a code the shopper typed is
/// kept as it is.
struct DiscountsFollow {
    cart: CartThreshold,
    loyalty: Arc<LoyaltyTiers<HashMap<String, String>>>,
}

#[async_trait]
impl UpdatePolicy for DiscountsFollow {
    fn parts(&self) -> Vec<Part> {
        vec![Part::Discounts]
    }

    async fn changes(
        &self,
        request: &UpdateRequest,
        view: &SessionView,
    ) -> Result<Changes, Rejection> {
        let current = view.session().discounts.as_deref().unwrap_or_default();
        let all_named = |name: &str| {
            current.iter().all(|d| {
                d.promotion_code.is_none()
                    && d.coupon().is_some_and(|c| c.name.as_deref() == Some(name))
            })
        };
        let policy: &dyn DiscountPolicy = if all_named(CART_DISCOUNT) {
            &self.cart
        } else if all_named(LOYALTY_DISCOUNT) {
            self.loyalty.as_ref()
        } else {
            return Ok(Changes::none());
        };
        let discount_request = stripe_checkout_client::discounts::DiscountRequest::new(
            request.checkout_session_id.clone(),
        );
        let session = view.projected_session();
        let discounts = policy.recompute(&discount_request, &session).await?;
        Ok(Changes::none().discounts(discounts))
    }
}

impl AppState {
    /// The state for a client and configuration.
    ///
    /// # Errors
    /// The fulfilment database at `config.store_path` cannot be opened.
    pub fn new(client: Client, config: Config) -> Result<Self, redb::Error> {
        let store = RedbStore::open(&config.store_path)?;
        let fulfiller = config.webhook_secret.as_ref().map(|secret| {
            Arc::new(
                Fulfiller::new(
                    client.clone(),
                    secret.clone(),
                    Arc::new(ShopOrders::new(store.clone())),
                )
                .store(Arc::new(store.clone())),
            )
        });
        let loyalty = || {
            LoyaltyTiers::new(config.members.clone())
                .tier("gold", Reward::PercentBps(1_500))
                .tier("silver", Reward::AmountOff(500))
                .name(LOYALTY_DISCOUNT)
        };
        let loyalty = Arc::new(loyalty());
        let codes = BestForCustomer::new()
            .with(TypedCodes::new(client.clone()))
            .with(Arc::clone(&loyalty));
        Ok(AppState {
            loyalty: Arc::clone(&loyalty),
            codes: Arc::new(codes),
            client,
            config: Arc::new(config),
            guide: Arc::new(CartThreshold::guide().name(CART_DISCOUNT)),
            gift_wrap: Arc::new(
                Compose::new()
                    .then(AddOn::new("Gift wrap", GIFT_WRAP_AMOUNT))
                    .then(shipping_rates())
                    .then(DiscountsFollow {
                        cart: CartThreshold::guide().name(CART_DISCOUNT),
                        loyalty,
                    }),
            ),
            shipping: Arc::new(shipping_rates()),
            fulfiller,
            store,
        })
    }
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/app.js", get(app_js))
        .route("/style.css", get(style_css))
        .route("/config", get(config))
        .route("/create-checkout-session", post(create_checkout_session))
        .route("/update-discounts", post(update_discounts_endpoint))
        .route("/apply-customer-discount", post(apply_customer_discount))
        .route("/apply-code", post(apply_code))
        .route("/add-gift-wrap", post(add_gift_wrap))
        .route("/update-shipping", post(update_shipping))
        .route("/session-status", get(session_status))
        .route("/webhook", post(webhook))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}

fn object(value: Value) -> Response {
    axum::Json(json!({"type": "object", "value": value})).into_response()
}

/// A contract error; `pub` for `demo.rs`.
pub fn error(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(ServerUpdateResponse::error(message))).into_response()
}

async fn index() -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        include_str!("static/index.html"),
    )
        .into_response()
}

async fn app_js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("static/app.js"),
    )
        .into_response()
}

async fn style_css() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("static/style.css"),
    )
        .into_response()
}

async fn config(State(state): State<AppState>) -> Response {
    object(json!({
        "publishable_key": state.config.publishable_key,
        "demo_payments": state.config.demo_payments,
        "api_version": state.client.api_version().to_string(),
    }))
}

/// The contract's error for a body that is too large or unreadable.
fn refused(rejection: &BytesRejection) -> Response {
    tracing::warn!(%rejection, "request body refused");
    error(rejection.status(), INVALID_DISCOUNTS_MESSAGE)
}

async fn create_checkout_session(State(state): State<AppState>) -> Response {
    let mut params = CreateSession::new(SessionMode::Payment)
        .ui_mode(UiMode::Elements)
        // The server alone changes the discount, the cart and the shipping address.
        .permissions(
            Permissions::new()
                .update_discounts(PermissionOwner::ServerOnly)
                .update_line_items(PermissionOwner::ServerOnly)
                .update_shipping_details(PermissionOwner::ServerOnly),
        )
        .return_url(state.config.return_url.as_str())
        .client_reference_id(state.config.shopper.as_str());
    for (price, quantity) in &state.config.cart {
        params = params.line_item(LineItem::price(price.as_str(), *quantity));
    }
    match state.client.checkout_sessions().create(&params).await {
        Ok(session) => object(json!({
            "id": session.id,
            "client_secret": session.client_secret,
        })),
        Err(err) => {
            tracing::error!(error = %err, "creating a checkout session failed");
            error(StatusCode::OK, CREATE_FAILED_MESSAGE)
        }
    }
}

/// Runs the crate's endpoint helper for a body: it parses the body, runs the flow, answers in
/// the contract and logs what the browser must not see.
async fn run_flow(state: &AppState, body: &[u8], policy: &dyn DiscountPolicy) -> Response {
    answered(discounts::handle(&state.client, body, policy).await)
}

/// An endpoint helper's answer as the HTTP response.
fn answered(answer: EndpointResponse) -> Response {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        [(header::CONTENT_TYPE, EndpointResponse::CONTENT_TYPE)],
        answer.body,
    )
        .into_response()
}

/// The guide's `/update-discounts`: whatever the browser asks, the guide's rule decides.
async fn update_discounts_endpoint(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    match body {
        Ok(body) => run_flow(&state, &body, state.guide.as_ref()).await,
        Err(rejection) => refused(&rejection),
    }
}

/// The guide's specific endpoint: apply the shopper's loyalty discount.
async fn apply_customer_discount(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    match body {
        Ok(body) => run_flow(&state, &body, state.loyalty.as_ref()).await,
        Err(rejection) => refused(&rejection),
    }
}

/// The code box: `{"checkout_session_id": …, "discounts": [{"code": "SUMMER25"}]}`. The code
/// is looked up on Stripe and held to its rules; the shopper's loyalty discount applies
/// instead when it is worth more. A refused code answers its reason in the shopper's words.
async fn apply_code(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    match body {
        Ok(body) => run_flow(&state, &body, state.codes.as_ref()).await,
        Err(rejection) => refused(&rejection),
    }
}

/// Runs the crate's server-update endpoint for a body and a policy.
async fn run_update(state: &AppState, body: &[u8], policy: &dyn UpdatePolicy) -> Response {
    answered(updates::handle(&state.client, body, policy).await)
}

/// `{"checkout_session_id": …}`: adds 5.00 of gift wrap (once); shipping and the cart
/// discount follow the new total in the same update.
async fn add_gift_wrap(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    match body {
        Ok(body) => run_update(&state, &body, state.gift_wrap.as_ref()).await,
        Err(rejection) => refused(&rejection),
    }
}

/// `{"checkout_session_id": …, "shipping_details": {"name", "address": {…}}}`: sets the
/// address and offers its country's rates; a country the shop does not ship to is refused
/// in words the shopper may read.
async fn update_shipping(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    match body {
        Ok(body) => run_update(&state, &body, state.shipping.as_ref()).await,
        Err(rejection) => refused(&rejection),
    }
}

#[derive(Deserialize)]
struct StatusQuery {
    session_id: Option<String>,
}

/// Totals for the page to show, read from Stripe (never from the browser).
async fn session_status(
    State(state): State<AppState>,
    query: Result<Query<StatusQuery>, QueryRejection>,
) -> Response {
    let query = match query {
        Ok(Query(query)) => query,
        Err(rejection) => {
            tracing::warn!(%rejection, "session status query refused");
            return error(StatusCode::OK, SESSION_NOT_FOUND_MESSAGE);
        }
    };
    let Some(Ok(id)) = query.session_id.map(CheckoutSessionId::new) else {
        tracing::warn!("session status asked without a valid session id");
        return error(StatusCode::OK, SESSION_NOT_FOUND_MESSAGE);
    };
    match state
        .client
        .checkout_sessions()
        .retrieve(&id)
        .expand([
            "discounts.coupon",
            "line_items",
            "shipping_cost.shipping_rate",
        ])
        .await
    {
        Ok(session) => {
            let count = || async {
                state.store.fulfilments(id.as_str()).await.unwrap_or_else(|err| {
                    tracing::error!(session = %id, error = %err, "reading the fulfilment count failed");
                    0
                })
            };
            let mut fulfilments = count().await;
            // The landing page may arrive before the webhook: fulfil from here too, once.
            let complete = session.status == Some(SessionStatus::Complete);
            if let (true, 0, Some(fulfiller)) = (complete, fulfilments, &state.fulfiller) {
                if let Err(err) = fulfiller.session(&id).await {
                    tracing::warn!(session = %id, error = %err, "fulfilling from the landing page failed");
                }
                fulfilments = count().await;
            }
            let names: Vec<String> = session
                .discounts
                .iter()
                .flatten()
                .filter_map(|d| d.coupon.as_ref()?.as_object()?.name.clone())
                .collect();
            let items: Vec<Value> = session
                .line_items
                .iter()
                .flat_map(|list| &list.data)
                .map(|item| json!({"name": item.description, "quantity": item.quantity, "amount": item.amount_subtotal}))
                .collect();
            let shipping_rate = session.shipping_cost.as_ref().and_then(|cost| {
                cost.shipping_rate
                    .as_ref()?
                    .as_object()?
                    .get("display_name")
                    .cloned()
            });
            let country = session.collected_information.as_ref().and_then(|info| {
                info.shipping_details
                    .as_ref()?
                    .address
                    .as_ref()?
                    .country
                    .clone()
            });
            object(json!({
                "status": session.status.map(|s| s.to_string()),
                "items": items,
                "shipping": session.total_details.as_ref().and_then(|t| t.amount_shipping),
                "shipping_rate": shipping_rate,
                "country": country,
                "currency": session.currency,
                "subtotal": session.amount_subtotal,
                "discount": session.total_details.and_then(|t| t.amount_discount),
                "total": session.amount_total,
                "discount_names": names,
                "payment_status": session.payment_status.map(|s| s.to_string()),
                "fulfilled": fulfilments > 0,
                "fulfilments": fulfilments,
            }))
        }
        Err(err) => {
            tracing::warn!(session = %id, error = %err, "retrieving session status failed");
            error(StatusCode::OK, SESSION_NOT_FOUND_MESSAGE)
        }
    }
}

/// Stripe's webhook: the fulfiller verifies the raw body with the endpoint secret, reads the
/// session from Stripe and fulfils a paid order once, however often and in whatever order the
/// events come. 2xx when handled or nothing is to be done, 409 while another delivery is
/// fulfilling the same session, 500 when fulfilling failed (Stripe delivers again), 404 for a
/// session this key cannot see (Stripe delivers again too), 400 for anything unverified.
async fn webhook(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(signature) = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok())
    else {
        tracing::warn!("webhook without a Stripe-Signature header");
        return StatusCode::BAD_REQUEST.into_response();
    };
    let Some(fulfiller) = &state.fulfiller else {
        tracing::warn!("webhook refused: no STRIPE_WEBHOOK_SECRET is configured");
        return StatusCode::BAD_REQUEST.into_response();
    };
    let (status, answer) = match fulfiller.webhook(&body, signature).await {
        Ok(handled) => (handled.http_status(), json!({"received": true})),
        Err(err) => {
            tracing::warn!(error = %err, "webhook not handled");
            (err.http_status(), json!({"received": false}))
        }
    };
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, axum::Json(answer)).into_response()
}
