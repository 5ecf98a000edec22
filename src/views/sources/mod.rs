//! The sources view: every source, searchable, with the figures that cite it; every
//! inconsistency with its explanation and affected figures; deep links that highlight
//! a source (`?id=S014`, `#S014`) or a figure (`?fig=FIN-024`), with a way back.
//!
//! The app holds the heading and the search box; the body below them (`page.rs`) is part
//! of the lazily loaded story module (`src/bin/story_lazy.rs`), as are the other story
//! views'. `dom.rs` and `kit.rs` are shared by the app and that module; `host.rs` mounts
//! builder bodies in the app.

#[allow(dead_code)] // Some builder calls serve only the story module.
pub mod dom;
pub mod host;
#[allow(dead_code)] // The table helpers serve only the story module.
pub mod kit;
#[allow(dead_code)] // `view_of` serves the story module's `page.rs`.
mod state;

use crate::components::error::ErrorPanel;
use crate::i18n::{I18n, use_i18n};
use crate::router::{navigate, use_location};
use leptos::prelude::*;
use state::SourcesState;
use yunce_data::Dataset;

/// The routed sources view.
#[component]
pub fn SourcesView() -> impl IntoView {
    let i18n = use_i18n();
    match crate::data::dataset() {
        Ok(data) => view! { <Sources data i18n/> }.into_any(),
        Err(e) => {
            view! { <ErrorPanel title=i18n.t("error.data") detail=e.to_string()/> }.into_any()
        }
    }
}

#[component]
fn Sources(data: &'static Dataset, i18n: I18n) -> impl IntoView {
    let query = use_location().query;
    let parsed = Memo::new(move |_| query.with(|q| SourcesState::from_query(data, q)));
    // An anchor-style link (`/sources#S014`, `#FIN-024`) becomes the equivalent query.
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let anchor = hash.trim_start_matches('#');
    if data.source(anchor).is_some() {
        navigate(&format!("/sources?id={anchor}"), true);
    } else if data.meta(anchor).is_some() || data.inconsistency(anchor).is_some() {
        navigate(&format!("/sources?fig={anchor}"), true);
    }
    // The search box is built once per language, so typing keeps focus; the rest
    // re-renders on every new state.
    move || {
        i18n.lang.track();
        let initial = parsed.get_untracked().0.q;
        view! {
            <h1>{i18n.t("sources.title")}</h1>
            <p class="muted">{i18n.t("sources.lede")}</p>
            <label class="search">
                <span>{i18n.t("sources.search")}</span>
                <input type="search" data-testid="source-search" prop:value=initial
                    placeholder=i18n.t("sources.search_hint")
                    on:input=move |ev| {
                        let mut next = parsed.get_untracked().0;
                        next.q = event_target_value(&ev);
                        navigate(&format!("/sources{}", next.to_query()), true);
                    }/>
            </label>
            {super::story::story("sources", None)}
        }
    }
}
