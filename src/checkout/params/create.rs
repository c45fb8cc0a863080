//! The params of `POST /v1/checkout/sessions`: [`CreateSession`], with its setters and the
//! rules checked before sending (modes, limits, mutually exclusive fields).
//!
//! Line items, permissions and the page options it holds have files of their own.

use super::checks::*;
use super::line_items::LineItem;
use super::method_options::PaymentMethodOptions;
use super::session_options::{
    AutomaticTax, Permissions, PhoneNumberCollection, ShippingAddressCollection,
};
use super::shipping::ShippingOption;

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
use crate::declare::extra::ExtraParams;
use crate::declare::params::{Param, params};
use crate::error::{Error, Result};
use crate::ids::CustomerId;
use crate::metadata::Metadata;
use crate::resources::{Discount, check_currency};

params! {
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
    pub struct CreateSession {
        /// How the Checkout page is presented; the dynamic-discounts flow uses
        /// [`UiMode::Elements`] (`custom` before dahlia).
        ui_mode: UiMode => into,
        /// Who may update parts of the session; see [`update_discounts`](Self::update_discounts).
        permissions: Permissions => into,
        /// What the customer buys.
        line_items: LineItem => list(line_item),
        /// One-off payment, setup or subscription.
        mode: SessionMode => required,
        /// Where an embedded or custom session sends the customer afterwards.
        return_url: String => into,
        /// Where a hosted session sends the customer after paying.
        success_url: String => into,
        /// Where a hosted session sends a customer who cancels.
        cancel_url: String => into,
        /// When an embedded or custom session redirects to `return_url`.
        redirect_on_completion: RedirectOnCompletion => into,
        /// An existing customer (`cus_…`).
        customer: CustomerId => id,
        /// The email to prefill; cannot be combined with `customer`.
        customer_email: String => into,
        /// Your own reference for the session (an order or cart id).
        client_reference_id: String => into,
        /// The three-letter ISO currency code (`usd`).
        currency: String => into,
        /// The page's locale (`auto`, `en`, `fr`, …).
        locale: String => into,
        /// When the session expires, as a Unix timestamp (30 minutes to 24 hours from now).
        expires_at: i64 => plain,
        /// Metadata stored on the session.
        metadata: Metadata => metadata,
        /// The payment method types to offer (`card`, …); Stripe picks them when empty.
        payment_method_types: String => list(payment_method_type),
        /// Whether customers may enter promotion codes. Cannot be combined with `discounts`.
        allow_promotion_codes: bool => plain,
        /// The discount to apply (at most one).
        discounts: Discount => list(discount),
        /// Whether to collect the customer's phone number.
        phone_number_collection: PhoneNumberCollection => into,
        /// Whether Stripe Tax computes tax automatically.
        automatic_tax: AutomaticTax => into,
        /// Whether to collect the billing address.
        billing_address_collection: BillingAddressCollection => into,
        /// Whether to collect a shipping address, and for which countries.
        shipping_address_collection: ShippingAddressCollection => into,
        /// Adaptive Pricing: prices in the customer's currency (`adaptive_pricing`).
        adaptive_pricing: AdaptivePricing => into,
        /// A recovery link once the session expires (`after_expiration`).
        after_expiration: AfterExpiration => into,
        /// The consents the page collects (`consent_collection`).
        consent_collection: ConsentCollection => into,
        /// Texts shown beside the built-in parts of the page (`custom_text`).
        custom_text: CustomText => into,
        /// When a `payment` or `setup` mode session creates a customer (`customer_creation`).
        customer_creation: CustomerCreation => into,
        /// What the page saves back on an existing customer (`customer_update`).
        customer_update: CustomerUpdate => into,
        /// An invoice for a `payment` mode session (`invoice_creation`).
        invoice_creation: InvoiceCreation => into,
        /// The payment a `payment` mode session creates (`payment_intent_data`).
        payment_intent_data: PaymentIntentData => into,
        /// When a `subscription` mode session collects a payment method
        /// (`payment_method_collection`).
        payment_method_collection: PaymentMethodCollection => into,
        /// The payment method configuration (`pmc_…`) to use (`payment_method_configuration`).
        payment_method_configuration: String => into,
        /// What to store on the collected payment method (`payment_method_data`).
        payment_method_data: PaymentMethodData => into,
        /// Per-method settings (`payment_method_options`).
        payment_method_options: PaymentMethodOptions => into,
        /// What the page offers for saved payment methods (`saved_payment_method_options`).
        saved_payment_method_options: SavedPaymentMethodOptions => into,
        /// The setup a `setup` mode session creates (`setup_intent_data`).
        setup_intent_data: SetupIntentData => into,
        /// The word on the payment button (`submit_type`).
        submit_type: SubmitType => into,
        /// The subscription a `subscription` mode session starts (`subscription_data`).
        subscription_data: SubscriptionData => into,
        /// Whether the page collects a tax id (`tax_id_collection`).
        tax_id_collection: TaxIdCollection => into,
        /// Fields the customer fills in, at most three (`custom_fields`).
        custom_fields: CustomField => list,
        /// How the page looks for this session (`branding_settings`; preview and endive).
        branding_settings: BrandingSettings => into,
        /// The customer account (`acct_…`) the session is for (`customer_account`; preview and endive).
        customer_account: String => into,
        /// Your own identifier of the integration that made the session (`integration_identifier`;
        /// preview and endive).
        integration_identifier: String => into,
        /// Stripe's managed payments (`managed_payments`; preview and endive).
        managed_payments: ManagedPayments => into,
        /// Which names the page asks for (`name_collection`; preview and endive).
        name_collection: NameCollection => into,
        /// Where the session was started from (`origin_context`; preview and endive).
        origin_context: OriginContext => into,
        /// Wallets' settings (`wallet_options`; preview and endive).
        wallet_options: WalletOptions => into,
        /// The payment method types the page may offer (`allowed_payment_method_types`; endive, where
        /// it replaces `payment_method_types`).
        allowed_payment_method_types: String => list,
        /// Payment method types the page must not offer (`excluded_payment_method_types`; preview and
        /// endive).
        excluded_payment_method_types: String => list,
        /// Items the customer may add on the page, at most ten (`optional_items`).
        optional_items: OptionalItem => list,
        /// The shipping rates the customer chooses from, at most five (`shipping_options`).
        shipping_options: ShippingOption => list,
        /// Fields of the answer to expand (`line_items`, `discounts`, …).
        expand: String => expand,
        /// Untyped params sent after the typed ones (`extra_param`, `extra_json`).
        extra: ExtraParams => extra,
    }
    check(create_rules);
}

