//! The discrete-event core: component up/down processes, group shocks, bad changes and
//! scripted incidents, propagated through the k-of-n gates to the customer segments.

use super::queue::{Agenda, Pending, Sources};
use super::slack::Slack;
pub use super::tally::{RawIncident, Tallies, Trigger};
use crate::compile::{Compiled, Dist, RepairDist, Scripted};
use crate::model::HOURS_PER_YEAR;
use crate::rng::{Pcg32, Stream};

/// Most incidents kept for the first-year timeline.
const TIMELINE_CAP: usize = 2_000;

pub struct Engine {
    c: Compiled,
    rng_units: Pcg32,
    rng_groups: Pcg32,
    rng_changes: Pcg32,
    rng_script: Pcg32,
    sources: Sources,
    agenda: Agenda,
    slack: Slack,
    // Whether repairs that cannot matter skip the queue (off only to test that it changes
    // nothing).
    use_slack: bool,
    // Source of the event being handled; `None` for a one-off event.
    rank: Option<u32>,
    own_down: Vec<bool>,
    // Next failure of a unit without a pool, drawn together with its repair.
    next_fail: Vec<f64>,
    forced: Vec<u32>,
    in_shock: Vec<bool>,
    pool_busy: Vec<u32>,
    pool_waiting: Vec<std::collections::VecDeque<u32>>,
    gate_down: Vec<u32>,
    seg_down: Vec<bool>,
    seg_since: Vec<f64>,
    down_segments: u32,
    share_now: f64,
    share_since: f64,
    peak: f64,
    open_incident: Option<usize>,
    year: u32,
    year_downtime: Vec<f64>,
    year_outages: Vec<u32>,
    year_cm: f64,
    year_incidents: u32,
    pub tallies: Tallies,
}

impl Engine {
    pub fn new(c: Compiled, seed: u64) -> Self {
        Self::with_slack(c, seed, true)
    }

    pub fn with_slack(c: Compiled, seed: u64, use_slack: bool) -> Self {
        let (nu, ng, nc) = (c.units.len(), c.groups.len(), c.changes.len());
        let segments = c.roots.len();
        let mut e = Self {
            rng_units: Pcg32::new(seed, Stream::Components),
            rng_groups: Pcg32::new(seed, Stream::Groups),
            rng_changes: Pcg32::new(seed, Stream::Changes),
            rng_script: Pcg32::new(seed, Stream::Scripted),
            sources: Sources::new(&[]),
            agenda: Agenda::default(),
            slack: Slack::new(&c),
            use_slack,
            rank: None,
            own_down: vec![false; nu],
            next_fail: vec![f64::INFINITY; nu],
            forced: vec![0; nu],
            in_shock: vec![false; ng],
            pool_busy: vec![0; c.pool_crews.len()],
            pool_waiting: vec![std::collections::VecDeque::new(); c.pool_crews.len()],
            gate_down: vec![0; c.gates.len()],
            seg_down: vec![false; segments],
            seg_since: vec![0.0; segments],
            down_segments: 0,
            share_now: 0.0,
            share_since: 0.0,
            peak: 0.0,
            open_incident: None,
            year: 0,
            year_downtime: vec![0.0; segments],
            year_outages: vec![0; segments],
            year_cm: 0.0,
            year_incidents: 0,
            tallies: Tallies {
                downtime: vec![Vec::new(); segments],
                outages: vec![0; segments],
                outages_sq: vec![0.0; segments],
                ..Tallies::default()
            },
            c,
        };
        let mut first = Vec::with_capacity(nu + ng + nc);
        for u in 0..nu {
            first.push(e.rng_units.exponential(e.c.units[u].mtbf));
        }
        for g in 0..ng {
            first.push(exp_rate(&mut e.rng_groups, e.c.groups[g].per_hour));
        }
        for ch in 0..nc {
            first.push(exp_rate(&mut e.rng_changes, e.c.changes[ch].bad_per_hour));
        }
        e.sources = Sources::new(&first);
        e
    }

