//! Each preset reproduces its incident's scope and duration, and its what-ifs change
//! what the design predicts.

use yunce_reliab::presets::{Preset, all};
use yunce_reliab::{AssumptionKind, Basis, Report, Scenario, TriggerKind, simulate};

fn presets() -> Vec<Preset> {
    all().unwrap_or_else(|e| panic!("{e}"))
}

fn short(s: &Scenario) -> Report {
    let mut s = s.clone();
    s.years = 300;
    simulate(&s).unwrap_or_else(|e| panic!("{}: {e}", s.name))
}

/// The replayed incident in the first year: (minutes, peak share).
fn replay(r: &Report) -> Option<(f64, f64)> {
    r.first_year
        .iter()
        .find(|i| i.trigger == TriggerKind::Scripted)
        .map(|i| {
            (
                i.end_minute.unwrap_or(f64::INFINITY) - i.start_minute,
                i.peak_share,
            )
        })
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn ids_and_rows() {
    let ids: Vec<_> = presets().iter().map(|p| (p.id, p.outage_row)).collect();
    assert_eq!(
        ids,
        [
            ("hk-zone-c", "OUT-001"),
            ("ak-whitelist", "OUT-002"),
            ("db-consoles", "OUT-003"),
            ("sg-zone-c", "OUT-005")
        ]
    );
}

#[test]
fn hong_kong_zone_c() {
    let p = &presets()[0];
    let r = short(&p.incident);
    let (minutes, peak) = replay(&r).unwrap_or_default();
    assert!(
        close(minutes, 834.0) && close(peak, 0.5),
        "{minutes} {peak}"
    );
    assert!(r.segments[1].downtime_minutes.p50 >= 834.0 - 1e-6);
    assert!(r.segments[1].sla[0].probability.value > 0.99);
    let multi = short(&p.what_ifs[0].scenario);
    assert_eq!(
        replay(&multi),
        None,
        "multi-zone rides through the zone outage"
    );
    assert!(multi.customer_minutes.mean.value < r.customer_minutes.mean.value / 10.0);
}

#[test]
fn access_key_whitelist() {
    let p = &presets()[1];
    let r = short(&p.incident);
    let (minutes, peak) = replay(&r).unwrap_or_default();
    assert!(
        close(minutes, 101.0) && close(peak, 1.0),
        "{minutes} {peak}"
    );
    let gray = short(&p.what_ifs[0].scenario);
    let (minutes, peak) = replay(&gray).unwrap_or_default();
    assert!(
        close(minutes, 101.0) && close(peak, 1.0 / 12.0),
        "{minutes} {peak}"
    );
    let fast = short(&p.what_ifs[1].scenario);
    let (minutes, peak) = replay(&fast).unwrap_or_default();
    assert!(close(minutes, 16.0) && close(peak, 1.0), "{minutes} {peak}");
    assert!(gray.customer_minutes.mean.value < r.customer_minutes.mean.value / 2.0);
}

#[test]
fn database_consoles() {
    let p = &presets()[2];
    let r = short(&p.incident);
    let (minutes, peak) = replay(&r).unwrap_or_default();
    assert!(
        close(minutes, 102.0) && close(peak, 1.0),
        "{minutes} {peak}"
    );
    assert_eq!(r.segments.len(), 8);
    let fast = short(&p.what_ifs[0].scenario);
    assert!(close(replay(&fast).unwrap_or_default().0, 16.0));
}

#[test]
fn singapore_zone_c_lasts_at_least_a_week() {
    let p = &presets()[3];
    let r = short(&p.incident);
    assert!(close(replay(&r).unwrap_or_default().0, 7.0 * 24.0 * 60.0));
}

#[test]
fn every_value_is_sourced_or_a_listed_assumption() {
    let rows = yunce_reliab::params::Params::embedded().unwrap_or_else(|e| panic!("{e}"));
    for p in presets() {
        let scenarios = std::iter::once(&p.incident).chain(p.what_ifs.iter().map(|w| &w.scenario));
        for s in scenarios {
            let assumptions = yunce_reliab::assumptions::of_scenario(s);
            for (path, v) in yunce_reliab::assumptions::values(s) {
                match &v.basis {
                    Basis::Source { row, sources, .. } => {
                        assert!(rows.row(row).is_ok(), "{path}: {row}");
                        assert!(!sources.is_empty(), "{path}");
                    }
                    Basis::Assumption { .. } => assert!(
                        assumptions
                            .iter()
                            .any(|a| a.kind == AssumptionKind::Parameter && a.subject == path)
                    ),
                    Basis::User => panic!("{}: {path} has no basis", s.name),
                }
            }
        }
    }
}

#[test]
fn scenarios_round_trip_through_json() {
    for p in presets() {
        let text = serde_json::to_string(&p.incident).unwrap_or_else(|e| panic!("{e}"));
        let back: Scenario = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, p.incident);
    }
}
