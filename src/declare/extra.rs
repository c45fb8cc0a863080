//! [`ExtraParams`]: untyped parameters sent after the typed ones — the escape hatch for betas
//! and fields Stripe adds before this crate types them — and the check that keeps them from
//! overriding a typed field.
//!
//! Which params types carry them is each params type's business (they generate their setters
//! with `extra_setters!`); this file only holds the pairs, checks them and appends them.

use serde_json::Value;

use crate::error::{Error, Result};
use crate::form;

/// Untyped parameters, as form pairs in Stripe's bracket syntax, sent after the typed
/// parameters of the same request.
///
/// Set them on a params type with `.extra_param(key, value)` (one bracket key) or
/// `.extra_json(value)` (a JSON object, encoded as the official SDKs encode params). Before
/// anything is sent, each key is checked: it must be well-formed, and it must not collide
/// with what the typed fields send — the same key, or a key inside or around one of theirs
/// (`a[b]` against `a[b][c]`), which would give Stripe two values for one parameter. A
/// refused key is reported as [`Error::InvalidParams`] naming it. An extra key for a field
/// the type has but you left unset is sent as given, without the checks its setter would
/// make: prefer the setter. The
/// emulator (feature `testing`) answers an extra parameter it does not know the way Stripe
/// answers an unknown one: a 400 naming it.
///
/// ```
/// use serde_json::json;
/// use stripe_checkout_client::checkout::{CreateSession, LineItem, SessionMode};
///
/// let params = CreateSession::new(SessionMode::Payment)
///     .line_item(LineItem::price("price_123", 1))
///     .extra_param("beta_feature[display_name]", "Trail Shop")
///     .extra_json(json!({"beta_feature": {"button_color": "#0a7cff"}}));
/// assert_eq!(
///     params.extra.pairs(),
///     [
///         ("beta_feature[display_name]".to_owned(), "Trail Shop".to_owned()),
///         ("beta_feature[button_color]".to_owned(), "#0a7cff".to_owned()),
///     ]
/// );
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExtraParams {
    pairs: Vec<(String, String)>,
    /// Why an `extra_json` value could not be encoded, reported when the params are checked.
    refused: Option<String>,
}

impl ExtraParams {
    /// The pairs, in the order they were added.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty() && self.refused.is_none()
    }

    pub(crate) fn push(&mut self, key: String, value: String) {
        self.pairs.push((key, value));
    }

    pub(crate) fn push_json(&mut self, value: &Value) {
        if !value.is_object() {
            self.refused
                .get_or_insert_with(|| "extra params must be a json object".to_owned());
            return;
        }
        match form::to_pairs(value) {
            Ok(pairs) => self.pairs.extend(pairs),
            Err(e) => {
                self.refused.get_or_insert(e.to_string());
            }
        }
    }

    /// Checks the extras against the typed encoding `typed`, then appends them.
    pub(crate) fn append_to(&self, typed: &mut Vec<(String, String)>) -> Result<()> {
        if let Some(why) = &self.refused {
            return Err(Error::invalid_param("extra", why.as_str()));
        }
        for (key, _) in &self.pairs {
            check_key(key, typed)?;
        }
        typed.extend(self.pairs.iter().cloned());
        Ok(())
    }
}

/// Writes nothing: the extras are checked against the typed pairs, then appended to them.
impl crate::wire::encode::Encode for ExtraParams {
    fn encode(&self, _: &mut crate::wire::encode::Writer) {}

    fn is_unset(&self) -> bool {
        true
    }
}

/// What a params type sends once `checked` passed: its typed pairs, then its checked extras,
/// with its version gates. One function for every params type, so the steps are compiled once.
pub(crate) fn gated(
    checked: Result<()>,
    params: &dyn crate::wire::encode::Encode,
    extra: &ExtraParams,
    gates: Vec<crate::versions::version_gate::Gate>,
) -> Result<crate::versions::version_gate::Gated> {
    checked?;
    let mut pairs = crate::wire::encode::to_pairs(params)?;
    extra.append_to(&mut pairs)?;
    Ok(crate::versions::version_gate::Gated { pairs, gates })
}

/// Generates `extra_param` and `extra_json` for a params type with an `extra: ExtraParams`
/// field, and the `encode` that checks the params and gives their typed pairs, then the
/// checked extras.
macro_rules! extra_setters {
    () => {
        /// The form pairs this request sends with API version `version`, in order: the
        /// params are checked as they are before sending, then encoded (the typed fields in
        /// declaration order, then the checked extras), then matched against what `version`
        /// accepts. [`form::encode_pairs`](crate::form::encode_pairs) escapes them into the
        /// request body.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidParams`](crate::Error::InvalidParams) naming the param a local
        /// check refused, or [`Error::NotInVersion`](crate::Error::NotInVersion) for a param
        /// `version` does not take, exactly as sending would report them.
        pub fn form_pairs(
            &self,
            version: &$crate::ApiVersion,
        ) -> $crate::Result<Vec<(String, String)>> {
            Ok(self.gated_pairs()?.resolve(version)?)
        }

        /// The checked pairs with the version gates still to resolve: what the endpoint
        /// hands to the pending request.
        pub(crate) fn gated_pairs(&self) -> $crate::Result<$crate::versions::version_gate::Gated> {
            $crate::declare::extra::gated(
                $crate::declare::params::Check::check(self, $crate::declare::params::Param::Root),
                self,
                &self.extra,
                $crate::versions::version_gate::VersionGates::version_gates(self),
            )
        }

        /// Adds an untyped parameter, sent after the typed ones: `key` in Stripe's bracket
        /// syntax (`beta_feature[display_name]`), `value` as the form value. For
        /// betas and fields this crate does not type yet; a key that collides with what the
        /// typed fields send is refused before sending (see
        /// [`ExtraParams`](crate::ExtraParams)).
        pub fn extra_param(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
            self.extra.push(key.into(), value.into());
            self
        }

        /// Adds untyped parameters from a JSON object, encoded as the official SDKs encode
        /// params (`{"a": {"b": [1]}}` → `a[b][0]=1`) and sent after the typed ones; the same
        /// checks as [`extra_param`](Self::extra_param) apply to every key.
        pub fn extra_json(mut self, value: ::serde_json::Value) -> Self {
            self.extra.push_json(&value);
            self
        }
    };
}

