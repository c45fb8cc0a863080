//! The per-method options a session is created with (`payment_method_options` on
//! [`CreateSession`](super::CreateSession)): [`PaymentMethodOptions`] and one params struct
//! per shape of options, mirroring what the session reports back (the `Session…` structs
//! of `payment_method_options.rs`, whose enums these share).
//!
//! Most methods take only a capture method and a future usage, and share
//! [`MethodOptions`]; Stripe refuses an option a method does not have (`capture_method` on
//! Alipay, say) with a 400 naming it. Vouchers, bank debits and the methods with mandates or
//! settings of their own have their own structs. Fields marked "not in basil" arrived after
//! `2025-03-31.basil`.

use crate::checkout::CaptureMethod;
use crate::checkout::{
    AuthorizationRequest, CardBrand, CardFunding, FutureUsage, MandateAmountType,
    ThreeDSecureRequest, VerificationMethod,
};
use crate::declare::params::{params, unchecked};
use crate::error::{Error, Result};

unchecked!(
    AuthorizationRequest,
    CardBrand,
    CardFunding,
    FutureUsage,
    MandateAmountType,
    ThreeDSecureRequest,
    VerificationMethod,
);

params! {
    /// Options per payment method (`payment_method_options`): set the methods you need
    /// options for, leave the rest unset.
    ///
    /// ```
    /// use stripe_checkout_client::checkout::params::CardOptions;
    /// use stripe_checkout_client::checkout::{CreateSession, SessionMode};
    /// use stripe_checkout_client::checkout::enums::{FutureUsage, ThreeDSecureRequest};
    /// use stripe_checkout_client::checkout::params::{MethodOptions, PaymentMethodOptions};
    /// use stripe_checkout_client::ApiVersion;
    ///
    /// let params = CreateSession::new(SessionMode::Payment).payment_method_options(
    ///     PaymentMethodOptions::new()
    ///         .card(CardOptions::new().request_three_d_secure(ThreeDSecureRequest::Any))
    ///         .link(MethodOptions::new().setup_future_usage(FutureUsage::OffSession)),
    /// );
    /// let sent = params.form_pairs(&ApiVersion::server_update_beta())?;
    /// let keys: Vec<String> = sent.into_iter().map(|(k, _)| k).collect();
    /// assert_eq!(
    ///     keys,
    ///     [
    ///         "mode",
    ///         "payment_method_options[card][request_three_d_secure]",
    ///         "payment_method_options[link][setup_future_usage]",
    ///     ]
    /// );
    /// # Ok::<(), stripe_checkout_client::Error>(())
    /// ```
    pub struct PaymentMethodOptions {
        /// Canadian pre-authorized debit (`acss_debit`).
        acss_debit: AcssDebitOptions => into,
        /// Affirm (`affirm`).
        affirm: MethodOptions => into,
        /// Afterpay / Clearpay (`afterpay_clearpay`).
        afterpay_clearpay: MethodOptions => into,
        /// Alipay (`alipay`).
        alipay: MethodOptions => into,
        /// Alma (`alma`, not in basil).
        alma: MethodOptions => into,
        /// Amazon Pay (`amazon_pay`).
        amazon_pay: MethodOptions => into,
        /// BECS direct debit, Australia (`au_becs_debit`).
        au_becs_debit: DebitOptions => into,
        /// Bacs direct debit, UK (`bacs_debit`).
        bacs_debit: DebitOptions => into,
        /// Bancontact (`bancontact`).
        bancontact: MethodOptions => into,
        /// Billie (`billie`, not in basil).
        billie: MethodOptions => into,
        /// BLIK (`blik`, not in basil).
        blik: BlikOptions => into,
        /// Boleto (`boleto`).
        boleto: VoucherOptions => into,
        /// Cards (`card`).
        card: CardOptions => into,
        /// Cash App Pay (`cashapp`).
        cashapp: MethodOptions => into,
        /// Crypto (`crypto`, not in basil).
        crypto: MethodOptions => into,
        /// Bank transfers into the customer's balance (`customer_balance`).
        customer_balance: CustomerBalanceOptions => into,
        /// Stripe's demo method for tests (`demo_pay`, not in basil).
        demo_pay: MethodOptions => into,
        /// EPS (`eps`).
        eps: MethodOptions => into,
        /// FPX (`fpx`).
        fpx: MethodOptions => into,
        /// giropay (`giropay`).
        giropay: MethodOptions => into,
        /// GrabPay (`grabpay`).
        grabpay: MethodOptions => into,
        /// iDEAL (`ideal`).
        ideal: MethodOptions => into,
        /// Kakao Pay (`kakao_pay`).
        kakao_pay: MethodOptions => into,
        /// Klarna (`klarna`).
        klarna: KlarnaOptions => into,
        /// Konbini (`konbini`).
        konbini: VoucherOptions => into,
        /// Korean cards (`kr_card`).
        kr_card: MethodOptions => into,
        /// Link (`link`).
        link: MethodOptions => into,
        /// MobilePay (`mobilepay`).
        mobilepay: MethodOptions => into,
        /// Multibanco (`multibanco`).
        multibanco: MethodOptions => into,
        /// Naver Pay (`naver_pay`).
        naver_pay: MethodOptions => into,
        /// OXXO (`oxxo`).
        oxxo: VoucherOptions => into,
        /// Przelewy24 (`p24`).
        p24: P24Options => into,
        /// PAYCO (`payco`).
        payco: MethodOptions => into,
        /// PayNow (`paynow`).
        paynow: MethodOptions => into,
        /// PayPal (`paypal`).
        paypal: PaypalOptions => into,
        /// PayTo (`payto`, not in basil).
        payto: PaytoOptions => into,
        /// Pix (`pix`).
        pix: PixOptions => into,
        /// Revolut Pay (`revolut_pay`).
        revolut_pay: MethodOptions => into,
        /// Samsung Pay (`samsung_pay`).
        samsung_pay: MethodOptions => into,
        /// Satispay (`satispay`, not in basil).
        satispay: MethodOptions => into,
        /// Scalapay (`scalapay`, not in basil).
        scalapay: MethodOptions => into,
        /// SEPA direct debit (`sepa_debit`).
        sepa_debit: DebitOptions => into,
        /// SeQura (`sequra`, endive).
        sequra: MethodOptions => into,
        /// Sofort (`sofort`).
        sofort: MethodOptions => into,
        /// Sunbit (`sunbit`, not in basil).
        sunbit: MethodOptions => into,
        /// Swish (`swish`).
        swish: SwishOptions => into,
        /// TWINT (`twint`, not in basil).
        twint: MethodOptions => into,
        /// UPI (`upi`, not in basil).
        upi: UpiOptions => into,
        /// ACH direct debit from a US bank account (`us_bank_account`).
        us_bank_account: UsBankAccountOptions => into,
        /// WeChat Pay (`wechat_pay`).
        wechat_pay: WechatPayOptions => into,
    }
}

