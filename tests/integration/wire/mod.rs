//! What goes on the wire against the official SDKs: the recorded request vectors, each API
//! version's SDK, version gates, the types' coverage of each version, and property tests of
//! encoding and decoding.

mod coverage;
pub(crate) mod leaf_sample;
mod properties;
mod sdk_versions;
mod vectors;
mod versions;
