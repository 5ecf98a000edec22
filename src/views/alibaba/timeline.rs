//! The timeline: category filter, zoom, a date strip with the seed's window, and
//! the event table with sources.

use crate::i18n::I18n;
use crate::views::alibaba::state::{AlibabaState, categories, month_slug, span};
use crate::views::sources::dom::{
    Act, act, attr, close, leaf, open, open_c, open_svg, prop, testid, text,
};
use crate::views::sources::kit::{chips, row, table_end, table_start, td, td_provenance};
use wasm_bindgen::JsValue;
use yunce_data::compute::story::{day_number, event_overlaps};
use yunce_data::{Dataset, EventCategory, Period};

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
pub fn section(data: &Dataset, i18n: I18n, state: &AlibabaState) {
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
    open("section");
    testid("timeline");
    leaf("h2", i18n.t("alibaba.timeline"));
    open_c("div", "controls");
    open("fieldset");
    leaf("legend", i18n.t("alibaba.categories"));
    open_c("div", "checks");
    for &c in &all {
        open("label");
        open("input");
        attr("type", "checkbox");
        attr("value", c.slug());
        testid(&format!("cat-{}", c.slug()));
        act("cat", c.slug());
        prop("checked", &JsValue::from_bool(state.cats.contains(&c)));
        close();
        open_c("span", &format!("key s{}", color(c)));
        attr("aria-hidden", "true");
        close();
        text(i18n.t(cat_key(c)));
        close();
    }
    close();
    close();
    open("fieldset");
    leaf("legend", i18n.t("alibaba.zoom"));
    open_c("div", "row");
    for (name, key, value) in [
        ("from", "alibaba.from", state.from),
        ("to", "alibaba.to", state.to),
    ] {
        open("label");
        text(i18n.t(key));
        text(" ");
        open("input");
        attr("type", "month");
        testid(&format!("zoom-{name}"));
        attr("min", &month_slug(min));
        attr("max", &month_slug(max));
        act(name, "");
        prop("value", &JsValue::from_str(&month_slug(value)));
        close();
        close();
    }
    for (id, key, a, b) in [
        ("zoom-window", "alibaba.zoom_window", w0, w1),
        ("zoom-all", "alibaba.zoom_all", min, max),
    ] {
        open("button");
        attr("type", "button");
        testid(id);
        act("zoom", &format!("{}/{}", month_slug(a), month_slug(b)));
        text(i18n.t(key));
        close();
    }
    close();
    close();
    close();
    if let Some(w) = &window {
        open_c("p", "window-note");
        testid("window-note");
        open_c("span", "swatch");
        attr("aria-hidden", "true");
        close();
        text(" ");
        text(&i18n.format(
            "alibaba.window",
            &[
                &w.start.date.to_string(),
                &w.end.date.to_string(),
                &w.days.to_string(),
            ],
        ));
        text(" ");
        chips("fig", [w.start.meta.id.as_str(), w.end.meta.id.as_str()]);
        chips("fig", w.claim.map(|c| c.meta.id.as_str()));
        close();
    }
    // The strip: one dot per event, the seed's window as a band.
    let (d0, d1) = (day_number(state.from), day_number(state.to));
    let x = |day: i64| {
        let v = 10.0 + 980.0 * ((day - d0) as f64 / (d1 - d0).max(1) as f64).clamp(0.0, 1.0);
        format!("{v:.1}")
    };
    open_svg("svg");
    attr("class", "strip");
    attr("viewBox", "0 0 1000 70");
    attr("role", "img");
    attr("aria-label", &count);
    testid("strip");
    if w0 <= state.to && w1 >= state.from {
        let (a, b) = (day_number(w0.max(state.from)), day_number(w1.min(state.to)));
        open_svg("rect");
        attr("class", "band");
        attr("x", &x(a));
        attr("y", "2");
        attr(
            "width",
            &format!(
                "{:.1}",
                980.0 * ((b - a).max(1) as f64 / (d1 - d0).max(1) as f64)
            ),
        );
        attr("height", "40");
        close();
    }
    svg_line("10", "990", "48", "48");
    let by_year = d1 - d0 > 1100;
    let mut t = Period::Month(state.from.year, state.from.month);
    while t.start() <= state.to {
        if let Period::Month(y, m) = t
            && ((by_year && m == 1) || (!by_year && m % 3 == 1))
        {
            let tx = x(day_number(t.start()));
            svg_line(&tx, &tx, "44", "52");
            open_svg("text");
            attr("class", "tick");
            attr("x", &tx);
            attr("y", "66");
            attr("text-anchor", "middle");
            text(&if by_year {
                y.to_string()
            } else {
                month_slug(t.start())
            });
            close();
        }
        t = t.next().unwrap_or(Period::Year(9999));
    }
    for (i, e) in shown.iter().enumerate() {
        open_svg("circle");
        attr("class", &format!("s{}", color(e.category)));
        attr(
            "cx",
            &x((day_number(e.date.start()) + day_number(e.date.end())) / 2),
        );
        attr("cy", &(10 + (i % 4) * 9).to_string());
        attr("r", "5");
        open_svg("title");
        text(&format!("{} · {}", e.date, e.event));
        close();
        close();
    }
    close();
    open_c("p", "muted small");
    testid("events-shown");
    attr("role", "status");
    text(&count);
    close();
    table_start(
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
    );
    for e in shown {
        row(
            &e.meta.id,
            if event_overlaps(e, w0, w1) { "win" } else { "" },
            &e.date.to_string(),
        );
        td(i18n.t(cat_key(e.category)));
        td(&e.actor);
        td(&e.event);
        td_provenance(&e.meta);
        close();
    }
    table_end();
    close();
}

fn svg_line(x1: &str, x2: &str, y1: &str, y2: &str) {
    open_svg("line");
    attr("class", "axis");
    for (k, v) in [("x1", x1), ("x2", x2), ("y1", y1), ("y2", y2)] {
        attr(k, v);
    }
    close();
}
