//! Persisted preferences in `localStorage`, through gloo. They never fail loudly:
//! private windows and blocked storage simply lose the preference.

use gloo_storage::{LocalStorage, Storage};

/// Reads a stored preference.
pub fn read(key: &str) -> Option<String> {
    LocalStorage::get::<String>(key).ok()
}

/// Stores a preference; failures are ignored on purpose.
pub fn write(key: &str, value: &str) {
    let _ = LocalStorage::set(key, value);
}
