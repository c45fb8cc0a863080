//! Test-only params of the retrieve and expire endpoints, whose only param is `expand`: the
//! client sends it from [`.expand(…)`](crate::PendingRequest::expand) on the pending request,
//! and the tests read the official SDKs' vectors and the facts' samples through these.

#[cfg(feature = "deserialize-params")]
use serde::Deserialize;
use serde::Serialize;

use crate::versions::version_gate::VersionGates;
use crate::wire::encode::encoded_struct;

encoded_struct! {
    /// The parameters of a retrieve (`GET /v1/checkout/sessions/{id}`): what to expand, as the
    /// official SDKs write them, to read the recorded vectors and the facts' samples back.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct RetrieveSession {
        /// Fields to expand (`discounts`, `discounts.coupon`, `line_items`, …).
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub expand: Vec<String>,
    }
}

impl RetrieveSession {
    /// Retrieve without expanding anything.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds fields to expand.
    pub fn expand(mut self, fields: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.expand.extend(fields.into_iter().map(Into::into));
        self
    }
}

encoded_struct! {
    /// The parameters of an expire (`POST /v1/checkout/sessions/{id}/expire`): only what to expand
    /// in the answer. [`CheckoutSessions::expire`](crate::checkout::CheckoutSessions::expire) takes only the
    /// id; chain [`.expand(…)`](crate::PendingRequest::expand) on it for the same pairs.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    #[cfg_attr(feature = "deserialize-params", derive(Deserialize))]
    #[serde(deny_unknown_fields)]
    #[non_exhaustive]
    pub struct ExpireSession {
        /// Fields of the answer to expand.
        #[serde(skip_serializing_if = "Vec::is_empty", default)]
        pub expand: Vec<String>,
    }
}

impl ExpireSession {
    /// Expire without expanding anything.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds fields of the answer to expand.
    pub fn expand(mut self, fields: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.expand.extend(fields.into_iter().map(Into::into));
        self
    }
}

impl VersionGates for RetrieveSession {}

impl VersionGates for ExpireSession {}
