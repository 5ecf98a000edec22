//! From a [`ChartSpec`] to pixel positions.

use crate::caption::{Caption, footer, header, text_width};
pub use crate::marks::{Band, PlacedBar, PlacedLine, PlacedPoint, Rect, Tick};
use crate::scale::{LinearScale, format_value, nice_ticks};
use crate::{ChartKind, ChartSpec};

/// A chart laid out in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Accessible title.
    pub title: String,
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// The plotting area inside the margins.
    pub plot: Rect,
    /// Horizontal grid lines and their labels.
    pub y_ticks: Vec<Tick>,
    /// Category labels that fit; crowded labels are thinned.
    pub x_ticks: Vec<Tick>,
    /// Pixel y of the value zero, when zero is inside the domain.
    pub zero_y: Option<f64>,
    /// Line marks.
    pub lines: Vec<PlacedLine>,
    /// Bar marks.
    pub bars: Vec<PlacedBar>,
    /// Legend entries, placed in rows under the plot.
    pub legend: Vec<LegendEntry>,
    /// Highlighted spans, drawn under the marks.
    pub bands: Vec<Band>,
    /// Title and subtitle lines above the plot, the source line below it.
    pub captions: Vec<Caption>,
}

/// One legend entry with its position (the swatch's left edge and the text baseline).
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// Series key.
    pub key: String,
    /// Series label.
    pub label: String,
    /// Palette index.
    pub color: usize,
    /// Left edge of the swatch.
    pub x: f64,
    /// Text baseline.
    pub y: f64,
}

/// Places legend entries (key, label, colour) left to right from `left`, wrapping
/// into rows; returns them (with `y` as the row offset) and the row count.
pub(crate) fn place_legend<'a>(
    items: impl Iterator<Item = (&'a str, &'a str, usize)>,
    left: f64,
    right: f64,
) -> (Vec<LegendEntry>, usize) {
    let mut entries = Vec::new();
    let (mut x, mut row) = (left, 0usize);
    for (key, label, color) in items {
        let width = 26.0 + text_width(label);
        if x + width > right && x > left {
            x = left;
            row += 1;
        }
        entries.push(LegendEntry {
            key: key.to_string(),
            label: label.to_string(),
            color,
            x,
            y: row as f64 * LEGEND_ROW,
        });
        x += width;
    }
    let rows = if entries.is_empty() { 0 } else { row + 1 };
    (entries, rows)
}

const MARGIN_LEFT: f64 = 48.0;
const MARGIN_RIGHT: f64 = 16.0;
const MARGIN_TOP: f64 = 16.0;
const MARGIN_BOTTOM: f64 = 24.0;
pub(crate) const LEGEND_ROW: f64 = 16.0;
/// Left edge of the captions.
pub(crate) const CAPTION_LEFT: f64 = 8.0;
/// Roughly how wide one category label may be before labels are thinned.
const LABEL_WIDTH: f64 = 52.0;

