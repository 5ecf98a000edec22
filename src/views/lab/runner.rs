//! What the lab holds outside the URL: the running job, its progress, the last results and
//! the dropped files. Everything here is a signal, so the view updates in place.

use super::model::Results;
use super::state::LabState;
use super::worker::{self, Job};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsValue;
use yunce_sched::{LabOp, LabRequest, Policy, WorkerMsg};

/// Which dropped file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A node list: replaces the cluster.
    Nodes,
    /// A pod list: replaces the generated workload.
    Pods,
}

/// A dropped file that the worker accepted, and what it said about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Accepted {
    /// The file, sent to the worker with every run.
    pub file: web_sys::File,
    /// Its name.
    pub name: String,
    /// Rows: nodes or pods.
    pub rows: u64,
    /// GPU milli: capacity or request.
    pub milli: u64,
    /// The worker's detail text (models, or whether pods are timed).
    pub detail: String,
}

/// What the run controls ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Runs the comparison for the current state.
    Run,
    /// Stops the running comparison; the last results stay.
    Cancel,
    /// Forgets a dropped file and goes back to the built-in cluster or workload.
    UseBuiltin(FileKind),
}

/// The lab's run state, shared by its render pieces. Copy: every field is a signal handle.
#[derive(Clone, Copy)]
pub struct Runner {
    state: Memo<LabState>,
    /// (policy, seed) of each run of the last comparison, in request order.
    pub runs: RwSignal<Vec<(Policy, u64)>>,
    /// Fraction done of each run.
    pub progress: RwSignal<Vec<f64>>,
    /// Whether a comparison runs now.
    pub running: RwSignal<bool>,
    /// Locale key of the last stop reason.
    pub status: RwSignal<Option<&'static str>>,
    /// Why the last run failed.
    pub run_error: RwSignal<Option<String>>,
    /// Why the last dropped file was refused.
    pub file_error: RwSignal<Option<String>>,
    /// Accepted node list.
    pub nodes: RwSignal<Option<Accepted>, LocalStorage>,
    /// Accepted pod list.
    pub pods: RwSignal<Option<Accepted>, LocalStorage>,
    /// The last finished results.
    pub results: RwSignal<Option<Results>>,
    /// The config key of the comparison that runs or ran last.
    run_key: RwSignal<String>,
    /// The config key of the current settings and files.
    pub key: Memo<String>,
    job: StoredValue<Option<Job>, LocalStorage>,
    check: StoredValue<Option<Job>, LocalStorage>,
    /// Counts runs and checks, so a finished job never drops a newer one.
    generations: StoredValue<[u32; 2]>,
    /// The lab's owner: a job's listeners belong to it, so they go when the lab unmounts.
    owner: StoredValue<Option<Owner>>,
}

fn file_value(slot: RwSignal<Option<Accepted>, LocalStorage>) -> JsValue {
    slot.with_untracked(|a| {
        a.as_ref()
            .map(|a| JsValue::from(a.file.clone()))
            .unwrap_or(JsValue::NULL)
    })
}

