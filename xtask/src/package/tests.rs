use super::*;
use serde_json::json;

/// A build's files as `cargo xtask dist` lays them out (names shortened), with their copies.
const BUILT: &[&str] = &[
    "index.html",
    "index.html.br",
    "config.json",
    "init-014208ca12389486.js",
    "first-screen-1bdb28bbc75df019.js",
    "mfa-manager.js",
    "mfa-manager.js.gz",
    "mfa-manager.css",
    "mfa-manager.d.ts",
    "mfa-manager-daac8e3a28008804.js",
    "mfa-manager-daac8e3a28008804.js.br",
    "mfa-manager-daac8e3a28008804_bg.wasm",
    "main-c36072f92ce3d017.css",
    "split-loader-34573659a58fac55.js",
    "chunks/split_auth-5b9396bf0a25100e.wasm",
    "chunks/split_auth-5b9396bf0a25100e.wasm.br",
    "snippets/mfa-manager-b410104531091991/inline0-3c925e27d097d772.js",
    "texts/ar-d4b7d8956f4a9f1c.json",
    "texts/ar-d4b7d8956f4a9f1c.json.br",
    "demo/mfa_demo_tenant.js",
    "demo/mfa_demo_tenant_bg.wasm",
];

/// What the package keeps of [`BUILT`], with its own two files.
const PACKAGED: &[&str] = &[
    "README.md",
    "chunks/split_auth-5b9396bf0a25100e.wasm",
    "main-c36072f92ce3d017.css",
    "mfa-manager-daac8e3a28008804.js",
    "mfa-manager-daac8e3a28008804_bg.wasm",
    "mfa-manager.css",
    "mfa-manager.d.ts",
    "mfa-manager.js",
    "package.json",
    "snippets/mfa-manager-b410104531091991/inline0-3c925e27d097d772.js",
    "split-loader-34573659a58fac55.js",
    "texts/ar-d4b7d8956f4a9f1c.json",
];

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mfa-package-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

fn fake_dist(dir: &Path) {
    for name in BUILT {
        let file = dir.join(name);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(&file, format!("contents of {name}")).unwrap();
    }
}

#[test]
fn a_build_becomes_the_package_npm_would_publish() {
    let dist = scratch("dist");
    let pkg = scratch("pkg");
    fake_dist(&dist);
    // A file of an earlier package must not survive.
    fs::create_dir_all(&pkg).unwrap();
    fs::write(pkg.join("mfa-manager-0000000000000000.js"), "old").unwrap();

    let written = write(&dist, &pkg, "1.2.3");
    let packed = npm_pack_dry_run(&pkg);
    let manifest_text = fs::read_to_string(pkg.join("package.json")).unwrap();
    let manifest: Value = serde_json::from_str(&manifest_text).unwrap();
    let copied = fs::read_to_string(pkg.join("mfa-manager.js")).unwrap();
    let _ = (fs::remove_dir_all(&dist), fs::remove_dir_all(&pkg));

    let written = written.unwrap();
    assert_eq!(written, PACKAGED);
    assert_eq!(copied, "contents of mfa-manager.js");
    let packed = packed.expect("npm pack --dry-run runs (npm is a prerequisite)");
    assert_eq!(
        check_packed(&written, &packed),
        Ok(()),
        "npm packs {packed:?}"
    );

    assert_eq!(manifest["name"], "mfa-manager");
    assert_eq!(manifest["version"], "1.2.3");
    assert_eq!(manifest["type"], "module");
    assert_eq!(manifest["sideEffects"], true);
    assert_eq!(manifest["types"], "./mfa-manager.d.ts");
    assert_eq!(
        manifest["exports"]["."],
        json!({"types": "./mfa-manager.d.ts", "default": "./mfa-manager.js"})
    );
    // TypeScript takes the first condition that matches: `types` must come before `default`.
    let condition = |name: &str| {
        manifest_text
            .find(&format!("\"{name}\": \"./mfa-manager"))
            .unwrap()
    };
    assert!(condition("types") < condition("default"), "{manifest_text}");
    assert_eq!(
        manifest["files"],
        json!([
            "chunks/",
            "main-c36072f92ce3d017.css",
            "mfa-manager-daac8e3a28008804.js",
            "mfa-manager-daac8e3a28008804_bg.wasm",
            "mfa-manager.css",
            "mfa-manager.d.ts",
            "mfa-manager.js",
            "snippets/",
            "split-loader-34573659a58fac55.js",
            "texts/"
        ])
    );
}

#[test]
fn a_dist_without_the_entry_is_not_packaged() {
    let dist = scratch("empty-dist");
    fs::create_dir_all(&dist).unwrap();
    let refused = write(&dist, &scratch("unused"), "1.0.0");
    let _ = fs::remove_dir_all(&dist);
    assert!(refused.unwrap_err().contains("cargo xtask dist"));
}

#[test]
fn the_page_demo_mode_and_compressed_copies_stay_out() {
    for kept in [
        "mfa-manager.js",
        "chunks/chunk_3-513a77690130921f.wasm",
        "snippets/x/inline1-963bf29b536fd759.js",
        "split-loader-34573659a58fac55.js",
    ] {
        assert!(belongs(kept), "{kept}");
    }
    for left in [
        "index.html",
        "config.json",
        "init-014208ca12389486.js",
        "first-screen-1bdb28bbc75df019.js",
        "demo/mfa_demo_tenant.js",
        "mfa-manager.js.br",
        "chunks/chunk_3-513a77690130921f.wasm.gz",
    ] {
        assert!(!belongs(left), "{left}");
    }
}

#[test]
fn the_version_is_the_crates() {
    let cargo_toml =
        "[workspace]\nmembers = [\".\"]\n\n[workspace.package]\nversion = \"9.9.9\"\n\n\
                      [workspace.dependencies]\nserde = { version = \"1\" }\n\n\
                      [package]\nname = \"mfa-manager\"\nversion = \"0.4.1\"\n\n\
                      [dependencies]\nversion = \"2\"\n";
    assert_eq!(crate_version(cargo_toml), Ok("0.4.1".to_owned()));
    let real = fs::read_to_string(paths::root().join("Cargo.toml")).unwrap();
    assert!(crate_version(&real).is_ok());
    assert!(crate_version("[package]\nname = \"x\"\n").is_err());
}

#[test]
fn a_package_npm_would_pack_differently_is_refused() {
    let written = vec!["mfa-manager.d.ts".to_owned(), "mfa-manager.js".to_owned()];
    assert_eq!(check_packed(&written, &written), Ok(()));
    let more = [written.clone(), vec!["index.html".to_owned()]].concat();
    assert!(check_packed(&written, &more)
        .unwrap_err()
        .contains("index.html"));
    assert!(check_packed(&more, &written)
        .unwrap_err()
        .contains("index.html"));
    let untyped = vec!["mfa-manager.js".to_owned()];
    assert!(check_packed(&untyped, &untyped)
        .unwrap_err()
        .contains("mfa-manager.d.ts"));
}
