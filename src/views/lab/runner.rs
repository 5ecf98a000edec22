//! What the lab holds outside the URL: the running job, its progress, the last results and
//! the dropped files. Everything here is a signal, so the view updates in place.

use super::estimate::{DEFAULT_RATE, Estimate, estimate};
use super::model::{Heat, Results};
use super::state::LabState;
use super::worker::{self, Job};
use crate::components::progress::Progress;
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
    /// Runs the comparison for the current state, after asking when it would take long.
    Run,
    /// Runs it although the estimate is long.
    Confirm,
    /// Does not run the long comparison after all.
    Dismiss,
    /// Stops the running comparison; the last results stay.
    Cancel,
    /// Forgets a dropped file and goes back to the built-in cluster or workload.
    UseBuiltin(FileKind),
}

/// Who does which run of a comparison spread over several workers.
struct Pool {
    /// The next run not yet handed out.
    next: usize,
    /// Runs in all.
    total: usize,
    /// Runs finished.
    finished: usize,
    /// What came back so far, in arrival order.
    results: Results,
}

impl Pool {
    /// Hands out the next run, if any is left.
    fn take(&mut self) -> Option<usize> {
        (self.next < self.total).then(|| {
            self.next += 1;
            self.next - 1
        })
    }
}

/// The lab's run state, shared by its render pieces. Copy: every field is a signal handle.
#[derive(Clone, Copy)]
pub struct Runner {
    state: Memo<LabState>,
    /// (policy, seed) of each run of the last comparison, in request order.
    pub runs: RwSignal<Vec<(Policy, u64)>>,
    /// Fraction done of each run.
    pub progress: Progress,
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
    /// What the next run will be, with its expected time.
    pub estimate: Memo<Estimate>,
    /// A long run waiting for the user's go-ahead.
    pub confirm: RwSignal<Option<Estimate>>,
    /// Pods per second per worker, measured by the last run in this tab.
    rate: RwSignal<f64>,
    jobs: StoredValue<Vec<Job>, LocalStorage>,
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
        let rate = RwSignal::new(DEFAULT_RATE);
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
            progress: Progress::new(),
            running: RwSignal::new(false),
            status: RwSignal::new(None),
            run_error: RwSignal::new(None),
            file_error: RwSignal::new(None),
            nodes,
            pods,
            results: RwSignal::new(None),
            run_key: RwSignal::new(String::new()),
            key,
            estimate: Memo::new(move |_| {
                let st = state.get();
                let pod_rows = pods.with(|a| a.as_ref().map(|a| a.rows));
                let node_file = nodes.with(|a| a.as_ref().map(|a| (a.rows, a.milli / 1000)));
                let runs = st.policies.len() * st.seeds.len();
                estimate(
                    &st,
                    pod_rows,
                    node_file,
                    worker::pool_size(runs),
                    rate.get(),
                )
            }),
            confirm: RwSignal::new(None),
            rate,
            jobs: StoredValue::new_local(Vec::new()),
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
            runner.confirm.set(None);
        });
        on_cleanup(move || {
            runner.jobs.try_set_value(Vec::new());
            runner.check.try_set_value(None);
        });
        runner
    }

    /// Carries out a command of the run controls.
    pub fn dispatch(self, command: Command) {
        match command {
            Command::Run => {
                let e = self.estimate.get_untracked();
                if e.needs_confirm() {
                    self.confirm.set(Some(e));
                } else {
                    self.run();
                }
            }
            Command::Confirm => {
                self.confirm.set(None);
                self.run();
            }
            Command::Dismiss => self.confirm.set(None),
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
            self.jobs.set_value(Vec::new());
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
                    if check {
                        self.check.try_set_value(None);
                    } else {
                        self.jobs.try_set_value(Vec::new());
                    }
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
        on_msg: impl Fn(WorkerMsg, &worker::Sender) + 'static,
    ) -> Result<Job, String> {
        match self.owner.get_value() {
            Some(owner) => owner.with(|| worker::start(request, nodes, pods, on_msg)),
            None => worker::start(request, nodes, pods, on_msg),
        }
    }

    fn run(self) {
        self.jobs.set_value(Vec::new());
        let generation = self.next_generation(false);
        let st = self.state.get_untracked();
        let runs: Vec<(Policy, u64)> = st
            .policies
            .iter()
            .flat_map(|&p| st.seeds.iter().map(move |&s| (p, s)))
            .collect();
        let total = runs.len();
        let work = self.estimate.get_untracked().work();
        self.progress.reset(total);
        self.runs.set(runs);
        self.running.set(true);
        self.status.set(None);
        self.run_error.set(None);
        let key = self.key.get_untracked();
        self.run_key.set(key.clone());
        let pool = Rc::new(RefCell::new(Pool {
            next: 0,
            total,
            finished: 0,
            results: Results {
                mode: st.mode,
                reports: Vec::new(),
                heat: Vec::new(),
                elapsed_ms: 0.0,
                key,
            },
        }));
        let started = worker::now_ms();
        let base = st.request(LabOp::Run);
        let workers = worker::pool_size(total);
        let order = st.policies.clone();
        let request = move |run: usize| LabRequest {
            runs: vec![run as u32],
            ..base.clone()
        };
        let (nodes, pods) = (file_value(self.nodes), file_value(self.pods));
        let mut jobs = Vec::with_capacity(workers);
        for _ in 0..workers {
            let Some(first) = pool.borrow_mut().take() else {
                break;
            };
            let first = request(first);
            let (pool, request, order) = (pool.clone(), request.clone(), order.clone());
            let on_msg = move |msg, sender: &worker::Sender| match msg {
                WorkerMsg::Progress { run, done, total } => {
                    self.progress.note(run, done as f64 / total.max(1) as f64)
                }
                WorkerMsg::Run(report) => pool.borrow_mut().results.reports.push(*report),
                WorkerMsg::Heat(policy, per_strip, strips) => pool
                    .borrow_mut()
                    .results
                    .heat
                    .push((policy, Heat { per_strip, strips })),
                // One run of this worker is done: give it the next, or finish with the last.
                WorkerMsg::Done => {
                    let mut p = pool.borrow_mut();
                    p.finished += 1;
                    if let Some(next) = p.take() {
                        sender.send(&request(next));
                    } else if p.finished == total {
                        let mut done = p.results.clone();
                        drop(p);
                        // Workers finish in any order: the CLI's order is the request's.
                        done.reports.sort_by_key(|r| r.run);
                        let rank = |q: &Policy| order.iter().position(|x| x == q);
                        done.heat.sort_by_key(|(q, _)| rank(q));
                        done.elapsed_ms = worker::now_ms() - started;
                        self.progress.show();
                        let seconds = (done.elapsed_ms / 1000.0).max(0.05);
                        let per_worker =
                            work as f64 / seconds * total.div_ceil(workers) as f64 / total as f64;
                        self.rate.set(per_worker.max(1.0));
                        self.results.set(Some(done));
                        self.running.set(false);
                        self.finish(generation, false);
                    }
                }
                WorkerMsg::Failed(_, message) => {
                    self.run_error.set(Some(message));
                    self.running.set(false);
                    self.finish(generation, false);
                }
                WorkerMsg::Checked(..) => {}
            };
            match self.start(&first, &nodes, &pods, on_msg) {
                Ok(job) => jobs.push(job),
                Err(e) => {
                    self.run_error.set(Some(e));
                    self.running.set(false);
                    return;
                }
            }
        }
        self.jobs.set_value(jobs);
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
        let on_msg = move |msg, _: &worker::Sender| {
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
