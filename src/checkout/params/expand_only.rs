//! Test-only params of the retrieve and expire endpoints, whose only param is `expand`: the
//! client sends it from [`.expand(…)`](crate::PendingRequest::expand) on the pending request,
//! and the tests read the official SDKs' vectors and the facts' samples through these.

use crate::declare::params::params;
use crate::versions::version_gate::VersionGates;

params! {
    /// The parameters of a retrieve (`GET /v1/checkout/sessions/{id}`): what to expand, as the
    /// official SDKs write them, to read the recorded vectors and the facts' samples back.
    #[derive(Default, Eq)]
    pub struct RetrieveSession {
        /// Fields to expand (`discounts`, `discounts.coupon`, `line_items`, …).
        expand: String => expand,
    }
}

params! {
    /// The parameters of an expire (`POST /v1/checkout/sessions/{id}/expire`): only what to expand
    /// in the answer. [`CheckoutSessions::expire`](crate::checkout::CheckoutSessions::expire) takes only the
    /// id; chain [`.expand(…)`](crate::PendingRequest::expand) on it for the same pairs.
    #[derive(Default, Eq)]
    pub struct ExpireSession {
        /// Fields of the answer to expand.
        expand: String => expand,
    }
}

impl VersionGates for RetrieveSession {}

impl VersionGates for ExpireSession {}
