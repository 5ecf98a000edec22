//! Dot-product, GPU Clustering, GPU Packing and Best-fit scores.

use crate::cluster::{Cluster, ClusterState, Shape};
use crate::model::MILLI_PER_GPU;

/// Largest node CPU (milli) and GPU (milli) the reference normalises by.
const MAX_SPEC_CPU: f64 = 128_000.0;
const MAX_SPEC_GPU: f64 = 8000.0;
const MAX_SPEC_GPU_I: i64 = 8000;
const MAX_SCORE: i64 = 100;

fn gpu_left_total(c: &Cluster, st: &ClusterState, n: usize) -> u64 {
    st.gpus(c, n).iter().map(|&g| u64::from(g)).sum()
}

/// Tetris dot product with merged GPU dimension, normalised by the largest node spec.
pub(crate) fn dot_product_score(c: &Cluster, st: &ClusterState, n: usize, s: &Shape) -> i64 {
    let cpu_left = st.cpu_left[n];
    if cpu_left < s.cpu {
        return 0;
    }
    let node = [
        cpu_left as f64 / MAX_SPEC_CPU,
        gpu_left_total(c, st, n) as f64 / MAX_SPEC_GPU,
    ];
    let pod = [
        s.cpu as f64 / MAX_SPEC_CPU,
        s.total_milli() as f64 / MAX_SPEC_GPU,
    ];
    let dot = node[0] * pod[0] + node[1] * pod[1];
    let score = 1.0 - dot / 2.0;
    (100.0 * score) as i64
}

/// GPU Clustering: bands by whether the node already runs pods of the same request kind.
pub(crate) fn clustering_score(c: &Cluster, st: &ClusterState, n: usize, s: &Shape) -> i64 {
    if s.num == 0 {
        return 0;
    }
    let tag = if s.is_share() { 0 } else { s.num as usize };
    let aff = st.affinity(c, n);
    let same = aff.get(tag).copied().unwrap_or(0);
    let kinds = aff.iter().filter(|&&a| a > 0).count();
    let left = gpu_left_total(c, st, n) as i64;
    let base = MAX_SCORE / 4 * (MAX_SPEC_GPU_I - left) / MAX_SPEC_GPU_I;
    if same > 0 {
        if kinds == 1 {
            base + MAX_SCORE * 3 / 4
        } else {
            base + MAX_SCORE * 2 / 4
        }
    } else if kinds == 0 {
        base + MAX_SCORE / 4
    } else {
        base
    }
}

/// GPU Packing: shared GPUs, then free GPUs on used nodes, then idle nodes.
pub(crate) fn packing_score(c: &Cluster, st: &ClusterState, n: usize, s: &Shape) -> i64 {
    if s.milli == 0 {
        return 0;
    }
    let gpus = st.gpus(c, n);
    let full = MILLI_PER_GPU;
    let fully_free = gpus.iter().filter(|&&g| g == full).count() as i64;
    if fully_free == gpus.len() as i64 {
        return (MAX_SCORE / 3 - fully_free).max(fully_free);
    }
    let mut order: Vec<usize> = (0..gpus.len()).collect();
    order.sort_by_key(|&i| gpus[i]);
    let mut need = s.num;
    let mut free_used = 0i64;
    let mut ratio_sum = 0i64;
    for i in order {
        if need == 0 {
            break;
        }
        let left = gpus[i];
        if s.milli <= left {
            need -= 1;
            ratio_sum += i64::from(left) * 100 / i64::from(full);
            if left == full {
                free_used += 1;
            }
        }
    }
    if need != 0 {
        return 0;
    }
    if free_used > 0 {
        return (MAX_SCORE / 2 - free_used).max(MAX_SCORE / 3);
    }
    (MAX_SCORE - ratio_sum / 10).max(MAX_SCORE / 2)
}

/// Best-fit: one minus the weighted free share left after placement.
pub(crate) fn best_fit_score(c: &Cluster, st: &ClusterState, n: usize, s: &Shape) -> i64 {
    let free = [st.cpu_left[n] as f64, gpu_left_total(c, st, n) as f64];
    let req = [s.cpu as f64, s.total_milli() as f64];
    let max = [MAX_SPEC_CPU, MAX_SPEC_GPU];
    let mut score = 0.0;
    for i in 0..2 {
        if free[i] < req[i] {
            return 0;
        }
        score += (free[i] - req[i]) / max[i] * 0.5;
    }
    ((1.0 - score) * MAX_SCORE as f64) as i64
}
