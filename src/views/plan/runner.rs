//! What the planner holds outside the URL: the jobs in the worker, their answers, and an
//! imported chip catalogue. Every field is a signal, so the view updates in place.
//!
//! A solve and the preset comparison start by themselves whenever the inputs change, in one
//! long-lived worker (only the answer to the latest request is shown); the Pareto sweep, the
//! tornado and file jobs each get a worker of their own, so a sweep is cancelled by
//! terminating its worker.

use super::state::PlanState;
use super::worker::{self, Job};
use leptos::prelude::*;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsValue;
use yunce_plan::import::ImportError;
use yunce_plan::wire::{PlanMsg, PlanRequest};
use yunce_plan::{Chip, ParetoPoint, Plan, PlanError, Scenario, Tornado};

/// Which job a one-off worker runs; each kind has one slot, so a new job replaces the old.
/// (Solves and comparisons go to the long-lived engine worker.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The Pareto sweep.
    Sweep,
    /// The tornado.
    Tornado,
    /// Reading or writing a file.
    File,
}

const SLOTS: usize = 3;

/// A solve's answer and the worker's times, ms: the plan alone, and with shadow prices.
pub type Solved = (Result<Plan, PlanError>, f64, f64);

/// The sweep's progress and points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SweepState {
    /// Points solved so far, in budget order.
    pub points: Vec<ParetoPoint>,
    /// Points in the sweep.
    pub total: u32,
    /// Running now.
    pub running: bool,
    /// Worker time of the finished sweep, ms.
    pub ms: Option<f64>,
    /// Why the sweep stopped early, or a locale key (cancelled).
    pub error: Option<String>,
    /// The user stopped it.
    pub cancelled: bool,
}

/// The planner's run state. Copy: every field is a signal handle.
#[derive(Clone, Copy)]
pub struct Runner {
    state: Memo<PlanState>,
    /// The last solve's answer and its worker times, ms: the plan alone, and with prices.
    pub solved: RwSignal<Option<Solved>>,
    /// The last plan that solved (shown, marked, while an input is bad).
    pub last_good: RwSignal<Option<Plan>>,
    /// A solve runs now.
    pub solving: RwSignal<bool>,
    /// Solves answered so far (tests and the budget script wait on it).
    pub solves: RwSignal<u32>,
    /// The compared presets' answers, in the state's compare order.
    pub compared: RwSignal<Option<Vec<Result<Plan, PlanError>>>>,
    /// The sweep.
    pub sweep: RwSignal<SweepState>,
    /// The tornado and its worker time.
    pub tornado: RwSignal<Option<(Result<Tornado, PlanError>, f64)>>,
    /// The tornado runs now.
    pub tornado_running: RwSignal<bool>,
    /// Chips imported from a CSV, added to the catalogue.
    pub user_chips: RwSignal<Vec<Chip>>,
    /// Every bad cell of the last import.
    pub import_errors: RwSignal<Vec<ImportError>>,
    /// A file problem in words (unreadable file, bad JSON).
    pub file_error: RwSignal<Option<String>>,
    /// A scenario read from JSON, for the view to take over.
    pub scenario_read: RwSignal<Option<Scenario>>,
    jobs: StoredValue<[Option<Job>; SLOTS], LocalStorage>,
    engine: StoredValue<Option<Job>, LocalStorage>,
    /// Solves and comparisons sent to the engine worker, and answers received.
    asked: StoredValue<[u32; 2]>,
    answered: StoredValue<[u32; 2]>,
    generations: StoredValue<[u32; SLOTS]>,
    owner: StoredValue<Option<Owner>>,
}

impl Runner {
    /// Creates the run state for a view showing `state`; solves follow every change.
    pub fn new(state: Memo<PlanState>) -> Self {
        let runner = Self {
            state,
            solved: RwSignal::new(None),
            last_good: RwSignal::new(None),
            solving: RwSignal::new(false),
            solves: RwSignal::new(0),
            compared: RwSignal::new(None),
            sweep: RwSignal::new(SweepState::default()),
            tornado: RwSignal::new(None),
            tornado_running: RwSignal::new(false),
            user_chips: RwSignal::new(Vec::new()),
            import_errors: RwSignal::new(Vec::new()),
            file_error: RwSignal::new(None),
            scenario_read: RwSignal::new(None),
            jobs: StoredValue::new_local(Default::default()),
            engine: StoredValue::new_local(None),
            asked: StoredValue::new([0, 0]),
            answered: StoredValue::new([0, 0]),
            generations: StoredValue::new([0; SLOTS]),
            owner: StoredValue::new(Owner::current()),
        };
        Effect::new(move |_| {
            let st = state.get();
            let user = runner.user_chips.get();
            runner.solve(st.scenario(&user));
            runner.compare(st.compared(&user));
            // Sweep and tornado answers belong to the old inputs: drop them (and a running
            // sweep) rather than show them as if they were current.
            runner.stop(Slot::Sweep);
            runner.stop(Slot::Tornado);
            runner.sweep.set(SweepState::default());
            runner.tornado.set(None);
            runner.tornado_running.set(false);
        });
        on_cleanup(move || {
            runner.jobs.try_set_value(Default::default());
            runner.engine.try_set_value(None);
        });
        runner
    }

