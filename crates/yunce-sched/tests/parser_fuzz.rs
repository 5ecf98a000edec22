//! Random and mutated input never makes the parsers panic.

mod common;

use yunce_sched::{parse_nodes, parse_pods, summarize_csv};

const VALID_PODS: &str = "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time
openb-pod-0000,12000,16384,1,1000,,LS,Running,0,12537496,0
openb-pod-0001,6000,12288,1,460,V100M16|V100M32,LS,Running,427061,12902960,427061
openb-pod-0002,8000,0,0,0,,BE,Pending,5,9,
";
const VALID_NODES: &str = "sn,cpu_milli,memory_mib,gpu,model\nopenb-node-0000,64000,262144,2,P100\nopenb-node-0001,96000,393216,8,G2\n";
const ALPHABET: &[u8] = b"0123456789,|-\n\r\" .abcnNeE-+_\xff";

fn mutate(rng: &mut yunce_sched::Pcg32, base: &str) -> String {
    let mut bytes = base.as_bytes().to_vec();
    for _ in 0..1 + rng.below(6) {
        if bytes.is_empty() {
            break;
        }
        let i = rng.below(bytes.len() as u32) as usize;
        match rng.below(4) {
            0 => bytes[i] = ALPHABET[rng.below(ALPHABET.len() as u32) as usize],
            1 => {
                bytes.remove(i);
            }
            2 => bytes.insert(i, ALPHABET[rng.below(ALPHABET.len() as u32) as usize]),
            _ => bytes.truncate(i),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn parsers_never_panic() {
    let mut rng = common::rng(7);
    for _ in 0..20_000 {
        let pods = mutate(&mut rng, VALID_PODS);
        if let Err(e) = parse_pods(&pods) {
            assert!(e.line >= 1);
            assert!(!e.to_string().is_empty());
        }
        let nodes = mutate(&mut rng, VALID_NODES);
        let _ = parse_nodes(&nodes);
        let _ = summarize_csv(&nodes);
        let len = rng.below(200) as usize;
        let noise: String = (0..len)
            .map(|_| ALPHABET[rng.below(ALPHABET.len() as u32) as usize] as char)
            .collect();
        let _ = parse_pods(&noise);
        let _ = parse_nodes(&noise);
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
