//! The heat map: every GPU of every node at the end of a policy's first run, drawn on a canvas
//! (thousands of cells, too many for SVG elements), with the drawing time for the budget check.
//! Above 2,400 nodes the worker sends strips of several nodes (`yunce_sched::heat_strips`),
//! so the map keeps at most 100 rows of 24 strips; the view states the strip size.

use super::model::Heat;
use super::runner::Runner;
use super::text::policy_key;
use super::worker::now_ms;
use crate::i18n::use_i18n;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use yunce_sched::Policy;

const CELL: f64 = 4.0;
const PER_ROW: usize = 24;

/// Draws one strip per node and one cell per GPU, coloured by use; returns the time in ms.
fn draw(canvas: &web_sys::HtmlCanvasElement, heat: &Heat) -> Option<f64> {
    let start = now_ms();
    let heat = &heat.strips;
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
    Some(now_ms() - start)
}

/// The heat map with a policy picker.
#[component]
pub fn HeatMap(runner: Runner) -> impl IntoView {
    let i18n = use_i18n();
    let canvas = NodeRef::<html::Canvas>::new();
    let picked = RwSignal::new(None::<Policy>);
    let policies = Memo::new(move |_| {
        runner
            .results
            .with(|r| {
                r.as_ref()
                    .map(|r| r.heat.iter().map(|(p, _)| *p).collect::<Vec<_>>())
            })
            .unwrap_or_default()
    });
    // The last policy is FGD in the default order: show it first.
    let shown = Memo::new(move |_| {
        picked
            .get()
            .or_else(|| policies.with(|p| p.last().copied()))
    });
    let drawn_ms = RwSignal::new(None::<f64>);
    Effect::new(move |_| {
        let Some(el) = canvas.get() else {
            return;
        };
        let pick = shown.get();
        let ms = runner.results.with(|r| {
            let heat = r.as_ref()?.heat.iter().find(|(p, _)| Some(*p) == pick)?;
            draw(&el, &heat.1)
        });
        drawn_ms.set(ms);
    });
    view! {
        <div class="row segmented" role="group" aria-label=move || i18n.t("lab.heat_pick")>
            <For each=move || policies.get() key=|p| *p let(p)>
                <button type="button" data-testid=format!("heat-{}", p.name())
                    aria-pressed=move || (shown.get() == Some(p)).to_string()
                    on:click=move |_| picked.set(Some(p))>
                    {move || i18n.t(policy_key(p))}
                </button>
            </For>
        </div>
        <canvas class="heat" data-testid="heat" node_ref=canvas role="img" aria-label=move || i18n.t("lab.heat_label")></canvas>
        <p class="muted small">{move || i18n.t("lab.heat_legend")}</p>
        {move || {
            let per_strip = runner.results.with(|r| {
                r.as_ref()?.heat.iter().find(|(p, _)| Some(*p) == shown.get()).map(|(_, h)| h.per_strip)
            })?;
            (per_strip > 1).then(|| {
                let n = per_strip.to_string();
                view! {
                    <p class="muted small" data-testid="heat-bins" data-per-strip=n.clone()>
                        {i18n.format("lab.heat_bins", &[&n])}
                    </p>
                }
            })
        }}
        // Shown once drawn, so a reader of data-ms never sees an empty value.
        {move || drawn_ms.get().map(|ms| {
            let ms = format!("{ms:.1}");
            view! {
                <p class="muted small" data-testid="heat-ms" data-ms=ms.clone()>{i18n.format("lab.heat_time", &[&ms])}</p>
            }
        })}
    }
}
