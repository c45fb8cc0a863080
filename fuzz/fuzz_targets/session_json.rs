//! Decoding any bytes as a Checkout Session (or an event's session) never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stripe_checkout_client::checkout::CheckoutSession;

fuzz_target!(|data: &[u8]| {
    let _ = serde_json::from_slice::<CheckoutSession>(data);
});
