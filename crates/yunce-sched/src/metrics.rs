//! Per-pod records, the discrete curve by arrived percent, the CSV and the summary table.

use crate::model::PodClass;
use crate::parse::ParseError;
use crate::policy::Policy;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The curve runs from 0% to this arrived percent.
pub const MAX_ARRIVED_PCT: u32 = 130;

/// Header of the curve CSV.
pub const CURVE_CSV_HEADER: &str =
    "policy,workload,seed,arrived_pct,gpu_alloc_pct,frag_amount_pct,frag_rate_pct";

/// Cluster state recorded after each pod arrives.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EventRecord {
    /// GPU demand of all pods arrived so far, placed or not, in milli-GPU.
    pub arrived_milli: u64,
    /// Allocated milli-GPU.
    pub used_milli: u64,
    /// Fragmented milli-GPU.
    pub frag_milli: f64,
    /// Allocated milli-GPU weighted by model capability.
    pub used_weighted: f64,
}

/// One point of the discrete curve. Values are `None` when no pod arrived near that percent.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurvePoint {
    /// Arrived workload, percent of GPU capacity.
    pub arrived_pct: u32,
    /// Allocated GPU, percent of capacity.
    pub gpu_alloc_pct: Option<f64>,
    /// Fragmented GPU, percent of capacity.
    pub frag_amount_pct: Option<f64>,
    /// Fragmented GPU, percent of idle GPU.
    pub frag_rate_pct: Option<f64>,
    /// Capability-weighted allocation, percent of weighted capacity.
    pub weighted_alloc_pct: Option<f64>,
}

/// Python's `round(x, 2)` closely enough: half to even at two decimals.
pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round_ties_even() / 100.0
}

#[derive(Clone, Copy, Default)]
struct Bucket {
    n: u64,
    alloc: f64,
    frag: f64,
    rate: f64,
    rate_n: u64,
    weighted: f64,
}

impl Bucket {
    fn add(&mut self, o: &Bucket) {
        self.n += o.n;
        self.alloc += o.alloc;
        self.frag += o.frag;
        self.rate += o.rate;
        self.rate_n += o.rate_n;
        self.weighted += o.weighted;
    }
}

/// The reference's discretisation: each record's arrived share is rounded to a whole percent
/// (half to even), its allocation to two decimals; a percent with no record borrows its
/// neighbours within ±1.
pub fn discretize(
    events: &[EventRecord],
    total_gpus: u64,
    weighted_capacity: f64,
) -> Vec<CurvePoint> {
    let gpus = total_gpus.max(1) as f64;
    let mut buckets = vec![Bucket::default(); MAX_ARRIVED_PCT as usize + 2];
    for e in events {
        let r = (e.arrived_milli as f64 / gpus / 10.0).round_ties_even();
        if r < 0.0 || r > f64::from(MAX_ARRIVED_PCT + 1) {
            continue;
        }
        let b = &mut buckets[r as usize];
        b.n += 1;
        b.alloc += round2(e.used_milli as f64 / gpus / 10.0);
        b.frag += e.frag_milli;
        let idle = total_gpus as f64 * 1000.0 - e.used_milli as f64;
        if idle > 0.0 {
            b.rate += 100.0 * e.frag_milli / idle;
            b.rate_n += 1;
        }
        if weighted_capacity > 0.0 {
            b.weighted += 100.0 * e.used_weighted / weighted_capacity;
        }
    }
    (0..=MAX_ARRIVED_PCT)
        .map(|r| {
            let i = r as usize;
            let mut b = buckets[i];
            if b.n == 0 {
                let lo = i.saturating_sub(1);
                for (j, other) in buckets.iter().enumerate().take(i + 2).skip(lo) {
                    if j != i {
                        b.add(other);
                    }
                }
            }
            let n = b.n as f64;
            let some = |v: f64| if b.n > 0 { Some(v) } else { None };
            CurvePoint {
                arrived_pct: r,
                gpu_alloc_pct: some(round2(b.alloc / n)),
                frag_amount_pct: some(round2(100.0 * (b.frag / n) / 1000.0 / gpus)),
                frag_rate_pct: if b.rate_n > 0 {
                    Some(b.rate / b.rate_n as f64)
                } else {
                    None
                },
                weighted_alloc_pct: if weighted_capacity > 0.0 {
                    some(round2(b.weighted / n))
                } else {
                    None
                },
            }
        })
        .collect()
}

/// Allocation of one GPU model at the end of a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelAlloc {
    /// Model name.
    pub model: String,
    /// GPUs of this model.
    pub gpus: u64,
    /// Allocated milli-GPU on this model.
    pub used_milli: u64,
    /// Capability factor used for the weighted metric.
    pub capability: f64,
}

impl ModelAlloc {
    /// Allocated share of this model's GPUs, percent.
    pub fn alloc_pct(&self) -> f64 {
        if self.gpus == 0 {
            0.0
        } else {
            100.0 * self.used_milli as f64 / (self.gpus as f64 * 1000.0)
        }
    }
}

