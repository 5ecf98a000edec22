//! Stateless render pieces of the market view.

use super::model::{self, changes, grid, share_unit, show, signed_pp};
use super::state::MarketState;
use crate::components::chart::Chart;
use crate::components::figure_link::FigureLink;
use crate::components::source_chip::SourceChip;
use crate::components::table::CsvTable;
use crate::data::fact;
use crate::format;
use crate::i18n::I18n;
use crate::labels::{measure_key, vendor_key};
use leptos::prelude::*;
use yunce_data::{Dataset, Granularity, MarketShare, Period};

/// One row per period: the period, then each vendor's share as shown. Empty means
/// "no figure". The screen and the CSV both use these rows.
fn share_rows(data: &Dataset, state: &MarketState) -> Vec<Vec<String>> {
    grid(data, state)
        .into_iter()
        .map(|cells| {
            let period = cells.first().map(|c| c.period.to_string());
            let values = cells.iter().map(|c| {
                c.row
                    .and_then(|r| r.base.value)
                    .map(show)
                    .unwrap_or_default()
            });
            std::iter::once(period.unwrap_or_default())
                .chain(values)
                .collect()
        })
        .collect()
}

/// The share table as CSV, from the same rows as the screen: `period`, then one column
/// per vendor slug (values in the measure's share unit). Empty means "no figure".
pub fn share_csv(data: &Dataset, state: &MarketState) -> CsvTable {
    let mut columns = vec!["period"];
    columns.extend(state.vendors.iter().map(|v| v.slug()));
    let rows = share_rows(data, state);
    CsvTable { columns, rows }
}

/// The share table as text: a header and one row per period. Empty means "no figure".
pub fn table_cells(
    data: &Dataset,
    state: &MarketState,
    i18n: I18n,
) -> (Vec<String>, Vec<Vec<String>>) {
    let lang = i18n.lang.get_untracked();
    let unit = share_unit(data, state.measure, lang);
    let mut header = vec![crate::i18n::text(lang, "market.period").to_string()];
    header.extend(
        state
            .vendors
            .iter()
            .map(|v| format!("{} ({unit})", crate::i18n::text(lang, vendor_key(*v)))),
    );
    let rows = share_rows(data, state);
    (header, rows)
}

