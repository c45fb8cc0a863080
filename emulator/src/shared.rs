//! [`Shared`]: the emulator's state as the handle, the server and the test controls share
//! it — the store behind its one lock, and whether the HTTP controls are on.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::store::Store;

/// State shared by the handle and every connection.
#[derive(Debug, Default)]
pub(crate) struct Shared {
    store: Mutex<Store>,
    controls: AtomicBool,
}

impl Shared {
    /// The store, even after a panic elsewhere: tests should see the state, not a poison error.
    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether requests under the reserved control path reach the test controls.
    pub(crate) fn controls(&self) -> bool {
        self.controls.load(Ordering::Relaxed)
    }

    pub(crate) fn enable_controls(&self) {
        self.controls.store(true, Ordering::Relaxed);
    }
}
