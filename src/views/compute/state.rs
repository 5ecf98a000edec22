//! Headless state of the compute plan view: the accelerator vendor filter, read from
//! and written to the URL.

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

    /// Shows one vendor's accelerators (`None` = every vendor).
    pub fn with_vendor(vendor: Option<String>) -> Self {
        Self { vendor }
    }

    /// Writes the state as a query string.
    pub fn to_query(&self) -> String {
        to_query(&[("v", self.vendor.clone().unwrap_or_default())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> &'static Dataset {
        crate::data::dataset().unwrap_or_else(|e| panic!("{e}"))
    }

    fn parse(query: &str) -> (ComputeState, Vec<Notice>) {
        ComputeState::from_query(data(), &QueryMap::parse(query))
    }

    #[test]
    fn every_vendor_round_trips() {
        assert_eq!(ComputeState::default().to_query(), "");
        for vendor in vendors(data()) {
            let state = ComputeState::with_vendor(Some(vendor.clone()));
            let (back, notices) = parse(&state.to_query());
            assert!(notices.is_empty(), "{vendor}");
            assert_eq!(back, state);
        }
        assert_eq!(parse("v=huawei").0.vendor.as_deref(), Some("Huawei"));
    }

    #[test]
    fn an_unknown_vendor_falls_back_with_a_notice() {
        let (state, notices) = parse("v=Nobody&x=1");
        assert_eq!(state, ComputeState::default());
        let params: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
        assert_eq!(params, ["v", "x"]);
    }
}
