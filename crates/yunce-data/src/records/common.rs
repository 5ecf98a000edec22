//! Fields every fact row shares: id, sources, confidence, origin, note, quote.

use crate::csv::Row;
use crate::error::{DataError, ErrorKind};

/// How far a figure can be trusted (the fact base's `confidence` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confidence {
    /// Seen only in the seed article and not corroborated.
    Unverified,
    /// Seed-only, but plausible and partly corroborated.
    MediumUnverified,
    /// Weak site, estimate, or derivation with a weak input.
    Low,
    /// One reasonable secondary report, or a clean derivation.
    Medium,
    /// Primary source, or several independent reports agree.
    High,
}

impl Confidence {
    /// Parses the fact base spelling (`high`, `medium-unverified`, ...).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim() {
            "high" => Self::High,
            "medium" => Self::Medium,
            "low" => Self::Low,
            "unverified" => Self::Unverified,
            "medium-unverified" => Self::MediumUnverified,
            _ => return None,
        })
    }

    /// Stable slug, as spelled in the data.
    pub fn slug(self) -> &'static str {
        match self {
            Self::High => "high",
            Self::Medium => "medium",
            Self::Low => "low",
            Self::Unverified => "unverified",
            Self::MediumUnverified => "medium-unverified",
        }
    }
}

/// Where a row comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// From the seed article only.
    Seed,
    /// Found in research.
    External,
    /// A seed figure confirmed elsewhere.
    SeedExternal,
    /// Computed by the fact base's authors from other rows (the note says how).
    Derived,
}

impl Origin {
    /// Parses `seed`, `external`, `seed+external` or `derived`.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim() {
            "seed" => Self::Seed,
            "external" => Self::External,
            "seed+external" => Self::SeedExternal,
            "derived" => Self::Derived,
            _ => return None,
        })
    }

    /// Stable slug, as spelled in the data.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Seed => "seed",
            Self::External => "external",
            Self::SeedExternal => "seed+external",
            Self::Derived => "derived",
        }
    }
}

/// The provenance fields every fact row carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    /// Stable row id with its file prefix, e.g. `MS-061`.
    pub id: String,
    /// Source ids from `sources.csv`, in the order given.
    pub source_ids: Vec<String>,
    /// Confidence in the figure.
    pub confidence: Confidence,
    /// Where the row comes from.
    pub origin: Origin,
    /// Caveats in the fact base's own words (may be empty).
    pub note: String,
    /// Verbatim phrase from the seed article (empty for external rows).
    pub quote_zh: String,
    /// 1-based line of the row in its shipped file, for error messages.
    pub line: usize,
}

impl Meta {
    /// Reads `id`, `source_id`, `confidence`, `origin`, `note` and `quote_zh`.
    pub fn from_row(row: &Row<'_>) -> Result<Self, DataError> {
        Ok(Self {
            id: row.required("id")?.trim().to_owned(),
            source_ids: split_ids(row.str("source_id")),
            confidence: parse_enum(row, "confidence", Confidence::parse)?,
            origin: parse_enum(row, "origin", Origin::parse)?,
            note: row.string("note"),
            quote_zh: row.string("quote_zh"),
            line: row.line(),
        })
    }

    /// True for seed-only or derived rows, which the app marks visibly.
    pub fn needs_caveat(&self) -> bool {
        matches!(self.origin, Origin::Derived | Origin::Seed) || self.confidence <= Confidence::Low
    }
}

/// Splits a `;`-separated id list, dropping blanks.
pub fn split_ids(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The distinct ids among `ids`, sorted: the source line of a chart or a list that cites
/// several rows names each source once.
pub fn distinct_ids<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = ids.into_iter().collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Parses a required enum cell, naming the column on failure.
pub fn parse_enum<T>(
    row: &Row<'_>,
    column: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T, DataError> {
    let s = row.str(column);
    parse(s).ok_or_else(|| row.error(column, ErrorKind::Unknown(s.to_owned())))
}

/// Parses a required date cell.
pub fn parse_date(row: &Row<'_>, column: &str) -> Result<crate::period::Date, DataError> {
    let s = row.str(column);
    crate::period::Date::parse(s)
        .ok_or_else(|| row.error(column, ErrorKind::BadPeriod(s.to_owned())))
}

/// Parses a required calendar period cell.
pub fn parse_period(row: &Row<'_>, column: &str) -> Result<crate::period::Period, DataError> {
    let s = row.str(column);
    crate::period::Period::parse(s)
        .ok_or_else(|| row.error(column, ErrorKind::BadPeriod(s.to_owned())))
}
