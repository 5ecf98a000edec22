//! Checks of single values: each returns the number or an error naming the field.

use crate::error::{Problem, ScenarioError};
use crate::value::Value;

pub(crate) fn finite(path: &str, v: f64) -> Result<f64, ScenarioError> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(ScenarioError::new(path, Problem::NotFinite))
    }
}

pub(crate) fn positive(path: &str, v: &Value) -> Result<f64, ScenarioError> {
    let x = finite(path, v.value)?;
    if x > 0.0 {
        Ok(x)
    } else {
        Err(ScenarioError::new(path, Problem::NotPositive(x)))
    }
}

pub(crate) fn non_negative(path: &str, v: &Value) -> Result<f64, ScenarioError> {
    let x = finite(path, v.value)?;
    if x >= 0.0 {
        Ok(x)
    } else {
        Err(ScenarioError::new(path, Problem::Negative(x)))
    }
}

pub(crate) fn probability(path: &str, v: &Value) -> Result<f64, ScenarioError> {
    let x = finite(path, v.value)?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(ScenarioError::new(path, Problem::ProbabilityOutOfRange(x)))
    }
}

pub(crate) fn too_large(path: &str, found: u64, limit: u64) -> ScenarioError {
    ScenarioError::new(path, Problem::TooLarge { found, limit })
}
