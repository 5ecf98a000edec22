//! The scenario: a topology of components, the structures customers depend on, correlated
//! failure groups, changes with their rollout plans, and the response to incidents.
//!
//! A [`Scenario`] is the serde type the view keeps in its URL and exports, and the CLI
//! reads. Components are referred to by name so a hand-written file stays readable.

use crate::value::Value;
use serde::{Deserialize, Serialize};

/// Hours in the simulated year (365 days).
pub const HOURS_PER_YEAR: f64 = 8760.0;
/// Minutes in the simulated year.
pub const MINUTES_PER_YEAR: f64 = HOURS_PER_YEAR * 60.0;

/// A whole what-if: what can fail, what customers depend on, and how long to simulate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Short title shown beside the results.
    pub name: String,
    /// Seed of every random stream; the same seed gives the same results.
    #[serde(default = "default_seed")]
    pub seed: u64,
    /// Simulated years for the Monte Carlo.
    #[serde(default = "default_years")]
    pub years: u32,
    /// Every part that can fail, named once.
    pub components: Vec<Component>,
    /// Customer groups, each depending on a structure of components.
    pub segments: Vec<Segment>,
    /// Common-cause events that take several components down at once.
    #[serde(default)]
    pub groups: Vec<CorrelatedGroup>,
    /// Change processes (deployments) that can fail.
    #[serde(default)]
    pub changes: Vec<ChangeProcess>,
    /// How fast incidents are detected, located and recovered.
    pub response: Response,
    /// Repair crews shared by groups of components (none: every failure is repaired at once).
    #[serde(default)]
    pub repair_pools: Vec<RepairPool>,
    /// Incidents replayed at a fixed time in every simulated year.
    #[serde(default)]
    pub scripted: Vec<ScriptedIncident>,
    /// Availability targets to test each year against, in percent.
    #[serde(default = "default_sla_targets")]
    pub sla_targets_percent: Vec<f64>,
}

fn default_seed() -> u64 {
    42
}

fn default_years() -> u32 {
    10_000
}

/// The SLA levels the issue asks for: 99.9, 99.95 and 99.99 %.
pub fn default_sla_targets() -> Vec<f64> {
    vec![99.9, 99.95, 99.99]
}

/// What a component is in the topology; the view groups and colours by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComponentKind {
    /// A whole region's own infrastructure.
    Region,
    /// An availability zone.
    Zone,
    /// A cell: an isolated slice of a service.
    Cell,
    /// A rack (top-of-rack switch, PDU).
    Rack,
    /// A server or instance host.
    Node,
    /// A control plane (console, management APIs).
    ControlPlane,
    /// The access-key / authentication service.
    AuthService,
    /// Name resolution.
    Dns,
    /// Power and cooling of one zone.
    PowerCooling,
    /// A database or other managed service.
    Database,
    /// Anything else.
    Other,
}

/// One part that can fail.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Component {
    /// Unique name, used by structures, groups and changes.
    pub name: String,
    /// Role in the topology.
    pub kind: ComponentKind,
    /// How often it fails on its own.
    pub failure: FailureRate,
    /// How long it stays down after failing.
    pub repair: Repair,
}

/// How often a component fails.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureRate {
    /// Mean up-time between failures, in hours.
    MtbfHours(Value),
    /// Failures per component-year (an annualised failure rate as a fraction, 0.0157 = 1.57 %).
    PerYear(Value),
}

impl FailureRate {
    /// Mean up-time in hours (infinite for a zero rate).
    pub fn mtbf_hours(&self) -> f64 {
        match self {
            Self::MtbfHours(v) => v.value,
            Self::PerYear(v) => HOURS_PER_YEAR / v.value,
        }
    }
}

/// A distribution of durations, in minutes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Duration {
    /// Always the same.
    Fixed {
        /// Minutes.
        minutes: Value,
    },
    /// Exponential with this mean.
    Exponential {
        /// Mean minutes.
        mean_minutes: Value,
    },
    /// Lognormal: half the durations are shorter than the median; sigma sets the tail.
    LogNormal {
        /// Median minutes.
        median_minutes: Value,
        /// Standard deviation of the natural log of the duration.
        sigma: Value,
    },
}

impl Duration {
    /// Mean in minutes.
    pub fn mean_minutes(&self) -> f64 {
        match self {
            Self::Fixed { minutes } => minutes.value,
            Self::Exponential { mean_minutes } => mean_minutes.value,
            Self::LogNormal {
                median_minutes,
                sigma,
            } => median_minutes.value * crate::portable::exp(sigma.value * sigma.value / 2.0),
        }
    }

