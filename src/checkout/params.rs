//! Request parameters for the Checkout Session endpoints: [`CreateSession`],
//! [`UpdateSession`], [`RetrieveSession`], [`ListSessions`], [`ListLineItems`] and
//! [`ExpireSession`], with the nested types they use.
//!
//! Every type has chained setters (required values go in `new(..)`), serializes through
//! [`form`](crate::form) into the exact pairs Stripe's official SDKs send (fields are declared in
//! the SDKs' order), and deserializes from the SDKs' JSON parameter shape, so parameters can be
//! loaded from JSON:
//!
//! ```
//! use stripe_checkout_client::checkout::UpdateSession;
//! use stripe_checkout_client::form;
//!
//! let from_json: UpdateSession = serde_json::from_str(r#"{"discounts":""}"#)?;
//! assert_eq!(from_json, UpdateSession::new().clear_discounts());
//! assert_eq!(form::to_pairs(&from_json)?, [("discounts".to_owned(), String::new())]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The handler checks parameters locally before sending (one discount at most, well-formed
//! ids and currencies, metadata limits, …) and reports a broken rule as
//! [`Error::InvalidParams`] naming the parameter in Stripe's bracket syntax.

use std::collections::BTreeMap;
use std::fmt::Display;

#[cfg(feature = "testing")]
use serde::Deserialize;
use serde::{Serialize, Serializer};

use super::declare::{Check, Param, params_struct};
use super::extra::{ExtraParams, extra_setters};
use super::{
    AdaptivePricing, AfterExpiration, ConsentCollection, CustomField, CustomText, CustomerCreation,
    CustomerUpdate, InvoiceCreation, PaymentIntentData, PaymentMethodCollection, PaymentMethodData,
    SavedPaymentMethodOptions, SetupIntentData, SubmitType, SubscriptionData, TaxIdCollection,
};
use super::{
    BillingAddressCollection, PermissionOwner, RecurringInterval, RedirectOnCompletion,
    SessionMode, SessionStatus, TaxBehavior, UiMode,
};
use super::{
    BrandingSettings, InvoiceIssuer, ManagedPayments, NameCollection, OptionalItem, OriginContext,
    WalletOptions,
};
use super::{
    CurrencyAmount, CustomerDetailsFilter, DeliveryEstimate, UpdateAutomaticTax,
    UpdateInvoiceCreation, UpdatePaymentIntentData, UpdateSubscriptionData,
};
use crate::Clearable;
use crate::error::{Error, Result};
use crate::ids::{CheckoutSessionId, CustomerId, IntoId, PriceId, ProductId, RejectedId, take_id};
use crate::metadata::{Metadata, metadata_setter};
use crate::resources::{Discount, check_currency};
use crate::stripe_enum::stripe_enum;

