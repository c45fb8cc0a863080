//! Stripe's webhook signature: parsing the `Stripe-Signature` header, checking its HMAC with
//! the endpoint secret(s) and its timestamp against a tolerance, and making such headers for
//! tests.
//!
//! Parsing the event itself lives in `event`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ring::hmac;

use super::WebhookError;

/// How far a signature's timestamp may be from now, either way (Stripe's default, 300 s).
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(300);

/// Longer headers are refused unread: Stripe's are well under 1 KiB even mid-rotation. The
/// bound also bounds the number of signatures compared.
const MAX_HEADER_BYTES: usize = 8 * 1024;

/// What is wrong with a `Stripe-Signature` header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum HeaderProblem {
    /// No `t=` timestamp (or `t=-1`, which Stripe's SDKs read as none).
    NoTimestamp,
    /// The `t=` value does not start with an integer.
    BadTimestamp,
    /// Longer than 8 KiB.
    TooLong,
    /// A `v1` with no value (`v1=` or a bare `v1`), which the official Node SDK refuses
    /// even beside a matching one.
    EmptySignature,
    /// A `v1` of 64 characters that are not all ASCII, which the official Node SDK's
    /// comparison also throws on (its byte length differs from a real signature's).
    NonAsciiSignature,
}

impl std::fmt::Display for HeaderProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            HeaderProblem::NoTimestamp => "no timestamp",
            HeaderProblem::BadTimestamp => "the timestamp is not a number",
            HeaderProblem::TooLong => "the header is longer than 8 KiB",
            HeaderProblem::EmptySignature => "an empty v1 signature",
            HeaderProblem::NonAsciiSignature => "a v1 signature with non-ascii characters",
        })
    }
}

/// The parts of a header that matter: the timestamp and the `v1` signatures.
#[derive(Debug, PartialEq, Eq)]
struct ParsedHeader<'h> {
    timestamp: i64,
    signatures: Vec<&'h str>,
}

/// Reads a number the way JavaScript's `parseInt` does — leading whitespace, a sign, then as
/// many digits as there are — so verdicts match the official Node SDK's.
fn leading_integer(text: &str) -> Option<i64> {
    // JavaScript's white space is Unicode's, less NEL (U+0085), plus the BOM (U+FEFF).
    let text =
        text.trim_start_matches(|c: char| (c.is_whitespace() && c != '\u{85}') || c == '\u{FEFF}');
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let end = digits
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(digits.len());
    let value: i64 = digits[..end].parse().ok()?;
    Some(if negative { -value } else { value })
}

/// Splits `t=…,v1=…,v1=…` as Stripe's SDKs do: items on `,`, each item's name before its
/// first `=` and its value up to the next `=`; a later `t` wins; other schemes are ignored.
fn parse_header(header: &str) -> Result<ParsedHeader<'_>, WebhookError> {
    if header.len() > MAX_HEADER_BYTES {
        return Err(WebhookError::MalformedHeader(HeaderProblem::TooLong));
    }
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for item in header.split(',') {
        let mut parts = item.split('=');
        let name = parts.next().unwrap_or_default();
        let value = parts.next().unwrap_or_default();
        match name {
            "t" => timestamp = Some(leading_integer(value)),
            "v1" => signatures.push(value),
            _ => {}
        }
    }
    let timestamp = match timestamp {
        None | Some(Some(-1)) => {
            return Err(WebhookError::MalformedHeader(HeaderProblem::NoTimestamp));
        }
        Some(None) if signatures.is_empty() => return Err(WebhookError::NoV1Signature),
        Some(None) => return Err(WebhookError::MalformedHeader(HeaderProblem::BadTimestamp)),
        Some(Some(t)) => t,
    };
    if signatures.is_empty() {
        return Err(WebhookError::NoV1Signature);
    }
    // Node's comparison throws, whatever the other signatures are, on an empty one, and on
    // one as long as a real signature in UTF-16 units (64) but not in bytes.
    if signatures.iter().any(|s| s.is_empty()) {
        return Err(WebhookError::MalformedHeader(HeaderProblem::EmptySignature));
    }
    if signatures
        .iter()
        .any(|s| !s.is_ascii() && s.encode_utf16().count() == 64)
    {
        return Err(WebhookError::MalformedHeader(
            HeaderProblem::NonAsciiSignature,
        ));
    }
    Ok(ParsedHeader {
        timestamp,
        signatures,
    })
}

