//! The line items of a new session: [`LineItem`] with an existing price or inline
//! [`PriceData`] (its [`ProductData`] and [`Recurring`] interval), and
//! [`AdjustableQuantity`]. The update's line items are in `update.rs`.

use super::checks::*;

use crate::checkout::{RecurringInterval, TaxBehavior};
use crate::declare::params::{Param, params};
use crate::error::Result;
use crate::ids::{IntoId, PriceId, ProductId, take_id};
use crate::metadata::Metadata;
use crate::resources::check_currency;

params! {
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
    pub struct LineItem {
        /// An existing price (`price_…`).
        price: PriceId => constructed,
        /// An inline price, created for this session only.
        price_data: PriceData => constructed,
        /// How many units (at least 1).
        quantity: u64 => plain,
        /// Whether the customer may change the quantity, and within which bounds.
        adjustable_quantity: AdjustableQuantity => into,
        /// Tax rates (`txr_…`) applied to this item.
        tax_rates: String => list(tax_rate),
        /// Tax rates (`txr_…`) Stripe picks from by the customer's address (`dynamic_tax_rates`;
        /// basil).
        dynamic_tax_rates: String => list,
        /// Metadata stored on the line item (`metadata`; preview and endive).
        metadata: Metadata => metadata,
    }
    check(line_item_rules);
    new(empty);
}

impl LineItem {
    /// `quantity` units of an existing price.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::LineItem;
    /// let item = LineItem::price("price_123", 2);
    /// assert_eq!((item.price.as_deref(), item.quantity), (Some("price_123"), Some(2)));
    /// ```
    pub fn price(price: impl IntoId<PriceId>, quantity: u64) -> Self {
        let mut item = Self::empty().quantity(quantity);
        item.price = take_id(price, "price", &mut item.rejected_id);
        item
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
            price_data: Some(price_data),
            ..Self::empty().quantity(quantity)
        }
    }
}

fn line_item_rules(item: &LineItem, param: Param<'_>) -> Result<()> {
    match (&item.price, &item.price_data) {
        (Some(_), None) | (None, Some(_)) => {}
        _ => return Err(param.invalid("set exactly one of `price` or `price_data`")),
    }
    check_quantity(param, item.quantity)
}

params! {
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
    pub struct PriceData {
        /// The three-letter ISO currency code (`usd`).
        currency: String => required,
        /// An existing product (`prod_…`).
        product: ProductId => constructed,
        /// An inline product, created for this price.
        product_data: ProductData => constructed,
        /// The unit amount in the currency's smallest unit (cents).
        unit_amount: i64 => constructed,
        /// The unit amount as a decimal string, in the smallest unit, with up to 12 decimals.
        unit_amount_decimal: String => constructed,
        /// Makes the price recurring (subscription mode).
        recurring: Recurring => into,
        /// Whether the amount includes tax.
        tax_behavior: TaxBehavior => into,
    }
    check(price_data_rules);
    new(pub(crate) with_currency);
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
            product_data: Some(product_data),
            unit_amount: Some(unit_amount),
            ..Self::with_currency(currency)
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
        let mut data = Self {
            unit_amount: Some(unit_amount),
            ..Self::with_currency(currency)
        };
        data.product = take_id(product, "product", &mut data.rejected_id);
        data
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
}

