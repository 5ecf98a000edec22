//! Fragmentation Gradient Descent: score by how little the node's fragmentation grows.

use crate::cluster::{Cluster, ClusterState, Shape};
use crate::model::MAX_GPUS_PER_NODE;
use crate::typical::TypicalPods;

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn to_score(before: f64, after: f64) -> i64 {
    (sigmoid((before - after) / 1000.0) * 100.0) as i64
}

/// FGD score of node `n` and, for a fractional pod, the GPU that scores best (lowest index on ties).
pub(crate) fn fgd_score(
    c: &Cluster,
    st: &ClusterState,
    typical: &TypicalPods,
    before: f64,
    n: usize,
    s: &Shape,
) -> (i64, usize) {
    let model = c.nodes[n].model;
    let gpus = st.gpus(c, n);
    let cpu_after = st.cpu_left[n].saturating_sub(s.cpu);
    let mut buf = [0u32; MAX_GPUS_PER_NODE as usize];
    let tmp = &mut buf[..gpus.len()];
    tmp.copy_from_slice(gpus);
    if s.is_share() {
        let mut best: Option<(i64, usize)> = None;
        for i in 0..gpus.len() {
            let left = gpus[i];
            // A GPU with the same free milli as an earlier one gives the same score.
            if left < s.milli || gpus[..i].contains(&left) {
                continue;
            }
            tmp[i] = left - s.milli;
            let score = to_score(before, typical.node_frag(model, cpu_after, tmp));
            tmp[i] = left;
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, i));
            }
        }
        best.unwrap_or((0, 0))
    } else {
        if s.num > 0 {
            // The reference packs onto the least-free fitting GPUs (a stable ascending sort).
            let mut order: Vec<usize> = (0..tmp.len()).collect();
            order.sort_by_key(|&i| tmp[i]);
            let mut need = s.num;
            for i in order {
                if need == 0 {
                    break;
                }
                if tmp[i] >= s.milli {
                    tmp[i] -= s.milli;
                    need -= 1;
                }
            }
        }
        (
            to_score(before, typical.node_frag(model, cpu_after, tmp)),
            0,
        )
    }
}
