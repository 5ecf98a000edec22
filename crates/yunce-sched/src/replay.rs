//! Time-driven replay: pods arrive at their creation time and run for their trace lifetime
//! (deletion − creation); a pod that does not fit waits in a queue (FIFO or FIFO with backfill).

use crate::capability::CapabilityTable;
use crate::cluster::{Cluster, ClusterState, Placement, SimError};
use crate::defaults;
use crate::engine::Engine;
use crate::inflation::{NodeUsage, Progress, ShapeTable, model_alloc, node_usage};
pub use crate::kinds::QueueKind;
use crate::metrics::ModelAlloc;
use crate::model::PodSpec;
use crate::policy::Policy;
use crate::typical::TypicalPods;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// Settings of one replay run.
#[derive(Clone, Debug, PartialEq)]
pub struct ReplayConfig {
    /// Scoring policy.
    pub policy: Policy,
    /// Queue discipline.
    pub queue: QueueKind,
    /// Seed (node tie-break order and Random-fit choices).
    pub seed: u64,
    /// Capability table for the weighted allocation.
    pub capabilities: CapabilityTable,
    /// Workload name written into the results.
    pub workload: String,
    /// Spacing of the time series, seconds.
    pub sample_secs: u64,
    /// Arrival times are divided by this factor (lifetimes are kept), to raise the load:
    /// the raw trace keeps only about 40 pods alive at once, under 1% of the GPUs.
    pub time_compression: f64,
}

impl ReplayConfig {
    /// The shared defaults ([`crate::defaults`]): FIFO queue, hourly samples, arrivals
    /// compressed 2,000 times ([`crate::defaults::COMPRESS`] says why).
    pub fn new(policy: Policy, seed: u64) -> Self {
        Self {
            policy,
            queue: defaults::QUEUE,
            seed,
            capabilities: CapabilityTable::default(),
            workload: "default".to_owned(),
            sample_secs: defaults::SAMPLE_SECS,
            time_compression: defaults::COMPRESS,
        }
    }
}

/// The cluster at one time.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReplaySample {
    /// Seconds from the start of the trace.
    pub time: u64,
    /// Allocated GPU, percent of capacity.
    pub gpu_alloc_pct: f64,
    /// Capability-weighted allocation, percent.
    pub weighted_alloc_pct: f64,
    /// Pods waiting in the queue.
    pub pending: usize,
    /// Pods running.
    pub running: usize,
}

/// Queueing delay statistics over pods that started, seconds.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct DelayStats {
    /// Pods that started.
    pub started: usize,
    /// Mean delay.
    pub mean: f64,
    /// Median.
    pub p50: u64,
    /// 90th percentile.
    pub p90: u64,
    /// 99th percentile.
    pub p99: u64,
    /// Longest.
    pub max: u64,
    /// Share of started pods that waited at all, percent.
    pub waited_pct: f64,
}

/// Outcome of one replay.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReplayResult {
    /// Policy used.
    pub policy: Policy,
    /// Queue discipline used.
    pub queue: QueueKind,
    /// Seed used.
    pub seed: u64,
    /// Workload name.
    pub workload: String,
    /// Time series, one sample every `sample_secs`.
    pub samples: Vec<ReplaySample>,
    /// Queueing delays.
    pub delays: DelayStats,
    /// Pods in the trace.
    pub pods_total: usize,
    /// Pods no node could host even when empty; dropped on arrival.
    pub pods_unschedulable: usize,
    /// Pods still waiting when the trace ended.
    pub pods_never_started: usize,
    /// Highest GPU allocation over the replay, percent.
    pub peak_alloc_pct: f64,
    /// Allocation per model at the end.
    pub model_alloc: Vec<ModelAlloc>,
}

/// The most points a replay's time series has, whatever the trace's time span: a span
/// longer than this many sample intervals is sampled at a wider, whole multiple of the
/// interval, so memory and time follow the events, not the clock.
pub const MAX_REPLAY_SAMPLES: u64 = 10_000;

