//! Event queues: a tournament tree for sources that always have exactly one pending event
//! (components, groups, change processes), and a heap for the rest.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// The next event of every source that always has exactly one pending event (components,
/// groups, change processes), as a tournament tree.
///
/// Each inner node holds the earlier of its two children, so the root is the next event.
/// A new time for a source replays the matches on its path to the root: always
/// log₂ n steps, but each is an integer compare and two conditional moves, and the
/// siblings it reads do not depend on each other. A binary heap's sift-down for a
/// far-future time (most of them: a host's next failure) mispredicts at nearly every level.
#[derive(Clone, Debug)]
pub struct Sources {
    // Per node: the winner's time as float bits and its source; node 1 is the root,
    // leaves start at `leaves`, node 0 is unused.
    time: Vec<u64>,
    source: Vec<u32>,
    leaves: usize,
    count: usize,
}

/// The bits of a non-negative float order like the float; adding +0 turns −0 (an
/// exponential draw of exactly 0) into +0.
fn bits(t: f64) -> u64 {
    (t + 0.0).to_bits()
}

/// Whether the right player beats the left one. Sources sit in index order, so a tie
/// going left means ties go to the lower index and the order is a function of the seed.
fn right_wins(left: u64, right: u64) -> bool {
    right < left
}

impl Sources {
    /// A tree of the given first event times, one per source.
    pub fn new(times: &[f64]) -> Self {
        let leaves = times.len().next_power_of_two();
        // Empty leaves come after every real source, so they lose every tie.
        let mut time = vec![f64::INFINITY.to_bits(); 2 * leaves];
        let mut source = vec![u32::MAX; 2 * leaves];
        for (i, t) in times.iter().enumerate() {
            time[leaves + i] = bits(*t);
            source[leaves + i] = i as u32;
        }
        for i in (1..leaves).rev() {
            let w = if right_wins(time[2 * i], time[2 * i + 1]) {
                2 * i + 1
            } else {
                2 * i
            };
            time[i] = time[w];
            source[i] = source[w];
        }
        Self {
            time,
            source,
            leaves,
            count: times.len(),
        }
    }

    /// The source with the earliest event, and its time (infinity when there is none).
    pub fn min(&self) -> (usize, f64) {
        match (self.time.get(1), self.source.get(1)) {
            (Some(&t), Some(&s)) if self.count > 0 => (s as usize, f64::from_bits(t)),
            _ => (0, f64::INFINITY),
        }
    }

    /// Gives the earliest source its next event time.
    pub fn replace_min(&mut self, t: f64) {
        if self.count > 0 {
            let source = self.source[1];
            self.set(source as usize, t);
        }
    }

    /// Gives source `source` a new time (its own event fired, or a queued repair starts).
    pub fn set(&mut self, source: usize, t: f64) {
        if source >= self.count {
            return;
        }
        let mut i = self.leaves + source;
        let (mut bt, mut bs) = (bits(t), source as u32);
        self.time[i] = bt;
        self.source[i] = bs;
        while i > 1 {
            let (ot, os) = (self.time[i ^ 1], self.source[i ^ 1]);
            // A right child's sibling is on the left and wins ties.
            let other_wins = if i & 1 == 1 { ot <= bt } else { ot < bt };
            // Near the leaves either side wins about half the time: selects, not a branch.
            bt = std::hint::select_unpredictable(other_wins, ot, bt);
            bs = std::hint::select_unpredictable(other_wins, os, bs);
            i >>= 1;
            self.time[i] = bt;
            self.source[i] = bs;
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
    fn sources_match_a_sorted_reference_with_ties() {
        // 37 sources (not a power of two), times with many ties, some never firing.
        let times: Vec<f64> = (0..37u32)
            .map(|i| match i % 5 {
                4 => f64::INFINITY,
                k => f64::from((i * 7 + k) % 6),
            })
            .collect();
        let mut want: Vec<(f64, usize)> = times.iter().copied().zip(0..).collect();
        want.retain(|w| w.0.is_finite());
        want.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut s = Sources::new(&times);
        // A fired source goes to infinity, where it ties with those that never fire.
        let got: Vec<(f64, usize)> = (0..want.len())
            .map(|_| {
                let (i, t) = s.min();
                s.replace_min(f64::INFINITY);
                (t, i)
            })
            .collect();
        assert_eq!(got, want);
        assert_eq!(s.min(), (0, f64::INFINITY));
        assert_eq!(Sources::new(&[]).min(), (0, f64::INFINITY));
        assert_eq!(Sources::new(&[-0.0]).min(), (0, 0.0));
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
