//! The reader: RFC 4180 records with quoted fields, doubled quotes, commas and line breaks
//! inside quotes, and LF or CRLF endings. It runs in one pass over the text.

use std::fmt;

/// What is wrong with the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// A quoted field is still open at the end of the text.
    UnclosedQuote,
    /// A quote inside an unquoted field, or text after a closing quote.
    StrayQuote,
    /// A record has a different number of fields from the header.
    FieldCount {
        /// Fields in the header.
        expected: usize,
        /// Fields in this record.
        found: usize,
    },
    /// The text has no header record.
    Empty,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::UnclosedQuote => write!(f, "a quoted field is never closed"),
            ErrorKind::StrayQuote => write!(
                f,
                "a quote inside an unquoted field or after a closing quote"
            ),
            ErrorKind::FieldCount { expected, found } => {
                write!(f, "expected {expected} fields, found {found}")
            }
            ErrorKind::Empty => write!(f, "the file is empty: expected a header record"),
        }
    }
}

/// A problem at one place in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// 1-based record number (the header is row 1).
    pub row: usize,
    /// 1-based line on which that record starts.
    pub line: usize,
    /// 1-based field number within the record.
    pub column: usize,
    /// What is wrong.
    pub kind: ErrorKind,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "row {} (line {}), column {}: {}",
            self.row, self.line, self.column, self.kind
        )
    }
}

impl std::error::Error for Error {}

/// One record and the line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// 1-based line on which the record starts.
    pub line: usize,
    /// The cells, exactly as written (quotes removed, doubled quotes undone).
    pub fields: Vec<String>,
}

/// A file with a header: its column names and its data records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Cells of the first record.
    pub headers: Vec<String>,
    /// Every other record, each with as many fields as the header.
    pub rows: Vec<Record>,
}

/// Splits `text` into records. An empty line is a record of one empty field, as RFC 4180
/// reads it; a final line break does not start another record. A leading BOM is skipped.
pub fn parse_records(text: &str) -> Result<Vec<Record>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let (mut line, mut record_line) = (1usize, 1usize);
    let mut in_quotes = false;
    // Set once the field opened with a quote: only a separator may follow its closing quote.
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let fail = |out: &Vec<Record>, fields: &Vec<String>, line: usize, kind| Error {
        row: out.len() + 1,
        line,
        column: fields.len() + 1,
        kind,
    };
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
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
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                out.push(Record {
                    line: record_line,
                    fields: std::mem::take(&mut fields),
                });
                quoted = false;
                line += 1;
                record_line = line;
            }
            '"' if field.is_empty() && !quoted => {
                in_quotes = true;
                quoted = true;
            }
            _ if quoted || c == '"' => {
                return Err(fail(&out, &fields, record_line, ErrorKind::StrayQuote));
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(fail(&out, &fields, record_line, ErrorKind::UnclosedQuote));
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

/// Reads a file whose first record is the header; every other record must have as many
/// fields as the header.
pub fn parse(text: &str) -> Result<Table, Error> {
    let mut records = parse_records(text)?.into_iter();
    let Some(header) = records.next() else {
        return Err(Error {
            row: 1,
            line: 1,
            column: 1,
            kind: ErrorKind::Empty,
        });
    };
    let headers = header.fields;
    let rows: Vec<Record> = records.collect();
    for (i, r) in rows.iter().enumerate() {
        if r.fields.len() != headers.len() {
            return Err(Error {
                row: i + 2,
                line: r.line,
                column: r.fields.len().min(headers.len()) + 1,
                kind: ErrorKind::FieldCount {
                    expected: headers.len(),
                    found: r.fields.len(),
                },
            });
        }
    }
    Ok(Table { headers, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<Vec<String>> {
        match parse_records(text) {
            Ok(r) => r.into_iter().map(|r| r.fields).collect(),
            Err(e) => vec![vec![format!("error: {e}")]],
        }
    }

    #[test]
    fn quotes_commas_and_newlines() {
        assert_eq!(
            cells("a,b\n\"x, y\",\"he said \"\"hi\"\"\"\n\"multi\nline\",2\n"),
            [
                vec!["a", "b"],
                vec!["x, y", "he said \"hi\""],
                vec!["multi\nline", "2"]
            ]
        );
        let r = parse_records("a\n\"x\ny\"\nz").unwrap_or_default();
        assert_eq!(r.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 2, 4]);
    }

    #[test]
    fn crlf_bom_empty_lines_and_no_final_newline() {
        assert_eq!(
            cells("\u{feff}a,b\r\n1,\r\n\r\n2,3"),
            [vec!["a", "b"], vec!["1", ""], vec![""], vec!["2", "3"]]
        );
        assert_eq!(cells("\"\""), [vec![""]]);
        assert!(cells("").is_empty());
        assert_eq!(cells("lone\rcr\n"), [vec!["lone\rcr"]]);
    }

    #[test]
    fn errors_name_row_line_and_column() {
        let e = parse_records("a,b\nc,\"open\nmore").err();
        assert_eq!(
            e,
            Some(Error {
                row: 2,
                line: 2,
                column: 2,
                kind: ErrorKind::UnclosedQuote
            })
        );
        let e = parse_records("a,b\n1,x\"y\n").err();
        assert_eq!(
            e.map(|e| (e.row, e.column, e.kind)),
            Some((2, 2, ErrorKind::StrayQuote))
        );
        let e = parse_records("\"x\"y\n").err();
        assert_eq!(e.map(|e| e.kind), Some(ErrorKind::StrayQuote));
        let e = parse("a,b\n1,2\n\"q\nq\",2\n3\n").err();
        assert_eq!(
            e.as_ref().map(ToString::to_string).as_deref(),
            Some("row 4 (line 5), column 2: expected 2 fields, found 1")
        );
        assert_eq!(parse("").err().map(|e| e.kind), Some(ErrorKind::Empty));
    }
}
