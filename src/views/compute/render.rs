//! Stateless render pieces of the compute plan view: progress cards (bars on one
//! precision basis), and the rows of the targets, capacity and controls tables.

use super::model::{num, precision_key};
use crate::components::figure_link::FigureLink;
use crate::components::figure_link::figure_links;
use crate::components::source_chip::source_chips;
use crate::components::table::{flags, num_cell, provenance_cells};
use crate::data::fact;
use crate::format;
use crate::i18n::I18n;
use leptos::prelude::*;
use yunce_chart::format_value;
use yunce_data::Dataset;
use yunce_data::compute::story::{Precision, TargetProgress};

/// One bar of a progress card, scaled to `top`.
fn bar(
    label: String,
    value: Option<f64>,
    unit: &str,
    class: &'static str,
    top: f64,
) -> impl IntoView + use<> {
    let width = 100.0 * value.unwrap_or(0.0) / top.max(1e-9);
    view! {
        <div class="bar-row">
            <span class="bar-label">{label}</span>
            <span class="bar-track">
                <span class=class style:width=format!("{width:.1}%")></span>
            </span>
            <span class="bar-value">{format!("{} {unit}", num(value))}</span>
        </div>
    }
}

/// One target against its comparable measured figures, as bars on one scale; figures
/// on another precision basis are listed apart, never drawn or divided.
pub fn progress_card(
    data: &'static Dataset,
    p: &TargetProgress<'static>,
    i18n: I18n,
) -> impl IntoView + use<> {
    let t = p.target;
    let zh = move |id: &str, field, en: &'static str| fact(i18n, data, id, field, en);
    let t_unit = zh(&t.meta.id, "unit", &t.unit);
    let title = format!(
        "{} ({}) · {}",
        zh(&t.meta.id, "indicator", &t.indicator),
        t_unit,
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
    let measured = p
        .comparable
        .iter()
        .map(|c| {
            let unit = zh(&c.meta.id, "unit", &c.unit);
            bar(c.as_of.to_string(), c.value, unit, "bar measured", top)
        })
        .collect_view();
    let latest = p
        .comparable
        .last()
        .zip(p.latest_pct_of_target)
        .map(|(c, pct)| {
            i18n.format(
                "compute.latest",
                &[
                    &num(c.value),
                    zh(&c.meta.id, "unit", &c.unit),
                    &format::date(i18n.lang.get(), &c.as_of.to_string()),
                    &format::number(pct, 0),
                ],
            ) + " "
        });
    let ids: Vec<&'static str> = p
        .comparable
        .iter()
        .map(|c| c.meta.id.as_str())
        .chain([t.meta.id.as_str()])
        .collect();
    let other = (!p.other_basis.is_empty()).then(|| {
        view! {
            <p class="notice small" data-testid="other-basis">
                {i18n.t("compute.other_basis")}
                {p.other_basis
                    .iter()
                    .map(|c| {
                        view! {
                            {format!(
                                " {} {} ({}, {}) ",
                                num(c.value),
                                zh(&c.meta.id, "unit", &c.unit),
                                c.as_of,
                                zh(&c.meta.id, "precision_basis", &c.precision_basis),
                            )}
                            <FigureLink id=c.meta.id.clone()/>
                        }
                    })
                    .collect_view()}
            </p>
        }
    });
    view! {
        <div class="card" data-testid=format!("progress-{}", t.meta.id)>
            <h3>{title.clone()}</h3>
            <figure class="bars" role="img" aria-label=title>
                {measured}
                {bar(target_label, t.value, &format!("({} {t_unit})", t.comparator), "bar target", top)}
            </figure>
            <p class="small">{latest} {figure_links(ids)}</p>
            {other}
        </div>
    }
}

/// The rows of the targets table.
pub fn target_rows(data: &'static Dataset, i18n: I18n) -> impl IntoView {
    data.plan_targets
        .iter()
        .map(|t| {
            let zh = |field, en| fact(i18n, data, &t.meta.id, field, en);
            let target = match (t.value, t.comparator.as_str()) {
                (Some(v), _) => format!(
                    "{} {} {}",
                    t.comparator,
                    format_value(v, 2),
                    zh("unit", &t.unit)
                ),
                (None, "qualitative") => i18n.t("compute.qualitative").to_string(),
                (None, _) => t.comparator.clone(),
            };
            view! {
                <tr id=t.meta.id.clone()>
                    <th scope="row">{zh("dimension", &t.dimension).to_owned()}</th>
                    <td>{zh("indicator", &t.indicator).to_owned()}</td>
                    {num_cell(target, flags(&t.meta, i18n))}
                    <td>{t.target_year.map(|y| y.to_string()).unwrap_or_default()}</td>
                    {provenance_cells(&t.meta)}
                </tr>
            }
        })
        .collect_view()
}

/// The rows of the capacity table; FP16 rows are marked.
pub fn capacity_rows(data: &'static Dataset, i18n: I18n) -> impl IntoView {
    data.compute_capacity
        .iter()
        .map(|c| {
            let fp16 = Precision::parse(&c.precision_basis) == Precision::Fp16;
            let zh = |field, en| fact(i18n, data, &c.meta.id, field, en).to_owned();
            view! {
                <tr id=c.meta.id.clone() class:win=fp16>
                    <th scope="row">{format::date(i18n.lang.get(), &c.as_of.to_string())}</th>
                    <td>{zh("metric", &c.metric)}</td>
                    {num_cell(num(c.value), flags(&c.meta, i18n))}
                    <td>{zh("unit", &c.unit)}</td>
                    <td>{zh("precision_basis", &c.precision_basis)}</td>
                    {provenance_cells(&c.meta)}
                </tr>
            }
        })
        .collect_view()
}

/// The rows of the export-control table.
pub fn control_rows(data: &'static Dataset, i18n: I18n) -> impl IntoView {
    data.export_controls
        .iter()
        .map(|e| {
            let zh = |field, en| fact(i18n, data, &e.meta.id, field, en).to_owned();
            view! {
                <tr id=e.meta.id.clone()>
                    <th scope="row">{format::date(i18n.lang.get(), &e.date.to_string())}</th>
                    <td>{zh("authority", &e.authority)}</td>
                    <td>{zh("action", &e.action)}</td>
                    <td>{zh("thresholds_as_reported", &e.thresholds_as_reported)}</td>
                    <td>{zh("products_affected_as_reported", &e.products_affected_as_reported)}</td>
                    <td>{source_chips(&e.meta.source_ids)}</td>
                    <td><FigureLink id=e.meta.id.clone()/></td>
                </tr>
            }
        })
        .collect_view()
}
