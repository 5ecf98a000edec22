//! Headless state of the compute plan view: the accelerator vendor filter.

use crate::router::QueryMap;
use crate::url_state::{Notice, Query, to_query};
use yunce_data::Dataset;

/// Everything the compute plan view lets the user choose.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ComputeState {
    /// Accelerator vendor shown (`None` = every vendor).
    pub vendor: Option<String>,
}

/// Accelerator vendors in data order.
pub fn vendors(data: &Dataset) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in &data.accelerators {
        if !out.contains(&a.vendor) {
            out.push(a.vendor.clone());
        }
    }
    out
}

impl ComputeState {
    /// Reads the state; an unknown vendor falls back to all with a notice.
    pub fn from_query(data: &Dataset, map: &QueryMap) -> (Self, Vec<Notice>) {
        let mut q = Query::new(map);
        let known = vendors(data);
        let vendor = q.read("v", |s| {
            known.iter().find(|v| v.eq_ignore_ascii_case(s)).cloned()
        });
        (Self { vendor }, q.finish(&[]))
    }

    /// Writes the state as a query string.
    pub fn to_query(&self) -> String {
        to_query(&[("v", self.vendor.clone().unwrap_or_default())])
    }
}
