//! The controls: presets and their what-ifs, the topology editor (every default with its
//! source chip or an assumption mark), and the run card (years, seed, SLA targets, run,
//! cancel, progress). Every input commits on `change`; a refused value stays in its input
//! with the engine's reason beside it, and the URL keeps the last accepted state.

use super::runner::{Runner, Stop};
use super::state::{PRESETS, RolloutChoice, StabilityState, Target};
use super::text::tr;
use super::{Editor, export, text};
use crate::components::source_chip::SourceChip;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use yunce_reliab::{Basis, Value};

/// One labelled text input bound to a [`Target`].
#[component]
fn Field(
    editor: Editor,
    target: Target,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] placeholder: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let malformed = RwSignal::new(false);
    let shown = Memo::new(move |_| editor.state.with(|s| s.text(target)));
    Effect::new(move |_| {
        shown.track();
        malformed.set(false);
    });
    let id = target.testid();
    let refusal = move || {
        if malformed.get() {
            return Some(i18n.t("stability.bad_number").to_owned());
        }
        editor.refused.with(|r| {
            r.as_ref()
                .filter(|r| r.field == id)
                .map(|r| text::rejection(i18n, &r.problem))
        })
    };
    view! {
        <label class="num-input">
            <span>{move || label.get()}</span>
            <input
                type="text"
                inputmode="decimal"
                size="8"
                data-testid=id
                placeholder=move || placeholder.get()
                aria-invalid=move || refusal().is_some().then_some("true")
                prop:value=move || shown.get()
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let mut probe = editor.state.get_untracked();
                    if !probe.set(target, &value) {
                        malformed.set(true);
                        return;
                    }
                    malformed.set(false);
                    editor.update(id, |s| {
                        s.set(target, &value);
                    });
                }
            />
            {move || refusal().map(|m| view! {
                <span class="field-error" role="alert" data-testid=format!("{id}-error")>{m}</span>
            })}
        </label>
    }
}

/// The default's provenance: the row and source chips, or an assumption mark.
fn basis_view(v: &Value) -> AnyView {
    let i18n = use_i18n();
    match &v.basis {
        Basis::Source { row, sources, .. } => {
            let chips = sources
                .iter()
                .map(|id| view! { <SourceChip id=id.clone()/>" " })
                .collect_view();
            view! { <span class="small" data-basis="source">{row.clone()}" "{chips}</span> }
                .into_any()
        }
        Basis::Assumption { reason } => view! {
            <span class="chip assumption" data-basis="assumption" title=reason.clone()>
                {tr(i18n, "stability.assumption")}
            </span>
        }
        .into_any(),
        Basis::User => view! {
            <span class="small" data-basis="user">{tr(i18n, "stability.user_value")}</span>
        }
        .into_any(),
    }
}

