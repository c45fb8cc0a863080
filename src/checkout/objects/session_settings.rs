//! The settings a session reports back, as set when it was created: consent, tax id and name
//! collection, saved payment methods, wallets, branding, optional items, invoice creation,
//! update permissions, presentment details and redaction.
//!
//! These are the answer's shapes; the params that set them are in `page_options.rs`,
//! `branding.rs`, `optional_item.rs` and `invoice_creation.rs`. Custom fields and the
//! per-method payment options have files of their own. Fields marked "not in basil" arrived
//! after `2025-03-31.basil`.

use std::collections::HashMap;

use crate::checkout::{
    AllowRedisplay, AmountTaxDisplay, BorderStyle, BrandingImageType, FontFamily, IssuerType,
    LinkDisplay, PermissionOwner, PromotionsConsent, ReuseAgreementPosition,
    SavedPaymentMethodChoice, TaxIdRequirement, TermsOfServiceConsent,
};
use crate::declare::model::model;
use crate::expand::{Expandable, StripeObject};
use crate::wire::stripe_enum::stripe_enum;

model! {
    /// Which consents the page asks for (`consent_collection`).
    pub struct SessionConsentCollection {
        /// How the agreement to reuse the payment method is shown.
        pub payment_method_reuse_agreement: Option<SessionReuseAgreement>,
        /// Whether the customer is asked to opt in to promotional emails.
        pub promotions: Option<PromotionsConsent>,
        /// Whether the customer must accept your terms of service.
        pub terms_of_service: Option<TermsOfServiceConsent>,
    }
}

model! {
    /// How the agreement to reuse a payment method is shown
    /// (`consent_collection.payment_method_reuse_agreement`).
    pub struct SessionReuseAgreement {
        /// `auto` (Stripe's text) or `hidden`.
        pub position: Option<ReuseAgreementPosition>,
    }
}

model! {
    /// Tax id collection on the page (`tax_id_collection`).
    pub struct SessionTaxIdCollection {
        /// Whether the customer may enter a tax id.
        pub enabled: bool,
        /// Whether a tax id is required where it can be collected.
        pub required: Option<TaxIdRequirement>,
    }
}

model! {
    /// Name collection on the page (`name_collection`, not in basil).
    pub struct SessionNameCollection {
        /// The business name field.
        pub business: Option<SessionNameField>,
        /// The individual name field.
        pub individual: Option<SessionNameField>,
    }
}

model! {
    /// One name field (`name_collection.business`, `name_collection.individual`).
    pub struct SessionNameField {
        /// Whether the field is shown.
        pub enabled: bool,
        /// Whether the customer may leave it empty.
        pub optional: bool,
    }
}

model! {
    /// Saved payment methods on the page (`saved_payment_method_options`).
    pub struct SessionSavedPaymentMethodOptions {
        /// Which saved methods are shown, by their `allow_redisplay` value.
        pub allow_redisplay_filters: Vec<AllowRedisplay>,
        /// Whether the customer may remove a saved method.
        pub payment_method_remove: Option<SavedPaymentMethodChoice>,
        /// Whether the customer may save the method they pay with.
        pub payment_method_save: Option<SavedPaymentMethodChoice>,
    }
}

model! {
    /// Wallet settings (`wallet_options`, not in basil).
    pub struct SessionWalletOptions {
        /// Link's settings.
        pub link: Option<SessionLinkWalletOptions>,
    }
}

model! {
    /// Link's settings (`wallet_options.link`).
    pub struct SessionLinkWalletOptions {
        /// Whether Link is shown: `auto` or `never`.
        pub display: Option<LinkDisplay>,
    }
}

model! {
    /// The page's branding (`branding_settings`, not in basil).
    pub struct SessionBranding {
        /// The background color, as a hex code.
        pub background_color: Option<String>,
        /// The shape of borders.
        pub border_style: Option<BorderStyle>,
        /// The button color, as a hex code.
        pub button_color: Option<String>,
        /// The business name shown.
        pub display_name: Option<String>,
        /// The font.
        pub font_family: Option<FontFamily>,
        /// The icon.
        pub icon: Option<SessionBrandingImage>,
        /// The logo.
        pub logo: Option<SessionBrandingImage>,
    }
}

