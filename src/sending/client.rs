//! [`Client`] and its [`ClientBuilder`]: checking the configuration once, and the raw escape
//! hatch [`Client::request_raw`].
//!
//! A `Client` holds configuration and one pooled HTTP client; it is cheap to clone and safe to
//! share across tasks. Sending (retries, headers, idempotency) lives in the private `transport`
//! module, the pending request in `request`; resource handlers such as Checkout Sessions live
//! in their own modules and only borrow the client.

use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;
use reqwest::header::HeaderValue;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{ConfigError, Error, Result};
use crate::form;
use crate::sending::request::PendingRequest;
use crate::sending::secret::SecretKey;
use crate::sending::transport::{Answer, Backoff, Method, Transport, stripe_account_header};
use crate::version::ApiVersion;
use crate::versions::version_gate::Gated;

/// The production API base.
pub const DEFAULT_API_BASE: &str = "https://api.stripe.com";
/// Stripe's official SDKs wait this long for a response before giving up.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(80);
/// Retries after the first attempt, as in the official SDKs.
pub const DEFAULT_MAX_RETRIES: u32 = 2;
/// Responses larger than this are refused rather than buffered.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// A Stripe API client.
///
/// Build one with [`Client::builder`] (or [`Client::new`] for the defaults), then reuse it:
/// clones share one connection pool.
///
/// ```
/// use stripe_checkout_client::{ApiVersion, Client};
///
/// let client = Client::builder("sk_test_51Hx00000000000000000000000")
///     .api_version(ApiVersion::server_update_beta())
///     .max_retries(3)
///     .build()?;
/// // The key is never printed in full.
/// assert!(!format!("{client:?}").contains("sk_test_51Hx00000000000000000000000"));
/// # Ok::<(), stripe_checkout_client::Error>(())
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Transport>,
}

impl Client {
    /// A client with every default: production API base, the server-update beta version,
    /// 2 retries, an 80 s timeout.
    ///
    /// # Errors
    /// [`Error::Config`] if the key does not look like a Stripe secret or restricted key.
    pub fn new(secret_key: impl Into<String>) -> Result<Self> {
        Self::builder(secret_key).build()
    }

    /// Starts configuring a client for `secret_key` (`sk_…` or `rk_…`).
    pub fn builder(secret_key: impl Into<String>) -> ClientBuilder {
        ClientBuilder::new(secret_key)
    }

    /// The API version sent in `Stripe-Version` unless a request overrides it.
    pub fn api_version(&self) -> &ApiVersion {
        &self.inner.api_version
    }

    /// The base URL requests are sent to, without a trailing slash.
    pub fn api_base(&self) -> &str {
        &self.inner.api_base
    }

    /// Sends a request to any Stripe endpoint and decodes the JSON answer into `T`.
    ///
    /// This is the escape hatch for endpoints and betas the crate does not model; `T` may be
    /// [`serde_json::Value`]. `params` is form-encoded with the [`form`](crate::form) rules:
    /// into the query string for `GET`/`DELETE`, into the body for `POST`. Retries, idempotency
    /// keys, error mapping and the chained options are the same as for the typed methods.
    ///
    /// ```no_run
    /// use stripe_checkout_client::{Client, Method};
    /// use serde_json::{json, Value};
    /// # async fn run() -> stripe_checkout_client::Result<()> {
    /// let client = Client::new("sk_test_123")?;
    /// let coupon: Value = client
    ///     .request_raw(Method::Post, "/v1/coupons", &json!({"percent_off": 10, "duration": "once"}))
    ///     .idempotency_key("coupon-ten-percent")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParams`] (param `path`) if `path` does not start with `/` or holds a
    /// query, fragment, `..` or non-ASCII characters, and [`Error::Encode`] for params the
    /// form encoder cannot express: both before anything is sent. Otherwise as [`Error`]
    /// describes.
    pub fn request_raw<T, P>(&self, method: Method, path: &str, params: &P) -> PendingRequest<'_, T>
    where
        T: DeserializeOwned,
        P: Serialize + ?Sized,
    {
        let params =
            check_raw_path(path).and_then(|()| Ok(Gated::ungated(form::to_pairs(params)?)));
        PendingRequest::new(
            &self.inner,
            method,
            path.to_owned(),
            params,
            Answer::decode::<T>,
        )
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        f.debug_struct("Client")
            .field("secret_key", &inner.key)
            .field("api_base", &inner.api_base)
            .field("api_version", &inner.api_version.to_string())
            .field("max_retries", &inner.max_retries)
            .field("timeout", &inner.timeout)
            .finish_non_exhaustive()
    }
}

