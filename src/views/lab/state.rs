//! Headless state of the scheduler lab: the whole experiment config, seeds included, read from
//! and written to the URL. Dropped files are the one part that cannot live in a link.
//! No browser API here, so the state is tested natively.

use crate::router::QueryMap;
use crate::url_state::{Notice, Query, to_query};
use yunce_sched::{
    LabMode, LabOp, LabRequest, MAX_FLEET_GPUS, MAX_LAB_SCALE, NodeGroup, Policy, QueueKind,
    SynthConfig, check_capability, format_groups, parse_groups, valid_model_name,
};

/// The most seeds one run may have.
pub const MAX_SEEDS: usize = 10;

/// Which result panel is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Allocation against arrived workload, and unallocated GPUs.
    Alloc,
    /// Fragmentation curves.
    Frag,
    /// Failed pods by shape.
    Fail,
    /// Allocation per GPU model.
    Model,
    /// Replay: queueing delays and the time series.
    Queue,
    /// GPU use of every node.
    Heat,
}

impl Tab {
    /// Every tab in order.
    pub const ALL: [Tab; 6] = [
        Tab::Alloc,
        Tab::Frag,
        Tab::Fail,
        Tab::Model,
        Tab::Queue,
        Tab::Heat,
    ];

    /// URL value.
    pub fn slug(self) -> &'static str {
        match self {
            Tab::Alloc => "alloc",
            Tab::Frag => "frag",
            Tab::Fail => "fail",
            Tab::Model => "model",
            Tab::Queue => "queue",
            Tab::Heat => "heat",
        }
    }

    /// Whether the tab applies to a mode.
    pub fn fits(self, mode: LabMode) -> bool {
        match self {
            Tab::Alloc | Tab::Frag | Tab::Fail => mode == LabMode::Inflation,
            Tab::Queue => mode == LabMode::Replay,
            Tab::Model | Tab::Heat => true,
        }
    }
}

/// The experiment as chosen by the user.
#[derive(Clone, Debug, PartialEq)]
pub struct LabState {
    /// Policies, in report order.
    pub policies: Vec<Policy>,
    /// Seeds.
    pub seeds: Vec<u64>,
    /// Inflation or replay.
    pub mode: LabMode,
    /// Inflation target, times capacity.
    pub tune: f64,
    /// Replay queue.
    pub queue: QueueKind,
    /// Replay time compression.
    pub compress: f64,
    /// The built-in cluster, as edited.
    pub groups: Vec<NodeGroup>,
    /// Capability overrides.
    pub caps: Vec<(String, f64)>,
    /// Workload generator knobs.
    pub synth: SynthConfig,
    /// Fleet size: nodes and pods replicated this many times (×1 to ×100).
    pub scale: u32,
    /// A synthetic fleet of this many GPUs in place of the cluster.
    pub fleet: Option<u32>,
    /// Open result panel.
    pub tab: Tab,
}

impl Default for LabState {
    /// The shared experiment defaults of `yunce_sched::defaults`, through the worker
    /// request's default, so the URL, the worker and the CLI agree.
    fn default() -> Self {
        let r = LabRequest::default();
        let tab = match r.mode {
            LabMode::Inflation => Tab::Alloc,
            LabMode::Replay => Tab::Queue,
        };
        Self {
            policies: r.policies,
            seeds: r.seeds,
            mode: r.mode,
            tune: r.tune,
            queue: r.queue,
            compress: r.compress,
            groups: r.groups,
            caps: r.capabilities,
            synth: r.synth,
            scale: r.scale,
            fleet: r.fleet_gpus,
            tab,
        }
    }
}

/// Parses `42`, `42..44` or `1,5,9`.
pub fn parse_seeds(s: &str) -> Option<Vec<u64>> {
    let seeds: Vec<u64> = match s.split_once("..") {
        Some((a, b)) => {
            let (a, b): (u64, u64) = (a.parse().ok()?, b.parse().ok()?);
            if b < a || b - a >= MAX_SEEDS as u64 {
                return None;
            }
            (a..=b).collect()
        }
        None => s
            .split(',')
            .map(|x| x.trim().parse().ok())
            .collect::<Option<_>>()?,
    };
    (!seeds.is_empty() && seeds.len() <= MAX_SEEDS).then_some(seeds)
}

