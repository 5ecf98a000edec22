//! The Pareto sweep and the tornado.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::ops::ControlFlow;

use yunce_plan::{ParetoSweep, Preset, Variation, pareto_frontier, tornado};

#[test]
fn frontier_is_monotone_and_within_budget() {
    let s = Preset::AfterApr2025.scenario();
    let mut calls = 0;
    let points = pareto_frontier(&s, 12, |done, total, _| {
        calls += 1;
        assert_eq!(total, 12);
        assert_eq!(done, calls);
        ControlFlow::Continue(())
    })
    .unwrap();
    assert_eq!(points.len(), 12);
    for w in points.windows(2) {
        assert!(w[1].budget_rmb > w[0].budget_rmb);
        // More budget never buys less (within the 0.1% gap of each solve).
        assert!(w[1].eflops >= w[0].eflops * (1.0 - 2e-3), "{:?}", w);
    }
    for p in &points {
        assert!(p.feasible && p.capex_rmb <= p.budget_rmb * (1.0 + 1e-9));
    }
    assert!(points[0].servers >= 1);
    // The last budget buys the largest plan the five 100 MW sites and the caps allow.
    assert!(points[11].facility_mw > 100.0);
}

#[test]
fn sweep_stops_when_asked_and_steps_one_point_at_a_time() {
    let s = Preset::AfterOct2023.scenario();
    let points = pareto_frontier(&s, 50, |done, _, _| {
        if done == 3 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })
    .unwrap();
    assert_eq!(points.len(), 3);
    let mut sweep = ParetoSweep::new(&s, 5).unwrap();
    assert_eq!(sweep.progress(), (0, 5));
    assert!(sweep.step().unwrap().is_ok());
    assert_eq!(sweep.progress(), (1, 5));
    while sweep.step().is_some() {}
    assert_eq!(sweep.points().len(), 5);
}

#[test]
fn tornado_covers_factors_and_reported_ranges() {
    let s = Preset::AfterOct2023.scenario();
    let t = tornado(&s, 0.3).unwrap();
    assert_eq!(t.objective_unit, "RMB");
    for w in t.bars.windows(2) {
        assert!(w[0].swing() >= w[1].swing());
    }
    let pue = t.bars.iter().find(|b| b.factor == "PUE").unwrap();
    assert!(
        pue.objective_low.unwrap() <= t.base_objective
            && t.base_objective <= pue.objective_high.unwrap()
    );
    let h20 = t
        .bars
        .iter()
        .find(|b| b.factor == "NVIDIA H20 unit price")
        .unwrap();
    assert_eq!(
        h20.variation,
        Variation::ReportedRange {
            low: 86_400.0,
            high: 108_000.0
        }
    );
    assert!(t.bars.iter().any(|b| b.factor == "Years of opex"));
    // Chip prices move a capex-heavy plan more than electricity does.
    let chips = t
        .bars
        .iter()
        .position(|b| b.factor == "Chip prices")
        .unwrap();
    let power = t
        .bars
        .iter()
        .position(|b| b.factor == "Electricity price")
        .unwrap();
    assert!(chips < power);
}

#[test]
fn results_are_deterministic() {
    let s = Preset::SeedIncrement.scenario();
    let a = yunce_plan::solve(&s).unwrap();
    let b = yunce_plan::solve(&s).unwrap();
    assert_eq!(a, b);
}
