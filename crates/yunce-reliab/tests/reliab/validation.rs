//! Inputs that make a result meaningless are rejected with the field and the reason.

use crate::common::{c, scenario, unit};
use yunce_reliab::{
    Block, ChangeProcess, Duration, Problem, Repair, Rollout, Scenario, Simulation, Value,
};

fn problem(s: &Scenario) -> (String, Problem) {
    match Simulation::new(s) {
        Ok(_) => panic!("scenario should be rejected"),
        Err(e) => (e.path, e.problem),
    }
}

fn base() -> Scenario {
    scenario(
        vec![unit("a", 100.0, 60.0), unit("b", 100.0, 60.0)],
        Block::Parallel(vec![c("a"), c("b")]),
        10,
    )
}

#[test]
fn zero_mttr() {
    let mut s = base();
    s.components[1].repair = Repair::Time(Duration::Exponential {
        mean_minutes: Value::user(0.0),
    });
    assert_eq!(
        problem(&s),
        ("components[1].repair".to_owned(), Problem::ZeroRepairTime)
    );
}

#[test]
fn mtbf_not_above_mttr() {
    let mut s = base();
    s.components[0] = unit("a", 1.0, 60.0);
    let (path, p) = problem(&s);
    assert_eq!(path, "components[0]");
    assert!(matches!(p, Problem::MtbfNotAboveMttr { .. }));
    let text = yunce_reliab::ScenarioError::new(path, p).to_string();
    assert!(text.contains("MTBF"), "{text}");
}

#[test]
fn k_above_n_and_k_zero() {
    let mut s = base();
    s.segments[0].structure = Block::KOfN {
        k: 3,
        of: vec![c("a"), c("b")],
    };
    assert_eq!(problem(&s).1, Problem::KAboveN { k: 3, n: 2 });
    s.segments[0].structure = Block::KOfN {
        k: 0,
        of: vec![c("a"), c("b")],
    };
    assert_eq!(problem(&s).1, Problem::KZero);
}

#[test]
fn probabilities_outside_unit_interval() {
    let mut s = base();
    s.changes.push(ChangeProcess {
        name: "x".to_owned(),
        deploys_per_year: Value::user(10.0),
        change_failure_rate: Value::user(1.5),
        stages: vec![vec!["a".to_owned()]],
        rollout: Rollout::AllAtOnce,
    });
    assert_eq!(
        problem(&s),
        (
            "changes[0].change_failure_rate".to_owned(),
            Problem::ProbabilityOutOfRange(1.5)
        )
    );
    let mut s = base();
    s.segments[0].customer_share = Value::user(-0.1);
    assert_eq!(problem(&s).1, Problem::ProbabilityOutOfRange(-0.1));
}

#[test]
fn nan_and_negative() {
    let mut s = base();
    s.components[0] = unit("a", f64::NAN, 60.0);
    assert_eq!(problem(&s).1, Problem::NotFinite);
    let mut s = base();
    s.components[0] = unit("a", 100.0, -5.0);
    assert_eq!(problem(&s).1, Problem::Negative(-5.0));
}

#[test]
fn names_must_resolve_and_be_unique() {
    let mut s = base();
    s.segments[0].structure = Block::Series(vec![c("a"), c("zzz")]);
    assert_eq!(
        problem(&s),
        (
            "segments[0].structure[1]".to_owned(),
            Problem::UnknownName("zzz".to_owned())
        )
    );
    let mut s = base();
    s.components.push(unit("a", 100.0, 1.0));
    assert_eq!(problem(&s).1, Problem::DuplicateName("a".to_owned()));
}

#[test]
fn shares_years_and_empty_structures() {
    let mut s = base();
    s.segments.push(s.segments[0].clone());
    s.segments[1].customer_share = Value::user(0.5);
    assert!(matches!(problem(&s).1, Problem::SharesAboveOne(_)));
    let mut s = base();
    s.years = 0;
    assert_eq!(problem(&s).1, Problem::NotPositive(0.0));
    let mut s = base();
    s.years = 10_000_000;
    s.segments = vec![s.segments[0].clone(); 10];
    for seg in &mut s.segments {
        seg.customer_share = Value::user(0.1);
    }
    assert!(matches!(problem(&s), (p, Problem::TooLarge { .. }) if p == "years"));
    let mut s = base();
    s.segments[0].structure = Block::Series(Vec::new());
    assert_eq!(problem(&s).1, Problem::Empty);
}

#[test]
fn bad_json_is_an_error_not_a_panic() {
    for text in [
        "",
        "{}",
        "{\"name\":1}",
        "[1,2]",
        "{\"components\":[{\"name\":\"a\"}]}",
    ] {
        assert!(serde_json::from_str::<Scenario>(text).is_err(), "{text}");
    }
}

#[test]
fn repair_pools() {
    let pool = |members: &[&str], crews| yunce_reliab::RepairPool {
        name: "p".to_owned(),
        members: members.iter().map(|m| (*m).to_owned()).collect(),
        crews,
    };
    let mut s = base();
    s.repair_pools.push(pool(&["a", "b"], 0));
    assert_eq!(
        problem(&s),
        (
            "repair_pools[0].crews".to_owned(),
            Problem::NotPositive(0.0)
        )
    );
    let mut s = base();
    s.repair_pools.push(pool(&["a"], 1));
    s.repair_pools.push(pool(&["b", "a"], 1));
    assert_eq!(
        problem(&s),
        (
            "repair_pools[1].members[1]".to_owned(),
            Problem::DuplicateName("a".to_owned())
        )
    );
}
