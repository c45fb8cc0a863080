//! The line items of a new session: [`LineItem`] with an existing price or inline
//! [`PriceData`] (its [`ProductData`] and [`Recurring`] interval), and
//! [`AdjustableQuantity`]. The update's line items are in `update.rs`.

#[cfg(feature = "deserialize-params")]
use serde::Deserialize;
use serde::Serialize;

use super::checks::*;

use crate::checkout::declare::params_struct;
use crate::checkout::{RecurringInterval, TaxBehavior};
use crate::error::{Error, Result};
use crate::ids::{IntoId, PriceId, ProductId, RejectedId, take_id};
use crate::metadata::{Metadata, metadata_setter};
use crate::resources::check_currency;
use crate::wire::encode::encoded_struct;

encoded_struct! {
    /// One line item of [`CreateSession`](crate::checkout::CreateSession): an existing price, or an inline one
    /// ([`PriceData`]), with a quantity.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{AdjustableQuantity, PriceData, ProductData};
    /// use stripe_checkout_client::checkout::LineItem;
    /// use stripe_checkout_client::checkout::enums::RecurringInterval;
    /// use stripe_checkout_client::form;
    ///
    /// let by_id = LineItem::price("price_123", 1);
    /// let inline = LineItem::price_data(
    ///     PriceData::new("usd", 2500, ProductData::new("T-shirt").image("https://example.com/t.png"))
    ///         .recurring(RecurringInterval::Month),
    ///     2,
    /// )
    /// .adjustable_quantity(AdjustableQuantity::range(1, 10));
    ///
    /// #[derive(serde::Serialize)]
    /// struct Params {
    ///     line_items: Vec<LineItem>,
    /// }
    /// let pairs: Vec<String> = form::to_pairs(&Params { line_items: vec![by_id, inline] })?
    ///     .into_iter()
    ///     .map(|(k, v)| format!("{k}={v}"))
    ///     .collect();
    /// assert_eq!(
    ///     pairs,
    ///     [
    ///         "line_items[0][price]=price_123",
    ///         "line_items[0][quantity]=1",
    ///         "line_items[1][price_data][currency]=usd",
    ///         "line_items[1][price_data][product_data][name]=T-shirt",
    ///         "line_items[1][price_data][product_data][images][0]=https://example.com/t.png",
    ///         "line_items[1][price_data][unit_amount]=2500",
    ///         "line_items[1][price_data][recurring][interval]=month",
    ///         "line_items[1][quantity]=2",
    ///         "line_items[1][adjustable_quantity][enabled]=true",
    ///         "line_items[1][adjustable_quantity][minimum]=1",
    ///         "line_items[1][adjustable_quantity][maximum]=10",
    ///     ]
    /// );
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    #[derive(Clone, Debug, PartialEq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct LineItem {
        /// An existing price (`price_…`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub price: Option<PriceId>,
        /// An inline price, created for this session only.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub price_data: Option<PriceData>,
        /// How many units (at least 1).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub quantity: Option<u64>,
        /// Whether the customer may change the quantity, and within which bounds.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub adjustable_quantity: Option<AdjustableQuantity>,
        /// Tax rates (`txr_…`) applied to this item.
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub tax_rates: Vec<String>,
        /// Tax rates (`txr_…`) Stripe picks from by the customer's address (`dynamic_tax_rates`;
        /// basil).
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub dynamic_tax_rates: Vec<String>,
        /// Metadata stored on the line item (`metadata`; preview and endive).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub metadata: Option<Metadata>,
        /// A refused id from a setter, reported by `validate`.
        #[serde(skip)]
        rejected_id: Option<RejectedId>,
    }
}

impl LineItem {
    metadata_setter!(
        /// Adds a key to the line item's metadata (`metadata[key]`).
        metadata
    );

    list_setters! {
        /// Tax rates Stripe picks from by the customer's address (`dynamic_tax_rates`).
        dynamic_tax_rates: String;
    }

    /// `quantity` units of an existing price.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::LineItem;
    /// let item = LineItem::price("price_123", 2);
    /// assert_eq!((item.price.as_deref(), item.quantity), (Some("price_123"), Some(2)));
    /// ```
    pub fn price(price: impl IntoId<PriceId>, quantity: u64) -> Self {
        let mut rejected_id = None;
        Self {
            price: take_id(price, "price", &mut rejected_id),
            price_data: None,
            quantity: Some(quantity),
            adjustable_quantity: None,
            tax_rates: Vec::new(),
            dynamic_tax_rates: Vec::new(),
            metadata: None,
            rejected_id,
        }
    }

