//! Scenarios rebuilt from Alibaba Cloud's outages (`outages.csv`), each with what-ifs.
//!
//! Each incident scenario replays the outage once a year (a scripted incident at its
//! date and time) on top of the background failures, so its scope and duration show in
//! every simulated year; the what-ifs replay the same trigger on a different design.

mod parts;

pub use parts::{hour_of_year, node, power_cooling, response_1_5_10, response_observed};

use crate::model::{
    Block, ChangeProcess, ComponentKind, Duration, Rollout, Scenario, ScriptedIncident,
    ScriptedKind, Segment, default_sla_targets,
};
use crate::params::{ParamError, Params};
use crate::value::Value;
use parts::{control_plane, k_of, people_restored};

/// An incident, rebuilt as a scenario, with its what-ifs.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    /// Stable id for URLs, e.g. `hk-zone-c`.
    pub id: &'static str,
    /// Row of `outages.csv` it rebuilds.
    pub outage_row: &'static str,
    /// The incident as it happened.
    pub incident: Scenario,
    /// Alternative designs under the same trigger.
    pub what_ifs: Vec<WhatIf>,
    /// Modelling notes in short sentences.
    pub notes: Vec<&'static str>,
}

/// A what-if beside an incident.
#[derive(Clone, Debug, PartialEq)]
pub struct WhatIf {
    /// Stable id for URLs, e.g. `multi-zone`.
    pub id: &'static str,
    /// The changed scenario.
    pub scenario: Scenario,
}

fn scenario(name: &str) -> Scenario {
    Scenario {
        name: name.to_owned(),
        seed: 42,
        years: 10_000,
        components: Vec::new(),
        segments: Vec::new(),
        groups: Vec::new(),
        changes: Vec::new(),
        response: response_1_5_10(),
        scripted: Vec::new(),
        repair_pools: Vec::new(),
        sla_targets_percent: default_sla_targets(),
    }
}

fn share(value: f64, why: &str) -> Value {
    Value::assumed(value, why)
}

/// Every preset, in the order of `outages.csv`.
pub fn all() -> Result<Vec<Preset>, ParamError> {
    let p = Params::embedded()?;
    Ok(vec![
        zone_preset(&p, ZoneIncident::HongKong)?,
        access_key(&p)?,
        database_consoles(&p)?,
        zone_preset(&p, ZoneIncident::Singapore)?,
    ])
}

/// The preset with this id.
pub fn by_id(id: &str) -> Result<Option<Preset>, ParamError> {
    Ok(all()?.into_iter().find(|p| p.id == id))
}

#[derive(Clone, Copy)]
enum ZoneIncident {
    HongKong,
    Singapore,
}

