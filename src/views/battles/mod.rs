//! The five battles, two years on: for each battle the seed's claim in its own words,
//! the dated outcomes of 2024–2026 with their confidence and sources, our verdict as
//! data with the rows that support it, and the lab presets that let a reader try it;
//! then the numbers that moved. State lives in the URL; the view stays mounted when it
//! changes.

mod figures;
mod model;
mod moved;
mod render;
pub(crate) mod state;

use crate::components::chart::{Chart, ChartDownloads, use_width};
use crate::components::download::save_text;
use crate::components::error::ErrorPanel;
use crate::components::notices::UrlNotices;
use crate::i18n::{I18n, use_i18n};
use crate::router::{navigate, use_location};
use leptos::prelude::*;
use model::{strip_spec, verdict_key};
use state::{BattlesState, Floor};
use yunce_chart::timeline_layout;
use yunce_data::{Battle, Dataset};

/// The routed battles view.
#[component]
pub fn BattlesView() -> impl IntoView {
    let i18n = use_i18n();
    match crate::data::dataset() {
        Ok(data) => view! { <Battles data/> }.into_any(),
        Err(e) => {
            view! { <ErrorPanel title=i18n.t("error.data") detail=e.to_string()/> }.into_any()
        }
    }
}

fn go(next: &BattlesState) {
    navigate(&format!("/battles{}", next.to_query()), true);
}

#[component]
fn Battles(data: &'static Dataset) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_location().query;
    let parsed = Memo::new(move |_| query.with(|q| BattlesState::from_query(data, q)));
    let state = Memo::new(move |_| parsed.with(|(s, _)| s.clone()));
    let notices = Signal::derive(move || parsed.with(|(_, n)| n.clone()));
    let toggle = Callback::new(move |n: u8| {
        let mut next = state.get_untracked();
        next.evidence = (next.evidence != Some(n)).then_some(n);
        go(&next);
    });
    let painted = crate::components::paint::after_first_paint();
    scroll_to_row(state, painted);
    let t = move |key: &'static str| move || i18n.t(key);
    view! {
        <h1>{t("battles.title")}</h1>
        <p class="lede">{t("battles.lede")}</p>
        <p class="muted small" data-testid="verdict-rule">{t("battles.rule")}</p>
        <UrlNotices notices/>
        <Controls data state/>
        <Scoreboard data state/>
        // The battles and their charts follow a frame after the heading and controls.
        {move || {
            painted.get().then(|| {
                data.battles
                    .iter()
                    .filter(|b| state.with(|s| s.shows(b.n)))
                    .map(|b| view! { <BattleSection data b state toggle/> })
                    .collect_view()
            })
        }}
        {move || painted.get().then(|| view! { <figures::NumbersThatMoved data state/> })}
    }
}

/// Brings the highlighted outcome into view once the page has painted.
fn scroll_to_row(state: Memo<BattlesState>, painted: ReadSignal<bool>) {
    Effect::new(move |_| {
        let row = state.with(|s| s.row.clone());
        if let (true, Some(id)) = (painted.get(), row) {
            let el = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&render::anchor(&id)));
            if let Some(el) = el {
                el.scroll_into_view();
            }
        }
    });
}

