//! Query strings parsed into ordered, percent-decoded pairs. No Leptos here: the app's
//! router and the lazily loaded lab module both use it.

/// Query params in URL order, percent-decoded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueryMap(pub Vec<(String, String)>);

impl QueryMap {
    /// Parses `?a=1&b=2` (the leading `?` is optional). Undecodable text is kept raw.
    pub fn parse(search: &str) -> Self {
        let body = search.strip_prefix('?').unwrap_or(search);
        Self(
            body.split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                    (decode(k), decode(v))
                })
                .collect(),
        )
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn decode(text: &str) -> String {
    let spaced = text.replace('+', " ");
    js_sys::decode_uri_component(&spaced)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or(spaced)
}
