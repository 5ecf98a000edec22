//! Yunce's stability simulator engine (issue 10, "Battle 4 lab").
//!
//! A [`Scenario`] describes components (region, zones, cells, racks, nodes and shared
//! dependencies such as the control plane, the access-key service, DNS, and power and
//! cooling per zone), the structures customer segments depend on (series, parallel,
//! k-of-n), correlated failure groups, changes with their rollout plans, and the
//! response times. Two methods answer:
//!
//! * [`analytic`]: exact availability of independent series/parallel/k-of-n structures,
//!   and a birth–death Markov chain for a repairable k-of-n group;
//! * [`Simulation`]: a seeded discrete-event Monte Carlo for everything, stepped in chunks
//!   of years so a worker can report progress and stop.
//!
//! [`presets`] rebuild Alibaba Cloud's outages from `outages.csv`, each with a what-if,
//! from parameters in `reliability_params.csv` ([`params`]) that keep their source ids.
//!
//! ```
//! let preset = yunce_reliab::presets::all().expect("presets build").remove(0);
//! let mut scenario = preset.incident;
//! scenario.years = 200;
//! let report = yunce_reliab::simulate(&scenario).expect("valid scenario");
//! // Zone C customers lose at least the replayed 834 minutes in a typical year.
//! assert!(report.segments[1].downtime_minutes.p50 >= 833.99);
//! ```
#![warn(missing_docs)]

pub mod analytic;
pub mod assumptions;
mod checks;
pub mod compile;
pub mod error;
pub mod model;
pub mod params;
pub mod portable;
pub mod presets;
pub mod report;
pub mod rng;
pub mod setup;
pub mod sim;
pub mod stats;
pub mod topology;
pub mod value;
pub mod wire;
pub mod ziggurat;

pub use assumptions::{Assumption, AssumptionKind};
pub use error::{Problem, ScenarioError};
pub use model::{
    Block, ChangeProcess, Component, ComponentKind, CorrelatedGroup, Duration, FailureRate, Repair,
    RepairPool, Response, Rollout, Scenario, ScriptedIncident, ScriptedKind, Segment,
};
pub use report::{ExactOutcome, Report, SegmentReport, SlaBreach, TimelineIncident, TriggerKind};
pub use sim::{Control, Progress, Simulation, exact, run, simulate};
pub use stats::{Distribution, Estimate, Method};
pub use value::{Basis, Confidence, Value};
