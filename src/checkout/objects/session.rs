//! The Checkout Session object as Stripe returns it: [`CheckoutSession`], its nested objects
//! (totals, permissions, customer details, shipping, tax) and the entries of its `discounts`
//! ([`SessionDiscount`]).
//!
//! Line items and prices are in `line_item.rs`; the customer, coupon, promotion code and
//! discount objects are shared models (re-exported from [`checkout`](crate::checkout) and
//! [`discounts`](crate::discounts)); request parameters are in `params/`.
//!
//! How fields decode (missing, `null`, unknown values) is documented on [`CheckoutSession`],
//! since this module's docs are not rendered; the other model files follow the same rules.

use std::collections::HashMap;

use serde_json::Value;

use crate::checkout::{
    BillingAddressCollection, CustomerCreation, DiscountAmount, OriginContext,
    PaymentMethodCollection, PaymentStatus, PermissionOwner, RedirectOnCompletion, SessionBranding,
    SessionConsentCollection, SessionCustomField, SessionInvoiceCreation, SessionLineItem,
    SessionMode, SessionNameCollection, SessionOptionalItem, SessionPaymentMethodOptions,
    SessionPermissionsUpdate, SessionPresentmentDetails, SessionRedaction,
    SessionSavedPaymentMethodOptions, SessionStatus, SessionTaxIdCollection, SessionWalletOptions,
    SubmitType, TaxAmount, UiMode,
};
use crate::declare::model::model;
use crate::expand::{Expandable, Object, StripeObject};
use crate::ids::CheckoutSessionId;
use crate::resources::{Coupon, Customer, PostalAddress, PromotionCode, TaxExempt};
use crate::wire::list::List;
use crate::wire::stripe_enum::stripe_enum;

/// Lets `Expandable<serde_json::Value>` give its id for expandable fields whose object this
/// crate does not model (payment intent, invoice, subscription, shipping rate, …). An object
/// without a string `id` gives `""`.
impl Object for Value {
    fn id(&self) -> &str {
        self.get("id").and_then(Value::as_str).unwrap_or("")
    }
}

fn checkout_session_object() -> String {
    "checkout.session".to_owned()
}

