//! What the stability view holds outside the URL: the running job, its progress and the last
//! reports. Everything here is a signal, so the view updates in place.

use super::worker::{self, Job};
use crate::components::progress::Progress;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use yunce_reliab::Report;
use yunce_reliab::setup::Setup;
use yunce_reliab::wire::{Request, WorkerMsg};

/// Reports of one finished run, side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// The run key (URL query) they were computed for.
    pub key: String,
    /// One report per scenario: the incident, then the what-if.
    pub reports: Vec<Report>,
    /// Worker milliseconds per scenario.
    pub ms: Vec<f64>,
    /// Component-years simulated per scenario.
    pub component_years: Vec<f64>,
}

/// Why the last run stopped early.
#[derive(Clone, Debug, PartialEq)]
pub enum Stop {
    /// The user pressed Cancel.
    Cancelled,
    /// A setting changed during the run.
    Stale,
    /// The worker refused or failed: the reason.
    Failed(String),
}

/// The view's run state. Copy: every field is a signal handle.
#[derive(Clone, Copy)]
pub struct Runner {
    /// Fraction done per scenario.
    pub progress: Progress,
    /// Whether a run is in progress.
    pub running: RwSignal<bool>,
    /// Why the last run stopped early.
    pub stop: RwSignal<Option<Stop>>,
    /// The last finished results.
    pub results: RwSignal<Option<Results>>,
    run_key: RwSignal<String>,
    job: StoredValue<Option<Job>, LocalStorage>,
    generation: StoredValue<u32>,
    owner: StoredValue<Option<Owner>>,
}

impl Runner {
    /// Run state for a view whose settings have the key `key`; a changed key cancels a run.
    pub fn new(key: Memo<String>) -> Self {
        let runner = Self {
            progress: Progress::new(),
            running: RwSignal::new(false),
            stop: RwSignal::new(None),
            results: RwSignal::new(None),
            run_key: RwSignal::new(String::new()),
            job: StoredValue::new_local(None),
            generation: StoredValue::new(0),
            owner: StoredValue::new(Owner::current()),
        };
        Effect::new(move |_| {
            let key = key.get();
            if runner.running.get_untracked() && key != runner.run_key.get_untracked() {
                runner.halt(Stop::Stale);
            }
        });
        on_cleanup(move || {
            runner.job.try_set_value(None);
        });
        runner
    }

    /// Stops the run in progress; the last results stay.
    pub fn cancel(self) {
        self.halt(Stop::Cancelled);
    }

    fn halt(self, why: Stop) {
        if self.running.get_untracked() {
            self.job.set_value(None);
            self.running.set(false);
            self.stop.set(Some(why));
        }
    }

    /// Drops a finished job after the message that finished it (a listener may not drop
    /// itself), unless a newer job replaced it meanwhile.
    fn finish(self, generation: u32) {
        set_timeout(
            move || {
                if self.generation.try_get_value() == Some(generation) {
                    self.job.try_set_value(None);
                }
            },
            Duration::ZERO,
        );
    }

    /// Simulates the `count` scenarios of `setup` (with an imported `file`) for the settings
    /// `key`. `component_years` says how much work each is, for the timing line.
    pub fn run(self, setup: Setup, file: Option<String>, key: String, component_years: Vec<f64>) {
        self.job.set_value(None);
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        self.progress.reset(component_years.len());
        self.running.set(true);
        self.stop.set(None);
        self.run_key.set(key.clone());
        let collected = Rc::new(RefCell::new(Results {
            key,
            reports: Vec::new(),
            ms: Vec::new(),
            component_years,
        }));
        let on_msg = move |msg| match msg {
            WorkerMsg::Progress {
                run,
                years_done,
                years_total,
            } => self.progress.note(
                run as usize,
                f64::from(years_done) / f64::from(years_total.max(1)),
            ),
            WorkerMsg::Report { report, ms, .. } => {
                let mut c = collected.borrow_mut();
                c.reports.push(*report);
                c.ms.push(ms);
            }
            WorkerMsg::Done { .. } => {
                self.progress.show();
                self.results.set(Some(collected.borrow().clone()));
                self.running.set(false);
                self.finish(generation);
            }
            WorkerMsg::Failed(reason) => {
                self.stop.set(Some(Stop::Failed(reason)));
                self.running.set(false);
                self.finish(generation);
            }
            WorkerMsg::Described { .. } | WorkerMsg::Json(_) => {}
        };
        let started = match self.owner.get_value() {
            Some(owner) => owner.with(|| worker::start(on_msg)),
            None => worker::start(on_msg),
        };
        match started {
            Ok(job) => {
                job.send(&Request::Run { setup, file });
                self.job.set_value(Some(job));
            }
            Err(e) => {
                self.stop.set(Some(Stop::Failed(e)));
                self.running.set(false);
            }
        }
    }
}