/// Writes seeds as `a..b` when consecutive, else as a list.
pub fn format_seeds(seeds: &[u64]) -> String {
    match seeds {
        [a, .., b] if seeds.windows(2).all(|w| w[1] == w[0] + 1) => format!("{a}..{b}"),
        _ => seeds
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(","),
    }
}

/// Reads a fleet-size factor: a whole number from 1 to [`MAX_LAB_SCALE`].
pub fn parse_scale(s: &str) -> Option<u32> {
    s.trim()
        .parse()
        .ok()
        .filter(|k| (1..=MAX_LAB_SCALE).contains(k))
}

/// Reads a synthetic fleet's GPU count: a whole number from 1 to [`MAX_FLEET_GPUS`].
pub fn parse_fleet(s: &str) -> Option<u32> {
    s.trim()
        .parse()
        .ok()
        .filter(|g| (1..=MAX_FLEET_GPUS).contains(g))
}

/// Why a fleet param of the URL was refused, as (locale key, the value cut for echoing), so
/// the fleet control can say what the range is; `None` when both are absent or valid.
pub fn fleet_problem(map: &QueryMap) -> Option<(&'static str, String)> {
    let bad = |name: &str, ok: fn(&str) -> Option<u32>| {
        map.get(name)
            .filter(|v| ok(v).is_none())
            .map(crate::url_state::echo)
    };
    bad("x", parse_scale)
        .map(|v| ("lab.bad_scale", v))
        .or_else(|| bad("g", parse_fleet).map(|v| ("lab.bad_fleet", v)))
}

fn pct(s: &str) -> Option<f64> {
    s.parse::<f64>().ok().filter(|v| (0.0..=100.0).contains(v))
}

fn parse_caps(s: &str) -> Option<Vec<(String, f64)>> {
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(|c| {
            let (m, f) = c.split_once('~')?;
            let f: f64 = f
                .parse()
                .ok()
                .filter(|f: &f64| *f > 0.0 && check_capability(m, *f).is_ok())?;
            valid_model_name(m).then(|| (m.to_owned(), f))
        })
        .collect()
}

fn differs(a: String, b: impl AsRef<str>) -> String {
    let b = b.as_ref();
    if a == b { String::new() } else { a }
}

impl LabState {
    /// Reads the state from URL params; anything malformed falls back with a notice.
    pub fn from_query(map: &QueryMap) -> (Self, Vec<Notice>) {
        let d = Self::default();
        let mut q = Query::new(map);
        let policies = q
            .read("p", |s| {
                let p: Vec<Policy> = s.split(',').map(Policy::from_name).collect::<Option<_>>()?;
                let ordered: Vec<Policy> =
                    Policy::ALL.into_iter().filter(|x| p.contains(x)).collect();
                (!ordered.is_empty()).then_some(ordered)
            })
            .unwrap_or(d.policies);
        let seeds = q.read("s", parse_seeds).unwrap_or(d.seeds);
        let mode = q.read("m", LabMode::from_name).unwrap_or(d.mode);
        let tune = q
            .read("t", |s| {
                s.parse::<f64>().ok().filter(|t| (0.1..=3.0).contains(t))
            })
            .unwrap_or(d.tune);
        let queue = q
            .read("q", |s| match s {
                "fifo" => Some(QueueKind::Fifo),
                "backfill" => Some(QueueKind::Backfill),
                _ => None,
            })
            .unwrap_or(d.queue);
        let compress = q
            .read("k", |s| {
                s.parse::<f64>()
                    .ok()
                    .filter(|k| (1.0..=1_000_000.0).contains(k))
            })
            .unwrap_or(d.compress);
        let groups = q
            .read("cl", |s| parse_groups(s).ok().filter(|g| !g.is_empty()))
            .unwrap_or(d.groups);
        let caps = q.read("cap", parse_caps).unwrap_or(d.caps);
        let ds = SynthConfig::default();
        let synth = SynthConfig {
            pods: q
                .read("n", |s| {
                    s.parse::<usize>()
                        .ok()
                        .filter(|n| (1..=yunce_sched::MAX_SYNTH_PODS).contains(n))
                })
                .unwrap_or(ds.pods),
            cpu_only_pct: q.read("cpu", pct).unwrap_or(ds.cpu_only_pct),
            share_pct: q.read("sh", pct).unwrap_or(ds.share_pct),
            multi_pct: q.read("mg", pct).unwrap_or(ds.multi_pct),
            constrained_pct: q.read("gs", pct).unwrap_or(ds.constrained_pct),
            seed: q.read("gseed", |s| s.parse().ok()).unwrap_or(ds.seed),
        };
        let scale = q.read("x", parse_scale).unwrap_or(d.scale);
        let fleet = q.read("g", parse_fleet).or(d.fleet);
        let mut state = Self {
            scale,
            fleet,
            policies,
            seeds,
            mode,
            tune,
            queue,
            compress,
            groups,
            caps,
            synth,
            tab: d.tab,
        };
        if state.synth.share_pct + state.synth.multi_pct > 100.0 {
            q.notices.push(Notice {
                param: "sh,mg".into(),
                value: format!("{},{}", state.synth.share_pct, state.synth.multi_pct),
            });
            (state.synth.share_pct, state.synth.multi_pct) = (ds.share_pct, ds.multi_pct);
        }
        state.tab = q
            .read("tab", |s| {
                Tab::ALL.into_iter().find(|t| t.slug() == s && t.fits(mode))
            })
            .unwrap_or_else(|| state.default_tab());
        (state, q.finish(&[]))
    }

