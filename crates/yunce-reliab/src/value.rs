//! Parameter values that carry where they come from: a row of the fact base, an
//! assumption of ours, or the user's own input.

use serde::{Deserialize, Serialize};

/// Confidence of a sourced figure, as the fact base grades it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Seen only in the seed article and not corroborated.
    Unverified,
    /// Weak site, estimate, or derivation with a weak input.
    Low,
    /// One reasonable secondary report, or a clean derivation.
    Medium,
    /// Primary source, or several independent reports agree.
    High,
}

impl From<yunce_data::Confidence> for Confidence {
    fn from(c: yunce_data::Confidence) -> Self {
        match c {
            yunce_data::Confidence::High => Self::High,
            yunce_data::Confidence::Medium => Self::Medium,
            yunce_data::Confidence::Low => Self::Low,
            yunce_data::Confidence::Unverified | yunce_data::Confidence::MediumUnverified => {
                Self::Unverified
            }
        }
    }
}

/// Where a parameter value comes from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A row of `reliability_params.csv` or `outages.csv`.
    Source {
        /// Row id, e.g. `RP-018` or `OUT-001`.
        row: String,
        /// Source ids of that row, e.g. `S266`.
        sources: Vec<String>,
        /// The row's confidence.
        confidence: Confidence,
        /// How the value follows from the row when it is not the row's value verbatim.
        derivation: String,
    },
    /// A value with no source: our choice, shown as an assumption and editable.
    Assumption {
        /// Why this value was chosen.
        reason: String,
    },
    /// A value the user typed.
    #[default]
    User,
}

/// A number with its provenance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Value {
    /// The number, in the unit its field name states.
    pub value: f64,
    /// Where it comes from; a scenario file may leave it out for the user's own numbers.
    #[serde(default)]
    pub basis: Basis,
}

impl Value {
    /// A value the user typed.
    pub fn user(value: f64) -> Self {
        Self {
            value,
            basis: Basis::User,
        }
    }

    /// A value we assume, with the reason.
    pub fn assumed(value: f64, reason: &str) -> Self {
        Self {
            value,
            basis: Basis::Assumption {
                reason: reason.to_owned(),
            },
        }
    }

    /// Whether the value has no source (an assumption or the user's input).
    pub fn is_unsourced(&self) -> bool {
        !matches!(self.basis, Basis::Source { .. })
    }
}

impl From<f64> for Value {
    fn from(value: f64) -> Self {
        Self::user(value)
    }
}
