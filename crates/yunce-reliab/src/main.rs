//! `yunce-reliab`: the stability engine for batch runs.
//!
//! * `yunce-reliab run --scenario FILE.json` prints the report as JSON;
//! * `yunce-reliab region --out FILE.json` writes a generated region of ~1,000 components;
//! * `yunce-reliab presets --dir DIR` writes every preset and what-if as scenario files;
//! * `yunce-reliab exact --scenario FILE.json` prints the exact method's figures only.

use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use yunce_reliab::{Control, Scenario};

#[derive(Parser)]
#[command(
    name = "yunce-reliab",
    about = "Availability, blast radius and change risk"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the Monte Carlo (and the exact method where it applies) on a scenario file.
    Run {
        /// Scenario JSON (see `presets` for examples).
        #[arg(long)]
        scenario: PathBuf,
        /// Override the scenario's simulated years.
        #[arg(long)]
        years: Option<u32>,
        /// Override the scenario's seed.
        #[arg(long)]
        seed: Option<u64>,
        /// Write the report here instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// No progress on standard error.
        #[arg(long)]
        quiet: bool,
    },
    /// Print the exact method's figures per segment.
    Exact {
        /// Scenario JSON.
        #[arg(long)]
        scenario: PathBuf,
    },
    /// Write a generated region (zones, cells, racks, nodes) as a scenario file.
    Region {
        /// Availability zones.
        #[arg(long, default_value_t = 2)]
        zones: u32,
        /// Cells per zone.
        #[arg(long, default_value_t = 5)]
        cells: u32,
        /// Racks per cell (one more than the cell needs).
        #[arg(long, default_value_t = 9)]
        racks: u32,
        /// Nodes per rack (two more than the rack needs).
        #[arg(long, default_value_t = 10)]
        nodes: u32,
        /// Write the scenario here instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write every preset and what-if as scenario files into a folder.
    Presets {
        /// Folder to write into (created if missing).
        #[arg(long, default_value = "presets")]
        dir: PathBuf,
    },
}

fn read_scenario(path: &Path) -> Result<Scenario, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(out: Option<&Path>, text: &str) -> Result<(), String> {
    match out {
        Some(p) => std::fs::write(p, text).map_err(|e| format!("{}: {e}", p.display())),
        None => {
            println!("{text}");
            Ok(())
        }
    }
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| e.to_string())
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Run {
            scenario,
            years,
            seed,
            out,
            quiet,
        } => {
            let mut s = read_scenario(&scenario)?;
            s.years = years.unwrap_or(s.years);
            s.seed = seed.unwrap_or(s.seed);
            let chunk = (s.years / 20).max(1);
            let report = yunce_reliab::run(&s, chunk, |p| {
                if !quiet {
                    eprint!("\r{:5.1} %", 100.0 * p.fraction());
                }
                Control::Continue
            })
            .map_err(|e| format!("{}: {e}", scenario.display()))?;
            if !quiet {
                eprintln!();
            }
            write(out.as_deref(), &json(&report)?)
        }
        Command::Exact { scenario } => {
            let s = read_scenario(&scenario)?;
            let exact =
                yunce_reliab::exact(&s).map_err(|e| format!("{}: {e}", scenario.display()))?;
            write(None, &json(&exact)?)
        }
        Command::Region {
            zones,
            cells,
            racks,
            nodes,
            out,
        } => {
            let layout = yunce_reliab::topology::Layout {
                zones,
                cells_per_zone: cells,
                racks_per_cell: racks,
                racks_needed: racks.saturating_sub(1).max(1),
                nodes_per_rack: nodes,
                nodes_needed: nodes.saturating_sub(2).max(1),
            };
            let params = yunce_reliab::params::Params::embedded().map_err(|e| e.to_string())?;
            let s = yunce_reliab::topology::region(&params, layout).map_err(|e| e.to_string())?;
            write(out.as_deref(), &json(&s)?)
        }
        Command::Presets { dir } => {
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let presets = yunce_reliab::presets::all().map_err(|e| e.to_string())?;
            for p in presets {
                let base = dir.join(format!("{}.json", p.id));
                std::fs::write(&base, json(&p.incident)?).map_err(|e| e.to_string())?;
                eprintln!("{}", base.display());
                for w in p.what_ifs {
                    let path = dir.join(format!("{}--{}.json", p.id, w.id));
                    std::fs::write(&path, json(&w.scenario)?).map_err(|e| e.to_string())?;
                    eprintln!("{}", path.display());
                }
            }
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
