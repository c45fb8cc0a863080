//! The create params beyond the discount corner — subscriptions, payment and setup intents,
//! invoices, custom fields and texts, consent and the page's other options: their exact pairs,
//! the local rules (each naming its param, with nothing sent) and the emulator taking them.

use stripe_checkout_client::Error;
use stripe_checkout_client::checkout::enums::{
    AllowRedisplay, BillingModeType, CaptureMethod, CustomFieldLabelType, CustomFieldType,
    CustomerCreation, CustomerUpdateBehavior, IssuerType, MissingPaymentMethod,
    PaymentMethodCollection, PromotionsConsent, ReuseAgreementPosition, SavedPaymentMethodChoice,
    SetupFutureUsage, SubmitType, TaxIdRequirement, TermsOfServiceConsent,
};
use stripe_checkout_client::checkout::enums::{
    BorderStyle, BrandingImageType, FontFamily, LinkDisplay, OriginContext, ThreeDSecureRequest,
};
use stripe_checkout_client::checkout::params::{
    AdaptivePricing, AfterExpiration, BillingMode, ConsentCollection, CustomField,
    CustomFieldDropdown, CustomFieldLabel, CustomFieldOption, CustomFieldTextOptions, CustomText,
    CustomTextMessage, CustomerUpdate, InvoiceCreation, InvoiceCustomField, InvoiceData,
    InvoiceIssuer, PaymentIntentData, PaymentShipping, Permissions, PermissionsUpdate, Recovery,
    ReuseAgreement, SavedPaymentMethodOptions, SetupIntentData, ShippingAddress, SubscriptionData,
    TaxIdCollection, TrialEndBehavior, TrialSettings,
};
use stripe_checkout_client::checkout::params::{
    AutomaticTax, BrandingImage, BrandingSettings, CardOptions, LinkWalletOptions, ManagedPayments,
    NameCollection, NameField, OptionalItem, OptionalItemQuantity, PaymentMethodOptions,
    PixOptions, PriceData, ProductData, ProductTaxDetails, ShippingOption, SwishOptions,
    VoucherOptions, WalletOptions,
};
use stripe_checkout_client::checkout::{
    CreateSession, LineItem, PermissionOwner, SessionMode, UiMode,
};
use stripe_checkout_client::form;
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt};

use crate::support::pairs;

fn text_field(key: &str) -> CustomField {
    CustomField::new(
        key,
        CustomFieldLabel::new("Gift note", CustomFieldLabelType::Custom),
        CustomFieldType::Text,
    )
}

