//! The page's side of the stability worker: one worker per run, given one request, and
//! terminated when the run ends, is cancelled or the view unmounts. Requests and answers are
//! `yunce_reliab::wire`'s serde types as postcard bytes (`Uint8Array`).

use js_sys::Uint8Array;
use leptos::ev;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};
use yunce_reliab::wire::{self, RunRequest, WorkerMsg};

/// One running job. Dropping it terminates the worker, which is how a run is cancelled.
pub struct Job {
    worker: Worker,
    stop_listening: Box<dyn Fn()>,
}

impl Drop for Job {
    fn drop(&mut self) {
        (self.stop_listening)();
        self.worker.terminate();
    }
}

fn failed(reason: String) -> WorkerMsg {
    WorkerMsg::Failed {
        run: None,
        path: String::new(),
        reason,
    }
}

/// Starts the worker, sends the request once it says it is ready, and passes every decoded
/// message to `on_msg`.
pub fn start(request: &RunRequest, on_msg: impl Fn(WorkerMsg) + 'static) -> Result<Job, String> {
    let worker = crate::components::worker::spawn("reliab_worker")?;
    let on_msg = std::rc::Rc::new(on_msg);
    let bytes = Uint8Array::from(wire::encode(request).as_slice());
    let target = worker.clone();
    let handler = on_msg.clone();
    let stop_messages = listen(&worker, ev::message, move |event: MessageEvent| {
        let data = event.data();
        // The worker loads its wasm first and then says "ready"; a request sent earlier
        // would be lost.
        if data.as_string().is_some_and(|s| s == "ready") {
            let transfer = js_sys::Array::of1(&bytes.buffer());
            let _ = target.post_message_with_transfer(&bytes, &transfer);
            return;
        }
        let msg = match data.dyn_into::<Uint8Array>() {
            Ok(bytes) => wire::decode::<WorkerMsg>(&bytes.to_vec()),
            Err(_) => Err("the worker sent something other than bytes".into()),
        };
        handler(msg.unwrap_or_else(failed));
    });
    let stop_errors = listen(&worker, ev::error, move |_| {
        on_msg(failed("the worker stopped with an error".into()))
    });
    Ok(Job {
        worker,
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
