//! API versions: the `Stripe-Version` value ([`ApiVersion`](crate::ApiVersion), public as
//! [`version`](crate::version)), and what each version accepts, checked before sending
//! ([`VersionError`](crate::VersionError)).

pub mod version;
pub(crate) mod version_gate;
