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
use crate::expand::{Expandable, Object, StripeObject};
use crate::ids::CheckoutSessionId;
use crate::resources::{Coupon, Customer, PostalAddress, PromotionCode, TaxExempt};
use crate::wire::list::List;
use crate::wire::model::{model, stream_direct, stream_model};
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

stream_model! {
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

stream_model! {
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

stream_model! {
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

stream_model! {
    /// The discounts and taxes behind a session's totals (`total_details.breakdown`).
    #[derive(Default)]
    pub struct TotalDetailsBreakdown {
        /// Each discount applied, with the amount it took off.
        pub discounts: Vec<DiscountAmount>,
        /// Each tax applied, with its amount.
        pub taxes: Vec<TaxAmount>,
    }
}

stream_direct!(
    Option<Vec<SessionDiscount>>,
    Option<List<SessionLineItem>>,
    Option<TotalDetails>,
    Option<TotalDetailsBreakdown> ; ;
);

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::checkout::{
        CaptureMethod, CardBrand, CustomFieldType, FutureUsage, IssuerType, ReuseAgreementPosition,
        ThreeDSecureRequest, VerificationMethod,
    };
    use crate::coupons::CouponDuration;

    const SESSION: &str = include_str!("../../../tests/fixtures/checkout_session.json");
    const COUPON: &str = include_str!("../../../tests/fixtures/coupon.json");
    const PROMOTION_CODE: &str = include_str!("../../../tests/fixtures/promotion_code.json");
    const DISCOUNT: &str = include_str!("../../../tests/fixtures/discount.json");
    const ITEM: &str = include_str!("../../../tests/fixtures/item.json");

    fn fixture() -> Value {
        serde_json::from_str(SESSION).unwrap()
    }

    fn parse(value: Value) -> CheckoutSession {
        serde_json::from_value(value).expect("session parses")
    }

    fn with(mut value: Value, fields: Value) -> Value {
        let (Value::Object(base), Value::Object(extra)) = (&mut value, fields) else {
            panic!("objects expected");
        };
        base.extend(extra);
        value
    }

    #[test]
    fn an_unmodelled_expanded_object_gives_its_id() {
        let expanded: Expandable<Value> =
            serde_json::from_value(json!({"id": "in_1", "object": "invoice"})).unwrap();
        assert_eq!(expanded.id(), "in_1");
        let no_id: Expandable<Value> =
            serde_json::from_value(json!({"object": "invoice", "id": 7})).unwrap();
        assert_eq!(no_id.id(), "");
    }

    #[test]
    fn fixture_parses_with_its_values() {
        let s = parse(fixture());
        assert_eq!(
            s.id,
            "cs_test_a1P5YYluaNII2Sw4YvDcqWDVcCaEF88dgjX1R52zahnP5GOEowMj42pzSq"
        );
        assert_eq!(s.object, "checkout.session");
        assert_eq!(s.adaptive_pricing, Some(FeatureToggle { enabled: true }));
        let recovery = s.after_expiration.unwrap().recovery.unwrap();
        assert_eq!(recovery.allow_promotion_codes, Some(true));
        assert!(recovery.enabled);
        assert_eq!((recovery.expires_at, recovery.url), (None, None));
        assert_eq!(s.allow_promotion_codes, None);
        assert_eq!((s.amount_subtotal, s.amount_total), (None, None));
        let tax = s.automatic_tax.unwrap();
        assert!(!tax.enabled);
        assert_eq!(
            tax.enablement_details.unwrap()["source"],
            json!("managed_payments")
        );
        let liability = tax.liability.unwrap();
        assert_eq!(liability.type_, Some(LiabilityType::Account));
        assert_eq!(liability.account, None);
        assert_eq!((tax.provider, tax.status), (None, None));
        assert_eq!(s.billing_address_collection, None);
        assert_eq!(s.cancel_url.as_deref(), Some("https://example.com/cancel"));
        assert_eq!((s.client_reference_id, s.client_secret), (None, None));
        let info = s.collected_information.unwrap();
        assert_eq!((info.business_name, info.individual_name), (None, None));
        let shipping = info.shipping_details.unwrap();
        assert_eq!(shipping.name.as_deref(), Some("name"));
        assert_eq!(shipping.address, Some(PostalAddress::default()));
        let consent = s.consent.unwrap();
        assert_eq!((consent.promotions, consent.terms_of_service), (None, None));
        assert_eq!(
            s.consent_collection
                .unwrap()
                .payment_method_reuse_agreement
                .unwrap()
                .position,
            Some(ReuseAgreementPosition::Hidden)
        );
        assert_eq!(s.created, Some(1_234_567_890));
        assert_eq!(s.currency, None);
        let conversion = s.currency_conversion.unwrap();
        assert_eq!(conversion.amount_subtotal, Some(1_555_417_355));
        assert_eq!(conversion.amount_total, Some(1_117_121_693));
        assert_eq!(conversion.fx_rate.as_deref(), Some("291452898"));
        assert_eq!(conversion.source_currency.as_deref(), Some("usd"));
        assert!(s.custom_fields.is_empty());
        let text = s.custom_text.unwrap();
        for message in [
            text.after_submit,
            text.shipping_address,
            text.submit,
            text.terms_of_service_acceptance,
        ] {
            assert_eq!(message.unwrap().message.as_deref(), Some("message"));
        }
        assert_eq!(s.customer, None);
        assert_eq!((s.customer_account, s.customer_creation), (None, None));
        let details = s.customer_details.unwrap();
        assert_eq!(details.address, Some(PostalAddress::default()));
        assert_eq!(details.email.as_deref(), Some("example@example.com"));
        assert_eq!(details.tax_exempt, Some(TaxExempt::None));
        assert_eq!(
            (details.name, details.phone, details.tax_ids),
            (None, None, None)
        );
        assert_eq!(
            (details.business_name, details.individual_name),
            (None, None)
        );
        assert_eq!(s.customer_email, None);
        assert_eq!(s.discounts, None);
        assert_eq!(s.expires_at, Some(1_234_567_890));
        assert_eq!(s.integration_identifier, None);
        assert_eq!(s.invoice, None);
        assert_eq!(
            s.invoice_creation
                .unwrap()
                .invoice_data
                .unwrap()
                .issuer
                .unwrap()
                .type_,
            Some(IssuerType::Account)
        );
        assert_eq!(s.line_items, None);
        assert!(!s.livemode);
        assert_eq!(s.locale, None);
        assert_eq!(s.managed_payments, Some(FeatureToggle { enabled: true }));
        assert!(s.metadata.is_empty());
        assert_eq!(s.mode, Some(SessionMode::Payment));
        assert_eq!(s.origin_context, None);
        assert_eq!(
            s.payment_intent.as_ref().map(Expandable::id),
            Some("pi_1Mcd6XJITzLVzkSmwOxqskee")
        );
        assert_eq!(s.payment_link, None);
        assert_eq!(s.payment_method_collection, None);
        let pmc = s.payment_method_configuration_details.unwrap();
        assert_eq!((pmc.id.as_deref(), pmc.parent), (Some("obj_123"), None));
        assert_eq!(
            s.payment_method_options,
            Some(SessionPaymentMethodOptions::default())
        );
        assert_eq!(s.payment_method_types, ["card"]);
        assert_eq!(s.payment_status, Some(PaymentStatus::Unpaid));
        assert_eq!(
            s.permissions,
            Some(SessionPermissions {
                update_discounts: None,
                update_line_items: None,
                update_shipping_details: None,
                update: None,
            })
        );
        assert_eq!(s.phone_number_collection, Some(FeatureToggle::default()));
        assert_eq!(s.recovered_from, None);
        assert_eq!(
            s.saved_payment_method_options.unwrap().payment_method_save,
            None
        );
        assert_eq!(s.setup_intent, None);
        assert_eq!(
            s.shipping_address_collection.unwrap().allowed_countries,
            ["SC"]
        );
        let cost = s.shipping_cost.unwrap();
        assert_eq!(cost.amount_subtotal, Some(1_555_417_355));
        assert_eq!(cost.amount_tax, Some(1_424_534_716));
        assert_eq!(cost.amount_total, Some(1_117_121_693));
        assert_eq!((cost.shipping_rate, cost.taxes), (None, None));
        assert!(s.shipping_options.is_empty());
        assert_eq!(s.status, Some(SessionStatus::Open));
        assert_eq!((s.submit_type, s.subscription), (None, None));
        assert_eq!(
            s.success_url.as_deref(),
            Some("https://example.com/success")
        );
        let totals = s.total_details.unwrap();
        assert_eq!(totals.amount_discount, Some(406_046_392));
        assert_eq!(totals.amount_shipping, None);
        assert_eq!(totals.amount_tax, Some(1_424_534_716));
        assert_eq!(totals.breakdown, None);
        assert_eq!(s.ui_mode, None);
        assert_eq!(
            s.url.as_deref(),
            Some(
                "https://checkout.stripe.com/pay/c/cs_test_a1P5YYluaNII2Sw4YvDcqWDVcCaEF88dgjX1R52zahnP5GOEowMj42pzSq"
            )
        );
        assert_eq!(s.wallet_options, Some(SessionWalletOptions { link: None }));
    }

    #[test]
    fn helpers_read_totals_status_and_permissions() {
        let s = parse(fixture());
        assert_eq!(s.discount_amount(), 406_046_392);
        assert!(s.is_open());
        assert_eq!(s.update_discounts_permission(), None);
        assert_eq!(Object::id(&s), s.id.as_str());

        let s = parse(json!({
            "id": "cs_test_1",
            "status": "complete",
            "total_details": {"amount_discount": null},
            "permissions": {"update_discounts": "server_only"},
        }));
        assert_eq!(s.discount_amount(), 0);
        assert!(!s.is_open());
        assert_eq!(
            s.update_discounts_permission(),
            Some(&PermissionOwner::ServerOnly)
        );
    }

    #[test]
    fn minimal_and_null_fields_parse_to_defaults() {
        let s = parse(json!({"id": "cs_test_1"}));
        assert_eq!(s.object, "checkout.session");
        assert!(s.metadata.is_empty() && s.payment_method_types.is_empty());
        assert_eq!((s.status, s.discounts, s.total_details), (None, None, None));

        let s = parse(json!({
            "id": "cs_test_1", "metadata": null, "livemode": null, "custom_fields": null,
            "payment_method_types": null, "shipping_options": null, "discounts": null,
            "customer": null, "phone_number_collection": {"enabled": null},
        }));
        assert!(s.metadata.is_empty() && !s.livemode && s.shipping_options.is_empty());
        assert_eq!(s.phone_number_collection, Some(FeatureToggle::default()));
        assert_eq!(s.discounts, None);
    }

    #[test]
    fn unknown_enum_values_are_kept() {
        let s = parse(with(
            fixture(),
            json!({
                "status": "paused",
                "ui_mode": "hologram",
                "mode": "barter",
                "payment_status": "pending",
                "billing_address_collection": "sometimes",
                "redirect_on_completion": "maybe",
                "permissions": {"update_discounts": "robot_only"},
                "customer_details": {"tax_exempt": "partial"},
                "automatic_tax": {"enabled": true, "status": "pondering",
                                   "liability": {"type": "platform"}},
            }),
        ));
        assert_eq!(s.status, Some(SessionStatus::Unknown("paused".into())));
        assert_eq!(s.ui_mode, Some(UiMode::Unknown("hologram".into())));
        assert_eq!(s.mode, Some(SessionMode::Unknown("barter".into())));
        assert_eq!(
            s.payment_status,
            Some(PaymentStatus::Unknown("pending".into()))
        );
        assert_eq!(
            s.billing_address_collection,
            Some(BillingAddressCollection::Unknown("sometimes".into()))
        );
        assert_eq!(
            s.redirect_on_completion,
            Some(RedirectOnCompletion::Unknown("maybe".into()))
        );
        assert_eq!(
            s.update_discounts_permission(),
            Some(&PermissionOwner::Unknown("robot_only".into()))
        );
        assert!(!s.is_open());
        assert_eq!(
            s.customer_details.unwrap().tax_exempt,
            Some(TaxExempt::Unknown("partial".into()))
        );
        let tax = s.automatic_tax.unwrap();
        assert_eq!(
            tax.status,
            Some(AutomaticTaxStatus::Unknown("pondering".into()))
        );
        assert_eq!(
            tax.liability.unwrap().type_,
            Some(LiabilityType::Unknown("platform".into()))
        );
    }

    #[test]
    fn unknown_fields_are_ignored_at_every_level() {
        let mut value = fixture();
        value["brand_new_field"] = json!({"anything": [1, 2, 3]});
        value["total_details"]["amount_surprise"] = json!(7);
        value["permissions"]["update_everything"] = json!("server_only");
        value["collected_information"]["shipping_details"]["address"]["planet"] = json!("Mars");
        value["automatic_tax"]["liability"]["since"] = json!(1);
        value["after_expiration"]["recovery"]["extra"] = json!(true);
        value["discounts"] = json!([{
            "coupon": {"id": "SUMMER25", "object": "coupon", "percent_off": 25.0,
                       "duration": "once", "new_coupon_field": {"x": 1}},
            "promotion_code": null,
            "discount_kind": "new",
        }]);
        let s = parse(value);
        assert_eq!(s.discount_amount(), 406_046_392);
        assert_eq!(s.discounts.unwrap()[0].coupon_id(), Some("SUMMER25"));
        assert_eq!(parse(fixture()).id, s.id);
    }

    fn coupon_json() -> Value {
        serde_json::from_str(COUPON).unwrap()
    }

    #[test]
    fn discounts_parse_unexpanded_and_expanded_alike() {
        let unexpanded = parse(json!({
            "id": "cs_test_1",
            "discounts": [{"coupon": "Z4OV52SU", "promotion_code": null}],
        }));
        let expanded = parse(json!({
            "id": "cs_test_1",
            "discounts": [{"coupon": coupon_json(), "promotion_code": null}],
        }));

        let mut basil_code: Value = serde_json::from_str(PROMOTION_CODE).unwrap();
        let code = basil_code.as_object_mut().unwrap();
        code.remove("promotion");
        code.insert("coupon".into(), coupon_json());
        let via_basil_code = parse(json!({
            "id": "cs_test_1",
            "discounts": [{"coupon": null, "promotion_code": basil_code}],
        }));

        let mut new_code: Value = serde_json::from_str(PROMOTION_CODE).unwrap();
        new_code["promotion"]["coupon"] = coupon_json();
        let via_new_code = parse(json!({
            "id": "cs_test_1",
            "discounts": [{"coupon": "Z4OV52SU", "promotion_code": new_code}],
        }));
        let mut new_code_id_only: Value = serde_json::from_str(PROMOTION_CODE).unwrap();
        new_code_id_only["promotion"]["coupon"] = json!("Z4OV52SU");
        let via_new_code_id = parse(json!({
            "id": "cs_test_1",
            "discounts": [{"promotion_code": new_code_id_only}],
        }));

        let first = |s: &CheckoutSession| s.discounts.as_ref().unwrap()[0].clone();
        for s in [
            &unexpanded,
            &expanded,
            &via_basil_code,
            &via_new_code,
            &via_new_code_id,
        ] {
            assert_eq!(first(s).coupon_id(), Some("Z4OV52SU"), "{s:?}");
        }
        assert_eq!(first(&unexpanded).coupon(), None);
        assert_eq!(first(&unexpanded).promotion_code_id(), None);
        for s in [&expanded, &via_basil_code, &via_new_code] {
            let coupon = first(s).coupon().cloned().expect("coupon object");
            assert_eq!(coupon.percent_off, Some(25.5));
            assert_eq!(coupon.duration, Some(CouponDuration::Repeating));
        }
        for s in [&via_basil_code, &via_new_code, &via_new_code_id] {
            assert_eq!(
                first(s).promotion_code_id(),
                Some("promo_1MlLiAJITzLVzkSmAKV6tZ50")
            );
        }
        assert!(first(&via_basil_code).coupon.is_none());
        assert!(
            first(&via_new_code)
                .coupon
                .as_ref()
                .unwrap()
                .as_object()
                .is_none()
        );
    }

    #[test]
    fn update_response_without_discounts_key_parses_to_none() {
        let mut value = fixture();
        value.as_object_mut().unwrap().remove("discounts");
        let s = parse(value);
        assert_eq!(s.discounts, None);
        let out = serde_json::to_value(&s).unwrap();
        assert!(out.get("discounts").is_none());
        assert!(out.get("line_items").is_none());
    }

    #[test]
    fn total_details_breakdown_parses_when_expanded() {
        let discount: Value = serde_json::from_str(DISCOUNT).unwrap();
        let s = parse(with(
            fixture(),
            json!({
                "total_details": {
                    "amount_discount": 2000, "amount_shipping": 0, "amount_tax": 150,
                    "breakdown": {
                        "discounts": [{"amount": 2000, "discount": discount}],
                        "taxes": [{
                            "amount": 150,
                            "rate": {"id": "txr_1", "object": "tax_rate", "percentage": 7.5},
                            "taxability_reason": "standard_rated",
                            "taxable_amount": 2000,
                        }],
                    },
                },
            }),
        ));
        assert_eq!(s.discount_amount(), 2000);
        let breakdown = s.total_details.unwrap().breakdown.unwrap();
        assert_eq!(breakdown.discounts.len(), 1);
        assert_eq!(breakdown.discounts[0].amount, 2000);
        assert_eq!(
            breakdown.discounts[0].discount.id,
            "di_1MlLiAJITzLVzkSmNzEFTVSb"
        );
        let tax = &breakdown.taxes[0];
        assert_eq!(tax.amount, 150);
        assert_eq!(tax.rate.percentage, Some(7.5));
        assert_eq!(tax.taxability_reason.as_deref(), Some("standard_rated"));
        assert_eq!(tax.taxable_amount, Some(2000));
    }

    #[test]
    fn expanded_line_items_parse() {
        let item: Value = serde_json::from_str(ITEM).unwrap();
        let s = parse(with(
            fixture(),
            json!({
                "line_items": {
                    "object": "list",
                    "data": [item],
                    "has_more": false,
                    "url": "/v1/checkout/sessions/cs_test_1/line_items",
                },
            }),
        ));
        let items = s.line_items.unwrap();
        assert!(!items.has_more);
        assert_eq!(items.url, "/v1/checkout/sessions/cs_test_1/line_items");
        assert_eq!(items.data.len(), 1);
        assert_eq!(items.data[0].id, "li_1MlLiAJITzLVzkSmzUBld3x2");
        assert_eq!(items.data[0].description.as_deref(), Some("T-shirt"));
        assert_eq!(
            items.data[0].price.as_ref().unwrap().unit_amount,
            Some(1000)
        );
    }

    #[test]
    fn payment_method_options_read_per_method_and_refuse_wrong_shapes() {
        let s = parse(json!({
            "id": "cs_test_1",
            "payment_method_options": {
                "card": {
                    "capture_method": "manual",
                    "installments": {"enabled": true},
                    "request_three_d_secure": "challenge",
                    "restrictions": {"brands_blocked": ["american_express", "new_network"]},
                    "setup_future_usage": "off_session"
                },
                "konbini": {"expires_after_days": 3, "setup_future_usage": null},
                "sepa_debit": {"mandate_options": {"reference_prefix": "SHOP"},
                               "target_date": "2026-12-24"},
                "us_bank_account": {"financial_connections": {"permissions": ["balances"]},
                                    "verification_method": "instant"},
                "brand_new_method": {"anything": 1}
            }
        }));
        let options = s.payment_method_options.unwrap();
        let card = options.card.unwrap();
        assert_eq!(card.capture_method, Some(CaptureMethod::Manual));
        assert!(card.installments.unwrap().enabled);
        assert_eq!(
            card.request_three_d_secure,
            Some(ThreeDSecureRequest::Challenge)
        );
        assert_eq!(
            card.restrictions.unwrap().brands_blocked,
            [
                CardBrand::AmericanExpress,
                CardBrand::Unknown("new_network".into())
            ]
        );
        assert_eq!(card.setup_future_usage, Some(FutureUsage::OffSession));
        let konbini = options.konbini.unwrap();
        assert_eq!(
            (konbini.expires_after_days, konbini.setup_future_usage),
            (Some(3), None)
        );
        let sepa = options.sepa_debit.unwrap();
        assert_eq!(
            sepa.mandate_options.unwrap().reference_prefix.as_deref(),
            Some("SHOP")
        );
        assert_eq!(sepa.target_date.as_deref(), Some("2026-12-24"));
        let bank = options.us_bank_account.unwrap();
        assert_eq!(
            bank.financial_connections.unwrap().permissions,
            ["balances"]
        );
        assert_eq!(bank.verification_method, Some(VerificationMethod::Instant));
        assert_eq!(options.alipay, None);

        let wrong = serde_json::from_value::<CheckoutSession>(json!({
            "id": "cs_test_1",
            "payment_method_options": {"card": {"installments": {"enabled": "yes"}}}
        }))
        .unwrap_err();
        assert_eq!(
            wrong.to_string(),
            "invalid type at `card.installments.enabled`: expected a boolean, found a string"
        );
    }

    #[test]
    fn custom_fields_give_the_customers_answers() {
        let s = parse(json!({
            "id": "cs_test_1",
            "custom_fields": [
                {"key": "size", "type": "dropdown", "optional": false,
                 "label": {"type": "custom", "custom": "Size"},
                 "dropdown": {"default_value": null, "value": "m",
                              "options": [{"label": "M", "value": "m"}]}},
                {"key": "po", "type": "numeric", "optional": true, "label": null,
                 "numeric": {"value": "4711", "default_value": null,
                             "maximum_length": null, "minimum_length": null}},
                {"key": "note", "type": "text", "optional": true, "text": {"value": null}}
            ]
        }));
        assert_eq!(s.custom_field("size").unwrap().value(), Some("m"));
        assert_eq!(
            s.custom_field("size").unwrap().type_,
            Some(CustomFieldType::Dropdown)
        );
        assert_eq!(s.custom_field("po").unwrap().value(), Some("4711"));
        assert_eq!(s.custom_field("note").unwrap().value(), None);
        assert!(s.custom_field("gift").is_none());
        let no_key = serde_json::from_value::<CheckoutSession>(json!({
            "id": "cs_test_1", "custom_fields": [{"type": "text"}]
        }))
        .unwrap_err();
        assert_eq!(no_key.to_string(), "missing field `[0].key`");
    }

    #[test]
    fn expandable_ids_and_objects() {
        let s = parse(json!({
            "id": "cs_test_1",
            "customer": {"id": "cus_1", "object": "customer", "email": "a@example.com",
                         "metadata": null},
            "payment_intent": {"id": "pi_1", "object": "payment_intent", "amount": 100},
            "shipping_options": [{"shipping_amount": 500, "shipping_rate": "shr_1"}],
        }));
        let customer = s.customer.as_ref().unwrap();
        assert_eq!(customer.id(), "cus_1");
        let customer = customer.as_object().unwrap();
        assert_eq!(customer.email.as_deref(), Some("a@example.com"));
        assert!(customer.metadata.is_empty() && !customer.deleted);
        assert_eq!(s.payment_intent.as_ref().unwrap().id(), "pi_1");
        assert_eq!(
            s.payment_intent.unwrap().as_object().unwrap().get("amount"),
            Some(&json!(100))
        );
        assert_eq!(s.shipping_options[0].shipping_amount, Some(500));
        assert_eq!(
            s.shipping_options[0].shipping_rate.as_ref().unwrap().id(),
            "shr_1"
        );
        let no_id = serde_json::from_value::<CheckoutSession>(
            json!({"id": "cs_test_1", "subscription": {"object": "subscription"}}),
        )
        .unwrap_err();
        assert!(
            no_id.to_string().contains("without a string `id`"),
            "{no_id}"
        );

        let deleted: Customer =
            serde_json::from_value(json!({"id": "cus_2", "object": "customer", "deleted": true}))
                .unwrap();
        assert!(deleted.deleted);
        assert_eq!(
            serde_json::to_value(&deleted).unwrap()["deleted"],
            json!(true)
        );
    }

    #[test]
    fn serialize_round_trips() {
        let discount: Value = serde_json::from_str(DISCOUNT).unwrap();
        let item: Value = serde_json::from_str(ITEM).unwrap();
        let rich = with(
            fixture(),
            json!({
                "metadata": {"order": "42"},
                "customer": "cus_1",
                "discounts": [{"coupon": coupon_json(), "promotion_code": "promo_1"}],
                "line_items": {"object": "list", "data": [item], "has_more": false, "url": "/x"},
                "total_details": {"amount_discount": 1, "amount_shipping": 0, "amount_tax": 0,
                                  "breakdown": {"discounts": [{"amount": 1, "discount": discount}],
                                                "taxes": []}},
            }),
        );
        for value in [fixture(), rich] {
            let s = parse(value);
            let json = serde_json::to_value(&s).unwrap();
            assert_eq!(parse(json.clone()), s);
            // Stripe sends nullable fields as `null` rather than leaving them out.
            assert_eq!(json["client_secret"], Value::Null);
            assert_eq!(json["object"], json!("checkout.session"));
        }
    }
}