    /// The scenario of the current inputs.
    pub fn scenario(self) -> Scenario {
        let user = self.user_chips.get_untracked();
        self.state.get_untracked().scenario(&user)
    }

    fn stop(self, slot: Slot) {
        self.jobs.update_value(|j| j[slot as usize] = None);
    }

    /// Drops a finished job after the message that finished it (a listener may not drop
    /// itself), unless a newer job replaced it meanwhile.
    fn finish(self, slot: Slot, generation: u32) {
        set_timeout(
            move || {
                let current = self.generations.try_get_value().map(|g| g[slot as usize]);
                if current == Some(generation) {
                    self.jobs.try_update_value(|j| j[slot as usize] = None);
                }
            },
            Duration::ZERO,
        );
    }

    /// Starts `request` in a fresh worker in `slot`; `on_msg` gets every answer, and the
    /// job is dropped after its final one.
    fn launch(
        self,
        slot: Slot,
        request: &PlanRequest,
        file: &JsValue,
        on_msg: Box<dyn Fn(PlanMsg)>,
    ) -> Result<(), String> {
        self.stop(slot);
        self.generations.update_value(|g| g[slot as usize] += 1);
        let generation = self.generations.get_value()[slot as usize];
        let handler: Rc<dyn Fn(PlanMsg)> = Rc::new(move |msg: PlanMsg| {
            let last = msg.is_final();
            on_msg(msg);
            if last {
                self.finish(slot, generation);
            }
        });
        let job = match self.owner.get_value() {
            Some(owner) => owner.with(|| worker::start(handler)),
            None => worker::start(handler),
        }?;
        job.send(request, file);
        self.jobs.update_value(|j| j[slot as usize] = Some(job));
        Ok(())
    }

    /// The long-lived worker of solves and comparisons, started on first use: its wasm
    /// stays loaded and warm, so an edit costs one solve, not a worker start.
    fn engine(self) -> Result<(), String> {
        if self.engine.with_value(Option::is_some) {
            return Ok(());
        }
        let on_msg: Rc<dyn Fn(PlanMsg)> = Rc::new(move |msg| self.engine_answer(msg));
        let job = match self.owner.get_value() {
            Some(owner) => owner.with(|| worker::start(on_msg)),
            None => worker::start(on_msg),
        }?;
        self.engine.set_value(Some(job));
        Ok(())
    }

    /// Sends a solve (`0`) or comparison (`1`) to the engine worker.
    fn ask(self, kind: usize, request: &PlanRequest) -> Result<(), String> {
        self.engine()?;
        self.asked.update_value(|a| a[kind] += 1);
        self.engine
            .with_value(|j| j.as_ref().map(|j| j.send(request, &JsValue::NULL)));
        Ok(())
    }

    /// Counts answers per kind; the worker answers in order, so only the answer to the last
    /// request of a kind is shown (an older one would show stale inputs).
    fn latest(self, kind: usize) -> bool {
        self.answered.update_value(|a| a[kind] += 1);
        self.answered.get_value()[kind] == self.asked.get_value()[kind]
    }

    fn engine_answer(self, msg: PlanMsg) {
        match msg {
            PlanMsg::Solved {
                result,
                plan_ms,
                ms,
            } => {
                if !self.latest(0) {
                    return;
                }
                if let Ok(plan) = &result {
                    self.last_good.set(Some(plan.clone()));
                }
                self.solved.set(Some((result, plan_ms, ms)));
                self.solving.set(false);
                self.solves.update(|n| *n += 1);
            }
            PlanMsg::Compared(results) => {
                if self.latest(1) {
                    self.compared.set(Some(results));
                }
            }
            PlanMsg::Failed(m) => {
                // The worker is gone or confused: the next request starts a new one.
                self.solved.set(Some((Err(PlanError::Solver(m)), 0.0, 0.0)));
                self.solving.set(false);
                self.compared.set(None);
                self.asked.set_value([0, 0]);
                self.answered.set_value([0, 0]);
                set_timeout(
                    move || {
                        self.engine.try_set_value(None);
                    },
                    Duration::ZERO,
                );
            }
            _ => {}
        }
    }

    /// Solves and compares the current inputs again in a fresh worker (after a worker
    /// failed to load).
    pub fn retry(self) {
        let user = self.user_chips.get_untracked();
        let st = self.state.get_untracked();
        self.engine.set_value(None);
        self.solve(st.scenario(&user));
        self.compare(st.compared(&user));
    }

