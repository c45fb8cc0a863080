//! The typed-code policy (`policies::TypedCodes`) against the emulator: each of Stripe's
//! promotion code and coupon rules refuses its code with its own message and sends no update,
//! a good code applies its coupon, and the emulator — whose rules are written separately, from
//! Stripe's documentation — gives the same verdict when the code is redeemed on a session
//! directly. Then the policy inside the combinators, and a redemption counted on completion.

use std::collections::HashSet;
use std::time::Duration;

use stripe_checkout_client::checkout::{
    CreateSession, LineItem, PermissionOwner, SessionMode, UiMode,
};
use stripe_checkout_client::coupons::CreateCoupon;
use stripe_checkout_client::discounts::policies::{
    BestForCustomer, CodeRefusal, FirstMatch, FixedClock, LoyaltyTiers, Reward, TypedCodes,
};
use stripe_checkout_client::discounts::{
    Discount, DiscountPolicy, DiscountRequest, RequestedDiscount, ServerUpdateResponse,
    UpdateError, update_discounts,
};
use stripe_checkout_client::ids::{CheckoutSessionId, PromotionCodeId};
use stripe_checkout_client::promotion_codes::CreatePromotionCode;
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt};
use stripe_checkout_client::{ApiVersion, Client};

const START: i64 = 1_800_000_000;

/// The cart, the customer and the history of one case.
#[derive(Clone, Copy)]
struct Shopper {
    /// `(price, quantity)`: jackets are 80.00 (`prod_jacket`), caps 40.00 (`prod_cap`), both
    /// usd; `price_jacket_eur` is 80.00 eur.
    cart: &'static [(&'static str, u64)],
    customer: Option<&'static str>,
    /// Whether that customer completed a paid session before.
    returning: bool,
}

const ADA: Shopper = Shopper {
    cart: &[("price_jacket", 1)],
    customer: Some("cus_ada"),
    returning: false,
};

struct Case {
    name: &'static str,
    coupon: CreateCoupon,
    code: fn(CreatePromotionCode) -> CreatePromotionCode,
    shopper: Shopper,
    typed: &'static str,
    /// Completed sessions redeeming the code (`true`) or its coupon (`false`) before.
    redeemed_before: Option<bool>,
    /// Seconds the clock moves between creating the code and typing it.
    later: i64,
    want: Result<i64, CodeRefusal>,
}

fn percent(p: f64) -> CreateCoupon {
    CreateCoupon::percent_off(p).id("PROMO")
}

fn same(code: CreatePromotionCode) -> CreatePromotionCode {
    code
}