#[test]
fn every_new_setter_sends_its_pair() {
    let subscription = CreateSession::new(SessionMode::Subscription)
        .subscription_data(
            SubscriptionData::new()
                .trial_period_days(14)
                .description("Pro plan")
                .default_tax_rates(["txr_1"])
                .billing_mode(BillingMode::new(BillingModeType::Flexible))
                .trial_settings(TrialSettings::new(TrialEndBehavior::new(
                    MissingPaymentMethod::Pause,
                )))
                .metadata("plan", "pro"),
        )
        .payment_method_collection(PaymentMethodCollection::IfRequired);
    assert_eq!(
        form::to_pairs(&subscription).unwrap(),
        pairs(&[
            ("mode", "subscription"),
            ("payment_method_collection", "if_required"),
            ("subscription_data[billing_mode][type]", "flexible"),
            ("subscription_data[default_tax_rates][0]", "txr_1"),
            ("subscription_data[description]", "Pro plan"),
            ("subscription_data[metadata][plan]", "pro"),
            ("subscription_data[trial_period_days]", "14"),
            (
                "subscription_data[trial_settings][end_behavior][missing_payment_method]",
                "pause"
            ),
        ])
    );

    let payment = CreateSession::new(SessionMode::Payment)
        .adaptive_pricing(AdaptivePricing::new().enabled(false))
        .after_expiration(AfterExpiration::new().recovery(Recovery::new(true)))
        .consent_collection(
            ConsentCollection::new()
                .payment_method_reuse_agreement(ReuseAgreement::new(ReuseAgreementPosition::Hidden))
                .promotions(PromotionsConsent::Auto)
                .terms_of_service(TermsOfServiceConsent::Required),
        )
        .custom_text(CustomText::new().submit(CustomTextMessage::new("Ships in 2 days")))
        .customer_creation(CustomerCreation::Always)
        .customer_update(CustomerUpdate::new().name(CustomerUpdateBehavior::Auto))
        .invoice_creation(
            InvoiceCreation::new(true).invoice_data(
                InvoiceData::new()
                    .custom_fields([InvoiceCustomField::new("PO", "1234")])
                    .issuer(InvoiceIssuer::new(IssuerType::SelfAccount)),
            ),
        )
        .payment_intent_data(
            PaymentIntentData::new()
                .capture_method(CaptureMethod::Manual)
                .setup_future_usage(SetupFutureUsage::OffSession)
                .shipping(PaymentShipping::new(
                    ShippingAddress::new("1 Main St"),
                    "Ada",
                )),
        )
        .payment_method_configuration("pmc_1")
        .payment_method_options(
            PaymentMethodOptions::new()
                .card(CardOptions::new().request_three_d_secure(ThreeDSecureRequest::Any)),
        )
        .saved_payment_method_options(
            SavedPaymentMethodOptions::new()
                .allow_redisplay_filters([AllowRedisplay::Always])
                .payment_method_save(SavedPaymentMethodChoice::Enabled),
        )
        .submit_type(SubmitType::Donate)
        .tax_id_collection(TaxIdCollection::new(true).required(TaxIdRequirement::IfSupported))
        .custom_fields([text_field("gift").optional(true)]);
    assert_eq!(
        form::to_pairs(&payment).unwrap(),
        pairs(&[
            ("mode", "payment"),
            ("adaptive_pricing[enabled]", "false"),
            ("after_expiration[recovery][enabled]", "true"),
            (
                "consent_collection[payment_method_reuse_agreement][position]",
                "hidden"
            ),
            ("consent_collection[promotions]", "auto"),
            ("consent_collection[terms_of_service]", "required"),
            ("custom_text[submit][message]", "Ships in 2 days"),
            ("customer_creation", "always"),
            ("customer_update[name]", "auto"),
            ("invoice_creation[enabled]", "true"),
            (
                "invoice_creation[invoice_data][custom_fields][0][name]",
                "PO"
            ),
            (
                "invoice_creation[invoice_data][custom_fields][0][value]",
                "1234"
            ),
            ("invoice_creation[invoice_data][issuer][type]", "self"),
            ("payment_intent_data[capture_method]", "manual"),
            ("payment_intent_data[setup_future_usage]", "off_session"),
            ("payment_intent_data[shipping][address][line1]", "1 Main St"),
            ("payment_intent_data[shipping][name]", "Ada"),
            ("payment_method_configuration", "pmc_1"),
            (
                "payment_method_options[card][request_three_d_secure]",
                "any"
            ),
            (
                "saved_payment_method_options[allow_redisplay_filters][0]",
                "always"
            ),
            (
                "saved_payment_method_options[payment_method_save]",
                "enabled"
            ),
            ("submit_type", "donate"),
            ("tax_id_collection[enabled]", "true"),
            ("tax_id_collection[required]", "if_supported"),
            ("custom_fields[0][key]", "gift"),
            ("custom_fields[0][label][custom]", "Gift note"),
            ("custom_fields[0][label][type]", "custom"),
            ("custom_fields[0][type]", "text"),
            ("custom_fields[0][optional]", "true"),
        ])
    );

    let setup = CreateSession::new(SessionMode::Setup).setup_intent_data(
        SetupIntentData::new()
            .description("Card on file")
            .metadata("k", "v"),
    );
    assert_eq!(
        form::to_pairs(&setup).unwrap(),
        pairs(&[
            ("mode", "setup"),
            ("setup_intent_data[description]", "Card on file"),
            ("setup_intent_data[metadata][k]", "v"),
        ])
    );

    let grouped = CreateSession::new(SessionMode::Payment).permissions(
        Permissions::new()
            .update_discounts(PermissionOwner::ServerOnly)
            .update(
                PermissionsUpdate::new()
                    .line_items(PermissionOwner::ClientOnly)
                    .shipping_details(PermissionOwner::ServerOnly),
            ),
    );
    assert_eq!(
        form::to_pairs(&grouped).unwrap(),
        pairs(&[
            ("permissions[update_discounts]", "server_only"),
            ("permissions[update][line_items]", "client_only"),
            ("permissions[update][shipping_details]", "server_only"),
            ("mode", "payment"),
        ])
    );
}

