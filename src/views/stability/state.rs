//! Headless state of the stability view: the preset, its what-if, the parameter edits, the
//! region's shape, years, seed and SLA targets, read from and written to the URL. No browser
//! API here, so the round trip is tested natively.

use crate::router::QueryMap;
use crate::url_state::{Notice, Query, to_query};

pub use yunce_reliab::setup::Knob as Param;
use yunce_reliab::setup::{PRESET_IDS as PRESETS_LIST, RolloutPlan, Setup};

/// The preset scenarios, in `outages.csv` order, then the generated region.
pub const PRESETS: [&str; 5] = PRESETS_LIST;

/// Most simulated years per scenario one run may ask for.
pub const MAX_YEARS: u32 = 100_000;
/// Zones and cells per zone of the generated region: bounds that keep a run in seconds.
pub const MAX_ZONES: u32 = 6;
/// Cells per zone, upper bound.
pub const MAX_CELLS: u32 = 10;

/// Short URL name of an editable number.
pub fn slug(p: Param) -> &'static str {
    match p {
        Param::NodeMtbf => "nm",
        Param::NodeRepair => "nr",
        Param::PowerRate => "pr",
        Param::PowerMedian => "pm",
        Param::PowerSigma => "ps",
        Param::ControlPlaneRate => "cp",
        Param::ServiceRate => "au",
        Param::DnsRate => "dn",
        Param::Deploys => "dp",
        Param::ChangeFailure => "cf",
        Param::Bake => "bk",
        Param::Detect => "td",
        Param::Locate => "tl",
        Param::Recover => "tr",
    }
}

/// How changes roll out, when the user overrides the preset's plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RolloutChoice {
    /// Every stage at once.
    AllAtOnce,
    /// Stage by stage (cell or region), stopped at detection.
    Gray,
}

impl RolloutChoice {
    /// URL value.
    pub fn slug(self) -> &'static str {
        match self {
            RolloutChoice::AllAtOnce => "all",
            RolloutChoice::Gray => "gray",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "all" => Some(RolloutChoice::AllAtOnce),
            "gray" => Some(RolloutChoice::Gray),
            _ => None,
        }
    }
}

/// A text input of the view, bound to one part of the state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// An editable number; empty text goes back to the default.
    Param(Param),
    /// Nodes needed of each node group; empty text goes back to the default.
    K,
    /// Simulated years.
    Years,
    /// Seed.
    Seed,
    /// SLA targets, comma-separated percent.
    Sla,
    /// Zones of the region.
    Zones,
    /// Cells per zone of the region.
    Cells,
}

impl Target {
    /// Test id of the input.
    pub fn testid(self) -> &'static str {
        match self {
            Target::Param(p) => slug(p),
            Target::K => "k",
            Target::Years => "years",
            Target::Seed => "seed",
            Target::Sla => "sla",
            Target::Zones => "zones",
            Target::Cells => "cells",
        }
    }
}

/// The whole view state.
#[derive(Clone, Debug, PartialEq)]
pub struct StabilityState {
    /// Preset id, one of [`PRESETS`].
    pub preset: &'static str,
    /// What-if id shown beside it; `None` hides the comparison.
    pub what_if: Option<String>,
    /// Simulated years per scenario.
    pub years: u32,
    /// Seed of every random stream.
    pub seed: u64,
    /// SLA targets in percent.
    pub sla: Vec<f64>,
    /// Edited numbers, by [`Param`] index.
    pub params: [Option<f64>; Param::ALL.len()],
    /// Nodes a node group needs up (the k of the k-of-n gates over nodes).
    pub k: Option<u32>,
    /// Rollout plan override.
    pub rollout: Option<RolloutChoice>,
    /// Zones of the generated region.
    pub zones: u32,
    /// Cells per zone of the generated region.
    pub cells: u32,
}

/// Default years: the 10,000-year Monte Carlo.
pub const DEFAULT_YEARS: u32 = 10_000;
/// Default seed, as the engine's presets use.
pub const DEFAULT_SEED: u64 = 42;

impl Default for StabilityState {
    fn default() -> Self {
        Self {
            preset: PRESETS[0],
            what_if: Some(String::new()),
            years: DEFAULT_YEARS,
            seed: DEFAULT_SEED,
            sla: yunce_reliab::model::default_sla_targets(),
            params: [None; Param::ALL.len()],
            k: None,
            rollout: None,
            zones: yunce_reliab::topology::Layout::THOUSAND.zones,
            cells: yunce_reliab::topology::Layout::THOUSAND.cells_per_zone,
        }
    }
}

