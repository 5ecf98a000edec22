//! Headless edits of the lab state: every input is a [`Field`] set from text, every button an
//! [`Action`]. [`RowKeys`] gives the cluster editor's rows stable keys, so a keyed list keeps
//! a row's elements (and the focus in them) while the rows around it change.

use super::state::{LabState, Tab, format_seeds, parse_seeds};
use yunce_sched::{
    DEFAULT_CAPABILITIES, LabMode, MAX_CPU_MILLI, MAX_GROUPS, MAX_MEMORY_MIB, NodeGroup, Policy,
    QueueKind, check_capability, valid_model_name,
};

/// An input of the lab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Generator: pods.
    Pods,
    /// Generator: GPU-sharing share.
    Share,
    /// Generator: multi-GPU share.
    Multi,
    /// Generator: constrained share.
    Spec,
    /// Generator: CPU-only share.
    Cpu,
    /// Generator seed.
    GenSeed,
    /// Run seeds.
    Seeds,
    /// Inflation target.
    Tune,
    /// Replay compression.
    Compress,
    /// Fleet size, ×K.
    Scale,
    /// Synthetic fleet, GPUs (empty: none).
    FleetGpus,
    /// Node group `i`: model.
    Model(usize),
    /// Node group `i`: GPUs per node.
    Gpus(usize),
    /// Node group `i`: vCPU per node.
    Vcpu(usize),
    /// Node group `i`: memory per node, GiB.
    Mem(usize),
    /// Node group `i`: node count.
    Count(usize),
    /// Node group `i`: capability of its model.
    Cap(usize),
}

impl Field {
    /// The generator and run inputs, with their locale keys.
    pub const KNOBS: [(Field, &'static str); 6] = [
        (Field::Pods, "lab.knob.pods"),
        (Field::Share, "lab.knob.share"),
        (Field::Multi, "lab.knob.multi"),
        (Field::Spec, "lab.knob.spec"),
        (Field::Cpu, "lab.knob.cpu"),
        (Field::GenSeed, "lab.knob.seed"),
    ];

    /// Locale key of the message shown beside a refused value.
    pub fn error_key(self) -> &'static str {
        match self {
            Field::Scale => "lab.bad_scale_field",
            Field::FleetGpus => "lab.bad_fleet_field",
            _ => "lab.bad_value",
        }
    }

    /// Whether the input takes one number (seeds and model names are text).
    pub fn is_number(self) -> bool {
        !matches!(self, Field::Seeds | Field::Model(_))
    }

    /// Test id of the input.
    pub fn testid(self) -> String {
        let group = |name: &str, i: usize| format!("g-{name}-{i}");
        match self {
            Field::Pods => "knob-pods".into(),
            Field::Share => "knob-share".into(),
            Field::Multi => "knob-multi".into(),
            Field::Spec => "knob-spec".into(),
            Field::Cpu => "knob-cpu".into(),
            Field::GenSeed => "knob-gseed".into(),
            Field::Seeds => "seeds".into(),
            Field::Tune => "tune".into(),
            Field::Compress => "compress".into(),
            Field::Scale => "fleet-scale".into(),
            Field::FleetGpus => "fleet-gpus".into(),
            Field::Model(i) => group("model", i),
            Field::Gpus(i) => group("gpus", i),
            Field::Vcpu(i) => group("cpu", i),
            Field::Mem(i) => group("mem", i),
            Field::Count(i) => group("count", i),
            Field::Cap(i) => group("cap", i),
        }
    }
}

/// A button of the lab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Adds or removes a policy (at least one stays).
    Toggle(Policy),
    /// Switches the experiment.
    Mode(LabMode),
    /// Switches the replay queue.
    Queue(QueueKind),
    /// Opens a result panel.
    Tab(Tab),
    /// Adds an H20 node group.
    AddChip,
    /// Replaces every V100 node with an 8-GPU H20 node.
    ReplaceV100,
    /// Restores the openb cluster and the default capabilities.
    ResetCluster,
    /// Removes node group `i` (at least one stays).
    Remove(usize),
}

fn num(text: &str) -> Option<f64> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
}

fn h20(count: u32) -> NodeGroup {
    NodeGroup {
        model: "H20".into(),
        gpus: 8,
        cpu_milli: 192_000,
        memory_mib: 2048 * 1024,
        count,
    }
}

