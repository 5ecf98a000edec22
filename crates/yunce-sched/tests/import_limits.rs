//! Import checks what Run needs: absurd values, a pod list without pods and a node list
//! without GPUs are rejected by the parsers, which are what the lab's file check calls, with
//! the line, the column and the limit.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use yunce_sched::{
    CapabilityTable, LabOp, LabRequest, MAX_CPU_MILLI, MAX_MEMORY_MIB, MAX_TRACE_SECONDS,
    NodeGroup, WorkerMsg, expand_groups, parse_nodes, parse_pods, run_lab,
};

const POD_HEADER: &str = "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time";
const NODE_HEADER: &str = "sn,cpu_milli,memory_mib,gpu,model";

fn pod_error(row: &str) -> (usize, String, String) {
    let e = parse_pods(&format!(
        "{POD_HEADER}\np0,1000,1024,1,500,,LS,Running,0,10,0\n{row}\n"
    ))
    .unwrap_err();
    (e.line, e.column.unwrap_or_default(), e.message)
}

#[test]
fn times_beyond_the_trace_format_are_rejected_with_the_limit() {
    let limit = MAX_TRACE_SECONDS.to_string();
    for (row, column) in [
        ("p,1,1,0,0,,BE,Running,0,10000000000000,0", "deletion_time"),
        ("p,1,1,0,0,,BE,Running,1000000000001,1,0", "creation_time"),
        (
            "p,1,1,0,0,,BE,Running,0,1,18446744073709551615",
            "scheduled_time",
        ),
    ] {
        let (line, col, message) = pod_error(row);
        assert_eq!((line, col.as_str()), (3, column), "{row}");
        assert!(message.contains(&limit), "{message}");
    }
    let (_, col, message) = pod_error("p,1,1,0,0,,BE,Running,-5,1,0");
    assert_eq!(col, "creation_time");
    assert!(message.contains("negative"), "{message}");
    // The limit itself is a time the format can mean.
    let ok = format!("{POD_HEADER}\np,1,1,0,0,,BE,Running,0,{MAX_TRACE_SECONDS},0\n");
    assert_eq!(
        parse_pods(&ok).unwrap()[0].deletion_time,
        Some(MAX_TRACE_SECONDS)
    );
}

#[test]
fn resources_beyond_any_machine_are_rejected_with_the_limit() {
    let (_, col, message) = pod_error(&format!("p,{},1,0,0,,BE,Running,0,1,0", MAX_CPU_MILLI + 1));
    assert_eq!(col, "cpu_milli");
    assert!(message.contains(&MAX_CPU_MILLI.to_string()), "{message}");
    let (_, col, _) = pod_error(&format!("p,1,{},0,0,,BE,Running,0,1,0", MAX_MEMORY_MIB + 1));
    assert_eq!(col, "memory_mib");
    let (_, col, message) = pod_error("p,1,1,1025,1000,,BE,Running,0,1,0");
    assert_eq!(col, "num_gpu");
    assert!(message.contains("limit 64"), "{message}");
    for (row, column) in [
        ("n1,4096001,1024,8,G2", "cpu_milli"),
        ("n1,1000,68719476737,8,G2", "memory_mib"),
        ("n1,1000,1024,1024,G2", "gpu"),
    ] {
        let e = parse_nodes(&format!("{NODE_HEADER}\nn0,1000,1024,1,G2\n{row}\n")).unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (3, Some(column)), "{row}");
        assert!(e.message.contains("limit"), "{e}");
    }
    let group = |cpu_milli, memory_mib| NodeGroup {
        model: "H20".into(),
        gpus: 8,
        cpu_milli,
        memory_mib,
        count: 1,
    };
    assert!(expand_groups(&[group(MAX_CPU_MILLI + 1000, 1024)]).is_err());
    assert!(expand_groups(&[group(1000, MAX_MEMORY_MIB + 1024)]).is_err());
    assert!(expand_groups(&[group(MAX_CPU_MILLI, MAX_MEMORY_MIB)]).is_ok());
}

#[test]
fn an_empty_pod_list_and_a_cluster_without_gpus_fail_at_import() {
    let e = parse_pods(&format!("{POD_HEADER}\n")).unwrap_err();
    assert_eq!(e.line, 2);
    assert!(e.message.contains("no pods"), "{e}");
    let e = parse_nodes(&format!(
        "{NODE_HEADER}\nc0,64000,1024,0,\nc1,64000,1024,0,nan\n"
    ))
    .unwrap_err();
    assert_eq!((e.line, e.column.as_deref()), (3, Some("gpu")));
    assert!(e.message.contains("no node has a GPU"), "{e}");
    let e = parse_nodes(&format!("{NODE_HEADER}\n")).unwrap_err();
    assert_eq!(e.column.as_deref(), Some("gpu"));

    // The lab's file check (run when a file is dropped) gives the same errors.
    let check = |op, nodes, pods| {
        let req = LabRequest {
            op,
            ..LabRequest::default()
        };
        let mut out = Vec::new();
        run_lab(&req, nodes, pods, &mut |m| out.push(m));
        out
    };
    let header_only = format!("{POD_HEADER}\n");
    let msgs = check(
        LabOp::CheckPods,
        None,
        Some(("p.csv", header_only.as_str())),
    );
    let [WorkerMsg::Failed(what, m)] = &msgs[..] else {
        panic!("{msgs:?}");
    };
    assert_eq!(what, "pods");
    assert!(m.contains("line 2") && m.contains("no pods"), "{m}");
    let cpu_only = format!("{NODE_HEADER}\nc0,64000,1024,0,\n");
    let msgs = check(LabOp::CheckNodes, Some(("n.csv", cpu_only.as_str())), None);
    let [WorkerMsg::Failed(what, m)] = &msgs[..] else {
        panic!("{msgs:?}");
    };
    assert_eq!(what, "nodes");
    assert!(m.contains("line 2, column gpu"), "{m}");
}

#[test]
fn a_capability_of_1e308_is_rejected_not_shown_as_nan() {
    for spec in ["T4=1e308", "T4=inf", "T4=NaN", "T4=100.5", "T4=-1"] {
        let e = CapabilityTable::with_overrides(spec).unwrap_err();
        assert!(e.contains("from 0 to 100"), "{spec}: {e}");
    }
    let req = LabRequest {
        capabilities: vec![("G2".into(), 1e308)],
        ..LabRequest::default()
    };
    let mut out = Vec::new();
    run_lab(&req, None, None, &mut |m| out.push(m));
    let Some(WorkerMsg::Failed(_, m)) = out.last() else {
        panic!("{out:?}");
    };
    assert!(m.contains("capability of G2"), "{m}");
}
