//! The events the emulator records when a session settles (`checkout.session.completed`,
//! `…async_payment_succeeded`, `…async_payment_failed`, `…expired`), each with a snapshot of
//! its session, and the API that serves them: `GET /v1/events/{id}` and `GET /v1/events`
//! (newest first, filtered by `type`, `types`, `created`), rendered in the request's version.
//!
//! Sending them to a webhook endpoint is `dispatch`'s; the signed POST itself is
//! `webhook_delivery`'s.

use std::collections::HashSet;

use serde::Deserialize;
use serde_json::{Value, json};

use crate::api_shape::Shape;
use crate::error_answer::ErrorAnswer;
use crate::id_gen::new_id;
use crate::input::{self, Created, Expand, Page};
use crate::session_state::{Expansion, StoredSession};
use crate::store::Store;

/// One event, with its session as it was when the event happened.
#[derive(Clone, Debug)]
pub(crate) struct StoredEvent {
    pub(crate) id: String,
    pub(crate) event_type: &'static str,
    pub(crate) created: i64,
    pub(crate) session: StoredSession,
}

/// `GET /v1/events`: stripe-node's `EventListParams`.
#[derive(Debug, Default, Deserialize)]
struct ListEvents {
    #[serde(flatten)]
    page: Page,
    created: Option<Created>,
    #[serde(rename = "type")]
    event_type: Option<String>,
    #[serde(default)]
    types: Vec<String>,
    delivery_success: Option<bool>,
}

/// Whether an event `type` filter (`*` wildcards allowed, as Stripe allows them) takes
/// `event_type`.
fn type_matches(filter: &str, event_type: &str) -> bool {
    match filter.strip_suffix('*') {
        Some(prefix) => event_type.starts_with(prefix),
        None => filter == event_type,
    }
}

impl Store {
    /// Records `event_type` for the session at `index` and queues it for the webhook
    /// endpoint, if one is set. Returns the event's id.
    pub(crate) fn emit(&mut self, event_type: &'static str, index: usize) -> String {
        let id = new_id("evt_test_", 24);
        let created = self.now();
        self.events.push(StoredEvent {
            id: id.clone(),
            event_type,
            created,
            session: self.sessions[index].clone(),
        });
        // Here too, not only after an API request: a test completing sessions over the
        // controls alone must not grow the events past their limit.
        crate::limits::drop_oldest(&mut self.events, self.limits.events);
        if self.webhook_endpoint.is_some() {
            self.outbox.queue(&id);
        }
        id
    }

    /// The event as Stripe's API and webhooks write it, its session rendered in `shape` (the
    /// event's `api_version` is that version's date and release, without beta flags).
    pub(crate) fn event_json(&mut self, event: &StoredEvent, shape: Shape, pending: u32) -> Value {
        let served = std::mem::replace(&mut self.shape, shape);
        let object = self.render(&event.session, Expansion::default(), true);
        let api_version = self.shape.base().to_owned();
        self.shape = served;
        json!({
            "id": event.id,
            "object": "event",
            "api_version": api_version,
            "created": event.created,
            "data": {"object": object},
            "livemode": false,
            "pending_webhooks": pending,
            "request": {"id": null, "idempotency_key": null},
            "type": event.event_type,
        })
    }

    fn event(&self, id: &str) -> Option<&StoredEvent> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The events some delivery of which was answered 2xx.
    fn delivered(&self) -> HashSet<&str> {
        self.deliveries
            .iter()
            .filter(|d| d.status.is_some_and(|s| (200..300).contains(&s)))
            .map(|d| d.event_id.as_str())
            .collect()
    }

    /// How many endpoints still owe event `id` a successful delivery: 1 with an endpoint set
    /// and no 2xx yet.
    pub(crate) fn pending_webhooks(&self, id: &str, delivered: &HashSet<&str>) -> u32 {
        u32::from(self.webhook_endpoint.is_some() && !delivered.contains(id))
    }

    /// `GET /v1/events/{id}`.
    pub(crate) fn retrieve_event(
        &mut self,
        id: &str,
        params: &Value,
    ) -> Result<Value, ErrorAnswer> {
        let p: Expand = input::read(params)?;
        Expansion::parse(&p.expand, "data.object.")?;
        self.sweep_expired();
        let event = self
            .event(id)
            .cloned()
            .ok_or_else(|| ErrorAnswer::no_such("event", id, "id"))?;
        let pending = self.pending_webhooks(id, &self.delivered());
        let shape = self.shape.clone();
        Ok(self.event_json(&event, shape, pending))
    }