    /// `quantity` units of an inline price.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::LineItem;
    /// use stripe_checkout_client::checkout::params::{PriceData, ProductData};
    /// let item = LineItem::price_data(PriceData::new("usd", 500, ProductData::new("Sticker")), 3);
    /// assert_eq!(item.quantity, Some(3));
    /// ```
    pub fn price_data(price_data: PriceData, quantity: u64) -> Self {
        Self {
            price: None,
            price_data: Some(price_data),
            quantity: Some(quantity),
            adjustable_quantity: None,
            tax_rates: Vec::new(),
            dynamic_tax_rates: Vec::new(),
            metadata: None,
            rejected_id: None,
        }
    }

    /// Lets the customer change the quantity.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::AdjustableQuantity;
    /// use stripe_checkout_client::checkout::LineItem;
    /// let item = LineItem::price("price_123", 1).adjustable_quantity(AdjustableQuantity::range(1, 5));
    /// assert_eq!(item.adjustable_quantity.unwrap().maximum, Some(5));
    /// ```
    pub fn adjustable_quantity(mut self, adjustable: AdjustableQuantity) -> Self {
        self.adjustable_quantity = Some(adjustable);
        self
    }

    /// Adds a tax rate (`txr_…`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::LineItem;
    /// let item = LineItem::price("price_123", 1).tax_rate("txr_1");
    /// assert_eq!(item.tax_rates, ["txr_1"]);
    /// ```
    pub fn tax_rate(mut self, id: impl Into<String>) -> Self {
        self.tax_rates.push(id.into());
        self
    }

    /// Adds several tax rates.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::LineItem;
    /// let item = LineItem::price("price_123", 1).tax_rates(["txr_1", "txr_2"]);
    /// assert_eq!(item.tax_rates.len(), 2);
    /// ```
    pub fn tax_rates(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.tax_rates.extend(ids.into_iter().map(Into::into));
        self
    }

    pub(super) fn validate(&self, prefix: &str) -> Result<()> {
        check_rejected(prefix, self.rejected_id.as_ref())?;
        match (&self.price, &self.price_data) {
            (Some(price), None) => {
                check_id(&format!("{prefix}[price]"), PriceId::new(price.as_str()))?
            }
            (None, Some(data)) => data.validate(&format!("{prefix}[price_data]"))?,
            _ => {
                return Err(Error::invalid_param(
                    prefix,
                    "set exactly one of `price` or `price_data`",
                ));
            }
        }
        check_quantity(prefix, self.quantity)?;
        if let Some(adjustable) = &self.adjustable_quantity {
            adjustable.validate(&format!("{prefix}[adjustable_quantity]"))?;
        }
        Ok(())
    }
}

encoded_struct! {
    /// An inline price (`price_data`): a currency, an amount (`unit_amount` or
    /// `unit_amount_decimal`) and a product (`product` or `product_data`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{PriceData, ProductData, Recurring};
    /// use stripe_checkout_client::checkout::enums::{RecurringInterval, TaxBehavior};
    ///
    /// let monthly = PriceData::new("usd", 900, ProductData::new("Pro plan"))
    ///     .recurring(Recurring::new(RecurringInterval::Month).interval_count(1))
    ///     .tax_behavior(TaxBehavior::Exclusive);
    /// let existing = PriceData::for_product("eur", 1500, "prod_NNNsbcqAqCJrj2").unit_amount_decimal("1499.5");
    /// assert_eq!(existing.unit_amount, None);
    /// ```
    #[derive(Clone, Debug, PartialEq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct PriceData {
        /// The three-letter ISO currency code (`usd`).
        pub currency: String,
        /// An existing product (`prod_…`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub product: Option<ProductId>,
        /// An inline product, created for this price.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub product_data: Option<ProductData>,
        /// The unit amount in the currency's smallest unit (cents).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub unit_amount: Option<i64>,
        /// The unit amount as a decimal string, in the smallest unit, with up to 12 decimals.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub unit_amount_decimal: Option<String>,
        /// Makes the price recurring (subscription mode).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub recurring: Option<Recurring>,
        /// Whether the amount includes tax.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub tax_behavior: Option<TaxBehavior>,
        /// A refused id from a setter, reported by `validate`.
        #[serde(skip)]
        rejected_id: Option<RejectedId>,
    }
}

