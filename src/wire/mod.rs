//! The wire format: what goes out (Stripe's form encoding, public as
//! [`form`](crate::form)) and what comes back (JSON decoding with the failing path, expandable
//! fields, list pages), with the macros that declare answer models and Stripe's enums.
//!
//! Nothing here sends a request or knows an endpoint.

pub(crate) mod encode;
pub mod expand;
pub mod form;
pub(crate) mod json_path;
pub(crate) mod list;
pub(crate) mod model;
pub(crate) mod stripe_enum;