fn cases() -> Vec<Case> {
    let base = |name, want| Case {
        name,
        coupon: percent(25.0),
        code: same,
        shopper: ADA,
        typed: "SUMMER",
        redeemed_before: None,
        later: 0,
        want,
    };
    let usd = |minimum: i64| CodeRefusal::BelowMinimum {
        minimum,
        currency: "usd".into(),
    };
    vec![
        base("a good code applies its coupon", Ok(2_000)),
        Case {
            typed: "  summer ",
            ..base("case and surrounding spaces do not matter", Ok(2_000))
        },
        Case {
            typed: "WINTER",
            ..base("an unknown code", Err(CodeRefusal::Unknown))
        },
        Case {
            code: |c| c.active(false),
            ..base("an inactive code", Err(CodeRefusal::Inactive))
        },
        Case {
            code: |c| c.expires_at(START + 60),
            later: 60,
            ..base(
                "a code past expires_at",
                Err(CodeRefusal::Expired {
                    expires_at: START + 60,
                }),
            )
        },
        Case {
            code: |c| c.expires_at(START + 60),
            later: 59,
            ..base("a code just before expires_at", Ok(2_000))
        },
        Case {
            code: |c| c.max_redemptions(1),
            redeemed_before: Some(true),
            ..base(
                "a code redeemed max_redemptions times",
                Err(CodeRefusal::FullyRedeemed { max_redemptions: 1 }),
            )
        },
        Case {
            code: |c| c.max_redemptions(2),
            redeemed_before: Some(true),
            ..base("a code with redemptions left", Ok(2_000))
        },
        Case {
            coupon: percent(25.0).redeem_by(START + 60),
            later: 61,
            ..base(
                "a coupon past redeem_by",
                Err(CodeRefusal::CouponExpired {
                    redeem_by: START + 60,
                }),
            )
        },
        Case {
            coupon: percent(25.0).max_redemptions(1),
            redeemed_before: Some(false),
            ..base(
                "a coupon redeemed max_redemptions times",
                Err(CodeRefusal::CouponFullyRedeemed { max_redemptions: 1 }),
            )
        },
        Case {
            code: |c| c.minimum_amount(10_000, "usd"),
            ..base("a subtotal below the minimum", Err(usd(10_000)))
        },
        Case {
            code: |c| c.minimum_amount(8_000, "usd"),
            ..base("a subtotal at the minimum", Ok(2_000))
        },
        Case {
            code: |c| {
                c.minimum_amount(5_000, "usd")
                    .minimum_amount_in("eur", 9_000)
            },
            shopper: Shopper {
                cart: &[("price_jacket_eur", 1)],
                ..ADA
            },
            ..base(
                "a subtotal below the minimum in the session's currency option",
                Err(CodeRefusal::BelowMinimum {
                    minimum: 9_000,
                    currency: "eur".into(),
                }),
            )
        },
        Case {
            code: |c| c.minimum_amount(5_000, "usd"),
            shopper: Shopper {
                cart: &[("price_jacket_eur", 1)],
                ..ADA
            },
            ..base(
                "a minimum with no amount in the session's currency",
                Err(CodeRefusal::NoMinimumInCurrency {
                    currency: "eur".into(),
                }),
            )
        },
        Case {
            code: |c| c.customer("cus_bob"),
            ..base(
                "a code for another customer",
                Err(CodeRefusal::OtherCustomer),
            )
        },
        Case {
            code: |c| c.customer("cus_bob"),
            shopper: Shopper {
                customer: None,
                ..ADA
            },
            ..base(
                "a customer's code typed by a guest",
                Err(CodeRefusal::OtherCustomer),
            )
        },
        Case {
            code: |c| c.customer("cus_ada"),
            ..base("a code for this customer", Ok(2_000))
        },
        Case {
            code: |c| c.first_time_transaction(true),
            shopper: Shopper {
                returning: true,
                ..ADA
            },
            ..base(
                "a first-order code for a returning customer",
                Err(CodeRefusal::FirstTimeOnly),
            )
        },
        Case {
            code: |c| c.first_time_transaction(true),
            ..base("a first-order code for a new customer", Ok(2_000))
        },
        Case {
            coupon: percent(25.0).applies_to_products(["prod_cap"]),
            ..base(
                "a coupon for products the cart does not hold",
                Err(CodeRefusal::NotForTheseProducts),
            )
        },
        Case {
            coupon: percent(25.0).applies_to_products(["prod_cap"]),
            shopper: Shopper {
                cart: &[("price_jacket", 1), ("price_cap", 2)],
                ..ADA
            },
            // 25% of the caps' 80.00, not of the whole 160.00.
            ..base("a coupon for products the cart holds", Ok(2_000))
        },
        Case {
            coupon: CreateCoupon::amount_off(1_000, "usd").id("PROMO"),
            shopper: Shopper {
                cart: &[("price_jacket_eur", 1)],
                ..ADA
            },
            ..base(
                "an amount-off coupon in another currency",
                Err(CodeRefusal::CurrencyNotSupported {
                    currency: Some("eur".into()),
                }),
            )
        },
        Case {
            coupon: CreateCoupon::amount_off(1_000, "usd")
                .id("PROMO")
                .currency_option("eur", 900),
            shopper: Shopper {
                cart: &[("price_jacket_eur", 1)],
                ..ADA
            },
            ..base(
                "an amount-off coupon with the session's currency option",
                Ok(900),
            )
        },
    ]
}

