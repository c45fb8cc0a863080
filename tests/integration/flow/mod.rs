//! The merchant's flow: the server-driven discount flow and its endpoint, the typed-code
//! policy, the merchant server example over HTTP, and webhooks.

mod discounts;
pub(crate) mod merchant_server;
mod typed_codes;
mod webhooks;
