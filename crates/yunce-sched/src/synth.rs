//! A seeded synthetic workload calibrated to the default openb pod trace.
//!
//! The calibration tables were computed from `openb_pod_list_default.csv` (Alibaba GPU cluster
//! trace v2023; Weng et al., USENIX ATC '23; research or study use): the class mix, the
//! `gpu_milli` distribution of fractional pods, the (CPU, memory) shapes of each class, the
//! multi-GPU counts, the `gpu_spec` patterns of `gpuspec33`, and the lifetime quantiles. Only
//! these summaries ship; the trace does not.

use crate::cluster::SimError;
use crate::model::{MILLI_PER_GPU, PodSpec};
use crate::rng::{Pcg32, Stream};
use serde::{Deserialize, Serialize};

/// The most pods a synthetic workload may have.
pub const MAX_SYNTH_PODS: usize = 200_000;

/// Knobs of the generator. Shares are percentages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SynthConfig {
    /// Pods to generate.
    pub pods: usize,
    /// Share of all pods that ask for no GPU (default trace: 13.3%).
    pub cpu_only_pct: f64,
    /// Share of GPU pods that ask for a fraction of one GPU (default trace: 43.6%).
    pub share_pct: f64,
    /// Share of GPU pods that ask for 2, 4 or 8 GPUs (default trace: 1.1%).
    pub multi_pct: f64,
    /// Share of GPU pods with a GPU-model constraint (default trace: 0%; gpuspec33: 33.8%).
    pub constrained_pct: f64,
    /// Seed of the generator.
    pub seed: u64,
}

impl Default for SynthConfig {
    /// Calibrated to `openb_pod_list_default.csv` (8,152 pods).
    fn default() -> Self {
        Self {
            pods: 8152,
            cpu_only_pct: 13.3,
            share_pct: 43.6,
            multi_pct: 1.1,
            constrained_pct: 0.0,
            seed: 1,
        }
    }
}

/// `gpu_milli` of fractional pods with their counts in the default trace.
const SHARE_MILLI: [(u32, u32); 20] = [
    (810, 1078),
    (470, 750),
    (320, 328),
    (650, 253),
    (230, 140),
    (460, 128),
    (590, 75),
    (160, 74),
    (550, 72),
    (220, 62),
    (370, 47),
    (110, 24),
    (480, 19),
    (50, 7),
    (330, 7),
    (350, 6),
    (270, 4),
    (440, 2),
    (140, 1),
    (290, 1),
];

type Shape = (u64, u64, u32);

/// (cpu_milli, memory_mib, count) of CPU-only pods.
const CPU_SHAPES: [Shape; 8] = [
    (12_500, 57_344, 364),
    (32_000, 49_152, 284),
    (8_000, 30_517, 163),
    (15_400, 51_200, 120),
    (16_500, 51_200, 95),
    (11_400, 57_344, 11),
    (8_000, 15_625, 11),
    (16_000, 31_250, 8),
];

/// Shapes of fractional-GPU pods.
const SHARE_SHAPES: [Shape; 10] = [
    (3_152, 5_600, 1122),
    (11_908, 47_104, 625),
    (8_000, 30_517, 486),
    (4_000, 22_888, 189),
    (4_000, 15_258, 182),
    (4_152, 10_600, 152),
    (4_000, 30_517, 136),
    (6_000, 6_144, 51),
    (6_000, 12_288, 29),
    (6_000, 22_888, 28),
];

/// Shapes of one-GPU pods.
const ONE_SHAPES: [Shape; 16] = [
    (11_300, 49_152, 857),
    (11_400, 48_128, 534),
    (3_152, 5_600, 470),
    (18_708, 64_512, 255),
    (9_810, 41_560, 195),
    (12_000, 24_576, 158),
    (15_700, 58_368, 158),
    (11_908, 47_104, 153),
    (16_000, 32_768, 108),
    (8_000, 16_384, 104),
    (4_000, 24_576, 104),
    (12_000, 16_384, 99),
    (14_200, 58_368, 93),
    (24_200, 93_184, 84),
    (11_400, 77_824, 65),
    (8_000, 32_768, 55),
];

/// (GPUs, cpu_milli, memory_mib, count) of multi-GPU pods.
const MULTI_SHAPES: [(u32, u64, u64, u32); 10] = [
    (2, 16_200, 66_560, 7),
    (2, 6_000, 65_536, 3),
    (2, 30_200, 160_768, 3),
    (2, 17_400, 43_008, 3),
    (4, 32_200, 132_096, 9),
    (4, 32_000, 131_072, 3),
    (4, 60_200, 320_512, 3),
    (8, 88_000, 327_680, 18),
    (8, 64_200, 263_168, 18),
    (8, 64_000, 262_144, 8),
];

/// `gpu_spec` patterns of `gpuspec33` with their counts.
const SPEC_PATTERNS: [(&str, u32); 10] = [
    ("T4", 1291),
    ("G2", 331),
    ("P100", 279),
    ("V100M16|V100M32", 163),
    ("P100|V100M16|V100M32", 103),
    ("G3", 86),
    ("G2|P100|T4|V100M16|V100M32", 39),
    ("P100|T4|V100M16|V100M32", 33),
    ("A10|G2|T4|V100M16|V100M32", 24),
    ("V100M32", 20),
];

