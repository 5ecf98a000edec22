//! The compute plan view's body and controls, run by the lazily loaded story module
//! (`src/bin/story_lazy.rs`): the app's `mod.rs` only mounts it.

use crate::i18n::I18n;
use crate::router::QueryMap;
use crate::views::compute::state::{ComputeState, vendors};
use crate::views::sources::dom::{
    Act, act, attr, close, leaf, leaf_c, link, open, open_c, testid, text,
};
use crate::views::sources::kit::{
    chips, flags, notices, row, sources_href, table_end, table_start, td, td_num, td_provenance,
};
use yunce_chart::format_value;
use yunce_data::Dataset;
use yunce_data::compute::story::{Precision, TargetProgress};

/// The URL a control's action leads to, if it changes anything.
pub fn on_act(a: &Act) -> Option<String> {
    (a.act == "vendor").then(|| {
        let next = ComputeState {
            vendor: (!a.value.is_empty()).then(|| a.value.clone()),
        };
        format!("/compute{}", next.to_query())
    })
}

fn num(v: Option<f64>) -> String {
    v.map(|v| format_value(v, 2)).unwrap_or_default()
}

fn precision_key(p: Precision) -> &'static str {
    match p {
        Precision::NotStated => "compute.precision_not_stated",
        Precision::Fp16 => "compute.precision_fp16",
        Precision::NotApplicable => "compute.precision_na",
    }
}

/// Writes the body for the URL's query; it is rebuilt on a new state or language, so
/// its text is plain.
pub fn body(data: &'static Dataset, i18n: I18n, query: &QueryMap) {
    let (state, notes) = ComputeState::from_query(data, query);
    leaf("h1", i18n.t("compute.title"));
    leaf_c("p", "muted", i18n.t("compute.lede"));
    notices(i18n, &notes);
    open_c("p", "notice");
    testid("precision-caveat");
    leaf("strong", i18n.t("compute.caveat_title"));
    text(" ");
    text(i18n.t("compute.caveat"));
    text(" ");
    chips("fig", ["IC-008"]);
    close();
    leaf("h2", i18n.t("compute.progress"));
    open_c("div", "grid-2");
    for p in data.plan_progress() {
        progress(i18n, &p);
    }
    close();
    leaf("h2", i18n.t("compute.targets"));
    table_start(
        i18n,
        "targets-table",
        &[
            "compute.col_dimension",
            "compute.col_indicator",
            "compute.col_target",
            "compute.col_year",
            "sources.confidence",
            "sources.source",
            "alibaba.col_figure",
        ],
    );
    for t in &data.plan_targets {
        row(&t.meta.id, "", &t.dimension);
        td(&t.indicator);
        let target = t
            .value
            .map(|v| format!("{} {} {}", t.comparator, format_value(v, 2), t.unit))
            .unwrap_or_else(|| t.comparator.clone());
        td_num(&target, &flags(&t.meta, i18n));
        td(&t.target_year.map(|y| y.to_string()).unwrap_or_default());
        td_provenance(&t.meta);
        close();
    }
    table_end();
    leaf("h2", i18n.t("compute.capacity"));
    leaf_c("p", "muted small", i18n.t("compute.capacity_note"));
    table_start(
        i18n,
        "capacity-table",
        &[
            "compute.col_as_of",
            "alibaba.col_metric",
            "alibaba.col_value",
            "alibaba.col_unit",
            "compute.col_precision",
            "sources.confidence",
            "sources.source",
            "alibaba.col_figure",
        ],
    );
    for c in &data.compute_capacity {
        let fp16 = Precision::parse(&c.precision_basis) == Precision::Fp16;
        row(
            &c.meta.id,
            if fp16 { "win" } else { "" },
            &c.as_of.to_string(),
        );
        td(&c.metric);
        td_num(&num(c.value), &flags(&c.meta, i18n));
        td(&c.unit);
        td(&c.precision_basis);
        td_provenance(&c.meta);
        close();
    }
    table_end();
    accelerators(data, i18n, &state);
}

