//! The coupon endpoints: create, retrieve, update, delete and list against the emulator, the
//! requests they send against wiremock, and the rules refused before sending.

use serde_json::{Value, json};
use stripe_checkout_client::coupons::{CouponDuration, CreateCoupon, ListCoupons, UpdateCoupon};
use stripe_checkout_client::ids::CouponId;
use stripe_checkout_client::promotion_codes::CreatePromotionCode;
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt};
use stripe_checkout_client::{Error, Method};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{mock_client, pairs, request_pairs};

fn id(s: &str) -> CouponId {
    s.parse().unwrap()
}

#[tokio::test]
async fn coupons_are_created_read_changed_listed_and_deleted() {
    let fake = FakeStripe::start().await;
    let client = fake.client();
    let coupons = client.coupons();
    let ten = coupons
        .create(
            &CreateCoupon::amount_off(1_000, "usd")
                .id("TENOFF")
                .name("Ten off")
                .currency_option("eur", 900)
                .max_redemptions(50)
                .redeem_by(1_900_000_000)
                .applies_to_products(["prod_jacket"])
                .metadata("campaign", "spring"),
        )
        .expand(["applies_to", "currency_options"])
        .await
        .unwrap();
    assert_eq!(ten.id, "TENOFF");
    assert_eq!(
        (ten.amount_off, ten.currency.as_deref()),
        (Some(1_000), Some("usd"))
    );
    assert_eq!(
        (ten.max_redemptions, ten.redeem_by),
        (Some(50), Some(1_900_000_000))
    );
    assert_eq!(ten.applies_to.as_ref().unwrap().products, ["prod_jacket"]);
    assert_eq!(ten.currency_options["eur"].amount_off, 900);
    let quarter = coupons
        .create(&CreateCoupon::percent_off(25.0).repeating(3))
        .await
        .unwrap();
    assert_eq!(quarter.duration, Some(CouponDuration::Repeating));
    assert_eq!(quarter.duration_in_months, Some(3));
    assert_eq!(quarter.id.len(), 8, "a generated id");

    let read = coupons
        .retrieve(&id("TENOFF"))
        .expand(["applies_to", "currency_options"])
        .await
        .unwrap();
    assert_eq!(read, ten);
    // Stripe leaves both out unless they are expanded.
    let plain = coupons.retrieve(&id("TENOFF")).await.unwrap();
    assert_eq!((plain.applies_to, plain.currency_options.len()), (None, 0));
    let renamed = coupons
        .update(
            &id("TENOFF"),
            &UpdateCoupon::new()
                .name("Ten dollars off")
                .currency_option("gbp", 800)
                .clear_metadata(),
        )
        .expand(["currency_options"])
        .await
        .unwrap();
    assert_eq!(renamed.name.as_deref(), Some("Ten dollars off"));
    // A percent-off coupon takes a new name, but no amounts in other currencies.
    let quarter_id = id(&quarter.id);
    let renamed_quarter = coupons
        .update(&quarter_id, &UpdateCoupon::new().name("A quarter off"))
        .await
        .unwrap();
    assert_eq!(renamed_quarter.name.as_deref(), Some("A quarter off"));
    match coupons
        .update(
            &quarter_id,
            &UpdateCoupon::new().currency_option("eur", 100),
        )
        .await
    {
        Err(Error::Api(api)) => assert_eq!(api.param.as_deref(), Some("currency_options")),
        other => panic!("{other:?}"),
    }
    assert_eq!(renamed.currency_options["gbp"].amount_off, 800);
    assert!(renamed.metadata.is_empty());

    let page = coupons.list(&ListCoupons::new()).await.unwrap();
    let ids: Vec<&str> = page.data.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, [quarter.id.as_str(), "TENOFF"], "newest first");
    let after = coupons
        .list(
            &ListCoupons::new()
                .limit(1)
                .starting_after(quarter.id.as_str()),
        )
        .await
        .unwrap();
    assert_eq!(after.data[0].id, "TENOFF");
    assert!(!after.has_more);

    // A coupon id in use, and what the emulator refuses as Stripe does.
    match coupons
        .create(&CreateCoupon::percent_off(5.0).id("TENOFF"))
        .await
    {
        Err(Error::Api(api)) => {
            assert_eq!(
                (api.param.as_deref(), api.code.as_deref()),
                (Some("id"), Some("resource_already_exists"))
            );
        }
        other => panic!("{other:?}"),
    }
    for (raw, param) in [
        (
            json!({"percent_off": 5, "amount_off": 100, "currency": "usd"}),
            "percent_off",
        ),
        (json!({"amount_off": 100}), "currency"),
        (json!({"amount_off": 0, "currency": "usd"}), "amount_off"),
        (json!({"percent_off": 0}), "percent_off"),
        (json!({"percent_off": 100.5}), "percent_off"),
        (
            json!({"percent_off": 5, "currency_options": {"eur": {"amount_off": 1}}}),
            "currency_options",
        ),
    ] {
        let err = client
            .request_raw::<Value, _>(Method::Post, "/v1/coupons", &raw)
            .await
            .unwrap_err();
        assert_eq!(err.as_api().unwrap().param.as_deref(), Some(param), "{raw}");
    }

    // The smallest amount and the whole price are coupons Stripe takes.
    for edge in [
        json!({"amount_off": 1, "currency": "usd"}),
        json!({"percent_off": 100}),
    ] {
        let made: Value = client
            .request_raw(Method::Post, "/v1/coupons", &edge)
            .await
            .unwrap_or_else(|err| panic!("{edge}: {err}"));
        coupons
            .delete(&id(made["id"].as_str().unwrap()))
            .await
            .unwrap();
    }

    // Deleted: gone for new codes and reads, and from the list.
    let deleted = coupons.delete(&id("TENOFF")).await.unwrap();
    assert_eq!((deleted.id.as_str(), deleted.deleted), ("TENOFF", true));
    match coupons.retrieve(&id("TENOFF")).await {
        Err(Error::Api(api)) => assert_eq!(api.status, 404),
        other => panic!("{other:?}"),
    }
    match client
        .promotion_codes()
        .create(&CreatePromotionCode::new("TENOFF"))
        .await
    {
        // A missing object the params name is a bad request, not a missing URL.
        Err(Error::Api(api)) => assert_eq!(api.status, 400),
        other => panic!("{other:?}"),
    }
    let left = coupons.list(&ListCoupons::new()).await.unwrap();
    assert_eq!(left.data.len(), 1);
}

