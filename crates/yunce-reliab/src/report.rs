//! What a run reports: per-segment downtime distributions, SLA-breach probabilities,
//! incidents, customer-minutes weighted by blast radius, and the assumptions.

use crate::analytic::{ExactSegment, NotExact};
use crate::assumptions::Assumption;
use crate::stats::{Distribution, Estimate};
use serde::{Deserialize, Serialize};

/// The result of a Monte Carlo run (complete or stopped early).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Scenario name.
    pub scenario: String,
    /// Seed used.
    pub seed: u64,
    /// Years simulated so far.
    pub years_simulated: u32,
    /// Years asked for.
    pub years_requested: u32,
    /// False when the run was stopped before all years were simulated.
    pub complete: bool,
    /// One entry per customer segment, in scenario order.
    pub segments: Vec<SegmentReport>,
    /// Customer-minutes lost per year: minutes down × share of customers reached.
    pub customer_minutes: Distribution,
    /// Incidents (periods with any segment down) started per year.
    pub incidents_per_year: Estimate,
    /// Mean blast radius: the peak share of customers an incident reaches.
    pub blast_radius: Estimate,
    /// The incidents of the first simulated year, for a timeline.
    pub first_year: Vec<TimelineIncident>,
    /// Assumptions behind every figure.
    pub assumptions: Vec<Assumption>,
}

/// Results for one customer segment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SegmentReport {
    /// Segment name.
    pub name: String,
    /// Share of customers.
    pub customer_share: f64,
    /// Downtime minutes per year.
    pub downtime_minutes: Distribution,
    /// Availability over the run (1 − mean downtime / year).
    pub availability: Estimate,
    /// Outages per year.
    pub outages_per_year: Estimate,
    /// Probability that a year breaches each SLA target.
    pub sla: Vec<SlaBreach>,
    /// The exact method's figures, or why it does not apply.
    pub exact: ExactOutcome,
}

/// The probability that one year's availability falls below a target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlaBreach {
    /// Target availability in percent.
    pub target_percent: f64,
    /// Downtime the target allows per year, minutes.
    pub allowed_minutes: f64,
    /// Share of years above the allowance.
    pub probability: Estimate,
}

/// The exact method's answer for a segment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExactOutcome {
    /// Independent components: the formula applies.
    Exact(ExactSegment),
    /// Only the Monte Carlo covers this segment.
    NotApplicable(NotExact),
}

/// What started an incident.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerKind {
    /// A component's own failure.
    Component,
    /// A correlated group's event.
    Group,
    /// A bad change.
    Change,
    /// A scripted incident.
    Scripted,
}

/// One incident on the first-year timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineIncident {
    /// Minute of the year it starts.
    pub start_minute: f64,
    /// Minute it ends; `None` if still open when the run stopped.
    pub end_minute: Option<f64>,
    /// Largest share of customers down at once.
    pub peak_share: f64,
    /// What started it.
    pub trigger: TriggerKind,
    /// Name of the component, group, change or scripted incident.
    pub trigger_name: String,
}
