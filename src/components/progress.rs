//! A worker's progress, shown at most every 100 ms. Workers report hundreds of times a
//! second; repainting the bars as often took about a third of a core from the main thread,
//! which on a two-core machine is time the workers lose.

use leptos::prelude::*;
use std::time::Duration;

/// How often the bars are repainted while workers report.
const EVERY: Duration = Duration::from_millis(100);

/// The fraction done of each run of a job. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct Progress {
    /// As last shown.
    shown: RwSignal<Vec<f64>>,
    /// As the workers last said.
    seen: StoredValue<Vec<f64>>,
    /// Whether a showing of `seen` is due.
    due: StoredValue<bool>,
}

impl Progress {
    /// No runs yet.
    pub fn new() -> Self {
        Self {
            shown: RwSignal::new(Vec::new()),
            seen: StoredValue::new(Vec::new()),
            due: StoredValue::new(false),
        }
    }

    /// What the bars show: one fraction per run.
    pub fn shown(self) -> ReadSignal<Vec<f64>> {
        self.shown.read_only()
    }

    /// Starts `runs` runs at zero, shown at once.
    pub fn reset(self, runs: usize) {
        self.seen.set_value(vec![0.0; runs]);
        self.shown.set(vec![0.0; runs]);
    }

    /// Records that `run` is `fraction` done; the bars follow within [`EVERY`].
    pub fn note(self, run: usize, fraction: f64) {
        self.seen.update_value(|p| {
            if let Some(slot) = p.get_mut(run) {
                *slot = fraction;
            }
        });
        if self.due.get_value() {
            return;
        }
        self.due.set_value(true);
        // The view may be gone when the timer fires; disposed handles are left alone.
        set_timeout(
            move || {
                if self.due.try_set_value(false).is_none() {
                    self.show();
                }
            },
            EVERY,
        );
    }

    /// Shows what the workers last said now, as a job ends.
    pub fn show(self) {
        if let Some(seen) = self.seen.try_get_value() {
            self.shown.try_set(seen);
        }
    }
}

impl Default for Progress {
    fn default() -> Self {
        Self::new()
    }
}
