//! Analyses over many solves: the Pareto frontier of EFLOPS against capex, and a tornado
//! of the objective's sensitivity to prices, power, PUE and the reported ranges.

use std::ops::ControlFlow;

use serde::{Deserialize, Serialize};

use crate::error::PlanError;
use crate::model::{self, chip_blocked};
use crate::param::Param;
use crate::scenario::{Mode, Scenario};
use crate::solve::{SolveOptions, linear_program, solve_with};

/// One point of the frontier: the most compute a capex budget buys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParetoPoint {
    /// The capex budget, RMB.
    pub budget_rmb: f64,
    /// Capex the plan spends, RMB (at most the budget).
    pub capex_rmb: f64,
    /// Compute, EFLOPS.
    pub eflops: f64,
    /// Facility power, MW.
    pub facility_mw: f64,
    /// Whole servers.
    pub servers: u64,
    /// False when no plan meets the other constraints at this budget.
    pub feasible: bool,
}

/// A parametric sweep of the capex budget, one solve per [`ParetoSweep::step`], so a
/// worker can post progress between points and stop when asked.
#[derive(Debug, Clone)]
pub struct ParetoSweep {
    base: Scenario,
    budgets: Vec<f64>,
    points: Vec<ParetoPoint>,
}

impl ParetoSweep {
    /// Plans `n` (at least 2) budgets from one server's capex up to the capex of the
    /// largest plan the sites and supply caps allow. The scenario's target is dropped; an
    /// MW budget of a max-EFLOPS scenario is kept.
    pub fn new(s: &Scenario, n: usize) -> Result<Self, PlanError> {
        let lp = linear_program(s)?;
        let mw_budget = match &s.mode {
            Mode::MaxEflops { mw_budget, .. } => *mw_budget,
            _ => None,
        };
        let mut base = s.clone();
        base.mode = Mode::MaxEflops {
            capex_budget_rmb: None,
            mw_budget,
        };
        let cheapest = lp
            .columns
            .iter()
            .filter(|c| !chip_blocked(&s.chips[c.chip], &s.policy.as_of))
            .map(|c| c.capex * 1e6)
            .min_by(f64::total_cmp)
            .ok_or(PlanError::Infeasible {
                conflict: vec![model::Constraint::ExportRegime],
            })?;
        let top = solve_with(&base, SolveOptions::PLAN_ONLY)?;
        let high = top.totals.capex_rmb.max(cheapest);
        let n = n.max(2);
        let budgets = (0..n)
            .map(|i| cheapest + (high - cheapest) * i as f64 / (n - 1) as f64)
            .collect();
        Ok(Self {
            base,
            budgets,
            points: Vec::new(),
        })
    }

    /// Solves the next budget; `None` when the sweep is done.
    pub fn step(&mut self) -> Option<Result<&ParetoPoint, PlanError>> {
        let budget = *self.budgets.get(self.points.len())?;
        let mut s = self.base.clone();
        if let Mode::MaxEflops {
            capex_budget_rmb, ..
        } = &mut s.mode
        {
            *capex_budget_rmb = Some(budget);
        }
        let point = match solve_with(&s, SolveOptions::PLAN_ONLY) {
            Ok(p) => ParetoPoint {
                budget_rmb: budget,
                capex_rmb: p.totals.capex_rmb,
                eflops: p.totals.eflops,
                facility_mw: p.totals.facility_mw,
                servers: p.totals.servers,
                feasible: true,
            },
            Err(PlanError::Infeasible { .. } | PlanError::BudgetBelowOneServer { .. }) => {
                ParetoPoint {
                    budget_rmb: budget,
                    capex_rmb: 0.0,
                    eflops: 0.0,
                    facility_mw: 0.0,
                    servers: 0,
                    feasible: false,
                }
            }
            Err(e) => return Some(Err(e)),
        };
        self.points.push(point);
        self.points.last().map(Ok)
    }

    /// Points solved so far and the total.
    pub fn progress(&self) -> (usize, usize) {
        (self.points.len(), self.budgets.len())
    }

