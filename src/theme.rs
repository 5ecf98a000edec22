//! Light/dark theme: follows the system unless the user overrides it; the
//! override persists.

use leptos::prelude::*;

/// The user's theme choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeChoice {
    /// Follow `prefers-color-scheme`.
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in menu order.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// Stable name used in storage and on `<html data-theme>`.
    pub fn slug(self) -> &'static str {
        match self {
            ThemeChoice::System => "system",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    /// The locale key of the choice's label.
    pub fn label_key(self) -> &'static str {
        match self {
            ThemeChoice::System => "theme.system",
            ThemeChoice::Light => "theme.light",
            ThemeChoice::Dark => "theme.dark",
        }
    }

    fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.slug() == slug)
    }
}

const STORAGE_KEY: &str = "yunce.theme";

/// Whether the page currently shows dark colours (choice or system).
pub fn is_dark(choice: ThemeChoice) -> bool {
    match choice {
        ThemeChoice::Dark => true,
        ThemeChoice::Light => false,
        ThemeChoice::System => web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches()),
    }
}

/// Creates the theme signal, applies it to `<html>` and persists changes.
pub fn provide_theme() -> RwSignal<ThemeChoice> {
    let stored = crate::storage::read(STORAGE_KEY).and_then(|s| ThemeChoice::from_slug(&s));
    let theme = RwSignal::new(stored.unwrap_or(ThemeChoice::System));
    Effect::new(move |_| {
        let choice = theme.get();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-theme", choice.slug());
        }
        crate::storage::write(STORAGE_KEY, choice.slug());
    });
    provide_context(theme);
    theme
}
