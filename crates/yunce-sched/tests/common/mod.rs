//! Helpers shared by the integration tests: the trace, and proptest strategies for random
//! clusters and workloads.
#![allow(dead_code)]

use proptest::collection::SizeRange;
use proptest::prelude::*;
use std::path::PathBuf;
use yunce_sched::{NodeSpec, PodSpec};

/// The trace folder: `YUNCE_TRACE_DIR`, else `../shared/data/alibaba-gpu-v2023` beside the repo.
pub fn trace_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("YUNCE_TRACE_DIR") {
        return PathBuf::from(dir);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/alibaba-gpu-v2023")
}

/// Reads a trace file, failing the test with a clear message when the trace is missing.
#[allow(clippy::panic)] // Test support: a missing trace must fail loudly, never skip.
pub fn read_trace(file: &str) -> String {
    let path = trace_dir().join(file);
    match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => panic!(
            "cannot read the Alibaba GPU trace file {} ({e}). The accuracy test needs \
             ../shared/data/alibaba-gpu-v2023 beside the repository, or YUNCE_TRACE_DIR set to that folder.",
            path.display()
        ),
    }
}

const MODELS: [&str; 4] = ["A", "B", "C", "D"];

fn model() -> impl Strategy<Value = String> {
    prop::sample::select(&MODELS[..]).prop_map(str::to_owned)
}

/// A small random cluster of `n` nodes (0, 1, 2, 4 or 8 GPUs of models A–D).
pub fn nodes(n: impl Into<SizeRange>) -> impl Strategy<Value = Vec<NodeSpec>> {
    let node = (
        prop::sample::select(&[0u32, 1, 2, 4, 8][..]),
        8u64..128,
        16u64..1016,
        model(),
    );
    prop::collection::vec(node, n).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (gpus, cpu, mem, model))| NodeSpec {
                name: format!("node-{i:03}"),
                cpu_milli: cpu * 1000,
                memory_mib: mem * 1024,
                gpus,
                model: if gpus == 0 { String::new() } else { model },
            })
            .collect()
    })
}

/// `num_gpu` and `gpu_milli` of every class, including pods larger than any node (16 GPUs).
fn gpu_request() -> impl Strategy<Value = (u32, u32)> {
    prop_oneof![
        1 => Just((0, 0)),
        2 => (1u32..1000).prop_map(|m| (1, m)),
        1 => Just((1, 1000)),
        1 => prop::sample::select(&[2u32, 4, 8][..]).prop_map(|n| (n, 1000)),
        1 => Just((16, 1000)),
    ]
}

/// Model constraints: one model, two models, an unknown model, or none.
fn gpu_spec() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        model().prop_map(|m| vec![m]),
        Just(vec!["A".to_owned(), "C".to_owned()]),
        Just(vec!["Z".to_owned()]),
        Just(Vec::new()),
    ]
}

/// `n` random pods of every class, some with model constraints and some impossible ones,
/// with creation times in 0..10,000 s and lifetimes in 0..5,000 s.
pub fn pods(n: impl Into<SizeRange>) -> impl Strategy<Value = Vec<PodSpec>> {
    let pod = (
        gpu_request(),
        gpu_spec(),
        1u64..65,
        0u64..300,
        0u64..10_000,
        0u64..5000,
    );
    prop::collection::vec(pod, n).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(
                |(i, ((num_gpu, gpu_milli), gpu_spec, cpu, mem, created, life))| PodSpec {
                    name: format!("pod-{i:04}"),
                    cpu_milli: cpu * 1000,
                    memory_mib: mem * 1024,
                    num_gpu,
                    gpu_milli,
                    gpu_spec,
                    creation_time: Some(created),
                    deletion_time: Some(created + life),
                },
            )
            .collect()
    })
}