fn check_raw_path(path: &str) -> Result<()> {
    let reason = if !path.starts_with('/') {
        Some("must start with `/`")
    } else if !path
        .bytes()
        .all(|b| b.is_ascii_graphic() && b != b'?' && b != b'#')
    {
        Some("must be visible ascii without `?` or `#`; pass parameters in `params`")
    } else if path.split('/').any(|seg| seg == ".." || seg == ".") {
        Some("must not contain `.` or `..` segments")
    } else if path.contains(['%', '\\']) {
        // The URL parser reads `%2e%2e` as `..` and `\` as `/`, which would step out of the
        // API base's path; Stripe's paths never need either.
        Some("must not contain `%` or `\\`")
    } else {
        None
    };
    match reason {
        Some(reason) => Err(Error::invalid_param("path", reason)),
        None => Ok(()),
    }
}

/// Identifies the application using the client, appended to the `User-Agent` as Stripe
/// recommends for plugins and platforms.
///
/// ```
/// use stripe_checkout_client::{AppInfo, Client};
///
/// let client = Client::builder("sk_test_123")
///     .app_info(AppInfo::new("MyShop").version("1.4.0").url("https://myshop.example"))
///     .build()?;
/// # Ok::<(), stripe_checkout_client::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppInfo {
    name: String,
    version: Option<String>,
    url: Option<String>,
}

impl AppInfo {
    /// An application called `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            version: None,
            url: None,
        }
    }

    /// The application's version.
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.version = Some(version.into());
        self
    }

    /// The application's home page.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// `Name/version (url)`, the format the official SDKs append to the `User-Agent`.
    fn user_agent_suffix(&self) -> String {
        let mut s = self.name.clone();
        if let Some(v) = &self.version {
            s.push('/');
            s.push_str(v);
        }
        if let Some(u) = &self.url {
            s.push_str(" (");
            s.push_str(u);
            s.push(')');
        }
        s
    }
}

/// Configures a [`Client`]. Created by [`Client::builder`].
///
/// Nothing is checked until [`build`](Self::build), which reports every mistake as
/// [`Error::Config`].
#[derive(Clone)]
pub struct ClientBuilder {
    key: String,
    api_base: String,
    api_version: ApiVersion,
    max_retries: u32,
    backoff: Backoff,
    timeout: Duration,
    connect_timeout: Option<Duration>,
    app_info: Option<AppInfo>,
    stripe_account: Option<String>,
    max_response_bytes: usize,
}

impl ClientBuilder {
    fn new(secret_key: impl Into<String>) -> Self {
        Self {
            key: secret_key.into(),
            api_base: DEFAULT_API_BASE.to_owned(),
            api_version: ApiVersion::default(),
            max_retries: DEFAULT_MAX_RETRIES,
            backoff: Backoff::default(),
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: None,
            app_info: None,
            stripe_account: None,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }

    /// The API version to send; defaults to [`ApiVersion::server_update_beta`].
    pub fn api_version(mut self, version: ApiVersion) -> Self {
        self.api_version = version;
        self
    }

    /// Where to send requests; defaults to `https://api.stripe.com`. Plain `http` is accepted
    /// only for loopback hosts (`127.0.0.0/8`, `::1`, `localhost`), for local emulators and
    /// tests. A path prefix is kept (`http://127.0.0.1:8080/stripe` → `/stripe/v1/…`).
    pub fn api_base(mut self, url: impl Into<String>) -> Self {
        self.api_base = url.into();
        self
    }

    /// How many times a failed request is retried (default 2; 0 disables retries).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// The backoff between retries: the first delay and the cap (defaults 0.5 s and 5 s).
    /// Each delay is `max(initial, min(initial·2^n, max)·(0.5 + rand/2))`.
    pub fn backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.backoff = Backoff {
            initial,
            max: max.max(initial),
        };
        self
    }

    /// The time allowed for each attempt, from sending to the last byte of the response
    /// (default 80 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The time allowed to establish a connection (default: bounded only by
    /// [`timeout`](Self::timeout)).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Identifies your application in the `User-Agent`.
    pub fn app_info(mut self, info: AppInfo) -> Self {
        self.app_info = Some(info);
        self
    }

