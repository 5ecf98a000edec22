//! The built-in cluster: the composition of Alibaba's openb GPU cluster as summary statistics
//! (node counts per shape), so the app can ship it without the trace file.
//!
//! The table was computed from `openb_node_list_gpu_node.csv` of the Alibaba GPU cluster trace
//! v2023 (Weng et al., USENIX ATC '23; research or study use). Expanding it gives 1,213 nodes
//! and 6,212 GPUs, the cluster the FGD experiments simulate. Node names are synthetic, so
//! per-seed tie-breaks differ from a run on the trace file; the composition is identical.

use crate::model::{MAX_CPU_MILLI, MAX_GPUS_PER_NODE, MAX_MEMORY_MIB, NodeSpec};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The most nodes an edited cluster may have.
pub const MAX_PRESET_NODES: u64 = 50_000;

/// The most node groups an edited cluster may have (openb has 15). Each group is a row of
/// the lab's cluster editor, and 5,000 of them held the page for a fifth of a second; a
/// cluster of more kinds of node is a node file.
pub const MAX_GROUPS: usize = 100;

/// A number of identical nodes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeGroup {
    /// GPU model name.
    pub model: String,
    /// GPUs per node.
    pub gpus: u32,
    /// vCPU × 1000 per node.
    pub cpu_milli: u64,
    /// Memory per node, MiB.
    pub memory_mib: u64,
    /// Number of nodes.
    pub count: u32,
}

/// The openb GPU cluster by node shape: (model, GPUs, cpu_milli, memory_mib, nodes).
pub const OPENB_GROUPS: [(&str, u32, u64, u64, u32); 15] = [
    ("G2", 8, 96_000, 393_216, 549),
    ("T4", 2, 104_000, 524_288, 387),
    ("T4", 4, 96_000, 393_216, 17),
    ("G3", 8, 128_000, 786_432, 39),
    ("P100", 2, 16_000, 122_880, 107),
    ("P100", 2, 64_000, 262_144, 22),
    ("P100", 2, 8_000, 61_440, 2),
    ("P100", 1, 8_000, 61_440, 3),
    ("V100M32", 8, 96_000, 786_432, 21),
    ("V100M32", 4, 48_000, 376_832, 9),
    ("V100M16", 4, 32_000, 131_072, 28),
    ("V100M16", 1, 8_000, 32_768, 19),
    ("V100M16", 8, 64_000, 262_144, 7),
    ("V100M16", 8, 82_000, 344_064, 1),
    ("A10", 1, 128_000, 1_048_576, 2),
];

/// The openb GPU cluster as editable groups.
pub fn openb_preset() -> Vec<NodeGroup> {
    OPENB_GROUPS
        .iter()
        .map(|&(model, gpus, cpu_milli, memory_mib, count)| NodeGroup {
            model: model.to_owned(),
            gpus,
            cpu_milli,
            memory_mib,
            count,
        })
        .collect()
}

/// Why a group list cannot become a cluster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupError {
    /// Index of the offending group.
    pub group: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for GroupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "node group {}: {}", self.group + 1, self.message)
    }
}

impl std::error::Error for GroupError {}

