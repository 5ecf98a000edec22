//! The result of a solve: the mix, totals, and every constraint with its shadow price.

use serde::{Deserialize, Serialize};

use crate::model::{Constraint, LinearProgram, Sense};
use crate::scenario::{Basis, Mode, Scenario};

/// Servers of one chip at one site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MixLine {
    /// Chip id.
    pub chip_id: String,
    /// Chip name.
    pub chip: String,
    /// Site id.
    pub site_id: String,
    /// Site name.
    pub site: String,
    /// Made in China.
    pub domestic: bool,
    /// Whole servers.
    pub servers: u64,
    /// Cards (servers × cards per server).
    pub cards: u64,
    /// Racks at the site's rack power density (whole servers per rack, at least one).
    pub racks: u64,
    /// Compute, EFLOPS (EOPS on the INT8 basis).
    pub eflops: f64,
    /// IT power, MW.
    pub it_mw: f64,
    /// Facility power (IT × PUE), MW.
    pub facility_mw: f64,
    /// Capex: cards, servers and facility, RMB.
    pub capex_rmb: f64,
    /// Electricity per year, RMB.
    pub opex_rmb_per_year: f64,
    /// Capex plus discounted opex, RMB.
    pub tco_rmb: f64,
}

/// Sums over the mix.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Totals {
    /// Whole servers.
    pub servers: u64,
    /// Cards.
    pub cards: u64,
    /// Racks.
    pub racks: u64,
    /// Compute, EFLOPS.
    pub eflops: f64,
    /// IT power, MW.
    pub it_mw: f64,
    /// Facility power, MW.
    pub facility_mw: f64,
    /// Capex, RMB.
    pub capex_rmb: f64,
    /// Electricity per year, RMB.
    pub opex_rmb_per_year: f64,
    /// Capex plus discounted opex over the finance years, RMB.
    pub tco_rmb: f64,
    /// Capex per EFLOPS, RMB (`None` when nothing is built).
    pub capex_per_eflops: Option<f64>,
    /// TCO per EFLOPS, RMB.
    pub tco_per_eflops: Option<f64>,
    /// Share of the compute on domestic chips, 0–1.
    pub domestic_share: Option<f64>,
}

/// One constraint of the model, its value in the plan and its shadow price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConstraintReport {
    /// Which constraint.
    pub constraint: Constraint,
    /// At most or at least.
    pub sense: Sense,
    /// Right-hand side, in `rhs_unit`.
    pub rhs: f64,
    /// Left-hand side in the integer plan, in `rhs_unit`.
    pub plan_value: f64,
    /// Unit of `rhs` and `plan_value`.
    pub rhs_unit: String,
    /// Tight in the LP relaxation (slack within a relative 1e-6).
    pub binding: bool,
    /// Objective improvement per `shadow_unit` of relaxation, from the LP relaxation by
    /// finite difference (see [`crate::solve`]); `None` when not binding or not priced.
    pub shadow_price: Option<f64>,
    /// Unit of the shadow price, e.g. `RMB per MW`.
    pub shadow_unit: String,
}

/// Why a chip has no column in the model, or has one fixed at zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Exclusion {
    /// No compute figure on the scenario's basis.
    NoFigure,
    /// Not launched at the policy date (launch date).
    NotYetAvailable(String),
    /// Barred by an export rule (rule id, first day).
    Blocked {
        /// Export-control row id, e.g. `EC-002`.
        rule: Option<String>,
        /// First day of the ban.
        from: String,
    },
    /// Never sold in mainland China.
    NeverSoldInChina,
    /// Switched off by the user.
    UserExcluded,
}

/// A chip left out of the plan and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcludedChip {
    /// Chip id.
    pub chip_id: String,
    /// Reason.
    pub reason: Exclusion,
}

