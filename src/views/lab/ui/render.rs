//! Render pieces of the lab: a chart with its downloads, the heat map on a canvas, and the
//! explanations.

use super::dom::{self, Scope};
use super::model::Heat;
use crate::download::{save_png, save_text};
use crate::i18n::{Lang, text};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yunce_chart::{ChartSpec, Palette, layout, to_svg};
use yunce_sched::Policy;
/// Locale key of a policy's name.
pub fn policy_key(p: Policy) -> &'static str {
    match p {
        Policy::Random => "lab.policy.random",
        Policy::DotProd => "lab.policy.dotprod",
        Policy::Clustering => "lab.policy.clustering",
        Policy::Packing => "lab.policy.packing",
        Policy::BestFit => "lab.policy.bestfit",
        Policy::Fgd => "lab.policy.fgd",
    }
}

fn policy_note_key(p: Policy) -> &'static str {
    match p {
        Policy::Random => "lab.explain.random",
        Policy::DotProd => "lab.explain.dotprod",
        Policy::Clustering => "lab.explain.clustering",
        Policy::Packing => "lab.explain.packing",
        Policy::BestFit => "lab.explain.bestfit",
        Policy::Fgd => "lab.explain.fgd",
    }
}

/// The live chart and its SVG and PNG downloads under `parent`; `name` is the file stem and
/// test id.
pub fn chart_box(
    scope: &mut Scope,
    parent: &Element,
    spec: ChartSpec,
    name: &'static str,
    lang: Lang,
) {
    let fig = dom::el(parent, "figure", "lab-chart", "");
    super::chart::chart(scope, &fig, &spec, name);
    let row = dom::el(&fig, "div", "row", "");
    let svg = std::rc::Rc::new(move || {
        let palette = if dark() {
            Palette::dark()
        } else {
            Palette::light()
        };
        (to_svg(&layout(&spec), &palette), layout(&spec))
    });
    let s2 = svg.clone();
    dom::button(
        scope,
        &row,
        text(lang, "download.svg"),
        &format!("{name}-svg"),
        None,
        move |_| save_text(&format!("yunce-lab-{name}.svg"), "image/svg+xml", &svg().0),
    );
    dom::button(
        scope,
        &row,
        text(lang, "download.png"),
        &format!("{name}-png"),
        None,
        move |_| {
            let (svg, l) = s2();
            save_png(&format!("yunce-lab-{name}.png"), &svg, l.width, l.height);
        },
    );
}

/// Whether the app shows dark colours (it sets `<html data-theme>`).
fn dark() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-theme"))
        .is_some_and(|t| t == "dark")
}

const CELL: f64 = 4.0;
const PER_ROW: usize = 24;

/// Draws every GPU of every node: one strip per node, one cell per GPU, coloured by use.
/// Returns the drawing time in ms.
pub fn draw_heat(canvas: &web_sys::HtmlCanvasElement, heat: &Heat) -> Option<f64> {
    let start = super::worker::now_ms();
    let width_gpus = heat.iter().map(|(_, g)| g.len()).max().unwrap_or(1).max(1);
    let strip = width_gpus as f64 * CELL + 2.0;
    let rows = heat.len().div_ceil(PER_ROW).max(1);
    canvas.set_width((PER_ROW as f64 * strip) as u32);
    canvas.set_height((rows as f64 * (CELL + 2.0)) as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    // Four levels: idle, under half used, half or more, full. One fill colour per pass.
    const COLORS: [&str; 4] = ["#d9dde3", "#f0c36a", "#e69f00", "#0072b2"];
    for (level, color) in COLORS.iter().enumerate() {
        ctx.set_fill_style_str(color);
        for (n, (_, gpus)) in heat.iter().enumerate() {
            let x0 = (n % PER_ROW) as f64 * strip;
            let y = (n / PER_ROW) as f64 * (CELL + 2.0);
            for (g, &used) in gpus.iter().enumerate() {
                let l = match used {
                    0 => 0,
                    1..=499 => 1,
                    500..=999 => 2,
                    _ => 3,
                };
                if l == level {
                    ctx.fill_rect(x0 + g as f64 * CELL, y, CELL - 0.5, CELL);
                }
            }
        }
    }
    Some(super::worker::now_ms() - start)
}

/// How each policy and metric works, in the current language.
pub fn explanations(parent: &Element, lang: Lang) {
    let metrics = [
        ("lab.metric.alloc", "lab.explain.alloc"),
        ("lab.metric.unalloc", "lab.explain.unalloc"),
        ("lab.metric.frag", "lab.explain.frag"),
        ("lab.metric.failed", "lab.explain.failed"),
        ("lab.metric.weighted", "lab.explain.weighted"),
        ("lab.metric.delay", "lab.explain.delay"),
    ];
    let d = dom::el(parent, "details", "card lab-explain", "");
    dom::attrs(&d, &[("data-testid", "lab-explain")]);
    dom::el(&d, "summary", "", text(lang, "lab.explain.title"));
    let dl = dom::el(&d, "dl", "", "");
    for (k, e) in Policy::ALL
        .into_iter()
        .map(|p| (policy_key(p), policy_note_key(p)))
        .chain(metrics)
    {
        dom::el(&dl, "dt", "", text(lang, k));
        dom::el(&dl, "dd", "", text(lang, e));
    }
}
