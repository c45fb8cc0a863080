//! [`Limits`]: how much the emulator keeps — journal entries, idempotency records, sessions —
//! so one that serves a CI suite for days stays within bounded memory; and the store's
//! pruning to them after each request.
//!
//! What is kept is the store's; when it is pruned is the server's (after every request).

use crate::journal::RecordedRequest;
use crate::session_state::SessionStatus;
use crate::store::Store;

/// Stripe keeps an idempotency key for 24 hours; the emulator forgets it then too (on its
/// own clock), or earlier when over [`Limits::idempotency_keys`].
pub(crate) const IDEMPOTENCY_LIFETIME: i64 = 24 * 60 * 60;

/// The most the emulator keeps of what grows with every request. The oldest goes first:
/// journal entries, webhook delivery records and events by age, idempotency records by age (and
/// after 24 hours, as Stripe), sessions closed ones first (complete or expired), then open
/// ones. An inline coupon (from `coupon_data`) or shipping rate (from `shipping_rate_data`)
/// goes with the last session that carries it.
///
/// The defaults keep a long-running emulator well under 256 MiB (see the soak in the
/// README); lower them for a smaller footprint, raise them to keep more history.
///
/// ```
/// use stripe_checkout_emulator::Limits;
///
/// let small = Limits::default().journal(100).sessions(50);
/// assert_eq!((small.journal, small.sessions), (100, 50));
/// assert_eq!(small.idempotency_keys, Limits::default().idempotency_keys);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Journal entries kept (and webhook delivery records).
    pub journal: usize,
    /// About how many bytes the journal may hold, so large bodies (up to 1 MiB each) cannot
    /// outgrow the entry count's budget.
    pub journal_bytes: usize,
    /// Idempotency records kept.
    pub idempotency_keys: usize,
    /// Sessions kept.
    pub sessions: usize,
    /// Events kept (each holds a copy of its session as it was).
    pub events: usize,
}

impl Default for Limits {
    /// 10,000 of each but events (2,000), and 64 MiB of journal.
    fn default() -> Self {
        Limits {
            journal: 10_000,
            journal_bytes: 64 * 1024 * 1024,
            idempotency_keys: 10_000,
            sessions: 10_000,
            events: 2_000,
        }
    }
}

impl Limits {
    /// Keeps at most `n` journal entries.
    pub fn journal(mut self, n: usize) -> Self {
        self.journal = n;
        self
    }

    /// Keeps the journal to about `n` bytes.
    pub fn journal_bytes(mut self, n: usize) -> Self {
        self.journal_bytes = n;
        self
    }

    /// Keeps at most `n` idempotency records.
    pub fn idempotency_keys(mut self, n: usize) -> Self {
        self.idempotency_keys = n;
        self
    }

    /// Keeps at most `n` sessions.
    pub fn sessions(mut self, n: usize) -> Self {
        self.sessions = n;
        self
    }

    /// Keeps at most `n` events.
    pub fn events(mut self, n: usize) -> Self {
        self.events = n;
        self
    }
}

impl Store {
    /// Adds a journal entry, keeping its weight.
    pub(crate) fn record(&mut self, entry: RecordedRequest) {
        self.journal_weight += entry.weight();
        self.journal.push(entry);
    }

    /// Forgets the journal.
    pub(crate) fn clear_journal(&mut self) {
        self.journal.clear();
        self.journal_weight = 0;
    }