/// The planner's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Scenario name.
    pub scenario: String,
    /// The mode solved.
    pub mode: Mode,
    /// FP16 or INT8.
    pub basis: Basis,
    /// Servers per (chip, site), catalogue order then site order; only non-zero lines.
    pub lines: Vec<MixLine>,
    /// Sums.
    pub totals: Totals,
    /// Objective of the integer plan, in `objective_unit`.
    pub objective: f64,
    /// Objective of the LP relaxation (a bound on `objective`).
    pub relaxation_objective: f64,
    /// `RMB` (TCO), `EFLOPS` or `MW`.
    pub objective_unit: String,
    /// LP-relaxation objective with the export regime lifted (what the rules cost);
    /// `None` when no chip is blocked or the shadow prices were not asked for.
    pub objective_without_regime: Option<f64>,
    /// The branch and bound finished within its node limit, so `objective` is within the
    /// requested gap of the best whole-server plan (`relaxation_objective` bounds it).
    pub search_complete: bool,
    /// Every constraint, in model order.
    pub constraints: Vec<ConstraintReport>,
    /// Chips left out, in catalogue order.
    pub excluded: Vec<ExcludedChip>,
}

/// Model units of a constraint's right-hand side per user unit, and the user units.
pub(crate) fn rhs_scale(c: &Constraint) -> (f64, &'static str) {
    match c {
        Constraint::ExportRegime => (1.0, "servers"),
        Constraint::Target => (1.0, "EFLOPS"),
        Constraint::CapexBudget => (1e6, "RMB"),
        Constraint::MwBudget | Constraint::SiteMw(_) => (1.0, "MW"),
        Constraint::SupplyCap(_) => (1.0, "cards"),
        Constraint::DomesticShare => (1.0, "EFLOPS above the share"),
        Constraint::MinMemory => (1.0, "TB"),
    }
}

/// Objective unit and its scale from model units.
pub(crate) fn objective_unit(mode: &Mode) -> (f64, &'static str) {
    match mode {
        Mode::MinTco { .. } => (1e6, "RMB"),
        Mode::MaxEflops { .. } => (1.0, "EFLOPS"),
        Mode::MinMw { .. } => (1.0, "MW"),
    }
}

/// Assembles the mix lines and totals from whole servers per column.
pub(crate) fn mix(s: &Scenario, lp: &LinearProgram, servers: &[u64]) -> (Vec<MixLine>, Totals) {
    let annuity =
        crate::model::annuity_factor(s.finance.years.value, s.finance.discount_rate.value);
    let mut lines = Vec::new();
    let mut t = Totals::default();
    let mut domestic = 0.0;
    for (col, &n) in lp.columns.iter().zip(servers) {
        if n == 0 {
            continue;
        }
        let (chip, site) = (&s.chips[col.chip], &s.sites[col.site]);
        let nf = n as f64;
        let server_kw = col.it_mw * 1000.0;
        let per_rack = (site.rack_kw.value / server_kw).floor().max(1.0) as u64;
        let line = MixLine {
            chip_id: chip.id.clone(),
            chip: chip.name.clone(),
            site_id: site.id.clone(),
            site: site.name.clone(),
            domestic: chip.domestic,
            servers: n,
            cards: n * col.cards as u64,
            racks: n.div_ceil(per_rack),
            eflops: nf * col.eflops,
            it_mw: nf * col.it_mw,
            facility_mw: nf * col.facility_mw,
            capex_rmb: nf * col.capex * 1e6,
            opex_rmb_per_year: nf * col.opex * 1e6,
            tco_rmb: nf * (col.capex + annuity * col.opex) * 1e6,
        };
        t.servers += line.servers;
        t.cards += line.cards;
        t.racks += line.racks;
        t.eflops += line.eflops;
        t.it_mw += line.it_mw;
        t.facility_mw += line.facility_mw;
        t.capex_rmb += line.capex_rmb;
        t.opex_rmb_per_year += line.opex_rmb_per_year;
        t.tco_rmb += line.tco_rmb;
        if line.domestic {
            domestic += line.eflops;
        }
        lines.push(line);
    }
    if t.eflops > 0.0 {
        t.capex_per_eflops = Some(t.capex_rmb / t.eflops);
        t.tco_per_eflops = Some(t.tco_rmb / t.eflops);
        t.domestic_share = Some(domestic / t.eflops);
    }
    (lines, t)
}
