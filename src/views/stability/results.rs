//! The results of a run, side by side: every estimate with its interval and method, the exact
//! figure beside the Monte Carlo where it applies, the charts with their downloads, the
//! segments, the assumptions and the worker's timing.

use super::charts::{self, Captions};
use super::export;
use super::runner::Runner;
use super::text::tr;
use super::text::{self, num};
use crate::components::chart::{Chart, ChartDownloads};
use crate::components::download::save_text;
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use std::time::Duration;
use yunce_chart::Layout;
use yunce_reliab::{Estimate, ExactOutcome, Method, Report};

fn interval(i18n: I18n, e: &Estimate, d: usize) -> String {
    if e.method == Method::Exact || e.method == Method::MonteCarloPercentile {
        return num(e.value, d);
    }
    i18n.format(
        "stability.interval",
        &[
            &num(e.value, d),
            &num(e.low, d),
            &num(e.high, d),
            &num(100.0 * e.level, 0),
        ],
    )
}

/// One labelled estimate: value, interval, method.
fn estimate(
    i18n: I18n,
    testid: String,
    label: &'static str,
    e: Estimate,
    d: usize,
) -> impl IntoView {
    view! {
        <tr data-testid=testid data-value=format!("{}", e.value)>
            <th scope="row">{tr(i18n, label)}</th>
            <td class="num">{move || interval(i18n, &e, d)}</td>
            <td class="small muted">{move || i18n.t(text::method_key(e.method))}</td>
        </tr>
    }
}

fn side_card(i18n: I18n, side: usize, r: &Report, ms: f64) -> impl IntoView + use<> {
    let w = charts::worst_segment(r);
    let seg = r.segments.get(w).cloned();
    let mut rows = Vec::new();
    if let Some(s) = &seg {
        let d = &s.downtime_minutes;
        rows.push(
            estimate(
                i18n,
                format!("downtime-{side}"),
                "stability.est.downtime",
                d.mean,
                1,
            )
            .into_any(),
        );
        let pct = |v: f64| Estimate {
            value: v,
            low: v,
            high: v,
            level: 0.0,
            method: Method::MonteCarloPercentile,
            samples: 0,
        };
        rows.push(
            estimate(
                i18n,
                format!("p50-{side}"),
                "stability.est.p50",
                pct(d.p50),
                1,
            )
            .into_any(),
        );
        rows.push(
            estimate(
                i18n,
                format!("p95-{side}"),
                "stability.est.p95",
                pct(d.p95),
                1,
            )
            .into_any(),
        );
        rows.push(
            estimate(
                i18n,
                format!("p99-{side}"),
                "stability.est.p99",
                pct(d.p99),
                1,
            )
            .into_any(),
        );
        rows.push(
            estimate(
                i18n,
                format!("availability-{side}"),
                "stability.est.availability",
                s.availability,
                6,
            )
            .into_any(),
        );
        if let ExactOutcome::Exact(x) = &s.exact {
            rows.push(
                estimate(
                    i18n,
                    format!("exact-{side}"),
                    "stability.est.exact",
                    Estimate::exact(x.availability),
                    6,
                )
                .into_any(),
            );
        }
        for b in &s.sla {
            let t = num(b.target_percent, 3);
            let e = b.probability;
            rows.push(view! {
                <tr data-testid=format!("sla-{side}-{t}") data-value=format!("{}", e.value)>
                    <th scope="row">{let t = t.clone(); move || i18n.format("stability.est.sla", &[&t])}</th>
                    <td class="num">{move || interval(i18n, &e, 4)}</td>
                    <td class="small muted">{move || i18n.t(text::method_key(e.method))}</td>
                </tr>
            }.into_any());
        }
    }
    rows.push(
        estimate(
            i18n,
            format!("incidents-{side}"),
            "stability.est.incidents",
            r.incidents_per_year,
            3,
        )
        .into_any(),
    );
    rows.push(
        estimate(
            i18n,
            format!("blast-{side}"),
            "stability.est.blast",
            r.blast_radius,
            3,
        )
        .into_any(),
    );
    rows.push(
        estimate(
            i18n,
            format!("cmin-{side}"),
            "stability.est.customer_minutes",
            r.customer_minutes.mean,
            1,
        )
        .into_any(),
    );
    let seg_name = seg.map(|s| s.name).unwrap_or_default();
    // Built when opened, like the assumptions: a run's first frame shows the estimates only.
    let rows_of: Vec<[String; 6]> = r
        .segments
        .iter()
        .map(|s| {
            let exact = match &s.exact {
                ExactOutcome::Exact(x) => num(x.availability, 6),
                ExactOutcome::NotApplicable(_) => "—".to_owned(),
            };
            [
                s.name.clone(),
                num(s.customer_share, 3),
                num(s.downtime_minutes.mean.value, 1),
                num(s.downtime_minutes.p99, 1),
                num(s.availability.value, 6),
                exact,
            ]
        })
        .collect();
    let rows_of = StoredValue::new(rows_of);
    let seg_open = RwSignal::new(false);
    let segments = move || {
        seg_open.get().then(|| {
            rows_of.with_value(|rows| {
                rows.iter()
                    .map(|cells| {
                        let cells = cells.clone().map(|c| view! { <td>{c}</td> });
                        view! { <tr>{cells.into_iter().collect_view()}</tr> }
                    })
                    .collect_view()
            })
        })
    };
    // A generated region lists hundreds of assumed values: built only when opened.
    let statements: Vec<String> = r.assumptions.iter().map(|a| a.statement.clone()).collect();
    let count = statements.len();
    let statements = StoredValue::new(statements);
    let opened = RwSignal::new(false);
    let assumptions = move || {
        opened.get().then(|| {
            statements.with_value(|list| {
                list.iter()
                    .map(|a| view! { <li>{a.clone()}</li> })
                    .collect_view()
            })
        })
    };
    let (name, years, seed) = (r.scenario.clone(), r.years_simulated, r.seed);
    view! {
        <section class="card stability-side" data-testid=format!("side-{side}") data-ms=format!("{ms:.0}")>
            <h3>{name}</h3>
            <p class="small muted">
                {move || i18n.format("stability.run_of", &[&years.to_string(), &seed.to_string()])}
            </p>
            <p class="small">{tr(i18n, "stability.worst")}" "<strong>{seg_name.clone()}</strong></p>
            // Scrolls sideways on a phone, so it takes focus to be scrolled by keyboard.
            <table class="data estimates" tabindex="0" aria-label=tr(i18n, "stability.estimates")><tbody>{rows}</tbody></table>
            <details>
                <summary on:click=move |_| seg_open.set(true) data-testid=format!("segments-open-{side}")>
                    {tr(i18n, "stability.segments")}
                </summary>
                <table class="data" data-testid=format!("segments-{side}")>
                    <thead><tr>
                        <th>{tr(i18n, "stability.col.segment")}</th>
                        <th>{tr(i18n, "stability.col.share")}</th>
                        <th>{tr(i18n, "stability.col.mean")}</th>
                        <th>"P99"</th>
                        <th>{tr(i18n, "stability.col.mc")}</th>
                        <th>{tr(i18n, "stability.col.exact")}</th>
                    </tr></thead>
                    <tbody>{segments}</tbody>
                </table>
            </details>
            <details>
                <summary on:click=move |_| opened.set(true) data-testid=format!("assumptions-{side}")>
                    {tr(i18n, "stability.assumptions")}" ("{count}")"
                </summary>
                <ul class="small">{assumptions}</ul>
            </details>
        </section>
    }
}

