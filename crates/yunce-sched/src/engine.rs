//! One scheduling step: the node a pod goes to and its GPUs. The decision is the one a scan
//! of every node in tie-break order makes; `index.rs` finds it without the scan.

use crate::capability::CapabilityTable;
use crate::cluster::{Cluster, ClusterState, NO_MODEL, Placement, Shape};
use crate::index::{ABSENT, Entry, FeasibleIndex, ScoreIndex};
use crate::policy::{self, Policy};
use crate::rng::{Pcg32, Stream};
use crate::typical::TypicalPods;

/// Above this many (node, key) pairs no index is kept, to bound memory; the engine then
/// scans, with the same decisions.
const MAX_INDEX_ENTRIES: usize = 32 * 1024 * 1024;

/// Change-log entries allowed beyond twice the node count before a compaction (small in
/// tests, so they exercise it).
const LOG_SLACK: usize = if cfg!(test) { 8 } else { 4096 };

/// Fixed-point scale of the fragmentation sum: exact for every node value of 2^-11 or more,
/// so an incremental sum never drifts.
const FRAG_SCALE: f64 = 18_446_744_073_709_551_616.0; // 2^64

fn frag_fixed(x: f64) -> i128 {
    (x * FRAG_SCALE) as i128
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
    /// Tie-break position of each node.
    pos_of: Vec<u32>,
    rng: Pcg32,
    pub node_frag: Vec<f64>,
    /// Sum of `node_frag` in fixed point.
    frag_sum: i128,
    /// Nodes changed since the indexes last caught up, in order.
    changes: Vec<u32>,
    /// Per node: its last position in `changes`.
    last_change: Vec<u32>,
    /// Per score key: the shape it was built for and its index (scoring policies).
    scored: Vec<Option<(Shape, ScoreIndex)>>,
    /// Per pod shape: its feasible set (Random-fit).
    feasible: Vec<Option<(Shape, FeasibleIndex)>>,
    /// Whether the indexes fit in memory; otherwise every pod scans.
    pub(crate) indexed: bool,
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
        (keys, shapes): (usize, usize),
        caps: &CapabilityTable,
    ) -> Self {
        let st = ClusterState::new(c);
        let node_frag: Vec<f64> = (0..c.len())
            .map(|n| typical.node_frag(c.nodes[n].model, st.cpu_left[n], st.gpus(c, n)))
            .collect();
        // Sorting by name first makes the order independent of the file's row order.
        let mut order: Vec<u32> = (0..c.len() as u32).collect();
        order.sort_by(|&a, &b| c.specs[a as usize].name.cmp(&c.specs[b as usize].name));
        Pcg32::new(seed, Stream::NodeOrder).shuffle(&mut order);
        let mut pos_of = vec![0u32; c.len()];
        for (pos, &n) in order.iter().enumerate() {
            pos_of[n as usize] = pos as u32;
        }
        let slots = if policy == Policy::Random {
            shapes
        } else {
            keys
        };
        let indexed = c.len().saturating_mul(slots) <= MAX_INDEX_ENTRIES;
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
            pos_of,
            rng: Pcg32::new(seed, Stream::Policy),
            frag_sum: node_frag.iter().map(|&f| frag_fixed(f)).sum(),
            node_frag,
            changes: Vec::new(),
            last_change: vec![u32::MAX; c.len()],
            scored: (0..keys).map(|_| None).collect(),
            feasible: (0..shapes).map(|_| None).collect(),
            indexed,
            model_factor,
            used_weighted: 0.0,
            capacity_weighted,
        }
    }

    fn score(&self, n: usize, s: &Shape) -> (i64, usize) {
        policy::score(
            self.policy,
            &self.c,
            &self.st,
            &self.typical,
            self.node_frag[n],
            n,
            s,
        )
    }

    /// Node `n`'s index entry for `s` (whose memory is ignored: the index is per score key).
    fn entry(&self, n: usize, s: &Shape) -> Entry {
        let (score, gpu) = if self.st.fits_except_memory(&self.c, n, s) {
            let (score, gpu) = self.score(n, s);
            // Every policy truncates to 0..=100; the index has one bucket per value.
            debug_assert!((0..=100).contains(&score), "score {score}");
            (score.clamp(0, 100) as i16, gpu as u8)
        } else {
            (ABSENT, 0)
        };
        Entry { score, gpu }
    }

    /// Calls `visit` on each node an index must re-examine: every node when the index is
    /// new, else each node logged since `cursor`, once, at its last entry (in its final state).
    fn for_each_stale(&self, cursor: usize, fresh: bool, mut visit: impl FnMut(usize)) {
        if fresh {
            (0..self.c.len()).for_each(visit);
            return;
        }
        for i in cursor..self.changes.len() {
            let n = self.changes[i] as usize;
            if self.last_change[n] as usize == i {
                visit(n);
            }
        }
    }

    /// Brings a score index up to date with the change log (or builds it).
    fn catch_up_scored(&self, s: &Shape, ix: &mut ScoreIndex, fresh: bool) {
        self.for_each_stale(ix.cursor, fresh, |n| {
            ix.set(n, self.pos_of[n], self.entry(n, s));
        });
        ix.cursor = self.changes.len();
    }

    /// Brings a feasible set up to date with the change log (or builds it).
    fn catch_up_feasible(&self, s: &Shape, ix: &mut FeasibleIndex, fresh: bool) {
        self.for_each_stale(ix.cursor, fresh, |n| {
            ix.set(n, self.pos_of[n], self.st.fits(&self.c, n, s));
        });
        ix.cursor = self.changes.len();
    }

    /// The scan's choice for a scoring policy, found in the key's index.
    fn best_indexed(&mut self, s: &Shape, key: usize) -> Option<(usize, usize)> {
        let (shape, mut ix, fresh) = match self.scored[key].take() {
            Some((shape, ix)) => (shape, ix, false),
            None => (*s, ScoreIndex::new(self.c.len()), true),
        };
        self.catch_up_scored(&shape, &mut ix, fresh);
        let pick = ix
            .best_first()
            .map(|pos| self.order[pos as usize] as usize)
            .find(|&n| self.st.mem_left[n] >= s.mem)
            .map(|n| (n, usize::from(ix.entries[n].gpu)));
        self.scored[key] = Some((shape, ix));
        pick
    }

    /// Random-fit's feasible set for a shape, up to date.
    fn feasible_set(&mut self, s: &Shape, sid: usize) -> (Shape, FeasibleIndex) {
        let (shape, mut ix, fresh) = match self.feasible[sid].take() {
            Some((shape, ix)) => (shape, ix, false),
            None => (*s, FeasibleIndex::new(self.c.len()), true),
        };
        self.catch_up_feasible(&shape, &mut ix, fresh);
        (shape, ix)
    }

    /// Random-fit: a uniformly drawn feasible node, drawn exactly as the scan draws it.
    fn random_pick(&mut self, s: &Shape, sid: usize) -> Option<usize> {
        if !self.indexed {
            let feasible: Vec<u32> = (0..self.order.len())
                .map(|i| self.order[i])
                .filter(|&n| self.st.fits(&self.c, n as usize, s))
                .collect();
            let pick = match feasible.len() {
                0 => return None,
                1 => feasible[0],
                len => feasible[self.rng.below(len as u32) as usize],
            };
            return Some(pick as usize);
        }
        let (shape, ix) = self.feasible_set(s, sid);
        let pos = match ix.len() {
            0 => None,
            1 => Some(ix.nth(0)),
            len => Some(ix.nth(self.rng.below(len))),
        };
        self.feasible[sid] = Some((shape, ix));
        pos.map(|p| self.order[p as usize] as usize)
    }

    /// A scoring policy's choice: the first node in tie-break order with the highest score.
    fn best_pick(&mut self, s: &Shape, key: usize) -> Option<(usize, usize)> {
        if self.indexed {
            return self.best_indexed(s, key);
        }
        let mut best: Option<(i64, usize, usize)> = None;
        for i in 0..self.order.len() {
            let n = self.order[i] as usize;
            if !self.st.fits(&self.c, n, s) {
                continue;
            }
            let (score, gpu) = self.score(n, s);
            if best.is_none_or(|(b, _, _)| score > b) {
                best = Some((score, n, gpu));
            }
        }
        best.map(|(_, n, gpu)| (n, gpu))
    }

    /// Catches every index up and empties the change log, so it stays O(nodes) long.
    fn compact(&mut self) {
        for key in 0..self.scored.len() {
            if let Some((shape, mut ix)) = self.scored[key].take() {
                self.catch_up_scored(&shape, &mut ix, false);
                ix.cursor = 0;
                self.scored[key] = Some((shape, ix));
            }
        }
        for sid in 0..self.feasible.len() {
            if let Some((shape, mut ix)) = self.feasible[sid].take() {
                self.catch_up_feasible(&shape, &mut ix, false);
                ix.cursor = 0;
                self.feasible[sid] = Some((shape, ix));
            }
        }
        self.changes.clear();
    }

    /// Schedules one pod of shape `s` (score key `key`, shape index `sid`), or returns
    /// `None` when no node passes the filter.
    pub fn try_place(&mut self, s: &Shape, key: usize, sid: usize) -> Option<Placement> {
        let (node, fgd_gpu) = if self.policy == Policy::Random {
            (self.random_pick(s, sid)?, 0)
        } else {
            self.best_pick(s, key)?
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
        let frag = self
            .typical
            .node_frag(model, self.st.cpu_left[n], self.st.gpus(&self.c, n));
        self.frag_sum += frag_fixed(frag) - frag_fixed(self.node_frag[n]);
        self.node_frag[n] = frag;
        self.last_change[n] = self.changes.len() as u32;
        self.changes.push(p.node);
        if self.changes.len() > 2 * self.c.len() + LOG_SLACK {
            self.compact();
        }
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

    /// Fragmented milli-GPU over the cluster, from the running fixed-point sum.
    pub fn cluster_frag(&self) -> f64 {
        self.frag_sum as f64 / FRAG_SCALE
    }
}

#[cfg(test)]
mod tests;
