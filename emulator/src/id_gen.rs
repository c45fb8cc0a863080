//! The emulator's id generation: random ids with Stripe's prefixes and alphabet, for every
//! object, request id and secret the emulator hands out.

/// A random id with Stripe's prefix and alphabet.
pub(crate) fn new_id(prefix: &str, len: usize) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut out = String::with_capacity(prefix.len() + len);
    out.push_str(prefix);
    while out.len() < prefix.len() + len {
        let mut bits = random_u128();
        for _ in 0..20 {
            if out.len() == prefix.len() + len {
                break;
            }
            out.push(char::from(ALPHABET[(bits % 62) as usize]));
            bits /= 62;
        }
    }
    out
}

/// 128 bits from the OS's random source.
fn random_u128() -> u128 {
    use ring::rand::{SecureRandom, SystemRandom};
    let mut bytes = [0u8; 16];
    SystemRandom::new()
        .fill(&mut bytes)
        .expect("the OS random source is available");
    u128::from_le_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_the_prefix_length_and_alphabet() {
        let id = new_id("cs_test_", 58);
        assert_eq!(id.len(), 66);
        assert!(id.starts_with("cs_test_"));
        assert!(id[8..].bytes().all(|b| b.is_ascii_alphanumeric()));
        assert_ne!(new_id("", 24), new_id("", 24));
        // Every character is drawn anew, not one draw repeated along the id.
        let id = new_id("", 20);
        assert!(id.bytes().any(|b| b != id.as_bytes()[0]), "{id}");
    }
}
