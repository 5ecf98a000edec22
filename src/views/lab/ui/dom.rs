//! A few plain DOM helpers for the lab.
//!
//! Why not `view!` here: every distinct Leptos view shape compiles to its own code, and the
//! lab's many controls cost about 70 KB gzip of the main bundle that way. These helpers are
//! not generic, and the lab's UI is a lazily loaded module without Leptos. Text is always set with
//! `textContent`, never parsed as HTML. Listeners live in a [`Scope`] and are dropped with it.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, Event};

/// Listeners of one rendered part; dropping the scope drops them.
#[derive(Default)]
pub struct Scope {
    listeners: Vec<Closure<dyn FnMut(Event)>>,
}

impl Scope {
    /// Adds a listener to `el`.
    pub fn on(&mut self, el: &Element, event: &str, f: impl FnMut(Event) + 'static) {
        let c = Closure::<dyn FnMut(Event)>::new(f);
        let _ = el.add_event_listener_with_callback(event, c.as_ref().unchecked_ref());
        self.listeners.push(c);
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Appends `<tag class=…>text</tag>` to `parent`; empty class or text are left out.
pub fn el(parent: &Element, tag: &str, class: &str, text: &str) -> Element {
    let e = document()
        .and_then(|d| d.create_element(tag).ok())
        .unwrap_or_else(|| parent.clone());
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    if e != *parent {
        let _ = parent.append_child(&e);
    }
    e
}

/// Sets attributes.
pub fn attrs(e: &Element, list: &[(&str, &str)]) {
    for (k, v) in list {
        let _ = e.set_attribute(k, v);
    }
}

/// Removes every child.
pub fn clear(e: &Element) {
    e.set_text_content(None);
}

/// The value of the input an event came from.
pub fn value(ev: &Event) -> String {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

/// A button; `pressed` makes it a toggle.
pub fn button(
    scope: &mut Scope,
    parent: &Element,
    label: &str,
    testid: &str,
    pressed: Option<bool>,
    f: impl FnMut(Event) + 'static,
) -> Element {
    let b = el(parent, "button", "", label);
    attrs(&b, &[("type", "button"), ("data-testid", testid)]);
    if let Some(p) = pressed {
        attrs(&b, &[("aria-pressed", if p { "true" } else { "false" })]);
    }
    scope.on(&b, "click", f);
    b
}

/// A labelled text input that reports its text on change.
pub fn input(
    scope: &mut Scope,
    parent: &Element,
    label: &str,
    testid: &str,
    value_text: &str,
    f: impl Fn(String) + 'static,
) {
    let l = el(parent, "label", "num-input", "");
    el(&l, "span", "", label);
    let i = el(&l, "input", "", "");
    attrs(
        &i,
        &[
            ("type", "text"),
            ("inputmode", "decimal"),
            ("size", "7"),
            ("data-testid", testid),
            ("value", value_text),
        ],
    );
    scope.on(&i, "change", move |ev| f(value(&ev)));
}

/// A table of text cells; the first cell of each row is a row header.
pub fn table(parent: &Element, testid: &str, head: &[String], rows: &[Vec<String>]) {
    let wrap = el(parent, "div", "table-wrap", "");
    let t = el(&wrap, "table", "", "");
    attrs(&t, &[("data-testid", testid)]);
    let tr = el(&el(&t, "thead", "", ""), "tr", "", "");
    for h in head {
        el(&tr, "th", "", h);
    }
    let body = el(&t, "tbody", "", "");
    for row in rows {
        let tr = el(&body, "tr", "", "");
        for (i, c) in row.iter().enumerate() {
            if i == 0 {
                attrs(&el(&tr, "th", "", c), &[("scope", "row")]);
            } else {
                el(&tr, "td", "num", c);
            }
        }
    }
}
