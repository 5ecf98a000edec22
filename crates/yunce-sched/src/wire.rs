//! The text messages between the browser lab and its worker.
//!
//! Why text: the page's main bundle must stay small, and it already parses numbers. A
//! line-based format needs no serde (about 4 KB gzip on each side) and keeps the exported CSV
//! rows byte-identical to the CLI, because the worker writes them with the CLI's own
//! functions and the page only forwards them. Every message starts with a tag word:
//!
//! - `progress RUN DONE TOTAL`: pods (or arrival times) handled in run `RUN`.
//! - `run RUN POLICY SEED MODE` + summary lines + `csv` + the CLI's CSV rows: one finished run.
//! - `heat POLICY` + one line per node, `MODEL USED USED …` (milli per GPU).
//! - `ok WHAT ROWS GPU_MILLI DETAIL…` / `err WHAT MESSAGE`: a checked file or a failure.
//! - `done`: every run finished.
//!
//! The request is `key=value` lines (see [`LabRequest`]); files travel beside it as `File`
//! objects, so the page never reads them.

use crate::inflation::NodeUsage;
use crate::metrics::{CurvePoint, ModelAlloc, RunResult};
use crate::policy::Policy;
use crate::preset::{NodeGroup, format_groups, parse_groups};
use crate::replay::{DelayStats, QueueKind, ReplayResult, ReplaySample};
use crate::synth::SynthConfig;
use std::fmt::Write as _;

/// Experiment kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabMode {
    /// The paper's inflation experiment.
    Inflation,
    /// Time-driven replay with a queue.
    Replay,
}

impl LabMode {
    /// Name in the URL and the request.
    pub fn name(self) -> &'static str {
        match self {
            LabMode::Inflation => "inflation",
            LabMode::Replay => "replay",
        }
    }

    /// Parses [`LabMode::name`].
    pub fn from_name(s: &str) -> Option<Self> {
        [LabMode::Inflation, LabMode::Replay]
            .into_iter()
            .find(|m| m.name() == s)
    }
}

/// What the worker is asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabOp {
    /// Run every (policy, seed).
    Run,
    /// Validate a dropped node file.
    CheckNodes,
    /// Validate a dropped pod file.
    CheckPods,
}

/// One request to the worker.
#[derive(Clone, Debug, PartialEq)]
pub struct LabRequest {
    /// What to do.
    pub op: LabOp,
    /// Experiment kind.
    pub mode: LabMode,
    /// Policies in report order.
    pub policies: Vec<Policy>,
    /// Seeds.
    pub seeds: Vec<u64>,
    /// Inflation target (multiple of capacity).
    pub tune: f64,
    /// Replay queue.
    pub queue: QueueKind,
    /// Replay time compression.
    pub compress: f64,
    /// Capability overrides on top of the defaults.
    pub capabilities: Vec<(String, f64)>,
    /// The cluster when no node file is sent.
    pub groups: Vec<NodeGroup>,
    /// The workload generator when no pod file is sent.
    pub synth: SynthConfig,
}

/// Writes a request.
pub fn encode_request(r: &LabRequest) -> String {
    let op = match r.op {
        LabOp::Run => "run",
        LabOp::CheckNodes => "check-nodes",
        LabOp::CheckPods => "check-pods",
    };
    let policies: Vec<&str> = r.policies.iter().map(|p| p.name()).collect();
    let seeds: Vec<String> = r.seeds.iter().map(u64::to_string).collect();
    let caps: Vec<String> = r
        .capabilities
        .iter()
        .map(|(m, f)| format!("{m}~{f}"))
        .collect();
    let s = &r.synth;
    format!(
        "op={op}\nmode={}\npolicies={}\nseeds={}\ntune={}\nqueue={}\ncompress={}\ncaps={}\ngroups={}\nsynth={}~{}~{}~{}~{}~{}\n",
        r.mode.name(),
        policies.join(","),
        seeds.join(","),
        r.tune,
        r.queue.name(),
        r.compress,
        caps.join(","),
        format_groups(&r.groups),
        s.pods,
        s.cpu_only_pct,
        s.share_pct,
        s.multi_pct,
        s.constrained_pct,
        s.seed
    )
}

