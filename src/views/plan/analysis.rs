//! Analyses over many solves, all in the worker: the presets side by side, the Pareto
//! frontier of EFLOPS against capex (with progress and cancel) and the tornado.

use super::Editor;
use super::charts::{self, Words};
use super::results::scenario_memo;
use super::runner::Runner;
use super::state::preset_scenario;
use super::text::{self, grouped, num, preset_key, rmb};
use crate::components::chart::{Chart, ChartDownloads, use_width};
use crate::components::download::{csv_text, save_text};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use yunce_chart::layout;
use yunce_plan::{Preset, Variation};

fn words(title: &'static str, subtitle: &'static str) -> Words {
    let i18n = use_i18n();
    Words {
        title: i18n.t(title).to_owned(),
        subtitle: i18n.t(subtitle).to_owned(),
        source: i18n.t("plan.chart.source").to_owned(),
    }
}

/// The compared presets side by side: a table and capex by chip.
#[component]
pub fn ComparePanel(editor: Editor, runner: Runner) -> impl IntoView {
    let i18n = use_i18n();
    let toggles = Preset::ALL
        .into_iter()
        .map(|p| {
            let on = move || editor.state.with(|s| s.compare.contains(&p));
            let toggle = move |_| {
                editor.update(|s| {
                    if s.compare.contains(&p) {
                        if s.compare.len() > 1 {
                            s.compare.retain(|x| *x != p);
                        }
                    } else {
                        s.compare.push(p);
                        s.compare.sort();
                    }
                })
            };
            view! {
                <button type="button" data-testid=format!("cmp-{}", p.slug())
                    aria-pressed=move || on().to_string() on:click=toggle>
                    {move || i18n.t(preset_key(p))}
                </button>
            }
        })
        .collect_view();
    let node = NodeRef::new();
    let width = use_width(node, 720.0);
    let table = move || {
        let presets = editor.state.with(|s| s.compare.clone());
        runner.compared.with(|c| {
            let results = c.as_ref()?;
            let cols = presets.iter().zip(results).map(|(p, r)| {
                let sc = preset_scenario(*p);
                let cells: Vec<String> = match r {
                    Ok(plan) => {
                        let t = &plan.totals;
                        let mut used: Vec<String> = Vec::new();
                        for l in &plan.lines {
                            if !used.contains(&l.chip) {
                                used.push(l.chip.clone());
                            }
                        }
                        vec![
                            sc.policy.as_of.clone(),
                            num(t.eflops, 2),
                            grouped(t.servers as f64),
                            num(t.facility_mw, 1),
                            rmb(t.capex_rmb),
                            rmb(t.tco_rmb),
                            t.capex_per_eflops.map(rmb).unwrap_or_default(),
                            t.domestic_share.map(|v| format!("{}%", num(100.0 * v, 1))).unwrap_or_default(),
                            used.join(", "),
                        ]
                    }
                    Err(e) => vec![sc.policy.as_of.clone(), text::error(i18n, &sc, e)],
                };
                (*p, cells)
            });
            let cols: Vec<_> = cols.collect();
            let rows = [
                "plan.as_of",
                "plan.t.eflops",
                "plan.t.servers",
                "plan.t.facility_mw",
                "plan.t.capex",
                "plan.t.tco",
                "plan.t.capex_per",
                "plan.t.share",
                "plan.chips_used",
            ]
            .into_iter()
            .enumerate()
            .map(|(i, k)| {
                let cells = cols
                    .iter()
                    .map(|(_, c)| view! { <td>{c.get(i).cloned().unwrap_or_default()}</td> })
                    .collect_view();
                view! { <tr><th scope="row">{i18n.t(k)}</th>{cells}</tr> }
            })
            .collect_view();
            let heads = cols
                .iter()
                .map(|(p, _)| view! { <th scope="col" data-preset=p.slug()>{i18n.t(preset_key(*p))}</th> })
                .collect_view();
            Some(view! {
                <div class="table-wrap">
                    <table class="data" data-testid="compare">
                        <thead><tr><td></td>{heads}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            })
        })
    };
    let layout_memo = Memo::new(move |_| {
        let presets = editor.state.with(|s| s.compare.clone());
        runner.compared.with(|c| {
            let results = c.as_deref().unwrap_or_default();
            let plans: Vec<(String, Option<&yunce_plan::Plan>)> = presets
                .iter()
                .zip(results)
                .map(|(p, r)| (i18n.t(preset_key(*p)).to_owned(), r.as_ref().ok()))
                .collect();
            layout(&charts::compare(
                &plans,
                words("plan.chart.compare", "plan.chart.compare_sub"),
                width.get(),
            ))
        })
    });
    view! {
        <section class="lab-results">
            <h2>{move || i18n.t("plan.compare")}</h2>
            <p class="small muted">{move || i18n.t("plan.compare_note")}</p>
            <div class="row segmented" role="group">{toggles}</div>
            {table}
            <div class="lab-chart" node_ref=node>
                <Chart layout=layout_memo testid="compare-chart"/>
                <div class="row toolbar">
                    <ChartDownloads layout=layout_memo stem="yunce-plan-compare".to_owned() prefix="compare-"/>
                </div>
            </div>
        </section>
    }
}

