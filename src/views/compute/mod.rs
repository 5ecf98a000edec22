//! The compute plan view: the Oct-2023 action plan's targets against the measured
//! capacity, one chart per precision basis (FP16 and unstated totals are never on one
//! axis), and the accelerator spec sheet with export-control status.

mod state;

use crate::components::chart::Chart;
use crate::components::error::ErrorPanel;
use crate::i18n::{I18n, use_i18n};
use crate::router::{navigate, use_location};
use crate::views::sources::dom::{Act, N, h, ht, link, mount};
use crate::views::sources::kit::{A, Cell, Flag, Row, confidence, notices, sources_href, table};
use leptos::prelude::*;
use state::{ComputeState, vendors};
use yunce_chart::{ChartKind, ChartSpec, Series, format_value};
use yunce_data::compute::story::{Precision, TargetProgress};
use yunce_data::{Confidence, Dataset, Meta, Origin};

/// The routed compute plan view.
#[component]
pub fn ComputeView() -> impl IntoView {
    let i18n = use_i18n();
    match crate::data::dataset() {
        Ok(data) => view! { <Compute data i18n/> }.into_any(),
        Err(e) => {
            view! { <ErrorPanel title=i18n.t("error.data") detail=e.to_string()/> }.into_any()
        }
    }
}

