//! The "numbers that moved" section: the measure switch and one small chart per series,
//! each with the seed's period marked, its table one click away, and SVG, PNG and CSV.

use super::moved::{self, CAPEX_HEADLINES, Moved};
use super::state::BattlesState;
use crate::components::chart::{Chart, ChartDownloads, use_width};
use crate::components::download::save_text;
use crate::components::figure_link::FigureLink;
use crate::components::source_chip::source_chips;
use crate::i18n::use_i18n;
use crate::router::navigate;
use leptos::prelude::*;
use yunce_chart::layout;
use yunce_data::{Dataset, Period};

/// The section: the measure switch, then the charts.
#[component]
pub fn NumbersThatMoved(data: &'static Dataset, state: Memo<BattlesState>) -> impl IntoView {
    let i18n = use_i18n();
    let seed = super::model::seed_date(data).map_or(Period::Quarter(2024, 1), Period::Day);
    let measure = Memo::new(move |_| state.with(|s| s.measure));
    let charts = Memo::new(move |_| moved::all(data, measure.get(), i18n, seed));
    let pick = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let mut next = state.get_untracked();
        next.measure = yunce_data::Measure::from_slug(&value);
        navigate(&format!("/battles{}", next.to_query()), true);
    };
    let selected = move |slug: &str| measure.with(|m| m.map_or("", |m| m.slug()) == slug);
    view! {
        <section data-testid="moved">
            <h2>{move || i18n.t("battles.moved")}</h2>
            <p class="muted small">{move || i18n.t("battles.moved_note")}</p>
            <label>
                {move || i18n.t("battles.measure")} " "
                <select data-testid="moved-measure" on:change=pick>
                    <option value="" prop:selected=move || selected("")>{move || i18n.t("battles.every_measure")}</option>
                    {data
                        .share_measures()
                        .into_iter()
                        .map(|m| {
                            view! {
                                <option value=m.slug() prop:selected=move || selected(m.slug())>
                                    {move || i18n.t(crate::labels::measure_key(m))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <div class="grid-2 moved">
                {move || {
                    charts
                        .get()
                        .into_iter()
                        .map(|chart| {
                            let capex = chart.key == "capex";
                            view! {
                                <MovedChart chart seed/>
                                {capex.then(|| view! { <CapexPlans data/> })}
                            }
                        })
                        .collect_view()
                }}
            </div>
        </section>
    }
}

/// One small chart with its downloads and its table.
#[component]
fn MovedChart(chart: Moved, seed: Period) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<leptos::html::Div>::new();
    let width = use_width(node, 480.0);
    let chart = StoredValue::new(chart);
    let key = chart.with_value(|c| c.key.clone());
    let layout_memo = Memo::new(move |_| {
        chart.with_value(|c| {
            let mut l = layout(&c.spec(i18n, width.get().clamp(280.0, 640.0)));
            if let Some(i) = c.seed_index(seed) {
                let label = i18n.format("battles.seed_band", &[&seed.start().to_string()]);
                l.mark_category(i, c.periods.len(), &label);
            }
            l
        })
    });
    let save_csv = move |_| {
        let (stem, text) = chart.with_value(|c| (c.key.clone(), c.csv().text()));
        save_text(
            &format!("yunce-battles-{stem}.csv"),
            "text/csv;charset=utf-8",
            &text,
        );
    };
    let rows = move || {
        chart.with_value(|c| {
            c.lines
                .iter()
                .flat_map(|l| {
                    let label = i18n.t(l.label_key);
                    c.periods.iter().zip(&l.points).filter_map(move |(p, point)| {
                        let point = point.as_ref()?;
                        Some(view! {
                            <tr>
                                <th scope="row">{p.to_string()}</th>
                                <td>{label}</td>
                                <td class="num">{format!("{}{}", crate::format::number(point.value, 1), c.unit)}</td>
                                <td>{point.derived.then(|| i18n.t("battles.derived"))}</td>
                                <td>{source_chips(&point.source_ids)}</td>
                                <td><FigureLink id=point.row_id.clone()/></td>
                            </tr>
                        })
                    })
                })
                .collect_view()
        })
    };
    view! {
        <figure class="moved-chart" data-testid=format!("moved-{key}")>
            <div node_ref=node>
                <Chart layout=layout_memo testid="moved-chart"/>
            </div>
            <div class="row toolbar">
                <ChartDownloads layout=layout_memo stem=format!("yunce-battles-{key}") prefix=format!("{key}-")/>
                <button type="button" data-testid=format!("{key}-csv") on:click=save_csv>
                    {move || i18n.t("download.csv")}
                </button>
            </div>
            <details data-testid=format!("{key}-table")>
                <summary>{move || i18n.t("battles.table")}</summary>
                <div class="table-wrap">
                    <table class="data">
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t("battles.col_period")}</th>
                                <th scope="col">{move || i18n.t("battles.col_series")}</th>
                                <th scope="col">{move || i18n.t("battles.col_value")}</th>
                                <th scope="col">{move || i18n.t("battles.derived")}</th>
                                <th scope="col">{move || i18n.t("battles.sources")}</th>
                                <th scope="col">{move || i18n.t("battles.col_row")}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}

/// The capex plans beside the quarterly chart: totals over other spans, so never bars on
/// its axis.
#[component]
fn CapexPlans(data: &'static Dataset) -> impl IntoView {
    let i18n = use_i18n();
    let items = CAPEX_HEADLINES
        .iter()
        .filter_map(|id| {
            let (value, meta, key) = if let Some(o) = data.outcome(id) {
                (o.value?, &o.meta, "battles.capex_raised")
            } else {
                let f = data.financials.iter().find(|f| f.meta.id == *id)?;
                let key = if f.metric.contains("plan") {
                    "battles.capex_plan"
                } else {
                    "battles.capex_trailing"
                };
                (f.value?, &f.meta, key)
            };
            let conf = meta.confidence;
            Some(view! {
                <li data-testid=format!("capex-{id}")>
                    <strong>{move || match i18n.lang.get() {
                        crate::i18n::Lang::En => i18n.format("battles.rmb_bn", &[&crate::format::number(value / 1000.0, 1)]),
                        lang => crate::format::amount(lang, value, "RMB m"),
                    }}</strong>
                    " " {move || i18n.t(key)} " · "
                    <span class=format!("badge conf-{}", conf.slug())>{move || i18n.t(super::model::confidence_key(conf))}</span>
                    " " {source_chips(&meta.source_ids)} <FigureLink id=meta.id.clone()/>
                </li>
            })
        })
        .collect_view();
    view! {
        <div class="card" data-testid="capex-plans">
            <strong>{move || i18n.t("battles.capex_plans")}</strong>
            <ul class="small">{items}</ul>
        </div>
    }
}
