//! The live chart for the lab's UI module: the same `yunce_chart` layout and CSS classes as the
//! app's `Chart` component (`src/components/chart.rs`), drawn with plain DOM calls because
//! this module has no Leptos. Every mark has a focus stop and an `aria-label`, and the same
//! tooltip shows on hover and on focus.

use super::dom::{self, Scope};
use std::rc::Rc;
use web_sys::Element;
use yunce_chart::{ChartSpec, Layout, PlacedPoint, layout, path_data, point_text};

const SVG: &str = "http://www.w3.org/2000/svg";

fn fmt(v: f64) -> String {
    yunce_chart::format_value(v, 1)
}

fn svg_el(parent: &Element, tag: &str, class: &str, attrs: &[(&str, String)]) -> Element {
    let e = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element_ns(Some(SVG), tag).ok())
        .unwrap_or_else(|| parent.clone());
    if !class.is_empty() {
        let _ = e.set_attribute("class", class);
    }
    for (k, v) in attrs {
        let _ = e.set_attribute(k, v);
    }
    if e != *parent {
        let _ = parent.append_child(&e);
    }
    e
}

fn text_el(parent: &Element, class: &str, x: f64, y: f64, anchor: &str, body: &str) {
    let t = svg_el(
        parent,
        "text",
        class,
        &[("x", fmt(x)), ("y", fmt(y)), ("text-anchor", anchor.into())],
    );
    t.set_text_content(Some(body));
}

/// Draws `spec` under `parent` as `<div class="chart" data-testid=testid>`.
pub fn chart(scope: &mut Scope, parent: &Element, spec: &ChartSpec, testid: &str) {
    let l: Layout = layout(spec);
    let host = dom::el(parent, "div", "chart", "");
    dom::attrs(&host, &[("data-testid", testid)]);
    let svg = svg_el(
        &host,
        "svg",
        "",
        &[
            ("role", "img".into()),
            ("aria-label", l.title.clone()),
            ("viewBox", format!("0 0 {} {}", fmt(l.width), fmt(l.height))),
            ("width", fmt(l.width)),
            ("height", fmt(l.height)),
        ],
    );
    let tip = dom::el(&host, "div", "tooltip", "");
    dom::attrs(
        &tip,
        &[
            ("role", "tooltip"),
            ("data-testid", "tooltip"),
            ("hidden", ""),
        ],
    );
    let (w, h) = (l.width.max(1.0), l.height.max(1.0));
    let tip = Rc::new(tip);
    let t = tip.clone();
    scope.on(&svg, "mouseleave", move |_| {
        let _ = t.set_attribute("hidden", "");
    });
    let p = l.plot;
    for tick in &l.y_ticks {
        svg_el(
            &svg,
            "line",
            "grid",
            &[
                ("x1", fmt(p.x)),
                ("x2", fmt(p.x + p.width)),
                ("y1", fmt(tick.position)),
                ("y2", fmt(tick.position)),
            ],
        );
        text_el(
            &svg,
            "tick",
            p.x - 6.0,
            tick.position + 3.5,
            "end",
            &tick.label,
        );
    }
    for tick in &l.x_ticks {
        text_el(
            &svg,
            "tick",
            tick.position,
            p.y + p.height + 16.0,
            "middle",
            &tick.label,
        );
    }
    if let Some(z) = l.zero_y {
        svg_el(
            &svg,
            "line",
            "axis",
            &[
                ("x1", fmt(p.x)),
                ("x2", fmt(p.x + p.width)),
                ("y1", fmt(z)),
                ("y2", fmt(z)),
            ],
        );
    }
    let mark = |scope: &mut Scope, e: Element, pt: &PlacedPoint| {
        let label = point_text(pt);
        let style = format!("left:{:.1}%;top:{:.1}%", 100.0 * pt.x / w, 100.0 * pt.y / h);
        let _ = e.set_attribute("tabindex", "0");
        let _ = e.set_attribute("aria-label", &label);
        for event in ["mouseenter", "focus"] {
            let (t, label, style) = (tip.clone(), label.clone(), style.clone());
            scope.on(&e, event, move |_| {
                t.set_text_content(Some(&label));
                let _ = t.set_attribute("style", &style);
                let _ = t.remove_attribute("hidden");
            });
        }
        let t = tip.clone();
        scope.on(&e, "blur", move |_| {
            let _ = t.set_attribute("hidden", "");
        });
    };
    for line in &l.lines {
        let g = svg_el(&svg, "g", "", &[("data-series", line.key.clone())]);
        for seg in &line.segments {
            svg_el(
                &g,
                "path",
                &format!("line s{}", line.color),
                &[("d", path_data(seg))],
            );
        }
        for pt in &line.points {
            let c = svg_el(
                &g,
                "circle",
                &format!("dot s{}", line.color),
                &[("cx", fmt(pt.x)), ("cy", fmt(pt.y)), ("r", "3.5".into())],
            );
            mark(scope, c, pt);
        }
    }
    for bar in &l.bars {
        match &bar.point {
            Some(pt) => {
                let r = bar.rect;
                let e = svg_el(
                    &svg,
                    "rect",
                    &format!("bar s{}", bar.color),
                    &[
                        ("x", fmt(r.x)),
                        ("y", fmt(r.y)),
                        ("width", fmt(r.width)),
                        ("height", fmt(r.height)),
                    ],
                );
                mark(scope, e, pt);
            }
            None => text_el(&svg, "gap", bar.gap_x, bar.rect.y - 4.0, "middle", "–"),
        }
    }
    for e in &l.legend {
        svg_el(
            &svg,
            "rect",
            &format!("swatch s{}", e.color),
            &[
                ("x", fmt(e.x)),
                ("y", fmt(e.y - 9.0)),
                ("width", "10".into()),
                ("height", "10".into()),
            ],
        );
        text_el(&svg, "legend", e.x + 14.0, e.y, "start", &e.label);
    }
}
