//! Integration tests: the real client against loopback servers (wiremock, or a raw TCP
//! listener where wiremock cannot misbehave enough).

mod bad_inputs;
mod checkout;
mod coupons;
mod coverage;
mod create_params;
mod discount_flow;
mod emulator;
mod emulator_controls;
mod emulator_hooks;
mod errors;
mod extra_params;
mod headers;
mod layout;
mod leaf_sample;
mod merchant_server;
mod options;
mod promotion_codes;
mod properties;
mod redaction;
mod reliability;
mod retries;
mod support;
mod typed_codes;
mod versions;
mod webhooks;
mod wire_vectors;
mod wire_versions;
