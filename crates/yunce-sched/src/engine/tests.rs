//! The indexes make the scan's decisions: random clusters and workloads, every policy, run
//! once with the indexes and once scanning every node, must place every pod alike.

use crate::rng::{Pcg32, Stream};
use crate::*;

fn random_case(seed: u64) -> (Vec<NodeSpec>, Vec<PodSpec>) {
    let mut r = Pcg32::new(seed, Stream::PodOrder);
    let models = ["A", "B", "C"];
    let nodes: Vec<NodeSpec> = (0..20 + r.below(40))
        .map(|i| {
            let gpus = [1, 2, 4, 8][r.below(4) as usize];
            NodeSpec {
                name: format!("n{i:03}"),
                // Few distinct shapes, so many nodes tie and the tie-break order decides.
                cpu_milli: [32_000, 64_000][r.below(2) as usize],
                memory_mib: [65_536, 262_144][r.below(2) as usize],
                gpus,
                model: models[r.below(3) as usize].to_owned(),
            }
        })
        .collect();
    let pods: Vec<PodSpec> = (0..150 + r.below(150))
        .map(|i| {
            let (num_gpu, gpu_milli) = match r.below(5) {
                0 => (0, 0),
                1 | 2 => (1, [250, 500, 300][r.below(3) as usize]),
                3 => (1, 1000),
                _ => ([2, 4][r.below(2) as usize], 1000),
            };
            let created = u64::from(r.below(5000));
            PodSpec {
                name: format!("p{i:04}"),
                cpu_milli: u64::from(1 + r.below(16)) * 1000,
                memory_mib: u64::from(1 + r.below(64)) * 1024,
                num_gpu,
                gpu_milli,
                gpu_spec: if r.below(4) == 0 {
                    vec![models[r.below(3) as usize].to_owned()]
                } else {
                    Vec::new()
                },
                creation_time: Some(created),
                deletion_time: Some(created + u64::from(r.below(3000))),
            }
        })
        .collect();
    (nodes, pods)
}

#[test]
fn indexed_inflation_places_every_pod_as_the_scan_does() {
    for case in 0..40 {
        let (nodes, pods) = random_case(case);
        let c = Cluster::new(&nodes, true).expect("cluster");
        for policy in Policy::ALL {
            let cfg = RunConfig::new(policy, 7 + case);
            let mut fast = Simulation::new(&c, &pods, &cfg).expect("run");
            let mut scan = Simulation::new(&c, &pods, &cfg).expect("run");
            scan.engine.indexed = false;
            // Uneven steps exercise catching up from the change log.
            while !fast.step(13).is_finished() {}
            scan.step(usize::MAX);
            assert!(fast.engine.indexed);
            assert_eq!(fast.placements(), scan.placements(), "case {case} {policy}");
        }
    }
}

#[test]
fn indexed_replay_places_every_pod_as_the_scan_does() {
    for case in 0..25 {
        let (nodes, pods) = random_case(100 + case);
        let c = Cluster::new(&nodes, true).expect("cluster");
        for policy in Policy::ALL {
            let mut cfg = ReplayConfig::new(policy, 3 + case);
            cfg.time_compression = 4.0;
            let mut fast = ReplaySimulation::new(&c, &pods, &cfg).expect("replay");
            let mut scan = ReplaySimulation::new(&c, &pods, &cfg).expect("replay");
            scan.engine.indexed = false;
            let (a, b) = (fast.run(), scan.run());
            let (mut x, mut y) = (String::new(), String::new());
            write_replay_csv(&mut x, &a);
            write_replay_csv(&mut y, &b);
            assert_eq!(x, y, "case {case} {policy}");
        }
    }
}
