//! The fleet-size control: ×K replication of the cluster and workload (as
//! `yunce-sched run --scale K`), or a synthetic fleet by GPU count, with the size it gives and
//! a clear message when the URL asked for a size out of range.

use super::Editor;
use super::edit::Field;
use super::field::FieldInput;
use super::runner::Runner;
use super::state::fleet_problem;
use crate::i18n::use_i18n;
use crate::router::use_location;
use leptos::prelude::*;

/// The fleet-size inputs and the fleet they give.
#[component]
pub fn FleetSize(editor: Editor, runner: Runner) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let problem = Memo::new(move |_| location.query.with(fleet_problem));
    let label = move |key: &'static str| Signal::derive(move || i18n.t(key).to_string());
    view! {
        <div class="lab-fleet" role="group" aria-label=move || i18n.t("lab.fleet")>
            <div class="knobs">
                <FieldInput editor field=Field::Scale label=label("lab.fleet_scale")/>
                <FieldInput editor field=Field::FleetGpus label=label("lab.fleet_gpus")/>
            </div>
            <p class="small" data-testid="fleet-total">
                {move || {
                    let e = runner.estimate.get();
                    i18n.format(
                        "lab.fleet_total",
                        &[&e.nodes.to_string(), &e.gpus.to_string(), &e.pods.to_string()],
                    )
                }}
            </p>
            {move || problem.get().map(|(key, value)| view! {
                <p class="notice bad small" data-testid="fleet-problem" role="alert">
                    {i18n.format(key, &[&value])}
                </p>
            })}
        </div>
    }
}
