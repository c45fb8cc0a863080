//! Encoding parameters to Stripe's form body: the guide's create params (through serde's
//! `Serialize` with `form::to_string`, and as `create` sends them: checked, then the typed
//! encoder), a rich create (20 line items with `price_data` and metadata) and the
//! update-discounts body, beside the floor — `serde_urlencoded` writing the guide's
//! already-flattened pairs.

use criterion::{Criterion, criterion_group};
use std::hint::black_box;
use stripe_checkout_client::checkout::params::{PriceData, ProductData};
use stripe_checkout_client::checkout::{
    CreateSession, LineItem, PermissionOwner, SessionMode, UiMode, UpdateSession,
};
use stripe_checkout_client::discounts::{CouponData, Discount};
use stripe_checkout_client::{ApiVersion, form};

fn guide_create() -> CreateSession {
    CreateSession::new(SessionMode::Payment)
        .ui_mode(UiMode::Custom)
        .update_discounts(PermissionOwner::ServerOnly)
        .line_item(LineItem::price("price_1MotwRLkdIwHu7ixYcPLm5uZ", 1))
        .return_url("https://example.com/return")
}

fn rich_create() -> CreateSession {
    let mut params = guide_create()
        .metadata("order_id", "6735")
        .metadata("channel", "web");
    for i in 0u32..20 {
        let product = ProductData::new(format!("Product number {i}"))
            .description("A product with a description & some symbols: 100% [new]")
            .metadata("sku", format!("SKU-{i:05}"));
        params = params.line_item(LineItem::price_data(
            PriceData::new("usd", 1_000 + i64::from(i), product),
            u64::from(i % 3 + 1),
        ));
    }
    params
}

fn update_discounts_body() -> UpdateSession {
    UpdateSession::new()
        .discount(Discount::CouponData(
            CouponData::amount_off(2_000, "usd").name("Customer Discount"),
        ))
        .expand(["discounts"])
}

fn encode(c: &mut Criterion) {
    let mut group = c.benchmark_group("encode");
    let guide = guide_create();
    let rich = rich_create();
    let update = update_discounts_body();
    let guide_pairs = form::to_pairs(&guide).unwrap();

    group.bench_function("baseline: serde_urlencoded, guide pairs", |b| {
        b.iter(|| serde_urlencoded::to_string(black_box(&guide_pairs)).unwrap())
    });
    group.bench_function("guide create params", |b| {
        b.iter(|| form::to_string(black_box(&guide)).unwrap())
    });
    group.bench_function(
        "guide create params, as sent (checked, typed encoder)",
        |b| {
            let version = ApiVersion::server_update_beta();
            b.iter(|| form::encode_pairs(&black_box(&guide).form_pairs(&version).unwrap()))
        },
    );
    group.bench_function("update discounts body", |b| {
        b.iter(|| form::to_string(black_box(&update)).unwrap())
    });
    group.bench_function("rich create (20 line items)", |b| {
        b.iter(|| form::to_string(black_box(&rich)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, encode);

mod support;

fn main() {
    support::main(
        benches,
        "encode",
        &[
            (
                "guide create params",
                "baseline: serde_urlencoded, guide pairs",
            ),
            (
                "guide create params, as sent (checked, typed encoder)",
                "baseline: serde_urlencoded, guide pairs",
            ),
        ],
    );
}
