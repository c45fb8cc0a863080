//! Integration tests: the real client, through its public API, against loopback servers. One
//! binary (fast to link), in folders by what the tests exercise.
//!
//! # Where a new test goes
//!
//! | The test is about… | Folder | Fake |
//! |---|---|---|
//! | the exact pairs a params type sends, its local checks, its answer decoded | `endpoints/` (the resource's file; a new nested param goes in its params type's table test) | wiremock |
//! | what the same params send on each API version, or the official SDKs' recorded bytes | `wire/` (`versions.rs`, `vectors.rs`, `sdk_versions.rs`) | wiremock |
//! | headers, options, retries, errors, faults, secrets: true of every endpoint | `sending/` | wiremock, or `support::scripted_server` for faults wiremock cannot produce |
//! | Stripe's behaviour across requests (create → update → retrieve), or a Stripe rule | `emulator/` (`operations.rs`, `rules.rs`, `discounts.rs`) | the emulator |
//! | the discount flow, the example shop, webhooks | `flow/` | wiremock for the exact requests, the emulator for the scenario |
//! | the emulator as a tool (hooks, HTTP controls) | `emulator/` (`hooks.rs`, `controls.rs`) | the emulator |
//! | the source tree itself | `layout.rs` | none |
//!
//! **wiremock or the emulator?** Use wiremock when the assertion is about bytes: the method,
//! path, headers and form pairs that leave the client (`support::FormPairs`, `.expect(n)` so
//! "nothing sent" is checked too, and `support::mount_catch_all` so a missing mock fails
//! loudly), or an answer you script exactly. Use the emulator
//! (`stripe_checkout_client::testing::FakeStripe`) when the assertion is about state or
//! Stripe's rules: what a session holds after an update, totals, idempotent replay, a refusal
//! Stripe documents. The emulator decides on its own reading of Stripe, never on the client's
//! code, so it catches what a mock written from the client's assumptions cannot.
//!
//! The emulator crate's own tests (its rules in isolation, its limits) are in `emulator/`.
//! Unit tests of private machinery stay next to it in `src/`.

mod emulator;
mod endpoints;
mod flow;
mod layout;
mod sending;
mod support;
mod wire;