impl LabState {
    /// The text an input shows.
    pub fn field(&self, f: Field) -> String {
        let g = |i: usize| self.groups.get(i);
        let s = &self.synth;
        match f {
            Field::Pods => s.pods.to_string(),
            Field::Share => s.share_pct.to_string(),
            Field::Multi => s.multi_pct.to_string(),
            Field::Spec => s.constrained_pct.to_string(),
            Field::Cpu => s.cpu_only_pct.to_string(),
            Field::GenSeed => s.seed.to_string(),
            Field::Seeds => format_seeds(&self.seeds),
            Field::Tune => self.tune.to_string(),
            Field::Compress => self.compress.to_string(),
            Field::Scale => self.scale.to_string(),
            Field::FleetGpus => self.fleet.map(|g| g.to_string()).unwrap_or_default(),
            Field::Model(i) => g(i).map(|g| g.model.clone()).unwrap_or_default(),
            Field::Gpus(i) => g(i).map(|g| g.gpus.to_string()).unwrap_or_default(),
            Field::Vcpu(i) => g(i)
                .map(|g| (g.cpu_milli / 1000).to_string())
                .unwrap_or_default(),
            Field::Mem(i) => g(i)
                .map(|g| (g.memory_mib / 1024).to_string())
                .unwrap_or_default(),
            Field::Count(i) => g(i).map(|g| g.count.to_string()).unwrap_or_default(),
            Field::Cap(i) => g(i)
                .map(|g| self.capability(&g.model).to_string())
                .unwrap_or_default(),
        }
    }

    /// Sets an input from text; `false` (and no change) when the text is not a valid value.
    pub fn set(&mut self, f: Field, text: &str) -> bool {
        let v = num(text);
        let whole = v.filter(|x| x.fract() == 0.0 && *x < 1e9);
        let pct = v.filter(|x| *x <= 100.0);
        let s = &mut self.synth;
        match f {
            Field::Pods => {
                match whole.filter(|n| *n >= 1.0 && *n <= yunce_sched::MAX_SYNTH_PODS as f64) {
                    Some(n) => s.pods = n as usize,
                    None => return false,
                }
            }
            Field::Share => match pct.filter(|p| p + s.multi_pct <= 100.0) {
                Some(p) => s.share_pct = p,
                None => return false,
            },
            Field::Multi => match pct.filter(|p| p + s.share_pct <= 100.0) {
                Some(p) => s.multi_pct = p,
                None => return false,
            },
            Field::Spec => match pct {
                Some(p) => s.constrained_pct = p,
                None => return false,
            },
            Field::Cpu => match pct {
                Some(p) => s.cpu_only_pct = p,
                None => return false,
            },
            Field::GenSeed => match text.trim().parse() {
                Ok(n) => s.seed = n,
                Err(_) => return false,
            },
            Field::Seeds => match parse_seeds(text.trim()) {
                Some(v) => self.seeds = v,
                None => return false,
            },
            Field::Tune => match v.filter(|t| (0.1..=3.0).contains(t)) {
                Some(t) => self.tune = t,
                None => return false,
            },
            Field::Compress => match v.filter(|k| (1.0..=1e6).contains(k)) {
                Some(k) => self.compress = k,
                None => return false,
            },
            Field::Scale => match super::state::parse_scale(text) {
                Some(k) => self.scale = k,
                None => return false,
            },
            // An empty field (or 0) goes back to the cluster above.
            Field::FleetGpus => match text.trim() {
                "" | "0" => self.fleet = None,
                t => match super::state::parse_fleet(t) {
                    Some(g) => self.fleet = Some(g),
                    None => return false,
                },
            },
            Field::Model(i) => {
                let m = text.trim();
                match self.groups.get_mut(i) {
                    Some(g) if valid_model_name(m) => g.model = m.to_owned(),
                    _ => return false,
                }
            }
            Field::Gpus(i) | Field::Vcpu(i) | Field::Mem(i) | Field::Count(i) => {
                let (Some(n), Some(g)) = (whole, self.groups.get_mut(i)) else {
                    return false;
                };
                let n = n as u64;
                match f {
                    Field::Gpus(_) if (1..=64).contains(&n) => g.gpus = n as u32,
                    Field::Vcpu(_) if (1..=MAX_CPU_MILLI / 1000).contains(&n) => {
                        g.cpu_milli = n * 1000;
                    }
                    Field::Mem(_) if (1..=MAX_MEMORY_MIB / 1024).contains(&n) => {
                        g.memory_mib = n * 1024;
                    }
                    Field::Count(_) if n <= 50_000 => g.count = n as u32,
                    _ => return false,
                }
            }
            Field::Cap(i) => {
                // The engine's bound: a huge factor (1e308) would make the weighted figures NaN.
                let (Some(c), Some(g)) = (v.filter(|c| *c > 0.0), self.groups.get(i)) else {
                    return false;
                };
                if check_capability(&g.model, c).is_err() {
                    return false;
                }
                let model = g.model.clone();
                self.caps.retain(|(m, _)| *m != model);
                let default = DEFAULT_CAPABILITIES
                    .iter()
                    .find(|(m, _)| *m == model)
                    .map(|(_, d)| *d)
                    .unwrap_or(1.0);
                if (default - c).abs() > 1e-9 {
                    self.caps.push((model, c));
                }
            }
        }
        true
    }

