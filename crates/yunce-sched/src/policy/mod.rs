//! The six scoring policies and their GPU-selection rules, as in the reference simulator.
//!
//! Every score is an integer in 0..=100, truncated the way the reference truncates it, because
//! the truncation creates the ties that the node order then breaks.

mod fgd;
mod simple;

use crate::cluster::{Cluster, ClusterState, Shape};
use crate::rng::Pcg32;
use crate::typical::TypicalPods;
use serde::{Deserialize, Serialize};
use std::fmt;

pub(crate) use fgd::fgd_score;
pub(crate) use simple::{best_fit_score, clustering_score, dot_product_score, packing_score};

/// A node-scoring policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NodeSpec, PodSpec};

    fn node(name: &str, gpus: u32) -> NodeSpec {
        NodeSpec {
            name: name.into(),
            cpu_milli: 96_000,
            memory_mib: 393_216,
            gpus,
            model: "G2".into(),
        }
    }

    fn pod(num_gpu: u32, gpu_milli: u32) -> PodSpec {
        PodSpec {
            name: "p".into(),
            cpu_milli: 4000,
            memory_mib: 1024,
            num_gpu,
            gpu_milli,
            ..PodSpec::default()
        }
    }

    #[test]
    fn best_fit_gpu_takes_the_tightest() {
        assert_eq!(best_fit_gpu(&[1000, 300, 600, 300], 250), 1);
        assert_eq!(best_fit_gpu(&[1000, 300, 600], 500), 2);
    }

    #[test]
    fn packing_prefers_shared_then_used_then_idle() {
        let c = Cluster::new(&[node("a", 2), node("b", 2), node("c", 2)], true).unwrap();
        let mut st = ClusterState::new(&c);
        let half = c.shape(&pod(1, 500));
        st.place(&c, 0, &half, 0); // a: one GPU half used
        let whole = c.shape(&pod(1, 1000));
        st.place(&c, 1, &whole, 0); // b: one GPU full, one free
        let s = c.shape(&pod(1, 400));
        let (a, b, idle) = (
            packing_score(&c, &st, 0, &s),
            packing_score(&c, &st, 1, &s),
            packing_score(&c, &st, 2, &s),
        );
        assert!(a > b && b > idle, "{a} {b} {idle}");
    }

    #[test]
    fn fgd_fills_the_gpu_that_leaves_least_fragment() {
        let nodes = [node("a", 2)];
        let c = Cluster::new(&nodes, true).unwrap();
        // Typical pods: half-GPU pods only, so a 500-milli hole is usable and a 200-milli one is not.
        let typical = TypicalPods::from_pods(&c, &vec![pod(1, 500); 10]);
        let mut st = ClusterState::new(&c);
        st.place(&c, 0, &c.shape(&pod(1, 300)), 1); // GPU 1 has 700 free
        let s = c.shape(&pod(1, 500));
        let before = typical.node_frag(c.nodes[0].model, st.cpu_left[0], st.gpus(&c, 0));
        let (_, gpu) = fgd_score(&c, &st, &typical, before, 0, &s);
        // On GPU 0 the pod leaves 500 (usable); on GPU 1 it would leave 200 (fragment).
        assert_eq!(gpu, 0);
    }

    #[test]
    fn names_round_trip() {
        for p in Policy::ALL {
            assert_eq!(Policy::from_name(p.name()), Some(p));
        }
        assert_eq!(Policy::from_name("FGD"), None);
    }
}
