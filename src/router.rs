//! A small client-side router: the URL is the state. The path picks a [`View`],
//! the query holds the view's settings. History entries are pushed for view
//! changes and replaced for setting changes, so Back leaves a view.
//!
//! [`View`]: crate::views::View

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

pub use crate::query::QueryMap;

/// The current location, shared through context.
#[derive(Clone, Copy)]
pub struct Location {
    /// The path, such as `/market`.
    pub path: RwSignal<String>,
    /// The parsed query.
    pub query: RwSignal<QueryMap>,
}

fn read_browser() -> (String, QueryMap) {
    let location = web_sys::window().map(|w| w.location());
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_else(|| "/".into());
    let search = location.and_then(|l| l.search().ok()).unwrap_or_default();
    (path, QueryMap::parse(&search))
}

/// Some hosts and bookmarks open the app as `/index.html`: that is the overview, so the
/// address bar is rewritten to `/` (query kept) without a new history entry.
fn canonical_index(path: String) -> String {
    if path != "/index.html" {
        return path;
    }
    if let Some(window) = web_sys::window() {
        let search = window.location().search().unwrap_or_default();
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("/{search}")));
        }
    }
    "/".to_owned()
}

/// Creates the location state and follows Back and Forward.
pub fn provide_location() -> Location {
    let (path, query) = read_browser();
    let path = canonical_index(path);
    let location = Location {
        path: RwSignal::new(path),
        query: RwSignal::new(query),
    };
    let handle = window_event_listener(ev::popstate, move |_| {
        let (path, query) = read_browser();
        location.path.set(path);
        location.query.set(query);
    });
    on_cleanup(move || handle.remove());
    provide_context(location);
    location
}

/// The location provided by the app shell.
pub fn use_location() -> Location {
    use_context::<Location>().unwrap_or_else(provide_location)
}

/// Goes to `url` (a path with an optional query). `replace` keeps one history entry
/// while the user adjusts settings.
pub fn navigate(url: &str, replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(url))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(url))
        };
    }
    let location = use_location();
    let (path, query) = match url.split_once('?') {
        Some((p, q)) => (p.to_string(), QueryMap::parse(q)),
        None => (url.to_string(), QueryMap::default()),
    };
    if location.path.get_untracked() != path {
        location.path.set(path);
        if !replace {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
    if location.query.get_untracked() != query {
        location.query.set(query);
    }
}

/// An in-app link: a real `<a href>` (so it can be opened in a new tab) that
/// navigates without a reload on a plain click.
#[component]
pub fn Link(
    href: &'static str,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let location = use_location();
    let path_of_href = href.split('?').next().unwrap_or(href);
    let current = move || (location.path.get() == path_of_href).then_some("page");
    view! {
        <a
            href=href
            class=class
            aria-current=current
            on:click=move |ev: ev::MouseEvent| {
                if ev.button() == 0 && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() && !ev.alt_key() {
                    ev.prevent_default();
                    navigate(href, false);
                }
            }
        >
            {children()}
        </a>
    }
}
