//! The Alibaba Cloud view's body and controls, run by the lazily loaded story module
//! (`src/bin/story_lazy.rs`): the app's `mod.rs` only mounts it.

use crate::i18n::I18n;
use crate::router::QueryMap;
use crate::views::alibaba::state::AlibabaState;
use crate::views::alibaba::{finance, timeline};
use crate::views::sources::dom::{Act, leaf, leaf_c};
use crate::views::sources::kit::notices;
use yunce_data::Dataset;

/// Writes the body for the URL's query; it is rebuilt on a new state or language, so
/// its text is plain.
pub fn body(data: &'static Dataset, i18n: I18n, query: &QueryMap) {
    let (state, notes) = AlibabaState::from_query(data, query);
    leaf("h1", i18n.t("alibaba.title"));
    leaf_c("p", "muted", i18n.t("alibaba.lede"));
    notices(i18n, &notes);
    timeline::section(data, i18n, &state);
    finance::section(data, i18n, &state);
    finance::context(data, i18n);
}

/// The URL a control's action leads to, if it changes anything.
pub fn on_act(data: &'static Dataset, query: &QueryMap, a: &Act) -> Option<String> {
    let mut next = AlibabaState::from_query(data, query).0;
    let ok = timeline::apply(data, &mut next, a) || finance::apply(&mut next, a);
    ok.then(|| format!("/alibaba{}", next.to_query(data)))
}