impl PaymentMethodOptions {
    /// The ranges Stripe documents for the options' numbers: a Konbini voucher lasts 1 to
    /// 60 days, a Pix code 10 seconds to 14 days.
    pub(crate) fn check_ranges(&self) -> Result<()> {
        let konbini = self.konbini.as_ref().and_then(|k| k.expires_after_days);
        if konbini.is_some_and(|days| !(1..=60).contains(&days)) {
            return Err(Error::invalid_param(
                "payment_method_options[konbini][expires_after_days]",
                "must be 1 to 60 days",
            ));
        }
        let pix = self.pix.as_ref().and_then(|p| p.expires_after_seconds);
        if pix.is_some_and(|seconds| !(10..=1_209_600).contains(&seconds)) {
            return Err(Error::invalid_param(
                "payment_method_options[pix][expires_after_seconds]",
                "must be 10 to 1209600 seconds (14 days)",
            ));
        }
        Ok(())
    }
}

params! {
    /// The options most methods take: when funds are captured and whether the method is
    /// saved for later.
    pub struct MethodOptions {
        /// `manual` to capture the payment yourself (`capture_method`; not in basil for most
        /// methods).
        capture_method: CaptureMethod => into,
        /// Whether the payment method is saved for later payments (`setup_future_usage`).
        setup_future_usage: FutureUsage => into,
    }
}

params! {
    /// A voucher the customer pays in cash (Boleto, Konbini, OXXO).
    pub struct VoucherOptions {
        /// How many days the voucher can be paid before it expires (`expires_after_days`).
        expires_after_days: u32 => plain,
        /// Whether the payment method is saved for later payments (`setup_future_usage`).
        setup_future_usage: FutureUsage => into,
    }
}

params! {
    /// A direct debit (BECS, Bacs, SEPA).
    pub struct DebitOptions {
        /// The mandate's settings, for Bacs and SEPA (`mandate_options`).
        mandate_options: DebitMandateOptions => into,
        /// Whether the payment method is saved for later payments (`setup_future_usage`).
        setup_future_usage: FutureUsage => into,
        /// The date the debit should reach the customer's bank, `YYYY-MM-DD` (`target_date`).
        target_date: String => into,
    }
}

