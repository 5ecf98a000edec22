//! Yunce compute procurement planner: what it takes in chips, servers, MW and RMB to build
//! N EFLOPS in China, under export controls.
//!
//! A mixed-integer model (good_lp with the pure-Rust microlp solver) chooses whole servers of
//! each accelerator at each site. Three modes: minimise N-year TCO for a target, maximise
//! EFLOPS under a capex and/or MW budget, minimise MW for a target. The result lists the mix,
//! totals, and every constraint with its shadow price; infeasible input names a smallest set
//! of conflicting constraint groups. Defaults come from the fact base with their sources.
//!
//! The crate has no web dependency, reads no clock and keeps no `HashMap` order; it builds
//! for native targets and `wasm32-unknown-unknown`.
//!
//! ```
//! use yunce_plan::{Preset, solve};
//! let plan = solve(&Preset::AfterOct2023.scenario()).expect("the preset solves");
//! assert!(plan.totals.eflops >= 10.0);
//! ```
#![warn(missing_docs)]

pub mod analysis;
mod bb;
pub mod catalogue;
pub mod csv_out;
pub mod error;
mod facts;
pub mod import;
pub mod model;
pub mod param;
pub mod plan;
pub mod presets;
pub mod scenario;
mod sites;
pub mod solve;
pub mod validate;
pub mod wire;

pub use analysis::{
    Factor, ParetoPoint, ParetoSweep, Tornado, TornadoBar, Variation, pareto_frontier, tornado,
};
pub use error::{InputError, PlanError};
pub use model::{Constraint, LinearProgram, Sense};
pub use param::{Confidence, Origin, Param, Provenance};
pub use plan::{ConstraintReport, ExcludedChip, Exclusion, MixLine, Plan, Totals};
pub use presets::Preset;
pub use scenario::{Basis, Chip, Finance, Mode, Policy, Scenario, Site};
pub use solve::{SolveOptions, linear_program, solve, solve_with};
