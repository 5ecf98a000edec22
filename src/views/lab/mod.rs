//! The scheduler lab: compare FGD and five baselines on the openb cluster or your own, in a
//! Web Worker. The page only edits the config (kept in the URL), starts and cancels the
//! worker, and renders what it sends back; parsing, generation and simulation run in the
//! worker (`src/bin/worker.rs`), so the main bundle stays small and the page responsive.
//!
//! The Leptos component owns one element and re-renders it from the URL state, the language
//! and a tick; the body is built with the plain helpers of `dom.rs` (see there why).

mod dom;
mod edit;
mod model;
mod panels;
mod render;
mod results;
mod state;
mod worker;

use crate::i18n::{Lang, use_i18n};
use crate::router::{navigate, use_location};
use crate::url_state::Notice;
use leptos::prelude::*;
use model::Results;
use state::LabState;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsValue;
use yunce_sched::{LabOp, Policy, WorkerMsg, encode_request};

/// A dropped file that the worker accepted, and what it said about it.
struct Accepted {
    file: web_sys::File,
    summary: String,
}

/// Everything the lab holds outside the URL.
#[derive(Default)]
struct Ui {
    lang: Option<Lang>,
    state: LabState,
    notices: Vec<Notice>,
    scope: dom::Scope,
    progress_el: Vec<web_sys::Element>,
    job: Option<worker::Job>,
    check: Option<worker::Job>,
    nodes: Option<Accepted>,
    pods: Option<Accepted>,
    file_error: Option<String>,
    run_error: Option<String>,
    status: Option<&'static str>,
    runs: Vec<(Policy, u64)>,
    running: bool,
    run_key: String,
    results: Option<Results>,
    heat_pick: Option<Policy>,
}

/// The lab's shared state and the tick that asks for a re-render.
#[derive(Clone)]
struct Lab {
    ui: Rc<RefCell<Ui>>,
    tick: RwSignal<u64>,
    /// The view's reactive owner: plain DOM listeners run outside it, and the router's
    /// `navigate` needs it to find the app's location.
    owner: Owner,
}

impl Ui {
    /// The results key: the config plus the names of the files in use.
    fn key(&self, state: &LabState) -> String {
        let name = |a: &Option<Accepted>| a.as_ref().map(|a| a.file.name()).unwrap_or_default();
        format!(
            "{}|{}|{}",
            state.run_key(),
            name(&self.nodes),
            name(&self.pods)
        )
    }

    fn file(a: &Option<Accepted>) -> JsValue {
        a.as_ref()
            .map(|a| JsValue::from(a.file.clone()))
            .unwrap_or(JsValue::NULL)
    }
}

impl Lab {
    /// Re-renders soon (never inside the handler that asked: it may be dropped by the render).
    fn refresh(&self) {
        let tick = self.tick;
        set_timeout(move || tick.update(|t| *t += 1), Duration::ZERO);
    }

    /// Drops a job after the current message is handled (a closure may not drop itself).
    fn finish(&self, check: bool) {
        let ui = self.ui.clone();
        set_timeout(
            move || {
                let mut u = ui.borrow_mut();
                if check {
                    u.check = None;
                } else {
                    u.job = None;
                }
            },
            Duration::ZERO,
        );
    }

    fn cancel(&self, status: &'static str) {
        let mut u = self.ui.borrow_mut();
        if u.running {
            u.job = None;
            u.running = false;
            u.status = Some(status);
            drop(u);
            self.refresh();
        }
    }