/// Generates `fn name(mut self, value: impl Into<Ty>) -> Self` setters for `Option` fields.
macro_rules! option_setters {
    ($($(#[$doc:meta])* $name:ident: $ty:ty;)+) => {
        $(
            $(#[$doc])*
            pub fn $name(mut self, value: impl Into<$ty>) -> Self {
                self.$name = Some(value.into());
                self
            }
        )+
    };
}

/// Generates `fn name(mut self, values: impl IntoIterator<…>) -> Self` setters for list
/// fields; each replaces the list set before.
macro_rules! list_setters {
    ($($(#[$doc:meta])* $name:ident: $ty:ty;)+) => {
        $(
            $(#[$doc])*
            ///
            /// Replaces the list set before.
            pub fn $name(mut self, values: impl IntoIterator<Item = impl Into<$ty>>) -> Self {
                self.$name = values.into_iter().map(Into::into).collect();
                self
            }
        )+
    };
}

/// Generates `fn name(mut self, value: Ty) -> Self` setters for `Option` fields whose type
/// must not go through `Into` (integer literals would not infer).
macro_rules! plain_setters {
    ($($(#[$doc:meta])* $name:ident: $ty:ty;)+) => {
        $(
            $(#[$doc])*
            pub fn $name(mut self, value: $ty) -> Self {
                self.$name = Some(value);
                self
            }
        )+
    };
}

/// Reports the id a setter refused, as `prefix[field]` (or `field` at the top level).
fn check_rejected(prefix: &str, rejected: Option<&RejectedId>) -> Result<()> {
    match rejected {
        None => Ok(()),
        Some(r) if prefix.is_empty() => Err(Error::invalid_param(r.field, r.error.to_string())),
        Some(r) => Err(Error::invalid_param(
            format!("{prefix}[{}]", r.field),
            r.error.to_string(),
        )),
    }
}

/// Maps an id parse error to [`Error::InvalidParams`] naming `param`.
fn check_id<T, E: Display>(param: &str, parsed: std::result::Result<T, E>) -> Result<()> {
    parsed
        .map(drop)
        .map_err(|e| Error::invalid_param(param, e.to_string()))
}

/// Checks a page size against Stripe's `1..=100`.
fn check_limit(limit: Option<u32>) -> Result<()> {
    match limit {
        Some(limit) if !(1..=100).contains(&limit) => Err(Error::invalid_param(
            "limit",
            format!("must be between 1 and 100, got {limit}"),
        )),
        _ => Ok(()),
    }
}

/// Checks that at most one pagination cursor is set.
fn check_cursors(starting_after: bool, ending_before: bool) -> Result<()> {
    if starting_after && ending_before {
        return Err(Error::invalid_param(
            "ending_before",
            "cannot be combined with `starting_after`",
        ));
    }
    Ok(())
}

/// Checks a two-letter ISO country code, in capitals as Stripe writes them (`US`).
fn check_country(param: &str, country: &str) -> Result<()> {
    if country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(Error::invalid_param(
            param,
            format!("must be a two-letter iso country code in capitals, got `{country}`"),
        ))
    }
}

/// Checks that a text is not empty or blank. An empty value would be sent as `key=`, which
/// Stripe reads as "unset" and refuses for these fields.
fn check_not_empty(param: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        Err(Error::invalid_param(param, "must not be empty or blank"))
    } else {
        Ok(())
    }
}

/// [`check_not_empty`] for an optional text.
fn check_set_text(param: &str, value: Option<&String>) -> Result<()> {
    value.map_or(Ok(()), |v| check_not_empty(param, v))
}

/// [`check_not_empty`] for each entry of a list, named `param[i]`.
fn check_texts(param: &str, values: &[String]) -> Result<()> {
    for (i, value) in values.iter().enumerate() {
        check_not_empty(&format!("{param}[{i}]"), value)?;
    }
    Ok(())
}

/// Serializes a clearable list so that an empty `Set` list still clears (`key=`), instead of
/// sending nothing the way an empty list otherwise would.
fn clearable_list<S: Serializer, T: Serialize>(
    value: &Option<Clearable<Vec<T>>>,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    match value {
        Some(Clearable::Set(list)) if !list.is_empty() => list.serialize(serializer),
        Some(_) => serializer.serialize_str(""),
        None => serializer.serialize_none(),
    }
}

/// `Set(list)` for a non-empty list, `Clear` for an empty one.
fn set_or_clear<T>(list: Vec<T>) -> Clearable<Vec<T>> {
    if list.is_empty() {
        Clearable::Clear
    } else {
        Clearable::Set(list)
    }
}

/// Appends to a clearable list, turning a pending clear (or nothing) into a one-entry list.
fn push_clearable<T>(slot: &mut Option<Clearable<Vec<T>>>, item: T) {
    match slot {
        Some(Clearable::Set(list)) => list.push(item),
        _ => *slot = Some(Clearable::Set(vec![item])),
    }
}

// ---------------------------------------------------------------------------------------------
// Create
// ---------------------------------------------------------------------------------------------

/// Parameters for [`CheckoutSessions::create`](super::CheckoutSessions::create)
/// (`POST /v1/checkout/sessions`). The mode is required; everything else is optional.
///
/// The first fields are declared in the order the official SDKs send the guide's example
/// (`ui_mode`, `permissions`, `line_items`, `mode`, `return_url`), so the pairs match the
/// recorded requests exactly.
///
/// ```
/// use stripe_checkout_client::checkout::{CreateSession, LineItem, PermissionOwner, SessionMode, UiMode};
/// use stripe_checkout_client::form;
///
/// let params = CreateSession::new(SessionMode::Payment)
///     .ui_mode(UiMode::Custom)
///     .line_item(LineItem::price("price_123", 1))
///     .return_url("https://example.com/return")
///     .update_discounts(PermissionOwner::ServerOnly);
///
/// let pairs: Vec<String> = form::to_pairs(&params)?
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
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CreateSession {
    /// How the Checkout page is presented; the dynamic-discounts flow uses
    /// [`UiMode::Custom`].
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
    /// Per-method settings (`payment_method_options`), as the official SDKs' JSON shape: `{"card":
    /// {"request_three_d_secure": "any"}}`. Untyped below the method level.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub payment_method_options: Option<serde_json::Value>,
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
        if let Some(options) = &self.payment_method_options {
            if !options.is_object() {
                return Err(Error::invalid_param(
                    "payment_method_options",
                    "must be a json object of payment method types",
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
        /// Per-method settings (`payment_method_options`), as the official SDKs' JSON shape:
        /// `{"card": {"request_three_d_secure": "any"}}`. Untyped below the method level.
        payment_method_options: serde_json::Value;
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
        if let Some(shipping) = &self.shipping_address_collection {
            shipping.validate("shipping_address_collection")?;
        }
        Ok(())
    }
}

/// At most one discount, and that one valid.
fn validate_discounts(discounts: &[Discount]) -> Result<()> {
    if discounts.len() > 1 {
        return Err(Error::invalid_param(
            "discounts",
            format!(
                "a checkout session takes at most one discount, got {}",
                discounts.len()
            ),
        ));
    }
    for (i, discount) in discounts.iter().enumerate() {
        discount.validate(&format!("discounts[{i}]"))?;
    }
    Ok(())
}

/// Who may update which part of a session (`permissions`).
///
/// ```
/// use stripe_checkout_client::checkout::{PermissionOwner, Permissions};
/// let p = Permissions::new()
///     .update_discounts(PermissionOwner::ServerOnly)
///     .update_shipping_details(PermissionOwner::ServerOnly);
/// assert_eq!(p.update_line_items, None);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Permissions {
    /// Who may update the discounts.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub update_discounts: Option<PermissionOwner>,
    /// Who may update the line items.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub update_line_items: Option<PermissionOwner>,
    /// Who may update the shipping details.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub update_shipping_details: Option<PermissionOwner>,
    /// The same permissions for line items and shipping details, grouped (`update`; the
    /// preview).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub update: Option<PermissionsUpdate>,
}

/// Who may update line items and shipping details (`permissions[update]`; the preview).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PermissionsUpdate {
    /// Who may update the line items (`line_items`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub line_items: Option<PermissionOwner>,
    /// Who may update the shipping details (`shipping_details`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub shipping_details: Option<PermissionOwner>,
}

impl PermissionsUpdate {
    /// No permission set.
    pub fn new() -> Self {
        Self::default()
    }

    option_setters! {
        /// Who may update the line items (`line_items`).
        line_items: PermissionOwner;
        /// Who may update the shipping details (`shipping_details`).
        shipping_details: PermissionOwner;
    }
}

impl Permissions {
    /// No permission set: Stripe's defaults apply.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::Permissions;
    /// assert_eq!(Permissions::new(), Permissions::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// The grouped permissions for line items and shipping details (`update`; the preview).
    pub fn update(mut self, update: PermissionsUpdate) -> Self {
        self.update = Some(update);
        self
    }

    option_setters! {
        /// Who may update the discounts (`permissions[update_discounts]`).
        update_discounts: PermissionOwner;
        /// Who may update the line items (`permissions[update_line_items]`).
        update_line_items: PermissionOwner;
        /// Who may update the shipping details (`permissions[update_shipping_details]`).
        update_shipping_details: PermissionOwner;
    }
}

/// Whether to collect the customer's phone number (`phone_number_collection[enabled]`).
///
/// ```
/// use stripe_checkout_client::checkout::PhoneNumberCollection;
/// assert!(PhoneNumberCollection::from(true).enabled);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PhoneNumberCollection {
    /// Whether the phone number is collected.
    pub enabled: bool,
}

impl PhoneNumberCollection {
    /// Collects the phone number when `enabled`.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::PhoneNumberCollection;
    /// assert!(!PhoneNumberCollection::new(false).enabled);
    /// ```
    pub fn new(enabled: bool) -> Self {
        Self { enabled }
    }
}

impl From<bool> for PhoneNumberCollection {
    fn from(enabled: bool) -> Self {
        Self::new(enabled)
    }
}

/// Whether Stripe Tax computes tax automatically (`automatic_tax[enabled]`).
///
/// ```
/// use stripe_checkout_client::checkout::AutomaticTax;
/// assert!(AutomaticTax::from(true).enabled);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AutomaticTax {
    /// Whether automatic tax is on.
    pub enabled: bool,
    /// The account liable for the tax, for Connect (`liability`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub liability: Option<AutomaticTaxLiability>,
}

/// The account liable for tax (`automatic_tax[liability]`): the same shape as an invoice's
/// issuer.
pub type AutomaticTaxLiability = InvoiceIssuer;

impl AutomaticTax {
    /// Turns automatic tax on or off.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::AutomaticTax;
    /// assert!(AutomaticTax::new(true).enabled);
    /// ```
    pub fn new(enabled: bool) -> Self {
        Self {
            enabled,
            liability: None,
        }
    }

    option_setters! {
        /// The account liable for the tax (`liability`).
        liability: AutomaticTaxLiability;
    }
}

impl From<bool> for AutomaticTax {
    fn from(enabled: bool) -> Self {
        Self::new(enabled)
    }
}

/// The countries a shipping address may be in (`shipping_address_collection`).
///
/// ```
/// use stripe_checkout_client::checkout::ShippingAddressCollection;
/// let s = ShippingAddressCollection::new(["US", "CA"]);
/// assert_eq!(s.allowed_countries, ["US", "CA"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ShippingAddressCollection {
    /// Two-letter ISO country codes (`US`).
    pub allowed_countries: Vec<String>,
}

impl ShippingAddressCollection {
    /// Ships to these two-letter country codes.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::ShippingAddressCollection;
    /// assert_eq!(ShippingAddressCollection::new(["FR"]).allowed_countries, ["FR"]);
    /// ```
    pub fn new(allowed_countries: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            allowed_countries: allowed_countries.into_iter().map(Into::into).collect(),
        }
    }

    fn validate(&self, prefix: &str) -> Result<()> {
        if self.allowed_countries.is_empty() {
            return Err(Error::invalid_param(
                format!("{prefix}[allowed_countries]"),
                "must list at least one country",
            ));
        }
        for (i, country) in self.allowed_countries.iter().enumerate() {
            check_country(&format!("{prefix}[allowed_countries][{i}]"), country)?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Line items (create)
// ---------------------------------------------------------------------------------------------

/// One line item of [`CreateSession`]: an existing price, or an inline one
/// ([`PriceData`]), with a quantity.
///
/// ```
/// use stripe_checkout_client::checkout::{AdjustableQuantity, LineItem, PriceData, ProductData, RecurringInterval};
/// use stripe_checkout_client::form;
///
/// let by_id = LineItem::price("price_123", 1);
/// let inline = LineItem::price_data(
///     PriceData::new("usd", 2500, ProductData::new("T-shirt").image("https://example.com/t.png"))
///         .recurring(RecurringInterval::Month),
///     2,
/// )
/// .adjustable_quantity(AdjustableQuantity::range(1, 10));
///
/// #[derive(serde::Serialize)]
/// struct Params {
///     line_items: Vec<LineItem>,
/// }
/// let pairs: Vec<String> = form::to_pairs(&Params { line_items: vec![by_id, inline] })?
///     .into_iter()
///     .map(|(k, v)| format!("{k}={v}"))
///     .collect();
/// assert_eq!(
///     pairs,
///     [
///         "line_items[0][price]=price_123",
///         "line_items[0][quantity]=1",
///         "line_items[1][price_data][currency]=usd",
///         "line_items[1][price_data][product_data][name]=T-shirt",
///         "line_items[1][price_data][product_data][images][0]=https://example.com/t.png",
///         "line_items[1][price_data][unit_amount]=2500",
///         "line_items[1][price_data][recurring][interval]=month",
///         "line_items[1][quantity]=2",
///         "line_items[1][adjustable_quantity][enabled]=true",
///         "line_items[1][adjustable_quantity][minimum]=1",
///         "line_items[1][adjustable_quantity][maximum]=10",
///     ]
/// );
/// # Ok::<(), form::EncodeError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LineItem {
    /// An existing price (`price_…`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub price: Option<PriceId>,
    /// An inline price, created for this session only.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub price_data: Option<PriceData>,
    /// How many units (at least 1).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub quantity: Option<u64>,
    /// Whether the customer may change the quantity, and within which bounds.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub adjustable_quantity: Option<AdjustableQuantity>,
    /// Tax rates (`txr_…`) applied to this item.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub tax_rates: Vec<String>,
    /// Tax rates (`txr_…`) Stripe picks from by the customer's address (`dynamic_tax_rates`;
    /// basil).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub dynamic_tax_rates: Vec<String>,
    /// Metadata stored on the line item (`metadata`; preview and endive).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub metadata: Option<Metadata>,
    /// A refused id from a setter, reported by `validate`.
    #[serde(skip)]
    rejected_id: Option<RejectedId>,
}

impl LineItem {
    metadata_setter!(
        /// Adds a key to the line item's metadata (`metadata[key]`).
        metadata
    );

    list_setters! {
        /// Tax rates Stripe picks from by the customer's address (`dynamic_tax_rates`).
        dynamic_tax_rates: String;
    }

    /// `quantity` units of an existing price.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::LineItem;
    /// let item = LineItem::price("price_123", 2);
    /// assert_eq!((item.price.as_deref(), item.quantity), (Some("price_123"), Some(2)));
    /// ```
    pub fn price(price: impl IntoId<PriceId>, quantity: u64) -> Self {
        let mut rejected_id = None;
        Self {
            price: take_id(price, "price", &mut rejected_id),
            price_data: None,
            quantity: Some(quantity),
            adjustable_quantity: None,
            tax_rates: Vec::new(),
            dynamic_tax_rates: Vec::new(),
            metadata: None,
            rejected_id,
        }
    }

    /// `quantity` units of an inline price.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{LineItem, PriceData, ProductData};
    /// let item = LineItem::price_data(PriceData::new("usd", 500, ProductData::new("Sticker")), 3);
    /// assert_eq!(item.quantity, Some(3));
    /// ```
    pub fn price_data(price_data: PriceData, quantity: u64) -> Self {
        Self {
            price: None,
            price_data: Some(price_data),
            quantity: Some(quantity),
            adjustable_quantity: None,
            tax_rates: Vec::new(),
            dynamic_tax_rates: Vec::new(),
            metadata: None,
            rejected_id: None,
        }
    }

    /// Lets the customer change the quantity.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{AdjustableQuantity, LineItem};
    /// let item = LineItem::price("price_123", 1).adjustable_quantity(AdjustableQuantity::range(1, 5));
    /// assert_eq!(item.adjustable_quantity.unwrap().maximum, Some(5));
    /// ```
    pub fn adjustable_quantity(mut self, adjustable: AdjustableQuantity) -> Self {
        self.adjustable_quantity = Some(adjustable);
        self
    }

    /// Adds a tax rate (`txr_…`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::LineItem;
    /// let item = LineItem::price("price_123", 1).tax_rate("txr_1");
    /// assert_eq!(item.tax_rates, ["txr_1"]);
    /// ```
    pub fn tax_rate(mut self, id: impl Into<String>) -> Self {
        self.tax_rates.push(id.into());
        self
    }

    /// Adds several tax rates.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::LineItem;
    /// let item = LineItem::price("price_123", 1).tax_rates(["txr_1", "txr_2"]);
    /// assert_eq!(item.tax_rates.len(), 2);
    /// ```
    pub fn tax_rates(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.tax_rates.extend(ids.into_iter().map(Into::into));
        self
    }

    fn validate(&self, prefix: &str) -> Result<()> {
        check_rejected(prefix, self.rejected_id.as_ref())?;
        match (&self.price, &self.price_data) {
            (Some(price), None) => {
                check_id(&format!("{prefix}[price]"), PriceId::new(price.as_str()))?
            }
            (None, Some(data)) => data.validate(&format!("{prefix}[price_data]"))?,
            _ => {
                return Err(Error::invalid_param(
                    prefix,
                    "set exactly one of `price` or `price_data`",
                ));
            }
        }
        check_quantity(prefix, self.quantity)?;
        if let Some(adjustable) = &self.adjustable_quantity {
            adjustable.validate(&format!("{prefix}[adjustable_quantity]"))?;
        }
        Ok(())
    }
}

/// A quantity, if given, is at least 1.
fn check_quantity(prefix: &str, quantity: Option<u64>) -> Result<()> {
    if quantity == Some(0) {
        return Err(Error::invalid_param(
            format!("{prefix}[quantity]"),
            "must be at least 1",
        ));
    }
    Ok(())
}

/// An inline price (`price_data`): a currency, an amount (`unit_amount` or
/// `unit_amount_decimal`) and a product (`product` or `product_data`).
///
/// ```
/// use stripe_checkout_client::checkout::{PriceData, ProductData, Recurring, RecurringInterval, TaxBehavior};
///
/// let monthly = PriceData::new("usd", 900, ProductData::new("Pro plan"))
///     .recurring(Recurring::new(RecurringInterval::Month).interval_count(1))
///     .tax_behavior(TaxBehavior::Exclusive);
/// let existing = PriceData::for_product("eur", 1500, "prod_NNNsbcqAqCJrj2").unit_amount_decimal("1499.5");
/// assert_eq!(existing.unit_amount, None);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PriceData {
    /// The three-letter ISO currency code (`usd`).
    pub currency: String,
    /// An existing product (`prod_…`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub product: Option<ProductId>,
    /// An inline product, created for this price.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub product_data: Option<ProductData>,
    /// The unit amount in the currency's smallest unit (cents).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unit_amount: Option<i64>,
    /// The unit amount as a decimal string, in the smallest unit, with up to 12 decimals.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unit_amount_decimal: Option<String>,
    /// Makes the price recurring (subscription mode).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub recurring: Option<Recurring>,
    /// Whether the amount includes tax.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tax_behavior: Option<TaxBehavior>,
    /// A refused id from a setter, reported by `validate`.
    #[serde(skip)]
    rejected_id: Option<RejectedId>,
}

impl PriceData {
    /// `unit_amount` (smallest currency unit) of a new product described inline.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{PriceData, ProductData};
    /// let p = PriceData::new("usd", 2500, ProductData::new("T-shirt"));
    /// assert_eq!(p.unit_amount, Some(2500));
    /// ```
    pub fn new(currency: impl Into<String>, unit_amount: i64, product_data: ProductData) -> Self {
        Self {
            currency: currency.into(),
            product: None,
            product_data: Some(product_data),
            unit_amount: Some(unit_amount),
            unit_amount_decimal: None,
            recurring: None,
            tax_behavior: None,
            rejected_id: None,
        }
    }

    /// `unit_amount` (smallest currency unit) of an existing product (`prod_…`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::PriceData;
    /// let p = PriceData::for_product("usd", 2500, "prod_123");
    /// assert_eq!(p.product.as_deref(), Some("prod_123"));
    /// ```
    pub fn for_product(
        currency: impl Into<String>,
        unit_amount: i64,
        product: impl IntoId<ProductId>,
    ) -> Self {
        let mut rejected_id = None;
        Self {
            currency: currency.into(),
            product: take_id(product, "product", &mut rejected_id),
            product_data: None,
            unit_amount: Some(unit_amount),
            unit_amount_decimal: None,
            recurring: None,
            tax_behavior: None,
            rejected_id,
        }
    }

    /// Uses a decimal unit amount (`"1499.5"` cents) instead of `unit_amount`.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{PriceData, ProductData};
    /// let p = PriceData::new("usd", 0, ProductData::new("Data")).unit_amount_decimal("0.25");
    /// assert_eq!((p.unit_amount, p.unit_amount_decimal.as_deref()), (None, Some("0.25")));
    /// ```
    pub fn unit_amount_decimal(mut self, amount: impl Into<String>) -> Self {
        self.unit_amount = None;
        self.unit_amount_decimal = Some(amount.into());
        self
    }

    /// Makes the price recurring: `.recurring(RecurringInterval::Month)` or a [`Recurring`].
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{PriceData, ProductData, RecurringInterval};
    /// let p = PriceData::new("usd", 900, ProductData::new("Pro")).recurring(RecurringInterval::Year);
    /// assert_eq!(p.recurring.unwrap().interval, RecurringInterval::Year);
    /// ```
    pub fn recurring(mut self, recurring: impl Into<Recurring>) -> Self {
        self.recurring = Some(recurring.into());
        self
    }

    /// Whether the amount includes tax.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{PriceData, ProductData, TaxBehavior};
    /// let p = PriceData::new("usd", 900, ProductData::new("Pro")).tax_behavior(TaxBehavior::Inclusive);
    /// assert_eq!(p.tax_behavior, Some(TaxBehavior::Inclusive));
    /// ```
    pub fn tax_behavior(mut self, behavior: impl Into<TaxBehavior>) -> Self {
        self.tax_behavior = Some(behavior.into());
        self
    }

    fn validate(&self, prefix: &str) -> Result<()> {
        check_rejected(prefix, self.rejected_id.as_ref())?;
        let field = |name: &str| format!("{prefix}[{name}]");
        check_currency(&field("currency"), &self.currency)?;
        match (self.unit_amount, &self.unit_amount_decimal) {
            (Some(amount), None) if !(0..=MAX_UNIT_AMOUNT).contains(&amount) => {
                return Err(Error::invalid_param(
                    field("unit_amount"),
                    format!("must be between 0 and {MAX_UNIT_AMOUNT}, got {amount}"),
                ));
            }
            (Some(_), None) => {}
            (None, Some(decimal)) if !is_decimal(decimal) => {
                return Err(Error::invalid_param(
                    field("unit_amount_decimal"),
                    format!(
                        "must be a non-negative decimal with at most 12 decimal places, got `{decimal}`"
                    ),
                ));
            }
            (None, Some(decimal))
                if decimal
                    .parse::<f64>()
                    .is_ok_and(|d| d > MAX_UNIT_AMOUNT as f64) =>
            {
                return Err(Error::invalid_param(
                    field("unit_amount_decimal"),
                    format!("must be at most {MAX_UNIT_AMOUNT}, got `{decimal}`"),
                ));
            }
            (None, Some(_)) => {}
            _ => {
                return Err(Error::invalid_param(
                    prefix,
                    "set exactly one of `unit_amount` or `unit_amount_decimal`",
                ));
            }
        }
        match (&self.product, &self.product_data) {
            (Some(product), None) => check_id(&field("product"), ProductId::new(product.as_str()))?,
            (None, Some(data)) => data.validate(&field("product_data"))?,
            _ => {
                return Err(Error::invalid_param(
                    prefix,
                    "set exactly one of `product` or `product_data`",
                ));
            }
        }
        if let Some(recurring) = &self.recurring {
            if recurring.interval_count == Some(0) {
                return Err(Error::invalid_param(
                    format!("{prefix}[recurring][interval_count]"),
                    "must be at least 1",
                ));
            }
        }
        Ok(())
    }
}

/// Stripe's largest unit amount: eight digits of minor units (999,999.99 in a two-decimal
/// currency).
pub const MAX_UNIT_AMOUNT: i64 = 99_999_999;

/// `123`, `0.25` or `1499.123456789012`: digits, optionally a point and 1 to 12 digits.
fn is_decimal(s: &str) -> bool {
    let (whole, fraction) = match s.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (s, None),
    };
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction
            .is_none_or(|f| (1..=12).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A product described inline (`product_data`).
///
/// ```
/// use stripe_checkout_client::checkout::ProductData;
/// let p = ProductData::new("T-shirt")
///     .description("100% cotton")
///     .image("https://example.com/t.png")
///     .metadata("sku", "TS-1");
/// assert_eq!(p.images.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ProductData {
    /// The name customers see.
    pub name: String,
    /// A longer description.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub description: Option<String>,
    /// Image URLs (up to 8).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub images: Vec<String>,
    /// Metadata stored on the product.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub metadata: Option<Metadata>,
    /// A Stripe Tax code (`txcd_…`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tax_code: Option<String>,
    /// Tax details of the product (`tax_details`; preview and endive).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tax_details: Option<ProductTaxDetails>,
    /// The unit shown on receipts and invoices, e.g. `seat` (`unit_label`; preview and endive).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unit_label: Option<String>,
}

params_struct! {
    /// Tax details of an inline product (`product_data[tax_details]`; preview and endive).
    pub struct ProductTaxDetails () {
        /// Where the service is performed (`performance_location`).
        performance_location: String => into,
        /// A Stripe Tax code, `txcd_…` (`tax_code`).
        tax_code: String => into,
    }
}

impl ProductData {
    /// A product called `name`.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::ProductData;
    /// assert_eq!(ProductData::new("Sticker").name, "Sticker");
    /// ```
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            description: None,
            images: Vec::new(),
            metadata: None,
            tax_code: None,
            tax_details: None,
            unit_label: None,
        }
    }

    option_setters! {
        /// A longer description (`description`).
        description: String;
        /// A Stripe Tax code (`tax_code`).
        tax_code: String;
        /// The product's tax details (`tax_details`).
        tax_details: ProductTaxDetails;
        /// The unit shown on receipts and invoices (`unit_label`).
        unit_label: String;
    }

    /// Adds an image URL.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::ProductData;
    /// assert_eq!(ProductData::new("Mug").image("https://example.com/m.png").images.len(), 1);
    /// ```
    pub fn image(mut self, url: impl Into<String>) -> Self {
        self.images.push(url.into());
        self
    }

    /// Adds several image URLs.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::ProductData;
    /// let p = ProductData::new("Mug").images(["https://example.com/1.png", "https://example.com/2.png"]);
    /// assert_eq!(p.images.len(), 2);
    /// ```
    pub fn images(mut self, urls: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.images.extend(urls.into_iter().map(Into::into));
        self
    }

    metadata_setter!(
        /// Sets one metadata key on the product.
        ///
        /// ```
        /// use stripe_checkout_client::checkout::ProductData;
        /// let p = ProductData::new("Mug").metadata("sku", "MUG-1");
        /// assert_eq!(p.metadata.unwrap().get("sku"), Some("MUG-1"));
        /// ```
        metadata
    );

    fn validate(&self, prefix: &str) -> Result<()> {
        check_not_empty(&format!("{prefix}[name]"), &self.name)?;
        if let Some(metadata) = &self.metadata {
            metadata.validate(&format!("{prefix}[metadata]"))?;
        }
        Ok(())
    }
}

/// How often a recurring inline price bills (`recurring`).
///
/// ```
/// use stripe_checkout_client::checkout::{Recurring, RecurringInterval};
/// let every_two_weeks = Recurring::new(RecurringInterval::Week).interval_count(2);
/// assert_eq!(Recurring::from(RecurringInterval::Month).interval_count, None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Recurring {
    /// The billing interval.
    pub interval: RecurringInterval,
    /// How many intervals between bills (default 1).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub interval_count: Option<u64>,
}

impl Recurring {
    /// Bills every `interval`.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{Recurring, RecurringInterval};
    /// assert_eq!(Recurring::new(RecurringInterval::Day).interval, RecurringInterval::Day);
    /// ```
    pub fn new(interval: impl Into<RecurringInterval>) -> Self {
        Self {
            interval: interval.into(),
            interval_count: None,
        }
    }

    /// Bills every `count` intervals.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{Recurring, RecurringInterval};
    /// assert_eq!(Recurring::new(RecurringInterval::Month).interval_count(3).interval_count, Some(3));
    /// ```
    pub fn interval_count(mut self, count: u64) -> Self {
        self.interval_count = Some(count);
        self
    }
}

impl From<RecurringInterval> for Recurring {
    fn from(interval: RecurringInterval) -> Self {
        Self::new(interval)
    }
}

/// Whether the customer may change a line item's quantity (`adjustable_quantity`).
///
/// ```
/// use stripe_checkout_client::checkout::AdjustableQuantity;
/// let a = AdjustableQuantity::range(1, 10);
/// assert!(a.enabled);
/// let off = AdjustableQuantity::new(false);
/// assert_eq!(off.maximum, None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AdjustableQuantity {
    /// Whether the quantity is adjustable.
    pub enabled: bool,
    /// The smallest quantity the customer may choose.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub minimum: Option<u64>,
    /// The largest quantity the customer may choose (at most 999 999).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub maximum: Option<u64>,
}

/// Stripe's upper bound for `adjustable_quantity[maximum]`.
const MAX_ADJUSTABLE_QUANTITY: u64 = 999_999;

impl AdjustableQuantity {
    /// Adjustable (or not) within Stripe's default bounds.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::AdjustableQuantity;
    /// assert!(AdjustableQuantity::new(true).enabled);
    /// ```
    pub fn new(enabled: bool) -> Self {
        Self {
            enabled,
            minimum: None,
            maximum: None,
        }
    }

    /// Adjustable between `minimum` and `maximum`, inclusive.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::AdjustableQuantity;
    /// let a = AdjustableQuantity::range(2, 4);
    /// assert_eq!((a.minimum, a.maximum), (Some(2), Some(4)));
    /// ```
    pub fn range(minimum: u64, maximum: u64) -> Self {
        Self::new(true).minimum(minimum).maximum(maximum)
    }

    /// The smallest quantity the customer may choose.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::AdjustableQuantity;
    /// assert_eq!(AdjustableQuantity::new(true).minimum(1).minimum, Some(1));
    /// ```
    pub fn minimum(mut self, minimum: u64) -> Self {
        self.minimum = Some(minimum);
        self
    }

    /// The largest quantity the customer may choose.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::AdjustableQuantity;
    /// assert_eq!(AdjustableQuantity::new(true).maximum(9).maximum, Some(9));
    /// ```
    pub fn maximum(mut self, maximum: u64) -> Self {
        self.maximum = Some(maximum);
        self
    }

    fn validate(&self, prefix: &str) -> Result<()> {
        if let Some(minimum) = self.minimum.filter(|&m| m > MAX_ADJUSTABLE_QUANTITY) {
            return Err(Error::invalid_param(
                format!("{prefix}[minimum]"),
                format!("must be at most {MAX_ADJUSTABLE_QUANTITY}, got {minimum}"),
            ));
        }
        if let Some(maximum) = self.maximum {
            if maximum > MAX_ADJUSTABLE_QUANTITY {
                return Err(Error::invalid_param(
                    format!("{prefix}[maximum]"),
                    format!("must be at most {MAX_ADJUSTABLE_QUANTITY}, got {maximum}"),
                ));
            }
            if let Some(minimum) = self.minimum.filter(|&m| m > maximum) {
                return Err(Error::invalid_param(
                    format!("{prefix}[minimum]"),
                    format!("must not exceed `maximum` ({maximum}), got {minimum}"),
                ));
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Update
// ---------------------------------------------------------------------------------------------

/// Parameters for [`CheckoutSessions::update`](super::CheckoutSessions::update)
/// (`POST /v1/checkout/sessions/{id}`): discounts, metadata, line items, shipping options and
/// collected shipping details.
///
/// Clearing is explicit. [`clear_discounts`](Self::clear_discounts) sends `discounts=`, and so
/// does [`discounts`](Self::discounts) with an empty list — unlike the official SDKs, where an
/// empty list silently sends nothing and leaves the old discount in place. Stripe omits
/// `discounts` from the answer unless the request expands it.
///
/// ```
/// use stripe_checkout_client::checkout::UpdateSession;
/// use stripe_checkout_client::discounts::{CouponData, Discount};
/// use stripe_checkout_client::form;
///
/// let params = UpdateSession::new()
///     .discounts([Discount::CouponData(CouponData::amount_off(500, "eur"))])
///     .expand(["discounts"]);
/// let pairs: Vec<String> = form::to_pairs(&params)?
///     .into_iter()
///     .map(|(k, v)| format!("{k}={v}"))
///     .collect();
/// assert_eq!(
///     pairs,
///     [
///         "discounts[0][coupon_data][amount_off]=500",
///         "discounts[0][coupon_data][currency]=eur",
///         "expand[0]=discounts",
///     ]
/// );
///
/// // No discount left to give: clear, rather than send nothing.
/// let none: Vec<Discount> = Vec::new();
/// let params = UpdateSession::new().discounts(none);
/// assert_eq!(form::to_pairs(&params)?, [("discounts".to_owned(), String::new())]);
/// assert_eq!(params, UpdateSession::new().clear_discounts());
/// # Ok::<(), form::EncodeError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UpdateSession {
    /// The discounts to set (at most one), or [`Clearable::Clear`] to remove them.
    /// `Set` of an empty list is sent as a clear too.
    #[serde(
        serialize_with = "clearable_list",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub discounts: Option<Clearable<Vec<Discount>>>,
    /// Metadata keys to set or unset, or a clear of them all.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub metadata: Option<Metadata>,
    /// The complete new list of line items (keep existing ones by id).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub line_items: Vec<UpdateLineItem>,
    /// The shipping options to offer, or [`Clearable::Clear`] to remove them. `Set` of an
    /// empty list is sent as a clear too.
    #[serde(
        serialize_with = "clearable_list",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub shipping_options: Option<Clearable<Vec<ShippingOption>>>,
    /// Information collected on your own page (shipping details).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub collected_information: Option<CollectedInformation>,
    /// Fields of the answer to expand (`discounts`, `line_items`, …).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub expand: Vec<String>,
    /// The parts of the coming subscription to change (`subscription_data`; the preview).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub subscription_data: Option<UpdateSubscriptionData>,
    /// The parts of the coming payment to change (`payment_intent_data`; endive).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub payment_intent_data: Option<UpdatePaymentIntentData>,
    /// The automatic tax settings to change (`automatic_tax`; the preview).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub automatic_tax: Option<UpdateAutomaticTax>,
    /// The invoice settings to change (`invoice_creation`; the preview).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub invoice_creation: Option<UpdateInvoiceCreation>,
    /// Untyped params sent after the typed ones (`extra_param`, `extra_json`).
    #[serde(skip)]
    pub extra: ExtraParams,
}

impl UpdateSession {
    /// Parameters that change nothing yet.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// assert_eq!(UpdateSession::new(), UpdateSession::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    extra_setters!();

    option_setters! {
        /// The parts of the coming subscription to change (`subscription_data`; the preview).
        subscription_data: UpdateSubscriptionData;
        /// The parts of the coming payment to change (`payment_intent_data`; endive).
        payment_intent_data: UpdatePaymentIntentData;
        /// The automatic tax settings to change (`automatic_tax`; the preview).
        automatic_tax: UpdateAutomaticTax;
        /// The invoice settings to change (`invoice_creation`; the preview).
        invoice_creation: UpdateInvoiceCreation;
    }

    /// Replaces the session's discounts with `discounts` (Stripe applies at most one). An
    /// empty list clears them, exactly like [`clear_discounts`](Self::clear_discounts): it
    /// sends `discounts=`, never nothing.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// use stripe_checkout_client::discounts::Discount;
    /// use stripe_checkout_client::Clearable;
    ///
    /// let set = UpdateSession::new().discounts([Discount::Coupon("SUMMER25".parse().unwrap())]);
    /// assert_eq!(set.discounts, Some(Clearable::Set(vec![Discount::Coupon("SUMMER25".parse().unwrap())])));
    /// let cleared = UpdateSession::new().discounts(Vec::<Discount>::new());
    /// assert_eq!(cleared.discounts, Some(Clearable::Clear));
    /// ```
    pub fn discounts(mut self, discounts: impl IntoIterator<Item = Discount>) -> Self {
        self.discounts = Some(set_or_clear(discounts.into_iter().collect()));
        self
    }

    /// Adds one discount to the list being set (replacing a pending clear).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// use stripe_checkout_client::discounts::{CouponData, Discount};
    /// let params = UpdateSession::new().discount(CouponData::percent_off(10.0));
    /// assert_eq!(params, UpdateSession::new().discounts([Discount::CouponData(CouponData::percent_off(10.0))]));
    /// ```
    pub fn discount(mut self, discount: impl Into<Discount>) -> Self {
        push_clearable(&mut self.discounts, discount.into());
        self
    }

    /// Removes every discount from the session (sends `discounts=`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// use stripe_checkout_client::form;
    /// let pairs = form::to_pairs(&UpdateSession::new().clear_discounts())?;
    /// assert_eq!(pairs, [("discounts".to_owned(), String::new())]);
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    pub fn clear_discounts(mut self) -> Self {
        self.discounts = Some(Clearable::Clear);
        self
    }

    metadata_setter!(
        /// Sets one metadata key (`metadata[key]=value`), replacing a pending
        /// [`clear_metadata`](Self::clear_metadata).
        ///
        /// ```
        /// use stripe_checkout_client::checkout::UpdateSession;
        /// use stripe_checkout_client::form;
        /// let params = UpdateSession::new().metadata("tier", "gold").unset_metadata("campaign");
        /// assert_eq!(
        ///     form::to_pairs(&params)?,
        ///     [
        ///         ("metadata[tier]".to_owned(), "gold".to_owned()),
        ///         ("metadata[campaign]".to_owned(), String::new()),
        ///     ]
        /// );
        /// # Ok::<(), form::EncodeError>(())
        /// ```
        metadata
    );

    /// Removes one metadata key from the session (`metadata[key]=`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// let params = UpdateSession::new().unset_metadata("campaign");
    /// assert!(params.metadata.unwrap().is_unset("campaign"));
    /// ```
    pub fn unset_metadata(mut self, key: impl Into<String>) -> Self {
        self.metadata.get_or_insert_with(Metadata::new).unset(key);
        self
    }

    /// Removes every metadata key from the session (`metadata=`), discarding keys set or
    /// unset earlier on these parameters.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// use stripe_checkout_client::form;
    /// let pairs = form::to_pairs(&UpdateSession::new().metadata("a", "1").clear_metadata())?;
    /// assert_eq!(pairs, [("metadata".to_owned(), String::new())]);
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    pub fn clear_metadata(mut self) -> Self {
        self.metadata = Some(Metadata::clear());
        self
    }

    /// Adds one line item to the new list. Stripe replaces the whole list: include every
    /// item to keep (by id), in the order wanted.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{UpdateLineItem, UpdateSession};
    /// let params = UpdateSession::new()
    ///     .line_item(UpdateLineItem::existing("li_1").quantity(3))
    ///     .line_item(UpdateLineItem::price("price_123", 1));
    /// assert_eq!(params.line_items.len(), 2);
    /// ```
    pub fn line_item(mut self, item: UpdateLineItem) -> Self {
        self.line_items.push(item);
        self
    }

    /// Adds several line items to the new list.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{UpdateLineItem, UpdateSession};
    /// let params = UpdateSession::new().line_items([UpdateLineItem::existing("li_1")]);
    /// assert_eq!(params.line_items.len(), 1);
    /// ```
    pub fn line_items(mut self, items: impl IntoIterator<Item = UpdateLineItem>) -> Self {
        self.line_items.extend(items);
        self
    }

    /// Replaces the shipping options; an empty list clears them (sends `shipping_options=`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{ShippingOption, ShippingRateData, UpdateSession};
    /// let params = UpdateSession::new().shipping_options([
    ///     ShippingOption::shipping_rate("shr_standard"),
    ///     ShippingOption::shipping_rate_data(ShippingRateData::fixed_amount("Express", 1500, "usd")),
    /// ]);
    /// assert!(params.shipping_options.is_some());
    /// ```
    pub fn shipping_options(mut self, options: impl IntoIterator<Item = ShippingOption>) -> Self {
        self.shipping_options = Some(set_or_clear(options.into_iter().collect()));
        self
    }

    /// Adds one shipping option to the list being set (replacing a pending clear).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{ShippingOption, UpdateSession};
    /// let params = UpdateSession::new().shipping_option(ShippingOption::shipping_rate("shr_1"));
    /// assert_eq!(params, UpdateSession::new().shipping_options([ShippingOption::shipping_rate("shr_1")]));
    /// ```
    pub fn shipping_option(mut self, option: ShippingOption) -> Self {
        push_clearable(&mut self.shipping_options, option);
        self
    }

    /// Removes every shipping option (sends `shipping_options=`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// use stripe_checkout_client::Clearable;
    /// let params = UpdateSession::new().clear_shipping_options();
    /// assert_eq!(params.shipping_options, Some(Clearable::Clear));
    /// ```
    pub fn clear_shipping_options(mut self) -> Self {
        self.shipping_options = Some(Clearable::Clear);
        self
    }

    /// Information collected on your own page.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{Address, CollectedInformation, ShippingDetails, UpdateSession};
    /// let details = ShippingDetails::new("Jenny Rosen", Address::new("1 Main St", "US"));
    /// let params = UpdateSession::new().collected_information(CollectedInformation::shipping_details(details));
    /// assert!(params.collected_information.is_some());
    /// ```
    pub fn collected_information(mut self, information: CollectedInformation) -> Self {
        self.collected_information = Some(information);
        self
    }

    /// Shorthand for `.collected_information(CollectedInformation::shipping_details(details))`.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{Address, ShippingDetails, UpdateSession};
    /// use stripe_checkout_client::form;
    /// let params = UpdateSession::new().shipping_details(ShippingDetails::new(
    ///     "Jenny Rosen",
    ///     Address::new("1 Main St", "US").city("Springfield").postal_code("12345"),
    /// ));
    /// let keys: Vec<String> = form::to_pairs(&params)?.into_iter().map(|(k, _)| k).collect();
    /// assert_eq!(keys[0], "collected_information[shipping_details][name]");
    /// assert_eq!(keys[1], "collected_information[shipping_details][address][line1]");
    /// # Ok::<(), form::EncodeError>(())
    /// ```
    pub fn shipping_details(self, details: ShippingDetails) -> Self {
        self.collected_information(CollectedInformation::shipping_details(details))
    }

    /// Adds fields of the answer to expand — `discounts` to see the applied discount.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateSession;
    /// assert_eq!(UpdateSession::new().expand(["discounts"]).expand, ["discounts"]);
    /// ```
    pub fn expand(mut self, fields: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.expand.extend(fields.into_iter().map(Into::into));
        self
    }

    /// Checks the rules Stripe would reject the request for, without sending anything.
    pub(crate) fn validate(&self) -> Result<()> {
        self.subscription_data
            .check(Param::Name("subscription_data"))?;
        self.payment_intent_data
            .check(Param::Name("payment_intent_data"))?;
        self.automatic_tax.check(Param::Name("automatic_tax"))?;
        self.invoice_creation
            .check(Param::Name("invoice_creation"))?;
        check_texts("expand", &self.expand)?;
        if let Some(Clearable::Set(discounts)) = &self.discounts {
            validate_discounts(discounts)?;
        }
        if let Some(metadata) = &self.metadata {
            metadata.validate("metadata")?;
        }
        for (i, item) in self.line_items.iter().enumerate() {
            item.validate(&format!("line_items[{i}]"))?;
        }
        if let Some(Clearable::Set(options)) = &self.shipping_options {
            if options.len() > MAX_SHIPPING_OPTIONS {
                return Err(Error::invalid_param(
                    "shipping_options",
                    format!(
                        "at most {MAX_SHIPPING_OPTIONS} shipping options are allowed, got {}",
                        options.len()
                    ),
                ));
            }
            for (i, option) in options.iter().enumerate() {
                option.validate(&format!("shipping_options[{i}]"))?;
            }
        }
        if let Some(information) = &self.collected_information {
            information.validate("collected_information")?;
        }
        Ok(())
    }
}

/// Stripe's limit on shipping options per session.
const MAX_SHIPPING_OPTIONS: usize = 5;

/// One line item of [`UpdateSession`]'s new list: an existing item kept (and maybe changed)
/// by id, or a new item by price.
///
/// ```
/// use stripe_checkout_client::checkout::{UpdateLineItem, UpdateSession};
/// use stripe_checkout_client::form;
///
/// let params = UpdateSession::new()
///     .line_item(UpdateLineItem::existing("li_1").quantity(2))
///     .line_item(UpdateLineItem::price("price_123", 1));
/// let pairs: Vec<String> = form::to_pairs(&params)?
///     .into_iter()
///     .map(|(k, v)| format!("{k}={v}"))
///     .collect();
/// assert_eq!(
///     pairs,
///     [
///         "line_items[0][id]=li_1",
///         "line_items[0][quantity]=2",
///         "line_items[1][price]=price_123",
///         "line_items[1][quantity]=1",
///     ]
/// );
/// # Ok::<(), form::EncodeError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UpdateLineItem {
    /// The id of an existing line item (`li_…`) to keep or change.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub id: Option<String>,
    /// The price (`price_…`) of a new line item.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub price: Option<PriceId>,
    /// An inline price for a new line item (`price_data`; preview and endive).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub price_data: Option<PriceData>,
    /// How many units (at least 1); required for a new item.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub quantity: Option<u64>,
    /// Whether the customer may change the quantity.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub adjustable_quantity: Option<AdjustableQuantity>,
    /// Metadata stored on the line item.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub metadata: Option<Metadata>,
    /// Tax rates (`txr_…`) applied to this item.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub tax_rates: Vec<String>,
    /// A refused id from a setter, reported by `validate`.
    #[serde(skip)]
    rejected_id: Option<RejectedId>,
}

impl UpdateLineItem {
    /// Keeps the existing line item `id` (`li_…`) unchanged unless setters change it.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateLineItem;
    /// assert_eq!(UpdateLineItem::existing("li_1").id.as_deref(), Some("li_1"));
    /// ```
    pub fn existing(id: impl Into<String>) -> Self {
        Self {
            id: Some(id.into()),
            ..Self::default()
        }
    }

    /// Adds a new line item: `quantity` units of `price`.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateLineItem;
    /// assert_eq!(UpdateLineItem::price("price_123", 2).quantity, Some(2));
    /// ```
    pub fn price(price: impl IntoId<PriceId>, quantity: u64) -> Self {
        let mut rejected_id = None;
        Self {
            price: take_id(price, "price", &mut rejected_id),
            quantity: Some(quantity),
            rejected_id,
            ..Self::default()
        }
    }

    /// Adds a new line item: `quantity` units of an inline price (`price_data`).
    pub fn price_data(price_data: PriceData, quantity: u64) -> Self {
        Self {
            price_data: Some(price_data),
            quantity: Some(quantity),
            ..Self::default()
        }
    }

    /// Sets the quantity.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateLineItem;
    /// assert_eq!(UpdateLineItem::existing("li_1").quantity(4).quantity, Some(4));
    /// ```
    pub fn quantity(mut self, quantity: u64) -> Self {
        self.quantity = Some(quantity);
        self
    }

    /// Lets the customer change the quantity.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{AdjustableQuantity, UpdateLineItem};
    /// let item = UpdateLineItem::existing("li_1").adjustable_quantity(AdjustableQuantity::new(false));
    /// assert!(!item.adjustable_quantity.unwrap().enabled);
    /// ```
    pub fn adjustable_quantity(mut self, adjustable: AdjustableQuantity) -> Self {
        self.adjustable_quantity = Some(adjustable);
        self
    }

    metadata_setter!(
        /// Sets one metadata key on the line item.
        ///
        /// ```
        /// use stripe_checkout_client::checkout::UpdateLineItem;
        /// let item = UpdateLineItem::existing("li_1").metadata("gift", "yes");
        /// assert_eq!(item.metadata.unwrap().get("gift"), Some("yes"));
        /// ```
        metadata
    );

    /// Adds several tax rates (`txr_…`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::UpdateLineItem;
    /// assert_eq!(UpdateLineItem::existing("li_1").tax_rates(["txr_1"]).tax_rates, ["txr_1"]);
    /// ```
    pub fn tax_rates(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.tax_rates.extend(ids.into_iter().map(Into::into));
        self
    }

    fn validate(&self, prefix: &str) -> Result<()> {
        check_rejected(prefix, self.rejected_id.as_ref())?;
        if self.price.is_some() && self.price_data.is_some() {
            return Err(Error::invalid_param(
                prefix,
                "set at most one of `price` or `price_data`",
            ));
        }
        if let Some(data) = &self.price_data {
            data.validate(&format!("{prefix}[price_data]"))?;
        }
        let new_price = self.price.is_some() || self.price_data.is_some();
        match (&self.id, new_price) {
            (None, false) => {
                return Err(Error::invalid_param(
                    prefix,
                    "set `id` to keep an existing line item, or `price` or `price_data` to add one",
                ));
            }
            (None, true) if self.quantity.is_none() => {
                return Err(Error::invalid_param(
                    format!("{prefix}[quantity]"),
                    "is required for a new line item",
                ));
            }
            _ => {}
        }
        if let Some(id) = &self.id {
            check_not_empty(&format!("{prefix}[id]"), id)?;
        }
        if let Some(price) = &self.price {
            check_id(&format!("{prefix}[price]"), PriceId::new(price.as_str()))?;
        }
        check_quantity(prefix, self.quantity)?;
        if let Some(adjustable) = &self.adjustable_quantity {
            adjustable.validate(&format!("{prefix}[adjustable_quantity]"))?;
        }
        if let Some(metadata) = &self.metadata {
            metadata.validate(&format!("{prefix}[metadata]"))?;
        }
        Ok(())
    }
}

/// One shipping option: an existing shipping rate (`shr_…`) or one described inline.
///
/// ```
/// use stripe_checkout_client::checkout::{ShippingOption, ShippingRateData};
/// let standard = ShippingOption::shipping_rate("shr_standard");
/// let express = ShippingOption::shipping_rate_data(ShippingRateData::fixed_amount("Express", 1500, "usd"));
/// assert!(express.shipping_rate.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ShippingOption {
    /// An existing shipping rate (`shr_…`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub shipping_rate: Option<String>,
    /// A shipping rate described inline.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub shipping_rate_data: Option<ShippingRateData>,
}

impl ShippingOption {
    /// An existing shipping rate by id.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::ShippingOption;
    /// assert_eq!(ShippingOption::shipping_rate("shr_1").shipping_rate.as_deref(), Some("shr_1"));
    /// ```
    pub fn shipping_rate(id: impl Into<String>) -> Self {
        Self {
            shipping_rate: Some(id.into()),
            shipping_rate_data: None,
        }
    }

    /// A shipping rate described inline.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{ShippingOption, ShippingRateData};
    /// let o = ShippingOption::shipping_rate_data(ShippingRateData::fixed_amount("Free", 0, "usd"));
    /// assert!(o.shipping_rate_data.is_some());
    /// ```
    pub fn shipping_rate_data(data: ShippingRateData) -> Self {
        Self {
            shipping_rate: None,
            shipping_rate_data: Some(data),
        }
    }

    fn validate(&self, prefix: &str) -> Result<()> {
        match (&self.shipping_rate, &self.shipping_rate_data) {
            (Some(id), None) => check_not_empty(&format!("{prefix}[shipping_rate]"), id),
            (None, Some(data)) => data.validate(&format!("{prefix}[shipping_rate_data]")),
            _ => Err(Error::invalid_param(
                prefix,
                "set exactly one of `shipping_rate` or `shipping_rate_data`",
            )),
        }
    }
}

stripe_enum!(
    /// The kind of an inline shipping rate.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::ShippingRateType;
    /// assert_eq!(ShippingRateType::FixedAmount.as_str(), "fixed_amount");
    /// ```
    ShippingRateType {
        /// A fixed amount, whatever the order.
        FixedAmount = "fixed_amount",
    }
);

/// An inline shipping rate (`shipping_rate_data`).
///
/// ```
/// use stripe_checkout_client::checkout::{ShippingOption, ShippingRateData, UpdateSession};
/// use stripe_checkout_client::form;
///
/// let params = UpdateSession::new()
///     .shipping_option(ShippingOption::shipping_rate_data(ShippingRateData::fixed_amount("Express", 1500, "usd")));
/// let pairs: Vec<String> = form::to_pairs(&params)?
///     .into_iter()
///     .map(|(k, v)| format!("{k}={v}"))
///     .collect();
/// assert_eq!(
///     pairs,
///     [
///         "shipping_options[0][shipping_rate_data][display_name]=Express",
///         "shipping_options[0][shipping_rate_data][type]=fixed_amount",
///         "shipping_options[0][shipping_rate_data][fixed_amount][amount]=1500",
///         "shipping_options[0][shipping_rate_data][fixed_amount][currency]=usd",
///     ]
/// );
/// # Ok::<(), form::EncodeError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ShippingRateData {
    /// The name customers see (`Express`).
    pub display_name: String,
    /// The kind of rate.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none", default)]
    pub rate_type: Option<ShippingRateType>,
    /// The amount, for a fixed-amount rate.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub fixed_amount: Option<FixedAmount>,
    /// How long delivery takes (`delivery_estimate`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub delivery_estimate: Option<DeliveryEstimate>,
    /// Metadata stored on the shipping rate (`metadata`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub metadata: Option<Metadata>,
    /// Whether the amount includes tax (`tax_behavior`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tax_behavior: Option<TaxBehavior>,
    /// A Stripe Tax code, `txcd_…` (`tax_code`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tax_code: Option<String>,
}

impl ShippingRateData {
    /// A fixed-amount rate: `amount` in `currency`'s smallest unit.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{ShippingRateData, ShippingRateType};
    /// let r = ShippingRateData::fixed_amount("Express", 1500, "usd");
    /// assert_eq!(r.rate_type, Some(ShippingRateType::FixedAmount));
    /// ```
    pub fn fixed_amount(
        display_name: impl Into<String>,
        amount: i64,
        currency: impl Into<String>,
    ) -> Self {
        Self {
            display_name: display_name.into(),
            rate_type: Some(ShippingRateType::FixedAmount),
            fixed_amount: Some(FixedAmount::new(amount, currency)),
            delivery_estimate: None,
            metadata: None,
            tax_behavior: None,
            tax_code: None,
        }
    }

    option_setters! {
        /// How long delivery takes (`delivery_estimate`).
        delivery_estimate: DeliveryEstimate;
        /// Whether the amount includes tax (`tax_behavior`).
        tax_behavior: TaxBehavior;
        /// The rate's Stripe Tax code (`tax_code`).
        tax_code: String;
    }

    metadata_setter!(
        /// Adds a key to the rate's metadata (`metadata[key]`).
        metadata
    );

    fn validate(&self, prefix: &str) -> Result<()> {
        check_not_empty(&format!("{prefix}[display_name]"), &self.display_name)?;
        let param = Param::Name(prefix);
        self.delivery_estimate
            .check(param.field("delivery_estimate"))?;
        self.metadata.check(param.field("metadata"))?;
        self.tax_code.check(param.field("tax_code"))?;
        let fixed_prefix = format!("{prefix}[fixed_amount]");
        match (&self.rate_type, &self.fixed_amount) {
            (None | Some(ShippingRateType::FixedAmount), None) => Err(Error::invalid_param(
                fixed_prefix,
                "is required for a `fixed_amount` rate",
            )),
            (_, Some(fixed)) => fixed.validate(&fixed_prefix),
            (Some(_), None) => Ok(()),
        }
    }
}

/// The amount of a fixed-amount shipping rate (`fixed_amount`).
///
/// ```
/// use stripe_checkout_client::checkout::FixedAmount;
/// assert_eq!(FixedAmount::new(500, "usd").amount, 500);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FixedAmount {
    /// The amount in the currency's smallest unit (cents).
    pub amount: i64,
    /// The three-letter ISO currency code (`usd`).
    pub currency: String,
    /// The amount in other currencies, by three-letter code (`currency_options`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
    pub currency_options: BTreeMap<String, CurrencyAmount>,
}

