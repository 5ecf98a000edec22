//! One scheduling step: filter every node, score the feasible ones, pick a node and GPUs.

use crate::capability::CapabilityTable;
use crate::cluster::{Cluster, ClusterState, NO_MODEL, Placement, Shape};
use crate::policy::{self, Policy};
use crate::rng::{Pcg32, Stream};
use crate::typical::TypicalPods;

/// Above this many (node, shape) pairs the score cache is not used, to bound memory.
const MAX_CACHE_ENTRIES: usize = 32 * 1024 * 1024;

#[derive(Clone, Copy, Default)]
struct CacheEntry {
    epoch: u32,
    score: i32,
    gpu: u8,
}

/// Scheduling state shared by the inflation and replay experiments.
#[derive(Clone)]
pub(crate) struct Engine {
    pub c: Cluster,
    pub st: ClusterState,
    pub typical: TypicalPods,
    pub policy: Policy,
    /// Node indices in tie-break order: the earliest feasible node wins a tie.
    order: Vec<u32>,
    rng: Pcg32,
    pub node_frag: Vec<f64>,
    cache: Vec<CacheEntry>,
    keys: usize,
    feasible: Vec<u32>,
    /// Capability factor per model index.
    pub model_factor: Vec<f64>,
    pub used_weighted: f64,
    pub capacity_weighted: f64,
}

impl Engine {
    pub fn new(
        c: &Cluster,
        typical: TypicalPods,
        policy: Policy,
        seed: u64,
        keys: usize,
        caps: &CapabilityTable,
    ) -> Self {
        let st = ClusterState::new(c);
        let node_frag = (0..c.len())
            .map(|n| typical.node_frag(c.nodes[n].model, st.cpu_left[n], st.gpus(c, n)))
            .collect();
        // Sorting by name first makes the order independent of the file's row order.
        let mut order: Vec<u32> = (0..c.len() as u32).collect();
        order.sort_by(|&a, &b| c.specs[a as usize].name.cmp(&c.specs[b as usize].name));
        Pcg32::new(seed, Stream::NodeOrder).shuffle(&mut order);
        let use_cache =
            policy != Policy::Random && c.len().saturating_mul(keys) <= MAX_CACHE_ENTRIES;
        let model_factor: Vec<f64> = c.models.iter().map(|m| caps.factor(m)).collect();
        let capacity_weighted = c
            .nodes
            .iter()
            .filter(|n| n.model != NO_MODEL)
            .map(|n| f64::from(n.gpus) * 1000.0 * model_factor[n.model as usize])
            .sum();
        Self {
            c: c.clone(),
            st,
            typical,
            policy,
            order,
            rng: Pcg32::new(seed, Stream::Policy),
            node_frag,
            cache: if use_cache {
                vec![CacheEntry::default(); c.len() * keys]
            } else {
                Vec::new()
            },
            keys,
            feasible: Vec::new(),
            model_factor,
            used_weighted: 0.0,
            capacity_weighted,
        }
    }

    fn score(&mut self, n: usize, s: &Shape, key: usize) -> (i64, usize) {
        if self.cache.is_empty() {
            return policy::score(
                self.policy,
                &self.c,
                &self.st,
                &self.typical,
                self.node_frag[n],
                n,
                s,
            );
        }
        let idx = n * self.keys + key;
        let e = self.cache[idx];
        if e.epoch == self.st.epoch[n] {
            return (i64::from(e.score), usize::from(e.gpu));
        }
        let (score, gpu) = policy::score(
            self.policy,
            &self.c,
            &self.st,
            &self.typical,
            self.node_frag[n],
            n,
            s,
        );
        self.cache[idx] = CacheEntry {
            epoch: self.st.epoch[n],
            score: score as i32,
            gpu: gpu as u8,
        };
        (score, gpu)
    }

    /// Schedules one pod, or returns `None` when no node passes the filter.
    pub fn try_place(&mut self, s: &Shape, key: usize) -> Option<Placement> {
        let (node, fgd_gpu) = if self.policy == Policy::Random {
            self.feasible.clear();
            for &n in &self.order {
                if self.st.fits(&self.c, n as usize, s) {
                    self.feasible.push(n);
                }
            }
            let pick = match self.feasible.len() {
                0 => return None,
                1 => self.feasible[0],
                len => self.feasible[self.rng.below(len as u32) as usize],
            };
            (pick as usize, 0)
        } else {
            let mut best: Option<(i64, usize, usize)> = None;
            for i in 0..self.order.len() {
                let n = self.order[i] as usize;
                if !self.st.fits(&self.c, n, s) {
                    continue;
                }
                let (score, gpu) = self.score(n, s, key);
                if best.is_none_or(|(b, _, _)| score > b) {
                    best = Some((score, n, gpu));
                }
            }
            let (_, n, gpu) = best?;
            (n, gpu)
        };
        let gpu = if s.is_share() {
            let gpus = self.st.gpus(&self.c, node);
            policy::select_share_gpu(self.policy, gpus, s.milli, fgd_gpu, &mut self.rng)
        } else {
            0
        };
        let p = self.st.place(&self.c, node, s, gpu);
        self.after_change(&p, true);
        Some(p)
    }

    /// Removes a placed pod (replay departures).
    pub fn remove(&mut self, p: &Placement) {
        self.st.remove(&self.c, p);
        self.after_change(p, false);
    }

    fn after_change(&mut self, p: &Placement, add: bool) {
        let n = p.node as usize;
        let model = self.c.nodes[n].model;
        self.node_frag[n] =
            self.typical
                .node_frag(model, self.st.cpu_left[n], self.st.gpus(&self.c, n));
        if model != NO_MODEL {
            let w = f64::from(p.gpu_mask.count_ones())
                * f64::from(p.milli)
                * self.model_factor[model as usize];
            if add {
                self.used_weighted += w;
            } else {
                self.used_weighted -= w;
            }
        }
    }

    /// Fragmented milli-GPU over the cluster, summed in node index order.
    pub fn cluster_frag(&self) -> f64 {
        self.node_frag.iter().sum()
    }
}
