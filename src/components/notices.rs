//! The notice shown when a link's params could not be used.

use crate::i18n::use_i18n;
use crate::url_state::Notice;
use leptos::prelude::*;

/// Lists params that fell back to their defaults; renders nothing when there are none.
#[component]
pub fn UrlNotices(#[prop(into)] notices: Signal<Vec<Notice>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let list = notices.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="notice" role="status" data-testid="url-notice">
                    <p>{i18n.t("url.notice")}</p>
                    <ul>
                        {list
                            .into_iter()
                            .map(|n| view! { <li><code>{n.param}"="{n.value}</code></li> })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
