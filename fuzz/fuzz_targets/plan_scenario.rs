//! The planner's scenario JSON (what the plan worker reads from a dropped file): any text is
//! rejected, or validates and solves without panicking; an accepted scenario writes JSON that
//! reads back to the same JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(s) = serde_json::from_str::<yunce_plan::Scenario>(text) else {
        return;
    };
    let Ok(json) = serde_json::to_string(&s) else {
        return;
    };
    let back: yunce_plan::Scenario =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json} does not read back: {e}"));
    assert_eq!(serde_json::to_string(&back).ok().as_deref(), Some(json.as_str()));
    if !yunce_plan::validate::validate(&s).is_empty() {
        return;
    }
    let _ = yunce_plan::solve_with(&s, yunce_plan::SolveOptions::PLAN_ONLY);
});
