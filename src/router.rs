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
    /// In the labs bundle, the one path it renders: moves elsewhere are the shell's to
    /// follow (it unmounts the lab), so the lab never sees another view's query.
    scope: Option<&'static str>,
}

/// The window event by which each bundle tells the other that the URL changed.
const NAVIGATED: &str = "yunce-navigated";

impl Location {
    fn apply(self, path: String, query: QueryMap) {
        if self.scope.is_some_and(|s| s != path) {
            return;
        }
        if self.path.get_untracked() != path {
            self.path.set(path);
        }
        if self.query.get_untracked() != query {
            self.query.set(query);
        }
    }
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
    provide(canonical_index(path), query, None)
}

/// The labs bundle's location: it follows the URL only while the URL is at `path`.
pub fn provide_scoped_location(path: &'static str) -> Location {
    let (_, query) = read_browser();
    provide(path.to_owned(), query, Some(path))
}

fn provide(path: String, query: QueryMap, scope: Option<&'static str>) -> Location {
    let location = Location {
        path: RwSignal::new(path),
        query: RwSignal::new(query),
        scope,
    };
    let follow = move || {
        let (path, query) = read_browser();
        location.apply(path, query);
    };
    let back = window_event_listener(ev::popstate, move |_| follow());
    let other = window_event_listener_untyped(NAVIGATED, move |_| follow());
    on_cleanup(move || {
        back.remove();
        other.remove();
    });
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
    if !replace && location.path.get_untracked() != path {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
    location.apply(path, query);
    // The other bundle (shell or labs) follows; this one's listener finds nothing new.
    if let Ok(event) = web_sys::Event::new(NAVIGATED) {
        let _ = window.dispatch_event(&event);
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
