//! Sending recorded events to the webhook endpoint as Stripe does: each delivery that is not
//! answered 2xx (or not at all) is retried with backoff, and on demand worse
//! ([`WebhookFaults`]: duplicated, reordered, failing first). [`Outbox`] holds what is due;
//! [`run`] is the task that delivers it, one spawned attempt per delivery.
//!
//! Recording events is `events`'; the signed POST is `webhook_delivery`'s.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;
use tokio::time::Instant;

use crate::shared::Shared;
use crate::webhook_delivery::{DELIVERY_TIMEOUT, WebhookDelivery, post_signed};

/// Attempts per event, the first included. Stripe retries for up to three days; the emulator
/// runs the same exponential schedule compressed to seconds, so a test sees every retry.
pub(crate) const MAX_ATTEMPTS: u32 = 10;

/// How long new events are held while [`WebhookFaults::out_of_order`] is on, so that the
/// events that follow within it overtake them.
pub(crate) const OUT_OF_ORDER_HOLD: Duration = Duration::from_millis(200);

/// The wait before attempt `attempt + 1`: 50 ms doubling to at most 2 s (about 9 s for all
/// ten attempts).
pub(crate) fn backoff(attempt: u32) -> Duration {
    let doubled = 50u64.saturating_mul(1u64 << attempt.saturating_sub(1).min(16));
    Duration::from_millis(doubled.min(2_000))
}

/// How the next deliveries go wrong, until replaced (`POST /_fake/webhooks/faults`, or
/// [`FakeStripe::set_webhook_faults`](crate::FakeStripe::set_webhook_faults)). The default
/// is none: each event delivered once, in order, retried until answered 2xx.
///
/// ```
/// use stripe_checkout_emulator::WebhookFaults;
///
/// let chaos = WebhookFaults::none().duplicate(2).out_of_order().fail_first(1);
/// assert_eq!((chaos.duplicate, chaos.out_of_order, chaos.fail_first), (2, true, 1));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct WebhookFaults {
    /// Each event answered 2xx is delivered this many times more.
    pub duplicate: u32,
    /// New events are held for a moment and the held ones delivered newest first.
    pub out_of_order: bool,
    /// Each event's first this-many attempts fail without reaching the endpoint (recorded
    /// with no status), then it is retried as any failed delivery. Ten or more fail every
    /// attempt Stripe would make, so the event is never delivered.
    pub fail_first: u32,
}

impl WebhookFaults {
    /// No faults.
    pub fn none() -> Self {
        Self::default()
    }

    /// Deliver each event `n` more times once it succeeds.
    pub fn duplicate(mut self, n: u32) -> Self {
        self.duplicate = n;
        self
    }

    /// Hold new events briefly and deliver them newest first.
    pub fn out_of_order(mut self) -> Self {
        self.out_of_order = true;
        self
    }

    /// Fail each event's first `n` attempts.
    pub fn fail_first(mut self, n: u32) -> Self {
        self.fail_first = n;
        self
    }
}

/// A delivery to make.
#[derive(Debug)]
pub(crate) struct Pending {
    event_id: String,
    attempt: u32,
    due: Instant,
    /// A repeat of a delivered event ([`WebhookFaults::duplicate`]), not retried.
    duplicate: bool,
    /// Queue order of the event (its retries keep it).
    order: u64,
}

/// The deliveries due and in flight, the faults in force and the task's wake-ups.
#[derive(Debug, Default)]
pub(crate) struct Outbox {
    pending: Vec<Pending>,
    /// The events of the attempts under way (one entry an attempt).
    in_flight: Vec<String>,
    next_order: u64,
    held_until: Option<Instant>,
    pub(crate) faults: WebhookFaults,
    /// Wakes [`run`] when something is queued.
    wake: Arc<Notify>,
    /// Notified after every attempt, for those waiting on deliveries.
    attempted: Arc<Notify>,
}

impl Outbox {
    /// Queues the first delivery of event `id`.
    pub(crate) fn queue(&mut self, id: &str) {
        let now = Instant::now();
        if self.faults.out_of_order {
            self.held_until = Some(now + OUT_OF_ORDER_HOLD);
        }
        self.push(id.to_owned(), 1, now, false, None);
    }

