//! Stacked bars: one stack per category, the series stacked in order from zero.

use crate::ChartSpec;
use crate::Series;
use crate::marks::{PlacedBar, PlacedPoint, Rect};
use crate::scale::LinearScale;

/// The lowest and highest stack ends over every category (positives stack up from zero,
/// negatives down).
pub(crate) fn extent(spec: &ChartSpec) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for i in 0..spec.x_labels.len() {
        let (mut up, mut down) = (0.0_f64, 0.0_f64);
        for v in spec
            .series
            .iter()
            .filter_map(|s| s.values.get(i).copied().flatten())
        {
            if v >= 0.0 {
                up += v;
            } else {
                down += v;
            }
        }
        (lo, hi) = (lo.min(down), hi.max(up));
    }
    (lo, hi)
}

/// Places the stacks; `point` makes the tooltip point of one value. A missing or zero value
/// gets no bar (a stack has no gap to mark).
pub(crate) fn place(
    spec: &ChartSpec,
    y: &LinearScale,
    plot: Rect,
    band: f64,
    point: impl Fn(&Series, usize, f64, f64, f64) -> PlacedPoint,
) -> Vec<PlacedBar> {
    let mut bars = Vec::new();
    for i in 0..spec.x_labels.len() {
        let left = plot.x + band * i as f64 + band * 0.15;
        let width = band * 0.7;
        let (mut up, mut down) = (0.0_f64, 0.0_f64);
        for series in &spec.series {
            let Some(v) = series
                .values
                .get(i)
                .copied()
                .flatten()
                .filter(|v| *v != 0.0)
            else {
                continue;
            };
            let (from, to) = if v >= 0.0 {
                up += v;
                (up - v, up)
            } else {
                down += v;
                (down - v, down)
            };
            let (a, b) = (y.apply(from), y.apply(to));
            let top = a.min(b);
            bars.push(PlacedBar {
                key: series.key.clone(),
                color: series.color,
                rect: Rect {
                    x: left,
                    y: top,
                    width,
                    height: (a - b).abs(),
                },
                point: Some(point(series, i, v, left + width / 2.0, top)),
                gap_x: left + width / 2.0,
            });
        }
    }
    bars
}

#[cfg(test)]
mod tests {
    use crate::{ChartKind, ChartSpec, Series, layout};

    fn spec() -> ChartSpec {
        let s = |key: &str, values: Vec<Option<f64>>, color| Series {
            key: key.into(),
            label: key.into(),
            notes: vec![None; values.len()],
            values,
            color,
        };
        ChartSpec {
            title: "t".into(),
            subtitle: String::new(),
            source: String::new(),
            x_labels: vec!["a".into(), "b".into()],
            series: vec![
                s("x", vec![Some(2.0), Some(1.0)], 0),
                s("y", vec![Some(3.0), None], 1),
            ],
            y_unit: String::new(),
            kind: ChartKind::Stacked,
            width: 300.0,
            height: 200.0,
            decimals: 0,
        }
    }

    #[test]
    fn stacks_sum_and_touch() {
        let l = layout(&spec());
        assert_eq!(l.bars.len(), 3);
        let (first, second) = (l.bars[0].rect, l.bars[1].rect);
        // The second series sits on top of the first in the same stack.
        assert!((second.y + second.height - first.y).abs() < 1e-9);
        assert!((second.height / first.height - 1.5).abs() < 1e-9);
        // The axis reaches the tallest stack (5).
        assert!(l.y_ticks.iter().any(|t| t.label == "5"));
    }
}
