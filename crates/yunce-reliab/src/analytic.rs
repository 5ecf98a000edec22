//! Exact availability of independent structures, and a birth–death Markov chain for a
//! repairable k-of-n group.
//!
//! Steady-state availability of one component is `MTBF / (MTBF + MTTR)` for any repair
//! distribution (an alternating renewal process), so the formulas here need only means.

use crate::compile::{Compiled, RepairDist, Scripted};
use serde::{Deserialize, Serialize};

/// Availability of one repairable component.
pub fn unit_availability(mtbf_hours: f64, mttr_hours: f64) -> f64 {
    if mtbf_hours.is_infinite() {
        1.0
    } else {
        mtbf_hours / (mtbf_hours + mttr_hours)
    }
}

/// Availability of blocks in series: the product.
pub fn series(availabilities: &[f64]) -> f64 {
    availabilities.iter().product()
}

/// Availability of blocks in parallel: one minus the product of unavailabilities.
pub fn parallel(availabilities: &[f64]) -> f64 {
    1.0 - availabilities.iter().map(|a| 1.0 - a).product::<f64>()
}

/// Probability that at least `k` of independent blocks are up (a Poisson-binomial tail).
pub fn k_of_n(k: u32, availabilities: &[f64]) -> f64 {
    // Series and parallel have closed forms; the O(n²) recursion is for the general case.
    if k as usize == availabilities.len() {
        return series(availabilities);
    }
    if k == 1 {
        return parallel(availabilities).clamp(0.0, 1.0);
    }
    // up[j] = probability that exactly j of the blocks seen so far are up.
    let mut up = vec![0.0; availabilities.len() + 1];
    up[0] = 1.0;
    for (i, a) in availabilities.iter().enumerate() {
        for j in (0..=i + 1).rev() {
            let stay = up[j] * (1.0 - a);
            let rise = if j > 0 { up[j - 1] * a } else { 0.0 };
            up[j] = stay + rise;
        }
    }
    up.iter().skip(k as usize).sum::<f64>().clamp(0.0, 1.0)
}

/// Steady state of a birth–death chain with states `0..=m`: `births[j]` is the rate from
/// `j` to `j + 1`, `deaths[j]` the rate from `j + 1` back to `j`.
pub fn birth_death_steady_state(births: &[f64], deaths: &[f64]) -> Vec<f64> {
    let mut weights = vec![1.0];
    for (b, d) in births.iter().zip(deaths) {
        let last = weights.last().copied().unwrap_or(1.0);
        weights.push(last * b / d);
    }
    let total: f64 = weights.iter().sum();
    weights.iter().map(|w| w / total).collect()
}

/// Result of the Markov model of a repairable k-of-n group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MarkovKOfN {
    /// Probability of each number of failed units, 0 to n.
    pub state_probabilities: Vec<f64>,
    /// Probability that at least k units are up.
    pub availability: f64,
    /// Group failures per hour (transitions from k up to k − 1 up).
    pub failures_per_hour: f64,
    /// Mean length of a group outage in hours.
    pub mean_down_hours: f64,
}

/// Markov model of `n` identical units, at least `k` needed, each failing at rate `lambda`
/// while up (failed units cannot fail again) and repaired at rate `mu` by `crews` repair
/// crews (`crews >= n` means independent repair). Returns `None` for meaningless inputs.
pub fn markov_k_of_n(k: u32, n: u32, lambda: f64, mu: f64, crews: u32) -> Option<MarkovKOfN> {
    let valid = k >= 1 && k <= n && crews >= 1 && lambda > 0.0 && mu > 0.0;
    if !valid || !lambda.is_finite() || !mu.is_finite() {
        return None;
    }
    let births: Vec<f64> = (0..n).map(|j| f64::from(n - j) * lambda).collect();
    let deaths: Vec<f64> = (1..=n).map(|j| f64::from(j.min(crews)) * mu).collect();
    let pi = birth_death_steady_state(&births, &deaths);
    let last_up = (n - k) as usize;
    let availability: f64 = pi.iter().take(last_up + 1).sum();
    let failures_per_hour = pi[last_up] * f64::from(k) * lambda;
    Some(MarkovKOfN {
        mean_down_hours: (1.0 - availability) / failures_per_hour,
        state_probabilities: pi,
        availability,
        failures_per_hour,
    })
}

/// Why the exact method does not apply to a segment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotExact {
    /// A component appears more than once in the structure (a shared dependency).
    SharedComponent(String),
    /// A correlated group reaches the segment.
    CorrelatedGroup,
    /// A change process reaches the segment.
    Changes,
    /// A scripted incident reaches the segment.
    Scripted,
    /// Repair crews are shared (use the Markov model for a k-of-n group).
    SharedRepairCrews,
}

/// Exact results for one segment of independent components.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExactSegment {
    /// Steady-state availability.
    pub availability: f64,
    /// Expected downtime, minutes per year.
    pub downtime_minutes_per_year: f64,
    /// Expected outages per year (Birnbaum importance × component failure frequency);
    /// `None` above [`MAX_BIRNBAUM_UNITS`] components, where it would cost too much.
    pub outages_per_year: Option<f64>,
}

/// Largest segment (in components) whose outage frequency is computed exactly.
pub const MAX_BIRNBAUM_UNITS: usize = 5_000;

/// Children of every gate, rebuilt from the parent links.
pub(crate) struct Tree {
    pub gate_children: Vec<Vec<u32>>,
    pub unit_children: Vec<Vec<u32>>,
}

