//! Fleet size in the browser lab's engine side: `scale` replicates as the CLI's `--scale K`
//! does, a synthetic fleet has the GPUs asked for, runs split over several requests merge to
//! the single request's answers, and out-of-range sizes fail with a clear message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use yunce_sched::*;

fn request() -> LabRequest {
    LabRequest {
        policies: vec![Policy::BestFit, Policy::Fgd],
        seeds: vec![1, 2],
        synth: SynthConfig {
            pods: 600,
            ..SynthConfig::default()
        },
        groups: vec![NodeGroup {
            model: "T4".into(),
            gpus: 2,
            cpu_milli: 104_000,
            memory_mib: 524_288,
            count: 40,
        }],
        ..LabRequest::default()
    }
}

fn collect(req: &LabRequest) -> Vec<WorkerMsg> {
    let mut out = Vec::new();
    run_lab(req, None, None, &mut |m| out.push(m));
    out
}

fn csv(msgs: &[WorkerMsg]) -> String {
    let mut runs: Vec<&RunReport> = msgs
        .iter()
        .filter_map(|m| match m {
            WorkerMsg::Run(r) => Some(&**r),
            _ => None,
        })
        .collect();
    runs.sort_by_key(|r| r.run);
    runs.iter().map(|r| r.csv.as_str()).collect()
}

#[test]
fn scale_equals_the_cli_replication() {
    let req = LabRequest {
        scale: 3,
        ..request()
    };
    let msgs = collect(&req);
    assert_eq!(msgs.last(), Some(&WorkerMsg::Done));
    // What the CLI does with `--scale 3`: replicate the expanded nodes and generated pods.
    let nodes = expand_groups(&req.groups).unwrap();
    let c1 = Cluster::new(&nodes, true).unwrap();
    let pods = generate(&req.synth, c1.models()).unwrap();
    let cluster = Cluster::new(&scale_nodes(&nodes, 3), true).unwrap();
    let pods = scale_pods(&pods, 3);
    let mut cli = String::new();
    for &p in &req.policies {
        for &s in &req.seeds {
            let config = RunConfig {
                workload: "synthetic-x3".into(),
                ..RunConfig::new(p, s)
            };
            write_curve_csv(&mut cli, &run_inflation(&cluster, &pods, &config).unwrap());
        }
    }
    assert_eq!(csv(&msgs), cli);
}

#[test]
fn split_runs_merge_to_the_whole() {
    let whole = collect(&request());
    let mut parts = Vec::new();
    for runs in [vec![3, 0], vec![2], vec![1]] {
        parts.extend(collect(&LabRequest { runs, ..request() }));
    }
    assert_eq!(csv(&parts), csv(&whole));
    // Heat maps come from the first seed of each policy, whichever request ran it.
    let heats = |m: &[WorkerMsg]| {
        m.iter()
            .filter(|m| matches!(m, WorkerMsg::Heat(..)))
            .count()
    };
    assert_eq!(heats(&parts), 2);
}

#[test]
fn a_synthetic_fleet_replaces_the_cluster() {
    let req = LabRequest {
        op: LabOp::Run,
        policies: vec![Policy::Fgd],
        fleet_gpus: Some(500),
        ..request()
    };
    let msgs = collect(&req);
    let Some(WorkerMsg::Run(r)) = msgs.iter().find(|m| matches!(m, WorkerMsg::Run(_))) else {
        panic!("no run: {msgs:?}");
    };
    let gpus: u64 = r.models.iter().map(|m| m.gpus).sum();
    assert_eq!(gpus, 500);
}

#[test]
fn out_of_range_sizes_fail_clearly() {
    for (scale, fleet, needle) in [
        (0, None, "×1 to ×100"),
        (1000, None, "×1 to ×100"),
        (1, Some(0), "1 to 650000 GPUs"),
        (1, Some(MAX_FLEET_GPUS + 1), "1 to 650000 GPUs"),
    ] {
        let msgs = collect(&LabRequest {
            scale,
            fleet_gpus: fleet,
            ..request()
        });
        assert!(
            matches!(&msgs[..], [WorkerMsg::Failed(w, m)] if w == "run" && m.contains(needle)),
            "{msgs:?}"
        );
    }
    // The synthetic fleet at its largest, ×2, is beyond the node limit.
    let msgs = collect(&LabRequest {
        scale: 2,
        fleet_gpus: Some(MAX_FLEET_GPUS),
        ..request()
    });
    assert!(
        matches!(&msgs[..], [WorkerMsg::Failed(_, m)] if m.contains("at most 130000")),
        "{msgs:?}"
    );
}
