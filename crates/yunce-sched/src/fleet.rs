//! Fleets larger than the trace: a synthetic fleet of a given GPU count with the node-shape
//! mix of the openb cluster, and the heat map's aggregation for fleets with more nodes than a
//! screen has rows.

use crate::inflation::NodeUsage;
use crate::model::NodeSpec;
use crate::preset::{NodeGroup, OPENB_GROUPS, expand_up_to};
use crate::rng::{Pcg32, Stream};

/// The most GPUs a synthetic fleet may have: a little above ×100 of openb (621,200 GPUs).
pub const MAX_FLEET_GPUS: u32 = 650_000;

/// The most strips (nodes or bins of nodes) a heat map carries.
pub const HEAT_MAX_STRIPS: usize = 2_400;

/// The node groups of a synthetic fleet with exactly `gpus` GPUs, in the order of
/// [`OPENB_GROUPS`] (groups that drew no node are left out).
///
/// The rule: nodes are drawn one at a time from the 15 node shapes of openb, each with the
/// probability of its share of openb's 1,213 nodes (so 549 in 1,213 draws are 8-GPU G2
/// nodes), from the seed's own random stream. While 8 or more GPUs remain, any shape may be
/// drawn; after that only shapes that still fit (with the same relative weights), which ends
/// exactly at `gpus` because 1-GPU shapes exist. The same `(gpus, seed)` gives the same fleet.
pub fn fleet_groups(gpus: u32, seed: u64) -> Result<Vec<NodeGroup>, String> {
    if gpus == 0 || gpus > MAX_FLEET_GPUS {
        return Err(format!(
            "a synthetic fleet has 1 to {MAX_FLEET_GPUS} GPUs, not {gpus}"
        ));
    }
    let mut rng = Pcg32::new(seed, Stream::Fleet);
    let mut counts = [0u32; OPENB_GROUPS.len()];
    let mut left = gpus;
    while left > 0 {
        // Only shapes that fit; while 8 or more GPUs remain, that is every shape.
        let weight = |g: &(&str, u32, u64, u64, u32)| if g.1 <= left { g.4 } else { 0 };
        let total: u32 = OPENB_GROUPS.iter().map(weight).sum();
        let mut pick = rng.below(total);
        for (i, g) in OPENB_GROUPS.iter().enumerate() {
            let w = weight(g);
            if pick < w {
                counts[i] += 1;
                left -= g.1;
                break;
            }
            pick -= w;
        }
    }
    Ok(OPENB_GROUPS
        .iter()
        .zip(counts)
        .filter(|(_, count)| *count > 0)
        .map(
            |(&(model, gpus, cpu_milli, memory_mib, _), count)| NodeGroup {
                model: model.to_owned(),
                gpus,
                cpu_milli,
                memory_mib,
                count,
            },
        )
        .collect())
}

/// The nodes of [`fleet_groups`], named `lab-node-00000`, … in group order.
pub fn fleet_nodes(gpus: u32, seed: u64) -> Result<Vec<NodeSpec>, String> {
    let groups = fleet_groups(gpus, seed)?;
    expand_up_to(&groups, u64::from(MAX_FLEET_GPUS)).map_err(|e| e.to_string())
}

/// A heat map of at most [`HEAT_MAX_STRIPS`] strips: returns the nodes per strip `b` and,
/// per strip, (model of its first node, milli used per GPU slot).
///
/// The rule: with `n` nodes, `b = ceil(n / 2,400)`; strip `i` covers nodes `i·b .. i·b+b` in
/// node order, and its GPU slot `g` is the mean (rounded down) of the use of GPU `g` over the
/// strip's nodes that have a GPU `g`. With 2,400 nodes or fewer, `b` is 1 and every strip is
/// one node as it is.
pub fn heat_strips(usage: &[NodeUsage]) -> (u32, Vec<(String, Vec<u32>)>) {
    let b = usage.len().div_ceil(HEAT_MAX_STRIPS).max(1);
    let strips = usage
        .chunks(b)
        .map(|bin| {
            let width = bin
                .iter()
                .map(|n| n.gpu_used_milli.len())
                .max()
                .unwrap_or(0);
            let cells = (0..width)
                .map(|g| {
                    let (sum, count) = bin
                        .iter()
                        .filter_map(|n| n.gpu_used_milli.get(g))
                        .fold((0u64, 0u64), |(s, c), &u| (s + u64::from(u), c + 1));
                    (sum / count.max(1)) as u32
                })
                .collect();
            let model = bin.first().map(|n| n.model.clone()).unwrap_or_default();
            (model, cells)
        })
        .collect();
    (b as u32, strips)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(groups: &[NodeGroup]) -> u64 {
        groups
            .iter()
            .map(|g| u64::from(g.gpus) * u64::from(g.count))
            .sum()
    }

    #[test]
    fn exact_total_seeded_and_with_the_openb_mix() {
        for gpus in [1, 7, 9, 6212, 62_120] {
            let groups = fleet_groups(gpus, 1).unwrap_or_default();
            assert_eq!(total(&groups), u64::from(gpus), "{gpus}");
        }
        let a = fleet_groups(62_120, 7).unwrap_or_default();
        assert_eq!(a, fleet_groups(62_120, 7).unwrap_or_default());
        assert_ne!(a, fleet_groups(62_120, 8).unwrap_or_default());
        // G2 nodes are 549 of openb's 1,213 nodes: about 45% of the drawn nodes.
        let nodes: u32 = a.iter().map(|g| g.count).sum();
        let g2 = a.iter().find(|g| g.model == "G2").map_or(0, |g| g.count);
        let share = f64::from(g2) / f64::from(nodes);
        assert!((share - 549.0 / 1213.0).abs() < 0.02, "{share}");
        assert!(fleet_groups(0, 1).is_err());
        assert!(fleet_groups(MAX_FLEET_GPUS + 1, 1).is_err());
        let nodes = fleet_nodes(MAX_FLEET_GPUS, 1).unwrap_or_default();
        assert_eq!(
            nodes.iter().map(|n| u64::from(n.gpus)).sum::<u64>(),
            650_000
        );
    }

    #[test]
    fn heat_bins_average_slots() {
        let node = |model: &str, used: Vec<u32>| NodeUsage {
            name: String::new(),
            model: model.into(),
            gpu_used_milli: used,
            cpu_used_milli: 0,
        };
        let small = vec![node("T4", vec![1000, 0]); 3];
        assert_eq!(heat_strips(&small).0, 1);
        assert_eq!(heat_strips(&small).1.len(), 3);
        let mut big = vec![node("G2", vec![1000; 8]); HEAT_MAX_STRIPS];
        big.push(node("T4", vec![0, 500]));
        big.push(node("T4", vec![0]));
        let (b, strips) = heat_strips(&big);
        assert_eq!(b, 2);
        assert_eq!(strips.len(), HEAT_MAX_STRIPS / 2 + 1);
        assert_eq!(strips[0].1, vec![1000; 8]);
        assert_eq!(strips.last().map(|s| s.1.clone()), Some(vec![0, 500]));
    }
}
