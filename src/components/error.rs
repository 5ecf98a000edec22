//! An error shown in place of a view; the rest of the app keeps its state.

use leptos::prelude::*;

/// A visible error with a title and a detail line (always plain text).
#[component]
pub fn ErrorPanel(title: &'static str, #[prop(into)] detail: String) -> impl IntoView {
    view! {
        <section class="error-panel" role="alert">
            <h2>{title}</h2>
            <pre>{detail}</pre>
        </section>
    }
}
