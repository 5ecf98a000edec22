//! Every view's URL state, checked against one query string: it parses without panicking,
//! what it writes reads back to the same state with no notice, and writing it again gives
//! the same text. The fuzz target `view_state` (`fuzz/`) and the native tests run it on
//! arbitrary text; it is not part of any view.

use crate::router::QueryMap;
use crate::url_state::Notice;
use yunce_data::Dataset;

/// One view's round trip: `read` parses a query, `write` writes the state back.
fn round_trip<S: PartialEq + std::fmt::Debug>(
    view: &str,
    map: &QueryMap,
    read: impl Fn(&QueryMap) -> Option<(S, Vec<Notice>)>,
    write: impl Fn(&S) -> String,
) -> Result<(), String> {
    let Some((state, _)) = read(map) else {
        return Ok(());
    };
    let written = write(&state);
    let Some((again, notices)) = read(&QueryMap::parse(&written)) else {
        return Err(format!("{view}: {written:?} does not read back"));
    };
    // Debug text as the tie-break: a NaN the planner keeps for its engine to name is not
    // equal to itself, yet it reads back as the same state.
    if again != state && format!("{again:?}") != format!("{state:?}") {
        return Err(format!(
            "{view}: {written:?} reads back as {again:?}, not {state:?}"
        ));
    }
    if !notices.is_empty() {
        return Err(format!("{view}: {written:?} gives notices {notices:?}"));
    }
    let rewritten = write(&again);
    if rewritten != written {
        return Err(format!(
            "{view}: {written:?} is written again as {rewritten:?}"
        ));
    }
    Ok(())
}

/// Checks every view's URL state on `search` (a query string, `?` optional). The error
/// names the view, the text it wrote and what differed.
pub fn url_states(data: &Dataset, search: &str) -> Result<(), String> {
    use super::{alibaba, battles, compute, lab, market, overview, plan, sources, stability};
    let map = QueryMap::parse(search);
    round_trip(
        "overview",
        &map,
        |m| Some(overview::state::OverviewState::from_query(m)),
        |s| s.to_query(),
    )?;
    round_trip(
        "battles",
        &map,
        |m| Some(battles::state::BattlesState::from_query(data, m)),
        |s| s.to_query(),
    )?;
    round_trip(
        "market",
        &map,
        |m| market::state::MarketState::from_query(data, m),
        |s| s.to_query(data),
    )?;
    round_trip(
        "alibaba",
        &map,
        |m| Some(alibaba::state::AlibabaState::from_query(data, m)),
        |s| s.to_query(data),
    )?;
    round_trip(
        "compute",
        &map,
        |m| Some(compute::state::ComputeState::from_query(data, m)),
        |s| s.to_query(),
    )?;
    round_trip(
        "sources",
        &map,
        |m| Some(sources::state::SourcesState::from_query(data, m)),
        |s| s.to_query(),
    )?;
    round_trip(
        "lab",
        &map,
        |m| Some(lab::state::LabState::from_query(m)),
        |s| s.to_query(),
    )?;
    round_trip(
        "plan",
        &map,
        |m| Some(plan::state::PlanState::from_query(m)),
        |s| s.to_query(),
    )?;
    round_trip(
        "stability",
        &map,
        |m| Some(stability::state::StabilityState::from_query(m)),
        |s| s.to_query(),
    )
}

#[cfg(test)]
mod tests {
    use super::url_states;
    use proptest::prelude::*;

    fn data() -> &'static yunce_data::Dataset {
        crate::data::dataset().unwrap_or_else(|e| panic!("the fact base does not parse: {e}"))
    }

    /// Names and values that every view reads, so generated queries reach past the fallbacks.
    const KEYS: &[&str] = &[
        "at", "b", "back", "conf", "ev", "row", "basis", "c", "cap", "cat", "cb", "cl", "cmp",
        "cpu", "d", "ds", "e", "fig", "from", "g", "gs", "gseed", "id", "k", "lbl", "m", "mb",
        "mg", "n", "p", "q", "ro", "s", "sh", "sla", "t", "tab", "to", "v", "w", "x", "y", "z",
    ];
    const VALUES: &[&str] = &[
        "",
        "0",
        "1",
        "-1",
        "1e308",
        "NaN",
        "inf",
        "-0",
        "0.5",
        "2000",
        "42..44",
        "1,2,3",
        "fgd",
        "bestfit,fgd",
        "replay",
        "inflation",
        "canalys-spend",
        "idc-revenue",
        "quarter",
        "H20~8~192~2048~85",
        "a.b:1",
        "x.y:NaN",
        "%E2%80%AE",
        "%ZZ",
        "+",
        "~~~",
        "..",
        ",,",
        "4294967296",
        "18446744073709551616",
        "1e-400",
        "ak-whitelist",
        "bars",
        "table",
    ];

    fn query() -> impl Strategy<Value = String> {
        let pair = (
            prop_oneof![
                prop::sample::select(KEYS).prop_map(str::to_owned),
                "[a-z%+=&.~,-]{0,4}"
            ],
            prop_oneof![
                prop::sample::select(VALUES).prop_map(str::to_owned),
                "[ -~]{0,12}",
                "\\PC{0,6}",
            ],
        )
            .prop_map(|(k, v)| format!("{k}={v}"));
        prop::collection::vec(pair, 0..6).prop_map(|p| format!("?{}", p.join("&")))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn every_view_reads_any_query_and_round_trips(search in query()) {
            if let Err(e) = url_states(data(), &search) {
                prop_assert!(false, "{search:?}: {e}");
            }
        }

        #[test]
        fn every_view_reads_arbitrary_text(search in "\\PC{0,40}") {
            if let Err(e) = url_states(data(), &search) {
                prop_assert!(false, "{search:?}: {e}");
            }
        }
    }

    #[test]
    fn a_kept_nan_reads_back_as_the_same_state() {
        // The planner keeps a number that parses, NaN included, for its engine to name.
        for search in [
            "?mb=NaN",
            "?t=NaN&cb=NaN&ds=NaN",
            "?p=seed-increment&mb=NaN",
        ] {
            assert_eq!(url_states(data(), search), Ok(()), "{search:?}");
        }
    }

    #[test]
    fn the_default_and_empty_queries_round_trip() {
        for search in ["", "?", "?&&", "?=", "?==", "?%", "?a=%"] {
            assert_eq!(url_states(data(), search), Ok(()), "{search:?}");
        }
    }
}