    fn solve(self, scenario: Scenario) {
        self.solving.set(true);
        if let Err(e) = self.ask(0, &PlanRequest::Solve(scenario)) {
            self.solved.set(Some((Err(PlanError::Solver(e)), 0.0, 0.0)));
            self.solving.set(false);
        }
    }

    fn compare(self, scenarios: Vec<Scenario>) {
        if self.ask(1, &PlanRequest::Compare(scenarios)).is_err() {
            self.compared.set(None);
        }
    }

    /// Starts the Pareto sweep of the current inputs.
    pub fn run_sweep(self) {
        let total = self.state.get_untracked().points;
        self.sweep.set(SweepState {
            total,
            running: true,
            ..SweepState::default()
        });
        let on_msg = move |msg| match msg {
            PlanMsg::Point { done, total, point } => self.sweep.update(|s| {
                s.points.push(point);
                s.total = total;
                debug_assert!(s.points.len() == done as usize);
            }),
            PlanMsg::Swept { result, ms } => self.sweep.update(|s| {
                s.running = false;
                s.ms = Some(ms);
                s.error = result.err().map(|e| e.to_string());
            }),
            PlanMsg::Failed(m) => self.sweep.update(|s| {
                s.running = false;
                s.error = Some(m);
            }),
            _ => {}
        };
        let request = PlanRequest::Sweep {
            scenario: self.scenario(),
            points: total,
        };
        if let Err(e) = self.launch(Slot::Sweep, &request, &JsValue::NULL, Box::new(on_msg)) {
            self.sweep.update(|s| {
                s.running = false;
                s.error = Some(e);
            });
        }
    }

    /// Stops a running sweep; the points so far stay.
    pub fn cancel_sweep(self) {
        if self.sweep.with_untracked(|s| s.running) {
            self.stop(Slot::Sweep);
            self.sweep.update(|s| {
                s.running = false;
                s.cancelled = true;
            });
        }
    }

    /// Starts the tornado at ±30% plus every reported range.
    pub fn run_tornado(self) {
        self.tornado_running.set(true);
        let on_msg = move |msg| {
            let answer = match msg {
                PlanMsg::Tornado { result, ms } => (result, ms),
                PlanMsg::Failed(m) => (Err(PlanError::Solver(m)), 0.0),
                _ => return,
            };
            self.tornado.set(Some(answer));
            self.tornado_running.set(false);
        };
        let request = PlanRequest::Tornado {
            scenario: self.scenario(),
            percent: 0.3,
        };
        if let Err(e) = self.launch(Slot::Tornado, &request, &JsValue::NULL, Box::new(on_msg)) {
            self.tornado.set(Some((Err(PlanError::Solver(e)), 0.0)));
            self.tornado_running.set(false);
        }
    }

    /// Reads a chip catalogue CSV in the worker; only a clean file joins the catalogue, so a
    /// broken one changes nothing but the error list.
    pub fn import_chips(self, file: web_sys::File) {
        self.file_error.set(None);
        self.import_errors.set(Vec::new());
        let name = file.name();
        let on_msg = move |msg| match msg {
            PlanMsg::Imported(Ok(chips)) => self.user_chips.set(chips),
            PlanMsg::Imported(Err(errors)) => self.import_errors.set(errors),
            PlanMsg::Failed(m) => self.file_error.set(Some(format!("{name}: {m}"))),
            _ => {}
        };
        let file = JsValue::from(file);
        if let Err(e) = self.launch(
            Slot::File,
            &PlanRequest::ImportChips,
            &file,
            Box::new(on_msg),
        ) {
            self.file_error.set(Some(e));
        }
    }

    /// Reads a scenario JSON in the worker and hands it to the view.
    pub fn read_scenario(self, file: web_sys::File) {
        self.file_error.set(None);
        let name = file.name();
        let on_msg = move |msg| match msg {
            PlanMsg::ScenarioRead(Ok(s)) => self.scenario_read.set(Some(s)),
            PlanMsg::ScenarioRead(Err(m)) | PlanMsg::Failed(m) => {
                self.file_error.set(Some(format!("{name}: {m}")))
            }
            _ => {}
        };
        let file = JsValue::from(file);
        if let Err(e) = self.launch(
            Slot::File,
            &PlanRequest::ReadScenario,
            &file,
            Box::new(on_msg),
        ) {
            self.file_error.set(Some(e));
        }
    }

    /// Writes the current scenario as the CLI's JSON in the worker, then saves it.
    pub fn save_scenario(self, filename: String) {
        let on_msg = move |msg| match msg {
            PlanMsg::ScenarioJson(json) => {
                crate::components::download::save_text(&filename, "application/json", &json)
            }
            PlanMsg::Failed(m) => self.file_error.set(Some(m)),
            _ => {}
        };
        let request = PlanRequest::WriteScenario(self.scenario());
        if let Err(e) = self.launch(Slot::File, &request, &JsValue::NULL, Box::new(on_msg)) {
            self.file_error.set(Some(e));
        }
    }
}
