//! Instances small enough to solve by hand.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{chip, close, scenario, site};
use yunce_plan::{Constraint, Mode, PlanError, solve};

#[test]
fn one_chip_one_site_by_hand() {
    // 8 cards x 100 TFLOPS = 0.0008 EFLOPS per server; 8 x 500 W + 1 kW = 5 kW IT.
    let mut c = chip("A", 100.0, 8.0, 500.0, 100_000.0);
    c.server_overhead_w.value = 1000.0;
    c.server_price_rmb.value = 200_000.0;
    let s = scenario(
        vec![c],
        vec![site("x", 1.5, 0.5, 10e6, 100.0)],
        Mode::MinTco {
            target_eflops: 0.01,
        },
    );
    let plan = solve(&s).unwrap();
    // 0.01 / 0.0008 = 12.5 -> 13 servers.
    assert_eq!(plan.totals.servers, 13);
    assert_eq!(plan.totals.cards, 104);
    // Capex per server: 8 x 100k + 200k + 0.005 MW x RMB 10m = 1,050,000.
    assert!(close(plan.totals.capex_rmb, 13.0 * 1_050_000.0, 1e-9));
    // Electricity per server: 5 kW x 1.5 x 8760 h x 0.5 = 32,850 a year.
    assert!(close(plan.totals.opex_rmb_per_year, 13.0 * 32_850.0, 1e-9));
    assert!(close(plan.totals.tco_rmb, 14_077_050.0, 1e-9));
    assert!(close(plan.objective, 14_077_050.0, 1e-9));
    assert!(close(plan.totals.it_mw, 0.065, 1e-9));
    assert!(close(plan.totals.facility_mw, 0.0975, 1e-9));
    // 20 kW racks hold 4 servers: 13 servers need 4 racks.
    assert_eq!(plan.totals.racks, 4);
    // The relaxation buys 12.5 servers; the target binds there, priced per EFLOPS.
    assert!(close(plan.relaxation_objective, 12.5 * 1_082_850.0, 1e-7));
    let target = plan
        .constraints
        .iter()
        .find(|c| c.constraint == Constraint::Target)
        .unwrap();
    assert!(target.binding);
    assert!(close(
        target.shadow_price.unwrap(),
        1_082_850.0 / 0.0008,
        1e-4
    ));
}

#[test]
fn integer_optimum_is_not_the_rounded_relaxation() {
    // A: 0.001 EFLOPS for RMB 10m; B: 0.002 EFLOPS for RMB 18m. Target 0.0025.
    // Relaxation: 1.25 B = 22.5m. Rounded up: 2 B = 36m. Optimum: A + B = 28m.
    let a = chip("A", 1000.0, 1.0, 0.0, 10e6);
    let b = chip("B", 2000.0, 1.0, 0.0, 18e6);
    let s = scenario(
        vec![a, b],
        vec![site("x", 1.0, 0.0, 0.0, 1.0)],
        Mode::MinTco {
            target_eflops: 0.0025,
        },
    );
    let plan = solve(&s).unwrap();
    assert!(close(plan.objective, 28e6, 1e-9), "{}", plan.objective);
    assert!(close(plan.relaxation_objective, 22.5e6, 1e-7));
    let servers: Vec<(String, u64)> = plan
        .lines
        .iter()
        .map(|l| (l.chip_id.clone(), l.servers))
        .collect();
    assert_eq!(servers, [("A".to_owned(), 1), ("B".to_owned(), 1)]);
}

#[test]
fn one_more_mw_at_the_cheap_site_saves_the_difference() {
    // One 1-card 1 kW server of 0.001 EFLOPS costing RMB 1m; full-load electricity.
    // Cheap site: 0.3 RMB/kWh, 0.01 MW; dear site: 0.8 RMB/kWh. PUE 1 both.
    let c = chip("A", 1000.0, 1.0, 1000.0, 1e6);
    let cheap = site("cheap", 1.0, 0.3, 0.0, 0.01);
    let dear = site("dear", 1.0, 0.8, 0.0, 1.0);
    let s = scenario(
        vec![c],
        vec![cheap, dear],
        Mode::MinTco {
            target_eflops: 0.02,
        },
    );
    let plan = solve(&s).unwrap();
    // 20 servers: 10 fill the cheap site's 10 kW, 10 go to the dear one.
    let by_site: Vec<(String, u64)> = plan
        .lines
        .iter()
        .map(|l| (l.site_id.clone(), l.servers))
        .collect();
    assert_eq!(by_site, [("cheap".to_owned(), 10), ("dear".to_owned(), 10)]);
    // A year at 1 kW is 8760 kWh: RMB 2628 cheap, 7008 dear. One more MW moves 1000
    // servers: it saves 1000 x (7008 - 2628) = RMB 4.38m.
    let mw = plan
        .constraints
        .iter()
        .find(|c| c.constraint == Constraint::SiteMw("cheap".into()))
        .unwrap();
    assert!(mw.binding);
    assert!(
        close(mw.shadow_price.unwrap(), 4_380_000.0, 1e-4),
        "{:?}",
        mw.shadow_price
    );
    let dear_mw = plan
        .constraints
        .iter()
        .find(|c| c.constraint == Constraint::SiteMw("dear".into()))
        .unwrap();
    assert!(!dear_mw.binding);
    assert_eq!(dear_mw.shadow_price, None);
}

