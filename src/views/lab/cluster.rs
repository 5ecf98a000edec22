//! The cluster card: a one-line summary with quick edits, a collapsible compact table with one
//! row per node shape (a keyed list, so an edit or a removal keeps the other rows' elements and
//! the focus in them), and the node-file drop zone.

use super::Editor;
use super::edit::{Action, Field, RowKeys};
use super::files::{Dropzone, FileSummary};
use super::runner::{FileKind, Runner};
use crate::i18n::use_i18n;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use yunce_sched::openb_preset;

const COLUMNS: [&str; 6] = [
    "lab.col.model",
    "lab.col.gpus_node",
    "lab.col.vcpu",
    "lab.col.gib",
    "lab.col.nodes",
    "lab.col.cap",
];

fn column_field(column: usize, row: usize) -> Field {
    match column {
        0 => Field::Model(row),
        1 => Field::Gpus(row),
        2 => Field::Vcpu(row),
        3 => Field::Mem(row),
        4 => Field::Count(row),
        _ => Field::Cap(row),
    }
}

/// The cluster card.
#[component]
pub fn ClusterCard(editor: Editor, runner: Runner) -> impl IntoView {
    let i18n = use_i18n();
    let state = editor.state;
    let expanded = RwSignal::new(false);
    let totals = Memo::new(move |_| {
        state.with(|s| {
            let nodes: u64 = s.groups.iter().map(|g| u64::from(g.count)).sum();
            let gpus: u64 = s
                .groups
                .iter()
                .map(|g| u64::from(g.gpus) * u64::from(g.count))
                .sum();
            (s.groups.len(), nodes, gpus, s.groups == openb_preset())
        })
    });
    let has_file = Memo::new(move |_| runner.nodes.with(Option::is_some));
    let button = move |action: Action, key: &'static str, testid: &'static str| {
        view! {
            <button type="button" data-testid=testid on:click=move |_| editor.apply(action)>
                {move || i18n.t(key)}
            </button>
        }
    };
    view! {
        <section class="card lab-cluster" aria-labelledby="lab-cluster-title">
            <h2 id="lab-cluster-title">{move || i18n.t("lab.cluster")}</h2>
            <Show
                when=move || !has_file.get()
                fallback=move || view! { <FileSummary runner kind=FileKind::Nodes/> }
            >
                <p class="small" data-testid="cluster-total">
                    {move || {
                        let (shapes, nodes, gpus, preset) = totals.get();
                        let key = if preset { "lab.cluster_total_preset" } else { "lab.cluster_total" };
                        i18n.format(key, &[&shapes.to_string(), &nodes.to_string(), &gpus.to_string()])
                    }}
                </p>
                <div class="row">
                    <button
                        type="button"
                        class="disclosure"
                        data-testid="cluster-toggle"
                        aria-expanded=move || expanded.get().to_string()
                        aria-controls="lab-groups"
                        on:click=move |_| expanded.update(|e| *e = !*e)
                    >
                        {move || i18n.t("lab.edit_groups")}
                    </button>
                    {button(Action::ReplaceV100, "lab.replace_v100", "replace-v100")}
                    {button(Action::ResetCluster, "lab.reset_cluster", "reset-cluster")}
                </div>
                // Mounted only while open: a closed editor costs no elements.
                <div id="lab-groups">
                    <Show when=move || expanded.get()>
                        <GroupTable editor/>
                    </Show>
                </div>
            </Show>
            <super::fleet::FleetSize editor runner/>
            <Dropzone runner kind=FileKind::Nodes/>
        </section>
    }
}

/// The node groups as a compact table, one keyed row per group.
#[component]
fn GroupTable(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let state = editor.state;
    let keys = Memo::new(move |previous: Option<&RowKeys>| {
        state.with(|s| RowKeys::follow(previous, &s.groups))
    });
    let add = NodeRef::<html::Button>::new();
    let single = Memo::new(move |_| state.with(|s| s.groups.len() <= 1));
    let row = move |key: u32| {
        let index = Memo::new(move |_| keys.with(|k| k.keys.iter().position(|x| *x == key)));
        let at = move || index.get().unwrap_or(0);
        let cells = (0..COLUMNS.len())
            .map(|c| {
                let field = Signal::derive(move || column_field(c, at()));
                let label = Signal::derive(move || format!("{} {}", i18n.t(COLUMNS[c]), at() + 1));
                view! { <td><super::field::FieldInput editor field label compact=true/></td> }
            })
            .collect_view();
        view! {
            <tr data-testid=move || format!("group-{}", at())>
                {cells}
                <td>
                    <button
                        type="button"
                        class="remove"
                        data-testid=move || format!("remove-{}", at())
                        aria-label=move || {
                            let model = state.with(|s| s.groups.get(at()).map(|g| g.model.clone()).unwrap_or_default());
                            i18n.format("lab.remove_row", &[&(at() + 1).to_string(), &model])
                        }
                        disabled=move || single.get()
                        on:click=move |ev| {
                            // The row and this button go away: focus the next row's remove
                            // button, or "add" after the last row, before the row is removed.
                            // The target, not currentTarget: Leptos delegates clicks.
                            let next = ev
                                .target()
                                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                                .and_then(|b| b.closest("tr").ok().flatten())
                                .and_then(|tr| tr.next_element_sibling())
                                .and_then(|tr| tr.query_selector("button.remove").ok().flatten())
                                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
                            let _ = match next {
                                Some(b) => b.focus(),
                                None => add.get_untracked().map(|b| b.focus()).unwrap_or(Ok(())),
                            };
                            if let Some(i) = index.get_untracked() {
                                editor.apply(Action::Remove(i));
                            }
                        }
                    >
                        "×"
                    </button>
                </td>
            </tr>
        }
    };
    view! {
        <div class="table-wrap lab-groups">
            <table>
                <thead>
                    <tr>
                        {COLUMNS.map(|k| view! { <th scope="col">{move || i18n.t(k)}</th> }).collect_view()}
                        <th scope="col"><span class="visually-hidden">{move || i18n.t("lab.remove")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || keys.with(|k| k.keys.clone()) key=|k| *k children=row/>
                </tbody>
            </table>
        </div>
        <div class="row">
            <button type="button" data-testid="add-chip" node_ref=add on:click=move |_| editor.apply(Action::AddChip)>
                {move || i18n.t("lab.add_chip")}
            </button>
        </div>
    }
}
