//! Checks of single values: each returns the number or an error naming the field.

use crate::compile::{Dist, MAX_SIGMA};
use crate::error::{Problem, ScenarioError};
use crate::model::Duration;
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

pub(crate) fn dist(path: &str, d: &Duration) -> Result<Dist, ScenarioError> {
    Ok(match d {
        Duration::Fixed { minutes } => {
            Dist::Fixed(non_negative(&format!("{path}.minutes"), minutes)? / 60.0)
        }
        Duration::Exponential { mean_minutes } => {
            Dist::Exponential(non_negative(&format!("{path}.mean_minutes"), mean_minutes)? / 60.0)
        }
        Duration::LogNormal {
            median_minutes,
            sigma,
        } => {
            let m = non_negative(&format!("{path}.median_minutes"), median_minutes)? / 60.0;
            let s = non_negative(&format!("{path}.sigma"), sigma)?;
            if s > MAX_SIGMA {
                return Err(ScenarioError::new(
                    format!("{path}.sigma"),
                    Problem::SigmaTooLarge(s),
                ));
            }
            Dist::LogNormal(m, s)
        }
    })
}

pub(crate) fn too_large(path: &str, found: u64, limit: u64) -> ScenarioError {
    ScenarioError::new(path, Problem::TooLarge { found, limit })
}