/// The Pareto sweep: run, progress, cancel, the frontier and its CSV.
#[component]
pub fn ParetoPanel(editor: Editor, runner: Runner) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::new();
    let width = use_width(node, 720.0);
    let sweep = runner.sweep;
    // Changes twice per sweep, not at every point: the buttons and the chart's room are
    // outside the progress layer, and touching them would repaint the whole page.
    let running = Memo::new(move |_| sweep.with(|s| s.running));
    let reserved = Memo::new(move |_| sweep.with(|s| s.running || !s.points.is_empty()));
    let drawn = Memo::new(move |_| sweep.with(|s| !s.running && !s.points.is_empty()));
    // Updated in place (an attribute and a text node per point), never rebuilt.
    let fraction = move || {
        sweep.with(|s| {
            let v = if s.total > 0 {
                s.points.len() as f64 / s.total as f64
            } else {
                0.0
            };
            format!("{v:.3}")
        })
    };
    let status = move || {
        sweep.with(|s| {
            let done = s.points.len();
            if s.running {
                i18n.format(
                    "plan.sweep_progress",
                    &[&done.to_string(), &s.total.to_string()],
                )
            } else if s.cancelled {
                i18n.t("plan.cancelled").to_owned()
            } else if let Some(e) = &s.error {
                e.clone()
            } else if let Some(ms) = s.ms {
                i18n.format("plan.sweep_done", &[&done.to_string(), &num(ms, 0)])
            } else {
                String::new()
            }
        })
    };
    let sweep_ms = Memo::new(move |_| sweep.with(|s| s.ms.map(|m| format!("{m:.1}"))));
    let progress = view! {
        <progress data-testid="sweep-progress" max="1" value=fraction
            aria-label=move || i18n.t("plan.sweep_label")></progress>
        <span data-testid="sweep-ms" data-ms=move || sweep_ms.get()
            data-running=move || running.get().to_string()>{status}</span>
    };
    let layout_memo = Memo::new(move |_| {
        sweep.with(|s| {
            layout(&charts::pareto(
                &s.points,
                words("plan.chart.pareto", "plan.chart.pareto_sub"),
                "EFLOPS".to_owned(),
                width.get(),
            ))
        })
    });
    let save_csv = move |_| {
        let rows: Vec<Vec<String>> = sweep.with_untracked(|s| {
            s.points
                .iter()
                .map(|p| {
                    vec![
                        format!("{:.0}", p.budget_rmb),
                        format!("{:.0}", p.capex_rmb),
                        format!("{:.6}", p.eflops),
                        format!("{:.4}", p.facility_mw),
                        p.servers.to_string(),
                        p.feasible.to_string(),
                    ]
                })
                .collect()
        });
        let header = [
            "budget_rmb",
            "capex_rmb",
            "eflops",
            "facility_mw",
            "servers",
            "feasible",
        ];
        save_text(
            "yunce-plan-pareto.csv",
            "text/csv;charset=utf-8",
            &csv_text(&header, &rows),
        );
    };
    view! {
        <section class="lab-results">
            <h2>{move || i18n.t("plan.pareto")}</h2>
            <p class="small muted">{move || i18n.t("plan.pareto_note")}</p>
            <div class="row">
                <label class="num-input inline">
                    <span>{move || i18n.t("plan.points")}</span>
                    <input type="number" min="2" max="1000" data-testid="points"
                        prop:value=move || editor.state.with(|s| s.points.to_string())
                        on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).trim().parse::<u32>()
                                && (2..=super::state::MAX_POINTS).contains(&n)
                            {
                                editor.update(|s| s.points = n);
                            }
                        }/>
                </label>
                <button type="button" class="primary" id="run" data-testid="sweep"
                    disabled=move || running.get()
                    on:click=move |_| runner.run_sweep()>{move || i18n.t("plan.run_sweep")}</button>
                <button type="button" data-testid="sweep-cancel"
                    disabled=move || !running.get()
                    on:click=move |_| runner.cancel_sweep()>{move || i18n.t("plan.cancel")}</button>
                <span class="sweep-status">{progress}</span>
            </div>
            // The chart's room is taken when the sweep starts, in a layer of its own, so the
            // chart that lands at the end repaints only itself.
            <div class="lab-chart pareto-box" node_ref=node
                class:reserved=move || reserved.get()>
                // Drawn once the sweep stops, so a running sweep costs the page only its
                // progress bar (no re-layout per point).
                <Show when=move || drawn.get()>
                    <Chart layout=layout_memo testid="pareto"/>
                    <div class="row toolbar">
                        <button type="button" data-testid="pareto-csv" on:click=save_csv>{move || i18n.t("download.csv")}</button>
                        <ChartDownloads layout=layout_memo stem="yunce-plan-pareto".to_owned() prefix="pareto-"/>
                    </div>
                </Show>
            </div>
        </section>
    }
}

