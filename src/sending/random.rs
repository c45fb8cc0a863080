//! Randomness from the OS, through ring's `SystemRandom` (ring is already built for rustls):
//! the idempotency keys the transport generates and its backoff jitter.
//! What the random values are used for is their callers' business.

use std::fmt::Write;

use ring::rand::{SecureRandom, SystemRandom};

/// `N` random bytes.
fn bytes<const N: usize>() -> [u8; N] {
    let mut out = [0; N];
    // The OS source only fails where no program could get randomness (as `getrandom` would).
    SystemRandom::new()
        .fill(&mut out)
        .expect("the OS random source is available");
    out
}

/// A random version-4 UUID (RFC 9562), hyphenated and lowercase: the idempotency key for a
/// POST the caller gave none.
pub(crate) fn uuid_v4() -> String {
    let mut b: [u8; 16] = bytes();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let mut text = String::with_capacity(36);
    for (i, byte) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            text.push('-');
        }
        // Writing to a `String` cannot fail.
        let _ = write!(text, "{byte:02x}");
    }
    text
}

/// A number in [0, 1), from 53 random bits (an f64's precision).
pub(crate) fn unit_interval() -> f64 {
    (u64::from_le_bytes(bytes()) >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_version_4_in_the_hyphenated_form() {
        // Enough draws that a version or variant bit left to chance shows.
        for _ in 0..64 {
            version_4_in_the_hyphenated_form(&uuid_v4());
        }
        assert_ne!(uuid_v4(), uuid_v4());
    }

    fn version_4_in_the_hyphenated_form(a: &str) {
        assert_eq!(a.len(), 36);
        for (i, c) in a.char_indices() {
            match i {
                8 | 13 | 18 | 23 => assert_eq!(c, '-', "{a}"),
                14 => assert_eq!(c, '4', "{a}"),
                19 => assert!("89ab".contains(c), "{a}"),
                _ => assert!(c.is_ascii_hexdigit() && !c.is_ascii_uppercase(), "{a}"),
            }
        }
    }

    #[test]
    fn unit_interval_stays_in_it_and_varies() {
        let draws: Vec<f64> = (0..64).map(|_| unit_interval()).collect();
        assert!(draws.iter().all(|x| (0.0..1.0).contains(x)));
        assert!(draws.windows(2).any(|w| w[0] != w[1]));
    }
}
