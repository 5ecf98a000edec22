//! The worker loader. The build gives every worker script a content-hashed name and
//! names it in a `<meta name="yunce-worker-NAME" content="/NAME-HASH.js">` tag
//! (`scripts/post-build.py`), so a deploy never mixes an old worker with a new app.

use web_sys::Worker;

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

/// Starts the worker `name` as a classic worker (Trunk builds workers that way).
pub fn spawn(name: &str) -> Result<Worker, String> {
    let url = script_url(name).ok_or_else(|| format!("the build names no worker {name:?}"))?;
    Worker::new(&url).map_err(|e| format!("cannot start the {name} worker: {e:?}"))
}

/// A started worker with its event listeners. Dropping it removes the listeners and
/// terminates the worker, which is how a job is cancelled.
pub struct Attached {
    worker: Worker,
    stops: Vec<Box<dyn Fn()>>,
}

impl Attached {
    /// Takes charge of a started worker.
    pub fn new(worker: Worker) -> Self {
        Self {
            worker,
            stops: Vec::new(),
        }
    }

    /// The worker, to post to.
    pub fn worker(&self) -> &Worker {
        &self.worker
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