impl FixedAmount {
    /// Sets the amount in another currency (`currency_options[<currency>]`).
    pub fn currency_option(mut self, currency: impl Into<String>, amount: CurrencyAmount) -> Self {
        self.currency_options.insert(currency.into(), amount);
        self
    }

    /// `amount` in `currency`'s smallest unit.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::FixedAmount;
    /// assert_eq!(FixedAmount::new(0, "eur").currency, "eur");
    /// ```
    pub fn new(amount: i64, currency: impl Into<String>) -> Self {
        Self {
            amount,
            currency: currency.into(),
            currency_options: BTreeMap::new(),
        }
    }

    fn validate(&self, prefix: &str) -> Result<()> {
        if self.amount < 0 {
            return Err(Error::invalid_param(
                format!("{prefix}[amount]"),
                format!("must not be negative, got {}", self.amount),
            ));
        }
        check_currency(&format!("{prefix}[currency]"), &self.currency)
    }
}

/// Information collected on your own page and passed to the session
/// (`collected_information`).
///
/// ```
/// use stripe_checkout_client::checkout::{Address, CollectedInformation, ShippingDetails};
/// let info = CollectedInformation::shipping_details(ShippingDetails::new("Jenny Rosen", Address::new("1 Main St", "US")));
/// assert!(info.shipping_details.is_some());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CollectedInformation {
    /// Where to ship.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub shipping_details: Option<ShippingDetails>,
}