fn price_data_rules(data: &PriceData, param: Param<'_>) -> Result<()> {
    check_currency(param.field("currency"), &data.currency)?;
    match (data.unit_amount, &data.unit_amount_decimal) {
        (Some(amount), None) if !(0..=MAX_UNIT_AMOUNT).contains(&amount) => {
            return Err(param.field("unit_amount").invalid(format!(
                "must be between 0 and {MAX_UNIT_AMOUNT}, got {amount}"
            )));
        }
        (Some(_), None) => {}
        (None, Some(decimal)) if !is_decimal(decimal) => {
            return Err(param.field("unit_amount_decimal").invalid(format!(
                "must be a non-negative decimal with at most 12 decimal places, got `{decimal}`"
            )));
        }
        (None, Some(decimal))
            if decimal
                .parse::<f64>()
                .is_ok_and(|d| d > MAX_UNIT_AMOUNT as f64) =>
        {
            return Err(param.field("unit_amount_decimal").invalid(format!(
                "must be at most {MAX_UNIT_AMOUNT}, got `{decimal}`"
            )));
        }
        (None, Some(_)) => {}
        _ => {
            return Err(param.invalid("set exactly one of `unit_amount` or `unit_amount_decimal`"));
        }
    }
    match (&data.product, &data.product_data) {
        (Some(_), None) | (None, Some(_)) => {}
        _ => return Err(param.invalid("set exactly one of `product` or `product_data`")),
    }
    if data
        .recurring
        .as_ref()
        .is_some_and(|r| r.interval_count == Some(0))
    {
        let recurring = param.field("recurring");
        return Err(recurring
            .field("interval_count")
            .invalid("must be at least 1"));
    }
    Ok(())
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

params! {
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
    pub struct ProductData {
        /// The name customers see.
        name: String => required,
        /// A longer description.
        description: String => into,
        /// Image URLs (up to 8).
        images: String => list(image),
        /// Metadata stored on the product.
        metadata: Metadata => metadata,
        /// A Stripe Tax code (`txcd_…`).
        tax_code: String => into,
        /// Tax details of the product (`tax_details`; preview and endive).
        tax_details: ProductTaxDetails => into,
        /// The unit shown on receipts and invoices, e.g. `seat` (`unit_label`; preview and endive).
        unit_label: String => into,
    }
}

params! {
    /// Tax details of an inline product (`product_data[tax_details]`; preview and endive).
    pub struct ProductTaxDetails {
        /// Where the service is performed (`performance_location`).
        performance_location: String => into,
        /// A Stripe Tax code, `txcd_…` (`tax_code`).
        tax_code: String => into,
    }
}

params! {
    /// How often a recurring inline price bills (`recurring`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::Recurring;
    /// use stripe_checkout_client::checkout::enums::RecurringInterval;
    /// let every_two_weeks = Recurring::new(RecurringInterval::Week).interval_count(2);
    /// assert_eq!(Recurring::from(RecurringInterval::Month).interval_count, None);
    /// ```
    #[derive(Eq)]
    pub struct Recurring {
        /// The billing interval.
        interval: RecurringInterval => required,
        /// How many intervals between bills (default 1).
        interval_count: u64 => plain,
    }
}

impl From<RecurringInterval> for Recurring {
    fn from(interval: RecurringInterval) -> Self {
        Self::new(interval)
    }
}

params! {
    /// Whether the customer may change a line item's quantity (`adjustable_quantity`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::AdjustableQuantity;
    /// let a = AdjustableQuantity::range(1, 10);
    /// assert!(a.enabled);
    /// let off = AdjustableQuantity::new(false);
    /// assert_eq!(off.maximum, None);
    /// ```
    #[derive(Eq)]
    pub struct AdjustableQuantity {
        /// Whether the quantity is adjustable.
        enabled: bool => required_plain,
        /// The smallest quantity the customer may choose.
        minimum: u64 => plain,
        /// The largest quantity the customer may choose (at most 999 999).
        maximum: u64 => plain,
    }
    check(adjustable_quantity_rules);
}

/// Stripe's upper bound for `adjustable_quantity[maximum]`.
pub(super) const MAX_ADJUSTABLE_QUANTITY: u64 = 999_999;

impl AdjustableQuantity {
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
}

fn adjustable_quantity_rules(quantity: &AdjustableQuantity, param: Param<'_>) -> Result<()> {
    if let Some(minimum) = quantity.minimum.filter(|&m| m > MAX_ADJUSTABLE_QUANTITY) {
        return Err(param.field("minimum").invalid(format!(
            "must be at most {MAX_ADJUSTABLE_QUANTITY}, got {minimum}"
        )));
    }
    if let Some(maximum) = quantity.maximum {
        if maximum > MAX_ADJUSTABLE_QUANTITY {
            return Err(param.field("maximum").invalid(format!(
                "must be at most {MAX_ADJUSTABLE_QUANTITY}, got {maximum}"
            )));
        }
        if let Some(minimum) = quantity.minimum.filter(|&m| m > maximum) {
            return Err(param.field("minimum").invalid(format!(
                "must not exceed `maximum` ({maximum}), got {minimum}"
            )));
        }
    }
    Ok(())
}
