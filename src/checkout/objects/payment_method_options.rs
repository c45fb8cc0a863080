//! The options a session reports per payment method (`payment_method_options` on the session
//! object): [`SessionPaymentMethodOptions`] and one struct per shape of options, plus the
//! enums the params that set them share.
//!
//! Most methods carry only a capture method and a future usage, and share
//! [`SessionMethodOptions`]; vouchers, bank debits and the methods with mandates or their own
//! settings have their own structs. What a session is created with is
//! [`PaymentMethodOptions`](crate::checkout::PaymentMethodOptions), in the params; this file only reads
//! the answer. Fields marked "not in basil" arrived after `2025-03-31.basil`.

use crate::checkout::CaptureMethod;
use crate::declare::model::model;
use crate::wire::stripe_enum::stripe_enum;

stripe_enum!(
    /// Whether the payment method is saved for later payments, as a session's method options
    /// report it (`setup_future_usage`).
    FutureUsage {
        /// Not saved.
        None = "none",
        /// Saved for payments the customer is not present for.
        OffSession = "off_session",
        /// Saved for payments while the customer is present.
        OnSession = "on_session",
    }
);

stripe_enum!(
    /// Whether a card payment asks for an authorization feature (`request_overcapture`, …).
    AuthorizationRequest {
        /// When the card supports it.
        IfAvailable = "if_available",
        /// Never.
        Never = "never",
    }
);

stripe_enum!(
    /// When 3D Secure is requested for a card payment (`request_three_d_secure`).
    ThreeDSecureRequest {
        /// When Stripe's rules or the card's issuer require it.
        Automatic = "automatic",
        /// Whenever the card supports it.
        Any = "any",
        /// Always, with a challenge.
        Challenge = "challenge",
    }
);

stripe_enum!(
    /// A card network (`restrictions.brands_blocked`).
    CardBrand {
        /// American Express.
        AmericanExpress = "american_express",
        /// Discover, Diners and their partner networks.
        DiscoverGlobalNetwork = "discover_global_network",
        /// Mastercard.
        Mastercard = "mastercard",
        /// Visa.
        Visa = "visa",
    }
);

stripe_enum!(
    /// A kind of card by how it is funded (`restrictions.funding_types_blocked`).
    CardFunding {
        /// Credit cards.
        Credit = "credit",
        /// Debit cards.
        Debit = "debit",
        /// Prepaid cards.
        Prepaid = "prepaid",
    }
);

stripe_enum!(
    /// How a bank account is verified before it is debited (`verification_method`).
    VerificationMethod {
        /// Instantly when possible, else with microdeposits.
        Automatic = "automatic",
        /// Instantly only (Financial Connections).
        Instant = "instant",
        /// With microdeposits only.
        Microdeposits = "microdeposits",
    }
);

stripe_enum!(
    /// Whether a mandate's amount is exact or a ceiling (`mandate_options.amount_type`).
    MandateAmountType {
        /// Every payment is this amount.
        Fixed = "fixed",
        /// Payments may be up to this amount.
        Maximum = "maximum",
    }
);

