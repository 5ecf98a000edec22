//! The numbers that moved, as small charts over calendar periods with the seed's
//! period marked: cloud revenue growth on one reporting basis, the AI-revenue streak,
//! capex, and Alibaba's market share, one chart per measure (IDC and Canalys are never
//! on one axis). Each chart is a model ([`Moved`]) that gives the chart spec and the CSV,
//! so the picture, the table and the download cannot disagree.

use crate::components::table::CsvTable;
use crate::i18n::I18n;
use std::sync::OnceLock;
use yunce_chart::{ChartKind, ChartSpec, Series};
use yunce_data::csv::parse;
use yunce_data::records::common::distinct_ids;
use yunce_data::{BasisFamily, Confidence, Dataset, Granularity, Measure, Period, Vendor};

/// One plotted figure with its provenance.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// The value in the chart's unit.
    pub value: f64,
    /// The fact row it comes from (or is derived from).
    pub row_id: String,
    /// The row's sources.
    pub source_ids: Vec<String>,
    /// The row's confidence.
    pub confidence: Confidence,
    /// True when the value is our arithmetic on the row, not the row's own figure.
    pub derived: bool,
}

/// A series of optional points over the chart's periods.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Stable key for colours, tests and the CSV.
    pub key: &'static str,
    /// Locale key of its label.
    pub label_key: &'static str,
    /// One entry per period; `None` is a gap.
    pub points: Vec<Option<Point>>,
    /// Palette index.
    pub color: usize,
}

/// A small chart of the numbers that moved.
#[derive(Clone, Debug, PartialEq)]
pub struct Moved {
    /// Stable key: test ids and file names.
    pub key: String,
    /// The title (already in the reader's language).
    pub title: String,
    /// The measure and unit.
    pub subtitle: String,
    /// The periods along the axis.
    pub periods: Vec<Period>,
    /// The series.
    pub lines: Vec<Line>,
    /// Tick unit.
    pub unit: &'static str,
    /// Bars or lines.
    pub kind: ChartKind,
}

const FROM: Period = Period::Quarter(2023, 1);
const TO: Period = Period::Quarter(2025, 4);

/// The outcome rows that count the AI-revenue streak (triple-digit growth, quarters in a row).
pub const STREAK_ROWS: [&str; 3] = ["OC-018", "OC-019", "OC-020"];
/// Quarterly capex rows among the planner's sourced defaults.
pub const CAPEX_ROWS: [&str; 2] = ["PP-056", "PP-057"];
/// Capex plans and totals shown as headline figures beside the capex chart.
pub const CAPEX_HEADLINES: [&str; 3] = ["FIN-062", "FIN-063", "OC-005"];

impl Moved {
    /// The seed's period on this chart's axis, if the axis has it.
    pub fn seed_index(&self, seed: Period) -> Option<usize> {
        self.periods
            .iter()
            .position(|p| p.start() <= seed.start() && seed.start() <= p.end())
    }

    /// The chart spec.
    pub fn spec(&self, i18n: I18n, width: f64) -> ChartSpec {
        let sources = distinct_ids(
            self.lines
                .iter()
                .flat_map(|l| l.points.iter().flatten())
                .flat_map(|p| p.source_ids.iter().map(String::as_str)),
        );
        ChartSpec {
            title: self.title.clone(),
            subtitle: self.subtitle.clone(),
            source: i18n.format("chart.source", &[&sources.join(", ")]),
            x_labels: self.periods.iter().map(ToString::to_string).collect(),
            series: self
                .lines
                .iter()
                .map(|l| Series {
                    key: l.key.to_owned(),
                    label: i18n.t(l.label_key).to_owned(),
                    values: l
                        .points
                        .iter()
                        .map(|p| p.as_ref().map(|p| p.value))
                        .collect(),
                    notes: l
                        .points
                        .iter()
                        .map(|p| {
                            p.as_ref().map(|p| {
                                let derived = if p.derived {
                                    i18n.t("battles.derived")
                                } else {
                                    ""
                                };
                                format!("{} · {} {derived}", p.row_id, p.source_ids.join(", "))
                            })
                        })
                        .collect(),
                    color: l.color,
                })
                .collect(),
            y_unit: self.unit.to_owned(),
            kind: self.kind,
            width,
            height: 240.0,
            decimals: 1,
        }
    }