/// A zone loses power or cooling: single-zone deployments go down with it.
fn zone_preset(p: &Params, which: ZoneIncident) -> Result<Preset, ParamError> {
    let (id, row, region, start, duration) = match which {
        ZoneIncident::HongKong => (
            "hk-zone-c",
            "OUT-001",
            "hk",
            hour_of_year(12, 18, 8, 56),
            p.verbatim("OUT-001")?,
        ),
        ZoneIncident::Singapore => (
            "sg-zone-c",
            "OUT-005",
            "sg",
            hour_of_year(9, 10, 10, 20),
            p.derived(
                "RP-051",
                7.0 * 24.0 * 60.0,
                "7 days, a lower bound: no end was published",
            )?,
        ),
    };
    let mut base = scenario(&format!("{row} {region} Zone C, single-zone deployments"));
    base.response = response_observed(p)?;
    let mut zone_blocks = Vec::new();
    for zone in ["b", "c"] {
        let power = format!("{region}.zone-{zone}.power-cooling");
        base.components.push(power_cooling(p, power.clone())?);
        let nodes: Vec<String> = (1..=3)
            .map(|i| format!("{region}.zone-{zone}.node-{i}"))
            .collect();
        for n in &nodes {
            base.components.push(node(p, n.clone())?);
        }
        zone_blocks.push(Block::Series(vec![
            Block::Component(power),
            k_of(2, &nodes),
        ]));
    }
    base.scripted.push(ScriptedIncident {
        name: format!("{row} Zone C power and cooling lost"),
        start_hour: start,
        kind: ScriptedKind::Outage {
            targets: vec![format!("{region}.zone-c.power-cooling")],
            duration: Duration::Fixed { minutes: duration },
        },
    });
    let mut incident = base.clone();
    let half = "customers split evenly between the two zones; no source";
    for (zone, block) in ["B", "C"].iter().zip(&zone_blocks) {
        incident.segments.push(Segment {
            name: format!("Zone {zone} only (2 of 3 hosts)"),
            customer_share: share(0.5, half),
            structure: block.clone(),
        });
    }
    let mut multi = base;
    multi.name = format!("{row} what-if: every deployment across Zones B and C");
    multi.segments.push(Segment {
        name: "Zones B + C (2 of 3 hosts in either)".to_owned(),
        customer_share: share(1.0, "every customer deploys across both zones"),
        structure: Block::Parallel(zone_blocks),
    });
    let mut notes = vec![
        "Two zones of the region are modelled; each hosts a service on 3 hosts that needs 2.",
        "The zone's power and cooling is a shared dependency in series with its hosts.",
    ];
    if let ZoneIncident::Singapore = which {
        notes.push("OUT-005 has no published end; RP-051 gives at least 7 days for key services.");
    }
    Ok(Preset {
        id,
        outage_row: row,
        incident,
        what_ifs: vec![WhatIf {
            id: "multi-zone",
            scenario: multi,
        }],
        notes,
    })
}

/// Regions of the console presets; a stand-in count, not a figure from the fact base.
const AK_REGIONS: usize = 12;

/// 2023-11-12: a bad access-key whitelist took every region's console and APIs down.
fn access_key(p: &Params) -> Result<Preset, ParamError> {
    let regions: Vec<String> = (1..=AK_REGIONS).map(|i| format!("region-{i:02}")).collect();
    let region_share = share(
        1.0 / AK_REGIONS as f64,
        "12 regions as a stand-in for 'all regions', customers split evenly; no source",
    );
    let whitelist = |stages: Vec<Vec<String>>, rollout| -> Result<ChangeProcess, ParamError> {
        Ok(ChangeProcess {
            name: "access-key whitelist update".to_owned(),
            deploys_per_year: Value::assumed(12.0, "a monthly whitelist update; no source"),
            change_failure_rate: p.derived(
                "RP-039",
                0.075,
                "midpoint of DORA's elite 0-15 % change failure rate, as a fraction",
            )?,
            stages,
            rollout,
        })
    };
    let replay = ScriptedIncident {
        name: "OUT-002 incomplete whitelist pushed".to_owned(),
        start_hour: hour_of_year(11, 12, 17, 39),
        kind: ScriptedKind::BadChange {
            change: "access-key whitelist update".to_owned(),
        },
    };
    let mut global = scenario("OUT-002 global access-key service, whitelist pushed at once");
    global.response = response_observed(p)?;
    global.components.push(people_restored(
        "ak-service".to_owned(),
        ComponentKind::AuthService,
    ));
    for r in &regions {
        global
            .components
            .push(control_plane(format!("{r}.control-plane")));
        global.segments.push(Segment {
            name: format!("{r} console and APIs"),
            customer_share: region_share.clone(),
            structure: Block::Series(vec![
                Block::Component(format!("{r}.control-plane")),
                Block::Component("ak-service".to_owned()),
            ]),
        });
    }
    global.changes.push(whitelist(
        vec![vec!["ak-service".to_owned()]],
        Rollout::AllAtOnce,
    )?);
    global.scripted.push(replay.clone());

    let mut regional = scenario("OUT-002 what-if: regional access-key services, gray release");
    regional.response = global.response.clone();
    for r in &regions {
        regional
            .components
            .push(control_plane(format!("{r}.control-plane")));
        regional.components.push(people_restored(
            format!("{r}.ak-service"),
            ComponentKind::AuthService,
        ));
        regional.segments.push(Segment {
            name: format!("{r} console and APIs"),
            customer_share: region_share.clone(),
            structure: Block::Series(vec![
                Block::Component(format!("{r}.control-plane")),
                Block::Component(format!("{r}.ak-service")),
            ]),
        });
    }
    // One region first, then two, then the rest: a gray release by region.
    let ak = |r: &String| format!("{r}.ak-service");
    let stages = vec![
        regions.iter().take(1).map(ak).collect(),
        regions.iter().skip(1).take(2).map(ak).collect(),
        regions.iter().skip(3).map(ak).collect(),
    ];
    let bake = Value::assumed(30.0, "30 minutes between gray stages; no source");
    regional
        .changes
        .push(whitelist(stages, Rollout::Gray { bake_minutes: bake })?);
    regional.scripted.push(replay);

    let mut fast = global.clone();
    fast.name = "OUT-002 what-if: the '1-5-10' response".to_owned();
    fast.response = response_1_5_10();
    Ok(Preset {
        id: "ak-whitelist",
        outage_row: "OUT-002",
        incident: global,
        what_ifs: vec![
            WhatIf {
                id: "regional-gray",
                scenario: regional,
            },
            WhatIf {
                id: "response-1-5-10",
                scenario: fast,
            },
        ],
        notes: vec![
            "Each region's console depends on its control plane and on the access-key service.",
            "Alibaba announced gray verification of whitelist updates afterwards (RP-056).",
            "The what-if stops the gray release at detection, after the first region.",
        ],
    })
}

