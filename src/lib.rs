//! A typed Rust client for Stripe Checkout Sessions, built around the server-driven discount
//! flow (Stripe's "dynamically update discounts" preview, API version
//! `2025-03-31.basil; checkout_server_update_beta=v1;`).
//!
//! # The flow, end to end
//!
//! Your server creates a Checkout Session that only it may discount; the browser calls your
//! endpoint inside `checkout.runServerUpdate`, sending the session id; your endpoint hands the
//! body to [`discounts::handle`], which retrieves the session from Stripe, asks your
//! [`DiscountPolicy`](discounts::DiscountPolicy), updates the session when the discount
//! changes and gives you the status and JSON to answer. Here it runs against the crate's
//! emulator ([`testing::FakeStripe`], feature `testing`, the `stripe-checkout-emulator`
//! crate), exactly as it would
//! against Stripe:
//!
//! ```
//! use stripe_checkout_client::checkout::{
//!     CreateSession, LineItem, PermissionOwner, SessionMode, UiMode,
//! };
//! use stripe_checkout_client::discounts::{self, policies::CartThreshold};
//! use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let fake = FakeStripe::start().await;
//! fake.add_price("price_jacket", 12_000, "usd");
//! let client = fake.client(); // in production: Client::builder(secret_key).build()?
//!
//! // 1. Create the session: custom UI, discounts only from the server.
//! let session = client
//!     .checkout_sessions()
//!     .create(
//!         &CreateSession::new(SessionMode::Payment)
//!             .ui_mode(UiMode::Elements)
//!             .line_item(LineItem::price("price_jacket", 1))
//!             .return_url("https://example.com/return")
//!             .update_discounts(PermissionOwner::ServerOnly),
//!     )
//!     .await?;
//!
//! // 2. The browser asks your endpoint, sending only the session id.
//! let body = format!(r#"{{"checkout_session_id":"{}"}}"#, session.id);
//!
//! // 3. The endpoint: retrieve, validate, recompute (the guide's rule: 10% off carts over
//! //    100.00, at most 20.00), update.
//! let answer = discounts::handle(&client, body.as_bytes(), &CartThreshold::guide()).await;
//!
//! // 4. Answer the browser; Stripe.js then refreshes the totals.
//! assert_eq!(answer.status, 200);
//! assert_eq!(answer.body, r#"{"type":"object","value":{"succeeded":true}}"#);
//! let session = client.checkout_sessions().retrieve(&session.id).await?;
//! assert_eq!(session.amount_total, Some(10_800));
//! # Ok(()) }
//! ```
//!
//! Your own rules implement [`DiscountPolicy`](discounts::DiscountPolicy) (or wrap a closure
//! with [`policy_fn`](discounts::policy_fn)); [`discounts`] walks through the flow and its
//! ready-made [`policies`](discounts::policies). To run the flow yourself and see what it did,
//! call [`update_discounts`](discounts::update_discounts) instead of `handle`.
//!
//! # Fulfil orders
//!
//! Stripe delivers webhooks at least once and in any order, a delayed payment completes
//! unpaid and settles later, and the shopper's return to the landing page races the webhook.
//! [`fulfilment::Fulfiller`] takes both the webhook and the landing page's `session_id`,
//! reads the session from Stripe, and runs your [`Orders`](fulfilment::Orders) hook once per
//! paid session (and once per failed or expired one), through a
//! [`FulfilmentStore`](fulfilment::FulfilmentStore) that survives restarts when a database
//! is behind it. [`fulfilment`] shows it end to end; the emulator produces every one of those
//! cases ([`testing::WebhookFaults`], [`testing::Payment`]).
//!
//! # The client
//!
//! Build one [`Client`] at start-up and share it; clones are cheap and share a connection pool.
//! Every endpoint method returns a [`PendingRequest`]: await it, or chain per-request options
//! first. Ids are typed ([`ids`]): parse a stored id once, up front, and a malformed one never
//! reaches a request.
//!
//! ```no_run
//! use stripe_checkout_client::checkout::UpdateSession;
//! use stripe_checkout_client::discounts::{CouponData, Discount};
//! use stripe_checkout_client::ids::CheckoutSessionId;
//! use stripe_checkout_client::{ApiVersion, Client};
//!
//! # async fn run() -> stripe_checkout_client::Result<()> {
//! let client = Client::builder(std::env::var("STRIPE_SECRET_KEY").unwrap_or_default())
//!     .api_version(ApiVersion::server_update_beta()) // the default
//!     .max_retries(2)                                 // the default
//!     .build()?;
//! let sessions = client.checkout_sessions();
//!
//! let id: CheckoutSessionId = "cs_test_123".parse()?;
//! let session = sessions.retrieve(&id).expand(["discounts"]).await?;
//! let updated = sessions
//!     .update(
//!         &session.id,
//!         &UpdateSession::new()
//!             .discount(Discount::CouponData(CouponData::amount_off(2000, "usd").name("Customer Discount")))
//!             .expand(["discounts"]),
//!     )
//!     .idempotency_key("order-42-discount")
//!     .stripe_account("acct_1Hx000000000000")
//!     .await?;
//! # let _ = updated;
//! # Ok(()) }
//! ```
//!
//! # Anything else: the escape hatch
//!
//! [`Client::request_raw`] sends any parameters that implement [`serde::Serialize`] — typed
//! structs or a [`serde_json::Value`] — to any path, encoded the way Stripe's official SDKs
//! encode them (see [`form`]), with the same retries, errors and chained options, and decodes
//! the JSON answer into any `DeserializeOwned` type.
//!
//! ```no_run
//! use serde_json::{json, Value};
//! use stripe_checkout_client::{Client, Method};
//!
//! # async fn run() -> stripe_checkout_client::Result<()> {
//! let client = Client::new("sk_test_123")?;
//! let session: Value = client
//!     .request_raw(Method::Post, "/v1/checkout/sessions/cs_test_123", &json!({"metadata": {"k": "v"}}))
//!     .idempotency_key("k-1")
//!     .await?;
//! # let _ = session;
//! # Ok(()) }
//! ```
//!
//! # Clearing a value
//!
//! Stripe clears a field when it receives an empty value (`discounts=`), while an empty list
//! sends nothing at all (except where a setter says an empty list clears, as
//! `UpdateSession::discounts` does). Clearing is therefore explicit: [`Clearable::Clear`], or setters such
//! as [`UpdateSession::clear_discounts`](checkout::UpdateSession::clear_discounts).
//!
//! ```
//! use stripe_checkout_client::checkout::UpdateSession;
//! use stripe_checkout_client::form;
//!
//! let pairs = form::to_pairs(&UpdateSession::new().clear_discounts())?;
//! assert_eq!(pairs, [("discounts".to_owned(), String::new())]);
//! # Ok::<(), stripe_checkout_client::form::EncodeError>(())
//! ```
//!
//! # Errors and retries
//!
//! Every fallible call returns [`Error`]. Stripe's answers become [`Error::Api`] with the
//! status, Stripe's `type`/`code`/`param`/`message` and the `Request-Id`. Connection errors,
//! timeouts, `409` and `5xx` are retried (default twice) with exponential backoff; every `POST`
//! carries an `Idempotency-Key` (a UUID v4 unless you supply one) that is identical on every
//! attempt, so a retried request is never applied twice. `Stripe-Should-Retry` overrides the
//! decision either way; `429` and other `4xx` are not retried.
//!
//! # Guarantees
//!
//! - The secret key never appears in `Debug`/`Display` output, errors or `tracing` events;
//!   the `Authorization` header is marked sensitive.
//! - `https` is required except for loopback hosts (`127.0.0.0/8`, `::1`, `localhost`).
//! - Responses over 16 MiB (configurable) are refused, not buffered.
//! - TLS is rustls; OpenSSL is never linked.
//!
//! # Features
//!
//! - `updates` (on): the server-update flow, [`updates`] and the flow of [`discounts`]
//!   ([`discounts::handle`], [`discounts::update_discounts`], the policies and their
//!   ready-made ones). Without it the discount types ([`discounts::Discount`],
//!   [`discounts::CouponData`], …) stay.
//! - `fulfilment` (on): [`fulfilment`], paid sessions fulfilled exactly once from webhooks.
//!
//!   Without both (`default-features = false`) the crate is the typed API, webhooks and
//!   errors, and builds faster: the README's figures give both builds against a program on
//!   reqwest alone (`scripts/build-cost.sh`, `LEAN=1` for the lean one).
//! - `testing` (off): [`testing::FakeStripe`], the stateful Checkout emulator (the
//!   `stripe-checkout-emulator` crate, re-exported) and [`testing::FakeStripeExt`] for a
//!   client pointed at it. Put it in `[dev-dependencies]`.
//! - `deserialize-params` (off): `Deserialize` for the params types, reading the official
//!   SDKs' JSON param shape (`{"discounts":[{"coupon_data":{…}}]}`, `{"discounts":""}` to
//!   clear), to load recorded SDK calls and fixtures as typed params.
#![deny(missing_docs)]
#![deny(missing_debug_implementations)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// Public modules, in the order of the flow.
pub mod checkout;
pub mod discounts;
pub mod error;
#[cfg(feature = "fulfilment")]
#[cfg_attr(docsrs, doc(cfg(feature = "fulfilment")))]
pub mod fulfilment;
pub mod ids;
#[cfg(feature = "testing")]
#[cfg_attr(docsrs, doc(cfg(feature = "testing")))]
pub mod testing;
#[cfg(feature = "updates")]
#[cfg_attr(docsrs, doc(cfg(feature = "updates")))]
pub mod updates;
pub mod webhook;

// Private machinery, one folder per job; what users name is re-exported below.
mod declare;
mod resources;
mod sending;
mod versions;
mod wire;

pub use declare::clearable::Clearable;
pub use declare::extra::ExtraParams;
#[doc(inline)]
pub use declare::metadata;
pub use error::{ApiError, ApiErrorKind, ConfigError, Error, Result, VersionError};
#[doc(inline)]
pub use resources::{coupons, promotion_codes};
pub use sending::client::{
    AppInfo, Client, ClientBuilder, DEFAULT_API_BASE, DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT,
};
pub use sending::options::RequestOptions;
pub use sending::request::{PendingRequest, ResponseFuture};
pub use sending::transport::Method;
#[doc(inline)]
pub use versions::version;
pub use versions::version::ApiVersion;
pub use wire::list::List;
#[doc(inline)]
pub use wire::{expand, form};

// Compiles the README's code blocks as doc-tests so the README stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
