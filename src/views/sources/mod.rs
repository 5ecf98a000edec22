//! The sources view: every source, searchable, with the figures that cite it; every
//! inconsistency with its explanation and affected figures; deep links that highlight
//! a source (`?id=S014`, `#S014`) or a figure (`?fig=FIN-024`), with a way back.

pub mod dom;
pub mod kit;
mod state;

use crate::components::error::ErrorPanel;
use crate::i18n::{I18n, use_i18n};
use crate::router::{navigate, use_location};
use dom::{N, h, ht, link, mount};
use kit::{Cell, Row, chips, notices, table};
use leptos::prelude::*;
use state::{SourcesState, view_of};
use yunce_data::{Dataset, Severity};

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

fn severity_slug(s: Severity) -> &'static str {
    match s {
        Severity::None => "check-passed",
        Severity::Low => "low",
        Severity::Medium => "medium",
        Severity::High => "high",
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
            {mount(move || { let (s, n) = parsed.get(); body(data, i18n, &s, &n) }, |_| {})}
        }
    }
}

fn body(
    data: &'static Dataset,
    i18n: I18n,
    state: &SourcesState,
    notes: &[crate::url_state::Notice],
) -> N {
    let fig_meta = state.fig.as_deref().and_then(|f| data.meta(f));
    let fig_issue = state.fig.as_deref().and_then(|f| data.inconsistency(f));
    let lit: Vec<&String> = fig_meta
        .map(|m| m.source_ids.iter().collect())
        .or_else(|| fig_issue.map(|i| i.source_ids.iter().collect()))
        .unwrap_or_default();
    let fig = state.fig.clone().unwrap_or_default();
    let issues: Vec<Row> = data
        .inconsistencies
        .iter()
        .filter(|ic| {
            state.matches(&format!(
                "{} {} {} {} {} {}",
                ic.id,
                ic.subject,
                ic.claim_as_stated,
                ic.issue,
                ic.evidence,
                ic.affected_ids.join(" ")
            ))
        })
        .map(|ic| Row {
            key: ic.id.clone(),
            class: if ic.id == fig || ic.affected_ids.contains(&fig) {
                "hl"
            } else {
                ""
            },
            cells: vec![
                Cell::Text(ic.id.clone()),
                Cell::Badge(severity_slug(ic.severity).into()),
                Cell::Text(ic.subject.clone()),
                Cell::Text(format!("{} {}", ic.issue, ic.evidence)),
                Cell::Text(ic.suggested_handling.clone()),
                Cell::Fig(ic.affected_ids.clone()),
                Cell::Src(ic.source_ids.clone()),
            ],
        })
        .collect();
    let sources: Vec<Row> = data
        .sources
        .iter()
        .filter_map(|s| {
            let mut citing: Vec<String> = data
                .rows_citing(&s.id)
                .into_iter()
                .map(str::to_string)
                .collect();
            citing.extend(
                data.inconsistencies
                    .iter()
                    .filter(|ic| ic.source_ids.contains(&s.id))
                    .map(|ic| ic.id.clone()),
            );
            let hay = format!(
                "{} {} {} {} {} {}",
                s.id,
                s.outlet,
                s.title,
                s.date,
                s.reliability,
                citing.join(" ")
            );
            state.matches(&hay).then(|| Row {
                key: s.id.clone(),
                class: if state.id.as_ref() == Some(&s.id) || lit.contains(&&s.id) {
                    "hl"
                } else {
                    ""
                },
                cells: vec![
                    Cell::Text(s.id.clone()),
                    Cell::Text(format!("{} — {}", s.outlet, s.title)),
                    Cell::Text(s.date.clone()),
                    Cell::Text(s.reliability.clone()),
                    Cell::Text(s.url.clone()),
                    Cell::Fig(citing),
                ],
            })
        })
        .collect();
    let counts = i18n.format(
        "sources.count",
        &[
            &sources.len().to_string(),
            &data.sources.len().to_string(),
            &issues.len().to_string(),
            &data.inconsistencies.len().to_string(),
        ],
    );
    h("div").all([
        h("p").opt(state.back.as_deref().map(|b| {
            link(b, &format!("← {}", i18n.t("sources.back")))
                .c("back")
                .id("back")
        })),
        notices(i18n, notes).unwrap_or_else(|| h("span")),
        figure_card(data, i18n, state).unwrap_or_else(|| h("span")),
        ht("p", &counts)
            .c("muted small")
            .id("source-count")
            .a("role", "status"),
        ht("h2", i18n.t("sources.issues_title")),
        ht("p", i18n.t("sources.issues_note")).c("muted small"),
        table(
            i18n,
            "issues-table",
            &[
                "sources.col_id",
                "sources.col_severity",
                "sources.col_subject",
                "sources.col_issue",
                "sources.col_handling",
                "sources.col_affected",
                "sources.source",
            ],
            issues,
        ),
        ht("h2", i18n.t("sources.list_title")),
        table(
            i18n,
            "source-list",
            &[
                "sources.col_id",
                "sources.col_what",
                "sources.col_date",
                "sources.col_reliability",
                "sources.col_url",
                "sources.col_cited_by",
            ],
            sources,
        ),
    ])
}

/// The highlighted figure or inconsistency: what it is, its sources and known issues.
fn figure_card(data: &'static Dataset, i18n: I18n, state: &SourcesState) -> Option<N> {
    let id = state.fig.clone()?;
    let card = h("section").c("card hl-card").id("figure-card");
    if let Some(ic) = data.inconsistency(&id) {
        return Some(
            card.all([
                ht("h2", &format!("{} {id}", i18n.t("sources.issue_title"))),
                ht("p", &ic.subject).c("strong"),
                ht("p", &ic.claim_as_stated),
                ht("p", &ic.issue),
                ht("p", &ic.evidence).c("small"),
                ht("p", &ic.suggested_handling).c("small"),
                h("p")
                    .c("small")
                    .t(i18n.t("sources.source"))
                    .t(" ")
                    .all(chips("id", &ic.source_ids)),
                h("p")
                    .c("small")
                    .t(i18n.t("sources.col_affected"))
                    .t(" ")
                    .all(chips("fig", &ic.affected_ids)),
            ]),
        );
    }
    let meta = data.meta(&id)?;
    let issues: Vec<String> = data
        .inconsistencies_for(&id)
        .into_iter()
        .map(|i| i.id.clone())
        .collect();
    let badge = |text: &str| ht("span", text).c(&format!("badge {text}"));
    Some(
        card.all([
            ht("h2", &format!("{} {id}", i18n.t("sources.figure_title"))),
            ht("p", &data.describe(&id).unwrap_or_default()),
            ht("blockquote", &format!("“{}”", meta.quote_zh))
                .a("lang", "zh-CN")
                .a_if(meta.quote_zh.is_empty(), "hidden", ""),
            ht("p", &meta.note).c("small"),
            h("p")
                .c("small")
                .t(i18n.t("sources.confidence"))
                .t(" ")
                .ch(badge(meta.confidence.slug()))
                .t(" · ")
                .t(i18n.t("sources.origin"))
                .t(" ")
                .ch(badge(meta.origin.slug())),
            h("p")
                .c("small")
                .t(i18n.t("sources.source"))
                .t(" ")
                .all(chips("id", &meta.source_ids)),
            h("p")
                .c("small")
                .a_if(issues.is_empty(), "hidden", "")
                .t(i18n.t("sources.known_issues"))
                .t(" ")
                .all(chips("fig", &issues)),
            h("p")
                .c("small")
                .opt(view_of(&id).map(|path| link(path, i18n.t("sources.open_view")))),
        ]),
    )
}