    /// A connected account (`acct_…`) to act for on every request, sent as `Stripe-Account`.
    pub fn stripe_account(mut self, account: impl Into<String>) -> Self {
        self.stripe_account = Some(account.into());
        self
    }

    /// Responses larger than this are refused with [`Error::ResponseTooLarge`] (default 16 MiB).
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Checks the configuration and builds the client.
    ///
    /// # Errors
    /// [`Error::Config`] for a key that does not start with `sk_`/`rk_`, an unparsable or
    /// insecure API base, an account id or app info that cannot be sent as a header, or an
    /// HTTP client that cannot be built.
    pub fn build(self) -> Result<Client> {
        let key = SecretKey::parse(self.key)?;
        let api_base = check_api_base(&self.api_base)?;
        let api_version_header =
            HeaderValue::try_from(self.api_version.to_string()).map_err(|_| {
                ConfigError::InvalidValue {
                    name: "api_version",
                    reason: "not a valid header value",
                }
            })?;
        let stripe_account = self
            .stripe_account
            .as_deref()
            .map(|a| stripe_account_header(a).map_err(Error::from))
            .transpose()?;
        let (user_agent, client_user_agent) = user_agents(self.app_info.as_ref())?;

        let mut http = reqwest::Client::builder()
            // Stripe never redirects API calls; following one could replay a POST elsewhere.
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(Duration::from_secs(90))
            .tcp_nodelay(true);
        if let Some(t) = self.connect_timeout {
            http = http.connect_timeout(t);
        }
        let http = http
            .build()
            .map_err(|e| ConfigError::HttpClient(Box::new(e)))?;

        Ok(Client {
            inner: Arc::new(Transport {
                http,
                key,
                api_base,
                api_version: self.api_version,
                api_version_header,
                stripe_account,
                max_retries: self.max_retries,
                backoff: self.backoff,
                timeout: self.timeout,
                user_agent,
                client_user_agent,
                max_response_bytes: self.max_response_bytes,
            }),
        })
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key = match SecretKey::parse(self.key.clone()) {
            Ok(k) => k.redacted,
            Err(_) => "<invalid key>".to_owned(),
        };
        f.debug_struct("ClientBuilder")
            .field("secret_key", &key)
            .field("api_base", &shown_api_base(&self.api_base))
            .field("api_version", &self.api_version.to_string())
            .field("max_retries", &self.max_retries)
            .field("timeout", &self.timeout)
            .field("stripe_account", &self.stripe_account)
            .finish_non_exhaustive()
    }
}

