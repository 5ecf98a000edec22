//! Fact-base files that the labs read themselves, embedded verbatim (every row id and
//! source id kept). They are not part of [`crate::Dataset`]: only the code that names one
//! of these constants carries its text, so the story views' bundle stays as it was.

/// `planner_params.csv`: sourced defaults of the compute procurement planner (chip and
/// server prices, data-centre capex per MW, electricity prices, PUE rules, supply reports).
pub const PLANNER_PARAMS: &str = include_str!("../data/planner_params.csv");

/// `reliability_params.csv`: sourced defaults of the stability lab (failure rates, repair
/// times, change-failure rates, outage causes and SLAs).
pub const RELIABILITY_PARAMS: &str = include_str!("../data/reliability_params.csv");
