//! The invoice a one-off payment session creates ([`InvoiceCreation`], `invoice_creation`),
//! and the invoice settings it shares with subscriptions: who issues the invoice
//! ([`InvoiceIssuer`]) and the custom fields printed on it ([`InvoiceCustomField`]).

use crate::declare::params::{params, unchecked};
use crate::metadata::Metadata;
use crate::wire::stripe_enum::stripe_enum;

stripe_enum!(
    /// Whose account issues an invoice and is liable for its tax (`issuer[type]`).
    IssuerType {
        /// The connected account named in `issuer[account]`.
        Account = "account",
        /// The account making the request.
        SelfAccount = "self",
    }
);

stripe_enum!(
    /// How amounts on an invoice show tax (`rendering_options[amount_tax_display]`).
    AmountTaxDisplay {
        /// Amounts without tax.
        ExcludeTax = "exclude_tax",
        /// Amounts with inclusive tax included.
        IncludeInclusiveTax = "include_inclusive_tax",
    }
);

unchecked!(IssuerType, AmountTaxDisplay);

params! {
    /// Whose account issues the invoice and answers for its tax (`issuer`).
    pub struct InvoiceIssuer {
        /// `self` or a connected `account` (`type`).
        type_ as "type": IssuerType => required,
        /// The connected account (`acct_…`) when the type is `account` (`account`).
        account: String => into,
    }
}

params! {
    /// A name and value printed on the invoice (`custom_fields[]`).
    pub struct InvoiceCustomField {
        /// The label, at most 40 characters (`name`).
        name: String => required,
        /// The value, at most 140 characters (`value`).
        value: String => required,
    }
}

params! {
    /// How the invoice is drawn (`rendering_options`).
    pub struct InvoiceRenderingOptions {
        /// Whether amounts include tax (`amount_tax_display`).
        amount_tax_display: AmountTaxDisplay => into,
        /// The id of an invoice rendering template (`template`; preview and endive).
        template: String => into,
    }
}

params! {
    /// What goes on the invoice a payment session creates (`invoice_data`).
    pub struct InvoiceData {
        /// Tax ids of your account to show on the invoice (`account_tax_ids`).
        account_tax_ids: String => list,
        /// Names and values printed on the invoice (`custom_fields`).
        custom_fields: InvoiceCustomField => list,
        /// A description for the invoice (`description`).
        description: String => into,
        /// The footer text (`footer`).
        footer: String => into,
        /// Who issues the invoice (`issuer`).
        issuer: InvoiceIssuer => into,
        /// Metadata stored on the invoice (`metadata`): one key per call.
        metadata: Metadata => metadata,
        /// How the invoice is drawn (`rendering_options`).
        rendering_options: InvoiceRenderingOptions => into,
    }
}

params! {
    /// Creates an invoice after a successful `payment` mode session (`invoice_creation`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::{InvoiceCreation, InvoiceData};
    /// use stripe_checkout_client::form;
    ///
    /// let invoice = InvoiceCreation::new(true).invoice_data(InvoiceData::new().footer("Thank you"));
    /// assert_eq!(
    ///     form::to_pairs(&invoice)?,
    ///     [
    ///         ("enabled".to_owned(), "true".to_owned()),
    ///         ("invoice_data[footer]".to_owned(), "Thank you".to_owned()),
    ///     ]
    /// );
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    pub struct InvoiceCreation {
        /// Whether to create the invoice (`enabled`).
        enabled: bool => required,
        /// What goes on it (`invoice_data`).
        invoice_data: InvoiceData => into,
    }
}
