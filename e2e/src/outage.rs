//! Files of the static host failing on demand, as after a network drop or a redeploy that
//! removed them: while an outage names part of a path, requests for it answer 503.

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::IntoResponse;
use axum::Router;
use std::sync::{Arc, Mutex};

/// Which paths fail now (shared with the running host).
#[derive(Clone, Debug, Default)]
pub struct Outage(Arc<Mutex<Vec<String>>>);

impl Outage {
    /// Requests whose path contains `fragment` fail from now on.
    pub fn fail(&self, fragment: &str) {
        if let Ok(mut failing) = self.0.lock() {
            failing.push(fragment.to_owned());
        }
    }

    /// Every path answers again.
    pub fn end(&self) {
        if let Ok(mut failing) = self.0.lock() {
            failing.clear();
        }
    }

    fn fails(&self, path: &str) -> bool {
        self.0
            .lock()
            .is_ok_and(|failing| failing.iter().any(|f| path.contains(f.as_str())))
    }

    /// `app` with this outage in front of it.
    pub fn apply(&self, app: Router) -> Router {
        let outage = self.clone();
        app.layer(axum::middleware::from_fn(
            move |request: Request, next: Next| {
                let outage = outage.clone();
                async move {
                    if outage.fails(request.uri().path()) {
                        return StatusCode::SERVICE_UNAVAILABLE.into_response();
                    }
                    next.run(request).await
                }
            },
        ))
    }
}
