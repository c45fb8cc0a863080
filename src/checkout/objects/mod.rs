//! The objects Stripe answers for Checkout Sessions, nested inside a
//! [`CheckoutSession`](super::CheckoutSession) or a [`SessionLineItem`](super::SessionLineItem):
//! totals, permissions, customer details, shipping, payment method options, prices,
//! products, tax rates. What you send is in [`params`](super::params); the enums both share
//! are in [`enums`](super::enums).
//!
//! **Naming**: an object `SessionX` is how Stripe answers a setting you send as `X` in
//! [`params`](super::params) ([`SessionConsentCollection`] answers
//! [`ConsentCollection`](super::params::ConsentCollection)); objects with no params twin keep
//! Stripe's name ([`TotalDetails`], [`Price`], [`Customer`]).
//!
//! **Decoding**: a field Stripe may omit or send as `null` is an `Option`; unknown fields are
//! ignored and unknown enum values are kept (`Unknown(String)`), so an answer from a newer API
//! version still parses; ids that Stripe expands on request are
//! [`Expandable`](crate::expand::Expandable). Back to [the flow](crate#the-flow-end-to-end).

pub(super) mod line_item;
pub(super) mod payment_method_options;
pub(super) mod session;
pub(super) mod session_custom_field;
pub(super) mod session_settings;
pub(super) mod shipping_rate;
pub(super) mod tax_rate;

pub use crate::resources::{Customer, PostalAddress};
pub use line_item::{
    CustomUnitAmount, DiscountAmount, LineItemDisplay, Price, PriceCurrencyOption, PriceMigration,
    PriceRecurring, PriceTier, Product, TaxAmount, TaxCalculationReference, TransformQuantity,
};
pub use payment_method_options::{
    SessionAcssDebitOptions, SessionAcssMandateOptions, SessionBankTransferOptions,
    SessionCardInstallments, SessionCardOptions, SessionCardRestrictions,
    SessionCustomerBalanceOptions, SessionDebitMandateOptions, SessionDebitOptions,
    SessionEuBankTransfer, SessionFinancialConnectionsFilters,
    SessionFinancialConnectionsManualEntry, SessionFinancialConnectionsOptions,
    SessionMethodOptions, SessionPaymentMethodOptions, SessionPaypalOptions,
    SessionPaytoMandateOptions, SessionPaytoOptions, SessionPixMandateOptions, SessionPixOptions,
    SessionSwishOptions, SessionUpiMandateOptions, SessionUpiOptions, SessionUsBankAccountOptions,
    SessionVoucherOptions, SessionWechatPayOptions,
};
pub use session::{
    CustomerTaxId, FeatureToggle, PaymentMethodConfigurationDetails, SessionAfterExpiration,
    SessionAutomaticTax, SessionCollectedInformation, SessionConsent, SessionCurrencyConversion,
    SessionCustomText, SessionCustomTextMessage, SessionCustomerDetails, SessionDiscount,
    SessionPermissions, SessionRecovery, SessionShippingAddressCollection, SessionShippingCost,
    SessionShippingDetails, SessionShippingOption, TaxLiability, TotalDetails,
    TotalDetailsBreakdown,
};
pub use session_custom_field::{
    SessionCustomField, SessionCustomFieldDropdown, SessionCustomFieldInput,
    SessionCustomFieldLabel, SessionCustomFieldOption,
};
pub use session_settings::{
    AdjustableQuantitySettings, SessionBranding, SessionBrandingImage, SessionConsentCollection,
    SessionInvoiceCreation, SessionInvoiceCustomField, SessionInvoiceData, SessionInvoiceIssuer,
    SessionInvoiceRenderingOptions, SessionLinkWalletOptions, SessionNameCollection,
    SessionNameField, SessionOptionalItem, SessionPermissionsUpdate, SessionPresentmentDetails,
    SessionRedaction, SessionReuseAgreement, SessionSavedPaymentMethodOptions,
    SessionTaxIdCollection, SessionWalletOptions,
};
pub use shipping_rate::{CurrencyAmount, DeliveryBound, DeliveryEstimate};
pub use tax_rate::{TaxRate, TaxRateFlatAmount};
