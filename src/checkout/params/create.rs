//! The params of `POST /v1/checkout/sessions`: [`CreateSession`], with its setters and the
//! rules checked before sending (modes, limits, mutually exclusive fields).
//!
//! Line items, permissions and the page options it holds have files of their own.

#[cfg(feature = "deserialize-params")]
use serde::Deserialize;
use serde::Serialize;

use super::checks::*;
use super::line_items::LineItem;
use super::method_options::PaymentMethodOptions;
use super::session_options::{
    AutomaticTax, Permissions, PhoneNumberCollection, ShippingAddressCollection,
};
use super::shipping::ShippingOption;

use crate::checkout::declare::{Check, Param};
use crate::checkout::{
    AdaptivePricing, AfterExpiration, ConsentCollection, CustomField, CustomText, CustomerCreation,
    CustomerUpdate, InvoiceCreation, PaymentIntentData, PaymentMethodCollection, PaymentMethodData,
    SavedPaymentMethodOptions, SetupIntentData, SubmitType, SubscriptionData, TaxIdCollection,
};
use crate::checkout::{
    BillingAddressCollection, PermissionOwner, RedirectOnCompletion, SessionMode, UiMode,
};
use crate::checkout::{
    BrandingSettings, ManagedPayments, NameCollection, OptionalItem, OriginContext, WalletOptions,
};
use crate::declare::extra::{ExtraParams, extra_setters};
use crate::error::{Error, Result};
use crate::ids::{CustomerId, IntoId, RejectedId, take_id};
use crate::metadata::{Metadata, metadata_setter};
use crate::resources::{Discount, check_currency};
use crate::wire::encode::encoded_struct;

