//! Declaring params: [`params!`](params::params), the one way a params struct is declared,
//! with what it generates from (the local [`Check`](params::Check) and the name a refusal
//! reports); clearing a field ([`Clearable`](crate::Clearable)); metadata; and untyped extra
//! params ([`ExtraParams`](crate::ExtraParams)).
//!
//! The params types themselves live with their resources (`checkout/params/`,
//! `resources/`); the form encoding is [`wire`](crate::wire)'s, and answers are declared with
//! `model!` there.
//!
//! # How to add a field
//!
//! Add one line to the struct's `params!` block, in the place Stripe's official SDKs send it
//! (fields are encoded in declaration order):
//!
//! ```text
//! params! {
//!     /// What the struct is (`its_param`).
//!     pub struct CreateSession {
//!         /// What the field is, in your own words (`wire_name`; the versions that have it).
//!         submit_type: SubmitType => into,
//!     }
//!     check(create_rules);   // optional: rules between fields, after each field's own check
//!     new(empty);            // optional: another name or visibility for the generated `new`
//! }
//! ```
//!
//! The line gives the field, its setter (same doc), its encoding and its check. The kinds:
//!
//! | kind | field | setter |
//! |---|---|---|
//! | `required` | `T`, always sent | none: an argument of `new` (`impl Into<T>`) |
//! | `required_plain` | `T` | an argument of `new` taking `T` (numbers, flags) |
//! | `required_list` | `Vec<T>` | an argument of `new` taking any iterator |
//! | `into` | `Option<T>` | `field(impl Into<T>)` |
//! | `plain` | `Option<T>` | `field(T)`, so number literals infer |
//! | `id` | `Option<Id>` | `field(impl IntoId<Id>)`: a malformed id is refused before sending |
//! | `list`, `list(adder)` | `Vec<T>` | `field(iter)` replaces; `adder(value)` appends |
//! | `clear_list(adder, clear)` | `Option<Clearable<Vec<T>>>` | `field(iter)` (empty clears), `adder`, `clear()` |
//! | `map`, `map(adder)` | `BTreeMap<String, T>` | `field(pairs)` replaces; `adder(key, value)` adds |
//! | `metadata` | `Option<Metadata>` | `metadata(k, v)`, `metadata_entries(pairs)` |
//! | `metadata_update` | `Option<Metadata>` | those, `unset_metadata(k)`, `clear_metadata()` |
//! | `expand` | `Vec<String>` | `expand(fields)` adds |
//! | `extra` | `ExtraParams` | `extra_param`, `extra_json`, `form_pairs`: a request's params |
//! | `constructed` | `Option<T>` | none: set by the struct's own constructors (`LineItem::price`) |
//!
//! A keyword or another wire name is `type_ as "type": T => required`. The field's type needs
//! a `Check` (`unchecked!(T)` for a Stripe enum); a field of a version that not every version
//! takes also gets a line in the struct's `VersionGates` (`checkout/params/versions.rs`).
//! Then add the field's pair to the struct's table test (`checkout/params/tests/`), and
//! `cargo test` tells whether the wire vectors and the coverage still hold.

pub(crate) mod clearable;
pub(crate) mod extra;
pub mod metadata;
pub(crate) mod model;
pub(crate) mod params;
