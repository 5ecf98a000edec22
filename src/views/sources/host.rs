//! Mounts streaming-builder bodies in the app: one `<div>` with delegated handlers for
//! in-app links, CSV buttons and `data-act` controls. The overview builds its body here;
//! the story views let the lazily loaded story module fill the `<div>`.

use super::dom::{Act, build};
use crate::components::focus;
use crate::router::navigate;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

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
    let table = web_sys::window()?
        .document()?
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
    let fill = move |div: &web_sys::HtmlDivElement| {
        if let Some(el) = build(&body) {
            div.set_text_content(None);
            let _ = div.append_child(&el);
            focus::restore();
            crate::views::sources::kit::scroll_to_highlight();
        }
    };
    // Boxed, so that one copy of the mounting code serves every view.
    host(Box::new(fill), std::rc::Rc::new(on_act), false)
}

/// Like [`mount`], but `fill` writes into the `<div>` itself (re-run whenever a signal it
/// reads changes); the story views hand it to the lazily loaded story module. A `busy`
/// `<div>` starts with `aria-busy="true"`, for whoever fills it to clear.
pub fn host(
    fill: Box<dyn Fn(&web_sys::HtmlDivElement)>,
    on_act: std::rc::Rc<dyn Fn(Act)>,
    busy: bool,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(div) = node.get() {
            fill(&div);
        }
    });
    let on_change = on_act.clone();
    view! {
        <div class="dom" node_ref=node aria-busy=busy.then_some("true")
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
