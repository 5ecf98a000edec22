//! The Alibaba Cloud view: a filterable, zoomable timeline of every dated event with
//! the seed's "200 days" highlighted; quarterly financials on a chosen reporting basis
//! with the seed's growth rates reproduced and its claims checked; and the context
//! figures (valuation, layoffs, headwinds). State lives in the URL.

mod finance;
mod state;
mod timeline;

use crate::components::error::ErrorPanel;
use crate::i18n::{I18n, use_i18n};
use crate::router::{navigate, use_location};
use crate::views::sources::dom::{Act, leaf, leaf_c, mount};
use crate::views::sources::kit::notices;
use leptos::prelude::*;
use state::AlibabaState;
use yunce_data::Dataset;

/// The routed Alibaba Cloud view.
#[component]
pub fn AlibabaView() -> impl IntoView {
    let i18n = use_i18n();
    match crate::data::dataset() {
        Ok(data) => view! { <Alibaba data i18n/> }.into_any(),
        Err(e) => {
            view! { <ErrorPanel title=i18n.t("error.data") detail=e.to_string()/> }.into_any()
        }
    }
}

#[component]
fn Alibaba(data: &'static Dataset, i18n: I18n) -> impl IntoView {
    let query = use_location().query;
    let parsed = Memo::new(move |_| query.with(|q| AlibabaState::from_query(data, q)));
    // Controls report an action; the next state goes to the URL, which re-renders.
    let on_act = move |a: Act| {
        let mut next = parsed.get_untracked().0;
        let ok = timeline::apply(data, &mut next, &a) || finance::apply(&mut next, &a);
        if ok {
            navigate(&format!("/alibaba{}", next.to_query(data)), true);
        }
    };
    // The body is rebuilt on a new state or language, so its text is plain.
    mount(
        move || {
            let (state, notes) = parsed.get();
            leaf("h1", i18n.t("alibaba.title"));
            leaf_c("p", "muted", i18n.t("alibaba.lede"));
            notices(i18n, &notes);
            timeline::section(data, i18n, &state);
            finance::section(data, i18n, &state);
            finance::context(data, i18n);
        },
        on_act,
    )
}
