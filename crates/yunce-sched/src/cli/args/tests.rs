//! The command line's flags, value syntax, defaults and error messages.

use super::*;

fn parse(extra: &[&str]) -> Result<Args, String> {
    let mut argv = vec![
        "yunce-sched",
        "run",
        "--nodes",
        "n.csv",
        "--pods",
        "p.csv",
        "--out",
        "o.csv",
    ];
    argv.extend_from_slice(extra);
    match Cli::try_parse_from(argv)
        .map_err(|e| e.to_string())?
        .command
    {
        Command::Run(c) => Ok(Args::from(c)),
        Command::Summary(_) => Err("not run".to_owned()),
    }
}

fn error(extra: &[&str]) -> String {
    match parse(extra) {
        Ok(a) => panic!("{extra:?} parsed as {a:?}"),
        Err(e) => e,
    }
}

#[test]
fn defaults_are_the_shared_ones() {
    let a = parse(&["--threads", "3"]).unwrap();
    assert_eq!(a.policies, defaults::POLICIES);
    assert_eq!(a.seeds, defaults::SEEDS);
    assert_eq!(a.tune, defaults::TUNE);
    assert_eq!(a.mode, defaults::MODE);
    assert_eq!(a.queues, [defaults::QUEUE]);
    assert_eq!(a.compress, defaults::COMPRESS);
    assert_eq!(a.sample_secs, defaults::SAMPLE_SECS);
    assert_eq!(a.capabilities, CapabilityTable::default());
    assert_eq!(a.threads, 3);
    assert_eq!((a.nodes.as_str(), a.pods.as_str()), ("n.csv", "p.csv"));
    assert_eq!(a.out, "o.csv");
}

#[test]
fn every_flag_and_value_syntax() {
    let a = parse(&[
        "--policy",
        "fgd, bestfit",
        "--seeds",
        "42..44",
        "--tune",
        "1.1",
        "--mode",
        "replay",
        "--queue",
        "both",
        "--sample-secs",
        "60",
        "--compress",
        "1",
        "--capability",
        "T4=0.4,G2=1.2",
    ])
    .unwrap();
    assert_eq!(a.policies, [Policy::Fgd, Policy::BestFit]);
    assert_eq!(a.seeds, [42, 43, 44]);
    assert_eq!((a.tune, a.compress, a.sample_secs), (1.1, 1.0, 60));
    assert_eq!(a.mode, LabMode::Replay);
    assert_eq!(a.queues, [QueueKind::Fifo, QueueKind::Backfill]);
    assert_eq!(a.capabilities.factor("T4"), 0.4);
    assert_eq!(parse(&["--seeds", "1,5,9"]).unwrap().seeds, [1, 5, 9]);
    assert_eq!(parse(&["--seeds", "3..=4"]).unwrap().seeds, [3, 4]);
    assert_eq!(parse(&["--policy", "all"]).unwrap().policies, Policy::ALL);
    assert_eq!(
        parse(&["--queue", "backfill"]).unwrap().queues,
        [QueueKind::Backfill]
    );
}

#[test]
fn errors_name_the_flag_and_the_problem() {
    for (args, flag, problem) in [
        (
            &["--seeds", "x"][..],
            "--seeds",
            "\"x\" is not a non-negative integer",
        ),
        (&["--seeds", "5..3"], "--seeds", "must be A..B with A <= B"),
        (&["--seeds", "1..20000"], "--seeds", "at most 10000 seeds"),
        (
            &["--tune", "-1"],
            "--tune",
            "\"-1\" is not a non-negative number",
        ),
        (&["--tune", "NaN"], "--tune", "is not a non-negative number"),
        (
            &["--seeds", "-1"],
            "--seeds",
            "\"-1\" is not a non-negative integer",
        ),
        (
            &["--compress", "0.5"],
            "--compress",
            "\"0.5\" is not a number >= 1",
        ),
        (
            &["--threads", "0"],
            "--threads",
            "\"0\" is not a positive integer",
        ),
        (
            &["--sample-secs", "0"],
            "--sample-secs",
            "is not a positive integer",
        ),
        (&["--policy", "nope"], "--policy", "unknown policy \"nope\""),
        (&["--queue", "lifo"], "--queue", "lifo"),
        (&["--mode", "foo"], "--mode", "foo"),
        (
            &["--capability", "T4"],
            "--capability",
            "expected MODEL=FACTOR",
        ),
        (&["--capability", "T4=-1"], "--capability", "from 0 to 100"),
        (
            &["--capability", "T4=1e308"],
            "--capability",
            "from 0 to 100",
        ),
        (&["--bogus", "1"], "--bogus", "unexpected argument"),
        (&["--tune"], "--tune", "a value is required"),
    ] {
        let e = error(args);
        assert!(e.contains(flag) && e.contains(problem), "{args:?}: {e}");
    }
    let e = Cli::try_parse_from(["yunce-sched", "run", "--pods", "p", "--out", "o"])
        .unwrap_err()
        .to_string();
    assert!(e.contains("required") && e.contains("--nodes"), "{e}");
}

#[test]
fn summary_takes_a_file_or_in() {
    for argv in [
        &["yunce-sched", "summary", "a.csv"][..],
        &["yunce-sched", "summary", "--in", "a.csv"],
    ] {
        let Command::Summary(s) = Cli::try_parse_from(argv).unwrap().command else {
            panic!("not summary");
        };
        assert_eq!(s.path(), "a.csv");
    }
    assert!(Cli::try_parse_from(["yunce-sched", "summary"]).is_err());
}
