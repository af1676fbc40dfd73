//! Timed, labelled progress lines so long steps are never silent.

use std::time::{Duration, Instant};

/// A labelled step whose end is printed with its elapsed time.
pub struct Step {
    label: String,
    started: Instant,
}

impl Step {
    /// Prints `==> label` and starts the clock.
    pub fn start(label: impl Into<String>) -> Step {
        let label = label.into();
        println!("==> {label}");
        Step {
            label,
            started: Instant::now(),
        }
    }

    /// Time since the step started.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// Prints the step's outcome and elapsed time.
    pub fn finish(self, outcome: &str) -> Duration {
        let elapsed = self.elapsed();
        println!("    {}: {outcome} ({})", self.label, seconds(elapsed));
        elapsed
    }
}

/// `12.3 s` style formatting.
pub fn seconds(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}
