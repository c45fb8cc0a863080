//! The parts of an inline shipping rate beyond its name and amount: how long delivery takes
//! ([`DeliveryEstimate`]) and the amount in other currencies ([`CurrencyAmount`]).
//!
//! The rate itself (`ShippingRateData`, `ShippingOption`) is declared with the other session
//! params.

use crate::checkout::TaxBehavior;
use crate::declare::params::{params, unchecked};
use crate::wire::stripe_enum::stripe_enum;

stripe_enum!(
    /// The unit of a delivery estimate (`unit`).
    DeliveryUnit {
        /// Business days.
        BusinessDay = "business_day",
        /// Days.
        Day = "day",
        /// Hours.
        Hour = "hour",
        /// Months.
        Month = "month",
        /// Weeks.
        Week = "week",
    }
);

unchecked!(DeliveryUnit, TaxBehavior);

params! {
    /// One bound of a delivery estimate (`minimum`, `maximum`).
    pub struct DeliveryBound {
        /// The unit (`unit`).
        unit: DeliveryUnit => required,
        /// How many units, at least 1 (`value`).
        value: u32 => required_plain,
    }
}

params! {
    /// How long delivery takes (`delivery_estimate`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::objects::{DeliveryBound, DeliveryEstimate};
    /// use stripe_checkout_client::checkout::enums::DeliveryUnit;
    /// use stripe_checkout_client::form;
    ///
    /// let estimate = DeliveryEstimate::new()
    ///     .minimum(DeliveryBound::new(DeliveryUnit::BusinessDay, 2))
    ///     .maximum(DeliveryBound::new(DeliveryUnit::BusinessDay, 5));
    /// assert_eq!(form::to_pairs(&estimate)?.len(), 4);
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    pub struct DeliveryEstimate {
        /// The longest it takes (`maximum`).
        maximum: DeliveryBound => into,
        /// The shortest it takes (`minimum`).
        minimum: DeliveryBound => into,
    }
}

params! {
    /// A fixed amount in another currency (`currency_options[<currency>]`).
    pub struct CurrencyAmount {
        /// The amount in that currency's smallest unit (`amount`).
        amount: i64 => required_plain,
        /// Whether the amount includes tax (`tax_behavior`).
        tax_behavior: TaxBehavior => into,
    }
}
