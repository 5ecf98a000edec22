//! The page's side of the plan worker. A [`Job`] is one worker: it takes requests (queued
//! until the worker says it is ready) and is terminated when dropped, which is how a sweep is
//! cancelled. Requests and answers are `yunce_plan::wire` serde types as postcard bytes.

use js_sys::Uint8Array;
use leptos::ev;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};
use yunce_plan::wire::{PlanMsg, PlanRequest, decode, encode};

/// One running worker. Dropping it terminates the worker, which is how a job is cancelled.
pub struct Job {
    worker: Worker,
    ready: Rc<Cell<bool>>,
    pending: Rc<RefCell<Vec<js_sys::Array>>>,
    stop_listening: Box<dyn Fn()>,
}

impl Job {
    /// Sends `[request, file]`, or queues it until the worker has loaded.
    pub fn send(&self, request: &PlanRequest, file: &JsValue) {
        let bytes = Uint8Array::from(encode(request).as_slice());
        let payload = js_sys::Array::of2(&bytes, file);
        if self.ready.get() {
            let _ = self.worker.post_message(&payload);
        } else {
            self.pending.borrow_mut().push(payload);
        }
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        (self.stop_listening)();
        self.worker.terminate();
    }
}

/// Starts a worker and passes every decoded message to `on_msg`; requests go through
/// [`Job::send`]. A worker that stops with an error reports `Failed`.
// Not generic over the handler: one copy of this function serves every job (wasm size).
pub fn start(on_msg: Rc<dyn Fn(PlanMsg)>) -> Result<Job, String> {
    let worker = crate::components::worker::spawn("plan_worker")?;
    let ready = Rc::new(Cell::new(false));
    let pending: Rc<RefCell<Vec<js_sys::Array>>> = Rc::default();
    let target = worker.clone();
    let handler = on_msg.clone();
    let (is_ready, queue) = (ready.clone(), pending.clone());
    let stop_messages = listen(&worker, ev::message, move |event: MessageEvent| {
        let data = event.data();
        // A request sent before the worker's wasm has loaded would be lost: they wait here.
        if data.as_string().is_some_and(|s| s == "ready") {
            is_ready.set(true);
            for payload in queue.borrow_mut().drain(..) {
                let _ = target.post_message(&payload);
            }
            return;
        }
        let msg = match data.dyn_into::<Uint8Array>() {
            Ok(bytes) => decode::<PlanMsg>(&bytes.to_vec()),
            Err(_) => Err("the worker sent something other than bytes".into()),
        };
        handler(msg.unwrap_or_else(PlanMsg::Failed));
    });
    let stop_errors = listen(&worker, ev::error, move |_| {
        on_msg(PlanMsg::Failed("the worker stopped with an error".into()))
    });
    Ok(Job {
        worker,
        ready,
        pending,
        stop_listening: Box::new(move || {
            stop_messages();
            stop_errors();
        }),
    })
}

// leptos-use 0.20 marks its umbrella re-exports deprecated in favour of its micro crates.
#[allow(deprecated)]
fn listen<E: ev::EventDescriptor + 'static>(
    worker: &Worker,
    event: E,
    handler: impl FnMut(E::EventType) + 'static,
) -> impl Fn() + 'static {
    let target: web_sys::EventTarget = worker.clone().into();
    leptos_use::use_event_listener(target, event, handler)
}
