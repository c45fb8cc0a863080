//! [`Seed`]: a catalog for the emulator in one JSON document — prices, coupons, promotion
//! codes, shipping rates, customers and the clock — loaded with [`FakeStripe::seed`](super::FakeStripe::seed)
//! or by the binary from a file, with [`SeedError`] naming the entry that failed.
//!
//! Coupons and promotion codes are written as the official SDKs' create params (JSON), and go
//! through the same checks and rules as a create over HTTP, in the shape of the newest
//! version the emulator knows ([`SEED_VERSION`]).

use serde::Deserialize;
use serde_json::Value;

use crate::api_shape::Shape;
use crate::catalog::INTERVALS;
use crate::facts::Operation;
use crate::form::FormTree;
use crate::store::Store;
use crate::validate;
use crate::version::ApiVersion;

/// The version seed entries are read in: promotion codes name their coupon under
/// `promotion`, as from clover on.
pub const SEED_VERSION: &str = "2026-10-28.endive";

/// What the emulator starts with. Every list is optional.
///
/// ```
/// use stripe_checkout_emulator::Seed;
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
/// # Ok::<(), stripe_checkout_emulator::SeedError>(())
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
    /// Prices line items can name, one-time or recurring.
    #[serde(default)]
    pub prices: Vec<SeedPrice>,
    /// Coupons, as `POST /v1/coupons` params.
    #[serde(default)]
    pub coupons: Vec<Value>,
    /// Promotion codes, as `POST /v1/promotion_codes` params in clover's shape
    /// (`promotion: {"type": "coupon", "coupon": …}`).
    #[serde(default)]
    pub promotion_codes: Vec<Value>,
    /// Fixed-amount shipping rates a session's `shipping_options` can name by id.
    #[serde(default)]
    pub shipping_rates: Vec<SeedShippingRate>,
}

/// A fixed-amount shipping rate in a [`Seed`].
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SeedShippingRate {
    /// `shr_…`.
    pub id: String,
    /// The name the customer sees.
    pub display_name: String,
    /// The amount, in the currency's smallest unit.
    pub amount: i64,
    /// Three-letter currency code.
    pub currency: String,
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

/// A price in a [`Seed`].
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
    /// `day`, `week`, `month` or `year` for a recurring price (a `subscription` session needs
    /// one); one-time when unset.
    #[serde(default)]
    pub interval: Option<String>,
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
        for (i, rate) in self.shipping_rates.iter().enumerate() {
            // "A non-negative integer in cents" (the SDK types of `fixed_amount[amount]`).
            if rate.amount < 0 {
                return Err(entry("shipping_rates", i, "`amount` must not be negative"));
            }
            store.add_shipping_rate(&rate.id, &rate.display_name, rate.amount, &rate.currency);
        }
        for (i, price) in self.prices.iter().enumerate() {
            if price.unit_amount < 0 {
                return Err(entry("prices", i, "`unit_amount` must not be negative"));
            }
            if let Some(interval) = price.interval.as_deref() {
                if !INTERVALS.contains(&interval) {
                    return Err(entry(
                        "prices",
                        i,
                        "`interval` must be one of `day`, `week`, `month` or `year`",
                    ));
                }
            }
            store.add_price(
                &price.id,
                price.name.as_deref().unwrap_or(&price.id),
                price.product.as_deref(),
                price.unit_amount,
                &price.currency,
                price.interval.as_deref(),
            );
        }
        let version = ApiVersion::parse(SEED_VERSION).expect("the seed version parses");
        let shape = std::mem::replace(&mut store.shape, Shape::new(version));
        let loaded = self.load_catalog(store);
        store.shape = shape;
        loaded
    }

    fn load_catalog(&self, store: &mut Store) -> Result<(), SeedError> {
        let facts = store.shape.facts();
        let checked = |operation: Operation, list: &str, i: usize, params: &Value| {
            let schema = facts.params(operation);
            validate::params(operation, schema, &FormTree::from_json(params))
                .map_err(|e| entry(list, i, &e.message))
        };
        for (i, coupon) in self.coupons.iter().enumerate() {
            let params = checked(Operation::CreateCoupon, "coupons", i, coupon)?;
            store
                .create_coupon(&params)
                .map_err(|e| entry("coupons", i, &e.message))?;
        }
        for (i, code) in self.promotion_codes.iter().enumerate() {
            let params = checked(Operation::CreatePromotionCode, "promotion_codes", i, code)?;
            store
                .create_promotion_code(&params)
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