impl CollectedInformation {
    /// Collected shipping details.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{Address, CollectedInformation, ShippingDetails};
    /// let details = ShippingDetails::new("Jenny Rosen", Address::new("1 Main St", "US"));
    /// assert_eq!(CollectedInformation::shipping_details(details.clone()).shipping_details, Some(details));
    /// ```
    pub fn shipping_details(details: ShippingDetails) -> Self {
        Self {
            shipping_details: Some(details),
        }
    }

    fn validate(&self, prefix: &str) -> Result<()> {
        match &self.shipping_details {
            Some(details) => details.validate(&format!("{prefix}[shipping_details]")),
            None => Ok(()),
        }
    }
}

/// A name and address to ship to (`shipping_details`).
///
/// ```
/// use stripe_checkout_client::checkout::{Address, ShippingDetails};
/// let d = ShippingDetails::new("Jenny Rosen", Address::new("1 Main St", "US").state("CA"));
/// assert_eq!(d.address.state.as_deref(), Some("CA"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ShippingDetails {
    /// The recipient's name.
    pub name: String,
    /// The address.
    pub address: Address,
}

impl ShippingDetails {
    /// Ship to `name` at `address`.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::{Address, ShippingDetails};
    /// assert_eq!(ShippingDetails::new("Jenny", Address::new("1 Main St", "US")).name, "Jenny");
    /// ```
    pub fn new(name: impl Into<String>, address: Address) -> Self {
        Self {
            name: name.into(),
            address,
        }
    }

