//! Progressive rendering: a view shows its heading and controls at once and builds its
//! long tables right after the browser has painted them, so switching views stays quick
//! and the rest follows within a frame.

use leptos::prelude::*;
use std::time::Duration;

/// A signal that turns true once the browser has painted the current frame.
pub fn after_first_paint() -> ReadSignal<bool> {
    let (painted, set_painted) = signal(false);
    request_animation_frame(move || {
        // The view may be gone by then; a disposed signal is simply not set.
        set_timeout(
            move || {
                set_painted.try_set(true);
            },
            Duration::ZERO,
        );
    });
    painted
}
