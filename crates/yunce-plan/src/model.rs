//! The linear model: one column per (chip, site) pair, one row per constraint. Built from a
//! validated [`Scenario`], in RMB million, MW and EFLOPS so the coefficients stay near 1.

use good_lp::{Expression, ProblemVariables, Solution, SolverModel, Variable, variable};
use serde::{Deserialize, Serialize};

use crate::scenario::{Chip, Mode, Scenario, Site};

/// A constraint group: the unit the infeasibility filter removes and reports.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Constraint {
    /// The export regime at the policy date (blocked chips get no servers).
    ExportRegime,
    /// At least the target compute.
    Target,
    /// Capex at most the budget.
    CapexBudget,
    /// Facility MW at most the budget (all sites).
    MwBudget,
    /// Facility MW at one site at most its available power (site id).
    SiteMw(String),
    /// Cards of one chip at most its supply cap (chip id).
    SupplyCap(String),
    /// Domestic compute at least the minimum share.
    DomesticShare,
    /// Accelerator memory at least the minimum.
    MinMemory,
}

/// Direction of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sense {
    /// Left-hand side at most the right-hand side.
    AtMost,
    /// Left-hand side at least the right-hand side.
    AtLeast,
}

/// One (chip, site) pair: what one server there brings and costs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// Index into the scenario's chips.
    pub chip: usize,
    /// Index into the scenario's sites.
    pub site: usize,
    /// Cards per server.
    pub cards: f64,
    /// EFLOPS (or EOPS on the INT8 basis) per server.
    pub eflops: f64,
    /// IT power per server, MW.
    pub it_mw: f64,
    /// Facility power per server (IT × PUE), MW.
    pub facility_mw: f64,
    /// Capex per server: cards, server and facility share, RMB million.
    pub capex: f64,
    /// Electricity per server per year, RMB million.
    pub opex: f64,
    /// Capex plus discounted opex, RMB million.
    pub tco: f64,
    /// Accelerator memory per server, TB.
    pub memory_tb: f64,
    /// Barred by the export regime at the policy date.
    pub blocked: bool,
}

/// One linear row over the columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The group this row belongs to.
    pub constraint: Constraint,
    /// `(column, coefficient)` pairs, in column order.
    pub coefficients: Vec<(usize, f64)>,
    /// At most or at least.
    pub sense: Sense,
    /// Right-hand side, in the model's units.
    pub rhs: f64,
}

/// The whole model. `solve_with` runs it on any good_lp solver (microlp in the library,
/// a second solver in the tests).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinearProgram {
    /// Columns, chip-major in catalogue order, then sites in order.
    pub columns: Vec<Column>,
    /// Objective coefficient per column.
    pub objective: Vec<f64>,
    /// Maximise (true) or minimise.
    pub maximise: bool,
    /// Rows, in group order.
    pub rows: Vec<Row>,
}

/// Why a solve gave no values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SolveFailure {
    /// No point satisfies every row.
    Infeasible,
    /// The objective can grow without limit.
    Unbounded,
    /// The solver failed for another reason (message).
    Solver(String),
}

/// The discount factor that turns one year's opex into its present value over `years`.
pub fn annuity_factor(years: f64, rate: f64) -> f64 {
    if rate.abs() < 1e-12 {
        years
    } else {
        (1.0 - (1.0 + rate).powf(-years)) / rate
    }
}

/// True when the chip cannot be bought at `as_of`: not yet launched, barred by an export
/// rule, or never sold in China (a user override wins).
pub(crate) fn chip_blocked(chip: &Chip, as_of: &str) -> bool {
    if let Some(forced) = chip.allowed_override {
        return !forced;
    }
    let before = chip.available_from.as_deref().is_some_and(|d| as_of < d);
    let banned = chip.blocked_from.as_deref().is_some_and(|d| as_of >= d);
    before || banned || chip.never_sold_in_china
}

fn electricity(chip: &Chip, site: &Site) -> f64 {
    match (&site.electricity_domestic_rmb_kwh, chip.domestic) {
        (Some(p), true) => p.value,
        _ => site.electricity_rmb_kwh.value,
    }
}

