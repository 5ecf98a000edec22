//! Downloads: the estimates as CSV (from the reports, never from the page), and the scenario
//! as the JSON that `yunce-reliab run --scenario FILE.json` reads; and importing such a file.

use super::Editor;
use super::text::tr;
use crate::components::download::csv_text;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use yunce_reliab::{Estimate, ExactOutcome, Report};

/// CSV columns; ids do not depend on the UI language.
pub const CSV_HEAD: [&str; 10] = [
    "scenario", "segment", "measure", "value", "low", "high", "level", "method", "samples", "seed",
];

fn method(e: &Estimate) -> &'static str {
    match e.method {
        yunce_reliab::Method::MonteCarloMean => "monte_carlo_mean",
        yunce_reliab::Method::MonteCarloProportion => "monte_carlo_proportion",
        yunce_reliab::Method::MonteCarloPercentile => "monte_carlo_percentile",
        yunce_reliab::Method::Exact => "exact",
    }
}

fn row(r: &Report, segment: &str, measure: &str, e: &Estimate) -> Vec<String> {
    vec![
        r.scenario.clone(),
        segment.to_owned(),
        measure.to_owned(),
        format!("{}", e.value),
        format!("{}", e.low),
        format!("{}", e.high),
        format!("{}", e.level),
        method(e).to_owned(),
        e.samples.to_string(),
        r.seed.to_string(),
    ]
}

fn percentile(r: &Report, segment: &str, measure: &str, v: f64, n: u64) -> Vec<String> {
    let e = Estimate {
        value: v,
        low: v,
        high: v,
        level: 0.0,
        method: yunce_reliab::Method::MonteCarloPercentile,
        samples: n,
    };
    let mut out = row(r, segment, measure, &e);
    // An order statistic has no interval: empty cells, never zeros.
    out[4].clear();
    out[5].clear();
    out[6].clear();
    out
}

/// Every estimate of the reports, one row each.
pub fn csv_rows(reports: &[Report]) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for r in reports {
        let n = u64::from(r.years_simulated);
        rows.push(row(r, "", "incidents_per_year", &r.incidents_per_year));
        rows.push(row(r, "", "blast_radius", &r.blast_radius));
        rows.push(row(
            r,
            "",
            "customer_minutes_mean",
            &r.customer_minutes.mean,
        ));
        for (m, v) in [
            ("customer_minutes_p50", r.customer_minutes.p50),
            ("customer_minutes_p95", r.customer_minutes.p95),
            ("customer_minutes_p99", r.customer_minutes.p99),
        ] {
            rows.push(percentile(r, "", m, v, n));
        }
        for s in &r.segments {
            let d = &s.downtime_minutes;
            rows.push(row(r, &s.name, "downtime_minutes_mean", &d.mean));
            for (m, v) in [
                ("downtime_minutes_p50", d.p50),
                ("downtime_minutes_p95", d.p95),
                ("downtime_minutes_p99", d.p99),
            ] {
                rows.push(percentile(r, &s.name, m, v, n));
            }
            rows.push(row(r, &s.name, "availability", &s.availability));
            rows.push(row(r, &s.name, "outages_per_year", &s.outages_per_year));
            for b in &s.sla {
                let m = format!("sla_breach_{}", b.target_percent);
                rows.push(row(r, &s.name, &m, &b.probability));
            }
            if let ExactOutcome::Exact(x) = &s.exact {
                rows.push(row(
                    r,
                    &s.name,
                    "availability_exact",
                    &Estimate::exact(x.availability),
                ));
                if let Some(o) = x.outages_per_year {
                    rows.push(row(
                        r,
                        &s.name,
                        "outages_per_year_exact",
                        &Estimate::exact(o),
                    ));
                }
            }
        }
    }
    rows
}

/// The CSV text of the reports.
pub fn csv(reports: &[Report]) -> String {
    csv_text(&CSV_HEAD, &csv_rows(reports))
}

/// Export buttons for the scenarios shown (the worker writes the JSON), and the import of a
/// scenario file (the worker reads and checks it).
#[component]
pub fn ScenarioFiles(editor: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let has_what_if = move || {
        editor
            .description
            .with(|d| d.as_ref().is_some_and(|d| d.names.len() > 1))
    };
    let on_file = move |ev: leptos::ev::Event| {
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        let Some(file) = file else { return };
        let name = file.name();
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            match text.ok().and_then(|t| t.as_string()) {
                Some(text) => editor.import(name, text),
                None => editor.import_error.set(Some(name)),
            }
        });
    };
    view! {
        <div class="button-row" data-testid="scenario-files">
            <button type="button" data-testid="export-json-0" on:click=move |_| editor.export(0)>
                {tr(i18n, "stability.export_json")}
            </button>
            <Show when=has_what_if>
                <button type="button" data-testid="export-json-1" on:click=move |_| editor.export(1)>
                    {tr(i18n, "stability.export_json_what_if")}
                </button>
            </Show>
            <label class="file-button">
                <span>{tr(i18n, "stability.import_json")}</span>
                <input type="file" accept=".json,application/json" data-testid="import-json" on:change=on_file/>
            </label>
            <Show when=move || editor.file.with(Option::is_some)>
                <span class="small" data-testid="imported">
                    {move || editor.file.with(|f| f.as_ref().map(|(n, _)| i18n.format("stability.imported", &[n])))}
                </span>
            </Show>
            {move || editor.import_error.get().map(|e| view! { <span class="field-error" role="alert" data-testid="import-error">{e}</span> })}
        </div>
    }
}