fn number(s: &str) -> Option<f64> {
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn parse_sla(s: &str) -> Option<Vec<f64>> {
    let v: Option<Vec<f64>> = s.split(',').map(|p| number(p.trim())).collect();
    v.filter(|v| !v.is_empty() && v.len() <= 6 && v.iter().all(|x| *x > 0.0 && *x < 100.0))
}

fn format_num(v: f64) -> String {
    format!("{v}")
}

fn bounded(lo: u32, hi: u32) -> impl Fn(&str) -> Option<u32> {
    move |s| s.parse::<u32>().ok().filter(|v| (lo..=hi).contains(v))
}

impl StabilityState {
    /// Reads the state; params that do not parse fall back and give a notice. Values that
    /// parse but make a scenario meaningless are kept, and the view shows the engine's reason.
    pub fn from_query(map: &QueryMap) -> (Self, Vec<Notice>) {
        let mut q = Query::new(map);
        let d = Self::default();
        let preset = q
            .read("p", |s| PRESETS.iter().find(|p| **p == s).copied())
            .unwrap_or(d.preset);
        // "-" hides the comparison; an empty value means the preset's first what-if.
        let what_if = q
            .read("w", |s| {
                let ok = s
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                ok.then(|| (s != "-").then(|| s.to_owned()))
            })
            .unwrap_or(d.what_if.clone());
        let years = q.read("y", bounded(1, MAX_YEARS)).unwrap_or(d.years);
        let seed = q.read("s", |s| s.parse::<u64>().ok()).unwrap_or(d.seed);
        let sla = q.read("sla", parse_sla).unwrap_or(d.sla.clone());
        let mut params = d.params;
        for p in Param::ALL {
            params[p.index()] = q.read(slug(p), number);
        }
        let k = q.read("k", |s| s.parse::<u32>().ok());
        let rollout = q.read("ro", RolloutChoice::parse);
        let zones = q.read("z", bounded(1, MAX_ZONES)).unwrap_or(d.zones);
        let cells = q.read("c", bounded(1, MAX_CELLS)).unwrap_or(d.cells);
        let state = Self {
            preset,
            what_if,
            years,
            seed,
            sla,
            params,
            k,
            rollout,
            zones,
            cells,
        };
        (state, q.finish(&[]))
    }

    /// The query string; defaults are left out.
    pub fn to_query(&self) -> String {
        let d = Self::default();
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let when = |differs: bool, v: String| if differs { v } else { String::new() };
        pairs.push(("p", when(self.preset != d.preset, self.preset.to_owned())));
        let w = match &self.what_if {
            None => "-".to_owned(),
            Some(w) => w.clone(),
        };
        pairs.push(("w", w));
        pairs.push(("y", when(self.years != d.years, self.years.to_string())));
        pairs.push(("s", when(self.seed != d.seed, self.seed.to_string())));
        let sla: Vec<String> = self.sla.iter().map(|v| format_num(*v)).collect();
        pairs.push(("sla", when(self.sla != d.sla, sla.join(","))));
        for p in Param::ALL {
            let v = self.params[p.index()].map(format_num).unwrap_or_default();
            pairs.push((slug(p), v));
        }
        pairs.push(("k", self.k.map(|k| k.to_string()).unwrap_or_default()));
        pairs.push((
            "ro",
            self.rollout
                .map(|r| r.slug().to_owned())
                .unwrap_or_default(),
        ));
        pairs.push(("z", when(self.zones != d.zones, self.zones.to_string())));
        pairs.push(("c", when(self.cells != d.cells, self.cells.to_string())));
        to_query(&pairs)
    }

    /// The edited value of a parameter, if any.
    pub fn param(&self, p: Param) -> Option<f64> {
        self.params[p.index()]
    }

    /// Sets or clears a parameter.
    pub fn set_param(&mut self, p: Param, v: Option<f64>) {
        self.params[p.index()] = v;
    }

    /// Sets a target from text; `false` (and no change) when the text is not a number of the
    /// right form. Whether the number makes sense is the engine's call (see `scenario.rs`).
    pub fn set(&mut self, target: Target, text: &str) -> bool {
        let text = text.trim();
        match target {
            Target::Param(p) if text.is_empty() => self.set_param(p, None),
            Target::Param(p) => match number(text) {
                Some(v) => self.set_param(p, Some(v)),
                None => return false,
            },
            Target::K if text.is_empty() => self.k = None,
            Target::K => match text.parse::<u32>() {
                Ok(k) => self.k = Some(k),
                Err(_) => return false,
            },
            Target::Years => match bounded(1, MAX_YEARS)(text) {
                Some(y) => self.years = y,
                None => return false,
            },
            Target::Seed => match text.parse::<u64>() {
                Ok(s) => self.seed = s,
                Err(_) => return false,
            },
            Target::Sla => match parse_sla(text) {
                Some(v) => self.sla = v,
                None => return false,
            },
            Target::Zones => match bounded(1, MAX_ZONES)(text) {
                Some(z) => self.zones = z,
                None => return false,
            },
            Target::Cells => match bounded(1, MAX_CELLS)(text) {
                Some(c) => self.cells = c,
                None => return false,
            },
        }
        true
    }

    /// The text a target's input shows: the edit, or empty for a parameter left at its
    /// default (the editor shows the default beside it).
    pub fn text(&self, target: Target) -> String {
        match target {
            Target::Param(p) => self.param(p).map(format_num).unwrap_or_default(),
            Target::K => self.k.map(|k| k.to_string()).unwrap_or_default(),
            Target::Years => self.years.to_string(),
            Target::Seed => self.seed.to_string(),
            Target::Sla => {
                let v: Vec<String> = self.sla.iter().map(|v| format_num(*v)).collect();
                v.join(", ")
            }
            Target::Zones => self.zones.to_string(),
            Target::Cells => self.cells.to_string(),
        }
    }

    /// The engine's view of this state.
    pub fn setup(&self) -> Setup {
        Setup {
            preset: self.preset.to_owned(),
            what_if: self.what_if.clone(),
            years: self.years,
            seed: self.seed,
            sla: self.sla.clone(),
            knobs: Param::ALL
                .into_iter()
                .filter_map(|p| self.param(p).map(|v| (p, v)))
                .collect(),
            k: self.k,
            rollout: self.rollout.map(|r| match r {
                RolloutChoice::AllAtOnce => RolloutPlan::AllAtOnce,
                RolloutChoice::Gray => RolloutPlan::Gray,
            }),
            zones: self.zones,
            cells: self.cells,
        }
    }

    /// A key that changes whenever the simulated scenarios do.
    pub fn run_key(&self) -> String {
        self.to_query()
    }

    /// Clears every edit and keeps the preset, what-if, years and seed.
    pub fn reset_edits(&mut self) {
        let d = Self::default();
        self.params = d.params;
        self.k = None;
        self.rollout = None;
        self.sla = d.sla;
        self.zones = d.zones;
        self.cells = d.cells;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(s: &StabilityState) -> StabilityState {
        let q = s.to_query();
        let (back, notices) =
            StabilityState::from_query(&QueryMap::parse(q.trim_start_matches('?')));
        assert!(notices.is_empty(), "{q}: {notices:?}");
        back
    }

    #[test]
    fn the_default_has_an_empty_query_and_round_trips() {
        let d = StabilityState::default();
        assert_eq!(d.to_query(), "");
        assert_eq!(round_trip(&d), d);
    }

    #[test]
    fn every_field_round_trips() {
        let mut s = StabilityState {
            preset: "ak-whitelist",
            what_if: Some("regional-gray".into()),
            years: 2_000,
            seed: 7,
            sla: vec![99.5, 99.99],
            k: Some(3),
            rollout: Some(RolloutChoice::Gray),
            zones: 3,
            cells: 4,
            ..StabilityState::default()
        };
        for (i, p) in Param::ALL.into_iter().enumerate() {
            s.set_param(p, Some(0.5 + i as f64));
        }
        assert_eq!(round_trip(&s), s);
        s.what_if = None;
        assert_eq!(round_trip(&s), s);
    }

    #[test]
    fn text_inputs_set_and_show_their_target() {
        let mut s = StabilityState::default();
        assert!(s.set(Target::Param(Param::NodeMtbf), "5000"));
        assert_eq!(s.text(Target::Param(Param::NodeMtbf)), "5000");
        assert!(!s.set(Target::Param(Param::NodeMtbf), "abc"));
        assert_eq!(s.param(Param::NodeMtbf), Some(5000.0));
        assert!(s.set(Target::Param(Param::NodeMtbf), ""));
        assert_eq!(s.param(Param::NodeMtbf), None);
        assert!(s.set(Target::Sla, "99.9, 99.99"));
        assert_eq!(s.text(Target::Sla), "99.9, 99.99");
        assert!(!s.set(Target::Years, "0"));
        assert!(s.set(Target::K, "4"));
        assert_eq!(round_trip(&s), s);
    }

    #[test]
    fn bad_values_fall_back_with_a_notice_and_meaningless_ones_are_kept() {
        let map = QueryMap::parse("p=nope&y=0&s=x&cf=1.5&nr=0&k=9&z=99&zz=1");
        let (s, notices) = StabilityState::from_query(&map);
        let d = StabilityState::default();
        assert_eq!(
            (s.preset, s.years, s.seed, s.zones),
            (d.preset, d.years, d.seed, d.zones)
        );
        // Parsed numbers are kept; the engine rejects them with a reason in the view.
        assert_eq!(s.param(Param::ChangeFailure), Some(1.5));
        assert_eq!(s.param(Param::NodeRepair), Some(0.0));
        assert_eq!(s.k, Some(9));
        let names: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
        assert_eq!(names, ["p", "y", "s", "z", "zz"]);
    }
}
