//! The messages between the stability view and its Web Worker: serde types sent as postcard
//! bytes, decoded strictly (a cut message, trailing bytes or an unknown variant is an error,
//! never a default value).
//!
//! The page sends one [`RunRequest`] with the scenarios to simulate side by side; the worker
//! answers with [`WorkerMsg`]s: progress per scenario, one report per finished scenario, and
//! [`WorkerMsg::Done`]. Cancelling is the page terminating the worker. Both ends are built from
//! this crate at the same commit, so the byte layout is versioned by the build.

use crate::report::Report;
use crate::setup::{Description, Setup};
use serde::{Deserialize, Serialize};

/// What the page asks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Describe a setup for the editor (defaults, provenance, the engine's verdict); `id`
    /// comes back so a late answer to an older edit can be dropped.
    Describe {
        /// Echoed in [`WorkerMsg::Described`].
        id: u32,
        /// The setup.
        setup: Setup,
        /// An imported scenario file (JSON text), which replaces the preset.
        file: Option<String>,
    },
    /// Simulate the setup's scenarios in turn.
    Run {
        /// The setup.
        setup: Setup,
        /// An imported scenario file (JSON text).
        file: Option<String>,
    },
    /// Write the setup's scenarios as the JSON `yunce-reliab run --scenario` reads.
    Export {
        /// The setup.
        setup: Setup,
        /// An imported scenario file (JSON text).
        file: Option<String>,
    },
}

/// What the worker says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WorkerMsg {
    /// The answer to [`Request::Describe`].
    Described {
        /// The request's id.
        id: u32,
        /// What the editor shows.
        description: Box<Description>,
    },
    /// Years done of scenario `run`.
    Progress {
        /// Index of the scenario, left first.
        run: u32,
        /// Years simulated so far.
        years_done: u32,
        /// Years asked for.
        years_total: u32,
    },
    /// The report of scenario `run`, with the worker's own simulation time.
    Report {
        /// Index of the scenario, left first.
        run: u32,
        /// The full report.
        report: Box<Report>,
        /// Milliseconds the worker spent simulating it (its clock, not the engine's).
        ms: f64,
    },
    /// Every scenario is done; total worker milliseconds.
    Done {
        /// Milliseconds from the request to the last report.
        ms: f64,
    },
    /// The scenarios as JSON files: (file name stem, text), left first.
    Json(Vec<(String, String)>),
    /// The request could not be carried out.
    Failed(String),
}

pub use yunce_wire::{decode, encode};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_and_reports_round_trip_and_cut_bytes_fail() {
        let setup = Setup {
            preset: "hk-zone-c".into(),
            what_if: Some(String::new()),
            years: 50,
            seed: 1,
            sla: vec![99.9],
            knobs: vec![(crate::setup::Knob::Bake, 5.0)],
            k: Some(2),
            rollout: None,
            zones: 2,
            cells: 5,
        };
        let req = Request::Run {
            setup: setup.clone(),
            file: Some("{}".into()),
        };
        let bytes = encode(&req);
        assert_eq!(decode::<Request>(&bytes), Ok(req.clone()));
        assert!(decode::<Request>(&bytes[..bytes.len() - 1]).is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode::<Request>(&longer).is_err());
        let described = WorkerMsg::Described {
            id: 3,
            description: Box::new(crate::setup::describe(&setup, None)),
        };
        assert_eq!(decode::<WorkerMsg>(&encode(&described)), Ok(described));
        let pair = crate::setup::scenarios(&setup, None);
        assert!(pair.is_ok());
        if let Ok(pair) = pair {
            let report = crate::simulate(&pair.incident).map_err(|e| e.to_string());
            assert!(report.is_ok(), "{report:?}");
            if let Ok(report) = report {
                let msg = WorkerMsg::Report {
                    run: 0,
                    report: Box::new(report),
                    ms: 1.5,
                };
                assert_eq!(decode::<WorkerMsg>(&encode(&msg)), Ok(msg));
            }
        }
    }
}
