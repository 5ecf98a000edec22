//! "How the model works": the decision, the per-server formulas, the modes, the constraint
//! groups and how shadow prices and conflicts are found. Formulas are plain text.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The model in a few lines, with its formulas.
#[component]
pub fn HowItWorks() -> impl IntoView {
    let i18n = use_i18n();
    let formulas = [
        ("plan.f.compute", "e = n × TFLOPS × 10⁻⁶"),
        ("plan.f.it", "p = (n × TDP + overhead) / 10⁶"),
        ("plan.f.facility", "f = p × PUE"),
        (
            "plan.f.capex",
            "k = n × card price + server price + p × capex per MW",
        ),
        (
            "plan.f.opex",
            "o = p × 1000 × PUE × load × 8760 × RMB per kWh",
        ),
        ("plan.f.tco", "t = k + A × o,  A = (1 − (1 + r)^−N) / r"),
    ]
    .into_iter()
    .map(|(k, f)| {
        view! {
            <dt>{move || i18n.t(k)}</dt>
            <dd><code>{f}</code></dd>
        }
    })
    .collect_view();
    let notes = [
        "plan.how.decision",
        "plan.how.modes",
        "plan.how.groups",
        "plan.how.integers",
        "plan.how.shadow",
        "plan.how.conflict",
        "plan.how.limits",
    ]
    .into_iter()
    .map(|k| view! { <p>{move || i18n.t(k)}</p> })
    .collect_view();
    view! {
        <details class="card lab-explain" data-testid="plan-explain">
            <summary>{move || i18n.t("plan.how")}</summary>
            {notes}
            <dl>{formulas}</dl>
        </details>
    }
}