    fn run(&self) {
        let mut u = self.ui.borrow_mut();
        u.job = None;
        let st = u.state.clone();
        u.runs = st
            .policies
            .iter()
            .flat_map(|&p| st.seeds.iter().map(move |&s| (p, s)))
            .collect();
        u.running = true;
        u.status = None;
        u.run_error = None;
        u.run_key = u.key(&st);
        let acc = Rc::new(RefCell::new(Results {
            mode: st.mode,
            reports: Vec::new(),
            heat: Vec::new(),
            elapsed_ms: 0.0,
            key: u.run_key.clone(),
        }));
        let t0 = worker::now_ms();
        let request = encode_request(&st.request(LabOp::Run));
        let lab = self.clone();
        let on_msg = move |msg| match msg {
            WorkerMsg::Progress { run, done, total } => {
                let u = lab.ui.borrow();
                if let Some(bar) = u.progress_el.get(run) {
                    let frac = done as f64 / total.max(1) as f64;
                    let _ = bar.set_attribute("value", &format!("{frac:.3}"));
                }
            }
            WorkerMsg::Run(r) => acc.borrow_mut().reports.push(*r),
            WorkerMsg::Heat(p, h) => acc.borrow_mut().heat.push((p, h)),
            WorkerMsg::Done => {
                let mut done = acc.replace(Results {
                    mode: st.mode,
                    reports: Vec::new(),
                    heat: Vec::new(),
                    elapsed_ms: 0.0,
                    key: String::new(),
                });
                done.elapsed_ms = worker::now_ms() - t0;
                let mut u = lab.ui.borrow_mut();
                u.heat_pick = done.heat.last().map(|(p, _)| *p);
                u.results = Some(done);
                u.running = false;
                drop(u);
                lab.finish(false);
                lab.refresh();
            }
            WorkerMsg::Failed(_, m) => {
                let mut u = lab.ui.borrow_mut();
                u.run_error = Some(m);
                u.running = false;
                drop(u);
                lab.finish(false);
                lab.refresh();
            }
            WorkerMsg::Checked(..) => {}
        };
        let (n, p) = (Ui::file(&u.nodes), Ui::file(&u.pods));
        match worker::start(&request, &n, &p, on_msg) {
            Ok(job) => u.job = Some(job),
            Err(e) => {
                u.run_error = Some(e);
                u.running = false;
            }
        }
        drop(u);
        self.refresh();
    }

    /// Sends a dropped file to a worker for validation; only a valid file replaces the one in
    /// use, so a bad file never touches the last good results.
    fn import(&self, file: web_sys::File, nodes: bool) {
        let mut u = self.ui.borrow_mut();
        u.file_error = None;
        let op = if nodes {
            LabOp::CheckNodes
        } else {
            LabOp::CheckPods
        };
        let request = encode_request(&u.state.request(op));
        let name = file.name();
        let keep = file.clone();
        let lab = self.clone();
        let on_msg = move |msg| {
            let mut u = lab.ui.borrow_mut();
            let lang = u.lang.unwrap_or(Lang::En);
            match msg {
                WorkerMsg::Checked(_, rows, milli, detail) => {
                    let gpus = format!("{:.1}", milli as f64 / 1000.0);
                    let key = if nodes { "lab.nodes_ok" } else { "lab.pods_ok" };
                    let summary =
                        panels::fill(lang, key, &[&name, &rows.to_string(), &gpus, &detail]);
                    let slot = Some(Accepted {
                        file: keep.clone(),
                        summary,
                    });
                    if nodes {
                        u.nodes = slot;
                    } else {
                        u.pods = slot;
                    }
                }
                WorkerMsg::Failed(_, m) => u.file_error = Some(format!("{name}: {m}")),
                _ => return,
            }
            drop(u);
            lab.finish(true);
            lab.refresh();
        };
        let (n, p) = if nodes {
            (JsValue::from(file), JsValue::NULL)
        } else {
            (JsValue::NULL, JsValue::from(file))
        };
        match worker::start(&request, &n, &p, on_msg) {
            Ok(job) => u.check = Some(job),
            Err(e) => u.file_error = Some(e),
        }
        drop(u);
        self.refresh();
    }

    /// Writes an edited state to the URL, which re-renders.
    fn go(&self, f: impl FnOnce(&mut LabState) -> bool) {
        let mut next = self.ui.borrow().state.clone();
        if f(&mut next) {
            let url = format!("/lab{}", next.to_query());
            let owner = self.owner.clone();
            set_timeout(move || owner.with(|| navigate(&url, true)), Duration::ZERO);
        }
    }
}

/// The routed lab view.
#[component]
pub fn LabView() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_location().query;
    let root = NodeRef::<leptos::html::Div>::new();
    let lab = Lab {
        ui: Rc::new(RefCell::new(Ui::default())),
        tick: RwSignal::new(0),
        owner: Owner::current().unwrap_or_default(),
    };
    let stored = StoredValue::new_local(lab.clone());
    on_cleanup(move || {
        stored.with_value(|lab| {
            let mut u = lab.ui.borrow_mut();
            u.job = None;
            u.check = None;
        })
    });
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        let (state, notices) = query.with(LabState::from_query);
        lab.tick.track();
        let Some(el) = root.get() else {
            return;
        };
        {
            let mut u = lab.ui.borrow_mut();
            // A changed config makes a running job stale: cancel it.
            if u.running && u.key(&state) != u.run_key {
                u.job = None;
                u.running = false;
                u.status = Some("lab.cancelled_stale");
            }
            u.lang = Some(lang);
            u.state = state;
            u.notices = notices;
        }
        panels::render(&lab, &el);
    });
    view! { <div class="lab" node_ref=root></div> }
}
