//! Yunce scheduler engine: replays GPU-sharing workloads on a GPU cluster with Fragmentation
//! Gradient Descent (Weng et al., USENIX ATC '23) and five baseline policies.
//!
//! The crate is pure: no file IO, no wall clock, no threads, and every random choice comes
//! from a seeded generator, one stream per purpose. It builds for native targets and wasm32.
//!
//! ```no_run
//! use yunce_sched::{Cluster, Policy, RunConfig, Simulation, parse_nodes, parse_pods};
//! # fn demo(nodes_csv: &str, pods_csv: &str) -> Result<(), Box<dyn std::error::Error>> {
//! let cluster = Cluster::new(&parse_nodes(nodes_csv)?, true)?;
//! let pods = parse_pods(pods_csv)?;
//! let mut sim = Simulation::new(&cluster, &pods, &RunConfig::new(Policy::Fgd, 42))?;
//! while !sim.step(500).is_finished() {
//!     // report sim.progress().fraction(), or stop here to cancel
//! }
//! let result = sim.result();
//! println!("{:?}", result.at(100));
//! # Ok(()) }
//! ```
#![warn(missing_docs)]

mod capability;
mod cluster;
pub mod defaults;
mod engine;
mod fleet;
mod index;
mod inflation;
mod kinds;
mod lab;
mod metrics;
mod model;
mod parse;
mod policy;
mod preset;
mod replay;
mod rng;
mod scale;
mod synth;
mod typical;
mod wire;

pub use capability::{CapabilityTable, DEFAULT_CAPABILITIES, MAX_CAPABILITY, check_capability};
pub use cluster::{Cluster, ClusterState, MAX_MODELS, Placement, SimError};
pub use fleet::{HEAT_MAX_STRIPS, MAX_FLEET_GPUS, fleet_groups, fleet_nodes, heat_strips};
pub use inflation::{
    MAX_WORKLOAD_PODS, NodeUsage, Progress, RunConfig, Simulation, class_counts, inflated_order,
    run_inflation,
};
pub use lab::{LabFile, MAX_LAB_NODES, MAX_LAB_PODS, MAX_LAB_SCALE, job_label, run_lab};
pub use metrics::{
    CURVE_CSV_HEADER, CurvePoint, EventRecord, MAX_ARRIVED_PCT, ModelAlloc, PolicySummary,
    RunResult, discretize, render_details, render_summary, summarize, summarize_csv,
    write_curve_csv,
};
pub use model::{
    MAX_CPU_MILLI, MAX_GPUS_PER_NODE, MAX_MEMORY_MIB, MAX_TRACE_SECONDS, MILLI_PER_GPU, NodeSpec,
    PodClass, PodSpec,
};
pub use parse::{
    NODE_HEADER, POD_HEADER_FULL, POD_HEADER_SHORT, ParseError, parse_gpu_spec, parse_nodes,
    parse_pods, workload_name,
};
pub use policy::Policy;
pub use preset::{
    GroupError, MAX_GROUPS, MAX_PRESET_NODES, NodeGroup, OPENB_GROUPS, expand_groups,
    format_groups, openb_preset, parse_groups, valid_model_name,
};
pub use replay::{
    DelayStats, MAX_REPLAY_SAMPLES, QueueKind, REPLAY_CSV_HEADER, ReplayConfig, ReplayResult,
    ReplaySample, ReplaySimulation, run_replay, write_replay_csv,
};
pub use rng::{Pcg32, Stream};
pub use scale::{MAX_SCALE, scale_nodes, scale_pods};
pub use synth::{MAX_SYNTH_PODS, SynthConfig, generate};
pub use typical::{POPULARITY_THRESHOLD_PCT, TypicalPod, TypicalPods};
pub use wire::{LabMode, LabOp, LabRequest, RunReport, WorkerMsg, decode, encode};
