//! Derived rows of the sources view: the inconsistencies and sources that match the
//! search, the rows citing each source, and the CSV of both tables.

use super::state::SourcesState;
use crate::components::table::CsvTable;
use yunce_data::{Dataset, Inconsistency, Severity, Source};

/// A severity as a badge slug; "none" means the check passed.
pub fn severity_slug(s: Severity) -> &'static str {
    match s {
        Severity::None => "check-passed",
        Severity::Low => "low",
        Severity::Medium => "medium",
        Severity::High => "high",
    }
}

/// The inconsistencies matching the search, in data order.
pub fn issues_shown<'a>(data: &'a Dataset, state: &SourcesState) -> Vec<&'a Inconsistency> {
    data.inconsistencies
        .iter()
        .filter(|ic| {
            state.matches(&format!(
                "{} {} {} {} {} {}",
                ic.id,
                ic.subject,
                ic.claim_as_stated,
                ic.issue,
                ic.evidence,
                ic.affected_ids.join(" ")
            ))
        })
        .collect()
}

/// A source with the fact rows and inconsistencies that cite it.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceRow<'a> {
    /// The source.
    pub source: &'a Source,
    /// Row ids and inconsistency ids citing it, in data order.
    pub cited_by: Vec<&'a str>,
}

/// The sources matching the search (on their fields and the ids citing them).
pub fn sources_shown<'a>(data: &'a Dataset, state: &SourcesState) -> Vec<SourceRow<'a>> {
    data.sources
        .iter()
        .filter_map(|s| {
            let mut cited_by = data.rows_citing(&s.id);
            cited_by.extend(
                data.inconsistencies
                    .iter()
                    .filter(|ic| ic.source_ids.contains(&s.id))
                    .map(|ic| ic.id.as_str()),
            );
            let hay = format!(
                "{} {} {} {} {} {}",
                s.id,
                s.outlet,
                s.title,
                s.date,
                s.reliability,
                cited_by.join(" ")
            );
            state.matches(&hay).then_some(SourceRow {
                source: s,
                cited_by,
            })
        })
        .collect()
}

/// The source ids a deep-linked figure or inconsistency cites, to highlight them.
pub fn lit_sources<'a>(data: &'a Dataset, state: &SourcesState) -> Vec<&'a str> {
    let Some(fig) = state.fig.as_deref() else {
        return Vec::new();
    };
    data.meta(fig)
        .map(|m| &m.source_ids)
        .or_else(|| data.inconsistency(fig).map(|i| &i.source_ids))
        .map(|ids| ids.iter().map(String::as_str).collect())
        .unwrap_or_default()
}

/// The inconsistencies shown, as CSV.
pub fn issues_csv(rows: &[&Inconsistency]) -> CsvTable {
    CsvTable {
        columns: vec![
            "id",
            "severity",
            "subject",
            "claim_as_stated",
            "issue",
            "evidence",
            "suggested_handling",
            "affected_ids",
            "source_ids",
        ],
        rows: rows
            .iter()
            .map(|ic| {
                vec![
                    ic.id.clone(),
                    severity_slug(ic.severity).to_string(),
                    ic.subject.clone(),
                    ic.claim_as_stated.clone(),
                    ic.issue.clone(),
                    ic.evidence.clone(),
                    ic.suggested_handling.clone(),
                    ic.affected_ids.join(";"),
                    ic.source_ids.join(";"),
                ]
            })
            .collect(),
    }
}

/// The sources shown, as CSV.
pub fn sources_csv(rows: &[SourceRow<'_>]) -> CsvTable {
    CsvTable {
        columns: vec![
            "id",
            "outlet",
            "title",
            "date",
            "reliability",
            "url",
            "cited_by",
        ],
        rows: rows
            .iter()
            .map(|r| {
                let s = r.source;
                vec![
                    s.id.clone(),
                    s.outlet.clone(),
                    s.title.clone(),
                    s.date.clone(),
                    s.reliability.clone(),
                    s.url.clone(),
                    r.cited_by.join(";"),
                ]
            })
            .collect(),
    }
}
