//! Native tests of the planner's URL state: every param round-trips, a bad param falls back
//! with a notice, and a bad number the user typed is kept for the engine to name.

use super::*;
use crate::views::plan::edit::{ChipField, SiteField};

fn round_trip(state: &PlanState) -> PlanState {
    let text = state.to_query();
    let (back, notices) = PlanState::from_query(&QueryMap::parse(&text));
    assert_eq!(notices, Vec::new(), "{text}");
    back
}

#[test]
fn the_default_state_writes_only_its_preset() {
    let s = PlanState::of(Preset::AfterApr2025);
    assert_eq!(s.to_query(), "?p=after-apr-2025");
    assert_eq!(round_trip(&s), s);
    let (empty, notices) = PlanState::from_query(&QueryMap::default());
    assert_eq!(empty, s);
    assert!(notices.is_empty());
}

#[test]
fn every_param_round_trips() {
    let mut s = PlanState::of(Preset::SeedIncrement);
    s.mode = ModeKind::Max;
    s.target = 12.5;
    s.capex_bn = Some(7.25);
    s.mw_budget = Some(80.0);
    s.basis = Basis::Int8;
    s.as_of = "2025-01-02".into();
    s.domestic_pct = Some(40.0);
    s.set_edit(
        Target::Chip("AC-005".into(), ChipField::Price),
        Some(95000.0),
    );
    s.set_edit(Target::Site("gansu".into(), SiteField::Pue), Some(1.31));
    s.set_edit(Target::Chip("AC-010".into(), ChipField::Allow), Some(0.0));
    s.compare = vec![Preset::AfterApr2025, Preset::BeforeOct2023];
    s.points = 20;
    assert_eq!(round_trip(&s), s);
    // No capex budget is written as `none`, not left out (the default has one).
    s.capex_bn = None;
    assert_eq!(round_trip(&s), s);
}

#[test]
fn bad_params_fall_back_with_a_notice() {
    let (s, notices) = PlanState::from_query(&QueryMap::parse(
        "p=nope&m=x&t=abc&d=2025-13-40&e=AC-005.price:x&n=1&zz=1",
    ));
    assert_eq!(s, PlanState::of(Preset::AfterApr2025));
    let names: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
    assert_eq!(names, ["p", "m", "t", "d", "e", "n", "zz"]);
}

#[test]
fn bad_numbers_the_user_typed_are_kept() {
    let (s, notices) = PlanState::from_query(&QueryMap::parse("t=-3&e=AC-005.price:NaN"));
    assert!(notices.is_empty());
    assert_eq!(s.target, -3.0);
    assert!(s.edits[0].value.is_nan());
    assert_eq!(round_trip(&s).target, -3.0);
    let errors = yunce_plan::validate::validate(&s.scenario(&[]));
    assert!(errors.iter().any(|e| e.field.contains("unit_price_rmb")));
}

#[test]
fn the_scenario_follows_the_state() {
    let mut s = PlanState::of(Preset::AfterOct2023);
    s.mode = ModeKind::Mw;
    s.target = 3.0;
    s.domestic_pct = Some(25.0);
    s.set_edit(Target::Chip("AC-005".into(), ChipField::Price), Some(1.0));
    let sc = s.scenario(&[]);
    assert_eq!(sc.mode, Mode::MinMw { target_eflops: 3.0 });
    assert_eq!(sc.policy.as_of, Preset::AfterOct2023.as_of());
    assert_eq!(sc.policy.min_domestic_share, Some(0.25));
    let compared = s.compared(&[]);
    assert_eq!(compared.len(), 4);
    assert_eq!(compared[0].policy.as_of, Preset::BeforeOct2023.as_of());
    assert!(compared.iter().all(|c| c.mode == sc.mode));
    // Switching preset brings its date and target; edits stay.
    s.set_preset(Preset::SeedIncrement);
    assert_eq!(s.as_of, Preset::SeedIncrement.as_of());
    assert_eq!(s.edits.len(), 1);
    s.set_edit(Target::Chip("AC-005".into(), ChipField::Price), None);
    assert!(s.edits.is_empty());
}
