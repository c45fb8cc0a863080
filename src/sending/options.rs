//! [`RequestOptions`]: per-request settings that override the client's (idempotency key,
//! connected account, API version, timeout, retries), and the chained setters every pending
//! request shares.
//!
//! The options are plain data; the transport reads them when it sends, and the pending
//! request types (in `request` and the discount flow) carry them.

use std::time::Duration;

use crate::version::ApiVersion;

/// Per-request settings that override the client's.
///
/// Chain the same setters directly on any pending request
/// (`sessions.create(&params).idempotency_key("order-42")`); keep a `RequestOptions` when one
/// set of overrides is applied to many requests, with `.options(&saved)`. An idempotency key
/// belongs to one operation: Stripe replays (or refuses) a second, different request sent
/// with it, so keep keys out of a set you reuse.
///
/// ```
/// use std::time::Duration;
/// use stripe_checkout_client::{ApiVersion, RequestOptions};
///
/// let opts = RequestOptions::new()
///     .idempotency_key("order-1234-discount")
///     .stripe_account("acct_1Hx000000000000")
///     .api_version(ApiVersion::new("2025-03-31.basil")?)
///     .timeout(Duration::from_secs(10))
///     .max_retries(5);
/// assert_eq!(opts.max_retries, Some(5));
/// # Ok::<(), stripe_checkout_client::version::ParseApiVersionError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestOptions {
    /// `Idempotency-Key` for a `POST`; a fresh UUID v4 is used when `None`. The same key is
    /// sent on every retry.
    pub idempotency_key: Option<String>,
    /// `Stripe-Account` for this request, overriding the client's.
    pub stripe_account: Option<String>,
    /// `Stripe-Version` for this request, overriding the client's.
    pub api_version: Option<ApiVersion>,
    /// Per-attempt timeout for this request, overriding the client's.
    pub timeout: Option<Duration>,
    /// Retries for this request, overriding the client's.
    pub max_retries: Option<u32>,
}

impl RequestOptions {
    /// No overrides.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sends `key` as `Idempotency-Key` (on `POST` only; ignored otherwise). Use a key
    /// derived from your own operation (order id + step) to make retries across process
    /// restarts safe. At most 255 visible ASCII characters.
    pub fn idempotency_key(mut self, key: impl Into<String>) -> Self {
        self.idempotency_key = Some(key.into());
        self
    }

    /// Acts for the connected account `acct_…`.
    pub fn stripe_account(mut self, account: impl Into<String>) -> Self {
        self.stripe_account = Some(account.into());
        self
    }

    /// Sends this API version instead of the client's.
    pub fn api_version(mut self, version: ApiVersion) -> Self {
        self.api_version = Some(version);
        self
    }

    /// Allows each attempt this long.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Retries this request at most `retries` times.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }

    /// Takes every override `other` sets; the ones it leaves unset stay as they are.
    ///
    /// ```
    /// use stripe_checkout_client::RequestOptions;
    ///
    /// let saved = RequestOptions::new().stripe_account("acct_1Hx000000000000");
    /// let merged = RequestOptions::new().max_retries(0).merge(&saved);
    /// assert_eq!(merged.stripe_account.as_deref(), Some("acct_1Hx000000000000"));
    /// assert_eq!(merged.max_retries, Some(0));
    /// ```
    pub fn merge(mut self, other: &RequestOptions) -> Self {
        let RequestOptions {
            idempotency_key,
            stripe_account,
            api_version,
            timeout,
            max_retries,
        } = other;
        if idempotency_key.is_some() {
            self.idempotency_key.clone_from(idempotency_key);
        }
        if stripe_account.is_some() {
            self.stripe_account.clone_from(stripe_account);
        }
        if api_version.is_some() {
            self.api_version.clone_from(api_version);
        }
        self.timeout = timeout.or(self.timeout);
        self.max_retries = max_retries.or(self.max_retries);
        self
    }
}

/// The chained option setters of a pending request type with an `options: RequestOptions`
/// field: one definition, so every pending request offers the same six, documented alike.
macro_rules! request_option_setters {
    () => {
        /// Sends `key` as the `Idempotency-Key` of this request's `POST` (ignored on reads);
        /// by default a fresh UUID v4 is used. Retries always reuse the key. At most 255
        /// visible ASCII characters, checked before anything is sent.
        pub fn idempotency_key(mut self, key: impl Into<String>) -> Self {
            self.options.idempotency_key = Some(key.into());
            self
        }

        /// Acts for the connected account `acct_…` (`Stripe-Account`), overriding the
        /// client's.
        pub fn stripe_account(mut self, account: impl Into<String>) -> Self {
            self.options.stripe_account = Some(account.into());
            self
        }

        /// Sends this `Stripe-Version` instead of the client's.
        pub fn api_version(mut self, version: $crate::ApiVersion) -> Self {
            self.options.api_version = Some(version);
            self
        }

        /// Allows each attempt this long, instead of the client's timeout.
        pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.options.timeout = Some(timeout);
            self
        }

        /// Retries at most `retries` times, instead of the client's setting.
        pub fn max_retries(mut self, retries: u32) -> Self {
            self.options.max_retries = Some(retries);
            self
        }

        /// Applies a saved set of overrides: every option `options` sets replaces the one set
        /// so far; the others are kept.
        pub fn options(mut self, options: &$crate::RequestOptions) -> Self {
            self.options = ::std::mem::take(&mut self.options).merge(options);
            self
        }
    };
}

pub(crate) use request_option_setters;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_takes_only_what_is_set() {
        let base = RequestOptions::new()
            .idempotency_key("a")
            .stripe_account("acct_base1")
            .timeout(Duration::from_secs(1))
            .max_retries(1);
        let saved = RequestOptions::new()
            .stripe_account("acct_saved")
            .api_version(ApiVersion::new("2025-03-31.basil").unwrap())
            .max_retries(4);
        let merged = base.clone().merge(&saved);
        assert_eq!(merged.idempotency_key.as_deref(), Some("a"));
        assert_eq!(merged.stripe_account.as_deref(), Some("acct_saved"));
        assert_eq!(merged.api_version, saved.api_version);
        assert_eq!(merged.timeout, Some(Duration::from_secs(1)));
        assert_eq!(merged.max_retries, Some(4));
        assert_eq!(base.clone().merge(&RequestOptions::new()), base);
        let keyed = RequestOptions::new()
            .idempotency_key("b")
            .timeout(Duration::from_secs(9));
        let merged = base.merge(&keyed);
        assert_eq!(merged.idempotency_key.as_deref(), Some("b"));
        assert_eq!(merged.timeout, Some(Duration::from_secs(9)));
    }
}
