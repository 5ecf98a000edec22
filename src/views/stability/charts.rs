//! Chart layouts of a run: the downtime histogram of each side, SLA-breach bars, the
//! customer-minutes chart and one simulated year as a timeline. Pure functions of the
//! reports and the captions, so the screen, the SVG and the PNG draw the same layout.

use super::text::num;
use yunce_chart::{
    ChartKind, ChartSpec, Layout, Series, TimelineGroup, TimelineMark, TimelineSpec, layout,
    timeline_layout,
};
use yunce_reliab::{Report, TriggerKind};

/// Chart width in pixels (the SVG scales to its box).
pub const WIDTH: f64 = 560.0;

/// Captions of a chart, in the UI language.
pub struct Captions {
    /// Title.
    pub title: String,
    /// Measure and unit.
    pub subtitle: String,
    /// Source line: method and seed.
    pub source: String,
}

/// The segment with the most downtime: the one a histogram shows.
pub fn worst_segment(r: &Report) -> usize {
    r.segments
        .iter()
        .enumerate()
        .max_by(|a, b| {
            a.1.downtime_minutes
                .mean
                .value
                .total_cmp(&b.1.downtime_minutes.mean.value)
        })
        .map(|(i, _)| i)
        .unwrap_or(0)
}

fn bar_chart(c: Captions, x_labels: Vec<String>, series: Vec<Series>, unit: &str) -> Layout {
    layout(&ChartSpec {
        title: c.title,
        subtitle: c.subtitle,
        source: c.source,
        x_labels,
        series,
        y_unit: unit.to_owned(),
        kind: ChartKind::Bar,
        width: WIDTH,
        height: 300.0,
        decimals: 2,
    })
}

/// Years by downtime of the worst segment: zero years first, then 20 equal bins.
pub fn histogram(r: &Report, c: Captions, label: &str) -> Layout {
    let Some(seg) = r.segments.get(worst_segment(r)) else {
        return bar_chart(c, Vec::new(), Vec::new(), "");
    };
    let d = &seg.downtime_minutes;
    let mut x = vec!["0".to_owned()];
    let mut values = vec![Some(d.zero_years as f64)];
    for b in &d.histogram {
        x.push(format!("{}–{}", num(b.low, 0), num(b.high, 0)));
        values.push(Some(b.count as f64));
    }
    let series = vec![Series {
        key: "years".into(),
        label: label.to_owned(),
        values,
        notes: Vec::new(),
        color: 0,
    }];
    bar_chart(c, x, series, "")
}

fn side_series(reports: &[(String, &Report)], f: impl Fn(&Report) -> Vec<f64>) -> Vec<Series> {
    reports
        .iter()
        .enumerate()
        .map(|(i, (name, r))| Series {
            key: format!("side-{i}"),
            label: name.clone(),
            values: f(r).into_iter().map(Some).collect(),
            notes: Vec::new(),
            color: i,
        })
        .collect()
}

/// Probability (percent) that a year breaches each SLA target, in the worst segment.
pub fn sla_bars(reports: &[(String, &Report)], c: Captions) -> Layout {
    let x = reports
        .first()
        .and_then(|(_, r)| r.segments.get(worst_segment(r)))
        .map(|s| {
            s.sla
                .iter()
                .map(|b| format!("{} %", num(b.target_percent, 3)))
                .collect()
        })
        .unwrap_or_default();
    let series = side_series(reports, |r| {
        r.segments
            .get(worst_segment(r))
            .map(|s| s.sla.iter().map(|b| 100.0 * b.probability.value).collect())
            .unwrap_or_default()
    });
    bar_chart(c, x, series, "%")
}

/// Customer-minutes per year (blast-radius weighted): mean, P50, P95, P99.
pub fn customer_minutes(reports: &[(String, &Report)], c: Captions) -> Layout {
    let x = ["mean", "P50", "P95", "P99"].map(str::to_owned).to_vec();
    let series = side_series(reports, |r| {
        let d = &r.customer_minutes;
        vec![d.mean.value, d.p50, d.p95, d.p99]
    });
    bar_chart(c, x, series, "")
}

/// The incidents of the first simulated year on a day axis.
pub fn year_timeline(r: &Report, c: Captions, groups: [String; 4]) -> Layout {
    let [component, group, change, scripted] = groups;
    let groups = [component, group, change, scripted]
        .into_iter()
        .enumerate()
        .map(|(i, label)| TimelineGroup {
            key: ["component", "group", "change", "scripted"][i].to_owned(),
            label,
            color: i,
        })
        .collect();
    let marks = r
        .first_year
        .iter()
        .map(|inc| {
            let start = (inc.start_minute / 1440.0).floor() as i64;
            let end = inc
                .end_minute
                .map(|e| (e / 1440.0).floor() as i64)
                .unwrap_or(365);
            let minutes = inc.end_minute.map(|e| e - inc.start_minute);
            TimelineMark {
                start,
                end: end.max(start),
                group: match inc.trigger {
                    TriggerKind::Component => 0,
                    TriggerKind::Group => 1,
                    TriggerKind::Change => 2,
                    TriggerKind::Scripted => 3,
                },
                date_label: format!("day {}", start + 1),
                text: format!(
                    "{}: {} min, {} %",
                    inc.trigger_name,
                    minutes.map(|m| num(m, 1)).unwrap_or_else(|| "…".into()),
                    num(100.0 * inc.peak_share, 1)
                ),
                note: None,
            }
        })
        .collect();
    let ticks = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        .iter()
        .enumerate()
        .map(|(m, d)| (*d, format!("{}", m + 1)))
        .collect();
    timeline_layout(&TimelineSpec {
        title: c.title,
        subtitle: c.subtitle,
        source: c.source,
        from: 0,
        to: 365,
        ticks,
        band: None,
        groups,
        marks,
        width: WIDTH,
    })
}
