//! Properties over random clusters and workloads, for all six policies.

mod common;

use yunce_sched::{
    Cluster, MILLI_PER_GPU, Policy, QueueKind, ReplayConfig, ReplaySimulation, RunConfig,
    Simulation, write_curve_csv,
};

fn check_run(seed: u64) {
    let mut rng = common::rng(seed);
    let n_nodes = 5 + rng.below(40) as usize;
    let nodes = common::random_nodes(&mut rng, n_nodes);
    let n_pods = 50 + rng.below(300) as usize;
    let pods = common::random_pods(&mut rng, n_pods);
    let Ok(cluster) = Cluster::new(&nodes, true) else {
        return;
    };
    if cluster.total_gpus() == 0 {
        return;
    }
    for policy in Policy::ALL {
        let mut cfg = RunConfig::new(policy, seed);
        cfg.tune = [0.0, 0.5, 1.3, 2.0][(seed % 4) as usize];
        let Ok(mut sim) = Simulation::new(&cluster, &pods, &cfg) else {
            continue;
        };
        while !sim.step(37).is_finished() {}
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

#[test]
fn invariants_hold_on_random_workloads() {
    for seed in 0..40 {
        check_run(seed);
    }
}

#[test]
fn same_seed_gives_identical_csv() {
    let mut rng = common::rng(99);
    let nodes = common::random_nodes(&mut rng, 30);
    let pods = common::random_pods(&mut rng, 400);
    let cluster = Cluster::new(&nodes, true).unwrap();
    for policy in Policy::ALL {
        let csv = |seed| {
            let r =
                yunce_sched::run_inflation(&cluster, &pods, &RunConfig::new(policy, seed)).unwrap();
            let mut s = String::new();
            write_curve_csv(&mut s, &r);
            s
        };
        assert_eq!(csv(5), csv(5), "{policy}");
        // Chunked stepping gives the same result as one run.
        let mut sim = Simulation::new(&cluster, &pods, &RunConfig::new(policy, 5)).unwrap();
        while !sim.step(1).is_finished() {}
        let mut s = String::new();
        write_curve_csv(&mut s, &sim.result());
        assert_eq!(s, csv(5));
    }
}

#[test]
fn replay_keeps_invariants_and_is_deterministic() {
    for seed in 0..10 {
        let mut rng = common::rng(1000 + seed);
        let nodes = common::random_nodes(&mut rng, 10);
        let pods = common::random_pods(&mut rng, 300);
        let Ok(cluster) = Cluster::new(&nodes, true) else {
            continue;
        };
        if cluster.total_gpus() == 0 {
            continue;
        }
        for policy in Policy::ALL {
            for queue in [QueueKind::Fifo, QueueKind::Backfill] {
                let cfg = ReplayConfig {
                    policy,
                    queue,
                    seed,
                    capabilities: Default::default(),
                    workload: "t".into(),
                    sample_secs: 500,
                    time_compression: 1.0 + (seed % 3) as f64,
                };
                let mut sim = ReplaySimulation::new(&cluster, &pods, &cfg).unwrap();
                while !sim.is_done() {
                    sim.step(7);
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
                let again = yunce_sched::run_replay(&cluster, &pods, &cfg).unwrap();
                assert_eq!(again, r);
            }
        }
    }
}