impl PriceData {
    /// `unit_amount` (smallest currency unit) of a new product described inline.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{PriceData, ProductData};
    /// let p = PriceData::new("usd", 2500, ProductData::new("T-shirt"));
    /// assert_eq!(p.unit_amount, Some(2500));
    /// ```
    pub fn new(currency: impl Into<String>, unit_amount: i64, product_data: ProductData) -> Self {
        Self {
            currency: currency.into(),
            product: None,
            product_data: Some(product_data),
            unit_amount: Some(unit_amount),
            unit_amount_decimal: None,
            recurring: None,
            tax_behavior: None,
            rejected_id: None,
        }
    }

    /// `unit_amount` (smallest currency unit) of an existing product (`prod_…`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::PriceData;
    /// let p = PriceData::for_product("usd", 2500, "prod_123");
    /// assert_eq!(p.product.as_deref(), Some("prod_123"));
    /// ```
    pub fn for_product(
        currency: impl Into<String>,
        unit_amount: i64,
        product: impl IntoId<ProductId>,
    ) -> Self {
        let mut rejected_id = None;
        Self {
            currency: currency.into(),
            product: take_id(product, "product", &mut rejected_id),
            product_data: None,
            unit_amount: Some(unit_amount),
            unit_amount_decimal: None,
            recurring: None,
            tax_behavior: None,
            rejected_id,
        }
    }

    /// Uses a decimal unit amount (`"1499.5"` cents) instead of `unit_amount`.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{PriceData, ProductData};
    /// let p = PriceData::new("usd", 0, ProductData::new("Data")).unit_amount_decimal("0.25");
    /// assert_eq!((p.unit_amount, p.unit_amount_decimal.as_deref()), (None, Some("0.25")));
    /// ```
    pub fn unit_amount_decimal(mut self, amount: impl Into<String>) -> Self {
        self.unit_amount = None;
        self.unit_amount_decimal = Some(amount.into());
        self
    }

    /// Makes the price recurring: `.recurring(RecurringInterval::Month)` or a [`Recurring`].
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{PriceData, ProductData};
    /// use stripe_checkout_client::checkout::enums::RecurringInterval;
    /// let p = PriceData::new("usd", 900, ProductData::new("Pro")).recurring(RecurringInterval::Year);
    /// assert_eq!(p.recurring.unwrap().interval, RecurringInterval::Year);
    /// ```
    pub fn recurring(mut self, recurring: impl Into<Recurring>) -> Self {
        self.recurring = Some(recurring.into());
        self
    }

    /// Whether the amount includes tax.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{PriceData, ProductData};
    /// use stripe_checkout_client::checkout::enums::TaxBehavior;
    /// let p = PriceData::new("usd", 900, ProductData::new("Pro")).tax_behavior(TaxBehavior::Inclusive);
    /// assert_eq!(p.tax_behavior, Some(TaxBehavior::Inclusive));
    /// ```
    pub fn tax_behavior(mut self, behavior: impl Into<TaxBehavior>) -> Self {
        self.tax_behavior = Some(behavior.into());
        self
    }

    pub(super) fn validate(&self, prefix: &str) -> Result<()> {
        check_rejected(prefix, self.rejected_id.as_ref())?;
        let field = |name: &str| format!("{prefix}[{name}]");
        check_currency(&field("currency"), &self.currency)?;
        match (self.unit_amount, &self.unit_amount_decimal) {
            (Some(amount), None) if !(0..=MAX_UNIT_AMOUNT).contains(&amount) => {
                return Err(Error::invalid_param(
                    field("unit_amount"),
                    format!("must be between 0 and {MAX_UNIT_AMOUNT}, got {amount}"),
                ));
            }
            (Some(_), None) => {}
            (None, Some(decimal)) if !is_decimal(decimal) => {
                return Err(Error::invalid_param(
                    field("unit_amount_decimal"),
                    format!(
                        "must be a non-negative decimal with at most 12 decimal places, got `{decimal}`"
                    ),
                ));
            }
            (None, Some(decimal))
                if decimal
                    .parse::<f64>()
                    .is_ok_and(|d| d > MAX_UNIT_AMOUNT as f64) =>
            {
                return Err(Error::invalid_param(
                    field("unit_amount_decimal"),
                    format!("must be at most {MAX_UNIT_AMOUNT}, got `{decimal}`"),
                ));
            }
            (None, Some(_)) => {}
            _ => {
                return Err(Error::invalid_param(
                    prefix,
                    "set exactly one of `unit_amount` or `unit_amount_decimal`",
                ));
            }
        }
        match (&self.product, &self.product_data) {
            (Some(product), None) => check_id(&field("product"), ProductId::new(product.as_str()))?,
            (None, Some(data)) => data.validate(&field("product_data"))?,
            _ => {
                return Err(Error::invalid_param(
                    prefix,
                    "set exactly one of `product` or `product_data`",
                ));
            }
        }
        if let Some(recurring) = &self.recurring {
            if recurring.interval_count == Some(0) {
                return Err(Error::invalid_param(
                    format!("{prefix}[recurring][interval_count]"),
                    "must be at least 1",
                ));
            }
        }
        Ok(())
    }
}

