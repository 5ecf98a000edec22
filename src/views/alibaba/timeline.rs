//! The timeline: category filter, zoom, a date strip with the seed's window, and
//! the event table with sources.

use super::state::{AlibabaState, categories, month_slug, span};
use crate::i18n::I18n;
use crate::views::sources::dom::{Act, N, h, ht, svg};
use crate::views::sources::kit::{Cell, Row, chips, confidence, table};
use wasm_bindgen::JsValue;
use yunce_data::compute::story::{day_number, event_overlaps};
use yunce_data::{Dataset, Date, EventCategory, Period};

/// The locale key of an event category.
pub fn cat_key(c: EventCategory) -> &'static str {
    match c {
        EventCategory::Leadership => "cat.leadership",
        EventCategory::Organization => "cat.organization",
        EventCategory::Strategy => "cat.strategy",
        EventCategory::AiProduct => "cat.ai-product",
        EventCategory::People => "cat.people",
        EventCategory::Policy => "cat.policy",
        EventCategory::Stability => "cat.stability",
        EventCategory::Market => "cat.market",
        EventCategory::MarketData => "cat.market-data",
        EventCategory::Financial => "cat.financial",
        EventCategory::Publication => "cat.publication",
    }
}

fn month(s: &str) -> Option<Period> {
    Period::parse(s).filter(|p| matches!(p, Period::Month(..)))
}

/// Applies a timeline control to the state; false when the action is not ours.
pub fn apply(data: &Dataset, st: &mut AlibabaState, a: &Act) -> bool {
    match a.act.as_str() {
        "cat" => {
            let order = categories(data);
            if let Some(&c) = order.iter().find(|c| c.slug() == a.value) {
                if !a.checked {
                    if st.cats.len() > 1 {
                        st.cats.retain(|x| *x != c);
                    }
                } else {
                    // Data order, without a sort.
                    st.cats = order
                        .into_iter()
                        .filter(|x| *x == c || st.cats.contains(x))
                        .collect();
                }
            }
        }
        "from" => {
            if let Some(p) = month(&a.value) {
                st.from = p.start();
                st.to = st.to.max(p.end());
            }
        }
        "to" => {
            if let Some(p) = month(&a.value) {
                st.to = p.end();
                st.from = st.from.min(p.start());
            }
        }
        "zoom" => {
            let (f, t) = a.value.split_once('/').unwrap_or_default();
            if let (Some(f), Some(t)) = (month(f), month(t)) {
                (st.from, st.to) = (f.start(), t.end());
            }
        }
        _ => return false,
    }
    true
}

