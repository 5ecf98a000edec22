//! The compiled cluster and its mutable allocation state.

use crate::model::{MILLI_PER_GPU, NodeSpec, PodClass, PodSpec};
use std::fmt;

/// Index of "no model" (a CPU-only node).
pub(crate) const NO_MODEL: u8 = u8::MAX;

/// The most distinct GPU models a cluster may have (they are kept in a 64-bit mask).
pub const MAX_MODELS: usize = 64;

/// Why a cluster or a run cannot be set up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SimError {
    /// The node list has more than [`MAX_MODELS`] GPU models.
    TooManyModels(usize),
    /// The cluster has no GPU, so no percentage of capacity can be computed.
    NoGpuCapacity,
    /// The pod list is empty.
    NoPods,
    /// No pod asks for a GPU, so the workload cannot be inflated to a GPU target.
    NoGpuDemand,
    /// The inflated workload would be unreasonably long.
    WorkloadTooLarge(usize),
    /// A bad run setting.
    BadConfig(String),
    /// Replay needs creation and deletion times, and this pod has none.
    MissingTimes(String),
}

impl fmt::Display for SimError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SimError::TooManyModels(n) => write!(
                f,
                "the node list has {n} GPU models; at most {MAX_MODELS} are supported"
            ),
            SimError::NoGpuCapacity => write!(f, "the cluster has no GPU"),
            SimError::NoPods => write!(f, "the pod list is empty"),
            SimError::NoGpuDemand => write!(
                f,
                "no pod asks for a GPU, so the workload cannot be tuned to a GPU target"
            ),
            SimError::WorkloadTooLarge(n) => {
                write!(f, "the inflated workload would have more than {n} pods")
            }
            SimError::BadConfig(m) => write!(f, "bad setting: {m}"),
            SimError::MissingTimes(p) => write!(
                f,
                "pod {p:?} has no creation_time/deletion_time; replay needs the 11-column pod format"
            ),
        }
    }
}

impl std::error::Error for SimError {}

/// Static facts about one node.
#[derive(Clone, Debug)]
pub(crate) struct NodeStatic {
    pub cpu: u64,
    pub mem: u64,
    pub gpus: u32,
    pub model: u8,
    /// Offset of this node's GPUs in the flat GPU arrays.
    pub gpu_off: usize,
    /// Offset of this node's affinity counters (gpus + 1 of them).
    pub aff_off: usize,
}

/// A cluster compiled for simulation: nodes, their GPU models, and offsets.
#[derive(Clone, Debug)]
pub struct Cluster {
    pub(crate) specs: Vec<NodeSpec>,
    pub(crate) nodes: Vec<NodeStatic>,
    pub(crate) models: Vec<String>,
    pub(crate) total_gpus: u64,
    pub(crate) total_gpu_slots: usize,
    pub(crate) total_aff_slots: usize,
}

