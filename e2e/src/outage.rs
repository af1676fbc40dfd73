//! Files of the static host failing on demand, as after a network drop or a redeploy that
//! removed them: while an outage names part of a path, requests for it answer 503. Files can
//! also be held back, as on a slow network: their answers wait until released.

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::IntoResponse;
use axum::Router;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The longest a held answer waits: a journey that forgets to release fails, it does not hang.
const LONGEST_HOLD: Duration = Duration::from_secs(60);

/// Which paths fail now and which are held back (shared with the running host).
#[derive(Clone, Debug, Default)]
pub struct Outage {
    failing: Arc<Mutex<Vec<String>>>,
    held: Arc<Mutex<Vec<String>>>,
}

impl Outage {
    /// Requests whose path contains `fragment` fail from now on.
    pub fn fail(&self, fragment: &str) {
        change(&self.failing, |failing| failing.push(fragment.to_owned()));
    }

    /// Every path answers again.
    pub fn end(&self) {
        change(&self.failing, Vec::clear);
    }

    /// Answers to requests whose path contains `fragment` wait from now on until
    /// [`Outage::release`].
    pub fn hold(&self, fragment: &str) {
        change(&self.held, |held| held.push(fragment.to_owned()));
    }

    /// Every held answer goes out, and none waits any more.
    pub fn release(&self) {
        change(&self.held, Vec::clear);
    }

    fn fails(&self, path: &str) -> bool {
        names(&self.failing, path)
    }

    async fn wait_while_held(&self, path: &str) {
        let deadline = Instant::now() + LONGEST_HOLD;
        while names(&self.held, path) && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// `app` with this outage in front of it.
    pub fn apply(&self, app: Router) -> Router {
        let outage = self.clone();
        app.layer(axum::middleware::from_fn(
            move |request: Request, next: Next| {
                let outage = outage.clone();
                async move {
                    outage.wait_while_held(request.uri().path()).await;
                    if outage.fails(request.uri().path()) {
                        return StatusCode::SERVICE_UNAVAILABLE.into_response();
                    }
                    next.run(request).await
                }
            },
        ))
    }
}

/// Changes the fragments in `list`.
fn change(list: &Mutex<Vec<String>>, edit: impl FnOnce(&mut Vec<String>)) {
    if let Ok(mut fragments) = list.lock() {
        edit(&mut fragments);
    }
}

/// True when one of the fragments in `list` is part of `path`.
fn names(list: &Mutex<Vec<String>>, path: &str) -> bool {
    list.lock()
        .is_ok_and(|fragments| fragments.iter().any(|f| path.contains(f.as_str())))
}
