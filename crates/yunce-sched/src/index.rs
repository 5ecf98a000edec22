//! Indexes that find a pod's node without scanning the cluster, with the very decision the
//! scan would make.
//!
//! A scan visits the nodes in tie-break order and keeps the first node with the highest
//! score. [`ScoreIndex`] keeps, for one score key, every node that passes the filter (memory
//! aside) ranked by (score descending, tie-break position ascending), so its first entry
//! that fits in memory is the scan's choice. [`FeasibleIndex`] keeps, for one pod shape, the
//! set of feasible positions in a Fenwick tree, so Random-fit's "k-th feasible node in
//! order" is a logarithmic search.
//!
//! Both are brought up to date lazily: the engine logs every node it changes, and an index
//! re-examines the nodes logged since it was last asked. The total work is the same set of
//! score computations the scan's per-node cache made, without the scan.

use std::collections::BTreeSet;

/// A cached score of one node for one score key.
#[derive(Clone, Copy)]
pub(crate) struct Entry {
    /// The node's epoch when this entry was computed (0: never).
    pub epoch: u32,
    /// The score, or `ABSENT` when the node fails the filter.
    pub score: i16,
    /// The GPU FGD picked for a fractional pod.
    pub gpu: u8,
}

/// Score of a node that fails the filter: it is not ranked.
pub(crate) const ABSENT: i16 = -1;

/// Rank key: higher scores first, then earlier positions.
fn rank(score: i16, pos: u32) -> u64 {
    // Scores are 0..=100 (checked on insert), so 1000 - score is positive.
    (u64::from((1000 - i32::from(score)) as u32) << 32) | u64::from(pos)
}

/// The nodes ranked for one score key.
#[derive(Clone)]
pub(crate) struct ScoreIndex {
    /// How far into the engine's change log this index has looked.
    pub cursor: usize,
    /// Per node index.
    pub entries: Vec<Entry>,
    ranked: BTreeSet<u64>,
}

impl ScoreIndex {
    /// An index with no node examined yet.
    pub fn new(nodes: usize) -> Self {
        Self {
            cursor: 0,
            entries: vec![
                Entry {
                    epoch: 0,
                    score: ABSENT,
                    gpu: 0
                };
                nodes
            ],
            ranked: BTreeSet::new(),
        }
    }

    /// Replaces node `n`'s entry (at tie-break position `pos`).
    pub fn set(&mut self, n: usize, pos: u32, entry: Entry) {
        let old = self.entries[n];
        if old.score != ABSENT {
            self.ranked.remove(&rank(old.score, pos));
        }
        if entry.score != ABSENT {
            debug_assert!((0..=100).contains(&entry.score));
            self.ranked.insert(rank(entry.score, pos));
        }
        self.entries[n] = entry;
    }

    /// Tie-break positions of ranked nodes, best first.
    pub fn best_first(&self) -> impl Iterator<Item = u32> + '_ {
        self.ranked.iter().map(|&r| r as u32)
    }
}

/// The feasible positions for one pod shape, for Random-fit.
#[derive(Clone)]
pub(crate) struct FeasibleIndex {
    /// How far into the engine's change log this index has looked.
    pub cursor: usize,
    /// Whether each node (by index) is counted.
    pub member: Vec<bool>,
    /// Fenwick tree over tie-break positions, 1-based.
    tree: Vec<u32>,
    count: u32,
}

impl FeasibleIndex {
    /// An index with no feasible node.
    pub fn new(nodes: usize) -> Self {
        Self {
            cursor: 0,
            member: vec![false; nodes],
            tree: vec![0; nodes + 1],
            count: 0,
        }
    }

    /// Marks node `n` (at position `pos`) feasible or not.
    pub fn set(&mut self, n: usize, pos: u32, feasible: bool) {
        if self.member[n] == feasible {
            return;
        }
        self.member[n] = feasible;
        let mut i = pos as usize + 1;
        while i < self.tree.len() {
            if feasible {
                self.tree[i] += 1;
            } else {
                self.tree[i] -= 1;
            }
            i += i & i.wrapping_neg();
        }
        if feasible {
            self.count += 1;
        } else {
            self.count -= 1;
        }
    }

    /// Number of feasible nodes.
    pub fn len(&self) -> u32 {
        self.count
    }

    /// Position of the `k`-th feasible node in tie-break order (0-based); `k < len()`.
    pub fn nth(&self, k: u32) -> u32 {
        let (mut pos, mut left) = (0usize, k + 1);
        let mut step = (self.tree.len() - 1).next_power_of_two();
        while step > 0 {
            let next = pos + step;
            if next < self.tree.len() && self.tree[next] < left {
                pos = next;
                left -= self.tree[next];
            }
            step >>= 1;
        }
        pos as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_by_score_then_position() {
        let mut ix = ScoreIndex::new(4);
        let e = |score| Entry {
            epoch: 1,
            score,
            gpu: 0,
        };
        ix.set(0, 3, e(50));
        ix.set(1, 1, e(70));
        ix.set(2, 0, e(50));
        ix.set(3, 2, e(ABSENT));
        assert_eq!(ix.best_first().collect::<Vec<_>>(), [1, 0, 3]);
        ix.set(1, 1, e(10));
        assert_eq!(ix.best_first().collect::<Vec<_>>(), [0, 3, 1]);
    }

    #[test]
    fn fenwick_finds_the_kth_member() {
        let mut ix = FeasibleIndex::new(10);
        for (n, pos) in [(0, 7), (1, 2), (2, 9), (3, 4)] {
            ix.set(n, pos, true);
        }
        assert_eq!(ix.len(), 4);
        let order: Vec<u32> = (0..4).map(|k| ix.nth(k)).collect();
        assert_eq!(order, [2, 4, 7, 9]);
        ix.set(3, 4, false);
        assert_eq!((ix.len(), ix.nth(1)), (3, 7));
    }
}
