//! Validation and compilation of a [`Scenario`] into indexed arrays the engines use.
//!
//! Every check that can make a result meaningless happens here, once, with the field's
//! path in the error. Nothing later indexes by a user-supplied number unchecked.

use crate::checks::{finite, non_negative, positive, probability, too_large};
use crate::error::{Problem, ScenarioError};
use crate::model::{Block, Duration, HOURS_PER_YEAR, Repair, Rollout, Scenario, ScriptedKind};
use crate::value::Value;
use std::collections::BTreeMap;
use structure::{add_block, index_names, resolve};

mod structure;

/// Most simulated years one run accepts.
pub const MAX_YEARS: u32 = 10_000_000;
/// Most components one scenario accepts.
pub const MAX_COMPONENTS: usize = 200_000;
/// Deepest structure nesting accepted.
pub const MAX_DEPTH: usize = 64;
/// Most yearly figures one run keeps (years × (segments + 2)), about 400 MB.
pub const MAX_YEARLY_VALUES: u64 = 50_000_000;
/// Largest lognormal sigma accepted.
pub const MAX_SIGMA: f64 = 4.0;

/// A duration distribution in hours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Dist {
    /// Always this many hours.
    Fixed(f64),
    /// Exponential with this mean in hours.
    Exponential(f64),
    /// Lognormal with this median in hours and log-space sigma.
    LogNormal(f64, f64),
}

impl Dist {
    /// Mean in hours.
    pub fn mean(self) -> f64 {
        match self {
            Self::Fixed(h) | Self::Exponential(h) => h,
            Self::LogNormal(m, s) => m * crate::portable::exp(s * s / 2.0),
        }
    }
}

/// A component's repair in hours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RepairDist {
    /// Drawn from a distribution.
    Dist(Dist),
    /// The scenario's response times.
    Response,
}

/// A compiled component.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// Mean up-time in hours; infinite when it never fails.
    pub mtbf: f64,
    /// Repair time.
    pub repair: RepairDist,
    /// Gates that list this component as a child, once per listing.
    pub parents: Vec<u32>,
    /// Repair pool it belongs to.
    pub pool: Option<u32>,
}

/// A k-of-n gate; series and parallel are special cases.
#[derive(Clone, Debug, PartialEq)]
pub struct Gate {
    /// Children that must be up.
    pub k: u32,
    /// Children.
    pub n: u32,
    /// Parent gate, or `None` for a segment's root.
    pub parent: Option<u32>,
    /// Segment whose root this is.
    pub segment: Option<u32>,
}

/// A compiled change process.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Bad changes per hour.
    pub bad_per_hour: f64,
    /// Component indices per stage.
    pub stages: Vec<Vec<u32>>,
    /// Hours between stages; `None` for all at once.
    pub bake: Option<f64>,
}

/// A compiled scripted incident.
#[derive(Clone, Debug, PartialEq)]
pub enum Scripted {
    /// Components down for a duration.
    Outage {
        /// Start hour within each year.
        start: f64,
        /// Component indices.
        targets: Vec<u32>,
        /// Duration in hours.
        duration: Dist,
    },
    /// A bad change of a change process.
    BadChange {
        /// Start hour within each year.
        start: f64,
        /// Change process index.
        change: u32,
    },
}

/// A compiled correlated group.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Events per hour.
    pub per_hour: f64,
    /// Component indices.
    pub members: Vec<u32>,
    /// Event duration.
    pub duration: Dist,
}

/// A scenario as indexed arrays, valid by construction.
#[derive(Clone, Debug, PartialEq)]
pub struct Compiled {
    /// Components in scenario order.
    pub units: Vec<Unit>,
    /// Gates; children come before parents.
    pub gates: Vec<Gate>,
    /// Root gate of each segment.
    pub roots: Vec<u32>,
    /// Customer share of each segment.
    pub shares: Vec<f64>,
    /// Correlated groups.
    pub groups: Vec<Group>,
    /// Change processes.
    pub changes: Vec<Change>,
    /// Detection, location and recovery.
    pub response: [Dist; 3],
    /// Scripted incidents.
    pub scripted: Vec<Scripted>,
    /// Crews of each repair pool.
    pub pool_crews: Vec<u32>,
}