fn chart_block(layout: Layout, testid: &'static str, stem: String) -> impl IntoView {
    let l = Signal::stored(layout);
    view! {
        <figure class="lab-chart">
            <Chart layout=l testid/>
            <div class="button-row">
                <ChartDownloads layout=l stem=stem prefix=format!("{testid}-")/>
            </div>
        </figure>
    }
}

/// Charts in the order they appear; each is built in its own frame.
const CHARTS: usize = 6;

/// Chart `slot` (0–1 histograms, 2 SLA bars, 3 customer-minutes, 4–5 timelines), if the
/// reports have it.
fn chart_at(i18n: I18n, reports: &[Report], slot: usize) -> Option<AnyView> {
    let caps = |title: &'static str, sub: &'static str, r: &Report| Captions {
        title: i18n.t(title).to_owned(),
        subtitle: i18n.t(sub).to_owned(),
        source: i18n.format(
            "stability.chart_source",
            &[&r.years_simulated.to_string(), &r.seed.to_string()],
        ),
    };
    let named: Vec<(String, &Report)> = reports.iter().map(|r| (r.scenario.clone(), r)).collect();
    let first = reports.first()?;
    let view = match slot {
        0 | 1 => {
            let r = reports.get(slot)?;
            let mut c = caps(
                "stability.chart.histogram",
                "stability.chart.histogram_sub",
                r,
            );
            c.title = format!("{} — {}", c.title, r.scenario);
            // The percentiles go into the subtitle, so an exported chart states them too.
            if let Some(seg) = r.segments.get(charts::worst_segment(r)) {
                let d = &seg.downtime_minutes;
                let p = [d.p50, d.p95, d.p99].map(|v| num(v, 1));
                c.subtitle = i18n.format(
                    "stability.chart.histogram_sub",
                    &[&seg.name, &p[0], &p[1], &p[2]],
                );
            }
            let l = charts::histogram(r, c, i18n.t("stability.chart.years"));
            let id = ["histogram-0", "histogram-1"][slot];
            chart_block(l, id, format!("yunce-downtime-{slot}")).into_any()
        }
        2 => {
            let c = caps("stability.chart.sla", "stability.chart.sla_sub", first);
            chart_block(charts::sla_bars(&named, c), "sla-chart", "yunce-sla".into()).into_any()
        }
        3 => {
            let c = caps("stability.chart.cmin", "stability.chart.cmin_sub", first);
            let l = charts::customer_minutes(&named, c);
            chart_block(l, "cmin-chart", "yunce-customer-minutes".into()).into_any()
        }
        _ => {
            let side = slot.checked_sub(4)?;
            let r = reports.get(side)?;
            let mut c = caps(
                "stability.chart.timeline",
                "stability.chart.timeline_sub",
                r,
            );
            c.title = format!("{} — {}", c.title, r.scenario);
            let groups = [
                "stability.trigger.component",
                "stability.trigger.group",
                "stability.trigger.change",
                "stability.trigger.scripted",
            ]
            .map(|k| i18n.t(k).to_owned());
            let id = ["timeline-0", "timeline-1"][side.min(1)];
            chart_block(
                charts::year_timeline(r, c, groups),
                id,
                format!("yunce-year-{side}"),
            )
            .into_any()
        }
    };
    Some(view)
}