async fn emulator() -> FakeStripe {
    let fake = FakeStripe::start().await;
    fake.set_time(START);
    fake.add_product_price_of("price_jacket", "prod_jacket", 8_000, "usd")
        .add_product_price_of("price_cap", "prod_cap", 4_000, "usd")
        .add_product_price_of("price_jacket_eur", "prod_jacket", 8_000, "eur")
        .add_customer("cus_ada", Some("ada@example.com"))
        .add_customer("cus_bob", Some("bob@example.com"));
    fake
}

fn session_for(shopper: Shopper) -> CreateSession {
    let mut params = CreateSession::new(SessionMode::Payment)
        .ui_mode(UiMode::Custom)
        .return_url("https://example.com/return")
        .update_discounts(PermissionOwner::ServerOnly);
    for (price, quantity) in shopper.cart {
        params = params.line_item(LineItem::price(*price, *quantity));
    }
    if let Some(customer) = shopper.customer {
        params = params.customer(customer);
    }
    params
}

/// Creates `coupon`, then `code` for it.
async fn with_code(
    client: &Client,
    coupon: &CreateCoupon,
    code: CreatePromotionCode,
) -> stripe_checkout_client::promotion_codes::PromotionCode {
    client.coupons().create(coupon).await.unwrap();
    client.promotion_codes().create(&code).await.unwrap()
}

fn typed(session: &CheckoutSessionId, code: &str) -> DiscountRequest {
    DiscountRequest::new(session.clone()).with_discounts([RequestedDiscount::Code(code.into())])
}

fn policy_on(
    client: &Client,
    fake: &FakeStripe,
    returning: &[&str],
) -> TypedCodes<HashSet<String>> {
    let history: HashSet<String> = returning.iter().map(|c| (*c).to_owned()).collect();
    TypedCodes::new(client.clone())
        .clock(FixedClock::from_unix(fake.now().try_into().unwrap()))
        .purchase_history(history)
}

/// Completes one session of `customer` redeeming `discount`.
async fn complete_one(
    fake: &FakeStripe,
    client: &Client,
    customer: &'static str,
    discount: Option<Discount>,
) {
    let shopper = Shopper {
        customer: Some(customer),
        ..ADA
    };
    let mut params = session_for(shopper);
    if let Some(discount) = discount {
        params = params.discounts([discount]);
    }
    let session = client.checkout_sessions().create(&params).await.unwrap();
    fake.complete_session(&session.id).await.unwrap();
}