    fn validate(&self, prefix: &str) -> Result<()> {
        check_not_empty(&format!("{prefix}[name]"), &self.name)?;
        self.address.validate(&format!("{prefix}[address]"))
    }
}

/// A postal address; `line1` and `country` are required.
///
/// ```
/// use stripe_checkout_client::checkout::Address;
/// let a = Address::new("1 Main St", "US")
///     .line2("Apt 2")
///     .city("Springfield")
///     .state("IL")
///     .postal_code("62701");
/// assert_eq!(a.country, "US");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Address {
    /// Street, PO box or company name.
    pub line1: String,
    /// Apartment, suite, unit or building.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub line2: Option<String>,
    /// City, district, suburb, town or village.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub city: Option<String>,
    /// State, county, province or region.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub state: Option<String>,
    /// ZIP or postal code.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub postal_code: Option<String>,
    /// Two-letter ISO country code (`US`).
    pub country: String,
}

impl Address {
    /// An address at `line1` in `country` (two-letter ISO code).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::Address;
    /// assert_eq!(Address::new("1 Main St", "US").line1, "1 Main St");
    /// ```
    pub fn new(line1: impl Into<String>, country: impl Into<String>) -> Self {
        Self {
            line1: line1.into(),
            line2: None,
            city: None,
            state: None,
            postal_code: None,
            country: country.into(),
        }
    }

    option_setters! {
        /// Apartment, suite, unit or building (`line2`).
        line2: String;
        /// City, district, suburb, town or village (`city`).
        city: String;
        /// State, county, province or region (`state`).
        state: String;
        /// ZIP or postal code (`postal_code`).
        postal_code: String;
    }

    fn validate(&self, prefix: &str) -> Result<()> {
        check_not_empty(&format!("{prefix}[line1]"), &self.line1)?;
        check_country(&format!("{prefix}[country]"), &self.country)
    }
}

// ---------------------------------------------------------------------------------------------
// Retrieve, list, line items, expire
// ---------------------------------------------------------------------------------------------

/// The parameters of a retrieve (`GET /v1/checkout/sessions/{id}`): what to expand, as the
/// official SDKs write them. [`CheckoutSessions::retrieve`](super::CheckoutSessions::retrieve)
/// takes only the id and sends the same pairs from
/// [`.expand(…)`](crate::PendingRequest::expand); this type reads them back (from the SDKs'
/// JSON, or from a recorded request in the emulator).
///
/// ```
/// use stripe_checkout_client::checkout::RetrieveSession;
/// use stripe_checkout_client::form;
///
/// let params = RetrieveSession::new().expand(["discounts", "line_items"]);
/// assert_eq!(
///     form::to_pairs(&params)?,
///     [
///         ("expand[0]".to_owned(), "discounts".to_owned()),
///         ("expand[1]".to_owned(), "line_items".to_owned()),
///     ]
/// );
/// # Ok::<(), form::EncodeError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RetrieveSession {
    /// Fields to expand (`discounts`, `discounts.coupon`, `line_items`, …).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub expand: Vec<String>,
}

impl RetrieveSession {
    /// Retrieve without expanding anything.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::RetrieveSession;
    /// assert!(RetrieveSession::new().expand.is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds fields to expand.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::RetrieveSession;
    /// let p = RetrieveSession::new().expand(["discounts"]).expand(["line_items"]);
    /// assert_eq!(p.expand, ["discounts", "line_items"]);
    /// ```
    pub fn expand(mut self, fields: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.expand.extend(fields.into_iter().map(Into::into));
        self
    }
}

/// Parameters for [`CheckoutSessions::list`](super::CheckoutSessions::list)
/// (`GET /v1/checkout/sessions`): filters and pagination.
///
/// ```
/// use stripe_checkout_client::checkout::{ListSessions, RangeQuery, SessionStatus};
/// use stripe_checkout_client::form;
///
/// let params = ListSessions::new()
///     .limit(10)
///     .status(SessionStatus::Open)
///     .created(RangeQuery::new().gte(1_700_000_000));
/// let pairs: Vec<String> = form::to_pairs(&params)?
///     .into_iter()
///     .map(|(k, v)| format!("{k}={v}"))
///     .collect();
/// assert_eq!(pairs, ["limit=10", "status=open", "created[gte]=1700000000"]);
///
/// let exact = ListSessions::new().created(1_700_000_000);
/// assert_eq!(form::to_pairs(&exact)?, [("created".to_owned(), "1700000000".to_owned())]);
/// # Ok::<(), form::EncodeError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ListSessions {
    /// Page size, 1 to 100 (Stripe's default is 10).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub limit: Option<u32>,
    /// Cursor: the page after this session id.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub starting_after: Option<CheckoutSessionId>,
    /// Cursor: the page before this session id.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ending_before: Option<CheckoutSessionId>,
    /// Only sessions of this customer (`cus_…`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub customer: Option<CustomerId>,
    /// Only the session of this payment intent (`pi_…`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub payment_intent: Option<String>,
    /// Only sessions with this status.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub status: Option<SessionStatus>,
    /// Only sessions created at, or within, these times.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub created: Option<CreatedFilter>,
    /// Fields of each session to expand (prefix them with `data.`).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub expand: Vec<String>,
    /// Only the sessions of the customer with this email (`customer_details[email]`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub customer_details: Option<CustomerDetailsFilter>,
    /// Only the sessions of this customer account (`customer_account`; preview and endive).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub customer_account: Option<String>,
    /// Only the sessions of this payment link, `plink_…` (`payment_link`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub payment_link: Option<String>,
    /// Only the session of this subscription, `sub_…` (`subscription`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub subscription: Option<String>,
    /// Untyped params sent after the typed ones (`extra_param`, `extra_json`).
    #[serde(skip)]
    pub extra: ExtraParams,
    /// A refused id from a setter, reported by `validate`.
    #[serde(skip)]
    rejected_id: Option<RejectedId>,
}

