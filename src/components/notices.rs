//! The notice shown when a link's params could not be used.

use crate::i18n::use_i18n;
use crate::url_state::{Notice, listed};
use leptos::prelude::*;

/// Lists params that fell back to their defaults; renders nothing when there are none.
/// Values are echoed cut and without bidirectional controls, and a long list is counted
/// rather than listed, so a hostile link can neither widen nor flip the page.
#[component]
pub fn UrlNotices(#[prop(into)] notices: Signal<Vec<Notice>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let (list, more) = notices.with(|n| listed(n));
        (!list.is_empty()).then(|| {
            view! {
                <div class="notice" role="status" data-testid="url-notice">
                    <p>{i18n.t("url.notice")}</p>
                    <ul>
                        {list
                            .into_iter()
                            .map(|(param, value)| view! { <li><code>{param}"="{value}</code></li> })
                            .collect_view()}
                    </ul>
                    {(more > 0).then(|| view! {
                        <p data-testid="url-notice-more">{i18n.format("url.notice_more", &[&more.to_string()])}</p>
                    })}
                </div>
            }
        })
    }
}