    /// The chart's figures as CSV, one row per point, language-independent.
    pub fn csv(&self) -> CsvTable {
        let columns = vec![
            "period",
            "series",
            "value",
            "unit",
            "row_id",
            "derived",
            "confidence",
            "source_ids",
        ];
        let rows = self
            .lines
            .iter()
            .flat_map(|l| {
                self.periods
                    .iter()
                    .zip(&l.points)
                    .filter_map(move |(period, p)| {
                        p.as_ref().map(|p| {
                            vec![
                                period.to_string(),
                                l.key.to_owned(),
                                yunce_chart::format_value(p.value, 3),
                                self.unit.trim().to_owned(),
                                p.row_id.clone(),
                                if p.derived { "yes" } else { "no" }.to_owned(),
                                p.confidence.slug().to_owned(),
                                p.source_ids.join(";"),
                            ]
                        })
                    })
            })
            .collect();
        CsvTable { columns, rows }
    }
}

/// Cloud revenue growth year on year, by calendar quarter, on the post-2023 basis.
pub fn cloud_growth(data: &Dataset, i18n: I18n) -> Moved {
    let rows = data.cloud_growth_by_quarter(FROM, TO, BasisFamily::New);
    let points = rows
        .iter()
        .map(|(_, r)| {
            r.and_then(|r| {
                Some(Point {
                    value: r.value?,
                    row_id: r.meta.id.clone(),
                    source_ids: r.meta.source_ids.clone(),
                    confidence: r.meta.confidence,
                    derived: false,
                })
            })
        })
        .collect();
    Moved {
        key: "cloud-growth".into(),
        title: i18n.t("battles.growth_title").into(),
        subtitle: i18n.t("battles.growth_subtitle").into(),
        periods: rows.iter().map(|(p, _)| *p).collect(),
        lines: vec![Line {
            key: "cloud-revenue-yoy",
            label_key: "battles.growth_series",
            points,
            color: 0,
        }],
        unit: "%",
        kind: ChartKind::Bar,
    }
}

/// The quarter a streak row counts to (its date is the quarter's last day).
fn quarter_of(p: Period) -> Option<Period> {
    Period::containing(Granularity::Quarter, p.end())
}

/// The AI-revenue streak: the counts reported, and the counts they imply for the
/// quarters before (the 8th quarter in a row in 2025Q2 means the 1st was 2023Q3).
pub fn ai_streak(data: &Dataset, i18n: I18n) -> Moved {
    let axis: Vec<Period> = FROM.through(TO).collect();
    let reported: Vec<(Period, Point)> = STREAK_ROWS
        .iter()
        .filter_map(|id| data.outcome(id))
        .filter_map(|o| {
            let point = Point {
                value: o.value?,
                row_id: o.meta.id.clone(),
                source_ids: o.meta.source_ids.clone(),
                confidence: o.meta.confidence,
                derived: false,
            };
            Some((quarter_of(o.period)?, point))
        })
        .collect();
    let mut implied = vec![None; axis.len()];
    if let Some((first_q, first)) = reported.first() {
        let at = axis.iter().position(|p| p == first_q).unwrap_or(0);
        for (i, slot) in implied.iter_mut().enumerate().take(at) {
            let count = first.value - (at - i) as f64;
            if count >= 1.0 {
                *slot = Some(Point {
                    value: count,
                    derived: true,
                    ..first.clone()
                });
            }
        }
    }
    let shown = axis
        .iter()
        .map(|q| {
            reported
                .iter()
                .find(|(p, _)| p == q)
                .map(|(_, x)| x.clone())
        })
        .collect();
    Moved {
        key: "ai-streak".into(),
        title: i18n.t("battles.streak_title").into(),
        subtitle: i18n.t("battles.streak_subtitle").into(),
        periods: axis,
        lines: vec![
            Line {
                key: "reported",
                label_key: "battles.streak_reported",
                points: shown,
                color: 0,
            },
            Line {
                key: "implied",
                label_key: "battles.streak_implied",
                points: implied,
                color: 3,
            },
        ],
        unit: "",
        kind: ChartKind::Stacked,
    }
}

