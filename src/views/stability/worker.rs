//! The page's side of the stability worker. A [`Job`] is one worker: requests sent before it
//! has loaded wait in a queue, answers are decoded and handed to a callback, and dropping the
//! job terminates the worker (which is how a run is cancelled). Requests and answers are
//! `yunce_reliab::wire`'s serde types as postcard bytes (`Uint8Array`).

use crate::components::worker::Attached;
use js_sys::Uint8Array;
use leptos::ev;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};
use yunce_reliab::wire::{self, Request, WorkerMsg};

/// One worker. Dropping it terminates the worker.
pub struct Job {
    attached: Attached,
    /// `None` once the worker said it is ready; before that, requests wait here.
    queue: Rc<RefCell<Option<Vec<Vec<u8>>>>>,
}

fn post(worker: &Worker, bytes: &[u8]) {
    let array = Uint8Array::from(bytes);
    let transfer = js_sys::Array::of1(&array.buffer());
    let _ = worker.post_message_with_transfer(&array, &transfer);
}

impl Job {
    /// Sends a request now, or as soon as the worker has loaded.
    pub fn send(&self, request: &Request) {
        let bytes = wire::encode(request);
        let mut queue = self.queue.borrow_mut();
        match queue.as_mut() {
            Some(waiting) => waiting.push(bytes),
            None => post(self.attached.worker(), &bytes),
        }
    }
}

/// Starts a worker and passes every decoded message to `on_msg`.
pub fn start(on_msg: impl Fn(WorkerMsg) + 'static) -> Result<Job, String> {
    let mut attached = Attached::new(crate::components::worker::spawn("reliab_worker")?);
    let on_msg = Rc::new(on_msg);
    let queue: Rc<RefCell<Option<Vec<Vec<u8>>>>> = Rc::new(RefCell::new(Some(Vec::new())));
    let target = attached.worker().clone();
    let waiting = queue.clone();
    let handler = on_msg.clone();
    attached.listen(ev::message, move |event: MessageEvent| {
        let data = event.data();
        // The worker loads its wasm first and then says "ready"; a request sent earlier
        // would be lost, so requests wait until then.
        if data.as_string().is_some_and(|s| s == "ready") {
            for bytes in waiting.borrow_mut().take().unwrap_or_default() {
                post(&target, &bytes);
            }
            return;
        }
        let msg = match data.dyn_into::<Uint8Array>() {
            Ok(bytes) => wire::decode::<WorkerMsg>(&bytes.to_vec()),
            Err(_) => Err("the worker sent something other than bytes".into()),
        };
        handler(msg.unwrap_or_else(WorkerMsg::Failed));
    });
    attached.listen(ev::error, move |_| {
        on_msg(WorkerMsg::Failed("the worker stopped with an error".into()))
    });
    Ok(Job { attached, queue })
}
