//! What an API version accepts: the per-parameter changes Stripe documents between versions,
//! checked against the version a request is actually sent with, and [`VersionError`], what a
//! caller gets when that version refuses a parameter.
//!
//! Params types list their version-dependent parameters when they are encoded; the pending
//! request resolves them once the request's version is known (the client's, or a per-request
//! override), before anything is sent: a renamed value is sent under the version's name, a
//! parameter the version does not take is refused with [`VersionError`]. Which parameters are
//! gated lives beside each params type; this file holds the mechanism, the dated changes and
//! the error.
//!
//! A version's date alone decides: Stripe's versions are cumulative, so a later version keeps
//! every change before it, and a version newer than any the crate knows gets only those.

use std::fmt;

use crate::version::{ApiDate, ApiVersion};

/// A dated change of the API, named by the first version that has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Change {
    date: ApiDate,
    version: &'static str,
}

impl Change {
    const fn new(year: u16, month: u8, day: u8, version: &'static str) -> Self {
        match ApiDate::new(year, month, day) {
            Some(date) => Self { date, version },
            None => panic!("a change is dated by a real date"),
        }
    }

    /// Whether `version` has this change: it is dated on or after it.
    pub(crate) fn reached_by(self, version: &ApiVersion) -> bool {
        version.date() >= self.date
    }
}

/// `2025-09-30.clover`: discounts and promotion codes name their coupon under `source` and
/// `promotion` (changelog: "add-discount-source-property", "polymorphic-coupon").
pub(crate) const CLOVER: Change = Change::new(2025, 9, 30, "2025-09-30.clover");
/// `2025-12-15.clover`: `line_items` on session update leaves the preview (SDK 20.1.0).
pub(crate) const UPDATE_LINE_ITEMS: Change = Change::new(2025, 12, 15, "2025-12-15.clover");
/// `2026-03-25.dahlia`: the `ui_mode` values `custom`, `embedded`, `hosted` are renamed
/// `elements`, `embedded_page`, `hosted_page`, and `form` is added (changelog:
/// "updates-available-checkout-session-ui-modes": the old values "will fail").
pub(crate) const DAHLIA: Change = Change::new(2026, 3, 25, "2026-03-25.dahlia");
/// `2026-09-30.endive`: `payment_method_types` can no longer be sent on create;
/// `allowed_payment_method_types` replaces it (changelog:
/// "remove-payment-method-types-checkout-sessions").
pub(crate) const ENDIVE: Change = Change::new(2026, 9, 30, "2026-09-30.endive");
/// `2026-10-28.endive`: `payment_intent_data` on session update (SDK 23.1.0).
pub(crate) const UPDATE_PAYMENT_INTENT_DATA: Change =
    Change::new(2026, 10, 28, "2026-10-28.endive");

/// How one parameter depends on the version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    /// Sent under its current value from `since` on, and as `old` before.
    Renamed {
        /// The change that renamed the value.
        since: Change,
        /// The value's name before it.
        old: &'static str,
    },
    /// Sent under its current key from `since` on, and under `old` before (a promotion code's
    /// `promotion[coupon]`, basil's `coupon`).
    RenamedKey {
        /// The change that moved the key.
        since: Change,
        /// The key before it.
        old: &'static str,
    },
    /// Sent from this change on and left out before: the earlier versions have no such key
    /// and need none (a promotion code's `promotion[type]`).
    OmittedBefore(Change),
    /// Refused from this change on.
    Removed(Change),
    /// Refused before this change.
    Added(Change),
    /// Refused before this change, unless the version is a preview (it was a preview feature
    /// first).
    AddedOrPreview(Change),
    /// Refused unless the version is a preview.
    Preview,
}

/// One version-dependent parameter of a request, with the fix to name if it is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Gate {
    param: String,
    rule: Rule,
    fix: &'static str,
}

impl Gate {
    pub(crate) fn new(param: impl Into<String>, rule: Rule, fix: &'static str) -> Self {
        Self {
            param: param.into(),
            rule,
            fix,
        }
    }