impl Runner {
    /// Creates the run state for a lab showing `state`. Jobs stop when the lab unmounts.
    pub fn new(state: Memo<LabState>) -> Self {
        let nodes = RwSignal::new_local(None::<Accepted>);
        let pods = RwSignal::new_local(None::<Accepted>);
        let key = Memo::new(move |_| {
            let name = |slot: RwSignal<Option<Accepted>, LocalStorage>| {
                slot.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default())
            };
            format!(
                "{}|{}|{}",
                state.with(LabState::run_key),
                name(nodes),
                name(pods)
            )
        });
        let runner = Self {
            state,
            runs: RwSignal::new(Vec::new()),
            progress: RwSignal::new(Vec::new()),
            running: RwSignal::new(false),
            status: RwSignal::new(None),
            run_error: RwSignal::new(None),
            file_error: RwSignal::new(None),
            nodes,
            pods,
            results: RwSignal::new(None),
            run_key: RwSignal::new(String::new()),
            key,
            job: StoredValue::new_local(None),
            check: StoredValue::new_local(None),
            generations: StoredValue::new([0, 0]),
            owner: StoredValue::new(Owner::current()),
        };
        // A changed setting makes a running comparison stale: cancel it.
        Effect::new(move |_| {
            let key = runner.key.get();
            if runner.running.get_untracked() && key != runner.run_key.get_untracked() {
                runner.stop("lab.cancelled_stale");
            }
        });
        on_cleanup(move || {
            runner.job.try_set_value(None);
            runner.check.try_set_value(None);
        });
        runner
    }

    /// Carries out a command of the run controls.
    pub fn dispatch(self, command: Command) {
        match command {
            Command::Run => self.run(),
            Command::Cancel => self.stop("lab.cancelled"),
            Command::UseBuiltin(kind) => self.slot(kind).set(None),
        }
    }

    /// The slot of a dropped file.
    pub fn slot(self, kind: FileKind) -> RwSignal<Option<Accepted>, LocalStorage> {
        match kind {
            FileKind::Nodes => self.nodes,
            FileKind::Pods => self.pods,
        }
    }

    /// Whether the results shown were computed for other settings.
    pub fn stale(self) -> bool {
        self.results
            .with(|r| r.as_ref().is_some_and(|r| r.key != self.key.get()))
    }

    fn stop(self, status: &'static str) {
        if self.running.get_untracked() {
            self.job.set_value(None);
            self.running.set(false);
            self.status.set(Some(status));
        }
    }

    /// Drops a finished job after the message that finished it (a listener may not drop
    /// itself), unless a newer job replaced it meanwhile.
    fn finish(self, generation: u32, check: bool) {
        set_timeout(
            move || {
                let current = self
                    .generations
                    .try_get_value()
                    .map(|g| g[usize::from(check)]);
                if current == Some(generation) {
                    let slot = if check { self.check } else { self.job };
                    slot.try_set_value(None);
                }
            },
            Duration::ZERO,
        );
    }

    fn next_generation(self, check: bool) -> u32 {
        let i = usize::from(check);
        self.generations.update_value(|g| g[i] += 1);
        self.generations.get_value()[i]
    }

    fn start(
        self,
        request: &LabRequest,
        nodes: &JsValue,
        pods: &JsValue,
        on_msg: impl Fn(WorkerMsg) + 'static,
    ) -> Result<Job, String> {
        match self.owner.get_value() {
            Some(owner) => owner.with(|| worker::start(request, nodes, pods, on_msg)),
            None => worker::start(request, nodes, pods, on_msg),
        }
    }

    fn run(self) {
        self.job.set_value(None);
        let generation = self.next_generation(false);
        let st = self.state.get_untracked();
        let runs: Vec<(Policy, u64)> = st
            .policies
            .iter()
            .flat_map(|&p| st.seeds.iter().map(move |&s| (p, s)))
            .collect();
        self.progress.set(vec![0.0; runs.len()]);
        self.runs.set(runs);
        self.running.set(true);
        self.status.set(None);
        self.run_error.set(None);
        let key = self.key.get_untracked();
        self.run_key.set(key.clone());
        let empty = Results {
            mode: st.mode,
            reports: Vec::new(),
            heat: Vec::new(),
            elapsed_ms: 0.0,
            key,
        };
        let collected = Rc::new(RefCell::new(empty));
        let started = worker::now_ms();
        let on_msg = move |msg| match msg {
            WorkerMsg::Progress { run, done, total } => self.progress.update(|p| {
                if let Some(slot) = p.get_mut(run) {
                    *slot = done as f64 / total.max(1) as f64;
                }
            }),
            WorkerMsg::Run(report) => collected.borrow_mut().reports.push(*report),
            WorkerMsg::Heat(policy, heat) => collected.borrow_mut().heat.push((policy, heat)),
            WorkerMsg::Done => {
                let mut done = collected.borrow().clone();
                done.elapsed_ms = worker::now_ms() - started;
                self.results.set(Some(done));
                self.running.set(false);
                self.finish(generation, false);
            }
            WorkerMsg::Failed(_, message) => {
                self.run_error.set(Some(message));
                self.running.set(false);
                self.finish(generation, false);
            }
            WorkerMsg::Checked(..) => {}
        };
        let request = st.request(LabOp::Run);
        let (nodes, pods) = (file_value(self.nodes), file_value(self.pods));
        match self.start(&request, &nodes, &pods, on_msg) {
            Ok(job) => self.job.set_value(Some(job)),
            Err(e) => {
                self.run_error.set(Some(e));
                self.running.set(false);
            }
        }
    }

    /// Sends a dropped file to a worker for validation; only a valid file replaces the one in
    /// use, so a bad file never touches the last good results.
    pub fn check_file(self, file: web_sys::File, kind: FileKind) {
        self.file_error.set(None);
        let generation = self.next_generation(true);
        let op = match kind {
            FileKind::Nodes => LabOp::CheckNodes,
            FileKind::Pods => LabOp::CheckPods,
        };
        let request = self.state.get_untracked().request(op);
        let name = file.name();
        let keep = file.clone();
        let on_msg = move |msg| {
            match msg {
                WorkerMsg::Checked(_, rows, milli, detail) => self.slot(kind).set(Some(Accepted {
                    file: keep.clone(),
                    name: name.clone(),
                    rows,
                    milli,
                    detail,
                })),
                WorkerMsg::Failed(_, m) => self.file_error.set(Some(format!("{name}: {m}"))),
                _ => return,
            }
            self.finish(generation, true);
        };
        let (nodes, pods) = match kind {
            FileKind::Nodes => (JsValue::from(file), JsValue::NULL),
            FileKind::Pods => (JsValue::NULL, JsValue::from(file)),
        };
        match self.start(&request, &nodes, &pods, on_msg) {
            Ok(job) => self.check.set_value(Some(job)),
            Err(e) => self.file_error.set(Some(e)),
        }
    }
}
