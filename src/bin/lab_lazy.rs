//! The scheduler lab's UI, a second wasm module that the app loads only when `/lab` opens
//! (Trunk builds it as `lab_lazy.js` + `lab_lazy_bg.wasm`, outside the initial load). It has
//! no Leptos: it renders with the plain DOM helpers of `views/lab/ui/dom.rs` into the
//! `#lab-root` element of the app's lab view, and starts the simulation worker
//! (`src/bin/worker.rs`) only when a run or a file check needs it.

#[path = "../views/lab/ui/app.rs"]
mod app;
#[path = "../views/lab/ui/chart.rs"]
mod chart;
#[path = "../views/lab/ui/dom.rs"]
mod dom;
#[path = "../components/download.rs"]
#[allow(dead_code)] // The CSV helpers serve the app's views; the lab forwards the CLI's CSV.
mod download;
#[path = "../views/lab/ui/edit.rs"]
mod edit;
#[path = "../views/lab/ui/model.rs"]
mod model;
#[path = "../views/lab/ui/panels.rs"]
mod panels;
#[path = "../views/lab/ui/render.rs"]
mod render;
#[path = "../views/lab/ui/results.rs"]
mod results;
#[path = "../views/lab/ui/state.rs"]
mod state;
#[path = "../url_state.rs"]
mod url_state;
#[path = "../views/lab/ui/worker.rs"]
mod worker;

use app::Lab;

#[path = "../locale_table.rs"]
mod locale_table;
#[path = "../query.rs"]
mod query;

/// The app's router module, as far as the shared URL-state code needs it.
mod router {
    pub use super::query::QueryMap;
}

/// UI text from the same locale files as the app (`lab.txt`, plus the shared download and
/// notice keys of `app.txt`), in the language the app set on `<html lang>`.
mod i18n {
    use std::sync::OnceLock;

    /// A UI language.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Lang {
        /// English.
        En,
        /// Simplified Chinese.
        Zh,
    }

    use super::locale_table::{Table, lookup, parse};

    /// The text for `key`; the key itself when missing.
    pub fn text(lang: Lang, key: &'static str) -> &'static str {
        static EN: OnceLock<Table> = OnceLock::new();
        static ZH: OnceLock<Table> = OnceLock::new();
        let t = match lang {
            Lang::En => EN.get_or_init(|| {
                parse(&[
                    include_str!("../../locales/en/app.txt"),
                    include_str!("../../locales/en/lab.txt"),
                ])
            }),
            Lang::Zh => ZH.get_or_init(|| {
                parse(&[
                    include_str!("../../locales/zh/app.txt"),
                    include_str!("../../locales/zh/lab.txt"),
                ])
            }),
        };
        lookup(t, key)
    }

    /// The language the app shows.
    pub fn page_lang() -> Lang {
        let tag = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .unwrap_or_default();
        if tag.starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

fn main() {
    app::lab_refresh();
}
