//! Small wrappers over `localStorage` that never fail loudly: private windows and
//! blocked storage simply lose the preference.

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Reads a stored preference.
pub fn read(key: &str) -> Option<String> {
    local()?.get_item(key).ok()?
}

/// Stores a preference; failures are ignored on purpose.
pub fn write(key: &str, value: &str) {
    if let Some(storage) = local() {
        let _ = storage.set_item(key, value);
    }
}