/// Lays a chart out. Missing values never become zero. `spec.height` is the height
/// of the plot with its axes and legend; the captions add to it.
pub fn layout(spec: &ChartSpec) -> Layout {
    let caption_width = spec.width - 2.0 * CAPTION_LEFT;
    let (mut captions, top) = header(&spec.title, &spec.subtitle, CAPTION_LEFT, caption_width);
    let (mut legend, legend_rows) = place_legend(
        spec.series
            .iter()
            .map(|s| (s.key.as_str(), s.label.as_str(), s.color)),
        MARGIN_LEFT,
        spec.width - MARGIN_RIGHT,
    );
    let bottom = MARGIN_BOTTOM + LEGEND_ROW * legend_rows as f64;
    let plot = Rect {
        x: MARGIN_LEFT,
        y: top + MARGIN_TOP,
        width: (spec.width - MARGIN_LEFT - MARGIN_RIGHT).max(10.0),
        height: (spec.height - MARGIN_TOP - bottom).max(10.0),
    };
    for entry in &mut legend {
        entry.y += plot.y + plot.height + MARGIN_BOTTOM + 12.0;
    }
    let (source, source_height) =
        footer(&spec.source, CAPTION_LEFT, caption_width, top + spec.height);
    captions.extend(source);
    let (mut min, mut max) = if spec.kind == ChartKind::Stacked {
        crate::stack::extent(spec)
    } else {
        spec.series
            .iter()
            .flat_map(|s| s.values.iter().flatten().copied())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            })
    };
    if !min.is_finite() {
        (min, max) = (0.0, 1.0);
    }
    // Bars start at zero; lines of shares read best from zero too.
    min = min.min(0.0);
    max = max.max(0.0);
    let ticks = nice_ticks(min, max, 5);
    let y = LinearScale {
        domain_min: ticks.first().copied().unwrap_or(min),
        domain_max: ticks.last().copied().unwrap_or(max),
        range_start: plot.y + plot.height,
        range_end: plot.y,
    };
    let y_ticks = ticks
        .iter()
        .map(|&v| Tick {
            position: y.apply(v),
            label: format!("{}{}", format_value(v, 2), spec.y_unit),
        })
        .collect();
    let n = spec.x_labels.len().max(1);
    let band = plot.width / n as f64;
    let center = |i: usize| plot.x + band * (i as f64 + 0.5);
    let every = ((LABEL_WIDTH / band).ceil() as usize).max(1);
    let x_ticks = spec
        .x_labels
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, label)| Tick {
            position: center(i),
            label: label.clone(),
        })
        .collect();
    let zero_y = (y.domain_min <= 0.0 && y.domain_max >= 0.0).then(|| y.apply(0.0));
    let point = |series: &crate::Series, i: usize, value: f64, x: f64, py: f64| PlacedPoint {
        x,
        y: py,
        category: spec.x_labels.get(i).cloned().unwrap_or_default(),
        series: series.label.clone(),
        value_text: format!("{}{}", format_value(value, spec.decimals), spec.y_unit),
        note: series.notes.get(i).cloned().flatten(),
    };
    let mut lines = Vec::new();
    let mut bars = Vec::new();
    match spec.kind {
        ChartKind::Line => {
            for series in &spec.series {
                let mut segments: Vec<Vec<(f64, f64)>> = Vec::new();
                let mut run: Vec<(f64, f64)> = Vec::new();
                let mut points = Vec::new();
                for (i, value) in series.values.iter().enumerate().take(n) {
                    match value {
                        Some(v) => {
                            let (px, py) = (center(i), y.apply(*v));
                            run.push((px, py));
                            points.push(point(series, i, *v, px, py));
                        }
                        None if !run.is_empty() => segments.push(std::mem::take(&mut run)),
                        None => {}
                    }
                }
                if !run.is_empty() {
                    segments.push(run);
                }
                lines.push(PlacedLine {
                    key: series.key.clone(),
                    label: series.label.clone(),
                    color: series.color,
                    segments,
                    points,
                    radius: 3.5,
                });
            }
        }
        ChartKind::Stacked => {}
        ChartKind::Bar => {
            let groups = spec.series.len().max(1) as f64;
            let inner = band * 0.8;
            let width = inner / groups;
            let base = zero_y.unwrap_or(plot.y + plot.height);
            for i in 0..spec.x_labels.len() {
                for (k, series) in spec.series.iter().enumerate() {
                    let left = plot.x + band * i as f64 + band * 0.1 + width * k as f64;
                    let gap_x = left + width / 2.0;
                    let value = series.values.get(i).copied().flatten();
                    let (rect, placed) = match value {
                        Some(v) => {
                            let top = y.apply(v);
                            let rect = Rect {
                                x: left,
                                y: top.min(base),
                                width: width * 0.92,
                                height: (base - top).abs(),
                            };
                            (rect, Some(point(series, i, v, gap_x, top.min(base))))
                        }
                        None => (
                            Rect {
                                x: left,
                                y: base,
                                width: width * 0.92,
                                height: 0.0,
                            },
                            None,
                        ),
                    };
                    bars.push(PlacedBar {
                        key: series.key.clone(),
                        color: series.color,
                        rect,
                        point: placed,
                        gap_x,
                    });
                }
            }
        }
    }
    if spec.kind == ChartKind::Stacked {
        bars = crate::stack::place(spec, &y, plot, band, |series, i, v, x, py| {
            point(series, i, v, x, py)
        });
    }
    Layout {
        title: spec.title.clone(),
        width: spec.width,
        height: top + spec.height + source_height,
        plot,
        y_ticks,
        x_ticks,
        zero_y,
        lines,
        bars,
        legend,
        bands: Vec::new(),
        captions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Series;

    fn spec(kind: ChartKind, values: Vec<Option<f64>>) -> ChartSpec {
        ChartSpec {
            title: "t".into(),
            subtitle: String::new(),
            source: String::new(),
            x_labels: (0..values.len()).map(|i| format!("Q{i}")).collect(),
            series: vec![Series {
                key: "a".into(),
                label: "A".into(),
                notes: vec![None; values.len()],
                values,
                color: 0,
            }],
            y_unit: "%".into(),
            kind,
            width: 400.0,
            height: 200.0,
            decimals: 1,
        }
    }

    #[test]
    fn a_missing_value_splits_the_line() {
        let l = layout(&spec(
            ChartKind::Line,
            vec![Some(1.0), Some(2.0), None, Some(3.0)],
        ));
        assert_eq!(l.lines[0].segments.len(), 2);
        assert_eq!(l.lines[0].points.len(), 3);
    }

    #[test]
    fn a_missing_bar_is_a_gap_not_zero() {
        let l = layout(&spec(ChartKind::Bar, vec![Some(4.0), None]));
        assert!(l.bars[0].point.is_some());
        assert!(l.bars[1].point.is_none());
        assert_eq!(l.bars[1].rect.height, 0.0);
    }

    #[test]
    fn higher_values_sit_higher() {
        let l = layout(&spec(ChartKind::Line, vec![Some(10.0), Some(40.0)]));
        let p = &l.lines[0].points;
        assert!(p[1].y < p[0].y);
        assert_eq!(p[1].value_text, "40%");
    }

    #[test]
    fn crowded_labels_are_thinned() {
        let mut s = spec(ChartKind::Line, vec![Some(1.0); 40]);
        s.width = 375.0;
        let l = layout(&s);
        assert!(l.x_ticks.len() < 40);
        assert_eq!(l.x_ticks[0].label, "Q0");
    }

    #[test]
    fn captions_add_height_above_and_below_the_plot() {
        let bare = layout(&spec(ChartKind::Line, vec![Some(1.0)]));
        let mut s = spec(ChartKind::Line, vec![Some(1.0)]);
        s.subtitle = "Share of spend (%)".into();
        s.source = "Source: S014, S041".into();
        let framed = layout(&s);
        assert!(framed.height > bare.height);
        assert!(framed.plot.y > bare.plot.y);
        assert_eq!(framed.plot.height, bare.plot.height);
        let last = framed.captions.last().map(|c| c.y).unwrap_or_default();
        assert!(last <= framed.height && last > framed.plot.y + framed.plot.height);
    }
}

