//! The Checkout enums besides the five at the module's root: the closed sets of values that
//! params send and objects answer (tax behaviour, intervals, card brands, page options, …).
//! Back to [the flow](crate#the-flow-end-to-end).
//!
//! Each is `#[non_exhaustive]` with an `Unknown(String)` fallback, so a value Stripe adds later
//! parses instead of failing; the variant's doc names the wire value. An enum used by both
//! sides is one type: the same `SubmitType` is sent in a
//! [`CreateSession`](super::CreateSession) and read back from a
//! [`CheckoutSession`](super::CheckoutSession). Coupon enums are in
//! [`coupons`](crate::coupons).

pub use super::objects::line_item::{BillingScheme, PriceType};
pub use super::objects::payment_method_options::{
    AuthorizationRequest, CardBrand, CardFunding, FutureUsage, MandateAmountType,
    ThreeDSecureRequest, VerificationMethod,
};
pub use super::objects::session::{AutomaticTaxStatus, LiabilityType};
pub use super::objects::session_settings::RedactionStatus;
pub use super::objects::shipping_rate::DeliveryUnit;
pub use super::objects::tax_rate::TaxRateType;
pub use super::params::branding::{BorderStyle, BrandingImageType, FontFamily};
pub use super::params::custom_fields::{CustomFieldLabelType, CustomFieldType};
pub use super::params::invoice_creation::{AmountTaxDisplay, IssuerType};
pub use super::params::page_options::{
    AllowRedisplay, CustomerCreation, CustomerUpdateBehavior, LinkDisplay, OriginContext,
    PaymentMethodCollection, PromotionsConsent, ReuseAgreementPosition, SavedPaymentMethodChoice,
    SubmitType, TaxIdRequirement, TermsOfServiceConsent,
};
pub use super::params::payment_intent_data::{CaptureMethod, SetupFutureUsage};
pub use super::params::shipping::ShippingRateType;
pub use super::params::subscription_data::{
    BillingInterval, BillingModeType, MissingPaymentMethod, ProrationBehavior, ProrationDiscounts,
};
pub use super::values::{
    BillingAddressCollection, RecurringInterval, RedirectOnCompletion, TaxBehavior,
};
pub use crate::resources::TaxExempt;
