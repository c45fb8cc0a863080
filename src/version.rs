//! The `Stripe-Version` header: a dated API version plus ordered beta flags.
//!
//! This module only models and renders the version string; the transport sends it verbatim on
//! every request, and [`RequestOptions`](crate::RequestOptions) can override it per request.

use std::fmt;
use std::str::FromStr;

/// The API version the crate is built and tested against.
pub const BASE_VERSION: &str = "2025-03-31.basil";

/// The beta flag that enables server-side discount updates on Checkout Sessions.
pub const SERVER_UPDATE_BETA: (&str, &str) = ("checkout_server_update_beta", "v1");

/// A Stripe API version with optional beta flags, rendered as Stripe expects in the
/// `Stripe-Version` header, e.g. `2025-03-31.basil; checkout_server_update_beta=v1;`.
///
/// Beta flags keep their insertion order; [`with_beta`](Self::with_beta) replaces a flag that
/// already has the same name instead of adding a second one.
///
/// ```
/// use stripe_checkout_client::ApiVersion;
///
/// let v = ApiVersion::server_update_beta();
/// assert_eq!(v.to_string(), "2025-03-31.basil; checkout_server_update_beta=v1;");
///
/// let v2 = v.with_beta("checkout_server_update_beta", "v2").with_beta("other_beta", "v1");
/// assert_eq!(v2.to_string(), "2025-03-31.basil; checkout_server_update_beta=v2; other_beta=v1;");
///
/// let parsed: ApiVersion = "2025-03-31.basil; checkout_server_update_beta=v1;".parse()?;
/// assert_eq!(parsed, ApiVersion::server_update_beta());
/// # Ok::<(), stripe_checkout_client::version::ParseApiVersionError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ApiVersion {
    base: String,
    betas: Vec<(String, String)>,
}

impl ApiVersion {
    /// A plain dated version without beta flags, e.g. `2025-03-31.basil`.
    ///
    /// # Errors
    /// [`ParseApiVersionError`] if `base` is empty or holds characters that cannot appear in
    /// a version (whitespace, `;`, `=`, control characters).
    pub fn new(base: impl Into<String>) -> Result<Self, ParseApiVersionError> {
        let base = base.into();
        check_token(&base, ParseApiVersionError::InvalidBase)?;
        Ok(Self {
            base,
            betas: Vec::new(),
        })
    }

    /// The crate's default: `2025-03-31.basil; checkout_server_update_beta=v1;`, the version
    /// Stripe's "dynamically update discounts" preview requires.
    pub fn server_update_beta() -> Self {
        Self {
            base: BASE_VERSION.to_owned(),
            betas: vec![(
                SERVER_UPDATE_BETA.0.to_owned(),
                SERVER_UPDATE_BETA.1.to_owned(),
            )],
        }
    }

    /// Returns this version with the beta flag `name=version` set, replacing a flag of the
    /// same name in place or appending a new one.
    ///
    /// # Panics
    /// If `name` or `version` is empty or holds whitespace, `;`, `=`, `,` or control
    /// characters. Such a header could never be accepted by Stripe, so this is meant for
    /// literals; use [`try_with_beta`](Self::try_with_beta) for values read at run time.
    pub fn with_beta(self, name: impl Into<String>, version: impl Into<String>) -> Self {
        self.try_with_beta(name, version)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Like [`with_beta`](Self::with_beta), but reports an invalid flag.
    ///
    /// # Errors
    /// [`ParseApiVersionError::InvalidBeta`] if `name` or `version` is empty or holds
    /// whitespace, `;`, `=` or control characters.
    pub fn try_with_beta(
        mut self,
        name: impl Into<String>,
        version: impl Into<String>,
    ) -> Result<Self, ParseApiVersionError> {
        let (name, version) = (name.into(), version.into());
        let invalid = || ParseApiVersionError::InvalidBeta(format!("{name}={version}"));
        if !is_token(&name) || !is_token(&version) {
            return Err(invalid());
        }
        match self.betas.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = version,
            None => self.betas.push((name, version)),
        }
        Ok(self)
    }

    /// The dated base version, e.g. `2025-03-31.basil`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The beta flags in order, as `(name, version)` pairs.
    pub fn betas(&self) -> impl ExactSizeIterator<Item = (&str, &str)> {
        self.betas.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// The version of beta `name`, if the flag is set.
    pub fn beta(&self, name: &str) -> Option<&str> {
        self.betas
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Default for ApiVersion {
    fn default() -> Self {
        Self::server_update_beta()
    }
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.base)?;
        if !self.betas.is_empty() {
            f.write_str(";")?;
            for (name, version) in &self.betas {
                write!(f, " {name}={version};")?;
            }
        }
        Ok(())
    }
}

impl FromStr for ApiVersion {
    type Err = ParseApiVersionError;

