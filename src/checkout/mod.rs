//! Checkout Sessions: create one, read it back, update it while the shopper is on the page,
//! list them, expire one. Back to [the flow](crate#the-flow-end-to-end).
//!
//! # What a merchant writes
//!
//! | Item | What it is |
//! |---|---|
//! | [`CheckoutSessions`] | the handler, from [`Client::checkout_sessions`](crate::Client::checkout_sessions): `create`, `retrieve`, `update`, `list`, `list_line_items`, `expire` |
//! | [`CreateSession`], [`UpdateSession`], [`ListSessions`], [`ListLineItems`] | what those requests send |
//! | [`LineItem`], [`UpdateLineItem`] | an item to sell, on create and on update |
//! | [`SessionMode`], [`UiMode`], [`PermissionOwner`] | the choices every session makes |
//! | [`CheckoutSession`], [`SessionLineItem`] | what Stripe answers |
//! | [`SessionStatus`], [`PaymentStatus`] | where a session is |
//! | [`SessionStream`] | every session of a list, page after page |
//!
//! ```
//! use stripe_checkout_client::checkout::{
//!     CreateSession, LineItem, PermissionOwner, SessionMode, UiMode,
//! };
//!
//! let params = CreateSession::new(SessionMode::Payment)
//!     .ui_mode(UiMode::Elements)
//!     .line_item(LineItem::price("price_123", 1))
//!     .return_url("https://example.com/return")
//!     .update_discounts(PermissionOwner::ServerOnly);
//! # let _ = params;
//! ```
//!
//! # The rest, by side
//!
//! - [`params`]: the nested types you send inside those requests (`SubscriptionData`,
//!   `ShippingOption`, `PaymentMethodOptions`, …).
//! - [`objects`]: the nested objects Stripe answers (`TotalDetails`, `SessionShippingDetails`,
//!   `Price`, …). A params type `X` and its answer twin `SessionX` are the same setting, sent
//!   and read back.
//! - [`enums`]: the other closed sets of values, shared by both sides.
//!
//! Discounts on a session are [`discounts`](crate::discounts) types; coupons and promotion
//! codes have their own modules, [`coupons`](crate::coupons) and
//! [`promotion_codes`](crate::promotion_codes).

mod api;
pub mod enums;
pub mod objects;
pub mod params;
mod values;

pub use api::{CheckoutSessions, SessionStream};
pub use objects::line_item::SessionLineItem;
pub use objects::session::CheckoutSession;
pub use params::create::CreateSession;
pub use params::line_items::LineItem;
pub use params::list::{ListLineItems, ListSessions};
pub use params::update::{UpdateLineItem, UpdateSession};
pub use values::{PaymentStatus, PermissionOwner, SessionMode, SessionStatus, UiMode};

// The crate's own code names every Checkout type from here, whichever page documents it.
pub(crate) use enums::*;
pub(crate) use objects::*;
pub(crate) use params::*;
