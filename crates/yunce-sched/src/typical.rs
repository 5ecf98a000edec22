//! The "typical task" distribution and the fragmentation measure built on it (FGD paper §3).

use crate::cluster::{Cluster, accessible};
use crate::model::PodSpec;
use std::collections::BTreeMap;

/// Share of pods the typical shapes must cover, in percent (reference default 95).
pub const POPULARITY_THRESHOLD_PCT: f64 = 95.0;

/// One typical pod shape and its normalised frequency.
#[derive(Clone, Debug, PartialEq)]
pub struct TypicalPod {
    /// vCPU × 1000.
    pub cpu_milli: u64,
    /// Number of GPUs.
    pub num_gpu: u32,
    /// Milli per GPU.
    pub gpu_milli: u32,
    /// Allowed models joined by `|`; empty means any.
    pub gpu_spec: String,
    /// Frequency, summing to 1 over the list.
    pub freq: f64,
    pub(crate) mask: Option<u64>,
}

/// The most popular pod shapes that together cover 95% of the pods.
#[derive(Clone, Debug, Default)]
pub struct TypicalPods {
    pods: Vec<TypicalPod>,
}

impl TypicalPods {
    /// Builds the distribution from the original (not inflated) trace.
    ///
    /// Shapes are keyed by CPU, GPU milli, GPU count and model list (memory is ignored, as in the
    /// reference). They are ranked by count, ties broken by the larger shape first, and the list is
    /// cut once it covers the threshold, then renormalised.
    pub fn from_pods(cluster: &Cluster, pods: &[PodSpec]) -> Self {
        let mut counts: BTreeMap<(u64, u32, u32, String), u64> = BTreeMap::new();
        for p in pods {
            let key = (p.cpu_milli, p.gpu_milli, p.num_gpu, p.gpu_spec.join("|"));
            *counts.entry(key).or_insert(0) += 1;
        }
        let total = pods.len() as f64;
        let mut ranked: Vec<((u64, u32, u32, String), u64)> = counts.into_iter().collect();
        // Count descending, then the larger key first, like sort.Reverse over the reference's Less.
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
        let expected = POPULARITY_THRESHOLD_PCT * total / 100.0;
        let mut cum = 0.0;
        let mut out = Vec::new();
        for ((cpu, milli, num, spec), n) in ranked {
            if cum >= expected {
                break;
            }
            cum += n as f64;
            let models: Vec<String> = if spec.is_empty() {
                Vec::new()
            } else {
                spec.split('|').map(str::to_owned).collect()
            };
            out.push(TypicalPod {
                cpu_milli: cpu,
                num_gpu: num,
                gpu_milli: milli,
                mask: cluster.model_mask(&models),
                gpu_spec: spec,
                freq: n as f64,
            });
        }
        if cum > 0.0 {
            for t in &mut out {
                t.freq /= cum;
            }
        }
        Self { pods: out }
    }

    /// The shapes, most frequent first.
    pub fn pods(&self) -> &[TypicalPod] {
        &self.pods
    }

    /// Fragmented milli-GPU of one node: the expected idle GPU milli that a typical pod drawn at
    /// random could not use (everything but the "satisfied" quadrant Q3).
    pub fn node_frag(&self, model: u8, cpu_left: u64, gpus: &[u32]) -> f64 {
        let total: u32 = gpus.iter().sum();
        if total == 0 {
            return 0.0;
        }
        let total = f64::from(total);
        let mut frag = 0.0;
        for t in &self.pods {
            // CPU-only typical pods land in XL/XR; both count as fragment in the reference.
            if t.gpu_milli == 0 || !accessible(t.mask, model) {
                frag += t.freq * total;
                continue;
            }
            let mut can = 0u32;
            let mut small = 0u32;
            for &g in gpus {
                if g >= t.gpu_milli {
                    can += 1;
                } else {
                    small += g;
                }
            }
            if can >= t.num_gpu && cpu_left >= t.cpu_milli {
                frag += t.freq * f64::from(small);
            } else {
                frag += t.freq * total;
            }
        }
        frag
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NodeSpec;

    #[test]
    fn covers_threshold_and_sums_to_one() {
        let nodes = [NodeSpec {
            name: "n".into(),
            cpu_milli: 8000,
            memory_mib: 1,
            gpus: 2,
            model: "T4".into(),
        }];
        let c = Cluster::new(&nodes, true).unwrap();
        let mut pods = Vec::new();
        for (n, milli) in [(60, 500), (30, 1000), (6, 250), (4, 100)] {
            for _ in 0..n {
                pods.push(PodSpec {
                    name: "p".into(),
                    cpu_milli: 1000,
                    num_gpu: 1,
                    gpu_milli: milli,
                    ..PodSpec::default()
                });
            }
        }
        let t = TypicalPods::from_pods(&c, &pods);
        // 60 + 30 = 90% < 95%, so the third shape is needed, the fourth is not.
        assert_eq!(t.pods().len(), 3);
        let sum: f64 = t.pods().iter().map(|p| p.freq).sum();
        assert!((sum - 1.0).abs() < 1e-12);
        // An idle node has no fragment; one 400-milli hole is fragment for the 500 and 1000 shapes.
        assert_eq!(t.node_frag(0, 8000, &[1000, 1000]), 0.0);
        let f = t.node_frag(0, 8000, &[400, 1000]);
        assert!((f - 400.0 * (60.0 + 30.0) / 96.0).abs() < 1e-9, "{f}");
    }
}
