//! The scenarios a state stands for: the engine's preset (or generated region) with the
//! user's edits applied, and its what-if. Also the default of every editable number with
//! its provenance, for the editor's source chips. No browser API; tested natively.

use super::state::{Param, RolloutChoice, StabilityState};
use std::sync::OnceLock;
use yunce_reliab::model::{Block, ComponentKind, Duration, FailureRate, Repair, Rollout, Scenario};
use yunce_reliab::presets::{self, Preset};
use yunce_reliab::topology::{self, Layout};
use yunce_reliab::{ExactOutcome, ScenarioError, Value};

/// The incident (or region) and the what-if beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// The left side: the incident as it happened, or the region.
    pub incident: Scenario,
    /// The right side, when shown.
    pub what_if: Option<(String, Scenario)>,
    /// The preset's modelling notes.
    pub notes: Vec<&'static str>,
    /// What-if ids the preset offers.
    pub what_ifs: Vec<&'static str>,
}

fn presets() -> Result<&'static [Preset], String> {
    static CACHE: OnceLock<Result<Vec<Preset>, String>> = OnceLock::new();
    CACHE
        .get_or_init(|| presets::all().map_err(|e| e.to_string()))
        .as_deref()
        .map_err(Clone::clone)
}

fn region(zones: u32, cells: u32) -> Result<Scenario, String> {
    let params = yunce_reliab::params::Params::embedded().map_err(|e| e.to_string())?;
    let layout = Layout {
        zones,
        cells_per_zone: cells,
        ..Layout::THOUSAND
    };
    topology::region(&params, layout).map_err(|e| e.to_string())
}

/// The unedited scenarios of the state's preset; an error only if the fact base is broken.
pub fn base(state: &StabilityState) -> Result<Pair, String> {
    if state.preset == "region" {
        return Ok(Pair {
            incident: region(state.zones, state.cells)?,
            what_if: None,
            notes: Vec::new(),
            what_ifs: Vec::new(),
        });
    }
    let preset = presets()?
        .iter()
        .find(|p| p.id == state.preset)
        .ok_or_else(|| format!("no preset {}", state.preset))?;
    let what_if = state.what_if.as_ref().and_then(|id| {
        preset
            .what_ifs
            .iter()
            .find(|w| id.is_empty() || w.id == id)
            .map(|w| (w.id.to_owned(), w.scenario.clone()))
    });
    Ok(Pair {
        incident: preset.incident.clone(),
        what_if,
        notes: preset.notes.clone(),
        what_ifs: preset.what_ifs.iter().map(|w| w.id).collect(),
    })
}

/// The scenarios with every edit applied (not yet validated).
pub fn build(state: &StabilityState) -> Result<Pair, String> {
    edited(base(state)?, state)
}

/// An imported scenario, alone on the left.
pub fn imported(s: Scenario) -> Pair {
    Pair {
        incident: s,
        what_if: None,
        notes: Vec::new(),
        what_ifs: Vec::new(),
    }
}

/// A pair with the state's edits applied.
pub fn edited(mut pair: Pair, state: &StabilityState) -> Result<Pair, String> {
    // The "1-5-10" what-if is about the response: the user's response edits stay on the left.
    let keeps_response = pair
        .what_if
        .as_ref()
        .is_some_and(|(id, _)| id == "response-1-5-10");
    apply(&mut pair.incident, state, true);
    if let Some((_, s)) = pair.what_if.as_mut() {
        apply(s, state, !keeps_response);
    }
    Ok(pair)
}

/// A rejected pair: which side and the engine's reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejection {
    /// 0 for the incident, 1 for the what-if.
    pub side: usize,
    /// The engine's field path and problem.
    pub error: ScenarioError,
}

/// Validates both sides and returns their exact figures (per segment), or the first reason.
pub fn check(pair: &Pair) -> Result<Vec<Vec<ExactOutcome>>, Rejection> {
    let mut out = Vec::new();
    let sides = std::iter::once(&pair.incident).chain(pair.what_if.as_ref().map(|(_, s)| s));
    for (side, s) in sides.enumerate() {
        out.push(yunce_reliab::exact(s).map_err(|error| Rejection { side, error })?);
    }
    Ok(out)
}

fn set_duration(d: &mut Duration, minutes: f64) {
    *d = Duration::Fixed {
        minutes: Value::user(minutes),
    };
}

