//! SVG snapshots of charts for fixed data.
//!
//! A missing snapshot is written and the test passes; a changed one is written
//! beside the old one as `*.new.svg` and the test fails, so a reviewer can diff them.

#![allow(clippy::panic, clippy::expect_used)] // A test harness reports by panicking.

use std::path::PathBuf;
use yunce_chart::{
    ChartKind, ChartSpec, Palette, Series, TimelineBand, TimelineGroup, TimelineMark, TimelineSpec,
    layout, timeline_layout, to_svg,
};

fn check(name: &str, svg: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let path = dir.join(format!("{name}.svg"));
    let fresh = dir.join(format!("{name}.new.svg"));
    match std::fs::read_to_string(&path) {
        Ok(old) if old == svg => {
            let _ = std::fs::remove_file(&fresh);
        }
        Ok(_) => {
            std::fs::write(&fresh, svg).expect("write new snapshot");
            panic!(
                "snapshot {name} changed: compare {} with {}",
                path.display(),
                fresh.display()
            );
        }
        Err(_) => std::fs::write(&path, svg).expect("write snapshot"),
    }
}

fn series(key: &str, label: &str, color: usize, values: &[Option<f64>]) -> Series {
    Series {
        key: key.into(),
        label: label.into(),
        values: values.to_vec(),
        notes: values
            .iter()
            .map(|v| v.map(|_| "S014".to_string()))
            .collect(),
        color,
    }
}

/// Canalys shares 2020Q4–2023Q3 with the real gaps of the public record.
fn canalys() -> ChartSpec {
    let quarters = [
        "2020Q4", "2021Q1", "2021Q2", "2021Q3", "2022Q1", "2022Q2", "2022Q3", "2023Q3",
    ];
    ChartSpec {
        title: "Canalys share of cloud infrastructure spend, <China>".into(),
        subtitle: "Share of spend (%), by quarter".into(),
        source: "Source: Canalys via S014, S041, S052 · Yunce 云策".into(),
        x_labels: quarters.iter().map(|q| q.to_string()).collect(),
        series: vec![
            series(
                "alibaba",
                "Alibaba Cloud",
                0,
                &[
                    Some(40.3),
                    Some(39.8),
                    Some(33.8),
                    Some(38.3),
                    Some(36.7),
                    Some(34.0),
                    Some(36.0),
                    Some(39.0),
                ],
            ),
            series(
                "huawei",
                "华为云",
                1,
                &[
                    Some(17.4),
                    Some(19.7),
                    Some(19.3),
                    Some(17.0),
                    Some(18.0),
                    Some(19.0),
                    Some(19.0),
                    Some(19.0),
                ],
            ),
            series(
                "baidu",
                "Baidu AI Cloud",
                3,
                &[
                    Some(8.4),
                    Some(7.2),
                    Some(7.8),
                    Some(8.8),
                    None,
                    Some(9.0),
                    None,
                    None,
                ],
            ),
        ],
        y_unit: "%".into(),
        kind: ChartKind::Line,
        width: 640.0,
        height: 320.0,
        decimals: 1,
    }
}

#[test]
fn line_chart_with_gaps() {
    check(
        "line_canalys_light",
        &to_svg(&layout(&canalys()), &Palette::light()),
    );
}

#[test]
fn line_chart_dark_at_phone_width() {
    let mut spec = canalys();
    spec.width = 343.0;
    check(
        "line_canalys_dark_narrow",
        &to_svg(&layout(&spec), &Palette::dark()),
    );
}

#[test]
fn bar_chart_for_one_period_with_a_missing_vendor() {
    let spec = ChartSpec {
        title: "2022H1".into(),
        subtitle: "IDC: public cloud IaaS revenue share (%)".into(),
        source: "Source: S014".into(),
        x_labels: vec![
            "Alibaba".into(),
            "Huawei".into(),
            "Tianyi".into(),
            "Baidu".into(),
        ],
        series: vec![series(
            "2022H1",
            "2022H1",
            0,
            &[Some(34.5), Some(11.6), Some(11.0), None],
        )],
        y_unit: "%".into(),
        kind: ChartKind::Bar,
        width: 480.0,
        height: 280.0,
        decimals: 1,
    };
    check("bar_idc_2022h1", &to_svg(&layout(&spec), &Palette::light()));
}

