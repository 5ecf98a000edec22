//! Results as received from the worker, and the figures the lab derives from them for charts
//! and tables (means and spreads over seeds). Nothing here simulates.

use yunce_chart::{ChartKind, ChartSpec, Series};
use yunce_sched::{
    CURVE_CSV_HEADER, CurvePoint, LabMode, PodClass, Policy, REPLAY_CSV_HEADER, RunReport,
};

/// Heat map of one policy, as the worker aggregated it (`yunce_sched::heat_strips`).
#[derive(Clone, Debug, PartialEq)]
pub struct Heat {
    /// Nodes per strip (1 up to 2,400 nodes).
    pub per_strip: u32,
    /// Per strip: (model of its first node, milli used per GPU slot).
    pub strips: Vec<(String, Vec<u32>)>,
}

/// Everything one finished run brought back.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// Inflation or replay.
    pub mode: LabMode,
    /// One report per (policy, seed), in request order.
    pub reports: Vec<RunReport>,
    /// Heat map per policy (first seed).
    pub heat: Vec<(Policy, Heat)>,
    /// Wall time of the whole run, ms.
    pub elapsed_ms: f64,
    /// The config the results belong to ([`super::state::LabState::run_key`]).
    pub key: String,
}

/// Mean, min and max.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    /// Mean.
    pub mean: f64,
    /// Smallest.
    pub min: f64,
    /// Largest.
    pub max: f64,
}

/// The spread of some values; `None` when there are none.
pub fn spread(values: impl IntoIterator<Item = f64>) -> Option<Spread> {
    let v: Vec<f64> = values.into_iter().collect();
    if v.is_empty() {
        return None;
    }
    let min = v.iter().copied().fold(f64::INFINITY, f64::min);
    let max = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    Some(Spread {
        mean: v.iter().sum::<f64>() / v.len() as f64,
        min,
        max,
    })
}

/// Classes shown in the failure chart: every class but the catch-all `Other`, which
/// `PodClass::ALL` lists last.
pub const CLASSES: &[PodClass] = match PodClass::ALL.split_last() {
    Some((PodClass::Other, shown)) => shown,
    _ => &PodClass::ALL,
};