fn apply(s: &mut Scenario, st: &StabilityState, response: bool) {
    s.years = st.years;
    s.seed = st.seed;
    s.sla_targets_percent = st.sla.clone();
    for c in &mut s.components {
        let rate = match c.kind {
            ComponentKind::ControlPlane => st.param(Param::ControlPlaneRate),
            ComponentKind::AuthService | ComponentKind::Database => st.param(Param::ServiceRate),
            ComponentKind::Dns => st.param(Param::DnsRate),
            ComponentKind::PowerCooling => st.param(Param::PowerRate),
            _ => None,
        };
        if let Some(v) = rate {
            c.failure = FailureRate::PerYear(Value::user(v));
        }
        if c.kind == ComponentKind::Node {
            if let Some(v) = st.param(Param::NodeMtbf) {
                c.failure = FailureRate::MtbfHours(Value::user(v));
            }
            if let Some(v) = st.param(Param::NodeRepair) {
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
            if let Some(v) = st.param(Param::PowerMedian) {
                *median_minutes = Value::user(v);
            }
            if let Some(v) = st.param(Param::PowerSigma) {
                *sigma = Value::user(v);
            }
        }
    }
    for ch in &mut s.changes {
        if let Some(v) = st.param(Param::Deploys) {
            ch.deploys_per_year = Value::user(v);
        }
        if let Some(v) = st.param(Param::ChangeFailure) {
            ch.change_failure_rate = Value::user(v);
        }
        match st.rollout {
            Some(RolloutChoice::AllAtOnce) => ch.rollout = Rollout::AllAtOnce,
            Some(RolloutChoice::Gray) if ch.rollout == Rollout::AllAtOnce => {
                ch.rollout = Rollout::Gray {
                    bake_minutes: Value::assumed(30.0, "30 minutes between gray stages; no source"),
                }
            }
            _ => {}
        }
        if let (Rollout::Gray { bake_minutes }, Some(v)) = (&mut ch.rollout, st.param(Param::Bake))
        {
            *bake_minutes = Value::user(v);
        }
    }
    if let Some(k) = st.k {
        for seg in &mut s.segments {
            set_node_k(&mut seg.structure, k, &s.components);
        }
    }
    if response {
        let r = &mut s.response;
        for (p, d) in [
            (Param::Detect, &mut r.detect),
            (Param::Locate, &mut r.locate),
            (Param::Recover, &mut r.recover),
        ] {
            if let Some(v) = st.param(p) {
                set_duration(d, v);
            }
        }
    }
}

/// Sets k on every k-of-n gate whose blocks are all nodes.
fn set_node_k(b: &mut Block, k: u32, comps: &[yunce_reliab::Component]) {
    let is_node = |b: &Block| match b {
        Block::Component(n) => comps
            .iter()
            .any(|c| &c.name == n && c.kind == ComponentKind::Node),
        _ => false,
    };
    match b {
        Block::Component(_) => {}
        Block::Series(v) | Block::Parallel(v) => v.iter_mut().for_each(|b| set_node_k(b, k, comps)),
        Block::KOfN { k: kk, of } => {
            if !of.is_empty() && of.iter().all(is_node) {
                *kk = k;
            } else {
                of.iter_mut().for_each(|b| set_node_k(b, k, comps));
            }
        }
    }
}

/// The unedited value of a parameter in a scenario (the first place it occurs), or `None`
/// when the scenario has no such part.
pub fn default_of(s: &Scenario, p: Param) -> Option<Value> {
    let comp = |kinds: &[ComponentKind]| s.components.iter().find(|c| kinds.contains(&c.kind));
    let per_year = |kinds: &[ComponentKind]| {
        comp(kinds).map(|c| match &c.failure {
            FailureRate::PerYear(v) => v.clone(),
            FailureRate::MtbfHours(v) => Value {
                value: yunce_reliab::model::HOURS_PER_YEAR / v.value,
                basis: v.basis.clone(),
            },
        })
    };
    let power = || match comp(&[ComponentKind::PowerCooling]).map(|c| &c.repair) {
        Some(Repair::Time(Duration::LogNormal {
            median_minutes,
            sigma,
        })) => Some((median_minutes.clone(), sigma.clone())),
        _ => None,
    };
    let duration = |d: &Duration| d.values().first().map(|(_, v)| (*v).clone());
    let uses_response =
        s.components.iter().any(|c| c.repair == Repair::Response) || !s.changes.is_empty();
    match p {
        Param::NodeMtbf => comp(&[ComponentKind::Node]).map(|c| match &c.failure {
            FailureRate::MtbfHours(v) => v.clone(),
            FailureRate::PerYear(v) => Value {
                value: yunce_reliab::model::HOURS_PER_YEAR / v.value,
                basis: v.basis.clone(),
            },
        }),
        Param::NodeRepair => comp(&[ComponentKind::Node]).and_then(|c| match &c.repair {
            Repair::Time(d) => duration(d),
            Repair::Response => None,
        }),
        Param::PowerRate => per_year(&[ComponentKind::PowerCooling]),
        Param::PowerMedian => power().map(|(m, _)| m),
        Param::PowerSigma => power().map(|(_, s)| s),
        Param::ControlPlaneRate => per_year(&[ComponentKind::ControlPlane]),
        Param::ServiceRate => per_year(&[ComponentKind::AuthService, ComponentKind::Database]),
        Param::DnsRate => per_year(&[ComponentKind::Dns]),
        Param::Deploys => s.changes.first().map(|c| c.deploys_per_year.clone()),
        Param::ChangeFailure => s.changes.first().map(|c| c.change_failure_rate.clone()),
        Param::Bake => s.changes.iter().find_map(|c| match &c.rollout {
            Rollout::Gray { bake_minutes } => Some(bake_minutes.clone()),
            Rollout::AllAtOnce => None,
        }),
        Param::Detect if uses_response => duration(&s.response.detect),
        Param::Locate if uses_response => duration(&s.response.locate),
        Param::Recover if uses_response => duration(&s.response.recover),
        Param::Detect | Param::Locate | Param::Recover => None,
    }
}

/// The k of the first k-of-n gate over nodes, and its n.
pub fn node_gate(s: &Scenario) -> Option<(u32, u32)> {
    fn find(b: &Block, s: &Scenario) -> Option<(u32, u32)> {
        match b {
            Block::Component(_) => None,
            Block::Series(v) | Block::Parallel(v) => v.iter().find_map(|b| find(b, s)),
            Block::KOfN { k, of } => {
                let nodes = of.iter().all(|b| match b {
                    Block::Component(n) => s
                        .components
                        .iter()
                        .any(|c| &c.name == n && c.kind == ComponentKind::Node),
                    _ => false,
                });
                if nodes && !of.is_empty() {
                    Some((*k, of.len() as u32))
                } else {
                    of.iter().find_map(|b| find(b, s))
                }
            }
        }
    }
    s.segments.iter().find_map(|seg| find(&seg.structure, s))
}

/// Whether the scenario has a change process (the rollout choice applies).
pub fn has_changes(s: &Scenario) -> bool {
    !s.changes.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use yunce_reliab::Problem;

    fn checked(st: &StabilityState) -> Result<Vec<Vec<ExactOutcome>>, Rejection> {
        let pair = build(st).map_err(|e| Rejection {
            side: 9,
            error: ScenarioError::new(e, Problem::Empty),
        })?;
        check(&pair)
    }

    #[test]
    fn every_preset_builds_and_validates_with_its_what_if() {
        for p in super::super::state::PRESETS {
            let st = StabilityState {
                preset: p,
                zones: 1,
                cells: 2,
                ..StabilityState::default()
            };
            let pair = build(&st);
            assert!(pair.is_ok(), "{p}: {pair:?}");
            if let Ok(pair) = pair {
                assert_eq!(pair.what_if.is_some(), p != "region", "{p}");
                assert!(check(&pair).is_ok(), "{p}");
            }
        }
    }

    #[test]
    fn edits_reach_the_scenario_and_meaningless_ones_are_rejected_with_the_reason() {
        let mut st = StabilityState::default();
        st.set_param(Param::NodeMtbf, Some(1000.0));
        st.k = Some(3);
        let pair = build(&st);
        assert!(pair.is_ok());
        if let Ok(pair) = pair {
            let mtbf = default_of(&pair.incident, Param::NodeMtbf);
            assert_eq!(mtbf.map(|v| v.value), Some(1000.0));
            assert_eq!(node_gate(&pair.incident), Some((3, 3)));
        }
        let cases: [(fn(&mut StabilityState), &str); 3] = [
            (|s| s.set_param(Param::NodeRepair, Some(0.0)), "MTTR"),
            (|s| s.k = Some(4), "k = 4 exceeds n = 3"),
            (
                |s| s.set_param(Param::NodeMtbf, Some(0.01)),
                "must exceed MTTR",
            ),
        ];
        for (edit, reason) in cases {
            let mut st = StabilityState::default();
            edit(&mut st);
            let r = checked(&st);
            assert!(
                r.as_ref()
                    .is_err_and(|e| e.error.to_string().contains(reason)),
                "{r:?}"
            );
        }
        let st = StabilityState {
            preset: "ak-whitelist",
            ..StabilityState::default()
        };
        let mut st = st;
        st.set_param(Param::ChangeFailure, Some(1.5));
        let r = checked(&st);
        assert!(r.is_err_and(|e| e.error.to_string().contains("[0, 1]")));
    }

    #[test]
    fn defaults_carry_their_source_or_an_assumption() {
        let pair = base(&StabilityState::default());
        assert!(pair.is_ok());
        if let Ok(pair) = pair {
            let mtbf = default_of(&pair.incident, Param::NodeMtbf);
            assert!(mtbf.is_some_and(|v| !v.is_unsourced() && v.value == 6336.0));
            assert!(default_of(&pair.incident, Param::Deploys).is_none());
        }
    }
}
