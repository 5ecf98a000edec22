//! The scheduler lab: compare FGD and five baselines on the openb cluster or your own, in a
//! Web Worker. The page only edits the config (kept in the URL), starts and cancels the
//! worker, and renders what it sends back; parsing, generation and simulation run in the
//! worker (`src/bin/worker.rs`), so the main bundle stays small and the page responsive.
//!
//! This is the lab's UI module (`src/bin/lab_lazy.rs`), loaded by the page only when `/lab`
//! opens, so it costs the main bundle nothing. It renders into the `#lab-root` element of
//! the app's lab view, reads its config from the URL, and re-renders when the app calls
//! `lab_refresh` (after a URL or language change).

use super::i18n::Lang;
use super::model::Results;
use super::state::LabState;
use super::url_state::Notice;
use super::{dom, panels, worker};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::*;
use yunce_sched::{LabOp, Policy, WorkerMsg, encode_request};

/// A dropped file that the worker accepted, and what it said about it.
pub(crate) struct Accepted {
    pub(crate) file: web_sys::File,
    pub(crate) summary: String,
}

/// Everything the lab holds outside the URL.
#[derive(Default)]
pub struct Ui {
    pub(crate) lang: Option<Lang>,
    pub(crate) state: LabState,
    pub(crate) notices: Vec<Notice>,
    pub(crate) scope: dom::Scope,
    pub(crate) progress_el: Vec<web_sys::Element>,
    pub(crate) job: Option<worker::Job>,
    pub(crate) check: Option<worker::Job>,
    pub(crate) nodes: Option<Accepted>,
    pub(crate) pods: Option<Accepted>,
    pub(crate) file_error: Option<String>,
    pub(crate) run_error: Option<String>,
    pub(crate) status: Option<&'static str>,
    pub(crate) runs: Vec<(Policy, u64)>,
    pub(crate) running: bool,
    pub(crate) run_key: String,
    pub(crate) results: Option<Results>,
    pub(crate) heat_pick: Option<Policy>,
}

/// The lab's shared state.
#[derive(Clone)]
pub struct Lab {
    pub(crate) ui: Rc<RefCell<Ui>>,
}

/// Runs `f` on the next turn of the event loop.
fn later(f: impl FnOnce() + 'static) {
    let f = Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 0);
    }
}

impl Ui {
    /// The results key: the config plus the names of the files in use.
    pub(crate) fn key(&self, state: &LabState) -> String {
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
    pub(crate) fn refresh(&self) {
        let lab = self.clone();
        later(move || lab.render());
    }

    /// Re-reads the URL and the language and rebuilds the lab under `#lab-root`.
    pub(crate) fn render(&self) {
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("lab-root"))
        else {
            return;
        };
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let (state, notices) = LabState::from_query(&super::router::QueryMap::parse(&search));
        let lang = super::i18n::page_lang();
        {
            let mut u = self.ui.borrow_mut();
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
        panels::render(self, &root);
    }

    /// Drops a job after the current message is handled (a closure may not drop itself).
    fn finish(&self, check: bool) {
        let ui = self.ui.clone();
        later(move || {
            let mut u = ui.borrow_mut();
            if check {
                u.check = None;
            } else {
                u.job = None;
            }
        });
    }

    pub(crate) fn cancel(&self, status: &'static str) {
        let mut u = self.ui.borrow_mut();
        if u.running {
            u.job = None;
            u.running = false;
            u.status = Some(status);
            drop(u);
            self.refresh();
        }
    }

    pub(crate) fn run(&self) {
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
    pub(crate) fn import(&self, file: web_sys::File, nodes: bool) {
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

    /// Writes an edited state to the URL and tells the app's router (a `popstate` event), which
    /// calls `lab_refresh`.
    pub(crate) fn go(&self, f: impl FnOnce(&mut LabState) -> bool) {
        let mut next = self.ui.borrow().state.clone();
        if f(&mut next) {
            let url = format!("/lab{}", next.to_query());
            later(move || {
                let Some(w) = web_sys::window() else {
                    return;
                };
                if let Ok(h) = w.history() {
                    let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
                }
                if let Ok(ev) = web_sys::Event::new("popstate") {
                    let _ = w.dispatch_event(&ev);
                }
            });
        }
    }
}

thread_local! {
    static LAB: Lab = Lab { ui: Rc::new(RefCell::new(Ui::default())) };
}

/// Renders the lab into `#lab-root` (the app calls this after every URL or language change).
#[wasm_bindgen]
pub fn lab_refresh() {
    LAB.with(Lab::render);
}

/// Stops any job when the app leaves the lab; the config stays in the URL.
#[wasm_bindgen]
pub fn lab_unmount() {
    LAB.with(|lab| {
        let mut u = lab.ui.borrow_mut();
        u.job = None;
        u.check = None;
        u.running = false;
        u.scope = dom::Scope::default();
    });
}