/// Builds one column per (chip with a figure on the basis, site) pair.
pub(crate) fn columns(s: &Scenario) -> Vec<Column> {
    let annuity = annuity_factor(s.finance.years.value, s.finance.discount_rate.value);
    let load = s.finance.average_load.value;
    let mut out = Vec::new();
    for (ci, chip) in s.chips.iter().enumerate() {
        let Some(per_card) = chip.compute(s.basis).map(|p| p.value).filter(|v| *v > 0.0) else {
            continue;
        };
        let cards = chip.cards_per_server.value;
        let it_kw = (cards * chip.tdp_w.value + chip.server_overhead_w.value) / 1000.0;
        let blocked = chip_blocked(chip, &s.policy.as_of);
        for (si, site) in s.sites.iter().enumerate() {
            let it_mw = it_kw / 1000.0;
            let capex_rmb = cards * chip.unit_price_rmb.value
                + chip.server_price_rmb.value
                + it_mw * site.capex_rmb_per_mw.value;
            let opex_rmb = it_kw * site.pue.value * load * 8760.0 * electricity(chip, site);
            out.push(Column {
                chip: ci,
                site: si,
                cards,
                eflops: cards * per_card * 1e-6,
                it_mw,
                facility_mw: it_mw * site.pue.value,
                capex: capex_rmb / 1e6,
                opex: opex_rmb / 1e6,
                tco: (capex_rmb + annuity * opex_rmb) / 1e6,
                memory_tb: cards * chip.memory_gb.as_ref().map_or(0.0, |m| m.value) / 1000.0,
                blocked,
            });
        }
    }
    out
}

/// Builds the model with every group in `active` (the others left out).
pub(crate) fn build(s: &Scenario, cols: Vec<Column>, active: &[Constraint]) -> LinearProgram {
    let on = |c: &Constraint| active.contains(c);
    let mut rows = Vec::new();
    let mut row = |constraint: Constraint, sense, rhs, f: &dyn Fn(&Column) -> f64| {
        if !on(&constraint) {
            return;
        }
        let coefficients = cols
            .iter()
            .enumerate()
            .map(|(i, c)| (i, f(c)))
            .filter(|(_, v)| *v != 0.0)
            .collect();
        rows.push(Row {
            constraint,
            coefficients,
            sense,
            rhs,
        });
    };
    let (objective, maximise): (Vec<f64>, bool) = match &s.mode {
        Mode::MinTco { target_eflops } => {
            row(Constraint::Target, Sense::AtLeast, *target_eflops, &|c| {
                c.eflops
            });
            (cols.iter().map(|c| c.tco).collect(), false)
        }
        Mode::MinMw { target_eflops } => {
            row(Constraint::Target, Sense::AtLeast, *target_eflops, &|c| {
                c.eflops
            });
            (cols.iter().map(|c| c.facility_mw).collect(), false)
        }
        Mode::MaxEflops {
            capex_budget_rmb,
            mw_budget,
        } => {
            if let Some(b) = capex_budget_rmb {
                row(Constraint::CapexBudget, Sense::AtMost, b / 1e6, &|c| {
                    c.capex
                });
            }
            if let Some(m) = mw_budget {
                row(Constraint::MwBudget, Sense::AtMost, *m, &|c| c.facility_mw);
            }
            (cols.iter().map(|c| c.eflops).collect(), true)
        }
    };
    for (si, site) in s.sites.iter().enumerate() {
        let key = Constraint::SiteMw(site.id.clone());
        row(key, Sense::AtMost, site.mw_available.value, &|c| {
            if c.site == si { c.facility_mw } else { 0.0 }
        });
    }
    for (ci, chip) in s.chips.iter().enumerate() {
        if let Some(cap) = &chip.supply_cap_cards {
            let key = Constraint::SupplyCap(chip.id.clone());
            row(key, Sense::AtMost, cap.value, &|c| {
                if c.chip == ci { c.cards } else { 0.0 }
            });
        }
    }
    if let Some(share) = s.policy.min_domestic_share {
        row(Constraint::DomesticShare, Sense::AtLeast, 0.0, &|c| {
            let domestic = if s.chips[c.chip].domestic { 1.0 } else { 0.0 };
            (domestic - share) * c.eflops
        });
    }
    if let Some(tb) = s.policy.min_memory_tb {
        row(Constraint::MinMemory, Sense::AtLeast, tb, &|c| c.memory_tb);
    }
    let regime = on(&Constraint::ExportRegime);
    let mut lp = LinearProgram {
        columns: cols,
        objective,
        maximise,
        rows,
    };
    if regime {
        lp.fix_blocked_to_zero();
    }
    lp
}

