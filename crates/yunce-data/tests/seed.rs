//! The seed article's numbers reproduced from the data, fiscal ↔ calendar mapping,
//! and the checks that fire on the seed's known errors.

// Test helpers outside #[test] fns may unwrap too (clippy.toml covers only test fns).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use yunce_data::checks::{ClaimVerdict, check_conversion};
use yunce_data::{BasisFamily, Dataset, Entity, FiscalPeriod, GrowthError, Period};

fn data() -> Dataset {
    Dataset::embedded().unwrap()
}

fn fy(s: &str) -> FiscalPeriod {
    FiscalPeriod::parse(s).unwrap()
}

#[test]
fn fiscal_to_calendar_mapping() {
    let cases = [
        ("FY2024Q1", "2023Q2"),
        ("FY2024Q2", "2023Q3"),
        ("FY2024Q3", "2023Q4"),
        ("FY2024Q4", "2024Q1"),
    ];
    for (f, c) in cases {
        assert_eq!(fy(f).to_calendar().to_string(), c, "{f}");
        assert_eq!(
            FiscalPeriod::from_calendar_quarter(Period::parse(c).unwrap()),
            Some(fy(f))
        );
        assert_eq!(fy(f).to_string(), f);
    }
    assert_eq!(
        fy("FY2024").to_calendar().to_string(),
        "2023-04-01/2024-03-31"
    );
    assert_eq!(
        fy("FY2024H1").to_calendar().to_string(),
        "2023-04-01/2023-09-30"
    );
    assert_eq!(
        fy("FY2024H2").to_calendar().to_string(),
        "2023-10-01/2024-03-31"
    );
    assert_eq!(fy("FY2024Q1").previous_quarter(), Some(fy("FY2023Q4")));
    assert_eq!(fy("FY2024Q2").year_ago(), fy("FY2023Q2"));
    for bad in ["FY2024Q5", "FY24Q1", "2024Q1", "FY2024H3", "3-year plan"] {
        assert_eq!(FiscalPeriod::parse(bad), None, "{bad}");
    }
    // Every financial row's dates agree with its fiscal label (the validator checks it too).
    for f in &data().financials {
        if let Some(p) = f.fiscal {
            assert_eq!(
                (p.to_calendar().start(), p.to_calendar().end()),
                (f.calendar_start, f.calendar_end),
                "{}",
                f.meta.id
            );
        }
    }
}

#[test]
fn seed_qoq_264_from_1409_vs_387() {
    let d = data();
    let g = d
        .financial_qoq(
            Entity::CloudSegment,
            "adjusted_ebita",
            fy("FY2024Q2"),
            BasisFamily::New,
        )
        .unwrap();
    assert_eq!((g.current.value, g.base.value), (Some(1409.0), Some(387.0)));
    assert_eq!(g.pct.round(), 264.0);
    assert!(
        g.uses_derived(),
        "387 is derived from the seed's half-year total"
    );
    let stated = d
        .reported_growth(
            Entity::CloudSegment,
            "adjusted_ebita_qoq_growth",
            fy("FY2024Q2"),
        )
        .unwrap();
    assert_eq!(stated.value, Some(g.pct.round()));
}

#[test]
fn seed_ebita_yoy_44_on_restated_basis() {
    let d = data();
    let g = d
        .financial_yoy(
            Entity::CloudSegment,
            "adjusted_ebita",
            fy("FY2024Q2"),
            BasisFamily::New,
        )
        .unwrap();
    assert_eq!(g.pct.round(), 44.0);
    assert_eq!(g.base.meta.id, "FIN-015");
    let stated = d
        .reported_growth(
            Entity::CloudSegment,
            "adjusted_ebita_yoy_growth",
            fy("FY2024Q2"),
        )
        .unwrap();
    assert_eq!(stated.value, Some(44.0));
    // Nothing on the old basis for the current quarter: no growth is made up.
    assert_eq!(
        d.financial_yoy(
            Entity::CloudSegment,
            "adjusted_ebita",
            fy("FY2024Q2"),
            BasisFamily::Old
        ),
        Err(GrowthError::MissingCurrent)
    );
}