model! {
    /// A Checkout Session (`"object": "checkout.session"`): the customer's session as they pay
    /// through Checkout.
    ///
    /// # Decoding
    ///
    /// Parsing accepts what any API version sends, and the other response models
    /// ([`SessionLineItem`], [`Coupon`], [`PromotionCode`], …) follow the same rules:
    ///
    /// - A field Stripe may omit (update responses leave out `discounts` unless expanded) or send
    ///   as `null` is an `Option`; a missing `Option` field reads as `None`.
    /// - `metadata` and lists read `null` or a missing field as empty, and `livemode`, `enabled`
    ///   and `deleted` flags read it as `false`, so they need no `Option`.
    /// - Unknown fields are ignored and unknown enum values become `Unknown(..)`, so a response
    ///   from a newer API version still parses.
    /// - Every field Stripe documents for basil, the preview and endive is typed; a field that
    ///   exists only in some versions says so. Expandable fields whose object the crate does not
    ///   model (`payment_intent`, `invoice`, …) hold a [`StripeObject`] when expanded: its JSON,
    ///   whose `id` [`Expandable::id`] gives in both shapes.
    /// - Serializing writes `null` for `None` like Stripe does, except for the fields Stripe only
    ///   sends when expanded (`discounts` on updates, `line_items`, `total_details.breakdown`),
    ///   which are left out, so an emulator can answer in Stripe's shape.
    ///
    /// # Example
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{CheckoutSession, SessionStatus};
    ///
    /// let session: CheckoutSession = serde_json::from_str(
    ///     r#"{
    ///         "id": "cs_test_123",
    ///         "object": "checkout.session",
    ///         "status": "open",
    ///         "currency": "usd",
    ///         "amount_subtotal": 12000,
    ///         "amount_total": 10000,
    ///         "total_details": {"amount_discount": 2000, "amount_shipping": 0, "amount_tax": 0},
    ///         "permissions": {"update_discounts": "server_only"},
    ///         "discounts": [{"coupon": "SUMMER25", "promotion_code": null}]
    ///     }"#,
    /// )?;
    /// assert_eq!(session.id, "cs_test_123");
    /// assert!(session.is_open());
    /// assert_eq!(session.discount_amount(), 2000);
    /// assert_eq!(session.discounts.unwrap()[0].coupon_id(), Some("SUMMER25"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct CheckoutSession {
        /// Unique identifier for the session (`cs_…`); the only thing the browser sends.
        pub id: CheckoutSessionId,
        /// The object's type: `checkout.session`.
        pub object: String = checkout_session_object(),
        /// Adaptive Pricing settings (`enabled`): whether the customer may pay in their local
        /// currency.
        pub adaptive_pricing: Option<FeatureToggle>,
        /// What happens after the session expires (recovery settings).
        pub after_expiration: Option<SessionAfterExpiration>,
        /// Whether promotion codes can be entered on the page.
        pub allow_promotion_codes: Option<bool>,
        /// The payment method types the customer may use, as the session was created with them
        /// (endive).
        pub allowed_payment_method_types: Vec<String>,
        /// Total of all items before discounts or taxes, in the currency's smallest unit.
        pub amount_subtotal: Option<i64>,
        /// Total of all items after discounts and taxes, in the currency's smallest unit.
        pub amount_total: Option<i64>,
        /// Automatic tax (Stripe Tax) settings and state.
        pub automatic_tax: Option<SessionAutomaticTax>,
        /// Whether Checkout collects the customer's billing address.
        pub billing_address_collection: Option<BillingAddressCollection>,
        /// The page's branding (not in basil).
        pub branding_settings: Option<SessionBranding>,
        /// Where the customer goes if they cancel (hosted sessions).
        pub cancel_url: Option<String>,
        /// Your own reference for the session, set when it was created (e.g. a cart or user id).
        pub client_reference_id: Option<String>,
        /// The secret the front end initializes an embedded or custom session with; never log it.
        pub client_secret: Option<String>,
        /// Information collected on the page or passed in by your server (name, shipping).
        pub collected_information: Option<SessionCollectedInformation>,
        /// The consents the customer gave (promotions, terms of service).
        pub consent: Option<SessionConsent>,
        /// Which consents the page asks for.
        pub consent_collection: Option<SessionConsentCollection>,
        /// When the session was created, in seconds since the Unix epoch.
        pub created: Option<i64>,
        /// Three-letter ISO currency code, lowercase (`usd`).
        pub currency: Option<String>,
        /// Currency conversion details when Adaptive Pricing converted the amounts.
        pub currency_conversion: Option<SessionCurrencyConversion>,
        /// Custom fields shown on the page, with what the customer entered (see
        /// [`custom_field`](Self::custom_field)).
        pub custom_fields: Vec<SessionCustomField>,
        /// Custom text shown on the page.
        pub custom_text: Option<SessionCustomText>,
        /// The customer (`cus_…`), or the [`Customer`] object when expanded.
        pub customer: Option<Expandable<Customer>>,
        /// The customer's Account id (`acct_…`) in newer API versions.
        pub customer_account: Option<String>,
        /// When a customer is created in payment mode.
        pub customer_creation: Option<CustomerCreation>,
        /// What the customer entered on the page (email, address, tax ids); set once they do.
        pub customer_details: Option<SessionCustomerDetails>,
        /// The email address prefilled when the session was created.
        pub customer_email: Option<String>,
        /// The coupons and promotion codes applied; absent from update responses unless the
        /// request expanded `discounts`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub discounts: Option<Vec<SessionDiscount>>,
        /// The payment method types left out of the page (not in basil).
        pub excluded_payment_method_types: Vec<String>,
        /// When the session expires, in seconds since the Unix epoch.
        pub expires_at: Option<i64>,
        /// An identifier Stripe sets for some integrations; `null` otherwise.
        pub integration_identifier: Option<String>,
        /// The invoice created for the session (`in_…`), or the invoice object when expanded.
        pub invoice: Option<Expandable<StripeObject>>,
        /// Invoice creation settings for payment mode.
        pub invoice_creation: Option<SessionInvoiceCreation>,
        /// The line items, present only when the request expanded `line_items`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub line_items: Option<List<SessionLineItem>>,
        /// `true` in live mode, `false` in test mode.
        pub livemode: bool,
        /// The page's locale (`auto`, `en`, `fr`, …).
        pub locale: Option<String>,
        /// Managed Payments settings (`enabled`).
        pub managed_payments: Option<FeatureToggle>,
        /// Your key-value pairs stored on the session (empty when none).
        pub metadata: HashMap<String, String>,
        /// What the session collects: a payment, a setup, or a subscription.
        pub mode: Option<SessionMode>,
        /// Name collection settings (not in basil).
        pub name_collection: Option<SessionNameCollection>,
        /// Where the session was started from.
        pub origin_context: Option<OriginContext>,
        /// Items the customer may add to the order.
        pub optional_items: Vec<SessionOptionalItem>,
        /// The payment intent (`pi_…`), or its object when expanded.
        pub payment_intent: Option<Expandable<StripeObject>>,
        /// The payment link that created the session (`plink_…`), or its object when expanded.
        pub payment_link: Option<Expandable<StripeObject>>,
        /// Whether payment method details are collected in subscription mode.
        pub payment_method_collection: Option<PaymentMethodCollection>,
        /// Which payment method configuration the session uses.
        pub payment_method_configuration_details: Option<PaymentMethodConfigurationDetails>,
        /// The options of each payment method.
        pub payment_method_options: Option<SessionPaymentMethodOptions>,
        /// The payment method types the customer may use (`card`, …).
        pub payment_method_types: Vec<String>,
        /// Whether the payment went through: `paid`, `unpaid` or `no_payment_required`.
        pub payment_status: Option<PaymentStatus>,
        /// Who may update discounts, line items and shipping details.
        pub permissions: Option<SessionPermissions>,
        /// Whether the customer's phone number is collected (`enabled`).
        pub phone_number_collection: Option<FeatureToggle>,
        /// The amount and currency the customer sees when they differ from the session's
        /// (Adaptive Pricing).
        pub presentment_details: Option<SessionPresentmentDetails>,
        /// The expired session this one was recovered from.
        pub recovered_from: Option<String>,
        /// When an embedded or custom session redirects after completion.
        pub redirect_on_completion: Option<RedirectOnCompletion>,
        /// Where an embedded or custom session sends the customer after completion.
        pub return_url: Option<String>,
        /// The removal of the session's personal data (preview only).
        pub redaction: Option<SessionRedaction>,
        /// Saved payment method settings.
        pub saved_payment_method_options: Option<SessionSavedPaymentMethodOptions>,
        /// The setup intent (`seti_…`), or its object when expanded.
        pub setup_intent: Option<Expandable<StripeObject>>,
        /// The countries a shipping address may be in, when Checkout collects one.
        pub shipping_address_collection: Option<SessionShippingAddressCollection>,
        /// The chosen shipping rate and its amounts.
        pub shipping_cost: Option<SessionShippingCost>,
        /// The shipping rates offered.
        pub shipping_options: Vec<SessionShippingOption>,
        /// Whether the session is open, complete or expired.
        pub status: Option<SessionStatus>,
        /// The label of the submit button.
        pub submit_type: Option<SubmitType>,
        /// The subscription (`sub_…`), or its object when expanded.
        pub subscription: Option<Expandable<StripeObject>>,
        /// Where the customer goes after paying (hosted sessions).
        pub success_url: Option<String>,
        /// Tax id collection settings.
        pub tax_id_collection: Option<SessionTaxIdCollection>,
        /// The discount, shipping and tax totals.
        pub total_details: Option<TotalDetails>,
        /// How the page is presented (`custom`/`elements`, `embedded`, `hosted`, …).
        pub ui_mode: Option<UiMode>,
        /// The URL of a hosted session's page.
        pub url: Option<String>,
        /// Wallet settings (Link), not in basil.
        pub wallet_options: Option<SessionWalletOptions>,
    }
}

