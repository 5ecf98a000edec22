//! The exact method and the Monte Carlo agree within the Monte Carlo's 99 % interval.

use crate::common::{c, scenario, unit};
use yunce_reliab::analytic::{k_of_n, markov_k_of_n, unit_availability};
use yunce_reliab::model::{HOURS_PER_YEAR, MINUTES_PER_YEAR};
use yunce_reliab::{
    Block, ChangeProcess, CorrelatedGroup, Duration, ExactOutcome, Rollout, Scenario, Value,
    simulate,
};

/// Runs a scenario and checks that the exact availability and outage rate lie inside the
/// Monte Carlo's intervals; returns the exact availability.
fn agree(s: &Scenario) -> f64 {
    let report = simulate(s).unwrap_or_else(|e| panic!("{e}"));
    let seg = &report.segments[0];
    let ExactOutcome::Exact(exact) = &seg.exact else {
        panic!("exact method should apply: {:?}", seg.exact);
    };
    assert!(
        seg.availability.contains(exact.availability),
        "availability {} outside {:?}",
        exact.availability,
        seg.availability
    );
    let outages = exact.outages_per_year.unwrap_or(f64::NAN);
    assert!(
        seg.outages_per_year.contains(outages),
        "outages {} outside {:?}",
        outages,
        seg.outages_per_year
    );
    exact.availability
}

#[test]
fn series_chain() {
    let units = vec![
        unit("a", 400.0, 60.0),
        unit("b", 900.0, 240.0),
        unit("c", 2000.0, 30.0),
    ];
    let s = scenario(units, Block::Series(vec![c("a"), c("b"), c("c")]), 20_000);
    let a = agree(&s);
    let want = unit_availability(400.0, 1.0)
        * unit_availability(900.0, 4.0)
        * unit_availability(2000.0, 0.5);
    assert!((a - want).abs() < 1e-12);
}

#[test]
fn two_of_three() {
    let units = vec![
        unit("a", 100.0, 600.0),
        unit("b", 100.0, 600.0),
        unit("c", 100.0, 600.0),
    ];
    let s = scenario(
        units,
        Block::KOfN {
            k: 2,
            of: vec![c("a"), c("b"), c("c")],
        },
        20_000,
    );
    let a = agree(&s);
    let u = unit_availability(100.0, 10.0);
    assert!((a - (3.0 * u * u * (1.0 - u) + u * u * u)).abs() < 1e-12);
}

#[test]
fn one_of_two_matches_markov_with_independent_repair() {
    let units = vec![unit("a", 50.0, 300.0), unit("b", 50.0, 300.0)];
    let s = scenario(units, Block::Parallel(vec![c("a"), c("b")]), 20_000);
    let a = agree(&s);
    let markov = markov_k_of_n(1, 2, 1.0 / 50.0, 1.0 / 5.0, 2).map(|m| m.availability);
    assert!((a - markov.unwrap_or(0.0)).abs() < 1e-12);
}

#[test]
fn nested_zones_with_lognormal_repair() {
    let mut units = Vec::new();
    let mut zones = Vec::new();
    for z in ["b", "c"] {
        let mut power = unit(&format!("{z}.power"), 3000.0, 0.0);
        power.repair = yunce_reliab::Repair::Time(Duration::LogNormal {
            median_minutes: Value::user(600.0),
            sigma: Value::user(1.0),
        });
        units.push(power);
        let nodes: Vec<_> = (0..3).map(|i| format!("{z}.n{i}")).collect();
        for n in &nodes {
            units.push(unit(n, 200.0, 120.0));
        }
        zones.push(Block::Series(vec![
            c(&format!("{z}.power")),
            Block::KOfN {
                k: 2,
                of: nodes.iter().map(|n| c(n)).collect(),
            },
        ]));
    }
    agree(&scenario(units, Block::Parallel(zones), 30_000));
}

