//! Headless state of the sources view: the search text, the highlighted source or
//! figure, and the way back, read from and written to the URL.

use crate::components::source_chip::is_in_app_path;
use crate::router::QueryMap;
use crate::url_state::{Notice, Query, to_query};
use yunce_data::Dataset;

/// Everything the sources view shows, as chosen by the user or a deep link.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourcesState {
    /// Search text (matches ids, outlets, titles, dates, citing rows, issues).
    pub q: String,
    /// The highlighted source id (`S014`).
    pub id: Option<String>,
    /// The highlighted figure (`FIN-024`) or inconsistency (`IC-004`).
    pub fig: Option<String>,
    /// Where the user came from: an in-app path with its query.
    pub back: Option<String>,
}

impl SourcesState {
    /// Reads the state; an unknown id, figure or unsafe back link gives a notice.
    pub fn from_query(data: &Dataset, map: &QueryMap) -> (Self, Vec<Notice>) {
        let mut q = Query::new(map);
        let text = q.read("q", |s| Some(s.to_string())).unwrap_or_default();
        let id = q.read("id", |s| data.source(s).map(|x| x.id.clone()));
        let fig = q.read("fig", |s| {
            (data.meta(s).is_some() || data.inconsistency(s).is_some()).then(|| s.to_string())
        });
        // Only an in-app path: never another origin (`//host`) or a scheme.
        let back = q.read("back", |s| is_in_app_path(s).then(|| s.to_string()));
        let state = Self {
            q: text,
            id,
            fig,
            back,
        };
        (state, q.finish(&[]))
    }

    /// Writes the state as a query string; empty values are left out.
    pub fn to_query(&self) -> String {
        to_query(&[
            ("q", self.q.clone()),
            ("id", self.id.clone().unwrap_or_default()),
            ("fig", self.fig.clone().unwrap_or_default()),
            ("back", self.back.clone().unwrap_or_default()),
        ])
    }

    /// True when `text` matches the search (case-insensitive); an empty search matches all.
    pub fn matches(&self, text: &str) -> bool {
        // ASCII folding is enough: Chinese has no case, and it keeps Unicode tables out.
        let needle = self.q.trim().to_ascii_lowercase();
        needle.is_empty() || text.to_ascii_lowercase().contains(&needle)
    }
}

/// The view that shows a fact row, by its id prefix.
pub fn view_of(row_id: &str) -> Option<&'static str> {
    let prefix = row_id.split('-').next().unwrap_or_default();
    Some(match prefix {
        "MS" | "SZ" => "/market",
        "FIN" | "EV" | "MC" | "OUT" => "/alibaba",
        "CC" | "PT" | "AC" | "EC" => "/compute",
        "OC" => "/battles",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> &'static Dataset {
        crate::data::dataset().unwrap_or_else(|e| panic!("{e}"))
    }

    fn parse(query: &str) -> (SourcesState, Vec<Notice>) {
        SourcesState::from_query(data(), &QueryMap::parse(query))
    }

    #[test]
    fn every_param_round_trips() {
        assert_eq!(SourcesState::default().to_query(), "");
        let state = SourcesState {
            q: "canalys share & more".into(),
            id: Some("S014".into()),
            fig: Some("FIN-024".into()),
            back: Some("/alibaba?basis=reported&lbl=calendar".into()),
        };
        let query = state.to_query();
        assert!(query.contains("back=%2Falibaba%3Fbasis%3Dreported%26lbl%3Dcalendar"));
        let (back, notices) = parse(&query);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(back, state);
        let issue = SourcesState {
            fig: Some("IC-004".into()),
            ..SourcesState::default()
        };
        assert_eq!(parse(&issue.to_query()).0, issue);
    }

    #[test]
    fn unknown_ids_and_unsafe_back_links_give_notices() {
        let (state, notices) = parse("id=S999&fig=NO-1&back=//evil.example&zzz=1");
        assert_eq!(state, SourcesState::default());
        let params: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
        assert_eq!(params, ["id", "fig", "back", "zzz"]);
        assert_eq!(parse("back=https://x.example").0.back, None);
        assert_eq!(parse("back=/a\\b").0.back, None);
    }

    #[test]
    fn search_matches_without_case() {
        let state = SourcesState {
            q: " Canalys ".into(),
            ..SourcesState::default()
        };
        assert!(state.matches("S014 canalys report"));
        assert!(!state.matches("IDC"));
        assert!(SourcesState::default().matches("anything"));
    }

    #[test]
    fn rows_open_in_their_view() {
        assert_eq!(view_of("FIN-024"), Some("/alibaba"));
        assert_eq!(view_of("MS-001"), Some("/market"));
        assert_eq!(view_of("PT-001"), Some("/compute"));
        assert_eq!(view_of("IC-001"), None);
    }
}
