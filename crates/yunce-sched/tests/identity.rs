//! Identical decisions: every run's CSV and every placement match the hashes recorded in
//! `golden/identity.txt`, which the per-node engine wrote before the per-state engine
//! replaced it. Covers all 24 openb workloads × six policies × seeds 42–44 (inflation),
//! the default workload on a ×4 fleet, and the default workload's replay.
//!
//! `YUNCE_BLESS=1 cargo test --release -p yunce-sched --test identity` rewrites the file;
//! only do that for a deliberate change of results, and say so in the commit.

#![allow(clippy::expect_used)] // Test helpers: a failure should stop the test loudly.

mod common;

use std::fmt::Write as _;
use yunce_sched::{
    Cluster, NodeSpec, Placement, PodSpec, Policy, ReplayConfig, ReplaySimulation, RunConfig,
    Simulation, parse_nodes, parse_pods, scale_nodes, scale_pods, write_curve_csv,
    write_replay_csv,
};

const GOLDEN: &str = "tests/golden/identity.txt";

/// FNV-1a, 64 bit: enough to notice any change in a run's output.
fn fnv(bytes: &[u8], mut h: u64) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

fn placements_hash(ps: &[Option<Placement>]) -> u64 {
    let mut h = FNV_START;
    for p in ps {
        let (node, mask) = p.map_or((u32::MAX, 0), |p| (p.node, p.gpu_mask));
        h = fnv(&node.to_le_bytes(), h);
        h = fnv(&mask.to_le_bytes(), h);
    }
    h
}

fn inflation_line(c: &Cluster, pods: &[PodSpec], name: &str, policy: Policy, seed: u64) -> String {
    let mut cfg = RunConfig::new(policy, seed);
    cfg.workload = name.to_owned();
    let mut sim = Simulation::new(c, pods, &cfg).expect("run sets up");
    sim.step(usize::MAX);
    let mut csv = String::new();
    write_curve_csv(&mut csv, &sim.result());
    format!(
        "inflation {name} {} {seed} {:016x} {:016x}",
        policy.name(),
        fnv(csv.as_bytes(), FNV_START),
        placements_hash(sim.placements())
    )
}

fn replay_line(c: &Cluster, pods: &[PodSpec], policy: Policy, seed: u64) -> String {
    let cfg = ReplayConfig::new(policy, seed);
    let r = ReplaySimulation::new(c, pods, &cfg)
        .expect("replay sets up")
        .run();
    let mut csv = String::new();
    write_replay_csv(&mut csv, &r);
    format!(
        "replay default {} {seed} {:016x}",
        policy.name(),
        fnv(csv.as_bytes(), FNV_START)
    )
}

fn workloads() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(common::trace_dir())
        .expect("trace folder lists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("openb_pod_list_") && n.ends_with(".csv"))
        .collect();
    names.sort();
    names
}

/// Runs `jobs` on two threads (one per core) and returns their lines in job order.
fn on_two_threads<J: Sync>(jobs: &[J], f: impl Fn(&J) -> String + Sync) -> Vec<String> {
    let half = jobs.len().div_ceil(2).max(1);
    std::thread::scope(|s| {
        let f = &f;
        let handles: Vec<_> = jobs
            .chunks(half)
            .map(|chunk| s.spawn(move || chunk.iter().map(f).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker thread finishes"))
            .collect()
    })
}

fn all_lines() -> String {
    let nodes: Vec<NodeSpec> =
        parse_nodes(&common::read_trace("openb_node_list_gpu_node.csv")).expect("nodes parse");
    let cluster = Cluster::new(&nodes, true).expect("cluster builds");
    let files = workloads();
    assert_eq!(files.len(), 24, "the trace has 24 pod lists: {files:?}");
    let loaded: Vec<(String, Vec<PodSpec>)> = files
        .iter()
        .map(|f| {
            let name = f
                .trim_start_matches("openb_pod_list_")
                .trim_end_matches(".csv");
            (
                name.to_owned(),
                parse_pods(&common::read_trace(f)).expect("pods parse"),
            )
        })
        .collect();
    let mut jobs = Vec::new();
    for (w, _) in loaded.iter().enumerate() {
        for policy in Policy::ALL {
            for seed in 42..=44 {
                jobs.push((w, policy, seed));
            }
        }
    }
    let mut lines = on_two_threads(&jobs, |&(w, policy, seed)| {
        let (name, pods) = &loaded[w];
        inflation_line(&cluster, pods, name, policy, seed)
    });
    let default = &loaded
        .iter()
        .find(|(n, _)| n == "default")
        .expect("default workload")
        .1;
    let big = Cluster::new(&scale_nodes(&nodes, 4), true).expect("x4 cluster builds");
    let big_pods = scale_pods(default, 4);
    lines.extend(on_two_threads(&Policy::ALL, |&policy| {
        inflation_line(&big, &big_pods, "default-x4", policy, 42)
    }));
    lines.extend(on_two_threads(&Policy::ALL, |&policy| {
        replay_line(&cluster, default, policy, 42)
    }));
    let mut out = String::new();
    for l in lines {
        let _ = writeln!(out, "{l}");
    }
    out
}

#[test]
fn decisions_and_csvs_match_the_per_node_engine() {
    let got = all_lines();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(GOLDEN);
    if std::env::var_os("YUNCE_BLESS").is_some() {
        std::fs::write(&path, &got).expect("golden file writes");
        return;
    }
    let want = std::fs::read_to_string(&path).expect("golden file reads");
    let diff: Vec<(&str, &str)> = want
        .lines()
        .zip(got.lines())
        .filter(|(w, g)| w != g)
        .collect();
    assert!(
        diff.is_empty() && want.lines().count() == got.lines().count(),
        "{} of {} runs differ, first: {:?}",
        diff.len(),
        want.lines().count(),
        diff.first()
    );
}
