//! The page's side of the simulation worker: one worker per job, spawned only when a run or a
//! file check needs it, given one request, and terminated when the job ends or is cancelled.
//! Requests and answers are `yunce_sched`'s serde types as postcard bytes (`Uint8Array`).

use js_sys::Uint8Array;
use wasm_bindgen::JsValue;
use yunce_sched::{LabRequest, WorkerMsg};

/// One running job. Dropping it terminates the worker, which is how a run is cancelled.
pub use crate::components::worker::Attached as Job;

/// Posts a further request to a worker that finished its last one (the files go again: a
/// worker keeps nothing between requests).
#[derive(Clone)]
pub struct Sender {
    worker: web_sys::Worker,
    nodes: JsValue,
    pods: JsValue,
}

impl Sender {
    /// Sends `request` to the worker.
    pub fn send(&self, request: &LabRequest) {
        let _ = self
            .worker
            .post_message(&payload(request, &self.nodes, &self.pods));
    }
}

fn payload(request: &LabRequest, nodes: &JsValue, pods: &JsValue) -> js_sys::Array {
    let bytes = Uint8Array::from(yunce_sched::encode(request).as_slice());
    js_sys::Array::of3(&bytes, nodes, pods)
}

/// Starts a worker, sends `[request, nodes file, pods file]` once it says it is ready, and
/// passes every decoded message to `on_msg` with a [`Sender`] for follow-up requests. A
/// worker that did not load or stopped reports `Failed("run", …)` in words.
pub fn start(
    request: &LabRequest,
    nodes: &JsValue,
    pods: &JsValue,
    on_msg: impl Fn(WorkerMsg, &Sender) + 'static,
) -> Result<Job, String> {
    let on_msg = std::rc::Rc::new(on_msg);
    let sender = std::rc::Rc::new(std::cell::RefCell::new(None::<Sender>));
    let (handler, to) = (on_msg.clone(), sender.clone());
    let on_bytes = std::rc::Rc::new(move |bytes: Vec<u8>| {
        let msg = yunce_sched::decode::<WorkerMsg>(&bytes)
            .unwrap_or_else(|e| WorkerMsg::Failed("run".into(), e));
        if let Some(s) = to.borrow().as_ref() {
            handler(msg, s);
        }
    });
    let to = sender.clone();
    let on_fail = std::rc::Rc::new(move |text: String| {
        if let Some(s) = to.borrow().as_ref() {
            on_msg(WorkerMsg::Failed("run".into(), text), s);
        }
    });
    let job = Job::start("worker", on_bytes, on_fail)?;
    *sender.borrow_mut() = Some(Sender {
        worker: job.worker().clone(),
        nodes: nodes.clone(),
        pods: pods.clone(),
    });
    job.send(payload(request, nodes, pods).into(), None);
    Ok(job)
}

/// Milliseconds since the page loaded, for the run timer and the heat-map timing.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// How many workers a run of `runs` (policy, seed) pairs uses: the browser's
/// `navigator.hardwareConcurrency`, at least 1, at most 8 and at most one per run.
pub fn pool_size(runs: usize) -> usize {
    let cores = web_sys::window()
        .map(|w| w.navigator().hardware_concurrency())
        .unwrap_or(1.0);
    (cores as usize).clamp(1, MAX_WORKERS).min(runs.max(1))
}

/// The most workers one run starts: more would mostly add memory (each holds the fleet).
pub const MAX_WORKERS: usize = 8;