    /// The points solved so far, in budget order.
    pub fn points(&self) -> &[ParetoPoint] {
        &self.points
    }
}

/// Runs a whole sweep of `n` points. `on_point(done, total, point)` is called after each
/// point; returning `ControlFlow::Break(())` stops the sweep and returns the points so far.
pub fn pareto_frontier(
    s: &Scenario,
    n: usize,
    mut on_point: impl FnMut(usize, usize, &ParetoPoint) -> ControlFlow<()>,
) -> Result<Vec<ParetoPoint>, PlanError> {
    let mut sweep = ParetoSweep::new(s, n)?;
    while let Some(point) = sweep.step() {
        let point = point?.clone();
        let (done, total) = sweep.progress();
        if on_point(done, total, &point).is_break() {
            break;
        }
    }
    Ok(sweep.points)
}

/// How a tornado bar varies its input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Variation {
    /// Every value of the factor times (1 − p) and (1 + p).
    Percent(f64),
    /// One parameter at the low and high ends of its reported range.
    ReportedRange {
        /// Low end.
        low: f64,
        /// High end.
        high: f64,
    },
}

/// One bar of the tornado: the objective with the factor at its low and high setting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TornadoBar {
    /// What is varied, e.g. `PUE` or `AC-005 unit_price_rmb`.
    pub factor: String,
    /// How.
    pub variation: Variation,
    /// Objective with the factor low (`None` when that variant has no plan).
    pub objective_low: Option<f64>,
    /// Objective with the factor high.
    pub objective_high: Option<f64>,
}

impl TornadoBar {
    /// Width of the bar: the larger minus the smaller objective (0 when one side failed).
    pub fn swing(&self) -> f64 {
        match (self.objective_low, self.objective_high) {
            (Some(a), Some(b)) => (a - b).abs(),
            _ => 0.0,
        }
    }
}

/// The tornado: the base objective and the bars, widest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tornado {
    /// Objective of the scenario as given.
    pub base_objective: f64,
    /// `RMB`, `EFLOPS` or `MW`.
    pub objective_unit: String,
    /// Bars, widest swing first (ties by factor name).
    pub bars: Vec<TornadoBar>,
}

/// A factor the tornado scales by ±p.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Factor {
    /// Every chip's unit price.
    ChipPrices,
    /// Every server's price besides the cards.
    ServerPrices,
    /// Every chip's power and server overhead.
    PowerPerServer,
    /// Every site's PUE (never below 1).
    Pue,
    /// Every site's electricity prices.
    ElectricityPrice,
    /// Every site's facility capex per MW.
    FacilityCapex,
}

impl Factor {
    /// Every factor, in display order.
    pub const ALL: [Self; 6] = [
        Self::ChipPrices,
        Self::ServerPrices,
        Self::PowerPerServer,
        Self::Pue,
        Self::ElectricityPrice,
        Self::FacilityCapex,
    ];

    /// An English label (the view has its own translations keyed by the variant).
    pub fn label(self) -> &'static str {
        match self {
            Self::ChipPrices => "Chip prices",
            Self::ServerPrices => "Server prices",
            Self::PowerPerServer => "Power per server",
            Self::Pue => "PUE",
            Self::ElectricityPrice => "Electricity price",
            Self::FacilityCapex => "Facility capex per MW",
        }
    }

    /// Multiplies the factor's values in `s` by `f`.
    pub fn apply(self, s: &mut Scenario, f: f64) {
        for c in &mut s.chips {
            match self {
                Self::ChipPrices => c.unit_price_rmb.value *= f,
                Self::ServerPrices => c.server_price_rmb.value *= f,
                Self::PowerPerServer => {
                    c.tdp_w.value *= f;
                    c.server_overhead_w.value *= f;
                }
                _ => {}
            }
        }
        for x in &mut s.sites {
            match self {
                Self::Pue => x.pue.value = (x.pue.value * f).max(1.0),
                Self::ElectricityPrice => {
                    x.electricity_rmb_kwh.value *= f;
                    if let Some(p) = &mut x.electricity_domestic_rmb_kwh {
                        p.value *= f;
                    }
                }
                Self::FacilityCapex => x.capex_rmb_per_mw.value *= f,
                _ => {}
            }
        }
    }
}

