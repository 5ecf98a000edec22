//! The browser lab's engine side: every request and worker message round-trips through
//! postcard, malformed bytes are errors, and `run_lab` posts progress, runs with the CLI's CSV
//! rows, heat maps and row/column errors, deterministically.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use yunce_sched::*;

/// Any float but NaN (NaN is never equal to itself, so equality could not show a round trip).
fn float() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("not NaN", |x| !x.is_nan())
}

fn text() -> impl Strategy<Value = String> {
    "\\PC{0,12}"
}

fn policy() -> impl Strategy<Value = Policy> {
    prop::sample::select(Policy::ALL.to_vec())
}

fn queue() -> impl Strategy<Value = QueueKind> {
    prop::sample::select(vec![QueueKind::Fifo, QueueKind::Backfill])
}

fn group() -> impl Strategy<Value = NodeGroup> {
    (
        text(),
        any::<u32>(),
        any::<u64>(),
        any::<u64>(),
        any::<u32>(),
    )
        .prop_map(|(model, gpus, cpu_milli, memory_mib, count)| NodeGroup {
            model,
            gpus,
            cpu_milli,
            memory_mib,
            count,
        })
}

fn synth() -> impl Strategy<Value = SynthConfig> {
    (
        any::<usize>(),
        float(),
        float(),
        float(),
        float(),
        any::<u64>(),
    )
        .prop_map(
            |(pods, cpu_only_pct, share_pct, multi_pct, constrained_pct, seed)| SynthConfig {
                pods,
                cpu_only_pct,
                share_pct,
                multi_pct,
                constrained_pct,
                seed,
            },
        )
}

prop_compose! {
    fn any_request()(
        op in prop::sample::select(vec![LabOp::Run, LabOp::CheckNodes, LabOp::CheckPods]),
        mode in prop::sample::select(vec![LabMode::Inflation, LabMode::Replay]),
        policies in prop::collection::vec(policy(), 0..8),
        seeds in prop::collection::vec(any::<u64>(), 0..5),
        (tune, compress) in (float(), float()),
        queue in queue(),
        capabilities in prop::collection::vec((text(), float()), 0..4),
        groups in prop::collection::vec(group(), 0..4),
        synth in synth(),
        (scale, fleet_gpus) in (any::<u32>(), prop::option::of(any::<u32>())),
        runs in prop::collection::vec(any::<u32>(), 0..4),
    ) -> LabRequest {
        LabRequest {
            op, mode, policies, seeds, tune, queue, compress, capabilities, groups, synth, scale,
            fleet_gpus, runs,
        }
    }
}

prop_compose! {
    fn any_report()(
        (run, policy, seed, replay) in (any::<usize>(), prop::option::of(policy()), any::<u64>(), any::<bool>()),
        (pods, failed, never_started, alloc_pct) in (any::<u64>(), any::<u64>(), any::<u64>(), float()),
        (arrived_by_class, failed_by_class) in (any::<[u64; 7]>(), any::<[u64; 7]>()),
        models in prop::collection::vec(
            (text(), any::<u64>(), any::<u64>(), float()).prop_map(|(model, gpus, used_milli, capability)| {
                ModelAlloc { model, gpus, used_milli, capability }
            }),
            0..4,
        ),
        curve in prop::collection::vec(
            (any::<u32>(), prop::option::of(float()), prop::option::of(float()), prop::option::of(float()), prop::option::of(float()))
                .prop_map(|(arrived_pct, gpu_alloc_pct, frag_amount_pct, frag_rate_pct, weighted_alloc_pct)| {
                    CurvePoint { arrived_pct, gpu_alloc_pct, frag_amount_pct, frag_rate_pct, weighted_alloc_pct }
                }),
            0..6,
        ),
        samples in prop::collection::vec(
            (any::<u64>(), float(), float(), any::<usize>(), any::<usize>()).prop_map(
                |(time, gpu_alloc_pct, weighted_alloc_pct, pending, running)| {
                    ReplaySample { time, gpu_alloc_pct, weighted_alloc_pct, pending, running }
                },
            ),
            0..6,
        ),
        delays in (any::<usize>(), float(), any::<u64>(), any::<u64>(), any::<u64>(), any::<u64>(), float()).prop_map(
            |(started, mean, p50, p90, p99, max, waited_pct)| DelayStats { started, mean, p50, p90, p99, max, waited_pct },
        ),
        csv in "[a-z0-9,.\n]{0,80}",
    ) -> RunReport {
        RunReport {
            run, policy, seed, replay, pods, failed, never_started, alloc_pct, arrived_by_class,
            failed_by_class, models, curve, samples, delays, csv,
        }
    }
}