/// Shows the estimates, then one more chart per frame after new results, so no single task
/// blocks the page.
fn reveal(shown: RwSignal<usize>, generation: StoredValue<u32>, mine: u32) {
    request_animation_frame(move || {
        set_timeout(
            move || {
                if generation.try_get_value() != Some(mine) {
                    return;
                }
                let more = shown.try_update(|n| {
                    *n += 1;
                    *n <= CHARTS
                });
                if more == Some(true) {
                    reveal(shown, generation, mine);
                }
            },
            Duration::ZERO,
        );
    });
}

/// The last results, or nothing before the first run.
#[component]
pub fn ResultsPanel(runner: Runner, key: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    // Charts are built one per frame after the estimates, so no single task blocks the page.
    let shown = RwSignal::new(0usize);
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        runner.results.track();
        shown.set(0);
        generation.update_value(|g| *g += 1);
        reveal(shown, generation, generation.get_value());
    });
    let stale = move || {
        runner
            .results
            .with(|r| r.as_ref().is_some_and(|r| r.key != key.get()))
    };
    let timing = move || {
        runner.results.with(|r| {
            r.as_ref().map(|r| {
                let ms: f64 = r.ms.iter().sum();
                let cy: f64 = r.component_years.iter().sum();
                let rate = if ms > 0.0 { cy / (ms / 1000.0) } else { 0.0 };
                let text = i18n.format("stability.elapsed", &[&num(cy, 0), &num(ms, 0), &format!("{:.2e}", rate)]);
                view! {
                    <p class="small" data-testid="elapsed" data-ms=format!("{ms:.1}") data-component-years=format!("{cy}")>{text}</p>
                }
            })
        })
    };
    // The timing line first, the estimates a frame later, then one chart per frame.
    let cards_visible = Memo::new(move |_| shown.get() >= 1);
    let sides = move || {
        if !cards_visible.get() {
            return None;
        }
        runner.results.with_untracked(|r| {
            r.as_ref().map(|r| {
                r.reports
                    .iter()
                    .enumerate()
                    .map(|(i, rep)| side_card(i18n, i, rep, r.ms.get(i).copied().unwrap_or(0.0)))
                    .collect_view()
            })
        })
    };
    let charts = move || {
        (0..CHARTS)
            .map(|slot| {
                let visible = Memo::new(move |_| shown.get() > slot + 1);
                move || {
                    if !visible.get() {
                        return None;
                    }
                    runner.results.with_untracked(|r| {
                        r.as_ref().and_then(|r| chart_at(i18n, &r.reports, slot))
                    })
                }
            })
            .collect_view()
    };
    let save_csv = move |_| {
        runner.results.with_untracked(|r| {
            if let Some(r) = r {
                save_text(
                    "yunce-stability.csv",
                    "text/csv;charset=utf-8",
                    &export::csv(&r.reports),
                );
            }
        })
    };
    view! {
        <Show when=move || runner.results.with(Option::is_some)>
            <section data-testid="results" class="stability-results">
                <h2>{tr(i18n, "stability.results")}</h2>
                {move || stale().then(|| view! { <p class="notice" data-testid="stale">{i18n.t("stability.stale")}</p> })}
                {timing}
                <div class="button-row">
                    <button type="button" data-testid="csv" on:click=save_csv>{tr(i18n, "stability.csv")}</button>
                </div>
                <div class="stability-sides">{sides}</div>
                <div class="stability-charts" data-testid="charts">{charts}</div>
            </section>
        </Show>
    }
}
