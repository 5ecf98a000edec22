//! The overview: the seed's thesis on one screen. Headline figures with their
//! period and source, the five battles, and the organisation change.

use crate::components::error::ErrorPanel;
use crate::i18n::{I18n, use_i18n};
use crate::views::sources::kit::{A, sources_href};
use leptos::prelude::*;
use yunce_chart::format_value;
use yunce_data::{Dataset, Meta};

/// A headline figure: a fact-base row id, its label and where to explore it.
struct Headline {
    row_id: &'static str,
    label_key: &'static str,
    link: Option<&'static str>,
}

const HEADLINES: [Headline; 10] = [
    Headline {
        row_id: "MS-087",
        label_key: "overview.idc_share",
        link: Some("/market?m=idc-iaas-paas-q"),
    },
    Headline {
        row_id: "SZ-072",
        label_key: "overview.idc_market",
        link: Some("/market?m=idc-iaas-paas-q"),
    },
    Headline {
        row_id: "MS-061",
        label_key: "overview.canalys_alibaba",
        link: Some("/market?k=bar&at=2023Q3"),
    },
    Headline {
        row_id: "MS-062",
        label_key: "overview.canalys_huawei",
        link: Some("/market?k=bar&at=2023Q3"),
    },
    Headline {
        row_id: "MS-063",
        label_key: "overview.canalys_tencent",
        link: Some("/market?k=bar&at=2023Q3"),
    },
    Headline {
        row_id: "FIN-023",
        label_key: "overview.revenue_growth",
        link: Some("/alibaba"),
    },
    Headline {
        row_id: "FIN-025",
        label_key: "overview.ebita_yoy",
        link: Some("/alibaba"),
    },
    Headline {
        row_id: "FIN-026",
        label_key: "overview.ebita_qoq",
        link: Some("/alibaba"),
    },
    Headline {
        row_id: "PT-001",
        label_key: "overview.compute_target",
        link: Some("/compute"),
    },
    Headline {
        row_id: "PT-002",
        label_key: "overview.intelligent_share",
        link: Some("/compute"),
    },
];

/// A figure's value, unit and period, looked up by row id across the files that hold numbers.
fn figure(data: &Dataset, id: &str) -> Option<(f64, String, String)> {
    if let Some(r) = data.market_shares.iter().find(|r| r.base.meta.id == id) {
        return Some((
            r.base.value?,
            r.base.unit.clone(),
            r.base.period.to_string(),
        ));
    }
    if let Some(r) = data.market_sizes.iter().find(|r| r.base.meta.id == id) {
        return Some((
            r.base.value?,
            r.base.unit.clone(),
            r.base.period.to_string(),
        ));
    }
    if let Some(r) = data.financials.iter().find(|r| r.meta.id == id) {
        return Some((
            r.value?,
            r.unit.clone(),
            format!("{} ({})", r.fiscal_raw, r.calendar_label),
        ));
    }
    if let Some(r) = data.plan_targets.iter().find(|r| r.meta.id == id) {
        let year = r.target_year.map(|y| y.to_string()).unwrap_or_default();
        return Some((r.value?, format!("{} {}", r.comparator, r.unit), year));
    }
    None
}

/// The locale key of a headline's "explore" link, by the view it opens.
fn explore_key(href: &str) -> &'static str {
    if href.starts_with("/alibaba") {
        "overview.explore_alibaba"
    } else if href.starts_with("/compute") {
        "overview.explore_compute"
    } else {
        "overview.explore"
    }
}

/// Where a battle can be explored, among the views that exist.
fn battle_link(n: u8) -> Option<(&'static str, &'static str)> {
    match n {
        1 => Some(("/compute", "overview.explore_compute")),
        2 | 3 => Some(("/compute", "overview.explore_chips")),
        4 => Some(("/alibaba?cat=stability", "overview.explore_stability")),
        5 => Some(("/alibaba?cat=organization,people", "overview.explore_org")),
        _ => None,
    }
}

/// The routed overview.
#[component]
pub fn OverviewView() -> impl IntoView {
    let i18n = use_i18n();
    match crate::data::dataset() {
        // Re-rendered on a language change, so the text inside is plain, not reactive.
        Ok(data) => (move || {
            i18n.lang.track();
            view! { <Overview data i18n/> }
        })
        .into_any(),
        Err(e) => {
            view! { <ErrorPanel title=i18n.t("error.data") detail=e.to_string()/> }.into_any()
        }
    }
}

