//! Decoding the newest preview session fixture into `CheckoutSession`, in one group with the
//! reference: `serde_json::Value` parsing the same bytes.

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
    group.finish();
}

criterion_group!(benches, decode);

mod support;

fn main() {
    support::main(
        benches,
        "decode session",
        &[("CheckoutSession", "reference: serde_json::Value")],
    );
}
