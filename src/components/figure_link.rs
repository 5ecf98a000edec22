//! Fact-row ids (`FIN-024`, `IC-005`) as chips that open the row's provenance in the
//! sources view (`/sources?fig=…`), with the way `back`.

use super::source_chip::chip;
use leptos::prelude::*;

/// A fact-row or inconsistency id linking to its provenance.
#[component]
pub fn FigureLink(#[prop(into)] id: String) -> impl IntoView {
    chip("fig", id)
}

/// Links for several row ids, separated by spaces.
pub fn figure_links<'a>(ids: impl IntoIterator<Item = &'a str>) -> AnyView {
    ids.into_iter()
        .map(|id| view! { <FigureLink id=id.to_string()/>" " })
        .collect_view()
        .into_any()
}
