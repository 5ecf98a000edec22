//! A timeline strip: dated marks along one time axis, with a highlighted band.
//! Dates come in as day numbers, so this crate needs no calendar.

use crate::caption::{footer, header};
use crate::layout::{
    Band, CAPTION_LEFT, LEGEND_ROW, Layout, PlacedLine, PlacedPoint, Rect, Tick, place_legend,
};

/// A group of marks with one colour and one legend entry (an event category).
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineGroup {
    /// Stable key, used for test ids.
    pub key: String,
    /// Label in the legend and tooltips.
    pub label: String,
    /// Palette index.
    pub color: usize,
}

/// One dated mark: a day or a span of days (a month, a year, a range).
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineMark {
    /// First day of the span (days since 1970-01-01).
    pub start: i64,
    /// Last day of the span.
    pub end: i64,
    /// Index into [`TimelineSpec::groups`].
    pub group: usize,
    /// The date as written, for the tooltip.
    pub date_label: String,
    /// What happened, for the tooltip.
    pub text: String,
    /// Extra tooltip text, such as the row id.
    pub note: Option<String>,
}

/// A highlighted span of days.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineBand {
    /// First day.
    pub start: i64,
    /// Last day.
    pub end: i64,
    /// What the band marks.
    pub label: String,
}

/// Everything needed to lay a timeline strip out.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineSpec {
    /// The title above the strip.
    pub title: String,
    /// What the marks are, under the title.
    pub subtitle: String,
    /// The source line under the strip.
    pub source: String,
    /// First day shown.
    pub from: i64,
    /// Last day shown.
    pub to: i64,
    /// Axis labels at given days, chosen by the caller.
    pub ticks: Vec<(i64, String)>,
    /// A highlighted span, clipped to the days shown.
    pub band: Option<TimelineBand>,
    /// The groups, in legend order.
    pub groups: Vec<TimelineGroup>,
    /// The marks, in drawing order.
    pub marks: Vec<TimelineMark>,
    /// Total width in pixels.
    pub width: f64,
}

const SIDE: f64 = 28.0;
const LANES: usize = 4;
const LANE_HEIGHT: f64 = 10.0;
const RADIUS: f64 = 5.0;

/// Lays a timeline out: marks at the middle of their span, stacked in four lanes so
/// neighbours stay apart, one legend entry per group, and the band under the marks.
pub fn timeline_layout(spec: &TimelineSpec) -> Layout {
    let caption_width = spec.width - 2.0 * CAPTION_LEFT;
    let (mut captions, top) = header(&spec.title, &spec.subtitle, CAPTION_LEFT, caption_width);
    let plot = Rect {
        x: SIDE,
        y: top + 8.0,
        width: (spec.width - 2.0 * SIDE).max(10.0),
        height: LANE_HEIGHT * LANES as f64 + 8.0,
    };
    let span = (spec.to - spec.from).max(1) as f64;
    let x = |day: i64| plot.x + plot.width * ((day - spec.from) as f64 / span).clamp(0.0, 1.0);
    let axis = plot.y + plot.height;
    let x_ticks = spec
        .ticks
        .iter()
        .filter(|(day, _)| (spec.from..=spec.to).contains(day))
        .map(|(day, label)| Tick {
            position: x(*day),
            label: label.clone(),
        })
        .collect();
    let bands = spec
        .band
        .iter()
        .filter(|b| b.start <= spec.to && b.end >= spec.from)
        .map(|b| {
            let (left, right) = (x(b.start.max(spec.from)), x(b.end.min(spec.to)));
            Band {
                rect: Rect {
                    x: left,
                    y: plot.y - 4.0,
                    width: (right - left).max(1.0),
                    height: plot.height + 4.0,
                },
                label: b.label.clone(),
            }
        })
        .collect();
    let mut lines: Vec<PlacedLine> = spec
        .groups
        .iter()
        .map(|g| PlacedLine {
            key: g.key.clone(),
            label: g.label.clone(),
            color: g.color,
            segments: Vec::new(),
            points: Vec::new(),
            radius: RADIUS,
        })
        .collect();
    for (i, mark) in spec.marks.iter().enumerate() {
        let Some(line) = lines.get_mut(mark.group) else {
            continue;
        };
        line.points.push(PlacedPoint {
            x: x((mark.start + mark.end) / 2),
            y: plot.y + RADIUS + LANE_HEIGHT * (i % LANES) as f64,
            category: mark.date_label.clone(),
            series: line.label.clone(),
            value_text: mark.text.clone(),
            note: mark.note.clone(),
        });
    }
    let (mut legend, rows) = place_legend(
        spec.groups
            .iter()
            .map(|g| (g.key.as_str(), g.label.as_str(), g.color)),
        SIDE,
        spec.width - SIDE,
    );
    let legend_top = axis + 34.0;
    for entry in &mut legend {
        entry.y += legend_top;
    }
    let bottom = legend_top + LEGEND_ROW * rows.saturating_sub(1) as f64 + 8.0;
    let (source, source_height) = footer(&spec.source, CAPTION_LEFT, caption_width, bottom);
    captions.extend(source);
    Layout {
        title: spec.title.clone(),
        width: spec.width,
        height: bottom + source_height,
        plot,
        y_ticks: Vec::new(),
        x_ticks,
        zero_y: Some(axis),
        lines,
        bars: Vec::new(),
        legend,
        bands,
        captions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> TimelineSpec {
        TimelineSpec {
            title: "Timeline".into(),
            subtitle: String::new(),
            source: "Source: S001".into(),
            from: 0,
            to: 100,
            ticks: vec![(0, "a".into()), (50, "b".into()), (150, "out".into())],
            band: Some(TimelineBand {
                start: 40,
                end: 400,
                label: "window".into(),
            }),
            groups: vec![TimelineGroup {
                key: "k".into(),
                label: "K".into(),
                color: 2,
            }],
            marks: vec![
                TimelineMark {
                    start: 10,
                    end: 10,
                    group: 0,
                    date_label: "d".into(),
                    text: "t".into(),
                    note: None,
                },
                TimelineMark {
                    start: 60,
                    end: 80,
                    group: 0,
                    date_label: "d2".into(),
                    text: "t2".into(),
                    note: Some("EV-1".into()),
                },
            ],
            width: 256.0,
        }
    }

    #[test]
    fn marks_sit_at_the_middle_of_their_span() {
        let l = timeline_layout(&spec());
        let points = &l.lines[0].points;
        assert_eq!(points.len(), 2);
        assert!((points[0].x - 48.0).abs() < 1e-9);
        assert!((points[1].x - 168.0).abs() < 1e-9);
        assert!(points[1].y > points[0].y, "neighbours take different lanes");
    }

    #[test]
    fn the_band_is_clipped_and_ticks_outside_are_dropped() {
        let l = timeline_layout(&spec());
        assert_eq!(l.bands.len(), 1);
        let band = l.bands[0].rect;
        assert!((band.x - 108.0).abs() < 1e-9);
        assert!((band.x + band.width - 228.0).abs() < 1e-9);
        assert_eq!(l.x_ticks.len(), 2);
        assert!(l.captions.iter().any(|c| c.text == "Source: S001"));
    }
}