params! {
    /// A Bacs or SEPA mandate's settings (`mandate_options`).
    pub struct DebitMandateOptions {
        /// The prefix of the mandate reference the customer sees (`reference_prefix`).
        reference_prefix: String => into,
    }
}

params! {
    /// A Canadian pre-authorized debit (`acss_debit`).
    pub struct AcssDebitOptions {
        /// The currency debited, `cad` or `usd` (`currency`).
        currency: String => into,
        /// The mandate's settings (`mandate_options`).
        mandate_options: AcssMandateOptions => into,
        /// Whether the payment method is saved for later payments (`setup_future_usage`).
        setup_future_usage: FutureUsage => into,
        /// The date the debit should reach the customer's bank, `YYYY-MM-DD` (`target_date`).
        target_date: String => into,
        /// How the bank account is verified (`verification_method`).
        verification_method: VerificationMethod => into,
    }
}

params! {
    /// A Canadian pre-authorized debit mandate (`acss_debit[mandate_options]`).
    pub struct AcssMandateOptions {
        /// Your own mandate page, in place of Stripe's (`custom_mandate_url`).
        custom_mandate_url: String => into,
        /// What the mandate is the default for: `invoice`, `subscription` (`default_for`).
        default_for: String => list,
        /// How often and when payments happen, as the customer reads it
        /// (`interval_description`).
        interval_description: String => into,
        /// `combined`, `interval` or `sporadic` payments (`payment_schedule`).
        payment_schedule: String => into,
        /// Whether the account is a `business` or `personal` one (`transaction_type`).
        transaction_type: String => into,
    }
}

params! {
    /// BLIK (`blik`, not in basil).
    pub struct BlikOptions {
        /// The mandate's settings (`mandate_options`).
        mandate_options: BlikMandateOptions => into,
        /// Whether the payment method is saved for later payments (`setup_future_usage`).
        setup_future_usage: FutureUsage => into,
    }
}

params! {
    /// A BLIK mandate's settings (`blik[mandate_options]`).
    pub struct BlikMandateOptions {
        /// How long the mandate lasts, in seconds (`expires_after`; the preview only).
        expires_after: i64 => plain,
        /// When the mandate expires, as a Unix time (`expires_at`; endive only).
        expires_at: i64 => plain,
    }
}

params! {
    /// Card payments (`card`).
    pub struct CardOptions {
        /// `manual` to capture the payment yourself (`capture_method`; not in basil).
        capture_method: CaptureMethod => into,
        /// Installment plans (`installments`).
        installments: CardInstallments => into,
        /// Whether a lower final amount may be authorized after the first
        /// (`request_decremental_authorization`; the preview only).
        request_decremental_authorization: AuthorizationRequest => into,
        /// Whether a longer authorization window is asked for
        /// (`request_extended_authorization`).
        request_extended_authorization: AuthorizationRequest => into,
        /// Whether the authorization may be raised later
        /// (`request_incremental_authorization`).
        request_incremental_authorization: AuthorizationRequest => into,
        /// Whether the authorization may be captured in parts (`request_multicapture`).
        request_multicapture: AuthorizationRequest => into,
        /// Whether more than the authorized amount may be captured (`request_overcapture`).
        request_overcapture: AuthorizationRequest => into,
        /// When 3D Secure is asked for (`request_three_d_secure`).
        request_three_d_secure: ThreeDSecureRequest => into,
        /// Which cards are refused (`restrictions`).
        restrictions: CardRestrictions => into,
        /// Whether the card is saved for later payments (`setup_future_usage`; `on_session`
        /// or `off_session`).
        setup_future_usage: FutureUsage => into,
        /// The statement descriptor suffix for Japanese cards, in kana
        /// (`statement_descriptor_suffix_kana`).
        statement_descriptor_suffix_kana: String => into,
        /// The statement descriptor suffix for Japanese cards, in kanji
        /// (`statement_descriptor_suffix_kanji`).
        statement_descriptor_suffix_kanji: String => into,
    }
}

params! {
    /// Card installment plans (`card[installments]`).
    pub struct CardInstallments {
        /// Whether the customer may pick an installment plan (`enabled`).
        enabled: bool => plain,
    }
}

params! {
    /// The cards a session refuses (`card[restrictions]`).
    pub struct CardRestrictions {
        /// Networks refused (`brands_blocked`).
        brands_blocked: CardBrand => list,
        /// Funding types refused (`funding_types_blocked`; not in basil).
        funding_types_blocked: CardFunding => list,
    }
}

