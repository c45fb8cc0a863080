//! The shop's fulfilment: [`ShopOrders`], what fulfilling an order does here (count it, log
//! it), and [`RedbStore`], the fulfilment store and the counts kept in a redb file, so that a
//! restarted server neither fulfils a paid order again nor forgets one it was fulfilling.
//!
//! The routes that use them are in `app.rs`.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition};
use stripe_checkout_client::checkout::CheckoutSession;
use stripe_checkout_client::fulfilment::{
    Claim, ClaimToken, FulfilmentStore, HookError, Orders, StoreError,
};
use stripe_checkout_client::updates::async_trait;

/// Each key's claim: `done`, or `held <token> <until, Unix ms>`.
const CLAIMS: TableDefinition<&str, &str> = TableDefinition::new("claims");
/// How many times the shop's fulfil ran for each session (the contract's `fulfilments`).
const FULFILMENTS: TableDefinition<&str, u64> = TableDefinition::new("fulfilments");

/// The fulfilment store and the fulfilment counts, in one redb file.
#[derive(Clone)]
pub struct RedbStore {
    db: Arc<Database>,
}

impl std::fmt::Debug for RedbStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RedbStore")
    }
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

impl RedbStore {
    /// Opens (or creates) the file at `path`, and releases the claims a process that ended
    /// while holding them left behind.
    ///
    /// redb opens a file in one process at a time (another open fails), so a claim held in
    /// the file when it opens was taken by a process that is gone: one that crashed or was
    /// killed mid-hook. Its hook either recorded its fulfilment (the count and the claim's
    /// completion are one transaction, so the claim then reads `done`) or did not, and may
    /// run again now rather than after the rest of its lease.
    pub fn open(path: &Path) -> Result<Self, redb::Error> {
        let db = Database::create(path)?;
        // Create both tables, so that reads find them on a fresh file.
        let tx = db.begin_write()?;
        tx.open_table(FULFILMENTS)?;
        let released = {
            let mut claims = tx.open_table(CLAIMS)?;
            let mut stale = Vec::new();
            for entry in claims.iter()? {
                let (key, value) = entry?;
                if value.value().starts_with("held ") {
                    stale.push(key.value().to_owned());
                }
            }
            for key in &stale {
                claims.remove(key.as_str())?;
            }
            stale.len()
        };
        tx.commit()?;
        if released > 0 {
            tracing::warn!(
                released,
                "released the claims of a process that ended mid-hook"
            );
        }
        Ok(Self { db: Arc::new(db) })
    }

    /// Runs `work` in a write transaction on a blocking thread (redb's calls block), and
    /// commits what it returned `Ok` for.
    async fn write<T: Send + 'static>(
        &self,
        work: impl FnOnce(&redb::WriteTransaction) -> Result<T, redb::Error> + Send + 'static,
    ) -> Result<T, StoreError> {
        let db = Arc::clone(&self.db);
        tokio::task::spawn_blocking(move || {
            let tx = db.begin_write()?;
            let out = work(&tx)?;
            tx.commit()?;
            Ok::<T, redb::Error>(out)
        })
        .await
        .map_err(StoreError::new)?
        .map_err(StoreError::new)
    }

    /// How many times the shop fulfilled `session`.
    pub async fn fulfilments(&self, session: &str) -> Result<u64, StoreError> {
        let (db, session) = (Arc::clone(&self.db), session.to_owned());
        tokio::task::spawn_blocking(move || {
            let tx = db.begin_read()?;
            let table = tx.open_table(FULFILMENTS)?;
            Ok::<u64, redb::Error>(
                table
                    .get(session.as_str())?
                    .map_or(0, |count| count.value()),
            )
        })
        .await
        .map_err(StoreError::new)?
        .map_err(StoreError::new)
    }

    /// Counts one fulfilment of `session` and marks its claim done in the same transaction:
    /// a crash after the fulfilment is recorded cannot leave the claim open for a second one.
    async fn count_fulfilment(&self, session: String) -> Result<(), StoreError> {
        self.write(move |tx| {
            let mut table = tx.open_table(FULFILMENTS)?;
            let count = table.get(session.as_str())?.map_or(0, |c| c.value());
            table.insert(session.as_str(), count + 1)?;
            tx.open_table(CLAIMS)?.insert(session.as_str(), "done")?;
            Ok(())
        })
        .await
    }
}

#[async_trait]
impl FulfilmentStore for RedbStore {
    async fn claim(&self, key: &str, lease: Duration) -> Result<Claim, StoreError> {
        let key = key.to_owned();
        let lease_ms = u64::try_from(lease.as_millis()).unwrap_or(u64::MAX);
        // One write transaction: redb runs one writer at a time, so two claims of a key
        // never both see it free.
        self.write(move |tx| {
            let mut table = tx.open_table(CLAIMS)?;
            let now = now_ms();
            let current = table.get(key.as_str())?.map(|v| v.value().to_owned());
            match current
                .as_deref()
                .map(str::split_whitespace)
                .map(Iterator::collect::<Vec<_>>)
            {
                Some(parts) if parts.first() == Some(&"done") => return Ok(Claim::Done),
                Some(parts) if parts.first() == Some(&"held") => {
                    let until: u64 = parts.get(2).and_then(|u| u.parse().ok()).unwrap_or(0);
                    if until > now {
                        return Ok(Claim::Held);
                    }
                }
                _ => {}
            }
            let token = ClaimToken::random();
            let held = format!("held {} {}", token.as_str(), now.saturating_add(lease_ms));
            table.insert(key.as_str(), held.as_str())?;
            Ok(Claim::Acquired(token))
        })
        .await
    }

    async fn complete(&self, key: &str, _token: &ClaimToken) -> Result<(), StoreError> {
        let key = key.to_owned();
        self.write(move |tx| {
            tx.open_table(CLAIMS)?.insert(key.as_str(), "done")?;
            Ok(())
        })
        .await
    }

    async fn release(&self, key: &str, token: &ClaimToken) -> Result<(), StoreError> {
        let (key, token) = (key.to_owned(), token.as_str().to_owned());
        self.write(move |tx| {
            let mut table = tx.open_table(CLAIMS)?;
            let ours = table
                .get(key.as_str())?
                .is_some_and(|v| v.value().split_whitespace().nth(1) == Some(token.as_str()));
            if ours {
                table.remove(key.as_str())?;
            }
            Ok(())
        })
        .await
    }
}

/// What fulfilling an order does in this shop: it counts the fulfilment (what
/// `/session-status` reports) and logs the order, never the shopper's details. A real shop
/// would ship here.
#[derive(Debug)]
pub struct ShopOrders {
    store: RedbStore,
}

impl ShopOrders {
    /// Orders counted in `store`.
    pub fn new(store: RedbStore) -> Self {
        Self { store }
    }
}

#[async_trait]
impl Orders for ShopOrders {
    async fn fulfil(&self, session: &CheckoutSession) -> Result<(), HookError> {
        let items: u64 = session
            .line_items
            .iter()
            .flat_map(|list| &list.data)
            .filter_map(|item| item.quantity)
            .sum();
        tracing::info!(session = %session.id, items, total = ?session.amount_total, "order fulfilled");
        self.store.count_fulfilment(session.id.to_string()).await?;
        Ok(())
    }

    async fn payment_failed(&self, session: &CheckoutSession) -> Result<(), HookError> {
        tracing::info!(session = %session.id, "delayed payment failed; order cancelled");
        Ok(())
    }

    async fn expired(&self, session: &CheckoutSession) -> Result<(), HookError> {
        tracing::info!(session = %session.id, "checkout expired unpaid");
        Ok(())
    }
}
