//! Native tests of the lab's URL state: every param round-trips, a bad param falls back with
//! a notice, and a malformed number is never read as 0.

use super::*;
use crate::views::lab::edit::{Action, Field, RowKeys};

fn query(pairs: &[(&str, &str)]) -> QueryMap {
    QueryMap(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
}

/// Parses a query string written by `to_query` (values there need no decoding).
fn reparse(text: &str) -> QueryMap {
    let body = text.strip_prefix('?').unwrap_or(text);
    QueryMap(
        body.split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (k.to_string(), v.to_string())
            })
            .collect(),
    )
}

fn round_trip(state: &LabState) -> LabState {
    let (back, notices) = LabState::from_query(&reparse(&state.to_query()));
    assert!(
        notices.is_empty(),
        "notices for {}: {notices:?}",
        state.to_query()
    );
    back
}

#[test]
fn defaults_write_an_empty_query() {
    assert_eq!(LabState::default().to_query(), "");
    let (state, notices) = LabState::from_query(&QueryMap::default());
    assert_eq!(state, LabState::default());
    assert!(notices.is_empty());
}

#[test]
fn every_param_round_trips() {
    let mut s = LabState {
        policies: vec![Policy::BestFit, Policy::Fgd],
        seeds: vec![1, 5, 9],
        mode: LabMode::Replay,
        queue: QueueKind::Backfill,
        compress: 20000.0,
        tune: 1.1,
        ..LabState::default()
    };
    s.groups.truncate(3);
    s.caps = vec![("H20".into(), 1.2)];
    s.synth.pods = 3000;
    s.synth.cpu_only_pct = 10.0;
    s.synth.share_pct = 50.0;
    s.synth.multi_pct = 5.5;
    s.synth.constrained_pct = 7.0;
    s.synth.seed = 9;
    s.scale = 10;
    s.fleet = Some(100_000);
    s.tab = Tab::Heat;
    let text = s.to_query();
    for param in [
        "p=", "s=", "m=", "t=", "q=", "k=", "cl=", "cap=", "n=", "cpu=", "sh=", "mg=", "gs=",
        "gseed=", "x=", "g=", "tab=",
    ] {
        assert!(text.contains(param), "{param} missing from {text}");
    }
    assert_eq!(round_trip(&s), s);
    s.seeds = vec![42, 43, 44];
    assert!(s.to_query().contains("s=42..44"));
    assert_eq!(round_trip(&s), s);
}

#[test]
fn a_bad_param_gives_a_notice_and_falls_back() {
    let d = LabState::default();
    for (param, value) in [
        ("p", "nope"),
        ("s", "banana"),
        ("s", "1..99"),
        ("m", "fast"),
        ("q", "lifo"),
        ("cl", "G2~8~96"),
        ("cap", "H20~0"),
        ("cap", "H20~1e308"),
        ("tab", "queue"),
        ("zz", "1"),
    ] {
        let (state, notices) = LabState::from_query(&query(&[(param, value)]));
        assert_eq!(state, d, "{param}={value} changed the state");
        assert_eq!(notices.len(), 1, "{param}={value}: {notices:?}");
        assert_eq!(notices[0].param, param);
        assert_eq!(notices[0].value, value);
    }
    let (state, notices) = LabState::from_query(&query(&[("sh", "60"), ("mg", "50")]));
    assert_eq!(
        (state.synth.share_pct, state.synth.multi_pct),
        (d.synth.share_pct, d.synth.multi_pct)
    );
    assert_eq!(notices[0].param, "sh,mg");
}

#[test]
fn a_malformed_number_is_a_notice_never_zero() {
    let d = LabState::default();
    for (param, value) in [
        ("t", "abc"),
        ("t", ""),
        ("k", "1e"),
        ("n", "12x"),
        ("n", "0"),
        ("cpu", "-1"),
        ("sh", "NaN"),
        ("gseed", "4.5"),
    ] {
        let (state, notices) = LabState::from_query(&query(&[(param, value)]));
        assert_eq!(state, d, "{param}={value}");
        assert_eq!(notices.len(), 1, "{param}={value}: {notices:?}");
    }
    let mut s = LabState::default();
    for (field, text) in [
        (Field::Tune, "abc"),
        (Field::Pods, ""),
        (Field::Pods, "0"),
        (Field::Share, "x"),
        (Field::Seeds, "a..b"),
        (Field::Count(0), "1.5"),
        (Field::Model(0), "bad name"),
        (Field::Cap(0), "0"),
        (Field::Cap(0), "1e308"),
        (Field::Cap(0), "101"),
        (Field::Vcpu(0), "5000"),
        (Field::Mem(0), "100000"),
    ] {
        assert!(!s.set(field, text), "{field:?} accepted {text:?}");
    }
    assert_eq!(s, LabState::default());
    assert!(s.set(Field::Tune, " 1.2 "));
    assert_eq!(s.tune, 1.2);
}