impl ListSessions {
    /// List without filters.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::ListSessions;
    /// assert_eq!(ListSessions::new(), ListSessions::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    plain_setters! {
        /// Page size, 1 to 100 (`limit`).
        limit: u32;
    }

    extra_setters!();

    /// The page after this session (`starting_after`).
    pub fn starting_after(mut self, id: impl IntoId<CheckoutSessionId>) -> Self {
        self.starting_after = take_id(id, "starting_after", &mut self.rejected_id);
        self
    }

    /// The page before this session (`ending_before`).
    pub fn ending_before(mut self, id: impl IntoId<CheckoutSessionId>) -> Self {
        self.ending_before = take_id(id, "ending_before", &mut self.rejected_id);
        self
    }

    /// Only sessions of this customer, `cus_…` (`customer`).
    pub fn customer(mut self, id: impl IntoId<CustomerId>) -> Self {
        self.customer = take_id(id, "customer", &mut self.rejected_id);
        self
    }

    /// Only the sessions of the customer with this email (`customer_details[email]`).
    pub fn customer_email(mut self, email: impl Into<String>) -> Self {
        self.customer_details = Some(CustomerDetailsFilter::new(email));
        self
    }

    option_setters! {
        /// Only the sessions of this customer account (`customer_account`).
        customer_account: String;
        /// Only the sessions of this payment link, `plink_…` (`payment_link`).
        payment_link: String;
        /// Only the session of this subscription, `sub_…` (`subscription`).
        subscription: String;
        /// Only the session of this payment intent, `pi_…` (`payment_intent`).
        payment_intent: String;
        /// Only sessions with this status (`status`).
        status: SessionStatus;
        /// Only sessions created at a Unix time (`created=…`) or within a [`RangeQuery`]
        /// (`created[gte]=…`).
        created: CreatedFilter;
    }

    /// Adds fields of each session to expand (`data.line_items`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::ListSessions;
    /// assert_eq!(ListSessions::new().expand(["data.line_items"]).expand, ["data.line_items"]);
    /// ```
    pub fn expand(mut self, fields: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.expand.extend(fields.into_iter().map(Into::into));
        self
    }

    /// Checks the rules Stripe would reject the request for, without sending anything.
    pub(crate) fn validate(&self) -> Result<()> {
        self.customer_details
            .check(Param::Name("customer_details"))?;
        self.customer_account
            .check(Param::Name("customer_account"))?;
        self.payment_link.check(Param::Name("payment_link"))?;
        self.subscription.check(Param::Name("subscription"))?;
        check_rejected("", self.rejected_id.as_ref())?;
        check_limit(self.limit)?;
        check_cursors(self.starting_after.is_some(), self.ending_before.is_some())?;
        check_texts("expand", &self.expand)?;
        if let Some(id) = &self.starting_after {
            check_id("starting_after", CheckoutSessionId::new(id.as_str()))?;
        }
        if let Some(id) = &self.ending_before {
            check_id("ending_before", CheckoutSessionId::new(id.as_str()))?;
        }
        if let Some(customer) = &self.customer {
            check_id("customer", CustomerId::new(customer.as_str()))?;
        }
        if let Some(payment_intent) = &self.payment_intent {
            check_not_empty("payment_intent", payment_intent)?;
        }
        Ok(())
    }
}

/// A `created` filter: an exact Unix time, or a [`RangeQuery`].
///
/// ```
/// use stripe_checkout_client::checkout::{CreatedFilter, RangeQuery};
/// assert_eq!(CreatedFilter::from(1_700_000_000), CreatedFilter::Exact(1_700_000_000));
/// let range: CreatedFilter = serde_json::from_str(r#"{"gte":1,"lt":2}"#)?;
/// assert_eq!(range, CreatedFilter::Range(RangeQuery::new().gte(1).lt(2)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum CreatedFilter {
    /// Exactly this Unix time (`created=…`).
    Exact(i64),
    /// Within these bounds (`created[gte]=…`).
    Range(RangeQuery),
}

/// A number (or a numeric string, as form bodies carry it) is exact; an object is a range.
/// Written by hand because `untagged` buffers the input and so loses a format's own idea of
/// which type a value is.
#[cfg(feature = "testing")]
impl<'de> Deserialize<'de> for CreatedFilter {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FilterVisitor;
        impl<'de> serde::de::Visitor<'de> for FilterVisitor {
            type Value = CreatedFilter;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a Unix time or a range {gt, gte, lt, lte}")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<CreatedFilter, E> {
                Ok(CreatedFilter::Exact(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<CreatedFilter, E> {
                i64::try_from(v)
                    .map(CreatedFilter::Exact)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<CreatedFilter, E> {
                v.parse()
                    .map(CreatedFilter::Exact)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(v), &self))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<CreatedFilter, A::Error> {
                RangeQuery::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(CreatedFilter::Range)
            }
        }
        deserializer.deserialize_any(FilterVisitor)
    }
}

impl From<i64> for CreatedFilter {
    fn from(time: i64) -> Self {
        CreatedFilter::Exact(time)
    }
}

impl From<RangeQuery> for CreatedFilter {
    fn from(range: RangeQuery) -> Self {
        CreatedFilter::Range(range)
    }
}

/// Bounds on a Unix time: greater than (`gt`), at least (`gte`), less than (`lt`), at most
/// (`lte`).
///
/// ```
/// use stripe_checkout_client::checkout::RangeQuery;
/// let last_day = RangeQuery::new().gte(1_700_000_000).lt(1_700_086_400);
/// assert_eq!(last_day.gt, None);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RangeQuery {
    /// Strictly after this time.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub gt: Option<i64>,
    /// At or after this time.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub gte: Option<i64>,
    /// Strictly before this time.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lt: Option<i64>,
    /// At or before this time.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lte: Option<i64>,
}

impl RangeQuery {
    /// No bounds yet.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::RangeQuery;
    /// assert_eq!(RangeQuery::new(), RangeQuery::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    plain_setters! {
        /// Strictly after this time (`gt`).
        gt: i64;
        /// At or after this time (`gte`).
        gte: i64;
        /// Strictly before this time (`lt`).
        lt: i64;
        /// At or before this time (`lte`).
        lte: i64;
    }
}

/// Parameters for [`CheckoutSessions::list_line_items`](super::CheckoutSessions::list_line_items)
/// (`GET /v1/checkout/sessions/{id}/line_items`): pagination.
///
/// ```
/// use stripe_checkout_client::checkout::ListLineItems;
/// use stripe_checkout_client::form;
/// let params = ListLineItems::new().limit(5).starting_after("li_1");
/// assert_eq!(
///     form::to_pairs(&params)?,
///     [
///         ("limit".to_owned(), "5".to_owned()),
///         ("starting_after".to_owned(), "li_1".to_owned()),
///     ]
/// );
/// # Ok::<(), form::EncodeError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ListLineItems {
    /// Page size, 1 to 100 (Stripe's default is 10).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub limit: Option<u32>,
    /// Cursor: the page after this line item id (`li_…`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub starting_after: Option<String>,
    /// Cursor: the page before this line item id (`li_…`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ending_before: Option<String>,
    /// Fields of each line item to expand (prefix them with `data.`).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub expand: Vec<String>,
    /// Untyped params sent after the typed ones (`extra_param`, `extra_json`).
    #[serde(skip)]
    pub extra: ExtraParams,
}

impl ListLineItems {
    /// The first page, Stripe's default size.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::ListLineItems;
    /// assert_eq!(ListLineItems::new(), ListLineItems::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    extra_setters!();

    plain_setters! {
        /// Page size, 1 to 100 (`limit`).
        limit: u32;
    }

    option_setters! {
        /// The page after this line item id (`starting_after`).
        starting_after: String;
        /// The page before this line item id (`ending_before`).
        ending_before: String;
    }

    /// Adds fields of each line item to expand (`data.price.product`).
    ///
    /// ```
    /// use stripe_checkout_client::checkout::ListLineItems;
    /// assert_eq!(ListLineItems::new().expand(["data.price.product"]).expand.len(), 1);
    /// ```
    pub fn expand(mut self, fields: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.expand.extend(fields.into_iter().map(Into::into));
        self
    }

    /// Checks the rules Stripe would reject the request for, without sending anything.
    pub(crate) fn validate(&self) -> Result<()> {
        check_limit(self.limit)?;
        check_cursors(self.starting_after.is_some(), self.ending_before.is_some())?;
        check_texts("expand", &self.expand)?;
        if let Some(id) = &self.starting_after {
            check_not_empty("starting_after", id)?;
        }
        if let Some(id) = &self.ending_before {
            check_not_empty("ending_before", id)?;
        }
        Ok(())
    }
}

/// The parameters of an expire (`POST /v1/checkout/sessions/{id}/expire`): only what to expand
/// in the answer. [`CheckoutSessions::expire`](super::CheckoutSessions::expire) takes only the
/// id; chain [`.expand(…)`](crate::PendingRequest::expand) on it for the same pairs.
///
/// ```
/// use stripe_checkout_client::checkout::ExpireSession;
/// use stripe_checkout_client::form;
/// assert!(form::to_pairs(&ExpireSession::new())?.is_empty());
/// assert_eq!(ExpireSession::new().expand(["line_items"]).expand, ["line_items"]);
/// # Ok::<(), form::EncodeError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "testing", derive(Deserialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ExpireSession {
    /// Fields of the answer to expand.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub expand: Vec<String>,
}

impl ExpireSession {
    /// Expire without expanding anything.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::ExpireSession;
    /// assert!(ExpireSession::new().expand.is_empty());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds fields of the answer to expand.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::ExpireSession;
    /// assert_eq!(ExpireSession::new().expand(["discounts"]).expand, ["discounts"]);
    /// ```
    pub fn expand(mut self, fields: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.expand.extend(fields.into_iter().map(Into::into));
        self
    }
}

#[cfg(test)]
mod tests {
    use crate::form::pairs;
    use serde::de::DeserializeOwned;
    use serde_json::{Value, json};

    use super::*;
    use crate::form;
    use crate::resources::CouponData;

    fn encode<T: Serialize>(params: &T) -> Vec<(String, String)> {
        form::to_pairs(params).unwrap()
    }