encoded_struct! {
    /// Parameters for [`CheckoutSessions::create`](crate::checkout::CheckoutSessions::create)
    /// (`POST /v1/checkout/sessions`). The mode is required; everything else is optional.
    ///
    /// The first fields are declared in the order the official SDKs send the guide's example
    /// (`ui_mode`, `permissions`, `line_items`, `mode`, `return_url`), so the pairs match the
    /// recorded requests exactly.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{
    ///     CreateSession, LineItem, PermissionOwner, SessionMode, UiMode,
    /// };
    /// use stripe_checkout_client::{form, ApiVersion};
    ///
    /// let params = CreateSession::new(SessionMode::Payment)
    ///     .ui_mode(UiMode::Elements)
    ///     .line_item(LineItem::price("price_123", 1))
    ///     .return_url("https://example.com/return")
    ///     .update_discounts(PermissionOwner::ServerOnly);
    ///
    /// // What `create` sends on the guide's version: checked, encoded in this order, and
    /// // `ui_mode` under the name that version knows.
    /// let sent = params.form_pairs(&ApiVersion::server_update_beta())?;
    /// let pairs: Vec<String> = sent
    ///     .into_iter()
    ///     .map(|(k, v)| format!("{k}={v}"))
    ///     .collect();
    /// assert_eq!(
    ///     pairs,
    ///     [
    ///         "ui_mode=custom",
    ///         "permissions[update_discounts]=server_only",
    ///         "line_items[0][price]=price_123",
    ///         "line_items[0][quantity]=1",
    ///         "mode=payment",
    ///         "return_url=https://example.com/return",
    ///     ]
    /// );
    ///
    /// // On the newest preview (dahlia's names), the same params send `ui_mode=elements`;
    /// // serde's `Serialize` (JSON and `form::to_pairs`) always gives the current names.
    /// let preview = params.form_pairs(&ApiVersion::newest_preview())?;
    /// assert_eq!(preview[0], ("ui_mode".to_owned(), "elements".to_owned()));
    /// assert_eq!(preview, form::to_pairs(&params)?);
    ///
    /// // Endive is generally available: the preview's discount permission is refused there,
    /// // before anything is sent.
    /// assert!(params.form_pairs(&ApiVersion::newest_ga()).is_err());
    ///
    /// // The same parameters, as the official SDKs take them:
    /// let from_json: CreateSession = serde_json::from_str(
    ///     r#"{"ui_mode":"custom","permissions":{"update_discounts":"server_only"},
    ///         "line_items":[{"price":"price_123","quantity":1}],"mode":"payment",
    ///         "return_url":"https://example.com/return"}"#,
    /// )?;
    /// assert_eq!(from_json, params);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Clone, Debug, PartialEq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct CreateSession {
        /// How the Checkout page is presented; the dynamic-discounts flow uses
        /// [`UiMode::Elements`] (`custom` before dahlia).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub ui_mode: Option<UiMode>,
        /// Who may update parts of the session; see [`update_discounts`](Self::update_discounts).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub permissions: Option<Permissions>,
        /// What the customer buys.
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub line_items: Vec<LineItem>,
        /// One-off payment, setup or subscription.
        pub mode: SessionMode,
        /// Where an embedded or custom session sends the customer afterwards.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub return_url: Option<String>,
        /// Where a hosted session sends the customer after paying.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub success_url: Option<String>,
        /// Where a hosted session sends a customer who cancels.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub cancel_url: Option<String>,
        /// When an embedded or custom session redirects to `return_url`.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub redirect_on_completion: Option<RedirectOnCompletion>,
        /// An existing customer (`cus_…`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub customer: Option<CustomerId>,
        /// The email to prefill; cannot be combined with `customer`.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub customer_email: Option<String>,
        /// Your own reference for the session (an order or cart id).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub client_reference_id: Option<String>,
        /// The three-letter ISO currency code (`usd`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub currency: Option<String>,
        /// The page's locale (`auto`, `en`, `fr`, …).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub locale: Option<String>,
        /// When the session expires, as a Unix timestamp (30 minutes to 24 hours from now).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub expires_at: Option<i64>,
        /// Metadata stored on the session.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub metadata: Option<Metadata>,
        /// The payment method types to offer (`card`, …); Stripe picks them when empty.
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub payment_method_types: Vec<String>,
        /// Whether customers may enter promotion codes. Cannot be combined with `discounts`.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub allow_promotion_codes: Option<bool>,
        /// The discount to apply (at most one).
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub discounts: Vec<Discount>,
        /// Whether to collect the customer's phone number.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub phone_number_collection: Option<PhoneNumberCollection>,
        /// Whether Stripe Tax computes tax automatically.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub automatic_tax: Option<AutomaticTax>,
        /// Whether to collect the billing address.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub billing_address_collection: Option<BillingAddressCollection>,
        /// Whether to collect a shipping address, and for which countries.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub shipping_address_collection: Option<ShippingAddressCollection>,
        /// Adaptive Pricing: prices in the customer's currency (`adaptive_pricing`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub adaptive_pricing: Option<AdaptivePricing>,
        /// A recovery link once the session expires (`after_expiration`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub after_expiration: Option<AfterExpiration>,
        /// The consents the page collects (`consent_collection`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub consent_collection: Option<ConsentCollection>,
        /// Texts shown beside the built-in parts of the page (`custom_text`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub custom_text: Option<CustomText>,
        /// When a `payment` or `setup` mode session creates a customer (`customer_creation`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub customer_creation: Option<CustomerCreation>,
        /// What the page saves back on an existing customer (`customer_update`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub customer_update: Option<CustomerUpdate>,
        /// An invoice for a `payment` mode session (`invoice_creation`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub invoice_creation: Option<InvoiceCreation>,
        /// The payment a `payment` mode session creates (`payment_intent_data`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub payment_intent_data: Option<PaymentIntentData>,
        /// When a `subscription` mode session collects a payment method
        /// (`payment_method_collection`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub payment_method_collection: Option<PaymentMethodCollection>,
        /// The payment method configuration (`pmc_…`) to use (`payment_method_configuration`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub payment_method_configuration: Option<String>,
        /// What to store on the collected payment method (`payment_method_data`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub payment_method_data: Option<PaymentMethodData>,
        /// Per-method settings (`payment_method_options`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub payment_method_options: Option<PaymentMethodOptions>,
        /// What the page offers for saved payment methods (`saved_payment_method_options`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub saved_payment_method_options: Option<SavedPaymentMethodOptions>,
        /// The setup a `setup` mode session creates (`setup_intent_data`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub setup_intent_data: Option<SetupIntentData>,
        /// The word on the payment button (`submit_type`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub submit_type: Option<SubmitType>,
        /// The subscription a `subscription` mode session starts (`subscription_data`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub subscription_data: Option<SubscriptionData>,
        /// Whether the page collects a tax id (`tax_id_collection`).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub tax_id_collection: Option<TaxIdCollection>,
        /// Fields the customer fills in, at most three (`custom_fields`).
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub custom_fields: Vec<CustomField>,
        /// How the page looks for this session (`branding_settings`; preview and endive).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub branding_settings: Option<BrandingSettings>,
        /// The customer account (`acct_…`) the session is for (`customer_account`; preview and endive).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub customer_account: Option<String>,
        /// Your own identifier of the integration that made the session (`integration_identifier`;
        /// preview and endive).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub integration_identifier: Option<String>,
        /// Stripe's managed payments (`managed_payments`; preview and endive).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub managed_payments: Option<ManagedPayments>,
        /// Which names the page asks for (`name_collection`; preview and endive).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub name_collection: Option<NameCollection>,
        /// Where the session was started from (`origin_context`; preview and endive).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub origin_context: Option<OriginContext>,
        /// Wallets' settings (`wallet_options`; preview and endive).
        #[serde(skip_serializing_if = "Option::is_none", default)]
        pub wallet_options: Option<WalletOptions>,
        /// The payment method types the page may offer (`allowed_payment_method_types`; endive, where
        /// it replaces `payment_method_types`).
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub allowed_payment_method_types: Vec<String>,
        /// Payment method types the page must not offer (`excluded_payment_method_types`; preview and
        /// endive).
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub excluded_payment_method_types: Vec<String>,
        /// Items the customer may add on the page, at most ten (`optional_items`).
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub optional_items: Vec<OptionalItem>,
        /// The shipping rates the customer chooses from, at most five (`shipping_options`).
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub shipping_options: Vec<ShippingOption>,
        /// Fields of the answer to expand (`line_items`, `discounts`, …).
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub expand: Vec<String>,
        /// Untyped params sent after the typed ones (`extra_param`, `extra_json`).
        #[serde(skip)]
        pub extra: ExtraParams,
        /// A refused id from a setter, reported by `validate`.
        #[serde(skip)]
        rejected_id: Option<RejectedId>,
    }
}

