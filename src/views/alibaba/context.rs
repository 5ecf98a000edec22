//! The context figures (valuation, layoffs, headwinds) with the seed's currency slip
//! flagged.

use super::model::{self, context_rows, is_currency_slip};
use crate::components::figure_link::figure_links;
use crate::components::table::{DataTable, Flag, flags, num_cell, provenance_cells};
use crate::data::fact;
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use yunce_chart::format_value;
use yunce_data::Dataset;

/// The context section; its text follows the language.
#[component]
pub fn Context(data: &'static Dataset) -> impl IntoView {
    let i18n = use_i18n();
    let csv = Callback::new(move |()| model::context_csv(data));
    view! {
        <section data-testid="context">
            <h2>{move || i18n.t("alibaba.context")}</h2>
            <p class="muted small">{move || i18n.t("alibaba.context_note")}</p>
            {move || slip_note(data, i18n)}
            <DataTable
                testid="context-table"
                headers=vec![
                    "alibaba.col_topic",
                    "alibaba.col_period",
                    "alibaba.col_metric",
                    "alibaba.col_value",
                    "alibaba.col_unit",
                    "sources.confidence",
                    "sources.source",
                    "alibaba.col_figure",
                ]
                csv
            >
                {move || {
                    context_rows(data)
                        .into_iter()
                        .map(|m| {
                            let mut marks = flags(&m.meta, i18n);
                            if is_currency_slip(data, m) {
                                marks.push(Flag {
                                    class: "straddle",
                                    label: i18n.t("alibaba.flag_slip"),
                                });
                            }
                            let zh = |field, en| fact(i18n, data, &m.meta.id, field, en).to_owned();
                            view! {
                                <tr id=m.meta.id.clone()>
                                    <th scope="row">{zh("topic", &m.topic)}</th>
                                    <td>{zh("period", &m.period_raw)}</td>
                                    <td>{zh("metric", &m.metric)}</td>
                                    {num_cell(m.value_raw.clone(), marks)}
                                    <td>{zh("unit", &m.unit)}</td>
                                    {provenance_cells(&m.meta)}
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </DataTable>
        </section>
    }
}

/// The seed's 亿元/亿美元 slip, recomputed.
fn slip_note(data: &'static Dataset, i18n: I18n) -> impl IntoView {
    data.check_currency_slip().map(|s| {
        let ids: Vec<&'static str> = [s.usd_row.meta.id.as_str(), s.printed_row.meta.id.as_str()]
            .into_iter()
            .chain(s.inconsistency.map(|ic| ic.id.as_str()))
            .collect();
        view! {
            <p class="notice" data-testid="currency-slip">
                <strong>{i18n.t("alibaba.slip_title")}</strong> " "
                {i18n.format("alibaba.slip", &[&format_value(s.check.implied_rate, 2)])} " "
                {figure_links(ids)}
            </p>
        }
    })
}
