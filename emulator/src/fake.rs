//! [`FakeStripe`]: the handle a test holds — start the emulator, set up the catalog, set its
//! limits, inject faults, answer routes your way, expect requests, read the journal, move the
//! clock, finish sessions.
//!
//! What happens to each request is the server's and the store's business.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use crate::api_shape::Shape;
use crate::catalog::INTERVALS;
use crate::completion::{FakeStripeError, Payment, complete};
use crate::dispatch::WebhookFaults;
use crate::facts::Operation;
use crate::fault::Fault;
use crate::form::FormTree;
use crate::input::{self, CouponTerms};
use crate::journal::RecordedRequest;
use crate::limits::Limits;
use crate::responder::{Expectation, Reply, Responder, UnmetExpectations, unmet};
use crate::route::{Route, Times};
use crate::seed::{Seed, SeedError};
use crate::server;
use crate::session_state::Expansion;
use crate::shared::Shared;
use crate::validate;
use crate::version::ApiVersion;
use crate::webhook_delivery::{WebhookDelivery, WebhookEndpoint};
use serde_json::Value;

/// A key the emulator takes. It accepts any `sk_test_…` or `rk_test_…` key (as `Bearer` or
/// as the HTTP Basic user name) and refuses everything else, so a live key can never be sent
/// to it by mistake.
pub const TEST_SECRET_KEY: &str = "sk_test_FakeStripe000000000000000000";

/// A stateful emulator of Stripe's Checkout Session API on `127.0.0.1`, for tests and examples.
///
/// Dropping the handle stops the server. Every method takes `&self` and is safe to call while
/// requests are in flight.
///
/// ```
/// use stripe_checkout_emulator::{FakeStripe, TEST_SECRET_KEY};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let fake = FakeStripe::start().await;
/// fake.add_price("price_tshirt", 2_500, "usd");
///
/// // Any HTTP client, or any language's official Stripe SDK pointed at `fake.uri()`.
/// let answer = reqwest::Client::new()
///     .post(format!("{}/v1/checkout/sessions", fake.uri()))
///     .bearer_auth(TEST_SECRET_KEY)
///     .form(&[("mode", "payment"), ("line_items[0][price]", "price_tshirt"), ("line_items[0][quantity]", "2")])
///     .send()
///     .await?
///     .text()
///     .await?;
/// let session: serde_json::Value = serde_json::from_str(&answer)?;
/// assert_eq!(session["amount_subtotal"], 5_000);
/// assert_eq!(fake.journal().len(), 1);
/// # Ok(()) }
/// ```
pub struct FakeStripe {
    shared: Arc<Shared>,
    addr: SocketAddr,
    server: JoinHandle<()>,
    dispatcher: JoinHandle<()>,
}

impl FakeStripe {
    /// Starts the emulator on a random loopback port.
    ///
    /// # Panics
    /// If no loopback port can be bound; [`try_start`](Self::try_start) returns the error.
    pub async fn start() -> Self {
        match Self::try_start().await {
            Ok(fake) => fake,
            Err(err) => panic!("FakeStripe could not bind 127.0.0.1: {err}"),
        }
    }

    /// Starts the emulator on a random loopback port.
    ///
    /// # Errors
    /// The error from binding the port.
    pub async fn try_start() -> std::io::Result<Self> {
        Self::bind(SocketAddr::from(([127, 0, 0, 1], 0))).await
    }

