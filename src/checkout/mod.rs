//! Checkout Sessions: the session model, the request parameters, and the
//! [`CheckoutSessions`] handler returned by [`Client::checkout_sessions`](crate::Client::checkout_sessions).
//!
//! Discounts applied to a session are described by [`discounts`](crate::discounts) types; the
//! server-driven discount flow lives there too.

mod api;
mod enums;
mod extra;
mod line_item;
mod params;
mod session;

pub use api::{CheckoutSessions, SessionStream};
pub use enums::*;
pub use extra::ExtraParams;
pub use line_item::*;
pub use params::*;
pub use session::*;

pub use crate::resources::{Customer, PostalAddress, TaxExempt};
