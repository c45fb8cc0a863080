//! The `Stripe-Version` header: a dated API version (`2025-03-31.basil`) plus ordered beta
//! flags, parsed, ordered and rendered. Back to [the flow](crate#the-flow-end-to-end).
//!
//! This module only models the version; what each version accepts is checked before sending
//! (a refusal is [`VersionError`](crate::VersionError)), and the transport sends the header verbatim on every
//! request ([`RequestOptions`](crate::RequestOptions) can override it per request).

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use crate::wire::stripe_enum::stripe_enum;

/// The API version of Stripe's dynamic-discounts guide, the crate's default (with
/// [`SERVER_UPDATE_BETA`]).
pub const BASE_VERSION: &str = "2025-03-31.basil";

/// The newest preview version the crate is tested against: what the official beta SDK
/// (`stripe@22.7.0-beta.1`) sends, and the only SDK release that types server-side discount
/// updates.
pub const NEWEST_PREVIEW: &str = "2026-08-26.preview";

/// The newest generally available version the crate is tested against: what the official SDK
/// (`stripe@23.1.0`) sends by default.
pub const NEWEST_GA: &str = "2026-10-28.endive";

/// The beta flag that enables server-side discount updates on Checkout Sessions.
pub const SERVER_UPDATE_BETA: (&str, &str) = ("checkout_server_update_beta", "v1");

/// A Stripe API version with optional beta flags, rendered as Stripe expects in the
/// `Stripe-Version` header, e.g. `2025-03-31.basil; checkout_server_update_beta=v1;`.
///
/// Beta flags keep their insertion order; [`with_beta`](Self::with_beta) replaces a flag that
/// already has the same name instead of adding a second one.
///
/// Versions order by [date](Self::date) first, so `2025-03-31.basil < 2026-10-28.endive`;
/// versions of the same day order by release name, then by flags, which keeps the order total.
/// What a version accepts is decided by its date alone: a request that sends a param its
/// version does not take fails with [`VersionError`](crate::VersionError) before sending.
///
/// ```
/// use stripe_checkout_client::ApiVersion;
/// use stripe_checkout_client::version::Release;
///
/// let v = ApiVersion::server_update_beta();
/// assert_eq!(v.to_string(), "2025-03-31.basil; checkout_server_update_beta=v1;");
///
/// let v2 = v.with_beta("checkout_server_update_beta", "v2").with_beta("other_beta", "v1");
/// assert_eq!(v2.to_string(), "2025-03-31.basil; checkout_server_update_beta=v2; other_beta=v1;");
///
/// let parsed: ApiVersion = "2025-03-31.basil; checkout_server_update_beta=v1;".parse()?;
/// assert_eq!(parsed, ApiVersion::server_update_beta());
///
/// assert!(ApiVersion::server_update_beta() < ApiVersion::newest_preview());
/// assert!(ApiVersion::newest_preview() < ApiVersion::newest_ga());
/// assert_eq!(ApiVersion::newest_ga().release(), Some(Release::Endive));
/// assert_eq!(ApiVersion::newest_ga().date().to_string(), "2026-10-28");
/// assert!(ApiVersion::newest_preview().is_preview() && !ApiVersion::newest_ga().is_preview());
/// # Ok::<(), stripe_checkout_client::version::ParseApiVersionError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ApiVersion {
    base: String,
    date: ApiDate,
    betas: Vec<(String, String)>,
}

impl ApiVersion {
    /// A plain dated version without beta flags: `YYYY-MM-DD` followed by an optional
    /// `.release` name in lower case, e.g. `2025-03-31.basil`, `2026-08-26.preview` or the
    /// undated-name `2024-06-20`.
    ///
    /// # Errors
    /// [`ParseApiVersionError::InvalidBase`] if `base` is not a real date in that form, or the
    /// release name holds anything but lower-case letters, digits and `_`.
    pub fn new(base: impl Into<String>) -> Result<Self, ParseApiVersionError> {
        let base = base.into();
        match parse_base(&base) {
            Some(date) => Ok(Self {
                base,
                date,
                betas: Vec::new(),
            }),
            None => Err(ParseApiVersionError::InvalidBase(base)),
        }
    }

    /// The guide's version and the crate's default:
    /// `2025-03-31.basil; checkout_server_update_beta=v1;`, as Stripe's "dynamically update
    /// discounts" guide pins it.
    pub fn server_update_beta() -> Self {
        Self::known(BASE_VERSION).with_beta(SERVER_UPDATE_BETA.0, SERVER_UPDATE_BETA.1)
    }