params! {
    /// Bank transfers into the customer's balance (`customer_balance`).
    pub struct CustomerBalanceOptions {
        /// The bank transfer's settings (`bank_transfer`).
        bank_transfer: BankTransferOptions => into,
        /// How the customer funds the payment: `bank_transfer` (`funding_type`).
        funding_type: String => into,
        /// Whether the payment method is saved for later payments (`setup_future_usage`).
        setup_future_usage: FutureUsage => into,
    }
}

params! {
    /// A bank transfer's settings (`customer_balance[bank_transfer]`).
    pub struct BankTransferOptions {
        /// Which transfer: `eu_bank_transfer`, `gb_bank_transfer`, `jp_bank_transfer`,
        /// `mx_bank_transfer` or `us_bank_transfer` (`type`).
        type_ as "type": String => required,
        /// The country of the receiving account, for EU transfers (`eu_bank_transfer`).
        eu_bank_transfer: EuBankTransfer => into,
        /// The kinds of bank address the customer is shown: `aba`, `iban`, `sepa`,
        /// `sort_code`, `spei`, `swift`, `zengin` (`requested_address_types`).
        requested_address_types: String => list,
    }
}

params! {
    /// An EU bank transfer's settings (`eu_bank_transfer`).
    pub struct EuBankTransfer {
        /// The two-letter country of the receiving account: `BE`, `DE`, `ES`, `FR`, `IE` or
        /// `NL` (`country`).
        country: String => required,
    }
}

params! {
    /// Klarna (`klarna`).
    pub struct KlarnaOptions {
        /// `manual` to capture the payment yourself (`capture_method`; not in basil).
        capture_method: CaptureMethod => into,
        /// Whether the payment method is saved for later payments (`setup_future_usage`).
        setup_future_usage: FutureUsage => into,
        /// The subscriptions the payment starts, shown to the customer (`subscriptions`; not
        /// in basil).
        subscriptions: KlarnaSubscription => list,
    }
}

params! {
    /// A subscription Klarna shows the customer (`klarna[subscriptions][]`).
    pub struct KlarnaSubscription {
        /// How often it bills: `day`, `week`, `month` or `year` (`interval`).
        interval: String => required,
        /// The next charge (`next_billing`).
        next_billing: KlarnaNextBilling => required,
        /// Your reference for it (`reference`).
        reference: String => required,
        /// How many intervals between charges (`interval_count`).
        interval_count: u32 => plain,
        /// Its name (`name`).
        name: String => into,
    }
}

params! {
    /// A Klarna subscription's next charge (`next_billing`).
    pub struct KlarnaNextBilling {
        /// The amount, in the currency's smallest unit (`amount`).
        amount: i64 => required_plain,
        /// The date, `YYYY-MM-DD` (`date`).
        date: String => required,
    }
}

params! {
    /// Przelewy24 (`p24`).
    pub struct P24Options {
        /// Whether the payment method is saved for later payments (`setup_future_usage`).
        setup_future_usage: FutureUsage => into,
        /// That you showed the customer Przelewy24's terms and they accepted them
        /// (`tos_shown_and_accepted`).
        tos_shown_and_accepted: bool => plain,
    }
}

params! {
    /// PayPal (`paypal`).
    pub struct PaypalOptions {
        /// `manual` to capture the payment yourself (`capture_method`).
        capture_method: CaptureMethod => into,
        /// The locale of PayPal's page, such as `en-US` (`preferred_locale`).
        preferred_locale: String => into,
        /// Your reference for the payment, shown in PayPal (`reference`).
        reference: String => into,
        /// Your reference id for the payment (`reference_id`; the preview only).
        reference_id: String => into,
        /// The risk correlation id from PayPal's fraud tools (`risk_correlation_id`).
        risk_correlation_id: String => into,
        /// Whether the payment method is saved for later payments (`setup_future_usage`).
        setup_future_usage: FutureUsage => into,
        /// The sub-sellers of a marketplace payment (`subsellers`; the preview only).
        subsellers: String => list,
    }
}

params! {
    /// PayTo (`payto`, not in basil).
    pub struct PaytoOptions {
        /// The mandate's settings (`mandate_options`).
        mandate_options: PaytoMandateOptions => into,
        /// Whether the payment method is saved for later payments (`setup_future_usage`).
        setup_future_usage: FutureUsage => into,
    }
}

params! {
    /// A PayTo mandate's settings (`payto[mandate_options]`).
    pub struct PaytoMandateOptions {
        /// The amount, in the currency's smallest unit (`amount`).
        amount: i64 => plain,
        /// Whether the amount is exact or a ceiling (`amount_type`).
        amount_type: MandateAmountType => into,
        /// The last day payments may be taken, `YYYY-MM-DD` (`end_date`).
        end_date: String => into,
        /// How often payments happen: `adhoc`, `daily`, `weekly`, `fortnightly`, `monthly`,
        /// `quarterly`, `semi_annual` or `annual` (`payment_schedule`).
        payment_schedule: String => into,
        /// How many payments each period allows (`payments_per_period`).
        payments_per_period: u32 => plain,
        /// What the payments are for, such as `retail` or `salary` (`purpose`).
        purpose: String => into,
        /// The first day payments may be taken, `YYYY-MM-DD` (`start_date`).
        start_date: String => into,
    }
}

