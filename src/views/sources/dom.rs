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

use crate::components::focus;
use crate::router::navigate;
use leptos::ev;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

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

fn act_of(target: &web_sys::Element, from_value: bool) -> Option<Act> {
    let el = target.closest("[data-act]").ok()??;
    let get = |name: &str| js_sys::Reflect::get(&el, &JsValue::from_str(name)).ok();
    let value = if from_value {
        get("value").and_then(|v| v.as_string())
    } else {
        el.get_attribute("data-value")
    };
    Some(Act {
        act: el.get_attribute("data-act")?,
        value: value.unwrap_or_default(),
        checked: get("checked").and_then(|v| v.as_bool()).unwrap_or(false),
    })
}

fn target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The CSV of the table with `data-testid=testid`, read from the page: each cell's
/// text as shown, with a gap's dash as an empty cell.
fn table_csv(testid: &str) -> Option<String> {
    let table = document()?
        .query_selector(&format!("table[data-testid='{testid}']"))
        .ok()??;
    let rows = get(&table, "rows");
    let mut lines: Vec<Vec<String>> = Vec::new();
    for i in 0..get(&rows, "length").as_f64().unwrap_or(0.0) as u32 {
        let cells = get(&js_sys::Reflect::get_u32(&rows, i).ok()?, "cells");
        let n = get(&cells, "length").as_f64().unwrap_or(0.0) as u32;
        lines.push(
            (0..n)
                .map(|j| {
                    let t = js_sys::Reflect::get_u32(&cells, j)
                        .map(|c| get(&c, "textContent").as_string().unwrap_or_default())
                        .unwrap_or_default();
                    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                    t.strip_prefix('—')
                        .map(|x| x.trim().to_string())
                        .unwrap_or(t)
                })
                .collect(),
        );
    }
    let (header, body) = lines.split_first()?;
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    Some(crate::components::download::csv_text(&header, body))
}

/// Mounts the body `build` writes in a `<div>`, rebuilding it whenever a signal it
/// reads changes. Plain clicks on in-app links navigate without a reload; buttons (on
/// click) and inputs and selects (on change) with `data-act` call `on_act`; a button
/// with `data-act="csv"` saves the CSV of the table named by its value.
pub fn mount(body: impl Fn() + 'static, on_act: impl Fn(Act) + 'static) -> impl IntoView {
    // Boxed, so that one copy of the mounting code serves every view.
    mount_boxed(Box::new(body), std::rc::Rc::new(on_act))
}

fn mount_boxed(body: Box<dyn Fn()>, on_act: std::rc::Rc<dyn Fn(Act)>) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let built = build(&body);
        if let (Some(div), Some(el)) = (node.get(), built) {
            div.set_text_content(None);
            let _ = div.append_child(&el);
            focus::restore();
            crate::views::sources::kit::scroll_to_highlight();
        }
    });
    let on_change = on_act.clone();
    view! {
        <div class="dom" node_ref=node
            on:click=move |e: ev::MouseEvent| {
                let Some(t) = target(&e) else { return };
                if e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
                    return;
                }
                if let Some(href) = t.closest("a[href^='/']").ok().flatten().and_then(|a| a.get_attribute("href")) {
                    e.prevent_default();
                    navigate(&href, false);
                } else if t.closest("button[data-act]").ok().flatten().is_some() {
                    match act_of(&t, false) {
                        Some(a) if a.act == "csv" => {
                            if let Some(csv) = table_csv(&a.value) {
                                crate::components::download::save_text(&format!("yunce-{}.csv", a.value), "text/csv;charset=utf-8", &csv);
                            }
                        }
                        Some(a) => {
                            focus::remember(None);
                            on_act(a);
                        }
                        None => {}
                    }
                }
            }
            on:change=move |e: ev::Event| {
                if let Some(a) = target(&e).and_then(|t| act_of(&t, true)) {
                    focus::remember(None);
                    on_change(a);
                }
            }>
        </div>
    }
}
