//! Times one solve of each preset at a few MIP gaps: `cargo run --release --example timing`.

use yunce_plan::{Preset, SolveOptions, solve_with};

fn main() {
    let gaps: Vec<f64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    for preset in Preset::ALL {
        let s = preset.scenario();
        for &gap in &gaps {
            let start = std::time::Instant::now();
            let plan = solve_with(
                &s,
                SolveOptions {
                    shadow_prices: false,
                    mip_gap: gap,
                },
            );
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            match plan {
                Ok(p) => println!(
                    "{:16} gap {gap:e}: {ms:8.1} ms  objective {:.6e}  bound {:.6e}  servers {}",
                    preset.slug(),
                    p.objective,
                    p.relaxation_objective,
                    p.totals.servers
                ),
                Err(e) => println!("{:16} gap {gap:e}: {ms:8.1} ms  {e}", preset.slug()),
            }
        }
    }
}
