//! Speed of one solve (13 chip types x 5 sites, whole servers) and of a 50-point Pareto
//! sweep. Run with `cargo bench -p yunce-plan --bench solve`.

use std::hint::black_box;
use std::ops::ControlFlow;

use criterion::{Criterion, criterion_group, criterion_main};
use yunce_plan::{Mode, Param, Preset, Scenario, SolveOptions, pareto_frontier, solve, solve_with};

/// The fact-base catalogue with every chip allowed except the cloud-only TPU (13 types),
/// the two chips without a compute figure given assumed ones, the five default sites, and
/// the seed's 56 EFLOPS target.
fn thirteen_by_five() -> Scenario {
    let mut s = Preset::SeedIncrement.scenario();
    s.chips.retain(|c| !c.never_sold_in_china);
    for c in &mut s.chips {
        c.allowed_override = Some(true);
        if c.fp16_tflops.is_none() {
            c.fp16_tflops = Some(Param::assumed(150.0, "benchmark only"));
        }
    }
    s
}

fn benches(c: &mut Criterion) {
    let s = thirteen_by_five();
    assert_eq!(s.chips.len() * s.sites.len(), 65);
    let plain = SolveOptions::PLAN_ONLY;
    c.bench_function("solve 13x5 integer", |b| {
        b.iter(|| solve_with(black_box(&s), plain).map(|p| p.objective))
    });
    c.bench_function("solve 13x5 with shadow prices", |b| {
        b.iter(|| solve(black_box(&s)).map(|p| p.objective))
    });
    let mut budget = s.clone();
    budget.mode = Mode::MaxEflops {
        capex_budget_rmb: Some(50e9),
        mw_budget: None,
    };
    c.bench_function("max EFLOPS 13x5 under RMB 50bn", |b| {
        b.iter(|| solve_with(black_box(&budget), plain).map(|p| p.objective))
    });
    let mut group = c.benchmark_group("sweep");
    group.sample_size(10);
    group.bench_function("pareto 50 points", |b| {
        b.iter(|| {
            pareto_frontier(black_box(&s), 50, |_, _, _| ControlFlow::Continue(())).map(|p| p.len())
        })
    });
    group.bench_function("tornado", |b| {
        b.iter(|| yunce_plan::tornado(black_box(&s), 0.3).map(|t| t.bars.len()))
    });
    group.finish();
}

criterion_group!(solve_benches, benches);
criterion_main!(solve_benches);