/// Lifetime quantiles in seconds, every 5% from 0 to 100.
const LIFETIME_Q: [u64; 21] = [
    0, 48, 80, 112, 146, 167, 202, 244, 301, 406, 540, 691, 883, 1122, 1422, 1974, 2700, 4006,
    6574, 16_425, 12_537_496,
];

/// Arrivals are spread over 30 days, like the trace's last 30 days that hold 90% of its pods.
const HORIZON_SECS: f64 = 30.0 * 86_400.0;

fn pick<T: Copy>(rng: &mut Pcg32, items: &[T], weight: impl Fn(&T) -> u32) -> Option<T> {
    let total: u32 = items.iter().map(&weight).sum();
    if total == 0 {
        return None;
    }
    let mut r = rng.below(total);
    for item in items {
        let w = weight(item);
        if r < w {
            return Some(*item);
        }
        r -= w;
    }
    items.last().copied()
}

fn check_pct(name: &str, v: f64) -> Result<(), SimError> {
    if v.is_finite() && (0.0..=100.0).contains(&v) {
        Ok(())
    } else {
        Err(SimError::BadConfig(format!(
            "{name} must be 0 to 100, got {v}"
        )))
    }
}

fn lifetime(rng: &mut Pcg32) -> u64 {
    let u = rng.unit() * 20.0;
    let i = (u.floor() as usize).min(19);
    let (lo, hi) = (LIFETIME_Q[i] as f64, LIFETIME_Q[i + 1] as f64);
    (lo + (hi - lo) * (u - i as f64)).round() as u64
}

