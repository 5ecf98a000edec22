//! The worker loader. The build gives every worker script a content-hashed name and
//! names it in a `<meta name="yunce-worker-NAME" content="/NAME-HASH.js">` tag
//! (`scripts/post-build.py`), so a deploy never mixes an old worker with a new app.
//!
//! [`Attached::start`] is the one page-side worker wrapper: requests wait until the worker
//! says "ready", answers arrive as bytes, and an `error` event is told apart: before
//! "ready" the script did not load (a [`LoadFailure`] that [`WorkerRetry`] shows with
//! Retry, and a reload when the script is gone after a deploy); after it, the worker died.

use super::error::ErrorPanel;
use crate::i18n::use_i18n;
use js_sys::{Reflect, Uint8Array};
use leptos::ev;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

/// The hashed script URL of the worker `name`, as the build recorded it.
pub fn script_url(name: &str) -> Option<String> {
    built_url(&format!("yunce-worker-{name}"))
}

/// The URL the build wrote into `<meta name="{meta}">` (hashed worker and module names).
pub fn built_url(meta: &str) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let tag = doc
        .query_selector(&format!("meta[name=\"{meta}\"]"))
        .ok()??;
    tag.get_attribute("content").filter(|s| !s.is_empty())
}

/// A worker script that did not load: which worker and why, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadFailure {
    /// The worker's build name (`worker`, `plan_worker`, `reliab_worker`).
    pub worker: String,
    /// What failed.
    pub detail: String,
}

thread_local! {
    /// The last worker load that failed and was not retried yet (one per page).
    static FAILED: ArcRwSignal<Option<LoadFailure>> = ArcRwSignal::new(None);
}

/// The pending worker load failure, if any.
pub fn load_failure() -> ArcRwSignal<Option<LoadFailure>> {
    FAILED.with(Clone::clone)
}

/// Requests waiting for the worker's "ready": a payload and what to transfer with it.
type Queue = Rc<RefCell<Option<Vec<(JsValue, Option<js_sys::Array>)>>>>;

/// A started worker with its event listeners. Dropping it removes the listeners and
/// terminates the worker, which is how a job is cancelled.
pub struct Attached {
    worker: Worker,
    stops: Vec<Box<dyn Fn()>>,
    /// `None` once the worker said it is ready; before that, requests wait here.
    queue: Queue,
}

fn post(worker: &Worker, payload: &JsValue, transfer: Option<&js_sys::Array>) {
    let _ = match transfer {
        Some(t) => worker.post_message_with_transfer(payload, t),
        None => worker.post_message(payload),
    };
}

impl Attached {
    /// Starts the worker `name` (a classic worker, as Trunk builds them). Every byte message
    /// goes to `on_bytes`; a worker that did not load or that died goes to `on_fail` in words.
    pub fn start(
        name: &'static str,
        on_bytes: Rc<dyn Fn(Vec<u8>)>,
        on_fail: Rc<dyn Fn(String)>,
    ) -> Result<Self, String> {
        let url = script_url(name).ok_or_else(|| format!("the build names no worker {name:?}"))?;
        let worker =
            Worker::new(&url).map_err(|e| format!("cannot start the {name} worker: {e:?}"))?;
        let mut this = Self {
            worker,
            stops: Vec::new(),
            queue: Rc::new(RefCell::new(Some(Vec::new()))),
        };
        let (queue, target, fail) = (this.queue.clone(), this.worker.clone(), on_fail.clone());
        this.listen(ev::message, move |event: MessageEvent| {
            let data = event.data();
            // The worker loads its wasm first and then says "ready"; a request sent earlier
            // would be lost, so requests wait until then.
            if data.as_string().is_some_and(|s| s == "ready") {
                load_failure().update(|f| {
                    if f.as_ref().is_some_and(|f| f.worker == name) {
                        *f = None;
                    }
                });
                for (payload, transfer) in queue.borrow_mut().take().unwrap_or_default() {
                    post(&target, &payload, transfer.as_ref());
                }
                return;
            }
            match data.dyn_into::<Uint8Array>() {
                Ok(bytes) => on_bytes(bytes.to_vec()),
                Err(_) => fail("the worker sent something other than bytes".into()),
            }
        });
        let queue = this.queue.clone();
        this.listen(ev::error, move |event: web_sys::ErrorEvent| {
            event.prevent_default();
            if queue.borrow().is_none() {
                let message = Reflect::get(&event, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| "no detail".into());
                return on_fail(format!("the worker stopped with an error ({message})"));
            }
            let detail = format!("{url} did not load");
            load_failure().set(Some(LoadFailure {
                worker: name.to_owned(),
                detail: detail.clone(),
            }));
            reload_if_gone(url.clone());
            on_fail(format!("the {name} worker could not load: {detail}"));
        });
        Ok(this)
    }

