//! The app shell: nav from [`View`], language and theme switches, the routed
//! view, and the footer with the data's "as of" date.

use crate::components::error::ErrorPanel;
use crate::i18n::{I18n, Lang, provide_i18n};
use crate::router::{Link, provide_location};
use crate::theme::{ThemeChoice, provide_theme};
use crate::views::View;
use leptos::prelude::*;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let i18n = provide_i18n();
    let theme = provide_theme();
    provide_location();
    view! {
            <a class="skip-link" href="#main">{move || i18n.t("shell.skip")}</a>
            <header class="top">
                <Link href="/" class="brand">
                    <span class="brand-zh">"云策"</span>
                    <span class="brand-en">"Yunce"</span>
                </Link>
                <nav class="views" aria-label=move || i18n.t("shell.nav")>
                    {View::ALL
                        .into_iter()
                        .map(|v| view! { <Link href=v.path()>{move || i18n.t(v.title_key())}</Link> })
                        .collect_view()}
                </nav>
                <Preferences i18n theme/>
            </header>
            <main id="main" tabindex="-1">
                <RoutedView/>
            </main>
            <crate::offline::UpdateNotice/>
            <Footer i18n/>
    }
}

/// Picks the view for the current path, so that [`View`] alone defines the routes.
#[component]
fn RoutedView() -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let location = crate::router::use_location();
    let current = Memo::new(move |_| View::from_path(&location.path.get()));
    Effect::new(move |_| {
        let title = match current.get() {
            Some(v) => format!("{} · 云策 Yunce", i18n.t(v.title_key())),
            None => format!("{} · 云策 Yunce", i18n.t("shell.not_found")),
        };
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    });
    move || match current.get() {
        Some(v) => v.render(),
        None => view! {
            <ErrorPanel title=i18n.t("shell.not_found") detail=location.path.get_untracked()/>
        }
        .into_any(),
    }
}

#[component]
fn Preferences(i18n: I18n, theme: RwSignal<ThemeChoice>) -> impl IntoView {
    view! {
        <div class="prefs">
            <div class="segmented" role="group" aria-label=move || i18n.t("shell.language")>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <button
                                type="button"
                                lang=lang.tag()
                                aria-pressed=move || (i18n.lang.get() == lang).to_string()
                                on:click=move |_| i18n.set(lang)
                            >
                                {lang.native_name()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <label class="theme-pick">
                <span class="visually-hidden">{move || i18n.t("shell.theme")}</span>
                <select
                    data-testid="theme"
                    on:change=move |ev| {
                        let slug = event_target_value(&ev);
                        if let Some(c) = ThemeChoice::ALL.into_iter().find(|c| c.slug() == slug) {
                            theme.set(c);
                        }
                    }
                >
                    {ThemeChoice::ALL
                        .into_iter()
                        .map(|c| {
                            view! {
                                <option value=c.slug() selected=move || theme.get() == c>
                                    {move || i18n.t(c.label_key())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        </div>
    }
}

#[component]
fn Footer(i18n: I18n) -> impl IntoView {
    let as_of = crate::data::as_of();
    view! {
        <footer class="bottom">
            <p>
                {move || i18n.format("footer.as_of", &[&as_of])} " · "
                <Link href="/sources">{move || i18n.t("footer.sources")}</Link>
            </p>
            <p class="muted">{move || i18n.t("footer.offline")}</p>
        </footer>
    }
}