async fn run_case(case: Case, version: &ApiVersion) {
    let label = format!("{} ({version})", case.name);
    let fake = emulator().await;
    let client = fake
        .client_builder()
        .api_version(version.clone())
        .build()
        .unwrap();
    let coupon = client.coupons().create(&case.coupon).await.unwrap();
    let code = client
        .promotion_codes()
        .create(&(case.code)(
            CreatePromotionCode::new(&coupon.id).code("SUMMER"),
        ))
        .await
        .unwrap();
    match case.redeemed_before {
        Some(true) => {
            let promo = Discount::PromotionCode(code.id.clone());
            complete_one(&fake, &client, "cus_bob", Some(promo)).await;
        }
        Some(false) => {
            let coupon = Discount::Coupon(coupon.id.clone());
            complete_one(&fake, &client, "cus_bob", Some(coupon)).await;
        }
        None => {}
    }
    let mut returning = Vec::new();
    if case.shopper.returning {
        let customer = case.shopper.customer.unwrap();
        complete_one(&fake, &client, customer, None).await;
        returning.push(customer);
    }
    let session = client
        .checkout_sessions()
        .create(&session_for(case.shopper))
        .await
        .unwrap();
    fake.advance_time(Duration::from_secs(case.later.try_into().unwrap()));
    fake.clear_journal();

    let policy = policy_on(&client, &fake, &returning);
    let outcome = update_discounts(&client, typed(&session.id, case.typed), &policy).await;
    let updates = fake.journal().iter().filter(|r| r.is_post()).count();
    match (&case.want, outcome) {
        (Ok(worth), Ok(outcome)) => {
            assert_eq!(
                outcome.discounts,
                [Discount::Coupon(coupon.id.clone())],
                "{label}"
            );
            assert_eq!(updates, 1, "{label}: one update");
            let offer = policy
                .offer(&typed(&session.id, case.typed), &outcome.session)
                .await;
            assert_eq!(offer.unwrap().amount_off, Some(*worth), "{label}: worth");
            let applied = client
                .checkout_sessions()
                .retrieve(&session.id)
                .await
                .unwrap();
            assert_eq!(
                applied.total_details.and_then(|t| t.amount_discount),
                Some(*worth),
                "{label}: Stripe's discount is what the policy priced"
            );
        }
        (Err(want), Err(UpdateError::Rejected(rejection))) => {
            assert_eq!(CodeRefusal::of(&rejection), Some(want), "{label}");
            assert_eq!(
                rejection.customer_message(),
                Some(want.customer_message().as_str()),
                "{label}"
            );
            assert_eq!(updates, 0, "{label}: nothing sent after a refusal");
        }
        (want, got) => panic!("{label}: wanted {want:?}, got {got:?}"),
    }

    // The emulator's own rules judge the same code redeemed directly at creation.
    if matches!(case.want, Err(CodeRefusal::Unknown)) {
        return;
    }
    let direct = session_for(case.shopper).discounts([Discount::PromotionCode(code.id.clone())]);
    let emulated = client.checkout_sessions().create(&direct).await;
    assert_eq!(
        emulated.is_ok(),
        case.want.is_ok(),
        "{label}: the emulator's verdict ({:?})",
        emulated.err().map(|e| e.to_string())
    );
}

#[tokio::test]
async fn each_rule_refuses_its_code_and_a_good_code_applies() {
    for version in [
        ApiVersion::server_update_beta(),
        ApiVersion::newest_preview(),
    ] {
        for case in cases() {
            run_case(case, &version).await;
        }
    }
}

/// `FIRST`, a code for first orders only, on the coupon `PROMO`.
async fn first_order_code(
    client: &Client,
) -> stripe_checkout_client::promotion_codes::PromotionCode {
    client
        .promotion_codes()
        .create(
            &CreatePromotionCode::new("PROMO")
                .code("FIRST")
                .first_time_transaction(true),
        )
        .await
        .unwrap()
}

#[tokio::test]
async fn first_order_codes_need_a_purchase_history() {
    let fake = emulator().await;
    let client = fake.client();
    client.coupons().create(&percent(25.0)).await.unwrap();
    first_order_code(&client).await;
    let session = client
        .checkout_sessions()
        .create(&session_for(ADA))
        .await
        .unwrap();
    let without = TypedCodes::new(client.clone()).clock(FixedClock::from_unix(START as u64));
    let err = update_discounts(&client, typed(&session.id, "FIRST"), &without)
        .await
        .unwrap_err();
    let UpdateError::Rejected(rejection) = err else {
        panic!("{err:?}")
    };
    assert_eq!(
        CodeRefusal::of(&rejection),
        Some(&CodeRefusal::FirstTimeUnverified)
    );
    let answer = ServerUpdateResponse::from(&UpdateError::Rejected(rejection));
    assert_eq!(
        answer,
        ServerUpdateResponse::error("This code cannot be applied to this order.")
    );
}