/// Preset buttons, the what-if choice and the scenario JSON import/export.
#[component]
pub fn PresetBar(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let buttons = PRESETS
        .into_iter()
        .map(|id| {
            let pressed =
                move || editor.file.with(Option::is_none) && editor.state.with(|s| s.preset == id);
            view! {
                <button
                    type="button"
                    data-testid=format!("preset-{id}")
                    aria-pressed=move || pressed().to_string()
                    on:click=move |_| {
                        editor.file.set(None);
                        editor.update("preset", |s| {
                            s.preset = id;
                            s.what_if = Some(String::new());
                        });
                    }
                >
                    {move || i18n.t(text::preset_key(id))}
                </button>
            }
        })
        .collect_view();
    let what_ifs = move || {
        editor
            .description
            .with(|d| d.as_ref().map(|d| d.what_ifs.clone()).unwrap_or_default())
    };
    let chosen = move || {
        editor.state.with(|s| match &s.what_if {
            None => "-".to_owned(),
            Some(w) if w.is_empty() => what_ifs().first().cloned().unwrap_or_default(),
            Some(w) => w.clone(),
        })
    };
    let notes = move || {
        editor.description.with(|d| {
            d.as_ref().map(|d| {
                d.notes
                    .iter()
                    .map(|n| view! { <li>{text::note(i18n, n)}</li> })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="card" data-testid="presets">
            <h2>{tr(i18n, "stability.presets")}</h2>
            <div class="button-row">{buttons}</div>
            <Show when=move || !what_ifs().is_empty()>
                <label class="num-input">
                    <span>{tr(i18n, "stability.what_if")}</span>
                    <select
                        data-testid="what-if"
                        prop:value=chosen
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            editor.update("what-if", |s| {
                                s.what_if = (v != "-").then_some(v);
                            });
                        }
                    >
                        {move || what_ifs().into_iter().map(|w| {
                            let key = text::preset_key(&w);
                            let value = w.clone();
                            view! {
                                <option value=value selected=move || chosen() == w>{move || i18n.t(key)}</option>
                            }
                        }).collect_view()}
                        <option value="-">{tr(i18n, "stability.no_what_if")}</option>
                    </select>
                </label>
            </Show>
            <ul class="small muted">{notes}</ul>
            <export::ScenarioFiles editor/>
        </section>
    }
}

/// The topology editor: one row per number the scenarios have, with its default's source.
#[component]
pub fn TopologyCard(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let rows = move || {
        editor.description.with(|d| {
            d.as_ref().map(|d| {
                d.defaults
                    .iter()
                    .map(|(p, v)| {
                        let p = *p;
                        let shown = text::num(v.value, 4);
                        view! {
                            <tr data-testid=format!("row-{}", super::state::slug(p))>
                                <td>
                                    <Field
                                        editor
                                        target=Target::Param(p)
                                        label=Signal::derive(move || i18n.t(text::param_key(p)).to_owned())
                                        placeholder=shown.clone()
                                    />
                                </td>
                                <td class="num">{shown.clone()}</td>
                                <td>{basis_view(v)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let gate = move || {
        editor
            .description
            .with(|d| d.as_ref().and_then(|d| d.node_gate))
    };
    let has_changes = move || {
        editor
            .description
            .with(|d| d.as_ref().is_some_and(|d| d.has_changes))
    };
    let rollout = move || {
        editor.state.with(|s| match s.rollout {
            None => "",
            Some(r) => r.slug(),
        })
    };
    let is_region =
        move || editor.state.with(|s| s.preset == "region") && editor.file.with(Option::is_none);
    let count = move || {
        editor
            .description
            .with(|d| d.as_ref().map(|d| d.components).unwrap_or(0))
    };
    view! {
        <section class="card" data-testid="topology">
            <h2>{tr(i18n, "stability.topology")}</h2>
            <p class="small muted" data-testid="components">
                {move || i18n.format("stability.components", &[&count().to_string()])}
            </p>
            <Show when=is_region>
                <div class="button-row">
                    <Field editor target=Target::Zones label=Signal::derive(move || i18n.t("stability.zones").to_owned())/>
                    <Field editor target=Target::Cells label=Signal::derive(move || i18n.t("stability.cells").to_owned())/>
                </div>
            </Show>
            {move || gate().map(|(k, n)| view! {
                <Field
                    editor
                    target=Target::K
                    label=Signal::derive(move || i18n.format("stability.k_of_n", &[&n.to_string()]))
                    placeholder=k.to_string()
                />
            })}
            <Show when=has_changes>
                <label class="num-input">
                    <span>{tr(i18n, "stability.rollout")}</span>
                    <select
                        data-testid="rollout"
                        prop:value=rollout
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            editor.update("rollout", |s| {
                                s.rollout = match v.as_str() {
                                    "all" => Some(RolloutChoice::AllAtOnce),
                                    "gray" => Some(RolloutChoice::Gray),
                                    _ => None,
                                };
                            });
                        }
                    >
                        <option value="">{tr(i18n, "stability.rollout.preset")}</option>
                        <option value="all">{tr(i18n, "stability.rollout.all")}</option>
                        <option value="gray">{tr(i18n, "stability.rollout.gray")}</option>
                    </select>
                </label>
            </Show>
            <table class="data params">
                <thead>
                    <tr>
                        <th>{tr(i18n, "stability.col.value")}</th>
                        <th>{tr(i18n, "stability.col.default")}</th>
                        <th>{tr(i18n, "stability.col.basis")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="small muted">{tr(i18n, "stability.edit_note")}</p>
            <button type="button" data-testid="reset" on:click=move |_| {
                editor.update("reset", StabilityState::reset_edits);
            }>{tr(i18n, "stability.reset")}</button>
        </section>
    }
}

/// Years, seed, SLA targets, and the run controls with progress.
#[component]
pub fn RunCard(editor: Editor, runner: Runner, key: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let run = move |_| {
        let sizes = editor.description.with_untracked(|d| {
            d.as_ref().filter(|d| d.problem.is_none()).map(|d| {
                d.names
                    .iter()
                    .map(|(_, n)| f64::from(*n))
                    .collect::<Vec<f64>>()
            })
        });
        if let Some(sizes) = sizes {
            let state = editor.state.get_untracked();
            let years = f64::from(state.years);
            let file = editor
                .file
                .with_untracked(|f| f.as_ref().map(|(_, t)| t.clone()));
            let work = sizes.into_iter().map(|n| n * years).collect();
            runner.run(state.setup(), file, key.get_untracked(), work);
        }
    };
    let ready = move || {
        editor
            .description
            .with(|d| d.as_ref().is_some_and(|d| d.problem.is_none()))
    };
    let invalid = move || {
        editor.description.with(|d| {
            d.as_ref()
                .and_then(|d| d.problem.as_ref())
                .map(|p| text::rejection(i18n, p))
        })
    };
    let refused = move || {
        editor
            .refused
            .with(|r| r.as_ref().map(|r| text::rejection(i18n, &r.problem)))
    };
    let stop = move || {
        runner.stop.with(|s| {
            s.as_ref().map(|s| match s {
                Stop::Cancelled => i18n.t("stability.cancelled").to_owned(),
                Stop::Stale => i18n.t("stability.cancelled_stale").to_owned(),
                Stop::Failed(why) => i18n.format("stability.failed", &[why]),
            })
        })
    };
    let bars = move || {
        runner
            .progress
            .shown()
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, f)| view! {
                <progress data-testid=format!("progress-{i}") max="1" value=format!("{f:.3}")
                    aria-label=i18n.format("stability.progress", &[&(i + 1).to_string()])></progress>
            })
            .collect_view()
    };
    view! {
        <section class="card" data-testid="run-card">
            <h2>{tr(i18n, "stability.run_title")}</h2>
            <Field editor target=Target::Years label=Signal::derive(move || i18n.t("stability.years").to_owned())/>
            <Field editor target=Target::Seed label=Signal::derive(move || i18n.t("stability.seed").to_owned())/>
            <Field editor target=Target::Sla label=Signal::derive(move || i18n.t("stability.sla").to_owned())/>
            <div class="button-row">
                <button
                    type="button"
                    id="run"
                    data-testid="run"
                    disabled=move || runner.running.get() || !ready()
                    on:click=run
                >{tr(i18n, "stability.run")}</button>
                <button
                    type="button"
                    data-testid="cancel"
                    disabled=move || !runner.running.get()
                    on:click=move |_| runner.cancel()
                >{tr(i18n, "stability.cancel")}</button>
            </div>
            <div data-testid="progress" data-running=move || runner.running.get().to_string()>{bars}</div>
            // Announces the start and the end of a run; a stop is announced by run-status.
            <p class="visually-hidden" role="status" data-testid="run-live">
                {move || {
                    if runner.running.get() {
                        i18n.t("stability.live.running")
                    } else if runner.stop.with(Option::is_none) && runner.results.with(Option::is_some) {
                        i18n.t("stability.live.done")
                    } else {
                        ""
                    }
                }}
            </p>
            {move || stop().map(|m| view! { <p class="small" data-testid="run-status" role="status">{m}</p> })}
            {move || refused().map(|m| view! {
                <p class="field-error" role="alert" data-testid="refused">{m}" "{i18n.t("stability.kept")}</p>
            })}
            {move || invalid().map(|m| view! {
                <p class="field-error" role="alert" data-testid="invalid">{m}</p>
            })}
        </section>
    }
}
