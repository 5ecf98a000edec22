//! `yunce-sched`: run the inflation or replay experiment on openb CSV files.

mod cli;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(e) = cli::main(&args) {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
}