/// Whether a model name is usable: 1 to 32 ASCII letters, digits, `-` or `_`.
pub fn valid_model_name(name: &str) -> bool {
    (1..=32).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Expands groups into nodes named `lab-node-00000`, … in group order.
pub fn expand_groups(groups: &[NodeGroup]) -> Result<Vec<NodeSpec>, GroupError> {
    if groups.len() > MAX_GROUPS {
        return Err(GroupError {
            group: MAX_GROUPS,
            message: format!(
                "a cluster has at most {MAX_GROUPS} node groups, not {}; a node file has no limit",
                groups.len()
            ),
        });
    }
    expand_up_to(groups, MAX_PRESET_NODES)
}

/// [`expand_groups`] with another node limit (a generated fleet may be larger than an
/// edited cluster).
pub(crate) fn expand_up_to(groups: &[NodeGroup], limit: u64) -> Result<Vec<NodeSpec>, GroupError> {
    let mut total: u64 = 0;
    for (i, g) in groups.iter().enumerate() {
        let fail = |message: &str| GroupError {
            group: i,
            message: message.to_owned(),
        };
        if !valid_model_name(&g.model) {
            return Err(fail("the model name must be 1–32 letters, digits, - or _"));
        }
        if g.gpus == 0 || g.gpus > MAX_GPUS_PER_NODE {
            return Err(fail("GPUs per node must be 1 to 64"));
        }
        if g.cpu_milli == 0 || g.memory_mib == 0 {
            return Err(fail("CPU and memory must be positive"));
        }
        if g.cpu_milli > MAX_CPU_MILLI || g.memory_mib > MAX_MEMORY_MIB {
            return Err(fail(&format!(
                "at most {} vCPU and {} GiB per node",
                MAX_CPU_MILLI / 1000,
                MAX_MEMORY_MIB / 1024
            )));
        }
        total += u64::from(g.count);
    }
    if total > limit {
        return Err(GroupError {
            group: groups.len().saturating_sub(1),
            message: format!("at most {limit} nodes in all"),
        });
    }
    let mut nodes = Vec::with_capacity(total as usize);
    for g in groups {
        for _ in 0..g.count {
            nodes.push(NodeSpec {
                name: format!("lab-node-{:05}", nodes.len()),
                cpu_milli: g.cpu_milli,
                memory_mib: g.memory_mib,
                gpus: g.gpus,
                model: g.model.clone(),
            });
        }
    }
    Ok(nodes)
}

/// Writes groups as `MODEL~GPUS~VCPU~GIB~COUNT` joined by commas (the lab's URL and request
/// form; CPU in whole vCPU and memory in whole GiB, as every openb node has).
pub fn format_groups(groups: &[NodeGroup]) -> String {
    groups
        .iter()
        .map(|g| {
            format!(
                "{}~{}~{}~{}~{}",
                g.model,
                g.gpus,
                g.cpu_milli / 1000,
                g.memory_mib / 1024,
                g.count
            )
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Parses [`format_groups`] text; the error names the group and the field.
pub fn parse_groups(text: &str) -> Result<Vec<NodeGroup>, GroupError> {
    let mut groups = Vec::new();
    for (i, part) in text.split(',').filter(|p| !p.is_empty()).enumerate() {
        let fail = |message: &str| GroupError {
            group: i,
            message: message.to_owned(),
        };
        let fields: Vec<&str> = part.split('~').collect();
        let [model, gpus, cpu, mem, count] = fields[..] else {
            return Err(fail("expected MODEL~GPUS~VCPU~GIB~COUNT"));
        };
        let num = |v: &str, name: &str| {
            v.parse::<u32>()
                .map_err(|_| fail(&format!("{name} {v:?} is not a whole number")))
        };
        groups.push(NodeGroup {
            model: model.to_owned(),
            gpus: num(gpus, "GPUs")?,
            cpu_milli: u64::from(num(cpu, "vCPU")?) * 1000,
            memory_mib: u64::from(num(mem, "memory")?) * 1024,
            count: num(count, "count")?,
        });
    }
    expand_groups(&groups)?;
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preset_matches_the_trace_summary() {
        let nodes = expand_groups(&openb_preset()).unwrap();
        assert_eq!(nodes.len(), 1213);
        assert_eq!(nodes.iter().map(|n| u64::from(n.gpus)).sum::<u64>(), 6212);
        assert_eq!(nodes.iter().map(|n| n.cpu_milli).sum::<u64>(), 107_018_000);
        let g2: u32 = nodes
            .iter()
            .filter(|n| n.model == "G2")
            .map(|n| n.gpus)
            .sum();
        assert_eq!(g2, 4392);
    }

    #[test]
    fn bad_groups_name_the_group() {
        let mut g = openb_preset();
        g[2].gpus = 0;
        assert_eq!(expand_groups(&g).unwrap_err().group, 2);
        g[2].gpus = 4;
        g[3].model = "bad name".into();
        assert_eq!(expand_groups(&g).unwrap_err().group, 3);
        g[3].model = "H20".into();
        g[0].count = 60_000;
        assert!(expand_groups(&g).is_err());
        let one = NodeGroup {
            count: 1,
            ..openb_preset()[0].clone()
        };
        let many = vec![one; MAX_GROUPS + 1];
        let e = expand_groups(&many).unwrap_err();
        assert!(
            e.to_string().contains("at most 100 node groups, not 101"),
            "{e}"
        );
        assert!(expand_groups(&many[..MAX_GROUPS]).is_ok());
    }

    #[test]
    fn groups_round_trip_as_text() {
        let g = openb_preset();
        let text = format_groups(&g);
        assert!(text.starts_with("G2~8~96~384~549,T4~2~104~512~387"));
        assert_eq!(parse_groups(&text).unwrap(), g);
        assert_eq!(parse_groups("H20~8~x~1~1").unwrap_err().group, 0);
        assert!(parse_groups("G2~8~96~384").is_err());
        assert!(parse_groups("").unwrap().is_empty());
    }
}
