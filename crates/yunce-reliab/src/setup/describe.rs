//! What the editor shows for a setup: every editable default with its provenance, the
//! k-of-n gate over nodes, and the engine's verdict on the edited scenarios.

use super::{Knob, Setup, SetupError, base, over_nodes, scenarios};
use crate::model::{
    Block, ComponentKind, Duration, FailureRate, HOURS_PER_YEAR, Repair, Rollout, Scenario,
};
use crate::value::Value;
use serde::{Deserialize, Serialize};

/// The (k, n) of the first k-of-n gate over nodes.
pub fn node_gate(s: &Scenario) -> Option<(u32, u32)> {
    fn find(b: &Block, nodes: &[String]) -> Option<(u32, u32)> {
        match b {
            Block::Component(_) => None,
            Block::Series(v) | Block::Parallel(v) => v.iter().find_map(|b| find(b, nodes)),
            Block::KOfN { k, of } if over_nodes(of, nodes) => Some((*k, of.len() as u32)),
            Block::KOfN { of, .. } => of.iter().find_map(|b| find(b, nodes)),
        }
    }
    let nodes: Vec<String> = s
        .components
        .iter()
        .filter(|c| c.kind == ComponentKind::Node)
        .map(|c| c.name.clone())
        .collect();
    s.segments
        .iter()
        .find_map(|seg| find(&seg.structure, &nodes))
}

fn as_per_year(f: &FailureRate) -> Value {
    match f {
        FailureRate::PerYear(v) => v.clone(),
        FailureRate::MtbfHours(v) => Value {
            value: HOURS_PER_YEAR / v.value,
            basis: v.basis.clone(),
        },
    }
}

/// The unedited value of a knob in a scenario (the first place it occurs), or `None` when
/// the scenario has no such part.
pub fn default_of(s: &Scenario, k: Knob) -> Option<Value> {
    let comp = |kinds: &[ComponentKind]| s.components.iter().find(|c| kinds.contains(&c.kind));
    let per_year = |kinds: &[ComponentKind]| comp(kinds).map(|c| as_per_year(&c.failure));
    let power = || match comp(&[ComponentKind::PowerCooling]).map(|c| &c.repair) {
        Some(Repair::Time(Duration::LogNormal {
            median_minutes,
            sigma,
        })) => Some((median_minutes.clone(), sigma.clone())),
        _ => None,
    };
    let first = |d: &Duration| d.values().first().map(|(_, v)| (*v).clone());
    let uses_response =
        s.components.iter().any(|c| c.repair == Repair::Response) || !s.changes.is_empty();
    match k {
        Knob::NodeMtbf => comp(&[ComponentKind::Node]).map(|c| match &c.failure {
            FailureRate::MtbfHours(v) => v.clone(),
            FailureRate::PerYear(v) => Value {
                value: HOURS_PER_YEAR / v.value,
                basis: v.basis.clone(),
            },
        }),
        Knob::NodeRepair => comp(&[ComponentKind::Node]).and_then(|c| match &c.repair {
            Repair::Time(d) => first(d),
            Repair::Response => None,
        }),
        Knob::PowerRate => per_year(&[ComponentKind::PowerCooling]),
        Knob::PowerMedian => power().map(|(m, _)| m),
        Knob::PowerSigma => power().map(|(_, s)| s),
        Knob::ControlPlaneRate => per_year(&[ComponentKind::ControlPlane]),
        Knob::ServiceRate => per_year(&[ComponentKind::AuthService, ComponentKind::Database]),
        Knob::DnsRate => per_year(&[ComponentKind::Dns]),
        Knob::Deploys => s.changes.first().map(|c| c.deploys_per_year.clone()),
        Knob::ChangeFailure => s.changes.first().map(|c| c.change_failure_rate.clone()),
        Knob::Bake => s.changes.iter().find_map(|c| match &c.rollout {
            Rollout::Gray { bake_minutes } => Some(bake_minutes.clone()),
            Rollout::AllAtOnce => None,
        }),
        Knob::Detect if uses_response => first(&s.response.detect),
        Knob::Locate if uses_response => first(&s.response.locate),
        Knob::Recover if uses_response => first(&s.response.recover),
        Knob::Detect | Knob::Locate | Knob::Recover => None,
    }
}

/// What the editor shows for a setup.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Description {
    /// What-if ids the preset offers.
    pub what_ifs: Vec<String>,
    /// The preset's modelling notes.
    pub notes: Vec<String>,
    /// Components of the left scenario.
    pub components: u32,
    /// Every knob the scenarios have, with its unedited value and provenance.
    pub defaults: Vec<(Knob, Value)>,
    /// (k, n) of the node gates, unedited.
    pub node_gate: Option<(u32, u32)>,
    /// Whether a change process exists (the rollout choice applies).
    pub has_changes: bool,
    /// Name and component count of each scenario simulated, left first.
    pub names: Vec<(String, u32)>,
    /// Why the setup gives no scenarios, if it does not.
    pub problem: Option<SetupError>,
}

/// The editor's view of a setup: defaults from the unedited scenarios, and the engine's
/// verdict on the edited ones.
pub fn describe(setup: &Setup, imported: Option<&Scenario>) -> Description {
    let base = match base(setup, imported) {
        Ok(b) => b,
        Err(e) => {
            return Description {
                problem: Some(e),
                ..Description::default()
            };
        }
    };
    let sides: Vec<&Scenario> = std::iter::once(&base.incident)
        .chain(base.what_if.as_ref().map(|(_, s)| s))
        .collect();
    let defaults = Knob::ALL
        .into_iter()
        .filter_map(|k| sides.iter().find_map(|s| default_of(s, k)).map(|v| (k, v)))
        .collect();
    let (names, problem) = match scenarios(setup, imported) {
        Ok(p) => (
            p.scenarios()
                .into_iter()
                .map(|s| (s.name, s.components.len() as u32))
                .collect(),
            None,
        ),
        Err(e) => (Vec::new(), Some(e)),
    };
    Description {
        what_ifs: base.what_ifs.clone(),
        notes: base.notes.clone(),
        components: base.incident.components.len() as u32,
        defaults,
        node_gate: node_gate(&base.incident),
        has_changes: sides.iter().any(|s| !s.changes.is_empty()),
        names,
        problem,
    }
}
