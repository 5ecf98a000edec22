//! `yunce-plan`: batch runs of the compute procurement planner.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Yunce compute procurement planner.
#[derive(Parser)]
#[command(name = "yunce-plan", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Solve a scenario (the JSON a view exports) and print the plan.
    Solve {
        /// Scenario JSON file; fields left out take the fact-base defaults.
        #[arg(long)]
        scenario: PathBuf,
        /// Write the mix as CSV here.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print the whole plan as JSON instead of a summary.
        #[arg(long)]
        json: bool,
    },
    /// Print a preset scenario as JSON (a starting point for a file).
    Preset {
        /// before-oct-2023, after-oct-2023, after-apr-2025 or seed-increment.
        name: String,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("yunce-plan: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Preset { name } => {
            let preset = yunce_plan::Preset::from_slug(&name)
                .ok_or_else(|| format!("unknown preset {name:?}"))?;
            let json =
                serde_json::to_string_pretty(&preset.scenario()).map_err(|e| e.to_string())?;
            println!("{json}");
            Ok(())
        }
        Command::Solve {
            scenario,
            out,
            json,
        } => {
            let text = std::fs::read_to_string(&scenario)
                .map_err(|e| format!("{}: {e}", scenario.display()))?;
            let s: yunce_plan::Scenario =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", scenario.display()))?;
            let plan = yunce_plan::solve(&s).map_err(|e| e.to_string())?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&plan).map_err(|e| e.to_string())?
                );
            } else {
                print_summary(&plan);
            }
            if let Some(path) = out {
                std::fs::write(&path, yunce_plan::csv_out::mix_csv(&plan))
                    .map_err(|e| format!("{}: {e}", path.display()))?;
            }
            Ok(())
        }
    }
}

fn print_summary(plan: &yunce_plan::Plan) {
    let t = &plan.totals;
    println!(
        "{}: {:.3} EFLOPS, {} servers, {} cards, {} racks",
        plan.scenario, t.eflops, t.servers, t.cards, t.racks
    );
    println!("IT {:.2} MW, facility {:.2} MW", t.it_mw, t.facility_mw);
    println!(
        "capex RMB {:.3} bn, opex RMB {:.3} bn/yr, TCO RMB {:.3} bn",
        t.capex_rmb / 1e9,
        t.opex_rmb_per_year / 1e9,
        t.tco_rmb / 1e9
    );
    for l in &plan.lines {
        println!("  {:>7} x {} at {}", l.servers, l.chip, l.site);
    }
    for c in plan.constraints.iter().filter(|c| c.binding) {
        match c.shadow_price {
            Some(p) => println!(
                "binding: {} (shadow price {p:.4} {})",
                c.constraint, c.shadow_unit
            ),
            None => println!("binding: {}", c.constraint),
        }
    }
}
