//! Building blocks shared by the presets: components with sourced defaults, and the
//! response-time presets.

use crate::model::{Block, Component, ComponentKind, Duration, FailureRate, Repair, Response};
use crate::params::{ParamError, Params};
use crate::value::Value;

/// A fixed duration in minutes.
pub fn fixed(minutes: Value) -> Duration {
    Duration::Fixed { minutes }
}

/// The observed response of the 2023-11-12 incident: 11 min to confirm the AK service as
/// the cause (RP-052), 11 more to the root cause (RP-053), 79 more to most regions
/// restored (RP-054).
pub fn response_observed(p: &Params) -> Result<Response, ParamError> {
    Ok(Response {
        detect: fixed(p.verbatim("RP-052")?),
        locate: fixed(p.derived(
            "RP-053",
            11.0,
            "22 min to root cause minus 11 min to detection",
        )?),
        recover: fixed(p.derived(
            "RP-054",
            79.0,
            "101 min to most regions restored minus 22 min",
        )?),
    })
}

/// Alibaba's often-cited "1-5-10" target: detect in 1 min, locate in 5, recover in 10.
/// The fact base found no Alibaba source for it (see RP-052's note), so it is an assumption.
pub fn response_1_5_10() -> Response {
    let why = "the widely cited '1-5-10' target; no Alibaba source was found for it (RP-052 note)";
    Response {
        detect: fixed(Value::assumed(1.0, why)),
        locate: fixed(Value::assumed(5.0, why)),
        recover: fixed(Value::assumed(10.0, why)),
    }
}

/// A host: failure rate from the Llama 3 fleet (RP-002), failover to a healthy host in
/// 5 minutes (RP-018).
pub fn node(p: &Params, name: String) -> Result<Component, ParamError> {
    Ok(Component {
        name,
        kind: ComponentKind::Node,
        failure: FailureRate::MtbfHours(p.derived(
            "RP-002",
            264.0 * 24.0,
            "264 server-days between interruptions per 8-GPU server (the row's note), in hours",
        )?),
        repair: Repair::Time(Duration::Exponential {
            mean_minutes: p.derived(
                "RP-018",
                5.0,
                "the 5-minute restart on a healthy host, used as the mean",
            )?,
        }),
    })
}

/// Power and cooling of one zone: multi-hour zone-wide facility events at the rate the
/// fact base derives (RP-050), lasting like Hong Kong Zone C (OUT-001, 834 min median).
pub fn power_cooling(p: &Params, name: String) -> Result<Component, ParamError> {
    Ok(Component {
        name,
        kind: ComponentKind::PowerCooling,
        failure: FailureRate::PerYear(p.verbatim("RP-050")?),
        repair: Repair::Time(Duration::LogNormal {
            median_minutes: p.derived(
                "OUT-001",
                834.0,
                "the Hong Kong Zone C outage's length as the median",
            )?,
            sigma: Value::assumed(
                1.0,
                "spread between the ~14 h Hong Kong and the 7+ day Singapore zone outages (RP-051)",
            ),
        }),
    })
}

/// A regional control plane (console and management APIs), restored by people.
pub fn control_plane(name: String) -> Component {
    Component {
        name,
        kind: ComponentKind::ControlPlane,
        failure: FailureRate::PerYear(Value::assumed(
            0.5,
            "software faults of a regional control plane outside changes; no source in the fact base",
        )),
        repair: Repair::Response,
    }
}

/// A service restored by people (the access-key service, a database console service).
pub fn people_restored(name: String, kind: ComponentKind) -> Component {
    Component {
        name,
        kind,
        failure: FailureRate::PerYear(Value::assumed(
            0.2,
            "faults outside changes; Google finds ~70 % of outages follow changes (RP-035), so most risk is in the change process",
        )),
        repair: Repair::Response,
    }
}

/// `k` of the named components.
pub fn k_of(k: u32, names: &[String]) -> Block {
    Block::KOfN {
        k,
        of: names.iter().map(|n| Block::Component(n.clone())).collect(),
    }
}

/// Hour of the (non-leap) year for a month, day, hour and minute.
pub fn hour_of_year(month: u32, day: u32, hour: u32, minute: u32) -> f64 {
    const DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let before: u32 = DAYS.iter().take(month.saturating_sub(1) as usize).sum();
    f64::from(before + day.saturating_sub(1)) * 24.0 + f64::from(hour) + f64::from(minute) / 60.0
}