model! {
    /// The options of each payment method on a session (`payment_method_options`); a method
    /// Stripe has no options for is `None`.
    #[derive(Default)]
    pub struct SessionPaymentMethodOptions {
        /// Canadian pre-authorized debit.
        pub acss_debit: Option<SessionAcssDebitOptions>,
        /// Affirm.
        pub affirm: Option<SessionMethodOptions>,
        /// Afterpay / Clearpay.
        pub afterpay_clearpay: Option<SessionMethodOptions>,
        /// Alipay.
        pub alipay: Option<SessionMethodOptions>,
        /// Alma (not in basil).
        pub alma: Option<SessionMethodOptions>,
        /// Amazon Pay.
        pub amazon_pay: Option<SessionMethodOptions>,
        /// BECS direct debit (Australia).
        pub au_becs_debit: Option<SessionDebitOptions>,
        /// Bacs direct debit (UK).
        pub bacs_debit: Option<SessionDebitOptions>,
        /// Bancontact.
        pub bancontact: Option<SessionMethodOptions>,
        /// Billie (not in basil).
        pub billie: Option<SessionMethodOptions>,
        /// Boleto.
        pub boleto: Option<SessionVoucherOptions>,
        /// Cards.
        pub card: Option<SessionCardOptions>,
        /// Cash App Pay.
        pub cashapp: Option<SessionMethodOptions>,
        /// Bank transfers into the customer's balance.
        pub customer_balance: Option<SessionCustomerBalanceOptions>,
        /// EPS.
        pub eps: Option<SessionMethodOptions>,
        /// FPX.
        pub fpx: Option<SessionMethodOptions>,
        /// giropay.
        pub giropay: Option<SessionMethodOptions>,
        /// GrabPay.
        pub grabpay: Option<SessionMethodOptions>,
        /// iDEAL.
        pub ideal: Option<SessionMethodOptions>,
        /// Kakao Pay.
        pub kakao_pay: Option<SessionMethodOptions>,
        /// Klarna.
        pub klarna: Option<SessionMethodOptions>,
        /// Konbini.
        pub konbini: Option<SessionVoucherOptions>,
        /// Korean cards.
        pub kr_card: Option<SessionMethodOptions>,
        /// Link.
        pub link: Option<SessionMethodOptions>,
        /// MobilePay.
        pub mobilepay: Option<SessionMethodOptions>,
        /// Multibanco.
        pub multibanco: Option<SessionMethodOptions>,
        /// Naver Pay.
        pub naver_pay: Option<SessionMethodOptions>,
        /// OXXO.
        pub oxxo: Option<SessionVoucherOptions>,
        /// Przelewy24.
        pub p24: Option<SessionMethodOptions>,
        /// PAYCO.
        pub payco: Option<SessionMethodOptions>,
        /// PayNow.
        pub paynow: Option<SessionMethodOptions>,
        /// PayPal.
        pub paypal: Option<SessionPaypalOptions>,
        /// PayTo (not in basil).
        pub payto: Option<SessionPaytoOptions>,
        /// Pix.
        pub pix: Option<SessionPixOptions>,
        /// Revolut Pay.
        pub revolut_pay: Option<SessionMethodOptions>,
        /// Samsung Pay.
        pub samsung_pay: Option<SessionMethodOptions>,
        /// Satispay (not in basil).
        pub satispay: Option<SessionMethodOptions>,
        /// Scalapay (not in basil).
        pub scalapay: Option<SessionMethodOptions>,
        /// SEPA direct debit.
        pub sepa_debit: Option<SessionDebitOptions>,
        /// SeQura (endive).
        pub sequra: Option<SessionMethodOptions>,
        /// Sofort.
        pub sofort: Option<SessionMethodOptions>,
        /// Sunbit (not in basil).
        pub sunbit: Option<SessionMethodOptions>,
        /// Swish.
        pub swish: Option<SessionSwishOptions>,
        /// TWINT (not in basil).
        pub twint: Option<SessionMethodOptions>,
        /// UPI (not in basil).
        pub upi: Option<SessionUpiOptions>,
        /// ACH direct debit from a US bank account.
        pub us_bank_account: Option<SessionUsBankAccountOptions>,
        /// WeChat Pay (not in basil).
        pub wechat_pay: Option<SessionWechatPayOptions>,
    }
}

model! {
    /// The options most methods have: when funds are captured and whether the method is saved.
    #[derive(Default)]
    pub struct SessionMethodOptions {
        /// `manual` when you capture the payment yourself (not in basil for most methods).
        pub capture_method: Option<CaptureMethod>,
        /// Whether the payment method is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
    }
}

model! {
    /// The options of a voucher the customer pays in cash (Boleto, Konbini, OXXO).
    pub struct SessionVoucherOptions {
        /// How many days the voucher can be paid before it expires.
        pub expires_after_days: Option<i64>,
        /// Whether the payment method is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
    }
}

model! {
    /// The options of a direct debit (BECS, Bacs, SEPA).
    pub struct SessionDebitOptions {
        /// The mandate's settings (Bacs and SEPA).
        pub mandate_options: Option<SessionDebitMandateOptions>,
        /// Whether the payment method is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
        /// The date the debit is expected to reach the customer's bank (`YYYY-MM-DD`).
        pub target_date: Option<String>,
    }
}

model! {
    /// A Bacs or SEPA mandate's settings.
    pub struct SessionDebitMandateOptions {
        /// The prefix of the mandate reference shown to the customer.
        pub reference_prefix: Option<String>,
    }
}

model! {
    /// The options of a Canadian pre-authorized debit (`acss_debit`).
    pub struct SessionAcssDebitOptions {
        /// The currency debited: `cad` or `usd`.
        pub currency: Option<String>,
        /// The mandate's settings.
        pub mandate_options: Option<SessionAcssMandateOptions>,
        /// Whether the payment method is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
        /// The date the debit is expected to reach the customer's bank (`YYYY-MM-DD`).
        pub target_date: Option<String>,
        /// How the bank account is verified.
        pub verification_method: Option<VerificationMethod>,
    }
}

model! {
    /// A Canadian pre-authorized debit mandate's settings.
    pub struct SessionAcssMandateOptions {
        /// Your own mandate page, in place of Stripe's.
        pub custom_mandate_url: Option<String>,
        /// What the mandate is the default for: `invoice`, `subscription`.
        pub default_for: Vec<String>,
        /// How often and when payments happen, as shown to the customer.
        pub interval_description: Option<String>,
        /// `combined`, `interval` or `sporadic` payments.
        pub payment_schedule: Option<String>,
        /// Whether the account is a `business` or `personal` one.
        pub transaction_type: Option<String>,
    }
}