impl Cluster {
    /// Compiles a node list. With `gpu_nodes_only`, CPU-only nodes are left out, as in the paper.
    pub fn new(nodes: &[NodeSpec], gpu_nodes_only: bool) -> Result<Self, SimError> {
        let specs: Vec<NodeSpec> = nodes
            .iter()
            .filter(|n| !gpu_nodes_only || n.gpus > 0)
            .cloned()
            .collect();
        let mut models: Vec<String> = specs
            .iter()
            .filter(|n| n.gpus > 0)
            .map(|n| n.model.clone())
            .collect();
        models.sort();
        models.dedup();
        if models.len() > MAX_MODELS {
            return Err(SimError::TooManyModels(models.len()));
        }
        let mut out = Vec::with_capacity(specs.len());
        let (mut gpu_off, mut aff_off, mut total_gpus) = (0usize, 0usize, 0u64);
        for n in &specs {
            let model = if n.gpus == 0 {
                NO_MODEL
            } else {
                models.binary_search(&n.model).map_or(NO_MODEL, |i| i as u8)
            };
            out.push(NodeStatic {
                cpu: n.cpu_milli,
                mem: n.memory_mib,
                gpus: n.gpus,
                model,
                gpu_off,
                aff_off,
            });
            gpu_off += n.gpus as usize;
            aff_off += n.gpus as usize + 1;
            total_gpus += u64::from(n.gpus);
        }
        Ok(Self {
            specs,
            nodes: out,
            models,
            total_gpus,
            total_gpu_slots: gpu_off,
            total_aff_slots: aff_off,
        })
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the cluster has no node.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Total number of GPUs.
    pub fn total_gpus(&self) -> u64 {
        self.total_gpus
    }

    /// GPU capacity in milli-GPU.
    pub fn capacity_milli(&self) -> u64 {
        self.total_gpus * u64::from(MILLI_PER_GPU)
    }

    /// GPU model names, sorted.
    pub fn models(&self) -> &[String] {
        &self.models
    }

    /// The node records the cluster was built from.
    pub fn node_specs(&self) -> &[NodeSpec] {
        &self.specs
    }

    /// Model mask of a pod's `gpu_spec`: `None` means any model.
    pub(crate) fn model_mask(&self, spec: &[String]) -> Option<u64> {
        if spec.is_empty() {
            return None;
        }
        let mut mask = 0u64;
        for m in spec {
            if let Ok(i) = self.models.binary_search(m) {
                mask |= 1u64 << i;
            }
        }
        Some(mask)
    }

    /// Compiles a pod into the request shape the scheduler works with.
    pub(crate) fn shape(&self, pod: &PodSpec) -> Shape {
        Shape {
            cpu: pod.cpu_milli,
            mem: pod.memory_mib,
            num: pod.num_gpu,
            milli: pod.gpu_milli,
            models: self.model_mask(&pod.gpu_spec),
            class: pod.class(),
        }
    }
}

/// A pod request compiled against a cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Shape {
    pub cpu: u64,
    pub mem: u64,
    pub num: u32,
    pub milli: u32,
    pub models: Option<u64>,
    pub class: PodClass,
}

impl Shape {
    pub fn is_share(&self) -> bool {
        self.num == 1 && self.milli < MILLI_PER_GPU
    }

    pub fn total_milli(&self) -> u64 {
        u64::from(self.num) * u64::from(self.milli)
    }

    /// The fields that decide a score (memory only filters).
    pub fn score_key(&self) -> (u64, u32, u32, Option<u64>) {
        (self.cpu, self.num, self.milli, self.models)
    }
}

/// Whether a node of `model` may host a pod with `mask`.
#[inline]
pub(crate) fn accessible(mask: Option<u64>, model: u8) -> bool {
    match mask {
        None => true,
        Some(m) => model != NO_MODEL && (m >> model) & 1 == 1,
    }
}

/// Where a placed pod sits, so it can be removed again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    /// Node index.
    pub node: u32,
    /// Bit i set when GPU i of the node serves the pod.
    pub gpu_mask: u64,
    /// Milli-GPU taken on each of those GPUs.
    pub milli: u32,
    /// vCPU × 1000 taken.
    pub cpu: u64,
    /// MiB taken.
    pub mem: u64,
}

/// Mutable allocation state of a cluster.
#[derive(Clone, Debug)]
pub struct ClusterState {
    pub(crate) cpu_left: Vec<u64>,
    pub(crate) mem_left: Vec<u64>,
    /// Free milli per GPU, flat over all nodes.
    pub(crate) gpu_left: Vec<u32>,
    /// Per node: count of pods by affinity tag (index 0 shared, k = k whole GPUs).
    pub(crate) affinity: Vec<u32>,
    pub(crate) used_milli: u64,
}

impl ClusterState {
    /// An empty cluster.
    pub fn new(c: &Cluster) -> Self {
        Self {
            cpu_left: c.nodes.iter().map(|n| n.cpu).collect(),
            mem_left: c.nodes.iter().map(|n| n.mem).collect(),
            gpu_left: vec![MILLI_PER_GPU; c.total_gpu_slots],
            affinity: vec![0; c.total_aff_slots],
            used_milli: 0,
        }
    }

