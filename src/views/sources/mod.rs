//! The sources view: every source, searchable, with the figures that cite it; every
//! inconsistency with its explanation and affected figures; deep links that highlight
//! a source (`?id=S014`, `#S014`) or a figure (`?fig=FIN-024`), with a way `back`.
//!
//! The view mounts once: typing in the search box writes the URL and only the tables
//! and the count follow, so the box keeps focus.

mod describe;
mod model;
mod render;
pub(crate) mod state;

use crate::components::error::ErrorPanel;
use crate::components::notices::UrlNotices;
use crate::components::source_chip::follow;
use crate::components::table::DataTable;
use crate::i18n::use_i18n;
use crate::router::{navigate, use_location};
use leptos::prelude::*;
use state::SourcesState;
use wasm_bindgen::JsCast;
use yunce_data::Dataset;

/// The routed sources view.
#[component]
pub fn SourcesView() -> impl IntoView {
    let i18n = use_i18n();
    match crate::data::dataset() {
        Ok(data) => view! { <Sources data/> }.into_any(),
        Err(e) => {
            view! { <ErrorPanel title=i18n.t("error.data") detail=e.to_string()/> }.into_any()
        }
    }
}

/// An anchor-style link (`/sources#S014`, `#FIN-024`) becomes the equivalent query.
fn follow_anchor(data: &Dataset) {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let anchor = hash.trim_start_matches('#');
    if data.source(anchor).is_some() {
        navigate(&format!("/sources?id={anchor}"), true);
    } else if data.meta(anchor).is_some() || data.inconsistency(anchor).is_some() {
        navigate(&format!("/sources?fig={anchor}"), true);
    }
}

/// Scrolls the first highlighted row or card into view once it is in the page.
fn scroll_to_highlight() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(|| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("main .hl, main .hl-card").ok().flatten())
        {
            el.scroll_into_view();
        }
    });
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

#[component]
fn Sources(data: &'static Dataset) -> impl IntoView {
    let i18n = use_i18n();
    follow_anchor(data);
    let query = use_location().query;
    let parsed = Memo::new(move |_| query.with(|q| SourcesState::from_query(data, q)));
    let state = Memo::new(move |_| parsed.with(|(s, _)| s.clone()));
    let notices = Signal::derive(move || parsed.with(|(_, n)| n.clone()));
    let target = Memo::new(move |_| state.with(|s| (s.id.clone(), s.fig.clone())));
    let issues = Memo::new(move |_| state.with(|s| model::issues_shown(data, s)));
    let sources = Memo::new(move |_| state.with(|s| model::sources_shown(data, s)));
    let lit = Memo::new(move |_| state.with(|s| model::lit_sources(data, s)));
    let painted = crate::components::paint::after_first_paint();
    Effect::new(move |_| {
        // The tables come after the first paint; a highlighted row exists only then.
        if painted.get() && target.with(|(id, fig)| id.is_some() || fig.is_some()) {
            scroll_to_highlight();
        }
    });
    let search = move |ev: leptos::ev::Event| {
        let mut next = state.get_untracked();
        next.q = event_target_value(&ev);
        navigate(&format!("/sources{}", next.to_query()), true);
    };
    let back_href = Memo::new(move |_| state.with(|s| s.back.clone()));
    let back = move || {
        back_href.get().map(|href| {
            view! {
                <p>
                    <a class="back" href=href data-testid="back" on:click=follow>
                        {move || format!("← {}", i18n.t("sources.back"))}
                    </a>
                </p>
            }
        })
    };
    let count = move || {
        i18n.format(
            "sources.count",
            &[
                &sources.with(Vec::len).to_string(),
                &data.sources.len().to_string(),
                &issues.with(Vec::len).to_string(),
                &data.inconsistencies.len().to_string(),
            ],
        )
    };
    let t = move |key: &'static str| move || i18n.t(key);
    view! {
        <h1>{t("sources.title")}</h1>
        <p class="muted">{t("sources.lede")}</p>
        <label class="search">
            <span>{t("sources.search")}</span>
            <input
                type="search"
                data-testid="source-search"
                prop:value=move || state.with(|s| s.q.clone())
                placeholder=t("sources.search_hint")
                on:input=search
            />
        </label>
        {back}
        <UrlNotices notices/>
        {move || {
            target.with(|(_, fig)| fig.clone()).map(|fig| render::figure_card(data, &fig, i18n))
        }}
        <p class="muted small" data-testid="source-count" role="status">{count}</p>
        {move || painted.get().then(|| view! {
        <h2>{t("sources.issues_title")}</h2>
        <p class="muted small">{t("sources.issues_note")}</p>
        <DataTable
            testid="issues-table"
            headers=vec![
                "sources.col_id",
                "sources.col_severity",
                "sources.col_subject",
                "sources.col_issue",
                "sources.col_handling",
                "sources.col_affected",
                "sources.source",
            ]
            csv=Callback::new(move |()| issues.with_untracked(|r| model::issues_csv(r)))
        >
            {move || {
                let fig = target.with(|(_, f)| f.clone()).unwrap_or_default();
                issues
                    .get()
                    .into_iter()
                    .map(|ic| render::issue_row(data, ic, ic.id == fig || ic.affected_ids.contains(&fig), i18n))
                    .collect_view()
            }}
        </DataTable>
        <h2>{t("sources.list_title")}</h2>
        <DataTable
            testid="source-list"
            headers=vec![
                "sources.col_id",
                "sources.col_what",
                "sources.col_date",
                "sources.col_reliability",
                "sources.col_url",
                "sources.col_cited_by",
            ]
            csv=Callback::new(move |()| sources.with_untracked(|r| model::sources_csv(r)))
        >
            {move || {
                let id = target.with(|(id, _)| id.clone());
                let lit = lit.get();
                sources.with(|rows| {
                    rows.iter()
                        .map(|r| {
                            let on = id.as_deref() == Some(r.source.id.as_str())
                                || lit.contains(&r.source.id.as_str());
                            render::source_row(data, r, on, i18n)
                        })
                        .collect_view()
                })
            }}
        </DataTable>
        })}
    }
}
