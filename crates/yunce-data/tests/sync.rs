//! The shipped data files match the shared fact base (when `../shared` is present).
//!
//! This is the only test that may skip: a clone without the fact base next to it
//! cannot compare, and says so.

// Test helpers outside #[test] fns may unwrap too (clippy.toml covers only test fns).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use yunce_data::csv::{Table, parse};

fn facts_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/facts");
    dir.is_dir().then_some(dir)
}

fn shipped(name: &str) -> String {
    std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .join(name),
    )
    .unwrap()
}

const FILES: [&str; 16] = [
    "ai_accelerators.csv",
    "alibaba_financials.csv",
    "compute_capacity.csv",
    "compute_plan_targets.csv",
    "events.csv",
    "export_controls.csv",
    "inconsistencies.csv",
    "market_context.csv",
    "market_share.csv",
    "market_size.csv",
    "outages.csv",
    "outcomes.csv",
    "planner_params.csv",
    "reliability_params.csv",
    "seed_facts_index.csv",
    "five_battles.json",
];

fn cell<'a>(t: &'a Table, row: usize, col: &str) -> &'a str {
    let i = t
        .headers
        .iter()
        .position(|h| h == col)
        .unwrap_or_else(|| panic!("{}: no column {col}", t.file));
    &t.rows[row].fields[i]
}

#[test]
fn shipped_files_match_fact_base() {
    let Some(facts) = facts_dir() else {
        println!(
            "SKIPPED: ../shared/data/facts not found; cannot check the shipped data is in sync"
        );
        return;
    };
    for name in FILES.iter().filter(|n| n.ends_with(".csv")) {
        let original = std::fs::read_to_string(facts.join(name)).unwrap();
        let ours = shipped(name);
        let (a, b) = (parse(name, &original).unwrap(), parse(name, &ours).unwrap());
        assert_eq!(
            a.rows.len(),
            b.rows.len(),
            "{name}: row count differs; run scripts/build-data.py"
        );
        for r in 0..a.rows.len() {
            // Every original column is kept verbatim; the build script only adds columns.
            for col in &a.headers {
                assert_eq!(
                    cell(&a, r, col),
                    cell(&b, r, col),
                    "{name} row {} column {col} out of sync",
                    a.rows[r].line
                );
            }
        }
    }
    let json = std::fs::read_to_string(facts.join("five_battles.json")).unwrap();
    let battles = parse("battles.csv", &shipped("battles.csv")).unwrap();
    for r in 0..battles.rows.len() {
        for col in ["id", "title_zh", "title_en"] {
            assert!(
                json.contains(cell(&battles, r, col)),
                "battles.csv {col} not in five_battles.json"
            );
        }
    }
    let md = std::fs::read_to_string(facts.join("SOURCES.md")).unwrap();
    let md_ids: Vec<&str> = md
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split(' ').next())
        .filter(|id| id.starts_with('S') && id.len() == 4)
        .collect();
    let sources = parse("sources.csv", &shipped("sources.csv")).unwrap();
    let ids: Vec<&str> = (0..sources.rows.len())
        .map(|r| cell(&sources, r, "id"))
        .collect();
    assert_eq!(md_ids, ids, "sources.csv out of sync with SOURCES.md");
    for (r, id) in ids.iter().enumerate() {
        assert!(md.contains(cell(&sources, r, "url")), "url of {id} differs");
    }
}
