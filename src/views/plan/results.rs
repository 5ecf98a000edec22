//! The plan for the current inputs: why there is none (in words, naming the conflicting
//! constraint groups), the totals, the mix table with the CLI's CSV, the mix by chip, and
//! every binding constraint with its shadow price in words.

use super::Editor;
use super::charts::{self, Words};
use super::runner::Runner;
use super::text::{self, grouped, num, rmb};
use crate::components::chart::{Chart, ChartDownloads, use_width};
use crate::components::download::save_text;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use yunce_chart::layout;
use yunce_plan::{Plan, Scenario};

/// The scenario of the current inputs, for names in messages.
pub fn scenario_memo(editor: Editor, runner: Runner) -> Memo<Scenario> {
    Memo::new(move |_| {
        let user = runner.user_chips.get();
        editor.state.with(|s| s.scenario(&user))
    })
}

/// Status, error, totals, mix and binding constraints.
#[component]
pub fn ResultsPanel(editor: Editor, runner: Runner) -> impl IntoView {
    let i18n = use_i18n();
    let scenario = scenario_memo(editor, runner);
    let status = move || {
        let times = runner
            .solved
            .with(|s| s.as_ref().map(|(_, plan, all)| (*plan, *all)));
        let solving = runner.solving.get();
        let text = if solving {
            i18n.t("plan.solving").to_owned()
        } else {
            times
                .map(|(plan, all)| i18n.format("plan.solved_in", &[&num(plan, 1), &num(all, 1)]))
                .unwrap_or_default()
        };
        view! {
            <p class="small muted" data-testid="solve-ms" data-ms=times.map(|(m, _)| format!("{m:.3}"))
                data-full-ms=times.map(|(_, m)| format!("{m:.3}"))
                data-solving=solving.to_string() data-solves=runner.solves.get().to_string()>{text}</p>
        }
    };
    let error = move || {
        runner.solved.with(|s| match s {
            Some((Err(e), _, _)) => {
                let text = scenario.with(|sc| text::error(i18n, sc, e));
                let stale = runner.last_good.with(Option::is_some);
                Some(view! {
                    <div class="notice bad" role="alert" data-testid="plan-error">
                        <p>{text}</p>
                        {stale.then(|| view! { <p class="small">{i18n.t("plan.showing_last")}</p> })}
                    </div>
                })
            }
            _ => None,
        })
    };
    let unmatched = move || {
        let user = runner.user_chips.get();
        let keys = editor.state.with(|s| s.unmatched(&user));
        (!keys.is_empty()).then(|| {
            view! {
                <p class="notice" data-testid="unmatched">{i18n.format("plan.unmatched", &[&keys.join(", ")])}</p>
            }
        })
    };
    let body = move || {
        runner
            .last_good
            .with(|p| p.as_ref().map(|p| plan_view(p, scenario).into_any()))
    };
    view! {
        <section class="lab-results" aria-live="polite">
            <h2>{move || i18n.t("plan.result")}</h2>
            {status}
            {error}
            {unmatched}
            {body}
        </section>
    }
}