#[test]
fn the_page_look_items_and_newer_options_send_their_pairs() {
    let params = CreateSession::new(SessionMode::Payment)
        .line_item(
            LineItem::price_data(
                PriceData::new(
                    "usd",
                    500,
                    ProductData::new("Seat")
                        .unit_label("seat")
                        .tax_details(ProductTaxDetails::new().tax_code("txcd_10000000")),
                ),
                2,
            )
            .metadata("sku", "S-1")
            .dynamic_tax_rates(["txr_1"]),
        )
        .automatic_tax(
            AutomaticTax::new(true).liability(
                stripe_checkout_client::checkout::params::InvoiceIssuer::new(IssuerType::Account)
                    .account("acct_1"),
            ),
        )
        .branding_settings(
            BrandingSettings::new()
                .border_style(BorderStyle::Pill)
                .font_family(FontFamily::Inter)
                .logo(BrandingImage::new(BrandingImageType::Url).url("https://example.com/l.png")),
        )
        .customer_account("acct_customer")
        .integration_identifier("shop-v2")
        .managed_payments(ManagedPayments::new().enabled(true))
        .name_collection(NameCollection::new().business(NameField::new(true).optional(true)))
        .origin_context(OriginContext::Web)
        .wallet_options(
            WalletOptions::new().link(LinkWalletOptions::new().display(LinkDisplay::Never)),
        )
        .excluded_payment_method_types(["klarna"])
        .optional_items([OptionalItem::new("price_socks", 1)
            .adjustable_quantity(OptionalItemQuantity::new(true).maximum(3))])
        .shipping_options([ShippingOption::shipping_rate("shr_1")]);
    assert_eq!(
        form::to_pairs(&params).unwrap(),
        pairs(&[
            ("line_items[0][price_data][currency]", "usd"),
            ("line_items[0][price_data][product_data][name]", "Seat"),
            (
                "line_items[0][price_data][product_data][tax_details][tax_code]",
                "txcd_10000000"
            ),
            (
                "line_items[0][price_data][product_data][unit_label]",
                "seat"
            ),
            ("line_items[0][price_data][unit_amount]", "500"),
            ("line_items[0][quantity]", "2"),
            ("line_items[0][dynamic_tax_rates][0]", "txr_1"),
            ("line_items[0][metadata][sku]", "S-1"),
            ("mode", "payment"),
            ("automatic_tax[enabled]", "true"),
            ("automatic_tax[liability][type]", "account"),
            ("automatic_tax[liability][account]", "acct_1"),
            ("branding_settings[border_style]", "pill"),
            ("branding_settings[font_family]", "inter"),
            ("branding_settings[logo][type]", "url"),
            ("branding_settings[logo][url]", "https://example.com/l.png"),
            ("customer_account", "acct_customer"),
            ("integration_identifier", "shop-v2"),
            ("managed_payments[enabled]", "true"),
            ("name_collection[business][enabled]", "true"),
            ("name_collection[business][optional]", "true"),
            ("origin_context", "web"),
            ("wallet_options[link][display]", "never"),
            ("excluded_payment_method_types[0]", "klarna"),
            ("optional_items[0][price]", "price_socks"),
            ("optional_items[0][quantity]", "1"),
            ("optional_items[0][adjustable_quantity][enabled]", "true"),
            ("optional_items[0][adjustable_quantity][maximum]", "3"),
            ("shipping_options[0][shipping_rate]", "shr_1"),
        ])
    );
}

