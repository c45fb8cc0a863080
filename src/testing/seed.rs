//! [`Seed`]: a catalog for the emulator in one JSON document — prices, coupons, promotion
//! codes, customers and the clock — loaded with [`FakeStripe::seed`](super::FakeStripe::seed)
//! or by the emulator example from a file, with [`SeedError`] naming the entry that failed.
//!
//! Coupons and promotion codes are written as the official SDKs' create params, and go
//! through the same rules as a create over HTTP.

use serde::Deserialize;

use super::store::Store;
use crate::discounts::{CreateCoupon, CreatePromotionCode};

/// What the emulator starts with. Every list is optional.
///
/// ```
/// use stripe_checkout_client::testing::Seed;
///
/// let seed = Seed::from_json(r#"{
///     "time": 1800000000,
///     "customers": [{"id": "cus_ada", "email": "ada@example.com"}],
///     "prices": [{"id": "price_jacket", "product": "prod_jacket", "name": "Trail jacket",
///                 "unit_amount": 8000, "currency": "usd"}],
///     "coupons": [{"id": "QUARTER", "percent_off": 25, "duration": "once"}],
///     "promotion_codes": [{"promotion": {"type": "coupon", "coupon": "QUARTER"},
///                          "code": "SUMMER", "restrictions": {"minimum_amount": 5000,
///                                                             "minimum_amount_currency": "usd"}}]
/// }"#)?;
/// assert_eq!(seed.prices.len(), 1);
/// # Ok::<(), stripe_checkout_client::testing::SeedError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Seed {
    /// The emulator's clock, in Unix seconds; the system clock when unset.
    #[serde(default)]
    pub time: Option<i64>,
    /// Customers sessions and promotion codes can name.
    #[serde(default)]
    pub customers: Vec<SeedCustomer>,
    /// One-time prices line items can name.
    #[serde(default)]
    pub prices: Vec<SeedPrice>,
    /// Coupons, as `POST /v1/coupons` params.
    #[serde(default)]
    pub coupons: Vec<CreateCoupon>,
    /// Promotion codes, as `POST /v1/promotion_codes` params in clover's shape
    /// (`promotion: {"type": "coupon", "coupon": …}`).
    #[serde(default)]
    pub promotion_codes: Vec<CreatePromotionCode>,
}

/// A customer in a [`Seed`].
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SeedCustomer {
    /// `cus_…`.
    pub id: String,
    /// The customer's email, shown on completed sessions.
    #[serde(default)]
    pub email: Option<String>,
}

/// A one-time price in a [`Seed`].
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SeedPrice {
    /// `price_…`.
    pub id: String,
    /// Its product's id (`prod_…`), for coupons limited to some products; generated when
    /// unset.
    #[serde(default)]
    pub product: Option<String>,
    /// The product's name, the line item's description; the price id when unset.
    #[serde(default)]
    pub name: Option<String>,
    /// The unit amount, in the currency's smallest unit.
    pub unit_amount: i64,
    /// Three-letter currency code.
    pub currency: String,
}

/// Why a [`Seed`] could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SeedError {
    /// The document is not a seed.
    #[error("the seed is not valid JSON of the expected shape: {0}")]
    Json(String),
    /// An entry was refused by the emulator's rules; the entries before it were loaded.
    #[error("seed entry {entry} refused: {message}")]
    Entry {
        /// Which entry, e.g. `promotion_codes[2]`.
        entry: String,
        /// What the emulator answered.
        message: String,
    },
}

impl Seed {
    /// Parses a seed document.
    ///
    /// # Errors
    /// [`SeedError::Json`] naming what did not parse.
    pub fn from_json(text: &str) -> Result<Self, SeedError> {
        serde_json::from_str(text).map_err(|e| SeedError::Json(e.to_string()))
    }

    /// Loads the seed into `store`, in the order the entries can refer to each other.
    pub(crate) fn load(&self, store: &mut Store) -> Result<(), SeedError> {
        if let Some(time) = self.time {
            store.fixed_now = Some(time);
        }
        for customer in &self.customers {
            store.add_customer(&customer.id, customer.email.clone());
        }
        for (i, price) in self.prices.iter().enumerate() {
            if price.unit_amount < 0 {
                return Err(entry("prices", i, "`unit_amount` must not be negative"));
            }
            store.add_price(
                &price.id,
                price.name.as_deref().unwrap_or(&price.id),
                price.product.as_deref(),
                price.unit_amount,
                &price.currency,
            );
        }
        for (i, coupon) in self.coupons.iter().enumerate() {
            store
                .create_coupon(coupon)
                .map_err(|e| entry("coupons", i, &e.message))?;
        }
        for (i, code) in self.promotion_codes.iter().enumerate() {
            store
                .create_promotion_code(code.clone())
                .map_err(|e| entry("promotion_codes", i, &e.message))?;
        }
        Ok(())
    }
}

fn entry(list: &str, i: usize, message: &str) -> SeedError {
    SeedError::Entry {
        entry: format!("{list}[{i}]"),
        message: message.to_owned(),
    }
}