fn check_api_base(raw: &str) -> std::result::Result<String, ConfigError> {
    let invalid = |reason| ConfigError::InvalidApiBase {
        url: shown_api_base(raw),
        reason,
    };
    let url = Url::parse(raw).map_err(|_| invalid("not an absolute url"))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid("must not contain credentials"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(invalid("must not have a query or fragment"));
    }
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => return Err(ConfigError::InsecureApiBase(shown_api_base(raw))),
        _ => return Err(invalid("scheme must be https")),
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

/// An API base as errors and `Debug` may show it: scheme, host, port and path only. A base
/// that does not parse is not shown at all — it may be a key passed in the wrong place — and
/// credentials, query and fragment are dropped, since they may hold one.
fn shown_api_base(raw: &str) -> String {
    match Url::parse(raw) {
        Ok(mut url) if url.has_host() => {
            // Cannot fail for a URL with a host.
            let _ = url.set_username("");
            let _ = url.set_password(None);
            url.set_query(None);
            url.set_fragment(None);
            url.as_str().to_owned()
        }
        _ => "<not shown>".to_owned(),
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

fn user_agents(app: Option<&AppInfo>) -> Result<(HeaderValue, HeaderValue)> {
    let invalid = || ConfigError::InvalidValue {
        name: "app_info",
        reason: "must be visible ascii",
    };
    let mut ua = format!("stripe-checkout-client/{}", env!("CARGO_PKG_VERSION"));
    if let Some(app) = app {
        ua.push(' ');
        ua.push_str(&app.user_agent_suffix());
    }
    let mut client_ua = serde_json::json!({
        "bindings_version": env!("CARGO_PKG_VERSION"),
        "lang": "rust",
        "publisher": "stripe-checkout-client",
        "uname": format!("{} {}", std::env::consts::OS, std::env::consts::ARCH),
    });
    if let Some(app) = app {
        client_ua["application"] = serde_json::json!({
            "name": app.name,
            "version": app.version,
            "url": app.url,
        });
    }
    let ua = HeaderValue::try_from(ua).map_err(|_| invalid())?;
    let client_ua = HeaderValue::try_from(client_ua.to_string()).map_err(|_| invalid())?;
    Ok((ua, client_ua))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_base_policy() {
        for ok in [
            "https://api.stripe.com",
            "https://api.stripe.com/",
            "http://127.0.0.1:12111",
            "http://127.8.9.10",
            "http://localhost:4242/prefix/",
            "http://[::1]:8080",
        ] {
            assert!(check_api_base(ok).is_ok(), "{ok}");
        }
        assert_eq!(
            check_api_base("http://localhost:4242/prefix/").unwrap(),
            "http://localhost:4242/prefix"
        );
        for insecure in [
            "http://api.stripe.com",
            "http://10.0.0.1",
            "http://localhost.evil.com",
            "http://[::2]",
        ] {
            assert!(
                matches!(
                    check_api_base(insecure),
                    Err(ConfigError::InsecureApiBase(_))
                ),
                "{insecure}"
            );
        }
        for invalid in [
            "api.stripe.com",
            "ftp://api.stripe.com",
            "https://api.stripe.com/?x=1",
            "https://api.stripe.com/#f",
        ] {
            assert!(
                matches!(
                    check_api_base(invalid),
                    Err(ConfigError::InvalidApiBase { .. })
                ),
                "{invalid}"
            );
        }
        let err = check_api_base("https://sk_test_secret:x@api.stripe.com").unwrap_err();
        assert!(!err.to_string().contains("sk_test_secret"));
        // Nothing that may hold a key is echoed: an unparsable base (a key in the wrong
        // place, or credentials with a bad port), a query, a fragment.
        for (raw, secret) in [
            ("sk_live_swapped123", "sk_live_swapped123"),
            (
                "https://u:sk_live_SECRET@api.stripe.com:99999",
                "sk_live_SECRET",
            ),
            ("https://api.stripe.com/?token=sk_live_Q", "sk_live_Q"),
            ("https://api.stripe.com/#sk_live_F", "sk_live_F"),
            ("http://u:sk_live_P@api.stripe.com", "sk_live_P"),
            // Parses, but as a URL without a host: nothing of it is a base to show.
            ("mailto:sk_live_M", "sk_live_M"),
        ] {
            let shown = check_api_base(raw).unwrap_err().to_string();
            assert!(!shown.contains(secret), "{shown}");
            let builder = Client::builder("sk_test_123").api_base(raw);
            assert!(!format!("{builder:?}").contains(secret), "{builder:?}");
        }
        assert_eq!(
            check_api_base("https://api.stripe.com/?x=1")
                .unwrap_err()
                .to_string(),
            "invalid api base `https://api.stripe.com/`: must not have a query or fragment"
        );
    }

    #[test]
    fn raw_paths_are_checked() {
        assert!(check_raw_path("/v1/checkout/sessions/cs_test_1").is_ok());
        for bad in [
            "v1/x",
            "/v1/x?y=1",
            "/v1/x#f",
            "/v1/../x",
            "/v1/é",
            "/v1/a b",
            "/v1/%2e%2e/%2E%2E/admin",
            "/v1\\..\\..\\admin",
            "/v1/%2f",
        ] {
            match check_raw_path(bad) {
                Err(Error::InvalidParams { param, .. }) => assert_eq!(param, "path"),
                other => panic!("{bad}: {other:?}"),
            }
        }
    }

    #[test]
    fn the_built_client_reports_its_version_and_base() {
        let client = Client::builder("sk_test_123")
            .api_version("2025-03-31.basil".parse().unwrap())
            .api_base("http://localhost:4242/prefix/")
            .build()
            .unwrap();
        assert_eq!(client.api_version().to_string(), "2025-03-31.basil");
        assert_eq!(client.api_base(), "http://localhost:4242/prefix");
        let default = Client::new("sk_test_123").unwrap();
        assert_eq!(default.api_version(), &ApiVersion::server_update_beta());
        assert_eq!(default.api_base(), "https://api.stripe.com");
    }

    #[test]
    fn client_is_cheap_to_share() {
        fn assert_traits<T: Clone + Send + Sync + 'static>() {}
        assert_traits::<Client>();
        assert_eq!(std::mem::size_of::<Client>(), std::mem::size_of::<usize>());
    }
}
