//! Sources, inconsistencies, the seed facts index and the five battles.

use super::common::split_ids;
use crate::csv::Table;
use crate::error::{DataError, ErrorKind};

/// A row of `sources.csv` (converted from `SOURCES.md`).
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Source id, e.g. `S009`.
    pub id: String,
    /// Outlet or publisher.
    pub outlet: String,
    /// What it is (a short paraphrase).
    pub title: String,
    /// Date as recorded (may be approximate, e.g. `2023 (Q3)` or `n.d.`).
    pub date: String,
    /// URL(s) as recorded; several are separated by ` / `. May be a note such as `(URL not recorded)`.
    pub url: String,
    /// Reliability judgement (Primary / Secondary / Weak ...).
    pub reliability: String,
    /// 1-based line in `sources.csv`.
    pub line: usize,
}

impl Source {
    /// The recorded URLs that look like web addresses.
    pub fn urls(&self) -> Vec<&str> {
        self.url
            .split(" / ")
            .map(str::trim)
            .filter(|u| u.starts_with("http"))
            .collect()
    }
}

/// How serious an inconsistency is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// A check that passed.
    None,
    /// Minor.
    Low,
    /// Notable.
    Medium,
    /// Changes what a figure means.
    High,
}

impl Severity {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "none" => Self::None,
            "low" => Self::Low,
            "medium" => Self::Medium,
            "high" => Self::High,
            _ => return None,
        })
    }
}

/// A row of `inconsistencies.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Inconsistency {
    /// Id, e.g. `IC-002`.
    pub id: String,
    /// Short subject.
    pub subject: String,
    /// The claim as stated.
    pub claim_as_stated: String,
    /// Where it appears (files, `seed`).
    pub where_: String,
    /// The problem.
    pub issue: String,
    /// Evidence.
    pub evidence: String,
    /// Sources.
    pub source_ids: Vec<String>,
    /// Severity (`None` = a check that passed).
    pub severity: Severity,
    /// Suggested handling in the app.
    pub suggested_handling: String,
    /// Row ids this issue is about.
    pub affected_ids: Vec<String>,
    /// 1-based line in the shipped file.
    pub line: usize,
}

/// A row of `seed_facts_index.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedFact {
    /// Id, e.g. `SF-005`.
    pub id: String,
    /// The file holding the row.
    pub topic_file: String,
    /// The row id in that file.
    pub row_id: String,
    /// Verbatim Chinese phrase.
    pub quote_zh: String,
    /// Value as written (may be empty).
    pub value_raw: String,
    /// Unit as written.
    pub unit: String,
    /// Period or date as written.
    pub period_or_date: String,
    /// Who the figure is attributed to.
    pub attributed_to: String,
    /// Confidence as written.
    pub confidence: super::common::Confidence,
    /// 1-based line.
    pub line: usize,
}

/// One of the seed's five battles (`five_battles.json`, via `battles.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct Battle {
    /// Id, `B-1` to `B-5`.
    pub id: String,
    /// Number 1–5.
    pub n: u8,
    /// Original Chinese title.
    pub title_zh: String,
    /// English title.
    pub title_en: String,
    /// Neutral English summary.
    pub summary_en: String,
    /// Key figures, one per entry.
    pub key_figures: Vec<String>,
    /// Fact files with related rows.
    pub related_files: Vec<String>,
    /// Sources (the seed).
    pub source_ids: Vec<String>,
    /// 1-based line.
    pub line: usize,
}

/// The seed article's metadata or one of its sections (`article.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleEntry {
    /// `article` for the header row, `section` for a section.
    pub kind: String,
    /// Section number (`None` for the article row).
    pub n: Option<u8>,
    /// Chinese title.
    pub title_zh: String,
    /// English title (article row only).
    pub title_en: String,
    /// English summary (sections only).
    pub summary_en: String,
    /// Outlet (article row only).
    pub outlet: String,
    /// Publication date (article row only).
    pub published: String,
    /// Author (article row only).
    pub author: String,
    /// Editor (article row only).
    pub editor: String,
    /// Source ids.
    pub source_ids: Vec<String>,
    /// 1-based line.
    pub line: usize,
}

