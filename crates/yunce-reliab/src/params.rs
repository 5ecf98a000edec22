//! Parameter rows from the fact base: `reliability_params.csv` and `outages.csv`, read
//! with yunce-data's CSV reader so a bad cell names its file, row and column.

use crate::value::{Basis, Confidence, Value};
use std::fmt;
use yunce_data::csv;

/// One row of `reliability_params.csv` or `outages.csv`, as far as presets need it.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamRow {
    /// Row id, e.g. `RP-018`.
    pub id: String,
    /// The value cell as written (`5`, `3-14`).
    pub text: String,
    /// The value when it is a plain number.
    pub number: Option<f64>,
    /// The bounds when the value is a range `a-b`.
    pub range: Option<(f64, f64)>,
    /// Unit as written.
    pub unit: String,
    /// Source ids.
    pub sources: Vec<String>,
    /// Confidence.
    pub confidence: Confidence,
}

/// Why a preset could not read its parameters.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamError {
    /// A data file does not parse.
    Data(yunce_data::DataError),
    /// A row a preset needs is missing.
    MissingRow(String),
    /// A row's value is not the kind of number the preset needs.
    NotANumber(String),
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Data(e) => write!(f, "{e}"),
            Self::MissingRow(id) => write!(f, "parameter row {id} is missing"),
            Self::NotANumber(id) => write!(f, "parameter row {id} has no usable number"),
        }
    }
}

impl std::error::Error for ParamError {}

impl From<yunce_data::DataError> for ParamError {
    fn from(e: yunce_data::DataError) -> Self {
        Self::Data(e)
    }
}

/// The parameter rows, in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    rows: Vec<ParamRow>,
}

fn parse_range(text: &str) -> Option<(f64, f64)> {
    let (a, b) = text.split_once('-')?;
    Some((csv::parse_number(a.trim())?, csv::parse_number(b.trim())?))
}

fn read(file: &'static str, text: &str, value_column: &str) -> Result<Vec<ParamRow>, ParamError> {
    let table = csv::parse(file, text)?;
    table.require(&["id", value_column, "source_id", "confidence"])?;
    table
        .iter()
        .map(|r| {
            let conf_text = r.required("confidence")?;
            let confidence = yunce_data::Confidence::parse(conf_text).ok_or_else(|| {
                r.error(
                    "confidence",
                    yunce_data::ErrorKind::Unknown(conf_text.to_owned()),
                )
            })?;
            let text = r.string(value_column);
            Ok(ParamRow {
                id: r.required("id")?.trim().to_owned(),
                number: csv::parse_number(text.trim()),
                range: parse_range(&text),
                text,
                unit: r.string("unit"),
                sources: r
                    .str("source_id")
                    .split(';')
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect(),
                confidence: confidence.into(),
            })
        })
        .collect()
}

impl Params {
    /// Reads the embedded `reliability_params.csv` and `outages.csv`.
    pub fn embedded() -> Result<Self, ParamError> {
        Self::parse(
            yunce_data::embedded::RELIABILITY_PARAMS,
            yunce_data::DataFiles::EMBEDDED.outages,
        )
    }

    /// Reads both files from text (tests feed bad input here).
    pub fn parse(reliability_params: &str, outages: &str) -> Result<Self, ParamError> {
        let mut rows = read("reliability_params.csv", reliability_params, "value")?;
        rows.extend(read("outages.csv", outages, "duration_minutes")?);
        Ok(Self { rows })
    }

    /// The row with this id.
    pub fn row(&self, id: &str) -> Result<&ParamRow, ParamError> {
        self.rows
            .iter()
            .find(|r| r.id == id)
            .ok_or_else(|| ParamError::MissingRow(id.to_owned()))
    }

    /// A row's own number, with its source.
    pub fn verbatim(&self, id: &str) -> Result<Value, ParamError> {
        let row = self.row(id)?;
        let value = row
            .number
            .ok_or_else(|| ParamError::NotANumber(id.to_owned()))?;
        Ok(sourced(row, value, ""))
    }

    /// A number derived from a row, with the derivation in words.
    pub fn derived(&self, id: &str, value: f64, derivation: &str) -> Result<Value, ParamError> {
        Ok(sourced(self.row(id)?, value, derivation))
    }

    /// The midpoint of a row's range `a-b`.
    pub fn midpoint(&self, id: &str) -> Result<Value, ParamError> {
        let row = self.row(id)?;
        let (a, b) = row
            .range
            .ok_or_else(|| ParamError::NotANumber(id.to_owned()))?;
        let derivation = format!("midpoint of the range {} {}", row.text, row.unit);
        Ok(sourced(row, (a + b) / 2.0, &derivation))
    }
}

fn sourced(row: &ParamRow, value: f64, derivation: &str) -> Value {
    Value {
        value,
        basis: Basis::Source {
            row: row.id.clone(),
            sources: row.sources.clone(),
            confidence: row.confidence,
            derivation: derivation.to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rows_read() {
        let p = Params::embedded().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(p.verbatim("RP-018").map(|v| v.value), Ok(5.0));
        assert_eq!(p.verbatim("OUT-001").map(|v| v.value), Ok(834.0));
        assert_eq!(p.midpoint("RP-039").map(|v| v.value), Ok(7.5));
        assert!(matches!(
            p.verbatim("OUT-005"),
            Err(ParamError::NotANumber(_))
        ));
    }

    #[test]
    fn bad_confidence_names_the_cell() {
        let text = "id,value,source_id,confidence\nRP-001,1,S1,sure\n";
        let outages = "id,duration_minutes,source_id,confidence\n";
        match Params::parse(text, outages) {
            Err(ParamError::Data(e)) => {
                assert_eq!((e.file, e.line), ("reliability_params.csv", 2));
                assert_eq!(e.column.as_deref(), Some("confidence"));
            }
            other => panic!("expected a data error, got {other:?}"),
        }
    }
}
