//! The provider of a passkey — the password manager or platform keeping it — named from the
//! authenticator model's AAGUID, as account pages of large sites show it.
//!
//! Source: the community-maintained list of passkey provider AAGUIDs
//! (`github.com/passkeydeveloper/passkey-authenticator-aaguids`, file `aaguid.json`), made for
//! naming passkeys in account settings. Only the names of the best-known providers are taken
//! (facts, no icons or other content); the list has no licence file. One entry is not in it:
//! the AAGUID of Chromium's virtual authenticator (DevTools' WebAuthn panel, WebDriver's
//! WebAuthn extension), which developers meet when they try the page. A passkey of any other
//! provider is called a passkey, with its device.

/// AAGUID (lowercase, hyphenated) → provider name.
const PROVIDERS: &[(&str, &str)] = &[
    (
        "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4",
        "Google Password Manager",
    ),
    ("fbfc3007-154e-4ecc-8c0b-6e020557d7bd", "iCloud Keychain"),
    (
        "dd4ec289-e01d-41c9-bb89-70fa845d4bf2",
        "iCloud Keychain (Managed)",
    ),
    ("08987058-cadc-4b81-b6e1-30de50dcbe96", "Windows Hello"),
    ("9ddd1817-af5a-4672-a2b9-3e3dd95000a9", "Windows Hello"),
    ("6028b017-b1d4-4c02-b4b3-afcdafc96bb2", "Windows Hello"),
    ("adce0002-35bc-c60a-648b-0b25f1f05503", "Chrome on Mac"),
    ("771b48fd-d3d4-4f74-9232-fc157ab0507a", "Edge on Mac"),
    ("b5397666-4885-aa6b-cebf-e52262a439a2", "Chromium Browser"),
    ("bada5566-a7aa-401f-bd96-45619a55120d", "1Password"),
    ("d548826e-79b4-db40-a3d8-11116f7e8349", "Bitwarden"),
    ("531126d6-e717-415c-9320-3d9aa6981239", "Dashlane"),
    ("53414d53-554e-4700-0000-000000000000", "Samsung Pass"),
    ("fdb141b2-5d84-443e-8a35-4698c205a502", "KeePassXC"),
    ("50726f74-6f6e-5061-7373-50726f746f6e", "Proton Pass"),
    (
        "01020304-0506-0708-0102-030405060708",
        "Chromium virtual authenticator",
    ),
];

/// The provider named by `aaguid` (any case), if it is a well-known one.
pub fn provider_name(aaguid: &str) -> Option<&'static str> {
    let aaguid = aaguid.trim().to_ascii_lowercase();
    PROVIDERS
        .iter()
        .find(|(id, _)| *id == aaguid)
        .map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_known_providers_are_named_whatever_the_case() {
        assert_eq!(
            provider_name("EA9B8D66-4D01-1D21-3CE4-B6B48CB575D4"),
            Some("Google Password Manager")
        );
        assert_eq!(
            provider_name("fbfc3007-154e-4ecc-8c0b-6e020557d7bd"),
            Some("iCloud Keychain")
        );
        assert_eq!(provider_name("00000000-0000-0000-0000-000000000000"), None);
        assert_eq!(provider_name(""), None);
    }

    #[test]
    fn the_table_is_well_formed() {
        for (id, name) in PROVIDERS {
            assert_eq!(id.len(), 36, "{id}");
            assert_eq!(*id, id.to_ascii_lowercase(), "{id}");
            assert!(!name.trim().is_empty(), "{id}");
        }
    }
}
