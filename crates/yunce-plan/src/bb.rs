//! Branch and bound over microlp's LP relaxations, with a rounding heuristic.
//!
//! *Why our own:* microlp's integer search stalled on plans of tens of thousands of servers
//! (it found no incumbent in minutes on the seed preset). Here every node is an LP with
//! column bounds; the search is depth first, nearest rounding first, with a rounding-and-
//! repair heuristic at every node, pruning at a relative gap and a fixed node limit, so the
//! time is bounded and the result does not depend on the clock.

use crate::model::{LinearProgram, Sense, SolveFailure};

/// Nodes explored before the search returns its best plan.
pub const NODE_LIMIT: usize = 400;

/// The best whole-server plan found, and how good it is known to be.
#[derive(Debug, Clone)]
pub(crate) struct BbResult {
    /// Values per column (whole numbers).
    pub x: Vec<f64>,
    /// The search ended before the node limit, so `x` is within the gap of the optimum.
    pub complete: bool,
}

const INT_TOL: f64 = 1e-6;

fn feasible(lp: &LinearProgram, x: &[f64]) -> bool {
    lp.rows.iter().zip(lp.row_values(x)).all(|(r, v)| {
        let tol = 1e-9 * r.rhs.abs().max(1.0);
        match r.sense {
            Sense::AtMost => v <= r.rhs + tol,
            Sense::AtLeast => v >= r.rhs - tol,
        }
    })
}

/// How many more servers of column `j` fit under every at-most row (and `hi`).
fn room(lp: &LinearProgram, x: &[f64], j: usize, hi: &[f64]) -> f64 {
    let values = lp.row_values(x);
    let mut k = hi[j] - x[j];
    for (r, v) in lp.rows.iter().zip(values) {
        let a = r
            .coefficients
            .iter()
            .find(|(i, _)| *i == j)
            .map_or(0.0, |(_, a)| *a);
        let fits = match r.sense {
            Sense::AtMost if a > 0.0 => ((r.rhs - v) / a + 1e-9).floor(),
            Sense::AtLeast if a < 0.0 => ((v - r.rhs) / -a + 1e-9).floor(),
            _ => continue,
        };
        k = k.min(fits.max(0.0));
    }
    k
}

/// Rounds an LP point down, then repairs at-least rows greedily with the cheapest column
/// per unit of the row, then (when maximising) fills what room is left.
fn round_and_repair(
    lp: &LinearProgram,
    relaxed: &[f64],
    lo: &[f64],
    hi: &[f64],
) -> Option<Vec<f64>> {
    let mut x: Vec<f64> = relaxed
        .iter()
        .zip(lo)
        .map(|(v, l)| (v + INT_TOL).floor().max(*l))
        .collect();
    let sign = if lp.maximise { -1.0 } else { 1.0 };
    for _ in 0..4 * lp.rows.len() + 4 {
        let values = lp.row_values(&x);
        let Some((r, v)) =
            lp.rows.iter().zip(values).find(|(r, v)| {
                r.sense == Sense::AtLeast && *v < r.rhs - 1e-9 * r.rhs.abs().max(1.0)
            })
        else {
            break;
        };
        let deficit = r.rhs - v;
        let best = r
            .coefficients
            .iter()
            .filter(|(j, a)| *a > 0.0 && room(lp, &x, *j, hi) >= 1.0)
            .min_by(|(i, a), (j, b)| {
                (sign * lp.objective[*i] / a)
                    .total_cmp(&(sign * lp.objective[*j] / b))
                    .then(i.cmp(j))
            })
            .copied();
        let (j, a) = best?;
        let k = (deficit / a - 1e-9)
            .ceil()
            .max(1.0)
            .min(room(lp, &x, j, hi));
        x[j] += k;
    }
    if !feasible(lp, &x) {
        return None;
    }
    if lp.maximise {
        let mut order: Vec<usize> = (0..x.len()).filter(|&j| lp.objective[j] > 0.0).collect();
        order.sort_by(|&i, &j| lp.objective[j].total_cmp(&lp.objective[i]).then(i.cmp(&j)));
        for j in order {
            let k = room(lp, &x, j, hi);
            if k >= 1.0 {
                x[j] += k;
            }
        }
    }
    feasible(lp, &x).then_some(x)
}