#[test]
fn correlated_group_adds_its_busy_fraction() {
    // Two parallel units that almost never fail alone, hit together by a shock process:
    // shocks of fixed length d arrive at rate r while none is active, so the pair is down
    // a fraction r·d / (1 + r·d) of the time.
    let mut s = scenario(
        vec![unit("a", 1e9, 1.0), unit("b", 1e9, 1.0)],
        Block::Parallel(vec![c("a"), c("b")]),
        20_000,
    );
    s.groups.push(CorrelatedGroup {
        name: "rack power".to_owned(),
        members: vec!["a".to_owned(), "b".to_owned()],
        events_per_year: Value::user(4.0),
        duration: Duration::Fixed {
            minutes: Value::user(90.0),
        },
    });
    let r = 4.0 / HOURS_PER_YEAR;
    let d = 1.5;
    let want = r * d / (1.0 + r * d) * MINUTES_PER_YEAR;
    let report = simulate(&s).unwrap_or_else(|e| panic!("{e}"));
    let got = report.segments[0].downtime_minutes.mean;
    assert!(
        got.low <= want && want <= got.high,
        "{want} outside {got:?}"
    );
}

#[test]
fn bad_changes_overlap_like_an_infinite_server_queue() {
    // Bad changes arrive as a Poisson process and each holds the target down for a fixed
    // T; the target is down while at least one is active: 1 − exp(−c·T).
    let mut s = scenario(vec![unit("svc", 1e9, 1.0)], c("svc"), 20_000);
    s.changes.push(ChangeProcess {
        name: "config".to_owned(),
        deploys_per_year: Value::user(100.0),
        change_failure_rate: Value::user(0.1),
        stages: vec![vec!["svc".to_owned()]],
        rollout: Rollout::AllAtOnce,
    });
    let t_hours = 0.5;
    let want = (1.0 - (-(10.0 / HOURS_PER_YEAR) * t_hours).exp()) * MINUTES_PER_YEAR;
    let report = simulate(&s).unwrap_or_else(|e| panic!("{e}"));
    let got = report.segments[0].downtime_minutes.mean;
    assert!(
        got.low <= want && want <= got.high,
        "{want} outside {got:?}"
    );
    assert!(
        report.segments[0]
            .outages_per_year
            .contains(10.0 * (-(10.0 / HOURS_PER_YEAR) * t_hours).exp())
    );
}

#[test]
fn k_of_n_tail_matches_binomial() {
    let a = 0.97;
    let got = k_of_n(3, &[a; 5]);
    let want: f64 = (3..=5)
        .map(|j| {
            let choose = [1.0, 5.0, 10.0, 10.0, 5.0, 1.0][j];
            choose * a.powi(j as i32) * (1.0 - a).powi(5 - j as i32)
        })
        .sum();
    assert!((got - want).abs() < 1e-12);
}

/// A k-of-n group of identical units with `crews` shared crews, against the Markov chain.
fn pooled_agrees_with_markov(k: u32, n: u32, crews: u32) {
    let (mtbf, mttr_min) = (40.0, 480.0);
    let names: Vec<String> = (0..n).map(|i| format!("u{i}")).collect();
    let units = names.iter().map(|x| unit(x, mtbf, mttr_min)).collect();
    let block = Block::KOfN {
        k,
        of: names.iter().map(|x| c(x)).collect(),
    };
    let mut s = scenario(units, block, 20_000);
    s.repair_pools.push(yunce_reliab::RepairPool {
        name: "crew".to_owned(),
        members: names,
        crews,
    });
    let report = simulate(&s).unwrap_or_else(|e| panic!("{e}"));
    let seg = &report.segments[0];
    assert_eq!(
        seg.exact,
        ExactOutcome::NotApplicable(yunce_reliab::analytic::NotExact::SharedRepairCrews)
    );
    let markov = markov_k_of_n(k, n, 1.0 / mtbf, 60.0 / mttr_min, crews)
        .unwrap_or_else(|| panic!("valid chain"));
    assert!(
        seg.availability.contains(markov.availability),
        "{} outside {:?}",
        markov.availability,
        seg.availability
    );
    let rate = markov.failures_per_hour * HOURS_PER_YEAR;
    assert!(
        seg.outages_per_year.contains(rate),
        "{rate} outside {:?}",
        seg.outages_per_year
    );
    // One crew must do worse than independent repair whenever units can queue.
    if crews < n {
        let independent =
            markov_k_of_n(k, n, 1.0 / mtbf, 60.0 / mttr_min, n).map(|m| m.availability);
        assert!(markov.availability < independent.unwrap_or(0.0));
    }
}

#[test]
fn one_of_two_with_one_crew_matches_markov() {
    pooled_agrees_with_markov(1, 2, 1);
}

#[test]
fn two_of_three_with_one_crew_matches_markov() {
    pooled_agrees_with_markov(2, 3, 1);
}
