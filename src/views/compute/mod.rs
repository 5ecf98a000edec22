//! The compute plan view: the Oct-2023 action plan's targets against the measured
//! capacity, one figure per precision basis (FP16 and unstated totals are never on one
//! axis), and the accelerator spec sheet with export-control status. The vendor filter
//! lives in the URL; the view stays mounted when it changes.

mod model;
mod render;
pub(crate) mod state;

use crate::components::error::ErrorPanel;
use crate::components::figure_link::figure_links;
use crate::components::notices::UrlNotices;
use crate::components::table::{DataTable, flags, num_cell, provenance_cells};
use crate::data::fact;
use crate::i18n::use_i18n;
use crate::router::{navigate, use_location};
use leptos::prelude::*;
use state::{ComputeState, vendors};
use yunce_data::Dataset;

/// The routed compute plan view.
#[component]
pub fn ComputeView() -> impl IntoView {
    let i18n = use_i18n();
    match crate::data::dataset() {
        Ok(data) => view! { <Compute data/> }.into_any(),
        Err(e) => {
            view! { <ErrorPanel title=i18n.t("error.data") detail=e.to_string()/> }.into_any()
        }
    }
}

#[component]
fn Compute(data: &'static Dataset) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_location().query;
    let parsed = Memo::new(move |_| query.with(|q| ComputeState::from_query(data, q)));
    let vendor = Memo::new(move |_| parsed.with(|(s, _)| s.vendor.clone()));
    let notices = Signal::derive(move || parsed.with(|(_, n)| n.clone()));
    let t = move |key: &'static str| move || i18n.t(key);
    view! {
        <h1>{t("compute.title")}</h1>
        <p class="muted">{t("compute.lede")}</p>
        <UrlNotices notices/>
        <p class="notice" data-testid="precision-caveat">
            <strong>{t("compute.caveat_title")}</strong> " " {t("compute.caveat")} " "
            {figure_links(["IC-008"])}
        </p>
        <h2>{t("compute.progress")}</h2>
        <div class="grid-2">
            {move || {
                data.plan_progress().iter().map(|p| render::progress_card(data, p, i18n)).collect_view()
            }}
        </div>
        <h2>{t("compute.targets")}</h2>
        <DataTable
            testid="targets-table"
            headers=vec![
                "compute.col_dimension",
                "compute.col_indicator",
                "compute.col_target",
                "compute.col_year",
                "sources.confidence",
                "sources.source",
                "alibaba.col_figure",
            ]
            csv=Callback::new(move |()| model::targets_csv(data))
        >
            {move || render::target_rows(data, i18n)}
        </DataTable>
        <h2>{t("compute.capacity")}</h2>
        <p class="muted small">{t("compute.capacity_note")}</p>
        <DataTable
            testid="capacity-table"
            headers=vec![
                "compute.col_as_of",
                "alibaba.col_metric",
                "alibaba.col_value",
                "alibaba.col_unit",
                "compute.col_precision",
                "sources.confidence",
                "sources.source",
                "alibaba.col_figure",
            ]
            csv=Callback::new(move |()| model::capacity_csv(data))
        >
            {move || render::capacity_rows(data, i18n)}
        </DataTable>
        <Accelerators data vendor/>
        <h2>{t("compute.controls")}</h2>
        <DataTable
            testid="controls-table"
            headers=vec![
                "alibaba.col_date",
                "compute.col_authority",
                "compute.col_action",
                "compute.col_thresholds",
                "compute.col_products",
                "sources.source",
                "alibaba.col_figure",
            ]
            csv=Callback::new(move |()| model::controls_csv(data))
        >
            {move || render::control_rows(data, i18n)}
        </DataTable>
    }
}

/// The accelerator table with its vendor filter, which writes the URL.
#[component]
fn Accelerators(data: &'static Dataset, vendor: Memo<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = Memo::new(move |_| vendor.with(|v| model::accelerators(data, v.as_deref())));
    let pick = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let next = ComputeState::with_vendor((!value.is_empty()).then_some(value));
        navigate(&format!("/compute{}", next.to_query()), true);
    };
    let selected = move |v: &str| vendor.with(|cur| cur.as_deref().unwrap_or_default() == v);
    view! {
        <h2>{move || i18n.t("compute.accelerators")}</h2>
        <p class="muted small">{move || i18n.t("compute.accelerators_note")}</p>
        <label>
            {move || i18n.t("compute.vendor")} " "
            <select data-testid="acc-vendor" on:change=pick>
                <option value="" prop:selected=move || selected("")>{move || i18n.t("compute.all_vendors")}</option>
                {vendors(data)
                    .into_iter()
                    .map(|v| {
                        let value = v.clone();
                        // The value stays the fact base's name (it is in the URL); the label follows the language.
                        let first = data.accelerators.iter().find(|a| a.vendor == v);
                        let label = move || first.map(|a| fact(i18n, data, &a.meta.id, "vendor", &a.vendor)).unwrap_or_default().to_owned();
                        view! { <option value=v prop:selected=move || selected(&value)>{label}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
        <DataTable
            testid="accelerators-table"
            headers=vec![
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
                "sources.notes",
                "sources.confidence",
                "sources.source",
                "alibaba.col_figure",
            ]
            csv=Callback::new(move |()| rows.with_untracked(|r| model::accelerators_csv(r)))
        >
            {move || {
                rows.get()
                    .into_iter()
                    .map(|a| {
                        let zh = |field, en| fact(i18n, data, &a.meta.id, field, en).to_owned();
                        let memory = format!("{} {}", zh("memory_gb", &a.memory_gb_raw), zh("memory_type", &a.memory_type));
                        view! {
                            <tr id=a.meta.id.clone()>
                                <th scope="row">
                                    {format!("{} {}", zh("vendor", &a.vendor), zh("model", &a.model))}
                                    <div class="small muted">{zh("china_role", &a.china_role)}</div>
                                </th>
                                <td>{zh("announced_or_launched", &a.announced_or_launched)}</td>
                                {num_cell(zh("dense_fp16_bf16_tflops", &a.dense_fp16_bf16_tflops_raw), flags(&a.meta, i18n))}
                                {num_cell(zh("sparse_fp16_tflops", &a.sparse_fp16_tflops_raw), Vec::new())}
                                {num_cell(zh("int8_tops", &a.int8_tops_raw), Vec::new())}
                                <td>{memory.trim().to_string()}</td>
                                {num_cell(zh("memory_bw_gbs", &a.memory_bw_gbs_raw), Vec::new())}
                                {num_cell(zh("scaleup_interconnect_gbs", &a.scaleup_interconnect_gbs_raw), Vec::new())}
                                {num_cell(zh("tdp_w", &a.tdp_w_raw), Vec::new())}
                                <td>{zh("export_status_oct2022_rule", &a.export_status_oct2022_rule)}</td>
                                <td>{zh("export_status_oct2023_rule", &a.export_status_oct2023_rule)}</td>
                                <td>{zh("later_status", &a.later_status)}</td>
                                <td class="small">{zh("note", &a.meta.note)}</td>
                                {provenance_cells(&a.meta)}
                            </tr>
                        }
                    })
                    .collect_view()
            }}
        </DataTable>
    }
}
