//! Names and structures: component names resolve to indices, and blocks become gates.

use super::{Gate, MAX_DEPTH, Unit};
use crate::checks::too_large;
use crate::error::{Problem, ScenarioError};
use crate::model::{Block, Scenario};
use std::collections::BTreeMap;

pub(super) fn index_names(scenario: &Scenario) -> Result<BTreeMap<&str, u32>, ScenarioError> {
    let mut names = BTreeMap::new();
    for (i, c) in scenario.components.iter().enumerate() {
        if names.insert(c.name.as_str(), i as u32).is_some() {
            return Err(ScenarioError::new(
                format!("components[{i}].name"),
                Problem::DuplicateName(c.name.clone()),
            ));
        }
    }
    Ok(names)
}

pub(super) fn resolve(
    list: &[String],
    path: &str,
    names: &BTreeMap<&str, u32>,
) -> Result<Vec<u32>, ScenarioError> {
    if list.is_empty() {
        return Err(ScenarioError::new(path, Problem::Empty));
    }
    list.iter()
        .enumerate()
        .map(|(i, n)| {
            names.get(n.as_str()).copied().ok_or_else(|| {
                ScenarioError::new(format!("{path}[{i}]"), Problem::UnknownName(n.clone()))
            })
        })
        .collect()
}

/// Adds a structure's gates (children first) and returns the index of its gate.
pub(super) fn add_block(
    block: &Block,
    path: &str,
    depth: usize,
    names: &BTreeMap<&str, u32>,
    units: &mut [Unit],
    gates: &mut Vec<Gate>,
) -> Result<u32, ScenarioError> {
    if depth > MAX_DEPTH {
        return Err(too_large(path, depth as u64, MAX_DEPTH as u64));
    }
    let Some((k, children)) = block.as_k_of_n() else {
        return Err(ScenarioError::new(path, Problem::Empty));
    };
    let n = children.len() as u32;
    if n == 0 {
        return Err(ScenarioError::new(path, Problem::Empty));
    }
    if k == 0 {
        return Err(ScenarioError::new(path, Problem::KZero));
    }
    if k > n {
        return Err(ScenarioError::new(path, Problem::KAboveN { k, n }));
    }
    let mut child_gates = Vec::new();
    let mut child_units = Vec::new();
    for (i, child) in children.iter().enumerate() {
        let cpath = format!("{path}[{i}]");
        match child {
            Block::Component(name) => {
                let u = names.get(name.as_str()).copied().ok_or_else(|| {
                    ScenarioError::new(&cpath, Problem::UnknownName(name.clone()))
                })?;
                child_units.push(u);
            }
            b => child_gates.push(add_block(b, &cpath, depth + 1, names, units, gates)?),
        }
    }
    let id = gates.len() as u32;
    gates.push(Gate {
        k,
        n,
        parent: None,
        segment: None,
    });
    for g in child_gates {
        gates[g as usize].parent = Some(id);
    }
    for u in child_units {
        units[u as usize].parents.push(id);
    }
    Ok(id)
}
