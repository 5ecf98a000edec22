//! Small scenario builders for the tests.

use yunce_reliab::{
    Block, Component, ComponentKind, Duration, FailureRate, Repair, Response, Scenario, Segment,
    Value,
};

/// A component with exponential repair.
pub fn unit(name: &str, mtbf_hours: f64, mttr_minutes: f64) -> Component {
    Component {
        name: name.to_owned(),
        kind: ComponentKind::Node,
        failure: FailureRate::MtbfHours(Value::user(mtbf_hours)),
        repair: Repair::Time(Duration::Exponential {
            mean_minutes: Value::user(mttr_minutes),
        }),
    }
}

/// A block naming a component.
pub fn c(name: &str) -> Block {
    Block::Component(name.to_owned())
}

/// Fixed response of `minutes` split evenly.
pub fn response(minutes: f64) -> Response {
    let third = Duration::Fixed {
        minutes: Value::user(minutes / 3.0),
    };
    Response {
        detect: third.clone(),
        locate: third.clone(),
        recover: third,
    }
}

/// A one-segment scenario.
pub fn scenario(components: Vec<Component>, structure: Block, years: u32) -> Scenario {
    Scenario {
        name: "test".to_owned(),
        seed: 7,
        years,
        components,
        segments: vec![Segment {
            name: "all".to_owned(),
            customer_share: Value::user(1.0),
            structure,
        }],
        groups: Vec::new(),
        changes: Vec::new(),
        response: response(30.0),
        scripted: Vec::new(),
        repair_pools: Vec::new(),
        sla_targets_percent: vec![99.9, 99.95, 99.99],
    }
}
