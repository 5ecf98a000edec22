//! The other record types load with their raw strings and provenance intact.

// Test helpers outside #[test] fns may unwrap too (clippy.toml covers only test fns).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use yunce_data::{Confidence, Dataset, EventCategory, Origin, Period};

fn data() -> Dataset {
    Dataset::embedded().unwrap()
}

#[test]
fn events_have_periods_and_categories() {
    let d = data();
    let ev = d.events.iter().find(|e| e.meta.id == "EV-034").unwrap();
    assert_eq!(ev.date, Period::parse("2023-2024").unwrap());
    let first = &d.events[0];
    assert_eq!(
        (first.date, first.meta.origin),
        (Period::Year(2009), Origin::SeedExternal)
    );
    assert!(
        d.events
            .iter()
            .any(|e| e.category == EventCategory::Stability)
    );
    assert_eq!(d.meta("EV-003").unwrap().confidence, Confidence::Unverified);
}

#[test]
fn ranges_and_estimates_keep_raw_strings() {
    let d = data();
    let h20 = d
        .market_context
        .iter()
        .find(|r| r.meta.id == "MC-017")
        .unwrap();
    assert_eq!((h20.value_raw.as_str(), h20.value), ("12-15", None));
    let qualitative = d
        .market_context
        .iter()
        .find(|r| r.meta.id == "MC-016")
        .unwrap();
    assert_eq!(qualitative.value, None, "empty is not found, not zero");
    let a100 = d
        .accelerators
        .iter()
        .find(|a| a.model == "A100 80GB")
        .unwrap();
    assert_eq!(a100.dense_fp16_bf16_tflops, Some(312.0));
    assert_eq!(a100.meta.origin, Origin::External);
    assert_eq!(a100.meta.source_ids, ["S086", "S085", "S088"]);
}

#[test]
fn compute_targets_outages_and_controls() {
    let d = data();
    let pt = d
        .plan_targets
        .iter()
        .find(|t| t.meta.id == "PT-001")
        .unwrap();
    assert_eq!(
        (pt.value, pt.unit.as_str(), pt.target_year),
        (Some(300.0), "EFLOPS", Some(2025))
    );
    let fp16 = d
        .compute_capacity
        .iter()
        .find(|c| c.meta.id == "CC-018")
        .unwrap();
    assert_eq!(fp16.precision_basis, "FP16 (stated)");
    assert_eq!(d.outages[0].duration_minutes, Some(834.0));
    assert_eq!(d.export_controls[2].date, Period::Month(2024, 12));
    assert_eq!(d.inconsistencies_for("OUT-002")[0].id, "IC-013");
}

#[test]
fn battles_article_and_seed_index() {
    let d = data();
    assert_eq!(d.battles.len(), 5);
    assert_eq!(d.battles[0].key_figures.len(), 2);
    assert!(d.battles[0].title_zh.starts_with("1、"));
    assert_eq!(d.article.iter().filter(|a| a.kind == "section").count(), 4);
    assert_eq!(d.article[0].published, "2024-01-23");
    let sf = d.seed_facts.iter().find(|s| s.id == "SF-005").unwrap();
    assert_eq!(sf.row_id, "MS-088");
    assert!(d.meta(&sf.row_id).is_some());
    // Derived rows are flagged for visible marking.
    assert!(d.meta("FIN-015").unwrap().needs_caveat());
    assert!(!d.meta("MS-061").unwrap().needs_caveat());
}
