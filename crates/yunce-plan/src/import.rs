//! Import of a user chip catalogue from CSV. Every bad cell is reported with its row and
//! column; nothing is guessed from a malformed cell.
//!
//! Columns (header names, any order): `id`, `name`, `tdp_w`, `cards_per_server` and
//! `unit_price_rmb` are required; `vendor`, `domestic` (true/false/yes/no/1/0),
//! `fp16_tflops`, `int8_tops`, `memory_gb`, `server_overhead_w`, `server_price_rmb`,
//! `supply_cap_cards`, `available_from` and `blocked_from` (YYYY-MM-DD) are optional. A
//! number may be a range `low-high`; the model uses its midpoint.

use std::fmt;

use serde::{Deserialize, Serialize};

use yunce_data::Date;
use yunce_data::csv::{Row, parse};

use crate::param::{Param, Provenance};
use crate::scenario::Chip;

/// One problem in an imported file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportError {
    /// 1-based line (the header is line 1).
    pub line: usize,
    /// Column name, when the problem is one cell.
    pub column: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {}", self.line)?;
        if let Some(c) = &self.column {
            write!(f, ", column {c}")?;
        }
        write!(f, ": {}", self.message)
    }
}

const REQUIRED: [&str; 5] = ["id", "name", "tdp_w", "cards_per_server", "unit_price_rmb"];

/// Parses a strict number or `low-high` range, both at least zero.
fn strict(cell: &str) -> Result<Option<Param>, String> {
    let s = cell.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let number = |t: &str| match yunce_data::csv::parse_number(t.trim()) {
        Some(v) if v >= 0.0 => Ok(v),
        Some(v) => Err(format!("must be at least 0, got {v}")),
        None => Err(format!("not a number: {t:?}")),
    };
    // A leading minus is a negative number, not a range.
    match s.get(1..).and_then(|rest| rest.find('-')).map(|i| i + 1) {
        Some(i) => {
            let (lo, hi) = (number(&s[..i])?, number(&s[i + 1..])?);
            if lo > hi {
                return Err(format!(
                    "range {lo}-{hi} has its low end above its high end"
                ));
            }
            Ok(Some(Param::range(lo, hi, Provenance::user())))
        }
        None => number(s).map(|v| Some(Param::user(v))),
    }
}

struct Reader<'a> {
    errors: &'a mut Vec<ImportError>,
    line: usize,
}

impl Reader<'_> {
    fn fail(&mut self, column: &str, message: String) {
        self.errors.push(ImportError {
            line: self.line,
            column: Some(column.to_owned()),
            message,
        });
    }

    fn number(&mut self, row: &Row<'_>, column: &str) -> Option<Param> {
        strict(row.str(column)).unwrap_or_else(|m| {
            self.fail(column, m);
            None
        })
    }

    fn required(&mut self, row: &Row<'_>, column: &str) -> Param {
        let p = self.number(row, column);
        if p.is_none() && row.str(column).trim().is_empty() {
            self.fail(column, "empty value".to_owned());
        }
        p.unwrap_or_else(|| Param::user(0.0))
    }

    fn date(&mut self, row: &Row<'_>, column: &str) -> Option<String> {
        let s = row.str(column).trim();
        if s.is_empty() {
            return None;
        }
        if s.len() != 10 || Date::parse(s).is_none() {
            self.fail(column, format!("not a date YYYY-MM-DD: {s:?}"));
            return None;
        }
        Some(s.to_owned())
    }
}

/// Parses a chip catalogue. On any problem, returns every problem found (not just the
/// first), each with its row and column.
pub fn import_chips(text: &str) -> Result<Vec<Chip>, Vec<ImportError>> {
    let table = parse("chip catalogue", text).map_err(|e| {
        vec![ImportError {
            line: e.line,
            column: e.column.clone(),
            message: e.kind.to_string(),
        }]
    })?;
    let mut errors = Vec::new();
    for col in REQUIRED {
        if !table.headers.iter().any(|h| h.trim() == col) {
            errors.push(ImportError {
                line: 1,
                column: Some(col.to_owned()),
                message: "missing column".to_owned(),
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut chips: Vec<Chip> = Vec::new();
    for row in table.iter() {
        let mut r = Reader {
            errors: &mut errors,
            line: row.line(),
        };
        let id = row.str("id").trim().to_owned();
        if id.is_empty() {
            r.fail("id", "empty value".to_owned());
        } else if chips.iter().any(|c| c.id == id) {
            r.fail("id", format!("duplicate id {id:?}"));
        }
        let name = row.str("name").trim().to_owned();
        if name.is_empty() {
            r.fail("name", "empty value".to_owned());
        }
        let domestic = match row.str("domestic").trim().to_ascii_lowercase().as_str() {
            "" | "false" | "no" | "0" => false,
            "true" | "yes" | "1" => true,
            other => {
                r.fail("domestic", format!("expected true or false, got {other:?}"));
                false
            }
        };
        let fp16 = r.number(&row, "fp16_tflops");
        let int8 = r.number(&row, "int8_tops");
        if fp16.is_none()
            && int8.is_none()
            && row.str("fp16_tflops").trim().is_empty()
            && row.str("int8_tops").trim().is_empty()
        {
            r.fail("fp16_tflops", "needs fp16_tflops or int8_tops".to_owned());
        }
        let cards = r.required(&row, "cards_per_server");
        if cards.value.fract() != 0.0 || cards.value < 1.0 {
            r.fail(
                "cards_per_server",
                format!("must be a whole number of at least 1, got {}", cards.value),
            );
        }
        let default = |v: f64, what: &str| {
            Param::assumed(v, &format!("{what} not in the import; default value."))
        };
        chips.push(Chip {
            id,
            name,
            vendor: row.str("vendor").trim().to_owned(),
            domestic,
            fp16_tflops: fp16,
            int8_tops: int8,
            memory_gb: r.number(&row, "memory_gb"),
            tdp_w: r.required(&row, "tdp_w"),
            cards_per_server: cards,
            server_overhead_w: r
                .number(&row, "server_overhead_w")
                .unwrap_or_else(|| default(4600.0, "Server overhead")),
            server_price_rmb: r
                .number(&row, "server_price_rmb")
                .unwrap_or_else(|| default(520_000.0, "Server price")),
            unit_price_rmb: r.required(&row, "unit_price_rmb"),
            supply_cap_cards: r.number(&row, "supply_cap_cards"),
            available_from: r.date(&row, "available_from"),
            blocked_from: r.date(&row, "blocked_from"),
            blocked_by: None,
            never_sold_in_china: false,
            allowed_override: None,
        });
    }
    if errors.is_empty() {
        Ok(chips)
    } else {
        Err(errors)
    }
}
