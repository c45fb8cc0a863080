//! Any `Stripe-Signature` header, against any payload, gives a verdict without panicking; a
//! header made by `test_header` for the payload always verifies.
#![no_main]

use std::time::{Duration, UNIX_EPOCH};

use libfuzzer_sys::fuzz_target;
use stripe_checkout_client::webhook::{DEFAULT_TOLERANCE, test_header, verify_signature};

fuzz_target!(|data: &[u8]| {
    let split = data.first().map_or(0, |b| usize::from(*b)).min(data.len());
    let (header, payload) = data.split_at(split);
    let now = UNIX_EPOCH + Duration::from_secs(1_767_225_600);
    if let Ok(header) = std::str::from_utf8(header) {
        let _ = verify_signature(payload, header, &["whsec_fuzz"], DEFAULT_TOLERANCE, now);
    }
    let signed = test_header(payload, "whsec_fuzz", 1_767_225_600);
    assert!(verify_signature(payload, &signed, &["whsec_fuzz"], DEFAULT_TOLERANCE, now).is_ok());
});
