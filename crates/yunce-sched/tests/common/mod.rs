//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;
use yunce_sched::{NodeSpec, Pcg32, PodSpec, Stream};

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

/// A small random cluster.
pub fn random_nodes(rng: &mut Pcg32, n: usize) -> Vec<NodeSpec> {
    (0..n)
        .map(|i| {
            let gpus = [0, 1, 2, 4, 8][rng.below(5) as usize];
            NodeSpec {
                name: format!("node-{i:03}"),
                cpu_milli: u64::from(8 + rng.below(120)) * 1000,
                memory_mib: u64::from(16 + rng.below(1000)) * 1024,
                gpus,
                model: if gpus == 0 {
                    String::new()
                } else {
                    MODELS[rng.below(4) as usize].to_owned()
                },
            }
        })
        .collect()
}

/// Random pods of every class, some with model constraints and some impossible ones.
pub fn random_pods(rng: &mut Pcg32, n: usize) -> Vec<PodSpec> {
    (0..n)
        .map(|i| {
            let (num_gpu, gpu_milli) = match rng.below(6) {
                0 => (0, 0),
                1 | 2 => (1, 1 + rng.below(999)),
                3 => (1, 1000),
                4 => ([2, 4, 8][rng.below(3) as usize], 1000),
                _ => (16, 1000),
            };
            let gpu_spec = match rng.below(4) {
                0 => vec![MODELS[rng.below(4) as usize].to_owned()],
                1 => vec!["A".to_owned(), "C".to_owned()],
                2 => vec!["Z".to_owned()],
                _ => Vec::new(),
            };
            let created = u64::from(rng.below(10_000));
            PodSpec {
                name: format!("pod-{i:04}"),
                cpu_milli: u64::from(1 + rng.below(64)) * 1000,
                memory_mib: u64::from(rng.below(300)) * 1024,
                num_gpu,
                gpu_milli,
                gpu_spec,
                creation_time: Some(created),
                deletion_time: Some(created + u64::from(rng.below(5000))),
            }
        })
        .collect()
}

/// A stream for test data.
pub fn rng(seed: u64) -> Pcg32 {
    Pcg32::new(seed, Stream::Synthetic)
}
