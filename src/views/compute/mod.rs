//! The compute plan view: the Oct-2023 action plan's targets against the measured
//! capacity, one figure per precision basis (FP16 and unstated totals are never on one
//! axis), and the accelerator spec sheet with export-control status.
//!
//! The body (`page.rs`, `state.rs`) is part of the lazily loaded story module
//! (`src/bin/story_lazy.rs`); the app holds only this host.

use crate::components::error::ErrorPanel;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The routed compute plan view.
#[component]
pub fn ComputeView() -> impl IntoView {
    let i18n = use_i18n();
    match crate::data::dataset() {
        Ok(_) => super::story::story("compute", Some("compute.title")).into_any(),
        Err(e) => {
            view! { <ErrorPanel title=i18n.t("error.data") detail=e.to_string()/> }.into_any()
        }
    }
}
