//! The browser lab's engine side: the request and message text format round-trips, and
//! `run_lab` posts progress, runs, heat maps and row/column errors, deterministically.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use yunce_sched::*;

#[test]
fn request_round_trips() {
    let r = LabRequest {
        op: LabOp::CheckPods,
        mode: LabMode::Replay,
        policies: vec![Policy::Fgd, Policy::BestFit],
        seeds: vec![42, 43],
        tune: 1.25,
        queue: QueueKind::Backfill,
        compress: 2000.0,
        capabilities: vec![("H20".into(), 0.9)],
        groups: openb_preset(),
        synth: SynthConfig {
            share_pct: 60.5,
            ..SynthConfig::default()
        },
    };
    assert_eq!(decode_request(&encode_request(&r)).unwrap(), r);
    assert!(decode_request("policies=fgd,nope").is_err());
    assert!(decode_request("groups=G2~8").is_err());
}

#[test]
fn a_run_round_trips_with_the_cli_rows() {
    let cluster = Cluster::new(&expand_groups(&openb_preset()).unwrap(), true).unwrap();
    let pods = generate(
        &SynthConfig {
            pods: 800,
            ..SynthConfig::default()
        },
        cluster.models(),
    )
    .unwrap();
    let mut sim = Simulation::new(&cluster, &pods, &RunConfig::new(Policy::Fgd, 7)).unwrap();
    let result = sim.run();
    let text = encode_inflation(3, &result);
    let Some(WorkerMsg::Run(r)) = decode_message(&text) else {
        panic!("not a run");
    };
    let mut cli = String::new();
    write_curve_csv(&mut cli, &result);
    assert_eq!(r.csv, cli);
    assert_eq!(r.run, 3);
    assert_eq!(r.policy, Some(Policy::Fgd));
    assert_eq!(r.failed_by_class, result.failed_by_class);
    assert_eq!(r.models, result.model_alloc);
    assert_eq!(r.curve.len(), result.curve.len());
    assert_eq!(r.curve[100].gpu_alloc_pct, result.curve[100].gpu_alloc_pct);
    assert_eq!(
        r.curve[100].weighted_alloc_pct,
        result.curve[100].weighted_alloc_pct
    );
    let heat = encode_heat(Policy::Fgd, &sim.node_usage());
    let Some(WorkerMsg::Heat(_, nodes)) = decode_message(&heat) else {
        panic!("not a heat map");
    };
    assert_eq!(nodes.len(), 1213);
    assert_eq!(nodes[0].1.len(), 8);
}

#[test]
fn small_messages_round_trip() {
    assert_eq!(
        decode_message(&encode_progress(2, 500, 9000)),
        Some(WorkerMsg::Progress {
            run: 2,
            done: 500,
            total: 9000
        })
    );
    assert_eq!(
        decode_message(&encode_failed("pods", "line 3, column cpu_milli: bad")),
        Some(WorkerMsg::Failed(
            "pods".into(),
            "line 3, column cpu_milli: bad".into()
        ))
    );
    assert_eq!(
        decode_message(&encode_checked("nodes", 1213, 6_212_000, "G2 4392")),
        Some(WorkerMsg::Checked(
            "nodes".into(),
            1213,
            6_212_000,
            "G2 4392".into()
        ))
    );
    assert_eq!(decode_message("done"), Some(WorkerMsg::Done));
    assert_eq!(decode_message("nonsense"), None);
}

fn request(mode: LabMode) -> LabRequest {
    LabRequest {
        op: LabOp::Run,
        mode,
        policies: vec![Policy::BestFit, Policy::Fgd],
        seeds: vec![1, 2],
        tune: 1.3,
        queue: QueueKind::Fifo,
        compress: 2000.0,
        capabilities: vec![("H20".into(), 0.9)],
        groups: openb_preset(),
        synth: SynthConfig {
            pods: 1500,
            ..SynthConfig::default()
        },
    }
}

fn collect(req: &LabRequest, pods: Option<LabFile>) -> Vec<WorkerMsg> {
    let mut out = Vec::new();
    run_lab(req, None, pods, &mut |m| {
        out.push(decode_message(&m).expect("every message decodes"))
    });
    out
}

#[test]
fn inflation_posts_progress_runs_heat_and_done() {
    let msgs = collect(&request(LabMode::Inflation), None);
    let runs: Vec<_> = msgs
        .iter()
        .filter_map(|m| match m {
            WorkerMsg::Run(r) => Some(r),
            _ => None,
        })
        .collect();
    assert_eq!(runs.len(), 4);
    assert_eq!(runs[3].policy, Some(Policy::Fgd));
    assert_eq!(runs[3].seed, 2);
    let heats = msgs
        .iter()
        .filter(|m| matches!(m, WorkerMsg::Heat(..)))
        .count();
    assert_eq!(heats, 2);
    assert!(
        msgs.iter()
            .any(|m| matches!(m, WorkerMsg::Progress { run: 3, .. }))
    );
    assert_eq!(msgs.last(), Some(&WorkerMsg::Done));
    // Same config, same answers.
    assert_eq!(msgs, collect(&request(LabMode::Inflation), None));
}

#[test]
fn replay_reports_delays_and_series() {
    let msgs = collect(&request(LabMode::Replay), None);
    let Some(WorkerMsg::Run(r)) = msgs.iter().find(|m| matches!(m, WorkerMsg::Run(_))) else {
        panic!("no run");
    };
    assert!(r.replay);
    assert!(!r.samples.is_empty());
    assert!(r.delays.started > 0);
}

#[test]
fn bad_files_give_row_errors() {
    let mut req = request(LabMode::Inflation);
    req.op = LabOp::CheckPods;
    let bad = "name,cpu_milli,memory_mib,num_gpu,gpu_milli\np1,abc,1,1,1000\n";
    let msgs = collect(&req, Some(("bad.csv", bad)));
    let [WorkerMsg::Failed(what, msg)] = &msgs[..] else {
        panic!("expected one failure, got {msgs:?}");
    };
    assert_eq!(what, "pods");
    assert!(msg.contains("line 2"), "{msg}");
    let good = "name,cpu_milli,memory_mib,num_gpu,gpu_milli\np1,1000,1,1,500\n";
    let msgs = collect(&req, Some(("openb_pod_list_x.csv", good)));
    assert_eq!(
        msgs,
        vec![WorkerMsg::Checked("pods".into(), 1, 500, "untimed".into())]
    );
}