#[tokio::test]
async fn mode_rules_and_nested_checks_name_the_param_and_send_nothing() {
    let fake = FakeStripe::start().await;
    let client = fake.client();
    let sessions = client.checkout_sessions();
    let payment =
        || CreateSession::new(SessionMode::Payment).line_item(LineItem::price("price_1", 1));
    let subscription =
        || CreateSession::new(SessionMode::Subscription).line_item(LineItem::price("price_1", 1));
    let dropdown =
        text_field("size").dropdown(CustomFieldDropdown::new([CustomFieldOption::new(" ", "s")]));
    let rows: Vec<(CreateSession, &str)> = vec![
        (
            payment().subscription_data(SubscriptionData::new()),
            "subscription_data",
        ),
        (
            subscription().payment_intent_data(PaymentIntentData::new()),
            "payment_intent_data",
        ),
        (
            subscription().invoice_creation(InvoiceCreation::new(true)),
            "invoice_creation",
        ),
        (
            subscription().customer_creation(CustomerCreation::Always),
            "customer_creation",
        ),
        (
            payment().setup_intent_data(SetupIntentData::new()),
            "setup_intent_data",
        ),
        (
            payment().payment_method_collection(PaymentMethodCollection::Always),
            "payment_method_collection",
        ),
        (
            CreateSession::new(SessionMode::Setup)
                .payment_method_collection(PaymentMethodCollection::Always),
            "payment_method_collection",
        ),
        (
            payment().custom_fields((0..4).map(|i| text_field(&format!("f{i}")))),
            "custom_fields",
        ),
        (
            subscription()
                .subscription_data(SubscriptionData::new().trial_end(1).trial_period_days(7)),
            "subscription_data[trial_end]",
        ),
        (
            payment().payment_method_options(
                PaymentMethodOptions::new().swish(SwishOptions::new().reference(" ")),
            ),
            "payment_method_options[swish][reference]",
        ),
        (
            payment().payment_intent_data(PaymentIntentData::new().description(" ")),
            "payment_intent_data[description]",
        ),
        (
            subscription().subscription_data(SubscriptionData::new().metadata("k".repeat(41), "v")),
            "subscription_data[metadata][kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk]",
        ),
        (
            payment().custom_fields([dropdown]),
            "custom_fields[0][dropdown][options][0][label]",
        ),
        (
            payment().custom_text(CustomText::new().submit(CustomTextMessage::new(""))),
            "custom_text[submit][message]",
        ),
        (
            payment().payment_method_configuration(""),
            "payment_method_configuration",
        ),
        (
            payment().optional_items((0..11).map(|_| OptionalItem::new("price_1", 1))),
            "optional_items",
        ),
        (
            payment().optional_items([OptionalItem::new(" ", 1)]),
            "optional_items[0][price]",
        ),
        (
            payment().shipping_options(
                (0..6).map(|i| ShippingOption::shipping_rate(format!("shr_{i}"))),
            ),
            "shipping_options",
        ),
        (
            payment().excluded_payment_method_types([""]),
            "excluded_payment_method_types[0]",
        ),
        (
            payment().integration_identifier(" "),
            "integration_identifier",
        ),
        (
            payment().payment_method_options(
                PaymentMethodOptions::new().konbini(VoucherOptions::new().expires_after_days(61)),
            ),
            "payment_method_options[konbini][expires_after_days]",
        ),
        (
            payment().payment_method_options(
                PaymentMethodOptions::new().konbini(VoucherOptions::new().expires_after_days(0)),
            ),
            "payment_method_options[konbini][expires_after_days]",
        ),
        (
            payment().payment_method_options(
                PaymentMethodOptions::new().pix(PixOptions::new().expires_after_seconds(9)),
            ),
            "payment_method_options[pix][expires_after_seconds]",
        ),
    ];
    for (params, want) in rows {
        match sessions.create(&params).await {
            Err(Error::InvalidParams { param, message }) => assert_eq!(param, want, "{message}"),
            other => panic!("{want}: {other:?}"),
        }
    }
    assert!(fake.journal().is_empty(), "{:?}", fake.journal());
}

