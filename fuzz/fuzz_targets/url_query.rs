//! The app's query parser and notice echo (src/query.rs, src/url_state.rs), compiled here
//! without the app: any URL parses, and an echo is bounded and free of bidi controls.
#![no_main]

#[allow(dead_code)]
#[path = "../../src/query.rs"]
mod query;

mod router {
    pub use crate::query::QueryMap;
}

#[allow(dead_code)]
#[path = "../../src/url_state.rs"]
mod url_state;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|search: &str| {
    let map = query::QueryMap::parse(search);
    for (k, v) in &map.0 {
        for s in [k, v] {
            let e = url_state::echo(s);
            assert!(e.chars().count() <= url_state::ECHO_CHARS + 1);
            assert!(!e.chars().any(|c| c.is_control()
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')));
        }
        // A value the app writes reads back unchanged.
        let written = url_state::to_query(&[("x", v.clone())]);
        let back = query::QueryMap::parse(&written);
        if !v.is_empty() {
            assert_eq!(back.get("x"), Some(v.as_str()));
        }
    }
    let mut q = url_state::Query::new(&map);
    let _ = q.read("p", |s| s.parse::<u32>().ok());
    let notices = q.finish(&[]);
    let (shown, more) = url_state::listed(&notices);
    assert_eq!(shown.len() + more, notices.len());
});