impl CreateSession {
    /// Parameters for a session in `mode`.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{CreateSession, SessionMode};
    /// let params = CreateSession::new(SessionMode::Payment);
    /// assert_eq!(params.mode, SessionMode::Payment);
    /// ```
    pub fn new(mode: impl Into<SessionMode>) -> Self {
        Self {
            ui_mode: None,
            permissions: None,
            line_items: Vec::new(),
            mode: mode.into(),
            return_url: None,
            success_url: None,
            cancel_url: None,
            redirect_on_completion: None,
            customer: None,
            customer_email: None,
            client_reference_id: None,
            currency: None,
            locale: None,
            expires_at: None,
            metadata: None,
            payment_method_types: Vec::new(),
            allow_promotion_codes: None,
            discounts: Vec::new(),
            phone_number_collection: None,
            automatic_tax: None,
            billing_address_collection: None,
            shipping_address_collection: None,
            adaptive_pricing: None,
            after_expiration: None,
            consent_collection: None,
            custom_text: None,
            customer_creation: None,
            customer_update: None,
            invoice_creation: None,
            payment_intent_data: None,
            payment_method_collection: None,
            payment_method_configuration: None,
            payment_method_data: None,
            payment_method_options: None,
            saved_payment_method_options: None,
            setup_intent_data: None,
            submit_type: None,
            subscription_data: None,
            tax_id_collection: None,
            branding_settings: None,
            customer_account: None,
            integration_identifier: None,
            managed_payments: None,
            name_collection: None,
            origin_context: None,
            wallet_options: None,
            custom_fields: Vec::new(),
            allowed_payment_method_types: Vec::new(),
            excluded_payment_method_types: Vec::new(),
            optional_items: Vec::new(),
            shipping_options: Vec::new(),
            expand: Vec::new(),
            extra: ExtraParams::default(),
            rejected_id: None,
        }
    }

