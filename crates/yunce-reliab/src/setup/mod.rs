//! A view's setup: a preset (or the generated region, or an imported scenario), the what-if
//! beside it, and the user's edits of its numbers. [`scenarios`] turns a [`Setup`] into the
//! scenarios to simulate; [`describe`] says what the editor needs (every editable default
//! with its provenance, the k-of-n gate, the what-ifs) and whether the engine accepts it.
//!
//! Each edit ([`Knob`]) applies to every component, change or gate of its kind on both sides,
//! so a comparison stays a comparison of designs.

use crate::error::ScenarioError;
use crate::model::{
    Block, Component, ComponentKind, Duration, FailureRate, Repair, Rollout, Scenario,
};
use crate::presets::{self, Preset};
use crate::topology::{self, Layout};
use crate::value::Value;
use serde::{Deserialize, Serialize};

mod describe;
pub use describe::{Description, default_of, describe, node_gate};

/// Ids of the presets a setup may name, in `outages.csv` order, then the generated region.
pub const PRESET_IDS: [&str; 5] = [
    "hk-zone-c",
    "ak-whitelist",
    "db-consoles",
    "sg-zone-c",
    REGION,
];

/// Id of the generated region of about 1,000 components ([`Layout::THOUSAND`]).
pub const REGION: &str = "region";

/// An editable number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Knob {
    /// Node MTBF, hours.
    NodeMtbf,
    /// Node repair (failover) mean, minutes (exponential).
    NodeRepair,
    /// Zone power and cooling failures per year.
    PowerRate,
    /// Zone power and cooling outage median, minutes.
    PowerMedian,
    /// Lognormal sigma of zone outages.
    PowerSigma,
    /// Control-plane failures per year (outside changes).
    ControlPlaneRate,
    /// Access-key / auth and database service failures per year (outside changes).
    ServiceRate,
    /// DNS failures per year.
    DnsRate,
    /// Deployments per year of every change process.
    Deploys,
    /// Change-failure rate (0 to 1).
    ChangeFailure,
    /// Minutes between gray stages.
    Bake,
    /// Onset to detection, minutes (fixed).
    Detect,
    /// Detection to location, minutes (fixed).
    Locate,
    /// Location to recovery, minutes (fixed).
    Recover,
}

impl Knob {
    /// Every knob in editor order.
    pub const ALL: [Knob; 14] = [
        Knob::NodeMtbf,
        Knob::NodeRepair,
        Knob::PowerRate,
        Knob::PowerMedian,
        Knob::PowerSigma,
        Knob::ControlPlaneRate,
        Knob::ServiceRate,
        Knob::DnsRate,
        Knob::Deploys,
        Knob::ChangeFailure,
        Knob::Bake,
        Knob::Detect,
        Knob::Locate,
        Knob::Recover,
    ];

    /// Position in [`Knob::ALL`].
    pub fn index(self) -> usize {
        Knob::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }
}

/// A rollout plan that overrides the preset's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RolloutPlan {
    /// Every stage at once.
    AllAtOnce,
    /// Stage by stage, stopped at detection (30 min bake unless edited).
    Gray,
}

/// Everything the user chose.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Setup {
    /// One of [`PRESET_IDS`] (ignored when a scenario file is imported).
    pub preset: String,
    /// What-if id; empty for the preset's first; `None` for no comparison.
    pub what_if: Option<String>,
    /// Simulated years.
    pub years: u32,
    /// Seed.
    pub seed: u64,
    /// SLA targets, percent.
    pub sla: Vec<f64>,
    /// Edited numbers.
    pub knobs: Vec<(Knob, f64)>,
    /// k of every k-of-n gate over nodes.
    pub k: Option<u32>,
    /// Rollout override.
    pub rollout: Option<RolloutPlan>,
    /// Zones of the generated region.
    pub zones: u32,
    /// Cells per zone of the generated region.
    pub cells: u32,
}

/// The left scenario and the what-if beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// The incident as it happened, the region, or the imported scenario.
    pub incident: Scenario,
    /// The what-if (id, scenario), when shown.
    pub what_if: Option<(String, Scenario)>,
    /// The preset's modelling notes.
    pub notes: Vec<String>,
    /// What-if ids the preset offers.
    pub what_ifs: Vec<String>,
}

impl Pair {
    /// The scenarios in report order: the left side, then the what-if.
    pub fn scenarios(self) -> Vec<Scenario> {
        let mut out = vec![self.incident];
        out.extend(self.what_if.map(|(_, s)| s));
        out
    }
}

/// Why a setup gives no scenarios.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SetupError {
    /// The fact base did not load, or an id is unknown.
    Setup(String),
    /// The engine refused a side (0: left, 1: what-if).
    Rejected {
        /// Which side.
        side: u8,
        /// Field path and problem.
        error: ScenarioError,
    },
}

fn presets() -> Result<Vec<Preset>, SetupError> {
    presets::all().map_err(|e| SetupError::Setup(e.to_string()))
}

