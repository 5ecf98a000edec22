//! The labs bundle: the scheduler lab, the planner and the stability lab, loaded by the
//! shell the first time one of them opens (`yunce_app::lazy`). Built as an ES module; it
//! renders nothing until the shell calls [`mount`].

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use yunce_app::views::View;

fn main() {
    yunce_app::fatal::install_panic_hook();
    yunce_app::i18n::install(yunce_app::i18n::LAB_FILES);
}

/// A mounted lab. Unmounting removes its DOM and drops its state and workers.
#[wasm_bindgen]
pub struct LabMount {
    _handle: Box<dyn std::any::Any>,
}

#[wasm_bindgen]
impl LabMount {
    /// Removes the lab from the page.
    pub fn unmount(self) {}
}

/// Mounts the lab at `path` into `host`.
#[wasm_bindgen]
pub fn mount(host: web_sys::HtmlElement, path: &str) -> Result<LabMount, JsValue> {
    let view = View::from_path(path)
        .filter(|v| v.is_lab())
        .ok_or_else(|| JsValue::from_str(&format!("{path} is not a lab")))?;
    let handle = leptos::mount::mount_to(host, move || view! { <LabRoot view/> });
    Ok(LabMount {
        _handle: Box::new(handle),
    })
}

/// A lab's root: its language and location state (following the shell's), then the lab.
#[component]
fn LabRoot(view: View) -> impl IntoView {
    yunce_app::i18n::provide_i18n();
    yunce_app::router::provide_scoped_location(view.path());
    view.render_lab()
}
