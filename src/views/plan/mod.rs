//! The compute procurement planner: what it takes in chips, servers, MW and RMB to build N
//! EFLOPS under export controls (battle 1), with `yunce_plan` solving in a Web Worker.
//!
//! The inputs live in the URL (`state.rs`, figures edited through `edit.rs`); the view mounts
//! once and updates in place when the URL changes, so an edit keeps focus. `runner.rs` solves
//! and compares on every change and runs the sweep and the tornado on request, each in a
//! worker (`src/bin/plan_worker.rs`); the render pieces show what the worker sends.

mod absorb;
mod analysis;
mod catalogue;
mod charts;
mod edit;
mod explain;
mod field;
mod files;
mod inputs;
mod results;
mod runner;
pub(crate) mod state;
mod text;
mod worker;

use crate::components::notices::UrlNotices;
use crate::components::worker::WorkerRetry;
use crate::i18n::use_i18n;
use crate::router::{Location, QueryMap, use_location};
use leptos::prelude::*;
use runner::Runner;
use state::PlanState;
use wasm_bindgen::JsValue;

/// Writes edits of the planner state to the URL, which the view follows.
#[derive(Clone, Copy)]
pub struct Editor {
    /// The state read from the URL.
    pub state: Memo<PlanState>,
    location: Location,
}

impl Editor {
    /// Changes the state with `f` and writes it to the URL.
    pub fn update(self, f: impl FnOnce(&mut PlanState)) {
        let mut next = self.state.get_untracked();
        f(&mut next);
        self.write(&next);
    }

    fn write(self, next: &PlanState) {
        let query = next.to_query();
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let url = format!("/plan{query}");
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
        let parsed = QueryMap::parse(&query);
        if self.location.query.with_untracked(|q| *q != parsed) {
            self.location.query.set(parsed);
        }
    }
}

/// The routed planner view.
#[component]
pub fn PlanView() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let parsed = Memo::new(move |_| location.query.with(PlanState::from_query));
    let state = Memo::new(move |_| parsed.with(|(s, _)| s.clone()));
    let notices = Memo::new(move |_| parsed.with(|(_, n)| n.clone()));
    let editor = Editor { state, location };
    let runner = Runner::new(state);
    files::take_over_read_scenarios(editor, runner);
    // The heading and inputs paint at once; results, analyses and the catalogue a frame
    // later, so opening the planner is quick (the first solve is under way meanwhile).
    let painted = crate::components::paint::after_first_paint();
    view! {
        <div class="lab plan">
            <h1>{move || i18n.t("plan.title")}</h1>
            <p class="muted">{move || i18n.t("plan.lede")}</p>
            <UrlNotices notices/>
            <WorkerRetry on_retry=Callback::new(move |()| runner.retry())/>
            <inputs::PresetBar editor/>
            <div class="lab-setup">
                <inputs::GoalCard editor/>
                <inputs::PolicyCard editor/>
                <files::FilesCard editor runner/>
            </div>
            <Show when=move || painted.get()>
                <results::ResultsPanel editor runner/>
                <analysis::ComparePanel editor runner/>
                <analysis::ParetoPanel editor runner/>
                <analysis::TornadoPanel editor runner/>
                <catalogue::ChipsCard editor runner/>
                <catalogue::SitesCard editor runner/>
                <explain::HowItWorks/>
            </Show>
        </div>
    }
}

/// The notices a query gives this view, and whether it differs from the defaults (for
/// tests of links into the view from elsewhere).
#[cfg(test)]
pub(crate) fn query_check(map: &QueryMap) -> (Vec<crate::url_state::Notice>, bool) {
    let (state, notices) = PlanState::from_query(map);
    (notices, !state.to_query().is_empty())
}
