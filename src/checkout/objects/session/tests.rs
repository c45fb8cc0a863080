use serde_json::{Value, json};

use super::*;
use crate::checkout::{
    CaptureMethod, CardBrand, CustomFieldType, FutureUsage, IssuerType, ReuseAgreementPosition,
    ThreeDSecureRequest, VerificationMethod,
};
use crate::coupons::CouponDuration;

const SESSION: &str = include_str!("../../../../tests/fixtures/checkout_session.json");
const COUPON: &str = include_str!("../../../../tests/fixtures/coupon.json");
const PROMOTION_CODE: &str = include_str!("../../../../tests/fixtures/promotion_code.json");
const DISCOUNT: &str = include_str!("../../../../tests/fixtures/discount.json");
const ITEM: &str = include_str!("../../../../tests/fixtures/item.json");

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
        "invalid type at `payment_method_options.card.installments.enabled`: expected a boolean, found a string"
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
    assert_eq!(no_key.to_string(), "missing field `custom_fields[0].key`");
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
