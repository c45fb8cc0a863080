//! Sending a request: the [`Client`](crate::Client) and its builder, the pending request
//! every endpoint method returns, per-request options, the transport (headers, retries,
//! idempotency keys, reading the answer), the key kept out of logs, and walking list pages.
//!
//! What a request sends is decided by the params types ([`declare`](crate::declare) and the
//! resource modules) and encoded by [`wire`](crate::wire); this folder only moves it.

pub(crate) mod client;
pub(crate) mod options;
pub(crate) mod paging;
pub(crate) mod random;
pub(crate) mod request;
pub(crate) mod secret;
pub(crate) mod transport;
