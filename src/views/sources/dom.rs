//! A small DOM builder for the story views' bodies.
//!
//! Why not `view!`: these views are mostly data-driven tables and text that re-render
//! wholesale on a new URL state or language. Typed `view!` trees compile every element
//! and attribute combination into its own build, rebuild and mount code, which cost the
//! first four story views about 90 KB gzip. Building plain elements with a handful of
//! `web_sys` calls costs a few KB. Text is always set as text (never as HTML), links
//! are real `<a href>` navigated by one delegated handler, and controls report a
//! `data-act` name and value to the view, which writes the URL.

use crate::components::focus;
use crate::router::navigate;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// An element under construction; a failed creation becomes a no-op.
pub struct N(Option<web_sys::Element>);

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// A new HTML element.
#[inline(never)]
pub fn h(tag: &str) -> N {
    N(document().and_then(|d| d.create_element(tag).ok()))
}

/// A new SVG element.
#[inline(never)]
pub fn svg(tag: &str) -> N {
    N(document().and_then(|d| d.create_element_ns(Some(SVG_NS), tag).ok()))
}

/// An element holding text.
#[inline(never)]
pub fn ht(tag: &str, text: &str) -> N {
    h(tag).t(text)
}

/// An in-app or external link.
#[inline(never)]
pub fn link(href: &str, text: &str) -> N {
    let a = h("a").a("href", href).t(text);
    if href.starts_with("http") {
        a.a("target", "_blank").a("rel", "noopener noreferrer")
    } else {
        a
    }
}

impl N {
    /// Sets an attribute.
    #[inline(never)]
    pub fn a(self, name: &str, value: &str) -> Self {
        if let Some(e) = &self.0 {
            let _ = e.set_attribute(name, value);
        }
        self
    }

    /// Sets an attribute when `on`.
    #[inline(never)]
    pub fn a_if(self, on: bool, name: &str, value: &str) -> Self {
        if on { self.a(name, value) } else { self }
    }

    /// Sets the class.
    #[inline(never)]
    pub fn c(self, class: &str) -> Self {
        if class.is_empty() {
            self
        } else {
            self.a("class", class)
        }
    }

    /// Sets `data-testid`.
    #[inline(never)]
    pub fn id(self, testid: &str) -> Self {
        self.a("data-testid", testid)
    }

    /// Appends text (as text, never HTML).
    #[inline(never)]
    pub fn t(self, text: &str) -> Self {
        if let (Some(e), Some(d)) = (&self.0, document()) {
            let _ = e.append_child(&d.create_text_node(text));
        }
        self
    }

    /// Appends a child.
    #[inline(never)]
    pub fn ch(self, child: N) -> Self {
        if let (Some(e), Some(c)) = (&self.0, child.0) {
            let _ = e.append_child(&c);
        }
        self
    }

    /// Appends an optional child.
    #[inline(never)]
    pub fn opt(self, child: Option<N>) -> Self {
        match child {
            Some(c) => self.ch(c),
            None => self,
        }
    }

    /// Appends children.
    pub fn all(self, children: impl IntoIterator<Item = N>) -> Self {
        children.into_iter().fold(self, N::ch)
    }

    /// Sets a DOM property (such as `value` or `checked`) rather than an attribute.
    #[inline(never)]
    pub fn p(self, name: &str, value: &JsValue) -> Self {
        if let Some(e) = &self.0 {
            let _ = js_sys::Reflect::set(e, &JsValue::from_str(name), value);
        }
        self
    }

    /// A control that reports `act` with its value (buttons report `value`).
    #[inline(never)]
    pub fn act(self, act: &str, value: &str) -> Self {
        self.a("data-act", act).a("data-value", value)
    }
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
    let prop = |name: &str| js_sys::Reflect::get(&el, &JsValue::from_str(name)).ok();
    let value = if from_value {
        prop("value").and_then(|v| v.as_string())
    } else {
        el.get_attribute("data-value")
    };
    Some(Act {
        act: el.get_attribute("data-act")?,
        value: value.unwrap_or_default(),
        checked: prop("checked").and_then(|v| v.as_bool()).unwrap_or(false),
    })
}

fn target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()
}

/// Mounts the element `build` returns in a `<div>`, rebuilding it whenever a signal
/// `build` reads changes. Plain clicks on in-app links navigate without a reload;
/// buttons (on click) and inputs and selects (on change) with `data-act` call `on_act`.
pub fn mount(build: impl Fn() -> N + 'static, on_act: impl Fn(Act) + 'static) -> impl IntoView {
    // Boxed, so that one copy of the mounting code serves every view.
    mount_boxed(Box::new(build), std::rc::Rc::new(on_act))
}

fn mount_boxed(build: Box<dyn Fn() -> N>, on_act: std::rc::Rc<dyn Fn(Act)>) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let built = build();
        if let (Some(div), Some(el)) = (node.get(), built.0) {
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
                        Some(a) if a.act == "csv" => crate::views::sources::kit::save_csv(&a.value),
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