#[tokio::test]
async fn codes_of_several_customers_share_a_text() {
    let fake = emulator().await;
    let client = fake.client();
    client.coupons().create(&percent(10.0)).await.unwrap();
    client
        .coupons()
        .create(&CreateCoupon::percent_off(30.0).id("VIP"))
        .await
        .unwrap();
    let codes = client.promotion_codes();
    codes
        .create(&CreatePromotionCode::new("PROMO").code("HELLO"))
        .await
        .unwrap();
    codes
        .create(
            &CreatePromotionCode::new("VIP")
                .code("HELLO")
                .customer("cus_ada"),
        )
        .await
        .unwrap();
    let policy = policy_on(&client, &fake, &[]);
    for (customer, coupon) in [
        (Some("cus_ada"), "VIP"),
        (Some("cus_bob"), "PROMO"),
        (None, "PROMO"),
    ] {
        let shopper = Shopper { customer, ..ADA };
        let session = client
            .checkout_sessions()
            .create(&session_for(shopper))
            .await
            .unwrap();
        let outcome = update_discounts(&client, typed(&session.id, "hello"), &policy)
            .await
            .unwrap();
        assert_eq!(
            outcome.discounts,
            [Discount::Coupon(coupon.parse().unwrap())],
            "{customer:?}: their own code first, else the one for anyone"
        );
    }
    let lookups: Vec<_> = fake
        .journal()
        .into_iter()
        .filter(|r| r.method == "GET" && r.path == "/v1/promotion_codes")
        .collect();
    assert_eq!(lookups.len(), 3, "one lookup per typed code");
}

#[tokio::test]
async fn no_code_no_discount_and_removal_clears() {
    let fake = emulator().await;
    let client = fake.client();
    with_code(
        &client,
        &percent(25.0),
        CreatePromotionCode::new("PROMO").code("SUMMER"),
    )
    .await;
    let session = client
        .checkout_sessions()
        .create(&session_for(ADA))
        .await
        .unwrap();
    let policy = policy_on(&client, &fake, &[]);
    let applied = update_discounts(&client, typed(&session.id, "SUMMER"), &policy)
        .await
        .unwrap();
    assert!(applied.changed);
    fake.clear_journal();
    let again = update_discounts(&client, typed(&session.id, "SUMMER"), &policy)
        .await
        .unwrap();
    assert!(!again.changed, "the same code again sends no update");
    let removal = DiscountRequest::new(session.id.clone()).with_discounts([]);
    let removed = update_discounts(&client, removal, &policy).await.unwrap();
    assert!(removed.discounts.is_empty() && removed.changed);
    assert_eq!(
        fake.journal()
            .iter()
            .filter(|r| r.path == "/v1/promotion_codes")
            .count(),
        1,
        "a removal looks nothing up"
    );
    let offer = policy
        .offer(&DiscountRequest::new(session.id.clone()), &removed.session)
        .await
        .unwrap();
    assert!(offer.discounts.is_empty(), "no typed code, no discount");
}