    /// [`NEWEST_PREVIEW`], `2026-08-26.preview`, without flags, exactly as the official beta
    /// SDK sends it. Add [`SERVER_UPDATE_BETA`] with [`with_beta`](Self::with_beta) if your
    /// account needs the flag as well: Stripe does not document whether the preview alone
    /// enables server-side discount updates.
    pub fn newest_preview() -> Self {
        Self::known(NEWEST_PREVIEW)
    }

    /// [`NEWEST_GA`], `2026-10-28.endive`, the newest generally available version the crate
    /// is tested against, as the official SDK sends it by default.
    pub fn newest_ga() -> Self {
        Self::known(NEWEST_GA)
    }

    fn known(base: &str) -> Self {
        Self::new(base).expect("the crate's own version constants parse")
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

    /// The version's date, the part that decides what it accepts.
    pub fn date(&self) -> ApiDate {
        self.date
    }

    /// The release name after the date (`basil`, `preview`, …), or `None` for a version
    /// dated without one (`2024-06-20`).
    pub fn release(&self) -> Option<Release> {
        self.base
            .split_once('.')
            .map(|(_, name)| Release::from(name))
    }

    /// Whether preview features may be used: a `.preview` or `.private` release, or any
    /// version carrying a beta flag (the guide's `checkout_server_update_beta=v1`). Stripe
    /// documents the dynamic-discounts features (update-time `discounts`,
    /// `permissions[update_discounts]`, inline `coupon_data`, …) for these only.
    pub fn is_preview(&self) -> bool {
        !self.betas.is_empty()
            || matches!(self.release(), Some(Release::Preview | Release::Private))
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

impl Ord for ApiVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        self.date
            .cmp(&other.date)
            .then_with(|| self.base.cmp(&other.base))
            .then_with(|| self.betas.cmp(&other.betas))
    }
}

impl PartialOrd for ApiVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
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

/// The date of an API version, e.g. `2026-10-28`; dates order as the versions were released.
///
/// ```
/// use stripe_checkout_client::version::ApiDate;
/// let endive = ApiDate::new(2026, 9, 30).unwrap();
/// assert!(ApiDate::new(2025, 3, 31).unwrap() < endive);
/// assert_eq!(endive.to_string(), "2026-09-30");
/// assert_eq!(ApiDate::new(2026, 2, 30), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ApiDate {
    year: u16,
    month: u8,
    day: u8,
}

impl ApiDate {
    /// The date, if it exists in the calendar (years 1000 to 9999).
    pub const fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        if year < 1000 || year > 9999 || day == 0 || day > days {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u8 {
        self.day
    }
}

impl fmt::Display for ApiDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

stripe_enum!(
    /// The name after an API version's date: a major release (Stripe names them after
    /// plants, in alphabetical order) or a preview track.
    Release {
        /// `acacia`, from 2024-09-30.
        Acacia = "acacia",
        /// `basil`, from 2025-03-31: the guide's.
        Basil = "basil",
        /// `clover`, from 2025-09-30.
        Clover = "clover",
        /// `dahlia`, from 2026-03-25.
        Dahlia = "dahlia",
        /// `endive`, from 2026-09-30.
        Endive = "endive",
        /// The public preview track (`2026-08-26.preview`).
        Preview = "preview",
        /// The private preview track (`2026-04-22.private`).
        Private = "private",
    }
);

/// The date of a `YYYY-MM-DD[.name]` base, if it is one.
fn parse_base(base: &str) -> Option<ApiDate> {
    let (date, name) = match base.split_once('.') {
        Some((date, name)) => (date, Some(name)),
        None => (base, None),
    };
    if name.is_some_and(|n| {
        n.is_empty()
            || !n
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    }) {
        return None;
    }
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u16> {
        let digits = &date[range];
        digits
            .bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| digits.parse().ok())
            .flatten()
    };
    let month = u8::try_from(number(5..7)?).ok()?;
    let day = u8::try_from(number(8..10)?).ok()?;
    ApiDate::new(number(0..4)?, month, day)
}