/// The battle filter, the confidence floor and the CSV of every row shown.
#[component]
fn Controls(data: &'static Dataset, state: Memo<BattlesState>) -> impl IntoView {
    let i18n = use_i18n();
    let pick_battle = move |n: Option<u8>| {
        let mut next = state.get_untracked();
        next.battle = n;
        go(&next);
    };
    let pick_floor = move |f: Floor| {
        let mut next = state.get_untracked();
        next.floor = f;
        go(&next);
    };
    let save = move |_| {
        let text = state
            .with_untracked(|s| model::outcomes_csv(data, s))
            .text();
        save_text(
            "yunce-battles-outcomes.csv",
            "text/csv;charset=utf-8",
            &text,
        );
    };
    let choices: Vec<Option<u8>> = std::iter::once(None)
        .chain(data.battles.iter().map(|b| Some(b.n)))
        .collect();
    view! {
        <div class="controls battle-controls">
            <fieldset>
                <legend>{move || i18n.t("battles.show")}</legend>
                <div class="segmented" role="group">
                    {choices
                        .into_iter()
                        .map(|n| {
                            let label = move || match n {
                                None => i18n.t("battles.all").to_owned(),
                                Some(n) => i18n.format("battles.battle_n", &[&n.to_string()]),
                            };
                            view! {
                                <button
                                    type="button"
                                    data-testid=format!("show-{}", n.map_or("all".to_owned(), |n| n.to_string()))
                                    aria-pressed=move || state.with(|s| s.battle == n).to_string()
                                    on:click=move |_| pick_battle(n)
                                >
                                    {label}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <fieldset>
                <legend>{move || i18n.t("battles.floor")}</legend>
                <div class="segmented" role="group">
                    {Floor::ALL
                        .into_iter()
                        .map(|f| {
                            view! {
                                <button
                                    type="button"
                                    data-testid=format!("floor-{}", f.slug())
                                    aria-pressed=move || state.with(|s| s.floor == f).to_string()
                                    on:click=move |_| pick_floor(f)
                                >
                                    {move || i18n.t(f.key())}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <div class="row toolbar">
                <button type="button" data-testid="outcomes-csv" on:click=save>
                    {move || i18n.t("battles.csv")}
                </button>
            </div>
        </div>
    }
}

/// The five verdicts at a glance, each linking to its battle.
#[component]
fn Scoreboard(data: &'static Dataset, state: Memo<BattlesState>) -> impl IntoView {
    let i18n = use_i18n();
    let href = move |n: u8| {
        let mut next = state.get();
        if next.battle.is_some() {
            next.battle = Some(n);
            format!("/battles{}", next.to_query())
        } else {
            format!("#battle-{n}")
        }
    };
    view! {
        <ol class="scoreboard" data-testid="scoreboard">
            {data
                .battles
                .iter()
                .filter_map(|b| Some((b, data.verdict_of(&b.id)?)))
                .map(|(b, v)| {
                    let n = b.n;
                    view! {
                        <li class=format!("verdict-{}", v.verdict.slug())>
                            <a href=move || href(n) data-testid=format!("score-{n}") on:click=follow_hash>
                                <span lang="zh-CN">{b.title_zh.clone()}</span>
                                " · "
                                <strong>{move || i18n.t(verdict_key(v.verdict))}</strong>
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// In-page anchors scroll as the browser does; other links navigate in the app.
#[allow(clippy::needless_pass_by_value)] // An event handler receives the event by value.
fn follow_hash(e: web_sys::MouseEvent) {
    use wasm_bindgen::JsCast;
    let is_hash = e
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|a| a.get_attribute("href"))
        .is_some_and(|h| h.starts_with('#'));
    if !is_hash {
        crate::components::source_chip::follow(e);
    }
}

/// The test id of a battle's strip (the chart component takes a static one).
fn strip_testid(n: u8) -> &'static str {
    ["strip-1", "strip-2", "strip-3", "strip-4", "strip-5"]
        .get(usize::from(n.saturating_sub(1)))
        .copied()
        .unwrap_or("strip")
}

/// One battle: claim and verdict side by side, the try-it links, the headline figures,
/// the dated strip and the outcome cards.
#[component]
fn BattleSection(
    data: &'static Dataset,
    b: &'static Battle,
    state: Memo<BattlesState>,
    toggle: Callback<u8>,
) -> impl IntoView {
    let i18n: I18n = use_i18n();
    let node = NodeRef::<leptos::html::Div>::new();
    let width = use_width(node, 960.0);
    let strip = Memo::new(move |_| {
        let spec = state.with(|s| {
            let rows = model::outcomes_shown(data, s, b);
            strip_spec(data, b, &rows, i18n, width.get().clamp(300.0, 1060.0))
        });
        timeline_layout(&spec)
    });
    let stem = format!("yunce-battle-{}-outcomes", b.n);
    view! {
        <section id=format!("battle-{}", b.n) class="battle" data-testid=format!("battle-{}", b.n)>
            <h2>{move || i18n.format("battles.heading", &[&b.n.to_string()])}</h2>
            <div class="grid-2">
                {move || render::claim(data, b, i18n)}
                {move || state.with(|s| render::verdict(data, b, s, i18n, toggle))}
            </div>
            {move || render::try_links(data, b, i18n)}
            {move || state.with(|s| render::headlines(data, b, s, i18n))}
            <div node_ref=node>
                <Chart layout=strip testid=strip_testid(b.n)/>
            </div>
            <div class="row toolbar">
                <ChartDownloads layout=strip stem=stem prefix=format!("strip-{}-", b.n)/>
            </div>
            {move || state.with(|s| render::outcome_list(data, b, s, i18n))}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use crate::router::QueryMap;
    use crate::views::View;

    /// Every "try it" link opens a lab with a query the lab reads without a notice, and
    /// every link but the lab's own default selects something.
    #[test]
    fn every_try_link_opens_its_lab_on_a_clean_preset() {
        let data = crate::data::dataset().unwrap_or_else(|e| panic!("{e}"));
        assert!(!data.try_links.is_empty());
        for t in &data.try_links {
            let (path, query) = t.href.split_once('?').unwrap_or((&t.href, ""));
            let map = QueryMap::parse(&format!("?{query}"));
            let (notices, chosen) = match View::from_path(path) {
                Some(View::Lab) => crate::views::lab::query_check(&map),
                Some(View::Plan) => crate::views::plan::query_check(&map),
                Some(View::Stability) => crate::views::stability::query_check(&map),
                other => panic!("{} opens {other:?}, not a lab", t.id),
            };
            assert!(notices.is_empty(), "{}: {notices:?}", t.id);
            assert!(
                chosen || t.href == "/lab?m=inflation",
                "{} selects nothing",
                t.id
            );
        }
    }
}