    /// Applies a button.
    pub fn apply(&mut self, a: Action) {
        match a {
            Action::Toggle(p) => {
                let on = !self.policies.contains(&p);
                if on || self.policies.len() > 1 {
                    let old = std::mem::take(&mut self.policies);
                    self.policies = Policy::ALL
                        .into_iter()
                        .filter(|x| if *x == p { on } else { old.contains(x) })
                        .collect();
                }
            }
            Action::Mode(m) => {
                self.mode = m;
                self.tab = self.default_tab();
            }
            Action::Queue(q) => self.queue = q,
            Action::Tab(t) => self.tab = t,
            Action::AddChip if self.groups.len() < MAX_GROUPS => self.groups.push(h20(10)),
            Action::AddChip => {}
            Action::ReplaceV100 => {
                let nodes: u32 = self
                    .groups
                    .iter()
                    .filter(|g| g.model.starts_with("V100"))
                    .map(|g| g.count)
                    .sum();
                if nodes > 0 {
                    self.groups.retain(|g| !g.model.starts_with("V100"));
                    self.groups.push(h20(nodes));
                    if !self.caps.iter().any(|(m, _)| m == "H20") {
                        self.caps.push(("H20".into(), 1.2));
                    }
                }
            }
            Action::ResetCluster => {
                self.groups = LabState::default().groups;
                self.caps.clear();
                (self.scale, self.fleet) = (1, None);
            }
            Action::Remove(i) => {
                if self.groups.len() > 1 && i < self.groups.len() {
                    self.groups.remove(i);
                }
            }
        }
    }

    /// Whether a toggle-like button shows as pressed.
    pub fn pressed(&self, a: Action) -> Option<bool> {
        match a {
            Action::Toggle(p) => Some(self.policies.contains(&p)),
            Action::Mode(m) => Some(self.mode == m),
            Action::Queue(q) => Some(self.queue == q),
            Action::Tab(t) => Some(self.tab == t),
            _ => None,
        }
    }
}

/// Stable keys for the node groups: a group keeps its key while it is edited, and the groups
/// around a removed or added one keep theirs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowKeys {
    groups: Vec<NodeGroup>,
    /// One key per group, in group order.
    pub keys: Vec<u32>,
    next: u32,
}

impl RowKeys {
    /// The keys for `groups`, following the previous keys where the groups still match.
    pub fn follow(previous: Option<&RowKeys>, groups: &[NodeGroup]) -> RowKeys {
        let Some(prev) = previous else {
            let n = groups.len() as u32;
            return RowKeys {
                groups: groups.to_vec(),
                keys: (0..n).collect(),
                next: n,
            };
        };
        let mut next = prev.next;
        let mut fresh = || {
            next += 1;
            next - 1
        };
        let keys = if groups.len() == prev.groups.len() {
            // Same length: an edit in place, every row keeps its key.
            prev.keys.clone()
        } else {
            // Rows were removed or added: match unchanged groups in order, new ones get new keys.
            let mut from = 0;
            groups
                .iter()
                .map(|g| match prev.groups[from..].iter().position(|p| p == g) {
                    Some(k) => {
                        from += k + 1;
                        prev.keys[from - 1]
                    }
                    None => fresh(),
                })
                .collect()
        };
        RowKeys {
            groups: groups.to_vec(),
            keys,
            next,
        }
    }
}
