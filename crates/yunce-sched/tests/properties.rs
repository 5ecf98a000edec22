//! Properties over random clusters and workloads (proptest strategies in `common`), for all
//! six policies. The simulations draw their own randomness from the engine's PCG streams,
//! seeded by the generated `seed`; proptest only chooses the inputs, and shrinks a failing
//! cluster and workload to a small one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use proptest::prelude::*;
use yunce_sched::{
    Cluster, MILLI_PER_GPU, NodeSpec, PodSpec, Policy, QueueKind, ReplayConfig, ReplaySimulation,
    RunConfig, Simulation, write_curve_csv,
};

/// A cluster with at least one GPU (others say nothing about placement).
fn gpu_cluster(nodes: &[NodeSpec]) -> Option<Cluster> {
    Cluster::new(nodes, true)
        .ok()
        .filter(|c| c.total_gpus() > 0)
}

fn check_run(nodes: &[NodeSpec], pods: &[PodSpec], seed: u64, tune: f64, chunk: usize) {
    let Some(cluster) = gpu_cluster(nodes) else {
        return;
    };
    for policy in Policy::ALL {
        let mut cfg = RunConfig::new(policy, seed);
        cfg.tune = tune;
        let Ok(mut sim) = Simulation::new(&cluster, pods, &cfg) else {
            continue;
        };
        while !sim.step(chunk).is_finished() {}
        let c = sim.cluster();
        let specs = c.node_specs();
        let usage = sim.node_usage();
        // No GPU over-allocated; allocated plus free equals capacity.
        let mut used_total = 0u64;
        for u in &usage {
            for &g in &u.gpu_used_milli {
                assert!(
                    g <= MILLI_PER_GPU,
                    "{policy} seed {seed}: GPU over-allocated ({g})"
                );
                used_total += u64::from(g);
            }
        }
        let result = sim.result();
        let free: u64 = usage
            .iter()
            .map(|u| {
                u.gpu_used_milli
                    .iter()
                    .map(|&g| u64::from(MILLI_PER_GPU - g))
                    .sum::<u64>()
            })
            .sum();
        assert_eq!(used_total + free, c.capacity_milli());
        assert!(
            (result.final_alloc_pct - 100.0 * used_total as f64 / c.capacity_milli() as f64).abs()
                < 1e-9
        );
        // Every placed pod satisfies its constraints, and the node sums add up.
        let mut cpu = vec![0u64; specs.len()];
        let mut mem = vec![0u64; specs.len()];
        let mut gpu = vec![vec![0u32; 64]; specs.len()];
        for (arrival, placement) in sim.arrival_order().iter().zip(sim.placements()) {
            let Some(p) = placement else { continue };
            let pod = &pods[*arrival as usize];
            let node = &specs[p.node as usize];
            // The model constraint binds GPU pods only, as in the reference filter.
            assert!(
                pod.num_gpu == 0 || pod.gpu_spec.is_empty() || pod.gpu_spec.contains(&node.model),
                "{policy}: model constraint broken"
            );
            assert_eq!(
                p.gpu_mask.count_ones(),
                pod.num_gpu,
                "{policy}: wrong GPU count"
            );
            assert_eq!(p.milli, pod.gpu_milli);
            cpu[p.node as usize] += pod.cpu_milli;
            mem[p.node as usize] += pod.memory_mib;
            for (i, g) in gpu[p.node as usize].iter_mut().enumerate() {
                if (p.gpu_mask >> i) & 1 == 1 {
                    assert!(i < node.gpus as usize);
                    *g += p.milli;
                }
            }
        }
        for (n, spec) in specs.iter().enumerate() {
            assert!(
                cpu[n] <= spec.cpu_milli && mem[n] <= spec.memory_mib,
                "{policy}: node overcommitted"
            );
            assert_eq!(
                usage[n].cpu_used_milli,
                cpu[n],
                "{policy} seed {seed} node {n} placements {}",
                sim.placements()
                    .iter()
                    .filter(|p| p.is_some_and(|p| p.node as usize == n))
                    .count()
            );
            assert_eq!(
                &gpu[n][..spec.gpus as usize],
                usage[n].gpu_used_milli.as_slice()
            );
        }
        assert_eq!(result.pods_arrived as usize, sim.placements().len());
        assert_eq!(
            result.pods_failed as usize,
            sim.placements().iter().filter(|p| p.is_none()).count()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn invariants_hold_on_random_workloads(
        nodes in common::nodes(5..45),
        pods in common::pods(50..350),
        seed in any::<u64>(),
        tune in prop::sample::select(&[0.0, 0.5, 1.3, 2.0][..]),
        chunk in 1usize..100,
    ) {
        check_run(&nodes, &pods, seed, tune, chunk);
    }

    #[test]
    fn same_seed_gives_identical_csv(
        nodes in common::nodes(10..30),
        pods in common::pods(100..400),
        seed in any::<u64>(),
        chunk in 1usize..20,
    ) {
        let Some(cluster) = gpu_cluster(&nodes) else {
            return Ok(());
        };
        for policy in Policy::ALL {
            let csv = |seed| {
                let r = yunce_sched::run_inflation(&cluster, &pods, &RunConfig::new(policy, seed))
                    .unwrap();
                let mut s = String::new();
                write_curve_csv(&mut s, &r);
                s
            };
            let once = csv(seed);
            prop_assert_eq!(&once, &csv(seed), "{}", policy);
            // Chunked stepping gives the same result as one run.
            let mut sim = Simulation::new(&cluster, &pods, &RunConfig::new(policy, seed)).unwrap();
            while !sim.step(chunk).is_finished() {}
            let mut s = String::new();
            write_curve_csv(&mut s, &sim.result());
            prop_assert_eq!(s, once);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn replay_keeps_invariants_and_is_deterministic(
        nodes in common::nodes(10),
        pods in common::pods(300),
        seed in any::<u64>(),
        compression in 1.0f64..3.0,
        chunk in 1usize..20,
    ) {
        check_replay(&nodes, &pods, seed, compression, chunk);
    }
}

fn check_replay(nodes: &[NodeSpec], pods: &[PodSpec], seed: u64, compression: f64, chunk: usize) {
    let Some(cluster) = gpu_cluster(nodes) else {
        return;
    };
    for policy in Policy::ALL {
        for queue in [QueueKind::Fifo, QueueKind::Backfill] {
            let cfg = ReplayConfig {
                policy,
                queue,
                seed,
                capabilities: Default::default(),
                workload: "t".into(),
                sample_secs: 500,
                time_compression: compression,
            };
            let mut sim = ReplaySimulation::new(&cluster, pods, &cfg).unwrap();
            while !sim.is_done() {
                sim.step(chunk);
            }
            let r = sim.result();
            for u in sim.node_usage() {
                assert!(u.gpu_used_milli.iter().all(|&g| g <= MILLI_PER_GPU));
            }
            // Everything departs in the end.
            assert!(
                sim.node_usage()
                    .iter()
                    .all(|u| u.gpu_used_milli.iter().all(|&g| g == 0) && u.cpu_used_milli == 0)
            );
            assert_eq!(
                r.delays.started + r.pods_unschedulable + r.pods_never_started,
                pods.len()
            );
            assert!(
                r.samples
                    .iter()
                    .all(|s| (0.0..=100.0 + 1e-9).contains(&s.gpu_alloc_pct))
            );
            assert!(
                r.delays.p50 <= r.delays.p90
                    && r.delays.p90 <= r.delays.p99
                    && r.delays.p99 <= r.delays.max
            );
            let again = yunce_sched::run_replay(&cluster, pods, &cfg).unwrap();
            assert_eq!(
                again, r,
                "{policy} {queue:?}: chunked replay differs from one run"
            );
        }
    }
}
