//! Headless state of the planner: the preset, mode, target, budgets, basis, regime date,
//! domestic share, every edited figure and the compared presets, read from and written to
//! the URL. An imported chip catalogue is the one part that cannot live in a link.
//! No browser API here, so the state is tested natively.

use super::edit::{Edit, Target, apply, format_edits, parse_edits};
use crate::router::QueryMap;
use crate::url_state::{Notice, Query, to_query};
use yunce_plan::{Basis, Chip, Mode, Preset, Scenario};

/// The three solver modes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModeKind {
    /// Least N-year TCO for a target.
    Tco,
    /// Most EFLOPS under a capex and/or MW budget.
    Max,
    /// Least MW for a target.
    Mw,
}

impl ModeKind {
    /// Every mode in display order.
    pub const ALL: [ModeKind; 3] = [ModeKind::Tco, ModeKind::Max, ModeKind::Mw];

    /// URL value.
    pub fn slug(self) -> &'static str {
        match self {
            ModeKind::Tco => "tco",
            ModeKind::Max => "max",
            ModeKind::Mw => "mw",
        }
    }

    fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.slug() == s)
    }
}

/// The planner's inputs as chosen by the user.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanState {
    /// The starting point: catalogue, sites, date and target.
    pub preset: Preset,
    /// What to optimise.
    pub mode: ModeKind,
    /// Compute to build, EFLOPS (TCO and MW modes).
    pub target: f64,
    /// Capex budget, RMB bn (max mode).
    pub capex_bn: Option<f64>,
    /// Facility MW budget (max mode).
    pub mw_budget: Option<f64>,
    /// FP16 or INT8.
    pub basis: Basis,
    /// The date whose export rules apply (ISO).
    pub as_of: String,
    /// Minimum domestic share of compute, percent.
    pub domestic_pct: Option<f64>,
    /// Edited figures, in the order they were made.
    pub edits: Vec<Edit>,
    /// Presets compared side by side.
    pub compare: Vec<Preset>,
    /// Points of the Pareto sweep.
    pub points: u32,
}

/// The default capex budget of the max-EFLOPS mode, RMB bn (an assumption: a round figure).
pub const DEFAULT_CAPEX_BN: f64 = 50.0;
/// The most sweep points.
pub const MAX_POINTS: u32 = 1000;

