//! The solve: validate, build, solve the mixed-integer model with microlp, re-check the
//! answer, then price the constraints on the LP relaxation.
//!
//! **Shadow prices by finite difference.** microlp reports no dual values, so a binding
//! constraint's shadow price is measured: the LP relaxation is solved again with that
//! constraint's right-hand side relaxed by a small step (1e-4 of its value, at least
//! 1e-4 of a unit), and the objective change is divided by the step. On a linear program
//! this equals the dual value unless a breakpoint lies inside the step. The tests compare
//! these figures with the duals of a second solver (clarabel).
//!
//! **Infeasibility.** A deletion filter over the constraint groups: starting from all of
//! them, each group in turn is left out; if the rest is still infeasible the group is
//! dropped for good, otherwise it is kept. What remains is a smallest conflicting set: it is
//! infeasible and removing any one member makes it feasible.

use crate::error::PlanError;
use crate::model::{self, Constraint, LinearProgram, Sense, SolveFailure};
use crate::plan::{
    ConstraintReport, ExcludedChip, Exclusion, Plan, mix, objective_unit, rhs_scale,
};
use crate::scenario::{Mode, Scenario};

/// What a solve computes beyond the plan itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SolveOptions {
    /// Price every binding constraint and the export regime (several LP re-solves).
    pub shadow_prices: bool,
    /// Relative gap at which branch and bound may stop: the plan's objective is then within
    /// this fraction of the LP bound (both are reported). 0 asks for a proof of optimality.
    pub mip_gap: f64,
}

impl SolveOptions {
    /// The plan alone: no shadow prices, the default gap.
    pub const PLAN_ONLY: Self = Self {
        shadow_prices: false,
        mip_gap: DEFAULT_MIP_GAP,
    };
}

/// The default relative gap (see [`SolveOptions::mip_gap`]).
pub const DEFAULT_MIP_GAP: f64 = 1e-3;

impl Default for SolveOptions {
    fn default() -> Self {
        Self {
            shadow_prices: true,
            mip_gap: DEFAULT_MIP_GAP,
        }
    }
}

/// Solves a scenario with shadow prices. See [`solve_with`].
pub fn solve(s: &Scenario) -> Result<Plan, PlanError> {
    solve_with(s, SolveOptions::default())
}

/// The validated model of a scenario with every constraint group in force.
pub fn linear_program(s: &Scenario) -> Result<LinearProgram, PlanError> {
    let errors = crate::validate::validate(s);
    if !errors.is_empty() {
        return Err(PlanError::Input(errors));
    }
    Ok(model::build(s, model::columns(s), &model::groups(s)))
}

/// Solves a scenario: the cheapest (or largest, or leanest) whole-server plan, re-checked
/// against every constraint before it is returned.
pub fn solve_with(s: &Scenario, options: SolveOptions) -> Result<Plan, PlanError> {
    let lp = linear_program(s)?;
    precheck_budgets(s, &lp)?;
    let (x, search_complete) = match crate::bb::branch_and_bound(&lp, options.mip_gap) {
        Ok(r) => (r.x, r.complete),
        Err(SolveFailure::Infeasible) => {
            return Err(PlanError::Infeasible {
                conflict: conflict(s, &lp),
            });
        }
        Err(SolveFailure::Unbounded) => return Err(PlanError::Unbounded),
        Err(SolveFailure::Solver(m)) => return Err(PlanError::Solver(m)),
    };
    let servers = check(&lp, &x)?;
    let xs: Vec<f64> = servers.iter().map(|&n| n as f64).collect();
    let (lines, totals) = mix(s, &lp, &servers);
    let (obj_scale, obj_unit) = objective_unit(&s.mode);
    let relaxed = lp
        .solve(false, 0.0)
        .map_err(|e| PlanError::Solver(format!("{e:?}")))?;
    let relaxation_objective = lp.objective_value(&relaxed) * obj_scale;
    let plan_rows = lp.row_values(&xs);
    let relaxed_rows = lp.row_values(&relaxed);
    let mut constraints = Vec::new();
    for (i, row) in lp.rows.iter().enumerate() {
        let (scale, unit) = rhs_scale(&row.constraint);
        let binding = (relaxed_rows[i] - row.rhs).abs() <= 1e-6 * row.rhs.abs().max(1.0);
        let (shadow_price, shadow_unit) = if options.shadow_prices && binding {
            shadow_price(s, &row.constraint, relaxation_objective)
        } else {
            (None, shadow_unit_of(&row.constraint, obj_unit))
        };
        constraints.push(ConstraintReport {
            constraint: row.constraint.clone(),
            sense: row.sense,
            rhs: row.rhs * scale,
            plan_value: plan_rows[i] * scale,
            rhs_unit: unit.to_owned(),
            binding,
            shadow_price,
            shadow_unit,
        });
    }
    let any_blocked = lp.columns.iter().any(|c| c.blocked);
    let objective_without_regime = (options.shadow_prices && any_blocked)
        .then(|| without_regime(s))
        .flatten();
    Ok(Plan {
        scenario: s.name.clone(),
        mode: s.mode.clone(),
        basis: s.basis,
        lines,
        totals,
        objective: lp.objective_value(&xs) * obj_scale,
        relaxation_objective,
        objective_unit: obj_unit.to_owned(),
        objective_without_regime,
        search_complete,
        constraints,
        excluded: excluded(s),
    })
}

