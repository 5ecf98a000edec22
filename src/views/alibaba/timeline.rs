//! The timeline section: category filter, month zoom, the strip (drawn by the shared
//! chart) with the seed's window as a band, and the event table with sources.

use super::model::{self, category_color, category_key, events_shown, in_window};
use super::state::{AlibabaAction, AlibabaState, categories, month, month_slug, span};
use crate::components::chart::{Chart, ChartDownloads, use_width};
use crate::components::figure_link::figure_links;
use crate::components::table::{DataTable, provenance_cells};
use crate::data::fact;
use crate::format;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use yunce_chart::timeline_layout;
use yunce_data::Dataset;

/// The timeline with its controls; every control writes the URL through `act`.
#[component]
pub fn Timeline(
    data: &'static Dataset,
    state: Memo<AlibabaState>,
    act: Callback<AlibabaAction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shown = Memo::new(move |_| state.with(|s| events_shown(data, s)));
    let count = move || {
        i18n.format(
            "alibaba.events_shown",
            &[
                &shown.with(Vec::len).to_string(),
                &data.events.len().to_string(),
            ],
        )
    };
    let node = NodeRef::<leptos::html::Div>::new();
    let width = use_width(node, 960.0);
    let strip = Memo::new(move |_| {
        let spec = state.with(|s| {
            shown.with(|rows| {
                model::strip_spec(data, s, rows, i18n, width.get().clamp(300.0, 1060.0))
            })
        });
        timeline_layout(&spec)
    });
    let stem = Signal::derive(move || {
        state.with(|s| {
            format!(
                "yunce-alibaba-timeline-{}-{}",
                month_slug(s.from),
                month_slug(s.to)
            )
        })
    });
    let csv = Callback::new(move |()| shown.with_untracked(|rows| model::events_csv(data, rows)));
    view! {
        <section data-testid="timeline">
            <h2>{move || i18n.t("alibaba.timeline")}</h2>
            <div class="controls">
                <CategoryFilter data state act/>
                <Zoom data state act/>
            </div>
            <WindowNote data/>
            <div node_ref=node>
                <Chart layout=strip testid="strip"/>
            </div>
            <div class="row toolbar">
                <ChartDownloads layout=strip stem prefix="strip-"/>
            </div>
            <p class="muted small" data-testid="events-shown" role="status">{count}</p>
            <DataTable
                testid="events-table"
                headers=vec![
                    "alibaba.col_date",
                    "alibaba.col_category",
                    "alibaba.col_actor",
                    "alibaba.col_event",
                    "sources.confidence",
                    "sources.source",
                    "alibaba.col_figure",
                ]
                csv
            >
                {move || {
                    shown
                        .get()
                        .into_iter()
                        .map(|e| {
                            view! {
                                <tr id=e.meta.id.clone() class:win=in_window(data, e)>
                                    <th scope="row">{format::date(i18n.lang.get(), &e.date.to_string())}</th>
                                    <td>{i18n.t(category_key(e.category))}</td>
                                    <td>{fact(i18n, data, &e.meta.id, "actor", &e.actor).to_owned()}</td>
                                    <td>{fact(i18n, data, &e.meta.id, "event", &e.event).to_owned()}</td>
                                    {provenance_cells(&e.meta)}
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </DataTable>
        </section>
    }
}

/// One checkbox per category; the last one shown cannot be hidden.
#[component]
fn CategoryFilter(
    data: &'static Dataset,
    state: Memo<AlibabaState>,
    act: Callback<AlibabaAction>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset>
            <legend>{move || i18n.t("alibaba.categories")}</legend>
            <div class="checks">
                {categories(data)
                    .into_iter()
                    .map(|c| {
                        view! {
                            <label>
                                <input
                                    type="checkbox"
                                    value=c.slug()
                                    data-testid=format!("cat-{}", c.slug())
                                    prop:checked=move || state.with(|s| s.cats.contains(&c))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        if !on && state.with_untracked(|s| s.cats.len() <= 1) {
                                            // The last category stays: undo the click on the box.
                                            event_target::<web_sys::HtmlInputElement>(&ev).set_checked(true);
                                        }
                                        act.run(AlibabaAction::Category(c, on))
                                    }
                                />
                                <span class=format!("key s{}", category_color(data, c)) aria-hidden="true"></span>
                                {move || i18n.t(category_key(c))}
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// Month inputs for the zoom, and buttons for the seed's window and all dates.
#[component]
fn Zoom(
    data: &'static Dataset,
    state: Memo<AlibabaState>,
    act: Callback<AlibabaAction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (min, max) = span(data);
    let (w0, w1) = model::window(data).unwrap_or((min, max));
    let month_input = move |testid: &'static str, key: &'static str, to: bool| {
        view! {
            <label>
                {move || i18n.t(key)} " "
                <input
                    type="month"
                    data-testid=testid
                    min=month_slug(min)
                    max=month_slug(max)
                    prop:value=move || state.with(|s| month_slug(if to { s.to } else { s.from }))
                    on:change=move |ev| {
                        if let Some(p) = month(&event_target_value(&ev)) {
                            act.run(if to { AlibabaAction::ZoomTo(p) } else { AlibabaAction::ZoomFrom(p) });
                        }
                    }
                />
            </label>
        }
    };
    view! {
        <fieldset>
            <legend>{move || i18n.t("alibaba.zoom")}</legend>
            <div class="row">
                {month_input("zoom-from", "alibaba.from", false)}
                {month_input("zoom-to", "alibaba.to", true)}
                <button type="button" data-testid="zoom-window" on:click=move |_| act.run(AlibabaAction::Zoom(w0, w1))>
                    {move || i18n.t("alibaba.zoom_window")}
                </button>
                <button type="button" data-testid="zoom-all" on:click=move |_| act.run(AlibabaAction::Zoom(min, max))>
                    {move || i18n.t("alibaba.zoom_all")}
                </button>
            </div>
        </fieldset>
    }
}

/// The seed's "more than 200 days", with the rows that date it.
#[component]
fn WindowNote(data: &'static Dataset) -> impl IntoView {
    let i18n = use_i18n();
    data.seed_window().map(|w| {
        let (start, end) = (w.start.date.to_string(), w.end.date.to_string());
        let days = w.days.to_string();
        let text = move || {
            let lang = i18n.lang.get();
            let (start, end) = (format::date(lang, &start), format::date(lang, &end));
            i18n.format("alibaba.window", &[&start, &end, &days])
        };
        let ids = [w.start.meta.id.as_str(), w.end.meta.id.as_str()]
            .into_iter()
            .chain(w.claim.map(|c| c.meta.id.as_str()));
        view! {
            <p class="window-note" data-testid="window-note">
                <span class="swatch" aria-hidden="true"></span> " " {text} " " {figure_links(ids)}
            </p>
        }
    })
}
