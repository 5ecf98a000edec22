//! The messages between the stability view and its Web Worker: serde types sent as postcard
//! bytes, decoded strictly (a cut message, trailing bytes or an unknown variant is an error,
//! never a default value).
//!
//! The page sends one [`RunRequest`] with the scenarios to simulate side by side; the worker
//! answers with [`WorkerMsg`]s: progress per scenario, one report per finished scenario, and
//! [`WorkerMsg::Done`]. Cancelling is the page terminating the worker. Both ends are built from
//! this crate at the same commit, so the byte layout is versioned by the build.

use crate::model::Scenario;
use crate::report::Report;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// One request: simulate each scenario in turn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunRequest {
    /// The scenarios, in the order their reports come back.
    pub scenarios: Vec<Scenario>,
    /// Years per chunk between progress messages (results do not depend on it).
    pub chunk_years: u32,
}

/// What the worker says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WorkerMsg {
    /// Years done of scenario `run`.
    Progress {
        /// Index into [`RunRequest::scenarios`].
        run: u32,
        /// Years simulated so far.
        years_done: u32,
        /// Years asked for.
        years_total: u32,
    },
    /// The report of scenario `run`, with the worker's own simulation time.
    Report {
        /// Index into [`RunRequest::scenarios`].
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
    /// Scenario `run` was rejected or the request could not be read.
    Failed {
        /// Index of the scenario, if one was at fault.
        run: Option<u32>,
        /// Field path, empty when the request itself was bad.
        path: String,
        /// The reason in English (the page shows its own text for scenario problems).
        reason: String,
    },
}

/// Writes a message as postcard bytes.
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).unwrap_or_default()
}

/// Reads a message written by [`encode`]. Truncated input, trailing bytes, an unknown
/// variant, invalid UTF-8 or a number out of range is an error.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    match postcard::take_from_bytes(bytes) {
        Ok((value, [])) => Ok(value),
        Ok((_, rest)) => Err(format!(
            "bad message: {} bytes left over after {} bytes",
            rest.len(),
            bytes.len() - rest.len()
        )),
        Err(e) => Err(format!("bad message ({} bytes): {e}", bytes.len())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_and_a_report_round_trip_and_cut_bytes_fail() {
        let presets = crate::presets::all().unwrap_or_default();
        let scenarios: Vec<Scenario> = presets.into_iter().map(|p| p.incident).collect();
        assert_eq!(scenarios.len(), 4);
        let req = RunRequest {
            scenarios,
            chunk_years: 100,
        };
        let bytes = encode(&req);
        assert_eq!(decode::<RunRequest>(&bytes), Ok(req.clone()));
        assert!(decode::<RunRequest>(&bytes[..bytes.len() - 1]).is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode::<RunRequest>(&longer).is_err());
        let mut s = req.scenarios[0].clone();
        s.years = 50;
        let report = crate::simulate(&s).map_err(|e| e.to_string());
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