/// The tornado: each factor at ±30% and every reported range.
#[component]
pub fn TornadoPanel(editor: Editor, runner: Runner) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::new();
    let width = use_width(node, 720.0);
    let scenario = scenario_memo(editor, runner);
    let body = move || {
        runner.tornado.with(|t| {
            let (result, ms) = t.as_ref()?;
            let ms = *ms;
            Some(match result {
                Err(e) => view! {
                    <p class="notice bad" data-testid="tornado-error">{scenario.with(|s| text::error(i18n, s, e))}</p>
                }
                .into_any(),
                Ok(t) => {
                    let mode = scenario.with(|s| s.mode.clone());
                    let t2 = t.clone();
                    let mode2 = mode.clone();
                    let layout_memo = Memo::new(move |_| {
                        let labels = [i18n.t("plan.low").to_owned(), i18n.t("plan.high").to_owned()];
                        let mut shown = t2.clone();
                        for b in &mut shown.bars {
                            b.factor = text::factor(i18n, &b.factor);
                        }
                        layout(&charts::tornado(&shown, &mode2, words("plan.chart.tornado", "plan.chart.tornado_sub"), labels, width.get()))
                    });
                    let fmt = move |v: Option<f64>| match (&mode, v) {
                        (yunce_plan::Mode::MinTco { .. }, Some(v)) => rmb(v),
                        (_, Some(v)) => num(v, 3),
                        (_, None) => "—".to_owned(),
                    };
                    let rows = t
                        .bars
                        .iter()
                        .map(|b| {
                            let how = match &b.variation {
                                Variation::Percent(p) => format!("±{}%", num(100.0 * p, 0)),
                                Variation::ReportedRange { low, high } => format!("{}–{}", num(*low, 2), num(*high, 2)),
                            };
                            view! {
                                <tr>
                                    <th scope="row">{text::factor(i18n, &b.factor)}</th>
                                    <td>{how}</td>
                                    <td class="num">{fmt(b.objective_low)}</td>
                                    <td class="num">{fmt(b.objective_high)}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <p class="small muted" data-testid="tornado-ms" data-ms=format!("{ms:.1}")>
                            {i18n.format("plan.tornado_done", &[&num(ms, 0)])}
                        </p>
                        <Chart layout=layout_memo testid="tornado"/>
                        <div class="row toolbar">
                            <ChartDownloads layout=layout_memo stem="yunce-plan-tornado".to_owned() prefix="tornado-"/>
                        </div>
                        <div class="table-wrap">
                            <table class="data" data-testid="tornado-table">
                                <thead><tr>
                                    <th scope="col">{i18n.t("plan.factor")}</th>
                                    <th scope="col">{i18n.t("plan.variation")}</th>
                                    <th scope="col">{i18n.t("plan.low")}</th>
                                    <th scope="col">{i18n.t("plan.high")}</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }
                    .into_any()
                }
            })
        })
    };
    view! {
        <section class="lab-results">
            <h2>{move || i18n.t("plan.tornado")}</h2>
            <p class="small muted">{move || i18n.t("plan.tornado_note")}</p>
            <div class="row">
                <button type="button" class="primary" data-testid="tornado-run"
                    disabled=move || runner.tornado_running.get()
                    on:click=move |_| runner.run_tornado()>{move || i18n.t("plan.run_tornado")}</button>
            </div>
            <div class="lab-chart" node_ref=node>{body}</div>
        </section>
    }
}