params! {
    /// Pix (`pix`).
    pub struct PixOptions {
        /// Whether the amount includes Brazil's IOF tax: `always` or `never`
        /// (`amount_includes_iof`; not in basil).
        amount_includes_iof: String => into,
        /// How many seconds the Pix code can be paid before it expires
        /// (`expires_after_seconds`).
        expires_after_seconds: u32 => plain,
        /// The mandate's settings for recurring Pix (`mandate_options`; not in basil).
        mandate_options: PixMandateOptions => into,
        /// Whether the payment method is saved for later payments (`setup_future_usage`; not
        /// in basil).
        setup_future_usage: FutureUsage => into,
    }
}

params! {
    /// A recurring Pix mandate's settings (`pix[mandate_options]`).
    pub struct PixMandateOptions {
        /// The amount, in the currency's smallest unit (`amount`).
        amount: i64 => plain,
        /// Whether the amount includes Brazil's IOF tax: `always` or `never`
        /// (`amount_includes_iof`).
        amount_includes_iof: String => into,
        /// Whether the amount is exact or a ceiling (`amount_type`).
        amount_type: MandateAmountType => into,
        /// The mandate's currency (`currency`).
        currency: String => into,
        /// The last day payments may be taken, `YYYY-MM-DD` (`end_date`).
        end_date: String => into,
        /// How often payments happen: `weekly`, `monthly`, `quarterly`, `halfyearly` or
        /// `yearly` (`payment_schedule`).
        payment_schedule: String => into,
        /// Your reference for the mandate (`reference`).
        reference: String => into,
        /// The first day payments may be taken, `YYYY-MM-DD` (`start_date`).
        start_date: String => into,
    }
}

params! {
    /// Swish (`swish`).
    pub struct SwishOptions {
        /// Your reference for the payment, shown in the Swish app (`reference`).
        reference: String => into,
    }
}

params! {
    /// UPI (`upi`, not in basil).
    pub struct UpiOptions {
        /// The mandate's settings (`mandate_options`).
        mandate_options: UpiMandateOptions => into,
        /// Whether the payment method is saved for later payments (`setup_future_usage`).
        setup_future_usage: FutureUsage => into,
    }
}

params! {
    /// A UPI mandate's settings (`upi[mandate_options]`).
    pub struct UpiMandateOptions {
        /// The amount, in the currency's smallest unit (`amount`).
        amount: i64 => plain,
        /// Whether the amount is exact or a ceiling (`amount_type`).
        amount_type: MandateAmountType => into,
        /// The description the customer sees (`description`).
        description: String => into,
        /// When the mandate ends, as a Unix time (`end_date`).
        end_date: i64 => plain,
    }
}

params! {
    /// ACH direct debit from a US bank account (`us_bank_account`).
    pub struct UsBankAccountOptions {
        /// How Financial Connections links the account (`financial_connections`).
        financial_connections: FinancialConnections => into,
        /// Whether the payment method is saved for later payments (`setup_future_usage`).
        setup_future_usage: FutureUsage => into,
        /// The date the debit should reach the customer's bank, `YYYY-MM-DD` (`target_date`).
        target_date: String => into,
        /// How the bank account is verified: `automatic` or `instant`
        /// (`verification_method`).
        verification_method: VerificationMethod => into,
    }
}

params! {
    /// How Financial Connections links a bank account
    /// (`us_bank_account[financial_connections]`).
    pub struct FinancialConnections {
        /// The data you may read from the account: `balances`, `ownership`,
        /// `payment_method`, `transactions` (`permissions`).
        permissions: String => list,
        /// The data fetched when the account is linked: `balances`, `inferred_balances`,
        /// `ownership`, `transactions` (`prefetch`).
        prefetch: String => list,
    }
}

params! {
    /// WeChat Pay (`wechat_pay`).
    pub struct WechatPayOptions {
        /// Where the customer pays: `web`, `android` or `ios` (`client`).
        client: String => required,
        /// The app id registered with WeChat, for in-app payments (`app_id`).
        app_id: String => into,
        /// Whether the payment method is saved for later payments (`setup_future_usage`).
        setup_future_usage: FutureUsage => into,
    }
}
