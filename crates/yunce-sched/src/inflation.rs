//! The paper's inflation experiment: pods arrive one by one in a shuffled, inflated order and
//! never leave; a pod that fits nowhere is dropped.

use crate::capability::CapabilityTable;
use crate::cluster::{Cluster, Placement, Shape, SimError};
use crate::engine::Engine;
use crate::metrics::{EventRecord, ModelAlloc, RunResult, discretize};
use crate::model::PodSpec;
use crate::policy::Policy;
use crate::rng::{Pcg32, Stream};
use crate::typical::TypicalPods;
use std::collections::BTreeMap;

/// Longest workload an inflation may build.
pub const MAX_WORKLOAD_PODS: usize = 20_000_000;

/// Settings of one run.
#[derive(Clone, Debug, PartialEq)]
pub struct RunConfig {
    /// Scoring policy.
    pub policy: Policy,
    /// Seed of every random stream of the run.
    pub seed: u64,
    /// Target GPU demand as a multiple of GPU capacity (the paper uses 1.3); 0 keeps the trace as is.
    pub tune: f64,
    /// Capability table for the weighted allocation.
    pub capabilities: CapabilityTable,
    /// Workload name written into the results.
    pub workload: String,
}

impl RunConfig {
    /// The paper's settings for one policy and seed ([`crate::defaults::TUNE`]).
    pub fn new(policy: Policy, seed: u64) -> Self {
        Self {
            policy,
            seed,
            tune: crate::defaults::TUNE,
            capabilities: CapabilityTable::default(),
            workload: "default".to_owned(),
        }
    }
}

/// How far a run has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Pods handled.
    pub done: usize,
    /// Pods in the workload.
    pub total: usize,
}

impl Progress {
    /// Share handled, 0 to 1.
    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.done as f64 / self.total as f64
        }
    }

    /// Whether every pod has been handled.
    pub fn is_finished(&self) -> bool {
        self.done >= self.total
    }
}

/// GPU use of one node, for a heat map.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeUsage {
    /// Node name.
    pub name: String,
    /// GPU model (empty for a CPU node).
    pub model: String,
    /// Allocated milli per GPU.
    pub gpu_used_milli: Vec<u32>,
    /// Allocated vCPU × 1000.
    pub cpu_used_milli: u64,
}

/// Interns pods' shapes so scores can be cached per (node, shape).
pub(crate) struct ShapeTable {
    pub shapes: Vec<Shape>,
    pub keys: Vec<usize>,
    pub key_count: usize,
    /// Shape index of each input pod.
    pub of_pod: Vec<u32>,
}

impl ShapeTable {
    pub fn new(c: &Cluster, pods: &[PodSpec]) -> Self {
        let mut index: BTreeMap<Shape, u32> = BTreeMap::new();
        let mut key_index: BTreeMap<(u64, u32, u32, Option<u64>), usize> = BTreeMap::new();
        let (mut shapes, mut keys, mut of_pod) =
            (Vec::new(), Vec::new(), Vec::with_capacity(pods.len()));
        for p in pods {
            let s = c.shape(p);
            let id = *index.entry(s).or_insert_with(|| {
                let next_key = key_index.len();
                let k = *key_index.entry(s.score_key()).or_insert(next_key);
                shapes.push(s);
                keys.push(k);
                (shapes.len() - 1) as u32
            });
            of_pod.push(id);
        }
        Self {
            shapes,
            keys,
            key_count: key_index.len(),
            of_pod,
        }
    }
}

/// Builds the arrival order: pods sorted by name, shuffled, then tuned to `tune × capacity`.
pub fn inflated_order(
    pods: &[PodSpec],
    capacity_milli: u64,
    tune: f64,
    seed: u64,
) -> Result<Vec<u32>, SimError> {
    if pods.is_empty() {
        return Err(SimError::NoPods);
    }
    if !tune.is_finite() || tune < 0.0 {
        return Err(SimError::BadConfig(format!(
            "tune must be a non-negative number, got {tune}"
        )));
    }
    let mut by_name: Vec<u32> = (0..pods.len() as u32).collect();
    by_name.sort_by(|&a, &b| pods[a as usize].name.cmp(&pods[b as usize].name));
    let mut order = by_name.clone();
    Pcg32::new(seed, Stream::PodOrder).shuffle(&mut order);
    if tune == 0.0 {
        return Ok(order);
    }
    let mut rng = Pcg32::new(seed, Stream::Inflation);
    let target = tune * capacity_milli as f64;
    let mut total: u64 = pods.iter().map(PodSpec::total_gpu_milli).sum();
    if total as f64 > target {
        while total as f64 > target && !order.is_empty() {
            let i = rng.below(order.len() as u32) as usize;
            total -= pods[order[i] as usize].total_gpu_milli();
            order.remove(i);
        }
    } else if (total as f64) < target {
        if total == 0 {
            return Err(SimError::NoGpuDemand);
        }
        loop {
            let j = by_name[rng.below(by_name.len() as u32) as usize];
            let p = &pods[j as usize];
            // The reference compares with the per-GPU milli, not the pod's total; kept on purpose.
            if (total + u64::from(p.gpu_milli)) as f64 > target {
                break;
            }
            total += p.total_gpu_milli();
            order.push(j);
            if order.len() > MAX_WORKLOAD_PODS {
                return Err(SimError::WorkloadTooLarge(MAX_WORKLOAD_PODS));
            }
        }
    }
    Ok(order)
}

