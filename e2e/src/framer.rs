//! A site of another origin that puts the page in an `<iframe>`, as a hostile site does to
//! make its visitors click on the page without knowing it (clickjacking: an invisible frame
//! over a "win a prize" button, lined up with Remove and then Confirm).
//!
//! Its front page frames two things: the page as the test site serves it (with the
//! deployment's headers), and, as the control, the same `dist/` and `config.json` served by
//! this site itself under `/unguarded/` with no header at all, which shows what the framed page
//! would look like if nothing forbade the framing.

use crate::site::dist_dir;
use crate::stop_on_drop::StopOnDrop;
use crate::TestResult;
use axum::http::header;
use axum::response::Html;
use axum::routing::get;
use axum::Router;
use tokio::net::TcpListener;
use tower_http::services::ServeDir;

/// The id of the frame holding the page as deployed.
pub const PAGE_FRAME: &str = "framed-page";
/// The id of the frame holding the same page served without headers.
pub const UNGUARDED_FRAME: &str = "framed-unguarded";

/// A running site of another origin that frames the page.
pub struct Framer {
    /// Its front page, `http://127.0.0.1:PORT/` (another port than the test site's, so
    /// another origin).
    pub url: String,
    _stop: StopOnDrop,
}

impl Framer {
    /// Serves a front page framing `page_url`, and `dist/` with `config_json` under
    /// `/unguarded/` without headers.
    pub async fn start(page_url: &str, config_json: String) -> TestResult<Framer> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}/", listener.local_addr()?);
        let front = front_page(page_url);
        let app =
            Router::new()
                .route("/", get(move || async move { Html(front) }))
                .route(
                    "/unguarded/config.json",
                    get(move || async move {
                        ([(header::CONTENT_TYPE, "application/json")], config_json)
                    }),
                )
                .nest_service("/unguarded", ServeDir::new(dist_dir()?));
        let stop = StopOnDrop::serve(listener, app);
        Ok(Framer { url, _stop: stop })
    }
}

/// The hostile front page: both frames record in `window.__framesLoaded` when they have
/// loaded (a frame the browser refuses still fires `load`, with an error page inside).
fn front_page(page_url: &str) -> String {
    let page_url = page_url.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Win a prize</title></head>
<body><h1>Click the button to win a prize</h1>
<script>window.__framesLoaded = [];</script>
<iframe id="{PAGE_FRAME}" src="{page_url}" width="500" height="400"
        onload="window.__framesLoaded.push(this.id)"></iframe>
<iframe id="{UNGUARDED_FRAME}" src="/unguarded/" width="500" height="400"
        onload="window.__framesLoaded.push(this.id)"></iframe>
</body></html>"#
    )
}
