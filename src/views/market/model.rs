//! Derived figures for the market view: the table, the chart spec and the
//! year-on-year changes, computed from the state and the dataset.

use super::state::{MarketState, Marks};
use crate::i18n::Lang;
use yunce_chart::{ChartKind, ChartSpec, Series, format_value};
use yunce_data::{Dataset, MarketShare, Measure, Period, Vendor};

/// The palette index of a vendor, stable across selections.
pub fn vendor_color(vendor: Vendor) -> usize {
    match vendor {
        Vendor::Alibaba => 0,
        Vendor::Huawei => 1,
        Vendor::Tencent => 2,
        Vendor::Baidu => 3,
        Vendor::Tianyi => 4,
        Vendor::ChinaMobile => 5,
        Vendor::Aws => 6,
        _ => 7,
    }
}

/// One cell of the share table: the chosen row, if a figure exists.
pub struct Cell<'a> {
    /// The period.
    pub period: Period,
    /// The vendor.
    pub vendor: Vendor,
    /// The chosen row; `None` is a gap.
    pub row: Option<&'a MarketShare>,
}

/// The share figures shown: one row per period, one cell per selected vendor.
pub fn grid<'a>(data: &'a Dataset, state: &MarketState) -> Vec<Vec<Cell<'a>>> {
    state
        .periods(data)
        .into_iter()
        .map(|period| {
            state
                .vendors
                .iter()
                .map(|&vendor| Cell {
                    period,
                    vendor,
                    row: data
                        .share(state.measure, vendor, period)
                        .filter(|r| r.base.value.is_some()),
                })
                .collect()
        })
        .collect()
}

/// The share unit of a measure, from its rows (such as `% of spend`), in `lang`.
pub fn share_unit(data: &Dataset, measure: Measure, lang: Lang) -> String {
    data.market_shares
        .iter()
        .find(|r| r.base.measure == measure && r.base.unit.starts_with('%'))
        .map(|r| unit_of(data, r, lang))
        .unwrap_or_else(|| "%".into())
}

/// A share row's unit in `lang` (the project's Chinese in 中文).
pub fn unit_of(data: &Dataset, row: &MarketShare, lang: Lang) -> String {
    match lang {
        Lang::Zh => data.zh(&row.base.meta.id, "unit"),
        Lang::En => None,
    }
    .unwrap_or(&row.base.unit)
    .to_owned()
}

/// Formats a share value for the table.
pub fn show(value: f64) -> String {
    format_value(value, 1)
}

/// Builds the chart for the state: lines over the periods, or bars at `state.at`.
pub fn chart_spec(
    data: &Dataset,
    state: &MarketState,
    title: String,
    vendor_name: &dyn Fn(Vendor) -> String,
    width: f64,
) -> ChartSpec {
    let rows = grid(data, state);
    let height = if width < 500.0 { 300.0 } else { 360.0 };
    match state.marks {
        Marks::Lines => ChartSpec {
            title,
            x_labels: rows
                .iter()
                .filter_map(|r| r.first())
                .map(|c| c.period.to_string())
                .collect(),
            series: state
                .vendors
                .iter()
                .enumerate()
                .map(|(k, &vendor)| Series {
                    key: vendor.slug().into(),
                    label: vendor_name(vendor),
                    values: rows
                        .iter()
                        .map(|r| r[k].row.and_then(|x| x.base.value))
                        .collect(),
                    notes: rows.iter().map(|r| r[k].row.map(source_note)).collect(),
                    color: vendor_color(vendor),
                })
                .collect(),
            subtitle: String::new(),
            source: String::new(),
            y_unit: "%".into(),
            kind: ChartKind::Line,
            width,
            height,
            decimals: 1,
        },
        Marks::Bars => {
            let cells: Vec<&Cell<'_>> = rows
                .iter()
                .flatten()
                .filter(|c| c.period == state.at)
                .collect();
            ChartSpec {
                title,
                x_labels: cells.iter().map(|c| vendor_name(c.vendor)).collect(),
                series: vec![Series {
                    key: state.at.to_string(),
                    label: state.at.to_string(),
                    values: cells
                        .iter()
                        .map(|c| c.row.and_then(|x| x.base.value))
                        .collect(),
                    notes: cells.iter().map(|c| c.row.map(source_note)).collect(),
                    color: 1,
                }],
                subtitle: String::new(),
                source: String::new(),
                y_unit: "%".into(),
                kind: ChartKind::Bar,
                width,
                height,
                decimals: 1,
            }
        }
    }
}

/// The source ids behind the figures shown, sorted and without repeats.
pub fn source_ids(data: &Dataset, state: &MarketState) -> Vec<String> {
    let mut ids: Vec<String> = grid(data, state)
        .into_iter()
        .flatten()
        .filter_map(|c| c.row)
        .flat_map(|r| r.base.meta.source_ids.iter().cloned())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The tooltip note of a figure: its row id and sources.
pub fn source_note(row: &MarketShare) -> String {
    format!(
        "{} · {}",
        row.base.meta.id,
        row.base.meta.source_ids.join(";")
    )
}

/// A vendor's year-on-year change at the chosen period.
pub struct Change<'a> {
    /// The vendor.
    pub vendor: Vendor,
    /// The share at the chosen period.
    pub current: Option<&'a MarketShare>,
    /// The computed change in points, when both figures exist on the same basis.
    pub computed_pp: Option<f64>,
    /// The year-ago figure used.
    pub year_ago: Option<&'a MarketShare>,
    /// Changes the source itself reported for this period.
    pub reported: Vec<&'a MarketShare>,
    /// The two figures straddle a change in the publisher's method.
    pub method_change: bool,
}

/// Year-on-year changes in points for every selected vendor at `state.at`.
pub fn changes<'a>(data: &'a Dataset, state: &MarketState) -> Vec<Change<'a>> {
    state
        .vendors
        .iter()
        .map(|&vendor| {
            let yoy = data.share_yoy_pp(state.measure, vendor, state.at);
            Change {
                vendor,
                current: data.share(state.measure, vendor, state.at),
                computed_pp: yoy.as_ref().map(|y| y.pp),
                method_change: yoy.as_ref().is_some_and(|y| y.crosses_method_change),
                year_ago: yoy.map(|y| y.year_ago),
                reported: data
                    .reported_share_changes(state.measure, vendor)
                    .into_iter()
                    .filter(|r| r.base.period == state.at)
                    .collect(),
            }
        })
        .collect()
}

/// Formats a change in points with its sign.
pub fn signed_pp(value: f64) -> String {
    crate::format::signed(value, 1)
}