    /// Simulates one more year and records its tallies.
    pub fn run_year(&mut self) {
        let start = f64::from(self.year) * HOURS_PER_YEAR;
        let end = start + HOURS_PER_YEAR;
        for (i, s) in self.c.scripted.iter().enumerate() {
            let at = match s {
                Scripted::Outage { start: h, .. } | Scripted::BadChange { start: h, .. } => *h,
            };
            self.agenda.push(start + at, Pending::ScriptOn(i as u32));
        }
        let (nu, ng) = (self.c.units.len(), self.c.groups.len());
        loop {
            let (leaf, t_leaf) = self.sources.min();
            let t_agenda = self.agenda.next_time();
            let t = t_leaf.min(t_agenda);
            if t >= end {
                break;
            }
            if t_agenda <= t_leaf {
                self.rank = None;
                if let Some((t, ev)) = self.agenda.pop() {
                    self.pending(t, ev);
                }
            } else if leaf < nu {
                self.rank = Some(leaf as u32);
                self.unit_event(leaf, t);
            } else if leaf < nu + ng {
                self.rank = Some(leaf as u32);
                self.group_event(leaf - nu, t);
            } else {
                self.rank = Some(leaf as u32);
                self.bad_change(leaf - nu - ng, t, Trigger::Change((leaf - nu - ng) as u32));
                let rate = self.c.changes[leaf - nu - ng].bad_per_hour;
                let next = t + exp_rate(&mut self.rng_changes, rate);
                self.sources.replace_min(next);
            }
        }
        self.close_year(end);
    }

    fn close_year(&mut self, end: f64) {
        for s in 0..self.seg_down.len() {
            if self.seg_down[s] {
                self.year_downtime[s] += end - self.seg_since[s];
                self.seg_since[s] = end;
            }
            self.tallies.downtime[s].push(self.year_downtime[s] * 60.0);
            let n = self.year_outages[s];
            self.tallies.outages[s] += u64::from(n);
            self.tallies.outages_sq[s] += f64::from(n) * f64::from(n);
            self.year_downtime[s] = 0.0;
            self.year_outages[s] = 0;
        }
        self.year_cm += self.share_now * (end - self.share_since);
        self.share_since = end;
        self.tallies.customer_minutes.push(self.year_cm * 60.0);
        self.tallies.incidents.push(self.year_incidents);
        self.year_cm = 0.0;
        self.year_incidents = 0;
        self.year += 1;
    }

    fn unit_event(&mut self, u: usize, t: f64) {
        let unit = &self.c.units[u];
        if self.own_down[u] {
            let next = match unit.pool {
                None => self.next_fail[u],
                Some(_) => t + self.rng_units.exponential(unit.mtbf),
            };
            self.sources.replace_min(next);
            self.own_down[u] = false;
            if self.forced[u] == 0 {
                self.flip(u, false, t, Trigger::Component(u as u32));
            }
            // The crew moves on to the longest-waiting failure of its pool.
            if let Some(p) = self.c.units[u].pool {
                let p = p as usize;
                self.pool_busy[p] = self.pool_busy[p].saturating_sub(1);
                if let Some(v) = self.pool_waiting[p].pop_front() {
                    self.pool_busy[p] += 1;
                    let repair = self.repair_time(v as usize);
                    self.sources.set(v as usize, t + repair);
                }
            }
        } else {
            let starts = match unit.pool {
                None => true,
                Some(p) => {
                    let p = p as usize;
                    let free = self.pool_busy[p] < self.c.pool_crews[p];
                    if free {
                        self.pool_busy[p] += 1;
                    } else {
                        self.pool_waiting[p].push_back(u as u32);
                    }
                    free
                }
            };
            let done = if starts {
                t + self.repair_time(u)
            } else {
                f64::INFINITY
            };
            // Without a pool the up-time after the repair is drawn now, so a repair that
            // cannot change any gate needs no event of its own (see `slack`).
            if self.c.units[u].pool.is_none() {
                self.next_fail[u] = done + self.rng_units.exponential(self.c.units[u].mtbf);
            }
            if self.use_slack && self.wait_out(u, t, done) {
                return;
            }
            self.sources.replace_min(done);
            self.own_down[u] = true;
            if self.forced[u] == 0 {
                self.flip(u, true, t, Trigger::Component(u as u32));
            }
        }
    }