    /// Checks this gate against `version`, renaming the value in `pairs` if it must be.
    fn apply(
        &self,
        version: &ApiVersion,
        pairs: &mut [(String, String)],
    ) -> Result<(), VersionError> {
        let gap = match self.rule {
            Rule::Renamed { since, old } => {
                if !since.reached_by(version) {
                    for (key, value) in pairs.iter_mut() {
                        if *key == self.param {
                            old.clone_into(value);
                        }
                    }
                }
                return Ok(());
            }
            Rule::RenamedKey { since, old } => {
                if !since.reached_by(version) {
                    for (key, _) in pairs.iter_mut() {
                        if *key == self.param {
                            old.clone_into(key);
                        }
                    }
                }
                return Ok(());
            }
            Rule::OmittedBefore(change) => {
                if !change.reached_by(version) {
                    for (key, _) in pairs.iter_mut() {
                        if *key == self.param {
                            key.clear();
                        }
                    }
                }
                return Ok(());
            }
            Rule::Removed(change) if change.reached_by(version) => VersionGap::Removed {
                since: change.version,
            },
            Rule::Added(change) if !change.reached_by(version) => VersionGap::NotYet {
                since: change.version,
                in_previews: false,
            },
            Rule::AddedOrPreview(change)
                if !change.reached_by(version) && !version.is_preview() =>
            {
                VersionGap::NotYet {
                    since: change.version,
                    in_previews: true,
                }
            }
            Rule::Preview if !version.is_preview() => VersionGap::PreviewOnly,
            _ => return Ok(()),
        };
        Err(VersionError {
            param: self.param.clone(),
            version: version.clone(),
            gap,
            fix: self.fix,
        })
    }
}

/// Encoded form pairs with the gates of the params they came from, resolved once the request's
/// version is known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Gated {
    pub(crate) pairs: Vec<(String, String)>,
    pub(crate) gates: Vec<Gate>,
}

impl Gated {
    /// Pairs that depend on no version (retrieve, list, raw requests).
    pub(crate) fn ungated(pairs: Vec<(String, String)>) -> Self {
        Self {
            pairs,
            gates: Vec::new(),
        }
    }

    /// The pairs to send with `version`, or the first gate it refuses.
    pub(crate) fn resolve(
        self,
        version: &ApiVersion,
    ) -> Result<Vec<(String, String)>, VersionError> {
        let Gated { mut pairs, gates } = self;
        for gate in &gates {
            gate.apply(version, &mut pairs)?;
        }
        // An omitted pair is marked by an empty key (no param has one).
        pairs.retain(|(key, _)| !key.is_empty());
        Ok(pairs)
    }
}

/// The version-dependent parameters of a params type; none by default.
pub(crate) trait VersionGates {
    fn version_gates(&self) -> Vec<Gate> {
        Vec::new()
    }
}

/// A parameter the request's API version does not accept, as Stripe documents it. Nothing was
/// sent.
///
/// ```
/// use stripe_checkout_client::checkout::{CreateSession, SessionMode};
/// use stripe_checkout_client::error::VersionGap;
/// use stripe_checkout_client::{ApiVersion, Error};
///
/// let params = CreateSession::new(SessionMode::Payment).payment_method_types(["card"]);
/// match params.form_pairs(&ApiVersion::newest_ga()) {
///     Err(Error::NotInVersion(e)) => {
///         assert_eq!(e.param, "payment_method_types");
///         assert_eq!(e.gap, VersionGap::Removed { since: "2026-09-30.endive" });
///         assert_eq!(
///             e.to_string(),
///             "`payment_method_types` is not accepted on API version 2026-10-28.endive: \
///              removed in 2026-09-30.endive; use `allowed_payment_method_types` instead"
///         );
///     }
///     other => panic!("{other:?}"),
/// }
/// // The guide's version still takes it.
/// assert!(params.form_pairs(&ApiVersion::server_update_beta()).is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{param}` is not accepted on API version {version}: {gap}; {fix}")]
#[non_exhaustive]
pub struct VersionError {
    /// The parameter, in Stripe's bracket syntax (`permissions[update_discounts]`).
    pub param: String,
    /// The version the request would have been sent with.
    pub version: ApiVersion,
    /// Why that version refuses it.
    pub gap: VersionGap,
    /// What to do instead.
    pub fix: &'static str,
}

