//! The emulator's state and the rules of each operation: the catalog, the sessions, the
//! clock, saved idempotent results, queued faults and the journal — everything behind the
//! one lock the server takes per request.
//!
//! Parsing requests and shaping HTTP answers is the server's job; rendering objects is
//! `session_state`'s and `catalog`'s; the Checkout Session operations are
//! `session_endpoints`', the coupon ones `coupon_endpoints`' and the shipping rate ones
//! `shipping`'s.

use std::collections::{HashMap, VecDeque};
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::Value;

use crate::api_shape::Shape;
use crate::catalog::{StoredCoupon, StoredCustomer, StoredPrice, StoredPromotionCode};
use crate::error_answer::ErrorAnswer;
use crate::fault::Fault;
use crate::id_gen::new_id;
use crate::input::{Clear, Metadata, Page};
use crate::journal::RecordedRequest;
use crate::responder::{Expectation, Responder};
use crate::session_state::{CatalogView, Expansion, SessionStatus, StoredSession};
use crate::shipping::StoredShippingRate;

/// A saved answer to an idempotent request.
#[derive(Clone, Debug)]
pub(crate) struct SavedAnswer {
    pub(crate) fingerprint: String,
    /// When it was saved, on the emulator's clock.
    pub(crate) saved_at: i64,
    pub(crate) status: u16,
    /// The answer serialized: a tenth of the memory of its `Value`, and a replay sends
    /// the same bytes anyway.
    pub(crate) body: Box<str>,
}

/// Everything the emulator knows.
#[derive(Debug, Default)]
pub(crate) struct Store {
    pub(crate) fixed_now: Option<i64>,
    pub(crate) prices: HashMap<String, StoredPrice>,
    pub(crate) coupons: HashMap<String, StoredCoupon>,
    /// Deleted coupons a session still carries: gone for the API and new discounts, kept for
    /// the discounts already applied, as Stripe keeps them.
    pub(crate) deleted_coupons: HashMap<String, StoredCoupon>,
    /// Coupon ids in creation order; lists answer newest first.
    pub(crate) coupon_order: Vec<String>,
    /// In creation order; lists answer newest first.
    pub(crate) promotion_codes: Vec<StoredPromotionCode>,
    pub(crate) customers: HashMap<String, StoredCustomer>,
    /// Rates a test or seed added, and those sessions made inline.
    pub(crate) shipping_rates: HashMap<String, StoredShippingRate>,
    /// In creation order; lists answer newest first.
    pub(crate) sessions: Vec<StoredSession>,
    pub(crate) idempotent: HashMap<String, SavedAnswer>,
    /// The keys of `idempotent` with when each was saved, oldest first (a key saved again
    /// after it expired appears twice; only its newest entry is its record).
    pub(crate) idempotency_order: VecDeque<(String, i64)>,
    pub(crate) limits: crate::limits::Limits,
    pub(crate) faults: VecDeque<Fault>,
    /// Installed with `FakeStripe::respond`; the first that matches answers.
    pub(crate) responders: Vec<Responder>,
    /// Installed with `FakeStripe::expect`, counted as requests arrive.
    pub(crate) expectations: Vec<Expectation>,
    pub(crate) journal: Vec<RecordedRequest>,
    /// The journal's [`RecordedRequest::weight`], summed.
    pub(crate) journal_weight: usize,
    pub(crate) connections: usize,
    pub(crate) webhook_endpoint: Option<super::webhook_delivery::WebhookEndpoint>,
    pub(crate) deliveries: Vec<super::webhook_delivery::WebhookDelivery>,
    /// Every event, oldest first, as `/v1/events` serves them.
    pub(crate) events: Vec<crate::events::StoredEvent>,
    /// The deliveries due to the webhook endpoint.
    pub(crate) outbox: crate::dispatch::Outbox,
    /// The version of the request being served (set by the server for each request), which
    /// answers are rendered in.
    pub(crate) shape: Shape,
    /// The version the webhook endpoint is pinned to.
    pub(crate) webhook_version: Shape,
}

impl CatalogView for Store {
    fn shape(&self) -> &Shape {
        &self.shape
    }

    fn coupon(&self, id: &str) -> Option<&StoredCoupon> {
        self.coupons
            .get(id)
            .or_else(|| self.deleted_coupons.get(id))
    }

    fn promotion_code(&self, id: &str) -> Option<&StoredPromotionCode> {
        self.promotion_codes.iter().find(|p| p.id == id)
    }

    fn customer_json(&self, id: &str) -> Option<Value> {
        self.customers.get(id).map(StoredCustomer::to_json)
    }

    fn shipping_rate(&self, id: &str) -> Option<&StoredShippingRate> {
        self.shipping_rates.get(id)
    }

    fn now(&self) -> i64 {
        Store::now(self)
    }
}