    /// Counts unit `u`, failed at `t` until `done`, down in its gate without queueing the
    /// repair, if the gate stays up; says whether it did.
    fn wait_out(&mut self, u: usize, t: f64, done: f64) -> bool {
        let Some(g) = self.slack.gate_of(u) else {
            return false;
        };
        self.slack.settle(g, t, self.rank, &mut self.gate_down[g]);
        let gate = &self.c.gates[g];
        if self.gate_down[g] >= gate.n - gate.k {
            return false;
        }
        self.gate_down[g] += 1;
        self.slack.wait(u, g, done);
        self.sources.replace_min(self.next_fail[u]);
        true
    }

    fn repair_time(&mut self, u: usize) -> f64 {
        match self.c.units[u].repair {
            RepairDist::Dist(d) => sample(&mut self.rng_units, d),
            RepairDist::Response => {
                let r = self.c.response;
                r.iter().map(|d| sample(&mut self.rng_units, *d)).sum()
            }
        }
    }

    fn group_event(&mut self, g: usize, t: f64) {
        let shock = !self.in_shock[g];
        self.in_shock[g] = shock;
        let members = std::mem::take(&mut self.c.groups[g].members);
        for m in &members {
            self.force(*m as usize, shock, t, Trigger::Group(g as u32));
        }
        self.c.groups[g].members = members;
        let group = &self.c.groups[g];
        let next = if shock {
            sample(&mut self.rng_groups, group.duration)
        } else {
            exp_rate(&mut self.rng_groups, group.per_hour)
        };
        self.sources.replace_min(t + next);
    }

    /// A bad change goes out at `t`: stages roll out until detection, then all roll back.
    fn bad_change(&mut self, ch: usize, t: f64, trigger: Trigger) {
        let rng = match trigger {
            Trigger::Scripted(_) => &mut self.rng_script,
            _ => &mut self.rng_changes,
        };
        let [d, l, r] = self.c.response;
        let detect = sample(rng, d);
        let restore = detect + sample(rng, l) + sample(rng, r);
        let n = self.c.changes[ch].stages.len();
        let deployed = match self.c.changes[ch].bake {
            None => n,
            // Stage j goes out at j × bake; detection stops the rollout.
            Some(bake) => ((detect / bake).floor() as usize + 1).min(n),
        };
        let bake = self.c.changes[ch].bake.unwrap_or(0.0);
        self.set_stage(ch, 0, true, t, trigger);
        for j in 1..deployed {
            let at = t + j as f64 * bake;
            let ev = Pending::StageOn {
                change: ch as u32,
                stage: j as u32,
            };
            if bake == 0.0 {
                self.set_stage(ch, j, true, t, trigger);
            } else {
                self.agenda.push(at, ev);
            }
        }
        self.agenda.push(
            t + restore,
            Pending::ChangeOff {
                change: ch as u32,
                stages: deployed as u32,
            },
        );
    }

    fn set_stage(&mut self, ch: usize, stage: usize, down: bool, t: f64, trigger: Trigger) {
        let units = std::mem::take(&mut self.c.changes[ch].stages[stage]);
        for u in &units {
            self.force(*u as usize, down, t, trigger);
        }
        self.c.changes[ch].stages[stage] = units;
    }

    fn pending(&mut self, t: f64, ev: Pending) {
        match ev {
            Pending::StageOn { change, stage } => {
                let trigger = Trigger::Change(change);
                self.set_stage(change as usize, stage as usize, true, t, trigger);
            }
            Pending::ChangeOff { change, stages } => {
                for j in 0..stages as usize {
                    self.set_stage(change as usize, j, false, t, Trigger::Change(change));
                }
            }
            Pending::ScriptOn(i) => match &self.c.scripted[i as usize] {
                Scripted::Outage {
                    targets, duration, ..
                } => {
                    let targets = targets.clone();
                    let end = t + sample(&mut self.rng_script, *duration);
                    for u in targets {
                        self.force(u as usize, true, t, Trigger::Scripted(i));
                    }
                    self.agenda.push(end, Pending::ScriptOff(i));
                }
                Scripted::BadChange { change, .. } => {
                    self.bad_change(*change as usize, t, Trigger::Scripted(i));
                }
            },
            Pending::ScriptOff(i) => {
                if let Scripted::Outage { targets, .. } = &self.c.scripted[i as usize] {
                    for u in targets.clone() {
                        self.force(u as usize, false, t, Trigger::Scripted(i));
                    }
                }
            }
        }
    }