    extra_setters!();

    /// Checks the params that belong to one mode, and the nested params this crate declares.
    fn check_mode_params(&self) -> Result<()> {
        let mode = &self.mode;
        let only_in = |param: &str, set: bool, wanted: SessionMode| {
            if set && *mode != wanted {
                Err(Error::invalid_param(
                    param,
                    format!("is only accepted in `{wanted}` mode, not `{mode}`"),
                ))
            } else {
                Ok(())
            }
        };
        only_in(
            "subscription_data",
            self.subscription_data.is_some(),
            SessionMode::Subscription,
        )?;
        only_in(
            "payment_intent_data",
            self.payment_intent_data.is_some(),
            SessionMode::Payment,
        )?;
        only_in(
            "invoice_creation",
            self.invoice_creation.is_some(),
            SessionMode::Payment,
        )?;
        if self.customer_creation.is_some() && *mode == SessionMode::Subscription {
            return Err(Error::invalid_param(
                "customer_creation",
                "is only accepted in `payment` and `setup` mode",
            ));
        }
        only_in(
            "setup_intent_data",
            self.setup_intent_data.is_some(),
            SessionMode::Setup,
        )?;
        only_in(
            "payment_method_collection",
            self.payment_method_collection.is_some(),
            SessionMode::Subscription,
        )?;
        for (param, len, max) in [
            ("optional_items", self.optional_items.len(), 10),
            ("shipping_options", self.shipping_options.len(), 5),
        ] {
            if len > max {
                return Err(Error::invalid_param(
                    param,
                    format!("at most {max} entries, got {len}"),
                ));
            }
        }
        for (i, option) in self.shipping_options.iter().enumerate() {
            option.validate(&format!("shipping_options[{i}]"))?;
        }
        if self.custom_fields.len() > 3 {
            return Err(Error::invalid_param(
                "custom_fields",
                format!("at most 3 custom fields, got {}", self.custom_fields.len()),
            ));
        }
        if let Some(data) = &self.subscription_data {
            if data.trial_end.is_some() && data.trial_period_days.is_some() {
                return Err(Error::invalid_param(
                    "subscription_data[trial_end]",
                    "cannot be combined with `trial_period_days`",
                ));
            }
        }
        for (param, value) in [
            ("adaptive_pricing", &self.adaptive_pricing as &dyn Check),
            ("after_expiration", &self.after_expiration),
            ("consent_collection", &self.consent_collection),
            ("custom_fields", &self.custom_fields),
            ("custom_text", &self.custom_text),
            ("customer_update", &self.customer_update),
            ("invoice_creation", &self.invoice_creation),
            ("payment_intent_data", &self.payment_intent_data),
            (
                "payment_method_configuration",
                &self.payment_method_configuration,
            ),
            ("payment_method_data", &self.payment_method_data),
            ("payment_method_options", &self.payment_method_options),
            (
                "saved_payment_method_options",
                &self.saved_payment_method_options,
            ),
            ("setup_intent_data", &self.setup_intent_data),
            ("subscription_data", &self.subscription_data),
            ("tax_id_collection", &self.tax_id_collection),
            ("branding_settings", &self.branding_settings),
            ("customer_account", &self.customer_account),
            ("integration_identifier", &self.integration_identifier),
            ("optional_items", &self.optional_items),
            (
                "allowed_payment_method_types",
                &self.allowed_payment_method_types,
            ),
            (
                "excluded_payment_method_types",
                &self.excluded_payment_method_types,
            ),
        ] {
            value.check(Param::Name(param))?;
        }
        Ok(())
    }