#[test]
fn seed_revenue_yoy_2_and_refusal_to_straddle() {
    let d = data();
    // The restated year-ago revenue is not public in the fact base, so the growth is
    // the company's own figure; computing from the old-basis RMB20.76bn is refused.
    let stated = d
        .reported_growth(Entity::CloudSegment, "revenue_yoy_growth", fy("FY2024Q2"))
        .unwrap();
    assert_eq!(
        (stated.value, stated.meta.id.as_str()),
        (Some(2.0), "FIN-023")
    );
    match d.financial_yoy(
        Entity::CloudSegment,
        "revenue",
        fy("FY2024Q2"),
        BasisFamily::New,
    ) {
        Err(GrowthError::BasisMismatch { current, base }) => {
            assert_eq!((current.value, base.value), (Some(27648.0), Some(20760.0)));
        }
        other => panic!("expected a basis mismatch, got {other:?}"),
    }
}

#[test]
fn straddled_basis_check_fires() {
    let d = data();
    let checks = d.check_straddled_growth();
    let by_metric = |m: &str| checks.iter().find(|c| c.current.metric == m).unwrap();
    assert_eq!(by_metric("revenue").straddled_pct.round(), 33.0);
    assert_eq!(by_metric("revenue").stated.value, Some(2.0));
    assert_eq!(by_metric("adjusted_ebita").straddled_pct.round(), 225.0);
    assert_eq!(by_metric("adjusted_ebita").stated.value, Some(44.0));
    assert!(
        d.inconsistencies_for("FIN-023")
            .iter()
            .any(|i| i.id == "IC-005")
    );
}

#[test]
fn currency_slip_check_fires() {
    let c = check_conversion(194.0, 1392.0);
    assert!((c.implied_rate - 7.175).abs() < 0.001);
    assert!(c.unit_should_be_rmb);
    assert!(!check_conversion(194.0, 194.0).unit_should_be_rmb);
    let d = data();
    let slip = d.check_currency_slip().unwrap();
    assert_eq!(
        (
            slip.usd_row.meta.id.as_str(),
            slip.printed_row.meta.id.as_str()
        ),
        ("MC-005", "MC-006")
    );
    assert!(slip.check.unit_should_be_rmb);
    assert!((194.0 * slip.check.implied_rate - 1392.0).abs() < 1e-9);
    assert_eq!(slip.inconsistency.map(|i| i.id.as_str()), Some("IC-001"));
}

#[test]
fn profit_that_is_adjusted_ebita_is_flagged() {
    let d = data();
    let ids: Vec<&str> = d
        .check_profit_label()
        .iter()
        .map(|p| p.row.meta.id.as_str())
        .collect();
    assert_eq!(ids, ["FIN-024", "FIN-027"]);
}

#[test]
fn h1_fy2024_profit_claim_is_false_on_restated_basis() {
    let d = data();
    let c = d.check_h1_fy2024_claim().unwrap();
    assert_eq!(c.h1_fy2024.value, Some(1796.0));
    assert_eq!(c.fy2023_new_basis.and_then(|f| f.value), Some(4101.0));
    assert!(
        c.fy2023_old_basis.is_none(),
        "no old-basis FY2023 total in the data"
    );
    assert_eq!(c.verdict, ClaimVerdict::False);
}

#[test]
fn margins_and_quarterly_gaps() {
    let d = data();
    let m = d
        .cloud_ebita_margin(fy("FY2024Q2"), BasisFamily::New)
        .unwrap();
    assert!((m - 1409.0 / 27648.0 * 100.0).abs() < 1e-9);
    assert_eq!(
        d.cloud_ebita_margin(fy("FY2024Q3"), BasisFamily::New),
        None,
        "no EBITA row"
    );
    let q = d.cloud_quarterly("revenue", BasisFamily::New);
    assert_eq!(q.first().map(|x| x.0), Some(fy("FY2021Q4")));
    let at = |p: &str| q.iter().find(|x| x.0 == fy(p)).unwrap().1;
    assert!(at("FY2024Q1").is_none(), "gap, not zero");
    assert_eq!(at("FY2025Q2").and_then(|f| f.value), Some(29610.0));
    assert!(q.windows(2).all(|w| w[0].0 < w[1].0));
    // FY2022 EBITA exists on both bases; growth never mixes them.
    assert_eq!(
        d.financial_rows(Entity::CloudSegment, "adjusted_ebita", fy("FY2022"))
            .len(),
        2
    );
}