impl CheckoutSession {
    /// The amount taken off by discounts (`total_details.amount_discount`), or 0 when Stripe
    /// sent none.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::CheckoutSession;
    /// let s: CheckoutSession = serde_json::from_str(r#"{"id":"cs_test_1"}"#)?;
    /// assert_eq!(s.discount_amount(), 0);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn discount_amount(&self) -> i64 {
        self.total_details
            .as_ref()
            .and_then(|t| t.amount_discount)
            .unwrap_or(0)
    }

    /// Whether the session is [`SessionStatus::Open`], so it can still be updated and paid.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::CheckoutSession;
    /// let s: CheckoutSession = serde_json::from_str(r#"{"id":"cs_test_1","status":"expired"}"#)?;
    /// assert!(!s.is_open());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn is_open(&self) -> bool {
        self.status == Some(SessionStatus::Open)
    }

    /// Who may update the discounts (`permissions.update_discounts`); `None` when Stripe did
    /// not say, which means Stripe's default.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{CheckoutSession, PermissionOwner};
    /// let s: CheckoutSession = serde_json::from_str(
    ///     r#"{"id":"cs_test_1","permissions":{"update_discounts":"server_only"}}"#,
    /// )?;
    /// assert_eq!(s.update_discounts_permission(), Some(&PermissionOwner::ServerOnly));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn update_discounts_permission(&self) -> Option<&PermissionOwner> {
        self.permissions
            .as_ref()
            .and_then(|p| p.update_discounts.as_ref())
    }

    /// The custom field with this key, if the page has one (see [`SessionCustomField`]).
    pub fn custom_field(&self, key: &str) -> Option<&SessionCustomField> {
        self.custom_fields.iter().find(|field| field.key == key)
    }
}

