//! A chart's text alternative: the same figures as a table, one click away under the
//! chart. Built from the [`Layout`] the chart draws, so the two cannot disagree, and only
//! when opened, so a view with many charts pays nothing for it.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use yunce_chart::{Layout, PlacedPoint};

/// Categories (rows, left to right) and series (columns, in drawing order), and each
/// cell's text.
pub fn grid(l: &Layout) -> (Vec<String>, Vec<String>, Vec<Vec<Option<String>>>) {
    let points: Vec<&PlacedPoint> = l
        .lines
        .iter()
        .flat_map(|line| line.points.iter())
        .chain(l.bars.iter().filter_map(|b| b.point.as_ref()))
        .collect();
    // Categories left to right (a series with a gap would list a later one first);
    // series in the order they are drawn.
    let mut placed: Vec<(String, f64)> = Vec::new();
    let mut series: Vec<String> = Vec::new();
    for p in &points {
        match placed.iter_mut().find(|(c, _)| *c == p.category) {
            Some((_, x)) => *x = x.min(p.x),
            None => placed.push((p.category.clone(), p.x)),
        }
        if !series.contains(&p.series) {
            series.push(p.series.clone());
        }
    }
    placed.sort_by(|a, b| a.1.total_cmp(&b.1));
    let categories: Vec<String> = placed.into_iter().map(|(c, _)| c).collect();
    let mut cells = vec![vec![None; series.len()]; categories.len()];
    for p in points {
        let r = categories.iter().position(|c| *c == p.category);
        let c = series.iter().position(|s| *s == p.series);
        if let (Some(r), Some(c)) = (r, c) {
            cells[r][c] = Some(match &p.note {
                Some(note) => format!("{} ({note})", p.value_text),
                None => p.value_text.clone(),
            });
        }
    }
    (categories, series, cells)
}

/// "Data as a table" under a chart: a disclosure whose table is built when opened.
#[component]
pub fn ChartData(layout: Signal<Layout>, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let table = move || {
        let (categories, series, cells) = layout.with(grid);
        let head = series
            .into_iter()
            .map(|s| view! { <th scope="col">{s}</th> })
            .collect_view();
        let rows = categories
            .into_iter()
            .zip(cells)
            .map(|(c, row)| {
                let tds = row
                    .into_iter()
                    .map(|v| match v {
                        Some(v) => view! { <td class="num">{v}</td> }.into_any(),
                        None => view! { <td class="gap">"–"</td> }.into_any(),
                    })
                    .collect_view();
                view! { <tr><th scope="row">{c}</th>{tds}</tr> }
            })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table data-testid=format!("{testid}-data")>
                    <caption class="visually-hidden">{layout.with(|l| l.title.clone())}</caption>
                    <thead><tr><td></td>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };
    view! {
        <details class="chart-data">
            <summary data-testid=format!("{testid}-data-open") on:click=move |_| open.set(true)>
                {move || i18n.t("chart.data")}
            </summary>
            {move || open.get().then(table)}
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::grid;
    use yunce_chart::{ChartKind, ChartSpec, Series, layout};

    fn spec(kind: ChartKind) -> ChartSpec {
        let series = |key: &str, values: &[Option<f64>]| Series {
            key: key.into(),
            label: key.to_uppercase(),
            values: values.to_vec(),
            notes: vec![None; values.len()],
            color: 0,
        };
        ChartSpec {
            title: "T".into(),
            subtitle: String::new(),
            source: String::new(),
            x_labels: vec!["2022".into(), "2023".into(), "2024".into()],
            series: vec![
                series("a", &[Some(1.0), None, Some(3.0)]),
                series("b", &[Some(2.0), Some(4.0), None]),
            ],
            y_unit: "%".into(),
            kind,
            width: 600.0,
            height: 300.0,
            decimals: 1,
        }
    }

    #[test]
    fn every_value_has_its_cell_and_a_gap_stays_a_gap() {
        for kind in [ChartKind::Line, ChartKind::Bar] {
            let (categories, series, cells) = grid(&layout(&spec(kind)));
            assert_eq!(categories, ["2022", "2023", "2024"], "{kind:?}");
            assert_eq!(series, ["A", "B"], "{kind:?}");
            let filled: Vec<bool> = cells.iter().flatten().map(Option::is_some).collect();
            assert_eq!(filled, [true, true, false, true, true, false], "{kind:?}");
        }
    }
}
