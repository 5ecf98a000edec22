//! The five battles two years on: dated outcomes from the fact base (`outcomes.csv`), and
//! the project's own reading of them (`verdicts.csv`, `try_links.csv`).

use super::common::{Confidence, Meta, Origin, parse_enum, split_ids};
use crate::csv::{Row, Table, parse_number};
use crate::error::{DataError, ErrorKind};
use crate::period::Period;

/// A row of `outcomes.csv`: something that happened in 2024–2026 that speaks to a battle.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Provenance; outcomes are external reports, so `origin` is always external.
    pub meta: Meta,
    /// The battle it speaks to, `B-1` to `B-5`.
    pub battle: String,
    /// The date as written, such as `2025-10 (SOSP 2025)`.
    pub date_written: String,
    /// The period the date names, for ordering and the dated strip.
    pub period: Period,
    /// Who or what it is about.
    pub subject: String,
    /// What was measured or observed.
    pub metric: String,
    /// The value as written: a number, a range such as `1.5-9`, or empty.
    pub value_written: String,
    /// The value when it is one plain number.
    pub value: Option<f64>,
    /// Unit of the value (`qualitative` when there is none).
    pub unit: String,
    /// The 2024 expectation the row speaks to.
    pub claim_2024: String,
    /// What happened.
    pub outcome: String,
}

impl Outcome {
    /// Whether the row carries a figure to show as a headline number.
    pub fn has_figure(&self) -> bool {
        !self.value_written.trim().is_empty()
    }
}

/// Reads an outcome's date: the first word, where `2026-01/02` means January to February.
fn parse_outcome_date(row: &Row<'_>) -> Result<(String, Period), DataError> {
    let written = row.required("date")?.trim().to_owned();
    let head = written.split_whitespace().next().unwrap_or_default();
    let expanded = match head.split_once('/') {
        // A month range within one year, written with the second month alone.
        Some((first, month)) if month.len() == 2 && first.len() == 7 => {
            format!("{first}/{}-{month}", &first[..4])
        }
        _ => head.to_owned(),
    };
    let period = Period::parse(&expanded)
        .ok_or_else(|| row.error("date", ErrorKind::BadPeriod(written.clone())))?;
    Ok((written, period))
}

/// Loads `outcomes.csv`. Every row must name a battle, a date, a source and a confidence.
pub fn load_outcomes(t: &Table) -> Result<Vec<Outcome>, DataError> {
    t.require(&["id", "battle", "date", "outcome", "source_id", "confidence"])?;
    t.iter()
        .map(|r| {
            let (date_written, period) = parse_outcome_date(&r)?;
            let value_written = r.str("value").trim().to_owned();
            let source_ids = split_ids(r.required("source_id")?);
            Ok(Outcome {
                meta: Meta {
                    id: r.required("id")?.trim().to_owned(),
                    source_ids,
                    confidence: parse_enum(&r, "confidence", Confidence::parse)?,
                    origin: Origin::External,
                    note: r.string("note"),
                    quote_zh: String::new(),
                    line: r.line(),
                },
                battle: r.required("battle")?.trim().to_owned(),
                date_written,
                period,
                subject: r.string("subject"),
                metric: r.string("metric"),
                value: parse_number(&value_written),
                value_written,
                unit: r.string("unit"),
                claim_2024: r.string("claim_2024"),
                outcome: r.required("outcome")?.to_owned(),
            })
        })
        .collect()
}

/// Our reading of how a battle went, in four words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// The expectation was met, on rows of medium or high confidence.
    Won,
    /// Parts were met and parts were not, or it was met in another form.
    Mixed,
    /// The expectation was not met.
    Lost,
    /// The rows are too weak, or the outcome is still open.
    TooEarly,
}

impl Verdict {
    /// Every verdict, best first.
    pub const ALL: [Self; 4] = [Self::Won, Self::Mixed, Self::Lost, Self::TooEarly];

    /// The slug in `verdicts.csv`, URLs and exports.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Won => "won",
            Self::Mixed => "mixed",
            Self::Lost => "lost",
            Self::TooEarly => "too-early",
        }
    }

    /// Parses a slug.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.slug() == s.trim())
    }
}

/// A row of `verdicts.csv`: the project's reading of one battle, with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct BattleVerdict {
    /// Row id, `V-1` to `V-5`.
    pub id: String,
    /// The battle, `B-1` to `B-5`.
    pub battle: String,
    /// The verdict.
    pub verdict: Verdict,
    /// Our reading in one or two sentences (English; Chinese in `zh/verdicts.csv`).
    pub reading: String,
    /// The rows that support it: outcome ids first, then any other fact row.
    pub evidence: Vec<String>,
    /// 1-based line.
    pub line: usize,
}

/// Loads `verdicts.csv`.
pub fn load_verdicts(t: &Table) -> Result<Vec<BattleVerdict>, DataError> {
    t.require(&["id", "battle", "verdict", "reading", "evidence"])?;
    t.iter()
        .map(|r| {
            let evidence = split_ids(r.required("evidence")?);
            Ok(BattleVerdict {
                id: r.required("id")?.trim().to_owned(),
                battle: r.required("battle")?.trim().to_owned(),
                verdict: parse_enum(&r, "verdict", Verdict::parse)?,
                reading: r.required("reading")?.to_owned(),
                evidence,
                line: r.line(),
            })
        })
        .collect()
}

