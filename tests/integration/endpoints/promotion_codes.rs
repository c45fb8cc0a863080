//! The promotion code endpoints against the emulator: create, retrieve (with its coupon
//! expanded), update, and list with each filter and both cursors, on the guide's version and
//! on endive; and the requests they send, against wiremock.

use serde_json::json;
use stripe_checkout_client::ids::PromotionCodeId;
use stripe_checkout_client::promotion_codes::{
    CreatePromotionCode, ListPromotionCodes, UpdatePromotionCode,
};
use stripe_checkout_client::testing::{FakeStripe, FakeStripeExt};
use stripe_checkout_client::{ApiVersion, Client, Error};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{mock_client, pairs, request_pairs};

async fn fake() -> FakeStripe {
    let fake = FakeStripe::start().await;
    fake.add_coupon(
        "TENOFF",
        serde_json::json!({"amount_off": 1_000, "currency": "usd"}),
    )
    .add_coupon("QUARTER", serde_json::json!({"percent_off": 25.0}))
    .add_customer("cus_gold", None);
    fake
}

fn on(fake: &FakeStripe, version: ApiVersion) -> Client {
    fake.client_builder().api_version(version).build().unwrap()
}

#[tokio::test]
async fn codes_are_retrieved_updated_and_listed_on_every_version() {
    for version in [ApiVersion::server_update_beta(), ApiVersion::newest_ga()] {
        let fake = fake().await;
        let codes = on(&fake, version.clone());
        let codes = codes.promotion_codes();
        let summer = codes
            .create(
                &CreatePromotionCode::new("QUARTER")
                    .code("SUMMER")
                    .metadata("campaign", "summer"),
            )
            .await
            .unwrap();
        let gold = codes
            .create(
                &CreatePromotionCode::new("TENOFF")
                    .code("GOLD")
                    .customer("cus_gold"),
            )
            .await
            .unwrap();
        let old = codes
            .create(&CreatePromotionCode::new("TENOFF").code("OLD").active(false))
            .await
            .unwrap();

        let id = summer.id.clone();
        let read = codes.retrieve(&id).await.unwrap();
        assert_eq!(
            (read.code.as_deref(), read.coupon_id()),
            (Some("SUMMER"), Some("QUARTER"))
        );
        assert_eq!(
            read.metadata.get("campaign").map(String::as_str),
            Some("summer"),
            "{version}: the metadata it was created with"
        );
        let expanded = codes
            .retrieve(&id)
            .expand(["promotion.coupon"])
            .await
            .unwrap();
        let coupon = expanded
            .coupon()
            .unwrap_or_else(|| panic!("{version}: not expanded"));
        assert_eq!(coupon.percent_off, Some(25.0));

        let (summer_id, gold_id, old_id) = (
            summer.id.to_string(),
            gold.id.to_string(),
            old.id.to_string(),
        );
        let ids =
            |list: &[stripe_checkout_client::promotion_codes::PromotionCode]| -> Vec<&String> {
                list.iter()
                    .map(|c| c.id.as_str())
                    .map(|id| {
                        [&summer_id, &gold_id, &old_id]
                            .into_iter()
                            .find(|known| *known == id)
                            .unwrap()
                    })
                    .collect()
            };

        let all = codes.list(&ListPromotionCodes::new()).await.unwrap();
        assert_eq!(
            ids(&all.data),
            [&old_id, &gold_id, &summer_id],
            "newest first"
        );
        for (filter, want) in [
            (ListPromotionCodes::new().code("summer"), vec![&summer_id]),
            (
                ListPromotionCodes::new().active(true),
                vec![&gold_id, &summer_id],
            ),
            (ListPromotionCodes::new().active(false), vec![&old_id]),
            (
                ListPromotionCodes::new().coupon("TENOFF"),
                vec![&old_id, &gold_id],
            ),
            (
                ListPromotionCodes::new().customer("cus_gold"),
                vec![&gold_id],
            ),
            (
                ListPromotionCodes::new().code("SUMMER").active(false),
                Vec::<&String>::new(),
            ),
        ] {
            let got = codes.list(&filter).await.unwrap();
            assert_eq!(ids(&got.data), want, "{filter:?} on {version}");
        }
        let first = codes
            .list(&ListPromotionCodes::new().limit(2))
            .await
            .unwrap();
        assert!(first.has_more);
        let next = codes
            .list(
                &ListPromotionCodes::new()
                    .limit(2)
                    .starting_after(gold.id.clone()),
            )
            .await
            .unwrap();
        assert_eq!((ids(&next.data), next.has_more), (vec![&summer_id], false));
        let back = codes
            .list(&ListPromotionCodes::new().ending_before(summer.id.clone()))
            .await
            .unwrap();
        assert_eq!(ids(&back.data), [&old_id, &gold_id]);

        let switched = codes
            .update(
                &id,
                &UpdatePromotionCode::new()
                    .active(false)
                    .metadata("why", "ended"),
            )
            .await
            .unwrap();
        assert_eq!(switched.active, Some(false));
        assert_eq!(
            switched.metadata.get("why").map(String::as_str),
            Some("ended")
        );
        let active = codes
            .list(&ListPromotionCodes::new().active(true))
            .await
            .unwrap();
        assert_eq!(ids(&active.data), [&gold_id]);
        let cleared = codes
            .update(&id, &UpdatePromotionCode::new().clear_metadata())
            .await
            .unwrap();
        assert!(cleared.metadata.is_empty());

        // Switching a code back on while another active code has the same text is refused.
        codes
            .create(&CreatePromotionCode::new("TENOFF").code("Summer"))
            .await
            .unwrap();
        match codes
            .update(&id, &UpdatePromotionCode::new().active(true))
            .await
        {
            Err(Error::Api(api)) => assert_eq!(api.param.as_deref(), Some("active")),
            other => panic!("{other:?}"),
        }
        // The switched-off code's other fields still change, and an active code may be
        // told it is active.
        codes
            .update(&id, &UpdatePromotionCode::new().metadata("why", "twin"))
            .await
            .unwrap();
        let gold_again = codes
            .update(&gold.id, &UpdatePromotionCode::new().active(true))
            .await
            .unwrap();
        assert_eq!(gold_again.active, Some(true));
        let unknown: PromotionCodeId = "promo_missing".parse().unwrap();
        match codes.retrieve(&unknown).await {
            Err(Error::Api(api)) => assert_eq!(api.status, 404),
            other => panic!("{other:?}"),
        }
    }
}