impl Object for CheckoutSession {
    fn id(&self) -> &str {
        self.id.as_str()
    }
}

model! {
    /// One entry of a session's `discounts`: a coupon or a promotion code, each an id or, when
    /// the request expanded `discounts` (or `discounts.coupon`, `discounts.promotion_code`), the
    /// object.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::objects::SessionDiscount;
    ///
    /// let id: SessionDiscount = serde_json::from_str(r#"{"coupon":"SUMMER25","promotion_code":null}"#)?;
    /// let expanded: SessionDiscount = serde_json::from_str(
    ///     r#"{"coupon":{"id":"SUMMER25","object":"coupon","percent_off":25.0},"promotion_code":null}"#,
    /// )?;
    /// assert_eq!(id.coupon_id(), expanded.coupon_id());
    /// assert_eq!(expanded.coupon().and_then(|c| c.percent_off), Some(25.0));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct SessionDiscount {
        /// The coupon applied (its id, or the [`Coupon`] when expanded).
        pub coupon: Option<Expandable<Coupon>>,
        /// The promotion code applied (its id, or the [`PromotionCode`] when expanded).
        pub promotion_code: Option<Expandable<PromotionCode>>,
    }
}

impl SessionDiscount {
    /// The coupon's id: from `coupon`, or else from an expanded promotion code's coupon.
    pub fn coupon_id(&self) -> Option<&str> {
        match (&self.coupon, &self.promotion_code) {
            (Some(coupon), _) => Some(coupon.id()),
            (None, Some(code)) => code.as_object().and_then(PromotionCode::coupon_id),
            (None, None) => None,
        }
    }

    /// The coupon object, when expanded directly or inside an expanded promotion code.
    pub fn coupon(&self) -> Option<&Coupon> {
        self.coupon
            .as_ref()
            .and_then(Expandable::as_object)
            .or_else(|| {
                self.promotion_code
                    .as_ref()
                    .and_then(Expandable::as_object)
                    .and_then(PromotionCode::coupon)
            })
    }

    /// The promotion code's id (`promo_…`), if one was applied.
    pub fn promotion_code_id(&self) -> Option<&str> {
        self.promotion_code.as_ref().map(Expandable::id)
    }
}

model! {
    /// A setting Stripe reports as `{"enabled": bool}`: `adaptive_pricing`, `managed_payments`
    /// and `phone_number_collection`.
    #[derive(Default, Eq)]
    pub struct FeatureToggle {
        /// Whether the feature is on.
        pub enabled: bool,
    }
}

model! {
    /// What happens after a session expires (`after_expiration`).
    #[derive(Eq)]
    pub struct SessionAfterExpiration {
        /// Recovery settings: whether an expired session can be recovered through a link.
        pub recovery: Option<SessionRecovery>,
    }
}

model! {
    /// Recovery of an expired session (`after_expiration.recovery`).
    #[derive(Eq)]
    pub struct SessionRecovery {
        /// Whether promotion codes can be entered on the recovered session.
        pub allow_promotion_codes: Option<bool>,
        /// Whether recovery is on.
        pub enabled: bool,
        /// When the recovery URL expires, in seconds since the Unix epoch.
        pub expires_at: Option<i64>,
        /// The URL that starts a new session from the expired one.
        pub url: Option<String>,
    }
}