/// One inflation run that can be advanced in chunks.
pub struct Simulation {
    pub(crate) engine: Engine,
    table: ShapeTable,
    order: Vec<u32>,
    next: usize,
    arrived: u64,
    events: Vec<EventRecord>,
    arrived_by_class: [u64; 7],
    failed_by_class: [u64; 7],
    placements: Vec<Option<Placement>>,
    config: RunConfig,
}

impl Simulation {
    /// Sets up a run of `pods` (the original trace) on `cluster`.
    pub fn new(cluster: &Cluster, pods: &[PodSpec], config: &RunConfig) -> Result<Self, SimError> {
        if cluster.total_gpus() == 0 {
            return Err(SimError::NoGpuCapacity);
        }
        let order = inflated_order(pods, cluster.capacity_milli(), config.tune, config.seed)?;
        let typical = TypicalPods::from_pods(cluster, pods);
        let table = ShapeTable::new(cluster, pods);
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
            table,
            events: Vec::with_capacity(order.len()),
            order,
            next: 0,
            arrived: 0,
            arrived_by_class: [0; 7],
            failed_by_class: [0; 7],
            placements: Vec::new(),
            config: config.clone(),
        })
    }

    /// Schedules up to `max_pods` more pods and reports progress.
    pub fn step(&mut self, max_pods: usize) -> Progress {
        let end = self.next.saturating_add(max_pods).min(self.order.len());
        while self.next < end {
            let sid = self.table.of_pod[self.order[self.next] as usize] as usize;
            let shape = self.table.shapes[sid];
            let class = shape.class.index();
            self.arrived += shape.total_milli();
            self.arrived_by_class[class] += 1;
            let placed = self.engine.try_place(&shape, self.table.keys[sid], sid);
            if placed.is_none() {
                self.failed_by_class[class] += 1;
            }
            self.placements.push(placed);
            self.events.push(EventRecord {
                arrived_milli: self.arrived,
                used_milli: self.engine.st.used_milli,
                frag_milli: self.engine.cluster_frag(),
                used_weighted: self.engine.used_weighted,
            });
            self.next += 1;
        }
        self.progress()
    }

    /// Runs to the end and returns the result.
    pub fn run(&mut self) -> RunResult {
        self.step(usize::MAX);
        self.result()
    }

    /// How far the run has got.
    pub fn progress(&self) -> Progress {
        Progress {
            done: self.next,
            total: self.order.len(),
        }
    }

    /// Input-pod index of each arrival, in arrival order (inflation repeats pods).
    pub fn arrival_order(&self) -> &[u32] {
        &self.order
    }

    /// Where each handled arrival was placed (`None` when it failed), in arrival order.
    pub fn placements(&self) -> &[Option<Placement>] {
        &self.placements
    }

    /// The compiled cluster.
    pub fn cluster(&self) -> &Cluster {
        &self.engine.c
    }

    /// Records so far, one per handled pod.
    pub fn events(&self) -> &[EventRecord] {
        &self.events
    }

    /// The typical-pod distribution used for fragmentation.
    pub fn typical_pods(&self) -> &TypicalPods {
        &self.engine.typical
    }

    /// Results from the pods handled so far.
    pub fn result(&self) -> RunResult {
        let c = &self.engine.c;
        let curve = discretize(&self.events, c.total_gpus(), self.engine.capacity_weighted);
        RunResult {
            policy: self.config.policy,
            seed: self.config.seed,
            workload: self.config.workload.clone(),
            curve,
            pods_arrived: self.arrived_by_class.iter().sum(),
            pods_failed: self.failed_by_class.iter().sum(),
            arrived_by_class: self.arrived_by_class,
            failed_by_class: self.failed_by_class,
            model_alloc: model_alloc(&self.engine),
            final_alloc_pct: 100.0 * self.engine.st.used_milli as f64 / c.capacity_milli() as f64,
        }
    }

    /// Current GPU and CPU use of every node, in node-file order.
    pub fn node_usage(&self) -> Vec<NodeUsage> {
        node_usage(&self.engine)
    }
}

pub(crate) fn model_alloc(e: &Engine) -> Vec<ModelAlloc> {
    let c = &e.c;
    let mut out: Vec<ModelAlloc> = c
        .models
        .iter()
        .enumerate()
        .map(|(i, m)| ModelAlloc {
            model: m.clone(),
            gpus: 0,
            used_milli: 0,
            capability: e.model_factor[i],
        })
        .collect();
    for (n, st) in c.nodes.iter().enumerate() {
        if let Some(m) = out.get_mut(st.model as usize) {
            m.gpus += u64::from(st.gpus);
            m.used_milli +=
                e.st.gpus(c, n)
                    .iter()
                    .map(|&g| u64::from(1000 - g))
                    .sum::<u64>();
        }
    }
    out
}

pub(crate) fn node_usage(e: &Engine) -> Vec<NodeUsage> {
    let c = &e.c;
    c.specs
        .iter()
        .enumerate()
        .map(|(n, spec)| NodeUsage {
            name: spec.name.clone(),
            model: spec.model.clone(),
            gpu_used_milli: e.st.gpus(c, n).iter().map(|&g| 1000 - g).collect(),
            cpu_used_milli: c.nodes[n].cpu - e.st.cpu_left[n],
        })
        .collect()
}

/// Runs one inflation experiment to the end.
pub fn run_inflation(
    cluster: &Cluster,
    pods: &[PodSpec],
    config: &RunConfig,
) -> Result<RunResult, SimError> {
    Ok(Simulation::new(cluster, pods, config)?.run())
}

/// Counts of pods by class, indexed like [`crate::PodClass::ALL`].
pub fn class_counts(pods: &[PodSpec]) -> [u64; 7] {
    let mut out = [0; 7];
    for p in pods {
        out[p.class().index()] += 1;
    }
    out
}
