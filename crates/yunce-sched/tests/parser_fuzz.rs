//! Random and mutated input never makes the parsers panic (proptest), and bad input gets
//! errors that name the line and column.

use proptest::prelude::*;
use yunce_sched::{parse_nodes, parse_pods, summarize_csv};

const VALID_PODS: &str = "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time
openb-pod-0000,12000,16384,1,1000,,LS,Running,0,12537496,0
openb-pod-0001,6000,12288,1,460,V100M16|V100M32,LS,Running,427061,12902960,427061
openb-pod-0002,8000,0,0,0,,BE,Pending,5,9,
";
const VALID_NODES: &str = "sn,cpu_milli,memory_mib,gpu,model\nopenb-node-0000,64000,262144,2,P100\nopenb-node-0001,96000,393216,8,G2\n";
const ALPHABET: &[u8] = b"0123456789,|-\n\r\" .abcnNeE-+_\xff";

/// One edit of the input: replace, remove or insert a byte, or cut the rest.
#[derive(Clone, Debug)]
enum Edit {
    Replace(prop::sample::Index, u8),
    Remove(prop::sample::Index),
    Insert(prop::sample::Index, u8),
    Truncate(prop::sample::Index),
}

fn byte() -> impl Strategy<Value = u8> {
    prop::sample::select(ALPHABET)
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        (any::<prop::sample::Index>(), byte()).prop_map(|(i, b)| Edit::Replace(i, b)),
        any::<prop::sample::Index>().prop_map(Edit::Remove),
        (any::<prop::sample::Index>(), byte()).prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<prop::sample::Index>().prop_map(Edit::Truncate),
    ];
    prop::collection::vec(edit, 1..7)
}

fn mutate(base: &str, edits: &[Edit]) -> String {
    let mut bytes = base.as_bytes().to_vec();
    for e in edits {
        if bytes.is_empty() {
            break;
        }
        match e {
            Edit::Replace(i, b) => {
                let i = i.index(bytes.len());
                bytes[i] = *b;
            }
            Edit::Remove(i) => {
                bytes.remove(i.index(bytes.len()));
            }
            Edit::Insert(i, b) => bytes.insert(i.index(bytes.len()), *b),
            Edit::Truncate(i) => bytes.truncate(i.index(bytes.len())),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn mutated_files_never_panic(pod_edits in edits(), node_edits in edits()) {
        let pods = mutate(VALID_PODS, &pod_edits);
        if let Err(e) = parse_pods(&pods) {
            prop_assert!(e.line >= 1);
            prop_assert!(!e.to_string().is_empty());
        }
        let nodes = mutate(VALID_NODES, &node_edits);
        let _ = parse_nodes(&nodes);
        let _ = summarize_csv(&nodes);
    }

    #[test]
    fn noise_never_panics(noise in prop::collection::vec(byte(), 0..200)) {
        let noise = String::from_utf8_lossy(&noise);
        let _ = parse_pods(&noise);
        let _ = parse_nodes(&noise);
        let _ = summarize_csv(&noise);
    }
}

#[test]
fn bad_input_gets_clear_errors() {
    let header = VALID_PODS.lines().next().unwrap();
    let truncated = &VALID_PODS[..VALID_PODS.len() - 12];
    let e = parse_pods(truncated).unwrap_err();
    assert_eq!(e.line, 4);
    assert!(e.to_string().contains("truncated"), "{e}");

    let e = parse_pods(&format!("{header}\np,-1,0,0,0,,LS,Running,0,1,0\n")).unwrap_err();
    assert_eq!((e.line, e.column.as_deref()), (2, Some("cpu_milli")));
    let e = parse_pods(&format!("{header}\np,1,x,0,0,,LS,Running,0,1,0\n")).unwrap_err();
    assert_eq!(e.column.as_deref(), Some("memory_mib"));
    let e = parse_pods(&format!("{header}\np,1,1,1,1001,,LS,Running,0,1,0\n")).unwrap_err();
    assert_eq!(e.column.as_deref(), Some("gpu_milli"));
    let e = parse_pods(&format!("{header}\np,1,1,0,0,,LS,Running,zero,1,0\n")).unwrap_err();
    assert_eq!(e.column.as_deref(), Some("creation_time"));
    let e = parse_nodes("sn,cpu_milli,memory_mib,gpus,model\n").unwrap_err();
    assert!(e.message.contains("wrong header"));
}

#[test]
fn oversized_pod_is_counted_unschedulable() {
    use yunce_sched::{Cluster, Policy, RunConfig, run_inflation};
    let nodes = parse_nodes(VALID_NODES).unwrap();
    let pods = parse_pods(
        "name,cpu_milli,memory_mib,num_gpu,gpu_milli\nbig,1000,0,16,1000\nsmall,1000,0,1,500\n",
    )
    .unwrap();
    let cluster = Cluster::new(&nodes, true).unwrap();
    let mut cfg = RunConfig::new(Policy::Fgd, 1);
    cfg.tune = 0.0;
    let r = run_inflation(&cluster, &pods, &cfg).unwrap();
    assert_eq!(r.pods_failed, 1);
    assert_eq!(r.failed(yunce_sched::PodClass::Other), 1);
}
