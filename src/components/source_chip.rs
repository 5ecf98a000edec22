//! Source ids as chips that open the sources view (`/sources?id=S014`), carrying the
//! current URL as the way `back`. Figure links (`?fig=`) share the same href logic.

use crate::router::{Location, navigate, use_location};
use crate::url_state::encode;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// True for a path inside the app (`/alibaba?…`): never another origin (`//host`), a
/// scheme or a backslash trick. Only such a path may be a way back.
pub fn is_in_app_path(s: &str) -> bool {
    s.starts_with('/') && !s.starts_with("//") && !s.contains('\\')
}

/// The current path and query as one in-app URL.
fn here(location: Location) -> String {
    let path = location.path.get();
    let query = location.query.with(|q| {
        q.0.iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    });
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// A link into the sources view (`target` is `id=S014` or `fig=FIN-024`) that remembers
/// the current URL as its way back. Inside the sources view the original way back is
/// kept, so Back always leaves the sources view. It reads the location, so an `href`
/// computed in a closure follows URL changes.
pub fn sources_href(location: Location, target: &str) -> String {
    let back = if location.path.get() == "/sources" {
        location.query.with(|q| {
            q.get("back")
                .filter(|b| is_in_app_path(b))
                .map(str::to_string)
        })
    } else {
        Some(here(location))
    };
    match back {
        Some(b) if !b.is_empty() => format!("/sources?{target}&back={}", encode(&b)),
        _ => format!("/sources?{target}"),
    }
}

/// A click handler for an in-app `<a href>`: a plain click navigates without a reload,
/// as the router's `Link` does; modified clicks keep the browser's behaviour.
#[allow(clippy::needless_pass_by_value)] // An event handler receives the event by value.
pub fn follow(e: web_sys::MouseEvent) {
    let href = e
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|a| a.get_attribute("href"));
    if let Some(href) = href
        && e.button() == 0
        && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key())
    {
        e.prevent_default();
        navigate(&href, false);
    }
}

/// A chip linking `kind=id` into the sources view (`kind` is `id` or `fig`).
pub(crate) fn chip(kind: &'static str, id: String) -> impl IntoView + use<> {
    let location = use_location();
    let target = format!("{kind}={id}");
    view! {
        <a class="chip" href=move || sources_href(location, &target) on:click=follow>{id}</a>
    }
}

/// A source id as a chip that opens it in the sources view.
#[component]
pub fn SourceChip(#[prop(into)] id: String) -> impl IntoView {
    chip("id", id)
}

/// Chips for several source ids, separated by spaces.
pub fn source_chips<'a>(ids: impl IntoIterator<Item = &'a String>) -> AnyView {
    ids.into_iter()
        .map(|id| view! { <SourceChip id=id.clone()/>" " })
        .collect_view()
        .into_any()
}
