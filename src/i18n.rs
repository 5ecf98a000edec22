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
/// The window event by which a language switch reaches the other bundle.
const LANG_CHANGED: &str = "yunce-lang";

use crate::locale_table::{Table, fill, lookup, parse};

/// The locale files a bundle embeds, one list per language in the same order. Each
/// bundle carries only the text of the views it renders.
#[derive(Clone, Copy)]
pub struct Files {
    /// English files.
    pub en: &'static [&'static str],
    /// Chinese files.
    pub zh: &'static [&'static str],
}

/// The first bundle's text: the shell and the story views.
pub const SHELL_FILES: Files = Files {
    en: &[
        include_str!("../locales/en/app.txt"),
        include_str!("../locales/en/battles.txt"),
        include_str!("../locales/en/market.txt"),
        include_str!("../locales/en/overview.txt"),
        include_str!("../locales/en/story.txt"),
        include_str!("../locales/en/story_body.txt"),
    ],
    zh: &[
        include_str!("../locales/zh/app.txt"),
        include_str!("../locales/zh/battles.txt"),
        include_str!("../locales/zh/market.txt"),
        include_str!("../locales/zh/overview.txt"),
        include_str!("../locales/zh/story.txt"),
        include_str!("../locales/zh/story_body.txt"),
    ],
};

/// The labs bundle's text: the shared app strings and the three labs.
pub const LAB_FILES: Files = Files {
    en: &[
        include_str!("../locales/en/app.txt"),
        include_str!("../locales/en/lab.txt"),
        include_str!("../locales/en/plan.txt"),
        include_str!("../locales/en/stability.txt"),
    ],
    zh: &[
        include_str!("../locales/zh/app.txt"),
        include_str!("../locales/zh/lab.txt"),
        include_str!("../locales/zh/plan.txt"),
        include_str!("../locales/zh/stability.txt"),
    ],
};

static INSTALLED: OnceLock<Files> = OnceLock::new();

/// Chooses the bundle's locale files; called once by each bin before it renders.
pub fn install(files: Files) {
    let _ = INSTALLED.set(files);
}

fn table(lang: Lang) -> &'static Table {
    static EN: OnceLock<Table> = OnceLock::new();
    static ZH: OnceLock<Table> = OnceLock::new();
    let files = INSTALLED.get().copied().unwrap_or(SHELL_FILES);
    match lang {
        Lang::En => EN.get_or_init(|| parse(files.en)),
        Lang::Zh => ZH.get_or_init(|| parse(files.zh)),
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

    /// Switches language, persists the choice, updates `<html lang>` and tells the other
    /// bundle (shell or labs), which follows `<html lang>`.
    pub fn set(self, lang: Lang) {
        self.lang.set(lang);
        crate::storage::write(STORAGE_KEY, lang.tag());
        apply_html_lang(lang);
        if let Some(window) = web_sys::window()
            && let Ok(event) = web_sys::Event::new(LANG_CHANGED)
        {
            let _ = window.dispatch_event(&event);
        }
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
    let follow = window_event_listener_untyped(LANG_CHANGED, move |_| {
        let shown = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|root| root.get_attribute("lang"))
            .and_then(|tag| Lang::from_tag(&tag));
        if let Some(lang) = shown.filter(|l| *l != i18n.lang.get_untracked()) {
            i18n.lang.set(lang);
        }
    });
    on_cleanup(move || follow.remove());
    provide_context(i18n);
    i18n
}

/// The language state provided by the app shell.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(provide_i18n)
}

#[cfg(test)]
mod tests {
    //! The two bundles' tables together must hold every locale key that the app's code
    //! names, in both languages (the workers show no text).

    use super::{LAB_FILES, Lang, SHELL_FILES};
    use crate::locale_table::{Table, parse};

    fn table(lang: Lang) -> &'static Table {
        let pick = |f: super::Files| match lang {
            Lang::En => f.en,
            Lang::Zh => f.zh,
        };
        let mut files = pick(SHELL_FILES).to_vec();
        files.extend(pick(LAB_FILES));
        let mut t = parse(&files);
        t.dedup_by_key(|(k, _)| *k);
        Box::leak(Box::new(t))
    }
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
                    // File names such as "lazy.rs" are not keys.
                    areas.contains(&area)
                        && !rest.is_empty()
                        && !s.ends_with(".rs")
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

    /// Each bundle carries only its own locale files: a key named by a lab must be in the
    /// labs bundle's files, a key named by the shell or a story view in the first
    /// bundle's, and a key named by a shared component in both.
    #[test]
    fn every_key_is_in_the_bundle_that_shows_it() {
        let of = |files: &[&'static str]| parse(files);
        let bundles = [("shell", of(SHELL_FILES.en)), ("labs", of(LAB_FILES.en))];
        let all = table(Lang::En);
        let mut areas: Vec<&str> = all
            .iter()
            .filter_map(|(k, _)| k.split('.').next())
            .collect();
        areas.dedup();
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let mut missing = Vec::new();
        for file in files {
            let rel = file
                .strip_prefix(&src)
                .unwrap_or(&file)
                .to_string_lossy()
                .replace('\\', "/");
            let lab = ["views/lab", "views/plan", "views/stability", "lazy.rs"]
                .iter()
                .any(|p| rel.starts_with(p));
            // Story-only helpers: the labs never show their text.
            let story = rel.starts_with("views/")
                || rel == "app.rs"
                || rel == "labels.rs"
                || rel == "components/table.rs"
                || rel == "data.rs"
                || rel == "theme.rs";
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for key in keys_named_in(&text, &areas) {
                for (name, t) in &bundles {
                    let needed = match *name {
                        "labs" => !story || lab,
                        _ => !lab || rel == "lazy.rs",
                    };
                    if needed && t.binary_search_by_key(&key.as_str(), |(k, _)| *k).is_err() {
                        missing.push(format!("{rel}: {key} is not in the {name} bundle"));
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
