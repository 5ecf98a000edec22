//! Bad input gives clear errors and never panics.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{chip, scenario, site};
use yunce_plan::{Constraint, Mode, PlanError, Preset, import::import_chips, solve};

#[test]
fn negative_and_nan_fields_are_named() {
    let mut c = chip("A", f64::NAN, 8.0, -5.0, 1e5);
    c.cards_per_server.value = 2.5;
    let mut s = scenario(
        vec![c],
        vec![site("x", 0.9, 0.5, 0.0, 1.0)],
        Mode::MinTco {
            target_eflops: f64::INFINITY,
        },
    );
    s.policy.as_of = "someday".into();
    let PlanError::Input(errors) = solve(&s).unwrap_err() else {
        panic!()
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    for f in [
        "chips[0].fp16_tflops",
        "chips[0].tdp_w",
        "chips[0].cards_per_server",
        "sites[0].pue",
        "policy.as_of",
        "mode.target_eflops",
    ] {
        assert!(fields.contains(&f), "{f} missing from {fields:?}");
    }
}

#[test]
fn a_target_no_allowed_chip_can_meet() {
    // After Apr-2025 with the domestic chips capped and excluded by the user: only L20 is left,
    // and it is capped at zero cards.
    let mut s = Preset::AfterApr2025.scenario();
    for c in &mut s.chips {
        if c.domestic {
            c.allowed_override = Some(false);
        }
        if c.id == "AC-006" {
            c.supply_cap_cards = Some(yunce_plan::Param::user(0.0));
        }
    }
    let err = solve(&s).unwrap_err();
    let PlanError::Infeasible { conflict } = &err else {
        panic!("{err}")
    };
    assert!(
        conflict.contains(&Constraint::ExportRegime) && conflict.contains(&Constraint::Target),
        "{conflict:?}"
    );
    assert!(conflict.contains(&Constraint::SupplyCap("AC-006".into())));
}

#[test]
fn no_chip_with_a_figure() {
    let mut c = chip("A", 100.0, 8.0, 500.0, 1e5);
    c.fp16_tflops = None;
    let s = scenario(
        vec![c],
        vec![site("x", 1.2, 0.5, 0.0, 1.0)],
        Mode::MinTco { target_eflops: 1.0 },
    );
    let err = solve(&s).unwrap_err();
    assert!(
        err.to_string().contains("no chip has a compute figure"),
        "{err}"
    );
}

#[test]
fn mw_budget_below_one_server() {
    let s = scenario(
        vec![chip("A", 100.0, 8.0, 500.0, 1e5)],
        vec![site("x", 1.2, 0.5, 0.0, 1.0)],
        Mode::MaxEflops {
            capex_budget_rmb: None,
            mw_budget: Some(0.001),
        },
    );
    assert!(matches!(
        solve(&s).unwrap_err(),
        PlanError::MwBudgetBelowOneServer { .. }
    ));
}

#[test]
fn broken_import_rows_name_row_and_column() {
    let text = "id,name,fp16_tflops,tdp_w,cards_per_server,unit_price_rmb,domestic,available_from\n\
                X1,Good,100,400,8,90000,yes,2024-01-01\n\
                X2,Bad,abc,-4,2.5,,maybe,2024-13-40\n\
                X1,Dup,100,400,8,1000-900,no,\n";
    let errors = import_chips(text).unwrap_err();
    let cells: Vec<(usize, &str)> = errors
        .iter()
        .map(|e| (e.line, e.column.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        cells,
        [
            (3, "domestic"),
            (3, "fp16_tflops"),
            (3, "cards_per_server"),
            (3, "tdp_w"),
            (3, "unit_price_rmb"),
            (3, "available_from"),
            (4, "id"),
            (4, "unit_price_rmb"),
        ]
    );
    assert!(errors[0].to_string().starts_with("row 3, column domestic"));
    let missing = import_chips("id,name\nA,B\n").unwrap_err();
    assert_eq!(missing.len(), 3);
    let ragged =
        import_chips("id,name,tdp_w,cards_per_server,unit_price_rmb\nA,B,1\n").unwrap_err();
    assert_eq!(ragged[0].line, 2);
}

#[test]
fn a_good_import_solves() {
    let text = "id,name,vendor,domestic,fp16_tflops,tdp_w,cards_per_server,unit_price_rmb,supply_cap_cards\n\
                U1,\"My chip, v2\",Me,true,200-240,350,8,80000,\n";
    let chips = import_chips(text).unwrap();
    assert_eq!(chips[0].name, "My chip, v2");
    assert_eq!(
        chips[0].fp16_tflops.as_ref().unwrap().reported_range(),
        Some((200.0, 240.0))
    );
    let mut s = Preset::AfterApr2025.scenario();
    s.chips = chips;
    let plan = solve(&s).unwrap();
    assert!(plan.totals.eflops >= 10.0);
}

#[test]
fn scenario_json_round_trip_and_defaults() {
    let s = Preset::SeedIncrement.scenario();
    let json = serde_json::to_string(&s).unwrap();
    let back: yunce_plan::Scenario = serde_json::from_str(&json).unwrap();
    assert_eq!(s, back);
    // A file that names only the mode takes every other field from the defaults.
    let small: yunce_plan::Scenario =
        serde_json::from_str(r#"{"mode":{"MinMw":{"target_eflops":2.0}}}"#).unwrap();
    assert_eq!(small.chips, yunce_plan::Scenario::default().chips);
    assert!(serde_json::from_str::<yunce_plan::Scenario>(r#"{"mode":"nonsense"}"#).is_err());
}

#[test]
fn scenario_and_plan_round_trip_through_postcard() {
    // The app's worker messages are postcard, which is not self-describing.
    let s = Preset::AfterApr2025.scenario();
    let back: yunce_plan::Scenario =
        yunce_plan::wire::decode(&yunce_plan::wire::encode(&s)).unwrap();
    assert_eq!(s, back);
    let plan = solve(&s).unwrap();
    let back: yunce_plan::Plan =
        yunce_plan::wire::decode(&yunce_plan::wire::encode(&plan)).unwrap();
    assert_eq!(plan, back);
}
