//! The labs bundle, loaded on demand. The first bundle holds the shell and the story
//! views; the three labs are a second wasm module (`src/bin/labs_lazy.rs`, built as an ES
//! module with a content-hashed name) that the shell imports the first time a lab opens.
//!
//! Both bundles are Leptos apps built from this library. The shell's [`LabHost`] mounts a
//! lab into its `<main>` and unmounts it when the route changes; inside, the labs bundle's
//! root gives the lab its own language and location state, which follow the shell through
//! two window events (`yunce-lang`, `yunce-navigated`) and `<html lang>` / `<html data-theme>`.

use crate::components::error::ErrorPanel;
use crate::components::worker;
use crate::i18n::use_i18n;
use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "export function import_module(url) { return import(url); }")]
extern "C" {
    // A dynamic `import()`: the one thing Rust cannot say to the browser directly.
    #[wasm_bindgen(catch)]
    fn import_module(url: &str) -> Result<Promise, JsValue>;
}

thread_local! {
    /// The initialised labs module, once loaded. A failed load is not kept, so the next
    /// attempt (a Retry, the next navigation, coming back online) loads again.
    static MODULE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            Reflect::get(e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

fn method(target: &JsValue, name: &str) -> Result<Function, String> {
    Reflect::get(target, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| format!("the labs module has no {name}()"))
}

/// The labs module's hashed URL, as the build recorded it.
fn module_url() -> Option<String> {
    worker::built_url("yunce-module-labs_lazy")
}

/// Imports and initialises the labs module (once per page).
async fn load() -> Result<JsValue, String> {
    if let Some(module) = MODULE.with(|m| m.borrow().clone()) {
        return Ok(module);
    }
    let url = module_url().ok_or_else(|| "the build names no labs module".to_owned())?;
    let promise = import_module(&url).map_err(|e| describe(&e))?;
    let module = JsFuture::from(promise).await.map_err(|e| describe(&e))?;
    let init = method(&module, "default")?;
    let started = init.call0(&module).map_err(|e| describe(&e))?;
    JsFuture::from(Promise::resolve(&started))
        .await
        .map_err(|e| describe(&e))?;
    MODULE.with(|m| *m.borrow_mut() = Some(module.clone()));
    Ok(module)
}

/// A lab in the shell: loads the labs bundle, mounts the lab into a host element, and
/// unmounts it when the route leaves. A failed load says what failed and offers Retry;
/// it is also retried when the browser comes back online. A module that the server no
/// longer has (a deploy since this page loaded) reloads the page once.
#[component]
pub fn LabHost(path: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let host = NodeRef::<leptos::html::Div>::new();
    let state = RwSignal::new(Load::Loading);
    let attempt = RwSignal::new(0u32);
    // Page-local state (JS handles): stored values, so the cleanup below may hold them.
    let alive = StoredValue::new_local(Rc::new(Cell::new(true)));
    let mounted = StoredValue::new_local(Rc::<RefCell<Option<JsValue>>>::default());
    let (live, slot) = (alive.get_value(), mounted.get_value());
    Effect::new(move |_| {
        attempt.track();
        let Some(element) = host.get() else {
            return;
        };
        state.set(Load::Loading);
        let (live, slot) = (live.clone(), slot.clone());
        leptos::task::spawn_local(async move {
            let result = match load().await {
                Ok(module) if live.get() => method(&module, "mount").and_then(|mount| {
                    mount
                        .call2(&module, &element, &JsValue::from_str(path))
                        .map_err(|e| describe(&e))
                }),
                Ok(_) => return,
                Err(e) => {
                    // A deploy replaced the hashed module this older page names: reload
                    // once for the new names (a second failure shows the error and Retry).
                    if let Some(url) = module_url()
                        && worker::gone(&url).await
                        && worker::reload_once(&url)
                    {
                        return;
                    }
                    Err(e)
                }
            };
            if !live.get() {
                return;
            }
            match result {
                Ok(handle) => {
                    *slot.borrow_mut() = Some(handle);
                    state.set(Load::Mounted);
                }
                Err(e) => state.set(Load::Failed(e)),
            }
        });
    });
    let online = window_event_listener_untyped("online", move |_| {
        if matches!(state.get_untracked(), Load::Failed(_)) {
            attempt.update(|n| *n += 1);
        }
    });
    on_cleanup(move || {
        online.remove();
        alive.try_with_value(|a| a.set(false));
        if let Some(handle) = mounted.try_with_value(|m| m.borrow_mut().take()).flatten()
            && let Ok(unmount) = method(&handle, "unmount")
        {
            let _ = unmount.call0(&handle);
        }
    });
    view! {
        {move || match state.get() {
            Load::Loading => view! { <p class="muted" role="status">{i18n.t("lazy.loading")}</p> }.into_any(),
            Load::Mounted => ().into_any(),
            Load::Failed(detail) => view! {
                <ErrorPanel title=i18n.t("lazy.failed") detail/>
                <button type="button" data-testid="lazy-retry" on:click=move |_| attempt.update(|n| *n += 1)>
                    {i18n.t("lazy.retry")}
                </button>
            }
            .into_any(),
        }}
        <div node_ref=host class="lab-host"></div>
    }
}

/// Where the labs bundle stands in the shell.
#[derive(Clone, Debug, PartialEq)]
enum Load {
    Loading,
    Mounted,
    Failed(String),
}
