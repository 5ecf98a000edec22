//! The stability simulator's Web Worker: a binary that Trunk builds as a classic worker,
//! loaded only when the stability view first runs.
//!
//! It takes one postcard-encoded [`RunRequest`], simulates each scenario in chunks of years
//! with [`yunce_reliab::Simulation`], and posts [`WorkerMsg`]s as postcard bytes (a
//! `Uint8Array` whose buffer is transferred): progress after every chunk, one report per
//! scenario with the worker's own timing, then `Done`. It uses no Leptos and shows no text.
//! Cancelling is the page terminating the worker, so the loop needs no yield points.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
use yunce_reliab::Simulation;
use yunce_reliab::wire::{self, RunRequest, WorkerMsg};

fn post(scope: &DedicatedWorkerGlobalScope, msg: &WorkerMsg) {
    let bytes = Uint8Array::from(wire::encode(msg).as_slice());
    let transfer = js_sys::Array::of1(&bytes.buffer());
    let _ = scope.post_message_with_transfer(&bytes, &transfer);
}

fn now(scope: &DedicatedWorkerGlobalScope) -> f64 {
    scope.performance().map(|p| p.now()).unwrap_or(0.0)
}

fn run(scope: &DedicatedWorkerGlobalScope, req: &RunRequest) {
    let started = now(scope);
    for (i, scenario) in req.scenarios.iter().enumerate() {
        let run = i as u32;
        let t0 = now(scope);
        let mut sim = match Simulation::new(scenario) {
            Ok(sim) => sim,
            Err(e) => {
                return post(
                    scope,
                    &WorkerMsg::Failed {
                        run: Some(run),
                        path: e.path.clone(),
                        reason: e.problem.to_string(),
                    },
                );
            }
        };
        while !sim.is_done() {
            let p = sim.step(req.chunk_years.max(1));
            post(
                scope,
                &WorkerMsg::Progress {
                    run,
                    years_done: p.years_done,
                    years_total: p.years_total,
                },
            );
        }
        let report = Box::new(sim.report());
        let ms = now(scope) - t0;
        post(scope, &WorkerMsg::Report { run, report, ms });
    }
    post(
        scope,
        &WorkerMsg::Done {
            ms: now(scope) - started,
        },
    );
}

fn handle(scope: &DedicatedWorkerGlobalScope, event: &MessageEvent) {
    let request = event
        .data()
        .dyn_into::<Uint8Array>()
        .map_err(|_| "the request is not bytes".to_string())
        .and_then(|bytes| wire::decode::<RunRequest>(&bytes.to_vec()));
    match request {
        Ok(req) => run(scope, &req),
        Err(reason) => post(
            scope,
            &WorkerMsg::Failed {
                run: None,
                path: String::new(),
                reason,
            },
        ),
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
    // Messages sent before this point were not seen: the page waits for this word, the one
    // message that is not postcard bytes.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
