//! Pieces shared by the story views (overview, Alibaba Cloud, compute plan, sources):
//! links into the sources view that carry the way back, and one data-driven table
//! whose CSV export is exactly the text it shows.

use super::dom::{N, h, ht, link};
use crate::components::download::{csv_text, save_text};
use crate::i18n::I18n;
use crate::router::navigate;
use crate::url_state::encode;
use leptos::ev;
use leptos::prelude::*;

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
    let loc = crate::router::use_location();
    let back = if loc.path.get_untracked() == "/sources" {
        loc.query
            .with_untracked(|q| q.get("back").map(str::to_string))
    } else {
        Some(here())
    };
    match back {
        Some(b) if !b.is_empty() => format!("/sources?{target}&back={}", encode(&b)),
        _ => format!("/sources?{target}"),
    }
}

/// An in-app link to a computed URL: a real `<a href>`, navigating without a reload
/// on a plain click.
#[component]
pub fn A(
    href: String,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] testid: &'static str,
    children: Children,
) -> impl IntoView {
    let to = href.clone();
    view! {
        <a href=href class=class data-testid=(!testid.is_empty()).then_some(testid)
            on:click=move |e: ev::MouseEvent| {
                if e.button() == 0 && !e.ctrl_key() && !e.meta_key() && !e.shift_key() && !e.alt_key() {
                    e.prevent_default();
                    navigate(&to, false);
                }
            }>
            {children()}
        </a>
    }
}

/// A mark on a figure: derived, low confidence, a different basis...
#[derive(Clone)]
pub struct Flag {
    /// CSS class (`derived`, `low`, `straddle`).
    pub class: &'static str,
    /// Visible label.
    pub label: &'static str,
}

/// A table cell. Its CSV text is what the screen shows (a gap's dash is an empty
/// cell, and a mark's label follows in brackets).
#[derive(Clone)]
pub enum Cell {
    /// Plain text.
    Text(String),
    /// A number (right aligned) with marks; empty text is a gap, shown as a dash.
    Num(String, Vec<Flag>),
    /// A fact row id linking to its provenance.
    Fig(Vec<String>),
    /// Source ids linking to the source list.
    Src(Vec<String>),
    /// A confidence or severity badge.
    Badge(String),
}

impl Cell {
    fn csv(&self) -> String {
        match self {
            Cell::Text(t) | Cell::Badge(t) => t.clone(),
            Cell::Num(t, flags) => {
                // A gap is an empty cell, never zero; marks follow in brackets.
                let mut out = t.clone();
                for f in flags {
                    let sep = if out.is_empty() { "" } else { " " };
                    out.push_str(&format!("{sep}[{}]", f.label));
                }
                out
            }
            Cell::Fig(ids) | Cell::Src(ids) => ids.join(" "),
        }
    }

    fn node(self, tag: &str) -> N {
        let links = |cell: N, ids: Vec<String>, kind: &str| {
            ids.into_iter().fold(cell, |cell, id| {
                cell.ch(link(&sources_href(&format!("{kind}={id}")), &id).c("chip"))
                    .t(" ")
            })
        };
        match self {
            Cell::Text(t) => ht(tag, &t),
            Cell::Badge(b) => h(tag).ch(ht("span", &b).c(&format!("badge {b}"))),
            Cell::Num(t, flags) => flags.into_iter().fold(
                ht(tag, if t.is_empty() { "—" } else { &t }).c("num"),
                |cell, f| {
                    cell.t(" ")
                        .ch(ht("span", f.label).c(&format!("flag {}", f.class)))
                },
            ),
            Cell::Fig(ids) => links(h(tag), ids, "fig"),
            Cell::Src(ids) => links(h(tag), ids, "id"),
        }
    }
}

/// A table row; `key` is the anchor id.
pub struct Row {
    /// Anchor id (a row or source id).
    pub key: String,
    /// Row class: `hl` for the target of a deep link, `win` inside the seed's window.
    pub class: &'static str,
    /// Cells, the first is the row header.
    pub cells: Vec<Cell>,
}

thread_local! {
    static CSV: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A table with a CSV download (`data-act="csv"`, value `testid`) of exactly its text.
#[inline(never)]
pub fn table(i18n: I18n, testid: &str, header: &[&'static str], rows: Vec<Row>) -> N {
    let text = csv_of(i18n, header, &rows);
    CSV.with(|c| {
        let mut c = c.borrow_mut();
        c.retain(|(id, _)| id != testid);
        c.push((testid.to_string(), text));
    });
    let head = h("tr").all(header.iter().map(|k| ht("th", i18n.t(k)).a("scope", "col")));
    let body = h("tbody").all(rows.into_iter().map(|r| {
        let tr = h("tr").a("id", &r.key).c(r.class);
        r.cells.into_iter().enumerate().fold(tr, |tr, (i, c)| {
            tr.ch(if i == 0 {
                c.node("th").a("scope", "row")
            } else {
                c.node("td")
            })
        })
    }));
    h("div").all([
        h("div")
            .c("row toolbar")
            .ch(ht("button", i18n.t("download.csv"))
                .a("type", "button")
                .id(&format!("{testid}-csv"))
                .act("csv", testid)),
        h("div")
            .c("table-wrap")
            .ch(h("table").id(testid).all([h("thead").ch(head), body])),
    ])
}

/// The CSV text of a table: its header and each cell as shown.
fn csv_of(i18n: I18n, header: &[&'static str], rows: &[Row]) -> String {
    let header: Vec<&str> = header.iter().map(|k| i18n.t(k)).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.cells.iter().map(Cell::csv).collect())
        .collect();
    csv_text(&header, &rows)
}

/// Saves the CSV of the table last rendered as `testid`.
pub fn save_csv(testid: &str) {
    CSV.with(|c| {
        if let Some((_, text)) = c.borrow().iter().find(|(id, _)| id == testid) {
            save_text(
                &format!("yunce-{testid}.csv"),
                "text/csv;charset=utf-8",
                text,
            );
        }
    });
}

/// Badge slug for a confidence; the app marks low and seed-only figures visibly.
pub fn confidence(meta: &yunce_data::Meta) -> Cell {
    Cell::Badge(meta.confidence.slug().to_string())
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

/// The notice for URL params that fell back to defaults; `None` when there are none.
#[inline(never)]
pub fn notices(i18n: I18n, list: &[crate::url_state::Notice]) -> Option<N> {
    (!list.is_empty()).then(|| {
        h("div")
            .c("notice")
            .a("role", "status")
            .id("url-notice")
            .ch(ht("p", i18n.t("url.notice")))
            .ch(h("ul").all(
                list.iter()
                    .map(|n| h("li").ch(ht("code", &format!("{}={}", n.param, n.value)))),
            ))
    })
}

/// Links to fact rows (`fig`) or sources (`id`), as chips.
#[inline(never)]
pub fn chips(kind: &str, ids: &[String]) -> Vec<N> {
    ids.iter()
        .flat_map(|id| {
            [
                link(&sources_href(&format!("{kind}={id}")), id).c("chip"),
                h("span").t(" "),
            ]
        })
        .collect()
}
