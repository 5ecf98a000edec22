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
