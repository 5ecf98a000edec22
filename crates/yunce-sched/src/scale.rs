//! Fleet scale: a node list and a pod list replicated K times, so a published trace can
//! stand for a fleet of an operator's size.

use crate::model::{NodeSpec, PodSpec};

/// The largest replication factor accepted: ×1000 of openb is 1.2 million nodes.
pub const MAX_SCALE: u32 = 1000;

/// Name of copy `copy` (0-based) of an item: copy 0 keeps its name, later copies get a
/// `~k` suffix, which no openb name has, so names stay distinct.
fn copy_name(name: &str, copy: u32) -> String {
    if copy == 0 {
        name.to_owned()
    } else {
        format!("{name}~{copy}")
    }
}

/// `items` repeated `k` times, each copy renamed by `rename`; copies follow one another.
fn replicate<T: Clone>(items: &[T], k: u32, rename: impl Fn(&mut T, u32)) -> Vec<T> {
    let mut out = Vec::with_capacity(items.len().saturating_mul(k as usize));
    for copy in 0..k {
        for item in items {
            let mut item = item.clone();
            rename(&mut item, copy);
            out.push(item);
        }
    }
    out
}

/// The node list replicated `k` times with distinct names (`k` of 0 is treated as 1).
pub fn scale_nodes(nodes: &[NodeSpec], k: u32) -> Vec<NodeSpec> {
    replicate(nodes, k.max(1), |n, copy| n.name = copy_name(&n.name, copy))
}

/// The pod list replicated `k` times with distinct names (`k` of 0 is treated as 1).
pub fn scale_pods(pods: &[PodSpec], k: u32) -> Vec<PodSpec> {
    replicate(pods, k.max(1), |p, copy| p.name = copy_name(&p.name, copy))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_distinct_and_in_blocks() {
        let nodes = vec![
            NodeSpec {
                name: "a".into(),
                cpu_milli: 1000,
                memory_mib: 1,
                gpus: 1,
                model: "T4".into(),
            };
            2
        ];
        let out = scale_nodes(&nodes, 3);
        let names: Vec<&str> = out.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["a", "a", "a~1", "a~1", "a~2", "a~2"]);
        assert_eq!(scale_nodes(&nodes, 0).len(), 2);
    }
}
