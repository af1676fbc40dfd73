//! Host apps built the way most sites that embed the widget are: `examples/react` (React 19)
//! and `examples/vue` (Vue 3), TypeScript apps that install the npm package `pkg/` and build
//! with Vite, which copies the package's wasm, stylesheet and chunks into the app's own
//! `dist/assets/`. Each journey serves the app's built `dist/` against the emulated tenant,
//! signs in, enrolls an authenticator app and checks that the app's own code received the
//! token of `mfa-manager:done`, with every file of the widget coming from the app's build.
//!
//! `cargo xtask test` writes the package and builds both apps before the journeys; alone:
//! `cargo xtask package` and `npm run build` in each app's folder.

use e2e::examples::examples_dir;
use e2e::journeys::{aud_contains, SIGNED_IN_HEADING};
use e2e::{Harness, Setup, TestResult};
use mfa_emulator::model::seed;

/// One host app: its folder in `examples/`, its heading, and the element the widget renders
/// in.
struct HostApp {
    folder: &'static str,
    heading: &'static str,
    widget: &'static str,
}

/// The React app renders `<mfa-manager>` and listens on it.
const REACT: HostApp = HostApp {
    folder: "react",
    heading: "Example app (React)",
    widget: "mfa-manager",
};

/// The Vue app calls `mount()` on a `<div id="security">` and listens on it.
const VUE: HostApp = HostApp {
    folder: "vue",
    heading: "Example app (Vue)",
    widget: "#security",
};

impl HostApp {
    /// Fails with what to run when the app has not been built.
    fn require_build(&self) -> TestResult {
        let built = examples_dir().join(self.folder).join("dist/index.html");
        if built.is_file() {
            return Ok(());
        }
        Err(format!(
            "{} is missing: run `cargo xtask package --hosts` (`cargo xtask test` builds it too)",
            built.display()
        )
        .into())
    }

    /// Signs in through the app, adds an authenticator app, presses "Done" and checks what the
    /// app and the document heard.
    async fn journey(&self) -> TestResult {
        self.require_build()?;
        let h = Harness::start(Setup::default()).await?;
        let app = format!("{}examples/{}/dist/", h.site.url, self.folder);
        h.browser.open(&app).await?;
        h.record_widget_events().await?;
        h.browser.wait_text("h1", self.heading).await?;
        let widget = self.widget;
        h.browser
            .wait_text(
                &format!("{widget} h2"),
                "Sign in to manage your security settings",
            )
            .await?;
        h.browser.wait_text(widget, &h.tenant_host()).await?;

        h.sign_in_by_popup(&format!("{widget} #mfa-sign-in"), seed::NEW_USER)
            .await?;
        h.browser
            .wait_text(&format!("{widget} h2"), SIGNED_IN_HEADING)
            .await?;
        let secret = h.enroll_authenticator_app().await?;
        // The app's own listener heard the change.
        h.browser
            .wait_text(
                "#app-changes",
                "Sign-in methods changed: authenticator-app added.",
            )
            .await?;
        h.done_with_second_factor(widget, &secret).await?;
        h.browser.wait_text("#mfa-finished", "All set").await?;
        // The app's own code took the token from the `mfa-manager:done` event.
        let status = h
            .browser
            .wait_text("#app-status", "The app has a token for its API (valid")
            .await?;
        let done = h.widget_events("done").await?;
        assert_eq!(done.len(), 1, "{done:?}");
        assert!(
            aud_contains(&done[0]["aud"], seed::APP_AUDIENCE),
            "{done:?}"
        );
        assert!(
            status.contains(&format!("(valid {} s)", done[0]["expires_in"])),
            "the app shows the lifetime of the token the event carried: {status} / {done:?}"
        );
        assert!(h.widget_events("error").await?.is_empty());

        // Vite copied the widget's files into the app's build, and the widget found them
        // there: nothing came from the package's folder or the page's dist/.
        let fetched = h.browser.fetched_urls().await?;
        let assets = format!("{app}assets/");
        let widget_files: Vec<&String> = fetched
            .iter()
            .filter(|url| url.ends_with(".wasm") || url.ends_with(".css"))
            .collect();
        assert!(
            widget_files.iter().filter(|u| u.ends_with(".wasm")).count() >= 3,
            "the module and its sign-in and signed-in chunks: {fetched:?}"
        );
        assert!(
            widget_files.iter().all(|url| url.starts_with(&assets)),
            "every file of the widget comes from the app's assets: {fetched:?}"
        );
        let url = h.browser.driver.current_url().await?;
        assert!(
            url.as_str().starts_with(&app),
            "the app's page stayed: {url}"
        );
        h.audit_no_token_leak(self.heading).await?;
        h.finish().await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn react_app_built_with_vite_embeds_the_element_and_receives_the_token() -> TestResult {
    REACT.journey().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_language_comes_from_the_apps_own_build_too() -> TestResult {
    REACT.require_build()?;
    let h = Harness::start(Setup::default()).await?;
    let app = format!("{}examples/{}/dist/", h.site.url, REACT.folder);
    h.browser.open(&app).await?;
    h.browser.find("mfa-manager #mfa-sign-in").await?;
    // The app passes its own page's language, as hosts do: the widget mounts afresh in it.
    h.browser
        .eval::<()>("document.querySelector('mfa-manager').setAttribute('lang', 'ar');")
        .await?;
    h.browser
        .find("mfa-manager main[lang=ar][dir=rtl] #mfa-sign-in")
        .await?;
    let fetched = h.browser.fetched_urls().await?;
    let texts: Vec<&String> = fetched.iter().filter(|u| u.ends_with(".json")).collect();
    assert!(
        !texts.is_empty()
            && texts
                .iter()
                .all(|u| u.starts_with(&format!("{app}assets/ar-"))),
        "the Arabic texts come from the app's assets: {fetched:?}"
    );
    let shown = h.browser.find("mfa-manager h2").await?.text().await?;
    assert!(
        !shown.contains("Sign in"),
        "the heading is in Arabic: {shown}"
    );
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vue_app_built_with_vite_mounts_the_widget_and_receives_the_token() -> TestResult {
    VUE.journey().await
}
