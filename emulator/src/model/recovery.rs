//! Recovery codes: 24 characters `[A-Z0-9]`, one per user, rotated when used.

use crate::model::limits::RECOVERY_CODE_LENGTH;
use crate::model::rng::TenantRng;
use crate::model::totp::constant_time_eq;

/// A user's recovery code and the id of its listing entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryCode {
    /// `recovery-code|dev_…`.
    pub id: String,
    /// The 24-character code.
    pub code: String,
    /// Unix time the user got a recovery code.
    pub created_at: u64,
    /// Unix time a code last passed a sign-in.
    pub last_auth_at: Option<u64>,
}

impl RecoveryCode {
    /// Whether `input` is this code (case and separators ignored).
    pub fn matches(&self, input: &str) -> bool {
        constant_time_eq(normalize(input).as_bytes(), self.code.as_bytes())
    }
}

/// A fresh code.
pub fn generate(rng: &mut TenantRng) -> String {
    rng.upper_alphanumeric(RECOVERY_CODE_LENGTH)
}

/// Whether `code` has the recovery-code shape.
pub fn is_well_formed(code: &str) -> bool {
    code.len() == RECOVERY_CODE_LENGTH
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Upper-cases and drops spaces and dashes, as users type codes in groups.
fn normalize(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_are_well_formed_and_match_loosely() {
        let mut rng = TenantRng::new(1);
        let code = generate(&mut rng);
        assert!(is_well_formed(&code));
        let rc = RecoveryCode {
            id: "recovery-code|dev_AAAAAAAAAAAAAAAA".into(),
            code: code.clone(),
            created_at: 0,
            last_auth_at: None,
        };
        assert!(rc.matches(&code.to_ascii_lowercase()));
        assert!(rc.matches(&format!("{} {}", &code[..12], &code[12..])));
        assert!(!rc.matches("WRONGWRONGWRONGWRONGWRON"));
        assert!(!rc.matches(""));
    }
}
