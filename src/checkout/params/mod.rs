//! Request parameters for the Checkout Session endpoints: [`CreateSession`],
//! [`UpdateSession`], [`ListSessions`] and [`ListLineItems`], with the nested types they
//! use.
//!
//! Every type has chained setters (required values go in `new(..)`), serializes through
//! [`form`](crate::form) into the exact pairs Stripe's official SDKs send (fields are declared in
//! the SDKs' order), and deserializes from the SDKs' JSON parameter shape, so parameters can be
//! loaded from JSON:
//!
//! ```
//! use stripe_checkout_client::checkout::UpdateSession;
//! use stripe_checkout_client::form;
//!
//! let from_json: UpdateSession = serde_json::from_str(r#"{"discounts":""}"#)?;
//! assert_eq!(from_json, UpdateSession::new().clear_discounts());
//! assert_eq!(form::to_pairs(&from_json)?, [("discounts".to_owned(), String::new())]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The handler checks parameters locally before sending (one discount at most, well-formed
//! ids and currencies, metadata limits, …) and reports a broken rule as
//! [`Error::InvalidParams`] naming the parameter in Stripe's bracket syntax.
//!
//! One file per concept: `create.rs`, `line_items.rs`, `session_options.rs` (permissions and
//! what the page collects), `update.rs`, `shipping.rs`, `list.rs` (retrieve, list, list line
//! items, expire), and `checks.rs` with the checks and setter macros they share. The nested
//! params declared with `params_struct!` (subscription, payment intent, invoice, custom
//! fields, …) are in the sibling files of `checkout/`.

mod checks;
mod create;
#[cfg(test)]
mod expand_only;
mod line_items;
mod list;
mod method_options;
mod session_options;
mod shipping;
#[cfg(test)]
mod tests;
mod update;
mod versions;

pub use create::*;
#[cfg(test)]
pub(crate) use expand_only::{ExpireSession, RetrieveSession};
pub use line_items::*;
pub use list::*;
pub use method_options::*;
pub use session_options::*;
pub use shipping::*;
pub use update::*;
