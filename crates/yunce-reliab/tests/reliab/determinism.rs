//! A fixed seed gives byte-identical output, however the run is chunked.

use yunce_reliab::{Control, Simulation, presets, run};

fn preset_scenario(years: u32) -> yunce_reliab::Scenario {
    let mut all = presets::all().unwrap_or_else(|e| panic!("{e}"));
    let mut s = all.remove(1).what_ifs.remove(0).scenario;
    s.years = years;
    s
}

fn json(r: &yunce_reliab::Report) -> String {
    serde_json::to_string(r).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn same_seed_same_bytes() {
    let s = preset_scenario(2_000);
    let a = json(&yunce_reliab::simulate(&s).unwrap_or_else(|e| panic!("{e}")));
    let b = json(&yunce_reliab::simulate(&s).unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(a, b);
    let mut other = s.clone();
    other.seed += 1;
    let c = json(&yunce_reliab::simulate(&other).unwrap_or_else(|e| panic!("{e}")));
    assert_ne!(a, c);
}

#[test]
fn chunking_does_not_change_results() {
    let s = preset_scenario(1_000);
    let whole = json(&yunce_reliab::simulate(&s).unwrap_or_else(|e| panic!("{e}")));
    let mut sim = Simulation::new(&s).unwrap_or_else(|e| panic!("{e}"));
    let mut steps = 0;
    while !sim.is_done() {
        sim.step(37);
        steps += 1;
    }
    assert_eq!(steps, 28);
    assert_eq!(json(&sim.report()), whole);
}

#[test]
fn stopping_reports_partial_years() {
    let s = preset_scenario(1_000);
    let mut calls = 0;
    let report = run(&s, 100, |p| {
        calls += 1;
        assert_eq!(p.years_done, 100 * calls);
        if calls == 3 {
            Control::Stop
        } else {
            Control::Continue
        }
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(!report.complete);
    assert_eq!(report.years_simulated, 300);
    assert_eq!(report.segments[0].downtime_minutes.mean.samples, 300);
}
