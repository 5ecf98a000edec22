//! Reads the fact-base files the planner uses and turns their cells into [`Param`]s with
//! provenance. A row that cannot be found falls back to an assumption that says so, so
//! building the defaults never fails; a test checks the shipped data needs no fallback.

use yunce_data::records::common::split_ids;
use yunce_data::records::other::{load_accelerators, load_export_controls, load_targets};
use yunce_data::{Accelerator, DataFiles, Date, ExportControl, PlanTarget};

use crate::param::{Confidence, Origin, Param, Provenance, parse_cell};

/// One row of `planner_params.csv`.
#[derive(Debug, Clone)]
pub(crate) struct PlannerRow {
    pub id: String,
    pub value: String,
    pub as_of: String,
    pub sources: Vec<String>,
    pub confidence: Option<Confidence>,
}

/// The fact-base rows the planner reads, parsed once.
#[derive(Debug, Clone, Default)]
pub(crate) struct Facts {
    pub params: Vec<PlannerRow>,
    pub accelerators: Vec<Accelerator>,
    pub controls: Vec<ExportControl>,
    pub targets: Vec<PlanTarget>,
}

impl Facts {
    /// Parses the embedded files; a file that fails to parse leaves its list empty, and
    /// every value taken from it becomes a flagged assumption.
    pub fn embedded() -> Self {
        use yunce_data::csv::parse;
        let files = DataFiles::EMBEDDED;
        let params = parse("planner_params.csv", yunce_data::embedded::PLANNER_PARAMS)
            .map(|t| {
                t.iter()
                    .map(|r| PlannerRow {
                        id: r.string("id"),
                        value: r.string("value"),
                        as_of: r.string("as_of"),
                        sources: split_ids(r.str("source_id")),
                        confidence: yunce_data::Confidence::parse(r.str("confidence"))
                            .map(Confidence::from),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let accelerators = parse("ai_accelerators.csv", files.accelerators)
            .and_then(|t| load_accelerators(&t))
            .unwrap_or_default();
        let controls = parse("export_controls.csv", files.export_controls)
            .and_then(|t| load_export_controls(&t))
            .unwrap_or_default();
        let targets = parse("compute_plan_targets.csv", files.plan_targets)
            .and_then(|t| load_targets(&t))
            .unwrap_or_default();
        Self {
            params,
            accelerators,
            controls,
            targets,
        }
    }

    pub fn param_row(&self, id: &str) -> Option<&PlannerRow> {
        self.params.iter().find(|p| p.id == id)
    }

    pub fn accelerator(&self, id: &str) -> Option<&Accelerator> {
        self.accelerators.iter().find(|a| a.meta.id == id)
    }

    /// A `planner_params.csv` value as reported (a range stays a range).
    pub fn param(&self, id: &str, fallback: f64) -> Param {
        let Some(row) = self.param_row(id) else {
            return missing(id, fallback);
        };
        let provenance = Provenance {
            origin: Origin::Sourced,
            rows: vec![id.to_owned()],
            sources: row.sources.clone(),
            confidence: row.confidence,
            note: String::new(),
        };
        match parse_cell(&row.value) {
            Some((lo, hi)) if lo < hi => Param::range(lo, hi, provenance),
            Some((v, _)) => Param::new(v, provenance),
            None => missing(id, fallback),
        }
    }

    /// A cell of `ai_accelerators.csv`, or `None` when the cell holds no number.
    pub fn spec(&self, id: &str, cell: impl Fn(&Accelerator) -> &str) -> Option<Param> {
        let a = self.accelerator(id)?;
        let (lo, hi) = parse_cell(cell(a))?;
        let provenance = Provenance {
            origin: Origin::Sourced,
            rows: vec![id.to_owned()],
            sources: a.meta.source_ids.clone(),
            confidence: Some(a.meta.confidence.into()),
            note: String::new(),
        };
        Some(if lo < hi {
            Param::range(lo, hi, provenance)
        } else {
            Param::new(lo, provenance)
        })
    }

    /// The date of an export-control row.
    pub fn control_date(&self, id: &str) -> Option<Date> {
        self.controls
            .iter()
            .find(|c| c.meta.id == id)
            .map(|c| c.date.start())
    }

    /// The value of a plan-target row, with its provenance.
    pub fn target(&self, id: &str, fallback: f64) -> Param {
        match self.targets.iter().find(|t| t.meta.id == id) {
            Some(t) => match t.value {
                Some(v) => Param::new(
                    v,
                    Provenance {
                        origin: Origin::Sourced,
                        rows: vec![id.to_owned()],
                        sources: t.meta.source_ids.clone(),
                        confidence: Some(t.meta.confidence.into()),
                        note: String::new(),
                    },
                ),
                None => missing(id, fallback),
            },
            None => missing(id, fallback),
        }
    }
}

fn missing(id: &str, fallback: f64) -> Param {
    Param::assumed(
        fallback,
        &format!("fact-base row {id} not found; fallback value"),
    )
}

/// Our arithmetic on sourced inputs: the provenance joins theirs, at the weakest confidence.
pub(crate) fn derived(value: f64, inputs: &[&Param], note: &str) -> Param {
    let mut p = Provenance {
        origin: Origin::Derived,
        note: note.to_owned(),
        confidence: Some(Confidence::High),
        ..Provenance::default()
    };
    for input in inputs {
        let q = &input.provenance;
        for r in &q.rows {
            if !p.rows.contains(r) {
                p.rows.push(r.clone());
            }
        }
        for s in &q.sources {
            if !p.sources.contains(s) {
                p.sources.push(s.clone());
            }
        }
        p.confidence = match (p.confidence, q.confidence) {
            (Some(a), Some(b)) => Some(a.min(b)),
            _ => Some(Confidence::Low),
        };
        if q.is_assumption() {
            p.note.push_str(" (uses an assumption)");
        }
    }
    Param::new(value, p)
}

/// A param with a note appended (for example the FX conversion used).
pub(crate) fn noted(mut p: Param, note: &str) -> Param {
    if !p.provenance.note.is_empty() {
        p.provenance.note.push(' ');
    }
    p.provenance.note.push_str(note);
    p
}

/// Parses the first date in a launch cell: `2023-03-21`, `2023-11`, `2022 (Q4)`,
/// `announced 2023-11; volume Q2 2024` (the volume date wins), `c. 2023-24`.
pub(crate) fn launch_date(cell: &str) -> Option<Date> {
    let text = match cell.find("volume") {
        Some(i) => &cell[i..],
        None => cell,
    };
    let mut i = 0;
    while i + 4 <= text.len() {
        // `get` skips byte offsets inside a multi-byte character instead of panicking.
        let four = text.get(i..i + 4).unwrap_or("");
        if four.len() == 4 && four.chars().all(|c| c.is_ascii_digit()) {
            let year: i32 = four.parse().ok()?;
            let rest = &text[i + 4..];
            let month = rest
                .strip_prefix('-')
                .and_then(|r| r.get(..2))
                .and_then(|m| m.parse::<u8>().ok())
                .filter(|m| (1..=12).contains(m));
            let day = rest
                .get(3..)
                .and_then(|r| r.strip_prefix('-'))
                .and_then(|r| r.get(..2))
                .and_then(|d| d.parse::<u8>().ok());
            // A quarter written before the year ("Q2 2024") starts the quarter's first month.
            let quarter = text[..i]
                .trim_end()
                .strip_suffix(['1', '2', '3', '4'])
                .filter(|t| t.ends_with('Q'))
                .and_then(|_| text[..i].trim_end().chars().last())
                .and_then(|q| q.to_digit(10));
            let month = month
                .or(quarter.map(|q| (q as u8 - 1) * 3 + 1))
                .unwrap_or(1);
            return Date::new(year, month, day.unwrap_or(1));
        }
        i += 1;
    }
    None
}

/// Formats a date as ISO `YYYY-MM-DD`.
pub(crate) fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn launch_dates() {
        let d = |s| launch_date(s).map(iso);
        assert_eq!(d("2023-03-21").as_deref(), Some("2023-03-21"));
        assert_eq!(d("2022 (Q4)").as_deref(), Some("2022-01-01"));
        assert_eq!(
            d("announced 2023-11; volume Q2 2024").as_deref(),
            Some("2024-04-01")
        );
        assert_eq!(d("2024-25 (volume 2025)").as_deref(), Some("2025-01-01"));
        assert_eq!(d("c. 2023-24").as_deref(), Some("2023-01-01"));
        assert_eq!(
            d("by 2024-01 (seed: already launched)").as_deref(),
            Some("2024-01-01")
        );
        assert_eq!(d(""), None);
    }
}
