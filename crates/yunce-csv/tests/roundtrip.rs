//! What the writer writes, the reader reads back cell for cell, and no cell can run as a
//! spreadsheet formula.

use proptest::prelude::*;
use yunce_csv::{is_plain_number, needs_defusing, parse, parse_records, text, write_record};

/// The cell as the file holds it: defused cells keep their apostrophe.
fn as_written(s: &str) -> String {
    if needs_defusing(s) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

fn safe(cell: &str) -> bool {
    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']) || is_plain_number(cell)
}

#[test]
fn a_malicious_file_name_stays_one_inert_cell() {
    let name = "=SUM(1+1),x";
    let csv = text(
        &["policy", "workload", "seed"],
        &[
            vec!["fgd", name, "42"],
            vec!["bestfit", "@cmd|' /C calc'!A0", "7"],
        ],
    );
    let table = parse(&csv).unwrap_or_else(|e| panic!("{e}\n{csv}"));
    assert_eq!(table.headers, ["policy", "workload", "seed"]);
    assert_eq!(table.rows[0].fields, ["fgd", "'=SUM(1+1),x", "42"]);
    assert_eq!(
        table.rows[1].fields,
        ["bestfit", "'@cmd|' /C calc'!A0", "7"]
    );
    assert!(table.rows.iter().flat_map(|r| &r.fields).all(|c| safe(c)));
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        // Mostly the characters that matter to CSV and to spreadsheets.
        "[=+\\-@\t\r\n,\"' a1.eE]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn records_round_trip(rows in prop::collection::vec(prop::collection::vec(cell(), 1..6), 0..6)) {
        let mut csv = String::new();
        for r in &rows {
            write_record(&mut csv, r);
        }
        let back = parse_records(&csv).map_err(|e| TestCaseError::fail(format!("{e}\n{csv:?}")))?;
        let want: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|c| as_written(c)).collect())
            .collect();
        // A leading BOM is the one thing the reader drops on purpose.
        let got: Vec<Vec<String>> = back.into_iter().map(|r| r.fields).collect();
        if !csv.starts_with('\u{feff}') {
            prop_assert_eq!(&got, &want);
        }
        prop_assert!(got.iter().flatten().all(|c| safe(c)));
    }

    #[test]
    fn the_reader_never_panics(s in any::<String>()) {
        let _ = parse(&s);
    }
}
