//! The tax rate object ([`TaxRate`]), which Stripe embeds in every tax amount of a session,
//! its line items and its shipping cost.

use std::collections::HashMap;

use crate::declare::model::model;
use crate::wire::stripe_enum::stripe_enum;

stripe_enum!(
    /// How a tax rate is expressed (`rate_type`).
    TaxRateType {
        /// A fixed amount (`flat_amount`).
        FlatAmount = "flat_amount",
        /// A percentage of the taxed amount.
        Percentage = "percentage",
    }
);

model! {
    /// A tax rate (`"object": "tax_rate"`), as embedded in tax amounts (`taxes[].rate`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::objects::TaxAmount;
    ///
    /// let tax: TaxAmount = serde_json::from_str(
    ///     r#"{"amount": 190, "rate": {"id": "txr_1", "object": "tax_rate",
    ///         "display_name": "VAT", "percentage": 19.0, "inclusive": false,
    ///         "country": "DE"}, "taxability_reason": null, "taxable_amount": 1000}"#,
    /// )?;
    /// assert_eq!(tax.rate.display_name.as_deref(), Some("VAT"));
    /// assert_eq!(tax.rate.percentage, Some(19.0));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct TaxRate {
        /// Unique identifier (`txr_…`).
        pub id: String,
        /// The object's type: `tax_rate`.
        pub object: Option<String>,
        /// Whether the rate can still be applied to new items.
        pub active: bool,
        /// Two-letter country code of the rate's jurisdiction.
        pub country: Option<String>,
        /// When the rate was created, in seconds since the Unix epoch.
        pub created: Option<i64>,
        /// Your description of the rate, not shown to customers.
        pub description: Option<String>,
        /// The name shown to customers (`VAT`, `Sales tax`, …).
        pub display_name: Option<String>,
        /// The percentage actually applied; can differ from `percentage` when the rate applies
        /// only partly.
        pub effective_percentage: Option<f64>,
        /// The fixed amount of a `flat_amount` rate.
        pub flat_amount: Option<TaxRateFlatAmount>,
        /// Whether the tax is included in the prices it applies to.
        pub inclusive: bool,
        /// The jurisdiction's name, as shown on invoices.
        pub jurisdiction: Option<String>,
        /// The jurisdiction's level: `city`, `country`, `county`, `district`, `multiple` or
        /// `state`.
        pub jurisdiction_level: Option<String>,
        /// `true` in live mode.
        pub livemode: bool,
        /// Your key-value pairs stored on the rate.
        pub metadata: HashMap<String, String>,
        /// The rate's percentage.
        pub percentage: Option<f64>,
        /// Whether the rate is a percentage or a fixed amount.
        pub rate_type: Option<TaxRateType>,
        /// The state, county or province of the jurisdiction (ISO 3166-2 code without the
        /// country).
        pub state: Option<String>,
        /// The kind of tax (`vat`, `sales_tax`, `gst`, …).
        pub tax_type: Option<String>,
    }
}

model! {
    /// The fixed amount of a `flat_amount` tax rate.
    pub struct TaxRateFlatAmount {
        /// The amount, in the currency's smallest unit.
        pub amount: i64,
        /// The currency.
        pub currency: String,
    }
}