/// Loads `article.csv`.
pub fn load_article(t: &Table) -> Result<Vec<ArticleEntry>, DataError> {
    t.require(&["kind", "n", "title_zh", "summary_en", "source_id"])?;
    t.iter()
        .map(|r| {
            Ok(ArticleEntry {
                kind: r.required("kind")?.to_owned(),
                n: r.opt_f64("n")?.map(|n| n as u8),
                title_zh: r.string("title_zh"),
                title_en: r.string("title_en"),
                summary_en: r.string("summary_en"),
                outlet: r.string("outlet"),
                published: r.string("published"),
                author: r.string("author"),
                editor: r.string("editor"),
                source_ids: split_ids(r.str("source_id")),
                line: r.line(),
            })
        })
        .collect()
}

/// Loads `sources.csv`.
pub fn load_sources(t: &Table) -> Result<Vec<Source>, DataError> {
    t.require(&["id", "outlet", "title", "date", "url", "reliability"])?;
    t.iter()
        .map(|r| {
            Ok(Source {
                id: r.required("id")?.to_owned(),
                outlet: r.string("outlet"),
                title: r.string("title"),
                date: r.string("date"),
                url: r.string("url"),
                reliability: r.string("reliability"),
                line: r.line(),
            })
        })
        .collect()
}

/// Loads `inconsistencies.csv`.
pub fn load_inconsistencies(t: &Table) -> Result<Vec<Inconsistency>, DataError> {
    t.require(&[
        "id",
        "subject",
        "where",
        "issue",
        "source_id",
        "severity",
        "affected_ids",
    ])?;
    t.iter()
        .map(|r| {
            let sev = r.str("severity");
            Ok(Inconsistency {
                id: r.required("id")?.to_owned(),
                subject: r.string("subject"),
                claim_as_stated: r.string("claim_as_stated"),
                where_: r.string("where"),
                issue: r.string("issue"),
                evidence: r.string("evidence"),
                source_ids: split_ids(r.str("source_id")),
                severity: Severity::parse(sev)
                    .ok_or_else(|| r.error("severity", ErrorKind::Unknown(sev.to_owned())))?,
                suggested_handling: r.string("suggested_handling"),
                affected_ids: split_ids(r.str("affected_ids")),
                line: r.line(),
            })
        })
        .collect()
}

/// Loads `seed_facts_index.csv`.
pub fn load_seed_facts(t: &Table) -> Result<Vec<SeedFact>, DataError> {
    t.require(&[
        "id",
        "topic_file",
        "row_id",
        "quote_zh",
        "value",
        "unit",
        "confidence",
    ])?;
    t.iter()
        .map(|r| {
            Ok(SeedFact {
                id: r.required("id")?.to_owned(),
                topic_file: r.string("topic_file"),
                row_id: r.required("row_id")?.to_owned(),
                quote_zh: r.string("quote_zh"),
                value_raw: r.string("value"),
                unit: r.string("unit"),
                period_or_date: r.string("period_or_date"),
                attributed_to: r.string("attributed_to"),
                confidence: super::common::parse_enum(
                    &r,
                    "confidence",
                    super::common::Confidence::parse,
                )?,
                line: r.line(),
            })
        })
        .collect()
}

/// Loads `battles.csv`.
pub fn load_battles(t: &Table) -> Result<Vec<Battle>, DataError> {
    t.require(&[
        "id",
        "n",
        "title_zh",
        "title_en",
        "summary_en",
        "key_figures",
        "related_files",
        "source_id",
    ])?;
    t.iter()
        .map(|r| {
            let n = r.str("n");
            Ok(Battle {
                id: r.required("id")?.to_owned(),
                n: n.parse()
                    .map_err(|_| r.error("n", ErrorKind::BadNumber(n.to_owned())))?,
                title_zh: r.string("title_zh"),
                title_en: r.string("title_en"),
                summary_en: r.string("summary_en"),
                key_figures: r.str("key_figures").lines().map(str::to_owned).collect(),
                related_files: split_ids(r.str("related_files")),
                source_ids: split_ids(r.str("source_id")),
                line: r.line(),
            })
        })
        .collect()
}