    fn push(
        &mut self,
        event_id: String,
        attempt: u32,
        due: Instant,
        duplicate: bool,
        order: Option<u64>,
    ) {
        let order = order.unwrap_or_else(|| {
            self.next_order += 1;
            self.next_order
        });
        self.pending.push(Pending {
            event_id,
            attempt,
            due,
            duplicate,
            order,
        });
        self.wake.notify_one();
    }

    /// No delivery is due or in flight.
    pub(crate) fn is_idle(&self) -> bool {
        self.pending.is_empty() && self.in_flight.is_empty()
    }

    /// Whether a delivery of event `id` is due, held or under way.
    pub(crate) fn holds(&self, id: &str) -> bool {
        self.pending.iter().any(|p| p.event_id == id) || self.in_flight.iter().any(|e| e == id)
    }

    fn landed(&mut self, id: &str) {
        if let Some(i) = self.in_flight.iter().position(|e| e == id) {
            self.in_flight.swap_remove(i);
        }
    }

    /// Takes the deliveries due at `now`, in the order to start them, and says when the next
    /// one falls due.
    fn take_due(&mut self, now: Instant) -> (Vec<Pending>, Option<Instant>) {
        let held = self.held_until.filter(|until| *until > now);
        if held.is_none() {
            self.held_until = None;
        }
        // A first attempt waits out the hold; retries and repeats keep their schedule.
        let due_at = |p: &Pending| match held {
            Some(until) if p.attempt == 1 && !p.duplicate => p.due.max(until),
            _ => p.due,
        };
        let (mut ready, waiting): (Vec<Pending>, Vec<Pending>) =
            self.pending.drain(..).partition(|p| due_at(p) <= now);
        let next = waiting.iter().map(due_at).min();
        self.pending = waiting;
        if self.faults.out_of_order {
            ready.sort_by_key(|p| std::cmp::Reverse(p.order));
        } else {
            ready.sort_by_key(|p| p.order);
        }
        self.in_flight
            .extend(ready.iter().map(|p| p.event_id.clone()));
        (ready, next)
    }
}

/// Delivers what falls due, until the emulator stops (the task is aborted).
pub(crate) async fn run(shared: Arc<Shared>) {
    let wake = Arc::clone(&shared.store().outbox.wake);
    loop {
        let (ready, next) = shared.store().outbox.take_due(Instant::now());
        for pending in ready {
            tokio::spawn(attempt(Arc::clone(&shared), pending));
        }
        match next {
            Some(at) => {
                let _ = tokio::time::timeout_at(at, wake.notified()).await;
            }
            None => wake.notified().await,
        }
    }
}

/// One delivery attempt: signs and posts the event (or fails it, per the faults), records it,
/// and queues the retry or the repeats.
async fn attempt(shared: Arc<Shared>, pending: Pending) {
    let prepared = {
        let mut store = shared.store();
        let event = store
            .events
            .iter()
            .find(|e| e.id == pending.event_id)
            .cloned();
        match (store.webhook_endpoint.clone(), event) {
            (Some(endpoint), Some(event)) => {
                let failed =
                    !pending.duplicate && pending.attempt <= store.outbox.faults.fail_first;
                let version = store.webhook_version.clone();
                let body =
                    serde_json::to_vec(&store.event_json(&event, version, 1)).unwrap_or_default();
                Some((endpoint, event, body, failed, store.now()))
            }
            // The endpoint was removed or the event pruned: nothing to send.
            _ => None,
        }
    };
    let record = match prepared {
        Some((endpoint, event, body, failed, now)) => {
            let status = if failed {
                None
            } else {
                post_signed(&endpoint, body, now).await
            };
            Some(WebhookDelivery {
                event_id: event.id,
                event_type: event.event_type.to_owned(),
                session_id: event.session.id,
                status,
                attempt: pending.attempt,
                faulted: failed,
            })
        }
        None => None,
    };
    let mut store = shared.store();
    if let Some(record) = record {
        let succeeded = record.status.is_some_and(|s| (200..300).contains(&s));
        store.deliveries.push(record);
        let outbox = &mut store.outbox;
        if !succeeded && !pending.duplicate && pending.attempt < MAX_ATTEMPTS {
            let due = Instant::now() + backoff(pending.attempt);
            outbox.push(
                pending.event_id.clone(),
                pending.attempt + 1,
                due,
                false,
                Some(pending.order),
            );
        } else if succeeded && !pending.duplicate {
            for _ in 0..outbox.faults.duplicate {
                outbox.push(
                    pending.event_id.clone(),
                    pending.attempt,
                    Instant::now(),
                    true,
                    Some(pending.order),
                );
            }
        }
    }
    store.outbox.landed(&pending.event_id);
    store.outbox.attempted.notify_waiters();
}

