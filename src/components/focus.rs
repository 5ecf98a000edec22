//! Keeps keyboard focus across a re-render: views rebuild their body when the URL
//! state changes, which would otherwise drop focus to the page.

use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    static PENDING: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Remembers the focused element's `data-testid`, or `target` when given.
pub fn remember(target: Option<&str>) {
    let id = target.map(str::to_string).or_else(|| {
        web_sys::window()?
            .document()?
            .active_element()?
            .get_attribute("data-testid")
    });
    PENDING.with(|p| *p.borrow_mut() = id);
}

/// Focuses the remembered element once the new body is in the DOM.
pub fn restore() {
    let Some(id) = PENDING.with(|p| p.borrow_mut().take()) else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                d.query_selector(&format!("[data-testid=\"{id}\"]"))
                    .ok()
                    .flatten()
            })
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
    let _ = window.request_animation_frame(callback.unchecked_ref());
}
