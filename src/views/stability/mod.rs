//! The stability view: Alibaba Cloud's outages as scenarios, each beside its what-if, simulated
//! in a Web Worker with progress and cancel, with the exact result beside the Monte Carlo.
//!
//! The settings live in the URL (`state.rs`); `scenario.rs` turns them into the engine's
//! scenarios and validates every edit before it is written, so a meaningless value shows the
//! engine's reason and the last good state stays. The view mounts once and updates in place.

mod charts;
mod editor;
mod explain;
mod export;
mod results;
mod runner;
mod scenario;
mod state;
mod text;
mod worker;

use crate::components::notices::UrlNotices;
use crate::i18n::use_i18n;
use crate::router::{Location, QueryMap, use_location};
use leptos::prelude::*;
use runner::Runner;
use scenario::{Pair, Rejection};
use state::StabilityState;
use wasm_bindgen::JsValue;
use yunce_reliab::{ExactOutcome, Scenario};

/// A refused edit: the field it came from and the engine's reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    /// Test id of the field.
    pub field: &'static str,
    /// Why, as the engine said it.
    pub rejection: Rejection,
}

/// The scenarios of the current state, validated, with their exact figures.
pub type Checked = Result<(Pair, Vec<Vec<ExactOutcome>>), Rejection>;

/// Writes edits to the URL after the engine accepted them.
#[derive(Clone, Copy)]
pub struct Editor {
    /// The state read from the URL.
    pub state: Memo<StabilityState>,
    /// An imported scenario that replaces the preset (a file cannot live in a link).
    pub imported: RwSignal<Option<Scenario>>,
    /// The last refused edit.
    pub refused: RwSignal<Option<Refused>>,
    location: Location,
}

fn pair_for(state: &StabilityState, imported: Option<&Scenario>) -> Result<Pair, Rejection> {
    let built = match imported {
        Some(s) => scenario::edited(scenario::imported(s.clone()), state),
        None => scenario::build(state),
    };
    built.map_err(|e| Rejection {
        side: 0,
        error: yunce_reliab::ScenarioError::new(e, yunce_reliab::Problem::Empty),
    })
}

/// Builds and validates the scenarios of a state.
pub fn checked(state: &StabilityState, imported: Option<&Scenario>) -> Checked {
    let pair = pair_for(state, imported)?;
    let exact = scenario::check(&pair)?;
    Ok((pair, exact))
}

impl Editor {
    /// Applies an edit if the engine accepts the scenarios it gives; otherwise records why
    /// (beside `field`) and changes nothing. Returns whether it was applied.
    pub fn update(self, field: &'static str, edit: impl FnOnce(&mut StabilityState)) -> bool {
        let mut next = self.state.get_untracked();
        edit(&mut next);
        let result = self
            .imported
            .with_untracked(|i| checked(&next, i.as_ref()).map(|_| ()));
        match result {
            Ok(()) => {
                self.refused.set(None);
                self.write(&next);
                true
            }
            Err(rejection) => {
                self.refused.set(Some(Refused { field, rejection }));
                false
            }
        }
    }

    fn write(self, next: &StabilityState) {
        let query = next.to_query();
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let url = format!("/stability{query}");
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
        let parsed = QueryMap::parse(query.trim_start_matches('?'));
        if self.location.query.with_untracked(|q| *q != parsed) {
            self.location.query.set(parsed);
        }
    }
}

/// The routed stability view.
#[component]
pub fn StabilityView() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let parsed = Memo::new(move |_| location.query.with(StabilityState::from_query));
    let state = Memo::new(move |_| parsed.with(|(s, _)| s.clone()));
    let notices = Memo::new(move |_| parsed.with(|(_, n)| n.clone()));
    let imported = RwSignal::new(None::<Scenario>);
    let editor = Editor {
        state,
        imported,
        refused: RwSignal::new(None),
        location,
    };
    let current: Memo<Checked> =
        Memo::new(move |_| state.with(|s| imported.with(|i| checked(s, i.as_ref()))));
    let key = Memo::new(move |_| {
        let name = imported.with(|i| i.as_ref().map(|s| s.name.clone()).unwrap_or_default());
        format!("{}|{name}", state.with(StabilityState::run_key))
    });
    let runner = Runner::new(key);
    view! {
        <div class="stability lab">
            <h1>{move || i18n.t("stability.title")}</h1>
            <p class="muted">{move || i18n.t("stability.lede")}</p>
            <UrlNotices notices/>
            <editor::PresetBar editor current/>
            <div class="lab-setup">
                <editor::TopologyCard editor current/>
                <editor::RunCard editor runner current key/>
            </div>
            <results::ResultsPanel runner key/>
            <explain::HowComputed/>
        </div>
    }
}
