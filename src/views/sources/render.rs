//! Stateless render pieces of the sources view: the card of a deep-linked figure or
//! inconsistency, and the rows of the two tables.

use super::describe::describe;
use super::model::{SourceRow, severity_slug};
use super::state::view_of;
use crate::components::figure_link::figure_links;
use crate::components::source_chip::{follow, source_chips};
use crate::components::table::badge;
use crate::data::fact;
use crate::format;
use crate::i18n::{I18n, Lang};
use leptos::prelude::*;
use yunce_data::{Dataset, Inconsistency};

/// A small paragraph: a label and chips.
fn line(label: &'static str, chips: impl IntoView) -> impl IntoView {
    view! { <p class="small">{label} " " {chips}</p> }
}

/// The highlighted figure or inconsistency: what it is, its sources and known issues.
pub fn figure_card(data: &'static Dataset, id: &str, i18n: I18n) -> impl IntoView + use<> {
    if let Some(ic) = data.inconsistency(id) {
        let zh = |field, en| fact(i18n, data, &ic.id, field, en);
        let texts = [
            zh("claim_as_stated", &ic.claim_as_stated),
            zh("issue", &ic.issue),
            zh("evidence", &ic.evidence),
            zh("suggested_handling", &ic.suggested_handling),
        ]
        .map(|t| view! { <p>{t}</p> });
        return view! {
            <section class="card hl-card" data-testid="figure-card">
                <h2>{format!("{} {id}", i18n.t("sources.issue_title"))}</h2>
                <h3>{zh("subject", &ic.subject)}</h3>
                {texts.into_iter().collect_view()}
                {line(i18n.t("sources.source"), source_chips(&ic.source_ids))}
                {line(i18n.t("sources.col_affected"), figure_links(ic.affected_ids.iter().map(String::as_str)))}
            </section>
        }
        .into_any();
    }
    let Some(meta) = data.meta(id) else {
        return ().into_any();
    };
    let issues: Vec<&'static str> = data
        .inconsistencies_for(id)
        .into_iter()
        .map(|i| i.id.as_str())
        .collect();
    view! {
        <section class="card hl-card" data-testid="figure-card">
            <h2>{format!("{} {id}", i18n.t("sources.figure_title"))}</h2>
            <p>{describe(data, id, i18n)}</p>
            {(!meta.quote_zh.is_empty()).then(|| view! {
                <blockquote lang="zh-CN">{format!("“{}”", meta.quote_zh)}</blockquote>
            })}
            <p class="small">{fact(i18n, data, &meta.id, "note", &meta.note)}</p>
            <p class="small">
                {i18n.t("sources.confidence")} " " {badge(meta.confidence.slug())} " · "
                {i18n.t("sources.origin")} " " {badge(meta.origin.slug())}
            </p>
            {line(i18n.t("sources.source"), source_chips(&meta.source_ids))}
            {(!issues.is_empty()).then(|| line(i18n.t("sources.known_issues"), figure_links(issues)))}
            {view_of(id).map(|path| view! {
                <p class="small"><a href=path on:click=follow>{i18n.t("sources.open_view")}</a></p>
            })}
        </section>
    }
    .into_any()
}

/// One row of the inconsistency table; `hl` marks a deep link's target.
pub fn issue_row(
    data: &'static Dataset,
    ic: &'static Inconsistency,
    hl: bool,
    i18n: I18n,
) -> impl IntoView {
    let zh = |field, en| fact(i18n, data, &ic.id, field, en);
    view! {
        <tr id=ic.id.clone() class:hl=hl>
            <th scope="row">{ic.id.clone()}</th>
            <td>{badge(severity_slug(ic.severity))}</td>
            <td>{zh("subject", &ic.subject)}</td>
            <td>{format!("{} {}", zh("issue", &ic.issue), zh("evidence", &ic.evidence))}</td>
            <td>{zh("suggested_handling", &ic.suggested_handling)}</td>
            <td>{figure_links(ic.affected_ids.iter().map(String::as_str))}</td>
            <td>{source_chips(&ic.source_ids)}</td>
        </tr>
    }
}

/// One row of the source list; `hl` marks a deep link's target or a cited source.
pub fn source_row(
    data: &'static Dataset,
    row: &SourceRow<'static>,
    hl: bool,
    i18n: I18n,
) -> impl IntoView + use<> {
    let s = row.source;
    // A date in words has the project's Chinese; an ISO date is formatted.
    let date = match data
        .zh(&s.id, "date")
        .filter(|_| i18n.lang.get() == Lang::Zh)
    {
        Some(zh) => zh.to_owned(),
        None => format::date(i18n.lang.get(), &s.date),
    };
    view! {
        <tr id=s.id.clone() class:hl=hl>
            <th scope="row">{s.id.clone()}</th>
            // Outlet and title as the source gives them, in English.
            <td lang="en">{format!("{} — {}", s.outlet, s.title)}</td>
            <td>{date}</td>
            <td>{fact(i18n, data, &s.id, "reliability", &s.reliability).to_owned()}</td>
            <td>{s.url.clone()}</td>
            <td>{figure_links(row.cited_by.iter().copied())}</td>
        </tr>
    }
}