/// Sensitivity of the objective to each [`Factor`] (±`percent`, e.g. 0.3) and to every
/// reported range of an allowed chip's price, power, compute or supply, and of the years.
pub fn tornado(s: &Scenario, percent: f64) -> Result<Tornado, PlanError> {
    let options = SolveOptions::PLAN_ONLY;
    let base = solve_with(s, options)?;
    let objective = |v: &Scenario| solve_with(v, options).ok().map(|p| p.objective);
    let mut bars = Vec::new();
    for factor in Factor::ALL {
        let at = |f: f64| {
            let mut v = s.clone();
            factor.apply(&mut v, f);
            objective(&v)
        };
        bars.push(TornadoBar {
            factor: factor.label().to_owned(),
            variation: Variation::Percent(percent),
            objective_low: at(1.0 - percent),
            objective_high: at(1.0 + percent),
        });
    }
    for (label, field, (low, high)) in ranged(s) {
        let at = |value: f64| {
            let mut v = s.clone();
            if let Some(p) = field.param_mut(&mut v) {
                p.value = value;
            }
            objective(&v)
        };
        bars.push(TornadoBar {
            factor: label,
            variation: Variation::ReportedRange { low, high },
            objective_low: at(low),
            objective_high: at(high),
        });
    }
    bars.sort_by(|a, b| {
        b.swing()
            .total_cmp(&a.swing())
            .then_with(|| a.factor.cmp(&b.factor))
    });
    Ok(Tornado {
        base_objective: base.objective,
        objective_unit: base.objective_unit,
        bars,
    })
}

/// A parameter that a reported range can move.
#[derive(Debug, Clone, Copy)]
enum Ranged {
    Price(usize),
    Power(usize),
    Compute(usize),
    Supply(usize),
    Years,
}

impl Ranged {
    fn param_mut(self, s: &mut Scenario) -> Option<&mut Param> {
        let basis = s.basis;
        match self {
            Self::Price(i) => s.chips.get_mut(i).map(|c| &mut c.unit_price_rmb),
            Self::Power(i) => s.chips.get_mut(i).map(|c| &mut c.tdp_w),
            Self::Compute(i) => s.chips.get_mut(i).and_then(|c| match basis {
                crate::Basis::Fp16 => c.fp16_tflops.as_mut(),
                crate::Basis::Int8 => c.int8_tops.as_mut(),
            }),
            Self::Supply(i) => s.chips.get_mut(i).and_then(|c| c.supply_cap_cards.as_mut()),
            Self::Years => Some(&mut s.finance.years),
        }
    }
}

/// Every parameter of an allowed chip (or the years) with a reported range, in model order.
fn ranged(s: &Scenario) -> Vec<(String, Ranged, (f64, f64))> {
    let mut out = Vec::new();
    for (i, chip) in s.chips.iter().enumerate() {
        if chip_blocked(chip, &s.policy.as_of) {
            continue;
        }
        let fields = [
            ("unit price", Some(&chip.unit_price_rmb), Ranged::Price(i)),
            ("power", Some(&chip.tdp_w), Ranged::Power(i)),
            ("compute", chip.compute(s.basis), Ranged::Compute(i)),
            (
                "supply cap",
                chip.supply_cap_cards.as_ref(),
                Ranged::Supply(i),
            ),
        ];
        for (name, param, field) in fields {
            if let Some(range) = param.and_then(Param::reported_range) {
                out.push((format!("{} {name}", chip.name), field, range));
            }
        }
    }
    if let Some(range) = s.finance.years.reported_range() {
        out.push(("Years of opex".to_owned(), Ranged::Years, range));
    }
    out
}
