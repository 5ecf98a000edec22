//! The overview: the seed's thesis on one screen. Headline figures with their
//! period and source, the five battles, and the organisation change.

use crate::components::error::ErrorPanel;
use crate::i18n::{I18n, use_i18n};
use crate::views::sources::dom::{attr, close, leaf, leaf_c, link, open, open_c, testid, text};
use crate::views::sources::host::mount;
use crate::views::sources::kit::{chips, sources_href};
use leptos::prelude::*;
use yunce_chart::format_value;
use yunce_data::Dataset;

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
        // Rebuilt on a language change (the builder reads the language), so its text is plain.
        Ok(data) => mount(move || overview(data, i18n), |_| {}).into_any(),
        Err(e) => {
            view! { <ErrorPanel title=i18n.t("error.data") detail=e.to_string()/> }.into_any()
        }
    }
}

fn overview(data: &'static Dataset, i18n: I18n) {
    leaf("h1", i18n.t("overview.title"));
    leaf_c("p", "lede", i18n.t("overview.thesis"));
    leaf_c("p", "muted small", i18n.t("overview.seed"));
    open_c("p", "row");
    link("/market", i18n.t("overview.to_market"), "");
    link(
        "/alibaba?from=2023-06&to=2024-01",
        i18n.t("overview.to_timeline"),
        "",
    );
    link(&sources_href("id=S000"), i18n.t("overview.to_seed"), "");
    close();
    leaf("h2", i18n.t("overview.headlines"));
    open_c("div", "headlines");
    for h in &HEADLINES {
        let (Some((value, unit, period)), Some(meta)) =
            (figure(data, h.row_id), data.meta(h.row_id))
        else {
            continue;
        };
        open_c("div", "card");
        testid(&format!("headline-{}", h.row_id));
        leaf_c("div", "muted small", i18n.t(h.label_key));
        open_c("div", "figure-value");
        text(&format!("{} ", format_value(value, 3)));
        leaf_c("span", "unit", &unit);
        close();
        open_c("div", "small");
        text(&format!("{period} · "));
        leaf("code", h.row_id);
        if meta.needs_caveat() {
            text(" ");
            leaf_c(
                "span",
                &format!("badge {}", meta.confidence.slug()),
                meta.confidence.slug(),
            );
        }
        close();
        open_c("div", "small muted");
        for id in &meta.source_ids {
            let outlet = data
                .source(id)
                .map(|s| s.outlet.as_str())
                .unwrap_or_default();
            open_c("span", "source");
            leaf("code", id);
            text(&format!(" {outlet} "));
            close();
        }
        close();
        open_c("div", "small row");
        open("a");
        attr("href", &sources_href(&format!("fig={}", h.row_id)));
        testid("headline-source");
        text(i18n.t("overview.source"));
        close();
        if let Some(href) = h.link {
            link(href, i18n.t(explore_key(href)), "");
        }
        close();
        close();
    }
    close();
    leaf("h2", i18n.t("overview.battles"));
    leaf_c("p", "muted small", i18n.t("overview.battles_note"));
    open_c("div", "grid-2");
    for b in &data.battles {
        open_c("article", "card");
        testid(&format!("battle-{}", b.n));
        open("h3");
        attr("lang", "zh-CN");
        text(&b.title_zh);
        close();
        open("p");
        leaf("strong", &b.title_en);
        close();
        leaf("p", &b.summary_en);
        open_c("ul", "small");
        for f in &b.key_figures {
            leaf("li", f);
        }
        close();
        if let Some((href, key)) = battle_link(b.n) {
            link(href, i18n.t(key), "");
        }
        close();
    }
    close();
    leaf("h2", i18n.t("overview.org_title"));
    org_change(i18n);
}

fn org_change(i18n: I18n) {
    open_c("figure", "org");
    testid("org-change");
    attr("aria-label", i18n.t("overview.org_title"));
    open_c("div", "card");
    leaf("strong", i18n.t("overview.org_before"));
    leaf("p", i18n.t("overview.org_before_detail"));
    open_c("p", "muted small");
    chips("fig", ["EV-003"]);
    text("· 2021-05");
    close();
    close();
    open_c("div", "arrow");
    attr("aria-hidden", "true");
    text("→");
    close();
    open_c("div", "card");
    leaf("strong", i18n.t("overview.org_after"));
    open("ul");
    for k in [
        "overview.org_public",
        "overview.org_hybrid",
        "overview.org_international",
    ] {
        leaf("li", i18n.t(k));
    }
    close();
    open_c("p", "muted small");
    chips("fig", ["EV-034"]);
    text("· 2023–2024");
    close();
    close();
    close();
}
