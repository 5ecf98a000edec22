//! Every CSV the `yunce-sched` binary writes parses with the shared RFC 4180 reader, and a
//! hostile pod file name stays one inert cell.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;
use yunce_sched::{CURVE_CSV_HEADER, REPLAY_CSV_HEADER};

const NODES: &str =
    "sn,cpu_milli,memory_mib,gpu,model\nn0,64000,262144,2,P100\nn1,96000,393216,8,G2\n";
const PODS: &str = "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time
p0,12000,16384,1,1000,,LS,Running,0,5000,0
p1,6000,12288,1,460,,LS,Running,100,9000,100
p2,8000,0,0,0,,BE,Running,200,900,200
";
/// The file name: a comma that used to add a column and a formula.
const HOSTILE: &str = "=SUM(1+1),x";

fn setup(name: &str) -> (PathBuf, PathBuf, PathBuf) {
    let d = std::env::temp_dir().join(format!("yunce-csv-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let (n, p) = (d.join("nodes.csv"), d.join(format!("{HOSTILE}.csv")));
    std::fs::write(&n, NODES).unwrap();
    std::fs::write(&p, PODS).unwrap();
    (d, n, p)
}

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_yunce-sched"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Reads `path` with the real reader and checks the header, the width and the workload cells.
fn check(path: &Path, header: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    let table = yunce_csv::parse(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(table.headers.join(","), header);
    let w = table.headers.iter().position(|h| h == "workload").unwrap();
    for r in &table.rows {
        assert_eq!(r.fields[w], format!("'{HOSTILE}"));
        for cell in &r.fields {
            assert!(!yunce_csv::needs_defusing(cell), "formula cell {cell:?}");
        }
    }
    table.rows.len()
}

#[test]
fn every_cli_csv_parses_and_a_hostile_name_stays_one_cell() {
    let (d, n, p) = setup("all");
    let o = d.join("out.csv");
    let (n, p, os) = (
        n.to_str().unwrap(),
        p.to_str().unwrap(),
        o.to_str().unwrap(),
    );
    let stdout = run(&[
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
        os,
        "--threads",
        "1",
    ]);
    assert_eq!(check(&o, CURVE_CSV_HEADER), 4 * 131);
    // `summary` reads the quoted name back and gives the run's own table.
    let summary = run(&["summary", os]);
    let first = |t: &str| -> Vec<String> {
        t.lines()
            .take(3)
            .map(|l| l.split_whitespace().take(7).collect::<Vec<_>>().join(" "))
            .collect()
    };
    assert_eq!(first(&stdout), first(&summary));
    run(&[
        "run", "--nodes", n, "--pods", p, "--mode", "replay", "--queue", "both", "--out", os,
    ]);
    assert!(check(&o, REPLAY_CSV_HEADER) > 0);
    std::fs::remove_dir_all(&d).unwrap();
}