/// The timeline section.
pub fn section(data: &Dataset, i18n: I18n, state: &AlibabaState) -> N {
    let all = categories(data);
    let (min, max) = span(data);
    let window = data.seed_window();
    let (w0, w1) = window
        .as_ref()
        .map(|w| (w.start.date.start(), w.end.date.end()))
        .unwrap_or((max, min));
    let shown: Vec<_> = data
        .events
        .iter()
        .filter(|e| state.cats.contains(&e.category) && event_overlaps(e, state.from, state.to))
        .collect();
    let color = |c: EventCategory| all.iter().position(|x| *x == c).unwrap_or(7) % 8;
    let count = i18n.format(
        "alibaba.events_shown",
        &[&shown.len().to_string(), &data.events.len().to_string()],
    );
    // The strip: one dot per event, the seed's window as a band.
    let (d0, d1) = (day_number(state.from), day_number(state.to));
    let x = |day: i64| 10.0 + 980.0 * ((day - d0) as f64 / (d1 - d0).max(1) as f64).clamp(0.0, 1.0);
    let f = |v: f64| format!("{v:.1}");
    let by_year = d1 - d0 > 1100;
    let mut strip = svg("svg")
        .c("strip")
        .a("viewBox", "0 0 1000 70")
        .a("role", "img")
        .a("aria-label", &count)
        .id("strip");
    if w0 <= state.to && w1 >= state.from {
        let (a, b) = (x(day_number(w0)), x(day_number(w1)));
        strip = strip.ch(svg("rect")
            .c("band")
            .a("x", &f(a))
            .a("y", "2")
            .a("width", &f((b - a).max(2.0)))
            .a("height", "40"));
    }
    strip = strip.ch(svg("line")
        .c("axis")
        .a("x1", "10")
        .a("x2", "990")
        .a("y1", "48")
        .a("y2", "48"));
    let mut t = Period::Month(state.from.year, state.from.month);
    while t.start() <= state.to {
        if let Period::Month(y, m) = t
            && ((by_year && m == 1) || (!by_year && m % 3 == 1))
        {
            let tx = f(x(day_number(t.start())));
            let label = if by_year {
                y.to_string()
            } else {
                month_slug(t.start())
            };
            strip = strip
                .ch(svg("line")
                    .c("axis")
                    .a("x1", &tx)
                    .a("x2", &tx)
                    .a("y1", "44")
                    .a("y2", "52"))
                .ch(svg("text")
                    .c("tick")
                    .a("x", &tx)
                    .a("y", "66")
                    .a("text-anchor", "middle")
                    .t(&label));
        }
        t = t.next().unwrap_or(Period::Year(9999));
    }
    for (i, e) in shown.iter().enumerate() {
        let mid = (day_number(e.date.start()) + day_number(e.date.end())) / 2;
        strip = strip.ch(svg("circle")
            .c(&format!("s{}", color(e.category)))
            .a("cx", &f(x(mid)))
            .a("cy", &(10 + (i % 4) * 9).to_string())
            .a("r", "5")
            .ch(svg("title").t(&format!("{} · {}", e.date, e.event))));
    }
    let rows: Vec<Row> = shown
        .iter()
        .map(|e| Row {
            key: e.meta.id.clone(),
            class: if event_overlaps(e, w0, w1) { "win" } else { "" },
            cells: vec![
                Cell::Text(e.date.to_string()),
                Cell::Text(i18n.t(cat_key(e.category)).to_string()),
                Cell::Text(e.actor.clone()),
                Cell::Text(e.event.clone()),
                confidence(&e.meta),
                Cell::Src(e.meta.source_ids.clone()),
                Cell::Fig(vec![e.meta.id.clone()]),
            ],
        })
        .collect();
    let note = window.map(|w| {
        let mut ids = vec![w.start.meta.id.clone(), w.end.meta.id.clone()];
        ids.extend(w.claim.map(|c| c.meta.id.clone()));
        h("p")
            .c("window-note")
            .id("window-note")
            .ch(h("span").c("swatch").a("aria-hidden", "true"))
            .t(" ")
            .t(&i18n.format(
                "alibaba.window",
                &[
                    &w.start.date.to_string(),
                    &w.end.date.to_string(),
                    &w.days.to_string(),
                ],
            ))
            .t(" ")
            .all(chips("fig", &ids))
    });
    let month_input = |act: &str, value: Date| {
        h("input")
            .a("type", "month")
            .id(&format!("zoom-{act}"))
            .a("min", &month_slug(min))
            .a("max", &month_slug(max))
            .p("value", &JsValue::from_str(&month_slug(value)))
            .act(act, "")
    };
    let button = |testid: &str, key: &'static str, value: String| {
        ht("button", i18n.t(key))
            .a("type", "button")
            .id(testid)
            .act("zoom", &value)
    };
    let checks = all.iter().map(|&c| {
        h("label").all([
            h("input")
                .a("type", "checkbox")
                .id(&format!("cat-{}", c.slug()))
                .p("checked", &JsValue::from_bool(state.cats.contains(&c)))
                .act("cat", c.slug())
                .a("value", c.slug()),
            h("span")
                .c(&format!("key s{}", color(c)))
                .a("aria-hidden", "true"),
            h("span").t(i18n.t(cat_key(c))),
        ])
    });
    h("section").id("timeline").all([
        ht("h2", i18n.t("alibaba.timeline")),
        h("div").c("controls").all([
            h("fieldset")
                .ch(ht("legend", i18n.t("alibaba.categories")))
                .ch(h("div").c("checks").all(checks)),
            h("fieldset")
                .ch(ht("legend", i18n.t("alibaba.zoom")))
                .ch(h("div").c("row").all([
                    h("label")
                        .t(i18n.t("alibaba.from"))
                        .t(" ")
                        .ch(month_input("from", state.from)),
                    h("label")
                        .t(i18n.t("alibaba.to"))
                        .t(" ")
                        .ch(month_input("to", state.to)),
                    button(
                        "zoom-window",
                        "alibaba.zoom_window",
                        format!("{}/{}", month_slug(w0), month_slug(w1)),
                    ),
                    button(
                        "zoom-all",
                        "alibaba.zoom_all",
                        format!("{}/{}", month_slug(min), month_slug(max)),
                    ),
                ])),
        ]),
        note.unwrap_or_else(|| h("span")),
        strip,
        ht("p", &count)
            .c("muted small")
            .id("events-shown")
            .a("role", "status"),
        table(
            i18n,
            "events-table",
            &[
                "alibaba.col_date",
                "alibaba.col_category",
                "alibaba.col_actor",
                "alibaba.col_event",
                "sources.confidence",
                "sources.source",
                "alibaba.col_figure",
            ],
            rows,
        ),
    ])
}
