//! The sources view's body, run by the lazily loaded story module
//! (`src/bin/story_lazy.rs`): the app's `mod.rs` renders the heading and search box and
//! mounts it.

use crate::i18n::I18n;
use crate::router::QueryMap;
use crate::views::sources::dom::{attr, close, leaf, leaf_c, link, open, open_c, testid, text};
use crate::views::sources::kit::{
    chips, notices, row, table_end, table_start, td, td_badge, td_links,
};
use crate::views::sources::state::{SourcesState, view_of};
use yunce_data::{Dataset, Severity};

fn severity_slug(s: Severity) -> &'static str {
    match s {
        Severity::None => "check-passed",
        Severity::Low => "low",
        Severity::Medium => "medium",
        Severity::High => "high",
    }
}

/// Writes the body (below the search box) for the URL's query.
pub fn body(data: &'static Dataset, i18n: I18n, query: &QueryMap) {
    let (state, notes) = SourcesState::from_query(data, query);
    let (state, notes) = (&state, &notes[..]);
    let fig_meta = state.fig.as_deref().and_then(|f| data.meta(f));
    let fig_issue = state.fig.as_deref().and_then(|f| data.inconsistency(f));
    let lit: Vec<&String> = fig_meta
        .map(|m| m.source_ids.iter().collect())
        .or_else(|| fig_issue.map(|i| i.source_ids.iter().collect()))
        .unwrap_or_default();
    let fig = state.fig.clone().unwrap_or_default();
    let issues: Vec<_> = data
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
        .collect();
    let sources: Vec<_> = data
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
            state.matches(&hay).then_some((s, citing))
        })
        .collect();
    if let Some(b) = state.back.as_deref() {
        open("p");
        open_c("a", "back");
        attr("href", b);
        testid("back");
        text(&format!("← {}", i18n.t("sources.back")));
        close();
        close();
    }
    notices(i18n, notes);
    figure_card(data, i18n, state);
    open_c("p", "muted small");
    testid("source-count");
    attr("role", "status");
    text(&i18n.format(
        "sources.count",
        &[
            &sources.len().to_string(),
            &data.sources.len().to_string(),
            &issues.len().to_string(),
            &data.inconsistencies.len().to_string(),
        ],
    ));
    close();
    leaf("h2", i18n.t("sources.issues_title"));
    leaf_c("p", "muted small", i18n.t("sources.issues_note"));
    table_start(
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
    );
    for ic in issues {
        row(
            &ic.id,
            if ic.id == fig || ic.affected_ids.contains(&fig) {
                "hl"
            } else {
                ""
            },
            &ic.id,
        );
        td_badge(severity_slug(ic.severity));
        td(&ic.subject);
        td(&format!("{} {}", ic.issue, ic.evidence));
        td(&ic.suggested_handling);
        td_links("fig", &ic.affected_ids);
        td_links("id", &ic.source_ids);
        close();
    }
    table_end();
    leaf("h2", i18n.t("sources.list_title"));
    table_start(
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
    );
    for (s, citing) in sources {
        let on = state.id.as_ref() == Some(&s.id) || lit.contains(&&s.id);
        row(&s.id, if on { "hl" } else { "" }, &s.id);
        td(&format!("{} — {}", s.outlet, s.title));
        td(&s.date);
        td(&s.reliability);
        td(&s.url);
        td_links("fig", &citing);
        close();
    }
    table_end();
}

/// The highlighted figure or inconsistency: what it is, its sources and known issues.
fn figure_card(data: &'static Dataset, i18n: I18n, state: &SourcesState) {
    let Some(id) = state.fig.as_deref() else {
        return;
    };
    open_c("section", "card hl-card");
    testid("figure-card");
    if let Some(ic) = data.inconsistency(id) {
        leaf("h2", &format!("{} {id}", i18n.t("sources.issue_title")));
        leaf("h3", &ic.subject);
        for t in [
            &ic.claim_as_stated,
            &ic.issue,
            &ic.evidence,
            &ic.suggested_handling,
        ] {
            leaf("p", t);
        }
        line(
            i18n.t("sources.source"),
            "id",
            ic.source_ids.iter().map(String::as_str),
        );
        line(
            i18n.t("sources.col_affected"),
            "fig",
            ic.affected_ids.iter().map(String::as_str),
        );
    } else if let Some(meta) = data.meta(id) {
        leaf("h2", &format!("{} {id}", i18n.t("sources.figure_title")));
        leaf("p", &data.describe(id).unwrap_or_default());
        if !meta.quote_zh.is_empty() {
            open("blockquote");
            attr("lang", "zh-CN");
            text(&format!("“{}”", meta.quote_zh));
            close();
        }
        leaf_c("p", "small", &meta.note);
        open_c("p", "small");
        text(i18n.t("sources.confidence"));
        text(" ");
        leaf_c(
            "span",
            &format!("badge {}", meta.confidence.slug()),
            meta.confidence.slug(),
        );
        text(" · ");
        text(i18n.t("sources.origin"));
        text(" ");
        leaf_c("span", "badge", meta.origin.slug());
        close();
        line(
            i18n.t("sources.source"),
            "id",
            meta.source_ids.iter().map(String::as_str),
        );
        let issues = data.inconsistencies_for(id);
        if !issues.is_empty() {
            line(
                i18n.t("sources.known_issues"),
                "fig",
                issues.iter().map(|i| i.id.as_str()),
            );
        }
        if let Some(path) = view_of(id) {
            open_c("p", "small");
            link(path, i18n.t("sources.open_view"), "");
            close();
        }
    }
    close();
}

/// A small paragraph: a label and chips.
fn line<'a>(label: &str, kind: &str, ids: impl IntoIterator<Item = &'a str>) {
    open_c("p", "small");
    text(label);
    text(" ");
    chips(kind, ids);
    close();
}