/// Stripe's largest unit amount: eight digits of minor units (999,999.99 in a two-decimal
/// currency).
pub const MAX_UNIT_AMOUNT: i64 = 99_999_999;

/// `123`, `0.25` or `1499.123456789012`: digits, optionally a point and 1 to 12 digits.
pub(super) fn is_decimal(s: &str) -> bool {
    let (whole, fraction) = match s.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (s, None),
    };
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction
            .is_none_or(|f| (1..=12).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()))
}

encoded_struct! {
    /// A product described inline (`product_data`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::ProductData;
    /// let p = ProductData::new("T-shirt")
    ///     .description("100% cotton")
    ///     .image("https://example.com/t.png")
    ///     .metadata("sku", "TS-1");
    /// assert_eq!(p.images.len(), 1);
    /// ```
    #[derive(Clone, Debug, PartialEq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct ProductData {
        /// The name customers see.
        pub name: String,
        /// A longer description.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub description: Option<String>,
        /// Image URLs (up to 8).
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub images: Vec<String>,
        /// Metadata stored on the product.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub metadata: Option<Metadata>,
        /// A Stripe Tax code (`txcd_…`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub tax_code: Option<String>,
        /// Tax details of the product (`tax_details`; preview and endive).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub tax_details: Option<ProductTaxDetails>,
        /// The unit shown on receipts and invoices, e.g. `seat` (`unit_label`; preview and endive).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub unit_label: Option<String>,
    }
}

params_struct! {
    /// Tax details of an inline product (`product_data[tax_details]`; preview and endive).
    pub struct ProductTaxDetails () {
        /// Where the service is performed (`performance_location`).
        performance_location: String => into,
        /// A Stripe Tax code, `txcd_…` (`tax_code`).
        tax_code: String => into,
    }
}

impl ProductData {
    /// A product called `name`.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::ProductData;
    /// assert_eq!(ProductData::new("Sticker").name, "Sticker");
    /// ```
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            description: None,
            images: Vec::new(),
            metadata: None,
            tax_code: None,
            tax_details: None,
            unit_label: None,
        }
    }

    option_setters! {
        /// A longer description (`description`).
        description: String;
        /// A Stripe Tax code (`tax_code`).
        tax_code: String;
        /// The product's tax details (`tax_details`).
        tax_details: ProductTaxDetails;
        /// The unit shown on receipts and invoices (`unit_label`).
        unit_label: String;
    }

    /// Adds an image URL.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::ProductData;
    /// assert_eq!(ProductData::new("Mug").image("https://example.com/m.png").images.len(), 1);
    /// ```
    pub fn image(mut self, url: impl Into<String>) -> Self {
        self.images.push(url.into());
        self
    }

    /// Adds several image URLs.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::ProductData;
    /// let p = ProductData::new("Mug").images(["https://example.com/1.png", "https://example.com/2.png"]);
    /// assert_eq!(p.images.len(), 2);
    /// ```
    pub fn images(mut self, urls: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.images.extend(urls.into_iter().map(Into::into));
        self
    }

    metadata_setter!(
        /// Sets one metadata key on the product.
        ///
        /// ```
        /// use stripe_checkout_client::checkout::params::ProductData;
        /// let p = ProductData::new("Mug").metadata("sku", "MUG-1");
        /// assert_eq!(p.metadata.unwrap().get("sku"), Some("MUG-1"));
        /// ```
        metadata
    );

    pub(super) fn validate(&self, prefix: &str) -> Result<()> {
        check_not_empty(&format!("{prefix}[name]"), &self.name)?;
        if let Some(metadata) = &self.metadata {
            metadata.validate(&format!("{prefix}[metadata]"))?;
        }
        Ok(())
    }
}

