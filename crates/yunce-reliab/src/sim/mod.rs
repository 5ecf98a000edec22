//! The seeded discrete-event Monte Carlo, advanced in chunks of years so a caller (a Web
//! Worker, the CLI) can report progress and stop between chunks.

mod engine;
pub mod queue;
mod slack;
mod tally;

use crate::analytic::exact_segments;
use crate::compile::compile;
use crate::error::ScenarioError;
use crate::model::{MINUTES_PER_YEAR, Scenario};
use crate::report::{
    ExactOutcome, Report, SegmentReport, SlaBreach, TimelineIncident, TriggerKind,
};
use crate::stats::{Distribution, Estimate, mean, mean_from_sums, wilson};
use engine::{Engine, Trigger};
use serde::{Deserialize, Serialize};

/// How far a run has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Years simulated.
    pub years_done: u32,
    /// Years asked for.
    pub years_total: u32,
}

impl Progress {
    /// Share done, 0 to 1.
    pub fn fraction(&self) -> f64 {
        f64::from(self.years_done) / f64::from(self.years_total.max(1))
    }
}

/// What a progress callback asks the run to do next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// Simulate the next chunk.
    Continue,
    /// Stop and report the years done so far.
    Stop,
}

/// A Monte Carlo run in progress.
pub struct Simulation {
    scenario: Scenario,
    engine: Engine,
    exact: Vec<ExactOutcome>,
}

impl Simulation {
    /// Validates the scenario and prepares a run; the error names the field and reason.
    pub fn new(scenario: &Scenario) -> Result<Self, ScenarioError> {
        let compiled = compile(scenario)?;
        let names: Vec<String> = scenario.components.iter().map(|c| c.name.clone()).collect();
        let exact = exact_segments(&compiled, &names)
            .into_iter()
            .map(|r| match r {
                Ok(e) => ExactOutcome::Exact(e),
                Err(why) => ExactOutcome::NotApplicable(why),
            })
            .collect();
        Ok(Self {
            scenario: scenario.clone(),
            engine: Engine::new(compiled, scenario.seed),
            exact,
        })
    }

    /// Simulates up to `max_years` more years. Results do not depend on the chunk sizes.
    pub fn step(&mut self, max_years: u32) -> Progress {
        for _ in 0..max_years {
            if self.is_done() {
                break;
            }
            self.engine.run_year();
        }
        self.progress()
    }

    /// Years done and asked for.
    pub fn progress(&self) -> Progress {
        Progress {
            years_done: self.engine.tallies.incidents.len() as u32,
            years_total: self.scenario.years,
        }
    }

    /// Whether every year asked for has been simulated.
    pub fn is_done(&self) -> bool {
        self.engine.tallies.incidents.len() as u32 >= self.scenario.years
    }

    /// The results so far; a partial run says so in `complete`.
    pub fn report(&self) -> Report {
        let t = &self.engine.tallies;
        let years = t.incidents.len() as u64;
        let s = &self.scenario;
        let segments = s
            .segments
            .iter()
            .enumerate()
            .map(|(i, seg)| {
                let downtime = &t.downtime[i];
                let dist = Distribution::of(downtime);
                let m = dist.mean;
                let availability = Estimate {
                    value: 1.0 - m.value / MINUTES_PER_YEAR,
                    low: 1.0 - m.high / MINUTES_PER_YEAR,
                    high: 1.0 - m.low / MINUTES_PER_YEAR,
                    ..m
                };
                let sla = s
                    .sla_targets_percent
                    .iter()
                    .map(|target| {
                        let allowed = (1.0 - target / 100.0) * MINUTES_PER_YEAR;
                        let hits = downtime.iter().filter(|d| **d > allowed).count();
                        SlaBreach {
                            target_percent: *target,
                            allowed_minutes: allowed,
                            probability: wilson(hits as u64, years),
                        }
                    })
                    .collect();
                SegmentReport {
                    name: seg.name.clone(),
                    customer_share: seg.customer_share.value,
                    downtime_minutes: dist,
                    availability,
                    outages_per_year: mean_from_sums(t.outages[i] as f64, t.outages_sq[i], years),
                    sla,
                    exact: self.exact[i].clone(),
                }
            })
            .collect();
        let incidents: Vec<f64> = t.incidents.iter().map(|n| f64::from(*n)).collect();
        Report {
            scenario: s.name.clone(),
            seed: s.seed,
            years_simulated: years as u32,
            years_requested: s.years,
            complete: self.is_done(),
            segments,
            customer_minutes: Distribution::of(&t.customer_minutes),
            incidents_per_year: mean(&incidents),
            blast_radius: mean_from_sums(t.blast_sum, t.blast_sq, t.blast_count),
            first_year: t.first_year.iter().map(|r| self.timeline(r)).collect(),
            assumptions: crate::assumptions::of_scenario(s),
        }
    }

    fn timeline(&self, r: &engine::RawIncident) -> TimelineIncident {
        let s = &self.scenario;
        let name = |list: Option<String>| list.unwrap_or_default();
        let (trigger, trigger_name) = match r.trigger {
            Trigger::Component(i) => (
                TriggerKind::Component,
                name(s.components.get(i as usize).map(|c| c.name.clone())),
            ),
            Trigger::Group(i) => (
                TriggerKind::Group,
                name(s.groups.get(i as usize).map(|g| g.name.clone())),
            ),
            Trigger::Change(i) => (
                TriggerKind::Change,
                name(s.changes.get(i as usize).map(|c| c.name.clone())),
            ),
            Trigger::Scripted(i) => (
                TriggerKind::Scripted,
                name(s.scripted.get(i as usize).map(|c| c.name.clone())),
            ),
        };
        TimelineIncident {
            start_minute: r.start * 60.0,
            end_minute: r.end.is_finite().then_some(r.end * 60.0),
            peak_share: r.peak_share,
            trigger,
            trigger_name,
        }
    }
}

/// Runs a scenario in chunks of `chunk_years`, calling `on_progress` after each chunk;
/// returning [`Control::Stop`] ends the run early with a partial report.
pub fn run(
    scenario: &Scenario,
    chunk_years: u32,
    mut on_progress: impl FnMut(Progress) -> Control,
) -> Result<Report, ScenarioError> {
    let mut sim = Simulation::new(scenario)?;
    while !sim.is_done() {
        let p = sim.step(chunk_years.max(1));
        if on_progress(p) == Control::Stop {
            break;
        }
    }
    Ok(sim.report())
}

/// Runs a scenario to the end.
pub fn simulate(scenario: &Scenario) -> Result<Report, ScenarioError> {
    run(scenario, u32::MAX, |_| Control::Continue)
}

/// The exact method's answer per segment, without simulating.
pub fn exact(scenario: &Scenario) -> Result<Vec<ExactOutcome>, ScenarioError> {
    Simulation::new(scenario).map(|s| s.exact)
}
