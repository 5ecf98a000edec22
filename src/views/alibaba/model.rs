//! Derived rows of the Alibaba Cloud view: the events shown, the timeline strip's
//! spec, and the CSV of every table, all built from the state and the dataset.

use super::state::{AlibabaState, categories, month_slug};
use crate::components::table::{CsvTable, PROVENANCE_COLUMNS, provenance_values};
use crate::i18n::I18n;
use yunce_chart::{TimelineBand, TimelineGroup, TimelineMark, TimelineSpec, format_value};
use yunce_data::compute::story::{QuarterFigures, day_number, event_overlaps};
use yunce_data::records::common::distinct_ids;
use yunce_data::{
    BasisFamily, Dataset, Date, Event, EventCategory, FiscalPart, FiscalPeriod, Growth,
    GrowthError, MarketContext, Origin, Period,
};

/// The seed's quarter: FY2024Q2, calendar 2023Q3.
pub const SEED_QUARTER: FiscalPeriod = FiscalPeriod {
    year: 2024,
    part: FiscalPart::Quarter(2),
};

/// The locale key of an event category.
pub fn category_key(c: EventCategory) -> &'static str {
    match c {
        EventCategory::Leadership => "cat.leadership",
        EventCategory::Organization => "cat.organization",
        EventCategory::Strategy => "cat.strategy",
        EventCategory::AiProduct => "cat.ai-product",
        EventCategory::People => "cat.people",
        EventCategory::Policy => "cat.policy",
        EventCategory::Stability => "cat.stability",
        EventCategory::Market => "cat.market",
        EventCategory::MarketData => "cat.market-data",
        EventCategory::Financial => "cat.financial",
        EventCategory::Publication => "cat.publication",
    }
}

/// The palette index of a category, stable whatever is filtered.
pub fn category_color(data: &Dataset, c: EventCategory) -> usize {
    categories(data).iter().position(|x| *x == c).unwrap_or(7) % 8
}

/// The seed's window as days (first day, last day); empty when the data lacks it.
pub fn window(data: &Dataset) -> Option<(Date, Date)> {
    data.seed_window()
        .map(|w| (w.start.date.start(), w.end.date.end()))
}

/// True when an event falls inside the seed's window.
pub fn in_window(data: &Dataset, event: &Event) -> bool {
    window(data).is_some_and(|(a, b)| event_overlaps(event, a, b))
}

/// The events of the chosen categories that overlap the zoom, in data order.
pub fn events_shown(data: &'static Dataset, state: &AlibabaState) -> Vec<&'static Event> {
    data.events
        .iter()
        .filter(|e| state.cats.contains(&e.category) && event_overlaps(e, state.from, state.to))
        .collect()
}

/// The events table as CSV: one row per event, flags as columns.
pub fn events_csv(data: &Dataset, rows: &[&Event]) -> CsvTable {
    let mut columns = vec![
        "row_id",
        "date",
        "category",
        "actor",
        "event",
        "in_seed_window",
    ];
    columns.extend(PROVENANCE_COLUMNS);
    CsvTable {
        columns,
        rows: rows
            .iter()
            .map(|e| {
                let mut row = vec![
                    e.meta.id.clone(),
                    e.date.to_string(),
                    e.category.slug().to_string(),
                    e.actor.clone(),
                    e.event.clone(),
                    in_window(data, e).to_string(),
                ];
                row.extend(provenance_values(&e.meta));
                row
            })
            .collect(),
    }
}

/// Axis labels: every January over three years, else every quarter's first month.
pub fn month_ticks(from: Date, to: Date) -> Vec<(i64, String)> {
    let by_year = day_number(to) - day_number(from) > 1100;
    let mut out = Vec::new();
    let mut t = Period::Month(from.year, from.month);
    while t.start() <= to {
        if let Period::Month(y, m) = t
            && ((by_year && m == 1) || (!by_year && m % 3 == 1))
        {
            let label = if by_year {
                y.to_string()
            } else {
                month_slug(t.start())
            };
            out.push((day_number(t.start()), label));
        }
        match t.next() {
            Some(next) => t = next,
            None => break,
        }
    }
    out
}

/// The timeline strip: one mark per event shown, the seed's window as a band.
pub fn strip_spec(
    data: &Dataset,
    state: &AlibabaState,
    shown: &[&Event],
    i18n: I18n,
    width: f64,
) -> TimelineSpec {
    let groups: Vec<TimelineGroup> = state
        .cats
        .iter()
        .map(|c| TimelineGroup {
            key: c.slug().to_string(),
            label: i18n.t(category_key(*c)).to_string(),
            color: category_color(data, *c),
        })
        .collect();
    let marks = shown
        .iter()
        .filter_map(|e| {
            Some(TimelineMark {
                start: day_number(e.date.start()),
                end: day_number(e.date.end()),
                group: state.cats.iter().position(|c| *c == e.category)?,
                date_label: e.date.to_string(),
                text: crate::data::fact(i18n, data, &e.meta.id, "event", &e.event).to_owned(),
                note: Some(e.meta.id.clone()),
            })
        })
        .collect();
    let sources = distinct_ids(
        shown
            .iter()
            .flat_map(|e| e.meta.source_ids.iter().map(String::as_str)),
    );
    let band = data.seed_window().map(|w| TimelineBand {
        start: day_number(w.start.date.start()),
        end: day_number(w.end.date.end()),
        label: i18n.format(
            "alibaba.band",
            &[&w.start.date.to_string(), &w.end.date.to_string()],
        ),
    });
    TimelineSpec {
        title: i18n.format(
            "alibaba.strip_title",
            &[&month_slug(state.from), &month_slug(state.to)],
        ),
        subtitle: i18n.format(
            "alibaba.strip_subtitle",
            &[&shown.len().to_string(), &data.events.len().to_string()],
        ),
        source: i18n.format("chart.source", &[&sources.join(", ")]),
        from: day_number(state.from),
        to: day_number(state.to),
        ticks: month_ticks(state.from, state.to),
        band,
        groups,
        marks,
        width,
    }
}

/// Why a growth cell is empty or marked: `derived_input`, `other_basis`, `missing`.
pub fn growth_status(g: &Result<Growth<'_>, GrowthError<'_>>) -> &'static str {
    match g {
        Ok(g) if g.uses_derived() => "derived_input",
        Ok(_) => "",
        Err(GrowthError::BasisMismatch { .. }) => "other_basis",
        Err(_) => "missing",
    }
}

