//! The Alibaba Cloud view: a filterable, zoomable timeline of every dated event with
//! the seed's "200 days" highlighted; quarterly financials on a chosen reporting basis
//! with the seed's growth rates reproduced and its claims checked; and the context
//! figures (valuation, layoffs, headwinds). State lives in the URL.
//!
//! The view mounts once; a control writes the URL, the state memo follows it, and only
//! what reads the changed part updates, so focus stays on the control.

mod context;
mod finance;
mod model;
pub(crate) mod state;
mod timeline;

use crate::components::error::ErrorPanel;
use crate::components::notices::UrlNotices;
use crate::i18n::use_i18n;
use crate::router::{navigate, use_location};
use leptos::prelude::*;
use state::{AlibabaAction, AlibabaState};
use yunce_data::Dataset;

/// The routed Alibaba Cloud view.
#[component]
pub fn AlibabaView() -> impl IntoView {
    let i18n = use_i18n();
    match crate::data::dataset() {
        Ok(data) => view! { <Alibaba data/> }.into_any(),
        Err(e) => {
            view! { <ErrorPanel title=i18n.t("error.data") detail=e.to_string()/> }.into_any()
        }
    }
}

#[component]
fn Alibaba(data: &'static Dataset) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_location().query;
    let parsed = Memo::new(move |_| query.with(|q| AlibabaState::from_query(data, q)));
    let state = Memo::new(move |_| parsed.with(|(s, _)| s.clone()));
    let notices = Signal::derive(move || parsed.with(|(_, n)| n.clone()));
    let act = Callback::new(move |action: AlibabaAction| {
        let mut next = state.get_untracked();
        next.apply(data, action);
        navigate(&format!("/alibaba{}", next.to_query(data)), true);
    });
    let painted = crate::components::paint::after_first_paint();
    view! {
        <h1>{move || i18n.t("alibaba.title")}</h1>
        <p class="muted">{move || i18n.t("alibaba.lede")}</p>
        <UrlNotices notices/>
        <timeline::Timeline data state act/>
        {move || painted.get().then(|| view! {
            <finance::Financials data state act/>
            <context::Context data/>
        })}
    }
}