#[tokio::test]
async fn the_requests_are_what_stripe_documents() {
    let server = MockServer::start().await;
    let code: serde_json::Value =
        serde_json::from_str(include_str!("../../fixtures/promotion_code.json")).unwrap();
    Mock::given(method("GET"))
        .and(path("/v1/promotion_codes"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "object": "list", "url": "/v1/promotion_codes", "has_more": false, "data": [code],
        })))
        .mount(&server)
        .await;
    Mock::given(path("/v1/promotion_codes/promo_1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(code))
        .mount(&server)
        .await;
    let client = mock_client(&server);
    let codes = client.promotion_codes();
    let found = codes
        .list(
            &ListPromotionCodes::new()
                .code("SUMMER")
                .active(true)
                .coupon("QUARTER")
                .customer("cus_1")
                .limit(1)
                .expand(["data.promotion.coupon"]),
        )
        .await
        .unwrap();
    assert_eq!(found.data.len(), 1);
    let id: PromotionCodeId = "promo_1".parse().unwrap();
    codes
        .update(&id, &UpdatePromotionCode::new().active(false))
        .idempotency_key("k-1")
        .await
        .unwrap();
    codes
        .retrieve(&id)
        .expand(["promotion.coupon"])
        .await
        .unwrap();
    let sent = server.received_requests().await.unwrap();
    assert_eq!(
        request_pairs(&sent[0]),
        pairs(&[
            ("active", "true"),
            ("code", "SUMMER"),
            ("coupon", "QUARTER"),
            ("customer", "cus_1"),
            ("limit", "1"),
            ("expand[0]", "data.promotion.coupon"),
        ])
    );
    assert_eq!(
        (sent[1].method.as_str(), request_pairs(&sent[1])),
        ("POST", pairs(&[("active", "false")]))
    );
    assert_eq!(
        request_pairs(&sent[2]),
        pairs(&[("expand[0]", "promotion.coupon")])
    );

    // Refused before sending, each naming its param.
    for (params, param) in [
        (ListPromotionCodes::new().limit(0), "limit"),
        (ListPromotionCodes::new().limit(101), "limit"),
        (ListPromotionCodes::new().code(""), "code"),
        (ListPromotionCodes::new().coupon("not a/valid id"), "coupon"),
        (ListPromotionCodes::new().customer("pi_1"), "customer"),
        (
            ListPromotionCodes::new().starting_after("FALL"),
            "starting_after",
        ),
        (
            ListPromotionCodes::new()
                .starting_after("promo_a")
                .ending_before("promo_b"),
            "ending_before",
        ),
        (ListPromotionCodes::new().expand([""]), "expand[0]"),
    ] {
        match codes.list(&params).await {
            Err(Error::InvalidParams { param: got, .. }) => assert_eq!(got, param, "{params:?}"),
            other => panic!("{params:?}: {other:?}"),
        }
    }
    match codes
        .update(&id, &UpdatePromotionCode::new().metadata("", "x"))
        .await
    {
        Err(Error::InvalidParams { param, .. }) => assert_eq!(param, "metadata"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        3,
        "nothing more was sent"
    );
}
