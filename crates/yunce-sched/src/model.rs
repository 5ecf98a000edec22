//! Input records: nodes and pods, as parsed from CSV or built in code.

/// One GPU's capacity in milli-GPU. Every model counts the same (no speed normalisation).
pub const MILLI_PER_GPU: u32 = 1000;

/// The most GPUs a node or a pod may have; larger values are rejected as input errors.
pub const MAX_GPUS_PER_NODE: u32 = 64;

/// The most CPU a node or a pod may have, in milli-CPU: 4,096 vCPU, twice the largest
/// single machines sold today. Larger values are input errors, not machines.
pub const MAX_CPU_MILLI: u64 = 4_096_000;

/// The most memory a node or a pod may have, in MiB: 64 TiB, twice the largest single
/// machines sold today.
pub const MAX_MEMORY_MIB: u64 = 64 * 1024 * 1024;

/// The latest time a trace may name, in seconds from its start: 10^12 s, about 31,700
/// years. openb spans about two months; anything later is a corrupt or hostile value.
/// Within it, a replay's cost follows its events, not its span (a pod living 10^11 s
/// replays as cheaply as the trace itself).
pub const MAX_TRACE_SECONDS: u64 = 1_000_000_000_000;

/// A machine of the cluster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeSpec {
    /// Node name (`sn`).
    pub name: String,
    /// vCPU × 1000.
    pub cpu_milli: u64,
    /// Memory in MiB.
    pub memory_mib: u64,
    /// Number of GPUs (0 for a CPU-only node).
    pub gpus: u32,
    /// GPU model name; empty for a CPU-only node.
    pub model: String,
}

/// A task as listed in the trace.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PodSpec {
    /// Pod name.
    pub name: String,
    /// vCPU × 1000.
    pub cpu_milli: u64,
    /// Memory in MiB.
    pub memory_mib: u64,
    /// Number of GPUs (0 for a CPU-only pod).
    pub num_gpu: u32,
    /// Share of each requested GPU, 1 to 1000; 0 when `num_gpu` is 0.
    pub gpu_milli: u32,
    /// Allowed GPU models, deduplicated, in first-seen order; empty means any model.
    pub gpu_spec: Vec<String>,
    /// Creation time in seconds from the start of the trace, if the file has it.
    pub creation_time: Option<u64>,
    /// Deletion time in seconds from the start of the trace, if the file has it.
    pub deletion_time: Option<u64>,
}

/// The kind of GPU request a pod makes, as the paper groups them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PodClass {
    /// No GPU.
    Cpu,
    /// A fraction of one GPU.
    ShareGpu,
    /// One whole GPU.
    OneGpu,
    /// Two whole GPUs.
    TwoGpu,
    /// Four whole GPUs.
    FourGpu,
    /// Eight whole GPUs.
    EightGpu,
    /// Any other whole-GPU count.
    Other,
}

impl PodClass {
    /// All classes in report order.
    pub const ALL: [PodClass; 7] = [
        PodClass::Cpu,
        PodClass::ShareGpu,
        PodClass::OneGpu,
        PodClass::TwoGpu,
        PodClass::FourGpu,
        PodClass::EightGpu,
        PodClass::Other,
    ];

    /// Short label used in reports.
    pub fn label(self) -> &'static str {
        match self {
            PodClass::Cpu => "cpu",
            PodClass::ShareGpu => "share_gpu",
            PodClass::OneGpu => "one_gpu",
            PodClass::TwoGpu => "two_gpu",
            PodClass::FourGpu => "four_gpu",
            PodClass::EightGpu => "eight_gpu",
            PodClass::Other => "other",
        }
    }

    /// Index into [`PodClass::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl PodSpec {
    /// GPU demand in milli-GPU: `num_gpu × gpu_milli`.
    pub fn total_gpu_milli(&self) -> u64 {
        u64::from(self.num_gpu) * u64::from(self.gpu_milli)
    }

    /// Whether the pod asks for a fraction of a single GPU.
    pub fn is_share(&self) -> bool {
        self.num_gpu == 1 && self.gpu_milli < MILLI_PER_GPU
    }

    /// The pod's request class.
    pub fn class(&self) -> PodClass {
        match (self.num_gpu, self.is_share()) {
            (0, _) => PodClass::Cpu,
            (1, true) => PodClass::ShareGpu,
            (1, false) => PodClass::OneGpu,
            (2, _) => PodClass::TwoGpu,
            (4, _) => PodClass::FourGpu,
            (8, _) => PodClass::EightGpu,
            _ => PodClass::Other,
        }
    }
}

impl NodeSpec {
    /// GPU capacity in milli-GPU.
    pub fn gpu_capacity_milli(&self) -> u64 {
        u64::from(self.gpus) * u64::from(MILLI_PER_GPU)
    }
}