/// The share table tab.
pub fn share_table(data: &Dataset, state: &MarketState, i18n: I18n) -> impl IntoView + use<> {
    let (header, rows) = table_cells(data, state, i18n);
    view! {
        <div class="table-wrap">
            <table data-testid="share-table">
                <caption class="visually-hidden">{i18n.t(measure_key(state.measure))}</caption>
                <thead><tr>{header.into_iter().enumerate().map(|(i, h)| view! {
                    <th scope="col" class:num={i > 0}>{h}</th>
                }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr>{row.into_iter().enumerate().map(|(i, cell)| if i == 0 {
                            view! { <th scope="row">{cell}</th> }.into_any()
                        } else if cell.is_empty() {
                            view! { <td class="gap" title=i18n.t("market.no_figure")>"—"</td> }.into_any()
                        } else {
                            view! { <td class="num">{cell}</td> }.into_any()
                        }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn confidence_badge(row: &MarketShare) -> impl IntoView + use<> {
    crate::components::table::badge(row.base.meta.confidence.slug())
}

/// The sources tab: every figure shown, with its outlet, date, confidence and notes.
pub fn provenance(data: &Dataset, state: &MarketState, i18n: I18n) -> impl IntoView + use<> {
    let rows: Vec<&MarketShare> = grid(data, state)
        .into_iter()
        .flatten()
        .filter_map(|c| c.row)
        .collect();
    view! {
        <div class="table-wrap">
            <table data-testid="sources-table">
                <thead><tr>
                    <th scope="col">{i18n.t("sources.figure")}</th>
                    <th scope="col">{i18n.t("sources.source")}</th>
                    <th scope="col">{i18n.t("sources.confidence")}</th>
                    <th scope="col">{i18n.t("sources.notes")}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let sources = r.base.meta.source_ids.iter().map(|id| match data.source(id) {
                            Some(src) => view! {
                                <div><SourceChip id=id.clone()/>" "<span lang="en">{src.outlet.clone()}</span>", "{src.date.clone()}
                                    {src.urls().first().map(|u| view! { " " <a href=u.to_string() target="_blank" rel="noopener noreferrer">{i18n.t("sources.open")}</a> })}
                                </div>
                            }.into_any(),
                            None => view! { <div><code>{id.clone()}</code></div> }.into_any(),
                        }).collect_view();
                        let issues = data.inconsistencies_for(&r.base.meta.id).into_iter().map(|ic| view! {
                            <div class="notice"><strong>{ic.id.clone()}</strong>" "{fact(i18n, data, &ic.id, "issue", &ic.issue).to_owned()}</div>
                        }).collect_view();
                        view! {
                            <tr id=format!("fig-{}", r.base.meta.id)>
                                <td><FigureLink id=r.base.meta.id.clone()/>" · "{r.base.period.to_string()}" · "
                                    {i18n.t(vendor_key(r.vendor))}": "<strong>{r.base.value.map(show).unwrap_or_default()}</strong>" "{model::unit_of(data, r, i18n.lang.get())}</td>
                                <td>{sources}</td>
                                <td>{confidence_badge(r)}</td>
                                <td>{fact(i18n, data, &r.base.meta.id, "note", &r.base.meta.note).to_owned()}{issues}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The year-on-year change in points at the chosen period, computed and as reported.
/// The period select is built once per set of periods; the table follows the state.
#[component]
pub fn Changes(
    data: &'static Dataset,
    state: Memo<MarketState>,
    set_at: Callback<Period>,
) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let shown = Memo::new(move |_| state.with(|s| s.periods(data)));
    let options = move || {
        shown
            .get()
            .into_iter()
            .map(|p| {
                view! {
                    <option value=p.to_string() prop:selected=move || state.with(|s| s.at == p)>
                        {p.to_string()}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card" data-testid="yoy">
            <h2>{move || i18n.t("market.yoy_title")}</h2>
            <label>{move || i18n.t("market.at")} " "
                <select data-testid="at" on:change=move |ev| {
                    if let Some(p) = Period::parse(&event_target_value(&ev)) { set_at.run(p); }
                }>
                    {options}
                </select>
            </label>
            {move || changes_table(data, &state.get(), i18n)}
            <p class="muted small">{move || i18n.t("market.yoy_note")}</p>
        </section>
    }
}

fn changes_table(data: &Dataset, state: &MarketState, i18n: I18n) -> impl IntoView + use<> {
    let list = changes(data, state);
    view! {
            <div class="table-wrap">
                <table>
                    <thead><tr>
                        <th scope="col">{i18n.t("market.vendor")}</th>
                        <th scope="col" class="num">{state.at.to_string()}</th>
                        <th scope="col" class="num">{state.at.shift_years(-1).to_string()}</th>
                        <th scope="col" class="num">{i18n.t("market.yoy_computed")}</th>
                        <th scope="col">{i18n.t("market.yoy_reported")}</th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|c| view! {
                            <tr data-testid=format!("yoy-{}", c.vendor.slug())>
                                <th scope="row">{i18n.t(vendor_key(c.vendor))}</th>
                                <td class="num">{c.current.and_then(|r| r.base.value).map(show).unwrap_or_else(|| "—".into())}</td>
                                <td class="num">{c.year_ago.and_then(|r| r.base.value).map(show).unwrap_or_else(|| "—".into())}</td>
                                <td class="num">
                                    {c.computed_pp.map(|v| format::points(i18n.lang.get(), v)).unwrap_or_else(|| "—".into())}
                                    {c.method_change.then(|| view! {
                                        <span class="badge low" title=i18n.t("market.method_change_note")>{i18n.t("market.method_change")}</span>
                                    })}
                                </td>
                                <td>{c.reported.iter().map(|r| view! {
                                    <div>{r.base.value.map(signed_pp).unwrap_or_default()}" "{model::unit_of(data, r, i18n.lang.get())}" ("<code>{r.base.meta.id.clone()}</code>")"</div>
                                }).collect_view()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
    }
}

/// The seed's "近5.8%" share loss with its ambiguity note.
pub fn seed_loss(data: &Dataset, i18n: I18n) -> impl IntoView + use<> {
    data.seed_share_loss().map(|(row, issue)| {
        view! {
            <section class="card" data-testid="seed-loss">
                <h2>{i18n.t("market.seed_loss_title")}</h2>
                <blockquote lang="zh-CN">"“"{row.base.meta.quote_zh.clone()}"”"</blockquote>
                <p>
                    <code>{row.base.meta.id.clone()}</code>" · "{row.base.source_org.clone()}" · "{row.base.period.to_string()}
                    " · "{row.base.value.map(signed_pp).unwrap_or_default()}" ("{model::unit_of(data, row, i18n.lang.get())}") "
                    {crate::components::table::badge(row.base.meta.confidence.slug())}
                </p>
                {issue.map(|ic| view! {
                    <div class="notice">
                        <p><strong>{ic.id.clone()}</strong>" "{fact(i18n, data, &ic.id, "issue", &ic.issue).to_owned()}</p>
                        <p>{fact(i18n, data, &ic.id, "evidence", &ic.evidence).to_owned()}</p>
                        <p><em>{fact(i18n, data, &ic.id, "suggested_handling", &ic.suggested_handling).to_owned()}</em></p>
                    </div>
                })}
            </section>
        }
    })
}

/// The market-size series of the same publisher and measure, beside the shares.
pub fn size_section(data: &Dataset, state: &MarketState, i18n: I18n) -> impl IntoView + use<> {
    let measure = state.measure;
    let metrics: Vec<String> = data
        .size_metrics(measure)
        .into_iter()
        .filter(|m| matches!(*m, "spend" | "revenue" | "yoy_growth"))
        .map(str::to_string)
        .collect();
    let grains: Vec<Granularity> = [
        state.granularity,
        Granularity::Year,
        Granularity::Half,
        Granularity::Quarter,
    ]
    .to_vec();
    let mut blocks = Vec::new();
    for metric in &metrics {
        let series = grains
            .iter()
            .map(|g| data.size_series(measure, metric, *g))
            .find(|s| s.iter().any(|p| p.value.is_some()))
            .unwrap_or_default();
        let points: Vec<_> = series
            .into_iter()
            .filter(|p| {
                p.period >= state.from && p.period <= state.to
                    || state.granularity != p.period.granularity()
            })
            .collect();
        if points.iter().all(|p| p.value.is_none()) {
            continue;
        }
        let unit = points
            .iter()
            .find_map(|p| p.row.map(|r| r.base.unit.clone()))
            .unwrap_or_default();
        let mut sources: Vec<&str> = points
            .iter()
            .filter_map(|p| p.row)
            .flat_map(|r| r.base.meta.source_ids.iter().map(String::as_str))
            .collect();
        sources.sort_unstable();
        sources.dedup();
        let spec = yunce_chart::ChartSpec {
            title: format!(
                "{} · {}",
                i18n.t(measure_key(measure)),
                metric_label(i18n, metric)
            ),
            subtitle: format!(
                "{} ({})",
                metric_label(i18n, metric),
                format::unit(i18n.lang.get(), &unit)
            ),
            source: i18n.format("chart.source", &[&sources.join(", ")]),
            x_labels: points.iter().map(|p| p.period.to_string()).collect(),
            series: vec![yunce_chart::Series {
                key: metric.clone(),
                label: metric_label(i18n, metric).to_string(),
                values: points.iter().map(|p| p.value).collect(),
                notes: points
                    .iter()
                    .map(|p| p.row.map(|r| r.base.meta.id.clone()))
                    .collect(),
                color: if metric == "yoy_growth" { 2 } else { 1 },
            }],
            y_unit: if unit.starts_with('%') {
                "%".into()
            } else {
                String::new()
            },
            kind: yunce_chart::ChartKind::Bar,
            width: 520.0,
            height: 240.0,
            decimals: 2,
        };
        blocks.push(view! {
            <div>
                <h3>{metric_label(i18n, metric)}" ("{format::unit(i18n.lang.get(), &unit)}")"</h3>
                <Chart layout=Signal::stored(yunce_chart::layout(&spec)) testid="size-chart"/>
                <div class="table-wrap"><table data-testid=format!("size-{metric}")>
                    <tbody>{points.into_iter().map(|p| view! {
                        <tr>
                            <th scope="row">{p.period.to_string()}</th>
                            <td class="num">{p.value.map(model::show).unwrap_or_else(|| "—".into())}</td>
                            <td class="muted">{p.row.map(|r| format!("{} · {}", r.base.meta.id, r.base.meta.source_ids.join(";")))}</td>
                        </tr>
                    }).collect_view()}</tbody>
                </table></div>
            </div>
        });
    }
    view! {
        <section class="card" data-testid="size">
            <h2>{i18n.t("market.size_title")}" · "{i18n.t(measure_key(measure))}</h2>
            {if blocks.is_empty() {
                view! { <p class="muted">{i18n.t("market.size_none")}</p> }.into_any()
            } else {
                view! { <div class="grid-2">{blocks}</div> }.into_any()
            }}
        </section>
    }
}

fn metric_label(i18n: I18n, metric: &str) -> &'static str {
    match metric {
        "spend" => i18n.t("size.spend"),
        "revenue" => i18n.t("size.revenue"),
        _ => i18n.t("size.yoy_growth"),
    }
}
