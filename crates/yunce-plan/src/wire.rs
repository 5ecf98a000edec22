//! The messages between the planner view and its Web Worker: serde types sent as postcard
//! bytes, decoded strictly (a cut, padded or malformed message is an error, never a zero).
//!
//! The page sends one [`PlanRequest`]; a dropped file travels beside it as a `File`, so the
//! page never reads it. The worker answers with [`PlanMsg`]s: progress and points of a sweep,
//! then one final message ([`PlanMsg::is_final`]). Both ends are built from this crate at the
//! same commit, so the byte layout is versioned by the build.

use serde::{Deserialize, Serialize};

use crate::analysis::{ParetoPoint, Tornado};
use crate::error::PlanError;
use crate::import::ImportError;
use crate::plan::Plan;
use crate::scenario::{Chip, Scenario};

/// What the worker is asked to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PlanRequest {
    /// Solve with every shadow price and the export regime's cost.
    Solve(Scenario),
    /// Sweep the capex budget: `points` solves, one progress message and point each.
    Sweep {
        /// The scenario whose frontier is swept.
        scenario: Scenario,
        /// Budgets to solve (at least 2).
        points: u32,
    },
    /// The tornado at ±`percent` (0.3 for ±30%) plus every reported range.
    Tornado {
        /// The scenario varied.
        scenario: Scenario,
        /// Relative step, e.g. 0.3.
        percent: f64,
    },
    /// Solve several scenarios (the presets side by side), plan only.
    Compare(Vec<Scenario>),
    /// Read the dropped file as a chip catalogue CSV.
    ImportChips,
    /// Read the dropped file as a scenario JSON (the CLI's `--scenario` format).
    ReadScenario,
    /// Write a scenario as the CLI's JSON.
    WriteScenario(Scenario),
}

/// What the worker sends back.
// A message is decoded once and taken apart at once; boxing the plan would save no copy.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PlanMsg {
    /// A solve finished, with the worker's own times.
    Solved {
        /// The plan, or why there is none.
        result: Result<Plan, PlanError>,
        /// Worker time of the whole-server plan alone, ms.
        plan_ms: f64,
        /// Worker time of the plan with every shadow price and the regime's cost, ms.
        ms: f64,
    },
    /// A sweep point is done (`done` of `total`).
    Point {
        /// Points solved so far.
        done: u32,
        /// Points in the sweep.
        total: u32,
        /// The point just solved.
        point: ParetoPoint,
    },
    /// The sweep finished (or failed before its first point).
    Swept {
        /// `Ok` when every point was solved.
        result: Result<(), PlanError>,
        /// Worker time for the whole sweep, ms.
        ms: f64,
    },
    /// The tornado.
    Tornado {
        /// The bars, or why the base scenario has no plan.
        result: Result<Tornado, PlanError>,
        /// Worker time, ms.
        ms: f64,
    },
    /// One result per compared scenario, in request order.
    Compared(Vec<Result<Plan, PlanError>>),
    /// An imported chip catalogue, or every bad cell with its row and column.
    Imported(Result<Vec<Chip>, Vec<ImportError>>),
    /// A scenario read from JSON, or the reader's message.
    ScenarioRead(Result<Scenario, String>),
    /// A scenario written as JSON.
    ScenarioJson(String),
    /// The request could not be read or run.
    Failed(String),
}

impl PlanMsg {
    /// True for the message that ends a request (every one but a sweep point).
    pub fn is_final(&self) -> bool {
        !matches!(self, Self::Point { .. })
    }
}

pub use yunce_wire::{decode, encode};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Preset;

    #[test]
    fn requests_and_answers_round_trip() {
        let s = Preset::AfterOct2023.scenario();
        let req = PlanRequest::Sweep {
            scenario: s.clone(),
            points: 50,
        };
        assert_eq!(decode::<PlanRequest>(&encode(&req)), Ok(req));
        let msg = PlanMsg::Solved {
            result: crate::solve(&s),
            plan_ms: 0.5,
            ms: 1.5,
        };
        assert_eq!(decode::<PlanMsg>(&encode(&msg)), Ok(msg));
        let infeasible = PlanMsg::Solved {
            result: Err(PlanError::Infeasible {
                conflict: vec![crate::Constraint::Target],
            }),
            plan_ms: 0.0,
            ms: 0.0,
        };
        assert_eq!(decode::<PlanMsg>(&encode(&infeasible)), Ok(infeasible));
    }

    #[test]
    fn cut_or_padded_messages_are_errors() {
        let bytes = encode(&PlanRequest::Solve(Preset::AfterApr2025.scenario()));
        assert!(decode::<PlanRequest>(&bytes[..bytes.len() - 1]).is_err());
        let mut padded = bytes.clone();
        padded.push(0);
        assert!(decode::<PlanRequest>(&padded).is_err());
        assert!(decode::<PlanMsg>(&[200]).is_err());
    }
}
