//! Servers started for one test stop when the test's handle to them is dropped.

use axum::Router;
use std::future::Future;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// Stops the server it was made for when dropped.
pub struct StopOnDrop(Option<oneshot::Sender<()>>);

impl StopOnDrop {
    /// A handle and the signal a server's graceful shutdown waits on: the signal fires when
    /// the handle is dropped.
    pub fn pair() -> (StopOnDrop, impl Future<Output = ()> + Send + 'static) {
        let (stop, stopped) = oneshot::channel::<()>();
        (StopOnDrop(Some(stop)), async {
            let _ = stopped.await;
        })
    }

    /// Serves `app` on `listener` in the background until the handle is dropped.
    pub fn serve(listener: TcpListener, app: Router) -> StopOnDrop {
        let (handle, stopped) = StopOnDrop::pair();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(stopped)
                .await;
        });
        handle
    }
}

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        if let Some(stop) = self.0.take() {
            let _ = stop.send(());
        }
    }
}
