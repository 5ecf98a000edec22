//! Times the seed preset's LP relaxation and MIP: `cargo run --release --example seed_lp`.

use yunce_plan::{Preset, linear_program};

fn main() {
    let lp = linear_program(&Preset::SeedIncrement.scenario()).unwrap();
    println!("{} columns, {} rows", lp.columns.len(), lp.rows.len());
    let t = std::time::Instant::now();
    let x = lp.solve(false, 0.0);
    println!(
        "LP: {:?} in {:?}",
        x.as_ref().map(|x| lp.objective_value(x)),
        t.elapsed()
    );
    if let Ok(x) = &x {
        for (c, v) in lp.columns.iter().zip(x).filter(|(_, v)| **v > 1e-9) {
            println!("  chip {} site {} x {v}", c.chip, c.site);
        }
    }
    for gap in [1e-2f32, 1e-3] {
        let t = std::time::Instant::now();
        let x = lp.solve(true, gap);
        println!(
            "MIP gap {gap}: {:?} in {:?}",
            x.as_ref().map(|x| lp.objective_value(x)),
            t.elapsed()
        );
    }
}