/// Depth-first branch and bound; see the module docs.
pub(crate) fn branch_and_bound(lp: &LinearProgram, mip_gap: f64) -> Result<BbResult, SolveFailure> {
    let n = lp.columns.len();
    let sign = if lp.maximise { -1.0 } else { 1.0 };
    let mut best: Option<(f64, Vec<f64>)> = None;
    let mut stack = vec![(vec![0.0; n], vec![f64::INFINITY; n])];
    let mut nodes = 0;
    let mut root = true;
    while let Some((lo, hi)) = stack.pop() {
        if nodes >= NODE_LIMIT {
            break;
        }
        nodes += 1;
        let relaxed = match lp.relaxation_within(&lo, &hi) {
            Ok(x) => x,
            Err(SolveFailure::Infeasible) => continue,
            Err(e) if root => return Err(e),
            Err(_) => continue,
        };
        root = false;
        let bound = sign * lp.objective_value(&relaxed);
        if let Some((inc, _)) = &best
            && bound >= inc - mip_gap * inc.abs() - 1e-9
        {
            continue;
        }
        if let Some(x) = round_and_repair(lp, &relaxed, &lo, &hi) {
            let value = sign * lp.objective_value(&x);
            if best
                .as_ref()
                .is_none_or(|(inc, _)| value < *inc - 1e-12 * inc.abs())
            {
                best = Some((value, x));
            }
        }
        if let Some((inc, _)) = &best
            && bound >= inc - mip_gap * inc.abs() - 1e-9
        {
            continue;
        }
        // Branch on the most fractional column (lowest index on ties).
        let pick = relaxed
            .iter()
            .enumerate()
            .map(|(j, v)| (j, (v - v.floor()).min(v.ceil() - v)))
            .filter(|(_, f)| *f > INT_TOL)
            .max_by(|(i, a), (j, b)| a.total_cmp(b).then(j.cmp(i)));
        let Some((j, _)) = pick else {
            // An integral LP optimum: the node's best plan.
            let x: Vec<f64> = relaxed.iter().map(|v| v.round()).collect();
            let value = sign * lp.objective_value(&x);
            if feasible(lp, &x) && best.as_ref().is_none_or(|(inc, _)| value < *inc) {
                best = Some((value, x));
            }
            continue;
        };
        let v = relaxed[j];
        let (mut down_hi, mut up_lo) = (hi.clone(), lo.clone());
        down_hi[j] = v.floor();
        up_lo[j] = v.ceil();
        let down = (lo.clone(), down_hi);
        let up = (up_lo, hi);
        // The side nearer the LP value is explored first (pushed last).
        if v - v.floor() < 0.5 {
            stack.push(up);
            stack.push(down);
        } else {
            stack.push(down);
            stack.push(up);
        }
    }
    match best {
        Some((_, x)) => Ok(BbResult {
            x,
            complete: nodes < NODE_LIMIT || stack.is_empty(),
        }),
        None if nodes >= NODE_LIMIT => Err(SolveFailure::Solver(format!(
            "no whole-server plan found within {NODE_LIMIT} branch-and-bound nodes"
        ))),
        None => Err(SolveFailure::Infeasible),
    }
}

impl LinearProgram {
    /// Solves with microlp, the solver the library ships. With `integer`, every column is
    /// a whole number of servers, found by our branch and bound (this module) over
    /// microlp's LP relaxations; it stops once the plan is within `mip_gap` (relative) of
    /// the best bound.
    pub fn solve(&self, integer: bool, mip_gap: f64) -> Result<Vec<f64>, SolveFailure> {
        if integer {
            branch_and_bound(self, mip_gap).map(|r| r.x)
        } else {
            let zeros = vec![0.0; self.columns.len()];
            let inf = vec![f64::INFINITY; self.columns.len()];
            self.relaxation_within(&zeros, &inf)
        }
    }
}