#[tokio::test]
async fn the_emulator_takes_the_new_params() {
    let fake = FakeStripe::start().await;
    fake.add_price("price_1", 5_000, "usd");
    let client = fake.client();
    let params = CreateSession::new(SessionMode::Payment)
        .ui_mode(UiMode::Custom)
        .line_item(LineItem::price("price_1", 1))
        .return_url("https://example.com/return")
        .payment_intent_data(
            PaymentIntentData::new()
                .capture_method(CaptureMethod::Manual)
                .metadata("order", "42"),
        )
        .custom_text(CustomText::new().submit(CustomTextMessage::new("Thanks")))
        .consent_collection(
            ConsentCollection::new().terms_of_service(TermsOfServiceConsent::Required),
        )
        .invoice_creation(InvoiceCreation::new(true))
        .submit_type(SubmitType::Pay)
        .custom_fields([text_field("gift").text(CustomFieldTextOptions::new().maximum_length(100))])
        .tax_id_collection(TaxIdCollection::new(true).required(TaxIdRequirement::IfSupported))
        .optional_items([OptionalItem::new("price_1", 2)]);
    let session = client.checkout_sessions().create(&params).await.unwrap();
    assert_eq!(session.amount_total, Some(5_000));
    let recorded = fake.journal();
    let body: CreateSession = recorded[0]
        .checked_params
        .clone()
        .map(serde_json::from_value)
        .unwrap()
        .unwrap();
    assert_eq!(body, params);

    // The session object carries back what it was created with, typed.
    assert_eq!(session.submit_type, Some(SubmitType::Pay));
    assert!(session.invoice_creation.as_ref().unwrap().enabled);
    assert_eq!(
        session
            .consent_collection
            .as_ref()
            .unwrap()
            .terms_of_service,
        Some(TermsOfServiceConsent::Required)
    );
    let submit = session.custom_text.as_ref().unwrap().submit.as_ref();
    assert_eq!(submit.unwrap().message.as_deref(), Some("Thanks"));
    let tax_ids = session.tax_id_collection.as_ref().unwrap();
    assert!(tax_ids.enabled);
    assert_eq!(tax_ids.required, Some(TaxIdRequirement::IfSupported));
    assert_eq!(session.optional_items[0].price.as_deref(), Some("price_1"));
    assert_eq!(session.optional_items[0].quantity, Some(2));
    let gift = session.custom_field("gift").unwrap();
    assert_eq!(gift.type_, Some(CustomFieldType::Text));
    assert!(!gift.optional);
    assert_eq!(
        gift.label.as_ref().unwrap().custom.as_deref(),
        Some("Gift note")
    );
    let input = gift.text.as_ref().unwrap();
    assert_eq!(
        (input.maximum_length, input.minimum_length),
        (Some(100), None)
    );
    assert_eq!(gift.value(), None);
    // Stripe shows `payment_method_options` always, empty when none was set.
    assert_eq!(
        session.payment_method_options,
        Some(stripe_checkout_client::checkout::objects::SessionPaymentMethodOptions::default())
    );
    let retrieved = client
        .checkout_sessions()
        .retrieve(&session.id)
        .await
        .unwrap();
    assert_eq!(retrieved.custom_fields, session.custom_fields);
    assert_eq!(retrieved.invoice_creation, session.invoice_creation);
}

