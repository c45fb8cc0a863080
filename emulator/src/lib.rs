#![deny(missing_docs)]
#![deny(missing_debug_implementations)]
// `json!` recurses once per token: the session object, with every field its SDKs type as
// present, is past the default of 128.
#![recursion_limit = "256"]
//! A stateful emulator of Stripe's Checkout Session, coupon and promotion code API
//! ([`FakeStripe`]), for tests in any language: a library a Rust test starts in-process, and
//! the `stripe-checkout-emulator` binary any official Stripe SDK can be pointed at.
//!
//! Stripe's own `stripe-mock` is stateless (an update does not change what the next retrieve
//! returns) and only checks shapes; the sandbox needs a network and an account. This emulator
//! runs on `127.0.0.1`, keeps the sessions it creates, computes their amounts and discounts,
//! applies Stripe's coupon and promotion code rules, and answers in the shape of each
//! request's `Stripe-Version`, errors included. It shares no code with any client: every
//! request is checked against the facts of the official Node SDK of its API version
//! (`facts/`), so a client's tests against it are tested against Stripe's reading of Stripe,
//! not against the client itself.
//!
//! ```
//! use stripe_checkout_emulator::{FakeStripe, TEST_SECRET_KEY};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let fake = FakeStripe::start().await;
//! fake.add_price("price_jacket", 12_000, "usd");
//! let http = reqwest::Client::new();
//! let create = |body: &'static [(&'static str, &'static str)]| {
//!     http.post(format!("{}/v1/checkout/sessions", fake.uri()))
//!         .bearer_auth(TEST_SECRET_KEY)
//!         .header("Stripe-Version", "2025-03-31.basil")
//!         .form(body)
//!         .send()
//! };
//!
//! // A session, as any SDK would create it.
//! let ok = create(&[("mode", "payment"), ("line_items[0][price]", "price_jacket"),
//!                   ("line_items[0][quantity]", "1")]).await?;
//! assert_eq!(ok.status(), 200);
//!
//! // What Stripe refuses is refused, naming the offending leaf.
//! let refused = create(&[("mode", "barter")]).await?;
//! assert_eq!(refused.status(), 400);
//! let error: serde_json::Value = serde_json::from_str(&refused.text().await?)?;
//! assert_eq!(error["error"]["type"], "invalid_request_error");
//! assert_eq!(error["error"]["param"], "mode");
//! # Ok(()) }
//! ```
//!
//! # What is modelled
//!
//! - **Endpoints**: create, retrieve, update, expire and list Checkout Sessions (with
//!   `starting_after`/`ending_before` pagination and the `status`, `customer` and `created`
//!   filters), list a session's line items; create, retrieve, update, delete and list
//!   coupons; create, retrieve, update and list promotion codes (by `code`, `active`,
//!   `coupon`, `customer`, `created`); retrieve shipping rates. An unknown route is Stripe's
//!   404.
//! - **Authentication**: a test-mode key (`sk_test_…` or `rk_test_…`) as `Authorization:
//!   Bearer`, as the SDKs send it, or as the HTTP Basic user name with any password, as
//!   Stripe's curl examples send it (`curl -u sk_test_…:`; authentication guide). A missing
//!   or other key is a 401 without the key in its message.
//! - **Requests checked as Stripe checks them**: bodies and query strings are Stripe's
//!   bracket form encoding, read against the params the official Node SDK of the request's
//!   version types: unknown params, integers, numbers, booleans, enum values (closed: an
//!   unknown value is refused even where newer SDKs type enums as open), decimals, lists,
//!   maps, required params and clearing with an empty value. Then the documented bounds and
//!   one-of rules (see [Rules whose exact error Stripe does not document](#rules-whose-exact-error-stripe-does-not-document)).
//!   A refusal is Stripe's 400 `invalid_request_error` with `code` and the offending leaf as
//!   `param` (`line_items[0][quantity]`, not its parent).
//! - **Amounts**: `amount_subtotal` from the line items (catalog prices or inline
//!   `price_data`, whose `unit_amount` is at most 99,999,999 minor units and whose
//!   `unit_amount_decimal` has at most 12 decimals and is multiplied by the quantity before
//!   rounding; an item priced inline for an existing `product` shows that product's name, as
//!   Stripe does), one discount per session from a coupon id, a promotion code id or inline
//!   `coupon_data` (which gets a generated coupon id); `amount_off` capped at the subtotal,
//!   `percent_off` kept to two decimals (Stripe's precision) and the amount rounded half up to
//!   the minor unit; `total_details.amount_discount`, `amount_total`, and each line item's
//!   share of the discount; shipping: `shipping_options` (at most 5, each a known
//!   `shipping_rate` or inline `shipping_rate_data`, which gets an `shr_…` id of its own) with
//!   the first option selected as `shipping_cost`, its amount in
//!   `total_details.amount_shipping` and `amount_total` (subtotal − discount + shipping:
//!   discounts never reduce shipping).
//! - **Server updates** (Stripe's "dynamic updates" family, see [Server updates](#server-updates)):
//!   whole-array line items, shipping options and details, the preview's discounts and trials,
//!   `payment_intent_data`, each on the sessions, modes and API versions Stripe documents.
//! - **Rules**: discount updates need `permissions[update_discounts]=server_only` (see
//!   [Server updates](#server-updates) for the others); complete and expired sessions
//!   refuse updates; coupons must match the session's currency (their own or a
//!   `currency_options` amount), also when new line items change it under a discount that
//!   stays; `expires_at` between 30
//!   minutes and 24 hours; `return_url` for `elements`/`embedded_page` (`custom`/`embedded`
//!   before dahlia), never `success_url`; `mode` is required; a create's line items take
//!   `price` or `price_data`, an update's `id`, `price` or `price_data`.
//! - **Redemption**: a coupon past `redeem_by` or out of `max_redemptions`, or limited by
//!   `applies_to` to products the cart does not hold, is refused; a promotion code that is
//!   inactive, past `expires_at`, out of redemptions, another customer's, for first orders
//!   when the customer (or the guest's email) completed a session before, or for a larger
//!   order (`restrictions.minimum_amount`, or its `currency_options` amount in the session's
//!   currency) is refused too. A product-limited coupon discounts only its products' items.
//!   A completed session counts one redemption of its coupon, and of its promotion code when
//!   it named one (`times_redeemed`). Coupons' `applies_to` and `currency_options`, and codes'
//!   `restrictions.currency_options`, are shown only when expanded, as Stripe does.
//! - **API versions**: the facts are those of the SDK pinned to the newest version on or before
//!   the request's date (basil 2025-03-31, clover 2025-09-30 and 2025-12-15, dahlia
//!   2026-03-25, endive 2026-09-30 and 2026-10-28). A `.preview` release dated from
//!   2026-08-26 until endive gets the preview SDK's facts; any other preview version (a beta
//!   flag such as the guide's `2025-03-31.basil; checkout_server_update_beta=v1`, or a
//!   `.preview` of another date) gets its GA facts plus the Checkout params only the preview
//!   SDK has (update-time `discounts`, `permissions[update_discounts]`, inline
//!   `coupon_data`, …). Answers follow the version too: `ui_mode` under that version's names,
//!   discounts and promotion codes with basil's nested `coupon` or clover's
//!   `source`/`promotion`, `allowed_payment_method_types` from endive. A version that does not
//!   parse, or whose release name is not its date's (`basil` from 2025-03-31, `clover` from
//!   2025-09-30, `dahlia` from 2026-03-25, `endive` from 2026-09-30; `preview` and `private`
//!   any day), is refused. Webhook events carry the version of the endpoint
//!   ([`FakeStripe::set_webhook_api_version`]) and the session in its shape.
//! - **Answers**: an update's answer omits `discounts` unless expanded, as Stripe documents;
//!   `expand` of `discounts`, `discounts.coupon`, `discounts.promotion_code`, `line_items`,
//!   `line_items.data.price.product` (and a line item list's `data.price.product`),
//!   `customer`, `total_details.breakdown`, `shipping_options.shipping_rate` and
//!   `shipping_cost.shipping_rate`; any other path is refused naming `expand[n]`. An expanded
//!   product has the fields the SDK's `Product` types (`tax_details` from stripe@23): its
//!   name, and what inline `product_data` sent (`description`, `images`, `metadata`,
//!   `tax_code`, `unit_label`); the emulator models no more of a product. A session answer
//!   has every field its version's SDK types as always present: what the session set, else
//!   what Stripe shows for a session that set none (`null`; `custom_fields` `[]`,
//!   `custom_text` with its four texts `null`, `payment_method_options` `{}`, as Stripe's
//!   OpenAPI fixture). `customer_account`, `integration_identifier`, `managed_payments`,
//!   `origin_context` and `wallet_options` came after basil, each with the create param of
//!   its name (the SDK changelogs), so a version shows them when its create takes them.
//!   `permissions` holds the permissions the version's create takes: only
//!   `update_shipping_details` in generally available versions (the basil and endive SDKs;
//!   the dynamic-updates facts), the preview's `update_discounts` and `update_line_items` too
//!   in the previews and beta-flagged versions. A `Request-Id` on every answer. A line item shows
//!   `metadata` and `adjustable_quantity` in the versions whose updates can set them
//!   (2025-12-15.clover on, and the previews), not in basil's.
//! - **Idempotency**: a repeated `Idempotency-Key` with the same parameters replays the first
//!   answer (`Idempotent-Replayed: true`) without applying anything again; with different
//!   parameters it is a 400 `idempotency_error`. Answers of 500 and above are not saved, and
//!   a key is forgotten after 24 hours on the emulator's clock.
//! - **Missing objects**: the object the URL names is a 404 `resource_missing`; an object the
//!   params name (a price, a coupon, a customer, a list cursor) is a 400 `resource_missing`
//!   naming the param. A deleted coupon is gone for the API and new discounts; sessions that
//!   carry it keep their discount.
//! - **Faults, responders, expectations**: [`Fault`] (status, delay, dropped connection;
//!   before or after the change applies, or a malformed body), for any request or those of a
//!   [`Route`] (method and path pattern); [`FakeStripe::respond`] answers a route with your
//!   own [`Reply`] or passes it through; [`FakeStripe::expect`] wants a number of requests on
//!   a route and fails the test that drops the emulator when they did not come
//!   ([`UnmetExpectations`]).
//! - **Inspection**: the request journal ([`RecordedRequest`], with the params as sent and as
//!   the facts typed them), [`check_params`] to check a body without running it, connection
//!   counting, a settable clock,
//!   [`FakeStripe::session_settings`] (the trial and payment intent data a session holds
//!   but does not show) and [`FakeStripe::session`].
//! - **Every payment outcome, and its events**: [`FakeStripe::complete_session_with`] pays
//!   by card or with a delayed method that [`FakeStripe::settle_async_payment`] settles
//!   later; expiring (through the API, or a lapsed `expires_at`) is an event too. Events are
//!   served at `GET /v1/events` and `/v1/events/{id}` in the request's version, and signed
//!   and sent to your endpoint ([`FakeStripe::send_webhooks_to`]) as Stripe sends them:
//!   refused deliveries retried with backoff, and on demand duplicated, reordered or failed
//!   first ([`WebhookFaults`]).
//! - **Bounded memory**: [`Limits`] caps the journal (by entries and bytes), idempotency
//!   records and sessions, so a long-running emulator stays flat (about 150 MiB with the
//!   defaults in the README's soak). Coupons and promotion codes a test creates through the
//!   API are kept until deleted.
//! - **Over HTTP**, for other languages: [`FakeStripe::enable_controls`] serves the test
//!   controls under `/_fake/`; the binary turns them on.
//!
//! # Rules whose exact error Stripe does not document
//!
//! Stripe documents these rules but not the words of its refusal; the emulator answers a 400
//! `invalid_request_error` naming the param, with messages of its own:
//!
//! | rule | source | `param` | message |
//! |---|---|---|---|
//! | numbers are integers, except `percent_off` and `application_fee_percent` | Stripe's OpenAPI spec | the leaf | `Invalid integer: …` |
//! | an empty value for a param that cannot be cleared | Stripe's API reference ("unset a parameter") | the leaf | `You passed an empty string for '…'. …` |
//! | `unit_amount` from 0 to 99,999,999; `unit_amount_decimal` at most 12 decimals and the same bound | Prices API | the leaf | `This value must be less than or equal to 99999999.` |
//! | a line item's `quantity` from 1 to 999,999; `adjustable_quantity` bounds within 0 to 999,999, `minimum` ≤ `maximum` | Checkout guide | the leaf | `This value must be …` |
//! | `percent_off` above 0 and at most 100; `amount_off`, `max_redemptions`, `duration_in_months` at least 1 | Coupons API | the leaf | `This value must be …` |
//! | a coupon has exactly one of `amount_off` (with `currency`) and `percent_off`; `duration_in_months` with `duration=repeating` and only then | Coupons API | the missing or extra leaf | `Missing required param: …` / `You may only specify one of these parameters: …` |
//! | a coupon `name` at most 40 characters; any string at most 5,000 | Coupons API; OpenAPI spec | the leaf | `Invalid string: must be at most … characters` |
//! | a currency is an ISO 4217 code (which of them Stripe supports for an account is not checked) | Currencies guide | the leaf or `currency_options[…]` key | `Invalid currency: …` |
//! | metadata: at most 50 keys, keys at most 40 characters, values at most 500 | Metadata guide | `metadata` or `metadata[key]` | `Invalid metadata: …` |
//! | a line item names `price` or `price_data`, not both; `price_data` has an amount and a product | Checkout API | the leaf | `Missing required param: …` |
//! | `limit` from 1 to 100 | List pagination | `limit` | `This value must be …` |
//! | a promotion code's `minimum_amount` with its `minimum_amount_currency`, and the other way round | Promotion codes API | the missing leaf | `Missing required param: …` |
//! | a refused server update (permission, mode, `ui_mode`; table below) | the dynamic-updates guides and SDK comments; no documented error | the update param | `` You can only update `…` on a Checkout Session … `` |
//! | an update's line item `id` listed twice, or not the session's | Update API ("send the entire array") | `line_items[n][id]` | `The line item … appears more than once …` / `No such line item: …` |
//! | a payment session with more than 100 line items (subscription: 20 recurring and 20 one-time), on update too | the SDK's create comment; assumed for updates | `line_items` | `A Checkout Session in payment mode takes at most 100 line items.` |
//! | a recurring price (catalog or `price_data[recurring]`) in `subscription` mode only, and a `subscription` session with at least one, on create and on a `line_items` update | SDK comment on `mode` ("Pass `subscription` if the Checkout Session includes at least one recurring item") | `line_items` | `` You specified `payment` mode but passed a recurring price. … `` / `` You must provide at least one recurring price in `subscription` mode when using prices. `` |
//! | at most 5 `shipping_options`; each `shipping_rate` or `shipping_rate_data`; `fixed_amount` present; an amount in the session's currency (its own or a currency option) | SDK types | `shipping_options`, or the option's leaf | `A Checkout Session takes at most 5 shipping options.` / `You may only specify one of these parameters: …` / `The shipping rate's amount is in …` |
//! | new line items in a currency the kept shipping options have no amount in | Stripe charges shipping in the session's currency | `line_items` | `The shipping rate … has no amount in the line items' currency …` |
//! | `trial_end` at least 48 hours out; not with `trial_period_days`, which is at least 1 | preview SDK comments; trials guide | `subscription_data[trial_end]` / `[trial_period_days]` | `` `trial_end` must be at least 48 hours in the future. `` |
//! | a statement descriptor (or suffix) in `payment_intent_data` at most 22 characters | SDK comment ("the 22-character limit") | the leaf | `Invalid string: must be at most 22 characters` |
//! | a line item's `tax_rates` other than none | not modelled | `line_items[n][tax_rates]` | `FakeStripe does not model tax rates; …` |
//!
//! # Server updates
//!
//! `POST /v1/checkout/sessions/{id}` runs every member of Stripe's "dynamic updates" family.
//! First the request's version decides which params exist (its SDK's facts: an update param
//! it does not type is `Received unknown parameter`); then the session's status (complete
//! and expired sessions refuse every update); then, param by param, the session's mode,
//! `ui_mode` and permissions; the whole update is applied to a copy and kept only if every
//! check passed (inline coupons and shipping rates are made only then).
//!
//! | param | versions | session | source |
//! |---|---|---|---|
//! | `line_items` | 2025-12-15.clover on; the previews | GA: `ui_mode=elements` (`custom`) only. Previews: created with `permissions[update_line_items]=server_only` (or `permissions[update][line_items]`), not the hosted page | clover changelog ("custom UI"); preview SDK; line-items guide |
//! | `shipping_options` | all | `payment` mode, not the hosted page | shipping guide ("not available in subscription mode") |
//! | `collected_information[shipping_details]` | all | `payment` mode, `elements` or `embedded_page`, `permissions[update_shipping_details]=server_only` | SDK comment; basil changelog |
//! | `discounts` | the previews | `permissions[update_discounts]=server_only` | discounts guide |
//! | `subscription_data` (trial) | the previews | `subscription` mode | preview SDK; trials guide |
//! | `payment_intent_data` | 2026-10-28.endive; previews from 2026-09-30 | `payment` mode, `ui_mode=elements` | endive changelogs; stripe@23.1.0 |
//! | `automatic_tax`, `invoice_creation` | the previews | any (held as sent) | preview SDK |
//!
//! Whole-array line items (Stripe's API reference): an existing `id` alone keeps its item; an
//! `id` with `quantity`, `price`/`price_data`, `metadata` or `adjustable_quantity` changes
//! those; `price` or `price_data` with `quantity` adds an item; an id left out is removed; the
//! array's order is the items' order. Trials, `payment_intent_data`, `automatic_tax` and
//! `invoice_creation` are not on the session object: read them with
//! [`FakeStripe::session_settings`] or `GET /_fake/sessions/{id}/settings`. Stripe documents
//! none of these refusals' errors; each is a 400 `invalid_request_error` naming the param,
//! with a message of the emulator's own.
//!
//! # What is not
//!
//! Payments and PaymentIntents, tax (tax rates, Stripe Tax; `amount_tax` is 0), shipping
//! rates other than fixed amounts, creating shipping rates through their own endpoint, a
//! customer choosing another shipping option, subscriptions (a recurring price is shown, and
//! a subscription-mode session completes as a payment one does), Adaptive Pricing, a customer's payments outside the emulator (a prior
//! purchase is a completed session here), stacking several discounts, events other than a
//! Checkout Session's four outcomes, API versions before
//! 2025-03-31.basil (checked as basil), Connect
//! (`Stripe-Account` is recorded but ignored), rate limits (inject a 429 instead) and the exact
//! wording of every Stripe error message. Use Stripe's sandbox before going live.

mod api_shape;
mod catalog;
mod completion;
mod controls;
mod coupon_endpoints;
mod dispatch;
mod error_answer;
mod events;
mod facts;
mod fake;
mod fault;
mod form;
mod held_settings;
mod id_gen;
mod input;
mod journal;
mod limits;
mod line_items;
mod pricing;
mod redemption;
mod responder;
mod route;
mod rules;
mod seed;
mod server;
mod session_endpoints;
mod session_state;
mod shared;
mod shipping;
mod store;
mod update_rules;
mod validate;
mod version;
mod webhook_delivery;

pub use completion::{FakeStripeError, Payment};
pub use dispatch::WebhookFaults;
pub use fake::{FakeStripe, TEST_SECRET_KEY};
pub use fault::Fault;
pub use journal::RecordedRequest;
pub use limits::Limits;
pub use responder::{Reply, UnmetExpectations};
pub use route::{Method, Route, Times};
pub use seed::{SEED_VERSION, Seed, SeedCustomer, SeedError, SeedPrice, SeedShippingRate};
pub use server::{Refusal, check_params};
pub use webhook_delivery::WebhookDelivery;
