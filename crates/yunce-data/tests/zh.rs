//! The Chinese text in `data/zh` stays in step with the English fact base: every field a
//! story view shows has its Chinese in every row, no translation names a row or column
//! that is gone or empty, and the figures of the English survive in the Chinese.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use yunce_data::csv::{Table, parse};
use yunce_data::{DataFiles, Dataset};

/// The English files and the fields of theirs that a story view shows, for every row.
/// Keep in step with `src/views/{overview,alibaba,compute,sources,market}` of the app.
const SHOWN: &[(&str, &[&str])] = &[
    // /alibaba timeline; the note on /sources?id=EV-...
    ("events.csv", &["actor", "event", "note"]),
    // /sources table and cards, /market notes.
    (
        "inconsistencies.csv",
        &[
            "subject",
            "claim_as_stated",
            "issue",
            "evidence",
            "suggested_handling",
        ],
    ),
    // /compute targets table and progress cards.
    (
        "compute_plan_targets.csv",
        &["dimension", "indicator", "unit", "note"],
    ),
    // /compute capacity table and progress cards.
    (
        "compute_capacity.csv",
        &["metric", "unit", "precision_basis", "note"],
    ),
    // /compute accelerator table (numbers with words, such as "(reported range)").
    (
        "ai_accelerators.csv",
        &[
            "vendor",
            "model",
            "announced_or_launched",
            "dense_fp16_bf16_tflops",
            "sparse_fp16_tflops",
            "int8_tops",
            "memory_gb",
            "memory_type",
            "memory_bw_gbs",
            "scaleup_interconnect_gbs",
            "tdp_w",
            "export_status_oct2022_rule",
            "export_status_oct2023_rule",
            "later_status",
            "china_role",
            "note",
        ],
    ),
    // /compute export-control table.
    (
        "export_controls.csv",
        &[
            "authority",
            "action",
            "thresholds_as_reported",
            "products_affected_as_reported",
            "note",
        ],
    ),
    // /alibaba context table.
    (
        "market_context.csv",
        &["topic", "period", "metric", "unit", "note"],
    ),
    // Overview battle cards (the Chinese title is the seed's own).
    ("battles.csv", &["summary_en", "key_figures"]),
    // /market chart, table and sources tab; the figure card on /sources.
    ("market_share.csv", &["unit", "note"]),
    // The figure card on /sources (`?fig=SZ-...`).
    ("market_size.csv", &["metric_definition", "note"]),
    // The figure card on /sources (`?fig=FIN-...`).
    ("alibaba_financials.csv", &["note"]),
    // /sources list: every source's reliability judgement and its date when in words.
    ("sources.csv", &["reliability", "date"]),
    // The figure card on /sources (`?fig=OUT-...`).
    (
        "outages.csv",
        &["provider", "services_affected", "region_scope", "note"],
    ),
    // /battles outcome cards and the CSV's row notes.
    (
        "outcomes.csv",
        &["subject", "metric", "unit", "claim_2024", "outcome", "note"],
    ),
    // /battles verdicts and "try it" links (files kept in the project).
    ("verdicts.csv", &["reading"]),
    ("try_links.csv", &["what"]),
];

fn english(name: &str) -> Table {
    let f = DataFiles::EMBEDDED;
    let text = match name {
        "events.csv" => f.events,
        "inconsistencies.csv" => f.inconsistencies,
        "compute_plan_targets.csv" => f.plan_targets,
        "compute_capacity.csv" => f.compute_capacity,
        "ai_accelerators.csv" => f.accelerators,
        "export_controls.csv" => f.export_controls,
        "market_context.csv" => f.market_context,
        "battles.csv" => f.battles,
        "market_share.csv" => f.market_share,
        "market_size.csv" => f.market_size,
        "alibaba_financials.csv" => f.financials,
        "sources.csv" => f.sources,
        "outcomes.csv" => f.outcomes,
        "outages.csv" => f.outages,
        "verdicts.csv" => f.verdicts,
        "try_links.csv" => f.try_links,
        other => panic!("no English file {other} for a translation"),
    };
    let name: &'static str = Box::leak(name.to_owned().into_boxed_str());
    parse(name, text).unwrap()
}

/// English prose: a run of two or more lowercase ASCII letters ("n/a", "HBM2e",
/// "EFLOPS" and bare figures need no translation).
fn is_prose(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        run = if c.is_ascii_lowercase() { run + 1 } else { 0 };
        if run >= 2 {
            return true;
        }
    }
    false
}

fn cell<'a>(t: &'a Table, row: usize, field: &str) -> &'a str {
    let i = t.headers.iter().position(|h| h == field).unwrap();
    &t.rows[row].fields[i]
}

