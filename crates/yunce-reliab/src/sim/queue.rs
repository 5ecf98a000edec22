//! Event queues: a tournament tree for sources that always have exactly one pending
//! event (components, groups, change processes), and a heap for the rest.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A min tournament tree over `n` leaf times. Updating a leaf is `log n` comparisons with
/// no allocation, which is cheaper than a heap when every source has one pending event.
#[derive(Clone, Debug)]
pub struct Tournament {
    size: usize,
    times: Vec<f64>,
    winners: Vec<u32>,
}

impl Tournament {
    /// A tree of `n` leaves, all at infinity.
    pub fn new(n: usize) -> Self {
        let size = n.max(1).next_power_of_two();
        let mut winners = vec![0u32; 2 * size];
        for i in 0..size {
            winners[size + i] = i as u32;
        }
        for node in (1..size).rev() {
            winners[node] = winners[2 * node];
        }
        Self {
            size,
            times: vec![f64::INFINITY; size],
            winners,
        }
    }

    /// Sets leaf `i` to time `t`. Ties go to the lower index, so order is deterministic.
    pub fn set(&mut self, i: usize, t: f64) {
        self.times[i] = t;
        let mut node = (self.size + i) >> 1;
        while node >= 1 {
            let a = self.winners[2 * node];
            let b = self.winners[2 * node + 1];
            self.winners[node] = if self.times[a as usize] <= self.times[b as usize] {
                a
            } else {
                b
            };
            node >>= 1;
        }
    }

    /// The leaf with the earliest time, and that time.
    pub fn min(&self) -> (usize, f64) {
        let i = self.winners[1] as usize;
        (i, self.times[i])
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
    fn tournament_tracks_minimum() {
        let mut t = Tournament::new(5);
        for (i, x) in [5.0, 3.0, 9.0, 3.0, 7.0].iter().enumerate() {
            t.set(i, *x);
        }
        assert_eq!(t.min(), (1, 3.0));
        t.set(1, 10.0);
        assert_eq!(t.min(), (3, 3.0));
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
