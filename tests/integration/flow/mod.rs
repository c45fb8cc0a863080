//! The merchant's flow: the server-update flow (every member, composed) and its discount face
//! with its endpoint, the typed-code policy, the merchant server example over HTTP, and
//! webhooks.

mod discounts;
mod fulfilment;
mod fulfilment_chaos;
pub(crate) mod merchant_server;
mod shop_updates;
mod typed_codes;
mod updates;
mod updates_emulator;
mod webhooks;
