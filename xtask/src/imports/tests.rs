use super::*;

/// A small crate written into the system temp folder, removed when dropped.
struct TempCrate(PathBuf);

impl TempCrate {
    /// Writes `files` (path relative to the crate folder, text) into a folder unique to this
    /// process and `name`.
    fn new(name: &str, files: &[(&str, &str)]) -> TempCrate {
        let dir = std::env::temp_dir().join(format!("xtask-imports-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        for (path, text) in files {
            let path = dir.join(path);
            fs::create_dir_all(path.parent().expect("a file has a folder")).expect("temp folder");
            fs::write(&path, text).expect("temp file");
        }
        TempCrate(dir)
    }

    fn circles(&self) -> Vec<Circle> {
        circles(&self.0).expect("the crate is checked")
    }

    /// Every edge as `from -> to`.
    fn edges(&self) -> Vec<String> {
        edges(&self.0)
            .expect("the crate is checked")
            .into_iter()
            .map(|e| format!("{} -> {}", e.from, e.to))
            .collect()
    }
}

impl Drop for TempCrate {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[test]
fn two_file_circle_is_found_and_named() {
    let krate = TempCrate::new(
        "two-files",
        &[
            ("lib.rs", "mod a;\nmod b;\n"),
            ("a.rs", "use crate::b::B;\npub struct A(B);\n"),
            ("b.rs", "pub struct B;\npub fn f(_: crate::a::A) {}\n"),
        ],
    );
    let circles = krate.circles();
    assert_eq!(circles.len(), 1);
    assert_eq!(circles[0].files, ["a.rs", "b.rs"]);
    let text = report("x", &circles);
    assert!(
        text.contains("a.rs -> b.rs   via use crate::b::B"),
        "{text}"
    );
    assert!(text.contains("b.rs -> a.rs   via crate::a::A"), "{text}");
}

#[test]
fn parent_reexport_and_child_use_super_is_no_circle() {
    let krate = TempCrate::new(
        "reexport",
        &[
            ("lib.rs", "pub mod api;\npub mod user;\n"),
            (
                "api/mod.rs",
                "mod error;\nmod inner;\npub use error::ApiError;\npub use inner::*;\n\
                 pub struct Handle;\npub fn call() -> Result<(), ApiError> { Ok(()) }\n",
            ),
            (
                "api/error.rs",
                "use super::Handle;\npub struct ApiError(Handle);\n",
            ),
            ("api/inner.rs", "pub fn helper() {}\n"),
            (
                "user.rs",
                "use crate::api;\n\
                 pub fn f(e: crate::api::ApiError) { api::helper(); }\n",
            ),
        ],
    );
    assert!(krate.circles().is_empty());
    assert_eq!(
        krate.edges(),
        [
            "api/error.rs -> api/mod.rs",
            "user.rs -> api/error.rs",
            "user.rs -> api/inner.rs",
            "user.rs -> api/mod.rs",
        ]
    );
}

#[test]
fn child_module_relative_use_is_resolved() {
    let krate = TempCrate::new(
        "relative",
        &[
            ("lib.rs", "pub mod app;\n"),
            (
                "app.rs",
                "mod flow;\nmod notice;\nuse flow::Stage;\n\
                 pub struct App(Stage);\npub fn f() { notice::show(); }\n",
            ),
            ("app/flow.rs", "pub struct Stage;\n"),
            ("app/notice.rs", "pub fn show() {}\n"),
        ],
    );
    assert_eq!(
        krate.edges(),
        ["app.rs -> app/flow.rs", "app.rs -> app/notice.rs"]
    );
}

#[test]
fn test_code_is_ignored() {
    let krate = TempCrate::new(
        "tests",
        &[
            ("lib.rs", "pub mod a;\npub mod x;\n"),
            ("x.rs", "pub fn f() { crate::a::g() }\n"),
            (
                "a.rs",
                "pub fn g() {}\n\
                 #[cfg(test)]\nmod tests { use super::super::x; fn t() { x::f(); } }\n\
                 #[cfg(test)]\nmod more;\n\
                 #[cfg(all(test, not(target_arch = \"wasm32\")))]\nuse crate::x::f;\n\
                 #[cfg(test)]\nfn helper() { crate::x::f() }\n",
            ),
            ("a/more.rs", "use crate::x::f;\n"),
        ],
    );
    assert!(krate.circles().is_empty());
    assert_eq!(krate.edges(), ["x.rs -> a.rs"]);
}

#[test]
fn other_cfg_code_counts() {
    let krate = TempCrate::new(
        "cfg",
        &[
            (
                "lib.rs",
                "pub mod demo;\n#[cfg(target_arch = \"wasm32\")]\npub mod loader;\n",
            ),
            ("demo.rs", "pub fn f() { super::loader::load() }\n"),
            (
                "loader.rs",
                "use super::demo;\npub fn load() { demo::f() }\n",
            ),
        ],
    );
    let circles = krate.circles();
    assert_eq!(circles.len(), 1);
    assert_eq!(circles[0].files, ["demo.rs", "loader.rs"]);
}

#[test]
fn paths_inside_macros_count() {
    let krate = TempCrate::new(
        "macros",
        &[
            ("lib.rs", "mod a;\nmod b;\nmod c;\n"),
            ("a.rs", "pub fn f() {}\n"),
            (
                "b.rs",
                "pub fn view() { view! { <p on:click=move |_| crate::a::f()>{\"x\"}</p> } }\n",
            ),
            (
                "c.rs",
                "pub fn text() -> String { format!(\"{}\", super::b::view()) }\n",
            ),
        ],
    );
    assert_eq!(krate.edges(), ["b.rs -> a.rs", "c.rs -> b.rs"]);
}

#[test]
fn the_workspace_is_checked() {
    for folder in CRATE_FOLDERS {
        let found = circles(&paths::root().join(folder));
        assert!(found.is_ok(), "{folder}: {found:?}");
    }
}
