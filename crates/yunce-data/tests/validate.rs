//! The embedded data parses and validates; bad rows are reported with file, row and column.

// Test helpers outside #[test] fns may unwrap too (clippy.toml covers only test fns).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use yunce_data::{DataFiles, Dataset, ErrorKind};

#[test]
fn embedded_data_parses_and_validates() {
    let d = Dataset::embedded().unwrap();
    let errors = d.validate();
    for e in &errors {
        eprintln!("{e}");
    }
    assert!(errors.is_empty(), "{} validation errors", errors.len());
    assert_eq!(d.market_shares.len(), 100);
    assert_eq!(d.market_sizes.len(), 88);
    assert_eq!(d.financials.len(), 63);
    assert_eq!(d.events.len(), 42);
    assert_eq!(d.market_context.len(), 26);
    assert_eq!(d.compute_capacity.len(), 18);
    assert_eq!(d.plan_targets.len(), 15);
    assert_eq!(d.accelerators.len(), 13);
    assert_eq!(d.export_controls.len(), 4);
    assert_eq!(d.outages.len(), 5);
    assert_eq!(d.battles.len(), 5);
    assert_eq!(d.inconsistencies.len(), 22);
    assert_eq!(d.outcomes.len(), 50);
    assert_eq!(d.verdicts.len(), 5);
    assert_eq!(d.seed_facts.len(), 63);
    assert!(d.sources.len() >= 100);
}

/// Replaces one line of the market-share file (1-based line number).
fn with_share_line(line: usize, text: &str) -> String {
    DataFiles::EMBEDDED
        .market_share
        .lines()
        .enumerate()
        .map(|(i, l)| if i + 1 == line { text } else { l })
        .collect::<Vec<_>>()
        .join("\n")
}

const GOOD_ROW: &str = "MS-002,Canalys,\"Canalys: cloud infrastructure services spend (IaaS+PaaS incl. hosted private cloud; excludes SaaS), mainland China, USD basis\",mainland China,2020Q4,2020-10-01,2020-12-31,Huawei Cloud,huawei,VALUE,% of spend,share,external,,SRC,medium,note";

fn parse_with(row: &str) -> Result<Dataset, yunce_data::DataError> {
    let text = with_share_line(3, row);
    Dataset::parse(&DataFiles {
        market_share: &text,
        ..DataFiles::EMBEDDED
    })
}

#[test]
fn good_row_template_is_valid() {
    let d = parse_with(&GOOD_ROW.replace("VALUE", "17.4").replace("SRC", "S014")).unwrap();
    assert!(d.validate().is_empty());
}

#[test]
fn non_numeric_value_names_file_row_and_column() {
    let e = parse_with(&GOOD_ROW.replace("VALUE", "17.4x").replace("SRC", "S014")).unwrap_err();
    assert_eq!(e.file, "market_share.csv");
    assert_eq!(e.line, 3);
    assert_eq!(e.column.as_deref(), Some("value"));
    assert!(matches!(e.kind, ErrorKind::BadNumber(_)));
    assert_eq!(
        e.to_string(),
        "market_share.csv: row 3, column value: not a number: \"17.4x\""
    );
}

#[test]
fn share_out_of_range_and_unknown_source_are_reported() {
    let d = parse_with(&GOOD_ROW.replace("VALUE", "140").replace("SRC", "S014;S999")).unwrap();
    let errors = d.validate();
    let at = |col: &str| {
        errors
            .iter()
            .find(|e| e.column.as_deref() == Some(col))
            .unwrap()
    };
    assert_eq!(
        (at("value").file, at("value").line),
        ("market_share.csv", 3)
    );
    assert_eq!(at("value").kind, ErrorKind::OutOfRange(140.0));
    assert_eq!(
        at("source_id").kind,
        ErrorKind::UnknownSource("S999".into())
    );
    assert_eq!(at("source_id").line, 3);
}

