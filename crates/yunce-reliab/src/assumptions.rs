//! The assumptions behind every result: the model's own simplifications, and every
//! parameter value in the scenario that has no source.

use crate::model::{Duration, FailureRate, Repair, Rollout, Scenario, ScriptedKind};
use crate::value::{Basis, Value};
use serde::{Deserialize, Serialize};

/// What kind of assumption a record is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssumptionKind {
    /// A simplification built into the model.
    Model,
    /// A parameter value chosen by us without a source.
    Parameter,
    /// A parameter value the user typed.
    UserInput,
}

/// One assumption, shown beside the results it affects.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assumption {
    /// What kind it is.
    pub kind: AssumptionKind,
    /// What it is about: a stable model key, or the field path of a parameter.
    pub subject: String,
    /// The assumption in one sentence.
    pub statement: String,
}

/// The model's simplifications, in a stable order.
pub const MODEL_ASSUMPTIONS: [(&str, &str); 8] = [
    (
        "exponential_uptime",
        "Components fail at a constant rate: up-times are exponential (no wear-out, no infant mortality).",
    ),
    (
        "independent_failures",
        "Components fail independently except through correlated groups, shared components and changes.",
    ),
    (
        "independent_repair",
        "A failed component is repaired at once unless a repair pool limits the crews; then it waits its turn.",
    ),
    (
        "failure_while_forced_down",
        "A component's own failure process runs on while a group event or bad change holds it down.",
    ),
    (
        "binary_state",
        "A component is up or down; degraded states (fail-slow, partial capacity) are not modelled.",
    ),
    (
        "yearly_sla_window",
        "SLA breaches are judged on a whole year's downtime, not month by month as SLAs are written.",
    ),
    (
        "continuous_run",
        "Years follow each other in one run that starts with everything up; the first year misses outages already under way.",
    ),
    (
        "gray_stops_at_detection",
        "A gray release deploys one stage per bake time and stops at detection; everything deployed is rolled back after location and recovery.",
    ),
];

/// Every assumption of a scenario: the model's, then each unsourced value by field path.
pub fn of_scenario(s: &Scenario) -> Vec<Assumption> {
    let mut out: Vec<Assumption> = MODEL_ASSUMPTIONS
        .iter()
        .map(|(k, t)| Assumption {
            kind: AssumptionKind::Model,
            subject: (*k).to_owned(),
            statement: (*t).to_owned(),
        })
        .collect();
    for (path, v) in values(s) {
        match &v.basis {
            Basis::Source { .. } => {}
            Basis::Assumption { reason } => out.push(Assumption {
                kind: AssumptionKind::Parameter,
                subject: path,
                statement: format!("{} (assumed): {reason}", v.value),
            }),
            Basis::User => out.push(Assumption {
                kind: AssumptionKind::UserInput,
                subject: path,
                statement: format!("{} (entered by the user)", v.value),
            }),
        }
    }
    out
}

fn push_duration<'a>(out: &mut Vec<(String, &'a Value)>, path: &str, d: &'a Duration) {
    for (name, v) in d.values() {
        out.push((format!("{path}.{name}"), v));
    }
}

/// Every parameter value in a scenario with its field path, in file order.
pub fn values(s: &Scenario) -> Vec<(String, &Value)> {
    let mut out = Vec::new();
    for (i, c) in s.components.iter().enumerate() {
        let v = match &c.failure {
            FailureRate::MtbfHours(v) | FailureRate::PerYear(v) => v,
        };
        out.push((format!("components[{i}].failure"), v));
        if let Repair::Time(d) = &c.repair {
            push_duration(&mut out, &format!("components[{i}].repair"), d);
        }
    }
    for (i, seg) in s.segments.iter().enumerate() {
        out.push((format!("segments[{i}].customer_share"), &seg.customer_share));
    }
    for (i, g) in s.groups.iter().enumerate() {
        out.push((format!("groups[{i}].events_per_year"), &g.events_per_year));
        push_duration(&mut out, &format!("groups[{i}].duration"), &g.duration);
    }
    for (i, ch) in s.changes.iter().enumerate() {
        out.push((
            format!("changes[{i}].deploys_per_year"),
            &ch.deploys_per_year,
        ));
        out.push((
            format!("changes[{i}].change_failure_rate"),
            &ch.change_failure_rate,
        ));
        if let Rollout::Gray { bake_minutes } = &ch.rollout {
            out.push((format!("changes[{i}].rollout.bake_minutes"), bake_minutes));
        }
    }
    push_duration(&mut out, "response.detect", &s.response.detect);
    push_duration(&mut out, "response.locate", &s.response.locate);
    push_duration(&mut out, "response.recover", &s.response.recover);
    for (i, inc) in s.scripted.iter().enumerate() {
        if let ScriptedKind::Outage { duration, .. } = &inc.kind {
            push_duration(&mut out, &format!("scripted[{i}].duration"), duration);
        }
    }
    out
}
