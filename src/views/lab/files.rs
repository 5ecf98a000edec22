//! Dropped node and pod lists: the drop zone with its file chooser, and the summary of an
//! accepted file. The worker reads and checks the file; the page never parses it.

use super::runner::{Command, FileKind, Runner};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn testid(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Nodes => "nodes-file",
        FileKind::Pods => "pods-file",
    }
}

/// Element id of a file chooser.
fn chooser_id(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Nodes => "lab-nodes-file",
        FileKind::Pods => "lab-pods-file",
    }
}

/// A drop zone with a file chooser; a chosen or dropped file goes to the worker for a check.
#[component]
pub fn Dropzone(runner: Runner, kind: FileKind) -> impl IntoView {
    let i18n = use_i18n();
    let key = match kind {
        FileKind::Nodes => "lab.drop_nodes",
        FileKind::Pods => "lab.drop_pods",
    };
    view! {
        <label
            class="dropzone"
            on:dragover=|ev| ev.prevent_default()
            on:drop=move |ev| {
                ev.prevent_default();
                let file = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0));
                if let Some(file) = file {
                    runner.check_file(file, kind);
                }
            }
        >
            <span>{move || i18n.t(key)}</span>
            <input
                type="file"
                accept=".csv,text/csv"
                id=chooser_id(kind)
                data-testid=testid(kind)
                on:change=move |ev| {
                    let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                    if let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)) {
                        runner.check_file(file, kind);
                    }
                }
            />
        </label>
    }
}

/// What the worker said about an accepted file, with a button back to the built-in one.
#[component]
pub fn FileSummary(runner: Runner, kind: FileKind) -> impl IntoView {
    let i18n = use_i18n();
    let (testid, key) = match kind {
        FileKind::Nodes => ("nodes-ok", "lab.nodes_ok"),
        FileKind::Pods => ("pods-ok", "lab.pods_ok"),
    };
    let text = move || {
        runner.slot(kind).with(|a| {
            a.as_ref()
                .map(|a| {
                    let gpus = format!("{:.1}", a.milli as f64 / 1000.0);
                    i18n.format(key, &[&a.name, &a.rows.to_string(), &gpus, &a.detail])
                })
                .unwrap_or_default()
        })
    };
    view! {
        <p class="file-ok" data-testid=testid>
            {text}" "
            <button
                type="button"
                data-testid=format!("{testid}-clear")
                on:click=move |_| {
                    // This button goes away with the summary: focus the file chooser after it.
                    let chooser = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id(chooser_id(kind)))
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                    if let Some(chooser) = chooser {
                        let _ = chooser.focus();
                    }
                    runner.dispatch(Command::UseBuiltin(kind));
                }
            >
                {move || i18n.t("lab.use_builtin")}
            </button>
        </p>
    }
}
