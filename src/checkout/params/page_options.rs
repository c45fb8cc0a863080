//! What the Checkout page collects and offers besides the cart: consent
//! ([`ConsentCollection`]), tax ids ([`TaxIdCollection`]), saving the customer's details back
//! ([`CustomerUpdate`]) and payment methods ([`SavedPaymentMethodOptions`]), recovery after
//! expiry ([`AfterExpiration`]), Adaptive Pricing ([`AdaptivePricing`]), and the choices that
//! are single values (`customer_creation`, `submit_type`, `payment_method_collection`,
//! `payment_method_data[allow_redisplay]`).

use crate::declare::params::{params, unchecked};
use crate::wire::stripe_enum::stripe_enum;

stripe_enum!(
    /// Where the page shows the agreement to reuse a payment method (`position`).
    ReuseAgreementPosition {
        /// Stripe's default place.
        Auto = "auto",
        /// Not shown: you show it yourself.
        Hidden = "hidden",
    }
);

stripe_enum!(
    /// Whether the page asks for consent to promotional emails (`promotions`).
    PromotionsConsent {
        /// Where the law allows it.
        Auto = "auto",
        /// Never.
        None = "none",
    }
);

stripe_enum!(
    /// Whether the customer must accept your terms of service (`terms_of_service`).
    TermsOfServiceConsent {
        /// Not asked.
        None = "none",
        /// Asked, and required to pay.
        Required = "required",
    }
);

stripe_enum!(
    /// Whether the page saves what the customer enters back on the customer
    /// (`customer_update[…]`).
    CustomerUpdateBehavior {
        /// Save it.
        Auto = "auto",
        /// Do not.
        Never = "never",
    }
);

stripe_enum!(
    /// When the tax id field is required (`tax_id_collection[required]`).
    TaxIdRequirement {
        /// Where the customer's country supports one.
        IfSupported = "if_supported",
        /// Never.
        Never = "never",
    }
);

stripe_enum!(
    /// Which saved payment methods the page may show again (`allow_redisplay`).
    AllowRedisplay {
        /// Always.
        Always = "always",
        /// Only where the customer's consent is limited.
        Limited = "limited",
        /// Not specified.
        Unspecified = "unspecified",
    }
);

stripe_enum!(
    /// Whether the customer may do something with saved payment methods
    /// (`payment_method_save`, `payment_method_remove`).
    SavedPaymentMethodChoice {
        /// Not offered.
        Disabled = "disabled",
        /// Offered.
        Enabled = "enabled",
    }
);

stripe_enum!(
    /// When a `payment` or `setup` mode session creates a customer (`customer_creation`).
    CustomerCreation {
        /// Always.
        Always = "always",
        /// Only when needed (e.g. to save a payment method).
        IfRequired = "if_required",
    }
);

stripe_enum!(
    /// The word on the payment button (`submit_type`).
    SubmitType {
        /// Stripe's choice.
        Auto = "auto",
        /// "Book".
        Book = "book",
        /// "Donate".
        Donate = "donate",
        /// "Pay".
        Pay = "pay",
        /// "Subscribe".
        Subscribe = "subscribe",
    }
);

stripe_enum!(
    /// When a `subscription` mode session collects a payment method
    /// (`payment_method_collection`).
    PaymentMethodCollection {
        /// Always.
        Always = "always",
        /// Only when the total is not zero.
        IfRequired = "if_required",
    }
);

unchecked!(
    ReuseAgreementPosition,
    PromotionsConsent,
    TermsOfServiceConsent,
    CustomerUpdateBehavior,
    TaxIdRequirement,
    AllowRedisplay,
    SavedPaymentMethodChoice,
    CustomerCreation,
    SubmitType,
    PaymentMethodCollection
);

params! {
    /// The agreement to reuse a payment method (`payment_method_reuse_agreement`).
    pub struct ReuseAgreement {
        /// Where it is shown (`position`).
        position: ReuseAgreementPosition => required,
    }
}

