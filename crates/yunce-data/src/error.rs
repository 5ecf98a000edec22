//! Errors that name the file, row and column of bad data.

use std::fmt;

/// What went wrong in a data file.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    /// A required cell (or the whole file) is empty.
    Empty,
    /// A record has the wrong number of fields.
    FieldCount {
        /// Fields in the header.
        expected: usize,
        /// Fields in this record.
        found: usize,
    },
    /// A quoted field never closes.
    UnclosedQuote,
    /// A quote appears inside an unquoted field or after a closing quote.
    StrayQuote,
    /// The header lacks a column the loader needs.
    MissingColumn,
    /// A cell that must be a number is not.
    BadNumber(String),
    /// A cell holds a value outside its allowed set (enum, slug, unit).
    Unknown(String),
    /// A period or date does not parse.
    BadPeriod(String),
    /// A source id does not resolve in `sources.csv`.
    UnknownSource(String),
    /// A row id is repeated or lacks the file's prefix.
    BadId(String),
    /// A share lies outside 0–100.
    OutOfRange(f64),
    /// A referenced row id does not exist.
    UnknownRow(String),
    /// Two cells of one row disagree (e.g. fiscal period vs calendar dates).
    Mismatch(String),
}

/// An error located in a data file.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    /// File name, e.g. `market_share.csv`.
    pub file: &'static str,
    /// 1-based line where the record starts.
    pub line: usize,
    /// Column name, when the error is about one cell.
    pub column: Option<String>,
    /// What went wrong.
    pub kind: ErrorKind,
}

impl DataError {
    /// Creates an error at `file`, `line` and optional `column`.
    pub fn new(file: &'static str, line: usize, column: Option<&str>, kind: ErrorKind) -> Self {
        Self {
            file,
            line,
            column: column.map(str::to_owned),
            kind,
        }
    }
}

/// A validation finding; same shape as a load error.
pub type ValidationError = DataError;

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "empty value"),
            Self::FieldCount { expected, found } => {
                write!(f, "expected {expected} fields, found {found}")
            }
            Self::UnclosedQuote => write!(f, "unclosed quote"),
            Self::StrayQuote => write!(f, "stray quote"),
            Self::MissingColumn => write!(f, "missing column"),
            Self::BadNumber(s) => write!(f, "not a number: {s:?}"),
            Self::Unknown(s) => write!(f, "unknown value: {s:?}"),
            Self::BadPeriod(s) => write!(f, "bad period or date: {s:?}"),
            Self::UnknownSource(s) => write!(f, "unknown source id: {s:?}"),
            Self::BadId(s) => write!(f, "bad or duplicate id: {s:?}"),
            Self::OutOfRange(v) => write!(f, "share {v} outside 0-100"),
            Self::UnknownRow(s) => write!(f, "unknown row id: {s:?}"),
            Self::Mismatch(s) => write!(f, "inconsistent cells: {s}"),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: row {}", self.file, self.line)?;
        if let Some(c) = &self.column {
            write!(f, ", column {c}")?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl std::error::Error for DataError {}
