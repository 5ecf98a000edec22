//! One text input of the lab, bound to a [`Field`] of the URL state. It stays mounted while
//! the state changes (the value updates in place, so focus stays), commits on `change` (Tab,
//! Enter or leaving the field), and keeps a refused text on screen with an error beside it.

use super::Editor;
use super::edit::Field;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// A labelled input for `field`; `compact` hides the label visually (the cluster table's
/// column headers say it) but keeps it as the accessible name.
#[component]
pub fn FieldInput(
    editor: Editor,
    #[prop(into)] field: Signal<Field>,
    #[prop(into)] label: Signal<String>,
    #[prop(optional)] compact: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let invalid = RwSignal::new(false);
    let shown = Memo::new(move |_| editor.state.with(|s| s.field(field.get())));
    // A new value from the state (another edit, Back, Reset) replaces any refused text.
    Effect::new(move |_| {
        shown.track();
        invalid.set(false);
    });
    let error_id = move || format!("{}-error", field.get().testid());
    let input = view! {
        <input
            type=move || if field.get().is_number() { "number" } else { "text" }
            step="any"
            size="7"
            data-testid=move || field.get().testid()
            aria-label=move || compact.then(|| label.get())
            aria-invalid=move || invalid.get().then_some("true")
            aria-describedby=move || invalid.get().then(error_id)
            prop:value=move || shown.get()
            on:change=move |ev| {
                let ok = editor.set(field.get_untracked(), &event_target_value(&ev));
                invalid.set(!ok);
            }
        />
    };
    let error = move || {
        invalid.get().then(|| {
            view! { <span class="field-error" id=error_id() role="alert">{i18n.t(field.get().error_key())}</span> }
        })
    };
    if compact {
        view! { <span class="num-input compact">{input}{error}</span> }.into_any()
    } else {
        view! {
            <label class="num-input">
                <span>{move || label.get()}</span>
                {input}
                {error}
            </label>
        }
        .into_any()
    }
}
