//! The numbers that moved: one basis, one measure, and the streak's arithmetic.

use super::*;
use crate::i18n::Lang;
use leptos::prelude::RwSignal;
use yunce_data::Measure;

fn data() -> &'static Dataset {
    crate::data::dataset().unwrap_or_else(|e| panic!("{e}"))
}

fn en() -> I18n {
    I18n {
        lang: RwSignal::new(Lang::En),
    }
}

fn at(m: &Moved, line: usize, p: Period) -> Option<&Point> {
    let i = m.periods.iter().position(|x| *x == p)?;
    m.lines[line].points[i].as_ref()
}

#[test]
fn growth_stays_on_one_basis_and_marks_the_seed_quarter() {
    let m = cloud_growth(data(), en());
    assert_eq!(m.periods.len(), 12);
    // 2023Q1 is reported only on the pre-2023 basis: a gap, never mixed in.
    assert!(at(&m, 0, Period::Quarter(2023, 1)).is_none());
    let q = at(&m, 0, Period::Quarter(2025, 3)).unwrap_or_else(|| panic!("2025Q3"));
    assert_eq!((q.value, q.row_id.as_str()), (34.0, "FIN-052"));
    assert_eq!(
        m.seed_index(Period::Day(
            yunce_data::Date::new(2024, 1, 23).unwrap_or_else(|| panic!())
        )),
        Some(4)
    );
}

#[test]
fn the_streak_implies_its_first_quarter_and_agrees_with_every_count() {
    let m = ai_streak(data(), en());
    let reported: Vec<(Period, f64)> = m
        .periods
        .iter()
        .zip(&m.lines[0].points)
        .filter_map(|(p, x)| Some((*p, x.as_ref()?.value)))
        .collect();
    assert_eq!(
        reported,
        [
            (Period::Quarter(2025, 2), 8.0),
            (Period::Quarter(2025, 3), 9.0),
            (Period::Quarter(2025, 4), 10.0)
        ]
    );
    let first = at(&m, 1, Period::Quarter(2023, 3)).unwrap_or_else(|| panic!("2023Q3"));
    assert_eq!((first.value, first.derived), (1.0, true));
    assert!(at(&m, 1, Period::Quarter(2023, 2)).is_none());
    assert_eq!(m.csv().rows.len(), 10);
}

#[test]
fn capex_comes_from_the_sourced_quarters_in_rmb_bn() {
    let m = capex(en());
    let q2 = at(&m, 0, Period::Quarter(2025, 2)).unwrap_or_else(|| panic!("2025Q2"));
    assert_eq!((q2.value, q2.row_id.as_str()), (38.6, "PP-056"));
    assert_eq!(m.csv().rows.len(), 2);
}

#[test]
fn share_charts_keep_one_measure_each() {
    let seed = Period::Quarter(2024, 1);
    let charts = all(data(), None, en(), seed);
    let shares: Vec<&Moved> = charts
        .iter()
        .filter(|c| c.key.starts_with("share-"))
        .collect();
    assert!(shares.len() >= 2, "{}", shares.len());
    for c in &shares {
        let measure = Measure::from_slug(c.key.trim_start_matches("share-"))
            .unwrap_or_else(|| panic!("{}", c.key));
        for p in c.lines[0].points.iter().flatten() {
            let row = data()
                .market_shares
                .iter()
                .find(|r| r.base.meta.id == p.row_id)
                .unwrap_or_else(|| panic!("{}", p.row_id));
            assert_eq!(row.base.measure, measure, "{} in {}", p.row_id, c.key);
        }
    }
    let only = all(data(), Some(Measure::CanalysSpend), en(), seed);
    assert_eq!(
        only.iter().filter(|c| c.key.starts_with("share-")).count(),
        1
    );
}