    /// Every number in the distribution, for validation and assumption lists.
    pub fn values(&self) -> Vec<(&'static str, &Value)> {
        match self {
            Self::Fixed { minutes } => vec![("minutes", minutes)],
            Self::Exponential { mean_minutes } => vec![("mean_minutes", mean_minutes)],
            Self::LogNormal {
                median_minutes,
                sigma,
            } => vec![("median_minutes", median_minutes), ("sigma", sigma)],
        }
    }
}

/// How a failed component comes back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Repair {
    /// Repaired or failed over after a time drawn from this distribution.
    Time(Duration),
    /// Restored by people: the scenario's detection + location + recovery times.
    Response,
}

/// A group of customers and the structure their service depends on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    /// Name shown in results.
    pub name: String,
    /// Share of all customers in this segment (0 to 1); shares add up to at most 1.
    pub customer_share: Value,
    /// The service is up while this structure is up.
    pub structure: Block,
}

/// A reliability block: a component, or a structure of blocks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// Up while the named component is up. Naming it twice makes it a shared dependency.
    Component(String),
    /// Up while every block is up.
    Series(Vec<Block>),
    /// Up while at least one block is up.
    Parallel(Vec<Block>),
    /// Up while at least `k` of the blocks are up.
    KOfN {
        /// Blocks that must be up.
        k: u32,
        /// The redundant blocks.
        of: Vec<Block>,
    },
}

impl Block {
    /// The (k, children) form every structure reduces to.
    pub fn as_k_of_n(&self) -> Option<(u32, &[Block])> {
        match self {
            Self::Component(_) => None,
            Self::Series(b) => Some((b.len() as u32, b)),
            Self::Parallel(b) => Some((1, b)),
            Self::KOfN { k, of } => Some((*k, of)),
        }
    }
}

/// A common-cause event that takes every member down at once (a zone's chiller, a PDU).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorrelatedGroup {
    /// Name shown in results.
    pub name: String,
    /// Components the event takes down.
    pub members: Vec<String>,
    /// Events per year.
    pub events_per_year: Value,
    /// How long each event lasts.
    pub duration: Duration,
}

/// A limited number of repair crews shared by some components: a failure waits (first in,
/// first out) while every crew is busy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RepairPool {
    /// Name shown in results.
    pub name: String,
    /// Components the crews repair; a component belongs to at most one pool.
    pub members: Vec<String>,
    /// Crews working at once (at least 1).
    pub crews: u32,
}

/// Deployments that can fail, and how they are rolled out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangeProcess {
    /// Name shown in results.
    pub name: String,
    /// Deployments per year.
    pub deploys_per_year: Value,
    /// Share of deployments that cause an outage (0 to 1).
    pub change_failure_rate: Value,
    /// Components the change reaches, stage by stage in rollout order.
    pub stages: Vec<Vec<String>>,
    /// All at once, or stage by stage.
    pub rollout: Rollout,
}

/// How a change reaches its stages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rollout {
    /// Every stage at once: a bad change reaches everything it targets.
    AllAtOnce,
    /// Gray release: the next stage starts after a bake time; detection stops the rollout.
    Gray {
        /// Minutes between stages.
        bake_minutes: Value,
    },
}

/// Detection, location and recovery of an incident (Alibaba's "1-5-10" names these three).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// Onset to detection.
    pub detect: Duration,
    /// Detection to root cause located.
    pub locate: Duration,
    /// Location to service recovered.
    pub recover: Duration,
}

impl Response {
    /// Mean onset-to-recovery time in minutes.
    pub fn mean_minutes(&self) -> f64 {
        self.detect.mean_minutes() + self.locate.mean_minutes() + self.recover.mean_minutes()
    }
}

/// An incident replayed once in every simulated year, to show a year in which it happens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScriptedIncident {
    /// Name shown in results, e.g. the outage row id.
    pub name: String,
    /// Hour of the year it starts (0 to 8760).
    pub start_hour: f64,
    /// What happens.
    pub kind: ScriptedKind,
}

/// What a scripted incident does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScriptedKind {
    /// These components go down for this long (a facility failure).
    Outage {
        /// Components taken down.
        targets: Vec<String>,
        /// How long.
        duration: Duration,
    },
    /// A bad change of the named change process: its rollout plan and the response apply.
    BadChange {
        /// Name of a change process in the scenario.
        change: String,
    },
}
