//! The command line, declared with clap's derive API. Defaults come from
//! [`yunce_sched::defaults`], shared with the engine and the browser lab.

use clap::{Parser, Subcommand, ValueEnum};
use std::fmt;
use yunce_sched::{CapabilityTable, LabMode, Policy, QueueKind, defaults};

/// The most seeds one `A..B` range may hold.
const MAX_SEED_RANGE: u64 = 10_000;

/// GPU-sharing scheduling experiments (FGD and five baselines) on the Alibaba openb trace.
#[derive(Debug, Parser)]
#[command(
    name = "yunce-sched",
    arg_required_else_help = true,
    after_help = "policies: random, dotprod, clustering, packing, bestfit, fgd (or all); \
                  seeds A..B is inclusive"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Runs the inflation or replay experiment and writes a CSV; the summary goes to stdout.
    Run(RunCmd),
    /// Prints the summary table of a CSV written by `run`.
    Summary(SummaryCmd),
}

/// Options of `run`. Numeric options take negative numbers as values, so that `--tune -1`
/// is reported as a bad tune rather than an unknown flag.
#[derive(Debug, clap::Args)]
pub struct RunCmd {
    /// Node list (openb_node_list_*.csv).
    #[arg(long, value_name = "FILE")]
    nodes: String,
    /// Pod list (openb_pod_list_*.csv).
    #[arg(long, value_name = "FILE")]
    pods: String,
    /// Output CSV.
    #[arg(long, value_name = "FILE.csv")]
    out: String,
    /// Policies, comma-separated, or all.
    #[arg(long = "policy", value_name = "NAME,...|all", value_parser = parse_policies,
          default_value_t = Policies(defaults::POLICIES.to_vec()))]
    policies: Policies,
    /// Seeds: A..B (inclusive) or a comma list.
    #[arg(long, allow_negative_numbers = true, value_name = "A..B|A,B,...", value_parser = parse_seeds,
          default_value_t = Seeds(defaults::SEEDS.to_vec()))]
    seeds: Seeds,
    /// Inflation target, times the GPU capacity.
    #[arg(long, allow_negative_numbers = true, value_parser = parse_tune, default_value_t = defaults::TUNE)]
    tune: f64,
    /// Experiment kind.
    #[arg(long, value_enum, default_value_t = ModeArg::from(defaults::MODE))]
    mode: ModeArg,
    /// Replay queue(s).
    #[arg(long, value_enum, default_value_t = QueueArg::from(defaults::QUEUE))]
    queue: QueueArg,
    /// Replay: spacing of the time series, seconds.
    #[arg(long, allow_negative_numbers = true, value_name = "SECS", value_parser = parse_sample_secs,
          default_value_t = defaults::SAMPLE_SECS)]
    sample_secs: u64,
    /// Replay: divide arrival times by K (lifetimes kept) to raise the load.
    #[arg(long, allow_negative_numbers = true, value_name = "K", value_parser = parse_compress,
          default_value_t = defaults::COMPRESS)]
    compress: f64,
    /// Capability factors on top of the defaults.
    #[arg(long, value_name = "MODEL=FACTOR,...", value_parser = CapabilityTable::with_overrides)]
    capability: Option<CapabilityTable>,
    /// Worker threads [default: the available cores].
    #[arg(long, allow_negative_numbers = true, value_name = "N", value_parser = parse_threads)]
    threads: Option<usize>,
    /// Fleet size: replicate the node list and the pod list K times (distinct names, same seeds).
    #[arg(long, allow_negative_numbers = true, value_name = "K", value_parser = parse_scale, default_value_t = 1)]
    scale: u32,
}

/// Options of `summary`.
#[derive(Debug, clap::Args)]
pub struct SummaryCmd {
    /// A CSV written by `run`.
    #[arg(value_name = "FILE.csv", required_unless_present = "input")]
    file: Option<String>,
    /// The same, as an option.
    #[arg(long = "in", value_name = "FILE.csv", conflicts_with = "file")]
    input: Option<String>,
}

impl SummaryCmd {
    /// The CSV to read.
    pub fn path(&self) -> &str {
        self.file.as_deref().or(self.input.as_deref()).unwrap_or("")
    }
}

/// Parsed `run` options.
#[derive(Clone, Debug)]
pub struct Args {
    /// Node list path.
    pub nodes: String,
    /// Pod list path.
    pub pods: String,
    /// Policies in report order.
    pub policies: Vec<Policy>,
    /// Seeds.
    pub seeds: Vec<u64>,
    /// Inflation target.
    pub tune: f64,
    /// Output CSV path.
    pub out: String,
    /// Experiment kind.
    pub mode: LabMode,
    /// Replay queues, one run each.
    pub queues: Vec<QueueKind>,
    /// Replay sample spacing, seconds.
    pub sample_secs: u64,
    /// Replay time compression.
    pub compress: f64,
    /// Capability table.
    pub capabilities: CapabilityTable,
    /// Worker threads.
    pub threads: usize,
    /// Replication factor of the node and pod lists.
    pub scale: u32,
}

