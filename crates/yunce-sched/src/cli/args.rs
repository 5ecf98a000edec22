//! Options of `yunce-sched run`.

use yunce_sched::{CapabilityTable, LabMode, Policy, defaults};

/// Parsed `run` options.
#[derive(Clone, Debug)]
pub struct Args {
    pub nodes: String,
    pub pods: String,
    pub policies: Vec<Policy>,
    pub seeds: Vec<u64>,
    pub tune: f64,
    pub out: String,
    pub mode: LabMode,
    pub queues: Vec<yunce_sched::QueueKind>,
    pub sample_secs: u64,
    pub compress: f64,
    pub capabilities: CapabilityTable,
    pub threads: usize,
}

fn parse_seeds(s: &str) -> Result<Vec<u64>, String> {
    let num = |x: &str| {
        x.trim()
            .parse::<u64>()
            .map_err(|_| format!("--seeds: {x:?} is not a non-negative integer"))
    };
    if let Some((a, b)) = s.split_once("..") {
        let (a, b) = (num(a)?, num(b.trim_start_matches('='))?);
        if b < a || b - a >= 10_000 {
            return Err(format!(
                "--seeds: range {s:?} must be A..B with A <= B and at most 10000 seeds"
            ));
        }
        Ok((a..=b).collect())
    } else {
        s.split(',').map(num).collect()
    }
}

impl Args {
    /// Parses the arguments after `run`.
    pub fn parse(argv: &[String]) -> Result<Self, String> {
        let mut a = Args {
            nodes: String::new(),
            pods: String::new(),
            policies: defaults::POLICIES.to_vec(),
            seeds: defaults::SEEDS.to_vec(),
            tune: defaults::TUNE,
            out: String::new(),
            mode: defaults::MODE,
            queues: vec![defaults::QUEUE],
            sample_secs: defaults::SAMPLE_SECS,
            compress: defaults::COMPRESS,
            capabilities: CapabilityTable::default(),
            threads: std::thread::available_parallelism().map_or(1, usize::from),
        };
        let mut it = argv.iter();
        while let Some(flag) = it.next() {
            let mut value = || {
                it.next()
                    .cloned()
                    .ok_or_else(|| format!("{flag} needs a value"))
            };
            match flag.as_str() {
                "--nodes" => a.nodes = value()?,
                "--pods" => a.pods = value()?,
                "--out" => a.out = value()?,
                "--policy" => {
                    let v = value()?;
                    a.policies = if v == "all" {
                        Policy::ALL.to_vec()
                    } else {
                        v.split(',')
                            .map(|p| {
                                Policy::from_name(p.trim())
                                    .ok_or_else(|| format!("--policy: unknown policy {p:?}"))
                            })
                            .collect::<Result<_, _>>()?
                    };
                }
                "--seeds" => a.seeds = parse_seeds(&value()?)?,
                "--tune" => {
                    let v = value()?;
                    a.tune = v
                        .parse()
                        .ok()
                        .filter(|t: &f64| t.is_finite() && *t >= 0.0)
                        .ok_or_else(|| format!("--tune: {v:?} is not a non-negative number"))?;
                }
                "--mode" => {
                    let m = value()?;
                    a.mode = LabMode::from_name(&m).ok_or_else(|| {
                        format!("--mode: expected inflation or replay, found {m:?}")
                    })?;
                }
                "--queue" => {
                    a.queues = match value()?.as_str() {
                        "fifo" => vec![yunce_sched::QueueKind::Fifo],
                        "backfill" => vec![yunce_sched::QueueKind::Backfill],
                        "both" => vec![
                            yunce_sched::QueueKind::Fifo,
                            yunce_sched::QueueKind::Backfill,
                        ],
                        q => {
                            return Err(format!(
                                "--queue: expected fifo, backfill or both, found {q:?}"
                            ));
                        }
                    }
                }
                "--sample-secs" => {
                    let v = value()?;
                    a.sample_secs =
                        v.parse().ok().filter(|s| *s > 0).ok_or_else(|| {
                            format!("--sample-secs: {v:?} is not a positive integer")
                        })?;
                }
                "--compress" => {
                    let v = value()?;
                    a.compress = v
                        .parse()
                        .ok()
                        .filter(|k: &f64| k.is_finite() && *k >= 1.0)
                        .ok_or_else(|| format!("--compress: {v:?} is not a number >= 1"))?;
                }
                "--capability" => {
                    a.capabilities = CapabilityTable::with_overrides(&value()?)
                        .map_err(|e| format!("--capability: {e}"))?
                }
                "--threads" => {
                    let v = value()?;
                    a.threads = v
                        .parse()
                        .ok()
                        .filter(|t| *t > 0)
                        .ok_or_else(|| format!("--threads: {v:?} is not a positive integer"))?;
                }
                other => return Err(format!("unknown option {other:?}")),
            }
        }
        for (name, v) in [
            ("--nodes", &a.nodes),
            ("--pods", &a.pods),
            ("--out", &a.out),
        ] {
            if v.is_empty() {
                return Err(format!("{name} is required"));
            }
        }
        Ok(a)
    }
}
