//! Estimates with confidence intervals, percentiles and histograms.

use serde::{Deserialize, Serialize};

/// z for a two-sided 99 % interval.
pub const Z99: f64 = 2.575_829_303_548_901;

/// How a figure was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Monte Carlo mean; interval by the normal approximation (mean ± z·s/√n).
    MonteCarloMean,
    /// Monte Carlo proportion; Wilson score interval.
    MonteCarloProportion,
    /// Monte Carlo order statistic; no interval is given.
    MonteCarloPercentile,
    /// Exact formula or Markov chain; the interval is the value itself.
    Exact,
}

/// An estimate, labelled as one, with its interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    /// Point estimate.
    pub value: f64,
    /// Lower end of the interval.
    pub low: f64,
    /// Upper end of the interval.
    pub high: f64,
    /// Confidence level of the interval (0.99).
    pub level: f64,
    /// How it was obtained.
    pub method: Method,
    /// Observations behind it (years, or incidents).
    pub samples: u64,
}

impl Estimate {
    /// An exact figure.
    pub fn exact(value: f64) -> Self {
        Self {
            value,
            low: value,
            high: value,
            level: 1.0,
            method: Method::Exact,
            samples: 0,
        }
    }

    /// Whether `x` lies inside the interval.
    pub fn contains(&self, x: f64) -> bool {
        self.low <= x && x <= self.high
    }
}

/// Mean with a 99 % normal-approximation interval, from a sum and a sum of squares.
pub fn mean_from_sums(sum: f64, sum_sq: f64, n: u64) -> Estimate {
    let nf = n.max(1) as f64;
    let mean = sum / nf;
    let var = if n > 1 {
        ((sum_sq - nf * mean * mean) / (nf - 1.0)).max(0.0)
    } else {
        0.0
    };
    let half = Z99 * (var / nf).sqrt();
    Estimate {
        value: mean,
        low: mean - half,
        high: mean + half,
        level: 0.99,
        method: Method::MonteCarloMean,
        samples: n,
    }
}

/// Mean of samples with a 99 % normal-approximation interval.
pub fn mean(xs: &[f64]) -> Estimate {
    let sum: f64 = xs.iter().sum();
    let sum_sq: f64 = xs.iter().map(|x| x * x).sum();
    mean_from_sums(sum, sum_sq, xs.len() as u64)
}

/// A proportion `hits / n` with its 99 % Wilson score interval.
pub fn wilson(hits: u64, n: u64) -> Estimate {
    let nf = n.max(1) as f64;
    let p = hits as f64 / nf;
    let z2 = Z99 * Z99;
    let denom = 1.0 + z2 / nf;
    let centre = (p + z2 / (2.0 * nf)) / denom;
    let half = Z99 * (p * (1.0 - p) / nf + z2 / (4.0 * nf * nf)).sqrt() / denom;
    Estimate {
        value: p,
        low: (centre - half).max(0.0),
        high: (centre + half).min(1.0),
        level: 0.99,
        method: Method::MonteCarloProportion,
        samples: n,
    }
}

/// Nearest-rank percentile of sorted data (`q` in 0..=1).
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (q * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted[rank.min(sorted.len()) - 1]
}

/// One histogram bar: values in `[low, high)` (the last bar includes its top).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bin {
    /// Lower edge.
    pub low: f64,
    /// Upper edge.
    pub high: f64,
    /// Years in the bar.
    pub count: u64,
}

/// A yearly figure as a distribution over simulated years.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    /// Mean with its interval.
    pub mean: Estimate,
    /// Median.
    pub p50: f64,
    /// 95th percentile.
    pub p95: f64,
    /// 99th percentile.
    pub p99: f64,
    /// Largest year.
    pub max: f64,
    /// Years with exactly zero.
    pub zero_years: u64,
    /// Equal-width bars over the non-zero years, from 0 to the maximum.
    pub histogram: Vec<Bin>,
}

/// Bars in every histogram.
pub const BINS: usize = 20;

impl Distribution {
    /// Summarises yearly values.
    pub fn of(values: &[f64]) -> Self {
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        let max = sorted.last().copied().unwrap_or(0.0);
        let width = if max > 0.0 { max / BINS as f64 } else { 1.0 };
        let mut histogram: Vec<Bin> = (0..BINS)
            .map(|i| Bin {
                low: i as f64 * width,
                high: (i + 1) as f64 * width,
                count: 0,
            })
            .collect();
        let mut zero_years = 0;
        for v in &sorted {
            if *v == 0.0 {
                zero_years += 1;
                continue;
            }
            let i = ((v / width) as usize).min(BINS - 1);
            histogram[i].count += 1;
        }
        Self {
            mean: mean(values),
            p50: percentile(&sorted, 0.50),
            p95: percentile(&sorted, 0.95),
            p99: percentile(&sorted, 0.99),
            max,
            zero_years,
            histogram,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_stays_in_unit_interval() {
        let e = wilson(0, 100);
        assert_eq!(e.low, 0.0);
        assert!(e.high > 0.0 && e.high < 0.1);
        let e = wilson(100, 100);
        assert_eq!(e.high, 1.0);
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        let xs: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&xs, 0.5), 50.0);
        assert_eq!(percentile(&xs, 0.99), 99.0);
        let d = Distribution::of(&xs);
        assert_eq!(d.histogram.iter().map(|b| b.count).sum::<u64>(), 100);
    }
}
