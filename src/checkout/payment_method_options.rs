//! The options a session reports per payment method (`payment_method_options` on the session
//! object): [`PaymentMethodOptions`] and one struct per shape of options.
//!
//! Most methods carry only a capture method and a future usage, and share
//! [`MethodOptions`]; vouchers, bank debits and the methods with mandates or their own
//! settings have their own structs. What a session is created with is the
//! `payment_method_options` JSON param of [`CreateSession`](super::CreateSession); this file
//! only reads the answer. Fields marked "not in basil" arrived after `2025-03-31.basil`.

use super::CaptureMethod;
use crate::model::model;
use crate::stripe_enum::stripe_enum;

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
    pub struct PaymentMethodOptions {
        /// Canadian pre-authorized debit.
        pub acss_debit: Option<AcssDebitOptions>,
        /// Affirm.
        pub affirm: Option<MethodOptions>,
        /// Afterpay / Clearpay.
        pub afterpay_clearpay: Option<MethodOptions>,
        /// Alipay.
        pub alipay: Option<MethodOptions>,
        /// Alma (not in basil).
        pub alma: Option<MethodOptions>,
        /// Amazon Pay.
        pub amazon_pay: Option<MethodOptions>,
        /// BECS direct debit (Australia).
        pub au_becs_debit: Option<DebitOptions>,
        /// Bacs direct debit (UK).
        pub bacs_debit: Option<DebitOptions>,
        /// Bancontact.
        pub bancontact: Option<MethodOptions>,
        /// Billie (not in basil).
        pub billie: Option<MethodOptions>,
        /// Boleto.
        pub boleto: Option<VoucherOptions>,
        /// Cards.
        pub card: Option<CardOptions>,
        /// Cash App Pay.
        pub cashapp: Option<MethodOptions>,
        /// Bank transfers into the customer's balance.
        pub customer_balance: Option<CustomerBalanceOptions>,
        /// EPS.
        pub eps: Option<MethodOptions>,
        /// FPX.
        pub fpx: Option<MethodOptions>,
        /// giropay.
        pub giropay: Option<MethodOptions>,
        /// GrabPay.
        pub grabpay: Option<MethodOptions>,
        /// iDEAL.
        pub ideal: Option<MethodOptions>,
        /// Kakao Pay.
        pub kakao_pay: Option<MethodOptions>,
        /// Klarna.
        pub klarna: Option<MethodOptions>,
        /// Konbini.
        pub konbini: Option<VoucherOptions>,
        /// Korean cards.
        pub kr_card: Option<MethodOptions>,
        /// Link.
        pub link: Option<MethodOptions>,
        /// MobilePay.
        pub mobilepay: Option<MethodOptions>,
        /// Multibanco.
        pub multibanco: Option<MethodOptions>,
        /// Naver Pay.
        pub naver_pay: Option<MethodOptions>,
        /// OXXO.
        pub oxxo: Option<VoucherOptions>,
        /// Przelewy24.
        pub p24: Option<MethodOptions>,
        /// PAYCO.
        pub payco: Option<MethodOptions>,
        /// PayNow.
        pub paynow: Option<MethodOptions>,
        /// PayPal.
        pub paypal: Option<PaypalOptions>,
        /// PayTo (not in basil).
        pub payto: Option<PaytoOptions>,
        /// Pix.
        pub pix: Option<PixOptions>,
        /// Revolut Pay.
        pub revolut_pay: Option<MethodOptions>,
        /// Samsung Pay.
        pub samsung_pay: Option<MethodOptions>,
        /// Satispay (not in basil).
        pub satispay: Option<MethodOptions>,
        /// Scalapay (not in basil).
        pub scalapay: Option<MethodOptions>,
        /// SEPA direct debit.
        pub sepa_debit: Option<DebitOptions>,
        /// SeQura (endive).
        pub sequra: Option<MethodOptions>,
        /// Sofort.
        pub sofort: Option<MethodOptions>,
        /// Sunbit (not in basil).
        pub sunbit: Option<MethodOptions>,
        /// Swish.
        pub swish: Option<SwishOptions>,
        /// TWINT (not in basil).
        pub twint: Option<MethodOptions>,
        /// UPI (not in basil).
        pub upi: Option<UpiOptions>,
        /// ACH direct debit from a US bank account.
        pub us_bank_account: Option<UsBankAccountOptions>,
        /// WeChat Pay (not in basil).
        pub wechat_pay: Option<WechatPayOptions>,
    }
}

model! {
    /// The options most methods have: when funds are captured and whether the method is saved.
    #[derive(Default)]
    pub struct MethodOptions {
        /// `manual` when you capture the payment yourself (not in basil for most methods).
        pub capture_method: Option<CaptureMethod>,
        /// Whether the payment method is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
    }
}

model! {
    /// The options of a voucher the customer pays in cash (Boleto, Konbini, OXXO).
    pub struct VoucherOptions {
        /// How many days the voucher can be paid before it expires.
        pub expires_after_days: Option<i64>,
        /// Whether the payment method is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
    }
}

model! {
    /// The options of a direct debit (BECS, Bacs, SEPA).
    pub struct DebitOptions {
        /// The mandate's settings (Bacs and SEPA).
        pub mandate_options: Option<DebitMandateOptions>,
        /// Whether the payment method is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
        /// The date the debit is expected to reach the customer's bank (`YYYY-MM-DD`).
        pub target_date: Option<String>,
    }
}

