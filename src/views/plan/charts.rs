//! The planner's charts as `yunce_chart` specs, built from the worker's answers: the mix by
//! chip (stacked), the presets side by side (stacked), the Pareto frontier and the tornado.
//! One spec serves the screen and the SVG/PNG downloads.

use super::text::num;
use yunce_chart::{ChartKind, ChartSpec, Series};
use yunce_plan::{Mode, ParetoPoint, Plan, Tornado};

/// Captions of a chart in the UI language.
pub struct Words {
    /// Title.
    pub title: String,
    /// Measure and unit.
    pub subtitle: String,
    /// Source line.
    pub source: String,
}

fn spec(
    w: Words,
    x: Vec<String>,
    series: Vec<Series>,
    unit: &str,
    kind: ChartKind,
    width: f64,
) -> ChartSpec {
    ChartSpec {
        title: w.title,
        subtitle: w.subtitle,
        source: w.source,
        x_labels: x,
        series,
        y_unit: unit.to_owned(),
        kind,
        width: width.clamp(320.0, 900.0),
        height: 280.0,
        decimals: 2,
    }
}

/// Chips in the order they first appear in the plans, each with a stable colour.
fn chips<'a>(plans: impl Iterator<Item = &'a Plan>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for p in plans {
        for l in &p.lines {
            if !out.iter().any(|(id, _)| *id == l.chip_id) {
                out.push((l.chip_id.clone(), l.chip.clone()));
            }
        }
    }
    out
}

/// Each chip's share of the plan's servers, facility MW and capex (stacked to 100%); the
/// tooltip gives the absolute figure.
pub fn mix(plan: &Plan, w: Words, measures: &[String; 3], width: f64) -> ChartSpec {
    let t = &plan.totals;
    let totals = [t.servers as f64, t.facility_mw, t.capex_rmb];
    let series = chips(std::iter::once(plan))
        .into_iter()
        .enumerate()
        .map(|(i, (id, name))| {
            let mut sums = [0.0; 3];
            for l in plan.lines.iter().filter(|l| l.chip_id == id) {
                sums[0] += l.servers as f64;
                sums[1] += l.facility_mw;
                sums[2] += l.capex_rmb;
            }
            let notes = vec![
                Some(format!("{} servers", num(sums[0], 0))),
                Some(format!("{} MW", num(sums[1], 2))),
                Some(super::text::rmb(sums[2])),
            ];
            Series {
                key: id,
                label: name,
                values: (0..3)
                    .map(|k| (totals[k] > 0.0).then(|| 100.0 * sums[k] / totals[k]))
                    .collect(),
                notes,
                color: i % 8,
            }
        })
        .collect();
    spec(w, measures.to_vec(), series, "%", ChartKind::Stacked, width)
}

/// Capex by chip for each compared preset, RMB bn; a preset with no plan is an empty stack.
pub fn compare(plans: &[(String, Option<&Plan>)], w: Words, width: f64) -> ChartSpec {
    let present = plans.iter().filter_map(|(_, p)| *p);
    let series = chips(present)
        .into_iter()
        .enumerate()
        .map(|(i, (id, name))| {
            let values: Vec<Option<f64>> = plans
                .iter()
                .map(|(_, p)| {
                    p.map(|p| {
                        p.lines
                            .iter()
                            .filter(|l| l.chip_id == id)
                            .map(|l| l.capex_rmb / 1e9)
                            .sum::<f64>()
                    })
                    .filter(|v| *v > 0.0)
                })
                .collect();
            Series {
                key: id,
                label: name,
                notes: vec![None; values.len()],
                values,
                color: i % 8,
            }
        })
        .collect();
    let x = plans.iter().map(|(n, _)| n.clone()).collect();
    spec(w, x, series, " bn", ChartKind::Stacked, width)
}

/// EFLOPS against the capex budget; a budget with no plan is a gap.
pub fn pareto(points: &[ParetoPoint], w: Words, label: String, width: f64) -> ChartSpec {
    let x = points.iter().map(|p| num(p.budget_rmb / 1e9, 1)).collect();
    let series = vec![Series {
        key: "frontier".into(),
        label,
        values: points
            .iter()
            .map(|p| p.feasible.then_some(p.eflops))
            .collect(),
        notes: points
            .iter()
            .map(|p| {
                p.feasible
                    .then(|| format!("{} servers, {} MW", p.servers, num(p.facility_mw, 1)))
            })
            .collect(),
        color: 0,
    }];
    spec(w, x, series, "", ChartKind::Line, width)
}

/// The objective's change at each factor's low and high setting (bars from zero), widest
/// first; `low`/`high` are the legend labels.
pub fn tornado(t: &Tornado, mode: &Mode, w: Words, labels: [String; 2], width: f64) -> ChartSpec {
    let scale = match mode {
        Mode::MinTco { .. } => 1e-9,
        _ => 1.0,
    };
    let bars: Vec<_> = t.bars.iter().take(12).collect();
    let delta = |v: Option<f64>| v.map(|v| (v - t.base_objective) * scale);
    let [low, high] = labels;
    let series = vec![
        Series {
            key: "low".into(),
            label: low,
            values: bars.iter().map(|b| delta(b.objective_low)).collect(),
            notes: vec![None; bars.len()],
            color: 0,
        },
        Series {
            key: "high".into(),
            label: high,
            values: bars.iter().map(|b| delta(b.objective_high)).collect(),
            notes: vec![None; bars.len()],
            color: 1,
        },
    ];
    let x = bars.iter().map(|b| b.factor.clone()).collect();
    let unit = match mode {
        Mode::MinTco { .. } => " bn",
        Mode::MaxEflops { .. } => " EFLOPS",
        Mode::MinMw { .. } => " MW",
    };
    let mut s = spec(w, x, series, unit, ChartKind::Bar, width);
    s.height = 320.0;
    s
}