    /// An existing customer (`customer`): a [`CustomerId`] or a `cus_…` string, checked
    /// before sending.
    pub fn customer(mut self, id: impl IntoId<CustomerId>) -> Self {
        self.customer = take_id(id, "customer", &mut self.rejected_id);
        self
    }

    option_setters! {
        /// How the Checkout page is presented (`ui_mode`).
        ui_mode: UiMode;
        /// Who may update parts of the session (`permissions`), replacing any set before.
        permissions: Permissions;
        /// Where an embedded or custom session sends the customer afterwards (`return_url`).
        return_url: String;
        /// Where a hosted session sends the customer after paying (`success_url`).
        success_url: String;
        /// Where a hosted session sends a customer who cancels (`cancel_url`).
        cancel_url: String;
        /// When an embedded or custom session redirects (`redirect_on_completion`).
        redirect_on_completion: RedirectOnCompletion;
        /// The email to prefill (`customer_email`).
        customer_email: String;
        /// Your own reference for the session (`client_reference_id`).
        client_reference_id: String;
        /// The three-letter ISO currency code (`currency`).
        currency: String;
        /// The page's locale (`locale`).
        locale: String;
        /// Whether to collect the phone number: `.phone_number_collection(true)`.
        phone_number_collection: PhoneNumberCollection;
        /// Whether Stripe Tax computes tax: `.automatic_tax(true)`.
        automatic_tax: AutomaticTax;
        /// Whether to collect the billing address (`billing_address_collection`).
        billing_address_collection: BillingAddressCollection;
        /// Adaptive Pricing: prices in the customer's currency (`adaptive_pricing`).
        adaptive_pricing: AdaptivePricing;
        /// A recovery link once the session expires (`after_expiration`).
        after_expiration: AfterExpiration;
        /// The consents the page collects (`consent_collection`).
        consent_collection: ConsentCollection;
        /// Texts shown beside the built-in parts of the page (`custom_text`).
        custom_text: CustomText;
        /// When a `payment` or `setup` mode session creates a customer (`customer_creation`).
        customer_creation: CustomerCreation;
        /// What the page saves back on an existing customer (`customer_update`).
        customer_update: CustomerUpdate;
        /// An invoice for a `payment` mode session (`invoice_creation`).
        invoice_creation: InvoiceCreation;
        /// The payment a `payment` mode session creates (`payment_intent_data`).
        payment_intent_data: PaymentIntentData;
        /// When a `subscription` mode session collects a payment method
        /// (`payment_method_collection`).
        payment_method_collection: PaymentMethodCollection;
        /// The payment method configuration (`pmc_…`) to use (`payment_method_configuration`).
        payment_method_configuration: String;
        /// What to store on the collected payment method (`payment_method_data`).
        payment_method_data: PaymentMethodData;
        /// Per-method settings (`payment_method_options`; see [`PaymentMethodOptions`]).
        payment_method_options: PaymentMethodOptions;
        /// What the page offers for saved payment methods (`saved_payment_method_options`).
        saved_payment_method_options: SavedPaymentMethodOptions;
        /// The setup a `setup` mode session creates (`setup_intent_data`).
        setup_intent_data: SetupIntentData;
        /// The word on the payment button (`submit_type`).
        submit_type: SubmitType;
        /// How the page looks for this session (`branding_settings`; preview and endive).
        branding_settings: BrandingSettings;
        /// The customer account (`acct_…`) the session is for (`customer_account`; preview and
        /// endive).
        customer_account: String;
        /// Your own identifier of the integration that made the session (`integration_identifier`;
        /// preview and endive).
        integration_identifier: String;
        /// Stripe's managed payments (`managed_payments`; preview and endive).
        managed_payments: ManagedPayments;
        /// Which names the page asks for (`name_collection`; preview and endive).
        name_collection: NameCollection;
        /// Where the session was started from (`origin_context`; preview and endive).
        origin_context: OriginContext;
        /// Wallets' settings (`wallet_options`; preview and endive).
        wallet_options: WalletOptions;
        /// The subscription a `subscription` mode session starts (`subscription_data`).
        subscription_data: SubscriptionData;
        /// Whether the page collects a tax id (`tax_id_collection`).
        tax_id_collection: TaxIdCollection;
    }