    /// The worker, to post to.
    pub fn worker(&self) -> &Worker {
        &self.worker
    }

    /// Posts `payload` (transferring `transfer`) now, or once the worker has loaded.
    pub fn send(&self, payload: JsValue, transfer: Option<js_sys::Array>) {
        let mut queue = self.queue.borrow_mut();
        match queue.as_mut() {
            Some(waiting) => waiting.push((payload, transfer)),
            None => post(&self.worker, &payload, transfer.as_ref()),
        }
    }

    /// Calls `handler` on every `event` of the worker until this is dropped.
    // leptos-use 0.20 marks its umbrella re-exports deprecated in favour of its micro crates.
    #[allow(deprecated)]
    pub fn listen<E: leptos::ev::EventDescriptor + 'static>(
        &mut self,
        event: E,
        handler: impl FnMut(E::EventType) + 'static,
    ) {
        let target: web_sys::EventTarget = self.worker.clone().into();
        let stop = leptos_use::use_event_listener(target, event, handler);
        self.stops.push(Box::new(stop));
    }
}

impl Drop for Attached {
    fn drop(&mut self) {
        for stop in &self.stops {
            stop();
        }
        self.worker.terminate();
    }
}

/// The session key that remembers the one reload made for a missing asset.
const RELOADED: &str = "yunce-reloaded-for";

/// After a load of the hashed asset `url` failed while online: if the server says it is
/// gone (404 or 410, a deploy replaced it and this page is older), reloads the page once
/// to get the new names. The asset is remembered for the session, so a page that still
/// misses it after the reload shows the error and Retry instead of reloading again.
pub fn reload_if_gone(url: String) {
    leptos::task::spawn_local(async move {
        if gone(&url).await {
            reload_once(&url);
        }
    });
}

/// Whether `url` is gone from the server (404 or 410) while the browser is online.
pub async fn gone(url: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    if !window.navigator().on_line() {
        return false;
    }
    let Ok(response) = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url)).await
    else {
        return false;
    };
    let status = Reflect::get(&response, &"status".into())
        .ok()
        .and_then(|s| s.as_f64());
    matches!(status, Some(404.0 | 410.0))
}

/// Reloads the page unless it was already reloaded for `url` in this session; says whether
/// it reloads.
pub fn reload_once(url: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(storage) = window.session_storage().ok().flatten() else {
        return false;
    };
    if storage.get_item(RELOADED).ok().flatten().as_deref() == Some(url) {
        return false;
    }
    if storage.set_item(RELOADED, url).is_err() {
        return false;
    }
    window.location().reload().is_ok()
}

/// What a lab view shows while a worker load failure is pending: what failed and Retry.
/// Retry, coming back online and the next navigation call `on_retry` (the view starts
/// its workers again).
#[component]
pub fn WorkerRetry(on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let failure = load_failure();
    let retry = {
        let failure = failure.clone();
        move || {
            if failure.get_untracked().is_some() {
                failure.set(None);
                on_retry.run(());
            }
        }
    };
    let listeners: Vec<WindowListenerHandle> = ["online", "popstate", "yunce-navigated"]
        .into_iter()
        .map(|name| {
            let retry = retry.clone();
            window_event_listener_untyped(name, move |_| retry())
        })
        .collect();
    on_cleanup(move || listeners.into_iter().for_each(WindowListenerHandle::remove));
    move || {
        let retry = retry.clone();
        failure.get().map(|f| {
            view! {
                <div data-testid="worker-failed">
                    <ErrorPanel title=i18n.t("worker.failed") detail=f.detail/>
                    <button type="button" data-testid="worker-retry" on:click=move |_| retry()>
                        {i18n.t("lazy.retry")}
                    </button>
                </div>
            }
        })
    }
}
