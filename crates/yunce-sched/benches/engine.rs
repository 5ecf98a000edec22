//! Criterion benchmarks: one inflation run per policy on the default openb trace, and parsing.
//!
//! Run with `CARGO_TARGET_DIR=/work/target-sched cargo bench -p yunce-sched --bench engine`.
//! The trace is found like the accuracy test finds it (YUNCE_TRACE_DIR or ../shared beside the repo).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;
use yunce_sched::{Cluster, Policy, RunConfig, parse_nodes, parse_pods, run_inflation};

fn trace(file: &str) -> Option<String> {
    let dir = std::env::var("YUNCE_TRACE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/alibaba-gpu-v2023")
        });
    std::fs::read_to_string(dir.join(file)).ok()
}

fn bench(c: &mut Criterion) {
    let (Some(nodes_csv), Some(pods_csv)) = (
        trace("openb_node_list_gpu_node.csv"),
        trace("openb_pod_list_default.csv"),
    ) else {
        eprintln!("trace not found: set YUNCE_TRACE_DIR");
        return;
    };
    let mut g = c.benchmark_group("parse");
    g.bench_function("default_pods", |b| {
        b.iter(|| parse_pods(black_box(&pods_csv)))
    });
    g.finish();
    let (Ok(nodes), Ok(pods)) = (parse_nodes(&nodes_csv), parse_pods(&pods_csv)) else {
        eprintln!("trace does not parse");
        return;
    };
    let Ok(cluster) = Cluster::new(&nodes, true) else {
        return;
    };
    let mut g = c.benchmark_group("inflation_default_tune1.3");
    g.sample_size(10);
    for policy in Policy::ALL {
        g.bench_function(policy.name(), |b| {
            b.iter(|| run_inflation(&cluster, &pods, &RunConfig::new(policy, black_box(42))))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
