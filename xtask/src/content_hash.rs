//! Names that carry a hash of the file's content, so a deployment can keep the file forever:
//! a new build that changes it also changes its name.

use sha2::{Digest, Sha256};
use std::fs;
use std::path::Path;

/// `NAME-HASH.EXT` for the file at `path` named `name` (16 hex digits of its SHA-256).
pub fn hashed_name(path: &Path, name: &str) -> Result<String, String> {
    let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let digest = Sha256::digest(&bytes);
    let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let (base, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    Ok(format!("{base}-{hash}.{ext}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_hash_of_the_content() {
        let dir = std::env::temp_dir().join("mfa-content-hash-test");
        fs::create_dir_all(&dir).unwrap();
        let file = dir.join("module_1_auth.wasm");
        fs::write(&file, b"abc").unwrap();
        assert_eq!(
            hashed_name(&file, "module_1_auth.wasm").unwrap(),
            "module_1_auth-ba7816bf8f01cfea.wasm"
        );
        fs::write(&file, b"abd").unwrap();
        assert_ne!(
            hashed_name(&file, "module_1_auth.wasm").unwrap(),
            "module_1_auth-ba7816bf8f01cfea.wasm"
        );
    }
}
