//! The Alibaba Cloud view: a filterable, zoomable timeline of every dated event with
//! the seed's "200 days" highlighted; quarterly financials on a chosen reporting basis
//! with the seed's growth rates reproduced and its claims checked; and the context
//! figures (valuation, layoffs, headwinds). State lives in the URL.
//!
//! The body (`page.rs`, `timeline.rs`, `finance.rs`, `state.rs`) is part of the lazily
//! loaded story module (`src/bin/story_lazy.rs`); the app holds only this host.

use crate::components::error::ErrorPanel;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The routed Alibaba Cloud view.
#[component]
pub fn AlibabaView() -> impl IntoView {
    let i18n = use_i18n();
    match crate::data::dataset() {
        Ok(_) => super::story::story("alibaba", Some("alibaba.title")).into_any(),
        Err(e) => {
            view! { <ErrorPanel title=i18n.t("error.data") detail=e.to_string()/> }.into_any()
        }
    }
}
