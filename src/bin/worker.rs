//! The scheduler lab's Web Worker: a second binary that Trunk builds as a classic worker, loaded
//! only when the lab first needs it.
//!
//! It takes `[request bytes, node File | null, pod File | null]`, reads the files with
//! `FileReaderSync` (the page never reads them), decodes the [`LabRequest`] and hands
//! everything to [`yunce_sched::run_lab`], posting each [`WorkerMsg`] as postcard bytes (a
//! `Uint8Array` whose buffer is transferred, not copied). It uses no Leptos. Cancelling is the
//! page terminating the worker, so the run loop needs no yield points.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};
use yunce_sched::{LabOp, LabRequest, WorkerMsg};

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

fn post(scope: &DedicatedWorkerGlobalScope, msg: &WorkerMsg) {
    let bytes = Uint8Array::from(yunce_sched::encode(msg).as_slice());
    let transfer = js_sys::Array::of1(&bytes.buffer());
    let _ = scope.post_message_with_transfer(&bytes, &transfer);
}

fn request(data: &js_sys::Array) -> Result<LabRequest, String> {
    let bytes = data
        .get(0)
        .dyn_into::<Uint8Array>()
        .map_err(|_| "the request is not bytes".to_string())?;
    yunce_sched::decode(&bytes.to_vec())
}

fn handle(scope: &DedicatedWorkerGlobalScope, event: &MessageEvent) {
    let data = js_sys::Array::from(&event.data());
    let req = match request(&data) {
        Ok(req) => req,
        Err(e) => return post(scope, &WorkerMsg::Failed("run".into(), e)),
    };
    let what = match req.op {
        LabOp::CheckNodes => "nodes",
        LabOp::CheckPods => "pods",
        LabOp::Run => "run",
    };
    let (nodes, pods) = match (read(&data.get(1)), read(&data.get(2))) {
        (Ok(n), Ok(p)) => (n, p),
        (Err(e), _) | (_, Err(e)) => return post(scope, &WorkerMsg::Failed(what.into(), e)),
    };
    let name = |f: &Option<(String, String)>| f.as_ref().map(|(n, _)| n.clone());
    let (node_name, pod_name) = (name(&nodes), name(&pods));
    yunce_wire::set_job(yunce_sched::job_label(
        &req,
        node_name.as_deref(),
        pod_name.as_deref(),
    ));
    yunce_sched::run_lab(
        &req,
        nodes.as_ref().map(|(n, t)| (n.as_str(), t.as_str())),
        pods.as_ref().map(|(n, t)| (n.as_str(), t.as_str())),
        &mut |msg| post(scope, &msg),
    );
}

// The last line of defence: the job in words (`yunce_wire::set_job`) and a panic hook that
// posts it with the panic as this worker's failure before the wasm instance stops, so the
// page shows words, not "the worker stopped".
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info: &std::panic::PanicHookInfo<'_>| {
        console_error_panic_hook::hook(info);
        if let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() {
            post(
                &scope,
                &WorkerMsg::Failed("run".into(), yunce_wire::panic_report(info)),
            );
        }
    }));
}

fn main() {
    // A panic posts the job and its message as a failure before the worker stops.
    install_panic_hook();
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let poster = scope.clone();
    let handler =
        Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| handle(&poster, &ev));
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
    // Messages sent before this point were not seen: the page waits for this word, the one
    // message that is not postcard bytes.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