#[test]
fn every_shown_field_has_its_chinese() {
    let d = Dataset::embedded().unwrap();
    let mut missing = Vec::new();
    for (file, fields) in SHOWN {
        let t = english(file);
        for (row, rec) in t.rows.iter().enumerate() {
            let id = &rec.fields[0];
            for field in *fields {
                if is_prose(cell(&t, row, field)) && d.zh(id, field).is_none() {
                    missing.push(format!("{file} {id} {field}"));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} cells lack Chinese text:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn every_translation_names_a_live_row_and_a_filled_field() {
    let d = Dataset::embedded().unwrap();
    let mut stale = Vec::new();
    for e in d.zh.entries() {
        let file = e.file.trim_start_matches("zh/");
        let t = english(file);
        let Some(row) = t.rows.iter().position(|r| r.fields[0] == e.id) else {
            stale.push(format!("{}:{} {} is not in {file}", e.file, e.line, e.id));
            continue;
        };
        if !t.headers.contains(&e.field) {
            stale.push(format!("{}: no column {} in {file}", e.file, e.field));
        } else if cell(&t, row, &e.field).trim().is_empty() {
            stale.push(format!(
                "{}:{} {} {} is empty in English",
                e.file, e.line, e.id, e.field
            ));
        }
    }
    assert!(stale.is_empty(), "{}", stale.join("\n"));
}

/// Digits as they run, without separators: "RMB916m" and "9.16亿元" both give "916".
fn digit_runs(s: &str) -> Vec<String> {
    let cleaned: String = s.chars().filter(|c| !matches!(c, ',' | '.')).collect();
    cleaned
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| r.len() >= 2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn figures_survive_translation() {
    let d = Dataset::embedded().unwrap();
    let mut lost = Vec::new();
    for e in d.zh.entries() {
        let t = english(e.file.trim_start_matches("zh/"));
        let Some(row) = t.rows.iter().position(|r| r.fields[0] == e.id) else {
            continue;
        };
        if !t.headers.contains(&e.field) {
            continue;
        }
        let zh: String = e.text.chars().filter(|c| !matches!(c, ',' | '.')).collect();
        for run in digit_runs(cell(&t, row, &e.field)) {
            // "100M" and "100m units" read naturally as 1亿 and 亿.
            if !zh.contains(&run) && !(run == "100" && zh.contains('亿')) {
                lost.push(format!("{} {} {}: {run} missing", e.file, e.id, e.field));
            }
        }
    }
    assert!(lost.is_empty(), "{}", lost.join("\n"));
}

/// Four English words in a row in a translation is an untranslated sentence.
#[test]
fn translations_hold_no_english_sentence() {
    let d = Dataset::embedded().unwrap();
    let mut english = Vec::new();
    for e in d.zh.entries() {
        let mut words = 0;
        for w in e
            .text
            .split(|c: char| c.is_whitespace() || "，。；、（）()“”".contains(c))
        {
            words = if !w.is_empty() && w.chars().all(|c| c.is_ascii_alphabetic() || c == '\'') {
                words + 1
            } else if w.is_empty() {
                words
            } else {
                0
            };
            if words >= 4 {
                english.push(format!("{} {} {}", e.file, e.id, e.field));
                break;
            }
        }
    }
    assert!(english.is_empty(), "{}", english.join("\n"));
}

#[test]
fn bad_translation_files_are_errors() {
    use yunce_data::Translations;
    assert!(Translations::parse(&[("zh/x.csv", "row,event\nEV-001,x\n")]).is_err());
    assert!(Translations::parse(&[("zh/x.csv", "id,event\n,x\n")]).is_err());
    let twice = [
        ("zh/a.csv", "id,event\nEV-001,甲\n"),
        ("zh/b.csv", "id,event\nEV-001,乙\n"),
    ];
    assert!(Translations::parse(&twice).is_err());
    let t = Translations::parse(&[("zh/x.csv", "id,event,note\nEV-001,\"甲，\"\"乙\"\"\",\n")])
        .unwrap();
    assert_eq!(t.get("EV-001", "event"), Some("甲，\"乙\""));
    assert_eq!(t.get("EV-001", "note"), None);
}

/// The source list shows every source's reliability judgement: each has its Chinese,
/// keyed by source id, even where the English is one word.
#[test]
fn every_source_has_its_reliability_in_chinese() {
    let d = Dataset::embedded().unwrap();
    let missing: Vec<&str> = d
        .sources
        .iter()
        .filter(|s| d.zh(&s.id, "reliability").is_none())
        .map(|s| s.id.as_str())
        .collect();
    assert!(missing.is_empty(), "no Chinese reliability: {missing:?}");
    assert_eq!(
        d.zh("S001", "reliability"),
        Some("一手来源（分析机构自己的发布）")
    );
}