/// The capex rows of the planner's sourced defaults, by quarter; parsed once, since the
/// chart is rebuilt whenever the language changes.
fn capex_rows() -> &'static [(Period, Point)] {
    static ROWS: OnceLock<Vec<(Period, Point)>> = OnceLock::new();
    ROWS.get_or_init(|| {
        let Ok(table) = parse("planner_params.csv", yunce_data::embedded::PLANNER_PARAMS) else {
            return Vec::new();
        };
        table
            .iter()
            .filter(|r| CAPEX_ROWS.contains(&r.str("id")))
            .filter_map(|row| {
                let value = yunce_data::csv::parse_number(row.str("value"))?;
                let quarter = quarter_of(Period::parse(row.str("as_of"))?)?;
                let point = Point {
                    value: value / 1000.0,
                    row_id: row.str("id").to_owned(),
                    source_ids: yunce_data::records::common::split_ids(row.str("source_id")),
                    confidence: Confidence::parse(row.str("confidence")).unwrap_or(Confidence::Low),
                    derived: false,
                };
                Some((quarter, point))
            })
            .collect()
    })
}

/// Quarterly capex in AI and cloud infrastructure, from the planner's sourced defaults.
pub fn capex(i18n: I18n) -> Moved {
    let axis: Vec<Period> = Period::Quarter(2024, 1).through(TO).collect();
    let points = axis
        .iter()
        .map(|q| {
            capex_rows()
                .iter()
                .find(|(at, _)| at == q)
                .map(|(_, p)| p.clone())
        })
        .collect();
    Moved {
        key: "capex".into(),
        title: i18n.t("battles.capex_title").into(),
        subtitle: i18n.t("battles.capex_subtitle").into(),
        periods: axis,
        lines: vec![Line {
            key: "capex-rmb-bn",
            label_key: "battles.capex_series",
            points,
            color: 1,
        }],
        unit: "",
        kind: ChartKind::Bar,
    }
}

/// Alibaba's share on one measure, over that measure's finest periods from 2022 to the
/// later of its last figure and the seed's period.
pub fn share(data: &Dataset, measure: Measure, i18n: I18n, seed: Period) -> Option<Moved> {
    let granularity = data
        .share_granularities(measure)
        .into_iter()
        .filter(|g| {
            matches!(
                g,
                Granularity::Quarter | Granularity::Half | Granularity::Year
            )
        })
        .max()?;
    let start = Period::containing(granularity, Period::Year(2022).start())?;
    let with_value: Vec<Period> = data
        .share_periods(measure)
        .into_iter()
        .filter(|p| p.granularity() == granularity && *p >= start)
        .filter(|p| {
            data.share(measure, Vendor::Alibaba, *p)
                .is_some_and(|r| r.base.value.is_some())
        })
        .collect();
    let last = *with_value.last()?;
    let seed_here = Period::containing(granularity, seed.start())?;
    let axis: Vec<Period> = start.through(last.max(seed_here)).collect();
    let points = axis
        .iter()
        .map(|p| {
            let r = data.share(measure, Vendor::Alibaba, *p)?;
            Some(Point {
                value: r.base.value?,
                row_id: r.base.meta.id.clone(),
                source_ids: r.base.meta.source_ids.clone(),
                confidence: r.base.meta.confidence,
                derived: false,
            })
        })
        .collect();
    Some(Moved {
        key: format!("share-{}", measure.slug()),
        title: i18n.format(
            "battles.share_title",
            &[i18n.t(crate::labels::measure_key(measure))],
        ),
        subtitle: i18n.t("battles.share_subtitle").into(),
        periods: axis,
        lines: vec![Line {
            key: "alibaba",
            label_key: "vendor.alibaba",
            points,
            color: 0,
        }],
        unit: "%",
        kind: ChartKind::Line,
    })
}

/// Every chart of the section, for the state's measure choice.
pub fn all(data: &Dataset, measure: Option<Measure>, i18n: I18n, seed: Period) -> Vec<Moved> {
    let mut out = vec![cloud_growth(data, i18n), ai_streak(data, i18n), capex(i18n)];
    out.extend(
        data.share_measures()
            .into_iter()
            .filter(|m| measure.is_none_or(|x| x == *m))
            .filter_map(|m| share(data, m, i18n, seed)),
    );
    out
}

#[cfg(test)]
mod tests;