params! {
    /// The consents the page collects (`consent_collection`).
    pub struct ConsentCollection {
        /// The agreement to reuse a payment method (`payment_method_reuse_agreement`).
        payment_method_reuse_agreement: ReuseAgreement => into,
        /// Consent to promotional emails (`promotions`).
        promotions: PromotionsConsent => into,
        /// Acceptance of your terms of service (`terms_of_service`).
        terms_of_service: TermsOfServiceConsent => into,
    }
}

params! {
    /// Whether the page collects a tax id (`tax_id_collection`).
    pub struct TaxIdCollection {
        /// Whether to show the field (`enabled`).
        enabled: bool => required,
        /// When it is required (`required`).
        required: TaxIdRequirement => into,
    }
}

params! {
    /// What the page saves back on an existing customer (`customer_update`).
    pub struct CustomerUpdate {
        /// The billing address (`address`).
        address: CustomerUpdateBehavior => into,
        /// The name (`name`).
        name: CustomerUpdateBehavior => into,
        /// The shipping details (`shipping`).
        shipping: CustomerUpdateBehavior => into,
    }
}

params! {
    /// What the page offers for the customer's saved payment methods
    /// (`saved_payment_method_options`).
    pub struct SavedPaymentMethodOptions {
        /// Which saved methods may be shown again (`allow_redisplay_filters`).
        allow_redisplay_filters: AllowRedisplay => list,
        /// Whether the customer may remove one (`payment_method_remove`; preview and endive).
        payment_method_remove: SavedPaymentMethodChoice => into,
        /// Whether the customer may save the one used (`payment_method_save`).
        payment_method_save: SavedPaymentMethodChoice => into,
    }
}

params! {
    /// The data the page stores on the payment method it collects (`payment_method_data`).
    pub struct PaymentMethodData {
        /// Whether it may be shown again in later sessions (`allow_redisplay`).
        allow_redisplay: AllowRedisplay => into,
    }
}

params! {
    /// A recovery link for an abandoned session (`recovery`).
    pub struct Recovery {
        /// Whether to create one when the session expires (`enabled`).
        enabled: bool => required,
        /// Whether the recovered session accepts promotion codes (`allow_promotion_codes`).
        allow_promotion_codes: bool => plain,
    }
}

params! {
    /// What happens after the session expires (`after_expiration`).
    pub struct AfterExpiration {
        /// A recovery link (`recovery`).
        recovery: Recovery => into,
    }
}

params! {
    /// Adaptive Pricing: prices in the customer's currency (`adaptive_pricing`).
    pub struct AdaptivePricing {
        /// Whether it applies to this session (`enabled`).
        enabled: bool => plain,
    }
}

stripe_enum!(
    /// Where the session was started from (`origin_context`; preview and endive).
    OriginContext {
        /// A mobile app.
        MobileApp = "mobile_app",
        /// A web page.
        Web = "web",
    }
);

stripe_enum!(
    /// Whether the page shows Link (`display`).
    LinkDisplay {
        /// Where Stripe sees fit.
        Auto = "auto",
        /// Never.
        Never = "never",
    }
);

unchecked!(OriginContext, LinkDisplay);

params! {
    /// Whether the page asks for a name of one kind (`business`, `individual`).
    pub struct NameField {
        /// Whether it asks (`enabled`).
        enabled: bool => required,
        /// Whether the customer may leave it empty (`optional`).
        optional: bool => plain,
    }
}

params! {
    /// Which names the page asks for (`name_collection`; preview and endive).
    pub struct NameCollection {
        /// A business name (`business`).
        business: NameField => into,
        /// An individual's name (`individual`).
        individual: NameField => into,
    }
}

params! {
    /// Stripe's managed payments (`managed_payments`; preview and endive).
    pub struct ManagedPayments {
        /// Whether they apply to this session (`enabled`).
        enabled: bool => plain,
    }
}

params! {
    /// Link's settings (`link`).
    pub struct LinkWalletOptions {
        /// Whether the page shows Link (`display`).
        display: LinkDisplay => into,
    }
}

params! {
    /// Wallets' settings (`wallet_options`; preview and endive).
    pub struct WalletOptions {
        /// Link's settings (`link`).
        link: LinkWalletOptions => into,
    }
}
