//! The stability view: Alibaba Cloud's outages as scenarios, each beside its what-if, simulated
//! in a Web Worker with progress and cancel, with the exact result beside the Monte Carlo.
//!
//! The settings live in the URL (`state.rs`). All engine work happens in the worker
//! (`src/bin/reliab_worker.rs`), so the UI bundle carries none of it: the view sends the
//! setup, and the worker describes it (defaults with provenance, the engine's verdict),
//! simulates it, or writes it as JSON. An edit is written to the URL only after the engine
//! accepted it; a refused one shows the reason and changes nothing.

mod charts;
mod editor;
mod explain;
mod export;
mod results;
mod runner;
pub(crate) mod state;
mod text;
mod worker;

use crate::components::download::save_text;
use crate::components::notices::UrlNotices;
use crate::components::worker::WorkerRetry;
use crate::i18n::use_i18n;
use crate::router::{Location, QueryMap, use_location};
use leptos::prelude::*;
use runner::Runner;
use state::StabilityState;
use text::tr;
use wasm_bindgen::JsValue;
use worker::Job;
use yunce_reliab::setup::{Description, SetupError};
use yunce_reliab::wire::{Request, WorkerMsg};

/// A refused edit: the field it came from and the engine's reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    /// Test id of the field.
    pub field: &'static str,
    /// Why.
    pub problem: SetupError,
}

/// What a describe request was for.
#[derive(Clone, Debug)]
enum Purpose {
    /// The current state: fills the editor.
    Current,
    /// An edit from `field`, written to the URL if the engine accepts it.
    Edit(&'static str, Box<StabilityState>),
    /// A scenario file (name, text), kept if the engine accepts it.
    Import(String, String),
}

/// The view's link to the worker that describes setups and writes JSON, and the URL writer.
#[derive(Clone, Copy)]
pub struct Editor {
    /// The state read from the URL.
    pub state: Memo<StabilityState>,
    /// An imported scenario file (name, JSON text); a file cannot live in a link.
    pub file: RwSignal<Option<(String, String)>>,
    /// The engine's description of the current state.
    pub description: RwSignal<Option<Description>>,
    /// The last refused edit.
    pub refused: RwSignal<Option<Refused>>,
    /// Why the last imported file was refused.
    pub import_error: RwSignal<Option<String>>,
    location: Location,
    job: StoredValue<Option<Job>, LocalStorage>,
    pending: StoredValue<Vec<(u32, Purpose)>, LocalStorage>,
    next_id: StoredValue<u32>,
    /// Which side's JSON the last export asked for.
    export_side: StoredValue<usize>,
}

impl Editor {
    fn ask(self, purpose: Purpose, state: &StabilityState, file: Option<String>) {
        self.next_id.update_value(|i| *i += 1);
        let id = self.next_id.get_value();
        self.pending.update_value(|p| {
            // Only the newest request of each kind matters.
            p.retain(|(_, q)| std::mem::discriminant(q) != std::mem::discriminant(&purpose));
            p.push((id, purpose));
        });
        let request = Request::Describe {
            id,
            setup: state.setup(),
            file,
        };
        self.job.with_value(|j| {
            if let Some(j) = j {
                j.send(&request);
            }
        });
    }

    /// Starts the describing worker (again, after it failed to load) and describes the
    /// current state.
    fn restart(self) {
        self.job.set_value(None);
        self.pending.set_value(Vec::new());
        match worker::start(move |msg| self.on_msg(msg)) {
            Ok(job) => self.job.set_value(Some(job)),
            Err(e) => self.import_error.set(Some(e)),
        }
    }

    fn file_text(self) -> Option<String> {
        self.file
            .with_untracked(|f| f.as_ref().map(|(_, t)| t.clone()))
    }

    /// Applies an edit once the engine accepts the scenarios it gives; otherwise shows why
    /// beside `field` and changes nothing.
    pub fn update(self, field: &'static str, edit: impl FnOnce(&mut StabilityState)) {
        let mut next = self.state.get_untracked();
        edit(&mut next);
        self.ask(
            Purpose::Edit(field, Box::new(next.clone())),
            &next,
            self.file_text(),
        );
    }

    /// Checks a scenario file and uses it if the engine accepts it.
    pub fn import(self, name: String, text: String) {
        self.import_error.set(None);
        let state = self.state.get_untracked();
        self.ask(Purpose::Import(name, text.clone()), &state, Some(text));
    }