#[tokio::test]
async fn the_best_of_a_typed_code_and_a_loyalty_tier() {
    let fake = emulator().await;
    let client = fake.client();
    with_code(
        &client,
        &percent(25.0),
        CreatePromotionCode::new("PROMO").code("SUMMER"),
    )
    .await;
    let members = std::collections::HashMap::from([
        ("cus_ada".to_owned(), "gold".to_owned()),
        ("cus_bob".to_owned(), "silver".to_owned()),
    ]);
    let best = BestForCustomer::new()
        .with(policy_on(&client, &fake, &[]))
        .with(
            LoyaltyTiers::new(members)
                .tier("gold", Reward::PercentBps(3_000))
                .tier("silver", Reward::PercentBps(1_000)),
        );
    // Gold's 30% (24.00) beats the code's 25% (20.00); silver's 10% does not.
    for (customer, want) in [("cus_ada", None), ("cus_bob", Some("PROMO"))] {
        let shopper = Shopper {
            customer: Some(customer),
            ..ADA
        };
        let session = client
            .checkout_sessions()
            .create(&session_for(shopper))
            .await
            .unwrap();
        let outcome = update_discounts(&client, typed(&session.id, "SUMMER"), &best)
            .await
            .unwrap();
        match want {
            Some(coupon) => assert_eq!(
                outcome.discounts,
                [Discount::Coupon(coupon.parse().unwrap())],
                "{customer}"
            ),
            None => assert_eq!(
                outcome.discounts[0]
                    .as_coupon_data()
                    .and_then(|c| c.amount_off),
                Some(2_400),
                "{customer}"
            ),
        }
    }
    // Inside a FirstMatch the code keeps its worth for the outer comparison.
    let nested = BestForCustomer::new()
        .with(FirstMatch::new().with(policy_on(&client, &fake, &[])))
        .with(LoyaltyTiers::new(std::collections::HashMap::new()));
    let session = client
        .checkout_sessions()
        .create(&session_for(ADA))
        .await
        .unwrap();
    let offer = nested
        .offer(
            &typed(&session.id, "SUMMER"),
            &client
                .checkout_sessions()
                .retrieve(&session.id)
                .await
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(offer.amount_off, Some(2_000));
}

#[tokio::test]
async fn a_completed_session_redeems_its_code_and_coupon() {
    let fake = emulator().await;
    let client = fake.client();
    let code = with_code(
        &client,
        &percent(25.0),
        CreatePromotionCode::new("PROMO").code("SUMMER"),
    )
    .await;
    complete_one(
        &fake,
        &client,
        "cus_ada",
        Some(Discount::PromotionCode(code.id.clone())),
    )
    .await;
    let coupon_only = Discount::Coupon("PROMO".parse().unwrap());
    complete_one(&fake, &client, "cus_bob", Some(coupon_only)).await;
    let id: PromotionCodeId = code.id.clone();
    let code = client.promotion_codes().retrieve(&id).await.unwrap();
    let coupon = client
        .coupons()
        .retrieve(&"PROMO".parse().unwrap())
        .await
        .unwrap();
    assert_eq!(
        code.times_redeemed,
        Some(1),
        "only the session that named the code"
    );
    assert_eq!(
        coupon.times_redeemed,
        Some(2),
        "both sessions redeemed the coupon"
    );
}

#[tokio::test]
async fn a_coupon_stops_being_valid_at_its_redeem_by_and_its_last_redemption() {
    let fake = emulator().await;
    let client = fake.client();
    let valid = |id: &'static str| {
        let client = client.clone();
        async move {
            let coupon = client.coupons().retrieve(&id.parse().unwrap()).await;
            coupon.unwrap().valid
        }
    };
    client
        .coupons()
        .create(&percent(10.0).id("TWICE").max_redemptions(2))
        .await
        .unwrap();
    client
        .coupons()
        .create(&percent(10.0).id("UNTIL").redeem_by(START + 60))
        .await
        .unwrap();
    let twice = || Some(Discount::Coupon("TWICE".parse().unwrap()));
    complete_one(&fake, &client, "cus_ada", twice()).await;
    assert_eq!(valid("TWICE").await, Some(true), "one redemption left");
    complete_one(&fake, &client, "cus_bob", twice()).await;
    assert_eq!(valid("TWICE").await, Some(false), "both used");

    fake.set_time(START + 59);
    assert_eq!(valid("UNTIL").await, Some(true), "a second before");
    fake.set_time(START + 60);
    assert_eq!(valid("UNTIL").await, Some(false), "at redeem_by");
}

/// A policy that only asks the flow to expand the line items.
struct ExpandsLineItems;

#[stripe_checkout_client::discounts::async_trait]
impl DiscountPolicy for ExpandsLineItems {
    fn expand(&self) -> Vec<String> {
        vec!["line_items".into()]
    }

