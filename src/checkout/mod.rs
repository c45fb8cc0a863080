//! Checkout Sessions: the session model, the request parameters, and the
//! [`CheckoutSessions`] handler returned by
//! [`Client::checkout_sessions`](crate::Client::checkout_sessions).
//!
//! Discounts applied to a session are described by [`discounts`](crate::discounts) types; the
//! server-driven discount flow lives there too.

mod api;
mod branding;
mod custom_fields;
mod declare;
mod enums;
mod invoice_creation;
mod line_item;
mod optional_item;
mod page_options;
mod params;
mod payment_intent_data;
mod payment_method_options;
mod session;
mod session_custom_field;
mod session_settings;
mod session_update;
mod shipping_rate;
mod subscription_data;
mod tax_rate;

pub use crate::extra::ExtraParams;
pub use api::{CheckoutSessions, SessionStream};
pub use branding::*;
pub use custom_fields::*;
pub use enums::*;
pub use invoice_creation::*;
pub use line_item::*;
pub use optional_item::*;
pub use page_options::*;
pub use params::*;
pub use payment_intent_data::*;
pub use payment_method_options::*;
pub use session::*;
pub use session_custom_field::*;
pub use session_settings::*;
pub use session_update::*;
pub use shipping_rate::*;
pub use subscription_data::*;
pub use tax_rate::*;

pub use crate::resources::{Customer, PostalAddress, TaxExempt};
