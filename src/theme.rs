//! Light/dark theme: follows the system unless the user overrides it; the
//! override persists.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

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

fn system_query() -> Option<web_sys::MediaQueryList> {
    web_sys::window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

/// Whether the page currently shows dark colours (choice or system).
pub fn is_dark(choice: ThemeChoice) -> bool {
    match choice {
        ThemeChoice::Dark => true,
        ThemeChoice::Light => false,
        ThemeChoice::System => system_query().is_some_and(|m| m.matches()),
    }
}

/// Whether the page shows dark colours now, as `<html data-theme>` says. Both bundles
/// read it there, so the labs need no copy of the theme state.
pub fn page_is_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("data-theme"))
        .is_some_and(|t| t == "dark")
}

/// Puts the resolved theme on `<html data-theme>`, so the stylesheet has one dark block.
fn apply(choice: ThemeChoice) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let resolved = if is_dark(choice) { "dark" } else { "light" };
        let _ = root.set_attribute("data-theme", resolved);
    }
}

/// Creates the theme signal, applies it to `<html>`, follows system changes while the
/// choice is "system", and persists the choice.
pub fn provide_theme() -> RwSignal<ThemeChoice> {
    let stored = crate::storage::read(STORAGE_KEY).and_then(|s| ThemeChoice::from_slug(&s));
    let theme = RwSignal::new(stored.unwrap_or(ThemeChoice::System));
    Effect::new(move |_| {
        let choice = theme.get();
        apply(choice);
        crate::storage::write(STORAGE_KEY, choice.slug());
    });
    if let Some(query) = system_query() {
        let on_change = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            apply(theme.get_untracked());
        });
        let _ =
            query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        on_change.forget();
    }
    provide_context(theme);
    theme
}