    async fn recompute(
        &self,
        _: &DiscountRequest,
        _: &stripe_checkout_client::checkout::CheckoutSession,
    ) -> Result<Vec<Discount>, stripe_checkout_client::discounts::Rejection> {
        Ok(Vec::new())
    }
}

#[tokio::test]
async fn a_product_limited_coupon_reads_the_line_items_once() {
    let fake = emulator().await;
    let client = fake.client();
    client
        .coupons()
        .create(&percent(50.0).applies_to_products(["prod_cap"]))
        .await
        .unwrap();
    client
        .promotion_codes()
        .create(&CreatePromotionCode::new("PROMO").code("CAPS"))
        .await
        .unwrap();
    let shopper = Shopper {
        cart: &[("price_jacket", 1), ("price_cap", 1)],
        ..ADA
    };
    let line_item_reads = |fake: &FakeStripe| {
        fake.journal()
            .iter()
            .filter(|r| r.path.ends_with("/line_items"))
            .count()
    };
    // Not expanded by the flow: one line-item read.
    let session = client
        .checkout_sessions()
        .create(&session_for(shopper))
        .await
        .unwrap();
    let alone = policy_on(&client, &fake, &[]);
    let outcome = update_discounts(&client, typed(&session.id, "CAPS"), &alone)
        .await
        .unwrap();
    assert_eq!(
        outcome.discounts,
        [Discount::Coupon("PROMO".parse().unwrap())]
    );
    assert_eq!(line_item_reads(&fake), 1);
    // Expanded in full by the flow's retrieve: none.
    let session = client
        .checkout_sessions()
        .create(&session_for(shopper))
        .await
        .unwrap();
    let expanded = FirstMatch::new()
        .with(ExpandsLineItems)
        .with(policy_on(&client, &fake, &[]));
    let outcome = update_discounts(&client, typed(&session.id, "CAPS"), &expanded)
        .await
        .unwrap();
    assert_eq!(
        outcome.discounts,
        [Discount::Coupon("PROMO".parse().unwrap())]
    );
    assert_eq!(line_item_reads(&fake), 1, "the expanded items were used");
    assert_eq!(
        client
            .checkout_sessions()
            .retrieve(&session.id)
            .await
            .unwrap()
            .total_details
            .and_then(|t| t.amount_discount),
        Some(2_000),
        "half of the cap only"
    );
}

/// A guest is a returning customer when an earlier completed session had their email, given
/// as `customer_email` or entered on the page (here from the session's customer); the
/// emulator then refuses a first-order code on their new session.
#[tokio::test]
async fn a_guest_is_returning_by_an_earlier_sessions_email() {
    let fake = emulator().await;
    fake.add_customer("cus_cy", Some("cy@example.com"));
    let client = fake.client();
    client.coupons().create(&percent(25.0)).await.unwrap();
    let first = first_order_code(&client).await;
    let guest = Shopper {
        customer: None,
        ..ADA
    };
    let cy = Shopper {
        customer: Some("cus_cy"),
        ..ADA
    };
    let sessions = client.checkout_sessions();
    for earlier in [
        session_for(guest).customer_email("ada@example.com"),
        session_for(cy),
    ] {
        let done = sessions.create(&earlier).await.unwrap();
        fake.complete_session(done.id.as_str()).await.unwrap();
    }
    for (email, returning) in [
        ("ada@example.com", true),
        ("cy@example.com", true),
        ("bob@example.com", false),
    ] {
        let with_code = session_for(guest)
            .customer_email(email)
            .discount(Discount::PromotionCode(first.id.clone()));
        match sessions.create(&with_code).await {
            Ok(_) => assert!(!returning, "{email}"),
            Err(err) => {
                assert!(returning, "{email}: {err}");
                assert!(
                    err.to_string().contains("without a prior purchase"),
                    "{err}"
                );
            }
        }
    }
}