#[test]
fn negative_values_sit_below_the_zero_line() {
    let spec = ChartSpec {
        title: "share change".into(),
        subtitle: String::new(),
        source: String::new(),
        x_labels: vec!["Alibaba".into(), "Huawei".into()],
        series: vec![series("pp", "pp", 2, &[Some(-5.5), Some(0.5)])],
        y_unit: " pp".into(),
        kind: ChartKind::Bar,
        width: 300.0,
        height: 200.0,
        decimals: 1,
    };
    let placed = layout(&spec);
    let zero = placed.zero_y.expect("zero inside the domain");
    assert!(placed.bars[0].rect.y >= zero - 0.01);
    assert!(placed.bars[1].rect.y + placed.bars[1].rect.height <= zero + 0.01);
    check("bar_negative", &to_svg(&placed, &Palette::light()));
}

/// A timeline strip: dated events in two categories, a highlighted window, month ticks.
fn timeline() -> TimelineSpec {
    let group = |key: &str, label: &str, color| TimelineGroup {
        key: key.into(),
        label: label.into(),
        color,
    };
    let mark = |start, end, group, date: &str, text: &str, id: &str| TimelineMark {
        start,
        end,
        group,
        date_label: date.into(),
        text: text.into(),
        note: Some(id.into()),
    };
    // Days since 1970-01-01: 2023-06-01 is 19509, 2024-01-31 is 19753.
    TimelineSpec {
        title: "Alibaba Cloud timeline".into(),
        subtitle: "Dated events by category; the band is the seed's 200 days".into(),
        source: "Source: S001, S002, S017 · Yunce 云策".into(),
        from: 19509,
        to: 19753,
        ticks: vec![
            (19509, "2023-06".into()),
            (19601, "2023-09".into()),
            (19692, "2023-12".into()),
        ],
        band: Some(TimelineBand {
            start: 19528,
            end: 19730,
            label: "2023-06-20 to 2024-01-08".into(),
        }),
        groups: vec![
            group("leadership", "Leadership", 0),
            group("strategy", "战略", 1),
        ],
        marks: vec![
            mark(
                19528,
                19528,
                0,
                "2023-06-20",
                "Zhang Yong takes over <cloud>",
                "EV-019",
            ),
            mark(
                19662,
                19662,
                1,
                "2023-11-16",
                "Spin-off called off",
                "EV-031",
            ),
            mark(19692, 19722, 1, "2023-12", "A month-dated event", "EV-033"),
            mark(19730, 19730, 0, "2024-01-08", "A VP leaves", "EV-036"),
        ],
        width: 600.0,
    }
}

#[test]
fn timeline_strip_with_a_band() {
    check(
        "timeline_strip",
        &to_svg(&timeline_layout(&timeline()), &Palette::light()),
    );
}

#[test]
fn stacked_bars_by_chip_across_regimes() {
    let spec = ChartSpec {
        title: "Capex by chip, 10 EFLOPS".into(),
        subtitle: "RMB bn, by export regime".into(),
        source: "Source: planner_params.csv · Yunce 云策".into(),
        x_labels: vec![
            "Before Oct 2023".into(),
            "After Oct 2023".into(),
            "After Apr 2025".into(),
        ],
        series: vec![
            series("h800", "H800", 0, &[Some(6.1), None, None]),
            series("h20", "H20", 1, &[None, Some(7.2), None]),
            series("910b", "Ascend 910B", 2, &[Some(0.4), Some(0.9), Some(8.8)]),
        ],
        y_unit: " bn".into(),
        kind: ChartKind::Stacked,
        width: 480.0,
        height: 260.0,
        decimals: 1,
    };
    check(
        "stacked_regimes",
        &to_svg(&layout(&spec), &Palette::light()),
    );
}