/// Validates `scenario` and compiles it; the error names the field and the reason.
pub fn compile(scenario: &Scenario) -> Result<Compiled, ScenarioError> {
    if scenario.years == 0 {
        return Err(ScenarioError::new("years", Problem::NotPositive(0.0)));
    }
    if scenario.years > MAX_YEARS {
        return Err(too_large("years", scenario.years.into(), MAX_YEARS.into()));
    }
    if scenario.components.len() > MAX_COMPONENTS {
        let n = scenario.components.len() as u64;
        return Err(too_large("components", n, MAX_COMPONENTS as u64));
    }
    for (i, t) in scenario.sla_targets_percent.iter().enumerate() {
        let path = format!("sla_targets_percent[{i}]");
        probability(&path, &Value::user(finite(&path, *t)? / 100.0))?;
    }
    let response = [
        dist("response.detect", &scenario.response.detect)?,
        dist("response.locate", &scenario.response.locate)?,
        dist("response.recover", &scenario.response.recover)?,
    ];
    let response_mean: f64 = response.iter().map(|d| d.mean()).sum();
    let names = index_names(scenario)?;
    let mut units = Vec::with_capacity(scenario.components.len());
    for (i, c) in scenario.components.iter().enumerate() {
        let path = format!("components[{i}]");
        let mtbf = match &c.failure {
            crate::model::FailureRate::MtbfHours(v) => positive(&format!("{path}.failure"), v)?,
            crate::model::FailureRate::PerYear(v) => {
                let rate = non_negative(&format!("{path}.failure"), v)?;
                if rate == 0.0 {
                    f64::INFINITY
                } else {
                    HOURS_PER_YEAR / rate
                }
            }
        };
        let (repair, mttr) = match &c.repair {
            Repair::Time(d) => {
                let d = dist(&format!("{path}.repair"), d)?;
                (RepairDist::Dist(d), d.mean())
            }
            Repair::Response => (RepairDist::Response, response_mean),
        };
        if mttr <= 0.0 {
            return Err(ScenarioError::new(
                format!("{path}.repair"),
                Problem::ZeroRepairTime,
            ));
        }
        if mtbf <= mttr {
            return Err(ScenarioError::new(
                path,
                Problem::MtbfNotAboveMttr {
                    mtbf_hours: mtbf,
                    mttr_hours: mttr,
                },
            ));
        }
        units.push(Unit {
            mtbf,
            repair,
            parents: Vec::new(),
            pool: None,
        });
    }
    if scenario.segments.is_empty() {
        return Err(ScenarioError::new("segments", Problem::Empty));
    }
    let kept = u64::from(scenario.years) * (scenario.segments.len() as u64 + 2);
    if kept > MAX_YEARLY_VALUES {
        return Err(too_large("years", kept, MAX_YEARLY_VALUES));
    }
    let mut gates = Vec::new();
    let mut roots = Vec::new();
    let mut shares = Vec::new();
    for (s, seg) in scenario.segments.iter().enumerate() {
        let path = format!("segments[{s}]");
        shares.push(probability(
            &format!("{path}.customer_share"),
            &seg.customer_share,
        )?);
        let root = match &seg.structure {
            // A bare component becomes a 1-of-1 gate so every segment has a root gate.
            Block::Component(_) => {
                let wrapped = Block::Series(vec![seg.structure.clone()]);
                add_block(
                    &wrapped,
                    &format!("{path}.structure"),
                    0,
                    &names,
                    &mut units,
                    &mut gates,
                )?
            }
            b => add_block(
                b,
                &format!("{path}.structure"),
                0,
                &names,
                &mut units,
                &mut gates,
            )?,
        };
        gates[root as usize].segment = Some(s as u32);
        roots.push(root);
    }
    let total: f64 = shares.iter().sum();
    if total > 1.0 + 1e-9 {
        return Err(ScenarioError::new(
            "segments",
            Problem::SharesAboveOne(total),
        ));
    }
    let mut groups = Vec::new();
    for (g, grp) in scenario.groups.iter().enumerate() {
        let path = format!("groups[{g}]");
        let per_year = non_negative(&format!("{path}.events_per_year"), &grp.events_per_year)?;
        let duration = dist(&format!("{path}.duration"), &grp.duration)?;
        if per_year > 0.0 && duration.mean() <= 0.0 {
            return Err(ScenarioError::new(
                format!("{path}.duration"),
                Problem::ZeroRepairTime,
            ));
        }
        groups.push(Group {
            per_hour: per_year / HOURS_PER_YEAR,
            members: resolve(&grp.members, &format!("{path}.members"), &names)?,
            duration,
        });
    }
    let mut changes = Vec::new();
    let mut change_names = BTreeMap::new();
    for (c, ch) in scenario.changes.iter().enumerate() {
        let path = format!("changes[{c}]");
        if change_names.insert(ch.name.as_str(), c as u32).is_some() {
            return Err(ScenarioError::new(
                format!("{path}.name"),
                Problem::DuplicateName(ch.name.clone()),
            ));
        }
        let deploys = non_negative(&format!("{path}.deploys_per_year"), &ch.deploys_per_year)?;
        let cfr = probability(
            &format!("{path}.change_failure_rate"),
            &ch.change_failure_rate,
        )?;
        if ch.stages.is_empty() {
            return Err(ScenarioError::new(format!("{path}.stages"), Problem::Empty));
        }
        let stages = ch
            .stages
            .iter()
            .enumerate()
            .map(|(j, st)| resolve(st, &format!("{path}.stages[{j}]"), &names))
            .collect::<Result<Vec<_>, _>>()?;
        let bake = match &ch.rollout {
            Rollout::AllAtOnce => None,
            Rollout::Gray { bake_minutes } => {
                Some(positive(&format!("{path}.rollout.bake_minutes"), bake_minutes)? / 60.0)
            }
        };
        changes.push(Change {
            bad_per_hour: deploys * cfr / HOURS_PER_YEAR,
            stages,
            bake,
        });
    }
    if !changes.is_empty() && response_mean <= 0.0 {
        return Err(ScenarioError::new("response", Problem::ZeroRepairTime));
    }
    let mut scripted = Vec::new();
    for (i, inc) in scenario.scripted.iter().enumerate() {
        let path = format!("scripted[{i}]");
        let start = finite(&format!("{path}.start_hour"), inc.start_hour)?;
        if !(0.0..HOURS_PER_YEAR).contains(&start) {
            return Err(ScenarioError::new(
                format!("{path}.start_hour"),
                Problem::OutsideYear(start),
            ));
        }
        scripted.push(match &inc.kind {
            ScriptedKind::Outage { targets, duration } => Scripted::Outage {
                start,
                targets: resolve(targets, &format!("{path}.targets"), &names)?,
                duration: dist(&format!("{path}.duration"), duration)?,
            },
            ScriptedKind::BadChange { change } => Scripted::BadChange {
                start,
                change: *change_names.get(change.as_str()).ok_or_else(|| {
                    ScenarioError::new(
                        format!("{path}.change"),
                        Problem::UnknownName(change.clone()),
                    )
                })?,
            },
        });
    }
    let mut pool_crews = Vec::new();
    for (i, pool) in scenario.repair_pools.iter().enumerate() {
        let path = format!("repair_pools[{i}]");
        if pool.crews == 0 {
            return Err(ScenarioError::new(
                format!("{path}.crews"),
                Problem::NotPositive(0.0),
            ));
        }
        for (j, u) in resolve(&pool.members, &format!("{path}.members"), &names)?
            .into_iter()
            .enumerate()
        {
            let unit = &mut units[u as usize];
            if unit.pool.is_some() {
                return Err(ScenarioError::new(
                    format!("{path}.members[{j}]"),
                    Problem::DuplicateName(pool.members[j].clone()),
                ));
            }
            unit.pool = Some(i as u32);
        }
        pool_crews.push(pool.crews);
    }
    Ok(Compiled {
        units,
        gates,
        roots,
        shares,
        groups,
        changes,
        response,
        scripted,
        pool_crews,
    })
}

pub(crate) fn dist(path: &str, d: &Duration) -> Result<Dist, ScenarioError> {
    Ok(match d {
        Duration::Fixed { minutes } => {
            Dist::Fixed(non_negative(&format!("{path}.minutes"), minutes)? / 60.0)
        }
        Duration::Exponential { mean_minutes } => {
            Dist::Exponential(non_negative(&format!("{path}.mean_minutes"), mean_minutes)? / 60.0)
        }
        Duration::LogNormal {
            median_minutes,
            sigma,
        } => {
            let m = non_negative(&format!("{path}.median_minutes"), median_minutes)? / 60.0;
            let s = non_negative(&format!("{path}.sigma"), sigma)?;
            if s > MAX_SIGMA {
                return Err(ScenarioError::new(
                    format!("{path}.sigma"),
                    Problem::SigmaTooLarge(s),
                ));
            }
            Dist::LogNormal(m, s)
        }
    })
}