    /// Deserializes the SDK-shaped JSON, checks it encodes to `want`, equals `built`, and
    /// survives a JSON round trip.
    fn golden<T>(params: Value, built: &T, want: &[(&str, &str)])
    where
        T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let parsed: T = serde_json::from_value(params.clone()).unwrap();
        assert_eq!(encode(&parsed), pairs(want), "from json: {params}");
        assert_eq!(encode(built), pairs(want), "built: {built:?}");
        assert_eq!(&parsed, built);
        assert_eq!(serde_json::to_value(&parsed).unwrap(), params);
    }

    #[test]
    fn golden_create_seed() {
        golden(
            json!({"ui_mode":"custom","permissions":{"update_discounts":"server_only"},
                   "line_items":[{"price":"price_123","quantity":1}],"mode":"payment",
                   "return_url":"https://example.com/return"}),
            &CreateSession::new(SessionMode::Payment)
                .ui_mode(UiMode::Custom)
                .line_item(LineItem::price("price_123", 1))
                .return_url("https://example.com/return")
                .update_discounts(PermissionOwner::ServerOnly),
            &[
                ("ui_mode", "custom"),
                ("permissions[update_discounts]", "server_only"),
                ("line_items[0][price]", "price_123"),
                ("line_items[0][quantity]", "1"),
                ("mode", "payment"),
                ("return_url", "https://example.com/return"),
            ],
        );
    }

    #[test]
    fn golden_update_coupon_data_amount() {
        golden(
            json!({"discounts":[{"coupon_data":{"name":"Customer Discount","amount_off":2000,"currency":"usd"}}]}),
            &UpdateSession::new().discounts([Discount::CouponData(
                CouponData::amount_off(2000, "usd").name("Customer Discount"),
            )]),
            &[
                ("discounts[0][coupon_data][name]", "Customer Discount"),
                ("discounts[0][coupon_data][amount_off]", "2000"),
                ("discounts[0][coupon_data][currency]", "usd"),
            ],
        );
    }

    #[test]
    fn golden_update_clear_discounts() {
        golden(
            json!({"discounts":""}),
            &UpdateSession::new().clear_discounts(),
            &[("discounts", "")],
        );
    }

    #[test]
    fn golden_update_coupon_id() {
        golden(
            json!({"discounts":[{"coupon":"SUMMER25"}]}),
            &UpdateSession::new().discounts([Discount::Coupon("SUMMER25".parse().unwrap())]),
            &[("discounts[0][coupon]", "SUMMER25")],
        );
    }

    #[test]
    fn golden_retrieve_expand() {
        golden(
            json!({"expand":["discounts","line_items"]}),
            &RetrieveSession::new().expand(["discounts", "line_items"]),
            &[("expand[0]", "discounts"), ("expand[1]", "line_items")],
        );
        assert!(encode(&RetrieveSession::new()).is_empty());
    }

    #[test]
    fn golden_update_with_expand() {
        golden(
            json!({"discounts":[{"coupon_data":{"amount_off":500,"currency":"eur"}}],"expand":["discounts"]}),
            &UpdateSession::new()
                .discounts([Discount::CouponData(CouponData::amount_off(500, "eur"))])
                .expand(["discounts"]),
            &[
                ("discounts[0][coupon_data][amount_off]", "500"),
                ("discounts[0][coupon_data][currency]", "eur"),
                ("expand[0]", "discounts"),
            ],
        );
    }

    #[test]
    fn recorded_vectors_file_matches_in_order() {
        let vectors: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/wire_checkout_sessions.json"
        ))
        .unwrap();
        for case in vectors["cases"].as_array().unwrap() {
            let params = case["params"].clone();
            let got = match case["operation"].as_str().unwrap() {
                "create" => encode(&serde_json::from_value::<CreateSession>(params).unwrap()),
                "update" => encode(&serde_json::from_value::<UpdateSession>(params).unwrap()),
                "retrieve" => encode(&serde_json::from_value::<RetrieveSession>(params).unwrap()),
                other => panic!("unexpected operation {other}"),
            };
            let want: Vec<(String, String)> =
                serde_json::from_value(case["pairs"].clone()).unwrap();
            assert_eq!(got, want, "{}", case["name"]);
        }
    }

    #[test]
    fn empty_discount_list_clears_instead_of_sending_nothing() {
        let want = pairs(&[("discounts", "")]);
        assert_eq!(encode(&UpdateSession::new().discounts(Vec::new())), want);
        assert_eq!(encode(&UpdateSession::new().discounts([])), want);
        // Even when built by hand or loaded from `[]`, which the official SDKs would drop.
        let mut manual = UpdateSession::new();
        manual.discounts = Some(Clearable::Set(Vec::new()));
        assert_eq!(encode(&manual), want);
        let from_json: UpdateSession = serde_json::from_value(json!({"discounts": []})).unwrap();
        assert_eq!(encode(&from_json), want);
        assert!(from_json.validate().is_ok());
        // Nothing asked for, nothing sent.
        assert!(encode(&UpdateSession::new()).is_empty());
    }

    #[test]
    fn discount_adders_and_clear_interact_predictably() {
        let a = Discount::Coupon("A".parse().unwrap());
        let p = UpdateSession::new().clear_discounts().discount(a.clone());
        assert_eq!(p.discounts, Some(Clearable::Set(vec![a.clone()])));
        let p = UpdateSession::new().discount(a.clone()).clear_discounts();
        assert_eq!(p.discounts, Some(Clearable::Clear));
        let p = UpdateSession::new()
            .discounts([a.clone()])
            .discounts([Discount::Coupon("B".parse().unwrap())]);
        assert_eq!(
            p.discounts,
            Some(Clearable::Set(vec![Discount::Coupon("B".parse().unwrap())]))
        );
        let c = CreateSession::new(SessionMode::Payment)
            .discount(a.clone())
            .discounts([Discount::Coupon("B".parse().unwrap())]);
        assert_eq!(c.discounts, [a, Discount::Coupon("B".parse().unwrap())]);
    }

    #[test]
    fn update_metadata_set_unset_clear() {
        let p = UpdateSession::new()
            .metadata("tier", "gold")
            .unset_metadata("campaign")
            .metadata("cart", "42");
        assert_eq!(
            encode(&p),
            pairs(&[
                ("metadata[tier]", "gold"),
                ("metadata[campaign]", ""),
                ("metadata[cart]", "42"),
            ])
        );
        assert_eq!(
            encode(&UpdateSession::new().metadata("a", "1").clear_metadata()),
            pairs(&[("metadata", "")])
        );
        let from_json: UpdateSession =
            serde_json::from_value(json!({"metadata": {"tier": "gold", "campaign": ""}})).unwrap();
        assert_eq!(
            from_json,
            UpdateSession::new()
                .metadata("tier", "gold")
                .unset_metadata("campaign")
        );
        let cleared: UpdateSession = serde_json::from_value(json!({"metadata": ""})).unwrap();
        assert_eq!(cleared, UpdateSession::new().clear_metadata());
    }

    #[test]
    fn rich_create_encodes_as_stripe_expects() {
        let params = CreateSession::new(SessionMode::Subscription)
            .ui_mode(UiMode::Custom)
            .update_discounts(PermissionOwner::ServerOnly)
            .line_item(
                LineItem::price_data(
                    PriceData::new(
                        "usd",
                        1999,
                        ProductData::new("Pro plan")
                            .description("Everything")
                            .images(["https://example.com/a.png", "https://example.com/b.png"])
                            .metadata("sku", "PRO"),
                    )
                    .recurring(Recurring::new(RecurringInterval::Month).interval_count(3))
                    .tax_behavior(TaxBehavior::Exclusive),
                    2,
                )
                .adjustable_quantity(AdjustableQuantity::range(1, 10))
                .tax_rate("txr_1"),
            )
            .line_item(LineItem::price("price_addon", 1))
            .return_url("https://example.com/return?session_id={CHECKOUT_SESSION_ID}")
            .redirect_on_completion(RedirectOnCompletion::IfRequired)
            .customer("cus_123")
            .client_reference_id("order-42")
            .currency("usd")
            .locale("auto")
            .expires_at(1_700_003_600)
            .metadata("order_id", "42")
            .payment_method_types(["card", "link"])
            .discount(Discount::CouponData(
                CouponData::percent_off(12.5).name("Launch").repeating(3),
            ))
            .phone_number_collection(true)
            .automatic_tax(false)
            .billing_address_collection(BillingAddressCollection::Required)
            .shipping_address_collection(["US", "CA"])
            .expand(["line_items", "discounts"]);
        assert!(params.validate().is_ok(), "{:?}", params.validate());
        assert_eq!(
            encode(&params),
            pairs(&[
                ("ui_mode", "custom"),
                ("permissions[update_discounts]", "server_only"),
                ("line_items[0][price_data][currency]", "usd"),
                ("line_items[0][price_data][product_data][name]", "Pro plan"),
                (
                    "line_items[0][price_data][product_data][description]",
                    "Everything"
                ),
                (
                    "line_items[0][price_data][product_data][images][0]",
                    "https://example.com/a.png"
                ),
                (
                    "line_items[0][price_data][product_data][images][1]",
                    "https://example.com/b.png"
                ),
                (
                    "line_items[0][price_data][product_data][metadata][sku]",
                    "PRO"
                ),
                ("line_items[0][price_data][unit_amount]", "1999"),
                ("line_items[0][price_data][recurring][interval]", "month"),
                ("line_items[0][price_data][recurring][interval_count]", "3"),
                ("line_items[0][price_data][tax_behavior]", "exclusive"),
                ("line_items[0][quantity]", "2"),
                ("line_items[0][adjustable_quantity][enabled]", "true"),
                ("line_items[0][adjustable_quantity][minimum]", "1"),
                ("line_items[0][adjustable_quantity][maximum]", "10"),
                ("line_items[0][tax_rates][0]", "txr_1"),
                ("line_items[1][price]", "price_addon"),
                ("line_items[1][quantity]", "1"),
                ("mode", "subscription"),
                (
                    "return_url",
                    "https://example.com/return?session_id={CHECKOUT_SESSION_ID}"
                ),
                ("redirect_on_completion", "if_required"),
                ("customer", "cus_123"),
                ("client_reference_id", "order-42"),
                ("currency", "usd"),
                ("locale", "auto"),
                ("expires_at", "1700003600"),
                ("metadata[order_id]", "42"),
                ("payment_method_types[0]", "card"),
                ("payment_method_types[1]", "link"),
                ("discounts[0][coupon_data][name]", "Launch"),
                ("discounts[0][coupon_data][percent_off]", "12.5"),
                ("discounts[0][coupon_data][duration]", "repeating"),
                ("discounts[0][coupon_data][duration_in_months]", "3"),
                ("phone_number_collection[enabled]", "true"),
                ("automatic_tax[enabled]", "false"),
                ("billing_address_collection", "required"),
                ("shipping_address_collection[allowed_countries][0]", "US"),
                ("shipping_address_collection[allowed_countries][1]", "CA"),
                ("expand[0]", "line_items"),
                ("expand[1]", "discounts"),
            ])
        );
        // The JSON form round-trips to the same parameters.
        let json = serde_json::to_value(&params).unwrap();
        assert_eq!(
            serde_json::from_value::<CreateSession>(json).unwrap(),
            params
        );
    }

    #[test]
    fn create_other_fields_encode() {
        let params = CreateSession::new(SessionMode::Payment)
            .success_url("https://example.com/ok")
            .cancel_url("https://example.com/cancel")
            .customer_email("jenny@example.com")
            .allow_promotion_codes(true)
            .line_item(
                LineItem::price_data(
                    PriceData::for_product("eur", 0, "prod_1").unit_amount_decimal("12.345"),
                    1,
                )
                .tax_rates(["txr_1", "txr_2"]),
            )
            .permissions(
                Permissions::new()
                    .update_line_items(PermissionOwner::ClientOnly)
                    .update_shipping_details(PermissionOwner::ServerOnly),
            );
        assert!(params.validate().is_ok());
        assert_eq!(
            encode(&params),
            pairs(&[
                ("permissions[update_line_items]", "client_only"),
                ("permissions[update_shipping_details]", "server_only"),
                ("line_items[0][price_data][currency]", "eur"),
                ("line_items[0][price_data][product]", "prod_1"),
                ("line_items[0][price_data][unit_amount_decimal]", "12.345"),
                ("line_items[0][quantity]", "1"),
                ("line_items[0][tax_rates][0]", "txr_1"),
                ("line_items[0][tax_rates][1]", "txr_2"),
                ("mode", "payment"),
                ("success_url", "https://example.com/ok"),
                ("cancel_url", "https://example.com/cancel"),
                ("customer_email", "jenny@example.com"),
                ("allow_promotion_codes", "true"),
            ])
        );
    }

    #[test]
    fn create_requires_mode_and_rejects_unknown_fields() {
        assert!(serde_json::from_value::<CreateSession>(json!({"ui_mode": "custom"})).is_err());
        assert!(
            serde_json::from_value::<CreateSession>(json!({"mode": "payment", "modee": 1}))
                .is_err()
        );
        let p: CreateSession = serde_json::from_value(
            json!({"mode": "payment", "allow_promotion_codes": true, "expires_at": 1700000000}),
        )
        .unwrap();
        assert_eq!(p.allow_promotion_codes, Some(true));
        assert_eq!(p.expires_at, Some(1_700_000_000));
        // A future enum value is kept, not rejected.
        let p: CreateSession = serde_json::from_value(json!({"mode": "rental"})).unwrap();
        assert_eq!(p.mode, SessionMode::Unknown("rental".into()));
    }

    #[test]
    fn update_line_items_shipping_and_collected_information_encode() {
        let params = UpdateSession::new()
            .line_items([
                UpdateLineItem::existing("li_1")
                    .quantity(2)
                    .adjustable_quantity(AdjustableQuantity::new(false))
                    .metadata("gift", "yes"),
                UpdateLineItem::price("price_123", 1).tax_rates(["txr_1"]),
            ])
            .shipping_options([
                ShippingOption::shipping_rate("shr_standard"),
                ShippingOption::shipping_rate_data(ShippingRateData::fixed_amount(
                    "Express", 1500, "usd",
                )),
            ])
            .shipping_details(ShippingDetails::new(
                "Jenny Rosen",
                Address::new("1 Main St", "US")
                    .line2("Apt 2")
                    .city("Springfield")
                    .state("IL")
                    .postal_code("62701"),
            ))
            .expand(["line_items"]);
        assert!(params.validate().is_ok(), "{:?}", params.validate());
        assert_eq!(
            encode(&params),
            pairs(&[
                ("line_items[0][id]", "li_1"),
                ("line_items[0][quantity]", "2"),
                ("line_items[0][adjustable_quantity][enabled]", "false"),
                ("line_items[0][metadata][gift]", "yes"),
                ("line_items[1][price]", "price_123"),
                ("line_items[1][quantity]", "1"),
                ("line_items[1][tax_rates][0]", "txr_1"),
                ("shipping_options[0][shipping_rate]", "shr_standard"),
                (
                    "shipping_options[1][shipping_rate_data][display_name]",
                    "Express"
                ),
                (
                    "shipping_options[1][shipping_rate_data][type]",
                    "fixed_amount"
                ),
                (
                    "shipping_options[1][shipping_rate_data][fixed_amount][amount]",
                    "1500"
                ),
                (
                    "shipping_options[1][shipping_rate_data][fixed_amount][currency]",
                    "usd"
                ),
                (
                    "collected_information[shipping_details][name]",
                    "Jenny Rosen"
                ),
                (
                    "collected_information[shipping_details][address][line1]",
                    "1 Main St"
                ),
                (
                    "collected_information[shipping_details][address][line2]",
                    "Apt 2"
                ),
                (
                    "collected_information[shipping_details][address][city]",
                    "Springfield"
                ),
                (
                    "collected_information[shipping_details][address][state]",
                    "IL"
                ),
                (
                    "collected_information[shipping_details][address][postal_code]",
                    "62701"
                ),
                (
                    "collected_information[shipping_details][address][country]",
                    "US"
                ),
                ("expand[0]", "line_items"),
            ])
        );
        let json = serde_json::to_value(&params).unwrap();
        assert_eq!(
            serde_json::from_value::<UpdateSession>(json).unwrap(),
            params
        );

        assert_eq!(
            encode(&UpdateSession::new().clear_shipping_options()),
            pairs(&[("shipping_options", "")])
        );
        assert_eq!(
            encode(&UpdateSession::new().shipping_options([])),
            pairs(&[("shipping_options", "")])
        );
        let cleared: UpdateSession =
            serde_json::from_value(json!({"shipping_options": ""})).unwrap();
        assert_eq!(cleared, UpdateSession::new().clear_shipping_options());
    }

    #[test]
    fn list_sessions_encode_and_deserialize() {
        let params = ListSessions::new()
            .limit(20)
            .starting_after("cs_test_1")
            .customer("cus_1")
            .payment_intent("pi_1")
            .status(SessionStatus::Complete)
            .created(RangeQuery::new().gt(1).gte(2).lt(3).lte(4))
            .expand(["data.line_items"]);
        assert!(params.validate().is_ok());
        assert_eq!(
            encode(&params),
            pairs(&[
                ("limit", "20"),
                ("starting_after", "cs_test_1"),
                ("customer", "cus_1"),
                ("payment_intent", "pi_1"),
                ("status", "complete"),
                ("created[gt]", "1"),
                ("created[gte]", "2"),
                ("created[lt]", "3"),
                ("created[lte]", "4"),
                ("expand[0]", "data.line_items"),
            ])
        );
        let json = serde_json::to_value(&params).unwrap();
        assert_eq!(
            serde_json::from_value::<ListSessions>(json).unwrap(),
            params
        );

        let exact: ListSessions =
            serde_json::from_value(json!({"created": 1700000000, "ending_before": "cs_test_9"}))
                .unwrap();
        assert_eq!(
            exact,
            ListSessions::new()
                .created(1_700_000_000_i64)
                .ending_before("cs_test_9")
        );
        assert_eq!(
            encode(&exact),
            pairs(&[("ending_before", "cs_test_9"), ("created", "1700000000")])
        );
        assert!(encode(&ListSessions::new()).is_empty());
    }

    #[test]
    fn list_line_items_and_expire_encode() {
        let params = ListLineItems::new()
            .limit(100)
            .ending_before("li_2")
            .expand(["data.price.product"]);
        assert!(params.validate().is_ok());
        assert_eq!(
            encode(&params),
            pairs(&[
                ("limit", "100"),
                ("ending_before", "li_2"),
                ("expand[0]", "data.price.product"),
            ])
        );
        let parsed: ListLineItems = serde_json::from_value(json!({"limit": 5})).unwrap();
        assert_eq!(parsed, ListLineItems::new().limit(5));
        assert!(encode(&ExpireSession::new()).is_empty());
        let expire: ExpireSession =
            serde_json::from_value(json!({"expand": ["discounts"]})).unwrap();
        assert_eq!(encode(&expire), pairs(&[("expand[0]", "discounts")]));
    }

    /// The parameter named by a failed validation, after checking the message's style.
    fn rejected(result: Result<()>) -> String {
        match result {
            Err(Error::InvalidParams { param, message }) => {
                assert!(
                    !message.ends_with('.')
                        && message.chars().next().is_some_and(|c| !c.is_uppercase()),
                    "message style: {message}"
                );
                param
            }
            other => panic!("expected invalid params, got {other:?}"),
        }
    }

    #[test]
    fn create_validation_names_the_param() {
        let base =
            || CreateSession::new(SessionMode::Payment).line_item(LineItem::price("price_1", 1));
        let coupon = |c: CouponData| Discount::CouponData(c);
        let mut no_currency = CouponData::amount_off(100, "usd");
        no_currency.currency = None;
        let mut both_offs = CouponData::amount_off(100, "usd");
        both_offs.percent_off = Some(5.0);
        let mut no_offs = CouponData::percent_off(5.0);
        no_offs.percent_off = None;
        let mut neither_price = LineItem::price("price_1", 1);
        neither_price.price = None;
        let mut both_price = LineItem::price("price_1", 1);
        both_price.price_data = Some(PriceData::new("usd", 100, ProductData::new("x")));
        let mut no_amount = PriceData::new("usd", 100, ProductData::new("x"));
        no_amount.unit_amount = None;
        let mut both_amounts = PriceData::new("usd", 100, ProductData::new("x"));
        both_amounts.unit_amount_decimal = Some("1".into());
        let mut no_product = PriceData::new("usd", 100, ProductData::new("x"));
        no_product.product_data = None;
        let pd = |p: PriceData| base().line_item(LineItem::price_data(p, 1));
        let long_key = "k".repeat(41);
        let many: Vec<(String, String)> = (0..51).map(|i| (format!("k{i}"), "v".into())).collect();
        let cases: Vec<(CreateSession, String)> = vec![
            (
                base().discounts([
                    Discount::Coupon("A".parse().unwrap()),
                    Discount::Coupon("B".parse().unwrap()),
                ]),
                "discounts".into(),
            ),
            (
                base()
                    .discount(Discount::Coupon("A".parse().unwrap()))
                    .allow_promotion_codes(true),
                "allow_promotion_codes".into(),
            ),
            (base().customer("acct_1"), "customer".into()),
            (
                base().line_item(LineItem::price("prod_1", 1)),
                "line_items[1][price]".into(),
            ),
            (
                base().line_item(LineItem::price_data(
                    PriceData::for_product("usd", 100, "price_1"),
                    1,
                )),
                "line_items[1][price_data][product]".into(),
            ),
            (
                base().discount(coupon(both_offs)),
                "discounts[0][coupon_data]".into(),
            ),
            (
                base().discount(coupon(no_offs)),
                "discounts[0][coupon_data]".into(),
            ),
            (
                base().discount(coupon(CouponData::amount_off(0, "usd"))),
                "discounts[0][coupon_data][amount_off]".into(),
            ),
            (
                base().discount(coupon(no_currency)),
                "discounts[0][coupon_data][currency]".into(),
            ),
            (
                base().discount(coupon(CouponData::amount_off(100, "dollars"))),
                "discounts[0][coupon_data][currency]".into(),
            ),
            (
                base().discount(coupon(CouponData::percent_off(100.5))),
                "discounts[0][coupon_data][percent_off]".into(),
            ),
            (
                base().discount(coupon(CouponData::percent_off(f64::NAN))),
                "discounts[0][coupon_data][percent_off]".into(),
            ),
            (
                base().discount(coupon(
                    CouponData::percent_off(5.0)
                        .duration(crate::resources::CouponDuration::Repeating),
                )),
                "discounts[0][coupon_data][duration_in_months]".into(),
            ),
            (
                base().discount(coupon(CouponData::percent_off(5.0).repeating(0))),
                "discounts[0][coupon_data][duration_in_months]".into(),
            ),
            (
                CreateSession::new(SessionMode::Payment).line_item(LineItem::price("price_1", 0)),
                "line_items[0][quantity]".into(),
            ),
            (
                base().line_item(LineItem::price("price_2", 0)),
                "line_items[1][quantity]".into(),
            ),
            (base().line_item(neither_price), "line_items[1]".into()),
            (base().line_item(both_price), "line_items[1]".into()),
            (
                base().line_item(LineItem::price("prod_1", 1)),
                "line_items[1][price]".into(),
            ),
            (
                pd(PriceData::new("usd!", 100, ProductData::new("x"))),
                "line_items[1][price_data][currency]".into(),
            ),
            (
                pd(PriceData::new("usd", -1, ProductData::new("x"))),
                "line_items[1][price_data][unit_amount]".into(),
            ),
            (
                pd(PriceData::new("usd", 1, ProductData::new("x")).unit_amount_decimal("1.2.3")),
                "line_items[1][price_data][unit_amount_decimal]".into(),
            ),
            (pd(no_amount), "line_items[1][price_data]".into()),
            (pd(both_amounts), "line_items[1][price_data]".into()),
            (pd(no_product), "line_items[1][price_data]".into()),
            (
                pd(PriceData::for_product("usd", 1, "price_1")),
                "line_items[1][price_data][product]".into(),
            ),
            (
                pd(PriceData::new("usd", 1, ProductData::new(""))),
                "line_items[1][price_data][product_data][name]".into(),
            ),
            (
                pd(PriceData::new(
                    "usd",
                    1,
                    ProductData::new("x").metadata(long_key.as_str(), "v"),
                )),
                format!("line_items[1][price_data][product_data][metadata][{long_key}]"),
            ),
            (
                pd(PriceData::new("usd", 1, ProductData::new("x"))
                    .recurring(Recurring::new(RecurringInterval::Month).interval_count(0))),
                "line_items[1][price_data][recurring][interval_count]".into(),
            ),
            (
                base().line_item(
                    LineItem::price("price_2", 1)
                        .adjustable_quantity(AdjustableQuantity::range(5, 2)),
                ),
                "line_items[1][adjustable_quantity][minimum]".into(),
            ),
            (
                base().line_item(
                    LineItem::price("price_2", 1)
                        .adjustable_quantity(AdjustableQuantity::new(true).maximum(1_000_000)),
                ),
                "line_items[1][adjustable_quantity][maximum]".into(),
            ),
            (base().metadata_entries(many), "metadata".into()),
            (
                base().metadata(long_key.as_str(), "v"),
                format!("metadata[{long_key}]"),
            ),
            (base().metadata("k", "v".repeat(501)), "metadata[k]".into()),
            (base().metadata("", "v"), "metadata".into()),
            (base().customer("acct_1"), "customer".into()),
            (
                base().customer("cus_1").customer_email("jenny@example.com"),
                "customer_email".into(),
            ),
            (base().currency("us"), "currency".into()),
            (
                base().shipping_address_collection(Vec::<String>::new()),
                "shipping_address_collection[allowed_countries]".into(),
            ),
            (
                base().shipping_address_collection(["US", "USA"]),
                "shipping_address_collection[allowed_countries][1]".into(),
            ),
        ];
        for (params, want) in cases {
            assert_eq!(rejected(params.validate()), want, "{params:?}");
        }
        // Promotion codes are fine on create, and `allow_promotion_codes` without discounts.
        assert!(
            base()
                .discount(Discount::PromotionCode("promo_1".parse().unwrap()))
                .validate()
                .is_ok()
        );
        assert!(base().allow_promotion_codes(true).validate().is_ok());
        assert!(
            base()
                .discount(Discount::Coupon("A".parse().unwrap()))
                .allow_promotion_codes(false)
                .validate()
                .is_ok()
        );
    }

    #[test]
    fn update_validation_names_the_param() {
        let two = [
            Discount::Coupon("A".parse().unwrap()),
            Discount::Coupon("B".parse().unwrap()),
        ];
        let mut no_id_no_price = UpdateLineItem::existing("li_1");
        no_id_no_price.id = None;
        let mut new_without_quantity = UpdateLineItem::price("price_1", 1);
        new_without_quantity.quantity = None;
        let mut no_fixed = ShippingRateData::fixed_amount("Express", 1, "usd");
        no_fixed.fixed_amount = None;
        let both_shipping = ShippingOption {
            shipping_rate: Some("shr_1".into()),
            shipping_rate_data: Some(ShippingRateData::fixed_amount("x", 1, "usd")),
        };
        let rate = |d: ShippingRateData| {
            UpdateSession::new().shipping_option(ShippingOption::shipping_rate_data(d))
        };
        let ship_to = |name: &str, address: Address| {
            UpdateSession::new().shipping_details(ShippingDetails::new(name, address))
        };
        let cases: Vec<(UpdateSession, &str)> = vec![
            (UpdateSession::new().discounts(two), "discounts"),
            (
                UpdateSession::new().line_item(UpdateLineItem::price("prod_1", 1)),
                "line_items[0][price]",
            ),
            (
                UpdateSession::new().discount(CouponData::percent_off(0.0)),
                "discounts[0][coupon_data][percent_off]",
            ),
            (
                UpdateSession::new().discount(CouponData::amount_off(-100, "usd")),
                "discounts[0][coupon_data][amount_off]",
            ),
            (
                UpdateSession::new().discount(CouponData::amount_off(100, "€")),
                "discounts[0][coupon_data][currency]",
            ),
            (UpdateSession::new().metadata("", "v"), "metadata"),
            (
                UpdateSession::new().metadata("k", "v".repeat(501)),
                "metadata[k]",
            ),
            (
                UpdateSession::new().line_item(no_id_no_price),
                "line_items[0]",
            ),
            (
                UpdateSession::new().line_item(new_without_quantity),
                "line_items[0][quantity]",
            ),
            (
                UpdateSession::new().line_item(UpdateLineItem::existing("li_1").quantity(0)),
                "line_items[0][quantity]",
            ),
            (
                UpdateSession::new().line_item(UpdateLineItem::price("plan_1", 1)),
                "line_items[0][price]",
            ),
            (
                UpdateSession::new().line_item(UpdateLineItem::existing("")),
                "line_items[0][id]",
            ),
            (
                UpdateSession::new().shipping_options(
                    (0..6).map(|i| ShippingOption::shipping_rate(format!("shr_{i}"))),
                ),
                "shipping_options",
            ),
            (
                UpdateSession::new().shipping_option(both_shipping),
                "shipping_options[0]",
            ),
            (
                rate(ShippingRateData::fixed_amount("Express", -1, "usd")),
                "shipping_options[0][shipping_rate_data][fixed_amount][amount]",
            ),
            (
                rate(ShippingRateData::fixed_amount("Express", 1, "usdx")),
                "shipping_options[0][shipping_rate_data][fixed_amount][currency]",
            ),
            (
                rate(ShippingRateData::fixed_amount("", 1, "usd")),
                "shipping_options[0][shipping_rate_data][display_name]",
            ),
            (
                rate(no_fixed),
                "shipping_options[0][shipping_rate_data][fixed_amount]",
            ),
            (
                ship_to("", Address::new("1 Main St", "US")),
                "collected_information[shipping_details][name]",
            ),
            (
                ship_to("Jenny", Address::new("", "US")),
                "collected_information[shipping_details][address][line1]",
            ),
            (
                ship_to("Jenny", Address::new("1 Main St", "USA")),
                "collected_information[shipping_details][address][country]",
            ),
        ];
        for (params, want) in cases {
            assert_eq!(rejected(params.validate()), want, "{params:?}");
        }
        assert!(UpdateSession::new().clear_discounts().validate().is_ok());
        assert!(
            UpdateSession::new()
                .discount(Discount::PromotionCode("promo_1".parse().unwrap()))
                .validate()
                .is_ok()
        );
        assert!(UpdateSession::new().clear_metadata().validate().is_ok());
        assert!(
            UpdateSession::new()
                .clear_shipping_options()
                .validate()
                .is_ok()
        );
        assert!(UpdateSession::new().validate().is_ok());
    }

    #[test]
    fn list_validation_names_the_param() {
        let cases: Vec<(ListSessions, &str)> = vec![
            (ListSessions::new().limit(0), "limit"),
            (ListSessions::new().limit(101), "limit"),
            (ListSessions::new().starting_after("li_1"), "starting_after"),
            (ListSessions::new().ending_before("cs_"), "ending_before"),
            (
                ListSessions::new()
                    .starting_after("cs_test_1")
                    .ending_before("cs_test_2"),
                "ending_before",
            ),
            (ListSessions::new().customer("cs_test_1"), "customer"),
            (ListSessions::new().payment_intent(""), "payment_intent"),
        ];
        for (params, want) in cases {
            assert_eq!(rejected(params.validate()), want, "{params:?}");
        }
        assert!(ListSessions::new().limit(1).validate().is_ok());
        assert!(ListSessions::new().limit(100).validate().is_ok());

        let cases: Vec<(ListLineItems, &str)> = vec![
            (ListLineItems::new().limit(0), "limit"),
            (ListLineItems::new().limit(101), "limit"),
            (
                ListLineItems::new()
                    .starting_after("li_1")
                    .ending_before("li_2"),
                "ending_before",
            ),
            (ListLineItems::new().starting_after(""), "starting_after"),
        ];
        for (params, want) in cases {
            assert_eq!(rejected(params.validate()), want, "{params:?}");
        }
        assert!(ListLineItems::new().validate().is_ok());
    }

    #[test]
    fn decimal_amounts() {
        for ok in ["0", "12", "12.5", "0.000000000001"] {
            assert!(is_decimal(ok), "{ok}");
        }
        for bad in [
            "",
            ".5",
            "1.",
            "-1",
            "1e3",
            "1.0000000000001",
            "1,5",
            "1.2.3",
        ] {
            assert!(!is_decimal(bad), "{bad}");
        }
    }
}
