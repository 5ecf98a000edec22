//! The planner's Web Worker: a binary that Trunk builds as a classic worker, loaded only when
//! the plan view first solves.
//!
//! It takes `[request bytes, File | null]`, decodes the [`PlanRequest`], runs it with
//! `yunce_plan` and posts each [`PlanMsg`] as postcard bytes (a `Uint8Array` whose buffer is
//! transferred). A dropped file is read here with `FileReaderSync`, so the page never blocks
//! on it. It uses no Leptos and shows no text. Cancelling is the page terminating the worker,
//! so the sweep needs no yield points; it posts a point after every solve.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};
use yunce_plan::wire::{PlanMsg, PlanRequest, decode, encode};
use yunce_plan::{ParetoSweep, PlanError, SolveOptions, import, solve_with, tornado};

fn post(scope: &DedicatedWorkerGlobalScope, msg: &PlanMsg) {
    let bytes = Uint8Array::from(encode(msg).as_slice());
    let transfer = js_sys::Array::of1(&bytes.buffer());
    let _ = scope.post_message_with_transfer(&bytes, &transfer);
}

fn now(scope: &DedicatedWorkerGlobalScope) -> f64 {
    scope.performance().map(|p| p.now()).unwrap_or(0.0)
}

fn read(value: &JsValue) -> Result<String, String> {
    let file = value
        .dyn_ref::<File>()
        .ok_or_else(|| "no file was given".to_string())?;
    let reader = FileReaderSync::new().map_err(|_| "cannot read files here".to_string())?;
    reader
        .read_as_text(file)
        .map_err(|_| format!("cannot read {}", file.name()))
}

fn sweep(scope: &DedicatedWorkerGlobalScope, scenario: &yunce_plan::Scenario, points: u32) {
    let started = now(scope);
    let mut sweep = match ParetoSweep::new(scenario, points as usize) {
        Ok(s) => s,
        Err(e) => {
            let ms = now(scope) - started;
            return post(scope, &PlanMsg::Swept { result: Err(e), ms });
        }
    };
    let mut result = Ok(());
    while let Some(step) = sweep.step() {
        match step {
            Ok(point) => {
                let point = point.clone();
                let (done, total) = sweep.progress();
                let msg = PlanMsg::Point {
                    done: done as u32,
                    total: total as u32,
                    point,
                };
                post(scope, &msg);
            }
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    let ms = now(scope) - started;
    post(scope, &PlanMsg::Swept { result, ms });
}

/// The request in words, naming its input and setting, for a panic's message.
fn job_label(request: &PlanRequest, file: &JsValue) -> String {
    let file = file
        .dyn_ref::<File>()
        .map_or_else(|| "the file".to_owned(), File::name);
    let named = |s: &yunce_plan::Scenario| format!("scenario {:?} in mode {:?}", s.name, s.mode);
    match request {
        PlanRequest::Solve(s) => format!("solving {}", named(s)),
        PlanRequest::Sweep { scenario, points } => {
            format!("sweeping {} over {points} points", named(scenario))
        }
        PlanRequest::Tornado { scenario, percent } => {
            format!("tornado of {} at ±{percent}%", named(scenario))
        }
        PlanRequest::Compare(list) => format!("comparing {} scenarios", list.len()),
        PlanRequest::ImportChips => format!("reading the chip list {file}"),
        PlanRequest::ReadScenario => format!("reading the scenario {file}"),
        PlanRequest::WriteScenario(s) => format!("writing {}", named(s)),
    }
}

fn handle(scope: &DedicatedWorkerGlobalScope, event: &MessageEvent) {
    let data = js_sys::Array::from(&event.data());
    let request = data
        .get(0)
        .dyn_into::<Uint8Array>()
        .map_err(|_| "the request is not bytes".to_string())
        .and_then(|bytes| decode::<PlanRequest>(&bytes.to_vec()));
    let request = match request {
        Ok(r) => r,
        Err(e) => return post(scope, &PlanMsg::Failed(e)),
    };
    yunce_wire::set_job(job_label(&request, &data.get(1)));
    let msg = match request {
        PlanRequest::Solve(s) => {
            // The plan alone is timed on its own (the figure the speed target is about);
            // the shadow prices re-solve relaxations on top, so a valid plan is solved twice.
            let started = now(scope);
            let plan = solve_with(&s, SolveOptions::PLAN_ONLY);
            let plan_ms = now(scope) - started;
            let result = match plan {
                Ok(_) => solve_with(&s, SolveOptions::default()),
                Err(e) => Err(e),
            };
            PlanMsg::Solved {
                result,
                plan_ms,
                ms: now(scope) - started,
            }
        }
        PlanRequest::Sweep { scenario, points } => return sweep(scope, &scenario, points),
        PlanRequest::Tornado { scenario, percent } => {
            let started = now(scope);
            let result = tornado(&scenario, percent);
            PlanMsg::Tornado {
                result,
                ms: now(scope) - started,
            }
        }
        PlanRequest::Compare(scenarios) => PlanMsg::Compared(
            scenarios
                .iter()
                .map(|s| solve_with(s, SolveOptions::PLAN_ONLY))
                .collect::<Vec<Result<_, PlanError>>>(),
        ),
        PlanRequest::ImportChips => match read(&data.get(1)) {
            Ok(text) => PlanMsg::Imported(import::import_chips(&text)),
            Err(e) => PlanMsg::Failed(e),
        },
        PlanRequest::ReadScenario => match read(&data.get(1)) {
            Ok(text) => PlanMsg::ScenarioRead(
                serde_json::from_str(&text).map_err(|e| format!("not a scenario: {e}")),
            ),
            Err(e) => PlanMsg::Failed(e),
        },
        PlanRequest::WriteScenario(s) => match serde_json::to_string_pretty(&s) {
            Ok(json) => PlanMsg::ScenarioJson(json),
            Err(e) => PlanMsg::Failed(e.to_string()),
        },
    };
    post(scope, &msg);
}

// The last line of defence: the job in words (`yunce_wire::set_job`) and a panic hook that
// posts it with the panic as this worker's failure before the wasm instance stops, so the
// page shows words, not "the worker stopped".
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info: &std::panic::PanicHookInfo<'_>| {
        console_error_panic_hook::hook(info);
        if let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() {
            post(&scope, &PlanMsg::Failed(yunce_wire::panic_report(info)));
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
    // The page waits for this word (the one message that is not postcard bytes) before it
    // sends a request, which would otherwise be lost while the wasm loads.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
