//! Event queues: a tournament tree for sources that always have exactly one pending event
//! (components, groups, change processes), and a heap for the rest.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// The next event of every source that always has exactly one pending event (components,
/// groups, change processes), as a tournament tree.
///
/// Each inner node holds the earlier of its two children, so the root is the next event.
/// A new time for a source replays the matches on its path to the root: always
/// log₂ n steps, but each is an integer compare and a conditional move, and the siblings
/// it reads do not depend on each other. A binary heap's sift-down for a far-future time
/// (most of them: a host's next failure) mispredicts a branch at nearly every level.
#[derive(Clone, Debug)]
pub struct Sources {
    // Keys (see `key`); tree[1] is the root, leaves start at `leaves`, tree[0] is unused.
    tree: Vec<u128>,
    leaves: usize,
    count: usize,
}

/// Orders events by time, then by source, as one integer: the bits of a non-negative
/// float order like the float, and ties go to the lower source index, so the order is
/// a function of the seed alone.
fn key(t: f64, source: u32) -> u128 {
    // Adding +0 turns −0 (an exponential draw of exactly 0) into +0.
    (u128::from((t + 0.0).to_bits()) << 32) | u128::from(source)
}

/// An empty leaf: after every real source, even one that never fires.
const EMPTY: u128 = u128::MAX;

impl Sources {
    /// A tree of the given first event times, one per source.
    pub fn new(times: &[f64]) -> Self {
        let leaves = times.len().next_power_of_two();
        let mut tree = vec![EMPTY; 2 * leaves];
        for (i, t) in times.iter().enumerate() {
            tree[leaves + i] = key(*t, i as u32);
        }
        for i in (1..leaves).rev() {
            tree[i] = tree[2 * i].min(tree[2 * i + 1]);
        }
        Self {
            tree,
            leaves,
            count: times.len(),
        }
    }

    /// The source with the earliest event, and its time (infinity when there is none).
    pub fn min(&self) -> (usize, f64) {
        match self.tree.get(1) {
            Some(&k) if self.count > 0 => (k as u32 as usize, f64::from_bits((k >> 32) as u64)),
            _ => (0, f64::INFINITY),
        }
    }

    /// Gives the earliest source its next event time.
    pub fn replace_min(&mut self, t: f64) {
        if self.count > 0 {
            let source = self.tree[1] as u32;
            self.set(source as usize, t);
        }
    }

    /// Gives source `source` a new time (its own event fired, or a queued repair starts).
    pub fn set(&mut self, source: usize, t: f64) {
        if source >= self.count {
            return;
        }
        let mut i = self.leaves + source;
        let mut best = key(t, source as u32);
        self.tree[i] = best;
        while i > 1 {
            let other = self.tree[i ^ 1];
            // Near the leaves either side wins about half the time: a select, not a branch.
            best = std::hint::select_unpredictable(other < best, other, best);
            i >>= 1;
            self.tree[i] = best;
        }
    }
}

/// A one-off event: a change stage, a change rollback, or a scripted incident.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Pending {
    /// Stage `stage` of change `change` goes live (and bad).
    StageOn {
        /// Change process.
        change: u32,
        /// Stage index.
        stage: u32,
    },
    /// Stages `0..stages` of change `change` are rolled back.
    ChangeOff {
        /// Change process.
        change: u32,
        /// Stages deployed before detection.
        stages: u32,
    },
    /// Scripted incident `index` starts.
    ScriptOn(u32),
    /// Scripted outage `index` ends.
    ScriptOff(u32),
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    time: f64,
    seq: u64,
    event: Pending,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    // Reversed so the std max-heap pops the earliest event; the sequence number breaks ties.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .time
            .total_cmp(&self.time)
            .then(other.seq.cmp(&self.seq))
    }
}

/// A min-heap of one-off events, first in first out among equal times.
#[derive(Clone, Debug, Default)]
pub struct Agenda {
    heap: BinaryHeap<Entry>,
    seq: u64,
}

impl Agenda {
    /// Schedules `event` at `time`.
    pub fn push(&mut self, time: f64, event: Pending) {
        self.seq += 1;
        self.heap.push(Entry {
            time,
            seq: self.seq,
            event,
        });
    }

    /// Time of the earliest event, infinity when empty.
    pub fn next_time(&self) -> f64 {
        self.heap.peek().map_or(f64::INFINITY, |e| e.time)
    }

    /// Removes and returns the earliest event.
    pub fn pop(&mut self) -> Option<(f64, Pending)> {
        self.heap.pop().map(|e| (e.time, e.event))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_pop_in_time_order() {
        let mut s = Sources::new(&[5.0, 3.0, 9.0, 3.0, 7.0]);
        let mut order = Vec::new();
        for _ in 0..5 {
            let (i, t) = s.min();
            order.push((i, t));
            s.replace_min(f64::INFINITY);
        }
        assert_eq!(order, [(1, 3.0), (3, 3.0), (0, 5.0), (4, 7.0), (2, 9.0)]);
        let mut s = Sources::new(&[5.0, 3.0, 9.0]);
        s.set(2, 1.0);
        assert_eq!(s.min(), (2, 1.0));
        s.set(2, 8.0);
        s.set(1, 6.0);
        assert_eq!(s.min(), (0, 5.0));
    }

    #[test]
    fn agenda_is_fifo_on_ties() {
        let mut a = Agenda::default();
        a.push(2.0, Pending::ScriptOn(1));
        a.push(1.0, Pending::ScriptOn(2));
        a.push(2.0, Pending::ScriptOn(3));
        let order: Vec<_> = std::iter::from_fn(|| a.pop()).map(|(_, e)| e).collect();
        assert_eq!(
            order,
            [
                Pending::ScriptOn(2),
                Pending::ScriptOn(1),
                Pending::ScriptOn(3)
            ]
        );
    }
}
