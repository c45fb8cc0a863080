//! Any text the form decoder accepts as update or create parameters encodes back to a body
//! that decodes to the same parameters; no input panics the decoder.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stripe_checkout_client::checkout::{CreateSession, UpdateSession};
use stripe_checkout_client::form;
use stripe_checkout_client::testing::decode_form;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(update) = decode_form::<UpdateSession>(text) {
        let body = form::to_string(&update).expect("decoded params encode");
        let again: UpdateSession = decode_form(&body).expect("encoded params decode");
        assert_eq!(again, update);
    }
    if let Ok(create) = decode_form::<CreateSession>(text) {
        let body = form::to_string(&create).expect("decoded params encode");
        let again: CreateSession = decode_form(&body).expect("encoded params decode");
        assert_eq!(again, create);
    }
    let _ = decode_form::<serde_json::Value>(text);
});
