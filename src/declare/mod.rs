//! Declaring params: the setter and check macros, clearing a field
//! ([`Clearable`](crate::Clearable)), metadata, and untyped extra params
//! ([`ExtraParams`](crate::ExtraParams)).
//!
//! The params types themselves live with their resources (`checkout/params/`,
//! `resources/`); the form encoding is [`wire`](crate::wire)'s.

pub(crate) mod clearable;
pub(crate) mod extra;
pub mod metadata;
pub(crate) mod params;
