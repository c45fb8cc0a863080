//! The emulator's reading of a `Stripe-Version` header: the date that decides which facts a
//! request is checked against and which shape it is answered in, and whether preview
//! features are on.
//!
//! What each version accepts is in `facts`; what it changes in answers is in `api_shape`.

use std::fmt;

/// A date a version is released on; dates order as the versions do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct ApiDate {
    year: u16,
    month: u8,
    day: u8,
}

impl ApiDate {
    pub(crate) const fn new(year: u16, month: u8, day: u8) -> Self {
        ApiDate { year, month, day }
    }

    /// `YYYY-MM-DD`, a real calendar date.
    fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = &text[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        if year < 1000 || !(1..=days).contains(&day) {
            return None;
        }
        Some(ApiDate {
            year,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }
}

impl fmt::Display for ApiDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// `2025-09-30.clover`: discounts name their coupon under `source`, promotion codes under
/// `promotion`.
pub(crate) const CLOVER: ApiDate = ApiDate::new(2025, 9, 30);
/// `2026-03-25.dahlia`: the `ui_mode` values are renamed (`elements`, `embedded_page`,
/// `hosted_page`) and `form` arrives.
pub(crate) const DAHLIA: ApiDate = ApiDate::new(2026, 3, 25);
/// `2026-09-30.endive`: sessions carry `allowed_payment_method_types`.
pub(crate) const ENDIVE: ApiDate = ApiDate::new(2026, 9, 30);

/// A parsed `Stripe-Version`: `2025-03-31.basil; checkout_server_update_beta=v1;`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ApiVersion {
    text: String,
    date: ApiDate,
    preview: bool,
}

impl ApiVersion {
    /// The version the emulator assumes when a request names none: the dynamic-discounts
    /// guide's, `2025-03-31.basil; checkout_server_update_beta=v1;`.
    pub(crate) fn default_version() -> Self {
        Self::parse("2025-03-31.basil; checkout_server_update_beta=v1;")
            .expect("the default version parses")
    }

    /// Reads a header value. `None` for anything Stripe would not take: a date that is not a
    /// real `YYYY-MM-DD`, a release name that is not a lowercase word, or a malformed beta
    /// flag (`name=version`, each a token).
    pub(crate) fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split(';').map(str::trim);
        let base = parts.next()?;
        let (date, release) = match base.split_once('.') {
            Some((date, release)) => (date, Some(release)),
            None => (base, None),
        };
        let date = ApiDate::parse(date)?;
        if let Some(release) = release {
            if !matches!(release, "preview" | "private") && Some(release) != era(date) {
                return None;
            }
        }
        let mut flags: Vec<&str> = parts.collect();
        // One trailing `;` is how the guide writes it; an empty flag elsewhere is a typo.
        if flags.last() == Some(&"") {
            flags.pop();
        }
        let mut names = Vec::new();
        for flag in &flags {
            let (name, value) = flag.split_once('=')?;
            if !is_token(name) || !is_token(value) || names.contains(&name) {
                return None;
            }
            names.push(name);
        }
        let preview = !flags.is_empty() || matches!(release, Some("preview" | "private"));
        Some(ApiVersion {
            text: text.to_owned(),
            date,
            preview,
        })
    }

    pub(crate) fn date(&self) -> ApiDate {
        self.date
    }

    /// Whether the version has the change dated `change`.
    pub(crate) fn reaches(&self, change: ApiDate) -> bool {
        self.date >= change
    }

    /// A `.preview`/`.private` release or any beta flag: preview features are on.
    pub(crate) fn is_preview(&self) -> bool {
        self.preview
    }

    /// The header as it was sent.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }
}

/// The name of the generally available release a date falls in, from acacia (2024-09-30), the
/// first named one; `None` before it.
fn era(date: ApiDate) -> Option<&'static str> {
    const ERAS: [(ApiDate, &str); 5] = [
        (ENDIVE, "endive"),
        (DAHLIA, "dahlia"),
        (CLOVER, "clover"),
        (ApiDate::new(2025, 3, 31), "basil"),
        (ApiDate::new(2024, 9, 30), "acacia"),
    ];
    ERAS.iter()
        .find(|(since, _)| date >= *since)
        .map(|(_, name)| *name)
}

fn is_token(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_with_their_date_and_preview_flag() {
        let rows = [
            ("2025-03-31.basil", Some(("2025-03-31", false))),
            (
                "2025-03-31.basil; checkout_server_update_beta=v1;",
                Some(("2025-03-31", true)),
            ),
            ("2026-08-26.preview", Some(("2026-08-26", true))),
            ("2026-04-22.private", Some(("2026-04-22", true))),
            ("2026-10-28.endive", Some(("2026-10-28", false))),
            ("2024-06-20", Some(("2024-06-20", false))),
            ("2024-02-29", Some(("2024-02-29", false))),
            ("2025-02-29.basil", None),
            ("2025-13-01.basil", None),
            ("2025-3-31.basil", None),
            ("2025-03-31.", None),
            ("2025-03-31.Basil", None),
            ("2025-09-30.basil", None),
            ("2025-09-29.clover", None),
            ("2030-01-01.zebra", None),
            ("2024-10-28.acacia", Some(("2024-10-28", false))),
            ("2023-10-16.acacia", None),
            ("2027-01-01.endive", Some(("2027-01-01", false))),
            ("2025-03-31.private", Some(("2025-03-31", true))),
            ("basil", None),
            ("", None),
            ("2025-03-31.basil; beta", None),
            ("2025-03-31.basil; a=v1; a=v2", None),
            ("2025-03-31.basil;; a=v1", None),
            ("0999-01-01", None),
        ];
        for (text, want) in rows {
            let got = ApiVersion::parse(text).map(|v| (v.date().to_string(), v.is_preview()));
            assert_eq!(got, want.map(|(d, p)| (d.to_owned(), p)), "{text:?}");
        }
    }

    #[test]
    fn a_change_is_reached_on_its_date() {
        let before = ApiVersion::parse("2026-03-24").unwrap();
        let on = ApiVersion::parse("2026-03-25.dahlia").unwrap();
        assert!(!before.reaches(DAHLIA));
        assert!(on.reaches(DAHLIA));
        assert_eq!(on.as_str(), "2026-03-25.dahlia");
    }
}
