//! The page's side of the stability worker. A [`Job`] is one worker: requests sent before it
//! has loaded wait in a queue, answers are decoded and handed to a callback, and dropping the
//! job terminates the worker (which is how a run is cancelled). Requests and answers are
//! `yunce_reliab::wire`'s serde types as postcard bytes (`Uint8Array`).

use crate::components::worker::Attached;
use js_sys::Uint8Array;
use std::rc::Rc;
use yunce_reliab::wire::{self, Request, WorkerMsg};

/// One worker. Dropping it terminates the worker.
pub struct Job {
    attached: Attached,
}

impl Job {
    /// Sends a request now, or as soon as the worker has loaded.
    pub fn send(&self, request: &Request) {
        let array = Uint8Array::from(wire::encode(request).as_slice());
        let transfer = js_sys::Array::of1(&array.buffer());
        self.attached.send(array.into(), Some(transfer));
    }
}

/// Starts a worker and passes every decoded message to `on_msg`; a worker that did not load
/// or stopped gives `Failed` in words.
pub fn start(on_msg: impl Fn(WorkerMsg) + 'static) -> Result<Job, String> {
    let on_msg = Rc::new(on_msg);
    let handler = on_msg.clone();
    let attached = Attached::start(
        "reliab_worker",
        Rc::new(move |bytes: Vec<u8>| {
            handler(wire::decode::<WorkerMsg>(&bytes).unwrap_or_else(WorkerMsg::Failed))
        }),
        Rc::new(move |text: String| on_msg(WorkerMsg::Failed(text))),
    )?;
    Ok(Job { attached })
}
