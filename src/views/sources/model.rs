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

/// The English text of the given fields and their Chinese where the project has it,
/// so that a search in either language finds the row.
fn both_languages(data: &Dataset, id: &str, fields: &[(&str, &str)]) -> String {
    let mut hay = String::new();
    for (field, en) in fields {
        hay.push_str(en);
        hay.push(' ');
        if let Some(zh) = data.zh(id, field) {
            hay.push_str(zh);
            hay.push(' ');
        }
    }
    hay
}

/// The inconsistencies matching the search (in English or Chinese), in data order.
pub fn issues_shown<'a>(data: &'a Dataset, state: &SourcesState) -> Vec<&'a Inconsistency> {
    data.inconsistencies
        .iter()
        .filter(|ic| {
            let text = both_languages(
                data,
                &ic.id,
                &[
                    ("subject", &ic.subject),
                    ("claim_as_stated", &ic.claim_as_stated),
                    ("issue", &ic.issue),
                    ("evidence", &ic.evidence),
                    ("suggested_handling", &ic.suggested_handling),
                ],
            );
            state.matches(&format!("{} {text} {}", ic.id, ic.affected_ids.join(" ")))
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

/// The sources matching the search (on their fields in English and Chinese, and the
/// ids citing them).
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
            let text = both_languages(
                data,
                &s.id,
                &[("date", &s.date), ("reliability", &s.reliability)],
            );
            let hay = format!(
                "{} {} {} {text} {}",
                s.id,
                s.outlet,
                s.title,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> &'static Dataset {
        crate::data::dataset().unwrap_or_else(|e| panic!("{e}"))
    }

    fn search(q: &str) -> SourcesState {
        SourcesState {
            q: q.into(),
            ..SourcesState::default()
        }
    }

    #[test]
    fn the_search_finds_sources_in_either_language() {
        let ids = |q: &str| -> Vec<String> {
            sources_shown(data(), &search(q))
                .iter()
                .map(|r| r.source.id.clone())
                .collect()
        };
        let primary_en = ids("primary (analyst's own release)");
        assert_eq!(primary_en, ["S001"]);
        assert_eq!(ids("分析机构自己的发布"), primary_en);
        // Every source judged a weak mirror, in English and in Chinese.
        let weak_en = ids("weak mirror");
        assert!(weak_en.len() > 10, "{weak_en:?}");
        assert_eq!(ids("弱镜像"), weak_en);
        assert!(ids("无日期").len() >= 16);
    }

    /// The CSV is the fact base's own text whatever the language: English judgements and
    /// the dates as stored (ISO where the fact base has ISO).
    #[test]
    fn the_csv_stays_language_independent() {
        let rows = sources_shown(data(), &search("分析机构自己的发布"));
        let csv = sources_csv(&rows);
        assert_eq!(csv.rows.len(), 1);
        let row = &csv.rows[0];
        assert_eq!(row[0], "S001");
        assert_eq!(row[3], "2023 (Q3)");
        assert_eq!(row[4], "Primary (analyst's own release)");
        let iso = sources_csv(&sources_shown(data(), &search("S014")));
        assert!(iso.rows.iter().all(|r| !r[3].contains('年')));
    }

    #[test]
    fn the_search_finds_inconsistencies_in_either_language() {
        let ids = |q: &str| -> Vec<String> {
            issues_shown(data(), &search(q))
                .iter()
                .map(|ic| ic.id.clone())
                .collect()
        };
        assert!(ids("个百分点").contains(&"IC-002".to_owned()));
        assert!(ids("percentage points").contains(&"IC-002".to_owned()));
    }
}
