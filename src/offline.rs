//! Offline after one visit. The shell registers the service worker (`assets/sw.js`, which
//! the build fills with every file to precache) once the first view has rendered, and
//! offers a reload when a new version has been downloaded. The new version takes over
//! only when the reader chooses, so a page never runs old and new files together.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration};

/// Set when the reader asked for the new version: only then does a change of controller
/// reload the page (the first visit's worker also takes control, and must not reload).
static RELOAD_ASKED: AtomicBool = AtomicBool::new(false);

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent outside secure contexts: then the app simply stays online-only.
    let present = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    present.then(|| navigator.service_worker())
}

/// Calls `f` on every event `name` of `target` for the rest of the page's life.
fn listen(target: &web_sys::EventTarget, name: &str, f: impl Fn() + 'static) {
    let callback = Closure::<dyn Fn()>::new(f);
    let _ = target.add_event_listener_with_callback(name, callback.as_ref().unchecked_ref());
    // The shell lives as long as the page, and so do these listeners.
    callback.forget();
}

/// Shows a worker that has finished installing while an older one controls the page.
fn watch(
    registration: &ServiceWorkerRegistration,
    waiting: RwSignal<Option<ServiceWorker>, LocalStorage>,
) {
    let controlled = move || container().and_then(|c| c.controller()).is_some();
    if controlled() && registration.waiting().is_some() {
        waiting.set(registration.waiting());
    }
    let reg = registration.clone();
    listen(registration, "updatefound", move || {
        let Some(installing) = reg.installing() else {
            return;
        };
        let (worker, reg) = (installing.clone(), reg.clone());
        listen(&installing, "statechange", move || {
            if worker.state() == web_sys::ServiceWorkerState::Installed && controlled() {
                waiting.set(reg.waiting());
            }
        });
    });
}

async fn register(waiting: RwSignal<Option<ServiceWorker>, LocalStorage>) {
    let Some(container) = container() else {
        return;
    };
    listen(&container, "controllerchange", || {
        if RELOAD_ASKED.swap(false, Ordering::SeqCst)
            && let Some(window) = web_sys::window()
        {
            let _ = window.location().reload();
        }
    });
    let Ok(registration) = JsFuture::from(container.register("/sw.js")).await else {
        return;
    };
    if let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() {
        watch(&registration, waiting);
    }
}

/// Registers the service worker after the first render and offers the new version.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let i18n = use_i18n();
    let waiting = RwSignal::new_local(None::<ServiceWorker>);
    Effect::new(move |started: Option<()>| {
        if started.is_none() {
            leptos::task::spawn_local(register(waiting));
        }
    });
    let reload = move |_| {
        if let Some(worker) = waiting.get_untracked() {
            RELOAD_ASKED.store(true, Ordering::SeqCst);
            let _ = worker.post_message(&"skip-waiting".into());
        }
    };
    view! {
        <Show when=move || waiting.with(Option::is_some)>
            <div class="update-notice" role="status" data-testid="update-notice">
                <span>{move || i18n.t("update.ready")}</span>
                <button type="button" data-testid="update-reload" on:click=reload>
                    {move || i18n.t("update.reload")}
                </button>
            </div>
        </Show>
    }
}
