//! Locale tables: the `key = value` lines of `locales/<lang>/*.txt`, parsed and looked
//! up. No Leptos here: the app and both lazily loaded modules share it.

/// Keys and texts, sorted by key.
pub type Table = Vec<(&'static str, &'static str)>;

/// Parses locale files; `#` lines are comments.
pub fn parse(files: &[&'static str]) -> Table {
    let mut table: Table = files
        .iter()
        .flat_map(|text| text.lines())
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter_map(|line| line.split_once(" = "))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    table.sort_by_key(|(k, _)| *k);
    table
}

/// `text` with `{0}`, `{1}`, ... replaced by `args`.
pub fn fill(text: &str, args: &[&str]) -> String {
    let mut out = text.to_string();
    for (i, arg) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), arg);
    }
    out
}

/// The text for `key`; the key itself when missing, so a gap is visible rather than fatal.
pub fn lookup(table: &'static Table, key: &'static str) -> &'static str {
    match table.binary_search_by_key(&key, |(k, _)| *k) {
        Ok(i) => table[i].1,
        Err(_) => key,
    }
}