/// The sampling interval for a time span: `sample_secs`, or the smallest multiple of it that
/// keeps the series within [`MAX_REPLAY_SAMPLES`] points.
fn sample_step(sample_secs: u64, span: u64) -> u64 {
    let step = sample_secs.max(1);
    let needed = span / step + 1;
    if needed <= MAX_REPLAY_SAMPLES {
        step
    } else {
        step.saturating_mul(needed.div_ceil(MAX_REPLAY_SAMPLES))
    }
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[u64], pct: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = ((pct / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// One replay that can be advanced in chunks of arrivals.
pub struct ReplaySimulation {
    pub(crate) engine: Engine,
    table: ShapeTable,
    config: ReplayConfig,
    pods: Vec<(u64, u64)>,
    arrivals: Vec<u32>,
    next_arrival: usize,
    departures: BinaryHeap<Reverse<(u64, u64)>>,
    running: Vec<Option<Placement>>,
    queue: VecDeque<u32>,
    fits_empty: Vec<bool>,
    /// Per shape: the departure epoch at which it last failed to fit.
    failed_at: Vec<u64>,
    dep_epoch: u64,
    delays: Vec<u64>,
    unschedulable: usize,
    series: Vec<(u64, f64, f64, usize, usize)>,
    running_count: usize,
    done: bool,
}

impl ReplaySimulation {
    /// Sets up a replay; every pod needs creation and deletion times.
    pub fn new(
        cluster: &Cluster,
        pods: &[PodSpec],
        config: &ReplayConfig,
    ) -> Result<Self, SimError> {
        if pods.is_empty() {
            return Err(SimError::NoPods);
        }
        if cluster.total_gpus() == 0 {
            return Err(SimError::NoGpuCapacity);
        }
        if config.sample_secs == 0 {
            return Err(SimError::BadConfig(
                "sample_secs must be positive".to_owned(),
            ));
        }
        let k = config.time_compression;
        if !k.is_finite() || k < 1.0 {
            return Err(SimError::BadConfig(format!(
                "time_compression must be at least 1, got {k}"
            )));
        }
        let mut times = Vec::with_capacity(pods.len());
        for p in pods {
            match (p.creation_time, p.deletion_time) {
                (Some(c), Some(d)) => {
                    times.push(((c as f64 / k).floor() as u64, d.saturating_sub(c)))
                }
                _ => return Err(SimError::MissingTimes(p.name.clone())),
            }
        }
        let mut arrivals: Vec<u32> = (0..pods.len() as u32).collect();
        arrivals.sort_by_key(|&i| (times[i as usize].0, i));
        let table = ShapeTable::new(cluster, pods);
        let empty = ClusterState::new(cluster);
        let fits_empty = table
            .shapes
            .iter()
            .map(|s| (0..cluster.len()).any(|n| empty.fits(cluster, n, s)))
            .collect();
        let typical = TypicalPods::from_pods(cluster, pods);
        let engine = Engine::new(
            cluster,
            typical,
            config.policy,
            config.seed,
            (table.key_count, table.shapes.len()),
            &config.capabilities,
        );
        Ok(Self {
            engine,
            failed_at: vec![u64::MAX; table.shapes.len()],
            table,
            config: config.clone(),
            pods: times,
            arrivals,
            next_arrival: 0,
            departures: BinaryHeap::new(),
            running: vec![None; pods.len()],
            queue: VecDeque::new(),
            fits_empty,
            dep_epoch: 0,
            delays: Vec::new(),
            unschedulable: 0,
            series: Vec::new(),
            running_count: 0,
            done: false,
        })
    }

    fn try_start(&mut self, pod: u32, now: u64) -> bool {
        let sid = self.table.of_pod[pod as usize] as usize;
        if self.failed_at[sid] == self.dep_epoch {
            return false;
        }
        let shape = self.table.shapes[sid];
        match self.engine.try_place(&shape, self.table.keys[sid], sid) {
            Some(p) => {
                let (created, life) = self.pods[pod as usize];
                self.delays.push(now - created);
                self.running[pod as usize] = Some(p);
                self.running_count += 1;
                self.departures
                    .push(Reverse((now.saturating_add(life), u64::from(pod))));
                true
            }
            None => {
                // Capacity only grows through departures, so the shape fails until the next one.
                self.failed_at[sid] = self.dep_epoch;
                false
            }
        }
    }

    fn serve_queue(&mut self, now: u64) {
        match self.config.queue {
            QueueKind::Fifo => {
                while let Some(&head) = self.queue.front() {
                    if !self.try_start(head, now) {
                        break;
                    }
                    self.queue.pop_front();
                }
            }
            QueueKind::Backfill => {
                let mut kept = VecDeque::with_capacity(self.queue.len());
                while let Some(pod) = self.queue.pop_front() {
                    if !self.try_start(pod, now) {
                        kept.push_back(pod);
                    }
                }
                self.queue = kept;
            }
        }
    }

    /// Advances through up to `max_times` distinct event times.
    pub fn step(&mut self, max_times: usize) -> Progress {
        for _ in 0..max_times {
            let next_arr = self
                .arrivals
                .get(self.next_arrival)
                .map(|&i| self.pods[i as usize].0);
            let next_dep = self.departures.peek().map(|Reverse((t, _))| *t);
            let now = match (next_arr, next_dep) {
                (None, None) => {
                    self.done = true;
                    break;
                }
                (Some(a), Some(d)) => a.min(d),
                (Some(a), None) => a,
                (None, Some(d)) => d,
            };
            // Departures first, so their resources serve arrivals at the same second.
            while let Some(Reverse((t, pod))) = self.departures.peek().copied() {
                if t != now {
                    break;
                }
                self.departures.pop();
                if let Some(p) = self.running[pod as usize].take() {
                    self.engine.remove(&p);
                    self.running_count -= 1;
                    self.dep_epoch += 1;
                }
            }
            while let Some(&i) = self.arrivals.get(self.next_arrival) {
                if self.pods[i as usize].0 != now {
                    break;
                }
                self.next_arrival += 1;
                if self.fits_empty[self.table.of_pod[i as usize] as usize] {
                    self.queue.push_back(i);
                } else {
                    self.unschedulable += 1;
                }
            }
            self.serve_queue(now);
            let cap = self.engine.c.capacity_milli() as f64;
            let w = if self.engine.capacity_weighted > 0.0 {
                100.0 * self.engine.used_weighted / self.engine.capacity_weighted
            } else {
                0.0
            };
            self.series.push((
                now,
                100.0 * self.engine.st.used_milli as f64 / cap,
                w,
                self.queue.len(),
                self.running_count,
            ));
        }
        self.progress()
    }

    /// Arrivals handled so far out of all pods.
    pub fn progress(&self) -> Progress {
        let done = if self.done {
            self.arrivals.len()
        } else {
            self.next_arrival
        };
        Progress {
            done,
            total: self.arrivals.len(),
        }
    }

    /// Whether every event has been handled.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Runs to the end and returns the result.
    pub fn run(&mut self) -> ReplayResult {
        while !self.done {
            self.step(4096);
        }
        self.result()
    }

    /// Current GPU and CPU use of every node.
    pub fn node_usage(&self) -> Vec<NodeUsage> {
        node_usage(&self.engine)
    }

    /// Results so far.
    pub fn result(&self) -> ReplayResult {
        let mut samples = Vec::new();
        if let (Some(first), Some(last)) = (self.series.first(), self.series.last()) {
            let step = sample_step(self.config.sample_secs, last.0 - first.0);
            let mut t = first.0 / step * step;
            let mut i = 0;
            while t <= last.0 {
                while i + 1 < self.series.len() && self.series[i + 1].0 <= t {
                    i += 1;
                }
                let s = self.series[i];
                let at_or_before = s.0 <= t;
                samples.push(ReplaySample {
                    time: t,
                    gpu_alloc_pct: if at_or_before { s.1 } else { 0.0 },
                    weighted_alloc_pct: if at_or_before { s.2 } else { 0.0 },
                    pending: if at_or_before { s.3 } else { 0 },
                    running: if at_or_before { s.4 } else { 0 },
                });
                t = t.saturating_add(step);
            }
        }
        let mut sorted = self.delays.clone();
        sorted.sort_unstable();
        let started = sorted.len();
        let delays = DelayStats {
            started,
            mean: if started == 0 {
                0.0
            } else {
                sorted.iter().map(|&d| d as f64).sum::<f64>() / started as f64
            },
            p50: percentile(&sorted, 50.0),
            p90: percentile(&sorted, 90.0),
            p99: percentile(&sorted, 99.0),
            max: sorted.last().copied().unwrap_or(0),
            waited_pct: if started == 0 {
                0.0
            } else {
                100.0 * sorted.iter().filter(|&&d| d > 0).count() as f64 / started as f64
            },
        };
        ReplayResult {
            policy: self.config.policy,
            queue: self.config.queue,
            seed: self.config.seed,
            workload: self.config.workload.clone(),
            samples,
            delays,
            pods_total: self.pods.len(),
            pods_unschedulable: self.unschedulable,
            pods_never_started: self.queue.len(),
            peak_alloc_pct: self.series.iter().map(|s| s.1).fold(0.0, f64::max),
            model_alloc: model_alloc(&self.engine),
        }
    }
}

/// Header of the replay time-series CSV.
pub const REPLAY_CSV_HEADER: &str =
    "policy,queue,workload,seed,time_s,gpu_alloc_pct,weighted_alloc_pct,pending,running";

/// Appends a replay's time series (no header) to `out`; text cells go through the shared
/// CSV writer, since the workload name comes from a file name.
pub fn write_replay_csv(out: &mut String, r: &ReplayResult) {
    use std::fmt::Write as _;
    for s in &r.samples {
        yunce_csv::write_field(out, r.policy.name());
        out.push(',');
        yunce_csv::write_field(out, r.queue.name());
        out.push(',');
        yunce_csv::write_field(out, &r.workload);
        let _ = writeln!(
            out,
            ",{},{},{:.2},{:.2},{},{}",
            r.seed, s.time, s.gpu_alloc_pct, s.weighted_alloc_pct, s.pending, s.running
        );
    }
}

/// Runs one replay to the end.
pub fn run_replay(
    cluster: &Cluster,
    pods: &[PodSpec],
    config: &ReplayConfig,
) -> Result<ReplayResult, SimError> {
    Ok(ReplaySimulation::new(cluster, pods, config)?.run())
}
