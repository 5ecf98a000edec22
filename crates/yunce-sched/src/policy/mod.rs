//! The six scoring policies and their GPU-selection rules, as in the reference simulator.
//!
//! Every score is an integer in 0..=100, truncated the way the reference truncates it, because
//! the truncation creates the ties that the node order then breaks.

mod fgd;
mod simple;

use crate::cluster::{Cluster, ClusterState, Shape};
use crate::rng::Pcg32;
use crate::typical::TypicalPods;
use std::fmt;

pub(crate) use fgd::fgd_score;
pub(crate) use simple::{best_fit_score, clustering_score, dot_product_score, packing_score};

/// A node-scoring policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Policy {
    /// Random-fit: a random feasible node, a random fitting GPU.
    Random,
    /// Dot product of free and requested (CPU, GPU) vectors, Tetris-style; best-fit GPU.
    DotProd,
    /// GPU Clustering: prefer nodes already running pods of the same GPU request kind.
    Clustering,
    /// GPU Packing: shared GPUs first, then partly used nodes, then idle nodes.
    Packing,
    /// Best-fit: the node with the least CPU and GPU left after placement.
    BestFit,
    /// Fragmentation Gradient Descent: the node and GPU that grow fragmentation least.
    Fgd,
}

impl Policy {
    /// All policies in report order.
    pub const ALL: [Policy; 6] = [
        Policy::Random,
        Policy::DotProd,
        Policy::Clustering,
        Policy::Packing,
        Policy::BestFit,
        Policy::Fgd,
    ];

    /// The name used in CSV output and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Policy::Random => "random",
            Policy::DotProd => "dotprod",
            Policy::Clustering => "clustering",
            Policy::Packing => "packing",
            Policy::BestFit => "bestfit",
            Policy::Fgd => "fgd",
        }
    }

    /// Parses a policy name as printed by [`Policy::name`].
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.name() == name)
    }
}

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Score of node `n` for shape `s`, plus the GPU FGD would pick for a fractional pod.
pub(crate) fn score(
    policy: Policy,
    c: &Cluster,
    st: &ClusterState,
    typical: &TypicalPods,
    frag_before: f64,
    n: usize,
    s: &Shape,
) -> (i64, usize) {
    match policy {
        Policy::Random => (0, 0),
        Policy::DotProd => (dot_product_score(c, st, n, s), 0),
        Policy::Clustering => (clustering_score(c, st, n, s), 0),
        Policy::Packing => (packing_score(c, st, n, s), 0),
        Policy::BestFit => (best_fit_score(c, st, n, s), 0),
        Policy::Fgd => fgd_score(c, st, typical, frag_before, n, s),
    }
}

/// The GPU a fractional pod gets on the chosen node.
pub(crate) fn select_share_gpu(
    policy: Policy,
    gpus: &[u32],
    milli: u32,
    fgd_pick: usize,
    rng: &mut Pcg32,
) -> usize {
    match policy {
        Policy::Fgd => fgd_pick,
        Policy::Random => {
            let mut pick = 0;
            let mut count = 0;
            for (i, &left) in gpus.iter().enumerate() {
                if left >= milli {
                    count += 1;
                    if rng.below(count) == 0 {
                        pick = i;
                    }
                }
            }
            pick
        }
        _ => best_fit_gpu(gpus, milli),
    }
}

/// The fitting GPU with the least free milli; the lowest index wins ties.
pub(crate) fn best_fit_gpu(gpus: &[u32], milli: u32) -> usize {
    let mut pick: Option<usize> = None;
    for (i, &left) in gpus.iter().enumerate() {
        if left >= milli && pick.is_none_or(|p| left < gpus[p]) {
            pick = Some(i);
        }
    }
    pick.unwrap_or(0)
}