fn num<T: std::str::FromStr>(v: &str, what: &str) -> Result<T, String> {
    v.parse().map_err(|_| format!("bad {what}: {v:?}"))
}

/// Reads a request written by [`encode_request`].
pub fn decode_request(text: &str) -> Result<LabRequest, String> {
    let mut r = LabRequest {
        op: LabOp::Run,
        mode: LabMode::Inflation,
        policies: Policy::ALL.to_vec(),
        seeds: vec![42],
        tune: 1.3,
        queue: QueueKind::Fifo,
        compress: 1.0,
        capabilities: Vec::new(),
        groups: Vec::new(),
        synth: SynthConfig::default(),
    };
    for line in text.lines() {
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        let list = || v.split(',').filter(|x| !x.is_empty());
        match k {
            "op" => {
                r.op = match v {
                    "run" => LabOp::Run,
                    "check-nodes" => LabOp::CheckNodes,
                    "check-pods" => LabOp::CheckPods,
                    _ => return Err(format!("bad op {v:?}")),
                }
            }
            "mode" => r.mode = LabMode::from_name(v).ok_or(format!("bad mode {v:?}"))?,
            "policies" => {
                r.policies = list()
                    .map(|p| Policy::from_name(p).ok_or(format!("bad policy {p:?}")))
                    .collect::<Result<_, _>>()?
            }
            "seeds" => r.seeds = list().map(|s| num(s, "seed")).collect::<Result<_, _>>()?,
            "tune" => r.tune = num(v, "tune")?,
            "queue" => {
                r.queue = match v {
                    "backfill" => QueueKind::Backfill,
                    _ => QueueKind::Fifo,
                }
            }
            "compress" => r.compress = num(v, "compress")?,
            "caps" => {
                for c in list() {
                    let (m, f) = c.split_once('~').ok_or(format!("bad capability {c:?}"))?;
                    r.capabilities.push((m.to_owned(), num(f, "capability")?));
                }
            }
            "groups" => r.groups = parse_groups(v).map_err(|e| e.to_string())?,
            "synth" => {
                let f: Vec<&str> = v.split('~').collect();
                let [pods, cpu, share, multi, spec, seed] = f[..] else {
                    return Err(format!("bad synth {v:?}"));
                };
                r.synth = SynthConfig {
                    pods: num(pods, "pods")?,
                    cpu_only_pct: num(cpu, "cpu share")?,
                    share_pct: num(share, "GPU-sharing share")?,
                    multi_pct: num(multi, "multi-GPU share")?,
                    constrained_pct: num(spec, "constrained share")?,
                    seed: num(seed, "generator seed")?,
                };
            }
            _ => {}
        }
    }
    Ok(r)
}

/// One finished run as the page sees it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RunReport {
    /// Index of the run in the request's (policy, seed) order.
    pub run: usize,
    /// Policy.
    pub policy: Option<Policy>,
    /// Seed.
    pub seed: u64,
    /// Replay (else inflation).
    pub replay: bool,
    /// Inflation: pods arrived. Replay: pods in the trace.
    pub pods: u64,
    /// Inflation: pods dropped. Replay: pods no node could host.
    pub failed: u64,
    /// Replay: pods still waiting at the end.
    pub never_started: u64,
    /// Inflation: final allocation. Replay: peak allocation. Percent.
    pub alloc_pct: f64,
    /// Arrived pods by class ([`crate::PodClass::ALL`] order).
    pub arrived_by_class: [u64; 7],
    /// Failed pods by class.
    pub failed_by_class: [u64; 7],
    /// Allocation per GPU model at the end.
    pub models: Vec<ModelAlloc>,
    /// Inflation curve, 0–130% arrived.
    pub curve: Vec<CurvePoint>,
    /// Replay time series.
    pub samples: Vec<ReplaySample>,
    /// Replay queueing delays.
    pub delays: DelayStats,
    /// The run's CSV rows, exactly as the CLI writes them.
    pub csv: String,
}

