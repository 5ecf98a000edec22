//! A small streaming DOM builder for the story views' bodies.
//!
//! Why not `view!`: these views are data-driven tables and text that re-render
//! wholesale on a new URL state or language. Typed `view!` trees compile every element
//! and attribute combination into its own build, rebuild and mount code, which cost
//! the story views about 90 KB gzip. Here a body is written as calls (`open`, `attr`,
//! `text`, `close`) on a stack of plain elements, each a few bytes of code. Text is
//! always set as text (never as HTML), links are real `<a href>` navigated by one
//! delegated handler, controls report a `data-act` name and value to the view, which
//! writes the URL, and a table's CSV is read back from the table itself, so it is
//! exactly what is shown.
//!
//! No Leptos here: the app's overview and the lazily loaded story module
//! (`src/bin/story_lazy.rs`) both write with it; `host.rs` mounts bodies in the app.

use std::cell::RefCell;
use wasm_bindgen::JsValue;

thread_local! {
    static STACK: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
    static ROOT: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn with_top(f: impl FnOnce(&web_sys::Element)) {
    STACK.with(|s| {
        if let Some(top) = s.borrow().last() {
            f(top);
        }
    });
}

fn push(el: Option<web_sys::Element>) {
    if let Some(el) = el {
        STACK.with(|s| s.borrow_mut().push(el));
    }
}

/// Opens an HTML element; attributes and children go to it until [`close`].
#[inline(never)]
pub fn open(tag: &str) {
    push(document().and_then(|d| d.create_element(tag).ok()));
}

/// Opens an element with a class.
#[inline(never)]
pub fn open_c(tag: &str, class: &str) {
    open(tag);
    attr("class", class);
}

/// Opens an SVG element.
#[inline(never)]
pub fn open_svg(tag: &str) {
    push(document().and_then(|d| {
        d.create_element_ns(Some("http://www.w3.org/2000/svg"), tag)
            .ok()
    }));
}

/// Closes the open element and appends it to its parent (or makes it the root).
#[inline(never)]
pub fn close() {
    let done = STACK.with(|s| s.borrow_mut().pop());
    let Some(done) = done else { return };
    let mut orphan = Some(done);
    with_top(|parent| {
        if let Some(d) = orphan.take() {
            let _ = parent.append_child(&d);
        }
    });
    if orphan.is_some() {
        ROOT.with(|r| *r.borrow_mut() = orphan);
    }
}

/// Sets an attribute on the open element (an empty class is skipped).
#[inline(never)]
pub fn attr(name: &str, value: &str) {
    if name == "class" && value.is_empty() {
        return;
    }
    with_top(|e| {
        let _ = e.set_attribute(name, value);
    });
}

/// Sets `data-testid` on the open element.
#[inline(never)]
pub fn testid(id: &str) {
    attr("data-testid", id);
}

/// Sets a DOM property (such as `value` or `checked`) rather than an attribute.
#[inline(never)]
pub fn prop(name: &str, value: &JsValue) {
    with_top(|e| {
        let _ = js_sys::Reflect::set(e, &JsValue::from_str(name), value);
    });
}

/// Marks the open element as a control reporting `act` (buttons report `value`).
#[inline(never)]
pub fn act(name: &str, value: &str) {
    attr("data-act", name);
    attr("data-value", value);
}

/// Appends text (as text, never HTML) to the open element.
#[inline(never)]
pub fn text(t: &str) {
    if let Some(d) = document() {
        let node = d.create_text_node(t);
        with_top(|e| {
            let _ = e.append_child(&node);
        });
    }
}

/// An element holding only text.
#[inline(never)]
pub fn leaf(tag: &str, t: &str) {
    open(tag);
    text(t);
    close();
}

/// An element with a class holding only text.
#[inline(never)]
pub fn leaf_c(tag: &str, class: &str, t: &str) {
    open_c(tag, class);
    text(t);
    close();
}

/// A link; external ones open in a new tab.
#[inline(never)]
pub fn link(href: &str, t: &str, class: &str) {
    open_c("a", class);
    attr("href", href);
    if href.starts_with("http") {
        attr("target", "_blank");
        attr("rel", "noopener noreferrer");
    }
    text(t);
    close();
}

/// Builds a root `<div>` from the calls `f` makes.
pub fn build(f: impl FnOnce()) -> Option<web_sys::Element> {
    STACK.with(|s| s.borrow_mut().clear());
    open("div");
    f();
    while STACK.with(|s| !s.borrow().is_empty()) {
        close();
    }
    ROOT.with(|r| r.borrow_mut().take())
}

/// A control's report: which action, its value, and whether it is checked.
pub struct Act {
    /// The `data-act` name.
    pub act: String,
    /// The control's value (`data-value` for buttons).
    pub value: String,
    /// For checkboxes: the new checked state.
    pub checked: bool,
}
