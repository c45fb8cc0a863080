//! Decoding the newest preview session fixture into `CheckoutSession`, in one group with the
//! reference: `serde_json::Value` parsing the same bytes; and the same for a session with
//! every field set (the preview's sample from `tests/fixtures/checkout-api/`, 300 leaves,
//! most of them in the `model!` subtrees such as payment method options).

use criterion::{Criterion, Throughput, criterion_group};
use std::hint::black_box;
use stripe_checkout_client::checkout::CheckoutSession;

const FIXTURE: &[u8] = include_bytes!("../tests/fixtures/checkout_session.json");

fn decode(c: &mut Criterion) {
    let mut group = c.benchmark_group("decode session");
    group.throughput(Throughput::Bytes(FIXTURE.len() as u64));
    group.bench_function("reference: serde_json::Value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(FIXTURE)).unwrap())
    });
    group.bench_function("CheckoutSession", |b| {
        b.iter(|| serde_json::from_slice::<CheckoutSession>(black_box(FIXTURE)).unwrap())
    });
    let full = full_session();
    group.bench_function("every field: reference: serde_json::Value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&full)).unwrap())
    });
    group.bench_function("every field: CheckoutSession", |b| {
        b.iter(|| serde_json::from_slice::<CheckoutSession>(black_box(&full)).unwrap())
    });
    group.finish();
}

/// The preview's session sample, as bytes, checked to decode.
fn full_session() -> Vec<u8> {
    let facts: serde_json::Value =
        serde_json::from_str(include_str!("../tests/fixtures/checkout-api/preview.json")).unwrap();
    let bytes = serde_json::to_vec(&facts["targets"]["session"]["sample"]).unwrap();
    serde_json::from_slice::<CheckoutSession>(&bytes).expect("the sample decodes");
    bytes
}

criterion_group!(benches, decode);

mod support;

fn main() {
    support::main(
        benches,
        "decode session",
        &[
            ("CheckoutSession", "reference: serde_json::Value"),
            (
                "every field: CheckoutSession",
                "every field: reference: serde_json::Value",
            ),
        ],
    );
}
