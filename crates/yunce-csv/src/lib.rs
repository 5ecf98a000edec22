//! CSV for every file Yunce writes or reads back: an RFC 4180 writer that also defuses
//! spreadsheet formulas, and an RFC 4180 reader whose errors name the row and the column.
//!
//! No dependencies and no IO, so engines, command lines and the wasm app share one
//! implementation and one set of rules.
//!
//! Writing ([`write_field`], [`write_record`], [`text`]):
//! * a field that holds `,`, `"`, CR or LF is quoted, with quotes doubled;
//! * a field that starts with `=`, `+`, `-`, `@`, a tab or a CR and is not a plain number
//!   gets a leading `'` (OWASP's advice against CSV injection), then is quoted as needed;
//! * records end with LF, as the command lines always wrote; the reader takes CRLF too.
//!
//! Reading ([`parse_records`], [`parse`]) gives every cell back as written: a defused cell
//! keeps its `'`, which is what a spreadsheet shows.

mod read;
mod write;

pub use read::{Error, ErrorKind, Record, Table, parse, parse_records};
pub use write::{field, is_plain_number, needs_defusing, text, write_field, write_record};
