//! Integration tests: the real client against loopback servers (wiremock, or a raw TCP
//! listener where wiremock cannot misbehave enough).

mod checkout;
mod discount_flow;
mod errors;
mod headers;
mod redaction;
mod retries;
mod support;
mod wire_vectors;