impl Tree {
    pub(crate) fn new(c: &Compiled) -> Self {
        let mut gate_children = vec![Vec::new(); c.gates.len()];
        let mut unit_children = vec![Vec::new(); c.gates.len()];
        for (g, gate) in c.gates.iter().enumerate() {
            if let Some(p) = gate.parent {
                gate_children[p as usize].push(g as u32);
            }
        }
        for (u, unit) in c.units.iter().enumerate() {
            for p in &unit.parents {
                unit_children[*p as usize].push(u as u32);
            }
        }
        Self {
            gate_children,
            unit_children,
        }
    }

    /// Units under `root`, with repeats.
    fn units_under(&self, root: u32, out: &mut Vec<u32>) {
        out.extend(&self.unit_children[root as usize]);
        for g in &self.gate_children[root as usize] {
            self.units_under(*g, out);
        }
    }

    /// Availability of gate `g` given every unit's availability.
    fn availability(&self, c: &Compiled, g: u32, unit_a: &[f64]) -> f64 {
        let mut child_a: Vec<f64> = self.unit_children[g as usize]
            .iter()
            .map(|u| unit_a[*u as usize])
            .collect();
        for cg in &self.gate_children[g as usize] {
            child_a.push(self.availability(c, *cg, unit_a));
        }
        k_of_n(c.gates[g as usize].k, &child_a)
    }
}

/// Mean repair hours of each unit.
fn mttr_hours(c: &Compiled) -> Vec<f64> {
    let response: f64 = c.response.iter().map(|d| d.mean()).sum();
    c.units
        .iter()
        .map(|u| match u.repair {
            RepairDist::Dist(d) => d.mean(),
            RepairDist::Response => response,
        })
        .collect()
}

/// Exact results per segment, or the reason the exact method does not apply.
pub fn exact_segments(c: &Compiled, names: &[String]) -> Vec<Result<ExactSegment, NotExact>> {
    let tree = Tree::new(c);
    let mttr = mttr_hours(c);
    let unit_a: Vec<f64> = c
        .units
        .iter()
        .zip(&mttr)
        .map(|(u, r)| unit_availability(u.mtbf, *r))
        .collect();
    let mut touched = vec![None; c.units.len()];
    for g in &c.groups {
        for m in &g.members {
            touched[*m as usize].get_or_insert(NotExact::CorrelatedGroup);
        }
    }
    for ch in &c.changes {
        for u in ch.stages.iter().flatten() {
            touched[*u as usize].get_or_insert(NotExact::Changes);
        }
    }
    for (u, unit) in c.units.iter().enumerate() {
        if unit.pool.is_some() {
            touched[u].get_or_insert(NotExact::SharedRepairCrews);
        }
    }
    for s in &c.scripted {
        if let Scripted::Outage { targets, .. } = s {
            for u in targets {
                touched[*u as usize].get_or_insert(NotExact::Scripted);
            }
        }
    }
    c.roots
        .iter()
        .map(|root| {
            let mut units = Vec::new();
            tree.units_under(*root, &mut units);
            let mut sorted = units.clone();
            sorted.sort_unstable();
            if let Some(w) = sorted.windows(2).find(|w| w[0] == w[1]) {
                let name = names.get(w[0] as usize).cloned().unwrap_or_default();
                return Err(NotExact::SharedComponent(name));
            }
            if let Some(reason) = units.iter().find_map(|u| touched[*u as usize].clone()) {
                return Err(reason);
            }
            let availability = tree.availability(c, *root, &unit_a);
            let downtime_minutes_per_year = (1.0 - availability) * crate::model::MINUTES_PER_YEAR;
            if units.len() > MAX_BIRNBAUM_UNITS {
                return Ok(ExactSegment {
                    availability,
                    downtime_minutes_per_year,
                    outages_per_year: None,
                });
            }
            let mut probe = unit_a.clone();
            let mut outages_per_hour = 0.0;
            for u in &units {
                let i = *u as usize;
                if c.units[i].mtbf.is_infinite() {
                    continue;
                }
                probe[i] = 1.0;
                let with = tree.availability(c, *root, &probe);
                probe[i] = 0.0;
                let without = tree.availability(c, *root, &probe);
                probe[i] = unit_a[i];
                outages_per_hour += (with - without) / (c.units[i].mtbf + mttr[i]);
            }
            Ok(ExactSegment {
                availability,
                downtime_minutes_per_year,
                outages_per_year: Some(outages_per_hour * crate::model::HOURS_PER_YEAR),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textbook_two_of_three() {
        // 3a²(1−a) + a³ with a = 0.9 gives 0.972.
        assert!((k_of_n(2, &[0.9, 0.9, 0.9]) - 0.972).abs() < 1e-12);
    }

    #[test]
    fn one_of_two_with_one_repair_crew() {
        // Textbook: A = (μ² + 2λμ) / (μ² + 2λμ + 2λ²).
        let (l, m) = (0.01, 0.5);
        let want = (m * m + 2.0 * l * m) / (m * m + 2.0 * l * m + 2.0 * l * l);
        let got = markov_k_of_n(1, 2, l, m, 1).map(|r| r.availability);
        assert!((got.unwrap_or(0.0) - want).abs() < 1e-12);
    }

    #[test]
    fn markov_with_independent_repair_matches_binomial() {
        let (l, m) = (1.0 / 500.0, 1.0 / 8.0);
        let a = unit_availability(500.0, 8.0);
        let got = markov_k_of_n(2, 3, l, m, 3).map(|r| r.availability);
        assert!((got.unwrap_or(0.0) - k_of_n(2, &[a; 3])).abs() < 1e-12);
        assert!(markov_k_of_n(4, 3, l, m, 3).is_none());
    }
}
