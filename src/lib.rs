//! A typed Rust client for Stripe Checkout Sessions, built around the server-driven discount
//! flow (Stripe's "dynamically update discounts" preview, API version
//! `2025-03-31.basil; checkout_server_update_beta=v1;`).
//!
//! # Quick start
//!
//! Build one [`Client`] at start-up and share it; clones are cheap and share a connection pool.
//!
//! ```no_run
//! use stripe_checkout_client::{ApiVersion, Client};
//!
//! # fn run() -> stripe_checkout_client::Result<()> {
//! let client = Client::builder(std::env::var("STRIPE_SECRET_KEY").unwrap_or_default())
//!     .api_version(ApiVersion::server_update_beta()) // the default
//!     .max_retries(2)                                 // the default
//!     .build()?;
//! # Ok(()) }
//! ```
//!
//! # Calling an endpoint
//!
//! [`Client::request_raw`] sends any parameters that implement [`serde::Serialize`] — typed
//! structs or a [`serde_json::Value`] — encoded the way Stripe's official SDKs encode them
//! (see [`form`]), and decodes the JSON answer into any `DeserializeOwned` type.
//!
//! ```no_run
//! use serde_json::{json, Value};
//! use stripe_checkout_client::{Client, Method, RequestOptions};
//!
//! # async fn run() -> stripe_checkout_client::Result<()> {
//! let client = Client::new("sk_test_123")?;
//! let session: Value = client
//!     .request_raw_with(
//!         Method::Post,
//!         "/v1/checkout/sessions/cs_test_123",
//!         &json!({"discounts": [{"coupon": "SUMMER25"}], "expand": ["discounts"]}),
//!         &RequestOptions::new().idempotency_key("order-42-discount"),
//!     )
//!     .await?;
//! # Ok(()) }
//! ```
//!
//! # Clearing a value
//!
//! Stripe clears a field when it receives an empty value (`discounts=`), while an empty list
//! sends nothing at all. Clearing is therefore explicit: [`Clearable::Clear`].
//!
//! ```
//! use serde::Serialize;
//! use stripe_checkout_client::{form, Clearable};
//!
//! #[derive(Serialize)]
//! struct Update {
//!     discounts: Clearable<Vec<String>>,
//! }
//! let pairs = form::to_pairs(&Update { discounts: Clearable::Clear })?;
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
#![deny(missing_docs)]
#![deny(missing_debug_implementations)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod checkout;
mod clearable;
mod client;
mod de;
pub mod discounts;
pub mod error;
pub mod expand;
pub mod form;
pub mod ids;
mod json_path;
pub mod metadata;
mod options;
mod request;
mod resources;
mod secret;
mod stripe_enum;
#[cfg(feature = "testing")]
#[cfg_attr(docsrs, doc(cfg(feature = "testing")))]
pub mod testing;
mod transport;
pub mod version;
pub mod webhook;

pub use clearable::Clearable;
pub use client::{
    AppInfo, Client, ClientBuilder, DEFAULT_API_BASE, DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT,
};
pub use error::{ApiError, ApiErrorKind, ConfigError, Error, Result};
pub use options::RequestOptions;
pub use request::{PendingRequest, ResponseFuture};
pub use transport::Method;
pub use version::ApiVersion;

// Compiles the README's code blocks as doc-tests so the README stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