fn plan_view(plan: &Plan, scenario: Memo<Scenario>) -> impl IntoView {
    let i18n = use_i18n();
    let t = plan.totals.clone();
    let share = t
        .domestic_share
        .map(|v| format!("{}%", num(100.0 * v, 1)))
        .unwrap_or_default();
    let per = |v: Option<f64>| v.map(rmb).unwrap_or_default();
    let items = [
        ("plan.t.eflops", num(t.eflops, 3), "eflops"),
        ("plan.t.servers", grouped(t.servers as f64), "servers"),
        ("plan.t.cards", grouped(t.cards as f64), "cards"),
        ("plan.t.racks", grouped(t.racks as f64), "racks"),
        ("plan.t.it_mw", num(t.it_mw, 2), "it-mw"),
        ("plan.t.facility_mw", num(t.facility_mw, 2), "facility-mw"),
        ("plan.t.capex", rmb(t.capex_rmb), "capex"),
        ("plan.t.opex", rmb(t.opex_rmb_per_year), "opex"),
        ("plan.t.tco", rmb(t.tco_rmb), "tco"),
        ("plan.t.capex_per", per(t.capex_per_eflops), "capex-per"),
        ("plan.t.tco_per", per(t.tco_per_eflops), "tco-per"),
        ("plan.t.share", share, "share"),
    ]
    .into_iter()
    .map(|(k, v, id)| {
        view! { <div><dt>{move || i18n.t(k)}</dt><dd data-testid=format!("total-{id}")>{v}</dd></div> }
    })
    .collect_view();
    let bound = i18n.format(
        if plan.search_complete {
            "plan.bound"
        } else {
            "plan.bound_partial"
        },
        &[
            &text::objective(plan, plan.objective),
            &text::objective(plan, plan.relaxation_objective),
        ],
    );
    let regime = plan.objective_without_regime.map(|free| {
        let cost = (plan.relaxation_objective - free).abs();
        i18n.format("plan.regime_cost", &[&text::objective(plan, cost)])
    });
    let binding: Vec<String> = plan
        .constraints
        .iter()
        .filter(|r| r.binding)
        .map(|r| {
            scenario.with_untracked(|s| {
                let name = text::constraint(i18n, s, &r.constraint);
                match text::shadow(i18n, s, plan, r) {
                    Some(words) => format!("{name}: {words}"),
                    None => name,
                }
            })
        })
        .collect();
    let csv = yunce_plan::csv_out::mix_csv(plan);
    let stem = format!("yunce-plan-{}", plan.scenario);
    let save_csv = move |_| save_text(&format!("{stem}.csv"), "text/csv;charset=utf-8", &csv);
    let rows = plan
        .lines
        .iter()
        .map(|l| {
            view! {
                <tr>
                    <th scope="row">{l.chip.clone()}</th>
                    <td>{text::site_label(i18n, &l.site_id, &l.site)}</td>
                    <td class="num">{grouped(l.servers as f64)}</td>
                    <td class="num">{grouped(l.cards as f64)}</td>
                    <td class="num">{grouped(l.racks as f64)}</td>
                    <td class="num">{num(l.eflops, 3)}</td>
                    <td class="num">{num(l.facility_mw, 2)}</td>
                    <td class="num">{rmb(l.capex_rmb)}</td>
                    <td class="num">{rmb(l.tco_rmb)}</td>
                </tr>
            }
        })
        .collect_view();
    let headers = [
        "plan.col.chip",
        "plan.col.site",
        "plan.t.servers",
        "plan.t.cards",
        "plan.t.racks",
        "plan.t.eflops",
        "plan.t.facility_mw",
        "plan.t.capex",
        "plan.t.tco",
    ]
    .map(|k| view! { <th scope="col">{move || i18n.t(k)}</th> });
    let node = NodeRef::new();
    let width = use_width(node, 720.0);
    let chart_plan = plan.clone();
    let layout_memo = Memo::new(move |_| {
        let w = Words {
            title: i18n.t("plan.chart.mix").to_owned(),
            subtitle: i18n.t("plan.chart.mix_sub").to_owned(),
            source: i18n.t("plan.chart.source").to_owned(),
        };
        let measures = [
            i18n.t("plan.t.servers").to_owned(),
            i18n.t("plan.t.facility_mw").to_owned(),
            i18n.t("plan.t.capex").to_owned(),
        ];
        layout(&charts::mix(&chart_plan, w, &measures, width.get()))
    });
    view! {
        <dl class="plan-totals" data-testid="totals">{items}</dl>
        <p class="small muted" data-testid="bound">{bound}</p>
        {regime.map(|r| view! { <p data-testid="regime-cost">{r}</p> })}
        <h3>{move || i18n.t("plan.binding")}</h3>
        <ul data-testid="binding">
            {binding.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}
        </ul>
        <div class="row toolbar">
            <button type="button" data-testid="mix-csv" on:click=save_csv>{move || i18n.t("download.csv")}</button>
        </div>
        <div class="table-wrap">
            <table class="data" data-testid="mix">
                <thead><tr>{headers.into_iter().collect_view()}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <div class="lab-chart" node_ref=node>
            <Chart layout=layout_memo testid="mix-chart"/>
            <div class="row toolbar">
                <ChartDownloads layout=layout_memo stem=format!("yunce-plan-mix-{}", plan.scenario) prefix="mix-"/>
            </div>
        </div>
    }
}
