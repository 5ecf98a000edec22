//! One editable figure of the planner: its input, its reported range, and where the default
//! comes from (source chips to /sources, or an "assumption" mark). It stays mounted while the
//! state changes, commits on `change`, and keeps a refused text on screen with an error.

use super::Editor;
use super::edit::Target;
use super::text::num;
use crate::components::source_chip::source_chips;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use yunce_plan::{Origin, Param};

/// Where a default comes from: source chips (and a "derived" mark), or "assumption".
pub fn provenance(param: Option<&Param>) -> AnyView {
    let i18n = use_i18n();
    let Some(p) = param else {
        return view! { <span class="flag assumption">{move || i18n.t("plan.no_figure")}</span> }
            .into_any();
    };
    let title = p.provenance.note.clone();
    match p.provenance.origin {
        Origin::Sourced | Origin::Derived if !p.provenance.sources.is_empty() => {
            let derived = (p.provenance.origin == Origin::Derived).then(|| {
                view! { <span class="flag derived">{move || i18n.t("plan.derived")}</span> }
            });
            view! { <span class="prov" title=title>{source_chips(&p.provenance.sources)}{derived}</span> }
                .into_any()
        }
        Origin::User => {
            view! { <span class="flag user">{move || i18n.t("plan.user_value")}</span> }.into_any()
        }
        _ => view! {
            <span class="flag assumption" title=title data-testid="assumption">
                {move || i18n.t("plan.assumption")}
            </span>
        }
        .into_any(),
    }
}

/// A reported range as `low–high`, when the default has one.
pub fn range_text(param: Option<&Param>, scale: f64, decimals: usize) -> Option<String> {
    param.and_then(Param::reported_range).map(|(lo, hi)| {
        format!(
            "{}–{}",
            num(lo * scale, decimals),
            num(hi * scale, decimals)
        )
    })
}

/// An input for one figure. `default` is the preset's parameter (with its provenance and
/// range); `testid` names the input.
#[component]
#[allow(clippy::needless_pass_by_value)] // Component props are owned values.
pub fn ParamInput(
    editor: Editor,
    target: Target,
    default: Option<Param>,
    testid: String,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let invalid = RwSignal::new(false);
    let key = target.clone();
    let edited = Memo::new(move |_| editor.state.with(|s| s.edit(&key)));
    let fallback = default.as_ref().map(|p| p.value);
    let shown = move || {
        edited
            .get()
            .or(fallback)
            .map(|v| v.to_string())
            .unwrap_or_default()
    };
    // A new value from the state (another edit, a reset, a preset) replaces refused text.
    Effect::new(move |_| {
        edited.track();
        invalid.set(false);
    });
    let commit = target.clone();
    let on_change = move |ev| {
        let text = event_target_value(&ev);
        let text = text.trim();
        if text.is_empty() {
            editor.update(|s| s.set_edit(commit.clone(), None));
            return;
        }
        match text.parse::<f64>() {
            Ok(v) => {
                invalid.set(false);
                editor.update(|s| s.set_edit(commit.clone(), Some(v)));
            }
            Err(_) => invalid.set(true),
        }
    };
    let reset_target = target.clone();
    let reset = move |_| editor.update(|s| s.set_edit(reset_target.clone(), None));
    let range = range_text(default.as_ref(), 1.0, 2);
    let prov = move || {
        if edited.get().is_some() {
            provenance(Some(&Param::user(0.0)))
        } else {
            provenance(default.as_ref())
        }
    };
    let error_id = format!("{testid}-error");
    let error_ref = error_id.clone();
    view! {
        <span class="param">
            <input
                type="text"
                inputmode="decimal"
                size="8"
                data-testid=testid.clone()
                aria-label=move || label.get()
                aria-invalid=move || invalid.get().then_some("true")
                aria-describedby=move || invalid.get().then(|| error_ref.clone())
                prop:value=shown
                on:change=on_change
            />
            {move || {
                invalid
                    .get()
                    .then(|| {
                        view! {
                            <span class="field-error" id=error_id.clone() role="alert">
                                {i18n.t("plan.bad_number")}
                            </span>
                        }
                    })
            }}
            {range.map(|r| view! { <span class="range" data-testid=format!("{testid}-range")>{r}</span> })}
            {prov}
            {move || {
                edited
                    .get()
                    .is_some()
                    .then(|| {
                        view! {
                            <button type="button" class="reset" on:click=reset.clone()
                                aria-label=move || i18n.t("plan.reset")>"↺"</button>
                        }
                    })
            }}
        </span>
    }
}
