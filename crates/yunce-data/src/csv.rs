//! A small RFC 4180 CSV reader.
//!
//! Hand-written so the wasm build carries no serde or csv crate. It handles quoted
//! fields, doubled quotes, and commas and newlines inside quotes. Every error names
//! the file, the 1-based line and, where known, the column.

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

/// Splits text into records, tracking the starting line of each.
fn split_records(file: &'static str, text: &str) -> Result<Vec<Record>, DataError> {
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1usize;
    let mut record_line = 1usize;
    let mut in_quotes = false;
    // True once the current field began with a quote; text after the closing quote is an error.
    let mut quoted = false;
    let mut after_quote = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    in_quotes = false;
                    after_quote = true;
                }
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            ',' => {
                fields.push(std::mem::take(&mut field));
                quoted = false;
                after_quote = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                out.push(Record {
                    line: record_line,
                    fields: std::mem::take(&mut fields),
                });
                quoted = false;
                after_quote = false;
                line += 1;
                record_line = line;
            }
            '"' if field.is_empty() && !quoted => {
                in_quotes = true;
                quoted = true;
            }
            _ => {
                if after_quote || c == '"' {
                    return Err(DataError::new(
                        file,
                        record_line,
                        None,
                        ErrorKind::StrayQuote,
                    ));
                }
                field.push(c);
            }
        }
    }
    if in_quotes {
        return Err(DataError::new(
            file,
            record_line,
            None,
            ErrorKind::UnclosedQuote,
        ));
    }
    if !field.is_empty() || !fields.is_empty() || quoted {
        fields.push(field);
        out.push(Record {
            line: record_line,
            fields,
        });
    }
    Ok(out)
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
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("1,409"), Some(1409.0));
        assert_eq!(parse_number("-2.9"), Some(-2.9));
        assert_eq!(parse_number("12-15"), None);
        assert_eq!(parse_number("about 5"), None);
    }
}