#[test]
fn max_eflops_under_a_budget_and_below_one_server() {
    let c = chip("A", 1000.0, 1.0, 0.0, 1e6);
    let mode = |b| Mode::MaxEflops {
        capex_budget_rmb: Some(b),
        mw_budget: None,
    };
    let plan = solve(&scenario(
        vec![c.clone()],
        vec![site("x", 1.0, 0.5, 0.0, 1.0)],
        mode(3.5e6),
    ))
    .unwrap();
    assert_eq!(plan.totals.servers, 3);
    assert!(close(plan.totals.eflops, 0.003, 1e-9));
    let err = solve(&scenario(
        vec![c],
        vec![site("x", 1.0, 0.5, 0.0, 1.0)],
        mode(0.5e6),
    ))
    .unwrap_err();
    assert!(
        matches!(err, PlanError::BudgetBelowOneServer { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("below one server"));
}

#[test]
fn min_mw_picks_the_frugal_chip_and_site() {
    let hot = chip("hot", 1000.0, 1.0, 2000.0, 1.0);
    let cool = chip("cool", 1000.0, 1.0, 1000.0, 1e9);
    let s = scenario(
        vec![hot, cool],
        vec![site("a", 1.5, 0.5, 0.0, 1.0), site("b", 1.1, 0.5, 0.0, 1.0)],
        Mode::MinMw {
            target_eflops: 0.005,
        },
    );
    let plan = solve(&s).unwrap();
    assert_eq!(plan.lines.len(), 1);
    assert_eq!(
        (
            plan.lines[0].chip_id.as_str(),
            plan.lines[0].site_id.as_str(),
            plan.lines[0].servers
        ),
        ("cool", "b", 5)
    );
    assert!(close(plan.objective, 5.0 * 0.001 * 1.1, 1e-9));
}

#[test]
fn domestic_share_by_hand() {
    // Foreign: RMB 1m per 0.001 EFLOPS; domestic: RMB 2m. Half must be domestic.
    let foreign = chip("F", 1000.0, 1.0, 0.0, 1e6);
    let mut domestic = chip("D", 1000.0, 1.0, 0.0, 2e6);
    domestic.domestic = true;
    let mut s = scenario(
        vec![foreign, domestic],
        vec![site("x", 1.0, 0.0, 0.0, 1.0)],
        Mode::MinTco {
            target_eflops: 0.01,
        },
    );
    s.policy.min_domestic_share = Some(0.5);
    let plan = solve(&s).unwrap();
    assert!(close(plan.objective, 5e6 + 10e6, 1e-9));
    assert!(close(plan.totals.domestic_share.unwrap(), 0.5, 1e-9));
    let share = plan
        .constraints
        .iter()
        .find(|c| c.constraint == Constraint::DomesticShare)
        .unwrap();
    assert!(share.binding);
    // One point of share less moves 0.0001 EFLOPS from D to F: RMB 0.1m saved.
    assert!(
        close(share.shadow_price.unwrap(), 100_000.0, 1e-3),
        "{:?}",
        share.shadow_price
    );
}

#[test]
fn infeasible_names_the_smallest_conflict() {
    // A is banned at the policy date, B's supply is 10 cards, the target needs 20.
    let mut a = chip("A", 1000.0, 1.0, 0.0, 1e6);
    a.blocked_from = Some("2023-10-17".into());
    let mut b = chip("B", 1000.0, 1.0, 0.0, 1e6);
    b.supply_cap_cards = Some(yunce_plan::Param::user(10.0));
    let s = scenario(
        vec![a, b],
        vec![site("x", 1.0, 0.0, 0.0, 1.0), site("y", 1.0, 0.0, 0.0, 1.0)],
        Mode::MinTco {
            target_eflops: 0.02,
        },
    );
    let err = solve(&s).unwrap_err();
    let PlanError::Infeasible { conflict } = &err else {
        panic!("{err}")
    };
    assert_eq!(
        conflict,
        &[
            Constraint::ExportRegime,
            Constraint::Target,
            Constraint::SupplyCap("B".into())
        ]
    );
    assert!(err.to_string().contains("supply cap of B"));
}

#[test]
fn infeasible_site_power() {
    let c = chip("A", 1000.0, 1.0, 1000.0, 1e6);
    let s = scenario(
        vec![c],
        vec![
            site("x", 1.0, 0.0, 0.0, 0.003),
            site("y", 1.0, 0.0, 0.0, 0.004),
        ],
        Mode::MinTco {
            target_eflops: 0.01,
        },
    );
    let PlanError::Infeasible { conflict } = solve(&s).unwrap_err() else {
        panic!()
    };
    assert_eq!(
        conflict,
        [
            Constraint::Target,
            Constraint::SiteMw("x".into()),
            Constraint::SiteMw("y".into())
        ]
    );
}
