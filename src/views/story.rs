//! The story views' host in the app (Alibaba Cloud, compute plan, sources). Their bodies
//! live in a separate wasm module (`src/bin/story_lazy.rs`) that the first story view to
//! open loads, so the initial load carries only this file. The view shows its heading at
//! once; then, after every URL or language change, it asks the module to render the body
//! into the view's `<div data-story=…>`. Links and CSV buttons in the body are handled
//! here ([`host`]); other controls report their `data-act` to the module, which writes the
//! next URL with `history.replaceState` plus a `popstate` event, which the router follows.

use crate::components::focus;
use crate::i18n::use_i18n;
use crate::router::use_location;
use crate::views::sources::dom::{Act, build, leaf, leaf_c};
use crate::views::sources::host::host;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Where the page keeps the module's exports. Trunk's no-modules build declares
/// `wasm_bindgen` as a global `let`, as the lab module's does; evaluating it inside a
/// function keeps the two apart.
const GLOBAL: &str = "yunceStory";
const START: &str = "fetch('/story_lazy.js').then(r => r.text()).then(t => { \
    window.yunceStory = new Function(t + '\\nreturn wasm_bindgen;')(); \
    return window.yunceStory({ module_or_path: '/story_lazy_bg.wasm' }); });";

/// Calls an export of the story module; `false` when it is not loaded yet.
fn call(name: &str, args: &js_sys::Array) -> bool {
    let f = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(GLOBAL))
        .ok()
        .and_then(|g| js_sys::Reflect::get(&g, &JsValue::from_str(name)).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match f {
        Some(f) => f.apply(&JsValue::NULL, args).is_ok(),
        None => false,
    }
}

/// Loads the story module once; its start function renders into the `[data-story]` view.
fn load() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("story-module").is_some() {
        return;
    }
    let Ok(script) = doc.create_element("script") else {
        return;
    };
    let _ = script.set_attribute("id", "story-module");
    script.set_text_content(Some(START));
    if let Some(head) = doc.head() {
        let _ = head.append_child(&script);
    }
}

/// A story view's body: `name` is its path without the slash; until the module is
/// loaded, `title` (when given) and a loading line stand in for it.
pub fn story(name: &'static str, title: Option<&'static str>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_location().query;
    let fill = move |div: &web_sys::HtmlDivElement| {
        query.track();
        i18n.lang.track();
        let _ = div.set_attribute("data-story", name);
        if call("story_render", &js_sys::Array::of1(div)) {
            focus::restore();
            return;
        }
        let placeholder = build(|| {
            if let Some(key) = title {
                leaf("h1", i18n.t(key));
            }
            leaf_c("p", "muted", i18n.t("story.loading"));
        });
        if let Some(el) = placeholder {
            div.set_text_content(None);
            let _ = div.append_child(&el);
        }
        // Until the module renders (and clears this), the body is marked as loading.
        let _ = div.set_attribute("aria-busy", "true");
        load();
    };
    let on_act = |a: Act| {
        let args = js_sys::Array::of3(
            &JsValue::from_str(&a.act),
            &JsValue::from_str(&a.value),
            &JsValue::from_bool(a.checked),
        );
        call("story_act", &args);
    };
    host(Box::new(fill), std::rc::Rc::new(on_act), true)
}
