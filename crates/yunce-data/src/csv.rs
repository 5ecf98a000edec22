//! The fact base's CSV tables.
//!
//! Records come from `yunce-csv`, the workspace's dependency-free RFC 4180 reader, so the
//! wasm build carries no serde or csv crate. It handles quoted fields, doubled quotes, and
//! commas and newlines inside quotes. Every error names the file, the 1-based line and,
//! where known, the column.

use crate::error::{DataError, ErrorKind};

/// A parsed CSV file: its header and its data rows.
#[derive(Debug, Clone)]
pub struct Table {
    /// File name used in error messages, e.g. `market_share.csv`.
    pub file: &'static str,
    /// Column names from the first record.
    pub headers: Vec<String>,
    /// Data records, in file order.
    pub rows: Vec<Record>,
}

/// One data record with the line it starts on.
#[derive(Debug, Clone)]
pub struct Record {
    /// 1-based line number where the record starts (the header is line 1).
    pub line: usize,
    /// Field values, one per header column.
    pub fields: Vec<String>,
}

/// Parses `text` as CSV. The first record is the header; every other record must
/// have as many fields as the header.
pub fn parse(file: &'static str, text: &str) -> Result<Table, DataError> {
    let mut records = split_records(file, text)?;
    if records.is_empty() {
        return Err(DataError::new(file, 1, None, ErrorKind::Empty));
    }
    let header = records.remove(0);
    let headers = header.fields;
    for rec in &records {
        if rec.fields.len() != headers.len() {
            return Err(DataError::new(
                file,
                rec.line,
                None,
                ErrorKind::FieldCount {
                    expected: headers.len(),
                    found: rec.fields.len(),
                },
            ));
        }
    }
    Ok(Table {
        file,
        headers,
        rows: records,
    })
}

/// Splits text into records with the workspace's one RFC 4180 reader, keeping this crate's
/// errors: the file, the line the record starts on, and the kind.
fn split_records(file: &'static str, text: &str) -> Result<Vec<Record>, DataError> {
    let records = yunce_csv::parse_records(text).map_err(|e| {
        let kind = match e.kind {
            yunce_csv::ErrorKind::UnclosedQuote => ErrorKind::UnclosedQuote,
            // parse_records reports only quote problems; the field count is checked here.
            _ => ErrorKind::StrayQuote,
        };
        DataError::new(file, e.line, None, kind)
    })?;
    Ok(records
        .into_iter()
        .map(|r| Record {
            line: r.line,
            fields: r.fields,
        })
        .collect())
}

/// A record seen through its table's header, for typed field access.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    table: &'a Table,
    record: &'a Record,
}

impl Table {
    /// Iterates over the records as [`Row`]s.
    pub fn iter(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(move |record| Row {
            table: self,
            record,
        })
    }

    /// Fails unless every named column exists, so a renamed column is caught once.
    pub fn require(&self, columns: &[&str]) -> Result<(), DataError> {
        for col in columns {
            if !self.headers.iter().any(|h| h == col) {
                return Err(DataError::new(
                    self.file,
                    1,
                    Some(col),
                    ErrorKind::MissingColumn,
                ));
            }
        }
        Ok(())
    }
}

impl<'a> Row<'a> {
    /// The record's 1-based starting line.
    pub fn line(&self) -> usize {
        self.record.line
    }

    /// Builds an error located at this row and `column`.
    pub fn error(&self, column: &str, kind: ErrorKind) -> DataError {
        DataError::new(self.table.file, self.record.line, Some(column), kind)
    }

    /// The raw text of `column` (empty when the column is absent).
    pub fn str(&self, column: &str) -> &'a str {
        self.table
            .headers
            .iter()
            .position(|h| h == column)
            .and_then(|i| self.record.fields.get(i))
            .map_or("", String::as_str)
    }

    /// The text of `column`, or an error when it is empty.
    pub fn required(&self, column: &str) -> Result<&'a str, DataError> {
        let s = self.str(column);
        if s.trim().is_empty() {
            Err(self.error(column, ErrorKind::Empty))
        } else {
            Ok(s)
        }
    }

    /// `column` as an owned string.
    pub fn string(&self, column: &str) -> String {
        self.str(column).to_owned()
    }

    /// An optional number: empty means "not found" (`None`), never zero.
    pub fn opt_f64(&self, column: &str) -> Result<Option<f64>, DataError> {
        let s = self.str(column).trim();
        if s.is_empty() {
            return Ok(None);
        }
        parse_number(s)
            .map(Some)
            .ok_or_else(|| self.error(column, ErrorKind::BadNumber(s.to_owned())))
    }

    /// An optional number where the cell may hold a range or estimate text: such
    /// cells give `None` here and are kept raw by the caller.
    pub fn lenient_f64(&self, column: &str) -> Option<f64> {
        parse_number(self.str(column).trim())
    }

    /// A required number.
    pub fn f64(&self, column: &str) -> Result<f64, DataError> {
        self.opt_f64(column)?
            .ok_or_else(|| self.error(column, ErrorKind::Empty))
    }
}

/// Parses a plain decimal; thousands separators are allowed, words are not.
pub fn parse_number(s: &str) -> Option<f64> {
    let cleaned: String = s.chars().filter(|c| *c != ',').collect();
    if cleaned.is_empty()
        || !cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || "+-.eE".contains(c))
    {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_and_newlines() {
        let t = parse(
            "t.csv",
            "a,b\n\"x, y\",\"he said \"\"hi\"\"\"\n\"multi\nline\",2\n",
        )
        .unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].fields, ["x, y", "he said \"hi\""]);
        assert_eq!(t.rows[1].fields, ["multi\nline", "2"]);
        assert_eq!(t.rows[1].line, 3);
    }

    #[test]
    fn crlf_and_no_trailing_newline() {
        let t = parse("t.csv", "a,b\r\n1,\r\n2,3").unwrap();
        assert_eq!(t.rows[0].fields, ["1", ""]);
        assert_eq!(t.rows[1].fields, ["2", "3"]);
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = parse("t.csv", "a,b\n1,2\n3\n").unwrap_err();
        assert_eq!((e.file, e.line), ("t.csv", 3));
        let e = parse("t.csv", "a\n\"open\n").unwrap_err();
        assert!(matches!(e.kind, ErrorKind::UnclosedQuote));
        let e = parse("t.csv", "a\n\"x\"y\n").unwrap_err();
        assert!(matches!(e.kind, ErrorKind::StrayQuote));
        // The line is where the bad record starts, after a record with a line break inside.
        let e = parse("t.csv", "a\n\"x\ny\"\n\"open\n").unwrap_err();
        assert_eq!((e.line, &e.kind), (4, &ErrorKind::UnclosedQuote));
        assert_eq!(
            e.to_string(),
            DataError::new("t.csv", 4, None, ErrorKind::UnclosedQuote).to_string()
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("1,409"), Some(1409.0));
        assert_eq!(parse_number("-2.9"), Some(-2.9));
        assert_eq!(parse_number("12-15"), None);
        assert_eq!(parse_number("about 5"), None);
    }
}
