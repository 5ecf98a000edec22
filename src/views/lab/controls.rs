//! The workload card (generator knobs or a dropped pod list) and the run card (policies,
//! experiment, seeds, Run and Cancel), and the progress of the running comparison.

use super::Editor;
use super::edit::{Action, Field};
use super::field::FieldInput;
use super::files::{Dropzone, FileSummary};
use super::runner::{Command, FileKind, Runner};
use super::text::policy_key;
use crate::components::worker::WorkerRetry;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use yunce_sched::{LabMode, Policy, QueueKind};

/// A toggle button for an action that shows as pressed (a policy, a mode, a queue).
fn toggle(editor: Editor, action: Action, key: &'static str, testid: String) -> impl IntoView {
    let i18n = use_i18n();
    let pressed = Memo::new(move |_| editor.state.with(|s| s.pressed(action) == Some(true)));
    view! {
        <button
            type="button"
            data-testid=testid
            aria-pressed=move || pressed.get().to_string()
            on:click=move |_| editor.apply(action)
        >
            {move || i18n.t(key)}
        </button>
    }
}

/// The workload card.
#[component]
pub fn WorkloadCard(editor: Editor, runner: Runner) -> impl IntoView {
    let i18n = use_i18n();
    let has_file = Memo::new(move |_| runner.pods.with(Option::is_some));
    view! {
        <section class="card lab-workload">
            <h2>{move || i18n.t("lab.workload")}</h2>
            <Show
                when=move || !has_file.get()
                fallback=move || view! { <FileSummary runner kind=FileKind::Pods/> }
            >
                <div class="knobs">
                    {Field::KNOBS
                        .map(|(field, key)| {
                            let label = Signal::derive(move || i18n.t(key).to_string());
                            view! { <FieldInput editor field label/> }
                        })
                        .collect_view()}
                </div>
            </Show>
            <Dropzone runner kind=FileKind::Pods/>
            {move || {
                runner.file_error.get().map(|e| view! {
                    <p class="notice bad" data-testid="file-error" role="alert">{e}</p>
                })
            }}
        </section>
    }
}

/// The run card.
#[component]
pub fn RunCard(editor: Editor, runner: Runner) -> impl IntoView {
    let i18n = use_i18n();
    let mode = Memo::new(move |_| editor.state.with(|s| s.mode));
    let replay = move || mode.get() == LabMode::Replay;
    let label = move |key: &'static str| Signal::derive(move || i18n.t(key).to_string());
    view! {
        <section class="card lab-run">
            <h2>{move || i18n.t("lab.run")}</h2>
            <div class="row checks" role="group" aria-label=move || i18n.t("lab.policies")>
                {Policy::ALL
                    .map(|p| toggle(editor, Action::Toggle(p), policy_key(p), format!("policy-{}", p.name())))
                    .collect_view()}
            </div>
            <div class="row">
                <div class="segmented" role="group" aria-label=move || i18n.t("lab.mode")>
                    {toggle(editor, Action::Mode(LabMode::Inflation), "lab.mode.inflation", "mode-inflation".into())}
                    {toggle(editor, Action::Mode(LabMode::Replay), "lab.mode.replay", "mode-replay".into())}
                </div>
                <Show when=replay>
                    <div class="segmented" role="group" aria-label=move || i18n.t("lab.queue")>
                        {toggle(editor, Action::Queue(QueueKind::Fifo), "lab.queue.fifo", "queue-fifo".into())}
                        {toggle(editor, Action::Queue(QueueKind::Backfill), "lab.queue.backfill", "queue-backfill".into())}
                    </div>
                </Show>
            </div>
            <div class="knobs">
                <FieldInput editor field=Field::Seeds label=label("lab.seeds")/>
                <Show
                    when=replay
                    fallback=move || view! { <FieldInput editor field=Field::Tune label=label("lab.tune")/> }
                >
                    <FieldInput editor field=Field::Compress label=label("lab.compress")/>
                </Show>
            </div>
            <p class="muted small">
                {move || i18n.t(if replay() { "lab.mode.replay_note" } else { "lab.mode.inflation_note" })}
            </p>
            <div class="row toolbar">
                <button type="button" class="primary" id="run" data-testid="run" on:click=move |_| runner.dispatch(Command::Run)>
                    {move || i18n.t("lab.run_button")}
                </button>
                <button
                    type="button"
                    data-testid="cancel"
                    disabled=move || !runner.running.get()
                    on:click=move |_| runner.dispatch(Command::Cancel)
                >
                    {move || i18n.t("lab.cancel")}
                </button>
                // Announces the start and the end of a run; a stop is announced by run-status.
                <span class="visually-hidden" role="status" data-testid="run-live">
                    {move || {
                        if runner.running.get() {
                            i18n.t("lab.live.running")
                        } else if runner.status.get().is_none() && runner.results.with(Option::is_some) {
                            i18n.t("lab.live.done")
                        } else {
                            ""
                        }
                    }}
                </span>
                {move || {
                    runner.status.get().map(|key| view! {
                        <span class="muted" data-testid="run-status" role="status">{i18n.t(key)}</span>
                    })
                }}
            </div>
            <Estimate runner/>
            {move || {
                runner.run_error.get().map(|e| view! {
                    <p class="notice bad" data-testid="run-error" role="alert">{e}</p>
                })
            }}
            <WorkerRetry on_retry=Callback::new(move |()| runner.dispatch(Command::Run))/>
        </section>
    }
}

