//! The page's side of the lab worker: spawned only when the lab needs it (so its wasm loads
//! lazily), given one request, and terminated when the job ends or is cancelled.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yunce_sched::{WorkerMsg, decode_message};

/// Trunk's loader shim for the `worker` binary (`data-loader-shim` in index.html).
const WORKER_URL: &str = "/worker_loader.js";

/// One running job. Dropping it terminates the worker, which is how a run is cancelled.
pub struct Job {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

impl Drop for Job {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// Starts a worker, sends `[request, nodes file, pods file]` once it is ready, and passes every
/// decoded message to `on_msg`. A worker that fails to load reports `Failed("run", …)`.
pub fn start(
    request: &str,
    nodes: &JsValue,
    pods: &JsValue,
    on_msg: impl Fn(WorkerMsg) + 'static,
) -> Result<Job, String> {
    let worker =
        web_sys::Worker::new(WORKER_URL).map_err(|e| format!("cannot start the worker: {e:?}"))?;
    let on_msg = std::rc::Rc::new(on_msg);
    let payload = js_sys::Array::of3(&JsValue::from_str(request), nodes, pods);
    let target = worker.clone();
    let handler = on_msg.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let Some(text) = ev.data().as_string() else {
                return;
            };
            if text == "ready" {
                let _ = target.post_message(&payload);
            } else if let Some(msg) = decode_message(&text) {
                handler(msg);
            }
        });
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        on_msg(WorkerMsg::Failed(
            "run".into(),
            "the worker stopped with an error".into(),
        ))
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Job {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Milliseconds since the page loaded, for the run timer and the heat-map timing.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}