/// What Stripe signs: `"{t}.{payload}"`.
fn signed_message(timestamp: i64, payload: &[u8]) -> Vec<u8> {
    let mut message = format!("{timestamp}.").into_bytes();
    message.extend_from_slice(payload);
    message
}

fn key(secret: &str) -> hmac::Key {
    hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes())
}

/// Lowercase hex only, as the SDKs compare hex strings: `ABC…` is not a match for `abc…`.
fn decode_hex(text: &str) -> Option<[u8; 32]> {
    let bytes = text.as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let nibble = |b: u8| match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        _ => None,
    };
    let mut out = [0u8; 32];
    for (i, pair) in bytes.chunks_exact(2).enumerate() {
        out[i] = nibble(pair[0])? << 4 | nibble(pair[1])?;
    }
    Some(out)
}

fn unix_seconds(time: SystemTime) -> i64 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
    }
}

/// Checks a webhook's `Stripe-Signature` header against the raw request body.
///
/// Any `v1` signature may match any of `secrets` (several during a secret rotation); `v0` and
/// unknown schemes are ignored; the comparison is constant-time. The timestamp must be within
/// `tolerance` of `now` in both directions — Stripe's SDKs only refuse old timestamps, but a
/// timestamp from the future is as suspect as a replayed one. A zero tolerance disables the
/// time check, as in the SDKs. An empty secret matches nothing (the SDKs would accept a
/// signature made with it, which anyone can make).
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use stripe_checkout_client::webhook::{test_header, verify_signature, WebhookError, DEFAULT_TOLERANCE};
///
/// let payload = br#"{"id":"evt_1","type":"checkout.session.completed"}"#;
/// let header = test_header(payload, "whsec_new", 1_767_225_600);
/// let now = UNIX_EPOCH + Duration::from_secs(1_767_225_610);
///
/// // Rotating secrets: the old one and the new one are both accepted.
/// verify_signature(payload, &header, &["whsec_old", "whsec_new"], DEFAULT_TOLERANCE, now)?;
///
/// let tampered = br#"{"id":"evt_1","type":"checkout.session.expired"}"#;
/// assert!(matches!(
///     verify_signature(tampered, &header, &["whsec_new"], DEFAULT_TOLERANCE, now),
///     Err(WebhookError::NoMatch)
/// ));
/// # Ok::<(), WebhookError>(())
/// ```
///
/// # Errors
/// [`WebhookError::MalformedHeader`], [`WebhookError::NoV1Signature`],
/// [`WebhookError::NoMatch`] (also when `secrets` is empty) or
/// [`WebhookError::OutsideTolerance`].
pub fn verify_signature(
    payload: &[u8],
    header: &str,
    secrets: &[&str],
    tolerance: Duration,
    now: SystemTime,
) -> Result<(), WebhookError> {
    let parsed = parse_header(header)?;
    let candidates: Vec<[u8; 32]> = parsed
        .signatures
        .iter()
        .filter_map(|s| decode_hex(s))
        .collect();
    // Every secret is tried against every candidate, so the time taken does not reveal
    // which (if any) matched; `hmac::verify` itself compares in constant time.
    let message = signed_message(parsed.timestamp, payload);
    let mut matched = false;
    // An empty secret is a key anyone can sign with; it can only come from an unset setting.
    for secret in secrets.iter().filter(|s| !s.is_empty()) {
        let key = key(secret);
        for candidate in &candidates {
            matched |= hmac::verify(&key, &message, candidate).is_ok();
        }
    }
    if !matched {
        return Err(WebhookError::NoMatch);
    }
    if !tolerance.is_zero() {
        let now = unix_seconds(now);
        let tolerance_s = i64::try_from(tolerance.as_secs()).unwrap_or(i64::MAX);
        let age = now.saturating_sub(parsed.timestamp);
        if age > tolerance_s || age < -tolerance_s {
            return Err(WebhookError::OutsideTolerance {
                timestamp: parsed.timestamp,
                now,
                tolerance,
            });
        }
    }
    Ok(())
}

