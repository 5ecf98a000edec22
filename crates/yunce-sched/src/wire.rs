//! The messages between the browser lab and its worker: serde types, sent as postcard bytes.
//!
//! The page sends one [`LabRequest`]; dropped files travel beside it as `File` objects, so the
//! page never reads them. The worker answers with a stream of [`WorkerMsg`]s: progress, one
//! [`RunReport`] per finished run, a heat map per policy, a file check or a failure, and
//! [`WorkerMsg::Done`]. Both sides use [`encode`] and [`decode`].
//!
//! Why postcard: it is compact, needs no schema file, has no `std` or web dependency, and
//! its decoder is strict: truncated input, trailing bytes, an unknown variant or a number out
//! of range is an error, never a default value. Both ends are built from this crate at the
//! same commit, so the layout is versioned by the build (postcard is not self-describing: a
//! field added here changes the bytes on both sides at once).
//!
//! The CSV stays the CLI's: a [`RunReport`] carries the rows written in the worker by
//! [`crate::write_curve_csv`] or [`crate::write_replay_csv`], the functions the CLI calls, so
//! the browser's export equals the CLI's for the same config, byte for byte.

use crate::defaults;
use crate::inflation::NodeUsage;
pub use crate::kinds::LabMode;
use crate::metrics::{CurvePoint, ModelAlloc, RunResult};
use crate::policy::Policy;
use crate::preset::{NodeGroup, openb_preset};
use crate::replay::{DelayStats, QueueKind, ReplayResult, ReplaySample};
use crate::synth::SynthConfig;
use serde::{Deserialize, Serialize};

/// What the worker is asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LabOp {
    /// Run every (policy, seed).
    Run,
    /// Validate a dropped node file.
    CheckNodes,
    /// Validate a dropped pod file.
    CheckPods,
}

/// One request to the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// Replay time compression (arrival times are divided by it).
    pub compress: f64,
    /// Capability overrides on top of the defaults.
    pub capabilities: Vec<(String, f64)>,
    /// The cluster when no node file is sent.
    pub groups: Vec<NodeGroup>,
    /// The workload generator when no pod file is sent.
    pub synth: SynthConfig,
    /// Fleet size: the node list and the pod list replicated this many times inside the
    /// worker, as `yunce-sched run --scale K` does (1 to [`crate::MAX_LAB_SCALE`]).
    pub scale: u32,
    /// A synthetic fleet of this many GPUs ([`crate::fleet_groups`], seeded by the workload
    /// generator's seed) replaces the cluster; `None` keeps the groups or the node file.
    pub fleet_gpus: Option<u32>,
    /// Indices of the (policy, seed) runs to do, in the request's policy-major order; empty
    /// means all. Lets the page spread one comparison over several workers.
    pub runs: Vec<u32>,
}

impl Default for LabRequest {
    /// A run with the shared experiment defaults ([`crate::defaults`]) on the built-in openb
    /// cluster ([`crate::openb_preset`]) with the calibrated synthetic workload
    /// ([`SynthConfig::default`]) and no capability overrides.
    fn default() -> Self {
        Self {
            op: LabOp::Run,
            mode: defaults::MODE,
            policies: defaults::POLICIES.to_vec(),
            seeds: defaults::SEEDS.to_vec(),
            tune: defaults::TUNE,
            queue: defaults::QUEUE,
            compress: defaults::COMPRESS,
            capabilities: Vec::new(),
            groups: openb_preset(),
            synth: SynthConfig::default(),
            scale: defaults::SCALE,
            fleet_gpus: None,
            runs: Vec::new(),
        }
    }
}

/// One finished run as the page sees it.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct RunReport {
    /// Index of the run in the request's (policy, seed) order.
    pub run: usize,
    /// Policy (always set by the worker; `Option` only so that the type has a default).
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
    /// Arrived pods by class ([`crate::PodClass::ALL`] order). Inflation only.
    pub arrived_by_class: [u64; 7],
    /// Failed pods by class. Inflation only.
    pub failed_by_class: [u64; 7],
    /// Allocation per GPU model at the end.
    pub models: Vec<ModelAlloc>,
    /// Inflation curve, 0–130% arrived, with the weighted allocation.
    pub curve: Vec<CurvePoint>,
    /// Replay time series.
    pub samples: Vec<ReplaySample>,
    /// Replay queueing delays.
    pub delays: DelayStats,
    /// The run's CSV rows (no header), exactly as the CLI writes them.
    pub csv: String,
}

impl RunReport {
    /// The report of a finished inflation run; `csv` holds its [`crate::write_curve_csv`] rows.
    pub fn inflation(run: usize, r: &RunResult) -> Self {
        let mut csv = String::new();
        crate::metrics::write_curve_csv(&mut csv, r);
        Self {
            run,
            policy: Some(r.policy),
            seed: r.seed,
            replay: false,
            pods: r.pods_arrived,
            failed: r.pods_failed,
            never_started: 0,
            alloc_pct: r.final_alloc_pct,
            arrived_by_class: r.arrived_by_class,
            failed_by_class: r.failed_by_class,
            models: r.model_alloc.clone(),
            curve: r.curve.clone(),
            samples: Vec::new(),
            delays: DelayStats::default(),
            csv,
        }
    }

    /// The report of a finished replay; `csv` holds its [`crate::write_replay_csv`] rows.
    pub fn replay(run: usize, r: &ReplayResult) -> Self {
        let mut csv = String::new();
        crate::replay::write_replay_csv(&mut csv, r);
        Self {
            run,
            policy: Some(r.policy),
            seed: r.seed,
            replay: true,
            pods: r.pods_total as u64,
            failed: r.pods_unschedulable as u64,
            never_started: r.pods_never_started as u64,
            alloc_pct: r.peak_alloc_pct,
            arrived_by_class: [0; 7],
            failed_by_class: [0; 7],
            models: r.model_alloc.clone(),
            curve: Vec::new(),
            samples: r.samples.clone(),
            delays: r.delays,
            csv,
        }
    }
}

/// A message from the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// GPU use at the end of a policy's first seed, as [`crate::heat_strips`] gives it:
    /// nodes per strip, and per strip (model, milli per GPU slot).
    Heat(Policy, u32, Vec<(String, Vec<u32>)>),
    /// A file was valid: what (`nodes`, `pods`), rows, GPU milli (capacity or request),
    /// detail (`MODEL:GPUS,…` for nodes, `timed` or `untimed` for pods).
    Checked(String, u64, u64, String),
    /// Something failed: what (`nodes`, `pods`, `run`), message.
    Failed(String, String),
    /// Every run finished.
    Done,
}

impl WorkerMsg {
    /// The heat map of one policy from a simulation's [`NodeUsage`], aggregated to at most
    /// [`crate::HEAT_MAX_STRIPS`] strips so a ×100 fleet stays small on the wire.
    pub fn heat(policy: Policy, usage: &[NodeUsage]) -> Self {
        let (per_strip, strips) = crate::fleet::heat_strips(usage);
        WorkerMsg::Heat(policy, per_strip, strips)
    }
}

pub use yunce_wire::{decode, encode};
