//! The market view: shares by measure (Canalys and IDC never share an axis),
//! with the market size beside them. State lives in the URL.
//!
//! The view mounts once: the state is a `Memo` of the query, a control writes the URL,
//! and only what reads the changed part updates, so focus stays on the control.

mod controls;
mod model;
mod render;
pub(crate) mod state;

use crate::components::chart::{Chart, ChartDownloads, use_width};
use crate::components::download::save_text;
use crate::components::error::ErrorPanel;
use crate::components::notices::UrlNotices;
use crate::i18n::{I18n, use_i18n};
use crate::labels::{measure_key, vendor_key};
use crate::router::{navigate, use_location};
use leptos::prelude::*;
use state::{MarketState, Marks, Tab};
use wasm_bindgen::JsCast;
use yunce_chart::layout;
use yunce_data::{Dataset, Measure};

/// The routed market view.
#[component]
pub fn MarketView() -> impl IntoView {
    let i18n = use_i18n();
    match crate::data::dataset() {
        Ok(data) => match MarketState::defaults(data, Measure::CanalysSpend) {
            Some(fallback) => view! { <Market data i18n fallback/> }.into_any(),
            None => view! { <ErrorPanel title=i18n.t("error.data") detail="no share measure"/> }
                .into_any(),
        },
        Err(e) => {
            view! { <ErrorPanel title=i18n.t("error.data") detail=e.to_string()/> }.into_any()
        }
    }
}

fn tab_key(t: Tab) -> &'static str {
    match t {
        Tab::Chart => "tab.chart",
        Tab::Table => "tab.table",
        Tab::Sources => "tab.sources",
    }
}

/// Moves keyboard focus to a tab, as the ARIA tabs pattern asks of arrow keys.
fn focus_tab(t: Tab) {
    let tab = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("tab-{}", t.slug())))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(tab) = tab {
        let _ = tab.focus();
    }
}

#[component]
fn Market(data: &'static Dataset, i18n: I18n, fallback: MarketState) -> impl IntoView {
    let query = use_location().query;
    let parsed = Memo::new(move |_| query.with(|q| MarketState::from_query(data, q)));
    let state = Memo::new(move |_| {
        parsed
            .with(|p| p.as_ref().map(|(s, _)| s.clone()))
            .unwrap_or_else(|| fallback.clone())
    });
    let notices = Signal::derive(move || {
        parsed.with(|p| p.as_ref().map(|(_, n)| n.clone()).unwrap_or_default())
    });
    let update = Callback::new(move |next: MarketState| {
        navigate(&format!("/market{}", next.to_query(data)), true);
    });
    let edit = move |f: &dyn Fn(&mut MarketState)| {
        let mut next = state.get_untracked();
        f(&mut next);
        update.run(next);
    };
    let tab = Memo::new(move |_| state.with(|s| s.tab));
    let marks = Memo::new(move |_| state.with(|s| s.marks));
    let node = NodeRef::<leptos::html::Div>::new();
    let width = use_width(node, 720.0);
    let spec = Memo::new(move |_| {
        let st = state.get();
        let title = format!(
            "{} · {}",
            i18n.t(measure_key(st.measure)),
            i18n.t("market.share")
        );
        let vendor_name = move |v| i18n.t(vendor_key(v)).to_string();
        let mut spec = model::chart_spec(
            data,
            &st,
            title,
            &vendor_name,
            width.get().clamp(300.0, 1060.0),
        );
        spec.subtitle = i18n.format(
            "market.chart_subtitle",
            &[&model::share_unit(data, st.measure, i18n.lang.get())],
        );
        spec.source = i18n.format("chart.source", &[&model::source_ids(data, &st).join(", ")]);
        spec
    });
    let chart_layout = Memo::new(move |_| layout(&spec.get()));
    let file_stem = Signal::derive(move || {
        state.with(|st| format!("yunce-market-{}-{}-{}", st.measure.slug(), st.from, st.to))
    });
    let save_csv = move |_| {
        let csv = state
            .with_untracked(|st| render::share_csv(data, st))
            .text();
        save_text(
            &format!("{}.csv", file_stem.get_untracked()),
            "text/csv;charset=utf-8",
            &csv,
        );
    };
    let set_tab = move |t: Tab| edit(&|st| st.tab = t);
    // ARIA tabs: one tab stop, arrow keys move between tabs and take focus along.
    let tab_keys = move |ev: leptos::ev::KeyboardEvent| {
        let i = Tab::ALL
            .iter()
            .position(|t| *t == tab.get_untracked())
            .unwrap_or(0);
        let n = Tab::ALL.len();
        let next = match ev.key().as_str() {
            "ArrowRight" => (i + 1) % n,
            "ArrowLeft" => (i + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return,
        };
        ev.prevent_default();
        set_tab(Tab::ALL[next]);
        focus_tab(Tab::ALL[next]);
    };
    let set_at = Callback::new(move |p| edit(&|st| st.at = p));
    let marks_button = move |m: Marks, testid: &'static str, key: &'static str| {
        view! {
            <button type="button" data-testid=testid aria-pressed=move || (marks.get() == m).to_string()
                on:click=move |_| edit(&|st| st.marks = m)>
                {move || i18n.t(key)}
            </button>
        }
    };
    let chart_panel = move || {
        view! {
            <div class="row">
                <div class="segmented" role="group" aria-label=move || i18n.t("market.marks")>
                    {marks_button(Marks::Lines, "marks-line", "market.lines")}
                    {marks_button(Marks::Bars, "marks-bar", "market.bars")}
                </div>
            </div>
            <Chart layout=chart_layout testid="share-chart"/>
            <p class="muted small">{move || i18n.t("market.gap_note")}</p>
        }
    };
    let painted = crate::components::paint::after_first_paint();
    view! {
        <h1>{move || i18n.t("market.title")}</h1>
        <p class="muted">{move || i18n.t("market.lede")}</p>
        <UrlNotices notices/>
        <controls::Controls data state update/>
        <div role="tablist" aria-label=move || i18n.t("market.tabs") on:keydown=tab_keys>
            {Tab::ALL
                .into_iter()
                .map(|t| {
                    view! {
                        <button type="button" role="tab" id=format!("tab-{}", t.slug()) aria-controls="market-panel"
                            aria-selected=move || (tab.get() == t).to_string() data-testid=format!("tab-{}", t.slug())
                            tabindex=move || if tab.get() == t { "0" } else { "-1" }
                            on:click=move |_| set_tab(t)>
                            {move || i18n.t(tab_key(t))}
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <div class="row toolbar">
            <button type="button" data-testid="download-csv" on:click=save_csv>
                {move || i18n.t("download.csv")}
            </button>
            <ChartDownloads layout=chart_layout stem=file_stem prefix="download-"/>
        </div>
        <div role="tabpanel" id="market-panel" aria-labelledby=move || format!("tab-{}", tab.get().slug()) node_ref=node>
            {move || match tab.get() {
                Tab::Chart => chart_panel().into_any(),
                Tab::Table => (move || render::share_table(data, &state.get(), i18n)).into_any(),
                Tab::Sources => (move || render::provenance(data, &state.get(), i18n)).into_any(),
            }}
        </div>
        {move || painted.get().then(|| view! {
            <render::Changes data state set_at/>
            {move || render::seed_loss(data, i18n)}
            {move || render::size_section(data, &state.get(), i18n)}
        })}
    }
}