/// The size and expected time of the next run, and the question before a long one.
#[component]
fn Estimate(runner: Runner) -> impl IntoView {
    let i18n = use_i18n();
    let secs = |s: f64| {
        if s < 10.0 {
            format!("{s:.1}")
        } else {
            format!("{s:.0}")
        }
    };
    view! {
        <p class="muted small" data-testid="estimate" data-seconds=move || format!("{:.2}", runner.estimate.get().seconds)>
            {move || {
                let e = runner.estimate.get();
                i18n.format(
                    "lab.estimate",
                    &[&e.pods.to_string(), &e.runs.to_string(), &e.workers.to_string(), &secs(e.seconds)],
                )
            }}
        </p>
        {move || runner.confirm.get().map(|e| view! {
            <div class="notice" data-testid="confirm" role="alertdialog" aria-labelledby="lab-confirm-text">
                <p id="lab-confirm-text">
                    {i18n.format("lab.confirm", &[&e.nodes.to_string(), &e.work().to_string(), &secs(e.seconds)])}
                </p>
                <div class="row">
                    <button type="button" class="primary" data-testid="confirm-run" on:click=move |_| runner.dispatch(Command::Confirm)>
                        {move || i18n.t("lab.confirm_run")}
                    </button>
                    <button type="button" data-testid="confirm-cancel" on:click=move |_| runner.dispatch(Command::Dismiss)>
                        {move || i18n.t("lab.confirm_cancel")}
                    </button>
                </div>
            </div>
        })}
    }
}

/// One bar per policy of the last comparison, the mean progress of its seeds; a stopped run
/// keeps its bars. Each bar reads only its own policy's runs, so a progress message from a
/// worker updates a few attributes, never the list.
#[component]
pub fn ProgressList(runner: Runner) -> impl IntoView {
    let i18n = use_i18n();
    // The policies in run order, each with the indices of its runs.
    let policies = Memo::new(move |_| {
        runner.runs.with(|runs| {
            let mut out: Vec<(Policy, Vec<usize>)> = Vec::new();
            for (i, (p, _)) in runs.iter().enumerate() {
                match out.last_mut() {
                    Some((q, idx)) if q == p => idx.push(i),
                    _ => out.push((*p, vec![i])),
                }
            }
            out
        })
    });
    let count = Memo::new(move |_| policies.with(Vec::len));
    let seeds = Memo::new(move |_| runner.runs.with(|r| r.first().map(|(_, s)| *s)));
    view! {
        <Show when=move || { count.get() > 0 }>
            <ul
                class="lab-progress"
                data-testid="progress"
                data-running=move || runner.running.get().to_string()
                aria-label=move || i18n.t("lab.progress")
            >
                <For each=move || 0..count.get() key=|i| *i let(i)>
                    <li>
                        <label>
                            <span>
                            {move || {
                                policies.with(|p| {
                                    p.get(i)
                                        .map(|(p, runs)| match runs.len() {
                                            1 => format!(
                                                "{} · {}",
                                                i18n.t(policy_key(*p)),
                                                seeds.get().unwrap_or_default()
                                            ),
                                            n => i18n.format("lab.progress_seeds", &[i18n.t(policy_key(*p)), &n.to_string()]),
                                        })
                                        .unwrap_or_default()
                                })
                            }}
                            </span>
                        <progress
                            max="1"
                            data-testid=format!("progress-{i}")
                            value=move || {
                                let mean = policies.with(|p| {
                                    let runs = p.get(i).map(|(_, r)| r.as_slice()).unwrap_or_default();
                                    runner.progress.shown().with(|done| {
                                        runs.iter().map(|&r| done.get(r).copied().unwrap_or(0.0)).sum::<f64>()
                                            / runs.len().max(1) as f64
                                    })
                                });
                                format!("{mean:.3}")
                            }
                        ></progress>
                        </label>
                    </li>
                </For>
            </ul>
        </Show>
    }
}
