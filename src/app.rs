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
    let location = crate::router::use_location();
    let has_run = move || View::from_path(&location.path.get()).is_some_and(View::has_run);
    Effect::new(move |_| {
        location.path.track();
        request_animation_frame(reveal_current_link);
    });
    view! {
            <a class="skip-link" href="#main">{move || i18n.t("shell.skip")}</a>
            <Show when=has_run>
                <a class="skip-link" href="#run" data-testid="skip-run" on:click=move |ev| focus_run(&ev)>
                    {move || i18n.t("shell.skip_run")}
                </a>
            </Show>
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

/// On a phone the nav scrolls sideways: the current view's link is brought into sight.
fn reveal_current_link() {
    use wasm_bindgen::JsCast;
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("nav.views a[aria-current=\"page\"]")
                .ok()
                .flatten()
        })
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(link) = link else { return };
    let Some(nav) = link.parent_element() else {
        return;
    };
    if nav.scroll_width() <= nav.client_width() {
        return;
    }
    // The nav is the links' offset parent (position: relative on a phone).
    let (left, width, room) = (link.offset_left(), link.offset_width(), nav.client_width());
    let visible = nav.scroll_left()..nav.scroll_left() + room;
    if !(visible.contains(&left) && visible.contains(&(left + width - 1))) {
        nav.set_scroll_left((left - (room - width) / 2).max(0));
    }
}

/// Focuses the lab's Run button: a fragment link alone would scroll to it but leave the
/// focus behind.
fn focus_run(ev: &leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let run = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("run"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(run) = run {
        ev.prevent_default();
        let _ = run.focus();
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
