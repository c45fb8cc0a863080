//! Local checks: each broken rule refused before sending, naming its param.

use super::*;
use crate::declare::params::Check;

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
    let base = || CreateSession::new(SessionMode::Payment).line_item(LineItem::price("price_1", 1));
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
                CouponData::percent_off(5.0).duration(crate::coupons::CouponDuration::Repeating),
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
                LineItem::price("price_2", 1).adjustable_quantity(AdjustableQuantity::range(5, 2)),
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
    let mut both_shipping = ShippingOption::shipping_rate("shr_1");
    both_shipping.shipping_rate_data = Some(ShippingRateData::fixed_amount("x", 1, "usd"));
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
            UpdateSession::new().discount(Discount::PromotionCode("promo_1".parse().unwrap())),
            "discounts[0][promotion_code]",
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
            .discount(Discount::Coupon("SUMMER".parse().unwrap()))
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

#[test]
fn a_decimal_unit_amount_may_reach_the_whole_amounts_bound() {
    let price = |decimal: &str| {
        PriceData::new("usd", 0, ProductData::new("x"))
            .unit_amount_decimal(decimal)
            .check(crate::declare::params::Param::Name(
                "line_items[0][price_data]",
            ))
    };
    assert!(price("99999999").is_ok());
    for over in ["99999999.01", "100000000"] {
        assert_eq!(
            rejected(price(over)),
            "line_items[0][price_data][unit_amount_decimal]"
        );
    }
}

#[test]
fn adjustable_quantities_may_reach_999_999_and_meet_in_one() {
    let item = |quantity: AdjustableQuantity| {
        LineItem::price("price_1", 1)
            .adjustable_quantity(quantity)
            .check(crate::declare::params::Param::Name("line_items[0]"))
    };
    assert!(item(AdjustableQuantity::range(999_999, 999_999)).is_ok());
    assert!(item(AdjustableQuantity::range(3, 3)).is_ok());
    assert!(item(AdjustableQuantity::new(true).minimum(999_999)).is_ok());
    assert_eq!(
        rejected(item(AdjustableQuantity::new(true).minimum(1_000_000))),
        "line_items[0][adjustable_quantity][minimum]"
    );
    assert_eq!(
        rejected(item(AdjustableQuantity::range(4, 3))),
        "line_items[0][adjustable_quantity][minimum]"
    );
}

#[cfg(feature = "deserialize-params")]
#[test]
fn a_created_filter_that_is_neither_a_time_nor_a_range_is_refused_saying_so() {
    let err = serde_json::from_value::<ListSessions>(json!({"created": true})).unwrap_err();
    assert!(
        err.to_string().starts_with(
            "invalid type: boolean `true`, expected a Unix time or a range {gt, gte, lt, lte}"
        ),
        "{err}"
    );
}

#[test]
fn free_shipping_is_a_fixed_amount_of_zero_in_any_currency() {
    let rate = |fixed: FixedAmount| {
        let mut data = ShippingRateData::fixed_amount("Free", 0, "usd");
        data.fixed_amount = Some(fixed);
        UpdateSession::new()
            .shipping_option(ShippingOption::shipping_rate_data(data))
            .validate()
    };
    assert!(
        rate(FixedAmount::new(0, "usd").currency_option("eur", CurrencyAmount::new(0))).is_ok()
    );
    assert_eq!(
        rejected(rate(
            FixedAmount::new(0, "usd").currency_option("eur", CurrencyAmount::new(-1))
        )),
        "shipping_options[0][shipping_rate_data][fixed_amount][currency_options][eur][amount]"
    );
}

#[test]
fn an_update_takes_up_to_five_shipping_options() {
    let options = |n: usize| {
        UpdateSession::new()
            .shipping_options((0..n).map(|i| ShippingOption::shipping_rate(format!("shr_{i}"))))
            .validate()
    };
    assert!(options(5).is_ok());
    assert_eq!(rejected(options(6)), "shipping_options");
}

#[test]
fn a_price_for_an_existing_product_sends_its_amount_and_product() {
    let item = LineItem::price_data(PriceData::for_product("usd", 2500, "prod_123"), 2);
    assert_eq!(
        encode(&item),
        pairs(&[
            ("price_data[currency]", "usd"),
            ("price_data[product]", "prod_123"),
            ("price_data[unit_amount]", "2500"),
            ("quantity", "2"),
        ])
    );
    assert!(
        item.check(crate::declare::params::Param::Name("line_items[0]"))
            .is_ok()
    );
}