/// Why a string is not a valid [`ApiVersion`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseApiVersionError {
    /// The base is not `YYYY-MM-DD` with an optional lower-case `.release` name.
    #[error("invalid api version `{0}`, expected `YYYY-MM-DD` or `YYYY-MM-DD.release`")]
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
    fn every_version_the_sdk_pinned_since_basil_parses_and_sorts_by_date() {
        // api-versions.md §2, shuffled: the GA pins, preview pins and a private pin.
        let pinned = [
            "2026-10-28.endive",
            "2025-03-31.basil",
            "2026-04-22.private",
            "2025-09-30.clover",
            "2026-08-26.preview",
            "2026-03-25.dahlia",
            "2025-12-15.clover",
            "2026-09-30.endive",
            "2025-07-30.preview",
        ];
        let mut versions: Vec<ApiVersion> = pinned.iter().map(|s| s.parse().unwrap()).collect();
        versions.sort();
        let sorted: Vec<String> = versions.iter().map(ToString::to_string).collect();
        assert_eq!(
            sorted,
            [
                "2025-03-31.basil",
                "2025-07-30.preview",
                "2025-09-30.clover",
                "2025-12-15.clover",
                "2026-03-25.dahlia",
                "2026-04-22.private",
                "2026-08-26.preview",
                "2026-09-30.endive",
                "2026-10-28.endive",
            ]
        );
        let releases: Vec<Option<Release>> = versions.iter().map(ApiVersion::release).collect();
        assert_eq!(releases[0], Some(Release::Basil));
        assert_eq!(releases[5], Some(Release::Private));
        assert_eq!(versions[4].date(), ApiDate::new(2026, 3, 25).unwrap());
    }

    #[test]
    fn same_day_versions_order_by_name_then_flags() {
        let ga: ApiVersion = "2026-08-26.dahlia".parse().unwrap();
        let preview: ApiVersion = "2026-08-26.preview".parse().unwrap();
        let flagged = preview.clone().with_beta("a", "v1");
        assert!(ga < preview && preview < flagged);
        assert_eq!(ga.cmp(&ga.clone()), Ordering::Equal);
        let undated_name: ApiVersion = "2024-06-20".parse().unwrap();
        assert!(undated_name < ApiVersion::server_update_beta());
        assert_eq!(undated_name.release(), None);
    }

    #[test]
    fn releases_and_previews_are_read_from_the_name_and_flags() {
        let future: ApiVersion = "2027-01-27.foxglove".parse().unwrap();
        assert_eq!(future.release(), Some(Release::Unknown("foxglove".into())));
        assert!(!future.is_preview());
        assert!(future.clone().with_beta("x", "v1").is_preview());
        assert!(ApiVersion::new("2026-04-22.private").unwrap().is_preview());
        assert!(ApiVersion::newest_preview().is_preview());
        assert!(ApiVersion::server_update_beta().is_preview());
        assert!(!ApiVersion::new(BASE_VERSION).unwrap().is_preview());
        assert!(!ApiVersion::newest_ga().is_preview());
        assert_eq!(
            ApiVersion::server_update_beta().to_string(),
            "2025-03-31.basil; checkout_server_update_beta=v1;"
        );
        assert_eq!(ApiVersion::newest_preview().to_string(), NEWEST_PREVIEW);
        assert_eq!(ApiVersion::newest_ga().to_string(), NEWEST_GA);
    }

    #[test]
    fn a_base_must_be_a_real_date_with_a_lower_case_name() {
        for bad in [
            "basil",
            "2025-3-31.basil",
            "2025-03-31.",
            "2025-03-31.Basil",
            "2025-03-31.basil.x",
            "2025-02-29.basil",
            "2025-13-01",
            "2025-00-10",
            "2025-04-31",
            "+025-04-30",
            "2025-04-3a",
            "0999-01-01",
            "2025/03/31",
            "2025-03/31",
            "2025.03-31",
        ] {
            assert_eq!(
                ApiVersion::new(bad),
                Err(ParseApiVersionError::InvalidBase(bad.to_owned())),
                "{bad}"
            );
        }
        for good in [
            "2024-02-29",
            "2025-03-31.basil",
            "2026-04-22.private",
            "2027-12-31.v_2",
        ] {
            assert_eq!(ApiVersion::new(good).unwrap().base(), good);
        }
        assert_eq!(ApiDate::new(2026, 9, 3).unwrap().to_string(), "2026-09-03");
        let leap = ApiDate::new(2000, 2, 29).unwrap();
        assert_eq!((leap.year(), leap.month(), leap.day()), (2000, 2, 29));
        assert_eq!(ApiDate::new(1900, 2, 29), None);
        assert_eq!(ApiDate::new(2025, 12, 32), None);
        assert_eq!(ApiDate::new(10000, 1, 1), None);
    }

    #[test]
    fn serde_reads_and_writes_the_header_string() {
        let v: ApiVersion =
            serde_json::from_str("\"2026-10-28.endive; checkout_server_update_beta=v1;\"").unwrap();
        assert_eq!(
            v,
            ApiVersion::newest_ga().with_beta("checkout_server_update_beta", "v1")
        );
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            "\"2026-10-28.endive; checkout_server_update_beta=v1;\""
        );
        let refused = serde_json::from_str::<ApiVersion>("\"endive\"").unwrap_err();
        assert!(
            refused.to_string().contains("invalid api version `endive`"),
            "{refused}"
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