/// Every group the scenario defines, in a fixed order.
pub(crate) fn groups(s: &Scenario) -> Vec<Constraint> {
    let mut g = vec![Constraint::ExportRegime];
    match &s.mode {
        Mode::MinTco { .. } | Mode::MinMw { .. } => g.push(Constraint::Target),
        Mode::MaxEflops {
            capex_budget_rmb,
            mw_budget,
        } => {
            if capex_budget_rmb.is_some() {
                g.push(Constraint::CapexBudget);
            }
            if mw_budget.is_some() {
                g.push(Constraint::MwBudget);
            }
        }
    }
    g.extend(s.sites.iter().map(|x| Constraint::SiteMw(x.id.clone())));
    let capped = s.chips.iter().filter(|c| c.supply_cap_cards.is_some());
    g.extend(capped.map(|c| Constraint::SupplyCap(c.id.clone())));
    if s.policy.min_domestic_share.is_some() {
        g.push(Constraint::DomesticShare);
    }
    if s.policy.min_memory_tb.is_some() {
        g.push(Constraint::MinMemory);
    }
    g
}

impl LinearProgram {
    /// Blocked columns are removed from every row and bounded at zero by a row of their own.
    fn fix_blocked_to_zero(&mut self) {
        let blocked: Vec<(usize, f64)> = self
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.blocked)
            .map(|(i, _)| (i, 1.0))
            .collect();
        if !blocked.is_empty() {
            self.rows.push(Row {
                constraint: Constraint::ExportRegime,
                coefficients: blocked,
                sense: Sense::AtMost,
                rhs: 0.0,
            });
        }
    }

    /// Left-hand side of each row at `x`.
    pub fn row_values(&self, x: &[f64]) -> Vec<f64> {
        self.rows
            .iter()
            .map(|r| r.coefficients.iter().map(|(i, a)| a * x[*i]).sum())
            .collect()
    }

    /// Objective at `x`.
    pub fn objective_value(&self, x: &[f64]) -> f64 {
        self.objective.iter().zip(x).map(|(c, v)| c * v).sum()
    }

    /// The good_lp model of this program on `solver`, and its variables in column order.
    fn model<S: good_lp::Solver>(
        &self,
        solver: S,
        integer: bool,
        bounds: Option<(&[f64], &[f64])>,
    ) -> (S::Model, Vec<Variable>) {
        let mut vars = ProblemVariables::new();
        let xs: Vec<Variable> = (0..self.columns.len())
            .map(|i| {
                let def = match bounds {
                    Some((lo, hi)) => variable().min(lo[i]).max(hi[i]),
                    None => variable().min(0.0),
                };
                vars.add(if integer { def.integer() } else { def })
            })
            .collect();
        let objective: Expression = xs.iter().zip(&self.objective).map(|(x, c)| *c * *x).sum();
        let problem = if self.maximise {
            vars.maximise(objective)
        } else {
            vars.minimise(objective)
        };
        let mut model = problem.using(solver);
        for row in &self.rows {
            let lhs: Expression = row.coefficients.iter().map(|(i, a)| *a * xs[*i]).sum();
            model.add_constraint(match row.sense {
                Sense::AtMost => lhs.leq(row.rhs),
                Sense::AtLeast => lhs.geq(row.rhs),
            });
        }
        (model, xs)
    }

    /// Solves the LP relaxation (all columns continuous) with a good_lp solver.
    pub fn solve_relaxation_with<S>(&self, solver: S) -> Result<Vec<f64>, SolveFailure>
    where
        S: good_lp::Solver,
        S::Model: SolverModel<Error = good_lp::ResolutionError>,
    {
        let (model, xs) = self.model(solver, false, None);
        values(model.solve(), &xs)
    }

    /// Solves the LP relaxation with microlp, each column within `[lo, hi]`.
    pub(crate) fn relaxation_within(
        &self,
        lo: &[f64],
        hi: &[f64],
    ) -> Result<Vec<f64>, SolveFailure> {
        let (model, xs) = self.model(good_lp::microlp, false, Some((lo, hi)));
        values(model.solve(), &xs)
    }
}

fn values<S: Solution>(
    solved: Result<S, good_lp::ResolutionError>,
    xs: &[Variable],
) -> Result<Vec<f64>, SolveFailure> {
    match solved {
        Ok(sol) => Ok(xs.iter().map(|x| sol.value(*x)).collect()),
        Err(good_lp::ResolutionError::Infeasible) => Err(SolveFailure::Infeasible),
        Err(good_lp::ResolutionError::Unbounded) => Err(SolveFailure::Unbounded),
        Err(e) => Err(SolveFailure::Solver(e.to_string())),
    }
}
