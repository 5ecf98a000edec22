//! The planner's goal and policy controls: the preset, mode, target and budgets, basis,
//! regime date, domestic share and finance. Each writes the URL; a refused text stays on
//! screen with an error beside it and changes nothing.

use super::Editor;
use super::edit::{FinField, Target};
use super::field::ParamInput;
use super::state::{ModeKind, PlanState};
use super::text::preset_key;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use yunce_plan::{Basis, Preset};

/// The four presets as buttons.
#[component]
pub fn PresetBar(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let buttons = Preset::ALL
        .into_iter()
        .map(|p| {
            view! {
                <button
                    type="button"
                    data-testid=format!("preset-{}", p.slug())
                    aria-pressed=move || (editor.state.with(|s| s.preset) == p).to_string()
                    on:click=move |_| editor.update(|s| s.set_preset(p))
                >
                    {move || i18n.t(preset_key(p))}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="row segmented" role="group" aria-label=move || i18n.t("plan.presets")>
            <span class="muted">{move || i18n.t("plan.presets")}</span>
            {buttons}
        </div>
    }
}

/// A labelled number input for a figure of the state; empty text is `None` where `optional`.
#[component]
fn StateInput(
    editor: Editor,
    label: &'static str,
    testid: &'static str,
    read: fn(&PlanState) -> Option<f64>,
    write: fn(&mut PlanState, Option<f64>),
    #[prop(optional)] optional: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let invalid = RwSignal::new(false);
    let shown = Memo::new(move |_| editor.state.with(read));
    Effect::new(move |_| {
        shown.track();
        invalid.set(false);
    });
    let on_change = move |ev| {
        let text = event_target_value(&ev);
        let text = text.trim();
        let value = match text.parse::<f64>() {
            Ok(v) => Some(v),
            Err(_) if text.is_empty() && optional => None,
            Err(_) => return invalid.set(true),
        };
        invalid.set(false);
        editor.update(|s| write(s, value));
    };
    view! {
        <label class="num-input">
            <span>{move || i18n.t(label)}</span>
            <input
                type="text"
                inputmode="decimal"
                data-testid=testid
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=move || shown.get().map(|v| v.to_string()).unwrap_or_default()
                on:change=on_change
            />
            {move || {
                invalid
                    .get()
                    .then(|| {
                        view! {
                            <span class="field-error" role="alert" data-testid=format!("{testid}-error")>
                                {i18n.t("plan.bad_number")}
                            </span>
                        }
                    })
            }}
        </label>
    }
}

/// Mode, target, budgets and basis.
#[component]
pub fn GoalCard(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let mode = Memo::new(move |_| editor.state.with(|s| s.mode));
    let mode_key = |m: ModeKind| match m {
        ModeKind::Tco => "plan.mode.tco",
        ModeKind::Max => "plan.mode.max",
        ModeKind::Mw => "plan.mode.mw",
    };
    let modes = ModeKind::ALL
        .into_iter()
        .map(|m| {
            view! {
                <button type="button" data-testid=format!("mode-{}", m.slug())
                    aria-pressed=move || (mode.get() == m).to_string()
                    on:click=move |_| editor.update(|s| s.mode = m)>
                    {move || i18n.t(mode_key(m))}
                </button>
            }
        })
        .collect_view();
    let bases = [
        (Basis::Fp16, "fp16", "FP16/BF16"),
        (Basis::Int8, "int8", "INT8"),
    ]
    .into_iter()
    .map(|(b, slug, label)| {
        view! {
            <button type="button" data-testid=format!("basis-{slug}")
                aria-pressed=move || (editor.state.with(|s| s.basis) == b).to_string()
                on:click=move |_| editor.update(|s| s.basis = b)>
                {label}
            </button>
        }
    })
    .collect_view();
    let budgets = move || {
        (mode.get() == ModeKind::Max).then(|| {
            view! {
                <StateInput editor label="plan.capex_budget" testid="capex-budget" optional=true
                    read=|s| s.capex_bn write=|s, v| s.capex_bn = v/>
                <StateInput editor label="plan.mw_budget" testid="mw-budget" optional=true
                    read=|s| s.mw_budget write=|s, v| s.mw_budget = v/>
            }
        })
    };
    let target = move || {
        (mode.get() != ModeKind::Max).then(|| {
            view! {
                <StateInput editor label="plan.target" testid="target"
                    read=|s| Some(s.target) write=|s, v| s.target = v.unwrap_or(s.target)/>
            }
        })
    };
    view! {
        <section class="card">
            <h2>{move || i18n.t("plan.goal")}</h2>
            <div class="row segmented" role="group">{modes}</div>
            <div class="knobs">{target}{budgets}</div>
            <div class="row segmented" role="group" aria-label=move || i18n.t("plan.basis")>
                <span class="muted">{move || i18n.t("plan.basis")}</span>
                {bases}
            </div>
        </section>
    }
}

/// Regime date, domestic share and finance.
#[component]
pub fn PolicyCard(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let date_invalid = RwSignal::new(false);
    let on_date = move |ev| {
        let text = event_target_value(&ev);
        let ok = text.len() == 10 && yunce_data::Date::parse(&text).is_some();
        date_invalid.set(!ok);
        if ok {
            editor.update(|s| s.as_of = text);
        }
    };
    let preset = Memo::new(move |_| editor.state.with(|s| s.preset));
    let finance = move || {
        let f = super::state::preset_scenario(preset.get()).finance;
        let fields = [
            (FinField::Years, "plan.fin.years", "fin-years", f.years),
            (FinField::Rate, "plan.fin.rate", "fin-rate", f.discount_rate),
            (FinField::Load, "plan.fin.load", "fin-load", f.average_load),
            (FinField::Fx, "plan.fin.fx", "fin-fx", f.rmb_per_usd),
        ];
        fields
            .into_iter()
            .map(|(field, key, testid, default)| {
                view! {
                    <label class="num-input">
                        <span>{move || i18n.t(key)}</span>
                        <ParamInput editor target=Target::Finance(field) default=Some(default)
                            testid=testid.to_owned() label=Signal::derive(move || i18n.t(key).to_owned())/>
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card">
            <h2>{move || i18n.t("plan.policy")}</h2>
            <div class="knobs">
                <label class="num-input">
                    <span>{move || i18n.t("plan.as_of")}</span>
                    <input type="date" data-testid="as-of"
                        aria-invalid=move || date_invalid.get().then_some("true")
                        prop:value=move || editor.state.with(|s| s.as_of.clone())
                        on:change=on_date/>
                </label>
                <StateInput editor label="plan.domestic" testid="domestic" optional=true
                    read=|s| s.domestic_pct write=|s, v| s.domestic_pct = v/>
            </div>
            <div class="knobs finance">{finance}</div>
        </section>
    }
}
