//! The story views' bodies (Alibaba Cloud, compute plan, sources), a second wasm module
//! that the app loads only when one of those views first opens (Trunk builds it as
//! `story_lazy.js` + `story_lazy_bg.wasm`, outside the initial load). It has no Leptos:
//! it writes with the same streaming builder as the app (`views/sources/dom.rs`, `kit.rs`)
//! into the `<div data-story=…>` of the app's view (`src/views/story.rs`), reads the URL
//! and `<html lang>` itself, and writes a control's next URL with `history.replaceState`
//! plus a `popstate` event, which the app's router follows.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[path = "../data.rs"]
#[allow(dead_code)] // `as_of` serves the app's footer.
mod data;
#[path = "../views/sources/dom.rs"]
#[allow(dead_code)] // Some builder calls serve only the app's overview.
mod dom;
#[path = "../views/sources/kit.rs"]
#[allow(dead_code)] // `follow` serves the app's market view.
mod kit;
#[path = "../locale_table.rs"]
mod locale_table;
#[path = "../query.rs"]
mod query;
#[path = "../url_state.rs"]
mod url_state;

#[path = "../views/alibaba/finance.rs"]
mod alibaba_finance;
#[path = "../views/alibaba/page.rs"]
mod alibaba_page;
#[path = "../views/alibaba/state.rs"]
mod alibaba_state;
#[path = "../views/alibaba/timeline.rs"]
mod alibaba_timeline;
#[path = "../views/compute/page.rs"]
mod compute_page;
#[path = "../views/compute/state.rs"]
mod compute_state;
#[path = "../views/sources/page.rs"]
mod sources_page;
#[path = "../views/sources/state.rs"]
#[allow(dead_code)] // `to_query` serves the app's search box.
mod sources_state;

/// The app's module tree, as far as the included files name it (`crate::views::…`,
/// `super::state`).
mod views {
    pub(crate) mod sources {
        pub(crate) use crate::sources_page as page;
        pub(crate) use crate::sources_state as state;
        pub(crate) use crate::{dom, kit};
    }
    pub(crate) mod alibaba {
        pub(crate) use crate::alibaba_finance as finance;
        pub(crate) use crate::alibaba_page as page;
        pub(crate) use crate::alibaba_state as state;
        pub(crate) use crate::alibaba_timeline as timeline;
    }
    pub(crate) mod compute {
        pub(crate) use crate::compute_page as page;
        pub(crate) use crate::compute_state as state;
    }
}

/// The app's router module, as far as the shared code needs it.
mod router {
    pub use super::query::QueryMap;
    use wasm_bindgen::JsValue;

    /// The current query.
    pub fn query() -> QueryMap {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        QueryMap::parse(&search)
    }

    /// Goes to `url`, replacing the history entry, and tells the app's router.
    pub fn navigate(url: &str, _replace: bool) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
        }
        if let Ok(ev) = web_sys::PopStateEvent::new("popstate") {
            let _ = window.dispatch_event(&ev);
        }
    }
}

/// UI text from the app's locale files (`app.txt`, `story.txt`) and the bodies' own
/// (`story_body.txt`, which only this module embeds), in the language the app set on
/// `<html lang>`.
mod i18n {
    use std::sync::OnceLock;

    use super::locale_table::{Table, lookup, parse};

    /// The page's language, for the story views' text (`zh` when the page says so).
    #[derive(Clone, Copy)]
    pub struct I18n {
        zh: bool,
    }

    impl I18n {
        /// Reads the language the app shows.
        pub fn page() -> Self {
            let tag = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
                .and_then(|e| e.get_attribute("lang"))
                .unwrap_or_default();
            Self {
                zh: tag.starts_with("zh"),
            }
        }

        /// The text for `key`; the key itself when missing.
        #[inline(never)]
        pub fn t(self, key: &'static str) -> &'static str {
            static EN: OnceLock<Table> = OnceLock::new();
            static ZH: OnceLock<Table> = OnceLock::new();
            let t = if self.zh {
                ZH.get_or_init(|| {
                    parse(&[
                        include_str!("../../locales/zh/app.txt"),
                        include_str!("../../locales/zh/story.txt"),
                        include_str!("../../locales/zh/story_body.txt"),
                    ])
                })
            } else {
                EN.get_or_init(|| {
                    parse(&[
                        include_str!("../../locales/en/app.txt"),
                        include_str!("../../locales/en/story.txt"),
                        include_str!("../../locales/en/story_body.txt"),
                    ])
                })
            };
            lookup(t, key)
        }

        /// The text for `key` with `{0}`, `{1}`, ... replaced by `args`.
        #[inline(never)]
        pub fn format(self, key: &'static str, args: &[&str]) -> String {
            super::locale_table::fill(self.t(key), args)
        }
    }
}

use views::{alibaba, compute, sources};

/// Renders the body of the story view `root` is for (its `data-story`) from the URL.
#[wasm_bindgen]
pub fn story_render(root: &web_sys::Element) {
    let Ok(data) = data::dataset() else { return };
    let i18n = i18n::I18n::page();
    let query = router::query();
    let name = root.get_attribute("data-story").unwrap_or_default();
    let built = dom::build(|| match name.as_str() {
        "alibaba" => alibaba::page::body(data, i18n, &query),
        "compute" => compute::page::body(data, i18n, &query),
        "sources" => sources::page::body(data, i18n, &query),
        _ => {}
    });
    if let Some(el) = built {
        root.set_text_content(None);
        let _ = root.append_child(&el);
        let _ = root.remove_attribute("aria-busy");
        kit::scroll_to_highlight();
    }
}

/// A control's report (`data-act`, its value, checked state): writes the next URL.
#[wasm_bindgen]
pub fn story_act(act: String, value: String, checked: bool) {
    let Ok(data) = data::dataset() else { return };
    let a = dom::Act {
        act,
        value,
        checked,
    };
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let next = match path.as_str() {
        "/alibaba" => alibaba::page::on_act(data, &router::query(), &a),
        "/compute" => compute::page::on_act(&a),
        _ => None,
    };
    if let Some(url) = next {
        router::navigate(&url, true);
    }
}

fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-story]").ok().flatten());
    if let Some(root) = root {
        story_render(root.unchecked_ref());
    }
}
