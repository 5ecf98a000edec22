//! The results: elapsed time, the summary table, the CSV download, the result tabs with their
//! charts and tables, and the heat map. Charts are the app's `Chart` component, fed by
//! derived specs, so a new run or a wider window updates them in place.

use super::Editor;
use super::edit::Action;
use super::heat::HeatMap;
use super::model::{self, CLASSES, Results};
use super::runner::Runner;
use super::state::Tab;
use super::text::{class_key, policy_key, tab_key};
use crate::components::chart::{Chart, ChartDownloads};
use crate::components::download::save_text;
use crate::i18n::{I18n, use_i18n};
use leptos::html;
use leptos::prelude::*;
use yunce_chart::{ChartKind, ChartSpec, layout};
use yunce_sched::Policy;

/// A chart spec derived from the last results, with the trace's citation as its source
/// line; an empty chart while there are none.
fn derived(
    runner: Runner,
    make: impl Fn(&Results) -> ChartSpec + Send + Sync + 'static,
) -> Signal<ChartSpec> {
    let i18n = use_i18n();
    Signal::derive(move || {
        let source = i18n.t("lab.chart_source").to_string();
        runner.results.with(|r| match r {
            Some(r) => ChartSpec { source, ..make(r) },
            None => ChartSpec {
                title: String::new(),
                subtitle: String::new(),
                source,
                x_labels: Vec::new(),
                series: Vec::new(),
                y_unit: String::new(),
                kind: ChartKind::Line,
                width: 300.0,
                height: 300.0,
                decimals: 0,
            },
        })
    })
}

/// A live chart with its SVG and PNG downloads; `name` is the test id and the file stem.
#[component]
fn LabChart(spec: Signal<ChartSpec>, name: &'static str) -> impl IntoView {
    let chart_layout = Memo::new(move |_| layout(&spec.get()));
    let stem = format!("yunce-lab-{name}");
    view! {
        <figure class="lab-chart">
            <Chart layout=chart_layout testid=name/>
            <ChartDownloads layout=chart_layout stem=stem prefix=format!("{name}-")/>
        </figure>
    }
}

