//! A Checkout Session's line items as Stripe returns them: [`SessionLineItem`] (Stripe's
//! `item` object), the [`Price`] and [`Product`] it refers to, and the per-item discount and
//! tax amounts ([`DiscountAmount`], [`TaxAmount`]), which the session's
//! `total_details.breakdown` uses too.
//!
//! The line items you send when creating a session are the parameter type
//! [`LineItem`](crate::checkout::LineItem), in `params/line_items.rs`. Decoding follows the rules in
//! the session model's docs ([`CheckoutSession`](crate::checkout::CheckoutSession)): `Option` for anything Stripe
//! may omit or send as `null`, unknown fields ignored, unknown enum values kept.

use std::collections::HashMap;

use crate::checkout::{AdjustableQuantitySettings, RecurringInterval, TaxBehavior, TaxRate};
use crate::declare::model::model;
use crate::expand::{Expandable, Object};
use crate::ids::{PriceId, ProductId};
use crate::resources::AppliedDiscount;
use crate::wire::stripe_enum::stripe_enum;

fn item_object() -> String {
    "item".to_owned()
}

fn price_object() -> String {
    "price".to_owned()
}

fn product_object() -> String {
    "product".to_owned()
}

model! {
    /// One line item of a Checkout Session (`"object": "item"`), from the session's expanded
    /// `line_items` or from the list line items endpoint.
    ///
    /// Stripe always sends the four amounts; they read as 0 if missing.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::SessionLineItem;
    ///
    /// let item: SessionLineItem = serde_json::from_str(
    ///     r#"{"id":"li_1","object":"item","amount_subtotal":2000,"amount_discount":500,
    ///         "amount_tax":0,"amount_total":1500,"currency":"usd","description":"T-shirt",
    ///         "quantity":2,"price":{"id":"price_1","object":"price","unit_amount":1000}}"#,
    /// )?;
    /// assert_eq!(item.amount_total, 1500);
    /// assert_eq!(item.price.and_then(|p| p.unit_amount), Some(1000));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct SessionLineItem {
        /// Unique identifier for the line item (`li_…`).
        pub id: String,
        /// The object's type: `item`.
        pub object: String = item_object(),
        /// The amount taken off by discounts, in the currency's smallest unit.
        pub amount_discount: i64,
        /// The amount before discounts and taxes, in the currency's smallest unit.
        pub amount_subtotal: i64,
        /// The tax amount, in the currency's smallest unit.
        pub amount_tax: i64,
        /// The amount after discounts and taxes, in the currency's smallest unit.
        pub amount_total: i64,
        /// Three-letter ISO currency code, lowercase (`usd`).
        pub currency: Option<String>,
        /// The description shown to the customer; defaults to the product's name.
        pub description: Option<String>,
        /// The discounts applied to this item, present only when expanded
        /// (`line_items.data.discounts`).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub discounts: Option<Vec<DiscountAmount>>,
        /// Whether and within which bounds the customer may change the quantity (not in basil).
        pub adjustable_quantity: Option<AdjustableQuantitySettings>,
        /// How the item is shown on the page (preview only).
        pub display: Option<LineItemDisplay>,
        /// Your key-value pairs stored on the item (empty when none; not in basil).
        pub metadata: HashMap<String, String>,
        /// The price the item is charged at.
        pub price: Option<Price>,
        /// The product (`prod_…`), or the [`Product`] when expanded (preview only).
        pub product: Option<Expandable<Product>>,
        /// How many units are bought.
        pub quantity: Option<u64>,
        /// The tax calculation this item's taxes come from (preview only).
        pub tax_calculation_reference: Option<TaxCalculationReference>,
        /// The taxes applied to this item, present only when expanded
        /// (`line_items.data.taxes`).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub taxes: Option<Vec<TaxAmount>>,
    }
}

model! {
    /// How a line item is shown on the page (`display`, preview only).
    pub struct LineItemDisplay {
        /// The description shown.
        pub description: Option<String>,
        /// The images shown (URLs).
        pub images: Vec<String>,
        /// The name shown.
        pub name: Option<String>,
    }
}

