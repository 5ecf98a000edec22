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
//! re-examines the nodes logged since it was last asked (each node once: at its last entry). The total work is the same set of
//! score computations the scan's per-node cache made, without the scan.

/// A cached score of one node for one score key.
#[derive(Clone, Copy)]
pub(crate) struct Entry {
    /// The score, or `ABSENT` when the node fails the filter.
    pub score: i16,
    /// The GPU FGD picked for a fractional pod.
    pub gpu: u8,
}

/// Score of a node that fails the filter: it is not ranked.
pub(crate) const ABSENT: i16 = -1;

/// Scores run 0..=100 (FGD's sigmoid and every other policy are truncated to that range).
const SCORES: usize = 101;

/// A set of positions with constant-time insert and remove and a quick "first at or after":
/// one bit per position, and one summary bit per non-empty word.
#[derive(Clone)]
struct Bits {
    words: Vec<u64>,
    summary: Vec<u64>,
}

impl Bits {
    fn new(len: usize) -> Self {
        let words = len.div_ceil(64);
        Self {
            words: vec![0; words],
            summary: vec![0; words.div_ceil(64)],
        }
    }

    fn insert(&mut self, pos: u32) {
        let (w, b) = (pos as usize / 64, pos % 64);
        self.words[w] |= 1 << b;
        self.summary[w / 64] |= 1 << (w % 64);
    }

    fn remove(&mut self, pos: u32) {
        let (w, b) = (pos as usize / 64, pos % 64);
        self.words[w] &= !(1 << b);
        if self.words[w] == 0 {
            self.summary[w / 64] &= !(1 << (w % 64));
        }
    }

    /// The first word index at or after `w` that has a bit set.
    fn next_word(&self, w: usize) -> Option<usize> {
        let mut s = w / 64;
        let mut mask = self.summary.get(s)? & (u64::MAX << (w % 64));
        loop {
            if mask != 0 {
                return Some(s * 64 + mask.trailing_zeros() as usize);
            }
            s += 1;
            mask = *self.summary.get(s)?;
        }
    }

    /// The first position at or after `pos`.
    fn first_from(&self, pos: u32) -> Option<u32> {
        let (w, b) = (pos as usize / 64, pos % 64);
        let here = self.words.get(w)? & (u64::MAX << b);
        if here != 0 {
            return Some((w * 64) as u32 + here.trailing_zeros());
        }
        let w = self.next_word(w + 1)?;
        Some((w * 64) as u32 + self.words[w].trailing_zeros())
    }
}

/// The nodes ranked for one score key: one position set per score.
#[derive(Clone)]
pub(crate) struct ScoreIndex {
    /// How far into the engine's change log this index has looked.
    pub cursor: usize,
    /// Per node index.
    pub entries: Vec<Entry>,
    /// Per score: the positions of the nodes with that score (made on first use).
    buckets: Vec<Option<Bits>>,
    /// Per score: how many nodes have it.
    counts: [u32; SCORES],
    positions: usize,
}

impl ScoreIndex {
    /// An index with no node examined yet.
    pub fn new(nodes: usize) -> Self {
        Self {
            cursor: 0,
            entries: vec![
                Entry {
                    score: ABSENT,
                    gpu: 0
                };
                nodes
            ],
            buckets: (0..SCORES).map(|_| None).collect(),
            counts: [0; SCORES],
            positions: nodes,
        }
    }

    /// Replaces node `n`'s entry (at tie-break position `pos`).
    pub fn set(&mut self, n: usize, pos: u32, entry: Entry) {
        let old = self.entries[n];
        self.entries[n] = entry;
        // Most changes leave a node's score for a key as it was: nothing to re-rank.
        if old.score == entry.score {
            return;
        }
        if let Ok(s) = usize::try_from(old.score)
            && let Some(bits) = self.buckets[s].as_mut()
        {
            bits.remove(pos);
            self.counts[s] -= 1;
        }
        if let Ok(s) = usize::try_from(entry.score) {
            let s = s.min(SCORES - 1);
            let len = self.positions;
            self.buckets[s]
                .get_or_insert_with(|| Bits::new(len))
                .insert(pos);
            self.counts[s] += 1;
        }
    }

    /// Tie-break positions of ranked nodes, best first: highest score, then earliest.
    pub fn best_first(&self) -> impl Iterator<Item = u32> + '_ {
        (0..SCORES)
            .rev()
            .filter(|&s| self.counts[s] > 0)
            .filter_map(|s| self.buckets[s].as_ref())
            .flat_map(|bits| {
                let mut next = Some(0u32);
                std::iter::from_fn(move || {
                    let pos = bits.first_from(next?)?;
                    next = pos.checked_add(1);
                    Some(pos)
                })
            })
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
            i += i.isolate_lowest_one();
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
        let e = |score| Entry { score, gpu: 0 };
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
