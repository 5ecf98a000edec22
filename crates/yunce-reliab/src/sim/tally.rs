//! What the engine records while it runs: per-year tallies and the first year's incidents.

/// What started an incident, for the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// A component's own failure (component index).
    Component(u32),
    /// A correlated group's event (group index).
    Group(u32),
    /// A bad change (change process index).
    Change(u32),
    /// A scripted incident (index).
    Scripted(u32),
}

/// One incident of the first simulated year, in hours from the start.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RawIncident {
    /// Start hour.
    pub start: f64,
    /// End hour; infinity while open.
    pub end: f64,
    /// Largest share of customers down at once.
    pub peak_share: f64,
    /// What started it.
    pub trigger: Trigger,
}

/// Per-year tallies the report is built from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tallies {
    /// Downtime minutes of each segment, one entry per year.
    pub downtime: Vec<Vec<f64>>,
    /// Outages of each segment, summed over years.
    pub outages: Vec<u64>,
    /// Sum of squared yearly outage counts per segment, for the interval.
    pub outages_sq: Vec<f64>,
    /// Customer-minutes lost per year (share × minutes).
    pub customer_minutes: Vec<f64>,
    /// Incidents started per year.
    pub incidents: Vec<u32>,
    /// Peak share of every finished incident.
    pub blast_sum: f64,
    /// Sum of squared peak shares.
    pub blast_sq: f64,
    /// Finished incidents.
    pub blast_count: u64,
    /// Incidents of year 0 (capped).
    pub first_year: Vec<RawIncident>,
}
