//! A generated region: zones, cells, racks and nodes under shared dependencies (DNS, the
//! access-key service, power and cooling per zone, a control plane), one customer segment
//! per cell. The view's topology editor and the benchmarks start from it.

use crate::model::{
    Block, Component, ComponentKind, Duration, FailureRate, Repair, Scenario, Segment,
    default_sla_targets,
};
use crate::params::{ParamError, Params};
use crate::presets::response_observed;
use crate::value::Value;
use serde::{Deserialize, Serialize};

/// The shape of a generated region.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    /// Availability zones.
    pub zones: u32,
    /// Cells per zone; each cell serves its own customers.
    pub cells_per_zone: u32,
    /// Racks per cell.
    pub racks_per_cell: u32,
    /// Racks a cell needs up.
    pub racks_needed: u32,
    /// Nodes per rack.
    pub nodes_per_rack: u32,
    /// Nodes a rack needs up.
    pub nodes_needed: u32,
}

impl Layout {
    /// About 1,000 components: 2 zones × 5 cells × 9 racks × 10 nodes, plus shared parts.
    pub const THOUSAND: Self = Self {
        zones: 2,
        cells_per_zone: 5,
        racks_per_cell: 9,
        racks_needed: 8,
        nodes_per_rack: 10,
        nodes_needed: 8,
    };

    /// Components the layout generates.
    pub fn component_count(&self) -> u64 {
        let cells = u64::from(self.zones) * u64::from(self.cells_per_zone);
        let racks = cells * u64::from(self.racks_per_cell);
        3 + u64::from(self.zones) + cells + racks + racks * u64::from(self.nodes_per_rack)
    }
}

fn people_restored(name: &str, kind: ComponentKind, per_year: f64, why: &str) -> Component {
    Component {
        name: name.to_owned(),
        kind,
        failure: FailureRate::PerYear(Value::assumed(per_year, why)),
        repair: Repair::Response,
    }
}

/// A region of the given layout with sourced defaults where the fact base has them.
pub fn region(p: &Params, layout: Layout) -> Result<Scenario, ParamError> {
    let none = "no source in the fact base";
    let mut components = vec![
        people_restored("control-plane", ComponentKind::ControlPlane, 0.5, none),
        people_restored("ak-service", ComponentKind::AuthService, 0.2, none),
        people_restored("dns", ComponentKind::Dns, 0.2, none),
    ];
    let mut segments = vec![Segment {
        name: "console and APIs".to_owned(),
        customer_share: Value::assumed(
            0.0,
            "management plane: its downtime is shown, no customer-minutes counted",
        ),
        structure: Block::Series(vec![
            Block::Component("control-plane".to_owned()),
            Block::Component("ak-service".to_owned()),
        ]),
    }];
    let cells = layout.zones * layout.cells_per_zone;
    let share = Value::assumed(
        1.0 / f64::from(cells.max(1)),
        "customers split evenly over cells",
    );
    for z in 0..layout.zones {
        let power = format!("zone-{z}.power-cooling");
        components.push(crate::presets::power_cooling(p, power.clone())?);
        for c in 0..layout.cells_per_zone {
            let cell = format!("zone-{z}.cell-{c}");
            components.push(people_restored(&cell, ComponentKind::Cell, 1.0, none));
            let mut racks = Vec::new();
            for r in 0..layout.racks_per_cell {
                let rack = format!("{cell}.rack-{r}");
                components.push(Component {
                    name: rack.clone(),
                    kind: ComponentKind::Rack,
                    failure: FailureRate::PerYear(p.derived(
                        "RP-024",
                        0.05,
                        "5 % of top-of-rack switches failing in a year, as a rate",
                    )?),
                    repair: Repair::Time(Duration::Exponential {
                        mean_minutes: Value::assumed(120.0, "a switch swap; no source"),
                    }),
                });
                let mut nodes = Vec::new();
                for n in 0..layout.nodes_per_rack {
                    let node = format!("{rack}.node-{n}");
                    components.push(crate::presets::node(p, node.clone())?);
                    nodes.push(Block::Component(node));
                }
                racks.push(Block::Series(vec![
                    Block::Component(rack),
                    Block::KOfN {
                        k: layout.nodes_needed,
                        of: nodes,
                    },
                ]));
            }
            segments.push(Segment {
                name: cell.clone(),
                customer_share: share.clone(),
                structure: Block::Series(vec![
                    Block::Component("dns".to_owned()),
                    Block::Component("ak-service".to_owned()),
                    Block::Component(power.clone()),
                    Block::Component(cell),
                    Block::KOfN {
                        k: layout.racks_needed,
                        of: racks,
                    },
                ]),
            });
        }
    }
    Ok(Scenario {
        name: format!("region of {} components", components.len()),
        seed: 42,
        years: 10_000,
        components,
        segments,
        groups: Vec::new(),
        changes: Vec::new(),
        response: response_observed(p)?,
        scripted: Vec::new(),
        repair_pools: Vec::new(),
        sla_targets_percent: default_sla_targets(),
    })
}