/// A message from the worker.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkerMsg {
    /// Run `run` handled `done` of `total`.
    Progress {
        /// Run index.
        run: usize,
        /// Handled.
        done: u64,
        /// Total.
        total: u64,
    },
    /// A finished run.
    Run(Box<RunReport>),
    /// GPU use per node at the end of a policy's first seed: (model, milli per GPU).
    Heat(Policy, Vec<(String, Vec<u32>)>),
    /// A file was valid: what, rows, GPU milli (capacity or request), detail text.
    Checked(String, u64, u64, String),
    /// Something failed: what (`nodes`, `pods`, `run`), message.
    Failed(String, String),
    /// Every run finished.
    Done,
}

fn opt(v: Option<f64>) -> String {
    v.map(|x| format!("{x}")).unwrap_or_default()
}

fn join<T: ToString>(v: &[T]) -> String {
    v.iter().map(T::to_string).collect::<Vec<_>>().join(" ")
}

fn head(out: &mut String, run: usize, policy: Policy, seed: u64, mode: LabMode) {
    let _ = writeln!(out, "run {run} {} {seed} {}", policy.name(), mode.name());
}

fn models(out: &mut String, m: &[ModelAlloc]) {
    for a in m {
        let _ = writeln!(
            out,
            "model {} {} {} {}",
            a.model, a.gpus, a.used_milli, a.capability
        );
    }
}

/// Writes a finished inflation run; `csv` holds [`crate::write_curve_csv`] rows.
pub fn encode_inflation(run: usize, r: &RunResult) -> String {
    let mut out = String::new();
    head(&mut out, run, r.policy, r.seed, LabMode::Inflation);
    let _ = writeln!(
        out,
        "sum {} {} 0 {}",
        r.pods_arrived, r.pods_failed, r.final_alloc_pct
    );
    let _ = writeln!(out, "arrived {}", join(&r.arrived_by_class));
    let _ = writeln!(out, "failed {}", join(&r.failed_by_class));
    models(&mut out, &r.model_alloc);
    let w: Vec<String> = r.curve.iter().map(|p| opt(p.weighted_alloc_pct)).collect();
    let _ = writeln!(out, "w {}", w.join(","));
    out.push_str("csv\n");
    crate::metrics::write_curve_csv(&mut out, r);
    out
}

/// Writes a finished replay; `csv` holds [`crate::write_replay_csv`] rows.
pub fn encode_replay(run: usize, r: &ReplayResult) -> String {
    let mut out = String::new();
    head(&mut out, run, r.policy, r.seed, LabMode::Replay);
    let _ = writeln!(
        out,
        "sum {} {} {} {}",
        r.pods_total, r.pods_unschedulable, r.pods_never_started, r.peak_alloc_pct
    );
    let d = &r.delays;
    let _ = writeln!(
        out,
        "delays {} {} {} {} {} {} {}",
        d.started, d.mean, d.p50, d.p90, d.p99, d.max, d.waited_pct
    );
    models(&mut out, &r.model_alloc);
    out.push_str("csv\n");
    crate::replay::write_replay_csv(&mut out, r);
    out
}

/// Writes the heat map of one policy.
pub fn encode_heat(policy: Policy, usage: &[NodeUsage]) -> String {
    let mut out = format!("heat {}\n", policy.name());
    for n in usage {
        let _ = writeln!(out, "{} {}", n.model, join(&n.gpu_used_milli));
    }
    out
}

/// Writes a progress message.
pub fn encode_progress(run: usize, done: usize, total: usize) -> String {
    format!("progress {run} {done} {total}")
}

// Not inlined: the page's bundle carries this decoder, built with the crate's opt-level 3.
#[inline(never)]
fn f(v: Option<&str>) -> f64 {
    v.and_then(|s| s.parse().ok()).unwrap_or(0.0)
}

// Not inlined: the page's bundle carries this decoder, built with the crate's opt-level 3.
#[inline(never)]
fn u(v: Option<&str>) -> u64 {
    v.and_then(|s| s.parse().ok()).unwrap_or(0)
}

// Not inlined: the page's bundle carries this decoder, built with the crate's opt-level 3.
#[inline(never)]
fn of(s: &str) -> Option<f64> {
    s.parse().ok()
}

