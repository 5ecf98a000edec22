//! Headless state of the overview. It has no settings of its own; a link with params
//! it does not know still gets a notice, as every view's does.

use crate::router::QueryMap;
use crate::url_state::{Notice, Query};

/// The overview's state: nothing to choose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OverviewState;

impl OverviewState {
    /// Reads the state; every param is unknown and gives a notice.
    pub fn from_query(map: &QueryMap) -> (Self, Vec<Notice>) {
        (Self, Query::new(map).finish(&[]))
    }

    /// Writes the state as a query string: always empty. Nothing in the view writes
    /// the URL yet; the tests hold the two directions together.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn to_query(self) -> String {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_params_round_trip_to_nothing() {
        let (state, notices) = OverviewState::from_query(&QueryMap::parse(""));
        assert!(notices.is_empty());
        assert_eq!(state.to_query(), "");
    }

    #[test]
    fn unknown_params_give_notices() {
        let (_, notices) = OverviewState::from_query(&QueryMap::parse("?m=x&tab=y"));
        let params: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
        assert_eq!(params, ["m", "tab"]);
    }
}