fn pct(g: &Result<Growth<'_>, GrowthError<'_>>) -> String {
    g.as_ref()
        .map(|g| format_value(g.pct, 2))
        .unwrap_or_default()
}

/// The URL slug of a basis family.
pub fn basis_slug(b: BasisFamily) -> &'static str {
    match b {
        BasisFamily::New => "restated",
        BasisFamily::Old => "reported",
        BasisFamily::Group => "group",
        BasisFamily::Statement => "statement",
    }
}

/// The quarterly financials as CSV: values in RMB millions, growth in percent, each
/// growth with a status column, derived inputs flagged.
pub fn financials_csv(rows: &[QuarterFigures<'_>], basis: BasisFamily) -> CsvTable {
    let value = |f: Option<&yunce_data::Financial>| {
        f.and_then(|f| f.value)
            .map(|v| format_value(v, 3))
            .unwrap_or_default()
    };
    let derived = |f: Option<&yunce_data::Financial>| {
        f.is_some_and(|f| f.meta.origin == Origin::Derived)
            .to_string()
    };
    let columns = vec![
        "fiscal_quarter",
        "calendar_quarter",
        "basis",
        "revenue_rmb_m",
        "revenue_derived",
        "adjusted_ebita_rmb_m",
        "adjusted_ebita_derived",
        "ebita_margin_pct",
        "revenue_yoy_pct",
        "revenue_yoy_status",
        "revenue_qoq_pct",
        "revenue_qoq_status",
        "ebita_yoy_pct",
        "ebita_yoy_status",
        "ebita_qoq_pct",
        "ebita_qoq_status",
        "stated",
        "row_ids",
    ];
    let rows = rows
        .iter()
        .map(|q| {
            let mut row = vec![
                q.fiscal.to_string(),
                q.fiscal.to_calendar().to_string(),
                basis_slug(basis).to_string(),
                value(q.revenue),
                derived(q.revenue),
                value(q.ebita),
                derived(q.ebita),
                q.margin.map(|m| format_value(m, 2)).unwrap_or_default(),
            ];
            for g in [&q.revenue_yoy, &q.revenue_qoq, &q.ebita_yoy, &q.ebita_qoq] {
                row.push(pct(g));
                row.push(growth_status(g).to_string());
            }
            row.push(
                q.reported
                    .iter()
                    .map(|r| {
                        let v = r.value.map(|v| format_value(v, 2)).unwrap_or_default();
                        format!("{}={v} {}", r.metric, r.unit)
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            );
            row.push(figure_ids(q).join(";"));
            row
        })
        .collect();
    CsvTable { columns, rows }
}

/// The row ids behind one quarter's figures.
pub fn figure_ids<'a>(q: &QuarterFigures<'a>) -> Vec<&'a str> {
    q.revenue
        .iter()
        .chain(q.ebita.iter())
        .chain(q.reported.iter())
        .map(|f| f.meta.id.as_str())
        .collect()
}

/// Context rows shown: valuation, layoffs, headwinds, GenAI spending.
const CONTEXT: [&str; 11] = [
    "MC-009", "MC-010", "MC-011", "MC-012", "MC-013", "MC-003", "MC-002", "MC-001", "MC-005",
    "MC-006", "MC-024",
];

/// The context rows, in the order the view tells them.
pub fn context_rows(data: &Dataset) -> Vec<&MarketContext> {
    CONTEXT
        .iter()
        .filter_map(|id| data.market_context.iter().find(|m| m.meta.id == *id))
        .collect()
}

/// True when a context row is the seed's currency slip.
pub fn is_currency_slip(data: &Dataset, row: &MarketContext) -> bool {
    data.check_currency_slip()
        .is_some_and(|s| s.printed_row.meta.id == row.meta.id)
}

/// The context table as CSV, values as written, the currency slip as a column.
pub fn context_csv(data: &Dataset) -> CsvTable {
    let mut columns = vec![
        "row_id",
        "topic",
        "period",
        "metric",
        "value",
        "unit",
        "currency_slip",
    ];
    columns.extend(PROVENANCE_COLUMNS);
    let rows = context_rows(data)
        .into_iter()
        .map(|m| {
            let mut row = vec![
                m.meta.id.clone(),
                m.topic.clone(),
                m.period_raw.clone(),
                m.metric.clone(),
                m.value_raw.clone(),
                m.unit.clone(),
                is_currency_slip(data, m).to_string(),
            ];
            row.extend(provenance_values(&m.meta));
            row
        })
        .collect();
    CsvTable { columns, rows }
}
