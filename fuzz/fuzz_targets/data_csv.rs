//! The fact-base CSV reader: any text gives a table or an error naming the file and a line.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match yunce_data::csv::parse("fuzz.csv", text) {
        Ok(table) => {
            for row in table.iter() {
                for h in &table.headers {
                    let _ = row.opt_f64(h);
                }
            }
        }
        Err(e) => assert!(e.line >= 1 && !e.to_string().is_empty()),
    }
});