/// Waits until `done` holds for the store, re-checking after every attempt, or until
/// `timeout`; says whether it holds.
pub(crate) async fn wait_until(
    shared: &Shared,
    timeout: Duration,
    done: impl Fn(&crate::store::Store) -> bool,
) -> bool {
    let attempted = Arc::clone(&shared.store().outbox.attempted);
    let deadline = Instant::now() + timeout;
    loop {
        let notified = attempted.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        if done(&shared.store()) {
            return true;
        }
        if tokio::time::timeout_at(deadline, notified).await.is_err() {
            return done(&shared.store());
        }
    }
}

/// How long a completion waits for its event's first attempt: longer than an attempt may take.
const FIRST_ATTEMPT_WAIT: Duration = Duration::from_secs(11);
const _: () = assert!(FIRST_ATTEMPT_WAIT.as_millis() > DELIVERY_TIMEOUT.as_millis());

/// Waits for the first attempt of event `id`, as a completion's caller expects to find the
/// endpoint's answer recorded; not while events are held out of order (the caller goes on so
/// that later events can overtake), nor for an event with no delivery to make.
pub(crate) async fn first_attempt(shared: &Shared, id: &str) {
    wait_until(shared, FIRST_ATTEMPT_WAIT, |store| {
        store.outbox.faults.out_of_order
            || store.deliveries.iter().any(|d| d.event_id == id)
            || !store.outbox.holds(id)
    })
    .await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_to_a_cap() {
        let waits: Vec<u64> = (1..MAX_ATTEMPTS)
            .map(|a| backoff(a).as_millis() as u64)
            .collect();
        assert_eq!(waits, [50, 100, 200, 400, 800, 1600, 2000, 2000, 2000]);
    }

    #[tokio::test]
    async fn due_deliveries_come_in_order_and_out_of_order_newest_first() {
        let mut outbox = Outbox::default();
        outbox.queue("evt_1");
        outbox.queue("evt_2");
        let (ready, next) = outbox.take_due(Instant::now());
        let ids: Vec<&str> = ready.iter().map(|p| p.event_id.as_str()).collect();
        assert_eq!((ids, next), (vec!["evt_1", "evt_2"], None));
        assert!(!outbox.is_idle(), "two in flight");

        let mut outbox = Outbox {
            faults: WebhookFaults::none().out_of_order(),
            ..Outbox::default()
        };
        outbox.queue("evt_1");
        outbox.queue("evt_2");
        let now = Instant::now();
        let (ready, next) = outbox.take_due(now);
        assert!(ready.is_empty(), "held");
        assert!(next.is_some_and(|n| n > now));
        let (ready, _) = outbox.take_due(now + OUT_OF_ORDER_HOLD + Duration::from_millis(1));
        let ids: Vec<&str> = ready.iter().map(|p| p.event_id.as_str()).collect();
        assert_eq!(ids, ["evt_2", "evt_1"]);
    }

    #[tokio::test]
    async fn the_hold_delays_first_attempts_only() {
        let mut outbox = Outbox {
            faults: WebhookFaults::none().out_of_order(),
            ..Outbox::default()
        };
        let now = Instant::now();
        // A retry and a repeat due now, while a new event's hold runs.
        outbox.push("evt_retried".into(), 2, now, false, None);
        outbox.push("evt_repeated".into(), 1, now, true, None);
        outbox.queue("evt_new");
        let (ready, next) = outbox.take_due(now + Duration::from_millis(1));
        let ids: Vec<&str> = ready.iter().map(|p| p.event_id.as_str()).collect();
        assert_eq!(ids, ["evt_repeated", "evt_retried"], "newest first");
        assert!(next.is_some_and(|n| n > now + Duration::from_millis(1)));
        let (ready, _) = outbox.take_due(now + OUT_OF_ORDER_HOLD + Duration::from_millis(1));
        let ids: Vec<&str> = ready.iter().map(|p| p.event_id.as_str()).collect();
        assert_eq!(ids, ["evt_new"]);
    }
}
