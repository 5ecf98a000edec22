//! Market view computations: measures, vendors, gaps, year-on-year points, labels.

// Test helpers outside #[test] fns may unwrap too (clippy.toml covers only test fns).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use yunce_data::{Dataset, Granularity, Measure, Period, Quantity, Vendor};

fn data() -> Dataset {
    Dataset::embedded().unwrap()
}

fn q(s: &str) -> Period {
    Period::parse(s).unwrap()
}

#[test]
fn canalys_and_idc_are_different_measures() {
    let d = data();
    let canalys = d
        .share(Measure::CanalysSpend, Vendor::Alibaba, q("2023Q3"))
        .unwrap();
    let idc = d
        .share(Measure::IdcIaasPaasQuarterly, Vendor::Alibaba, q("2023Q3"))
        .unwrap();
    assert_eq!(canalys.base.value, Some(39.0));
    assert_eq!(idc.base.value, Some(26.7));
    assert_eq!(
        canalys.basis().label_en(),
        "Canalys · share of cloud infrastructure spend"
    );
    assert_eq!(idc.basis().slug(), "idc-iaas-paas-q.share");
    // No series ever holds rows from two measures.
    for m in d.share_measures() {
        for v in d.vendors(m) {
            for g in d.share_granularities(m) {
                for p in d.share_series(m, v, g) {
                    assert!(p.row.is_none_or(|r| r.base.measure == m && r.vendor == v));
                }
            }
        }
    }
    assert!(d.share_measures().contains(&Measure::IdcIaas));
}

#[test]
fn vendors_and_periods_per_measure() {
    let d = data();
    let canalys = d.vendors(Measure::CanalysSpend);
    for v in [
        Vendor::Alibaba,
        Vendor::Huawei,
        Vendor::Tencent,
        Vendor::Baidu,
        Vendor::TopN(3),
        Vendor::TopN(4),
    ] {
        assert!(canalys.contains(&v), "{v:?}");
    }
    let idc = d.vendors(Measure::IdcIaas);
    assert!(idc.contains(&Vendor::Tianyi) && idc.contains(&Vendor::Aws));
    let periods = d.share_periods(Measure::CanalysSpend);
    assert_eq!(periods.first(), Some(&q("2020Q4")));
    assert!(periods.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(
        d.share_granularities(Measure::CanalysSpend),
        [Granularity::Year, Granularity::Quarter]
    );
}

#[test]
fn missing_quarters_are_gaps_not_zero() {
    let d = data();
    let s = d.share_series(Measure::CanalysSpend, Vendor::Alibaba, Granularity::Quarter);
    assert_eq!(s.first().map(|p| p.period), Some(q("2020Q4")));
    assert_eq!(s.last().map(|p| p.period), Some(q("2025Q1")));
    assert_eq!(s.len(), 18, "every quarter 2020Q4..2025Q1 is listed");
    let at = |p: &str| s.iter().find(|x| x.period == q(p)).unwrap();
    assert_eq!(at("2022Q4").value, None);
    assert!(at("2022Q4").row.is_none());
    assert_eq!(at("2023Q3").value, Some(39.0));
    assert_eq!(at("2024Q4").value, None);
    assert!(s.iter().all(|p| p.value != Some(0.0)));
}

#[test]
fn conflicting_reports_keep_both_rows() {
    let d = data();
    let s = d.share_series(Measure::CanalysSpend, Vendor::Baidu, Granularity::Quarter);
    let p = s.iter().find(|x| x.period == q("2021Q3")).unwrap();
    assert_eq!(p.value, Some(8.2), "IC-011 prefers 8.2");
    assert_eq!(p.alternatives.len(), 1);
    assert_eq!(p.alternatives[0].base.value, Some(8.8));
}

#[test]
fn yoy_change_in_points() {
    let d = data();
    let y = d
        .share_yoy_pp(Measure::CanalysSpend, Vendor::Alibaba, q("2022Q1"))
        .unwrap();
    assert!((y.pp - (36.7 - 39.8)).abs() < 1e-9);
    assert_eq!(y.year_ago.base.meta.id, "MS-006");
    // Year-ago figure missing: no number, never a guess.
    assert!(
        d.share_yoy_pp(Measure::CanalysSpend, Vendor::Alibaba, q("2025Q1"))
            .is_none()
    );
    let y = d
        .share_yoy_pp(Measure::CanalysSpend, Vendor::Alibaba, q("2023Q3"))
        .unwrap();
    assert!((y.pp - 3.0).abs() < 1e-9, "39 vs 36");
    assert!(
        y.crosses_method_change,
        "Canalys counts internal consumption from 2023Q2"
    );
    let y = d
        .share_yoy_pp(Measure::CanalysSpend, Vendor::TopN(4), q("2022"))
        .unwrap();
    assert!((y.pp - -1.0).abs() < 1e-9, "annual top-4: 79 vs 80");
    assert!(
        d.share_yoy_pp(Measure::IdcIaas, Vendor::Alibaba, q("2022H1"))
            .is_none()
    );
}

#[test]
fn seed_share_loss_with_ambiguity_note() {
    let d = data();
    let (row, ic) = d.seed_share_loss().unwrap();
    assert_eq!(row.base.meta.id, "MS-088");
    assert_eq!(row.base.value, Some(-5.8));
    assert_eq!(row.basis().quantity, Quantity::ShareChangePp);
    assert_eq!(ic.unwrap().id, "IC-002");
    assert!(
        d.reported_share_changes(Measure::IdcIaas, Vendor::Alibaba)
            .iter()
            .any(|r| r.base.value == Some(-5.5))
    );
}

#[test]
fn size_series_and_sources_lookup() {
    let d = data();
    let s = d.size_series(Measure::CanalysSpend, "spend", Granularity::Quarter);
    assert_eq!(
        s.iter().find(|p| p.period == q("2023Q3")).unwrap().value,
        Some(9.2)
    );
    assert_eq!(
        s.iter().find(|p| p.period == q("2024Q4")).unwrap().value,
        None
    );
    assert!(
        d.size_metrics(Measure::CanalysSpend)
            .contains(&"yoy_growth")
    );
    assert_eq!(d.size_forecasts(Measure::CanalysSpend).len(), 3);
    let src = d.source("S009").unwrap();
    assert!(src.urls().len() >= 2);
    assert!(d.rows_citing("S009").contains(&"MS-061"));
    assert_eq!(d.inconsistencies_for("MS-061")[0].id, "IC-003");
    assert_eq!(Measure::from_slug("canalys"), Some(Measure::CanalysSpend));
    assert_eq!(
        Vendor::from_slug("tianyi").map(Vendor::slug),
        Some("tianyi")
    );
}
