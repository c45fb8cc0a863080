//! The secret key a [`Client`](crate::Client) authenticates with, held so that it can only be
//! sent as the `Authorization` header or shown redacted (prefix and at most the last four
//! characters). Nothing else in the crate sees the key itself.

use std::fmt;

use reqwest::header::HeaderValue;

use crate::error::ConfigError;

/// A secret or restricted key. Only its prefix and last four characters are ever printed.
#[derive(Clone)]
pub(crate) struct SecretKey {
    header: HeaderValue,
    pub(crate) redacted: String,
}

impl SecretKey {
    pub(crate) fn parse(key: String) -> std::result::Result<Self, ConfigError> {
        let valid = (key.starts_with("sk_") || key.starts_with("rk_"))
            && key.len() > 3
            && key.bytes().all(|b| b.is_ascii_graphic());
        if !valid {
            return Err(ConfigError::InvalidSecretKey);
        }
        let mut header = HeaderValue::try_from(format!("Bearer {key}"))
            .map_err(|_| ConfigError::InvalidSecretKey)?;
        header.set_sensitive(true);
        Ok(Self {
            redacted: redact(&key),
            header,
        })
    }

    pub(crate) fn authorization(&self) -> &HeaderValue {
        &self.header
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted)
    }
}

/// `sk_test_…abcd`: the mode prefix, and the last four characters only when the key is long
/// enough that four characters reveal little of it (real keys are over 100 characters).
fn redact(key: &str) -> String {
    let prefix_len = ["sk_test_", "sk_live_", "rk_test_", "rk_live_"]
        .iter()
        .find(|p| key.starts_with(*p))
        .map_or(3, |p| p.len());
    let secret_len = key.len() - prefix_len;
    if secret_len >= 24 {
        format!("{}…{}", &key[..prefix_len], &key[key.len() - 4..])
    } else {
        format!("{}…", &key[..prefix_len])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_key_prefix_is_checked() {
        for bad in [
            "",
            "pk_test_123",
            "sk_",
            "sk_test_12 3",
            "sk_test_\n",
            "xsk_test",
        ] {
            assert!(
                matches!(
                    SecretKey::parse(bad.into()),
                    Err(ConfigError::InvalidSecretKey)
                ),
                "{bad:?}"
            );
        }
        for good in ["sk_test_123", "rk_live_abc", "sk_x"] {
            assert!(SecretKey::parse(good.into()).is_ok(), "{good}");
        }
    }

    #[test]
    fn redaction_shows_prefix_and_at_most_last_four() {
        let long = format!("sk_test_{}WXYZ", "a".repeat(100));
        assert_eq!(redact(&long), "sk_test_…WXYZ");
        assert_eq!(redact("sk_test_shortkey"), "sk_test_…");
        assert_eq!(redact("rk_x"), "rk_…");
    }
}
