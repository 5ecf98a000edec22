//! A number with its provenance: where a default comes from and how far to trust it.

use serde::{Deserialize, Serialize};

/// How far a sourced figure can be trusted (the fact base's `confidence` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Confidence {
    /// Estimate, weak site, or a derivation with a weak input.
    Low,
    /// One reasonable secondary report, or a clean derivation.
    Medium,
    /// Primary source, or several independent reports agree.
    High,
}

impl From<yunce_data::Confidence> for Confidence {
    fn from(c: yunce_data::Confidence) -> Self {
        use yunce_data::Confidence as C;
        match c {
            C::High => Self::High,
            C::Medium => Self::Medium,
            C::Low | C::Unverified | C::MediumUnverified => Self::Low,
        }
    }
}

/// Where a value comes from. A view shows a source chip for `Sourced` and `Derived`, and
/// an "assumption" badge for the others.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Origin {
    /// Taken from the fact base as reported (possibly converted at the FX assumption).
    Sourced,
    /// Our arithmetic on sourced rows (for example a server price minus eight cards).
    Derived,
    /// No source: a value we chose so the model can run. The user should edit it.
    #[default]
    Assumption,
    /// Entered or imported by the user.
    User,
}

/// Provenance of a value: fact-base rows and sources, confidence, and a short note.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Provenance {
    /// Sourced, derived, assumption or user.
    pub origin: Origin,
    /// Fact-base row ids (`PP-019`, `AC-005`), in the order they were used.
    pub rows: Vec<String>,
    /// Source ids (`S200`) that a view links to /sources.
    pub sources: Vec<String>,
    /// Confidence of the weakest input; `None` for assumptions and user values.
    pub confidence: Option<Confidence>,
    /// Why the value is what it is, in one sentence.
    pub note: String,
}

impl Provenance {
    /// A value with no source.
    pub fn assumption(note: &str) -> Self {
        Self {
            origin: Origin::Assumption,
            note: note.to_owned(),
            ..Self::default()
        }
    }

    /// A value the user typed or imported.
    pub fn user() -> Self {
        Self {
            origin: Origin::User,
            ..Self::default()
        }
    }

    /// True when no source backs the value (assumption or user input).
    pub fn is_assumption(&self) -> bool {
        matches!(self.origin, Origin::Assumption | Origin::User)
    }
}

/// A model input: the value used, a reported range when there is one, and provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Param {
    /// The value the solver uses.
    pub value: f64,
    /// Low end of a reported range (`12000-15000` keeps 12000 here).
    // Always written (no `skip_serializing_if`) so that postcard worker messages,
    // which are not self-describing, read back.
    #[serde(default)]
    pub low: Option<f64>,
    /// High end of a reported range.
    #[serde(default)]
    pub high: Option<f64>,
    /// Where the value comes from.
    #[serde(default)]
    pub provenance: Provenance,
}

impl Param {
    /// A value with the given provenance and no range.
    pub fn new(value: f64, provenance: Provenance) -> Self {
        Self {
            value,
            low: None,
            high: None,
            provenance,
        }
    }

    /// An assumption (no source).
    pub fn assumed(value: f64, note: &str) -> Self {
        Self::new(value, Provenance::assumption(note))
    }

    /// A user value (typed or imported).
    pub fn user(value: f64) -> Self {
        Self::new(value, Provenance::user())
    }

    /// A reported range; the solver uses its midpoint.
    pub fn range(low: f64, high: f64, provenance: Provenance) -> Self {
        Self {
            value: (low + high) / 2.0,
            low: Some(low),
            high: Some(high),
            provenance,
        }
    }

    /// The same parameter with every figure multiplied by `factor` (unit conversion).
    pub fn scaled(mut self, factor: f64) -> Self {
        self.value *= factor;
        self.low = self.low.map(|v| v * factor);
        self.high = self.high.map(|v| v * factor);
        self
    }

    /// The reported range, when the source gives one.
    pub fn reported_range(&self) -> Option<(f64, f64)> {
        self.low.zip(self.high)
    }
}

/// Parses a fact-base cell: a number (`120000`, `1,400,000`), a range (`12000-15000`,
/// `256-320 (reported range)`) or an estimate (`~780-800 (estimate)`). Returns
/// `(low, high)`, equal for a single number; `None` when the cell holds no number.
pub fn parse_cell(cell: &str) -> Option<(f64, f64)> {
    let s = cell.trim().trim_start_matches('~').trim();
    // Keep the leading numeric part: digits, separators, one dash for a range.
    let head: String = s
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
        .collect();
    let head = head.trim_end_matches(['-', ',']);
    let number = |t: &str| yunce_data::csv::parse_number(t).filter(|v| *v >= 0.0);
    match head.split_once('-') {
        Some((a, b)) => {
            let (lo, hi) = (number(a)?, number(b)?);
            (lo <= hi).then_some((lo, hi))
        }
        None => number(head).map(|v| (v, v)),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_cell;

    #[test]
    fn cells() {
        assert_eq!(parse_cell("120000"), Some((120000.0, 120000.0)));
        assert_eq!(parse_cell("12000-15000"), Some((12000.0, 15000.0)));
        assert_eq!(parse_cell("256-320 (reported range)"), Some((256.0, 320.0)));
        assert_eq!(parse_cell("~780-800 (estimate)"), Some((780.0, 800.0)));
        assert_eq!(
            parse_cell("64 (reported; one source says 32)"),
            Some((64.0, 64.0))
        );
        assert_eq!(parse_cell("1,400,000"), Some((1_400_000.0, 1_400_000.0)));
        assert_eq!(parse_cell(""), None);
        assert_eq!(parse_cell("not captured"), None);
    }
}
