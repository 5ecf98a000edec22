//! UI text from the locale files in `locales/<lang>/*.txt`, chosen by a persisted
//! language.
//!
//! The files are `key = value` lines embedded at compile time, one file per area of
//! the app. `scripts/tidy.py` checks that both languages hold the same files and keys,
//! and that every key the code uses exists.

use leptos::prelude::*;
use std::sync::OnceLock;

/// A UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Every language, in switch order.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The language's name in itself, for the switch (the same in every locale).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "中文",
        }
    }

    /// The BCP 47 tag, used for `<html lang>` and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            t if t.starts_with("zh") => Some(Lang::Zh),
            t if t.starts_with("en") => Some(Lang::En),
            _ => None,
        }
    }
}

const STORAGE_KEY: &str = "yunce.lang";

use crate::locale_table::{Table, fill, lookup, parse};

/// The locale files of each language; keep the two lists in the same order.
const EN_FILES: [&str; 8] = [
    include_str!("../locales/en/app.txt"),
    include_str!("../locales/en/lab.txt"),
    include_str!("../locales/en/market.txt"),
    include_str!("../locales/en/overview.txt"),
    include_str!("../locales/en/plan.txt"),
    include_str!("../locales/en/stability.txt"),
    include_str!("../locales/en/story.txt"),
    include_str!("../locales/en/story_body.txt"),
];
const ZH_FILES: [&str; 8] = [
    include_str!("../locales/zh/app.txt"),
    include_str!("../locales/zh/lab.txt"),
    include_str!("../locales/zh/market.txt"),
    include_str!("../locales/zh/overview.txt"),
    include_str!("../locales/zh/plan.txt"),
    include_str!("../locales/zh/stability.txt"),
    include_str!("../locales/zh/story.txt"),
    include_str!("../locales/zh/story_body.txt"),
];

fn table(lang: Lang) -> &'static Table {
    static EN: OnceLock<Table> = OnceLock::new();
    static ZH: OnceLock<Table> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| parse(&EN_FILES)),
        Lang::Zh => ZH.get_or_init(|| parse(&ZH_FILES)),
    }
}

/// The text for `key` in `lang`; the key itself when missing, so a gap is visible
/// rather than fatal.
pub fn text(lang: Lang, key: &'static str) -> &'static str {
    lookup(table(lang), key)
}

/// Reactive access to UI text, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    /// The current language.
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// The text for `key` in the current language (tracks the language signal).
    #[inline(never)] // Called from every view; one copy keeps the wasm small.
    pub fn t(self, key: &'static str) -> &'static str {
        text(self.lang.get(), key)
    }

    /// The text for `key` with `{0}`, `{1}`, ... replaced by `args`.
    #[inline(never)]
    pub fn format(self, key: &'static str, args: &[&str]) -> String {
        fill(self.t(key), args)
    }

    /// Switches language, persists the choice and updates `<html lang>`.
    pub fn set(self, lang: Lang) {
        self.lang.set(lang);
        crate::storage::write(STORAGE_KEY, lang.tag());
        apply_html_lang(lang);
    }
}

fn apply_html_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// Creates the language state: the stored choice, else the browser's language.
pub fn provide_i18n() -> I18n {
    let stored = crate::storage::read(STORAGE_KEY).and_then(|t| Lang::from_tag(&t));
    let browser = web_sys::window()
        .and_then(|w| w.navigator().language())
        .and_then(|t| Lang::from_tag(&t));
    let lang = stored.or(browser).unwrap_or(Lang::En);
    apply_html_lang(lang);
    let i18n = I18n {
        lang: RwSignal::new(lang),
    };
    provide_context(i18n);
    i18n
}

/// The language state provided by the app shell.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(provide_i18n)
}

#[cfg(test)]
mod tests {
    //! The app is one compiled unit with one pair of tables (the workers show no text):
    //! every locale key that its code names must be in both languages' tables.

    use super::{Lang, table};
    use std::path::Path;

    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() && path.file_name().is_some_and(|n| n != "bin") {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// String literals shaped like `area.key` whose area is one the tables use.
    fn keys_named_in(text: &str, areas: &[&str]) -> Vec<String> {
        text.split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| {
                s.split_once('.').is_some_and(|(area, rest)| {
                    areas.contains(&area)
                        && !rest.is_empty()
                        && s.chars().all(|c| {
                            c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c)
                        })
                })
            })
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn every_key_the_app_names_is_in_both_tables() {
        let (en, zh) = (table(Lang::En), table(Lang::Zh));
        let mut areas: Vec<&str> = en.iter().filter_map(|(k, _)| k.split('.').next()).collect();
        areas.dedup();
        let mut files = Vec::new();
        rust_files(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        assert!(files.len() > 10, "the app's sources were not found");
        let mut missing = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for key in keys_named_in(&text, &areas) {
                for (lang, t) in [("en", en), ("zh", zh)] {
                    if t.binary_search_by_key(&key.as_str(), |(k, _)| *k).is_err() {
                        missing.push(format!("{}: {key} missing in {lang}", file.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }

    #[test]
    fn both_tables_hold_the_same_keys() {
        let keys = |lang| table(lang).iter().map(|(k, _)| *k).collect::<Vec<_>>();
        assert_eq!(keys(Lang::En), keys(Lang::Zh));
    }
}
