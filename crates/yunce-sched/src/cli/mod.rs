//! The command line (clap) and the two subcommands.

mod args;
mod parallel;
mod run;
mod run_replay;

pub use args::{Args, Cli, Command};

/// Runs a parsed command line; returns a message for stderr on failure.
pub fn main(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Run(cmd) => run::run(&Args::from(cmd)),
        Command::Summary(cmd) => run::summary(cmd.path()),
    }
}
