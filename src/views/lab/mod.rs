//! The scheduler lab view: compare FGD and five baselines on the openb cluster or your own.
//!
//! The experiment lives in the URL (`state.rs`, edited through `edit.rs`); the view mounts
//! once and updates in place when the URL changes, so an edit keeps focus. Simulations run in
//! a Web Worker (`src/bin/worker.rs`) that `runner.rs` spawns only when a run or a file check
//! needs it; the page renders what the worker sends (`model.rs` derives the figures).

mod cluster;
mod controls;
mod edit;
mod estimate;
mod field;
mod files;
mod fleet;
mod heat;
mod model;
mod results;
mod runner;
pub(crate) mod state;
mod text;
mod worker;

use crate::components::notices::UrlNotices;
use crate::i18n::use_i18n;
use crate::router::{Location, QueryMap, use_location};
use edit::{Action, Field};
use leptos::prelude::*;
use runner::Runner;
use state::LabState;
use wasm_bindgen::JsValue;
use yunce_sched::Policy;

/// Writes edits of the lab state to the URL, which the view follows.
#[derive(Clone, Copy)]
pub struct Editor {
    /// The state read from the URL.
    pub state: Memo<LabState>,
    location: Location,
}

impl Editor {
    /// Applies a button's action.
    pub fn apply(self, action: Action) {
        let mut next = self.state.get_untracked();
        next.apply(action);
        self.write(&next);
    }

    /// Sets a field from text; `false` (and no change) when the text is not a valid value.
    pub fn set(self, field: Field, text: &str) -> bool {
        let mut next = self.state.get_untracked();
        let ok = next.set(field, text);
        if ok {
            self.write(&next);
        }
        ok
    }

    fn write(self, next: &LabState) {
        let query = next.to_query();
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let url = format!("/lab{query}");
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
        let parsed = QueryMap::parse(&query);
        if self.location.query.with_untracked(|q| *q != parsed) {
            self.location.query.set(parsed);
        }
    }
}

/// The paper the trace and the FGD policy come from, as published.
const CITATION: &str = "Q. Weng, L. Yang, Y. Yu, W. Wang, X. Tang, G. Yang, L. Zhang, \"Beware of Fragmentation: Scheduling GPU-Sharing Workloads with Fragmentation Gradient Descent\", USENIX ATC '23, 2023.";

/// The routed lab view.
#[component]
pub fn LabView() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let parsed = Memo::new(move |_| location.query.with(LabState::from_query));
    let state = Memo::new(move |_| parsed.with(|(s, _)| s.clone()));
    let notices = Memo::new(move |_| parsed.with(|(_, n)| n.clone()));
    let editor = Editor { state, location };
    let runner = Runner::new(state);
    view! {
        <div class="lab">
            <h1>{move || i18n.t("lab.title")}</h1>
            <p class="muted">{move || i18n.t("lab.lede")}</p>
            <UrlNotices notices/>
            <div class="lab-setup">
                <cluster::ClusterCard editor runner/>
                <controls::WorkloadCard editor runner/>
                <controls::RunCard editor runner/>
            </div>
            <controls::ProgressList runner/>
            <results::ResultsPanel editor runner/>
            <p class="small cite" data-testid="lab-cite">
                {move || i18n.t("lab.cite")} " "
                // The paper's authors, title and venue as published, in English.
                <span lang="en">{CITATION}</span> " " {move || i18n.t("lab.cite_after")}
            </p>
            <p class="muted small">{move || i18n.t("lab.workload_note")}</p>
            <Explanations/>
        </div>
    }
}

/// How each policy and metric works.
#[component]
fn Explanations() -> impl IntoView {
    let i18n = use_i18n();
    let metrics = [
        ("lab.metric.alloc", "lab.explain.alloc"),
        ("lab.metric.unalloc", "lab.explain.unalloc"),
        ("lab.metric.frag", "lab.explain.frag"),
        ("lab.metric.failed", "lab.explain.failed"),
        ("lab.metric.weighted", "lab.explain.weighted"),
        ("lab.metric.delay", "lab.explain.delay"),
        ("lab.fleet", "lab.explain.fleet"),
        ("lab.explain.workers_term", "lab.explain.workers"),
    ];
    let entries = Policy::ALL
        .into_iter()
        .map(|p| (text::policy_key(p), text::policy_note_key(p)))
        .chain(metrics)
        .map(|(term, note)| {
            view! {
                <dt>{move || i18n.t(term)}</dt>
                <dd>{move || i18n.t(note)}</dd>
            }
        })
        .collect_view();
    view! {
        <details class="card lab-explain" data-testid="lab-explain">
            <summary>{move || i18n.t("lab.explain.title")}</summary>
            <dl>{entries}</dl>
        </details>
    }
}

/// The notices a query gives this view, and whether it differs from the defaults (for
/// tests of links into the view from elsewhere).
#[cfg(test)]
pub(crate) fn query_check(map: &QueryMap) -> (Vec<crate::url_state::Notice>, bool) {
    let (state, notices) = LabState::from_query(map);
    (notices, !state.to_query().is_empty())
}