/// Why an API version refuses a parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum VersionGap {
    /// Stripe removed it in version `since`.
    Removed {
        /// The first version without it.
        since: &'static str,
    },
    /// Stripe added it in version `since`.
    NotYet {
        /// The first generally available version with it.
        since: &'static str,
        /// Whether preview versions had it earlier.
        in_previews: bool,
    },
    /// Stripe offers it in preview versions only (`.preview`, `.private`, or a version with a
    /// beta flag such as `checkout_server_update_beta=v1`).
    PreviewOnly,
}

impl fmt::Display for VersionGap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Removed { since } => write!(f, "removed in {since}"),
            Self::NotYet {
                since,
                in_previews: false,
            } => write!(f, "added in {since}"),
            Self::NotYet {
                since,
                in_previews: true,
            } => write!(f, "added in {since} (earlier in preview versions)"),
            Self::PreviewOnly => f.write_str(
                "a preview feature (needs a `.preview` version or a beta flag such as \
                 `checkout_server_update_beta=v1`)",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> ApiVersion {
        s.parse().unwrap()
    }

    fn pairs(value: &str) -> Vec<(String, String)> {
        vec![("ui_mode".to_owned(), value.to_owned())]
    }

    fn resolve(gate: Gate, version: &str) -> Result<Vec<(String, String)>, VersionError> {
        Gated {
            pairs: pairs("elements"),
            gates: vec![gate],
        }
        .resolve(&v(version))
    }

    #[test]
    fn a_renamed_value_is_sent_under_the_old_name_before_the_change_only() {
        let gate = || {
            Gate::new(
                "ui_mode",
                Rule::Renamed {
                    since: DAHLIA,
                    old: "custom",
                },
                "",
            )
        };
        for (version, sent) in [
            ("2025-03-31.basil", "custom"),
            ("2026-03-24.clover", "custom"),
            ("2026-03-25.dahlia", "elements"),
            ("2026-08-26.preview", "elements"),
            ("2027-01-27.foxglove", "elements"),
        ] {
            assert_eq!(resolve(gate(), version).unwrap(), pairs(sent), "{version}");
        }
        // Only the gated key is renamed.
        let other = Gated {
            pairs: vec![("metadata[ui_mode]".into(), "elements".into())],
            gates: vec![gate()],
        };
        assert_eq!(
            other.resolve(&v("2025-03-31.basil")).unwrap()[0].1,
            "elements"
        );
    }

    #[test]
    fn a_moved_key_and_a_new_key_take_their_older_form_before_the_change() {
        let gated = || Gated {
            pairs: vec![
                ("kind[name]".into(), "x".into()),
                ("kind[id]".into(), "A1".into()),
                ("kept".into(), "1".into()),
            ],
            gates: vec![
                Gate::new("kind[name]", Rule::OmittedBefore(DAHLIA), ""),
                Gate::new(
                    "kind[id]",
                    Rule::RenamedKey {
                        since: DAHLIA,
                        old: "id",
                    },
                    "",
                ),
            ],
        };
        let sent = |version: &str| -> Vec<String> {
            gated()
                .resolve(&v(version))
                .unwrap()
                .into_iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect()
        };
        assert_eq!(sent("2026-03-24.clover"), ["id=A1", "kept=1"]);
        assert_eq!(
            sent("2026-03-25.dahlia"),
            ["kind[name]=x", "kind[id]=A1", "kept=1"]
        );
    }

    #[test]
    fn each_rule_refuses_exactly_on_its_side_of_the_date() {
        let cases = [
            (Rule::Removed(ENDIVE), "2026-09-29.dahlia", true),
            (Rule::Removed(ENDIVE), "2026-09-30.endive", false),
            (Rule::Removed(ENDIVE), "2027-01-27.foxglove", false),
            (Rule::Added(ENDIVE), "2026-09-29.dahlia; b=v1", false),
            (Rule::Added(ENDIVE), "2026-09-30.endive", true),
            (
                Rule::AddedOrPreview(UPDATE_LINE_ITEMS),
                "2025-12-14.clover",
                false,
            ),
            (
                Rule::AddedOrPreview(UPDATE_LINE_ITEMS),
                "2025-03-31.preview",
                true,
            ),
            (
                Rule::AddedOrPreview(UPDATE_LINE_ITEMS),
                "2025-03-31.basil; b=v1",
                true,
            ),
            (
                Rule::AddedOrPreview(UPDATE_LINE_ITEMS),
                "2025-12-15.clover",
                true,
            ),
            (Rule::Preview, "2026-10-28.endive", false),
            (Rule::Preview, "2026-08-26.preview", true),
            (Rule::Preview, "2026-04-22.private", true),
            (
                Rule::Preview,
                "2025-03-31.basil; checkout_server_update_beta=v1",
                true,
            ),
        ];
        for (rule, version, accepted) in cases {
            let got = resolve(Gate::new("p", rule, "fix it"), version);
            assert_eq!(got.is_ok(), accepted, "{rule:?} on {version}: {got:?}");
            if let Err(e) = got {
                assert_eq!((e.param.as_str(), e.fix), ("p", "fix it"));
                assert_eq!(e.version, v(version));
            }
        }
    }

    #[test]
    fn the_error_says_the_param_the_version_the_gap_and_the_fix() {
        let err = |rule| resolve(Gate::new("p", rule, "do this"), "2025-03-31.basil").unwrap_err();
        assert_eq!(
            err(Rule::Added(DAHLIA)).to_string(),
            "`p` is not accepted on API version 2025-03-31.basil: added in 2026-03-25.dahlia; do this"
        );
        assert_eq!(
            err(Rule::AddedOrPreview(UPDATE_LINE_ITEMS)).gap,
            VersionGap::NotYet {
                since: "2025-12-15.clover",
                in_previews: true
            }
        );
        assert!(
            err(Rule::AddedOrPreview(UPDATE_LINE_ITEMS))
                .to_string()
                .contains("added in 2025-12-15.clover (earlier in preview versions)")
        );
        assert!(err(Rule::Preview).to_string().contains(
            "a preview feature (needs a `.preview` version or a beta flag such as `checkout_server_update_beta=v1`); do this"
        ));
        let removed = resolve(
            Gate::new("p", Rule::Removed(CLOVER), "x"),
            "2025-09-30.clover",
        )
        .unwrap_err();
        assert_eq!(
            removed.to_string().split(": ").nth(1),
            Some("removed in 2025-09-30.clover; x")
        );
    }

    #[test]
    fn the_first_refusing_gate_is_reported_and_nothing_else_changes() {
        let gated = Gated {
            pairs: pairs("elements"),
            gates: vec![
                Gate::new("a", Rule::Added(CLOVER), ""),
                Gate::new("b", Rule::Preview, ""),
                Gate::new("c", Rule::Removed(DAHLIA), ""),
            ],
        };
        assert_eq!(
            gated
                .clone()
                .resolve(&v("2025-03-31.basil"))
                .unwrap_err()
                .param,
            "a"
        );
        assert_eq!(
            gated
                .clone()
                .resolve(&v("2025-10-01.clover"))
                .unwrap_err()
                .param,
            "b"
        );
        assert_eq!(
            gated
                .clone()
                .resolve(&v("2026-03-25.preview"))
                .unwrap_err()
                .param,
            "c"
        );
        assert_eq!(
            gated.resolve(&v("2025-10-01.preview")).unwrap(),
            pairs("elements")
        );
        assert_eq!(
            Gated::ungated(pairs("x"))
                .resolve(&v("2024-06-20"))
                .unwrap(),
            pairs("x")
        );
    }
}
