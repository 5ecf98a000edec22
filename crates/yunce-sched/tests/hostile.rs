//! Hostile but well-formed input stays cheap: a replay's cost follows its events, not the
//! span of its timestamps.

mod common;

use yunce_sched::{
    Cluster, MAX_REPLAY_SAMPLES, Policy, ReplayConfig, ReplaySimulation, parse_nodes, parse_pods,
};

#[test]
fn a_deletion_time_of_1e11_keeps_the_replay_small() {
    let nodes = parse_nodes(&common::read_trace("openb_node_list_gpu_node.csv")).unwrap();
    let mut pods = parse_pods(&common::read_trace("openb_pod_list_default.csv")).unwrap();
    // One pod that lives for three thousand years.
    pods[0].deletion_time = Some(100_000_000_000);
    let cluster = Cluster::new(&nodes, true).unwrap();
    let started = std::time::Instant::now();
    let r = ReplaySimulation::new(&cluster, &pods, &ReplayConfig::new(Policy::Fgd, 42))
        .unwrap()
        .run();
    assert!(
        r.samples.len() as u64 <= MAX_REPLAY_SAMPLES,
        "{}",
        r.samples.len()
    );
    assert!(r.samples.len() > 1000);
    // The last sample still covers the long-lived pod's departure.
    let last = r.samples.last().unwrap();
    assert!(last.time + 2 * 100_000_000_000 / MAX_REPLAY_SAMPLES >= 100_000_000_000);
    assert_eq!(r.delays.started, pods.len());
    // Generous: the run takes well under a second natively; before the cap it took 25 s.
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}