    /// Asks for the JSON of side `side` (0: left, 1: what-if); it downloads when it comes.
    pub fn export(self, side: usize) {
        self.export_side.set_value(side);
        let request = Request::Export {
            setup: self.state.get_untracked().setup(),
            file: self.file_text(),
        };
        self.job.with_value(|j| {
            if let Some(j) = j {
                j.send(&request);
            }
        });
    }

    fn on_msg(self, msg: WorkerMsg) {
        match msg {
            WorkerMsg::Described { id, description } => {
                let mut purpose = None;
                self.pending.update_value(|p| {
                    if let Some(i) = p.iter().position(|(pid, _)| *pid == id) {
                        purpose = Some(p.remove(i).1);
                    }
                });
                match purpose {
                    // A new years or seed value is described again but usually gives the
                    // same description; setting it anyway rebuilds the editor's rows in one
                    // main-thread task, often while a run's results arrive.
                    Some(Purpose::Current) => {
                        if self
                            .description
                            .with_untracked(|d| d.as_ref() != Some(&*description))
                        {
                            self.description.set(Some(*description));
                        }
                    }
                    Some(Purpose::Edit(field, next)) => match description.problem {
                        Some(problem) => self.refused.set(Some(Refused { field, problem })),
                        None => {
                            self.refused.set(None);
                            self.write(&next);
                        }
                    },
                    Some(Purpose::Import(name, text)) => match description.problem {
                        Some(SetupError::Setup(m)) => {
                            self.import_error.set(Some(format!("{name}: {m}")))
                        }
                        Some(SetupError::Rejected { error, .. }) => {
                            self.import_error.set(Some(format!("{name}: {error}")))
                        }
                        None => {
                            self.refused.set(None);
                            self.file.set(Some((name, text)));
                        }
                    },
                    None => {}
                }
            }
            WorkerMsg::Json(files) => {
                if let Some((stem, text)) = files.get(self.export_side.get_value()) {
                    save_text(&format!("{stem}.json"), "application/json", text);
                }
            }
            WorkerMsg::Failed(reason) => self.import_error.set(Some(reason)),
            _ => {}
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
    let editor = Editor {
        state,
        file: RwSignal::new(None),
        description: RwSignal::new(None),
        refused: RwSignal::new(None),
        import_error: RwSignal::new(None),
        location,
        job: StoredValue::new_local(None),
        pending: StoredValue::new_local(Vec::new()),
        next_id: StoredValue::new(0),
        export_side: StoredValue::new(0),
    };
    editor.restart();
    on_cleanup(move || {
        editor.job.try_set_value(None);
    });
    // Every new state (an edit, Back, a reload, an import) is described again.
    Effect::new(move |_| {
        let s = state.get();
        let file = editor.file.with(|f| f.as_ref().map(|(_, t)| t.clone()));
        editor.ask(Purpose::Current, &s, file);
    });
    let key = Memo::new(move |_| {
        let name = editor
            .file
            .with(|f| f.as_ref().map(|(n, _)| n.clone()).unwrap_or_default());
        format!("{}|{name}", state.with(StabilityState::run_key))
    });
    let runner = Runner::new(key);
    // Results and the method paint a frame after the heading and the editor.
    let painted = crate::components::paint::after_first_paint();
    view! {
        <div class="stability lab">
            <h1>{tr(i18n, "stability.title")}</h1>
            <p class="muted">{tr(i18n, "stability.lede")}</p>
            <UrlNotices notices/>
            <WorkerRetry on_retry=Callback::new(move |()| {
                editor.import_error.set(None);
                editor.restart();
                let file = editor.file_text();
                editor.ask(Purpose::Current, &state.get_untracked(), file);
            })/>
            <editor::PresetBar editor/>
            <div class="lab-setup">
                <editor::TopologyCard editor/>
                <editor::RunCard editor runner key/>
            </div>
            <Show when=move || painted.get()>
                <results::ResultsPanel runner key/>
                <explain::HowComputed/>
            </Show>
        </div>
    }
}

/// The notices a query gives this view, and whether it differs from the defaults (for
/// tests of links into the view from elsewhere).
#[cfg(test)]
pub(crate) fn query_check(map: &QueryMap) -> (Vec<crate::url_state::Notice>, bool) {
    let (state, notices) = StabilityState::from_query(map);
    (notices, !state.to_query().is_empty())
}