/// The unedited scenarios (the region already has the setup's zones and cells).
pub fn base(setup: &Setup, imported: Option<&Scenario>) -> Result<Pair, SetupError> {
    if let Some(s) = imported {
        return Ok(Pair {
            incident: s.clone(),
            what_if: None,
            notes: Vec::new(),
            what_ifs: Vec::new(),
        });
    }
    if setup.preset == REGION {
        let params =
            crate::params::Params::embedded().map_err(|e| SetupError::Setup(e.to_string()))?;
        let layout = Layout {
            zones: setup.zones,
            cells_per_zone: setup.cells,
            ..Layout::THOUSAND
        };
        let incident =
            topology::region(&params, layout).map_err(|e| SetupError::Setup(e.to_string()))?;
        return Ok(Pair {
            incident,
            what_if: None,
            notes: Vec::new(),
            what_ifs: Vec::new(),
        });
    }
    let preset = presets()?
        .into_iter()
        .find(|p| p.id == setup.preset)
        .ok_or_else(|| SetupError::Setup(format!("no preset {}", setup.preset)))?;
    let what_ifs = preset.what_ifs.iter().map(|w| w.id.to_owned()).collect();
    let what_if = setup.what_if.as_ref().and_then(|id| {
        preset
            .what_ifs
            .iter()
            .find(|w| id.is_empty() || w.id == id)
            .map(|w| (w.id.to_owned(), w.scenario.clone()))
    });
    Ok(Pair {
        incident: preset.incident,
        what_if,
        notes: preset.notes.iter().map(|n| (*n).to_owned()).collect(),
        what_ifs,
    })
}

/// The scenarios with every edit applied, validated by the engine.
pub fn scenarios(setup: &Setup, imported: Option<&Scenario>) -> Result<Pair, SetupError> {
    let mut pair = base(setup, imported)?;
    // The "1-5-10" what-if is about the response: response edits stay on the left.
    let keeps_response = pair
        .what_if
        .as_ref()
        .is_some_and(|(id, _)| id == "response-1-5-10");
    apply(&mut pair.incident, setup, true);
    if let Some((_, s)) = pair.what_if.as_mut() {
        apply(s, setup, !keeps_response);
    }
    let sides = std::iter::once(&pair.incident).chain(pair.what_if.as_ref().map(|(_, s)| s));
    for (side, s) in sides.enumerate() {
        crate::compile::compile(s).map_err(|error| SetupError::Rejected {
            side: side as u8,
            error,
        })?;
    }
    Ok(pair)
}

fn knob(setup: &Setup, k: Knob) -> Option<f64> {
    setup
        .knobs
        .iter()
        .rev()
        .find(|(kk, _)| *kk == k)
        .map(|(_, v)| *v)
}

fn apply(s: &mut Scenario, st: &Setup, response: bool) {
    s.years = st.years;
    s.seed = st.seed;
    s.sla_targets_percent = st.sla.clone();
    for c in &mut s.components {
        apply_component(c, st);
    }
    for ch in &mut s.changes {
        if let Some(v) = knob(st, Knob::Deploys) {
            ch.deploys_per_year = Value::user(v);
        }
        if let Some(v) = knob(st, Knob::ChangeFailure) {
            ch.change_failure_rate = Value::user(v);
        }
        match st.rollout {
            Some(RolloutPlan::AllAtOnce) => ch.rollout = Rollout::AllAtOnce,
            Some(RolloutPlan::Gray) if ch.rollout == Rollout::AllAtOnce => {
                ch.rollout = Rollout::Gray {
                    bake_minutes: Value::assumed(30.0, "30 minutes between gray stages; no source"),
                }
            }
            _ => {}
        }
        if let (Rollout::Gray { bake_minutes }, Some(v)) = (&mut ch.rollout, knob(st, Knob::Bake)) {
            *bake_minutes = Value::user(v);
        }
    }
    if let Some(k) = st.k {
        let nodes: Vec<String> = s
            .components
            .iter()
            .filter(|c| c.kind == ComponentKind::Node)
            .map(|c| c.name.clone())
            .collect();
        for seg in &mut s.segments {
            set_node_k(&mut seg.structure, k, &nodes);
        }
    }
    if response {
        let r = &mut s.response;
        for (k, d) in [
            (Knob::Detect, &mut r.detect),
            (Knob::Locate, &mut r.locate),
            (Knob::Recover, &mut r.recover),
        ] {
            if let Some(v) = knob(st, k) {
                *d = Duration::Fixed {
                    minutes: Value::user(v),
                };
            }
        }
    }
}