model! {
    /// The options of card payments (`card`).
    pub struct SessionCardOptions {
        /// `manual` when you capture the payment yourself (not in basil).
        pub capture_method: Option<CaptureMethod>,
        /// Installment plans.
        pub installments: Option<SessionCardInstallments>,
        /// Whether a lower final amount may be authorized after the first (preview only).
        pub request_decremental_authorization: Option<AuthorizationRequest>,
        /// Whether a longer authorization window is requested.
        pub request_extended_authorization: Option<AuthorizationRequest>,
        /// Whether the authorization may be raised later.
        pub request_incremental_authorization: Option<AuthorizationRequest>,
        /// Whether the authorization may be captured in several parts.
        pub request_multicapture: Option<AuthorizationRequest>,
        /// Whether more than the authorized amount may be captured.
        pub request_overcapture: Option<AuthorizationRequest>,
        /// When 3D Secure is requested.
        pub request_three_d_secure: Option<ThreeDSecureRequest>,
        /// Which cards are refused.
        pub restrictions: Option<SessionCardRestrictions>,
        /// Whether the card is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
        /// The statement descriptor suffix shown for Japanese cards, in kana.
        pub statement_descriptor_suffix_kana: Option<String>,
        /// The statement descriptor suffix shown for Japanese cards, in kanji.
        pub statement_descriptor_suffix_kanji: Option<String>,
    }
}

model! {
    /// Card installment plans (`card.installments`).
    pub struct SessionCardInstallments {
        /// Whether the customer may pick an installment plan.
        pub enabled: bool,
    }
}

model! {
    /// The cards a session refuses (`card.restrictions`).
    pub struct SessionCardRestrictions {
        /// Networks refused.
        pub brands_blocked: Vec<CardBrand>,
        /// Funding types refused (not in basil).
        pub funding_types_blocked: Vec<CardFunding>,
    }
}

model! {
    /// The options of bank transfers into the customer's balance (`customer_balance`).
    pub struct SessionCustomerBalanceOptions {
        /// The bank transfer's settings.
        pub bank_transfer: Option<SessionBankTransferOptions>,
        /// How the customer funds the payment: `bank_transfer`.
        pub funding_type: Option<String>,
        /// Whether the payment method is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
    }
}

model! {
    /// A bank transfer's settings (`customer_balance.bank_transfer`).
    pub struct SessionBankTransferOptions {
        /// The country of the bank account for EU transfers.
        pub eu_bank_transfer: Option<SessionEuBankTransfer>,
        /// The kinds of bank address the customer is shown (`iban`, `sort_code`, `spei`, …).
        pub requested_address_types: Vec<String>,
        /// Which transfer: `eu_bank_transfer`, `gb_bank_transfer`, `jp_bank_transfer`,
        /// `mx_bank_transfer` or `us_bank_transfer`.
        pub type_ as "type": Option<String>,
    }
}

model! {
    /// EU bank transfer settings.
    pub struct SessionEuBankTransfer {
        /// The two-letter country of the receiving account (`BE`, `DE`, `ES`, `FR`, `IE`, `NL`).
        pub country: Option<String>,
    }
}

model! {
    /// The options of PayPal payments (`paypal`).
    pub struct SessionPaypalOptions {
        /// `manual` when you capture the payment yourself.
        pub capture_method: Option<CaptureMethod>,
        /// The locale of PayPal's page (`en-US`, …).
        pub preferred_locale: Option<String>,
        /// Your reference for the payment, shown in PayPal.
        pub reference: Option<String>,
        /// Whether the payment method is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
        /// The ids of the sub-sellers of a marketplace payment (preview only).
        pub subsellers: Vec<String>,
    }
}

model! {
    /// The options of PayTo payments (`payto`, not in basil).
    pub struct SessionPaytoOptions {
        /// The mandate's settings.
        pub mandate_options: Option<SessionPaytoMandateOptions>,
        /// Whether the payment method is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
    }
}

model! {
    /// A PayTo mandate's settings.
    pub struct SessionPaytoMandateOptions {
        /// The amount, in the currency's smallest unit.
        pub amount: Option<i64>,
        /// Whether the amount is exact or a ceiling.
        pub amount_type: Option<MandateAmountType>,
        /// The last day payments may be taken (`YYYY-MM-DD`).
        pub end_date: Option<String>,
        /// How often payments happen: `adhoc`, `daily`, `weekly`, `fortnightly`, `monthly`,
        /// `quarterly`, `semi_annual` or `annual`.
        pub payment_schedule: Option<String>,
        /// How many payments each period allows.
        pub payments_per_period: Option<i64>,
        /// What the payments are for (`retail`, `salary`, `mortgage`, …).
        pub purpose: Option<String>,
        /// The first day payments may be taken (`YYYY-MM-DD`).
        pub start_date: Option<String>,
    }
}

