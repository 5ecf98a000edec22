//! The LP relaxations cross-checked with a second solver: clarabel (interior point) must
//! agree with microlp on the relaxed optimum, and its dual values must agree with our
//! finite-difference shadow prices.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use good_lp::{
    DualValues, Expression, ProblemVariables, Solution, SolutionWithDual, SolverModel, variable,
};
use yunce_plan::{Constraint, LinearProgram, Mode, Preset, Sense, linear_program, solve};

/// Objective and one dual per row from clarabel.
fn clarabel(lp: &LinearProgram) -> (f64, Vec<f64>) {
    let mut vars = ProblemVariables::new();
    let xs: Vec<_> = lp
        .columns
        .iter()
        .map(|_| vars.add(variable().min(0.0)))
        .collect();
    let obj: Expression = xs.iter().zip(&lp.objective).map(|(x, c)| *c * *x).sum();
    let mut model = if lp.maximise {
        vars.maximise(obj)
    } else {
        vars.minimise(obj)
    }
    .using(good_lp::clarabel);
    let refs: Vec<_> = lp
        .rows
        .iter()
        .map(|r| {
            let e: Expression = r.coefficients.iter().map(|(i, a)| *a * xs[*i]).sum();
            model.add_constraint(match r.sense {
                Sense::AtMost => e.leq(r.rhs),
                Sense::AtLeast => e.geq(r.rhs),
            })
        })
        .collect();
    let mut sol = model.solve().unwrap();
    let x: Vec<f64> = xs.iter().map(|v| sol.value(*v)).collect();
    let dual = sol.compute_dual();
    let duals = refs.iter().map(|r| dual.dual(r.clone())).collect();
    (lp.objective_value(&x), duals)
}

fn scenarios() -> Vec<yunce_plan::Scenario> {
    let mut out: Vec<_> = Preset::ALL.iter().map(|p| p.scenario()).collect();
    let mut budget = Preset::AfterOct2023.scenario();
    budget.mode = Mode::MaxEflops {
        capex_budget_rmb: Some(20e9),
        mw_budget: Some(150.0),
    };
    out.push(budget);
    let mut mw = Preset::AfterApr2025.scenario();
    mw.mode = Mode::MinMw { target_eflops: 5.0 };
    mw.policy.min_domestic_share = Some(0.9);
    out.push(mw);
    let mut tight = Preset::SeedIncrement.scenario();
    tight
        .sites
        .iter_mut()
        .for_each(|s| s.mw_available.value = 80.0);
    out.push(tight);
    out
}

#[test]
fn relaxations_agree_with_clarabel() {
    for s in scenarios() {
        let lp = linear_program(&s).unwrap();
        let ours = lp.objective_value(&lp.solve(false, 0.0).unwrap());
        let (theirs, _) = clarabel(&lp);
        assert!(
            common::close(ours, theirs, 1e-5),
            "{}: microlp {ours} vs clarabel {theirs}",
            s.name
        );
    }
}

#[test]
fn shadow_prices_agree_with_clarabel_duals() {
    let mut compared = 0;
    for s in scenarios() {
        let lp = linear_program(&s).unwrap();
        let (_, duals) = clarabel(&lp);
        let plan = solve(&s).unwrap();
        for ((row, report), dual) in lp.rows.iter().zip(&plan.constraints).zip(&duals) {
            assert_eq!(row.constraint, report.constraint);
            let Some(ours) = report.shadow_price else {
                continue;
            };
            if matches!(row.constraint, Constraint::ExportRegime) {
                continue;
            }
            // Convert the dual (objective units per model unit) to the report's units.
            let obj_scale = if plan.objective_unit == "RMB" {
                1e6
            } else {
                1.0
            };
            let quote = match row.constraint {
                Constraint::CapexBudget => 1e9 / 1e6,
                Constraint::SupplyCap(_) => 1000.0,
                _ => 1.0,
            };
            // The share row's right-hand side is not the share itself (see the model).
            if matches!(row.constraint, Constraint::DomesticShare) {
                continue;
            }
            let theirs = dual.abs() * obj_scale * quote;
            // Zero duals of degenerate rows come back from the interior point as ~1e-7.
            let tol = 1e-3 * ours.abs().max(theirs) + 1e-6 * plan.objective.abs();
            assert!(
                (ours.abs() - theirs).abs() <= tol,
                "{} {}: ours {ours} vs clarabel {theirs}",
                s.name,
                row.constraint
            );
            compared += 1;
        }
    }
    assert!(compared >= 3, "only {compared} shadow prices compared");
}