/// Rounds the solver's values and checks integrality, signs and every row.
fn check(lp: &LinearProgram, x: &[f64]) -> Result<Vec<u64>, PlanError> {
    let mut servers = Vec::with_capacity(x.len());
    for (i, &v) in x.iter().enumerate() {
        let r = v.round();
        if !v.is_finite() || (v - r).abs() > 1e-6 || r < 0.0 || r > 1e12 {
            return Err(PlanError::CheckFailed(format!(
                "column {i} has value {v}, not a whole number of servers"
            )));
        }
        servers.push(r as u64);
    }
    let xs: Vec<f64> = servers.iter().map(|&n| n as f64).collect();
    for (row, lhs) in lp.rows.iter().zip(lp.row_values(&xs)) {
        let tol = 1e-7 * row.rhs.abs().max(1.0);
        let ok = match row.sense {
            Sense::AtMost => lhs <= row.rhs + tol,
            Sense::AtLeast => lhs >= row.rhs - tol,
        };
        if !ok {
            return Err(PlanError::CheckFailed(format!(
                "{} broken: {lhs} vs {}",
                row.constraint, row.rhs
            )));
        }
    }
    Ok(servers)
}

/// Clear errors for a budget that cannot buy or power a single allowed server.
fn precheck_budgets(s: &Scenario, lp: &LinearProgram) -> Result<(), PlanError> {
    let Mode::MaxEflops {
        capex_budget_rmb,
        mw_budget,
    } = &s.mode
    else {
        return Ok(());
    };
    let allowed = lp.columns.iter().filter(|c| !c.blocked);
    let name = |c: &model::Column| format!("{} at {}", s.chips[c.chip].name, s.sites[c.site].name);
    if let Some(b) = capex_budget_rmb
        && let Some(c) = allowed.clone().min_by(|a, b| a.capex.total_cmp(&b.capex))
        && c.capex * 1e6 > *b
    {
        return Err(PlanError::BudgetBelowOneServer {
            budget_rmb: *b,
            cheapest_rmb: c.capex * 1e6,
            server: name(c),
        });
    }
    if let Some(m) = mw_budget
        && let Some(c) = allowed.min_by(|a, b| a.facility_mw.total_cmp(&b.facility_mw))
        && c.facility_mw > *m
    {
        return Err(PlanError::MwBudgetBelowOneServer {
            budget_mw: *m,
            smallest_mw: c.facility_mw,
            server: name(c),
        });
    }
    Ok(())
}

/// The deletion filter over constraint groups (see the module docs).
fn conflict(s: &Scenario, lp: &LinearProgram) -> Vec<Constraint> {
    let feasible = |set: &[Constraint]| {
        let mut m = model::build(s, lp.columns.clone(), set);
        m.objective.iter_mut().for_each(|c| *c = 0.0);
        !matches!(m.solve(true, 0.0), Err(SolveFailure::Infeasible))
    };
    let mut set = model::groups(s);
    let mut i = 0;
    while i < set.len() {
        let mut trial = set.clone();
        trial.remove(i);
        if feasible(&trial) {
            i += 1;
        } else {
            set = trial;
        }
    }
    set
}

fn shadow_unit_of(c: &Constraint, obj_unit: &str) -> String {
    let per = match c {
        Constraint::ExportRegime => "lifted",
        Constraint::Target => "EFLOPS",
        Constraint::CapexBudget => "RMB bn",
        Constraint::MwBudget | Constraint::SiteMw(_) => "MW",
        Constraint::SupplyCap(_) => "1,000 cards",
        Constraint::DomesticShare => "percentage point",
        Constraint::MinMemory => "TB",
    };
    format!("{obj_unit} per {per}")
}