model! {
    /// The options of Pix payments (`pix`).
    pub struct SessionPixOptions {
        /// Whether the amount includes Brazil's IOF tax: `always` or `never` (not in basil).
        pub amount_includes_iof: Option<String>,
        /// How many seconds the Pix code can be paid before it expires.
        pub expires_after_seconds: Option<i64>,
        /// The mandate's settings for recurring Pix (not in basil).
        pub mandate_options: Option<SessionPixMandateOptions>,
        /// Whether the payment method is saved for later payments (not in basil).
        pub setup_future_usage: Option<FutureUsage>,
    }
}

model! {
    /// A recurring Pix mandate's settings.
    pub struct SessionPixMandateOptions {
        /// The amount, in the currency's smallest unit.
        pub amount: Option<i64>,
        /// Whether the amount includes Brazil's IOF tax: `always` or `never`.
        pub amount_includes_iof: Option<String>,
        /// Whether the amount is exact or a ceiling.
        pub amount_type: Option<MandateAmountType>,
        /// The mandate's currency.
        pub currency: Option<String>,
        /// The last day payments may be taken (`YYYY-MM-DD`).
        pub end_date: Option<String>,
        /// How often payments happen: `weekly`, `monthly`, `quarterly`, `halfyearly` or
        /// `yearly`.
        pub payment_schedule: Option<String>,
        /// Your reference for the mandate.
        pub reference: Option<String>,
        /// The first day payments may be taken (`YYYY-MM-DD`).
        pub start_date: Option<String>,
    }
}

model! {
    /// The options of Swish payments (`swish`).
    pub struct SessionSwishOptions {
        /// Your reference for the payment, shown in the Swish app.
        pub reference: Option<String>,
    }
}

model! {
    /// The options of UPI payments (`upi`, not in basil).
    pub struct SessionUpiOptions {
        /// The mandate's settings.
        pub mandate_options: Option<SessionUpiMandateOptions>,
        /// Whether the payment method is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
    }
}

model! {
    /// A UPI mandate's settings.
    pub struct SessionUpiMandateOptions {
        /// The amount, in the currency's smallest unit.
        pub amount: Option<i64>,
        /// Whether the amount is exact or a ceiling.
        pub amount_type: Option<MandateAmountType>,
        /// The description shown to the customer.
        pub description: Option<String>,
        /// When the mandate ends, in seconds since the Unix epoch.
        pub end_date: Option<i64>,
    }
}

model! {
    /// The options of ACH direct debits (`us_bank_account`).
    pub struct SessionUsBankAccountOptions {
        /// How Financial Connections links the account.
        pub financial_connections: Option<SessionFinancialConnectionsOptions>,
        /// Whether the payment method is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
        /// The date the debit is expected to reach the customer's bank (`YYYY-MM-DD`).
        pub target_date: Option<String>,
        /// How the bank account is verified.
        pub verification_method: Option<VerificationMethod>,
    }
}

model! {
    /// How Financial Connections links a bank account.
    pub struct SessionFinancialConnectionsOptions {
        /// Which accounts the customer may link.
        pub filters: Option<SessionFinancialConnectionsFilters>,
        /// Whether the customer may type account details by hand (preview only).
        pub manual_entry: Option<SessionFinancialConnectionsManualEntry>,
        /// The data you may read from the account: `balances`, `ownership`, `payment_method`,
        /// `transactions`.
        pub permissions: Vec<String>,
        /// The data fetched when the account is linked: `balances`, `ownership`,
        /// `transactions`.
        pub prefetch: Vec<String>,
        /// Where the customer returns after linking in an app.
        pub return_url: Option<String>,
    }
}

model! {
    /// Which accounts Financial Connections lets the customer link.
    pub struct SessionFinancialConnectionsFilters {
        /// The account kinds allowed: `checking`, `savings`.
        pub account_subcategories: Vec<String>,
        /// The one institution allowed (preview only).
        pub institution: Option<String>,
    }
}

model! {
    /// Manual entry of bank details in Financial Connections.
    pub struct SessionFinancialConnectionsManualEntry {
        /// `automatic` (when linking fails) or `custom`.
        pub mode: Option<String>,
    }
}

model! {
    /// The options of WeChat Pay payments (`wechat_pay`, not in basil).
    pub struct SessionWechatPayOptions {
        /// The app id registered with WeChat, for in-app payments.
        pub app_id: Option<String>,
        /// Where the customer pays: `web`, `android` or `ios`.
        pub client: Option<String>,
        /// Whether the payment method is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
    }
}