    /// The first tab of the state's mode.
    pub fn default_tab(&self) -> Tab {
        if self.mode == LabMode::Replay {
            Tab::Queue
        } else {
            Tab::Alloc
        }
    }

    /// Writes the state as a query string, leaving out default values.
    pub fn to_query(&self) -> String {
        let d = Self::default();
        let ds = &d.synth;
        let s = &self.synth;
        let names = |p: &[Policy]| p.iter().map(|p| p.name()).collect::<Vec<_>>().join(",");
        let num = |a: f64, b: f64| differs(a.to_string(), b.to_string());
        let caps = self
            .caps
            .iter()
            .map(|(m, f)| format!("{m}~{f}"))
            .collect::<Vec<_>>()
            .join(",");
        to_query(&[
            ("p", differs(names(&self.policies), names(&d.policies))),
            (
                "s",
                differs(format_seeds(&self.seeds), format_seeds(&d.seeds)),
            ),
            ("m", differs(self.mode.name().into(), d.mode.name())),
            ("t", num(self.tune, d.tune)),
            ("q", differs(self.queue.name().into(), d.queue.name())),
            ("k", num(self.compress, d.compress)),
            (
                "cl",
                differs(format_groups(&self.groups), format_groups(&d.groups)),
            ),
            ("cap", caps),
            ("n", differs(s.pods.to_string(), ds.pods.to_string())),
            ("cpu", num(s.cpu_only_pct, ds.cpu_only_pct)),
            ("sh", num(s.share_pct, ds.share_pct)),
            ("mg", num(s.multi_pct, ds.multi_pct)),
            ("gs", num(s.constrained_pct, ds.constrained_pct)),
            ("gseed", differs(s.seed.to_string(), ds.seed.to_string())),
            ("x", differs(self.scale.to_string(), d.scale.to_string())),
            ("g", self.fleet.map(|g| g.to_string()).unwrap_or_default()),
            (
                "tab",
                differs(self.tab.slug().into(), self.default_tab().slug()),
            ),
        ])
    }

    /// The worker request for this state.
    pub fn request(&self, op: LabOp) -> LabRequest {
        LabRequest {
            op,
            mode: self.mode,
            policies: self.policies.clone(),
            seeds: self.seeds.clone(),
            tune: self.tune,
            queue: self.queue,
            compress: self.compress,
            capabilities: self.caps.clone(),
            groups: self.groups.clone(),
            synth: self.synth.clone(),
            scale: self.scale,
            fleet_gpus: self.fleet,
            runs: Vec::new(),
        }
    }

    /// The query without the open tab: two states with the same key give the same results.
    pub fn run_key(&self) -> String {
        Self {
            tab: self.default_tab(),
            ..self.clone()
        }
        .to_query()
    }

    /// Capability factor of a model: the override, else the engine's default.
    pub fn capability(&self, model: &str) -> f64 {
        self.caps
            .iter()
            .find(|(m, _)| m == model)
            .map(|(_, f)| *f)
            .unwrap_or_else(|| {
                yunce_sched::DEFAULT_CAPABILITIES
                    .iter()
                    .find(|(m, _)| *m == model)
                    .map(|(_, f)| *f)
                    .unwrap_or(1.0)
            })
    }
}

#[cfg(test)]
mod tests;
