//! The live chart: renders a [`yunce_chart::Layout`] (of a chart or a timeline
//! strip) as SVG elements with tooltips on hover and on keyboard focus. The SVG and
//! PNG downloads write the same layout, captions included, so they match the screen.

use super::download::{save_png, save_text};
use crate::i18n::use_i18n;
use leptos::ev;
use leptos::prelude::*;
use yunce_chart::{Layout, Palette, PlacedPoint, path_data, point_text, to_svg};

/// Tracks the width of an element so charts re-layout at phone widths.
pub fn use_width(node: NodeRef<leptos::html::Div>, fallback: f64) -> ReadSignal<f64> {
    let (width, set_width) = signal(fallback);
    let measure = move || {
        if let Some(el) = node.get_untracked() {
            let w = el.client_width() as f64;
            if w > 0.0 {
                set_width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        // Runs once the node is mounted.
        if node.get().is_some() {
            measure();
        }
    });
    let handle = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || handle.remove());
    width
}

fn fmt(v: f64) -> String {
    yunce_chart::format_value(v, 1)
}

/// The layout as a standalone SVG document in the current theme's colours.
pub fn export_svg(layout: &Layout) -> String {
    let palette = if crate::theme::page_is_dark() {
        Palette::dark()
    } else {
        Palette::light()
    };
    to_svg(layout, &palette)
}

/// SVG and PNG download buttons for a chart (`{prefix}svg`, `{prefix}png` test ids);
/// `stem` names the files.
#[component]
#[allow(clippy::needless_pass_by_value)] // Component props are owned values.
pub fn ChartDownloads(
    #[prop(into)] layout: Signal<Layout>,
    #[prop(into)] stem: Signal<String>,
    #[prop(into)] prefix: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let (svg_id, png_id) = (format!("{prefix}svg"), format!("{prefix}png"));
    let save_svg = move |_| {
        let svg = export_svg(&layout.get_untracked());
        save_text(
            &format!("{}.svg", stem.get_untracked()),
            "image/svg+xml",
            &svg,
        );
    };
    let save_image = move |_| {
        let l = layout.get_untracked();
        let svg = export_svg(&l);
        save_png(
            &format!("{}.png", stem.get_untracked()),
            &svg,
            l.width,
            l.height,
        );
    };
    view! {
        <button type="button" data-testid=svg_id on:click=save_svg>
            {move || i18n.t("download.svg")}
        </button>
        <button type="button" data-testid=png_id on:click=save_image>
            {move || i18n.t("download.png")}
        </button>
    }
}

/// The `i`th focusable mark of a layout: line points first, then bars, in the order
/// `render_layout` numbers them.
fn nth_mark(l: &Layout, i: usize) -> Option<PlacedPoint> {
    l.lines
        .iter()
        .flat_map(|line| line.points.iter())
        .chain(l.bars.iter().filter_map(|b| b.point.as_ref()))
        .nth(i)
        .cloned()
}

/// The mark index an event came from (`data-i` on the element), if any.
fn mark_index(ev: &web_sys::Event) -> Option<usize> {
    use wasm_bindgen::JsCast;
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.get_attribute("data-i")?.parse().ok()
}

/// An interactive chart for a layout; `testid` names it for tests.
///
/// The marks are drawn in the task after the frame that mounts the chart, so a view
/// with several charts paints its frame first and then each chart in its own short task.
/// One delegated listener per event serves every mark, rather than three per mark.
#[component]
pub fn Chart(#[prop(into)] layout: Signal<Layout>, testid: &'static str) -> impl IntoView {
    let layout_memo = layout;
    let painted = super::paint::after_first_paint();
    let (hovered, set_hovered) = signal(None::<PlacedPoint>);
    let show = move |ev: &web_sys::Event| {
        if let Some(i) = mark_index(ev) {
            set_hovered.set(layout_memo.with_untracked(|l| nth_mark(l, i)));
        }
    };
    view! {
        <div class="chart" data-testid=testid>
            // A group, not an image: its marks are focus stops with their own labels.
            <svg
                role="group"
                aria-label=move || layout_memo.get().title
                viewBox=move || {
                    let l = layout_memo.get();
                    format!("0 0 {} {}", fmt(l.width), fmt(l.height))
                }
                width=move || fmt(layout_memo.get().width)
                height=move || fmt(layout_memo.get().height)
                on:mouseleave=move |_| set_hovered.set(None)
                on:mouseover=move |ev| show(&ev)
                on:focusin=move |ev| show(&ev)
                on:focusout=move |_| set_hovered.set(None)
            >
                {move || painted.get().then(|| render_layout(&layout_memo.get()))}
            </svg>
            {move || {
                hovered
                    .get()
                    .map(|p| {
                        let l = layout_memo.get_untracked();
                        let left = 100.0 * p.x / l.width.max(1.0);
                        let top = 100.0 * p.y / l.height.max(1.0);
                        view! {
                            <div
                                class="tooltip"
                                role="tooltip"
                                data-testid="tooltip"
                                // Set through the CSSOM: the site's CSP forbids style attributes.
                                style:left=format!("{left:.1}%")
                                style:top=format!("{top:.1}%")
                            >
                                {point_text(&p)}
                            </div>
                        }
                    })
            }}
            <super::chart_data::ChartData layout=layout_memo testid/>
        </div>
    }
}