/// Generates a workload. `models` are the cluster's GPU models: a constrained pod gets a
/// `gpu_spec` pattern of the trace restricted to them (a random model when none is left).
pub fn generate(config: &SynthConfig, models: &[String]) -> Result<Vec<PodSpec>, SimError> {
    check_pct("cpu_only_pct", config.cpu_only_pct)?;
    check_pct("share_pct", config.share_pct)?;
    check_pct("multi_pct", config.multi_pct)?;
    check_pct("constrained_pct", config.constrained_pct)?;
    if config.share_pct + config.multi_pct > 100.0 {
        return Err(SimError::BadConfig(
            "share_pct + multi_pct must not pass 100".into(),
        ));
    }
    if config.pods == 0 {
        return Err(SimError::NoPods);
    }
    if config.pods > MAX_SYNTH_PODS {
        return Err(SimError::WorkloadTooLarge(MAX_SYNTH_PODS));
    }
    // One generator per purpose, so that changing one knob leaves the other draws alone.
    let sub = |k: u64| {
        Pcg32::new(
            config.seed.wrapping_mul(31).wrapping_add(k),
            Stream::Synthetic,
        )
    };
    let (mut class_rng, mut shape_rng, mut spec_rng, mut time_rng) =
        (sub(1), sub(2), sub(3), sub(4));
    let specs: Vec<Vec<String>> = SPEC_PATTERNS
        .iter()
        .map(|(p, _)| {
            p.split('|')
                .filter(|m| models.iter().any(|x| x == m))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut arrivals: Vec<u64> = (0..config.pods)
        .map(|_| (time_rng.unit() * HORIZON_SECS) as u64)
        .collect();
    arrivals.sort_unstable();
    let width = config.pods.to_string().len().max(6);
    let mut pods = Vec::with_capacity(config.pods);
    for (i, &created) in arrivals.iter().enumerate() {
        let mut pod = PodSpec {
            name: format!("syn-{i:0width$}"),
            creation_time: Some(created),
            deletion_time: Some(created + lifetime(&mut time_rng)),
            ..PodSpec::default()
        };
        let gpu_roll = class_rng.unit() * 100.0;
        let kind_roll = class_rng.unit() * 100.0;
        let spec_roll = class_rng.unit() * 100.0;
        if gpu_roll < config.cpu_only_pct {
            let (c, m, _) = pick(&mut shape_rng, &CPU_SHAPES, |s| s.2).unwrap_or(CPU_SHAPES[0]);
            (pod.cpu_milli, pod.memory_mib) = (c, m);
        } else {
            if kind_roll < config.share_pct {
                let (c, m, _) =
                    pick(&mut shape_rng, &SHARE_SHAPES, |s| s.2).unwrap_or(SHARE_SHAPES[0]);
                let (milli, _) =
                    pick(&mut shape_rng, &SHARE_MILLI, |s| s.1).unwrap_or(SHARE_MILLI[0]);
                (pod.cpu_milli, pod.memory_mib, pod.num_gpu, pod.gpu_milli) = (c, m, 1, milli);
            } else if kind_roll < config.share_pct + config.multi_pct {
                let (g, c, m, _) =
                    pick(&mut shape_rng, &MULTI_SHAPES, |s| s.3).unwrap_or(MULTI_SHAPES[0]);
                (pod.cpu_milli, pod.memory_mib, pod.num_gpu) = (c, m, g);
                pod.gpu_milli = MILLI_PER_GPU;
            } else {
                let (c, m, _) = pick(&mut shape_rng, &ONE_SHAPES, |s| s.2).unwrap_or(ONE_SHAPES[0]);
                (pod.cpu_milli, pod.memory_mib, pod.num_gpu) = (c, m, 1);
                pod.gpu_milli = MILLI_PER_GPU;
            }
            if spec_roll < config.constrained_pct && !models.is_empty() {
                let usable: Vec<usize> =
                    (0..specs.len()).filter(|&k| !specs[k].is_empty()).collect();
                pod.gpu_spec = match pick(&mut spec_rng, &usable, |&k| SPEC_PATTERNS[k].1) {
                    Some(k) => specs[k].clone(),
                    None => vec![models[spec_rng.below(models.len() as u32) as usize].clone()],
                };
            }
        }
        pods.push(pod);
    }
    Ok(pods)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn models() -> Vec<String> {
        ["A10", "G2", "G3", "P100", "T4", "V100M16", "V100M32"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn pct(n: usize, of: usize) -> f64 {
        100.0 * n as f64 / of as f64
    }

    #[test]
    fn default_matches_the_trace_statistics() {
        let pods = generate(&SynthConfig::default(), &models()).unwrap();
        assert_eq!(pods.len(), 8152);
        let gpu: Vec<&PodSpec> = pods.iter().filter(|p| p.num_gpu > 0).collect();
        let cpu_only = pct(pods.len() - gpu.len(), pods.len());
        assert!((cpu_only - 13.3).abs() < 1.5, "cpu-only {cpu_only}");
        let share = pct(gpu.iter().filter(|p| p.is_share()).count(), gpu.len());
        assert!((share - 43.6).abs() < 2.0, "share {share}");
        let multi = pct(gpu.iter().filter(|p| p.num_gpu > 1).count(), gpu.len());
        assert!((multi - 1.1).abs() < 0.6, "multi {multi}");
        assert!(pods.iter().all(|p| p.gpu_spec.is_empty()));
        // The trace asks for 6,086.8 GPUs, 98% of the 6,212-GPU cluster.
        let gpus = pods.iter().map(PodSpec::total_gpu_milli).sum::<u64>() as f64 / 1000.0;
        assert!((gpus - 6086.8).abs() < 6086.8 * 0.06, "GPU request {gpus}");
        for p in &pods {
            assert!(p.cpu_milli >= 1000);
            assert!(p.deletion_time >= p.creation_time);
            match p.num_gpu {
                0 => assert_eq!(p.gpu_milli, 0),
                1 => assert!((1..=1000).contains(&p.gpu_milli)),
                _ => assert_eq!(p.gpu_milli, 1000),
            }
        }
    }

    #[test]
    fn knobs_move_their_share_only() {
        let cfg = SynthConfig {
            share_pct: 80.0,
            multi_pct: 10.0,
            constrained_pct: 33.0,
            ..SynthConfig::default()
        };
        let pods = generate(&cfg, &models()).unwrap();
        let gpu: Vec<&PodSpec> = pods.iter().filter(|p| p.num_gpu > 0).collect();
        let share = pct(gpu.iter().filter(|p| p.is_share()).count(), gpu.len());
        let multi = pct(gpu.iter().filter(|p| p.num_gpu > 1).count(), gpu.len());
        let constrained = pct(
            gpu.iter().filter(|p| !p.gpu_spec.is_empty()).count(),
            gpu.len(),
        );
        assert!((share - 80.0).abs() < 2.0, "share {share}");
        assert!((multi - 10.0).abs() < 1.5, "multi {multi}");
        assert!(
            (constrained - 33.0).abs() < 2.0,
            "constrained {constrained}"
        );
        let only_h20 = generate(&cfg, &["H20".to_string()]).unwrap();
        assert!(
            only_h20
                .iter()
                .filter(|p| !p.gpu_spec.is_empty())
                .all(|p| p.gpu_spec == ["H20"])
        );
    }

    #[test]
    fn same_seed_same_pods_and_bad_knobs_are_errors() {
        let a = generate(&SynthConfig::default(), &models()).unwrap();
        let b = generate(&SynthConfig::default(), &models()).unwrap();
        assert_eq!(a, b);
        let c = generate(
            &SynthConfig {
                seed: 2,
                ..SynthConfig::default()
            },
            &models(),
        )
        .unwrap();
        assert_ne!(a, c);
        for bad in [
            SynthConfig {
                share_pct: 101.0,
                ..SynthConfig::default()
            },
            SynthConfig {
                share_pct: 60.0,
                multi_pct: 50.0,
                ..SynthConfig::default()
            },
            SynthConfig {
                pods: 0,
                ..SynthConfig::default()
            },
            SynthConfig {
                cpu_only_pct: f64::NAN,
                ..SynthConfig::default()
            },
        ] {
            assert!(generate(&bad, &models()).is_err());
        }
    }
}
