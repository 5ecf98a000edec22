//! Event queues: a replace-top heap for sources that always have exactly one pending
//! event (components, groups, change processes), and a heap for the rest.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// The next event of every source that always has exactly one pending event (components,
/// groups, change processes), as an implicit binary min-heap of (time, source).
///
/// A source's time only changes when its own event fires, and that event is always the
/// earliest, so the one update needed is "replace the top and sift down". Short repairs
/// stay near the top, so most updates stop after a few levels.
#[derive(Clone, Debug)]
pub struct Sources {
    heap: Vec<(f64, u32)>,
    // Heap index of every source, for the rare update away from the top.
    pos: Vec<u32>,
}

fn earlier(a: (f64, u32), b: (f64, u32)) -> bool {
    // Ties go to the lower source index, so the order is a function of the seed alone.
    a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
}

impl Sources {
    /// A heap of the given first event times, one per source.
    pub fn new(times: &[f64]) -> Self {
        let mut s = Self {
            heap: times
                .iter()
                .enumerate()
                .map(|(i, t)| (*t, i as u32))
                .collect(),
            pos: (0..times.len() as u32).collect(),
        };
        for i in (0..s.heap.len() / 2).rev() {
            s.sift_down(i);
        }
        s
    }

    /// The source with the earliest event, and its time (infinity when there is none).
    pub fn min(&self) -> (usize, f64) {
        self.heap
            .first()
            .map_or((0, f64::INFINITY), |(t, i)| (*i as usize, *t))
    }

    /// Gives the earliest source its next event time.
    pub fn replace_min(&mut self, t: f64) {
        if let Some(top) = self.heap.first_mut() {
            top.0 = t;
            self.sift_down(0);
        }
    }

    /// Gives source `source` a new time wherever it sits (a queued repair that starts).
    pub fn set(&mut self, source: usize, t: f64) {
        let Some(&p) = self.pos.get(source) else {
            return;
        };
        let p = p as usize;
        let old = self.heap[p];
        self.heap[p].0 = t;
        if earlier(self.heap[p], old) {
            self.sift_up(p);
        } else {
            self.sift_down(p);
        }
    }

    fn sift_up(&mut self, mut i: usize) {
        let item = self.heap[i];
        while i > 0 {
            let parent = (i - 1) / 2;
            if !earlier(item, self.heap[parent]) {
                break;
            }
            self.heap[i] = self.heap[parent];
            self.pos[self.heap[i].1 as usize] = i as u32;
            i = parent;
        }
        self.heap[i] = item;
        self.pos[item.1 as usize] = i as u32;
    }

    fn sift_down(&mut self, mut i: usize) {
        let n = self.heap.len();
        let item = self.heap[i];
        loop {
            let left = 2 * i + 1;
            if left >= n {
                break;
            }
            let right = left + 1;
            let child = if right < n && earlier(self.heap[right], self.heap[left]) {
                right
            } else {
                left
            };
            if !earlier(self.heap[child], item) {
                break;
            }
            self.heap[i] = self.heap[child];
            self.pos[self.heap[i].1 as usize] = i as u32;
            i = child;
        }
        self.heap[i] = item;
        self.pos[item.1 as usize] = i as u32;
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
