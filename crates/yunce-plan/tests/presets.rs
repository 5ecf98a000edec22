//! The presets and the fact-base defaults.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use yunce_plan::catalogue::{PPU_ID, default_chips, default_sites, fallbacks};
use yunce_plan::{Exclusion, Origin, Preset, solve};

#[test]
fn every_default_found_its_row() {
    let chips = default_chips();
    assert_eq!(chips.len(), 14);
    assert!(
        fallbacks(&chips, &default_sites()).is_empty(),
        "{:?}",
        fallbacks(&chips, &default_sites())
    );
}

#[test]
fn defaults_carry_sources_or_an_assumption_flag() {
    let chips = default_chips();
    let h20 = chips.iter().find(|c| c.id == "AC-005").unwrap();
    // The reported USD 12,000-15,000 stays a range, converted at 7.2 RMB per USD.
    assert_eq!(
        h20.unit_price_rmb.reported_range(),
        Some((86_400.0, 108_000.0))
    );
    assert_eq!(h20.unit_price_rmb.provenance.sources, ["S200"]);
    assert_eq!(h20.blocked_from.as_deref(), Some("2025-04-09"));
    assert_eq!(h20.blocked_by.as_deref(), Some("EC-004"));
    let ppu = chips.iter().find(|c| c.id == PPU_ID).unwrap();
    assert_eq!(ppu.cards_per_server.value, 16.0);
    assert_eq!(ppu.tdp_w.value, 400.0);
    assert_eq!(ppu.cards_per_server.provenance.rows, ["PP-026"]);
    assert_eq!(ppu.unit_price_rmb.provenance.origin, Origin::Assumption);
    assert_eq!(
        ppu.fp16_tflops.as_ref().unwrap().provenance.origin,
        Origin::Derived
    );
    let b910 = chips.iter().find(|c| c.id == "AC-008").unwrap();
    assert_eq!(
        b910.fp16_tflops.as_ref().unwrap().reported_range(),
        Some((256.0, 320.0))
    );
    let a800 = chips.iter().find(|c| c.id == "AC-002").unwrap();
    assert_eq!(a800.blocked_by.as_deref(), Some("EC-002"));
    assert!(a800.tdp_w.provenance.is_assumption());
}

#[test]
fn regimes_change_the_allowed_chips() {
    let allowed = |p: Preset| {
        let plan = solve(&p.scenario()).unwrap();
        let s = p.scenario();
        let out: Vec<String> = plan.excluded.iter().map(|e| e.chip_id.clone()).collect();
        (
            plan,
            s.chips
                .iter()
                .map(|c| c.id.clone())
                .filter(|id| !out.contains(id))
                .collect::<Vec<_>>(),
        )
    };
    let (_, before) = allowed(Preset::BeforeOct2023);
    assert!(before.contains(&"AC-002".to_owned()) && before.contains(&"AC-004".to_owned()));
    assert!(
        !before.contains(&"AC-005".to_owned()),
        "H20 was not on sale yet"
    );
    let (after, mid) = allowed(Preset::AfterOct2023);
    assert!(mid.contains(&"AC-005".to_owned()) && !mid.contains(&"AC-004".to_owned()));
    assert!(after.excluded.iter().any(|e| e.chip_id == "AC-004"
        && matches!(&e.reason, Exclusion::Blocked { rule: Some(r), .. } if r == "EC-002")));
    let (late_plan, late) = allowed(Preset::AfterApr2025);
    assert!(!late.contains(&"AC-005".to_owned()));
    assert!(late.contains(&PPU_ID.to_owned()));
    assert!(late_plan.objective_without_regime.unwrap() <= late_plan.relaxation_objective);
}

#[test]
fn seed_preset_builds_the_increment() {
    let s = Preset::SeedIncrement.scenario();
    let plan = solve(&s).unwrap();
    assert!(plan.totals.eflops >= 56.0);
    assert!(plan.totals.eflops < 56.1);
    assert!(plan.totals.capex_rmb > 0.0 && plan.totals.facility_mw > 0.0);
}

#[test]
fn int8_is_a_separate_basis() {
    let mut s = Preset::AfterOct2023.scenario();
    s.basis = yunce_plan::Basis::Int8;
    let plan = solve(&s).unwrap();
    assert!(plan.totals.eflops >= 10.0);
    // The H800 has no INT8 figure: on this basis it is left out for that reason first.
    assert!(
        plan.excluded
            .iter()
            .any(|e| e.chip_id == "AC-004" && e.reason == Exclusion::NoFigure)
    );
}

#[test]
fn memory_floor_binds_and_is_priced() {
    let mut s = Preset::AfterApr2025.scenario();
    let plain = solve(&s).unwrap();
    // Ask for twice the memory the cheapest plan carries.
    let cards_tb: f64 = plain.lines.iter().map(|l| l.cards as f64).sum::<f64>() * 0.064;
    s.policy.min_memory_tb = Some(2.0 * cards_tb);
    let plan = solve(&s).unwrap();
    let row = plan
        .constraints
        .iter()
        .find(|c| c.constraint == yunce_plan::Constraint::MinMemory)
        .unwrap();
    assert!(row.plan_value >= row.rhs * (1.0 - 1e-9));
    assert!(row.binding && row.shadow_price.unwrap() > 0.0);
    // The LP bounds are exact, so the floor must raise the bound.
    assert!(plan.relaxation_objective > plain.relaxation_objective);
}
