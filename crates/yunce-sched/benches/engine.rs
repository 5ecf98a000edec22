//! Criterion benchmarks: one inflation run per policy on the default openb trace, parsing,
//! and FGD on fleets of ×1, ×4, ×10 and ×100 the openb size (`scale` group; the ×100 run
//! takes about ten seconds per sample). `--bench engine scale` runs only those.
//!
//! Run with `CARGO_TARGET_DIR=/work/target-sched cargo bench -p yunce-sched --bench engine`.
//! The trace is found like the accuracy test finds it (YUNCE_TRACE_DIR or ../shared beside the repo).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;
use yunce_sched::{
    Cluster, Policy, RunConfig, parse_nodes, parse_pods, run_inflation, scale_nodes, scale_pods,
};

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
    let mut g = c.benchmark_group("scale");
    g.sample_size(10);
    for k in [1u32, 4, 10, 100] {
        let Ok(big) = Cluster::new(&scale_nodes(&nodes, k), true) else {
            return;
        };
        let big_pods = scale_pods(&pods, k);
        g.bench_function(format!("fgd_x{k}"), |b| {
            b.iter(|| run_inflation(&big, &big_pods, &RunConfig::new(Policy::Fgd, black_box(42))))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