model! {
    /// Automatic tax (Stripe Tax) on a session (`automatic_tax`).
    pub struct SessionAutomaticTax {
        /// Whether Stripe Tax computes tax automatically.
        pub enabled: bool,
        /// Why automatic tax is or is not enabled, in newer API versions. Kept as JSON.
        pub enablement_details: Option<Value>,
        /// Which account is liable for tax.
        pub liability: Option<TaxLiability>,
        /// The tax provider (`stripe`, …).
        pub provider: Option<String>,
        /// The state of the tax calculation.
        pub status: Option<AutomaticTaxStatus>,
    }
}

model! {
    /// The account liable for tax (`automatic_tax.liability`).
    pub struct TaxLiability {
        /// Whose liability: a connected `account` or the account itself (`self`).
        pub type_ as "type": Option<LiabilityType>,
        /// The connected account (`acct_…`) when `type` is `account`, or its object when
        /// expanded.
        pub account: Option<Expandable<StripeObject>>,
    }
}

stripe_enum!(
    /// Which account is liable for tax.
    LiabilityType {
        /// A connected account (`account`).
        Account = "account",
        /// The account the session was created on (`self`).
        SelfAccount = "self",
    }
);

stripe_enum!(
    /// The state of a session's automatic tax calculation.
    AutomaticTaxStatus {
        /// Tax was calculated.
        Complete = "complete",
        /// The calculation failed.
        Failed = "failed",
        /// The customer's location is needed first.
        RequiresLocationInputs = "requires_location_inputs",
    }
);

model! {
    /// Information collected on the page or passed in by your server (`collected_information`).
    #[derive(Eq)]
    pub struct SessionCollectedInformation {
        /// The customer's business name.
        pub business_name: Option<String>,
        /// The customer's email address (preview only).
        pub email: Option<String>,
        /// The customer's individual name.
        pub individual_name: Option<String>,
        /// The customer's phone number (preview only).
        pub phone: Option<String>,
        /// Where to ship.
        pub shipping_details: Option<SessionShippingDetails>,
        /// The customer's tax id (preview only).
        pub tax_id: Option<CustomerTaxId>,
    }
}

model! {
    /// A name and address to ship to (`collected_information.shipping_details`).
    #[derive(Eq)]
    pub struct SessionShippingDetails {
        /// The shipping address.
        pub address: Option<PostalAddress>,
        /// The recipient's name.
        pub name: Option<String>,
    }
}

model! {
    /// The consents the customer gave (`consent`).
    #[derive(Eq)]
    pub struct SessionConsent {
        /// Promotional communication consent: `opt_in` or `opt_out`.
        pub promotions: Option<String>,
        /// Terms of service acceptance: `accepted`.
        pub terms_of_service: Option<String>,
    }
}

model! {
    /// Currency conversion done by Adaptive Pricing (`currency_conversion`).
    #[derive(Eq)]
    pub struct SessionCurrencyConversion {
        /// The subtotal before discounts and taxes, in the source currency.
        pub amount_subtotal: Option<i64>,
        /// The total after discounts and taxes, in the source currency.
        pub amount_total: Option<i64>,
        /// The exchange rate, as a decimal string.
        pub fx_rate: Option<String>,
        /// The currency the session was created in.
        pub source_currency: Option<String>,
    }
}

model! {
    /// Custom text shown on the page (`custom_text`).
    #[derive(Eq)]
    pub struct SessionCustomText {
        /// Shown after the payment confirmation button.
        pub after_submit: Option<SessionCustomTextMessage>,
        /// Shown next to the shipping address form.
        pub shipping_address: Option<SessionCustomTextMessage>,
        /// Shown next to the payment confirmation button.
        pub submit: Option<SessionCustomTextMessage>,
        /// Shown in place of the default terms of service agreement text.
        pub terms_of_service_acceptance: Option<SessionCustomTextMessage>,
    }
}

model! {
    /// One custom text (`custom_text.*`).
    #[derive(Eq)]
    pub struct SessionCustomTextMessage {
        /// The text (up to 1200 characters).
        pub message: Option<String>,
    }
}

