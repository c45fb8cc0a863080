//! Where the fulfiller records which sessions were handled: the [`FulfilmentStore`] trait
//! (claim, complete, release under a lease), the [`MemoryStore`] that implements it in memory,
//! and their [`Claim`], [`ClaimToken`] and [`StoreError`]. The fulfiller that uses a store is
//! in `fulfiller.rs`.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use async_trait::async_trait;

/// Why a store could not answer: its database is down, a write failed. The fulfiller answers
/// the webhook with a 5xx so that Stripe delivers it again.
#[derive(Debug, thiserror::Error)]
#[error("fulfilment store: {0}")]
pub struct StoreError(#[source] pub Box<dyn std::error::Error + Send + Sync>);

impl StoreError {
    /// Wraps the store's own error.
    pub fn new(source: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Self(source.into())
    }
}

/// Proof that a claim is held: given by [`FulfilmentStore::claim`], handed back to
/// [`complete`](FulfilmentStore::complete) or [`release`](FulfilmentStore::release). A random
/// string a store keeps beside the key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ClaimToken(String);

impl ClaimToken {
    /// A new random token.
    pub fn random() -> Self {
        Self(crate::sending::random::uuid_v4())
    }

    /// A token a store read back from its storage.
    pub fn from_stored(token: impl Into<String>) -> Self {
        Self(token.into())
    }

    /// The token as a store keeps it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What [`FulfilmentStore::claim`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Claim {
    /// Nobody held the key (or the last holder's lease lapsed): the caller holds it now, until
    /// the lease ends, and must complete or release it.
    Acquired(ClaimToken),
    /// The key was completed before: there is nothing left to do.
    Done,
    /// Another caller holds the key and its lease has not lapsed.
    Held,
}

/// Records, per key, whether a session's outcome was handled, so that each is handled once
/// across concurrent deliveries and restarts. A key is the session id (`cs_…`) for
/// fulfilment, and `cs_…:payment_failed` or `cs_…:expired` for those hooks.
///
/// Each method must be atomic for its key (a database transaction, a compare-and-set):
/// two concurrent `claim`s of one key never both acquire it. A claim lapses after its lease,
/// so that a process that crashed while fulfilling does not hold the key for ever: the next
/// delivery claims it again and fulfils. `complete` is final.
#[async_trait]
pub trait FulfilmentStore: Send + Sync {
    /// Claims `key` for `lease`, unless it is done or held by another caller whose lease has
    /// not lapsed.
    async fn claim(&self, key: &str, lease: Duration) -> Result<Claim, StoreError>;

    /// Marks `key` done. It stays done whoever holds it now: the work ran.
    async fn complete(&self, key: &str, token: &ClaimToken) -> Result<(), StoreError>;

    /// Gives up the claim `token` holds, so the next caller may claim `key` at once (the work
    /// failed and should be tried again). A claim another caller took over is left alone.
    async fn release(&self, key: &str, token: &ClaimToken) -> Result<(), StoreError>;
}

#[derive(Debug)]
enum Entry {
    Held { token: ClaimToken, until: Instant },
    Done,
}

/// A [`FulfilmentStore`] in this process's memory: exactly once across concurrent calls, but
/// forgotten on restart, so a process that restarts fulfils a redelivered event again. Use a
/// database behind the trait in production (the example shop uses redb).
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: Mutex<HashMap<String, Entry>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<String, Entry>> {
        // A panic elsewhere while holding the lock leaves the map consistent: every change
        // is one insert or remove.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[async_trait]
impl FulfilmentStore for MemoryStore {
    async fn claim(&self, key: &str, lease: Duration) -> Result<Claim, StoreError> {
        let now = Instant::now();
        let mut entries = self.entries();
        match entries.get(key) {
            Some(Entry::Done) => return Ok(Claim::Done),
            Some(Entry::Held { until, .. }) if *until > now => return Ok(Claim::Held),
            _ => {}
        }
        let token = ClaimToken::random();
        entries.insert(
            key.to_owned(),
            Entry::Held {
                token: token.clone(),
                until: now + lease,
            },
        );
        Ok(Claim::Acquired(token))
    }

    async fn complete(&self, key: &str, _token: &ClaimToken) -> Result<(), StoreError> {
        self.entries().insert(key.to_owned(), Entry::Done);
        Ok(())
    }

    async fn release(&self, key: &str, token: &ClaimToken) -> Result<(), StoreError> {
        let mut entries = self.entries();
        if matches!(entries.get(key), Some(Entry::Held { token: held, .. }) if held == token) {
            entries.remove(key);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEASE: Duration = Duration::from_secs(60);

    #[test]
    fn a_token_is_kept_as_stored_and_new_ones_differ() {
        assert_eq!(ClaimToken::from_stored("t-1").as_str(), "t-1");
        let (a, b) = (ClaimToken::random(), ClaimToken::random());
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 36, "a uuid: {a:?}");
    }

    #[tokio::test]
    async fn a_key_is_claimed_once_then_done() {
        let store = MemoryStore::new();
        let Claim::Acquired(token) = store.claim("cs_1", LEASE).await.unwrap() else {
            panic!("the first claim acquires");
        };
        assert_eq!(store.claim("cs_1", LEASE).await.unwrap(), Claim::Held);
        assert!(matches!(
            store.claim("cs_2", LEASE).await.unwrap(),
            Claim::Acquired(_)
        ));
        store.complete("cs_1", &token).await.unwrap();
        assert_eq!(store.claim("cs_1", LEASE).await.unwrap(), Claim::Done);
        // Releasing a done key does not reopen it.
        store.release("cs_1", &token).await.unwrap();
        assert_eq!(store.claim("cs_1", LEASE).await.unwrap(), Claim::Done);
    }

    #[tokio::test]
    async fn a_released_or_lapsed_claim_can_be_claimed_again() {
        let store = MemoryStore::new();
        let Claim::Acquired(first) = store.claim("cs_1", LEASE).await.unwrap() else {
            panic!("acquires");
        };
        store.release("cs_1", &first).await.unwrap();
        let Claim::Acquired(second) = store.claim("cs_1", Duration::ZERO).await.unwrap() else {
            panic!("a released key is free");
        };
        assert_ne!(first, second);
        // A zero lease has lapsed at once: a crashed holder does not keep the key.
        let Claim::Acquired(third) = store.claim("cs_1", LEASE).await.unwrap() else {
            panic!("a lapsed lease is taken over");
        };
        // The old holder's release leaves the new holder's claim alone.
        store.release("cs_1", &second).await.unwrap();
        assert_eq!(store.claim("cs_1", LEASE).await.unwrap(), Claim::Held);
        store.release("cs_1", &third).await.unwrap();
        assert!(matches!(
            store.claim("cs_1", LEASE).await.unwrap(),
            Claim::Acquired(_)
        ));
    }

    #[tokio::test]
    async fn concurrent_claims_acquire_once() {
        let store = std::sync::Arc::new(MemoryStore::new());
        let claims = futures_util::future::join_all((0..16).map(|_| {
            let store = std::sync::Arc::clone(&store);
            tokio::spawn(async move { store.claim("cs_1", LEASE).await.unwrap() })
        }))
        .await;
        let acquired = claims
            .into_iter()
            .filter(|c| matches!(c.as_ref().unwrap(), Claim::Acquired(_)))
            .count();
        assert_eq!(acquired, 1);
    }
}
