//! [`Limits`]: how much the emulator keeps — journal entries, idempotency records, sessions —
//! so one that serves a CI suite for days stays within bounded memory; and the store's
//! pruning to them after each request.
//!
//! What is kept is the store's; when it is pruned is the server's (after every request).

use crate::session_state::SessionStatus;
use crate::store::Store;

/// Stripe keeps an idempotency key for 24 hours; the emulator forgets it then too (on its
/// own clock), or earlier when over [`Limits::idempotency_keys`].
pub(crate) const IDEMPOTENCY_LIFETIME: i64 = 24 * 60 * 60;

/// The most the emulator keeps of what grows with every request. The oldest goes first:
/// journal entries and webhook delivery records by age, idempotency records by age (and
/// after 24 hours, as Stripe), sessions closed ones first (complete or expired), then open
/// ones. An inline coupon (from `coupon_data`) goes with the last session that carries it.
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
    /// Idempotency records kept.
    pub idempotency_keys: usize,
    /// Sessions kept.
    pub sessions: usize,
}

impl Default for Limits {
    /// 10,000 of each.
    fn default() -> Self {
        Limits {
            journal: 10_000,
            idempotency_keys: 10_000,
            sessions: 10_000,
        }
    }
}

impl Limits {
    /// Keeps at most `n` journal entries.
    pub fn journal(mut self, n: usize) -> Self {
        self.journal = n;
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
}

impl Store {
    /// Drops what is over the limits, oldest first.
    pub(crate) fn prune(&mut self) {
        let limits = self.limits;
        drop_oldest(&mut self.journal, limits.journal);
        drop_oldest(&mut self.deliveries, limits.journal);
        let now = self.now();
        let expired = |saved_at: i64| now.saturating_sub(saved_at) >= IDEMPOTENCY_LIFETIME;
        while let Some(key) = self.idempotency_order.front() {
            let over = self.idempotency_order.len() > limits.idempotency_keys;
            let stale = self.idempotent.get(key).is_none_or(|s| expired(s.saved_at));
            if !over && !stale {
                break;
            }
            if let Some(key) = self.idempotency_order.pop_front() {
                self.idempotent.remove(&key);
            }
        }
        if self.sessions.len() > limits.sessions {
            let excess = self.sessions.len() - limits.sessions;
            let mut closed: Vec<usize> = (0..self.sessions.len())
                .filter(|&i| self.sessions[i].status != SessionStatus::Open)
                .take(excess)
                .collect();
            let open = (0..self.sessions.len())
                .filter(|&i| self.sessions[i].status == SessionStatus::Open)
                .take(excess - closed.len());
            closed.extend(open);
            closed.sort_unstable();
            let mut gone = Vec::with_capacity(closed.len());
            for i in closed.into_iter().rev() {
                gone.push(self.sessions.remove(i));
            }
            for session in gone {
                if let Some(discount) = session.discount {
                    self.drop_inline_coupon_if_unused(&discount.coupon_id);
                }
            }
        }
    }

    /// Forgets an inline coupon no session carries any more. Coupons created through the
    /// API or a seed are kept.
    pub(crate) fn drop_inline_coupon_if_unused(&mut self, id: &str) {
        let inline = self.coupons.get(id).is_some_and(|c| c.inline);
        let used = self
            .sessions
            .iter()
            .any(|s| s.discount.as_ref().is_some_and(|d| d.coupon_id == id));
        if inline && !used {
            self.coupons.remove(id);
            self.coupon_order.retain(|c| c != id);
        }
    }
}

fn drop_oldest<T>(entries: &mut Vec<T>, keep: usize) {
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