fn flags(meta: &Meta, i18n: I18n) -> Vec<Flag> {
    let mut out = Vec::new();
    if meta.origin == Origin::Derived {
        out.push(Flag {
            class: "derived",
            label: i18n.t("alibaba.flag_derived"),
        });
    }
    if meta.confidence <= Confidence::Low {
        out.push(Flag {
            class: "low",
            label: meta.confidence.slug(),
        });
    }
    out
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

#[component]
fn Compute(data: &'static Dataset, i18n: I18n) -> impl IntoView {
    let query = use_location().query;
    let parsed = Memo::new(move |_| query.with(|q| ComputeState::from_query(data, q)));
    let on_act = move |a: Act| {
        if a.act == "vendor" {
            let next = ComputeState {
                vendor: (!a.value.is_empty()).then_some(a.value),
            };
            navigate(&format!("/compute{}", next.to_query()), true);
        }
    };
    // The bodies are rebuilt on a new state or language, so their text is plain.
    view! {
        {mount(move || {
            let notes = parsed.get().1;
            h("div").all([
                ht("h1", i18n.t("compute.title")),
                ht("p", i18n.t("compute.lede")).c("muted"),
                notices(i18n, &notes).unwrap_or_else(|| h("span")),
                h("p").c("notice").id("precision-caveat")
                    .ch(ht("strong", i18n.t("compute.caveat_title")))
                    .t(" ").t(i18n.t("compute.caveat")).t(" ")
                    .ch(link(&sources_href("fig=IC-008"), "IC-008").c("chip")),
                ht("h2", i18n.t("compute.progress")),
            ])
        }, |_| {})}
        {move || {
            i18n.lang.track();
            view! { <div class="grid-2">{data.plan_progress().into_iter().map(|p| progress(i18n, p)).collect_view()}</div> }
        }}
        {mount(move || tables(data, i18n, &parsed.get().0), on_act)}
    }
}

fn tables(data: &'static Dataset, i18n: I18n, state: &ComputeState) -> N {
    let targets: Vec<Row> = data
        .plan_targets
        .iter()
        .map(|t| Row {
            key: t.meta.id.clone(),
            class: "",
            cells: vec![
                Cell::Text(t.dimension.clone()),
                Cell::Text(t.indicator.clone()),
                Cell::Num(
                    t.value
                        .map(|v| format!("{} {} {}", t.comparator, format_value(v, 2), t.unit))
                        .unwrap_or_else(|| t.comparator.clone()),
                    flags(&t.meta, i18n),
                ),
                Cell::Text(t.target_year.map(|y| y.to_string()).unwrap_or_default()),
                confidence(&t.meta),
                Cell::Src(t.meta.source_ids.clone()),
                Cell::Fig(vec![t.meta.id.clone()]),
            ],
        })
        .collect();
    let capacity: Vec<Row> = data
        .compute_capacity
        .iter()
        .map(|c| Row {
            key: c.meta.id.clone(),
            class: if Precision::parse(&c.precision_basis) == Precision::Fp16 {
                "win"
            } else {
                ""
            },
            cells: vec![
                Cell::Text(c.as_of.to_string()),
                Cell::Text(c.metric.clone()),
                Cell::Num(num(c.value), flags(&c.meta, i18n)),
                Cell::Text(c.unit.clone()),
                Cell::Text(c.precision_basis.clone()),
                confidence(&c.meta),
                Cell::Src(c.meta.source_ids.clone()),
                Cell::Fig(vec![c.meta.id.clone()]),
            ],
        })
        .collect();
    h("div").all([
        ht("h2", i18n.t("compute.targets")),
        table(
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
            targets,
        ),
        ht("h2", i18n.t("compute.capacity")),
        ht("p", i18n.t("compute.capacity_note")).c("muted small"),
        table(
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
            capacity,
        ),
        accelerators(data, i18n, state),
    ])
}

/// One target against its comparable measured series; other bases listed apart.
fn progress(i18n: I18n, p: TargetProgress<'static>) -> impl IntoView + use<> {
    let t = p.target;
    let target_label = i18n.format(
        "compute.target_label",
        &[&t.target_year.map(|y| y.to_string()).unwrap_or_default()],
    );
    let mut x_labels: Vec<String> = p.comparable.iter().map(|c| c.as_of.to_string()).collect();
    x_labels.push(target_label.clone());
    let n = x_labels.len();
    let mut measured: Vec<Option<f64>> = p.comparable.iter().map(|c| c.value).collect();
    measured.push(None);
    let mut target = vec![None; n - 1];
    target.push(t.value);
    let mut notes: Vec<Option<String>> = p
        .comparable
        .iter()
        .map(|c| Some(c.meta.id.clone()))
        .collect();
    notes.push(Some(t.meta.id.clone()));
    let title = format!(
        "{} ({}) · {}",
        t.indicator,
        t.unit,
        i18n.t(precision_key(p.precision))
    );
    let spec = ChartSpec {
        title: title.clone(),
        x_labels,
        series: vec![
            Series {
                key: "measured".into(),
                label: i18n.t("compute.measured").into(),
                values: measured,
                notes: notes.clone(),
                color: 1,
            },
            Series {
                key: "target".into(),
                label: target_label,
                values: target,
                notes,
                color: 3,
            },
        ],
        y_unit: if t.unit.starts_with('%') {
            "%".into()
        } else {
            String::new()
        },
        kind: ChartKind::Bar,
        width: 480.0,
        height: 240.0,
        decimals: 1,
    };
    let latest = p
        .comparable
        .last()
        .zip(p.latest_pct_of_target)
        .map(|(c, pct)| {
            i18n.format(
                "compute.latest",
                &[
                    &num(c.value),
                    &c.unit,
                    &c.as_of.to_string(),
                    &format_value(pct, 0),
                ],
            )
        });
    let apart = (!p.other_basis.is_empty()).then(|| view! {
        <p class="notice small" data-testid="other-basis">{i18n.t("compute.other_basis")}" "
            {p.other_basis.into_iter().map(|c| view! {
                <span>{format!("{} {} ({}, {}) ", num(c.value), c.unit, c.as_of, c.precision_basis)}</span>
                <A href=sources_href(&format!("fig={}", c.meta.id)) class="chip">{c.meta.id.clone()}</A>" "
            }).collect_view()}
        </p>
    });
    view! {
        <div class="card" data-testid=format!("progress-{}", t.meta.id)>
            <h3>{title}</h3>
            <Chart spec=Signal::stored(spec) testid="progress-chart"/>
            <p class="small">{latest}" "<A href=sources_href(&format!("fig={}", t.meta.id)) class="chip">{t.meta.id.clone()}</A></p>
            {apart}
        </div>
    }
}

fn accelerators(data: &'static Dataset, i18n: I18n, state: &ComputeState) -> N {
    let vendor = state.vendor.clone();
    let rows: Vec<Row> = data
        .accelerators
        .iter()
        .filter(|a| vendor.as_ref().is_none_or(|v| *v == a.vendor))
        .map(|a| Row {
            key: a.meta.id.clone(),
            class: "",
            cells: vec![
                Cell::Text(format!("{} {}", a.vendor, a.model)),
                Cell::Text(a.announced_or_launched.clone()),
                Cell::Num(a.dense_fp16_bf16_tflops_raw.clone(), flags(&a.meta, i18n)),
                Cell::Num(a.sparse_fp16_tflops_raw.clone(), Vec::new()),
                Cell::Num(a.int8_tops_raw.clone(), Vec::new()),
                Cell::Text(
                    format!("{} {}", a.memory_gb_raw, a.memory_type)
                        .trim()
                        .to_string(),
                ),
                Cell::Num(a.memory_bw_gbs_raw.clone(), Vec::new()),
                Cell::Num(a.scaleup_interconnect_gbs_raw.clone(), Vec::new()),
                Cell::Num(a.tdp_w_raw.clone(), Vec::new()),
                Cell::Text(a.export_status_oct2022_rule.clone()),
                Cell::Text(a.export_status_oct2023_rule.clone()),
                Cell::Text(a.later_status.clone()),
                confidence(&a.meta),
                Cell::Src(a.meta.source_ids.clone()),
                Cell::Fig(vec![a.meta.id.clone()]),
            ],
        })
        .collect();
    let controls: Vec<Row> = data
        .export_controls
        .iter()
        .map(|e| Row {
            key: e.meta.id.clone(),
            class: "",
            cells: vec![
                Cell::Text(e.date.to_string()),
                Cell::Text(e.authority.clone()),
                Cell::Text(e.action.clone()),
                Cell::Text(e.thresholds_as_reported.clone()),
                Cell::Text(e.products_affected_as_reported.clone()),
                Cell::Src(e.meta.source_ids.clone()),
                Cell::Fig(vec![e.meta.id.clone()]),
            ],
        })
        .collect();
    let current = vendor.unwrap_or_default();
    let option = |value: &str, text: &str| {
        ht("option", text)
            .a("value", value)
            .a_if(value == current, "selected", "")
    };
    let select = h("select")
        .id("acc-vendor")
        .act("vendor", "")
        .ch(option("", i18n.t("compute.all_vendors")))
        .all(vendors(data).iter().map(|v| option(v, v)));
    h("div").all([
        ht("h2", i18n.t("compute.accelerators")),
        ht("p", i18n.t("compute.accelerators_note")).c("muted small"),
        h("label").t(i18n.t("compute.vendor")).t(" ").ch(select),
        table(
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
            rows,
        ),
        ht("h2", i18n.t("compute.controls")),
        table(
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
            controls,
        ),
    ])
}