    /// Drops what is over the limits, oldest first.
    pub(crate) fn prune(&mut self) {
        let limits = self.limits;
        let over =
            |len: usize, weight: usize| len > limits.journal || weight > limits.journal_bytes;
        if over(self.journal.len(), self.journal_weight) {
            // Over the count, a tenth of the limit more goes at once, so that a full journal
            // is not shifted on every request; the newest entry stays whatever its weight.
            let len = self.journal.len();
            let at_least = if len > limits.journal {
                len - limits.journal + limits.journal / 10
            } else {
                0
            };
            let newest = len.min(limits.journal).min(1);
            let (mut cut, mut weight) = (0, self.journal_weight);
            while cut < len - newest && (over(len - cut, weight) || cut < at_least) {
                weight -= self.journal[cut].weight();
                cut += 1;
            }
            self.journal.drain(..cut);
            self.journal_weight = weight;
        }
        drop_oldest(&mut self.deliveries, limits.journal);
        let now = self.now();
        let expired = |saved_at: i64| now.saturating_sub(saved_at) >= IDEMPOTENCY_LIFETIME;
        while let Some((_, saved_at)) = self.idempotency_order.front() {
            let over = self.idempotency_order.len() > limits.idempotency_keys;
            if !over && !expired(*saved_at) {
                break;
            }
            if let Some((key, saved_at)) = self.idempotency_order.pop_front() {
                // Only the record this entry stands for: the key may have been saved anew.
                if self
                    .idempotent
                    .get(&key)
                    .is_some_and(|s| s.saved_at == saved_at)
                {
                    self.idempotent.remove(&key);
                }
            }
        }
        // A lapsed session counts as the closed session it is, and its event is kept below.
        self.sweep_expired();
        drop_oldest(&mut self.events, limits.events);
        if self.sessions.len() > limits.sessions {
            let excess = self.sessions.len() - limits.sessions;
            let closed = self
                .sessions
                .iter()
                .filter(|s| s.status != SessionStatus::Open)
                .count()
                .min(excess);
            // The oldest `closed` closed sessions go, then the oldest open ones for the rest.
            let (mut closed_left, mut open_left) = (closed, excess - closed);
            let mut gone = Vec::new();
            let mut rates = Vec::new();
            self.sessions.retain(|s| {
                let left = if s.status == SessionStatus::Open {
                    &mut open_left
                } else {
                    &mut closed_left
                };
                if *left == 0 {
                    return true;
                }
                *left -= 1;
                if let Some(discount) = &s.discount {
                    gone.push(discount.coupon_id.clone());
                }
                rates.extend(s.shipping_options.iter().cloned());
                false
            });
            for coupon in gone {
                self.forget_coupon_if_unused(&coupon);
            }
            for rate in rates {
                self.forget_shipping_rate_if_unused(&rate);
            }
        }
    }

    /// Forgets an inline or deleted coupon no session carries any more. Coupons created
    /// through the API or a seed are kept until deleted.
    pub(crate) fn forget_coupon_if_unused(&mut self, id: &str) {
        let inline = self.coupons.get(id).is_some_and(|c| c.inline);
        let used = self
            .sessions
            .iter()
            .any(|s| s.discount.as_ref().is_some_and(|d| d.coupon_id == id));
        if !used {
            self.deleted_coupons.remove(id);
        }
        if inline && !used {
            self.coupons.remove(id);
            self.coupon_order.retain(|c| c != id);
        }
    }
}

pub(crate) fn drop_oldest<T>(entries: &mut Vec<T>, keep: usize) {
    // Drained in chunks, so a full journal does not shift its entries on every request.
    if entries.len() > keep {
        let chunk = (keep / 10).max(1);
        let excess = entries.len() - keep;
        entries.drain(..(excess + chunk - 1).min(entries.len()).max(excess));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_entries_go_first_in_chunks() {
        let mut entries: Vec<u32> = (0..11).collect();
        drop_oldest(&mut entries, 10);
        assert_eq!(entries, (1..11).collect::<Vec<_>>());
        let mut entries: Vec<u32> = (0..101).collect();
        drop_oldest(&mut entries, 100);
        assert_eq!(entries.first(), Some(&10));
        assert!(entries.len() <= 100);
        let mut entries: Vec<u32> = (0..5).collect();
        drop_oldest(&mut entries, 10);
        assert_eq!(entries.len(), 5);
        let mut none: Vec<u32> = (0..3).collect();
        drop_oldest(&mut none, 0);
        assert!(none.is_empty());
    }
}