#[tokio::test]
async fn the_requests_are_what_stripe_documents_and_bad_ones_are_not_sent() {
    let server = MockServer::start().await;
    let coupon: Value = serde_json::from_str(include_str!("../../fixtures/coupon.json")).unwrap();
    Mock::given(method("DELETE"))
        .and(path("/v1/coupons/SUMMER25"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"id": "SUMMER25", "object": "coupon", "deleted": true})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/coupons"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"object": "list", "url": "/v1/coupons", "has_more": false, "data": [coupon]}),
        ))
        .mount(&server)
        .await;
    Mock::given(path("/v1/coupons/SUMMER25"))
        .respond_with(ResponseTemplate::new(200).set_body_json(coupon.clone()))
        .mount(&server)
        .await;
    Mock::given(path("/v1/coupons"))
        .respond_with(ResponseTemplate::new(200).set_body_json(coupon))
        .mount(&server)
        .await;
    let client = mock_client(&server);
    let coupons = client.coupons();
    coupons
        .create(
            &CreateCoupon::percent_off(12.5)
                .id("SUMMER25")
                .duration(CouponDuration::Forever),
        )
        .await
        .unwrap();
    coupons
        .update(
            &id("SUMMER25"),
            &UpdateCoupon::new().name("Summer").metadata("a", "1"),
        )
        .await
        .unwrap();
    coupons.delete(&id("SUMMER25")).await.unwrap();
    coupons
        .list(&ListCoupons::new().limit(3).ending_before("WINTER"))
        .await
        .unwrap();
    let sent = server.received_requests().await.unwrap();
    let seen: Vec<(String, Vec<(String, String)>)> = sent
        .iter()
        .map(|r| (format!("{} {}", r.method, r.url.path()), request_pairs(r)))
        .collect();
    assert_eq!(
        seen,
        [
            (
                "POST /v1/coupons".to_owned(),
                pairs(&[
                    ("id", "SUMMER25"),
                    ("percent_off", "12.5"),
                    ("duration", "forever")
                ])
            ),
            (
                "POST /v1/coupons/SUMMER25".to_owned(),
                pairs(&[("name", "Summer"), ("metadata[a]", "1")])
            ),
            ("DELETE /v1/coupons/SUMMER25".to_owned(), vec![]),
            (
                "GET /v1/coupons".to_owned(),
                pairs(&[("limit", "3"), ("ending_before", "WINTER")])
            ),
        ]
    );

    let refused = [
        (CreateCoupon::percent_off(0.0), "percent_off"),
        (CreateCoupon::percent_off(100.5), "percent_off"),
        (CreateCoupon::amount_off(0, "usd"), "amount_off"),
        (CreateCoupon::amount_off(100, "dollars"), "currency"),
        (CreateCoupon::percent_off(5.0).id("not a/valid id"), "id"),
        (CreateCoupon::percent_off(5.0).name("x".repeat(41)), "name"),
        (
            CreateCoupon::percent_off(5.0).duration(CouponDuration::Repeating),
            "duration_in_months",
        ),
        (
            CreateCoupon::percent_off(5.0).repeating(0),
            "duration_in_months",
        ),
        (
            CreateCoupon::percent_off(5.0).currency_option("eur", 100),
            "currency_options",
        ),
        (
            CreateCoupon::amount_off(100, "usd").currency_option("euro", 100),
            "currency_options[euro]",
        ),
        (
            CreateCoupon::amount_off(100, "usd").currency_option("eur", 0),
            "currency_options[eur][amount_off]",
        ),
        (
            CreateCoupon::percent_off(5.0).max_redemptions(0),
            "max_redemptions",
        ),
        (CreateCoupon::percent_off(5.0).redeem_by(-1), "redeem_by"),
        (
            CreateCoupon::percent_off(5.0).applies_to_products([""]),
            "applies_to[products][0]",
        ),
        (CreateCoupon::percent_off(5.0).metadata("", "x"), "metadata"),
        (CreateCoupon::percent_off(5.0).expand([" "]), "expand[0]"),
    ];
    for (params, param) in refused {
        match coupons.create(&params).await {
            Err(Error::InvalidParams { param: got, .. }) => assert_eq!(got, param, "{params:?}"),
            other => panic!("{params:?}: {other:?}"),
        }
    }
    for (params, param) in [
        (UpdateCoupon::new().name("y".repeat(41)), "name"),
        (
            UpdateCoupon::new().currency_option("eu", 5),
            "currency_options[eu]",
        ),
        (
            UpdateCoupon::new().currency_option("eur", -5),
            "currency_options[eur][amount_off]",
        ),
    ] {
        match coupons.update(&id("SUMMER25"), &params).await {
            Err(Error::InvalidParams { param: got, .. }) => assert_eq!(got, param, "{params:?}"),
            other => panic!("{params:?}: {other:?}"),
        }
    }
    for (params, param) in [
        (ListCoupons::new().limit(0), "limit"),
        (
            ListCoupons::new().starting_after("A").ending_before("B"),
            "ending_before",
        ),
        (
            ListCoupons::new().starting_after("no/slash"),
            "starting_after",
        ),
    ] {
        match coupons.list(&params).await {
            Err(Error::InvalidParams { param: got, .. }) => assert_eq!(got, param, "{params:?}"),
            other => panic!("{params:?}: {other:?}"),
        }
    }
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        4,
        "nothing more was sent"
    );
}