#[test]
fn update_and_list_params_beyond_discounts_send_their_pairs() {
    use stripe_checkout_client::checkout::enums::{DeliveryUnit, TaxBehavior};
    use stripe_checkout_client::checkout::objects::{
        CurrencyAmount, DeliveryBound, DeliveryEstimate,
    };
    use stripe_checkout_client::checkout::params::{
        PendingInvoiceItemInterval, ShippingRateData, UpdateAutomaticTax, UpdateInvoiceCreation,
        UpdateInvoiceData, UpdatePaymentIntentData, UpdateSubscriptionData,
    };
    use stripe_checkout_client::checkout::{ListSessions, UpdateLineItem, UpdateSession};
    let rate = ShippingRateData::fixed_amount("Express", 1500, "usd")
        .delivery_estimate(
            DeliveryEstimate::new().maximum(DeliveryBound::new(DeliveryUnit::BusinessDay, 3)),
        )
        .tax_behavior(TaxBehavior::Exclusive)
        .metadata("carrier", "ups");
    let mut rate = rate;
    rate.fixed_amount = rate
        .fixed_amount
        .map(|f| f.currency_option("eur", CurrencyAmount::new(1400)));
    let update = UpdateSession::new()
        .line_item(UpdateLineItem::price_data(
            PriceData::new("usd", 900, ProductData::new("Gift wrap")),
            1,
        ))
        .shipping_options([ShippingOption::shipping_rate_data(rate)])
        .subscription_data(
            UpdateSubscriptionData::new()
                .trial_period_days(7)
                .pending_invoice_item_interval(PendingInvoiceItemInterval::new(
                    stripe_checkout_client::checkout::enums::BillingInterval::Month,
                )),
        )
        .payment_intent_data(UpdatePaymentIntentData::new().description("Order 42"))
        .automatic_tax(
            UpdateAutomaticTax::new().liability(InvoiceIssuer::new(IssuerType::SelfAccount)),
        )
        .invoice_creation(UpdateInvoiceCreation::new().invoice_data(
            UpdateInvoiceData::new().issuer(InvoiceIssuer::new(IssuerType::SelfAccount)),
        ));
    let got = form::to_pairs(&update).unwrap();
    for want in [
        ("line_items[0][price_data][currency]", "usd"),
        ("line_items[0][price_data][product_data][name]", "Gift wrap"),
        ("line_items[0][quantity]", "1"),
        (
            "shipping_options[0][shipping_rate_data][delivery_estimate][maximum][unit]",
            "business_day",
        ),
        (
            "shipping_options[0][shipping_rate_data][fixed_amount][currency_options][eur][amount]",
            "1400",
        ),
        (
            "shipping_options[0][shipping_rate_data][metadata][carrier]",
            "ups",
        ),
        (
            "shipping_options[0][shipping_rate_data][tax_behavior]",
            "exclusive",
        ),
        (
            "subscription_data[pending_invoice_item_interval][interval]",
            "month",
        ),
        ("subscription_data[trial_period_days]", "7"),
        ("payment_intent_data[description]", "Order 42"),
        ("automatic_tax[liability][type]", "self"),
        ("invoice_creation[invoice_data][issuer][type]", "self"),
    ] {
        assert!(
            got.contains(&(want.0.to_owned(), want.1.to_owned())),
            "{want:?} not in {got:?}"
        );
    }
    let list = ListSessions::new()
        .customer_email("ada@example.com")
        .payment_link("plink_1")
        .subscription("sub_1");
    assert_eq!(
        form::to_pairs(&list).unwrap(),
        pairs(&[
            ("customer_details[email]", "ada@example.com"),
            ("payment_link", "plink_1"),
            ("subscription", "sub_1"),
        ])
    );
}