    /// Parses `base[; name=version]*[;]`, the format [`Display`](fmt::Display) produces.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.split(';').map(str::trim);
        let base = parts.next().unwrap_or_default();
        let mut version = Self::new(base)?;
        let mut rest: Vec<&str> = parts.collect();
        // One trailing `;` is the canonical form; an empty part anywhere else is a typo.
        if rest.last() == Some(&"") {
            rest.pop();
        }
        for flag in rest {
            let (name, v) = flag
                .split_once('=')
                .ok_or_else(|| ParseApiVersionError::InvalidBeta(flag.to_owned()))?;
            if version.beta(name).is_some() {
                return Err(ParseApiVersionError::DuplicateBeta(name.to_owned()));
            }
            version = version.try_with_beta(name, v)?;
        }
        Ok(version)
    }
}

impl serde::Serialize for ApiVersion {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for ApiVersion {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Why a string is not a valid [`ApiVersion`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseApiVersionError {
    /// The dated base version is empty or holds forbidden characters.
    #[error("invalid api version base `{0}`")]
    InvalidBase(String),
    /// A beta flag is not of the form `name=version` with non-empty, separator-free parts.
    #[error("invalid beta flag `{0}`, expected `name=version`")]
    InvalidBeta(String),
    /// The same beta flag appears twice.
    #[error("beta flag `{0}` appears more than once")]
    DuplicateBeta(String),
}

fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_graphic() && b != b';' && b != b'=' && b != b',')
}

fn check_token(
    s: &str,
    err: impl FnOnce(String) -> ParseApiVersionError,
) -> Result<(), ParseApiVersionError> {
    if is_token(s) {
        Ok(())
    } else {
        Err(err(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_the_server_update_beta_string() {
        assert_eq!(
            ApiVersion::default().to_string(),
            "2025-03-31.basil; checkout_server_update_beta=v1;"
        );
    }

    #[test]
    fn plain_version_has_no_trailing_separator() {
        let v = ApiVersion::new("2024-06-20").unwrap();
        assert_eq!(v.to_string(), "2024-06-20");
        assert_eq!("2024-06-20".parse::<ApiVersion>().unwrap(), v);
    }

    #[test]
    fn with_beta_replaces_same_name_and_keeps_order() {
        let v = ApiVersion::new("2025-03-31.basil")
            .unwrap()
            .with_beta("a", "v1")
            .with_beta("b", "v1")
            .with_beta("a", "v3");
        assert_eq!(v.to_string(), "2025-03-31.basil; a=v3; b=v1;");
        assert_eq!(v.betas().collect::<Vec<_>>(), [("a", "v3"), ("b", "v1")]);
        assert_eq!(v.beta("b"), Some("v1"));
        assert_eq!(v.beta("c"), None);
    }

    #[test]
    fn parse_round_trips_display() {
        for s in [
            "2025-03-31.basil; checkout_server_update_beta=v1;",
            "2025-03-31.basil; a=v1; b=v2;",
            "2025-03-31.basil",
        ] {
            assert_eq!(s.parse::<ApiVersion>().unwrap().to_string(), s);
        }
        // Looser spacing and a missing trailing `;` are accepted and normalised.
        let v: ApiVersion = "2025-03-31.basil;a=v1".parse().unwrap();
        assert_eq!(v.to_string(), "2025-03-31.basil; a=v1;");
    }

    #[test]
    fn parse_rejects_malformed_input() {
        assert!(matches!(
            "".parse::<ApiVersion>(),
            Err(ParseApiVersionError::InvalidBase(_))
        ));
        assert!(matches!(
            "2025-03-31.basil\r\nX-Evil: 1".parse::<ApiVersion>(),
            Err(ParseApiVersionError::InvalidBase(_))
        ));
        assert!(matches!(
            "2025-03-31.basil; beta".parse::<ApiVersion>(),
            Err(ParseApiVersionError::InvalidBeta(_))
        ));
        assert!(matches!(
            "2025-03-31.basil; a=".parse::<ApiVersion>(),
            Err(ParseApiVersionError::InvalidBeta(_))
        ));
        assert!(matches!(
            "2025-03-31.basil;; a=v1".parse::<ApiVersion>(),
            Err(ParseApiVersionError::InvalidBeta(_))
        ));
        assert_eq!(
            "2025-03-31.basil; a=v1; a=v2".parse::<ApiVersion>(),
            Err(ParseApiVersionError::DuplicateBeta("a".into()))
        );
    }

    #[test]
    fn try_with_beta_rejects_separators() {
        let v = ApiVersion::server_update_beta();
        assert!(v.clone().try_with_beta("a;b", "v1").is_err());
        assert!(v.clone().try_with_beta("a", "v 1").is_err());
        assert!(v.try_with_beta("", "v1").is_err());
    }
}
