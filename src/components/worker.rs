//! The worker loader. The build gives every worker script a content-hashed name and
//! names it in a `<meta name="yunce-worker-NAME" content="/NAME-HASH.js">` tag
//! (`scripts/post-build.py`), so a deploy never mixes an old worker with a new app.

use web_sys::Worker;

/// The hashed script URL of the worker `name`, as the build recorded it.
pub fn script_url(name: &str) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let meta = doc
        .query_selector(&format!("meta[name=\"yunce-worker-{name}\"]"))
        .ok()??;
    meta.get_attribute("content").filter(|s| !s.is_empty())
}

/// Starts the worker `name` as a classic worker (Trunk builds workers that way).
pub fn spawn(name: &str) -> Result<Worker, String> {
    let url = script_url(name).ok_or_else(|| format!("the build names no worker {name:?}"))?;
    Worker::new(&url).map_err(|e| format!("cannot start the {name} worker: {e:?}"))
}