fn any_message() -> impl Strategy<Value = WorkerMsg> {
    prop_oneof![
        (any::<usize>(), any::<u64>(), any::<u64>())
            .prop_map(|(run, done, total)| WorkerMsg::Progress { run, done, total }),
        any_report().prop_map(|r| WorkerMsg::Run(Box::new(r))),
        (
            policy(),
            any::<u32>(),
            prop::collection::vec((text(), prop::collection::vec(any::<u32>(), 0..9)), 0..5)
        )
            .prop_map(|(p, b, nodes)| WorkerMsg::Heat(p, b, nodes)),
        (text(), any::<u64>(), any::<u64>(), text())
            .prop_map(|(w, rows, milli, detail)| WorkerMsg::Checked(w, rows, milli, detail)),
        (text(), text()).prop_map(|(w, m)| WorkerMsg::Failed(w, m)),
        Just(WorkerMsg::Done),
    ]
}

proptest! {
    #[test]
    fn requests_round_trip(r in any_request()) {
        let bytes = encode(&r);
        prop_assert_eq!(decode::<LabRequest>(&bytes).map_err(TestCaseError::fail)?, r);
        // A cut message is an error, never a request with zeros in it.
        for cut in 0..bytes.len() {
            prop_assert!(decode::<LabRequest>(&bytes[..cut]).is_err(), "cut at {}", cut);
        }
        let mut longer = bytes.clone();
        longer.push(0);
        prop_assert!(decode::<LabRequest>(&longer).is_err());
    }

    #[test]
    fn messages_round_trip(m in any_message()) {
        let bytes = encode(&m);
        prop_assert_eq!(decode::<WorkerMsg>(&bytes).map_err(TestCaseError::fail)?, m);
        for cut in 0..bytes.len() {
            prop_assert!(decode::<WorkerMsg>(&bytes[..cut]).is_err(), "cut at {}", cut);
        }
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let _ = decode::<LabRequest>(&bytes);
        let _ = decode::<WorkerMsg>(&bytes);
    }
}

#[test]
fn malformed_bytes_are_errors() {
    assert!(decode::<WorkerMsg>(&[]).is_err());
    // Variant 6 does not exist (Done is 5).
    assert!(decode::<WorkerMsg>(&[6]).is_err());
    assert_eq!(decode::<WorkerMsg>(&[5]), Ok(WorkerMsg::Done));
    // A varint longer than a u64 is an error, not zero.
    let mut bad = vec![0u8];
    bad.extend([0xff; 11]);
    assert!(decode::<WorkerMsg>(&bad).is_err());
    // Invalid UTF-8 in a string.
    assert!(decode::<WorkerMsg>(&[4, 1, 0xff, 0]).is_err());
    // Trailing bytes after a whole message.
    let e = decode::<WorkerMsg>(&[5, 5]).unwrap_err();
    assert!(e.contains("left over"), "{e}");
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
    let bytes = encode(&WorkerMsg::Run(Box::new(RunReport::inflation(3, &result))));
    let Ok(WorkerMsg::Run(r)) = decode(&bytes) else {
        panic!("not a run");
    };
    let mut cli = String::new();
    write_curve_csv(&mut cli, &result);
    assert_eq!(r.csv, cli);
    assert_eq!(r.run, 3);
    assert_eq!(r.policy, Some(Policy::Fgd));
    assert_eq!(r.failed_by_class, result.failed_by_class);
    assert_eq!(r.models, result.model_alloc);
    assert_eq!(r.curve, result.curve);
    assert!(r.curve[100].weighted_alloc_pct.is_some());
    let heat = encode(&WorkerMsg::heat(Policy::Fgd, &sim.node_usage()));
    let Ok(WorkerMsg::Heat(_, 1, nodes)) = decode(&heat) else {
        panic!("not a heat map");
    };
    assert_eq!(nodes.len(), 1213);
    assert_eq!(nodes[0].1.len(), 8);

    let cfg = ReplayConfig {
        time_compression: 2000.0,
        ..ReplayConfig::new(Policy::BestFit, 7)
    };
    let replay = run_replay(&cluster, &pods, &cfg).unwrap();
    let r: WorkerMsg = decode(&encode(&WorkerMsg::Run(Box::new(RunReport::replay(
        0, &replay,
    )))))
    .unwrap();
    let WorkerMsg::Run(r) = r else {
        panic!("not a run")
    };
    let mut cli = String::new();
    write_replay_csv(&mut cli, &replay);
    assert_eq!(r.csv, cli);
    assert_eq!(r.samples, replay.samples);
    assert_eq!(r.delays, replay.delays);
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
        ..LabRequest::default()
    }
}

