//! The scheduler lab view: compare FGD and five baselines on the openb cluster or your own.
//!
//! Its UI is a separate wasm module (`src/bin/lab_lazy.rs`, sources in `ui/`) that this view
//! loads the first time `/lab` opens, and its simulations run in a Web Worker
//! (`src/bin/worker.rs`) that the module starts only when the lab runs. So the lab costs the
//! main bundle only this file and its locale text. The view renders the heading at once,
//! then hands `#lab-root` to the module, and asks it to re-render after every URL or
//! language change (the module writes the URL through `history` plus a `popstate` event,
//! which the router follows).

use crate::i18n::use_i18n;
use crate::router::use_location;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Where the page keeps the lab module's exports. Trunk's no-modules build declares
/// `wasm_bindgen` as a global `let`, which is not a property of `window`, so a one-line
/// script copies it here and starts the module.
const GLOBAL: &str = "yunceLab";
const START: &str =
    "window.yunceLab = wasm_bindgen; wasm_bindgen({ module_or_path: '/lab_lazy_bg.wasm' });";

fn global() -> Option<js_sys::Object> {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(GLOBAL))
        .ok()
        .and_then(|g| g.dyn_into().ok())
}

/// Calls an export of the lab module; `false` when the module is not loaded yet.
fn call(name: &str) -> bool {
    let f = global()
        .and_then(|g| js_sys::Reflect::get(&g, &JsValue::from_str(name)).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match f {
        Some(f) => f.call0(&JsValue::NULL).is_ok(),
        None => false,
    }
}

/// Loads the lab module once; its start function renders into `#lab-root`.
fn load() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("lab-module").is_some() {
        return;
    }
    let Ok(script) = doc.create_element("script") else {
        return;
    };
    let _ = script.set_attribute("id", "lab-module");
    let _ = script.set_attribute("src", "/lab_lazy.js");
    let start = doc.clone();
    let onload = Closure::once_into_js(move || {
        if let (Ok(s), Some(head)) = (start.create_element("script"), start.head()) {
            s.set_text_content(Some(START));
            let _ = head.append_child(&s);
        }
    });
    let _ = script.add_event_listener_with_callback("load", onload.unchecked_ref());
    if let Some(head) = doc.head() {
        let _ = head.append_child(&script);
    }
}

/// The routed lab view.
#[component]
pub fn LabView() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_location().query;
    Effect::new(move |_| {
        query.track();
        i18n.lang.track();
        if !call("lab_refresh") {
            load();
        }
    });
    on_cleanup(|| {
        call("lab_unmount");
    });
    view! {
        <div class="lab" id="lab-root">
            <h1>{move || i18n.t("lab.title")}</h1>
            <p class="muted">{move || i18n.t("lab.loading")}</p>
        </div>
    }
}
