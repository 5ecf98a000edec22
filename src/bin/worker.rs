//! The scheduler lab's Web Worker: a second binary that Trunk builds as a classic worker
//! (`worker-*.js` + `worker-*_bg.wasm`), loaded only when the lab first needs it.
//!
//! It takes `[request text, node File | null, pod File | null]`, reads the files with
//! `FileReaderSync` (the page never reads them), and hands everything to
//! [`yunce_sched::run_lab`], posting each text message it produces. It uses no Leptos.
//! Cancelling is the page terminating the worker, so the run loop needs no yield points.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

fn read(value: &JsValue) -> Result<Option<(String, String)>, String> {
    let Some(file) = value.dyn_ref::<File>() else {
        return Ok(None);
    };
    let reader = FileReaderSync::new().map_err(|_| "cannot read files here".to_string())?;
    let text = reader
        .read_as_text(file)
        .map_err(|_| format!("cannot read {}", file.name()))?;
    Ok(Some((file.name(), text)))
}

fn handle(scope: &DedicatedWorkerGlobalScope, event: &MessageEvent) {
    let mut post = |text: String| {
        let _ = scope.post_message(&JsValue::from_str(&text));
    };
    let data = js_sys::Array::from(&event.data());
    let request = data.get(0).as_string().unwrap_or_default();
    let files = (read(&data.get(1)), read(&data.get(2)));
    let (nodes, pods) = match files {
        (Ok(n), Ok(p)) => (n, p),
        (Err(e), _) | (_, Err(e)) => {
            post(yunce_sched::encode_failed("run", &e));
            return;
        }
    };
    match yunce_sched::decode_request(&request) {
        Ok(req) => yunce_sched::run_lab(
            &req,
            nodes.as_ref().map(|(n, t)| (n.as_str(), t.as_str())),
            pods.as_ref().map(|(n, t)| (n.as_str(), t.as_str())),
            &mut post,
        ),
        Err(e) => post(yunce_sched::encode_failed("run", &e)),
    }
}

fn main() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let poster = scope.clone();
    let handler =
        Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| handle(&poster, &ev));
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
    // Messages sent before this point were not seen: the page waits for this word.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
