//! Pieces shared by the story views (overview, Alibaba Cloud, compute plan, sources):
//! links into the sources view that carry the way back, and tables written with the
//! streaming builder in [`super::dom`], whose CSV is read back from the page. No Leptos:
//! the app and the lazily loaded story module (`src/bin/story_lazy.rs`) both use it.

use super::dom::{act, attr, close, leaf, leaf_c, link, open, open_c, testid, text};
use crate::i18n::I18n;
use crate::router::QueryMap;
use crate::url_state::encode;
use yunce_data::{Confidence, Meta, Origin};

/// The current path and query, read once (views re-render on a URL change).
pub fn here() -> String {
    let loc = web_sys::window().map(|w| w.location());
    let path = loc
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default();
    let search = loc.and_then(|l| l.search().ok()).unwrap_or_default();
    format!("{path}{search}")
}

/// A link into the sources view (`target` is `id=S014` or `fig=FIN-024`) that
/// remembers the current URL as its way back. Inside the sources view the original
/// way back is kept, so Back always leaves the sources view.
#[inline(never)]
pub fn sources_href(target: &str) -> String {
    let loc = web_sys::window().map(|w| w.location());
    let path = loc.as_ref().and_then(|l| l.pathname().ok());
    let back = if path.as_deref() == Some("/sources") {
        let search = loc.and_then(|l| l.search().ok()).unwrap_or_default();
        QueryMap::parse(&search).get("back").map(str::to_string)
    } else {
        Some(here())
    };
    match back {
        Some(b) if !b.is_empty() => format!("/sources?{target}&back={}", encode(&b)),
        _ => format!("/sources?{target}"),
    }
}

/// A click handler for a plain `<a href>` outside the builder: navigates in the app
/// on a plain click (so the page is never reloaded), as the router's `Link` does.
#[allow(clippy::needless_pass_by_value)] // An event handler receives the event by value.
pub fn follow(e: web_sys::MouseEvent) {
    use wasm_bindgen::JsCast;
    let href = e
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|a| a.get_attribute("href"));
    if let Some(href) = href
        && e.button() == 0
        && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key())
    {
        e.prevent_default();
        crate::router::navigate(&href, false);
    }
}

/// Links to fact rows (`kind` `fig`) or sources (`id`), as chips.
#[inline(never)]
pub fn chips<'a>(kind: &str, ids: impl IntoIterator<Item = &'a str>) {
    for id in ids {
        link(&sources_href(&format!("{kind}={id}")), id, "chip");
        text(" ");
    }
}

/// A mark on a figure: (CSS class, visible label).
pub type Flag = (&'static str, &'static str);

/// Marks for a row: derived figures, and low-confidence or seed-only ones.
#[inline(never)]
pub fn flags(meta: &Meta, i18n: I18n) -> Vec<Flag> {
    let mut out = Vec::new();
    if meta.origin == Origin::Derived {
        out.push(("derived", i18n.t("alibaba.flag_derived")));
    }
    if meta.confidence <= Confidence::Low {
        out.push(("low", meta.confidence.slug()));
    }
    out
}

/// Opens a table with its CSV button and header row; rows follow, then [`table_end`].
#[inline(never)]
pub fn table_start(i18n: I18n, id: &str, header: &[&'static str]) {
    open_c("div", "row toolbar");
    open("button");
    attr("type", "button");
    testid(&format!("{id}-csv"));
    act("csv", id);
    text(i18n.t("download.csv"));
    close();
    close();
    open_c("div", "table-wrap");
    open("table");
    testid(id);
    open("thead");
    open("tr");
    for h in header {
        open("th");
        attr("scope", "col");
        text(i18n.t(h));
        close();
    }
    close();
    close();
    open("tbody");
}

/// Closes a table opened with [`table_start`].
#[inline(never)]
pub fn table_end() {
    close();
    close();
    close();
}

/// Opens a row with its anchor id and class (`hl` for a deep link's target, `win`
/// inside the seed's window) and its row header; close it with `close()`.
#[inline(never)]
pub fn row(key: &str, class: &str, header: &str) {
    open_c("tr", class);
    attr("id", key);
    open("th");
    attr("scope", "row");
    text(header);
    close();
}

/// A text cell.
#[inline(never)]
pub fn td(t: &str) {
    leaf("td", t);
}

/// A number cell with marks; an empty value is a gap, shown as a dash.
#[inline(never)]
pub fn td_num(t: &str, marks: &[Flag]) {
    open_c("td", "num");
    text(if t.is_empty() { "—" } else { t });
    for (class, label) in marks {
        text(" ");
        leaf_c("span", &format!("flag {class}"), label);
    }
    close();
}

/// A cell of chips linking to rows (`fig`) or sources (`id`).
#[inline(never)]
pub fn td_links(kind: &str, ids: &[String]) {
    open("td");
    chips(kind, ids.iter().map(String::as_str));
    close();
}

/// A confidence (or severity) badge cell.
#[inline(never)]
pub fn td_badge(slug: &str) {
    open("td");
    leaf_c("span", &format!("badge {slug}"), slug);
    close();
}

/// The confidence, sources and row id cells every fact row ends with.
#[inline(never)]
pub fn td_provenance(meta: &Meta) {
    td_badge(meta.confidence.slug());
    td_links("id", &meta.source_ids);
    open("td");
    chips("fig", [meta.id.as_str()]);
    close();
}

/// Scrolls the first highlighted element into view once the body is in the DOM.
pub fn scroll_to_highlight() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(|| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(".hl").ok().flatten())
        {
            el.scroll_into_view();
        }
    });
    use wasm_bindgen::JsCast;
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

/// The notice for URL params that fell back to defaults; nothing when there are none.
#[inline(never)]
pub fn notices(i18n: I18n, list: &[crate::url_state::Notice]) {
    if list.is_empty() {
        return;
    }
    open_c("div", "notice");
    attr("role", "status");
    testid("url-notice");
    leaf("p", i18n.t("url.notice"));
    open("ul");
    for n in list {
        open("li");
        leaf("code", &format!("{}={}", n.param, n.value));
        close();
    }
    close();
    close();
}