    /// `GET /v1/events`: newest first. A cursor may be any event, whether or not the filters
    /// take it (events are ordered by time, whatever they are filtered by).
    pub(crate) fn list_events(&mut self, params: &Value) -> Result<Value, ErrorAnswer> {
        let p: ListEvents = input::read(params)?;
        Expansion::parse(&p.page.expand, "data.data.object.")?;
        if p.event_type.is_some() && !p.types.is_empty() {
            return Err(ErrorAnswer::state(
                Some("types"),
                "You may only specify one of these parameters: type, types.",
            ));
        }
        if p.page.starting_after.is_some() && p.page.ending_before.is_some() {
            return Err(ErrorAnswer::state(
                Some("ending_before"),
                "You may only specify one of these parameters: ending_before, starting_after.",
            ));
        }
        self.sweep_expired();
        let filters: Vec<&str> = p
            .event_type
            .as_deref()
            .into_iter()
            .chain(p.types.iter().map(String::as_str))
            .collect();
        let delivered = self.delivered();
        let position = |cursor: &str, param: &str| {
            self.events
                .iter()
                .position(|e| e.id == cursor)
                .ok_or_else(|| ErrorAnswer::no_such_in_params("event", cursor, param))
        };
        // Indexes into `events` (oldest first) of the events the page may hold.
        let (after, before) = match (&p.page.starting_after, &p.page.ending_before) {
            (Some(cursor), None) => (0, position(cursor, "starting_after")?),
            (None, Some(cursor)) => (position(cursor, "ending_before")? + 1, self.events.len()),
            _ => (0, self.events.len()),
        };
        let taken = |e: &StoredEvent| {
            (filters.is_empty() || filters.iter().any(|f| type_matches(f, e.event_type)))
                && p.created.as_ref().is_none_or(|c| c.matches(e.created))
                && p.delivery_success
                    .is_none_or(|wanted| (self.pending_webhooks(&e.id, &delivered) == 0) == wanted)
        };
        let limit = p.page.limit.map_or(10, |n| n as usize);
        let candidates = self.events[after..before].iter().filter(|e| taken(e));
        // Newest first; after `ending_before`, the page is the events just newer than it.
        let mut page: Vec<&StoredEvent> = if p.page.ending_before.is_some() {
            candidates.collect()
        } else {
            candidates.rev().collect()
        };
        let has_more = page.len() > limit;
        if p.page.ending_before.is_some() {
            page = page.into_iter().take(limit).collect();
            page.reverse();
        } else {
            page.truncate(limit);
        }
        let page: Vec<(StoredEvent, u32)> = page
            .into_iter()
            .map(|e| (e.clone(), self.pending_webhooks(&e.id, &delivered)))
            .collect();
        drop(delivered);
        let shape = self.shape.clone();
        let data: Vec<Value> = page
            .iter()
            .map(|(e, pending)| self.event_json(e, shape.clone(), *pending))
            .collect();
        Ok(json!({
            "object": "list",
            "url": "/v1/events",
            "has_more": has_more,
            "data": data,
        }))
    }

    /// Every event, oldest first, as `GET /v1/events/{id}` answers it in `shape`.
    pub(crate) fn all_events(&mut self, shape: &Shape) -> Vec<Value> {
        let delivered = self.delivered();
        let events: Vec<(StoredEvent, u32)> = self
            .events
            .iter()
            .map(|e| (e.clone(), self.pending_webhooks(&e.id, &delivered)))
            .collect();
        drop(delivered);
        events
            .iter()
            .map(|(e, pending)| self.event_json(e, shape.clone(), *pending))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_filters_take_wildcards() {
        assert!(type_matches(
            "checkout.session.*",
            "checkout.session.expired"
        ));
        assert!(type_matches(
            "checkout.session.expired",
            "checkout.session.expired"
        ));
        assert!(!type_matches(
            "checkout.session.expired",
            "checkout.session.completed"
        ));
        assert!(!type_matches("customer.*", "checkout.session.completed"));
    }
}
