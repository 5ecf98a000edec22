//! Property: on random small instances the solver finds the same optimum as exhaustive
//! enumeration of every whole-server plan.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{chip, scenario, site};
use proptest::prelude::*;
use yunce_plan::{Mode, Param, PlanError, Sense, SolveOptions, linear_program, solve_with};

/// The best objective over every plan in the box, or `None` when none is feasible.
fn enumerate(s: &yunce_plan::Scenario) -> Option<f64> {
    let lp = linear_program(s).unwrap();
    // Every chip has a supply cap, so cards per column bound each column.
    let bounds: Vec<u64> = lp
        .columns
        .iter()
        .map(|c| {
            (s.chips[c.chip].supply_cap_cards.as_ref().unwrap().value / c.cards).floor() as u64
        })
        .collect();
    let mut x = vec![0u64; bounds.len()];
    let mut best: Option<f64> = None;
    loop {
        let xs: Vec<f64> = x.iter().map(|&v| v as f64).collect();
        let ok = lp
            .rows
            .iter()
            .zip(lp.row_values(&xs))
            .all(|(r, v)| match r.sense {
                Sense::AtMost => v <= r.rhs + 1e-9 * r.rhs.abs().max(1.0),
                Sense::AtLeast => v >= r.rhs - 1e-9 * r.rhs.abs().max(1.0),
            });
        if ok {
            let obj = lp.objective_value(&xs);
            best = Some(match best {
                Some(b) if lp.maximise => b.max(obj),
                Some(b) => b.min(obj),
                None => obj,
            });
        }
        // Odometer over the box.
        let mut i = 0;
        loop {
            if i == x.len() {
                return best;
            }
            if x[i] < bounds[i] {
                x[i] += 1;
                break;
            }
            x[i] = 0;
            i += 1;
        }
    }
}

prop_compose! {
    fn small_chip(id: &'static str)(
        tflops in 50u32..500, cards in 1u32..3, tdp in 100u32..800, price in 1u32..100,
        server in 0u32..50, cap in 1u32..7, domestic in any::<bool>(),
    ) -> yunce_plan::Chip {
        let mut c = chip(id, tflops as f64, cards as f64, tdp as f64, price as f64 * 1000.0);
        c.server_price_rmb = Param::user(server as f64 * 1000.0);
        c.server_overhead_w = Param::user(200.0);
        c.supply_cap_cards = Some(Param::user(cap as f64));
        c.domestic = domestic;
        c
    }
}

prop_compose! {
    fn small_site(id: &'static str)(
        pue in 100u32..200, rmb in 1u32..10, capex in 0u32..20, kw in 1u32..20,
    ) -> yunce_plan::Site {
        site(id, pue as f64 / 100.0, rmb as f64 / 10.0, capex as f64 * 1e6, kw as f64 / 1000.0)
    }
}

fn mode() -> impl Strategy<Value = Mode> {
    prop_oneof![
        (1u32..40).prop_map(|t| Mode::MinTco {
            target_eflops: t as f64 * 1e-4
        }),
        (1u32..40).prop_map(|t| Mode::MinMw {
            target_eflops: t as f64 * 1e-4
        }),
        (1u32..400).prop_map(|b| Mode::MaxEflops {
            capex_budget_rmb: Some(b as f64 * 2000.0),
            mw_budget: None
        }),
        (1u32..30).prop_map(|m| Mode::MaxEflops {
            capex_budget_rmb: None,
            mw_budget: Some(m as f64 / 1000.0)
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn solver_matches_enumeration(
        a in small_chip("A"), b in small_chip("B"), x in small_site("x"), y in small_site("y"),
        mode in mode(), share in prop::option::of(0u32..=10),
    ) {
        let mut s = scenario(vec![a, b], vec![x, y], mode);
        s.policy.min_domestic_share = share.map(|v| v as f64 / 10.0);
        let expected = enumerate(&s);
        let got = solve_with(&s, SolveOptions { shadow_prices: false, mip_gap: 0.0 });
        match (expected, got) {
            (Some(best), Ok(plan)) => {
                let scale = if plan.objective_unit == "RMB" { 1e6 } else { 1.0 };
                let tol = 1e-7 * best.abs().max(1e-6);
                prop_assert!((plan.objective / scale - best).abs() <= tol, "solver {} vs enumeration {}", plan.objective / scale, best);
            }
            (None, Err(PlanError::Infeasible { conflict })) => prop_assert!(!conflict.is_empty()),
            (None, Err(PlanError::BudgetBelowOneServer { .. } | PlanError::MwBudgetBelowOneServer { .. })) => {}
            (Some(best), Err(PlanError::BudgetBelowOneServer { .. } | PlanError::MwBudgetBelowOneServer { .. })) => {
                prop_assert!(best == 0.0, "budget error but enumeration found {}", best);
            }
            (e, g) => prop_assert!(false, "enumeration {:?} vs solver {:?}", e, g.map(|p| p.objective)),
        }
    }
}