/// A valid `Stripe-Signature` header for `payload`, signed with `secret` at `timestamp` (Unix
/// seconds), for testing your webhook endpoint.
///
/// ```
/// use stripe_checkout_client::webhook::test_header;
/// let header = test_header(b"{}", "whsec_test", 1_700_000_000);
/// assert!(header.starts_with("t=1700000000,v1="));
/// assert_eq!(header.len(), "t=1700000000,v1=".len() + 64);
/// ```
pub fn test_header(payload: &[u8], secret: &str, timestamp: i64) -> String {
    let tag = hmac::sign(&key(secret), &signed_message(timestamp, payload));
    let mut header = format!("t={timestamp},v1=");
    for byte in tag.as_ref() {
        header.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
        header.push(char::from(b"0123456789abcdef"[usize::from(byte & 0xf)]));
    }
    header
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const SECRET: &str = "whsec_unit";
    const T: i64 = 1_767_225_600;
    const PAYLOAD: &[u8] = br#"{"id":"evt_1"}"#;

    fn at(seconds: i64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(u64::try_from(seconds).unwrap())
    }

    fn verify(header: &str, now: i64) -> Result<(), WebhookError> {
        verify_signature(PAYLOAD, header, &[SECRET], DEFAULT_TOLERANCE, at(now))
    }

    fn signature() -> String {
        test_header(PAYLOAD, SECRET, T)["t=1767225600,v1=".len()..].to_owned()
    }

    #[test]
    fn header_parsing_follows_the_sdks() {
        let sig = signature();
        let ok = [
            format!("t={T},v1={sig}"),
            format!("v1={sig},t={T}"),
            format!("t=1,t={T},v1={sig}"),   // a later t wins
            format!("t={T}abc,v1={sig}"),    // parseInt stops at the first non-digit
            format!("t= {T},v1={sig}"),      // and skips leading whitespace
            format!("t={T},v1={sig}=extra"), // a value ends at the next '='
            format!("t={T},v0=00,x=1,v1=ff,v1={sig}"),
            format!("t=\u{FEFF}\u{A0}{T},v1={sig}"), // JavaScript white space includes the BOM
            format!("t={T},{}v1={sig}", "v1=00,".repeat(40)), // no cap on the count
            format!("t={T},v1=é,v1={sig}"),          // non-ascii of another length compares unequal
        ];
        for header in ok {
            assert_eq!(verify(&header, T), Ok(()), "{header}");
        }
        let rows: Vec<(String, WebhookError)> = vec![
            (
                String::new(),
                WebhookError::MalformedHeader(HeaderProblem::NoTimestamp),
            ),
            (
                format!("v1={sig}"),
                WebhookError::MalformedHeader(HeaderProblem::NoTimestamp),
            ),
            (
                format!("t=-1,v1={sig}"),
                WebhookError::MalformedHeader(HeaderProblem::NoTimestamp),
            ),
            (
                format!("t=abc,v1={sig}"),
                WebhookError::MalformedHeader(HeaderProblem::BadTimestamp),
            ),
            ("t=abc".to_owned(), WebhookError::NoV1Signature),
            (format!("t={T},v0={sig}"), WebhookError::NoV1Signature),
            (format!("t={T}, v1={sig}"), WebhookError::NoV1Signature), // " v1" is another scheme
            (
                format!("t={T},v1={}", sig.to_uppercase()),
                WebhookError::NoMatch,
            ),
            (format!("t={T},v1={}", &sig[1..]), WebhookError::NoMatch),
            (format!("t={T},v1=zz{}", &sig[2..]), WebhookError::NoMatch),
            (format!("t={},v1={sig}", T + 1), WebhookError::NoMatch),
            (
                format!("t={T},v1={sig},v1="),
                WebhookError::MalformedHeader(HeaderProblem::EmptySignature),
            ),
            (
                format!("t={T},v1,v1={sig}"),
                WebhookError::MalformedHeader(HeaderProblem::EmptySignature),
            ),
            (
                format!("t={T},v1={sig},v1={}é", &sig[..63]),
                WebhookError::MalformedHeader(HeaderProblem::NonAsciiSignature),
            ),
            (
                format!("t={T},v1={},v1={sig}", "😀".repeat(32)),
                WebhookError::MalformedHeader(HeaderProblem::NonAsciiSignature),
            ),
            (
                format!("t=\u{85}{T},v1={sig}"),
                WebhookError::MalformedHeader(HeaderProblem::BadTimestamp),
            ),
            (
                format!("t={T},v1={sig},x={}", "a".repeat(9_000)),
                WebhookError::MalformedHeader(HeaderProblem::TooLong),
            ),
        ];
        for (header, want) in rows {
            let label: String = header.chars().take(80).collect();
            assert_eq!(verify(&header, T), Err(want), "{label}");
        }
    }

    #[test]
    fn a_header_of_8_kib_is_read_and_one_byte_more_is_not() {
        let header = test_header(PAYLOAD, SECRET, T);
        let pad = |len: usize| format!("{header},x={}", "a".repeat(len - header.len() - 3));
        let at_limit = pad(8 * 1024);
        assert_eq!(at_limit.len(), 8 * 1024);
        assert_eq!(verify(&at_limit, T), Ok(()));
        let over = pad(8 * 1024 + 1);
        assert_eq!(
            verify(&over, T),
            Err(WebhookError::MalformedHeader(HeaderProblem::TooLong))
        );
    }

    #[test]
    fn header_problems_read_as_sentences() {
        let shown: Vec<String> = [
            HeaderProblem::NoTimestamp,
            HeaderProblem::BadTimestamp,
            HeaderProblem::TooLong,
            HeaderProblem::EmptySignature,
            HeaderProblem::NonAsciiSignature,
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        assert_eq!(
            shown,
            [
                "no timestamp",
                "the timestamp is not a number",
                "the header is longer than 8 KiB",
                "an empty v1 signature",
                "a v1 signature with non-ascii characters",
            ]
        );
    }

    #[test]
    fn tolerance_applies_both_ways() {
        let header = test_header(PAYLOAD, SECRET, T);
        assert_eq!(verify(&header, T + 300), Ok(()));
        assert_eq!(verify(&header, T - 300), Ok(()));
        for now in [T + 301, T - 301, T + 86_400, 0] {
            assert!(
                matches!(
                    verify(&header, now),
                    Err(WebhookError::OutsideTolerance { timestamp: T, .. })
                ),
                "{now}"
            );
        }
        // Zero disables the check, as in the SDKs.
        let anytime = verify_signature(PAYLOAD, &header, &[SECRET], Duration::ZERO, at(0));
        assert_eq!(anytime, Ok(()));
    }

    #[test]
    fn a_clock_before_1970_counts_back_from_the_epoch() {
        let header = test_header(PAYLOAD, SECRET, 500);
        let before = UNIX_EPOCH - Duration::from_secs(500);
        assert_eq!(
            verify_signature(PAYLOAD, &header, &[SECRET], DEFAULT_TOLERANCE, before),
            Err(WebhookError::OutsideTolerance {
                timestamp: 500,
                now: -500,
                tolerance: DEFAULT_TOLERANCE
            })
        );
    }

    #[test]
    fn an_empty_secret_matches_nothing() {
        let header = test_header(PAYLOAD, "", T);
        let now = UNIX_EPOCH + Duration::from_secs(T as u64);
        assert_eq!(
            verify_signature(PAYLOAD, &header, &[""], DEFAULT_TOLERANCE, now),
            Err(WebhookError::NoMatch)
        );
    }

    #[test]
    fn secrets_rotate_and_must_be_given() {
        let header = test_header(PAYLOAD, "whsec_new", T);
        let check = |secrets: &[&str]| {
            verify_signature(PAYLOAD, &header, secrets, DEFAULT_TOLERANCE, at(T))
        };
        assert_eq!(check(&["whsec_old", "whsec_new"]), Ok(()));
        assert_eq!(check(&["whsec_new", "whsec_old"]), Ok(()));
        assert_eq!(check(&["whsec_old"]), Err(WebhookError::NoMatch));
        assert_eq!(check(&[]), Err(WebhookError::NoMatch));
        // Two signatures (old and new secret) in one header.
        let both = format!(
            "{},v1={}",
            test_header(PAYLOAD, "whsec_old", T),
            &header["t=1767225600,v1=".len()..]
        );
        assert_eq!(
            verify_signature(PAYLOAD, &both, &["whsec_new"], DEFAULT_TOLERANCE, at(T)),
            Ok(())
        );
    }

    proptest! {
        #[test]
        fn parsing_any_header_never_panics(header in ".{0,300}") {
            let _ = verify(&header, T);
        }

        #[test]
        fn signed_payloads_verify_and_any_flipped_byte_fails(
            payload in proptest::collection::vec(any::<u8>(), 1..200),
            flip in any::<prop::sample::Index>(),
            bit in 0u8..8,
            secret in "whsec_[a-zA-Z0-9]{1,32}",
        ) {
            let header = test_header(&payload, &secret, T);
            prop_assert_eq!(verify_signature(&payload, &header, &[secret.as_str()], DEFAULT_TOLERANCE, at(T)), Ok(()));
            let mut tampered = payload.clone();
            tampered[flip.index(payload.len())] ^= 1 << bit;
            prop_assert_eq!(
                verify_signature(&tampered, &header, &[secret.as_str()], DEFAULT_TOLERANCE, at(T)),
                Err(WebhookError::NoMatch)
            );
        }
    }
}