    /// Adds or removes one forced-down cause of unit `u`.
    fn force(&mut self, u: usize, down: bool, t: f64, trigger: Trigger) {
        let before = self.own_down[u] || self.forced[u] > 0;
        if down {
            self.forced[u] += 1;
        } else {
            self.forced[u] = self.forced[u].saturating_sub(1);
        }
        let after = self.own_down[u] || self.forced[u] > 0;
        if before != after {
            self.flip(u, after, t, trigger);
        }
    }

    /// Unit `u` changed state: walk the change up through the gates.
    fn flip(&mut self, u: usize, down: bool, t: f64, trigger: Trigger) {
        for p in 0..self.c.units[u].parents.len() {
            let mut g = self.c.units[u].parents[p] as usize;
            loop {
                let gate = &self.c.gates[g];
                let (limit, segment, parent) = (gate.n - gate.k, gate.segment, gate.parent);
                self.slack.settle(g, t, self.rank, &mut self.gate_down[g]);
                let was = self.gate_down[g] > limit;
                if down {
                    self.gate_down[g] += 1;
                } else {
                    self.gate_down[g] = self.gate_down[g].saturating_sub(1);
                }
                let is = self.gate_down[g] > limit;
                if was == is {
                    break;
                }
                // The gate went down: repairs waiting in it now decide when it comes back.
                while let Some((c, up_at)) = self.slack.take(g) {
                    self.own_down[c] = true;
                    self.sources.set(c, up_at);
                }
                if let Some(s) = segment {
                    self.segment(s as usize, is, t, trigger);
                }
                match parent {
                    Some(parent) => g = parent as usize,
                    None => break,
                }
            }
        }
    }

    fn segment(&mut self, s: usize, down: bool, t: f64, trigger: Trigger) {
        self.year_cm += self.share_now * (t - self.share_since);
        self.share_since = t;
        let share = self.c.shares[s];
        self.seg_down[s] = down;
        if down {
            self.seg_since[s] = t;
            self.year_outages[s] += 1;
            self.share_now += share;
            if self.down_segments == 0 {
                self.year_incidents += 1;
                self.peak = 0.0;
                if self.year == 0 && self.tallies.first_year.len() < TIMELINE_CAP {
                    self.open_incident = Some(self.tallies.first_year.len());
                    self.tallies.first_year.push(RawIncident {
                        start: t,
                        end: f64::INFINITY,
                        peak_share: 0.0,
                        trigger,
                    });
                }
            }
            self.down_segments += 1;
            self.peak = self.peak.max(self.share_now);
        } else {
            self.year_downtime[s] += t - self.seg_since[s];
            self.share_now = (self.share_now - share).max(0.0);
            self.down_segments = self.down_segments.saturating_sub(1);
            if self.down_segments == 0 {
                self.share_now = 0.0;
                self.tallies.blast_sum += self.peak;
                self.tallies.blast_sq += self.peak * self.peak;
                self.tallies.blast_count += 1;
                if let Some(i) = self.open_incident.take() {
                    self.tallies.first_year[i].end = t;
                    self.tallies.first_year[i].peak_share = self.peak;
                }
            }
        }
        if let Some(i) = self.open_incident {
            self.tallies.first_year[i].peak_share = self.peak;
        }
    }
}

fn exp_rate(rng: &mut Pcg32, per_hour: f64) -> f64 {
    if per_hour > 0.0 {
        rng.exponential(1.0 / per_hour)
    } else {
        f64::INFINITY
    }
}

fn sample(rng: &mut Pcg32, d: Dist) -> f64 {
    match d {
        Dist::Fixed(h) => h,
        Dist::Exponential(m) => rng.exponential(m),
        Dist::LogNormal(m, s) => rng.lognormal(m, s),
    }
}