model! {
    /// A Bacs or SEPA mandate's settings.
    pub struct DebitMandateOptions {
        /// The prefix of the mandate reference shown to the customer.
        pub reference_prefix: Option<String>,
    }
}

model! {
    /// The options of a Canadian pre-authorized debit (`acss_debit`).
    pub struct AcssDebitOptions {
        /// The currency debited: `cad` or `usd`.
        pub currency: Option<String>,
        /// The mandate's settings.
        pub mandate_options: Option<AcssMandateOptions>,
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
    pub struct AcssMandateOptions {
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
    pub struct CardOptions {
        /// `manual` when you capture the payment yourself (not in basil).
        pub capture_method: Option<CaptureMethod>,
        /// Installment plans.
        pub installments: Option<CardInstallments>,
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
        pub restrictions: Option<CardRestrictions>,
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
    pub struct CardInstallments {
        /// Whether the customer may pick an installment plan.
        pub enabled: bool,
    }
}

model! {
    /// The cards a session refuses (`card.restrictions`).
    pub struct CardRestrictions {
        /// Networks refused.
        pub brands_blocked: Vec<CardBrand>,
        /// Funding types refused (not in basil).
        pub funding_types_blocked: Vec<CardFunding>,
    }
}

model! {
    /// The options of bank transfers into the customer's balance (`customer_balance`).
    pub struct CustomerBalanceOptions {
        /// The bank transfer's settings.
        pub bank_transfer: Option<BankTransferOptions>,
        /// How the customer funds the payment: `bank_transfer`.
        pub funding_type: Option<String>,
        /// Whether the payment method is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
    }
}

model! {
    /// A bank transfer's settings (`customer_balance.bank_transfer`).
    pub struct BankTransferOptions {
        /// The country of the bank account for EU transfers.
        pub eu_bank_transfer: Option<EuBankTransfer>,
        /// The kinds of bank address the customer is shown (`iban`, `sort_code`, `spei`, …).
        pub requested_address_types: Vec<String>,
        /// Which transfer: `eu_bank_transfer`, `gb_bank_transfer`, `jp_bank_transfer`,
        /// `mx_bank_transfer` or `us_bank_transfer`.
        pub type_ as "type": Option<String>,
    }
}

model! {
    /// EU bank transfer settings.
    pub struct EuBankTransfer {
        /// The two-letter country of the receiving account (`BE`, `DE`, `ES`, `FR`, `IE`, `NL`).
        pub country: Option<String>,
    }
}

model! {
    /// The options of PayPal payments (`paypal`).
    pub struct PaypalOptions {
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
    pub struct PaytoOptions {
        /// The mandate's settings.
        pub mandate_options: Option<PaytoMandateOptions>,
        /// Whether the payment method is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
    }
}

model! {
    /// A PayTo mandate's settings.
    pub struct PaytoMandateOptions {
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
    pub struct PixOptions {
        /// Whether the amount includes Brazil's IOF tax: `always` or `never` (not in basil).
        pub amount_includes_iof: Option<String>,
        /// How many seconds the Pix code can be paid before it expires.
        pub expires_after_seconds: Option<i64>,
        /// The mandate's settings for recurring Pix (not in basil).
        pub mandate_options: Option<PixMandateOptions>,
        /// Whether the payment method is saved for later payments (not in basil).
        pub setup_future_usage: Option<FutureUsage>,
    }
}

model! {
    /// A recurring Pix mandate's settings.
    pub struct PixMandateOptions {
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
    pub struct SwishOptions {
        /// Your reference for the payment, shown in the Swish app.
        pub reference: Option<String>,
    }
}

model! {
    /// The options of UPI payments (`upi`, not in basil).
    pub struct UpiOptions {
        /// The mandate's settings.
        pub mandate_options: Option<UpiMandateOptions>,
        /// Whether the payment method is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
    }
}

model! {
    /// A UPI mandate's settings.
    pub struct UpiMandateOptions {
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
    pub struct UsBankAccountOptions {
        /// How Financial Connections links the account.
        pub financial_connections: Option<FinancialConnectionsOptions>,
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
    pub struct FinancialConnectionsOptions {
        /// Which accounts the customer may link.
        pub filters: Option<FinancialConnectionsFilters>,
        /// Whether the customer may type account details by hand (preview only).
        pub manual_entry: Option<FinancialConnectionsManualEntry>,
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
    pub struct FinancialConnectionsFilters {
        /// The account kinds allowed: `checking`, `savings`.
        pub account_subcategories: Vec<String>,
        /// The one institution allowed (preview only).
        pub institution: Option<String>,
    }
}

model! {
    /// Manual entry of bank details in Financial Connections.
    pub struct FinancialConnectionsManualEntry {
        /// `automatic` (when linking fails) or `custom`.
        pub mode: Option<String>,
    }
}

model! {
    /// The options of WeChat Pay payments (`wechat_pay`, not in basil).
    pub struct WechatPayOptions {
        /// The app id registered with WeChat, for in-app payments.
        pub app_id: Option<String>,
        /// Where the customer pays: `web`, `android` or `ios`.
        pub client: Option<String>,
        /// Whether the payment method is saved for later payments.
        pub setup_future_usage: Option<FutureUsage>,
    }
}