impl CreateSession {
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
}

/// The rules between fields, and those of one mode.
fn create_rules(params: &CreateSession, _: Param<'_>) -> Result<()> {
    if params.customer.is_some() && params.customer_email.is_some() {
        return Err(Error::invalid_param(
            "customer_email",
            "cannot be combined with `customer`",
        ));
    }
    if let Some(currency) = &params.currency {
        check_currency(Param::Name("currency"), currency)?;
    }
    validate_discounts(&params.discounts)?;
    if !params.discounts.is_empty() && params.allow_promotion_codes == Some(true) {
        return Err(Error::invalid_param(
            "allow_promotion_codes",
            "cannot be combined with `discounts`",
        ));
    }
    mode_rules(params)?;
    if let Some(options) = &params.payment_method_options {
        options.check_ranges()?;
    }
    Ok(())
}

fn mode_rules(params: &CreateSession) -> Result<()> {
    let mode = &params.mode;
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
        params.subscription_data.is_some(),
        SessionMode::Subscription,
    )?;
    only_in(
        "payment_intent_data",
        params.payment_intent_data.is_some(),
        SessionMode::Payment,
    )?;
    only_in(
        "invoice_creation",
        params.invoice_creation.is_some(),
        SessionMode::Payment,
    )?;
    if params.customer_creation.is_some() && *mode == SessionMode::Subscription {
        return Err(Error::invalid_param(
            "customer_creation",
            "is only accepted in `payment` and `setup` mode",
        ));
    }
    only_in(
        "setup_intent_data",
        params.setup_intent_data.is_some(),
        SessionMode::Setup,
    )?;
    only_in(
        "payment_method_collection",
        params.payment_method_collection.is_some(),
        SessionMode::Subscription,
    )?;
    for (param, len, max) in [
        ("optional_items", params.optional_items.len(), 10),
        ("shipping_options", params.shipping_options.len(), 5),
    ] {
        if len > max {
            return Err(Error::invalid_param(
                param,
                format!("at most {max} entries, got {len}"),
            ));
        }
    }
    if params.custom_fields.len() > 3 {
        return Err(Error::invalid_param(
            "custom_fields",
            format!(
                "at most 3 custom fields, got {}",
                params.custom_fields.len()
            ),
        ));
    }
    if let Some(data) = &params.subscription_data {
        if data.trial_end.is_some() && data.trial_period_days.is_some() {
            return Err(Error::invalid_param(
                "subscription_data[trial_end]",
                "cannot be combined with `trial_period_days`",
            ));
        }
    }
    Ok(())
}