    list_setters! {
        /// The fields the customer fills in, at most three (`custom_fields`).
        custom_fields: CustomField;
        /// The payment method types the page may offer (`allowed_payment_method_types`;
        /// endive, where it replaces `payment_method_types`).
        allowed_payment_method_types: String;
        /// Payment method types the page must not offer (`excluded_payment_method_types`;
        /// preview and endive).
        excluded_payment_method_types: String;
        /// Items the customer may add on the page, at most ten (`optional_items`).
        optional_items: OptionalItem;
        /// The shipping rates the customer chooses from, at most five (`shipping_options`).
        shipping_options: ShippingOption;
    }

    plain_setters! {
        /// When the session expires, as a Unix timestamp (`expires_at`).
        expires_at: i64;
        /// Whether customers may enter promotion codes (`allow_promotion_codes`). Stripe
        /// rejects it together with `discounts`.
        allow_promotion_codes: bool;
    }

    /// Only `owner` may update the session's discounts (`permissions[update_discounts]`) —
    /// [`PermissionOwner::ServerOnly`] is what the server-driven discount flow needs. Other
    /// permissions already set are kept.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{CreateSession, PermissionOwner, SessionMode};
    /// let params = CreateSession::new(SessionMode::Payment).update_discounts(PermissionOwner::ServerOnly);
    /// assert_eq!(params.permissions.unwrap().update_discounts, Some(PermissionOwner::ServerOnly));
    /// ```
    pub fn update_discounts(mut self, owner: impl Into<PermissionOwner>) -> Self {
        self.permissions
            .get_or_insert_with(Permissions::new)
            .update_discounts = Some(owner.into());
        self
    }

    /// Adds one line item.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{CreateSession, LineItem, SessionMode};
    /// let params = CreateSession::new(SessionMode::Payment)
    ///     .line_item(LineItem::price("price_123", 1))
    ///     .line_item(LineItem::price("price_456", 2));
    /// assert_eq!(params.line_items.len(), 2);
    /// ```
    pub fn line_item(mut self, item: LineItem) -> Self {
        self.line_items.push(item);
        self
    }

    /// Adds several line items, after any added before.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{CreateSession, LineItem, SessionMode};
    /// let params = CreateSession::new(SessionMode::Payment)
    ///     .line_items([LineItem::price("price_123", 1), LineItem::price("price_456", 2)]);
    /// assert_eq!(params.line_items.len(), 2);
    /// ```
    pub fn line_items(mut self, items: impl IntoIterator<Item = LineItem>) -> Self {
        self.line_items.extend(items);
        self
    }

    metadata_setter!(
        /// Sets one metadata key on the session.
        ///
        /// ```
        /// use stripe_checkout_client::checkout::{CreateSession, SessionMode};
        /// let params = CreateSession::new(SessionMode::Payment).metadata("order_id", "6735");
        /// assert_eq!(params.metadata.unwrap().get("order_id"), Some("6735"));
        /// ```
        metadata
    );

    metadata_setter!(
        /// Sets several metadata keys on the session, in order.
        ///
        /// ```
        /// use stripe_checkout_client::checkout::{CreateSession, SessionMode};
        /// let params = CreateSession::new(SessionMode::Payment)
        ///     .metadata_entries([("order_id", "6735"), ("channel", "web")]);
        /// assert_eq!(params.metadata.unwrap().len(), 2);
        /// ```
        metadata_entries => entries of metadata
    );

    /// Adds one payment method type to offer (`card`, `link`, …).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{CreateSession, SessionMode};
    /// let params = CreateSession::new(SessionMode::Payment).payment_method_type("card");
    /// assert_eq!(params.payment_method_types, ["card"]);
    /// ```
    pub fn payment_method_type(mut self, kind: impl Into<String>) -> Self {
        self.payment_method_types.push(kind.into());
        self
    }