impl Store {
    pub(crate) fn now(&self) -> i64 {
        self.fixed_now.unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        })
    }

    /// Queues `fault` for the requests it matches; one that is to hit none is not kept.
    pub(crate) fn queue_fault(&mut self, fault: Fault) {
        if fault.times > 0 {
            self.faults.push_back(fault);
        }
    }

    /// Open sessions past their `expires_at` become expired, as Stripe expires them, each
    /// with its `checkout.session.expired` event.
    pub(crate) fn sweep_expired(&mut self) {
        let now = self.now();
        for index in 0..self.sessions.len() {
            let session = &mut self.sessions[index];
            if session.status == SessionStatus::Open && session.expires_at <= now {
                session.status = SessionStatus::Expired;
                self.emit("checkout.session.expired", index);
            }
        }
    }

    pub(crate) fn session_index(&self, id: &str) -> Result<usize, ErrorAnswer> {
        self.sessions
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| ErrorAnswer::no_such("checkout.session", id, "session"))
    }

    pub(crate) fn session(&self, id: &str) -> Option<&StoredSession> {
        self.sessions.iter().find(|s| s.id == id)
    }

    pub(crate) fn render(
        &self,
        session: &StoredSession,
        expand: Expansion,
        include_discounts: bool,
    ) -> Value {
        session.to_json(self, expand, include_discounts)
    }

    /// The session rendered in `shape`, whatever version the last request spoke.
    pub(crate) fn render_session_in(
        &mut self,
        id: &str,
        expand: Expansion,
        shape: Shape,
    ) -> Option<Value> {
        let served = std::mem::replace(&mut self.shape, shape);
        let rendered = self.session(id).map(|s| self.render(s, expand, true));
        self.shape = served;
        rendered
    }

    // ---- catalog ---------------------------------------------------------------------

    /// Adds a price of a product named `name`, whose id is `product_id` or a new one; one-time,
    /// or recurring on `interval`.
    pub(crate) fn add_price(
        &mut self,
        id: &str,
        name: &str,
        product_id: Option<&str>,
        unit_amount: i64,
        currency: &str,
        interval: Option<&str>,
    ) {
        let created = self.now();
        self.prices.insert(
            id.to_owned(),
            StoredPrice {
                id: id.to_owned(),
                unit_amount,
                currency: currency.to_ascii_lowercase(),
                product_id: product_id.map_or_else(|| new_id("prod_", 14), str::to_owned),
                product_name: name.to_owned(),
                created,
                interval: interval.map(str::to_owned),
            },
        );
    }

    pub(crate) fn add_customer(&mut self, id: &str, email: Option<String>) {
        let created = self.now();
        self.customers.insert(
            id.to_owned(),
            StoredCustomer {
                id: id.to_owned(),
                email,
                created,
            },
        );
    }

    // ---- checkout sessions -------------------------------------------------------------
}

/// Applies a metadata update: `metadata=` clears every key, an empty value removes its key,
/// any other value sets it.
pub(crate) fn apply_metadata(target: &mut Vec<(String, String)>, update: &Metadata) {
    let entries = match update {
        Clear::Clear => {
            target.clear();
            return;
        }
        Clear::Set(entries) => entries,
    };
    for (key, value) in entries {
        if value.is_empty() {
            target.retain(|(k, _)| k != key);
        } else {
            match target.iter_mut().find(|(k, _)| k == key) {
                Some(entry) => entry.1 = value.clone(),
                None => target.push((key.clone(), value.clone())),
            }
        }
    }
}

pub(crate) struct PageOf<'a, T> {
    pub(crate) items: &'a [T],
    pub(crate) has_more: bool,
}

/// Stripe's cursor pagination over a newest-first list: the page `page` asks for (`limit`,
/// whose bounds are the rules', 10 by default; `starting_after` or `ending_before`).
pub(crate) fn paginate<'a, T>(
    all: &'a [T],
    id_of: impl Fn(&T) -> &str,
    page: &Page,
    object: &str,
) -> Result<PageOf<'a, T>, ErrorAnswer> {
    let limit = page.limit.map_or(10, |n| n as usize);
    let (starting_after, ending_before) = (
        page.starting_after.as_deref(),
        page.ending_before.as_deref(),
    );
    let position = |cursor: &str, param: &str| {
        all.iter()
            .position(|item| id_of(item) == cursor)
            .ok_or_else(|| ErrorAnswer::no_such_in_params(object, cursor, param))
    };
    match (starting_after, ending_before) {
        (Some(_), Some(_)) => Err(ErrorAnswer::state(
            Some("ending_before"),
            "You may only specify one of these parameters: ending_before, starting_after.",
        )),
        (Some(cursor), None) => {
            let start = position(cursor, "starting_after")? + 1;
            let end = (start + limit).min(all.len());
            Ok(PageOf {
                items: &all[start..end],
                has_more: end < all.len(),
            })
        }
        (None, Some(cursor)) => {
            let end = position(cursor, "ending_before")?;
            let start = end.saturating_sub(limit);
            Ok(PageOf {
                items: &all[start..end],
                has_more: start > 0,
            })
        }
        (None, None) => {
            let end = limit.min(all.len());
            Ok(PageOf {
                items: &all[..end],
                has_more: end < all.len(),
            })
        }
    }
}
