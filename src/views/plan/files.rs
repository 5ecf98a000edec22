//! Files in and out: the scenario as the CLI's JSON (saved and loaded), and a user chip
//! catalogue CSV (chosen or dropped) with every bad cell listed by row and column. The
//! worker reads and writes the files; a broken file changes nothing but the messages.

use super::Editor;
use super::absorb::absorb;
use super::runner::Runner;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Takes a scenario the worker read from JSON into the URL state and the imported chips.
pub fn take_over_read_scenarios(editor: Editor, runner: Runner) {
    Effect::new(move |_| {
        let Some(s) = runner.scenario_read.get() else {
            return;
        };
        let (next, chips) = absorb(&editor.state.get_untracked(), &s);
        runner.user_chips.set(chips);
        editor.update(|st| *st = next);
        runner.scenario_read.set(None);
    });
}

fn first_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    input.files().and_then(|f| f.get(0))
}

/// Save/load the scenario and import a chip catalogue.
#[component]
pub fn FilesCard(editor: Editor, runner: Runner) -> impl IntoView {
    let i18n = use_i18n();
    let save = move |_| {
        let slug = editor.state.with_untracked(|s| s.preset.slug());
        runner.save_scenario(format!("yunce-scenario-{slug}.json"));
    };
    let errors = move || {
        runner.import_errors.with(|errors| {
            (!errors.is_empty()).then(|| {
                let items = errors
                    .iter()
                    .map(|e| {
                        let text = match &e.column {
                            Some(c) => i18n
                                .format("plan.import_cell", &[&e.line.to_string(), c, &e.message]),
                            None => {
                                i18n.format("plan.import_row", &[&e.line.to_string(), &e.message])
                            }
                        };
                        view! { <li>{text}</li> }
                    })
                    .collect_view();
                view! {
                    <div class="notice bad" role="alert" data-testid="import-errors">
                        <p>{i18n.t("plan.import_failed")}</p>
                        <ul>{items}</ul>
                    </div>
                }
            })
        })
    };
    let imported = move || {
        let names: Vec<String> = runner
            .user_chips
            .with(|c| c.iter().map(|c| c.name.clone()).collect());
        (!names.is_empty()).then(|| {
            view! {
                <p class="file-ok" data-testid="import-ok">
                    {i18n.format("plan.imported", &[&names.len().to_string(), &names.join(", ")])}
                    " "
                    <button type="button" data-testid="import-clear"
                        on:click=move |_| runner.user_chips.set(Vec::new())>{i18n.t("plan.import_clear")}</button>
                </p>
            }
        })
    };
    let file_error = move || {
        runner.file_error.get().map(|e| {
            view! { <p class="notice bad" role="alert" data-testid="file-error">{e}</p> }
        })
    };
    view! {
        <section class="card">
            <h2>{move || i18n.t("plan.files")}</h2>
            <div class="row">
                <button type="button" data-testid="scenario-json" on:click=save>{move || i18n.t("plan.save_json")}</button>
            </div>
            <label class="dropzone">
                <span>{move || i18n.t("plan.load_json")}</span>
                <input type="file" accept=".json,application/json" data-testid="scenario-file"
                    on:change=move |ev| {
                        if let Some(f) = first_file(&ev) {
                            runner.read_scenario(f);
                        }
                    }/>
            </label>
            <label
                class="dropzone"
                on:dragover=|ev| ev.prevent_default()
                on:drop=move |ev| {
                    ev.prevent_default();
                    let file = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0));
                    if let Some(file) = file {
                        runner.import_chips(file);
                    }
                }
            >
                <span>{move || i18n.t("plan.import_chips")}</span>
                <input type="file" accept=".csv,text/csv" data-testid="chips-file"
                    on:change=move |ev| {
                        if let Some(f) = first_file(&ev) {
                            runner.import_chips(f);
                        }
                    }/>
            </label>
            <p class="small muted">{move || i18n.t("plan.import_columns")}</p>
            {file_error}
            {errors}
            {imported}
        </section>
    }
}