fn apply_component(c: &mut Component, st: &Setup) {
    let rate = match c.kind {
        ComponentKind::ControlPlane => knob(st, Knob::ControlPlaneRate),
        ComponentKind::AuthService | ComponentKind::Database => knob(st, Knob::ServiceRate),
        ComponentKind::Dns => knob(st, Knob::DnsRate),
        ComponentKind::PowerCooling => knob(st, Knob::PowerRate),
        _ => None,
    };
    if let Some(v) = rate {
        c.failure = FailureRate::PerYear(Value::user(v));
    }
    if c.kind == ComponentKind::Node {
        if let Some(v) = knob(st, Knob::NodeMtbf) {
            c.failure = FailureRate::MtbfHours(Value::user(v));
        }
        if let Some(v) = knob(st, Knob::NodeRepair) {
            c.repair = Repair::Time(Duration::Exponential {
                mean_minutes: Value::user(v),
            });
        }
    }
    if c.kind == ComponentKind::PowerCooling
        && let Repair::Time(Duration::LogNormal {
            median_minutes,
            sigma,
        }) = &mut c.repair
    {
        if let Some(v) = knob(st, Knob::PowerMedian) {
            *median_minutes = Value::user(v);
        }
        if let Some(v) = knob(st, Knob::PowerSigma) {
            *sigma = Value::user(v);
        }
    }
}

fn over_nodes(of: &[Block], nodes: &[String]) -> bool {
    !of.is_empty()
        && of
            .iter()
            .all(|b| matches!(b, Block::Component(n) if nodes.contains(n)))
}

/// Sets k on every k-of-n gate whose blocks are all nodes.
fn set_node_k(b: &mut Block, k: u32, nodes: &[String]) {
    match b {
        Block::Component(_) => {}
        Block::Series(v) | Block::Parallel(v) => v.iter_mut().for_each(|b| set_node_k(b, k, nodes)),
        Block::KOfN { k: kk, of } => {
            if over_nodes(of, nodes) {
                *kk = k;
            } else {
                of.iter_mut().for_each(|b| set_node_k(b, k, nodes));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Problem;

    fn setup(preset: &str) -> Setup {
        Setup {
            preset: preset.to_owned(),
            what_if: Some(String::new()),
            years: 100,
            seed: 42,
            sla: vec![99.9, 99.95, 99.99],
            knobs: Vec::new(),
            k: None,
            rollout: None,
            zones: 1,
            cells: 2,
        }
    }

    #[test]
    fn every_preset_builds_and_validates_with_its_what_if() {
        for p in PRESET_IDS {
            let pair = scenarios(&setup(p), None);
            assert!(pair.is_ok(), "{p}: {pair:?}");
            if let Ok(pair) = pair {
                assert_eq!(pair.what_if.is_some(), p != REGION, "{p}");
            }
        }
    }

    #[test]
    fn edits_reach_the_scenario_and_meaningless_ones_are_rejected_with_the_reason() {
        let mut st = setup("hk-zone-c");
        st.knobs.push((Knob::NodeMtbf, 1000.0));
        st.k = Some(3);
        let pair = scenarios(&st, None);
        assert!(pair.is_ok());
        if let Ok(pair) = pair {
            let mtbf = default_of(&pair.incident, Knob::NodeMtbf);
            assert_eq!(mtbf.map(|v| v.value), Some(1000.0));
            assert_eq!(node_gate(&pair.incident), Some((3, 3)));
        }
        type Edit = fn(&mut Setup);
        let cases: [(Edit, &str); 4] = [
            (|s| s.knobs.push((Knob::NodeRepair, 0.0)), "MTTR"),
            (|s| s.k = Some(4), "k = 4 exceeds n = 3"),
            (|s| s.knobs.push((Knob::NodeMtbf, 0.01)), "must exceed MTTR"),
            (
                |s| {
                    s.preset = "ak-whitelist".into();
                    s.knobs.push((Knob::ChangeFailure, 1.5));
                },
                "[0, 1]",
            ),
        ];
        for (edit, reason) in cases {
            let mut st = setup("hk-zone-c");
            edit(&mut st);
            let r = scenarios(&st, None);
            let ok = matches!(&r, Err(SetupError::Rejected { error, .. }) if error.to_string().contains(reason));
            assert!(ok, "{r:?}");
            assert!(describe(&st, None).problem.is_some());
        }
        let bad = SetupError::Rejected {
            side: 0,
            error: ScenarioError::new("x", Problem::KZero),
        };
        assert_ne!(Some(bad), describe(&setup("hk-zone-c"), None).problem);
    }

    #[test]
    fn defaults_carry_their_source_or_an_assumption() {
        let d = describe(&setup("hk-zone-c"), None);
        assert!(d.problem.is_none());
        let mtbf = d.defaults.iter().find(|(k, _)| *k == Knob::NodeMtbf);
        assert!(mtbf.is_some_and(|(_, v)| !v.is_unsourced() && v.value == 6336.0));
        assert!(!d.defaults.iter().any(|(k, _)| *k == Knob::Deploys));
        assert_eq!(d.node_gate, Some((2, 3)));
        let d = describe(&setup("ak-whitelist"), None);
        assert!(d.has_changes && d.what_ifs.len() == 2 && d.names.len() == 2);
        assert!(d.defaults.iter().any(|(k, _)| *k == Knob::Bake));
    }
}