/// Regions named in OUT-003.
const DB_REGIONS: [&str; 8] = [
    "beijing",
    "shanghai",
    "hangzhou",
    "shenzhen",
    "qingdao",
    "hong-kong",
    "us-east",
    "us-west",
];

/// 2023-11-27: the database products' console and OpenAPI were down in eight regions.
fn database_consoles(p: &Params) -> Result<Preset, ParamError> {
    let undisclosed =
        "assumed equal to the 2023-11-12 incident's (RP-052, RP-053): OUT-003 gives only the total";
    let mut base = scenario("OUT-003 database consoles, shared console service");
    base.response = crate::model::Response {
        detect: parts::fixed(Value::assumed(11.0, undisclosed)),
        locate: parts::fixed(Value::assumed(11.0, undisclosed)),
        recover: parts::fixed(p.derived("OUT-003", 80.0, "102 min in total minus 22 min")?),
    };
    base.components.push(people_restored(
        "db-console-service".to_owned(),
        ComponentKind::Database,
    ));
    let region_share = share(
        1.0 / 8.0,
        "customers split evenly over the eight regions named; no source",
    );
    for r in DB_REGIONS {
        base.components
            .push(control_plane(format!("{r}.db-control-plane")));
        base.segments.push(Segment {
            name: format!("{r} database console and OpenAPI"),
            customer_share: region_share.clone(),
            structure: Block::Series(vec![
                Block::Component(format!("{r}.db-control-plane")),
                Block::Component("db-console-service".to_owned()),
            ]),
        });
    }
    base.changes.push(ChangeProcess {
        name: "database console release".to_owned(),
        deploys_per_year: Value::assumed(24.0, "a release every two weeks; no source"),
        change_failure_rate: p.derived(
            "RP-039",
            0.075,
            "midpoint of DORA's elite 0-15 %, as a fraction",
        )?,
        stages: vec![vec!["db-console-service".to_owned()]],
        rollout: Rollout::AllAtOnce,
    });
    base.scripted.push(ScriptedIncident {
        name: "OUT-003 database consoles down".to_owned(),
        start_hour: hour_of_year(11, 27, 9, 16),
        kind: ScriptedKind::BadChange {
            change: "database console release".to_owned(),
        },
    });
    let mut fast = base.clone();
    fast.name = "OUT-003 what-if: the '1-5-10' response".to_owned();
    fast.response = response_1_5_10();
    Ok(Preset {
        id: "db-consoles",
        outage_row: "OUT-003",
        incident: base,
        what_ifs: vec![WhatIf {
            id: "response-1-5-10",
            scenario: fast,
        }],
        notes: vec![
            "The cause was not disclosed; it is modelled as a bad change (about 70 % of outages follow changes, RP-035).",
            "Running database instances were unaffected; the segments are management operations only.",
        ],
    })
}
