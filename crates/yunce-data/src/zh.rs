//! Chinese text for the fact base's English prose, kept in the project.
//!
//! The fact base stays English and is the source of truth. `data/zh/<file>.csv` holds,
//! for rows of `<file>.csv`, an `id` column and one column per translated field, named
//! as in the English file. Only the Chinese is stored (no English copy), so the first
//! bundle grows by the translations alone. The tests in `tests/zh.rs` keep the files in
//! step with the fact base: every shown field of every row translated, no stale id, no
//! translation of an empty field.

use crate::csv::parse;
use crate::error::{DataError, ErrorKind};

/// The translation files shipped in `data/zh`, as (name, text). The name is the English
/// file's, prefixed with `zh/`.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("zh/events.csv", include_str!("../data/zh/events.csv")),
    (
        "zh/inconsistencies.csv",
        include_str!("../data/zh/inconsistencies.csv"),
    ),
    (
        "zh/compute_plan_targets.csv",
        include_str!("../data/zh/compute_plan_targets.csv"),
    ),
    (
        "zh/compute_capacity.csv",
        include_str!("../data/zh/compute_capacity.csv"),
    ),
    (
        "zh/ai_accelerators.csv",
        include_str!("../data/zh/ai_accelerators.csv"),
    ),
    (
        "zh/export_controls.csv",
        include_str!("../data/zh/export_controls.csv"),
    ),
    (
        "zh/market_context.csv",
        include_str!("../data/zh/market_context.csv"),
    ),
    ("zh/battles.csv", include_str!("../data/zh/battles.csv")),
    (
        "zh/market_share.csv",
        include_str!("../data/zh/market_share.csv"),
    ),
    (
        "zh/market_size.csv",
        include_str!("../data/zh/market_size.csv"),
    ),
    (
        "zh/alibaba_financials.csv",
        include_str!("../data/zh/alibaba_financials.csv"),
    ),
    ("zh/sources.csv", include_str!("../data/zh/sources.csv")),
    ("zh/outcomes.csv", include_str!("../data/zh/outcomes.csv")),
    ("zh/outages.csv", include_str!("../data/zh/outages.csv")),
    ("zh/verdicts.csv", include_str!("../data/zh/verdicts.csv")),
    ("zh/try_links.csv", include_str!("../data/zh/try_links.csv")),
];

/// One translated cell: the row id, the English column's name and the Chinese text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Row id in the fact base, e.g. `EV-001`.
    pub id: String,
    /// Column name in the English file, e.g. `event`.
    pub field: String,
    /// The Chinese text.
    pub text: String,
    /// The translation file, e.g. `zh/events.csv`.
    pub file: &'static str,
    /// 1-based line of the row in that file.
    pub line: usize,
}

/// Every translation, sorted by (id, field) for lookup. Row ids carry their file's
/// prefix, so (id, field) is unique across files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Translations {
    entries: Vec<Entry>,
}

impl Translations {
    /// Parses translation files given as (name, text). The first column must be `id`;
    /// an empty cell means "no Chinese text" (the English is shown), and a repeated
    /// (id, field) is an error.
    pub fn parse(files: &[(&'static str, &str)]) -> Result<Self, DataError> {
        let mut entries = Vec::new();
        for (name, text) in files {
            let table = parse(name, text)?;
            if table.headers.first().map(String::as_str) != Some("id") {
                return Err(DataError::new(
                    name,
                    1,
                    Some("id"),
                    ErrorKind::MissingColumn,
                ));
            }
            for rec in &table.rows {
                let id = rec.fields.first().map(|s| s.trim()).unwrap_or_default();
                if id.is_empty() {
                    return Err(DataError::new(name, rec.line, Some("id"), ErrorKind::Empty));
                }
                for (field, text) in table.headers.iter().zip(&rec.fields).skip(1) {
                    if !text.trim().is_empty() {
                        entries.push(Entry {
                            id: id.to_owned(),
                            field: field.clone(),
                            text: text.clone(),
                            file: name,
                            line: rec.line,
                        });
                    }
                }
            }
        }
        entries.sort_by(|a, b| (&a.id, &a.field).cmp(&(&b.id, &b.field)));
        if let Some(w) = entries
            .windows(2)
            .find(|w| (&w[0].id, &w[0].field) == (&w[1].id, &w[1].field))
        {
            return Err(DataError::new(
                w[1].file,
                w[1].line,
                None,
                ErrorKind::BadId(format!("{} {} repeated", w[1].id, w[1].field)),
            ));
        }
        Ok(Self { entries })
    }

    /// The Chinese text of `field` in row `id`, when there is one.
    pub fn get(&self, id: &str, field: &str) -> Option<&str> {
        self.entries
            .binary_search_by(|e| (e.id.as_str(), e.field.as_str()).cmp(&(id, field)))
            .ok()
            .map(|i| self.entries[i].text.as_str())
    }

    /// Every translated cell, sorted by (id, field).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}