encoded_struct! {
    /// How often a recurring inline price bills (`recurring`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::Recurring;
    /// use stripe_checkout_client::checkout::enums::RecurringInterval;
    /// let every_two_weeks = Recurring::new(RecurringInterval::Week).interval_count(2);
    /// assert_eq!(Recurring::from(RecurringInterval::Month).interval_count, None);
    /// ```
    #[derive(Clone, Debug, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct Recurring {
        /// The billing interval.
        pub interval: RecurringInterval,
        /// How many intervals between bills (default 1).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub interval_count: Option<u64>,
    }
}

impl Recurring {
    /// Bills every `interval`.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::Recurring;
    /// use stripe_checkout_client::checkout::enums::RecurringInterval;
    /// assert_eq!(Recurring::new(RecurringInterval::Day).interval, RecurringInterval::Day);
    /// ```
    pub fn new(interval: impl Into<RecurringInterval>) -> Self {
        Self {
            interval: interval.into(),
            interval_count: None,
        }
    }

    /// Bills every `count` intervals.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::Recurring;
    /// use stripe_checkout_client::checkout::enums::RecurringInterval;
    /// assert_eq!(Recurring::new(RecurringInterval::Month).interval_count(3).interval_count, Some(3));
    /// ```
    pub fn interval_count(mut self, count: u64) -> Self {
        self.interval_count = Some(count);
        self
    }
}

impl From<RecurringInterval> for Recurring {
    fn from(interval: RecurringInterval) -> Self {
        Self::new(interval)
    }
}

encoded_struct! {
    /// Whether the customer may change a line item's quantity (`adjustable_quantity`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::AdjustableQuantity;
    /// let a = AdjustableQuantity::range(1, 10);
    /// assert!(a.enabled);
    /// let off = AdjustableQuantity::new(false);
    /// assert_eq!(off.maximum, None);
    /// ```
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct AdjustableQuantity {
        /// Whether the quantity is adjustable.
        pub enabled: bool,
        /// The smallest quantity the customer may choose.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub minimum: Option<u64>,
        /// The largest quantity the customer may choose (at most 999 999).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub maximum: Option<u64>,
    }
}

/// Stripe's upper bound for `adjustable_quantity[maximum]`.
pub(super) const MAX_ADJUSTABLE_QUANTITY: u64 = 999_999;

impl AdjustableQuantity {
    /// Adjustable (or not) within Stripe's default bounds.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::AdjustableQuantity;
    /// assert!(AdjustableQuantity::new(true).enabled);
    /// ```
    pub fn new(enabled: bool) -> Self {
        Self {
            enabled,
            minimum: None,
            maximum: None,
        }
    }

    /// Adjustable between `minimum` and `maximum`, inclusive.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::AdjustableQuantity;
    /// let a = AdjustableQuantity::range(2, 4);
    /// assert_eq!((a.minimum, a.maximum), (Some(2), Some(4)));
    /// ```
    pub fn range(minimum: u64, maximum: u64) -> Self {
        Self::new(true).minimum(minimum).maximum(maximum)
    }

    /// The smallest quantity the customer may choose.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::AdjustableQuantity;
    /// assert_eq!(AdjustableQuantity::new(true).minimum(1).minimum, Some(1));
    /// ```
    pub fn minimum(mut self, minimum: u64) -> Self {
        self.minimum = Some(minimum);
        self
    }

    /// The largest quantity the customer may choose.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::AdjustableQuantity;
    /// assert_eq!(AdjustableQuantity::new(true).maximum(9).maximum, Some(9));
    /// ```
    pub fn maximum(mut self, maximum: u64) -> Self {
        self.maximum = Some(maximum);
        self
    }

    pub(super) fn validate(&self, prefix: &str) -> Result<()> {
        if let Some(minimum) = self.minimum.filter(|&m| m > MAX_ADJUSTABLE_QUANTITY) {
            return Err(Error::invalid_param(
                format!("{prefix}[minimum]"),
                format!("must be at most {MAX_ADJUSTABLE_QUANTITY}, got {minimum}"),
            ));
        }
        if let Some(maximum) = self.maximum {
            if maximum > MAX_ADJUSTABLE_QUANTITY {
                return Err(Error::invalid_param(
                    format!("{prefix}[maximum]"),
                    format!("must be at most {MAX_ADJUSTABLE_QUANTITY}, got {maximum}"),
                ));
            }
            if let Some(minimum) = self.minimum.filter(|&m| m > maximum) {
                return Err(Error::invalid_param(
                    format!("{prefix}[minimum]"),
                    format!("must not exceed `maximum` ({maximum}), got {minimum}"),
                ));
            }
        }
        Ok(())
    }
}