    /// Starts the emulator on a chosen loopback address (an example server that wants a fixed
    /// port, say).
    ///
    /// # Errors
    /// The error from binding the address.
    pub async fn bind(addr: SocketAddr) -> std::io::Result<Self> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared::default());
        let server = tokio::spawn(server::serve(listener, Arc::clone(&shared)));
        let dispatcher = tokio::spawn(crate::dispatch::run(Arc::clone(&shared)));
        Ok(FakeStripe {
            shared,
            addr,
            server,
            dispatcher,
        })
    }

    /// The base URL, e.g. `http://127.0.0.1:40123`.
    pub fn uri(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address the emulator listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Adds a one-time price, named after its id. Returns `self` for chaining.
    pub fn add_price(&self, id: &str, unit_amount: i64, currency: &str) -> &Self {
        self.add_product_price(id, id, unit_amount, currency)
    }

    /// Adds a one-time price whose product has this name (the line item's description).
    pub fn add_product_price(
        &self,
        id: &str,
        product_name: &str,
        unit_amount: i64,
        currency: &str,
    ) -> &Self {
        self.shared
            .store()
            .add_price(id, product_name, None, unit_amount, currency, None);
        self
    }

    /// Adds a recurring price billed every `interval` (`day`, `week`, `month` or `year`), whose
    /// product has this name: what a `subscription`-mode session needs at least one of, and
    /// what a `payment`-mode session refuses.
    ///
    /// ```
    /// # use stripe_checkout_emulator::FakeStripe;
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let fake = FakeStripe::start().await;
    /// fake.add_recurring_price("price_club", "Coffee club", 1_500, "usd", "month");
    /// # }
    /// ```
    ///
    /// # Panics
    /// If `interval` is not one of Stripe's four (a test's own mistake).
    pub fn add_recurring_price(
        &self,
        id: &str,
        product_name: &str,
        unit_amount: i64,
        currency: &str,
        interval: &str,
    ) -> &Self {
        assert!(
            INTERVALS.contains(&interval),
            "a price's interval is one of {INTERVALS:?}, not {interval:?}"
        );
        self.shared.store().add_price(
            id,
            product_name,
            None,
            unit_amount,
            currency,
            Some(interval),
        );
        self
    }

    /// Adds a one-time price of the product `product_id` (`prod_…`, also its name), for
    /// coupons that apply to some products only.
    ///
    /// ```
    /// # use stripe_checkout_emulator::FakeStripe;
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let fake = FakeStripe::start().await;
    /// fake.add_product_price_of("price_cap", "prod_cap", 4_000, "usd");
    /// # }
    /// ```
    pub fn add_product_price_of(
        &self,
        id: &str,
        product_id: &str,
        unit_amount: i64,
        currency: &str,
    ) -> &Self {
        self.shared.store().add_price(
            id,
            product_id,
            Some(product_id),
            unit_amount,
            currency,
            None,
        );
        self
    }

    /// Adds a coupon with this id, its terms written as the official SDKs' coupon create
    /// params (`{"percent_off": 25, "name": "Summer"}`), checked as a create over HTTP would
    /// be. A coupon of the same id is replaced.
    ///
    /// ```
    /// # use stripe_checkout_emulator::FakeStripe;
    /// use serde_json::json;
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let fake = FakeStripe::start().await;
    /// fake.add_coupon("SUMMER25", json!({"percent_off": 25, "name": "Summer"}))
    ///     .add_coupon("TENOFF", json!({"amount_off": 1000, "currency": "usd"}));
    /// # }
    /// ```
    ///
    /// # Panics
    /// If the terms are not a valid coupon (a test's own mistake), naming the param.
    pub fn add_coupon(&self, id: &str, terms: Value) -> &Self {
        let version = ApiVersion::parse(crate::seed::SEED_VERSION).expect("a valid version");
        let schema = crate::facts::for_version(&version).params(Operation::CreateCoupon);
        let checked = validate::params(
            Operation::CreateCoupon,
            schema,
            &FormTree::from_json(&terms),
        )
        .unwrap_or_else(|e| panic!("add_coupon({id}): {}", e.message));
        let terms: CouponTerms =
            input::read(&checked).unwrap_or_else(|e| panic!("add_coupon({id}): {}", e.message));
        self.shared.store().add_coupon(id, &terms);
        self
    }

    /// Adds an active promotion code (`code`, as the customer types it) for a coupon, and
    /// returns its generated `promo_…` id.
    pub fn add_promotion_code(&self, code: &str, coupon_id: &str) -> String {
        self.shared.store().add_promotion_code(code, coupon_id)
    }

    /// Loads a [`Seed`]: its clock, customers, prices, coupons and promotion codes, in that
    /// order, each through the rules a create over HTTP follows.
    ///
    /// ```
    /// use stripe_checkout_emulator::{FakeStripe, Seed, SeedError};
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let fake = FakeStripe::start().await;
    /// fake.seed(&Seed::from_json(r#"{"coupons": [{"id": "TENOFF", "amount_off": 1000, "currency": "usd"}]}"#)?)?;
    /// // Entries are checked as a create over HTTP is: a coupon needs its currency.
    /// let refused = fake.seed(&Seed::from_json(r#"{"coupons": [{"id": "X", "amount_off": 5}]}"#)?);
    /// assert!(matches!(refused, Err(SeedError::Entry { .. })));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`SeedError::Entry`] for the first entry the emulator refuses (those before it stay).
    pub fn seed(&self, seed: &Seed) -> Result<(), SeedError> {
        seed.load(&mut self.shared.store())
    }

    /// Sets how much the emulator keeps (see [`Limits`]); what is over them goes after the
    /// next request.
    pub fn set_limits(&self, limits: Limits) {
        self.shared.store().limits = limits;
    }

    /// Turns on the HTTP test controls under `/_fake/`, for clients that are not Rust:
    ///
    /// | request | does |
    /// |---|---|
    /// | `POST /_fake/sessions/{id}/complete` | [`complete_session`](Self::complete_session); answers the session |
    /// | `GET /_fake/sessions/{id}/settings` | [`session_settings`](Self::session_settings) |
    /// | `GET /_fake/clock`, `POST /_fake/clock` `{"time": …}` or `{"advance": seconds}` | reads or moves the clock |
    /// | `POST /_fake/faults` `{"status": 503, "should_retry": true, "method": "POST", "path": "/v1/checkout/sessions/*", "times": 1, "after_apply": false}` | [`inject`](Self::inject) (or `"drop_connection": true`, `"delay_ms": 500`) |
    /// | `GET /_fake/journal`, `DELETE /_fake/journal` | reads (method, path, status, params, …) or clears the journal |
    /// | `POST /_fake/seed` with a [`Seed`] | [`seed`](Self::seed) |
    ///
    /// Bodies and answers are JSON; a bad control answers 400 or 404 with a Stripe-style
    /// `error`. They need no key, and are not in the journal.
    pub fn enable_controls(&self) {
        self.shared.enable_controls();
    }

    /// Adds a fixed-amount shipping rate (`shr_…`) a session's `shipping_options` can name by
    /// id, as `shipping_options[0][shipping_rate]`. A rate of the same id is replaced.
    ///
    /// ```
    /// # use stripe_checkout_emulator::FakeStripe;
    /// # #[tokio::main(flavor = "current_thread")] async fn main() {
    /// let fake = FakeStripe::start().await;
    /// fake.add_shipping_rate("shr_standard", "Standard", 500, "usd");
    /// # }
    /// ```
    pub fn add_shipping_rate(
        &self,
        id: &str,
        display_name: &str,
        amount: i64,
        currency: &str,
    ) -> &Self {
        self.shared
            .store()
            .add_shipping_rate(id, display_name, amount, currency);
        self
    }

    /// Adds a customer a session can name.
    pub fn add_customer(&self, id: &str, email: Option<&str>) -> &Self {
        self.shared
            .store()
            .add_customer(id, email.map(str::to_owned));
        self
    }

    /// Queues a fault for upcoming requests (see [`Fault`]). A fault for zero requests
    /// (`times(0)`) is dropped.
    pub fn inject(&self, fault: Fault) {
        self.shared.store().queue_fault(fault);
    }

    /// Answers the requests of `route` with `reply` — a closure that sees each request as
    /// the journal records it (method, path, headers, decoded params) and returns its own
    /// [`Reply`], or [`Reply::pass`] to let the emulator answer as usual. Responders are
    /// tried in the order they were added; the first that does not pass answers. A request
    /// a responder answers changes no state; faults still apply to it.
    ///
    /// The closure runs while the emulator holds its state, so it must not call back into
    /// this `FakeStripe`.
    ///
    /// ```
    /// use serde_json::json;
    /// use stripe_checkout_emulator::{FakeStripe, Reply, Route, TEST_SECRET_KEY};
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = FakeStripe::start().await;
    /// // Coupon `LEGACY` answers from a fixture; every other coupon goes to the emulator.
    /// fake.respond(Route::get("/v1/coupons/*"), |request| {
    ///     if request.path.ends_with("/LEGACY") {
    ///         Reply::json(200, json!({"id": "LEGACY", "object": "coupon", "percent_off": 5.0}))
    ///     } else {
    ///         Reply::pass()
    ///     }
    /// });
    /// let get = |id: &str| {
    ///     let url = format!("{}/v1/coupons/{id}", fake.uri());
    ///     async move { reqwest::Client::new().get(url).bearer_auth(TEST_SECRET_KEY).send().await.unwrap() }
    /// };
    /// let legacy: serde_json::Value = serde_json::from_str(&get("LEGACY").await.text().await.unwrap()).unwrap();
    /// assert_eq!(legacy["percent_off"], 5.0);
    /// assert_eq!(get("OTHER").await.status(), 404);
    /// # }
    /// ```
    pub fn respond(
        &self,
        route: Route,
        reply: impl Fn(&RecordedRequest) -> Reply + Send + Sync + 'static,
    ) {
        self.shared.store().responders.push(Responder {
            route,
            reply: Arc::new(reply),
        });
    }

    /// Expects the requests of `route` to number `times` (`1`, `0`, `1..=3`, `2..`) over
    /// the emulator's life, counted as they arrive (a journal clear does not reset them).
    /// When the `FakeStripe` is dropped, an unmet expectation panics with what each route
    /// wanted and got, and every request received — unless the thread is already panicking.
    /// [`verify`](Self::verify) checks earlier.
    ///
    /// ```should_panic
    /// use stripe_checkout_emulator::{FakeStripe, Route};
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let fake = FakeStripe::start().await;
    /// fake.expect(Route::post("/v1/checkout/sessions/*"), 1);
    /// drop(fake); // no update arrived: panics, naming the route
    /// # }
    /// ```
    pub fn expect(&self, route: Route, times: impl Into<Times>) {
        self.shared.store().expectations.push(Expectation {
            route,
            times: times.into(),
            seen: 0,
        });
    }

    /// Checks the expectations now and forgets them, so dropping the emulator checks only
    /// those set afterwards.
    ///
    /// # Errors
    /// [`UnmetExpectations`] naming each unmet route, what it wanted and what it received.
    pub fn verify(&self) -> Result<(), UnmetExpectations> {
        let mut store = self.shared.store();
        let expectations = std::mem::take(&mut store.expectations);
        match unmet(&expectations, &store.journal) {
            Some(report) => Err(report),
            None => Ok(()),
        }
    }

    /// The next `n` requests fail with `status` before taking effect, with
    /// `Stripe-Should-Retry` when `should_retry` is set.
    pub fn fail_next(&self, n: usize, status: u16, should_retry: Option<bool>) {
        let mut fault = Fault::status(status).times(n);
        if let Some(retry) = should_retry {
            fault = fault.should_retry(retry);
        }
        self.inject(fault);
    }

    /// The next request is answered `delay` late (it takes effect at once).
    pub fn delay_next(&self, delay: Duration) {
        self.inject(Fault::delay(delay));
    }

    /// The next request's connection is closed without an answer, before it takes effect.
    pub fn drop_next_connection(&self) {
        self.inject(Fault::drop_connection());
    }

    /// Every request received so far, oldest first.
    pub fn journal(&self) -> Vec<RecordedRequest> {
        self.shared.store().journal.clone()
    }

    /// Forgets the journal (the state stays).
    pub fn clear_journal(&self) {
        self.shared.store().clear_journal();
    }

    /// How many TCP connections clients have opened, to check connection reuse.
    pub fn connections_opened(&self) -> usize {
        self.shared.store().connections
    }

    /// The emulator's clock, in Unix seconds.
    pub fn now(&self) -> i64 {
        self.shared.store().now()
    }

    /// Freezes the clock at `unix_seconds`. Open sessions whose `expires_at` has passed are
    /// expired on their next read.
    pub fn set_time(&self, unix_seconds: i64) {
        let mut store = self.shared.store();
        store.fixed_now = Some(unix_seconds);
        // Sessions that lapse now expire now, with their events.
        store.sweep_expired();
    }

    /// Moves the clock forward (freezing it if it was following the system clock).
    pub fn advance_time(&self, by: Duration) {
        let mut store = self.shared.store();
        let now = store.now();
        store.fixed_now = Some(now.saturating_add(i64::try_from(by.as_secs()).unwrap_or(i64::MAX)));
        store.sweep_expired();
    }

    /// Sends each event from now on to `url`, signed with `secret` as Stripe signs webhooks
    /// (`Stripe-Signature: t=…,v1=…`): `checkout.session.completed` when a session completes
    /// ([`complete_session`](Self::complete_session)), `…async_payment_succeeded` or
    /// `…_failed` when a delayed payment settles
    /// ([`settle_async_payment`](Self::settle_async_payment)), `checkout.session.expired` when
    /// a session is expired through the API or lapses. `url` is plain `http://` (an endpoint
    /// of your test on loopback).
    ///
    /// A delivery the endpoint answers other than 2xx, does not answer in 10 seconds, or that
    /// cannot reach it, is retried with Stripe's exponential backoff compressed to seconds (50
    /// ms doubling to 2 s, ten attempts in all); [`set_webhook_faults`](Self::set_webhook_faults)
    /// makes deliveries worse on purpose. Every attempt is in
    /// [`webhook_deliveries`](Self::webhook_deliveries).
    ///
    /// The endpoint is pinned to the guide's API version until
    /// [`set_webhook_api_version`](Self::set_webhook_api_version) says otherwise, as a Stripe
    /// endpoint is pinned to the version it was created with.
    pub fn send_webhooks_to(&self, url: impl Into<String>, secret: impl Into<String>) {
        self.shared.store().webhook_endpoint = Some(WebhookEndpoint {
            url: url.into(),
            secret: secret.into(),
        });
    }

    /// Pins the webhook endpoint to `version`: events say its date and release in
    /// `api_version` (without beta flags, as Stripe's do) and carry their object in its shape.
    /// It may be set before or after [`send_webhooks_to`](Self::send_webhooks_to).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use stripe_checkout_emulator::FakeStripe;
    ///
    /// let fake = FakeStripe::start().await;
    /// fake.set_webhook_api_version("2026-10-28.endive").unwrap();
    /// fake.send_webhooks_to("http://127.0.0.1:9/webhook", "whsec_test");
    /// assert!(fake.set_webhook_api_version("last tuesday").is_err());
    /// # }
    /// ```
    ///
    /// # Errors
    /// [`FakeStripeError::InvalidVersion`] for a version Stripe would not take.
    pub fn set_webhook_api_version(&self, version: &str) -> Result<(), FakeStripeError> {
        let parsed = ApiVersion::parse(version)
            .ok_or_else(|| FakeStripeError::InvalidVersion(version.to_owned()))?;
        self.shared.store().webhook_version = Shape::new(parsed);
        Ok(())
    }

    /// Every delivery attempt so far and how the endpoint answered, oldest first.
    pub fn webhook_deliveries(&self) -> Vec<WebhookDelivery> {
        self.shared.store().deliveries.clone()
    }

    /// Makes the next deliveries go wrong as `faults` says, until replaced
    /// ([`WebhookFaults::none`] restores Stripe's own behaviour).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use stripe_checkout_emulator::{FakeStripe, WebhookFaults};
    ///
    /// let fake = FakeStripe::start().await;
    /// fake.set_webhook_faults(WebhookFaults::none().duplicate(1).out_of_order().fail_first(2));
    /// # }
    /// ```
    pub fn set_webhook_faults(&self, faults: WebhookFaults) {
        self.shared.store().outbox.faults = faults;
    }

    /// Waits until no delivery is due or in flight (retries included), at most `timeout`;
    /// says whether that happened.
    pub async fn settle_webhooks(&self, timeout: std::time::Duration) -> bool {
        crate::dispatch::wait_until(&self.shared, timeout, |store| store.outbox.is_idle()).await
    }

    /// Every event recorded so far, oldest first, as `GET /v1/events/{id}` answers it in the
    /// guide's version.
    pub fn events(&self) -> Vec<Value> {
        self.shared
            .store()
            .all_events(&crate::api_shape::Shape::default())
    }

    /// Completes a session as a successful payment would: status `complete`, payment status
    /// `paid` (`no_payment_required` for a zero total), customer details filled in. With
    /// [`send_webhooks_to`](Self::send_webhooks_to) set, it then delivers the signed
    /// `checkout.session.completed` event and waits for the endpoint's answer (see
    /// [`webhook_deliveries`](Self::webhook_deliveries)).
    ///
    /// # Errors
    /// [`FakeStripeError`] if there is no such session or it is not open.
    pub async fn complete_session(&self, id: &str) -> Result<Value, FakeStripeError> {
        complete(&self.shared, id, Expansion::whole(), Payment::Card).await
    }

    /// Completes a session paid as `payment` says: [`Payment::Card`] as
    /// [`complete_session`](Self::complete_session), or [`Payment::Delayed`]: status
    /// `complete`, payment status `unpaid` until
    /// [`settle_async_payment`](Self::settle_async_payment). Either way it records and
    /// delivers `checkout.session.completed`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use stripe_checkout_emulator::{FakeStripe, Payment, TEST_SECRET_KEY};
    ///
    /// let fake = FakeStripe::start().await;
    /// fake.add_price("price_tshirt", 2_500, "usd");
    /// let answer = reqwest::Client::new()
    ///     .post(format!("{}/v1/checkout/sessions", fake.uri()))
    ///     .bearer_auth(TEST_SECRET_KEY)
    ///     .form(&[("mode", "payment"), ("line_items[0][price]", "price_tshirt"),
    ///             ("line_items[0][quantity]", "1"), ("success_url", "https://example.com")])
    ///     .send().await?.text().await?;
    /// let session: serde_json::Value = serde_json::from_str(&answer)?;
    /// let id = session["id"].as_str().unwrap();
    ///
    /// let completed = fake.complete_session_with(id, Payment::Delayed).await?;
    /// assert_eq!((completed["status"].as_str(), completed["payment_status"].as_str()),
    ///            (Some("complete"), Some("unpaid")));
    /// let settled = fake.settle_async_payment(id, true).await?;
    /// assert_eq!(settled["payment_status"], "paid");
    /// let types: Vec<String> = fake.events().iter().map(|e| e["type"].as_str().unwrap().to_owned()).collect();
    /// assert_eq!(types, ["checkout.session.completed", "checkout.session.async_payment_succeeded"]);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`FakeStripeError`] if there is no such session or it is not open.
    pub async fn complete_session_with(
        &self,
        id: &str,
        payment: Payment,
    ) -> Result<Value, FakeStripeError> {
        complete(&self.shared, id, Expansion::whole(), payment).await
    }

    /// Settles the delayed payment of a session completed with [`Payment::Delayed`]:
    /// `succeeded` makes it `paid` and sends `checkout.session.async_payment_succeeded`;
    /// otherwise it stays `unpaid` and `checkout.session.async_payment_failed` is sent.
    ///
    /// # Errors
    /// [`FakeStripeError`] if there is no such session or no delayed payment waits on it.
    pub async fn settle_async_payment(
        &self,
        id: &str,
        succeeded: bool,
    ) -> Result<Value, FakeStripeError> {
        crate::completion::settle_async_payment(&self.shared, id, succeeded).await
    }

    /// The session as the emulator holds it, with `discounts` (coupons and promotion codes),
    /// `line_items` and `total_details.breakdown` expanded, rendered as Stripe's JSON in the
    /// guide's version. `None` if there is no such session.
    pub fn session(&self, id: &str) -> Option<Value> {
        let mut store = self.shared.store();
        store.sweep_expired();
        store.render_session_in(id, Expansion::whole(), Shape::default())
    }

    /// What the session holds that its Checkout Session object does not show, as its create
    /// and updates set it: `{"subscription_data": {…}, "payment_intent_data": {…},
    /// "automatic_tax": {…}, "invoice_creation": {…}}`, each in the params' shape (`{}` when
    /// nothing was set). Stripe hands these to the subscription or PaymentIntent it makes;
    /// read a trial an update set (`subscription_data.trial_period_days` or `trial_end`)
    /// here. `None` if there is no such session.
    pub fn session_settings(&self, id: &str) -> Option<Value> {
        self.shared.store().session(id).map(|s| s.held.to_json())
    }
}

/// Where it listens and how much it holds, not the whole state (see [`FakeStripe::journal`]
/// and [`FakeStripe::session`] for that).
impl std::fmt::Debug for FakeStripe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let store = self.shared.store();
        f.debug_struct("FakeStripe")
            .field("uri", &self.uri())
            .field("sessions", &store.sessions.len())
            .field("requests", &store.journal.len())
            .finish()
    }
}

impl Drop for FakeStripe {
    fn drop(&mut self) {
        self.server.abort();
        self.dispatcher.abort();
        if std::thread::panicking() {
            return;
        }
        if let Err(report) = self.verify() {
            panic!("{report}");
        }
    }
}