/// One target against its comparable measured figures, as bars on one scale; figures
/// on another precision basis are listed apart, never drawn or divided.
fn progress(i18n: I18n, p: &TargetProgress<'_>) {
    let t = p.target;
    let title = format!(
        "{} ({}) · {}",
        t.indicator,
        t.unit,
        i18n.t(precision_key(p.precision))
    );
    let target_label = i18n.format(
        "compute.target_label",
        &[&t.target_year.map(|y| y.to_string()).unwrap_or_default()],
    );
    let top = p
        .comparable
        .iter()
        .filter_map(|c| c.value)
        .chain(t.value)
        .fold(0.0_f64, f64::max);
    let bar = |label: &str, value: Option<f64>, unit: &str, class: &str| {
        open_c("div", "bar-row");
        leaf_c("span", "bar-label", label);
        open_c("span", "bar-track");
        open_c("span", class);
        attr(
            "style",
            &format!("width:{:.1}%", 100.0 * value.unwrap_or(0.0) / top.max(1e-9)),
        );
        close();
        close();
        leaf_c("span", "bar-value", &format!("{} {unit}", num(value)));
        close();
    };
    open_c("div", "card");
    testid(&format!("progress-{}", t.meta.id));
    leaf("h3", &title);
    open_c("figure", "bars");
    attr("role", "img");
    attr("aria-label", &title);
    for c in &p.comparable {
        bar(&c.as_of.to_string(), c.value, &c.unit, "bar measured");
    }
    bar(
        &target_label,
        t.value,
        &format!("({} {})", t.comparator, t.unit),
        "bar target",
    );
    close();
    open_c("p", "small");
    if let (Some(c), Some(pct)) = (p.comparable.last(), p.latest_pct_of_target) {
        text(&i18n.format(
            "compute.latest",
            &[
                &num(c.value),
                &c.unit,
                &c.as_of.to_string(),
                &format_value(pct, 0),
            ],
        ));
        text(" ");
    }
    chips(
        "fig",
        p.comparable
            .iter()
            .map(|c| c.meta.id.as_str())
            .chain([t.meta.id.as_str()]),
    );
    close();
    if !p.other_basis.is_empty() {
        open_c("p", "notice small");
        testid("other-basis");
        text(i18n.t("compute.other_basis"));
        for c in &p.other_basis {
            text(&format!(
                " {} {} ({}, {}) ",
                num(c.value),
                c.unit,
                c.as_of,
                c.precision_basis
            ));
            link(
                &sources_href(&format!("fig={}", c.meta.id)),
                &c.meta.id,
                "chip",
            );
        }
        close();
    }
    close();
}

fn accelerators(data: &'static Dataset, i18n: I18n, state: &ComputeState) {
    let current = state.vendor.clone().unwrap_or_default();
    leaf("h2", i18n.t("compute.accelerators"));
    leaf_c("p", "muted small", i18n.t("compute.accelerators_note"));
    open("label");
    text(i18n.t("compute.vendor"));
    text(" ");
    open("select");
    testid("acc-vendor");
    act("vendor", "");
    let option = |value: &str, label: &str| {
        open("option");
        attr("value", value);
        if value == current {
            attr("selected", "");
        }
        text(label);
        close();
    };
    option("", i18n.t("compute.all_vendors"));
    for v in vendors(data) {
        option(&v, &v);
    }
    close();
    close();
    table_start(
        i18n,
        "accelerators-table",
        &[
            "compute.col_chip",
            "compute.col_launched",
            "compute.col_fp16",
            "compute.col_sparse",
            "compute.col_int8",
            "compute.col_memory",
            "compute.col_bw",
            "compute.col_link",
            "compute.col_tdp",
            "compute.col_rule2022",
            "compute.col_rule2023",
            "compute.col_later",
            "sources.confidence",
            "sources.source",
            "alibaba.col_figure",
        ],
    );
    for a in data
        .accelerators
        .iter()
        .filter(|a| state.vendor.as_ref().is_none_or(|v| *v == a.vendor))
    {
        row(&a.meta.id, "", &format!("{} {}", a.vendor, a.model));
        td(&a.announced_or_launched);
        td_num(&a.dense_fp16_bf16_tflops_raw, &flags(&a.meta, i18n));
        for v in [&a.sparse_fp16_tflops_raw, &a.int8_tops_raw] {
            td_num(v, &[]);
        }
        td(format!("{} {}", a.memory_gb_raw, a.memory_type).trim());
        for v in [
            &a.memory_bw_gbs_raw,
            &a.scaleup_interconnect_gbs_raw,
            &a.tdp_w_raw,
        ] {
            td_num(v, &[]);
        }
        for v in [
            &a.export_status_oct2022_rule,
            &a.export_status_oct2023_rule,
            &a.later_status,
        ] {
            td(v);
        }
        td_provenance(&a.meta);
        close();
    }
    table_end();
    leaf("h2", i18n.t("compute.controls"));
    table_start(
        i18n,
        "controls-table",
        &[
            "alibaba.col_date",
            "compute.col_authority",
            "compute.col_action",
            "compute.col_thresholds",
            "compute.col_products",
            "sources.source",
            "alibaba.col_figure",
        ],
    );
    for e in &data.export_controls {
        row(&e.meta.id, "", &e.date.to_string());
        for v in [
            &e.authority,
            &e.action,
            &e.thresholds_as_reported,
            &e.products_affected_as_reported,
        ] {
            td(v);
        }
        crate::views::sources::kit::td_links("id", &e.meta.source_ids);
        open("td");
        chips("fig", [e.meta.id.as_str()]);
        close();
        close();
    }
    table_end();
}