/// A row of `try_links.csv`: a lab preset that lets a reader try a battle's question.
#[derive(Debug, Clone, PartialEq)]
pub struct TryLink {
    /// Row id, `T-1`, ...
    pub id: String,
    /// The battle, `B-1` to `B-5`.
    pub battle: String,
    /// The in-app path and query of the preset, such as `/plan?p=after-apr-2025`.
    pub href: String,
    /// What the preset shows (English; Chinese in `zh/try_links.csv`).
    pub what: String,
    /// Outcome or fact rows the preset speaks to.
    pub rows: Vec<String>,
    /// 1-based line.
    pub line: usize,
}

/// Loads `try_links.csv`; an `href` must be a path inside the app.
pub fn load_try_links(t: &Table) -> Result<Vec<TryLink>, DataError> {
    t.require(&["id", "battle", "href", "what"])?;
    t.iter()
        .map(|r| {
            let href = r.required("href")?.trim().to_owned();
            if !href.starts_with('/') || href.starts_with("//") || href.contains('\\') {
                return Err(r.error("href", ErrorKind::Unknown(href)));
            }
            Ok(TryLink {
                id: r.required("id")?.trim().to_owned(),
                battle: r.required("battle")?.trim().to_owned(),
                href,
                what: r.required("what")?.to_owned(),
                rows: split_ids(r.str("rows")),
                line: r.line(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csv::parse;
    use crate::period::Date;

    fn outcomes(body: &str) -> Result<Vec<Outcome>, DataError> {
        let text = format!(
            "id,battle,date,subject,metric,value,unit,claim_2024,outcome,source_id,confidence,note\n{body}"
        );
        load_outcomes(&parse("outcomes.csv", &text)?)
    }

    #[test]
    fn dates_as_written_give_their_periods() {
        let cases = [
            ("2025-09-16", Period::Day(Date::new(2025, 9, 16).unwrap())),
            ("2025-10 (SOSP 2025)", Period::Month(2025, 10)),
            ("2024 (full year)", Period::Year(2024)),
            ("2025H1", Period::Half(2025, 1)),
            ("2025Q4", Period::Quarter(2025, 4)),
            (
                "2026-01/02 (LatePost report; day not captured)",
                Period::Range(
                    Date::new(2026, 1, 1).unwrap(),
                    Date::new(2026, 2, 28).unwrap(),
                ),
            ),
        ];
        for (written, period) in cases {
            let rows = outcomes(&format!("OC-1,B-1,{written},s,m,1,u,c,o,S1,low,")).unwrap();
            assert_eq!(rows[0].period, period, "{written}");
            assert_eq!(rows[0].date_written, written);
        }
    }

    #[test]
    fn ranges_and_blanks_keep_their_text_and_no_number() {
        let rows = outcomes("OC-1,B-2,2025-10,s,m,1.5-9,x,c,o,S1,medium,\nOC-2,B-2,2025,s,m,,qualitative,c,o,S1,high,").unwrap();
        assert_eq!(
            (rows[0].value, rows[0].value_written.as_str()),
            (None, "1.5-9")
        );
        assert!(rows[0].has_figure());
        assert!(!rows[1].has_figure());
        assert_eq!(rows[1].meta.origin, Origin::External);
    }

    #[test]
    fn bad_rows_name_their_line_and_column() {
        let e = outcomes("OC-1,B-1,soon,s,m,1,u,c,o,S1,low,").unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (2, Some("date")));
        let e = outcomes("OC-1,B-1,2025,s,m,1,u,c,o,,low,").unwrap_err();
        assert_eq!(e.column.as_deref(), Some("source_id"));
        let e = outcomes("OC-1,B-1,2025,s,m,1,u,c,o,S1,sure,").unwrap_err();
        assert_eq!(e.column.as_deref(), Some("confidence"));
    }

    #[test]
    fn verdicts_and_links_parse_and_reject_bad_cells() {
        let v = parse(
            "verdicts.csv",
            "id,battle,verdict,reading,evidence\nV-1,B-1,too-early,r,OC-1;OC-2\n",
        )
        .unwrap();
        let v = load_verdicts(&v).unwrap();
        assert_eq!(v[0].verdict, Verdict::TooEarly);
        assert_eq!(v[0].evidence, ["OC-1", "OC-2"]);
        let bad = parse(
            "verdicts.csv",
            "id,battle,verdict,reading,evidence\nV-1,B-1,draw,r,OC-1\n",
        )
        .unwrap();
        assert_eq!(
            load_verdicts(&bad).unwrap_err().column.as_deref(),
            Some("verdict")
        );
        let off_site = parse(
            "try_links.csv",
            "id,battle,href,what,rows\nT-1,B-1,https://example.com,w,\n",
        )
        .unwrap();
        assert_eq!(
            load_try_links(&off_site).unwrap_err().column.as_deref(),
            Some("href")
        );
    }
}
