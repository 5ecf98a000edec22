//! Stateless render pieces of the overview: headline cards, battle cards and the
//! organisation change. Their text is plain; the view rebuilds them on a language
//! change.

use super::model::{Headline, battle_link, explore_key};
use crate::components::figure_link::figure_links;
use crate::components::source_chip::{follow, sources_href};
use crate::components::table::badge;
use crate::data::fact;
use crate::format;
use crate::i18n::{I18n, Lang};
use crate::router::use_location;
use leptos::prelude::*;
use yunce_chart::format_value;
use yunce_data::{Battle, Dataset};

/// An in-app link that navigates without a reload.
fn link(href: String, text: &'static str) -> impl IntoView {
    view! { <a href=href on:click=follow>{text}</a> }
}

/// A headline figure and its unit in the reader's language: in 中文 money reads in 亿元
/// (RMB 1,409 m = 14.09亿元) and a share's unit is the project's Chinese.
fn figure_value(
    data: &Dataset,
    row_id: &str,
    value: f64,
    unit: &str,
    i18n: I18n,
) -> impl IntoView + use<> {
    let lang = i18n.lang.get();
    let money = matches!(unit, "RMB m" | "RMB bn" | "USD m" | "USD bn");
    let (value, unit) = match lang {
        Lang::Zh if money => (format::amount(lang, value, unit), String::new()),
        Lang::Zh => (
            format_value(value, 3),
            // A share's unit has its Chinese; a target's unit carries its comparator.
            data.zh(row_id, "unit")
                .filter(|_| row_id.starts_with("MS-"))
                .map_or_else(|| format::unit(lang, unit), str::to_owned),
        ),
        Lang::En => (format_value(value, 3), unit.to_owned()),
    };
    view! { {format!("{value} ")} <span class="unit">{unit}</span> }
}

/// A headline figure with its period, row id, sources and where to explore it.
pub fn headline_card(
    data: &'static Dataset,
    h: &Headline,
    i18n: I18n,
) -> Option<impl IntoView + use<>> {
    let figure = data.headline(h.row_id)?;
    let meta = data.meta(h.row_id)?;
    let location = use_location();
    let target = format!("fig={}", h.row_id);
    let sources = meta
        .source_ids
        .iter()
        .map(|id| {
            let outlet = data
                .source(id)
                .map(|s| s.outlet.clone())
                .unwrap_or_default();
            // Outlet names stay as the source spells them.
            view! { <span class="source"><code>{id.clone()}</code>" "<span lang="en">{outlet}</span>" "</span> }
        })
        .collect_view();
    Some(view! {
        <div class="card" data-testid=format!("headline-{}", h.row_id)>
            <div class="muted small">{i18n.t(h.label_key)}</div>
            <div class="figure-value">{figure_value(data, h.row_id, figure.value, &figure.unit, i18n)}</div>
            <div class="small">
                {format!("{} · ", figure.period)}
                <code>{h.row_id}</code>
                {meta.needs_caveat().then(|| view! { " " {badge(meta.confidence.slug())} })}
            </div>
            <div class="small muted">{sources}</div>
            <div class="small row">
                <a href=move || sources_href(location, &target) data-testid="headline-source" on:click=follow>
                    {i18n.t("overview.source")}
                </a>
                {h.link.map(|href| link(href.to_string(), i18n.t(explore_key(href))))}
            </div>
        </div>
    })
}

/// One of the five battles, as the fact base summarises it.
pub fn battle_card(data: &'static Dataset, b: &'static Battle, i18n: I18n) -> impl IntoView {
    let zh = i18n.lang.get() == Lang::Zh;
    let summary = fact(i18n, data, &b.id, "summary_en", &b.summary_en);
    // Key figures are one per line in both languages.
    let figures: Vec<&str> = match data.zh(&b.id, "key_figures").filter(|_| zh) {
        Some(text) => text.lines().collect(),
        None => b.key_figures.iter().map(String::as_str).collect(),
    };
    view! {
        <article class="card" data-testid=format!("battle-{}", b.n)>
            <h3 lang="zh-CN">{b.title_zh.clone()}</h3>
            // The seed's Chinese title above says it in 中文; the English one is for English readers.
            {(!zh).then(|| view! { <p><strong>{b.title_en.clone()}</strong></p> })}
            <p>{summary}</p>
            <ul class="small">
                {figures.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
            </ul>
            <p class="row small">
                <a href=format!("/battles?b={}", b.n) data-testid=format!("battle-{}-outcome", b.n) on:click=follow>
                    {i18n.t("overview.how_it_went")}
                </a>
                {battle_link(b.n).map(|(href, key)| link(href.to_string(), i18n.t(key)))}
            </p>
        </article>
    }
}

/// The organisation before and after the 2023 change.
pub fn org_change(i18n: I18n) -> impl IntoView {
    view! {
        <figure class="org" data-testid="org-change" aria-label=i18n.t("overview.org_title")>
            <div class="card">
                <strong>{i18n.t("overview.org_before")}</strong>
                <p>{i18n.t("overview.org_before_detail")}</p>
                <p class="muted small">{figure_links(["EV-003"])} "· 2021-05"</p>
            </div>
            <div class="arrow" aria-hidden="true">"→"</div>
            <div class="card">
                <strong>{i18n.t("overview.org_after")}</strong>
                <ul>
                    {[
                        "overview.org_public",
                        "overview.org_hybrid",
                        "overview.org_international",
                    ]
                        .map(|k| view! { <li>{i18n.t(k)}</li> })
                        .into_iter()
                        .collect_view()}
                </ul>
                <p class="muted small">{figure_links(["EV-034"])} "· 2023–2024"</p>
            </div>
        </figure>
    }
}
