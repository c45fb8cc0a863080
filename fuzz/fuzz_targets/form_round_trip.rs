//! Any text the emulator (an independent decoder) accepts as create or update parameters, and
//! the client's params types can read, encodes back to a body the emulator accepts and reads
//! into the same parameters; no input panics either side.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use stripe_checkout_client::checkout::{CreateSession, UpdateSession};
use stripe_checkout_client::form;
use stripe_checkout_client::testing::{Method, check_params};

/// The preview: it has every param the client sends, under the current `ui_mode` names.
const VERSION: &str = "2026-08-26.preview";

fn decode<T: DeserializeOwned>(path: &str, text: &str) -> Option<T> {
    let typed = check_params(Method::Post, path, VERSION, text).ok()?;
    serde_json::from_value(typed).ok()
}

fn round_trip<T>(path: &str, text: &str)
where
    T: DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
{
    if let Some(params) = decode::<T>(path, text) {
        let body = form::to_string(&params).expect("decoded params encode");
        let again: T = decode(path, &body).expect("encoded params decode");
        assert_eq!(again, params);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    round_trip::<UpdateSession>("/v1/checkout/sessions/cs_test_1", text);
    round_trip::<CreateSession>("/v1/checkout/sessions", text);
});