#[test]
fn empty_value_is_not_found_not_zero() {
    let d = parse_with(&GOOD_ROW.replace("VALUE", "").replace("SRC", "S014")).unwrap();
    assert_eq!(d.market_shares[1].base.value, None);
}

#[test]
fn bad_enum_period_and_duplicate_id_are_reported() {
    let e = parse_with(
        &GOOD_ROW
            .replace("VALUE", "1")
            .replace("SRC", "S014")
            .replace(",medium,", ",sure,"),
    )
    .unwrap_err();
    assert_eq!((e.line, e.column.as_deref()), (3, Some("confidence")));
    let e = parse_with(
        &GOOD_ROW
            .replace("VALUE", "1")
            .replace("SRC", "S014")
            .replace("2020Q4", "2020Q5"),
    )
    .unwrap_err();
    assert_eq!((e.line, e.column.as_deref()), (3, Some("period")));
    let dup = GOOD_ROW
        .replace("VALUE", "1")
        .replace("SRC", "S014")
        .replace("MS-002", "MS-001");
    let errors = parse_with(&dup).unwrap().validate();
    assert!(
        errors
            .iter()
            .any(|e| e.line == 3 && e.column.as_deref() == Some("id"))
    );
    let unit = GOOD_ROW
        .replace("VALUE", "1")
        .replace("SRC", "S014")
        .replace("% of spend", "furlongs");
    let errors = parse_with(&unit).unwrap().validate();
    assert!(
        errors
            .iter()
            .any(|e| e.line == 3 && e.column.as_deref() == Some("unit"))
    );
}

#[test]
fn malformed_csv_names_the_line() {
    let e = parse_with("MS-002,\"unclosed").unwrap_err();
    assert_eq!((e.file, e.line), ("market_share.csv", 3));
    let e = parse_with("MS-002,too,few").unwrap_err();
    assert!(matches!(e.kind, ErrorKind::FieldCount { .. }));
}

/// The battles' files: a verdict must follow the rule and cite rows that exist, every
/// battle needs one, and an outcome must name a battle.
#[test]
fn verdicts_that_break_the_rule_or_cite_nothing_are_reported() {
    let header = "id,battle,verdict,reading,evidence\n";
    let check = |verdicts: &str, outcomes: Option<&str>| {
        let d = Dataset::parse(&DataFiles {
            verdicts,
            outcomes: outcomes.unwrap_or(DataFiles::EMBEDDED.outcomes),
            ..DataFiles::EMBEDDED
        })
        .unwrap();
        d.validate()
            .into_iter()
            .filter(|e| matches!(e.file, "verdicts.csv" | "outcomes.csv"))
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    };
    let keep = |skip: &str| {
        DataFiles::EMBEDDED
            .verdicts
            .lines()
            .skip(1)
            .filter(|l| !l.starts_with(skip))
            .collect::<Vec<_>>()
            .join("\n")
    };
    // OC-038 is B-4's only low-confidence row: "won" on it alone breaks the rule.
    let weak = format!("{header}{}\nV-4,B-4,won,r,OC-038\n", keep("V-4"));
    let errs = check(&weak, None);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].contains("column verdict"), "{errs:?}");
    // Too early is open to it.
    let early = format!("{header}{}\nV-4,B-4,too-early,r,OC-038\n", keep("V-4"));
    assert!(check(&early, None).is_empty());
    let ghost = format!("{header}{}\nV-4,B-4,mixed,r,OC-036;OC-999\n", keep("V-4"));
    assert!(check(&ghost, None)[0].contains("OC-999"));
    let missing = format!("{header}{}\n", keep("V-4"));
    assert!(check(&missing, None)[0].contains("B-4 has no verdict"));
    let stray = DataFiles::EMBEDDED.outcomes.replacen(",B-5,", ",B-9,", 1);
    let errs = check(DataFiles::EMBEDDED.verdicts, Some(&stray));
    assert!(
        errs.iter()
            .any(|e| e.contains("outcomes.csv") && e.contains("B-9")),
        "{errs:?}"
    );
}
