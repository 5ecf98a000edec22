//! The embedded fact base, parsed once per page.

use leptos::prelude::Get;
use std::sync::OnceLock;
use yunce_data::{DataError, Dataset};

/// The dataset, or the error that stopped it parsing. The validation test in
/// `crates/yunce-data` keeps the error path out of shipped builds.
pub fn dataset() -> Result<&'static Dataset, &'static DataError> {
    static DATA: OnceLock<Result<Dataset, DataError>> = OnceLock::new();
    DATA.get_or_init(Dataset::embedded).as_ref()
}

/// The latest full publication date among the sources, shown as the data's "as of"
/// date. Free-text dates ("n.d.", "reviewed 2026") are skipped.
pub fn as_of() -> String {
    dataset()
        .ok()
        .and_then(|d| {
            d.sources
                .iter()
                .filter_map(|s| s.date.get(..10).and_then(yunce_data::Date::parse))
                .max()
        })
        .map(|d| d.to_string())
        .unwrap_or_else(|| "?".into())
}

/// Fact-base prose in the reader's language: in 中文 the project's Chinese for `field`
/// (the English file's column) of row `id` when there is one, else the English as
/// stored. Reads the language signal, so a closure calling it follows a switch.
pub fn fact<'a>(
    i18n: crate::i18n::I18n,
    data: &'a Dataset,
    id: &str,
    field: &str,
    en: &'a str,
) -> &'a str {
    match i18n.lang.get() {
        crate::i18n::Lang::Zh => data.zh(id, field).unwrap_or(en),
        crate::i18n::Lang::En => en,
    }
}