impl From<RunCmd> for Args {
    fn from(c: RunCmd) -> Self {
        Args {
            nodes: c.nodes,
            pods: c.pods,
            policies: c.policies.0,
            seeds: c.seeds.0,
            tune: c.tune,
            out: c.out,
            mode: match c.mode {
                ModeArg::Inflation => LabMode::Inflation,
                ModeArg::Replay => LabMode::Replay,
            },
            queues: match c.queue {
                QueueArg::Fifo => vec![QueueKind::Fifo],
                QueueArg::Backfill => vec![QueueKind::Backfill],
                QueueArg::Both => vec![QueueKind::Fifo, QueueKind::Backfill],
            },
            sample_secs: c.sample_secs,
            compress: c.compress,
            capabilities: c.capability.unwrap_or_default(),
            threads: c
                .threads
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from)),
            scale: c.scale,
        }
    }
}

/// `--mode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ModeArg {
    /// The paper's experiment: pods arrive and never leave, up to `--tune` × capacity.
    Inflation,
    /// Pods arrive at their creation time and leave after their lifetime; a queue.
    Replay,
}

impl From<LabMode> for ModeArg {
    fn from(m: LabMode) -> Self {
        match m {
            LabMode::Inflation => ModeArg::Inflation,
            LabMode::Replay => ModeArg::Replay,
        }
    }
}

/// `--queue`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum QueueArg {
    /// Strict first-in first-out.
    Fifo,
    /// FIFO, but later pods that fit may start.
    Backfill,
    /// One run with each.
    Both,
}

impl From<QueueKind> for QueueArg {
    fn from(q: QueueKind) -> Self {
        match q {
            QueueKind::Fifo => QueueArg::Fifo,
            QueueKind::Backfill => QueueArg::Backfill,
        }
    }
}

/// `--policy`: policies in the order given.
#[derive(Clone, Debug, PartialEq)]
struct Policies(Vec<Policy>);

impl fmt::Display for Policies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == Policy::ALL {
            return f.write_str("all");
        }
        let names: Vec<&str> = self.0.iter().map(|p| p.name()).collect();
        f.write_str(&names.join(","))
    }
}

fn parse_policies(s: &str) -> Result<Policies, String> {
    if s == "all" {
        return Ok(Policies(Policy::ALL.to_vec()));
    }
    s.split(',')
        .map(|p| Policy::from_name(p.trim()).ok_or_else(|| format!("unknown policy {p:?}")))
        .collect::<Result<_, _>>()
        .map(Policies)
}

/// `--seeds`.
#[derive(Clone, Debug, PartialEq)]
struct Seeds(Vec<u64>);

impl fmt::Display for Seeds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seeds: Vec<String> = self.0.iter().map(u64::to_string).collect();
        f.write_str(&seeds.join(","))
    }
}

fn parse_seeds(s: &str) -> Result<Seeds, String> {
    let num = |x: &str| {
        x.trim()
            .parse::<u64>()
            .map_err(|_| format!("{x:?} is not a non-negative integer"))
    };
    if let Some((a, b)) = s.split_once("..") {
        let (a, b) = (num(a)?, num(b.trim_start_matches('='))?);
        if b < a || b - a >= MAX_SEED_RANGE {
            return Err(format!(
                "range {s:?} must be A..B with A <= B and at most {MAX_SEED_RANGE} seeds"
            ));
        }
        Ok(Seeds((a..=b).collect()))
    } else {
        s.split(',').map(num).collect::<Result<_, _>>().map(Seeds)
    }
}

fn parse_tune(s: &str) -> Result<f64, String> {
    s.parse()
        .ok()
        .filter(|t: &f64| t.is_finite() && *t >= 0.0)
        .ok_or_else(|| format!("{s:?} is not a non-negative number"))
}

fn parse_compress(s: &str) -> Result<f64, String> {
    s.parse()
        .ok()
        .filter(|k: &f64| k.is_finite() && *k >= 1.0)
        .ok_or_else(|| format!("{s:?} is not a number >= 1"))
}

fn parse_sample_secs(s: &str) -> Result<u64, String> {
    s.parse()
        .ok()
        .filter(|v| *v > 0)
        .ok_or_else(|| format!("{s:?} is not a positive integer"))
}

fn parse_scale(s: &str) -> Result<u32, String> {
    s.parse()
        .ok()
        .filter(|v| (1..=yunce_sched::MAX_SCALE).contains(v))
        .ok_or_else(|| {
            format!(
                "{s:?} is not a whole number from 1 to {}",
                yunce_sched::MAX_SCALE
            )
        })
}

fn parse_threads(s: &str) -> Result<usize, String> {
    s.parse()
        .ok()
        .filter(|v| *v > 0)
        .ok_or_else(|| format!("{s:?} is not a positive integer"))
}

#[cfg(test)]
mod tests;