/// Outcome of one inflation run (one policy, one seed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunResult {
    /// Policy used.
    pub policy: Policy,
    /// Seed used.
    pub seed: u64,
    /// Workload name (pod file stem without `openb_pod_list_`).
    pub workload: String,
    /// One point per arrived percent, 0 to 130.
    pub curve: Vec<CurvePoint>,
    /// Pods that arrived.
    pub pods_arrived: u64,
    /// Pods that fit nowhere and were dropped.
    pub pods_failed: u64,
    /// Arrived pods by class, indexed like [`PodClass::ALL`].
    pub arrived_by_class: [u64; 7],
    /// Failed pods by class, indexed like [`PodClass::ALL`].
    pub failed_by_class: [u64; 7],
    /// Allocation per GPU model at the end.
    pub model_alloc: Vec<ModelAlloc>,
    /// Allocation at the end, percent of capacity.
    pub final_alloc_pct: f64,
}

impl RunResult {
    /// The curve point at an arrived percent.
    pub fn at(&self, arrived_pct: u32) -> Option<&CurvePoint> {
        self.curve.get(arrived_pct as usize)
    }

    /// Failed pods of one class.
    pub fn failed(&self, class: PodClass) -> u64 {
        self.failed_by_class[class.index()]
    }
}

fn opt(out: &mut String, v: Option<f64>) {
    if let Some(v) = v {
        let _ = write!(out, "{v:.2}");
    }
}

/// Appends a run's curve rows (no header) to `out`. The workload name comes from a file name,
/// so it goes through the shared CSV writer: quoted when needed and never a formula.
pub fn write_curve_csv(out: &mut String, r: &RunResult) {
    for p in &r.curve {
        yunce_csv::write_field(out, r.policy.name());
        out.push(',');
        yunce_csv::write_field(out, &r.workload);
        let _ = write!(out, ",{},{},", r.seed, p.arrived_pct);
        opt(out, p.gpu_alloc_pct);
        out.push(',');
        opt(out, p.frag_amount_pct);
        out.push(',');
        opt(out, p.frag_rate_pct);
        out.push('\n');
    }
}

/// Per-policy figures at 100% arrived, over seeds.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicySummary {
    /// Policy name.
    pub policy: String,
    /// Number of seeds with a value at 100%.
    pub seeds: usize,
    /// Mean GPU allocation at 100% arrived, percent.
    pub alloc_mean: f64,
    /// Lowest over seeds.
    pub alloc_min: f64,
    /// Highest over seeds.
    pub alloc_max: f64,
    /// Capacity left unallocated at 100% arrived (100 − mean allocation), percent.
    pub unallocated_pct: f64,
    /// Mean fragmentation amount at 100% arrived, percent of capacity.
    pub frag_amount_mean: f64,
    /// Mean capability-weighted allocation at 100% arrived, when known.
    pub weighted_alloc_mean: Option<f64>,
    /// Mean failed pods per run, when known.
    pub failed_pods_mean: Option<f64>,
}

#[derive(Default)]
struct Acc {
    alloc: Vec<f64>,
    frag: Vec<f64>,
    weighted: Vec<f64>,
    failed: Vec<f64>,
}

fn policy_rank(name: &str) -> (usize, String) {
    let rank = Policy::from_name(name).map_or(usize::MAX, |p| p as usize);
    (rank, name.to_owned())
}

fn finish(groups: BTreeMap<(usize, String), Acc>) -> Vec<PolicySummary> {
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    groups
        .into_iter()
        .filter(|(_, a)| !a.alloc.is_empty())
        .map(|((_, policy), a)| {
            let alloc_mean = mean(&a.alloc);
            PolicySummary {
                policy,
                seeds: a.alloc.len(),
                alloc_mean,
                alloc_min: a.alloc.iter().copied().fold(f64::INFINITY, f64::min),
                alloc_max: a.alloc.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                unallocated_pct: 100.0 - alloc_mean,
                frag_amount_mean: mean(&a.frag),
                weighted_alloc_mean: (!a.weighted.is_empty()).then(|| mean(&a.weighted)),
                failed_pods_mean: (!a.failed.is_empty()).then(|| mean(&a.failed)),
            }
        })
        .collect()
}

/// Summarises runs at 100% arrived.
pub fn summarize(results: &[RunResult]) -> Vec<PolicySummary> {
    let mut groups: BTreeMap<(usize, String), Acc> = BTreeMap::new();
    for r in results {
        let acc = groups.entry(policy_rank(r.policy.name())).or_default();
        if let Some(p) = r.at(100)
            && let Some(a) = p.gpu_alloc_pct
        {
            acc.alloc.push(a);
            acc.frag.extend(p.frag_amount_pct);
            acc.weighted.extend(p.weighted_alloc_pct);
            acc.failed.push(r.pods_failed as f64);
        }
    }
    finish(groups)
}