fn decode_run(first: &str, rest: &str) -> Option<RunReport> {
    let mut w = first.split(' ').skip(1);
    let mut r = RunReport {
        run: u(w.next()) as usize,
        policy: Some(Policy::from_name(w.next()?)?),
        seed: u(w.next()),
        replay: w.next() == Some("replay"),
        ..RunReport::default()
    };
    let mut weighted: Vec<Option<f64>> = Vec::new();
    let mut lines = rest.split_inclusive('\n');
    for line in lines.by_ref() {
        let line = line.trim_end();
        let (tag, body) = line.split_once(' ').unwrap_or((line, ""));
        let mut v = body.split(' ');
        match tag {
            "sum" => {
                (r.pods, r.failed, r.never_started) = (u(v.next()), u(v.next()), u(v.next()));
                r.alloc_pct = f(v.next());
            }
            "arrived" | "failed" => {
                let target = if tag == "arrived" {
                    &mut r.arrived_by_class
                } else {
                    &mut r.failed_by_class
                };
                for slot in target.iter_mut() {
                    *slot = u(v.next());
                }
            }
            "delays" => {
                r.delays = DelayStats {
                    started: u(v.next()) as usize,
                    mean: f(v.next()),
                    p50: u(v.next()),
                    p90: u(v.next()),
                    p99: u(v.next()),
                    max: u(v.next()),
                    waited_pct: f(v.next()),
                }
            }
            "model" => r.models.push(ModelAlloc {
                model: v.next()?.to_owned(),
                gpus: u(v.next()),
                used_milli: u(v.next()),
                capability: f(v.next()),
            }),
            "w" => weighted = body.split(',').map(of).collect(),
            "csv" => break,
            _ => {}
        }
    }
    r.csv = lines.collect();
    for row in r.csv.lines() {
        let c: Vec<&str> = row.split(',').collect();
        if r.replay && c.len() == 9 {
            r.samples.push(ReplaySample {
                time: u(Some(c[4])),
                gpu_alloc_pct: f(Some(c[5])),
                weighted_alloc_pct: f(Some(c[6])),
                pending: u(Some(c[7])) as usize,
                running: u(Some(c[8])) as usize,
            });
        } else if c.len() == 7 {
            let i = r.curve.len();
            r.curve.push(CurvePoint {
                arrived_pct: u(Some(c[3])) as u32,
                gpu_alloc_pct: of(c[4]),
                frag_amount_pct: of(c[5]),
                frag_rate_pct: of(c[6]),
                weighted_alloc_pct: weighted.get(i).copied().flatten(),
            });
        }
    }
    Some(r)
}

/// Reads a worker message; `None` for text this version does not know.
pub fn decode_message(text: &str) -> Option<WorkerMsg> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let mut w = first.split(' ');
    match w.next()? {
        "progress" => Some(WorkerMsg::Progress {
            run: u(w.next()) as usize,
            done: u(w.next()),
            total: u(w.next()),
        }),
        "run" => decode_run(first, rest).map(|r| WorkerMsg::Run(Box::new(r))),
        "heat" => {
            let policy = Policy::from_name(w.next()?)?;
            let nodes = rest
                .lines()
                .map(|l| {
                    let mut v = l.split(' ');
                    let model = v.next().unwrap_or("").to_owned();
                    (model, v.filter_map(|x| x.parse().ok()).collect())
                })
                .collect();
            Some(WorkerMsg::Heat(policy, nodes))
        }
        "ok" => {
            let what = w.next()?.to_owned();
            let rows = u(w.next());
            let milli = u(w.next());
            Some(WorkerMsg::Checked(
                what,
                rows,
                milli,
                w.collect::<Vec<_>>().join(" "),
            ))
        }
        "err" => {
            let what = w.next()?.to_owned();
            let msg = first.splitn(3, ' ').nth(2).unwrap_or("").to_owned();
            Some(WorkerMsg::Failed(what, format!("{msg}{rest}")))
        }
        "done" => Some(WorkerMsg::Done),
        _ => None,
    }
}

/// Writes a file check result.
pub fn encode_checked(what: &str, rows: u64, milli: u64, detail: &str) -> String {
    format!("ok {what} {rows} {milli} {detail}")
}

/// Writes a failure.
pub fn encode_failed(what: &str, message: &str) -> String {
    format!("err {what} {message}")
}
