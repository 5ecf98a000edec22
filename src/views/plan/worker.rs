//! The page's side of the plan worker. A [`Job`] is one worker: it takes requests (queued
//! until the worker says it is ready) and is terminated when dropped, which is how a sweep is
//! cancelled. Requests and answers are `yunce_plan::wire` serde types as postcard bytes.

use crate::components::worker::Attached;
use js_sys::Uint8Array;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yunce_plan::wire::{PlanMsg, PlanRequest, decode, encode};

/// One running worker. Dropping it terminates the worker, which is how a job is cancelled.
pub struct Job {
    attached: Attached,
}

impl Job {
    /// Sends `[request, file]`, or queues it until the worker has loaded.
    pub fn send(&self, request: &PlanRequest, file: &JsValue) {
        let bytes = Uint8Array::from(encode(request).as_slice());
        self.attached
            .send(js_sys::Array::of2(&bytes, file).into(), None);
    }
}

/// Starts a worker and passes every decoded message to `on_msg`; requests go through
/// [`Job::send`]. A worker that did not load or stopped reports `Failed` in words.
// Not generic over the handler: one copy of this function serves every job (wasm size).
pub fn start(on_msg: Rc<dyn Fn(PlanMsg)>) -> Result<Job, String> {
    let handler = on_msg.clone();
    let attached = Attached::start(
        "plan_worker",
        Rc::new(move |bytes: Vec<u8>| {
            handler(decode::<PlanMsg>(&bytes).unwrap_or_else(PlanMsg::Failed))
        }),
        Rc::new(move |text: String| on_msg(PlanMsg::Failed(text))),
    )?;
    Ok(Job { attached })
}
