//! Criterion benchmarks of the Monte Carlo.
//!
//! Run with `cargo bench -p yunce-reliab --bench engine`.
//! * `component_years/1M`: the ~1,000-component region for 1,000 years (about 1 million
//!   component-years);
//! * `region_1000/10k_years`: the same region for 10,000 years;
//! * `presets/*`: each incident preset for 10,000 years.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use yunce_reliab::params::Params;
use yunce_reliab::topology::{Layout, region};
use yunce_reliab::{Scenario, simulate};

fn years(s: &Scenario, years: u32) -> Scenario {
    let mut s = s.clone();
    s.years = years;
    s
}

fn bench(c: &mut Criterion) {
    let Ok(params) = Params::embedded() else {
        eprintln!("parameters do not parse");
        return;
    };
    let Ok(region) = region(&params, Layout::THOUSAND) else {
        eprintln!("region does not build");
        return;
    };
    eprintln!("region components: {}", region.components.len());
    let mut g = c.benchmark_group("component_years");
    g.sample_size(10);
    let one_million = years(&region, 1_000);
    g.bench_function("1M", |b| b.iter(|| simulate(black_box(&one_million))));
    g.finish();
    let mut g = c.benchmark_group("region_1000");
    g.sample_size(10);
    let long = years(&region, 10_000);
    g.bench_function("10k_years", |b| b.iter(|| simulate(black_box(&long))));
    g.finish();
    let Ok(presets) = yunce_reliab::presets::all() else {
        return;
    };
    let mut g = c.benchmark_group("presets");
    g.sample_size(10);
    for p in presets {
        let s = years(&p.incident, 10_000);
        g.bench_function(p.id, |b| b.iter(|| simulate(black_box(&s))));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