fn render_layout(l: &Layout) -> impl IntoView + use<> {
    let plot = l.plot;
    let captions = l
        .captions
        .iter()
        .map(|c| {
            view! {
                <text class=c.role.class() x=fmt(c.x) y=fmt(c.y)>{c.text.clone()}</text>
            }
        })
        .collect_view();
    let bands = l
        .bands
        .iter()
        .map(|b| {
            view! {
                <rect class="band" x=fmt(b.rect.x) y=fmt(b.rect.y) width=fmt(b.rect.width) height=fmt(b.rect.height)>
                    <title>{b.label.clone()}</title>
                </rect>
            }
        })
        .collect_view();
    let grid = l
        .y_ticks
        .iter()
        .map(|t| {
            view! {
                <line class="grid" x1=fmt(plot.x) x2=fmt(plot.x + plot.width) y1=fmt(t.position) y2=fmt(t.position)/>
                <text class="tick" x=fmt(plot.x - 6.0) y=fmt(t.position) dy="0.32em" text-anchor="end">{t.label.clone()}</text>
            }
        })
        .collect_view();
    let x_ticks = l
        .x_ticks
        .iter()
        .map(|t| {
            view! {
                <text class="tick" x=fmt(t.position) y=fmt(plot.y + plot.height + 16.0) text-anchor="middle">{t.label.clone()}</text>
            }
        })
        .collect_view();
    let zero = l.zero_y.map(|z| {
        view! { <line class="axis" x1=fmt(plot.x) x2=fmt(plot.x + plot.width) y1=fmt(z) y2=fmt(z)/> }
    });
    // Marks are numbered in `nth_mark`'s order; the delegated listeners read `data-i`.
    let mut next = 0usize;
    let mut focusable = move |p: &PlacedPoint, class: String, shape: Shape| {
        let (label, i) = (point_text(p), next);
        next += 1;
        match shape {
            Shape::Dot(radius) => view! {
                <circle class=class tabindex="0" role="img" aria-label=label data-i=i cx=fmt(p.x) cy=fmt(p.y) r=fmt(radius)/>
            }
            .into_any(),
            Shape::Bar(r) => view! {
                <rect class=class tabindex="0" role="img" aria-label=label data-i=i x=fmt(r.x) y=fmt(r.y) width=fmt(r.width) height=fmt(r.height)/>
            }
            .into_any(),
        }
    };
    let lines = l
        .lines
        .iter()
        .map(|line| {
            let (color, radius) = (line.color, line.radius);
            let paths = line
                .segments
                .iter()
                .map(|seg| view! { <path class=format!("line s{color}") d=path_data(seg)/> })
                .collect_view();
            let dots = line
                .points
                .iter()
                .map(|p| focusable(p, format!("dot s{color}"), Shape::Dot(radius)))
                .collect_view();
            view! { <g data-series=line.key.clone()>{paths}{dots}</g> }
        })
        .collect_view();
    let bars = l
        .bars
        .iter()
        .map(|bar| match &bar.point {
            Some(p) => focusable(p, format!("bar s{}", bar.color), Shape::Bar(bar.rect)),
            None => view! {
                <text class="gap" x=fmt(bar.gap_x) y=fmt(bar.rect.y - 4.0) text-anchor="middle">"–"</text>
            }
            .into_any(),
        })
        .collect_view();
    let legend = l
        .legend
        .iter()
        .map(|e| {
            view! {
                <rect class=format!("swatch s{}", e.color) x=fmt(e.x) y=fmt(e.y - 9.0) width="10" height="10"/>
                <text class="legend" x=fmt(e.x + 14.0) y=fmt(e.y)>{e.label.clone()}</text>
            }
        })
        .collect_view();
    view! { {captions}{bands}{grid}{x_ticks}{zero}{lines}{bars}{legend} }
}

#[derive(Clone, Copy)]
enum Shape {
    Dot(f64),
    Bar(yunce_chart::Rect),
}