/// Relaxes one constraint by `step` (in its user unit; the share in fractions).
pub(crate) fn relaxed(s: &Scenario, c: &Constraint, step: f64) -> Scenario {
    let mut r = s.clone();
    match (c, &mut r.mode) {
        (Constraint::Target, Mode::MinTco { target_eflops } | Mode::MinMw { target_eflops }) => {
            *target_eflops -= step;
        }
        (
            Constraint::CapexBudget,
            Mode::MaxEflops {
                capex_budget_rmb: Some(b),
                ..
            },
        ) => *b += step,
        (
            Constraint::MwBudget,
            Mode::MaxEflops {
                mw_budget: Some(m), ..
            },
        ) => *m += step,
        (Constraint::SiteMw(id), _) => {
            r.sites
                .iter_mut()
                .filter(|x| &x.id == id)
                .for_each(|x| x.mw_available.value += step);
        }
        (Constraint::SupplyCap(id), _) => {
            for chip in r.chips.iter_mut().filter(|x| &x.id == id) {
                if let Some(cap) = &mut chip.supply_cap_cards {
                    cap.value += step;
                }
            }
        }
        (Constraint::DomesticShare, _) => {
            r.policy.min_domestic_share = r.policy.min_domestic_share.map(|v| v - step);
        }
        (Constraint::MinMemory, _) => {
            r.policy.min_memory_tb = r.policy.min_memory_tb.map(|v| v - step)
        }
        _ => {}
    }
    r
}

/// The right-hand side in user units, and the unit a shadow price is quoted per.
fn rhs_and_quote(s: &Scenario, c: &Constraint) -> Option<(f64, f64)> {
    Some(match (c, &s.mode) {
        (Constraint::Target, Mode::MinTco { target_eflops } | Mode::MinMw { target_eflops }) => {
            (*target_eflops, 1.0)
        }
        (
            Constraint::CapexBudget,
            Mode::MaxEflops {
                capex_budget_rmb: Some(b),
                ..
            },
        ) => (*b, 1e9),
        (
            Constraint::MwBudget,
            Mode::MaxEflops {
                mw_budget: Some(m), ..
            },
        ) => (*m, 1.0),
        (Constraint::SiteMw(id), _) => (
            s.sites.iter().find(|x| &x.id == id)?.mw_available.value,
            1.0,
        ),
        (Constraint::SupplyCap(id), _) => (
            s.chips
                .iter()
                .find(|x| &x.id == id)?
                .supply_cap_cards
                .as_ref()?
                .value,
            1000.0,
        ),
        (Constraint::DomesticShare, _) => (s.policy.min_domestic_share?, 0.01),
        (Constraint::MinMemory, _) => (s.policy.min_memory_tb?, 1.0),
        _ => return None,
    })
}

/// LP-relaxation objective of a scenario, in user units.
pub(crate) fn relaxation_objective(s: &Scenario) -> Option<f64> {
    let lp = model::build(s, model::columns(s), &model::groups(s));
    let x = lp.solve(false, 0.0).ok()?;
    Some(lp.objective_value(&x) * objective_unit(&s.mode).0)
}

/// Objective improvement per quoted unit when `c` is relaxed, by finite difference.
fn shadow_price(s: &Scenario, c: &Constraint, base: f64) -> (Option<f64>, String) {
    let label = shadow_unit_of(c, objective_unit(&s.mode).1);
    let Some((rhs, quote)) = rhs_and_quote(s, c) else {
        return (None, label);
    };
    let step = match c {
        Constraint::DomesticShare => 1e-4,
        _ => 1e-4 * rhs.abs().max(1.0),
    };
    let Some(moved) = relaxation_objective(&relaxed(s, c, step)) else {
        return (None, label);
    };
    let gain = if matches!(s.mode, Mode::MaxEflops { .. }) {
        moved - base
    } else {
        base - moved
    };
    (Some(gain / step * quote), label)
}

fn without_regime(s: &Scenario) -> Option<f64> {
    let mut groups = model::groups(s);
    groups.retain(|g| g != &Constraint::ExportRegime);
    let lp = model::build(s, model::columns(s), &groups);
    let x = lp.solve(false, 0.0).ok()?;
    Some(lp.objective_value(&x) * objective_unit(&s.mode).0)
}

/// Chips left out of the plan and why, in catalogue order.
pub fn excluded(s: &Scenario) -> Vec<ExcludedChip> {
    let as_of = s.policy.as_of.as_str();
    s.chips
        .iter()
        .filter_map(|c| {
            let reason = if c.compute(s.basis).is_none_or(|p| p.value <= 0.0) {
                Exclusion::NoFigure
            } else if c.allowed_override == Some(false) {
                Exclusion::UserExcluded
            } else if c.allowed_override == Some(true) {
                return None;
            } else if c.never_sold_in_china {
                Exclusion::NeverSoldInChina
            } else if let Some(d) = c.available_from.as_deref().filter(|d| as_of < *d) {
                Exclusion::NotYetAvailable(d.to_owned())
            } else {
                let d = c.blocked_from.as_deref().filter(|d| as_of >= *d)?;
                Exclusion::Blocked {
                    rule: c.blocked_by.clone(),
                    from: d.to_owned(),
                }
            };
            Some(ExcludedChip {
                chip_id: c.id.clone(),
                reason,
            })
        })
        .collect()
}