model! {
    /// An icon or logo of the page's branding: an uploaded file or a URL.
    pub struct SessionBrandingImage {
        /// The uploaded file's id (`file_…`) when `type` is `file`.
        pub file: Option<String>,
        /// Whether the image is a `file` or a `url`.
        pub type_ as "type": Option<BrandingImageType>,
        /// The image's URL when `type` is `url`.
        pub url: Option<String>,
    }
}

model! {
    /// An item the customer may add to the order (`optional_items[]`).
    pub struct SessionOptionalItem {
        /// Whether and within which bounds the customer may change the quantity.
        pub adjustable_quantity: Option<AdjustableQuantitySettings>,
        /// The price's id.
        pub price: Option<String>,
        /// The quantity added by default.
        pub quantity: Option<i64>,
    }
}

model! {
    /// Whether the customer may change a quantity, and within which bounds
    /// (`adjustable_quantity` of optional items and line items).
    pub struct AdjustableQuantitySettings {
        /// Whether the quantity can be changed.
        pub enabled: bool,
        /// The largest quantity allowed.
        pub maximum: Option<i64>,
        /// The smallest quantity allowed.
        pub minimum: Option<i64>,
    }
}

model! {
    /// The amount the customer sees in their currency, when Adaptive Pricing converted it
    /// (`presentment_details`).
    pub struct SessionPresentmentDetails {
        /// The amount in `presentment_currency`, in its smallest unit.
        pub presentment_amount: Option<i64>,
        /// The customer's currency.
        pub presentment_currency: Option<String>,
    }
}

stripe_enum!(
    /// Where the removal of a session's personal data stands (`redaction.status`).
    RedactionStatus {
        /// Being removed.
        Processing = "processing",
        /// Removed.
        Redacted = "redacted",
        /// Checked and ready to be removed.
        Validated = "validated",
    }
);

model! {
    /// The removal of a session's personal data (`redaction`, preview only).
    pub struct SessionRedaction {
        /// Where the removal stands.
        pub status: Option<RedactionStatus>,
    }
}

model! {
    /// Who may update parts of the session, grouped (`permissions.update`, preview only).
    #[derive(Eq)]
    pub struct SessionPermissionsUpdate {
        /// Who may update the line items.
        pub line_items: Option<PermissionOwner>,
        /// Who may update the shipping details.
        pub shipping_details: Option<PermissionOwner>,
    }
}

model! {
    /// Invoice creation for a `payment` mode session (`invoice_creation`).
    pub struct SessionInvoiceCreation {
        /// Whether an invoice is created once the session completes.
        pub enabled: bool,
        /// What the invoice will hold.
        pub invoice_data: Option<SessionInvoiceData>,
    }
}

model! {
    /// What an invoice created by the session holds (`invoice_creation.invoice_data`).
    pub struct SessionInvoiceData {
        /// The tax ids shown on the invoice (`txi_…`), or the objects when expanded.
        pub account_tax_ids: Vec<Expandable<StripeObject>>,
        /// Custom fields shown on the invoice.
        pub custom_fields: Vec<SessionInvoiceCustomField>,
        /// The invoice's description.
        pub description: Option<String>,
        /// The invoice's footer.
        pub footer: Option<String>,
        /// Which account the invoice is issued by.
        pub issuer: Option<SessionInvoiceIssuer>,
        /// Key-value pairs stored on the invoice.
        pub metadata: HashMap<String, String>,
        /// How the invoice's PDF is rendered.
        pub rendering_options: Option<SessionInvoiceRenderingOptions>,
    }
}

model! {
    /// A custom field shown on an invoice.
    pub struct SessionInvoiceCustomField {
        /// The field's label.
        pub name: Option<String>,
        /// The field's value.
        pub value: Option<String>,
    }
}

model! {
    /// The account an invoice is issued by (`invoice_data.issuer`).
    pub struct SessionInvoiceIssuer {
        /// The connected account (`acct_…`) when `type` is `account`, or its object when
        /// expanded.
        pub account: Option<Expandable<StripeObject>>,
        /// A connected `account`, or the account itself (`self`).
        pub type_ as "type": Option<IssuerType>,
    }
}

model! {
    /// How an invoice's PDF is rendered (`invoice_data.rendering_options`).
    pub struct SessionInvoiceRenderingOptions {
        /// How taxes are shown in amounts.
        pub amount_tax_display: Option<AmountTaxDisplay>,
        /// The invoice template's id (not in basil).
        pub template: Option<String>,
    }
}
