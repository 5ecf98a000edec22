//! `yunce-sched`: run the inflation or replay experiment on openb CSV files.
//!
//! The command line needs the `cli` feature (clap). On `wasm32-unknown-unknown`, the browser
//! worker's target, clap is never built (see Cargo.toml) and this binary is an empty stub;
//! the `wasm32-wasip1` build is the full CLI.

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
mod cli;

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn main() {
    use clap::Parser as _;
    // Usage errors exit with 2 and help with 0, as clap does.
    let parsed = cli::Cli::try_parse().unwrap_or_else(|e| e.exit());
    if let Err(e) = cli::main(parsed) {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
}

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn main() {}