/// A preset's scenario, built once per page: building one parses the embedded fact files,
/// and the state reads a preset's defaults on every URL change.
pub fn preset_scenario(preset: Preset) -> Scenario {
    thread_local! {
        static CACHE: std::cell::RefCell<Vec<(Preset, Scenario)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    CACHE.with(|cache| {
        if let Some((_, s)) = cache.borrow().iter().find(|(p, _)| *p == preset) {
            return s.clone();
        }
        let s = preset.scenario();
        cache.borrow_mut().push((preset, s.clone()));
        s
    })
}

impl PlanState {
    /// The state of a preset with nothing edited.
    pub fn of(preset: Preset) -> Self {
        let s = preset_scenario(preset);
        let target = match s.mode {
            Mode::MinTco { target_eflops } | Mode::MinMw { target_eflops } => target_eflops,
            Mode::MaxEflops { .. } => preset.target().value,
        };
        Self {
            preset,
            mode: ModeKind::Tco,
            target,
            capex_bn: Some(DEFAULT_CAPEX_BN),
            mw_budget: None,
            basis: Basis::Fp16,
            as_of: s.policy.as_of,
            domestic_pct: None,
            edits: Vec::new(),
            compare: Preset::ALL.to_vec(),
            points: 50,
        }
    }

    /// Reads the state from the URL; a bad param falls back to its default with a notice.
    /// A number that parses is kept even when it is out of range (negative, NaN): the
    /// engine names the bad field, and the user's text is never thrown away.
    pub fn from_query(map: &QueryMap) -> (Self, Vec<Notice>) {
        let mut q = Query::new(map);
        let preset = q
            .read("p", Preset::from_slug)
            .unwrap_or(Preset::AfterApr2025);
        let d = Self::of(preset);
        let num = |s: &str| s.parse::<f64>().ok();
        let optional = |s: &str| match s {
            "none" => Some(None),
            _ => s.parse::<f64>().ok().map(Some),
        };
        let state = Self {
            preset,
            mode: q.read("m", ModeKind::from_slug).unwrap_or(d.mode),
            target: q.read("t", num).unwrap_or(d.target),
            capex_bn: q.read("cb", optional).unwrap_or(d.capex_bn),
            mw_budget: q.read("mb", optional).unwrap_or(d.mw_budget),
            basis: q
                .read("b", |s| match s {
                    "fp16" => Some(Basis::Fp16),
                    "int8" => Some(Basis::Int8),
                    _ => None,
                })
                .unwrap_or(d.basis),
            as_of: q
                .read("d", |s| {
                    let ok = s.len() == 10 && yunce_data::Date::parse(s).is_some();
                    ok.then(|| s.to_owned())
                })
                .unwrap_or(d.as_of),
            domestic_pct: q.read("ds", optional).unwrap_or(d.domestic_pct),
            edits: q.read("e", parse_edits).unwrap_or_default(),
            compare: q
                .read("cmp", |s| {
                    let list: Option<Vec<Preset>> = s
                        .split(',')
                        .filter(|x| !x.is_empty())
                        .map(Preset::from_slug)
                        .collect();
                    list.filter(|l| !l.is_empty())
                })
                .unwrap_or(d.compare),
            points: q
                .read("n", |s| {
                    s.parse::<u32>()
                        .ok()
                        .filter(|n| (2..=MAX_POINTS).contains(n))
                })
                .unwrap_or(d.points),
        };
        (state, q.finish(&[]))
    }

    /// Writes the state as a query string, leaving out the preset's defaults.
    pub fn to_query(&self) -> String {
        let d = Self::of(self.preset);
        let num = |a: f64, b: f64| differs(a.to_string(), &b.to_string());
        let opt = |v: Option<f64>| v.map_or_else(|| "none".to_owned(), |x| x.to_string());
        let slugs = |l: &[Preset]| l.iter().map(|p| p.slug()).collect::<Vec<_>>().join(",");
        let basis = |b: Basis| match b {
            Basis::Fp16 => "fp16",
            Basis::Int8 => "int8",
        };
        to_query(&[
            ("p", self.preset.slug().to_owned()),
            ("m", differs(self.mode.slug().to_owned(), d.mode.slug())),
            ("t", num(self.target, d.target)),
            ("cb", differs(opt(self.capex_bn), &opt(d.capex_bn))),
            ("mb", differs(opt(self.mw_budget), &opt(d.mw_budget))),
            ("b", differs(basis(self.basis).to_owned(), basis(d.basis))),
            ("d", differs(self.as_of.clone(), &d.as_of)),
            ("ds", differs(opt(self.domestic_pct), &opt(d.domestic_pct))),
            ("e", format_edits(&self.edits)),
            ("cmp", differs(slugs(&self.compare), &slugs(&d.compare))),
            ("n", differs(self.points.to_string(), &d.points.to_string())),
        ])
    }

    /// The solver's mode for this state.
    pub fn mode(&self) -> Mode {
        match self.mode {
            ModeKind::Tco => Mode::MinTco {
                target_eflops: self.target,
            },
            ModeKind::Mw => Mode::MinMw {
                target_eflops: self.target,
            },
            ModeKind::Max => Mode::MaxEflops {
                capex_budget_rmb: self.capex_bn.map(|b| b * 1e9),
                mw_budget: self.mw_budget,
            },
        }
    }

    /// The scenario of a preset under this state's mode, basis, share and edits; `user`
    /// chips (an imported catalogue) join the fact-base ones.
    fn build(&self, preset: Preset, user: &[Chip]) -> Scenario {
        let mut s = preset_scenario(preset);
        s.chips.extend(user.iter().cloned());
        s.mode = self.mode();
        s.basis = self.basis;
        s.policy.min_domestic_share = self.domestic_pct.map(|p| p / 100.0);
        apply(&mut s, &self.edits);
        s
    }

    /// The scenario to solve: the preset at the state's date.
    pub fn scenario(&self, user: &[Chip]) -> Scenario {
        let mut s = self.build(self.preset, user);
        s.policy.as_of = self.as_of.clone();
        s
    }

    /// The compared presets, each at its own date with this state's other settings.
    pub fn compared(&self, user: &[Chip]) -> Vec<Scenario> {
        self.compare.iter().map(|&p| self.build(p, user)).collect()
    }

    /// Keys of edits whose chip or site is not in the catalogue.
    pub fn unmatched(&self, user: &[Chip]) -> Vec<String> {
        let mut s = preset_scenario(self.preset);
        s.chips.extend(user.iter().cloned());
        apply(&mut s, &self.edits)
    }

    /// The edit of a figure, if any.
    pub fn edit(&self, target: &Target) -> Option<f64> {
        self.edits
            .iter()
            .find(|e| &e.target == target)
            .map(|e| e.value)
    }

    /// Sets (or, with `None`, removes) the user's value of a figure.
    pub fn set_edit(&mut self, target: Target, value: Option<f64>) {
        self.edits.retain(|e| e.target != target);
        if let Some(value) = value {
            self.edits.push(Edit { target, value });
        }
    }

    /// Switches preset: its date and target come with it; edits and mode stay.
    pub fn set_preset(&mut self, preset: Preset) {
        let d = Self::of(preset);
        self.preset = preset;
        self.as_of = d.as_of;
        self.target = d.target;
    }
}

fn differs(value: String, default: &str) -> String {
    if value == default {
        String::new()
    } else {
        value
    }
}

#[cfg(test)]
mod tests;