model! {
    /// The tax calculation a line item's taxes come from (`tax_calculation_reference`,
    /// preview only).
    pub struct TaxCalculationReference {
        /// The calculation's id (`taxcalc_…`).
        pub calculation_id: Option<String>,
        /// The item's id within the calculation.
        pub calculation_item_id: Option<String>,
    }
}

impl Object for SessionLineItem {
    fn id(&self) -> &str {
        &self.id
    }
}

model! {
    /// A discount's share of an amount (Stripe's `line_items_discount_amount`), in a line item's
    /// `discounts` and in `total_details.breakdown.discounts`.
    pub struct DiscountAmount {
        /// The amount taken off, in the currency's smallest unit.
        pub amount: i64,
        /// The discount that took it off (always the full object).
        pub discount: AppliedDiscount,
    }
}

model! {
    /// A tax's share of an amount (Stripe's `line_items_tax_amount`), in a line item's `taxes`,
    /// in `shipping_cost.taxes` and in `total_details.breakdown.taxes`.
    pub struct TaxAmount {
        /// The tax amount, in the currency's smallest unit.
        pub amount: i64,
        /// The tax rate applied.
        pub rate: TaxRate,
        /// Why the amount was or was not taxable (`standard_rated`, `not_collecting`, …).
        pub taxability_reason: Option<String>,
        /// The amount the tax was computed on, in the currency's smallest unit.
        pub taxable_amount: Option<i64>,
    }
}

model! {
    /// A price (`"object": "price"`): how much and how often a product is charged.
    pub struct Price {
        /// Unique identifier for the price (`price_…`).
        pub id: PriceId,
        /// The object's type: `price`.
        pub object: String = price_object(),
        /// Whether the price can be used for new purchases.
        pub active: Option<bool>,
        /// How the unit amount is computed: per unit or from tiers.
        pub billing_scheme: Option<BillingScheme>,
        /// When the price was created, in seconds since the Unix epoch.
        pub created: Option<i64>,
        /// Three-letter ISO currency code, lowercase (`usd`).
        pub currency: Option<String>,
        /// The amounts in other currencies, by lowercase currency code; empty unless the request
        /// expanded `currency_options`.
        pub currency_options: HashMap<String, PriceCurrencyOption>,
        /// The bounds of a customer-chosen amount (pay what you want), if any.
        pub custom_unit_amount: Option<CustomUnitAmount>,
        /// `true` in live mode, `false` in test mode.
        pub livemode: bool,
        /// A lookup key to find the price by.
        pub lookup_key: Option<String>,
        /// The price this one moves subscriptions to (preview only).
        pub migrate_to: Option<PriceMigration>,
        /// Your key-value pairs stored on the price (empty when none).
        pub metadata: HashMap<String, String>,
        /// A brief description of the price, hidden from customers.
        pub nickname: Option<String>,
        /// The product (`prod_…`), or the [`Product`] when expanded.
        pub product: Option<Expandable<Product>>,
        /// The billing interval of a recurring price; `null` for one-time prices.
        pub recurring: Option<PriceRecurring>,
        /// Whether the price includes tax.
        pub tax_behavior: Option<TaxBehavior>,
        /// The tiers of a tiered price; empty unless the request expanded `tiers`.
        pub tiers: Vec<PriceTier>,
        /// How tiers apply for a tiered price: `graduated` or `volume`.
        pub tiers_mode: Option<String>,
        /// How the quantity is transformed before charging (e.g. per pack of 10).
        pub transform_quantity: Option<TransformQuantity>,
        /// Whether the price is one-time or recurring.
        pub type_ as "type": Option<PriceType>,
        /// The unit amount, in the currency's smallest unit, when it is a whole number.
        pub unit_amount: Option<i64>,
        /// The unit amount as a decimal string, with up to 12 decimal places.
        pub unit_amount_decimal: Option<String>,
    }
}

impl Object for Price {
    fn id(&self) -> &str {
        self.id.as_str()
    }
}

model! {
    /// A price's amounts in another currency (`currency_options.<currency>`).
    pub struct PriceCurrencyOption {
        /// The bounds of a customer-chosen amount, if any.
        pub custom_unit_amount: Option<CustomUnitAmount>,
        /// Whether the amount includes tax.
        pub tax_behavior: Option<TaxBehavior>,
        /// The tiers of a tiered price, when expanded.
        pub tiers: Vec<PriceTier>,
        /// The unit amount, in the currency's smallest unit.
        pub unit_amount: Option<i64>,
        /// The unit amount as a decimal string.
        pub unit_amount_decimal: Option<String>,
    }
}

