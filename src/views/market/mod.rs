//! The market view: shares by measure (Canalys and IDC never share an axis),
//! with the market size beside them. State lives in the URL.

mod model;
mod render;
mod state;

use crate::components::chart::{Chart, ChartDownloads, use_width};
use crate::components::download::save_text;
use crate::components::error::ErrorPanel;
use crate::components::focus;
use crate::components::notices::UrlNotices;
use crate::i18n::{I18n, use_i18n};
use crate::labels::{measure_key, measure_note_key, vendor_key};
use crate::router::{navigate, use_location};
use leptos::prelude::*;
use state::{MarketState, Marks, Tab, granularity_slug};
use yunce_chart::layout;
use yunce_data::{Dataset, Granularity};

/// The routed market view.
#[component]
pub fn MarketView() -> impl IntoView {
    let i18n = use_i18n();
    match crate::data::dataset() {
        Ok(data) => view! { <Market data i18n/> }.into_any(),
        Err(e) => {
            view! { <ErrorPanel title=i18n.t("error.data") detail=e.to_string()/> }.into_any()
        }
    }
}

#[component]
fn Market(data: &'static Dataset, i18n: I18n) -> impl IntoView {
    let query = use_location().query;
    let parsed = Memo::new(move |_| query.with(|q| MarketState::from_query(data, q)));
    let update = Callback::new(move |next: MarketState| {
        focus::remember(None);
        navigate(&format!("/market{}", next.to_query(data)), true);
    });
    // The body re-renders on a new state or language, so its text is plain, not reactive.
    move || match (i18n.lang.get(), parsed.get()).1 {
        None => {
            view! { <ErrorPanel title=i18n.t("error.data") detail="no share measure"/> }.into_any()
        }
        Some((state, notices)) => view! { <MarketBody data i18n state notices update/> }.into_any(),
    }
}

