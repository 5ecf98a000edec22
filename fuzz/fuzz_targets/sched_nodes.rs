//! openb node lists: any text gives nodes that a cluster accepts, or an error naming a line.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match yunce_sched::parse_nodes(text) {
        Ok(nodes) => {
            // What imports must also build a cluster (the lab's file check does this).
            let _ = yunce_sched::Cluster::new(&nodes, true);
        }
        Err(e) => assert!(e.line >= 1 && !e.to_string().is_empty()),
    }
});
