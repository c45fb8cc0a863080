//! Promotion codes: the codes shoppers type (`SPRING25`), each pointing at a coupon, and the
//! [`PromotionCodes`] handler from [`Client::promotion_codes`](crate::Client::promotion_codes)
//! that creates, retrieves, updates and lists them. Back to
//! [the flow](crate#the-flow-end-to-end).
//!
//! A session refers to one by id
//! ([`Discount::PromotionCode`](crate::discounts::Discount::PromotionCode)); the typed-code
//! policy ([`TypedCodes`](crate::discounts::policies::TypedCodes)) looks them up by code.
//! Params are `CreatePromotionCode`, `UpdatePromotionCode` and `ListPromotionCodes`; the object
//! Stripe answers is [`PromotionCode`].

mod handler;
mod params;
mod promotion_code;

pub use handler::PromotionCodes;
pub use params::{
    CodeCurrencyMinimum, CodeRestrictions, CreatePromotionCode, ListPromotionCodes, Promotion,
    UpdatePromotionCode,
};
pub use promotion_code::{PromotionCode, PromotionCodeCurrencyOption, PromotionCodeRestrictions};
