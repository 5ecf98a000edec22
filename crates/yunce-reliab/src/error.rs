//! Why a scenario was rejected: the field path and the reason.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A problem that makes a result meaningless.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Problem {
    /// A number is NaN or infinite.
    NotFinite,
    /// A number that must be positive is zero or negative.
    NotPositive(f64),
    /// A number that must not be negative is.
    Negative(f64),
    /// Mean repair (or response) time is zero: nothing would ever be down.
    ZeroRepairTime,
    /// Mean up-time is not longer than mean repair time.
    MtbfNotAboveMttr {
        /// Mean up-time in hours.
        mtbf_hours: f64,
        /// Mean repair time in hours.
        mttr_hours: f64,
    },
    /// A k-of-n structure asks for more blocks than it has.
    KAboveN {
        /// Blocks required.
        k: u32,
        /// Blocks present.
        n: u32,
    },
    /// A k-of-n structure with k = 0 is always up.
    KZero,
    /// A probability or share outside 0 to 1.
    ProbabilityOutOfRange(f64),
    /// A lognormal sigma above the supported 4 (the mean would be dominated by the tail).
    SigmaTooLarge(f64),
    /// A structure or list that must not be empty is.
    Empty,
    /// A name that no component (or change process) has.
    UnknownName(String),
    /// Two components (or change processes) share a name.
    DuplicateName(String),
    /// Customer shares add up to more than 1.
    SharesAboveOne(f64),
    /// A scripted incident starts outside the year.
    OutsideYear(f64),
    /// More than the engine accepts (years, components, nesting).
    TooLarge {
        /// What was counted.
        found: u64,
        /// The limit.
        limit: u64,
    },
}

/// A rejected scenario: where, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioError {
    /// Path of the field, e.g. `components[3].repair`.
    pub path: String,
    /// What is wrong with it.
    pub problem: Problem,
}

impl ScenarioError {
    /// An error at `path`.
    pub fn new(path: impl Into<String>, problem: Problem) -> Self {
        Self {
            path: path.into(),
            problem,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFinite => write!(f, "is not a finite number"),
            Self::NotPositive(v) => write!(f, "must be positive, got {v}"),
            Self::Negative(v) => write!(f, "must not be negative, got {v}"),
            Self::ZeroRepairTime => write!(f, "MTTR is 0, so nothing would ever be down"),
            Self::MtbfNotAboveMttr {
                mtbf_hours,
                mttr_hours,
            } => write!(
                f,
                "MTBF ({mtbf_hours} h) must exceed MTTR ({mttr_hours} h); the component would be down more than up"
            ),
            Self::KAboveN { k, n } => write!(f, "k = {k} exceeds n = {n}"),
            Self::KZero => write!(f, "k must be at least 1"),
            Self::ProbabilityOutOfRange(v) => write!(f, "must lie in [0, 1], got {v}"),
            Self::SigmaTooLarge(v) => write!(f, "sigma {v} exceeds 4"),
            Self::Empty => write!(f, "must not be empty"),
            Self::UnknownName(n) => write!(f, "names unknown '{n}'"),
            Self::DuplicateName(n) => write!(f, "repeats the name '{n}'"),
            Self::SharesAboveOne(s) => write!(f, "customer shares add up to {s}, above 1"),
            Self::OutsideYear(h) => write!(f, "hour {h} is outside 0..8760"),
            Self::TooLarge { found, limit } => write!(f, "{found} exceeds the limit of {limit}"),
        }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}

impl std::error::Error for ScenarioError {}