model! {
    /// One tier of a tiered price (`tiers[]`).
    pub struct PriceTier {
        /// A flat amount charged for the tier, in the currency's smallest unit.
        pub flat_amount: Option<i64>,
        /// The flat amount as a decimal string.
        pub flat_amount_decimal: Option<String>,
        /// The amount per unit in the tier, in the currency's smallest unit.
        pub unit_amount: Option<i64>,
        /// The unit amount as a decimal string.
        pub unit_amount_decimal: Option<String>,
        /// The last quantity of the tier; `None` for the last tier, which has no end.
        pub up_to: Option<i64>,
    }
}

model! {
    /// Where and when a price moves its subscriptions (`migrate_to`, preview only).
    pub struct PriceMigration {
        /// When the move happens: `at_cycle_end`.
        pub behavior: Option<String>,
        /// The move happens at the first cycle end after this time, in seconds since the Unix
        /// epoch.
        pub effective_after: Option<i64>,
        /// The price subscriptions move to (`price_…`).
        pub price: Option<String>,
    }
}

stripe_enum!(
    /// Whether a price is charged once or on a schedule.
    PriceType {
        /// Charged once.
        OneTime = "one_time",
        /// Charged every billing interval.
        Recurring = "recurring",
    }
);

stripe_enum!(
    /// How a price's unit amount is computed.
    BillingScheme {
        /// A fixed amount per unit.
        PerUnit = "per_unit",
        /// From the price's tiers.
        Tiered = "tiered",
    }
);

model! {
    /// The bounds of a customer-chosen amount (`price.custom_unit_amount`).
    #[derive(Eq)]
    pub struct CustomUnitAmount {
        /// The largest amount the customer may choose.
        pub maximum: Option<i64>,
        /// The smallest amount the customer may choose.
        pub minimum: Option<i64>,
        /// The amount shown first.
        pub preset: Option<i64>,
    }
}

model! {
    /// The billing interval of a recurring price (`price.recurring`).
    ///
    /// The request parameter counterpart is [`Recurring`](crate::checkout::Recurring).
    #[derive(Eq)]
    pub struct PriceRecurring {
        /// The billing frequency: day, week, month or year.
        pub interval: Option<RecurringInterval>,
        /// How many intervals between bills (3 with `month` bills quarterly).
        pub interval_count: Option<i64>,
        /// The billing meter (`mtr_…`) of a usage-based price.
        pub meter: Option<String>,
        /// Default number of trial days for subscriptions to this price.
        pub trial_period_days: Option<i64>,
        /// `licensed` (charged per quantity) or `metered` (charged per usage).
        pub usage_type: Option<String>,
    }
}

model! {
    /// How the quantity is transformed before charging (`price.transform_quantity`).
    #[derive(Eq)]
    pub struct TransformQuantity {
        /// The number the quantity is divided by.
        pub divide_by: Option<i64>,
        /// Whether the division rounds `up` or `down`.
        pub round: Option<String>,
    }
}

model! {
    /// A product (`"object": "product"`), as a price's `product` field expands to.
    ///
    /// Only the fields a checkout integration commonly reads are typed; the rest are ignored.
    pub struct Product {
        /// Unique identifier for the product (`prod_…`).
        pub id: ProductId,
        /// The object's type: `product`.
        pub object: String = product_object(),
        /// Whether the product can be bought.
        pub active: Option<bool>,
        /// When the product was created, in seconds since the Unix epoch.
        pub created: Option<i64>,
        /// The description shown to customers.
        pub description: Option<String>,
        /// Up to eight image URLs shown to customers.
        pub images: Vec<String>,
        /// `true` in live mode, `false` in test mode.
        pub livemode: bool,
        /// Your key-value pairs stored on the product (empty when none).
        pub metadata: HashMap<String, String>,
        /// The product's name, shown to customers.
        pub name: Option<String>,
        /// The unit shown on receipts and invoices (e.g. `seat`).
        pub unit_label: Option<String>,
        /// When the product was last updated, in seconds since the Unix epoch.
        pub updated: Option<i64>,
        /// A URL of a publicly accessible page for the product.
        pub url: Option<String>,
    }
}