    /// Free milli of each GPU of node `n`.
    pub fn gpus<'a>(&'a self, c: &Cluster, n: usize) -> &'a [u32] {
        let s = &c.nodes[n];
        &self.gpu_left[s.gpu_off..s.gpu_off + s.gpus as usize]
    }

    /// Free vCPU × 1000 of node `n`.
    pub fn cpu_left(&self, n: usize) -> u64 {
        self.cpu_left[n]
    }

    /// Allocated milli-GPU over the whole cluster.
    pub fn used_milli(&self) -> u64 {
        self.used_milli
    }

    /// The filter: CPU, memory, GPU model and GPU fit.
    #[inline]
    pub(crate) fn fits(&self, c: &Cluster, n: usize, s: &Shape) -> bool {
        self.mem_left[n] >= s.mem && self.fits_except_memory(c, n, s)
    }

    /// The filter without memory: what a pod's score key decides.
    #[inline]
    pub(crate) fn fits_except_memory(&self, c: &Cluster, n: usize, s: &Shape) -> bool {
        if self.cpu_left[n] < s.cpu {
            return false;
        }
        if s.num == 0 {
            return true;
        }
        let st = &c.nodes[n];
        if st.gpus < s.num || !accessible(s.models, st.model) {
            return false;
        }
        let mut need = s.num;
        for &left in self.gpus(c, n) {
            if left >= s.milli {
                need -= 1;
                if need == 0 {
                    return true;
                }
            }
        }
        false
    }

    /// GPUs for a whole-GPU pod: the first fully free ones by index.
    pub(crate) fn exclusive_mask(&self, c: &Cluster, n: usize, s: &Shape) -> u64 {
        let mut mask = 0u64;
        let mut need = s.num;
        for (i, &left) in self.gpus(c, n).iter().enumerate() {
            if need == 0 {
                break;
            }
            if left == MILLI_PER_GPU {
                mask |= 1 << i;
                need -= 1;
            }
        }
        mask
    }

    /// Places a pod; `share_gpu` is the GPU for a fractional pod, ignored otherwise.
    pub(crate) fn place(
        &mut self,
        c: &Cluster,
        n: usize,
        s: &Shape,
        share_gpu: usize,
    ) -> Placement {
        let gpu_mask = if s.num == 0 {
            0
        } else if s.is_share() {
            1u64 << share_gpu
        } else {
            self.exclusive_mask(c, n, s)
        };
        let p = Placement {
            node: n as u32,
            gpu_mask,
            milli: s.milli,
            cpu: s.cpu,
            mem: s.mem,
        };
        self.apply(c, &p, true);
        p
    }

    /// Removes a placed pod.
    pub(crate) fn remove(&mut self, c: &Cluster, p: &Placement) {
        self.apply(c, p, false);
    }

    fn apply(&mut self, c: &Cluster, p: &Placement, add: bool) {
        let n = p.node as usize;
        let st = &c.nodes[n];
        let k = p.gpu_mask.count_ones();
        if add {
            self.cpu_left[n] -= p.cpu;
            self.mem_left[n] -= p.mem;
        } else {
            self.cpu_left[n] += p.cpu;
            self.mem_left[n] += p.mem;
        }
        for i in 0..st.gpus as usize {
            if (p.gpu_mask >> i) & 1 == 1 {
                let g = &mut self.gpu_left[st.gpu_off + i];
                if add {
                    *g -= p.milli;
                } else {
                    *g += p.milli;
                }
            }
        }
        let total = u64::from(k) * u64::from(p.milli);
        if k > 0 {
            let tag = if k == 1 && p.milli < MILLI_PER_GPU {
                0
            } else {
                k as usize
            };
            let a = &mut self.affinity[st.aff_off + tag];
            if add {
                *a += 1;
                self.used_milli += total;
            } else {
                *a -= 1;
                self.used_milli -= total;
            }
        }
    }

    /// Affinity counters of node `n` (index 0 shared, k = k whole GPUs).
    pub(crate) fn affinity<'a>(&'a self, c: &Cluster, n: usize) -> &'a [u32] {
        let st = &c.nodes[n];
        &self.affinity[st.aff_off..st.aff_off + st.gpus as usize + 1]
    }
}
