//! Hand-rolled argument parsing and the two subcommands.

mod args;
mod run;
mod run_replay;

pub use args::Args;

const USAGE: &str = "usage:
  yunce-sched run --nodes FILE --pods FILE --out FILE.csv [--policy NAME,...|all] [--seeds 42..51] [--tune 1.3]
                  [--mode inflation|replay] [--queue fifo|backfill|both] [--sample-secs 3600] [--compress 2000]
                  [--capability MODEL=FACTOR,...] [--threads N]
  yunce-sched summary FILE.csv
policies: random, dotprod, clustering, packing, bestfit, fgd (or all); seeds A..B is inclusive";

/// Entry point; returns a message for stderr on failure.
pub fn main(argv: &[String]) -> Result<(), String> {
    match argv.first().map(String::as_str) {
        Some("run") => run::run(&Args::parse(&argv[1..])?),
        Some("summary") => run::summary(&argv[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown subcommand {other:?}\n{USAGE}")),
        None => Err(USAGE.to_owned()),
    }
}