pub(crate) use extra_setters;

/// Refuses `key` when it is malformed, or when the typed encoding already sends it, or a key
/// inside or around it.
fn check_key(key: &str, typed: &[(String, String)]) -> Result<()> {
    if segments(key).is_none() {
        return Err(Error::invalid_param(
            key,
            "must be a name followed by `[segment]`s, each non-empty",
        ));
    }
    let clashes = |k: &str| {
        k == key
            || k.strip_prefix(key)
                .is_some_and(|rest| rest.starts_with('['))
            || key
                .strip_prefix(k)
                .is_some_and(|rest| rest.starts_with('['))
    };
    if typed.iter().any(|(k, _)| clashes(k)) {
        return Err(Error::invalid_param(
            key,
            "is already sent by the typed params; set it there",
        ));
    }
    Ok(())
}

/// `a[b][0]` → `["a", "b", "0"]`; `None` unless every segment is non-empty and the brackets
/// are balanced.
fn segments(key: &str) -> Option<Vec<&str>> {
    let (head, mut rest) = match key.find('[') {
        Some(i) => (&key[..i], &key[i..]),
        None => (key, ""),
    };
    let valid = |s: &str| !s.is_empty() && !s.contains(['[', ']']);
    if !valid(head) {
        return None;
    }
    let mut out = vec![head];
    while !rest.is_empty() {
        let inner = rest.strip_prefix('[')?;
        let end = inner.find(']')?;
        let segment = &inner[..end];
        if !valid(segment) {
            return None;
        }
        out.push(segment);
        rest = &inner[end + 1..];
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::pairs;

    #[test]
    fn keys_are_split_into_segments() {
        assert_eq!(segments("a"), Some(vec!["a"]));
        assert_eq!(segments("a[b][0][c]"), Some(vec!["a", "b", "0", "c"]));
        for bad in ["", "[a]", "a[]", "a[b", "a]b", "a[b]c", "a[b[c]]", "a[b]]"] {
            assert_eq!(segments(bad), None, "{bad}");
        }
    }

    fn refused(extra: &ExtraParams, typed: &[(&str, &str)]) -> Option<String> {
        match extra.append_to(&mut pairs(typed)) {
            Ok(()) => None,
            Err(Error::InvalidParams { param, .. }) => Some(param),
            Err(other) => panic!("{other:?}"),
        }
    }

    #[test]
    fn extras_follow_the_typed_pairs_unless_they_clash() {
        let mut extra = ExtraParams::default();
        extra.push("items[0][quantity]".into(), "2".into());
        extra.push_json(&serde_json::json!({"beta": {"on": true}}));
        let mut typed = pairs(&[("mode", "payment"), ("items[0][price]", "p")]);
        assert_eq!(
            extra.pairs(),
            pairs(&[("items[0][quantity]", "2"), ("beta[on]", "true")])
        );
        extra.append_to(&mut typed).unwrap();
        assert_eq!(
            typed,
            pairs(&[
                ("mode", "payment"),
                ("items[0][price]", "p"),
                ("items[0][quantity]", "2"),
                ("beta[on]", "true"),
            ])
        );

        let one = |key: &str| {
            let mut e = ExtraParams::default();
            e.push(key.into(), "v".into());
            e
        };
        // A field the typed params leave unset is the caller's to send.
        assert_eq!(refused(&one("flag"), &[("mode", "payment")]), None);
        // Already sent by the typed params, or around what they send.
        assert_eq!(
            refused(&one("beta"), &[("beta[x]", "1")]).as_deref(),
            Some("beta")
        );
        assert_eq!(
            refused(&one("beta[x][y]"), &[("beta[x]", "1")]).as_deref(),
            Some("beta[x][y]")
        );
        assert_eq!(
            refused(&one("beta[x]"), &[("beta[x]", "1")]).as_deref(),
            Some("beta[x]")
        );
        assert_eq!(refused(&one("beta[xy]"), &[("beta[x]", "1")]), None);
        // Malformed.
        assert_eq!(refused(&one("a[]"), &[]).as_deref(), Some("a[]"));
        // Not an object.
        let mut not_object = ExtraParams::default();
        not_object.push_json(&serde_json::json!([1, 2]));
        assert!(!not_object.is_empty());
        assert_eq!(refused(&not_object, &[]).as_deref(), Some("extra"));
        assert!(ExtraParams::default().is_empty());
    }
}