/// Summarises a curve CSV written by [`write_curve_csv`], read with the shared RFC 4180
/// reader so a quoted workload name (with commas or line breaks) is one cell.
pub fn summarize_csv(text: &str) -> Result<Vec<PolicySummary>, ParseError> {
    let cols: Vec<&str> = CURVE_CSV_HEADER.split(',').collect();
    let bad = |line: usize, column: Option<&str>, message: String| ParseError {
        line,
        column: column.map(str::to_owned),
        message,
    };
    let records = yunce_csv::parse_records(text).map_err(|e| {
        let column = cols.get(e.column - 1).copied();
        bad(e.line, column, e.kind.to_string())
    })?;
    // Blank lines carry nothing; the old line-based reader skipped them too.
    let mut records = records
        .into_iter()
        .filter(|r| !(r.fields.len() == 1 && r.fields[0].trim().is_empty()));
    match records.next() {
        Some(h) if h.fields == cols => {}
        Some(h) => {
            return Err(bad(
                h.line,
                None,
                format!(
                    "wrong header {:?}: expected {CURVE_CSV_HEADER:?}",
                    h.fields.join(",")
                ),
            ));
        }
        None => return Err(bad(1, None, "file is empty".to_owned())),
    }
    let mut groups: BTreeMap<(usize, String), Acc> = BTreeMap::new();
    for r in records {
        let (line, f) = (r.line, r.fields);
        if f.len() != cols.len() {
            let column = cols.get(f.len()).or(cols.last()).copied();
            return Err(bad(
                line,
                column,
                format!("expected {} fields, found {}", cols.len(), f.len()),
            ));
        }
        if f[3] != "100" {
            continue;
        }
        let num = |k: usize| -> Result<Option<f64>, ParseError> {
            if f[k].is_empty() {
                return Ok(None);
            }
            f[k].parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .map(Some)
                .ok_or_else(|| bad(line, Some(cols[k]), format!("not a number: {:?}", f[k])))
        };
        let acc = groups.entry(policy_rank(&f[0])).or_default();
        if let Some(a) = num(4)? {
            acc.alloc.push(a);
            acc.frag.extend(num(5)?);
        }
    }
    Ok(finish(groups))
}

/// Renders summaries as an aligned text table.
pub fn render_summary(rows: &[PolicySummary]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<11} {:>5} {:>10} {:>9} {:>9} {:>12} {:>12} {:>13} {:>11}",
        "policy",
        "seeds",
        "alloc@100%",
        "min",
        "max",
        "unallocated%",
        "frag_amount%",
        "weighted_alloc",
        "failed_pods"
    );
    for r in rows {
        let w = r
            .weighted_alloc_mean
            .map_or("-".to_owned(), |v| format!("{v:.2}"));
        let f = r
            .failed_pods_mean
            .map_or("-".to_owned(), |v| format!("{v:.1}"));
        let _ = writeln!(
            s,
            "{:<11} {:>5} {:>10.2} {:>9.2} {:>9.2} {:>12.2} {:>12.2} {:>13} {:>11}",
            r.policy,
            r.seeds,
            r.alloc_mean,
            r.alloc_min,
            r.alloc_max,
            r.unallocated_pct,
            r.frag_amount_mean,
            w,
            f
        );
    }
    s
}

/// Renders failed pods by request class and end-of-run allocation per GPU model, each the mean
/// over the runs of a policy.
pub fn render_details(results: &[RunResult]) -> String {
    let mut by_policy: BTreeMap<Policy, Vec<&RunResult>> = BTreeMap::new();
    for r in results {
        by_policy.entry(r.policy).or_default().push(r);
    }
    let mut s = String::from("failed pods by class (mean per run)\n");
    let _ = write!(s, "{:<11}", "policy");
    for c in PodClass::ALL {
        let _ = write!(s, " {:>10}", c.label());
    }
    s.push('\n');
    for (policy, runs) in &by_policy {
        let _ = write!(s, "{:<11}", policy.name());
        for c in PodClass::ALL {
            let mean = runs.iter().map(|r| r.failed(c) as f64).sum::<f64>() / runs.len() as f64;
            let _ = write!(s, " {mean:>10.1}");
        }
        s.push('\n');
    }
    let models: Vec<String> = results
        .first()
        .map(|r| r.model_alloc.iter().map(|m| m.model.clone()).collect())
        .unwrap_or_default();
    s.push_str(
        "\nGPU allocation % by model at the end (mean per run; capability factor in brackets)\n",
    );
    let _ = write!(s, "{:<11}", "policy");
    for (i, m) in models.iter().enumerate() {
        let cap = results
            .first()
            .and_then(|r| r.model_alloc.get(i))
            .map_or(1.0, |a| a.capability);
        let _ = write!(s, " {:>13}", format!("{m}[{cap}]"));
    }
    s.push('\n');
    for (policy, runs) in &by_policy {
        let _ = write!(s, "{:<11}", policy.name());
        for i in 0..models.len() {
            let mean = runs
                .iter()
                .map(|r| r.model_alloc.get(i).map_or(0.0, ModelAlloc::alloc_pct))
                .sum::<f64>()
                / runs.len() as f64;
            let _ = write!(s, " {mean:>13.2}");
        }
        s.push('\n');
    }
    s
}
