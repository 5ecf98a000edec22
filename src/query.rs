//! Query strings parsed into ordered, percent-decoded pairs. Plain Rust with no
//! `js_sys`, so every view's URL state is tested natively.

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

fn hex(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// Decodes `+` and `%XX` escapes; text whose escapes are broken or not UTF-8 is kept
/// as it was written, as `decodeURIComponent` failing would leave it.
fn decode(text: &str) -> String {
    let spaced = text.replace('+', " ");
    let bytes = spaced.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let pair = bytes
                .get(i + 1)
                .copied()
                .and_then(hex)
                .zip(bytes.get(i + 2).copied().and_then(hex));
            let Some((high, low)) = pair else {
                return spaced;
            };
            out.push(high * 16 + low);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or(spaced)
}

#[cfg(test)]
mod tests {
    use super::QueryMap;
    use crate::url_state::encode;

    #[test]
    fn parses_pairs_in_order_and_decodes() {
        let q = QueryMap::parse("?a=1&b=x%20y&c=%E4%B8%AD%E6%96%87&d=1+2&flag");
        assert_eq!(q.get("a"), Some("1"));
        assert_eq!(q.get("b"), Some("x y"));
        assert_eq!(q.get("c"), Some("中文"));
        assert_eq!(q.get("d"), Some("1 2"));
        assert_eq!(q.get("flag"), Some(""));
        assert_eq!(q.0.len(), 5);
    }

    #[test]
    fn broken_escapes_are_kept_raw() {
        assert_eq!(QueryMap::parse("a=%ZZ").get("a"), Some("%ZZ"));
        assert_eq!(QueryMap::parse("a=%E4%B8").get("a"), Some("%E4%B8"));
        assert_eq!(QueryMap::parse("a=50%").get("a"), Some("50%"));
    }

    #[test]
    fn encode_then_parse_round_trips() {
        for value in ["a b", "x&y=z", "中文", "%", "+1", "S014,S015"] {
            let q = QueryMap::parse(&format!("v={}", encode(value)));
            assert_eq!(q.get("v"), Some(value));
        }
    }
}