/// A table of text cells; the first cell of each row is a row header.
fn table(testid: &'static str, head: Vec<String>, rows: Vec<Vec<String>>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table data-testid=testid>
                <thead><tr>{head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr>{row.into_iter().enumerate().map(|(i, c)| if i == 0 {
                            view! { <th scope="row">{c}</th> }.into_any()
                        } else {
                            view! { <td class="num">{c}</td> }.into_any()
                        }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

// leptos-use 0.20 marks its umbrella re-exports deprecated in favour of its micro crates.
#[allow(deprecated)]
fn element_width(node: NodeRef<html::Section>) -> Signal<f64> {
    let size = leptos_use::use_element_size(node);
    Signal::derive(move || match size.width.get() {
        w if w > 0.0 => w.clamp(300.0, 1060.0),
        _ => 720.0,
    })
}

fn label(i18n: I18n) -> impl Fn(Policy) -> String + Copy {
    move |p| i18n.t(policy_key(p)).to_string()
}

/// The results section: empty until the first comparison finishes.
#[component]
pub fn ResultsPanel(editor: Editor, runner: Runner) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<html::Section>::new();
    let width = element_width(node);
    let mode = Memo::new(move |_| runner.results.with(|r| r.as_ref().map(|r| r.mode)));
    let tab = Memo::new(move |_| {
        let mode = mode.get()?;
        let wanted = editor.state.with(|s| s.tab);
        Some(if wanted.fits(mode) {
            wanted
        } else {
            Tab::ALL
                .into_iter()
                .find(|t| t.fits(mode))
                .unwrap_or(Tab::Model)
        })
    });
    let stale = Memo::new(move |_| runner.stale());
    let summary = move || {
        runner.results.with(|r| {
            r.as_ref().map(|r| {
                let head = model::summary_head(r.mode)
                    .iter()
                    .map(|k| i18n.t(k).to_string())
                    .collect();
                table("lab-summary", head, model::summary_rows(r, &label(i18n)))
            })
        })
    };
    let elapsed = move || {
        runner.results.with(|r| {
            r.as_ref().map(|r| {
                let text = i18n.format(
                    "lab.elapsed",
                    &[&format!("{:.2}", r.elapsed_ms / 1000.0), &r.reports.len().to_string()],
                );
                view! { <p class="small" data-testid="elapsed" data-ms=format!("{:.0}", r.elapsed_ms)>{text}</p> }
            })
        })
    };
    let save_csv = move |_| {
        runner.results.with_untracked(|r| {
            if let Some(r) = r {
                let name = format!("yunce-lab-{}.csv", r.mode.name());
                save_text(&name, "text/csv;charset=utf-8", &r.csv());
            }
        })
    };
    // Every tab stays mounted (hidden when it does not fit the results), so focus stays.
    let tabs = move || {
        Tab::ALL
            .map(|t| {
                let fits = move || mode.get().is_some_and(|m| t.fits(m));
                view! {
                    <button type="button" data-testid=format!("tab-{}", t.slug()) hidden=move || !fits()
                        aria-pressed=move || (tab.get() == Some(t)).to_string()
                        on:click=move |_| editor.apply(Action::Tab(t))>
                        {move || i18n.t(tab_key(t))}
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        <section class="lab-results" node_ref=node aria-labelledby="lab-results-title">
            <h2 id="lab-results-title">{move || i18n.t("lab.results")}</h2>
            <Show when=move || mode.get().is_some() fallback=move || view! { <p class="muted">{move || i18n.t("lab.no_results")}</p> }>
                <Show when=move || stale.get()>
                    <p class="notice" data-testid="stale" role="status">{move || i18n.t("lab.stale")}</p>
                </Show>
                {elapsed}
                {summary}
                <div class="row toolbar">
                    <button type="button" data-testid="download-csv" on:click=save_csv>{move || i18n.t("download.csv")}</button>
                    <div class="segmented" role="group" aria-label=move || i18n.t("lab.tabs")>{tabs()}</div>
                </div>
                {move || tab.get().map(|t| tab_body(runner, i18n, width, t))}
            </Show>
        </section>
    }
}

fn tab_body(runner: Runner, i18n: I18n, width: Signal<f64>, tab: Tab) -> AnyView {
    let t = move |k: &'static str| i18n.t(k).to_string();
    let label = label(i18n);
    let curve = move |name: &'static str,
                      title: &'static str,
                      ideal: bool,
                      f: fn(&yunce_sched::CurvePoint) -> Option<f64>| {
        let spec = derived(runner, move |r| {
            model::curve_chart(
                r,
                t(title),
                ideal.then(|| t("lab.ideal")),
                f,
                &label,
                width.get(),
            )
        });
        view! { <LabChart spec name/> }
    };
    match tab {
        Tab::Alloc => {
            let unallocated = derived(runner, move |r| {
                let seeds = (t("lab.seed_best"), t("lab.seed_worst"));
                model::unallocated_chart(
                    r,
                    t("lab.chart.unalloc"),
                    t("lab.metric.unalloc"),
                    seeds,
                    &label,
                    width.get(),
                )
            });
            view! {
                {curve("alloc", "lab.chart.alloc", true, |c| c.gpu_alloc_pct)}
                <LabChart spec=unallocated name="unallocated"/>
            }
            .into_any()
        }
        Tab::Frag => view! {
            {curve("frag", "lab.chart.frag", false, |c| c.frag_amount_pct)}
            {curve("frag-rate", "lab.chart.frag_rate", false, |c| c.frag_rate_pct)}
        }
        .into_any(),
        Tab::Fail => {
            let spec = derived(runner, move |r| {
                let cats = CLASSES.iter().map(|c| t(class_key(*c))).collect();
                let value = |x: &yunce_sched::RunReport, i: usize| {
                    x.failed_by_class[CLASSES[i].index()] as f64
                };
                model::grouped_chart(
                    r,
                    t("lab.chart.fail"),
                    cats,
                    &value,
                    "",
                    &label,
                    width.get(),
                )
            });
            view! { <LabChart spec name="failed"/> }.into_any()
        }
        Tab::Model => {
            let spec = derived(runner, move |r| {
                let cats = r.models().into_iter().map(|m| m.0).collect();
                let value = |x: &yunce_sched::RunReport, i: usize| {
                    x.models.get(i).map(|m| m.alloc_pct()).unwrap_or(0.0)
                };
                model::grouped_chart(
                    r,
                    t("lab.chart.model"),
                    cats,
                    &value,
                    "%",
                    &label,
                    width.get(),
                )
            });
            let models = move || {
                runner.results.with(|r| {
                    r.as_ref().map(|r| {
                        let mut head =
                            vec![t("lab.col.model"), t("lab.col.gpus"), t("lab.col.cap")];
                        for p in r.policies() {
                            head.push(format!("{} %", label(p)));
                            head.push(format!("{} ×", label(p)));
                        }
                        table("lab-models", head, model::model_rows(r))
                    })
                })
            };
            view! {
                <LabChart spec name="models"/>
                {models}
                <p class="muted small">{move || i18n.t("lab.model_note")}</p>
            }
            .into_any()
        }
        Tab::Queue => {
            let alloc = derived(runner, move |r| {
                model::replay_chart(
                    r,
                    t("lab.chart.replay_alloc"),
                    |s| s.gpu_alloc_pct,
                    "%",
                    &label,
                    width.get(),
                )
            });
            let pending = derived(runner, move |r| {
                model::replay_chart(
                    r,
                    t("lab.chart.pending"),
                    |s| s.pending as f64,
                    "",
                    &label,
                    width.get(),
                )
            });
            view! {
                <LabChart spec=alloc name="replay-alloc"/>
                <LabChart spec=pending name="replay-pending"/>
            }
            .into_any()
        }
        Tab::Heat => view! { <HeatMap runner/> }.into_any(),
    }
}