#[tokio::test]
async fn update_rules_name_the_param_and_send_nothing() {
    use stripe_checkout_client::checkout::objects::CurrencyAmount;
    use stripe_checkout_client::checkout::params::{
        PriceData, ShippingRateData, UpdatePaymentIntentData,
    };
    use stripe_checkout_client::checkout::{ListSessions, UpdateLineItem, UpdateSession};
    let fake = FakeStripe::start().await;
    let client = fake.client();
    let sessions = client.checkout_sessions();
    let id = "cs_test_x".parse().unwrap();
    let mut both = UpdateLineItem::price("price_1", 1);
    both.price_data = Some(PriceData::new("usd", 1, ProductData::new("X")));
    let rate_in = |currency: &str, amount: i64| {
        let mut rate = ShippingRateData::fixed_amount("Express", 1500, "usd");
        rate.fixed_amount = rate
            .fixed_amount
            .map(|f| f.currency_option(currency, CurrencyAmount::new(amount)));
        UpdateSession::new().shipping_options([ShippingOption::shipping_rate_data(rate)])
    };
    let options = "shipping_options[0][shipping_rate_data][fixed_amount][currency_options]";
    let rows: Vec<(UpdateSession, String)> = vec![
        (rate_in("euro", 1), format!("{options}[euro]")),
        (rate_in("", 1), format!("{options}[]")),
        (rate_in("eur", -1), format!("{options}[eur][amount]")),
        (UpdateSession::new().line_item(both), "line_items[0]".into()),
        (
            UpdateSession::new().line_item(UpdateLineItem::price_data(
                PriceData::new("dollars", 1, ProductData::new("X")),
                1,
            )),
            "line_items[0][price_data][currency]".into(),
        ),
        (
            UpdateSession::new()
                .payment_intent_data(UpdatePaymentIntentData::new().description("")),
            "payment_intent_data[description]".into(),
        ),
    ];
    for (params, want) in rows {
        match sessions.update(&id, &params).await {
            Err(Error::InvalidParams { param, message }) => assert_eq!(param, want, "{message}"),
            other => panic!("{want}: {other:?}"),
        }
    }
    match sessions.list(&ListSessions::new().payment_link(" ")).await {
        Err(Error::InvalidParams { param, .. }) => assert_eq!(param, "payment_link"),
        other => panic!("{other:?}"),
    }
    assert!(fake.journal().is_empty());
}

#[tokio::test]
async fn limits_are_inclusive_and_a_trial_end_alone_is_fine() {
    let fake = FakeStripe::start().await;
    let client = fake.client();
    let sessions = client.checkout_sessions();
    let payment =
        || CreateSession::new(SessionMode::Payment).line_item(LineItem::price("price_1", 1));
    let accepted = [
        CreateSession::new(SessionMode::Setup).customer_creation(CustomerCreation::Always),
        payment().optional_items((0..10).map(|_| OptionalItem::new("price_1", 1))),
        payment()
            .shipping_options((0..5).map(|i| ShippingOption::shipping_rate(format!("shr_{i}")))),
        payment().custom_fields((0..3).map(|i| text_field(&format!("f{i}")))),
        CreateSession::new(SessionMode::Subscription)
            .line_item(LineItem::price("price_1", 1))
            .subscription_data(SubscriptionData::new().trial_end(1_900_000_000)),
        CreateSession::new(SessionMode::Subscription)
            .line_item(LineItem::price("price_1", 1))
            .subscription_data(SubscriptionData::new().trial_period_days(7)),
    ];
    let n = accepted.len();
    for params in accepted {
        // The emulator may refuse them (it has no such prices); the crate must not.
        let result = sessions.create(&params).await;
        assert!(
            !matches!(result, Err(Error::InvalidParams { .. })),
            "{result:?}"
        );
    }
    assert_eq!(fake.journal().len(), n);
}