#[component]
fn MarketBody(
    data: &'static Dataset,
    i18n: I18n,
    state: MarketState,
    notices: Vec<crate::url_state::Notice>,
    update: Callback<MarketState>,
) -> impl IntoView {
    let s = StoredValue::new(state.clone());
    Effect::new(|_| focus::restore());
    let edit = move |f: &dyn Fn(&mut MarketState)| {
        let mut next = s.get_value();
        f(&mut next);
        update.run(next);
    };
    let node = NodeRef::<leptos::html::Div>::new();
    let width = use_width(node, 720.0);
    let vendor_name = move |v| i18n.t(vendor_key(v)).to_string();
    let spec = Signal::derive(move || {
        let st = s.get_value();
        let title = format!(
            "{} · {}",
            i18n.t(measure_key(st.measure)),
            i18n.t("market.share")
        );
        let mut spec = model::chart_spec(
            data,
            &st,
            title,
            &vendor_name,
            width.get().clamp(300.0, 1060.0),
        );
        spec.subtitle = i18n.format(
            "market.chart_subtitle",
            &[&model::share_unit(data, st.measure)],
        );
        spec.source = i18n.format("chart.source", &[&model::source_ids(data, &st).join(", ")]);
        spec
    });
    let chart_layout = Memo::new(move |_| layout(&spec.get()));
    let csv = move || render::share_csv(data, &s.get_value()).text();
    let file_stem = move || {
        let st = s.get_value();
        format!("yunce-market-{}-{}-{}", st.measure.slug(), st.from, st.to)
    };
    let grains = data.share_granularities(state.measure);
    let all_periods = state::periods(data, state.measure, state.granularity);
    let tab = state.tab;
    view! {
        <h1>{i18n.t("market.title")}</h1>
        <p class="muted">{i18n.t("market.lede")}</p>
        <UrlNotices notices=Signal::stored(notices)/>
        <div class="controls">
            <fieldset>
                <legend>{i18n.t("market.measure")}</legend>
                <select data-testid="measure" aria-label=i18n.t("market.measure")
                    on:change=move |ev| {
                        let slug = event_target_value(&ev);
                        if let Some(next) = yunce_data::Measure::from_slug(&slug).and_then(|m| MarketState::defaults(data, m)) {
                            update.run(MarketState { tab: s.get_value().tab, ..next });
                        }
                    }>
                    {data.share_measures().into_iter().map(|m| view! {
                        <option value=m.slug() selected=m == state.measure>{i18n.t(measure_key(m))}</option>
                    }).collect_view()}
                </select>
                <p class="muted small" data-testid="measure-note">{i18n.t(measure_note_key(state.measure))}</p>
            </fieldset>
            <Show when={let n = grains.len(); move || n > 1}>
                <fieldset>
                    <legend>{i18n.t("market.granularity")}</legend>
                    <div class="segmented" role="group">
                        {grains.clone().into_iter().map(|g| view! {
                            <button type="button" aria-pressed=(g == state.granularity).to_string()
                                data-testid=format!("grain-{}", granularity_slug(g))
                                on:click=move |_| {
                                    let st = s.get_value();
                                    if let Some(fresh) = MarketState::with_granularity(data, st.measure, g) {
                                        update.run(MarketState { vendors: st.vendors, tab: st.tab, ..fresh });
                                    }
                                }>
                                {i18n.t(granularity_key(g))}
                            </button>
                        }).collect_view()}
                    </div>
                </fieldset>
            </Show>
            <fieldset>
                <legend>{i18n.t("market.vendors")}</legend>
                <div class="checks">
                    {data.vendors(state.measure).into_iter().map(|v| {
                        let checked = state.vendors.contains(&v);
                        view! {
                            <label>
                                <input type="checkbox" checked=checked data-testid=format!("vendor-{}", v.slug())
                                    on:change=move |_| edit(&|st| {
                                        if st.vendors.contains(&v) {
                                            if st.vendors.len() > 1 { st.vendors.retain(|x| *x != v); }
                                        } else {
                                            st.vendors.push(v);
                                            let order = data.vendors(st.measure);
                                            st.vendors.sort_by_key(|x| order.iter().position(|o| o == x));
                                        }
                                    })/>
                                {i18n.t(vendor_key(v))}
                            </label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <fieldset>
                <legend>{i18n.t("market.range")}</legend>
                <div class="row">
                    <label>{i18n.t("market.from")} " "
                        <select data-testid="from" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            edit(&|st| if let Some(p) = yunce_data::Period::parse(&v) { st.from = p; if st.to < p { st.to = p; } });
                        }>
                            {all_periods.iter().map(|p| view! { <option value=p.to_string() selected=*p == state.from>{p.to_string()}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>{i18n.t("market.to")} " "
                        <select data-testid="to" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            edit(&|st| if let Some(p) = yunce_data::Period::parse(&v) { st.to = p; if st.from > p { st.from = p; } });
                        }>
                            {all_periods.iter().map(|p| view! { <option value=p.to_string() selected=*p == state.to>{p.to_string()}</option> }).collect_view()}
                        </select>
                    </label>
                </div>
            </fieldset>
        </div>
        // ARIA tabs: one tab stop, arrow keys move between tabs.
        <div role="tablist" aria-label=i18n.t("market.tabs") on:keydown=move |ev| {
            let i = Tab::ALL.iter().position(|t| *t == tab).unwrap_or(0);
            let n = Tab::ALL.len();
            let next = match ev.key().as_str() {
                "ArrowRight" => (i + 1) % n,
                "ArrowLeft" => (i + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            ev.prevent_default();
            let t = Tab::ALL[next];
            let mut st = s.get_value();
            st.tab = t;
            focus::remember(Some(&format!("tab-{}", t.slug())));
            navigate(&format!("/market{}", st.to_query(data)), true);
        }>
            {Tab::ALL.into_iter().map(|t| view! {
                <button type="button" role="tab" id=format!("tab-{}", t.slug()) aria-controls="market-panel"
                    aria-selected=(t == tab).to_string() data-testid=format!("tab-{}", t.slug())
                    tabindex=if t == tab { "0" } else { "-1" }
                    on:click=move |_| edit(&|st| st.tab = t)>
                    {i18n.t(tab_key(t))}
                </button>
            }).collect_view()}
        </div>
        <div class="row toolbar">
            <button type="button" data-testid="download-csv" on:click=move |_| save_text(&format!("{}.csv", file_stem()), "text/csv;charset=utf-8", &csv())>
                {i18n.t("download.csv")}
            </button>
            <ChartDownloads layout=chart_layout stem=Signal::derive(file_stem) prefix="download-"/>
        </div>
        <div role="tabpanel" id="market-panel" aria-labelledby=format!("tab-{}", tab.slug()) node_ref=node>
            {match tab {
                Tab::Chart => view! {
                    <div class="row">
                        <div class="segmented" role="group" aria-label=i18n.t("market.marks")>
                            <button type="button" data-testid="marks-line" aria-pressed=(state.marks == Marks::Lines).to_string()
                                on:click=move |_| edit(&|st| st.marks = Marks::Lines)>{i18n.t("market.lines")}</button>
                            <button type="button" data-testid="marks-bar" aria-pressed=(state.marks == Marks::Bars).to_string()
                                on:click=move |_| edit(&|st| st.marks = Marks::Bars)>{i18n.t("market.bars")}</button>
                        </div>
                    </div>
                    <Chart layout=chart_layout testid="share-chart"/>
                    <p class="muted small">{i18n.t("market.gap_note")}</p>
                }.into_any(),
                Tab::Table => render::share_table(data, &state, i18n).into_any(),
                Tab::Sources => render::provenance(data, &state, i18n).into_any(),
            }}
        </div>
        {render::changes_section(data, &state, i18n, edit_at(s, update))}
        {render::seed_loss(data, i18n)}
        {render::size_section(data, &state, i18n)}
    }
}

fn edit_at(
    s: StoredValue<MarketState>,
    update: Callback<MarketState>,
) -> Callback<yunce_data::Period> {
    Callback::new(move |p| {
        let mut next = s.get_value();
        next.at = p;
        update.run(next);
    })
}

fn granularity_key(g: Granularity) -> &'static str {
    match g {
        Granularity::Year => "grain.year",
        Granularity::Half => "grain.half",
        Granularity::Quarter => "grain.quarter",
        _ => "grain.other",
    }
}

fn tab_key(t: Tab) -> &'static str {
    match t {
        Tab::Chart => "tab.chart",
        Tab::Table => "tab.table",
        Tab::Sources => "tab.sources",
    }
}
