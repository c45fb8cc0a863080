//! The subscription a `subscription` mode session starts ([`SubscriptionData`],
//! `subscription_data`): trials, billing anchor and mode, invoice settings, Connect transfers.
//!
//! The invoice issuer and custom fields it shares with one-off invoices are in
//! `invoice_creation.rs`.

use crate::checkout::invoice_creation::{InvoiceCustomField, InvoiceIssuer};
use crate::declare::params::{params, unchecked};
use crate::metadata::Metadata;
use crate::wire::stripe_enum::stripe_enum;

stripe_enum!(
    /// Whether changes to the subscription are prorated (`proration_behavior`).
    ProrationBehavior {
        /// Prorate.
        CreateProrations = "create_prorations",
        /// Do not prorate.
        None = "none",
    }
);

stripe_enum!(
    /// What ends a trial without a payment method does (`missing_payment_method`).
    MissingPaymentMethod {
        /// Cancel the subscription.
        Cancel = "cancel",
        /// Create an invoice anyway.
        CreateInvoice = "create_invoice",
        /// Pause the subscription.
        Pause = "pause",
    }
);

stripe_enum!(
    /// How a subscription bills (`billing_mode[type]`).
    BillingModeType {
        /// The original behaviour.
        Classic = "classic",
        /// Flexible billing.
        Flexible = "flexible",
    }
);

stripe_enum!(
    /// How discounts show on prorations under flexible billing (`proration_discounts`).
    ProrationDiscounts {
        /// Discounts are included in the proration amounts.
        Included = "included",
        /// Discounts are listed separately.
        Itemized = "itemized",
    }
);

stripe_enum!(
    /// A calendar interval (`interval`).
    BillingInterval {
        /// Days.
        Day = "day",
        /// Weeks.
        Week = "week",
        /// Months.
        Month = "month",
        /// Years.
        Year = "year",
    }
);

unchecked!(
    ProrationBehavior,
    MissingPaymentMethod,
    BillingModeType,
    ProrationDiscounts,
    BillingInterval
);

params! {
    /// When in the month the billing cycle anchors (`billing_cycle_anchor_config`; preview and
    /// endive).
    pub struct BillingCycleAnchorConfig {
        /// The day of the month, 1 to 31 (`day_of_month`).
        day_of_month: u32 => required_plain,
        /// The hour, 0 to 23 (`hour`).
        hour: u32 => plain,
        /// The minute, 0 to 59 (`minute`).
        minute: u32 => plain,
        /// The month, 1 to 12, for yearly anchors (`month`).
        month: u32 => plain,
        /// The second, 0 to 59 (`second`).
        second: u32 => plain,
    }
}

params! {
    /// Flexible billing's settings (`flexible`).
    pub struct FlexibleBilling {
        /// How discounts show on prorations (`proration_discounts`).
        proration_discounts: ProrationDiscounts => into,
    }
}

params! {
    /// How the subscription bills (`billing_mode`; preview and endive).
    pub struct BillingMode {
        /// Classic or flexible (`type`).
        type_ as "type": BillingModeType => required,
        /// Flexible billing's settings (`flexible`).
        flexible: FlexibleBilling => into,
    }
}

params! {
    /// The invoices the subscription creates (`invoice_settings`).
    pub struct SubscriptionInvoiceSettings {
        /// Tax ids of your account to show (`account_tax_ids`; endive).
        account_tax_ids: String => list,
        /// Names and values printed on each invoice (`custom_fields`; endive).
        custom_fields: InvoiceCustomField => list,
        /// A description for each invoice (`description`; endive).
        description: String => into,
        /// The footer text (`footer`; endive).
        footer: String => into,
        /// Who issues the invoices (`issuer`).
        issuer: InvoiceIssuer => into,
    }
}

params! {
    /// How often pending invoice items are invoiced (`pending_invoice_item_interval`; preview
    /// and endive).
    pub struct PendingInvoiceItemInterval {
        /// The unit (`interval`).
        interval: BillingInterval => required,
        /// How many units between invoices (`interval_count`).
        interval_count: u32 => plain,
    }
}

params! {
    /// Where part of each payment goes, for Connect (`transfer_data`).
    pub struct SubscriptionTransferData {
        /// The connected account (`acct_…`) that receives it (`destination`).
        destination: String => required,
        /// The share of each invoice sent, in percent (`amount_percent`).
        amount_percent: f64 => plain,
    }
}

params! {
    /// What ends a trial (`end_behavior`).
    pub struct TrialEndBehavior {
        /// What happens when the trial ends without a payment method
        /// (`missing_payment_method`).
        missing_payment_method: MissingPaymentMethod => required,
    }
}

params! {
    /// The trial's settings (`trial_settings`).
    pub struct TrialSettings {
        /// What ends it (`end_behavior`).
        end_behavior: TrialEndBehavior => required,
    }
}

params! {
    /// The subscription a `subscription` mode session starts (`subscription_data`). Only for
    /// `SessionMode::Subscription`; other modes refuse it locally.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{CreateSession, LineItem, SessionMode};
    /// use stripe_checkout_client::checkout::params::SubscriptionData;
    /// use stripe_checkout_client::form;
    ///
    /// let params = CreateSession::new(SessionMode::Subscription)
    ///     .line_item(LineItem::price("price_monthly", 1))
    ///     .subscription_data(SubscriptionData::new().trial_period_days(14).metadata("plan", "pro"));
    /// let pairs = form::to_pairs(&params)?;
    /// assert!(pairs.contains(&("subscription_data[trial_period_days]".into(), "14".into())));
    /// assert!(pairs.contains(&("subscription_data[metadata][plan]".into(), "pro".into())));
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    pub struct SubscriptionData {
        /// The share of each invoice that goes to your platform, in percent
        /// (`application_fee_percent`; Connect).
        application_fee_percent: f64 => plain,
        /// The Unix time the billing cycle anchors to (`billing_cycle_anchor`).
        billing_cycle_anchor: i64 => plain,
        /// The anchor as a day and time of the month (`billing_cycle_anchor_config`).
        billing_cycle_anchor_config: BillingCycleAnchorConfig => into,
        /// How the subscription bills (`billing_mode`).
        billing_mode: BillingMode => into,
        /// Tax rates (`txr_…`) applied to every item (`default_tax_rates`).
        default_tax_rates: String => list,
        /// A description customers see in the portal (`description`).
        description: String => into,
        /// The invoices the subscription creates (`invoice_settings`).
        invoice_settings: SubscriptionInvoiceSettings => into,
        /// Metadata stored on the subscription (`metadata`): one key per call.
        metadata: Metadata => metadata,
        /// The connected account the subscription is made for (`on_behalf_of`; Connect).
        on_behalf_of: String => into,
        /// How often pending invoice items are invoiced (`pending_invoice_item_interval`).
        pending_invoice_item_interval: PendingInvoiceItemInterval => into,
        /// Whether the anchor's first period is prorated (`proration_behavior`).
        proration_behavior: ProrationBehavior => into,
        /// Where part of each payment goes (`transfer_data`; Connect).
        transfer_data: SubscriptionTransferData => into,
        /// The Unix time the trial ends (`trial_end`); not with `trial_period_days`.
        trial_end: i64 => plain,
        /// How many days the trial lasts (`trial_period_days`); not with `trial_end`.
        trial_period_days: u32 => plain,
        /// The trial's settings (`trial_settings`).
        trial_settings: TrialSettings => into,
    }
}
