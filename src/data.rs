//! The embedded fact base, parsed once per page.

use std::sync::OnceLock;
use yunce_data::{DataError, Dataset};

/// The dataset, or the error that stopped it parsing. The validation test in
/// `crates/yunce-data` keeps the error path out of shipped builds.
pub fn dataset() -> Result<&'static Dataset, &'static DataError> {
    static DATA: OnceLock<Result<Dataset, DataError>> = OnceLock::new();
    DATA.get_or_init(Dataset::embedded).as_ref()
}

/// The latest date any source was published, shown as the data's "as of" date.
pub fn as_of() -> String {
    dataset()
        .ok()
        .and_then(|d| d.sources.iter().map(|s| s.date.as_str()).filter(|s| s.len() >= 7).max())
        .unwrap_or("?")
        .to_string()
}
