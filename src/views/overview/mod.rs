//! The overview: the seed's thesis on one screen. Headline figures with their
//! period and source, the five battles, and the organisation change.

mod model;
mod render;
pub(crate) mod state;

use crate::components::error::ErrorPanel;
use crate::components::notices::UrlNotices;
use crate::components::source_chip::{follow, sources_href};
use crate::i18n::use_i18n;
use crate::router::use_location;
use leptos::prelude::*;
use model::HEADLINES;
use state::OverviewState;
use yunce_data::Dataset;

/// The routed overview.
#[component]
pub fn OverviewView() -> impl IntoView {
    let i18n = use_i18n();
    match crate::data::dataset() {
        Ok(data) => view! { <Overview data/> }.into_any(),
        Err(e) => {
            view! { <ErrorPanel title=i18n.t("error.data") detail=e.to_string()/> }.into_any()
        }
    }
}

#[component]
fn Overview(data: &'static Dataset) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let notices = Signal::derive(move || location.query.with(|q| OverviewState::from_query(q).1));
    let t = move |key: &'static str| move || i18n.t(key);
    view! {
        <h1>{t("overview.title")}</h1>
        <p class="lede">{t("overview.thesis")}</p>
        <p class="muted small">{t("overview.seed")}</p>
        <UrlNotices notices/>
        <p class="row">
            <a href="/market" on:click=follow>{t("overview.to_market")}</a>
            <a href="/alibaba?from=2023-06&to=2024-01" on:click=follow>{t("overview.to_timeline")}</a>
            <a href=move || sources_href(location, "id=S000") on:click=follow>{t("overview.to_seed")}</a>
        </p>
        <h2>{t("overview.headlines")}</h2>
        <div class="headlines">
            {move || HEADLINES.iter().map(|h| render::headline_card(data, h, i18n)).collect_view()}
        </div>
        <h2>{t("overview.battles")}</h2>
        <p class="muted small">{t("overview.battles_note")}</p>
        <div class="grid-2">
            {move || data.battles.iter().map(|b| render::battle_card(data, b, i18n)).collect_view()}
        </div>
        <h2>{t("overview.org_title")}</h2>
        {move || render::org_change(i18n)}
    }
}
