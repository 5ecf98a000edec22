//! The `yunce-sched` binary end to end on small files: exit codes, stdout, the CSV, errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::{Command, Output};

const NODES: &str =
    "sn,cpu_milli,memory_mib,gpu,model\nn0,64000,262144,2,P100\nn1,96000,393216,8,G2\n";
const PODS: &str = "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time
p0,12000,16384,1,1000,,LS,Running,0,5000,0
p1,6000,12288,1,460,,LS,Running,100,9000,100
p2,8000,0,0,0,,BE,Running,200,900,200
p3,4000,4096,2,1000,,LS,Running,300,7000,300
";

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("yunce-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("nodes.csv"), NODES).unwrap();
    std::fs::write(d.join("openb_pod_list_t.csv"), PODS).unwrap();
    d
}

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yunce-sched"))
        .args(args)
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn run_writes_the_csv_and_the_summary() {
    let d = dir("run");
    let (n, p, o) = (
        d.join("nodes.csv"),
        d.join("openb_pod_list_t.csv"),
        d.join("out.csv"),
    );
    let (n, p, o) = (
        n.to_str().unwrap(),
        p.to_str().unwrap(),
        o.to_str().unwrap(),
    );
    let out = cli(&[
        "run",
        "--nodes",
        n,
        "--pods",
        p,
        "--policy",
        "fgd,random",
        "--seeds",
        "1..2",
        "--out",
        o,
        "--threads",
        "1",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = std::fs::read_to_string(o).unwrap();
    assert!(csv.starts_with(yunce_sched::CURVE_CSV_HEADER));
    assert_eq!(csv.lines().count(), 1 + 4 * 131);
    assert!(text(&out.stdout).starts_with("policy"));
    // `summary` reads the CSV back into the same table (without the columns the CSV lacks).
    let s = cli(&["summary", o]);
    assert!(s.status.success());
    let cols = |t: String| -> Vec<Vec<String>> {
        t.lines()
            .take(3)
            .map(|l| l.split_whitespace().take(7).map(str::to_owned).collect())
            .collect()
    };
    assert_eq!(cols(text(&out.stdout)), cols(text(&s.stdout)));
    let r = cli(&[
        "run", "--nodes", n, "--pods", p, "--mode", "replay", "--queue", "both", "--out", o,
    ]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    let csv = std::fs::read_to_string(o).unwrap();
    assert!(csv.starts_with(yunce_sched::REPLAY_CSV_HEADER));
    assert_eq!(text(&r.stdout).lines().count(), 1 + 6 * 2);
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn errors_exit_2_and_name_the_problem() {
    let out = cli(&[
        "run", "--nodes", "n", "--pods", "p", "--out", "o", "--seeds", "x",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let e = text(&out.stderr);
    assert!(
        e.contains("--seeds") && e.contains("\"x\" is not a non-negative integer"),
        "{e}"
    );
    let out = cli(&[
        "run",
        "--nodes",
        "/nonexistent/n.csv",
        "--pods",
        "p",
        "--out",
        "o",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("error: cannot read /nonexistent/n.csv"));
    let d = dir("bad");
    let bad = d.join("bad.csv");
    std::fs::write(
        &bad,
        "name,cpu_milli,memory_mib,num_gpu,gpu_milli\np,x,0,0,0\n",
    )
    .unwrap();
    let n = d.join("nodes.csv");
    let out = cli(&[
        "run",
        "--nodes",
        n.to_str().unwrap(),
        "--pods",
        bad.to_str().unwrap(),
        "--out",
        "o",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let e = text(&out.stderr);
    assert!(e.contains("line 2") && e.contains("cpu_milli"), "{e}");
    std::fs::remove_dir_all(&d).unwrap();
    // No arguments: the usage, exit 2. Help: exit 0.
    assert_eq!(cli(&[]).status.code(), Some(2));
    let h = cli(&["--help"]);
    assert!(h.status.success());
    assert!(text(&h.stdout).contains("summary"));
}
