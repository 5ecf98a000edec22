//! Repairs that cannot matter, kept out of the event queue.
//!
//! Most failures in a large topology are a node of a k-of-n group going down for a few
//! minutes while its gate keeps enough children up. Such a repair cannot change the gate,
//! and so nothing above it, unless another child fails before it ends. The engine then
//! counts the child as down in its gate and records when its repair ends instead of
//! queueing a repair event; the gate settles those repairs lazily whenever it is touched,
//! and queues the outstanding ones as real events the moment it goes down. The results are
//! the same as with every repair queued, including the order of events at equal times.

use crate::compile::Compiled;

/// No gate: the unit always queues its repair.
const NONE: u32 = u32::MAX;

/// Children of each gate whose repair is waiting outside the event queue.
pub struct Slack {
    // The one gate a unit may wait in, or NONE.
    gate_of: Vec<u32>,
    // When each waiting unit's repair ends.
    up_at: Vec<f64>,
    // Waiting children per gate (at most n − k, so a handful).
    waiting: Vec<Vec<u32>>,
}

impl Slack {
    /// Units may wait when their own repair is all that holds them down: no repair pool
    /// (a crew's queue needs the repair event), nothing that forces them down, and one
    /// parent gate that tolerates a failed child.
    pub fn new(c: &Compiled) -> Self {
        let mut forced = vec![false; c.units.len()];
        let stages = c.changes.iter().flat_map(|ch| ch.stages.iter().flatten());
        let members = c.groups.iter().flat_map(|g| g.members.iter());
        let scripted = c.scripted.iter().flat_map(|s| match s {
            crate::compile::Scripted::Outage { targets, .. } => targets.as_slice(),
            crate::compile::Scripted::BadChange { .. } => &[],
        });
        for u in stages.chain(members).chain(scripted) {
            if let Some(f) = forced.get_mut(*u as usize) {
                *f = true;
            }
        }
        let gate_of = c
            .units
            .iter()
            .zip(&forced)
            .map(|(unit, forced)| match unit.parents.as_slice() {
                [g] if !forced && unit.pool.is_none() => {
                    let gate = &c.gates[*g as usize];
                    if gate.k < gate.n { *g } else { NONE }
                }
                _ => NONE,
            })
            .collect();
        Self {
            gate_of,
            up_at: vec![f64::NEG_INFINITY; c.units.len()],
            waiting: c
                .gates
                .iter()
                .map(|g| Vec::with_capacity((g.n - g.k) as usize))
                .collect(),
        }
    }

    /// The gate unit `u` may wait in.
    pub fn gate_of(&self, u: usize) -> Option<usize> {
        let g = self.gate_of[u];
        (g != NONE).then_some(g as usize)
    }

    /// Unit `u` waits in its gate until `up_at` (already counted down in the gate).
    pub fn wait(&mut self, u: usize, g: usize, up_at: f64) {
        self.up_at[u] = up_at;
        self.waiting[g].push(u as u32);
    }

    /// Ends the repairs of gate `g` that the event queue would have run before the current
    /// event at `t` (source `rank`, or `None` for a one-off event, which goes first among
    /// equal times): they only lower the gate's count while it is up.
    pub fn settle(&mut self, g: usize, t: f64, rank: Option<u32>, gate_down: &mut u32) {
        let waiting = &mut self.waiting[g];
        let up_at = &self.up_at;
        let before = waiting.len();
        waiting.retain(|&c| {
            let at = up_at[c as usize];
            !(at < t || (at == t && rank.is_some_and(|r| c <= r)))
        });
        *gate_down = gate_down.saturating_sub((before - waiting.len()) as u32);
    }

    /// Takes the waiting children of gate `g` (it went down, so their repairs matter now),
    /// with the times their repairs end.
    pub fn take(&mut self, g: usize) -> Option<(usize, f64)> {
        self.waiting[g]
            .pop()
            .map(|c| (c as usize, self.up_at[c as usize]))
    }
}

#[cfg(test)]
mod tests {
    use crate::compile::compile;
    use crate::params::Params;
    use crate::sim::engine::Engine;
    use crate::topology::{Layout, region};
    use crate::{Scenario, presets};

    fn tallies(s: &Scenario, use_slack: bool) -> crate::sim::engine::Tallies {
        let c = compile(s).unwrap_or_else(|e| panic!("{e}"));
        let mut e = Engine::with_slack(c, s.seed, use_slack);
        for _ in 0..s.years {
            e.run_year();
        }
        e.tallies
    }

    fn scenarios() -> Vec<Scenario> {
        let params = Params::embedded().unwrap_or_else(|e| panic!("{e}"));
        let mut all = Vec::new();
        for (needed, racks_needed, years) in [(8, 8, 300), (1, 2, 100), (10, 9, 100), (9, 1, 200)] {
            let layout = Layout {
                zones: 1,
                cells_per_zone: 2,
                racks_per_cell: 3,
                racks_needed,
                nodes_per_rack: 10,
                nodes_needed: needed,
            };
            let layout = Layout {
                racks_needed: layout.racks_needed.min(layout.racks_per_cell),
                ..layout
            };
            let mut s = region(&params, layout).unwrap_or_else(|e| panic!("{e}"));
            // Nodes that fail often and repair slowly, so gates do go down.
            for c in s.components.iter_mut().filter(|c| c.name.contains("node")) {
                c.failure = crate::FailureRate::MtbfHours(crate::Value::user(200.0));
            }
            s.years = years;
            all.push(s);
        }
        for p in presets::all().unwrap_or_else(|e| panic!("{e}")) {
            all.push(p.incident);
            all.extend(p.what_ifs.into_iter().map(|w| w.scenario));
        }
        for s in &mut all[4..] {
            s.years = 300;
        }
        all
    }

    #[test]
    fn waiting_repairs_change_nothing() {
        for s in scenarios() {
            let with = tallies(&s, true);
            assert!(with == tallies(&s, false), "{}", s.name);
        }
    }
}