/// Runs a request the way the worker does: the request and every message cross as bytes.
fn collect(req: &LabRequest, pods: Option<LabFile>) -> Vec<WorkerMsg> {
    let req: LabRequest = decode(&encode(req)).expect("the request decodes");
    let mut out = Vec::new();
    run_lab(&req, None, pods, &mut |m| {
        out.push(decode(&encode(&m)).expect("every message decodes"))
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
fn bad_numbers_in_a_request_fail_the_run() {
    let mut req = request(LabMode::Inflation);
    req.tune = f64::NAN;
    let msgs = collect(&req, None);
    let [WorkerMsg::Failed(what, msg)] = &msgs[..] else {
        panic!("expected one failure, got {msgs:?}");
    };
    assert_eq!(what, "run");
    assert!(msg.contains("tune"), "{msg}");
    let mut req = request(LabMode::Replay);
    req.compress = 0.5;
    let msgs = collect(&req, None);
    assert!(
        matches!(&msgs[..], [WorkerMsg::Failed(_, m)] if m.contains("compression")),
        "{msgs:?}"
    );
}

#[test]
fn a_failed_run_names_its_input_and_setting() {
    let mut req = request(LabMode::Replay);
    req.compress = 0.5;
    let pods = "name,cpu_milli,memory_mib,num_gpu,gpu_milli,creation_time,deletion_time\n\
                p1,1000,1,1,500,0,10\n";
    let msgs = collect(&req, Some(("=bad,pods.csv", pods)));
    let [WorkerMsg::Failed(what, msg)] = &msgs[..] else {
        panic!("expected one failure, got {msgs:?}");
    };
    assert_eq!(what, "run");
    assert!(
        msg.starts_with("replay of =bad,pods.csv on the cluster groups with compress 0.5: "),
        "{msg}"
    );
    req.mode = LabMode::Inflation;
    req.tune = f64::INFINITY;
    req.scale = 2;
    let label = yunce_sched::job_label(&req, Some("nodes.csv"), None);
    assert_eq!(
        label,
        "inflation of the generated workload on nodes.csv at fleet size ×2 with tune inf"
    );
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
    assert!(msg.contains("cpu_milli"), "{msg}");
    let good = "name,cpu_milli,memory_mib,num_gpu,gpu_milli\np1,1000,1,1,500\n";
    let msgs = collect(&req, Some(("openb_pod_list_x.csv", good)));
    assert_eq!(
        msgs,
        vec![WorkerMsg::Checked("pods".into(), 1, 500, "untimed".into())]
    );
}

#[test]
fn one_set_of_defaults() {
    let r = LabRequest::default();
    assert_eq!(r.op, LabOp::Run);
    assert_eq!(r.mode, defaults::MODE);
    assert_eq!(r.policies, Policy::ALL);
    assert_eq!(r.seeds, [42]);
    assert_eq!((r.tune, r.compress), (1.3, 2000.0));
    assert_eq!(r.queue, QueueKind::Fifo);
    assert_eq!(r.groups, openb_preset());
    assert_eq!(r.synth, SynthConfig::default());
    assert_eq!((r.scale, r.fleet_gpus, r.runs.len()), (1, None, 0));
    let replay = ReplayConfig::new(Policy::Fgd, 42);
    assert_eq!(replay.time_compression, r.compress);
    assert_eq!(replay.queue, r.queue);
    assert_eq!(replay.sample_secs, defaults::SAMPLE_SECS);
    assert_eq!(RunConfig::new(Policy::Fgd, 42).tune, r.tune);
}