    /// Adds several payment method types to offer.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{CreateSession, SessionMode};
    /// let params = CreateSession::new(SessionMode::Payment).payment_method_types(["card", "link"]);
    /// assert_eq!(params.payment_method_types, ["card", "link"]);
    /// ```
    pub fn payment_method_types(
        mut self,
        kinds: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.payment_method_types
            .extend(kinds.into_iter().map(Into::into));
        self
    }

    /// Adds a discount. Stripe applies at most one, and not together with
    /// `allow_promotion_codes`.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{CreateSession, SessionMode};
    /// use stripe_checkout_client::discounts::Discount;
    /// let params = CreateSession::new(SessionMode::Payment).discount(Discount::Coupon("SUMMER25".parse().unwrap()));
    /// assert_eq!(params.discounts, [Discount::Coupon("SUMMER25".parse().unwrap())]);
    /// ```
    pub fn discount(mut self, discount: impl Into<Discount>) -> Self {
        self.discounts.push(discount.into());
        self
    }

    /// Adds discounts, after any added before. Stripe applies at most one.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{CreateSession, SessionMode};
    /// use stripe_checkout_client::discounts::{CouponData, Discount};
    /// let params = CreateSession::new(SessionMode::Payment)
    ///     .discounts([Discount::CouponData(CouponData::percent_off(10.0))]);
    /// assert_eq!(params.discounts.len(), 1);
    /// ```
    pub fn discounts(mut self, discounts: impl IntoIterator<Item = Discount>) -> Self {
        self.discounts.extend(discounts);
        self
    }

    /// Collects a shipping address, limited to these two-letter country codes.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{CreateSession, SessionMode};
    /// let params = CreateSession::new(SessionMode::Payment).shipping_address_collection(["US", "CA"]);
    /// assert_eq!(params.shipping_address_collection.unwrap().allowed_countries, ["US", "CA"]);
    /// ```
    pub fn shipping_address_collection(
        mut self,
        allowed_countries: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.shipping_address_collection = Some(ShippingAddressCollection::new(allowed_countries));
        self
    }

    /// Adds fields of the answer to expand (`line_items`, `discounts`, …).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{CreateSession, SessionMode};
    /// let params = CreateSession::new(SessionMode::Payment).expand(["line_items"]);
    /// assert_eq!(params.expand, ["line_items"]);
    /// ```
    pub fn expand(mut self, fields: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.expand.extend(fields.into_iter().map(Into::into));
        self
    }

    /// Checks the rules Stripe would reject the request for, without sending anything.
    pub(crate) fn validate(&self) -> Result<()> {
        check_rejected("", self.rejected_id.as_ref())?;
        for (i, item) in self.line_items.iter().enumerate() {
            item.validate(&format!("line_items[{i}]"))?;
        }
        for (param, value) in [
            ("return_url", &self.return_url),
            ("success_url", &self.success_url),
            ("cancel_url", &self.cancel_url),
            ("customer_email", &self.customer_email),
            ("client_reference_id", &self.client_reference_id),
            ("locale", &self.locale),
        ] {
            check_set_text(param, value.as_ref())?;
        }
        check_texts("payment_method_types", &self.payment_method_types)?;
        check_texts("expand", &self.expand)?;
        if let Some(customer) = &self.customer {
            check_id("customer", CustomerId::new(customer.as_str()))?;
            if self.customer_email.is_some() {
                return Err(Error::invalid_param(
                    "customer_email",
                    "cannot be combined with `customer`",
                ));
            }
        }
        if let Some(currency) = &self.currency {
            check_currency("currency", currency)?;
        }
        if let Some(metadata) = &self.metadata {
            metadata.validate("metadata")?;
        }
        validate_discounts(&self.discounts)?;
        if !self.discounts.is_empty() && self.allow_promotion_codes == Some(true) {
            return Err(Error::invalid_param(
                "allow_promotion_codes",
                "cannot be combined with `discounts`",
            ));
        }
        self.check_mode_params()?;
        if let Some(options) = &self.payment_method_options {
            options.check_ranges()?;
        }
        if let Some(shipping) = &self.shipping_address_collection {
            shipping.validate("shipping_address_collection")?;
        }
        Ok(())
    }
}