model! {
    /// What the customer entered on the page (`customer_details`).
    #[derive(Eq)]
    pub struct SessionCustomerDetails {
        /// The billing address.
        pub address: Option<PostalAddress>,
        /// The customer's business name.
        pub business_name: Option<String>,
        /// The customer's email address.
        pub email: Option<String>,
        /// The customer's individual name.
        pub individual_name: Option<String>,
        /// The customer's name.
        pub name: Option<String>,
        /// The customer's phone number.
        pub phone: Option<String>,
        /// The customer's tax exemption status.
        pub tax_exempt: Option<TaxExempt>,
        /// The tax ids the customer entered.
        pub tax_ids: Option<Vec<CustomerTaxId>>,
    }
}

model! {
    /// A tax id the customer entered (`customer_details.tax_ids[]`).
    #[derive(Eq)]
    pub struct CustomerTaxId {
        /// The kind of tax id (`eu_vat`, `us_ein`, …).
        pub type_ as "type": Option<String>,
        /// The tax id's value.
        pub value: Option<String>,
    }
}

model! {
    /// Which payment method configuration a session uses
    /// (`payment_method_configuration_details`).
    #[derive(Eq)]
    pub struct PaymentMethodConfigurationDetails {
        /// The configuration's id (`pmc_…`).
        pub id: Option<String>,
        /// The parent configuration's id, for a Connect child configuration.
        pub parent: Option<String>,
    }
}

model! {
    /// Who may update which part of a session (`permissions`), as Stripe returns it.
    ///
    /// The request parameter counterpart is [`Permissions`](crate::checkout::Permissions).
    #[derive(Default, Eq)]
    pub struct SessionPermissions {
        /// Who may update the discounts; `server_only` in the dynamic-discounts flow.
        pub update_discounts: Option<PermissionOwner>,
        /// Who may update the line items.
        pub update_line_items: Option<PermissionOwner>,
        /// Who may update the shipping details.
        pub update_shipping_details: Option<PermissionOwner>,
        /// Who may update line items and shipping details, grouped (preview only).
        pub update: Option<SessionPermissionsUpdate>,
    }
}

model! {
    /// The countries a shipping address may be in (`shipping_address_collection`).
    #[derive(Eq)]
    pub struct SessionShippingAddressCollection {
        /// Two-letter ISO country codes (`US`).
        pub allowed_countries: Vec<String>,
    }
}

model! {
    /// The chosen shipping rate and its amounts (`shipping_cost`).
    pub struct SessionShippingCost {
        /// Shipping before taxes, in the currency's smallest unit.
        pub amount_subtotal: Option<i64>,
        /// Tax on shipping, in the currency's smallest unit.
        pub amount_tax: Option<i64>,
        /// Shipping after taxes, in the currency's smallest unit.
        pub amount_total: Option<i64>,
        /// The shipping rate (`shr_…`), or its object when expanded.
        pub shipping_rate: Option<Expandable<StripeObject>>,
        /// The taxes on shipping, present only when expanded.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub taxes: Option<Vec<TaxAmount>>,
    }
}

model! {
    /// One shipping rate offered (`shipping_options[]`).
    pub struct SessionShippingOption {
        /// The shipping amount, in the currency's smallest unit.
        pub shipping_amount: Option<i64>,
        /// The shipping rate (`shr_…`), or its object when expanded.
        pub shipping_rate: Option<Expandable<StripeObject>>,
    }
}

model! {
    /// The discount, shipping and tax totals of a session (`total_details`).
    #[derive(Default)]
    pub struct TotalDetails {
        /// The amount taken off by discounts, in the currency's smallest unit.
        pub amount_discount: Option<i64>,
        /// The shipping amount, in the currency's smallest unit.
        pub amount_shipping: Option<i64>,
        /// The tax amount, in the currency's smallest unit.
        pub amount_tax: Option<i64>,
        /// Each discount's and tax's share, present only when the request expanded
        /// `total_details.breakdown`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub breakdown: Option<TotalDetailsBreakdown>,
    }
}

model! {
    /// The discounts and taxes behind a session's totals (`total_details.breakdown`).
    #[derive(Default)]
    pub struct TotalDetailsBreakdown {
        /// Each discount applied, with the amount it took off.
        pub discounts: Vec<DiscountAmount>,
        /// Each tax applied, with its amount.
        pub taxes: Vec<TaxAmount>,
    }
}

#[cfg(test)]
mod tests;
