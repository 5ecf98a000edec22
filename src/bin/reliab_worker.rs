//! The stability simulator's Web Worker: a binary that Trunk builds as a classic worker,
//! loaded only by the stability view.
//!
//! It takes postcard-encoded [`Request`]s and answers with [`WorkerMsg`]s as postcard bytes
//! (a `Uint8Array` whose buffer is transferred). All engine work happens here, so the UI
//! bundle carries none of it: building the scenarios from the view's setup, validating them
//! (`Describe`), simulating them in chunks of years with progress (`Run`), and reading and
//! writing the scenario JSON that `yunce-reliab run --scenario` reads (`Export`, imports).
//! It uses no Leptos and shows no text. Cancelling a run is the page terminating the worker,
//! so the loop needs no yield points.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
use yunce_reliab::setup::{self, Setup, SetupError};
use yunce_reliab::wire::{self, Request, WorkerMsg};
use yunce_reliab::{Scenario, Simulation};

fn post(scope: &DedicatedWorkerGlobalScope, msg: &WorkerMsg) {
    let bytes = Uint8Array::from(wire::encode(msg).as_slice());
    let transfer = js_sys::Array::of1(&bytes.buffer());
    let _ = scope.post_message_with_transfer(&bytes, &transfer);
}

fn now(scope: &DedicatedWorkerGlobalScope) -> f64 {
    scope.performance().map(|p| p.now()).unwrap_or(0.0)
}

/// An imported scenario file; its error names the line and column.
fn imported(file: Option<&String>) -> Result<Option<Scenario>, SetupError> {
    file.map(|text| serde_json::from_str::<Scenario>(text))
        .transpose()
        .map_err(|e| SetupError::Setup(format!("scenario file: {e}")))
}

fn scenarios(setup: &Setup, file: Option<&String>) -> Result<Vec<Scenario>, String> {
    let pair = imported(file)
        .and_then(|f| setup::scenarios(setup, f.as_ref()))
        .map_err(|e| match e {
            SetupError::Setup(m) => m,
            SetupError::Rejected { error, .. } => error.to_string(),
        })?;
    Ok(pair.scenarios())
}

/// Years per chunk: about 200,000 component-years between progress messages.
fn chunk_years(s: &Scenario) -> u32 {
    (200_000 / s.components.len().max(1)).clamp(1, 5_000) as u32
}

fn run(scope: &DedicatedWorkerGlobalScope, scenarios: &[Scenario]) {
    let started = now(scope);
    for (i, scenario) in scenarios.iter().enumerate() {
        let run = i as u32;
        let t0 = now(scope);
        let mut sim = match Simulation::new(scenario) {
            Ok(sim) => sim,
            Err(e) => {
                let text = format!("run of scenario {:?}: {e}", scenario.name);
                return post(scope, &WorkerMsg::Failed(text));
            }
        };
        let chunk = chunk_years(scenario);
        while !sim.is_done() {
            let p = sim.step(chunk);
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

fn stem(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let parts: Vec<&str> = s.split('-').filter(|p| !p.is_empty()).collect();
    parts.join("-").chars().take(60).collect()
}

/// A setup in words: its input (the preset or the imported file) and its settings.
fn setup_label(setup: &Setup, imported: bool) -> String {
    let input = if imported {
        "the imported scenario".to_owned()
    } else {
        format!("preset {}", setup.preset)
    };
    format!(
        "{input} over {} years with seed {}",
        setup.years, setup.seed
    )
}

/// The request in words, for a panic's message.
fn job_label(request: &Request) -> String {
    match request {
        Request::Describe { setup, file, .. } => {
            format!("checking {}", setup_label(setup, file.is_some()))
        }
        Request::Run { setup, file } => format!("run of {}", setup_label(setup, file.is_some())),
        Request::Export { setup, file } => {
            format!("export of {}", setup_label(setup, file.is_some()))
        }
    }
}

fn handle(scope: &DedicatedWorkerGlobalScope, event: &MessageEvent) {
    let request = event
        .data()
        .dyn_into::<Uint8Array>()
        .map_err(|_| "the request is not bytes".to_string())
        .and_then(|bytes| wire::decode::<Request>(&bytes.to_vec()));
    if let Ok(r) = &request {
        yunce_wire::set_job(job_label(r));
    }
    let msg = match request {
        Err(reason) => WorkerMsg::Failed(reason),
        Ok(Request::Describe { id, setup, file }) => {
            let description = match imported(file.as_ref()) {
                Ok(f) => setup::describe(&setup, f.as_ref()),
                Err(e) => setup::Description {
                    problem: Some(e),
                    ..setup::Description::default()
                },
            };
            WorkerMsg::Described {
                id,
                description: Box::new(description),
            }
        }
        Ok(Request::Run { setup, file }) => match scenarios(&setup, file.as_ref()) {
            Ok(s) => return run(scope, &s),
            Err(e) => WorkerMsg::Failed(format!("{}: {e}", setup_label(&setup, file.is_some()))),
        },
        Ok(Request::Export { setup, file }) => match scenarios(&setup, file.as_ref()) {
            Ok(list) => WorkerMsg::Json(
                list.iter()
                    .map(|s| {
                        let text = serde_json::to_string_pretty(s).unwrap_or_default();
                        (stem(&s.name), text)
                    })
                    .collect(),
            ),
            Err(e) => WorkerMsg::Failed(e),
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
            post(&scope, &WorkerMsg::Failed(yunce_wire::panic_report(info)));
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