impl Layout {
    /// Highlights the `index`-th of `count` x categories, such as the quarter a text was
    /// written in. An index outside the axis adds nothing.
    pub fn mark_category(&mut self, index: usize, count: usize, label: &str) {
        if index >= count {
            return;
        }
        let band = self.plot.width / count as f64;
        self.bands.push(Band {
            rect: Rect {
                x: self.plot.x + band * index as f64,
                y: self.plot.y,
                width: band,
                height: self.plot.height,
            },
            label: label.to_owned(),
        });
    }
}

#[cfg(test)]
mod mark_tests {
    use super::*;
    use crate::{ChartKind, ChartSpec, Series};

    #[test]
    fn a_marked_category_spans_its_slot_and_nothing_else() {
        let spec = ChartSpec {
            title: "t".into(),
            subtitle: String::new(),
            source: String::new(),
            x_labels: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            series: vec![Series {
                key: "s".into(),
                label: "s".into(),
                values: vec![Some(1.0), None, Some(3.0), Some(2.0)],
                notes: Vec::new(),
                color: 0,
            }],
            y_unit: "%".into(),
            kind: ChartKind::Bar,
            width: 400.0,
            height: 200.0,
            decimals: 0,
        };
        let mut l = layout(&spec);
        l.mark_category(1, 4, "seed");
        l.mark_category(4, 4, "off the axis");
        assert_eq!(l.bands.len(), 1);
        let b = &l.bands[0];
        assert!((b.rect.width * 4.0 - l.plot.width).abs() < 1e-9);
        assert!((b.rect.x - (l.plot.x + l.plot.width / 4.0)).abs() < 1e-9);
        assert_eq!(b.label, "seed");
    }
}
