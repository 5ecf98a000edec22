//! openb pod lists and curve CSVs: any text parses or gives an error naming a line.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match yunce_sched::parse_pods(text) {
        Ok(pods) => {
            assert!(!pods.is_empty());
            for p in &pods {
                assert!(
                    p.deletion_time
                        .is_none_or(|t| t <= yunce_sched::MAX_TRACE_SECONDS)
                );
            }
        }
        Err(e) => assert!(e.line >= 1 && !e.to_string().is_empty()),
    }
    let _ = yunce_sched::summarize_csv(text);
});
