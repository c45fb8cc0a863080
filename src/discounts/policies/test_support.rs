//! Helpers for the policies' unit tests: sessions from JSON, requests, a blocking executor.

use std::future::Future;

use serde_json::{Value, json};

use crate::checkout::CheckoutSession;
use crate::discounts::{Discount, DiscountPolicy, DiscountRequest};
use crate::ids::CheckoutSessionId;

/// Runs a future to completion on a fresh current-thread runtime.
pub(crate) fn block_on<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("tokio runtime")
        .block_on(future)
}

/// A session with the given fields on top of `id` and `object`.
pub(crate) fn session(fields: Value) -> CheckoutSession {
    let mut value = json!({"id": "cs_test_policy", "object": "checkout.session"});
    let (Value::Object(base), Value::Object(extra)) = (&mut value, fields) else {
        panic!("session fields must be a JSON object");
    };
    base.extend(extra);
    serde_json::from_value(value).expect("valid checkout session JSON")
}

/// A session with only a subtotal and a currency.
pub(crate) fn priced_session(subtotal: i64, currency: &str) -> CheckoutSession {
    session(json!({"amount_subtotal": subtotal, "currency": currency}))
}

/// A request that says nothing about which discounts it wants.
pub(crate) fn request() -> DiscountRequest {
    DiscountRequest::new(CheckoutSessionId::new("cs_test_policy").unwrap())
}

/// A request to remove every discount.
pub(crate) fn removal() -> DiscountRequest {
    request().with_discounts([])
}

/// `policy.recompute` for [`request`], which must succeed.
pub(crate) fn recompute<P: DiscountPolicy + ?Sized>(
    policy: &P,
    session: &CheckoutSession,
) -> Vec<Discount> {
    block_on(policy.recompute(&request(), session)).expect("recompute succeeds")
}

/// The single amount-off coupon in `discounts` as `(amount, currency, name)`; `None` for an
/// empty list. Panics on anything else: every policy here produces exactly that shape.
pub(crate) fn amount_off(discounts: &[Discount]) -> Option<(i64, String, String)> {
    match discounts {
        [] => None,
        [only] => {
            let data = only.as_coupon_data().expect("an inline coupon");
            assert!(data.percent_off.is_none());
            Some((
                data.amount_off.expect("amount_off"),
                data.currency.clone().expect("currency"),
                data.name.clone().expect("name"),
            ))
        }
        more => panic!("expected at most one discount, got {more:?}"),
    }
}