fn sources_line(data: &Dataset, meta: &Meta) -> impl IntoView + use<> {
    meta.source_ids
        .iter()
        .map(|id| {
            let outlet = data
                .source(id)
                .map(|s| s.outlet.clone())
                .unwrap_or_default();
            view! { <span class="source"><code>{id.clone()}</code>" "{outlet}" "</span> }
        })
        .collect_view()
}

#[component]
fn Overview(data: &'static Dataset, i18n: I18n) -> impl IntoView {
    let headlines = HEADLINES
        .iter()
        .filter_map(|h| {
            let (value, unit, period) = figure(data, h.row_id)?;
            let meta = data.meta(h.row_id)?;
            let caveat = meta.needs_caveat().then(|| view! {
                <span class=format!("badge {}", meta.confidence.slug())>{meta.confidence.slug()}</span>
            });
            Some(view! {
                <div class="card" data-testid=format!("headline-{}", h.row_id)>
                    <div class="muted small">{i18n.t(h.label_key)}</div>
                    <div class="figure-value">{format_value(value, 3)}" "<span class="unit">{unit}</span></div>
                    <div class="small">{period}" · "<code>{h.row_id}</code>" "{caveat}</div>
                    <div class="small muted">{sources_line(data, meta)}</div>
                    <div class="small row">
                        <A href=sources_href(&format!("fig={}", h.row_id)) testid="headline-source">{i18n.t("overview.source")}</A>
                        {h.link.map(|href| view! { <A href=href.to_string()>{i18n.t(explore_key(href))}</A> })}
                    </div>
                </div>
            })
        })
        .collect_view();
    let battles = data
        .battles
        .iter()
        .map(|b| {
            let figures = b
                .key_figures
                .iter()
                .map(|f| view! { <li>{f.clone()}</li> })
                .collect_view();
            view! {
                <article class="card" data-testid=format!("battle-{}", b.n)>
                    <h3 lang="zh-CN">{b.title_zh.clone()}</h3>
                    <p><strong>{b.title_en.clone()}</strong></p>
                    <p>{b.summary_en.clone()}</p>
                    <ul class="small">{figures}</ul>
                    {battle_link(b.n).map(|(href, key)| view! { <A href=href.to_string() testid="battle-link">{i18n.t(key)}</A> })}
                </article>
            }
        })
        .collect_view();
    view! {
        <h1>{i18n.t("overview.title")}</h1>
        <p class="lede">{i18n.t("overview.thesis")}</p>
        <p class="muted small">{i18n.t("overview.seed")}</p>
        <p class="row">
            <A href="/market".to_string()>{i18n.t("overview.to_market")}</A>
            <A href="/alibaba?from=2023-06&to=2024-01".to_string()>{i18n.t("overview.to_timeline")}</A>
            <A href=sources_href("id=S000")>{i18n.t("overview.to_seed")}</A>
        </p>
        <h2>{i18n.t("overview.headlines")}</h2>
        <div class="headlines">{headlines}</div>
        <h2>{i18n.t("overview.battles")}</h2>
        <p class="muted small">{i18n.t("overview.battles_note")}</p>
        <div class="grid-2">{battles}</div>
        <h2>{i18n.t("overview.org_title")}</h2>
        <OrgChange i18n/>
    }
}

#[component]
fn OrgChange(i18n: I18n) -> impl IntoView {
    view! {
        <figure class="org" data-testid="org-change" aria-label=i18n.t("overview.org_title")>
            <div class="card">
                <strong>{i18n.t("overview.org_before")}</strong>
                <p>{i18n.t("overview.org_before_detail")}</p>
                <p class="muted small"><A href=sources_href("fig=EV-003") class="chip">"EV-003"</A>" · 2021-05"</p>
            </div>
            <div class="arrow" aria-hidden="true">"→"</div>
            <div class="card">
                <strong>{i18n.t("overview.org_after")}</strong>
                <ul>
                    <li>{i18n.t("overview.org_public")}</li>
                    <li>{i18n.t("overview.org_hybrid")}</li>
                    <li>{i18n.t("overview.org_international")}</li>
                </ul>
                <p class="muted small"><A href=sources_href("fig=EV-034") class="chip">"EV-034"</A>" · 2023–2024"</p>
            </div>
        </figure>
    }
}
