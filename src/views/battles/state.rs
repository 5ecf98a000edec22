//! Headless state of the battles view: which battle is shown, whose verdict evidence is
//! open, the highlighted outcome, the confidence floor and the market-share measure,
//! read from and written to the URL.

use crate::router::QueryMap;
use crate::url_state::{Notice, Query, to_query};
use yunce_data::{Confidence, Dataset, Measure};

/// The lowest confidence a reader chose to see.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Floor {
    /// Every row, low confidence included.
    #[default]
    All,
    /// Medium and high.
    Medium,
    /// High only.
    High,
}

impl Floor {
    /// Every floor, in the order of the switch.
    pub const ALL: [Floor; 3] = [Floor::All, Floor::Medium, Floor::High];

    /// The URL value.
    pub fn slug(self) -> &'static str {
        match self {
            Floor::All => "all",
            Floor::Medium => "medium",
            Floor::High => "high",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.slug() == s)
    }

    /// Whether a row of this confidence is shown.
    pub fn admits(self, c: Confidence) -> bool {
        match self {
            Floor::All => true,
            Floor::Medium => c >= Confidence::Medium,
            Floor::High => c >= Confidence::High,
        }
    }

    /// The locale key of its label.
    pub fn key(self) -> &'static str {
        match self {
            Floor::All => "battles.floor_all",
            Floor::Medium => "battles.floor_medium",
            Floor::High => "battles.floor_high",
        }
    }
}

/// Everything the battles view shows, as chosen by the reader or a deep link.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BattlesState {
    /// The one battle shown (1–5), or every battle.
    pub battle: Option<u8>,
    /// The battle whose verdict evidence is open.
    pub evidence: Option<u8>,
    /// A highlighted outcome row (`OC-019`), as a link from the sources view opens it.
    pub row: Option<String>,
    /// The confidence floor.
    pub floor: Floor,
    /// The market-share measure charted (`None`: every measure, one chart each).
    pub measure: Option<Measure>,
}

fn battle_number(data: &Dataset) -> impl Fn(&str) -> Option<u8> + '_ {
    move |s| {
        let n = s.parse::<u8>().ok()?;
        data.battles.iter().any(|b| b.n == n).then_some(n)
    }
}

impl BattlesState {
    /// Reads the state; a value that names nothing falls back and gives a notice.
    pub fn from_query(data: &Dataset, map: &QueryMap) -> (Self, Vec<Notice>) {
        let mut q = Query::new(map);
        let battle = q.read("b", battle_number(data));
        let evidence = q.read("ev", battle_number(data));
        let row = q.read("row", |s| data.outcome(s).map(|o| o.meta.id.clone()));
        let floor = q.read("conf", Floor::parse).unwrap_or_default();
        let measure = q.read("m", |s| {
            Measure::from_slug(s).filter(|m| data.share_measures().contains(m))
        });
        let state = Self {
            battle,
            evidence,
            row,
            floor,
            measure,
        };
        (state, q.finish(&[]))
    }

    /// Writes the state as a query string; defaults are left out.
    pub fn to_query(&self) -> String {
        let num = |n: Option<u8>| n.map(|n| n.to_string()).unwrap_or_default();
        let floor = if self.floor == Floor::All {
            String::new()
        } else {
            self.floor.slug().to_owned()
        };
        to_query(&[
            ("b", num(self.battle)),
            ("ev", num(self.evidence)),
            ("row", self.row.clone().unwrap_or_default()),
            ("conf", floor),
            (
                "m",
                self.measure
                    .map(|m| m.slug().to_owned())
                    .unwrap_or_default(),
            ),
        ])
    }

    /// Whether battle `n` is shown.
    pub fn shows(&self, n: u8) -> bool {
        self.battle.is_none_or(|b| b == n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> &'static Dataset {
        crate::data::dataset().unwrap_or_else(|e| panic!("{e}"))
    }

    fn parse(query: &str) -> (BattlesState, Vec<Notice>) {
        BattlesState::from_query(data(), &QueryMap::parse(query))
    }

    #[test]
    fn every_param_round_trips() {
        assert_eq!(BattlesState::default().to_query(), "");
        let state = BattlesState {
            battle: Some(3),
            evidence: Some(3),
            row: Some("OC-019".into()),
            floor: Floor::Medium,
            measure: Some(Measure::CanalysSpend),
        };
        let (back, notices) = parse(&state.to_query());
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(back, state);
    }

    #[test]
    fn values_that_name_nothing_fall_back_with_a_notice() {
        let (state, notices) = parse("?b=9&ev=x&row=OC-999&conf=some&m=gartner&zz=1");
        assert_eq!(state, BattlesState::default());
        let params: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
        assert_eq!(params, ["b", "ev", "row", "conf", "m", "zz"]);
    }

    #[test]
    fn the_floor_admits_what_it_says() {
        assert!(Floor::All.admits(Confidence::Low));
        assert!(!Floor::Medium.admits(Confidence::Low));
        assert!(Floor::Medium.admits(Confidence::High));
        assert!(!Floor::High.admits(Confidence::Medium));
    }
}
