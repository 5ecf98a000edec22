//! Helpers for URL-backed view state: short, stable query params, a typed state per
//! view, and a notice for every param that could not be used.

use crate::router::QueryMap;

/// A query param that was malformed or unknown and fell back to its default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The param name.
    pub param: String,
    /// The value that was rejected.
    pub value: String,
}

/// The most characters of a rejected value (or name) that a notice echoes.
pub const ECHO_CHARS: usize = 80;

/// The most notices listed; the rest are counted ("and 4,998 more").
pub const LISTED_NOTICES: usize = 8;

/// Whether `c` reorders text (bidirectional embeddings, overrides, isolates and marks), so
/// an echoed value could flip the text after it.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// A user-supplied value as a notice shows it: bidirectional and other control characters
/// removed, and cut to [`ECHO_CHARS`] characters with an ellipsis.
pub fn echo(value: &str) -> String {
    let mut kept = value
        .chars()
        .filter(|&c| !is_bidi_control(c) && !c.is_control());
    let mut out: String = kept.by_ref().take(ECHO_CHARS).collect();
    if kept.next().is_some() {
        out.push('…');
    }
    out
}

/// The notices a view lists, echoed safely, and how many more there are.
pub fn listed(notices: &[Notice]) -> (Vec<(String, String)>, usize) {
    let shown = notices
        .iter()
        .take(LISTED_NOTICES)
        .map(|n| (echo(&n.param), echo(&n.value)))
        .collect();
    (shown, notices.len().saturating_sub(LISTED_NOTICES))
}

/// Query params read in order, remembering which ones were consumed.
pub struct Query<'a> {
    map: &'a QueryMap,
    known: Vec<&'static str>,
    /// Params that fell back to defaults.
    pub notices: Vec<Notice>,
}

impl<'a> Query<'a> {
    /// Starts reading a params map.
    pub fn new(map: &'a QueryMap) -> Self {
        Self {
            map,
            known: Vec::new(),
            notices: Vec::new(),
        }
    }

    /// Reads `name` with `parse`; a present value that does not parse gives a notice.
    pub fn read<T>(&mut self, name: &'static str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
        self.known.push(name);
        let raw = self.map.get(name)?;
        let parsed = parse(raw);
        if parsed.is_none() {
            self.notices.push(Notice {
                param: name.to_string(),
                value: raw.to_string(),
            });
        }
        parsed
    }

    /// Finishes reading: every param not read by this view is reported as unknown.
    /// Params of other views are listed in `shared` and pass silently.
    pub fn finish(mut self, shared: &[&str]) -> Vec<Notice> {
        let mut unknown: Vec<Notice> = self
            .map
            .0
            .iter()
            .filter(|(k, _)| !self.known.contains(&k.as_str()) && !shared.contains(&k.as_str()))
            .map(|(k, v)| Notice {
                param: k.clone(),
                value: v.clone(),
            })
            .collect();
        unknown.sort_by(|a, b| a.param.cmp(&b.param));
        self.notices.extend(unknown);
        self.notices
    }
}

/// Percent-encodes a query value (RFC 3986 unreserved characters pass through).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Builds `?a=1&b=2` from pairs, skipping empty values; empty pairs give "".
pub fn to_query(pairs: &[(&str, String)]) -> String {
    let body: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    if body.is_empty() {
        String::new()
    } else {
        format!("?{}", body.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::{Notice, Query, to_query};
    use crate::router::QueryMap;

    #[test]
    fn a_bad_value_gives_a_notice_and_no_value() {
        let map = QueryMap::parse("n=12&bad=x");
        let mut q = Query::new(&map);
        assert_eq!(q.read("n", |s| s.parse::<u32>().ok()), Some(12));
        assert_eq!(q.read("bad", |s| s.parse::<u32>().ok()), None);
        let notices = q.finish(&[]);
        assert_eq!(
            notices,
            vec![Notice {
                param: "bad".into(),
                value: "x".into()
            }]
        );
    }

    #[test]
    fn unknown_params_are_reported_and_shared_ones_pass() {
        let map = QueryMap::parse("zz=1&back=%2Fmarket&aa=2");
        let q = Query::new(&map);
        let names: Vec<String> = q.finish(&["back"]).into_iter().map(|n| n.param).collect();
        assert_eq!(names, ["aa", "zz"]);
    }

    #[test]
    fn echoes_are_cut_and_lose_bidi_controls() {
        assert_eq!(super::echo("abc"), "abc");
        let long = "x".repeat(7000);
        let cut = super::echo(&long);
        assert_eq!(cut.chars().count(), super::ECHO_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(super::echo("ab\u{202E}cd\u{2066}e\u{200F}\n"), "abcde");
        // Exactly the limit: no ellipsis.
        assert_eq!(super::echo(&"y".repeat(80)), "y".repeat(80));
    }

    #[test]
    fn thousands_of_unknown_params_are_summarised() {
        let notices: Vec<Notice> = (0..5000)
            .map(|i| Notice {
                param: format!("p{i}"),
                value: "v".into(),
            })
            .collect();
        let (shown, more) = super::listed(&notices);
        assert_eq!(
            (shown.len(), more),
            (super::LISTED_NOTICES, 5000 - super::LISTED_NOTICES)
        );
        assert_eq!(super::listed(&notices[..2]).1, 0);
    }

    #[test]
    fn to_query_skips_empty_values_and_encodes() {
        assert_eq!(to_query(&[]), "");
        assert_eq!(to_query(&[("a", String::new())]), "");
        assert_eq!(
            to_query(&[("q", "a b&c".into()), ("n", "1".into())]),
            "?q=a%20b%26c&n=1"
        );
    }
}
