//! The size of a run before it starts: fleet, pods, runs and the expected time, so a run that
//! would take long says so and asks first. Headless, so it is tested natively.

use super::state::LabState;
use yunce_sched::{LabMode, fleet_groups};

/// Built-in rate before this tab has measured one: workload pods handled per second in one
/// worker, counted as `pods × fleet factor` per (policy, seed) run. Measured on the default
/// comparison (openb ×1, six policies, seed 42, 8,152 pods each) in headless Chromium on the
/// project's 2-core box; after a run the lab uses the rate it measured itself.
pub const DEFAULT_RATE: f64 = 30_000.0;

/// Runs expected to take longer than this many seconds ask to confirm first.
pub const CONFIRM_SECONDS: f64 = 10.0;

/// What a run will be.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    /// Nodes after replication.
    pub nodes: u64,
    /// GPUs after replication.
    pub gpus: u64,
    /// Workload pods per run, after the fleet factor.
    pub pods: u64,
    /// (policy, seed) runs.
    pub runs: usize,
    /// Workers sharing them.
    pub workers: usize,
    /// Expected seconds.
    pub seconds: f64,
}

impl Estimate {
    /// Whether the run should ask before it starts.
    pub fn needs_confirm(&self) -> bool {
        self.seconds > CONFIRM_SECONDS
    }

    /// Pods × runs: the work the rate divides.
    pub fn work(&self) -> u64 {
        self.pods.saturating_mul(self.runs as u64)
    }
}

/// The cluster a state runs on: (nodes, GPUs) before replication, from the dropped node
/// file's (rows, GPUs) when there is one.
fn base_cluster(st: &LabState, node_file: Option<(u64, u64)>) -> (u64, u64) {
    let sum = |groups: &[yunce_sched::NodeGroup]| {
        groups.iter().fold((0u64, 0u64), |(n, g), x| {
            (
                n + u64::from(x.count),
                g + u64::from(x.count) * u64::from(x.gpus),
            )
        })
    };
    match (st.fleet, node_file) {
        (Some(gpus), _) => sum(&fleet_groups(gpus, st.synth.seed).unwrap_or_default()),
        (None, Some(file)) => file,
        (None, None) => sum(&st.groups),
    }
}

/// The estimate for `st` with `workers` workers at `rate` (pods per second per worker).
/// `pod_rows` and `node_file` describe dropped files.
///
/// Pods per run are the workload's pods times the fleet factor: ×K for replication; for a
/// synthetic fleet in the inflation experiment, its GPUs over the edited cluster's (at least
/// 1), because inflation resamples the workload up to the target times capacity.
pub fn estimate(
    st: &LabState,
    pod_rows: Option<u64>,
    node_file: Option<(u64, u64)>,
    workers: usize,
    rate: f64,
) -> Estimate {
    let (nodes, gpus) = base_cluster(st, node_file);
    let k = u64::from(st.scale);
    let mut factor = k as f64;
    if st.fleet.is_some() && st.mode == LabMode::Inflation {
        let edited = base_cluster(
            &LabState {
                fleet: None,
                ..st.clone()
            },
            node_file,
        )
        .1;
        factor *= (gpus as f64 / edited.max(1) as f64).max(1.0);
    }
    let pods = (pod_rows.unwrap_or(st.synth.pods as u64) as f64 * factor).round() as u64;
    let runs = st.policies.len() * st.seeds.len();
    let workers = workers.clamp(1, runs.max(1));
    // Runs go to workers whole: the slowest worker does ceil(runs / workers) of them.
    let rounds = runs.div_ceil(workers) as f64;
    Estimate {
        nodes: nodes * k,
        gpus: gpus * k,
        pods,
        runs,
        workers,
        seconds: pods as f64 * rounds / rate.max(1.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_time_follow_the_fleet() {
        let d = LabState::default();
        let e = estimate(&d, None, None, 2, DEFAULT_RATE);
        assert_eq!(
            (e.nodes, e.gpus, e.pods, e.runs, e.workers),
            (1213, 6212, 8152, 6, 2)
        );
        assert!(!e.needs_confirm(), "{e:?}");
        let x100 = LabState {
            scale: 100,
            ..d.clone()
        };
        let e = estimate(&x100, None, None, 2, DEFAULT_RATE);
        assert_eq!((e.nodes, e.gpus, e.pods), (121_300, 621_200, 815_200));
        assert!(e.needs_confirm(), "{e:?}");
        let fleet = LabState {
            fleet: Some(62_120),
            ..d.clone()
        };
        let e = estimate(&fleet, None, None, 1, DEFAULT_RATE);
        assert_eq!((e.gpus, e.pods, e.workers), (62_120, 81_520, 1));
        // Ten seeds on 4 workers: the slowest does 15 of the 60 runs.
        let seeds = LabState {
            seeds: (1..=10).collect(),
            ..d
        };
        let e = estimate(&seeds, Some(1000), Some((10, 80)), 4, 1000.0);
        assert_eq!((e.nodes, e.gpus, e.runs), (10, 80, 60));
        assert_eq!(e.seconds, 15.0);
    }
}