impl Results {
    /// Policies in report order.
    pub fn policies(&self) -> Vec<Policy> {
        let mut out: Vec<Policy> = Vec::new();
        for p in self.reports.iter().filter_map(|r| r.policy) {
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }

    /// Reports of one policy.
    pub fn of(&self, p: Policy) -> impl Iterator<Item = &RunReport> {
        self.reports.iter().filter(move |r| r.policy == Some(p))
    }

    /// GPUs in the cluster.
    pub fn total_gpus(&self) -> u64 {
        self.reports
            .first()
            .map(|r| r.models.iter().map(|m| m.gpus).sum())
            .unwrap_or(0)
    }

    /// GPU models of the cluster.
    pub fn models(&self) -> Vec<(String, u64, f64)> {
        self.reports
            .first()
            .map(|r| {
                r.models
                    .iter()
                    .map(|m| (m.model.clone(), m.gpus, m.capability))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A curve value at an arrived percent, over seeds.
    pub fn at(&self, p: Policy, pct: u32, f: fn(&CurvePoint) -> Option<f64>) -> Option<Spread> {
        spread(
            self.of(p)
                .filter_map(|r| r.curve.get(pct as usize).and_then(f)),
        )
    }

    /// The CSV of every run, byte for byte what the CLI writes for the same config.
    pub fn csv(&self) -> String {
        let header = match self.mode {
            LabMode::Inflation => CURVE_CSV_HEADER,
            LabMode::Replay => REPLAY_CSV_HEADER,
        };
        let mut out = format!("{header}\n");
        for r in &self.reports {
            out.push_str(&r.csv);
        }
        out
    }
}

fn color(p: Policy) -> usize {
    Policy::ALL.iter().position(|x| *x == p).unwrap_or(0)
}

fn spec(
    title: String,
    x: Vec<String>,
    series: Vec<Series>,
    unit: &str,
    kind: ChartKind,
    width: f64,
) -> ChartSpec {
    ChartSpec {
        title,
        subtitle: String::new(),
        source: String::new(),
        x_labels: x,
        series,
        y_unit: unit.into(),
        kind,
        width,
        height: 300.0,
        decimals: 2,
    }
}

fn series(p: Policy, label: &dyn Fn(Policy) -> String, values: Vec<Option<f64>>) -> Series {
    Series {
        key: p.name().into(),
        label: label(p),
        notes: vec![None; values.len()],
        values,
        color: color(p),
    }
}

/// Arrived percents drawn on the curve charts (every 5%, to keep the page light).
fn pcts() -> Vec<u32> {
    (0..=yunce_sched::MAX_ARRIVED_PCT).step_by(5).collect()
}

/// One line per policy of a curve value against arrived workload; `ideal` adds the y = x
/// line capped at 100%.
pub fn curve_chart(
    r: &Results,
    title: String,
    ideal: Option<String>,
    f: fn(&CurvePoint) -> Option<f64>,
    label: &dyn Fn(Policy) -> String,
    width: f64,
) -> ChartSpec {
    let x = pcts();
    let mut list: Vec<Series> = r
        .policies()
        .into_iter()
        .map(|p| {
            series(
                p,
                label,
                x.iter().map(|&c| r.at(p, c, f).map(|s| s.mean)).collect(),
            )
        })
        .collect();
    if let Some(ideal) = ideal {
        list.push(Series {
            key: "ideal".into(),
            label: ideal,
            values: x.iter().map(|&c| Some(f64::from(c.min(100)))).collect(),
            notes: vec![None; x.len()],
            color: 6,
        });
    }
    let labels = x.iter().map(|c| format!("{c}%")).collect();
    spec(title, labels, list, "%", ChartKind::Line, width)
}

/// Unallocated GPUs at 100% arrived per policy, with the seed spread in the tooltip.
pub fn unallocated_chart(
    r: &Results,
    title: String,
    series_label: String,
    seeds_labels: (String, String),
    label: &dyn Fn(Policy) -> String,
    width: f64,
) -> ChartSpec {
    let gpus = r.total_gpus() as f64;
    let policies = r.policies();
    let spreads: Vec<Option<Spread>> = policies
        .iter()
        .map(|&p| {
            spread(r.of(p).filter_map(|x| {
                x.curve
                    .get(100)
                    .and_then(|c| c.gpu_alloc_pct)
                    .map(|a| (100.0 - a) / 100.0 * gpus)
            }))
        })
        .collect();
    let s = Series {
        key: "unallocated".into(),
        label: series_label,
        values: spreads.iter().map(|s| s.map(|s| s.mean)).collect(),
        notes: spreads
            .iter()
            .map(|s| s.map(|s| format!("{:.0}–{:.0}", s.min, s.max)))
            .collect(),
        color: 0,
    };
    let mut list = vec![s];
    // With several seeds, the best and worst seed stand beside the mean: the seed spread.
    if spreads.iter().flatten().any(|s| s.max > s.min) {
        for (key, label_text, color, pick) in [
            (
                "fewest",
                seeds_labels.0,
                2,
                (|s: &Spread| s.min) as fn(&Spread) -> f64,
            ),
            ("most", seeds_labels.1, 3, |s: &Spread| s.max),
        ] {
            list.push(Series {
                key: key.into(),
                label: label_text,
                values: spreads.iter().map(|s| s.as_ref().map(pick)).collect(),
                notes: vec![None; spreads.len()],
                color,
            });
        }
    }
    let x = policies.iter().map(|&p| label(p)).collect();
    ChartSpec {
        decimals: 0,
        ..spec(title, x, list, " GPUs", ChartKind::Bar, width)
    }
}

/// Grouped bars: one group per category, one bar per policy (mean over seeds).
pub fn grouped_chart(
    r: &Results,
    title: String,
    categories: Vec<String>,
    value: &dyn Fn(&RunReport, usize) -> f64,
    unit: &str,
    label: &dyn Fn(Policy) -> String,
    width: f64,
) -> ChartSpec {
    let list = r
        .policies()
        .into_iter()
        .map(|p| {
            let values = (0..categories.len())
                .map(|i| spread(r.of(p).map(|x| value(x, i))).map(|s| s.mean))
                .collect();
            series(p, label, values)
        })
        .collect();
    spec(title, categories, list, unit, ChartKind::Bar, width)
}

/// Replay: one line per policy over time (first seed), at most ~60 points.
pub fn replay_chart(
    r: &Results,
    title: String,
    f: fn(&yunce_sched::ReplaySample) -> f64,
    unit: &str,
    label: &dyn Fn(Policy) -> String,
    width: f64,
) -> ChartSpec {
    let firsts: Vec<&RunReport> = r
        .policies()
        .into_iter()
        .filter_map(|p| r.of(p).next())
        .collect();
    let len = firsts.iter().map(|x| x.samples.len()).max().unwrap_or(0);
    let step = len.div_ceil(60).max(1);
    let idx: Vec<usize> = (0..len).step_by(step).collect();
    let list = firsts
        .iter()
        .filter_map(|x| {
            let values = idx.iter().map(|&i| x.samples.get(i).map(f)).collect();
            Some(series(x.policy?, label, values))
        })
        .collect();
    let time = |i: usize| {
        firsts
            .iter()
            .find_map(|x| x.samples.get(i))
            .map(|s| format!("{:.1} d", s.time as f64 / 86_400.0))
            .unwrap_or_default()
    };
    let x = idx.iter().map(|&i| time(i)).collect();
    spec(title, x, list, unit, ChartKind::Line, width)
}

fn range(s: Option<Spread>, decimals: usize) -> String {
    match s {
        Some(s) if (s.max - s.min).abs() > f64::EPSILON => {
            format!("{:.d$} ({:.d$}–{:.d$})", s.mean, s.min, s.max, d = decimals)
        }
        Some(s) => format!("{:.d$}", s.mean, d = decimals),
        None => "—".into(),
    }
}

/// Locale keys of the summary table's columns for a mode.
pub fn summary_head(mode: LabMode) -> &'static [&'static str] {
    match mode {
        LabMode::Inflation => &[
            "lab.col.policy",
            "lab.col.alloc",
            "lab.col.unalloc",
            "lab.col.weighted",
            "lab.col.frag",
            "lab.col.failed",
        ],
        LabMode::Replay => &[
            "lab.col.policy",
            "lab.col.peak",
            "lab.col.p50",
            "lab.col.p90",
            "lab.col.p99",
            "lab.col.max",
            "lab.col.unsched",
        ],
    }
}

/// One row per policy: the headline figures, mean over seeds (min–max).
pub fn summary_rows(r: &Results, label: &dyn Fn(Policy) -> String) -> Vec<Vec<String>> {
    let gpus = r.total_gpus() as f64;
    let over = |p: Policy, f: fn(&RunReport) -> f64| spread(r.of(p).map(f));
    r.policies()
        .into_iter()
        .map(|p| {
            let mut row = vec![label(p)];
            match r.mode {
                LabMode::Inflation => {
                    let alloc = r.at(p, 100, |c| c.gpu_alloc_pct);
                    let unalloc = alloc.map(|s| Spread {
                        mean: (100.0 - s.mean) / 100.0 * gpus,
                        min: (100.0 - s.max) / 100.0 * gpus,
                        max: (100.0 - s.min) / 100.0 * gpus,
                    });
                    row.extend([
                        range(alloc, 2),
                        range(unalloc, 0),
                        range(r.at(p, 100, |c| c.weighted_alloc_pct), 2),
                        range(r.at(p, 100, |c| c.frag_amount_pct), 2),
                        range(over(p, |x| x.failed as f64), 0),
                    ]);
                }
                LabMode::Replay => row.extend([
                    range(over(p, |x| x.alloc_pct), 2),
                    range(over(p, |x| x.delays.p50 as f64), 0),
                    range(over(p, |x| x.delays.p90 as f64), 0),
                    range(over(p, |x| x.delays.p99 as f64), 0),
                    range(over(p, |x| x.delays.max as f64), 0),
                    range(over(p, |x| x.failed as f64), 0),
                ]),
            }
            row
        })
        .collect()
}

/// Per model: GPUs, capability, then per policy the raw allocation (%) and the allocated GPUs
/// times the capability (V100 equivalents).
pub fn model_rows(r: &Results) -> Vec<Vec<String>> {
    let policies = r.policies();
    r.models()
        .into_iter()
        .enumerate()
        .map(|(i, (model, gpus, cap))| {
            let mut row = vec![model, gpus.to_string(), cap.to_string()];
            for &p in &policies {
                let used = spread(
                    r.of(p)
                        .filter_map(|x| x.models.get(i))
                        .map(|m| m.used_milli as f64 / 1000.0),
                );
                row.push(range(
                    used.map(|u| Spread {
                        mean: 100.0 * u.mean / gpus.max(1) as f64,
                        min: 100.0 * u.min / gpus.max(1) as f64,
                        max: 100.0 * u.max / gpus.max(1) as f64,
                    }),
                    1,
                ));
                row.push(
                    used.map(|u| format!("{:.0}", u.mean * cap))
                        .unwrap_or_default(),
                );
            }
            row
        })
        .collect()
}
