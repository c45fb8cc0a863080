//! The nested parameters of the Checkout Session requests: what goes inside a
//! [`CreateSession`](super::CreateSession) or an [`UpdateSession`](super::UpdateSession)
//! (subscription and payment settings, page options, shipping, payment method options, …).
//! The requests themselves, and [`LineItem`](super::LineItem), are at the root of
//! [`checkout`](super); what Stripe answers is in [`objects`](super::objects); the enums
//! both share are in [`enums`](super::enums).
//!
//! **Naming**: a params type `X` is what you send; its answer twin, when Stripe returns the
//! same setting on the session, is `SessionX` in [`objects`](super::objects)
//! ([`SubscriptionData`] is sent, a session's `subscription_data` is never returned;
//! [`ConsentCollection`] is sent, [`SessionConsentCollection`](super::objects::SessionConsentCollection)
//! is read). An update's narrower variant is `UpdateX` ([`UpdateSubscriptionData`]).
//!
//! Every type has chained setters (required values go in `new(..)`) and encodes into the
//! exact pairs Stripe's official SDKs send (fields are declared in the SDKs' order). With the
//! feature `deserialize-params`, each also reads the SDKs' JSON parameter shape:
//!
//! ```
//! # #[cfg(feature = "deserialize-params")] {
//! use stripe_checkout_client::checkout::UpdateSession;
//! use stripe_checkout_client::form;
//!
//! let from_json: UpdateSession = serde_json::from_str(r#"{"discounts":""}"#)?;
//! assert_eq!(from_json, UpdateSession::new().clear_discounts());
//! assert_eq!(form::to_pairs(&from_json)?, [("discounts".to_owned(), String::new())]);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Params are checked locally before sending (one discount at most, well-formed ids and
//! currencies, metadata limits, …); a broken rule is
//! [`Error::InvalidParams`](crate::Error::InvalidParams) naming the parameter in Stripe's
//! bracket syntax. Back to [the flow](crate#the-flow-end-to-end).

pub(super) mod branding;
mod checks;
pub(super) mod create;
pub(super) mod custom_fields;
#[cfg(test)]
mod expand_only;
pub(super) mod invoice_creation;
pub(super) mod line_items;
pub(super) mod list;
pub(super) mod method_options;
pub(super) mod optional_item;
pub(super) mod page_options;
pub(super) mod payment_intent_data;
pub(super) mod session_options;
pub(super) mod session_update;
pub(super) mod shipping;
pub(super) mod subscription_data;
#[cfg(test)]
mod tests;
pub(super) mod update;
mod versions;

pub use branding::{BrandingImage, BrandingSettings};
pub use custom_fields::{
    CustomField, CustomFieldDropdown, CustomFieldLabel, CustomFieldOption, CustomFieldTextOptions,
    CustomText, CustomTextMessage,
};
#[cfg(test)]
pub(crate) use expand_only::{ExpireSession, RetrieveSession};
pub use invoice_creation::{
    InvoiceCreation, InvoiceCustomField, InvoiceData, InvoiceIssuer, InvoiceRenderingOptions,
};
pub use line_items::{
    AdjustableQuantity, MAX_UNIT_AMOUNT, PriceData, ProductData, ProductTaxDetails, Recurring,
};
pub use list::{CreatedFilter, RangeQuery};
pub use method_options::{
    AcssDebitOptions, AcssMandateOptions, BankTransferOptions, BlikMandateOptions, BlikOptions,
    CardInstallments, CardOptions, CardRestrictions, CustomerBalanceOptions, DebitMandateOptions,
    DebitOptions, EuBankTransfer, FinancialConnections, KlarnaNextBilling, KlarnaOptions,
    KlarnaSubscription, MethodOptions, P24Options, PaymentMethodOptions, PaypalOptions,
    PaytoMandateOptions, PaytoOptions, PixMandateOptions, PixOptions, SwishOptions,
    UpiMandateOptions, UpiOptions, UsBankAccountOptions, VoucherOptions, WechatPayOptions,
};
pub use optional_item::{OptionalItem, OptionalItemQuantity};
pub use page_options::{
    AdaptivePricing, AfterExpiration, ConsentCollection, CustomerUpdate, LinkWalletOptions,
    ManagedPayments, NameCollection, NameField, PaymentMethodData, Recovery, ReuseAgreement,
    SavedPaymentMethodOptions, TaxIdCollection, WalletOptions,
};
pub use payment_intent_data::{
    PaymentIntentData, PaymentShipping, PaymentTransferData, SetupIntentData, ShippingAddress,
};
pub use session_options::{
    AutomaticTax, AutomaticTaxLiability, Permissions, PermissionsUpdate, PhoneNumberCollection,
    ShippingAddressCollection,
};
pub use session_update::{
    CustomerDetailsFilter, UpdateAutomaticTax, UpdateInvoiceCreation, UpdateInvoiceData,
    UpdatePaymentIntentData, UpdateSubscriptionData, UpdateSubscriptionInvoiceSettings,
};
pub use shipping::{
    Address, CollectedInformation, FixedAmount, ShippingDetails, ShippingOption, ShippingRateData,
};
pub use subscription_data::{
    BillingCycleAnchorConfig, BillingMode, FlexibleBilling, PendingInvoiceItemInterval,
    SubscriptionData, SubscriptionInvoiceSettings, SubscriptionTransferData, TrialEndBehavior,
    TrialSettings,
};