impl Object for Product {
    fn id(&self) -> &str {
        self.id.as_str()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use serde_json::Value;

    const ITEM: &str = include_str!("../../../tests/fixtures/item.json");
    const DISCOUNT: &str = include_str!("../../../tests/fixtures/discount.json");

    fn fixture() -> Value {
        serde_json::from_str(ITEM).unwrap()
    }

    fn parse(value: Value) -> SessionLineItem {
        serde_json::from_value(value).expect("item parses")
    }

    #[test]
    fn amounts_read_missing_or_null_as_zero_and_refuse_other_shapes() {
        let item: SessionLineItem = serde_json::from_value(json!({
            "id": "li_1", "amount_subtotal": null,
            "taxes": [{"amount": null, "rate": {"id": "txr_1"}}],
            "discounts": [{"discount": {"id": "di_1"}}]
        }))
        .unwrap();
        assert_eq!(
            (
                item.amount_discount,
                item.amount_subtotal,
                item.amount_total
            ),
            (0, 0, 0)
        );
        assert_eq!(item.taxes.unwrap()[0].amount, 0);
        assert_eq!(item.discounts.unwrap()[0].amount, 0);
        for wrong in [
            json!({"id": "li_1", "amount_total": "10"}),
            json!({"id": "li_1", "taxes": [{"amount": "10", "rate": {"id": "txr_1"}}]}),
        ] {
            assert!(serde_json::from_value::<SessionLineItem>(wrong).is_err());
        }
        // The id is required, and a key given twice is refused, as serde's derive does.
        let no_id = serde_json::from_value::<SessionLineItem>(json!({})).unwrap_err();
        assert_eq!(no_id.to_string(), "missing field `id`");
        let twice =
            serde_json::from_str::<SessionLineItem>(r#"{"id": "li_1", "id": "li_2"}"#).unwrap_err();
        assert!(
            twice.to_string().starts_with("duplicate field `id`"),
            "{twice}"
        );
    }

    #[test]
    fn fixture_parses_with_its_values() {
        let item = parse(fixture());
        assert_eq!(item.id, "li_1MlLiAJITzLVzkSmzUBld3x2");
        assert_eq!(Object::id(&item), "li_1MlLiAJITzLVzkSmzUBld3x2");
        assert_eq!(item.object, "item");
        assert_eq!(
            (
                item.amount_discount,
                item.amount_subtotal,
                item.amount_tax,
                item.amount_total
            ),
            (0, 0, 0, 0)
        );
        assert_eq!(item.currency.as_deref(), Some("usd"));
        assert_eq!(item.description.as_deref(), Some("T-shirt"));
        assert_eq!(item.quantity, Some(1));
        assert_eq!((item.discounts, item.taxes), (None, None));

        let price = item.price.unwrap();
        assert_eq!(price.id, "price_1Mcd6YJITzLVzkSmJJsJfga5");
        assert_eq!(price.object, "price");
        assert_eq!(price.active, Some(true));
        assert_eq!(price.billing_scheme, Some(BillingScheme::PerUnit));
        assert_eq!(price.created, Some(1_676_675_558));
        assert_eq!(price.currency.as_deref(), Some("usd"));
        assert_eq!(
            price.custom_unit_amount,
            Some(CustomUnitAmount {
                maximum: None,
                minimum: None,
                preset: None
            })
        );
        assert!(!price.livemode);
        assert_eq!((price.lookup_key, price.nickname), (None, None));
        assert!(price.metadata.is_empty());
        let product = price.product.unwrap();
        assert_eq!(product.id(), "prod_NNNsbcqAqCJrj2");
        assert!(!product.is_object());
        let recurring = price.recurring.unwrap();
        assert_eq!(recurring.interval, Some(RecurringInterval::Month));
        assert_eq!(recurring.interval_count, Some(797_691_627));
        assert_eq!((recurring.meter, recurring.trial_period_days), (None, None));
        assert_eq!(recurring.usage_type.as_deref(), Some("licensed"));
        assert_eq!(price.tax_behavior, Some(TaxBehavior::Unspecified));
        assert_eq!(price.tiers_mode, None);
        let transform = price.transform_quantity.unwrap();
        assert_eq!(transform.divide_by, Some(1_592_560_163));
        assert_eq!(transform.round.as_deref(), Some("down"));
        assert_eq!(price.type_, Some(PriceType::OneTime));
        assert_eq!(price.unit_amount, Some(1000));
        assert_eq!(price.unit_amount_decimal.as_deref(), Some("1000"));
    }

    #[test]
    fn objects_default_their_kind_and_give_their_ids() {
        let item = parse(json!({
            "id": "li_1",
            "price": {"id": "price_1", "product": {"id": "prod_1"}},
        }));
        assert_eq!(item.object, "item");
        let price = item.price.unwrap();
        assert_eq!(
            (price.object.as_str(), Object::id(&price)),
            ("price", "price_1")
        );
        let product = price.product.unwrap();
        assert_eq!(product.id(), "prod_1");
        let product = product.into_object().unwrap();
        assert_eq!(
            (product.object.as_str(), Object::id(&product)),
            ("product", "prod_1")
        );
    }

    #[test]
    fn unknown_values_and_fields_are_tolerated() {
        let mut value = fixture();
        value["surprise"] = json!([1]);
        value["price"]["type"] = json!("sometimes");
        value["price"]["billing_scheme"] = json!("auction");
        value["price"]["tax_behavior"] = json!("negotiable");
        value["price"]["recurring"]["interval"] = json!("fortnight");
        value["price"]["recurring"]["extra"] = json!({"x": 1});
        value["price"]["new_field"] = json!(null);
        let item = parse(value);
        let price = item.price.unwrap();
        assert_eq!(price.type_, Some(PriceType::Unknown("sometimes".into())));
        assert_eq!(
            price.billing_scheme,
            Some(BillingScheme::Unknown("auction".into()))
        );
        assert_eq!(
            price.tax_behavior,
            Some(TaxBehavior::Unknown("negotiable".into()))
        );
        assert_eq!(
            price.recurring.unwrap().interval,
            Some(RecurringInterval::Unknown("fortnight".into()))
        );
    }

    #[test]
    fn expanded_product_discounts_and_taxes_parse() {
        let discount: Value = serde_json::from_str(DISCOUNT).unwrap();
        let mut value = fixture();
        value["price"]["product"] = json!({
            "id": "prod_NNNsbcqAqCJrj2", "object": "product", "name": "T-shirt",
            "images": null, "metadata": {"sku": "ts-1"}, "marketing_features": [],
        });
        value["discounts"] = json!([{"amount": 250, "discount": discount}]);
        value["taxes"] = json!([{"amount": 80, "rate": {"id": "txr_1"},
                                 "taxability_reason": null, "taxable_amount": 750}]);
        let item = parse(value);
        let product = item.price.as_ref().unwrap().product.as_ref().unwrap();
        let product = product.as_object().unwrap();
        assert_eq!(product.name.as_deref(), Some("T-shirt"));
        assert!(product.images.is_empty());
        assert_eq!(product.metadata["sku"], "ts-1");
        let discounts = item.discounts.as_ref().unwrap();
        assert_eq!(discounts[0].amount, 250);
        assert_eq!(discounts[0].discount.id, "di_1MlLiAJITzLVzkSmNzEFTVSb");
        let taxes = item.taxes.as_ref().unwrap();
        assert_eq!((taxes[0].amount, taxes[0].taxable_amount), (80, Some(750)));
        assert_eq!(taxes[0].rate.id, "txr_1");

        let back = serde_json::to_value(&item).unwrap();
        assert_eq!(parse(back), item);
    }

    #[test]
    fn round_trip_leaves_unexpanded_lists_out() {
        let item = parse(fixture());
        let json = serde_json::to_value(&item).unwrap();
        assert!(json.get("discounts").is_none() && json.get("taxes").is_none());
        assert_eq!(json["price"]["lookup_key"], Value::Null);
        assert_eq!(json["price"]["type"], json!("one_time"));
        assert_eq!(parse(json), item);
    }
}
