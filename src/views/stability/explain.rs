//! "How it is computed": the formulas of both methods and what the figures mean.

use super::text::tr;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The formulas, as terms and their explanations.
#[component]
pub fn HowComputed() -> impl IntoView {
    let i18n = use_i18n();
    let entries = [
        ("stability.how.unit", "stability.how.unit_f"),
        ("stability.how.series", "stability.how.series_f"),
        ("stability.how.parallel", "stability.how.parallel_f"),
        ("stability.how.kofn", "stability.how.kofn_f"),
        ("stability.how.markov", "stability.how.markov_f"),
        ("stability.how.frequency", "stability.how.frequency_f"),
        ("stability.how.mc", "stability.how.mc_f"),
        ("stability.how.changes", "stability.how.changes_f"),
        ("stability.how.intervals", "stability.how.intervals_f"),
        ("stability.how.sla", "stability.how.sla_f"),
        ("stability.how.cmin", "stability.how.cmin_f"),
        ("stability.how.response", "stability.how.response_f"),
    ]
    .into_iter()
    .map(|(term, formula)| {
        view! {
            <dt>{tr(i18n, term)}</dt>
            <dd><code>{tr(i18n, formula)}</code></dd>
        }
    })
    .collect_view();
    view! {
        <details class="card lab-explain" data-testid="how">
            <summary>{tr(i18n, "stability.how.title")}</summary>
            <dl>{entries}</dl>
            <p class="small muted">{tr(i18n, "stability.how.note")}</p>
        </details>
    }
}