#[test]
fn edits_change_the_state_as_the_buttons_say() {
    let mut s = LabState::default();
    s.apply(Action::ReplaceV100);
    assert!(s.groups.iter().all(|g| !g.model.starts_with("V100")));
    assert!(s.to_query().contains("H20~8~192~2048~85"));
    s.apply(Action::ResetCluster);
    assert_eq!(s.groups, LabState::default().groups);
    for p in Policy::ALL {
        s.apply(Action::Toggle(p));
    }
    assert_eq!(s.policies, vec![Policy::Fgd], "the last policy stays");
    s.apply(Action::Mode(LabMode::Replay));
    assert_eq!(s.tab, Tab::Queue);
}

#[test]
fn row_keys_follow_edits_removals_and_additions() {
    let mut s = LabState::default();
    let first = RowKeys::follow(None, &s.groups);
    assert_eq!(first.keys, (0..15).collect::<Vec<u32>>());
    assert!(s.set(Field::Count(3), "5"));
    let edited = RowKeys::follow(Some(&first), &s.groups);
    assert_eq!(edited.keys, first.keys, "an edit keeps every key");
    s.apply(Action::Remove(3));
    let removed = RowKeys::follow(Some(&edited), &s.groups);
    let mut expected = first.keys.clone();
    expected.remove(3);
    assert_eq!(removed.keys, expected);
    s.apply(Action::AddChip);
    let added = RowKeys::follow(Some(&removed), &s.groups);
    assert_eq!(added.keys[..14], expected[..]);
    assert_eq!(added.keys[14], 15, "a new row gets a new key");
}

#[test]
fn defaults_are_the_shared_experiment_defaults() {
    let request = LabState::default().request(LabOp::Run);
    assert_eq!(request, LabRequest::default());
    assert_eq!(request.compress, yunce_sched::defaults::COMPRESS);
}

#[test]
fn fleet_size_round_trips_and_refuses_out_of_range() {
    for (scale, fleet) in [
        (1, None),
        (10, None),
        (100, None),
        (1, Some(1)),
        (3, Some(650_000)),
    ] {
        let s = LabState {
            scale,
            fleet,
            ..LabState::default()
        };
        assert_eq!(round_trip(&s), s);
        assert_eq!(s.request(LabOp::Run).scale, scale);
        assert_eq!(s.request(LabOp::Run).fleet_gpus, fleet);
    }
    let d = LabState::default();
    for (param, value, key) in [
        ("x", "0", "lab.bad_scale"),
        ("x", "1000", "lab.bad_scale"),
        ("x", "2.5", "lab.bad_scale"),
        ("g", "0", "lab.bad_fleet"),
        ("g", "650001", "lab.bad_fleet"),
        ("g", "lots", "lab.bad_fleet"),
    ] {
        let map = query(&[(param, value)]);
        let (state, notices) = LabState::from_query(&map);
        assert_eq!(state, d, "{param}={value}");
        assert_eq!(notices.len(), 1, "{param}={value}: {notices:?}");
        assert_eq!(fleet_problem(&map), Some((key, value.to_owned())));
    }
    assert_eq!(fleet_problem(&query(&[("x", "10"), ("g", "5000")])), None);
    let mut s = LabState::default();
    for (field, text) in [
        (Field::Scale, "0"),
        (Field::Scale, "101"),
        (Field::Scale, "x"),
        (Field::FleetGpus, "650001"),
        (Field::FleetGpus, "-3"),
    ] {
        assert!(!s.set(field, text), "{field:?} accepted {text:?}");
    }
    assert_eq!(s, d);
    assert!(s.set(Field::Scale, "10") && s.set(Field::FleetGpus, "62120"));
    assert_eq!((s.scale, s.fleet), (10, Some(62_120)));
    assert!(s.set(Field::FleetGpus, ""));
    assert_eq!(s.fleet, None);
    s.apply(Action::ResetCluster);
    assert_eq!(s.scale, 1);
}
