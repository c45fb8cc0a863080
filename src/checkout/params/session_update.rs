//! The nested params only an update takes: the parts of the subscription
//! ([`UpdateSubscriptionData`]), payment intent ([`UpdatePaymentIntentData`]), automatic tax
//! ([`UpdateAutomaticTax`]) and invoice ([`UpdateInvoiceCreation`]) that an open session lets
//! the server change. Which API versions take each is said on each type.

use crate::checkout::invoice_creation::InvoiceIssuer;
use crate::checkout::payment_intent_data::SetupFutureUsage;
use crate::checkout::subscription_data::PendingInvoiceItemInterval;
use crate::declare::params::params;
use crate::metadata::Metadata;

params! {
    /// The invoice settings an update may change (`subscription_data[invoice_settings]`).
    pub struct UpdateSubscriptionInvoiceSettings {
        /// Who issues the invoices (`issuer`).
        issuer: InvoiceIssuer => into,
    }
}

params! {
    /// The parts of the coming subscription an update may change (`subscription_data`; the
    /// preview).
    pub struct UpdateSubscriptionData {
        /// The invoices' settings (`invoice_settings`).
        invoice_settings: UpdateSubscriptionInvoiceSettings => into,
        /// How often pending invoice items are invoiced (`pending_invoice_item_interval`).
        pending_invoice_item_interval: PendingInvoiceItemInterval => into,
        /// The Unix time the trial ends (`trial_end`).
        trial_end: i64 => plain,
        /// How many days the trial lasts (`trial_period_days`).
        trial_period_days: u32 => plain,
    }
}

params! {
    /// The parts of the coming payment an update may change (`payment_intent_data`; endive).
    pub struct UpdatePaymentIntentData {
        /// A description of the payment (`description`).
        description: String => into,
        /// Metadata stored on the payment intent (`metadata`): one key per call.
        metadata: Metadata => metadata,
        /// Whether the payment method is saved for later (`setup_future_usage`).
        setup_future_usage: SetupFutureUsage => into,
        /// The text on the customer's statement (`statement_descriptor`).
        statement_descriptor: String => into,
        /// Text added to your statement descriptor for card payments
        /// (`statement_descriptor_suffix`).
        statement_descriptor_suffix: String => into,
    }
}

params! {
    /// The automatic tax settings an update may change (`automatic_tax`; the preview).
    pub struct UpdateAutomaticTax {
        /// The account liable for the tax (`liability`).
        liability: InvoiceIssuer => into,
    }
}

params! {
    /// The invoice data an update may change (`invoice_creation[invoice_data]`).
    pub struct UpdateInvoiceData {
        /// Who issues the invoice (`issuer`).
        issuer: InvoiceIssuer => into,
    }
}

params! {
    /// The invoice settings an update may change (`invoice_creation`; the preview).
    pub struct UpdateInvoiceCreation {
        /// What goes on the invoice (`invoice_data`).
        invoice_data: UpdateInvoiceData => into,
    }
}

params! {
    /// Only sessions of the customer with this email (`customer_details` of a list).
    pub struct CustomerDetailsFilter {
        /// The email (`email`).
        email: String => required,
    }
}
